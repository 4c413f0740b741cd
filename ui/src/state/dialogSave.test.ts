// A small dialog's save: closes and reloads only when the core agreed; otherwise stays open with
// the core's message under the field, and the button never keeps spinning.
import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createFieldErrors } from '../api/errors';
import { saveDialog } from './dialogSave';

describe('saveDialog', () => {
  it('closes, says so and reloads when saved', async () => {
    const d = { saving: ref(false), open: ref(true), errors: createFieldErrors(['name']), done: '已添加' };
    let spinning = false;
    const after = vi.fn(async () => undefined);
    await saveDialog(d, async () => {
      spinning = d.saving.value;
    }, after);
    expect(spinning).toBe(true);
    expect([d.open.value, d.saving.value]).toEqual([false, false]);
    expect(after).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已添加');
  });

  it('stays open with the field error when the core refuses, and reloads nothing', async () => {
    const d = { saving: ref(false), open: ref(true), errors: createFieldErrors(['name']) };
    const after = vi.fn(async () => undefined);
    await saveDialog(d, async () => {
      throw { code: 'conflict', field: 'name', message: '已有同名的小组' };
    }, after);
    expect([d.open.value, d.saving.value]).toEqual([true, false]);
    expect(d.errors.name).toBe('已有同名的小组');
    expect(after).not.toHaveBeenCalled();
  });
});
