// One place that turns a rejected command into something the clerk can read.
// - An AppError whose `field` belongs to the open form is shown inline under that form item
//   (bind `:error="errors.<field>"` on the el-form-item).
// - Anything else is shown with ElMessage.error: the AppError's Chinese message, or
//   "操作失败：" + String(e) for an unexpected rejection. Never a raw JSON blob, never nothing.
import { reactive, watch } from 'vue';
import { ElMessage } from 'element-plus';
import type { AppError } from './types';

const CODES: readonly AppError['code'][] = [
  'validation', 'not_found', 'conflict', 'invalid_transition', 'import', 'print', 'io', 'database', 'schema_too_new',
];

function looksLikeAppError(v: unknown): v is AppError {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.message === 'string' && typeof o.code === 'string'
    && (o.field === undefined || o.field === null || typeof o.field === 'string');
}

/** The AppError inside a rejection, if it is one (also when it arrives as a JSON string). */
export function asAppError(e: unknown): AppError | null {
  if (looksLikeAppError(e)) {
    const entry = (e as { entry?: unknown }).entry;
    return {
      code: e.code, field: e.field ?? null, message: e.message,
      ...(typeof entry === 'number' ? { entry } : {}),
    };
  }
  if (typeof e === 'string') {
    const s = e.trim();
    if (s.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(s);
        if (looksLikeAppError(parsed)) return asAppError(parsed);
      } catch {
        /* not JSON: fall through */
      }
    }
  }
  return null;
}

export function isKnownCode(code: string): code is AppError['code'] {
  return (CODES as readonly string[]).includes(code);
}

/** The text to show for any rejection. */
export function errorText(e: unknown): string {
  const app = asAppError(e);
  if (app) return app.message.trim() || `操作失败：${app.code}`;
  if (e && typeof e === 'object' && !(e instanceof Error)) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string' && m) return `操作失败：${m}`;
  }
  return `操作失败：${String(e)}`;
}

/** Inline error messages of one form, keyed by snake_case field name ('' = no error). */
export type FieldErrors = Record<string, string>;

/**
 * The form's inline messages, every field '' to start. With `edited` (a getter of the form's model,
 * keyed like the fields), a field's message goes as soon as the clerk changes that field.
 */
export function createFieldErrors(fields: readonly string[], edited?: () => object): FieldErrors {
  const errs: FieldErrors = {};
  for (const f of fields) errs[f] = '';
  const form = reactive(errs);
  if (edited) clearWhenEdited(() => form, edited);
  return form;
}

/**
 * A message under a field is about what the field held: when the field changes, its message goes
 * (the next save checks again). `edited` returns the form's values keyed like `errors`; a key of
 * another name can be mapped there (`() => ({ ...model, date: endDate.value })`). Called in a
 * component's setup, the watch ends with the component.
 */
export function clearWhenEdited(errors: () => Record<string, unknown>, edited: () => object): void {
  const snapshot = (): Record<string, string> => {
    const src = edited() as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const k of Object.keys(src)) out[k] = JSON.stringify(src[k]) ?? '';
    return out;
  };
  watch(snapshot, (now, before) => {
    const errs = errors();
    for (const k of Object.keys(now)) {
      if (now[k] !== before[k] && errs[k]) errs[k] = '';
    }
  }, { flush: 'sync' });
}

export function clearFieldErrors(errs: FieldErrors): void {
  for (const k of Object.keys(errs)) errs[k] = '';
}

/**
 * Show a rejection. Returns where it went: 'field' (inline, under the form item) or 'message'.
 * Pass the open form's FieldErrors; a field the form does not show falls back to a message.
 */
export function reportError(e: unknown, form?: FieldErrors | null): 'field' | 'message' {
  const app = asAppError(e);
  if (app && app.field && form) {
    const key = fieldKey(app.field, form);
    if (key !== null) {
      form[key] = app.message;
      return 'field';
    }
  }
  ElMessage.error({ message: errorText(e), grouping: true, showClose: true, duration: 5000 });
  return 'message';
}

/** Match the core's field name to a form key; tolerates a prefix such as "input.name". */
function fieldKey(field: string, form: FieldErrors): string | null {
  if (field in form) return field;
  const last = field.split('.').pop() ?? field;
  return last in form ? last : null;
}
