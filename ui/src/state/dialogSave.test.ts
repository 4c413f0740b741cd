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

  it('leaves a refusal the view answers itself to the view: nothing under a field, no message, still open', async () => {
    document.body.innerHTML = '';
    const d = { saving: ref(false), open: ref(true), errors: createFieldErrors(['date']) };
    const clash = { code: 'conflict', field: 'date', message: '辞职日期为2026年6月15日，但该代表此后还有 1 条履职记录' };
    const refused = vi.fn((e: unknown) => (e as { code: string }).code === 'conflict');
    await saveDialog(d, async () => {
      throw clash;
    }, undefined, refused);
    expect(refused).toHaveBeenCalledWith(clash);
    expect([d.open.value, d.saving.value, d.errors.date]).toEqual([true, false, '']);
    expect(document.querySelector('.el-message--error')).toBeNull();

    // any other refusal is shown as always
    await saveDialog(d, async () => {
      throw { code: 'validation', field: 'date', message: '日期不能早于当选日期' };
    }, undefined, refused);
    expect(d.errors.date).toBe('日期不能早于当选日期');
  });
});
