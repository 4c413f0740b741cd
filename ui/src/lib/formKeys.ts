// Every form of the app at the keyboard, alike (the books' form pages, FormDialog, StepDialog):
// - When it opens, the first field has the focus: the first box to type into or pick from. Radio
//   buttons and check boxes keep their default and are passed over, as are disabled, read-only and
//   hidden fields. The focus is "quiet": a date there does not pop its calendar over the form
//   (↓ or a click opens it), and the page does not scroll for it.
// - Ctrl+Enter saves from any field: text, textarea, select, deputy picker, number, radio, date.
//   The key is caught on its way down to the field (capture): Element Plus selects and radios keep
//   Enter to themselves, so a listener on the form would never hear it. A date whose typed text is
//   not read yet is read first, as Tab would (DateInput registers its reader here), so a date that
//   cannot be read stops the save (state/dateGuard.ts) and one that can is saved as read.
// One directive does both: `<el-form v-form-keys="save">` (a form page: focus when it mounts).
// A dialog's form mounts once and opens many times: `v-form-keys.nofocus="save"` on the form and
// `focusFirstField(form)` when the dialog has opened.
import { nextTick, type Directive } from 'vue';

// ---- the first field ----------------------------------------------------------------------------

const FIELDS = 'input, textarea';

function hidden(el: Element, root: Element | Document): boolean {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    if (n instanceof HTMLElement && (n.hidden || n.style.display === 'none')) return true;
  }
  return false;
}

function usable(el: HTMLInputElement | HTMLTextAreaElement, root: Element | Document): boolean {
  if (el.disabled) return false;
  if (el instanceof HTMLInputElement && ['hidden', 'radio', 'checkbox', 'file', 'button', 'submit', 'reset'].includes(el.type)) return false;
  // a select's box is read-only (it is picked from, not typed into); any other read-only box is not a field
  if (el.readOnly && !el.classList.contains('el-select__input')) return false;
  if (el.tabIndex < 0) return false;
  return !hidden(el, root);
}

/** The first field of a form to type into or pick from (see above), or null. */
export function firstField(root: Element | Document): HTMLInputElement | HTMLTextAreaElement | null {
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(FIELDS)) {
    if (usable(el, root)) return el;
  }
  return null;
}

let quiet = false;

/** A focus given by the form, not by the clerk: DateInput then does not open its calendar. */
export function focusIsQuiet(): boolean {
  return quiet;
}

/** Puts the focus in the form's first field (quietly); false when there is none. */
export function focusFirstField(root: Element | null | undefined): boolean {
  const el = root ? firstField(root) : null;
  if (!el) return false;
  quiet = true;
  try {
    el.focus({ preventScroll: true });
  } finally {
    quiet = false;
  }
  return document.activeElement === el;
}

// ---- Ctrl+Enter ---------------------------------------------------------------------------------

/** What a field still holds unread (a date's typed text), by the field's root element. */
const readers = new WeakMap<Element, () => void>();

/** For a field whose typed text is read when it is left (DateInput): read it before a save. */
export function registerReader(el: Element, read: () => void): () => void {
  readers.set(el, read);
  return () => {
    if (readers.get(el) === read) readers.delete(el);
  };
}

/** Reads what the fields around `target` (up to the form) still hold unread. */
function readPending(target: EventTarget | null, form: Element) {
  for (let n = target instanceof Element ? target : null; n && n !== form.parentElement; n = n.parentElement) {
    readers.get(n)?.();
  }
}

/**
 * The one key handler of every form (listening on the form, capture): Ctrl+Enter (⌘+Enter too)
 * goes no further than the form (no select picks an option, no newline), the focused field's
 * unread text is read, then the form saves. A held-down Ctrl+Enter saves once; while an input
 * method composes, Enter is the input method's.
 */
export function onFormKeydown(e: KeyboardEvent, form: Element, save: (() => unknown) | null | undefined): void {
  const enter = e.key === 'Enter' || e.key === 'NumpadEnter';
  if (!enter || !(e.ctrlKey || e.metaKey) || e.isComposing || !save) return;
  e.preventDefault();
  e.stopPropagation();
  if (e.repeat) return;
  readPending(e.target, form);
  void save();
}

interface Bound {
  save: (() => unknown) | null | undefined;
  listener: (e: KeyboardEvent) => void;
}

const bound = new WeakMap<HTMLElement, Bound>();

/**
 * `<el-form v-form-keys="save">`: Ctrl+Enter in any field saves, and the first field has the focus
 * once the form is shown. `.nofocus`: the focus is left to the caller (a dialog, when it has opened).
 */
export const vFormKeys: Directive<HTMLElement, (() => unknown) | null | undefined, 'nofocus'> = {
  mounted(el, binding) {
    const b: Bound = { save: binding.value, listener: (e) => onFormKeydown(e, el, b.save) };
    bound.set(el, b);
    el.addEventListener('keydown', b.listener, true);
    // once the whole form is mounted: its fields listen for the focus only then (Element Plus
    // attaches them after rendering), and a focus they do not hear leaves the box without its ring
    if (!binding.modifiers.nofocus) void nextTick(() => el.isConnected && focusFirstField(el));
  },
  updated(el, binding) {
    const b = bound.get(el);
    if (b) b.save = binding.value;
  },
  beforeUnmount(el) {
    const b = bound.get(el);
    if (b) el.removeEventListener('keydown', b.listener, true);
    bound.delete(el);
  },
};
