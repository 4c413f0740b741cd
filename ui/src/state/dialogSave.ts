// Saving a small form dialog (新增选区, 登记变动 …): the button spins; when the core agrees the
// dialog closes, 已保存 (or `done`) shows and the page reloads; a field error from the core goes
// under its field and the dialog stays open with what was typed. A refusal the view answers itself
// (`refused` returns true: e.g. 登记变动's clash with later records, shown in the dialog) shows nothing else.
import type { Ref } from 'vue';
import { ElMessage } from 'element-plus';
import { reportError, type FieldErrors } from '../api/errors';

export interface DialogState {
  saving: Ref<boolean>;
  open: Ref<boolean>;
  errors: FieldErrors;
  done?: string;
}

export async function saveDialog(
  d: DialogState, act: () => Promise<unknown>, after?: () => Promise<unknown>, refused?: (e: unknown) => boolean,
): Promise<void> {
  d.saving.value = true;
  try {
    await act();
    d.open.value = false;
    ElMessage.success(d.done ?? '已保存');
    await after?.();
  } catch (e) {
    if (!refused?.(e)) reportError(e, d.errors);
  } finally {
    d.saving.value = false;
  }
}
