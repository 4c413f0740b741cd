// The two questions every book asks the clerk in an Element Plus message box: "why void this?"
// (作废原因, a reason is required: it is kept with the voided entry) and "leave without saving?".
// One copy, so every book words them alike and the end-to-end tests find the same box
// (`.el-message-box input`, `.el-message-box__btns button`: 取消 first, then the confirm button).
import { ElMessage, ElMessageBox } from 'element-plus';
import { reportError } from '../api/errors';
import { onBeforeRouteLeave } from 'vue-router';
import { textMax } from './textLimits';

export interface ReasonPrompt {
  /** the box's title, e.g. 作废会议记录 */
  title: string;
  /** what happens, ending with the question */
  message: string;
  /** the confirm button; 确定作废 unless another action asks for a reason (查看身份信息) */
  confirm?: string;
  /** the input's placeholder */
  placeholder?: string;
  /** shown under the input when it is left empty */
  required?: string;
  /** the reason's field in the core, for its length limit: void_reason unless said (reveal_reason) */
  field?: string;
}

export const REASON_DEFAULTS = {
  confirm: '确定作废',
  placeholder: '请填写原因（必填）',
  required: '请填写原因',
} as const;

/** A reason is only a reason when it has more than blanks in it, and no longer than the core takes. */
export function reasonValidator(required: string, max = textMax('void_reason')): (v: string) => true | string {
  return (v: string) => {
    if (!v || !v.trim()) return required;
    return [...v.trim()].length > max ? `原因不能超过 ${max} 个字` : true;
  };
}

/** Ask for a reason: the trimmed text, or null when the clerk cancelled. */
export async function askReason(p: ReasonPrompt): Promise<string | null> {
  try {
    const res = await ElMessageBox.prompt(p.message, p.title, {
      confirmButtonText: p.confirm ?? REASON_DEFAULTS.confirm,
      cancelButtonText: '取消',
      inputPlaceholder: p.placeholder ?? REASON_DEFAULTS.placeholder,
      inputValidator: reasonValidator(p.required ?? REASON_DEFAULTS.required, textMax(p.field ?? 'void_reason')),
      type: 'warning',
    });
    return (res as { value: string }).value.trim();
  } catch {
    return null;
  }
}

/** "填写的内容还没有保存，确定离开？": true to leave, false to keep filling in the form. */
export async function confirmLeave(): Promise<boolean> {
  try {
    await ElMessageBox.confirm('填写的内容还没有保存，确定离开？', '提示', {
      confirmButtonText: '离开', cancelButtonText: '继续填写', type: 'warning',
    });
    return true;
  } catch {
    return false;
  }
}

/** In a form's setup: leaving asks first, unless `mayLeave()` says nothing would be lost. */
export function guardUnsaved(mayLeave: () => boolean): void {
  onBeforeRouteLeave(async () => (mayLeave() ? true : confirmLeave()));
}

/**
 * Void an entry: ask for the reason, then `act(reason)`; 已作废 (or `done`) when the core agreed.
 * True when voided (the caller reloads), false when cancelled or refused (the error is shown).
 */
export async function voidWithReason(p: ReasonPrompt, act: (reason: string) => Promise<unknown>, done = '已作废'): Promise<boolean> {
  const reason = await askReason(p);
  if (reason === null) return false;
  try {
    await act(reason);
    ElMessage.success(done);
    return true;
  } catch (e) {
    reportError(e);
    return false;
  }
}
