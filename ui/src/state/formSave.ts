// Saving a book's form, alike everywhere: once at a time (`saving` spins the button); the form's
// own checks first (their messages go under the fields and the first one is scrolled into view);
// then the core, whose field error goes under its field too, anything else to a message. A date or
// time typed into the form that could not be read (its message on its field) stops the save too:
// the form's value there is still the last one read.
import { nextTick, ref, type Ref } from 'vue';
import { reportError } from '../api/errors';
import { provideDateGuard } from './dateGuard';

export interface FormSave {
  saving: Ref<boolean>;
  /** scroll the first field with an error into view, once it shows */
  focusFirstError(): Promise<void>;
  /**
   * `problems`: the form's own findings by field (shown, nothing saved), or true when the caller
   * showed them itself. Otherwise `submit()` with `saving` on; when it fails, after the error is
   * shown, `failed(e)` (a view's own follow-up, e.g. finding the entry a duplicate 文号 belongs to).
   */
  run(problems: Record<string, string> | boolean, submit: () => Promise<void>, failed?: (e: unknown) => void): Promise<void>;
}

export function useFormSave(errors: Record<string, string>, errorSelector: string, wait: () => Promise<unknown> = nextTick): FormSave {
  const saving = ref(false);
  const dates = provideDateGuard();

  async function focusFirstError() {
    await wait();
    document.querySelector(errorSelector)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }

  async function run(problems: Record<string, string> | boolean, submit: () => Promise<void>, failed?: (e: unknown) => void) {
    const blocked = dates.blocked() || (typeof problems === 'boolean' ? problems : Object.keys(problems).length > 0);
    if (blocked) {
      if (typeof problems !== 'boolean') Object.assign(errors, problems);
      await focusFirstError();
      return;
    }
    saving.value = true;
    try {
      await submit();
    } catch (e) {
      if (reportError(e, errors) === 'field') await focusFirstError();
      failed?.(e);
    } finally {
      saving.value = false;
    }
  }

  return { saving, focusFirstError, run };
}
