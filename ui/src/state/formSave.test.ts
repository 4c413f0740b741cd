// Saving any book's form: the form's own findings stop the save and show under their fields; a
// save runs once at a time; the core's field error lands under its field, and the view may follow
// a failure up (a duplicate 文号 looks for the earlier entry).
import { describe, expect, it, vi } from 'vitest';
import { createFieldErrors } from '../api/errors';
import { useFormSave } from './formSave';

describe('useFormSave', () => {
  it("shows the form's own findings and saves nothing", async () => {
    const errors = createFieldErrors(['title', 'date']);
    const submit = vi.fn(async () => undefined);
    const { run, saving } = useFormSave(errors, '.x .is-error');
    await run({ title: '请填写事迹标题' }, submit);
    expect(errors.title).toBe('请填写事迹标题');
    expect(submit).not.toHaveBeenCalled();
    expect(saving.value).toBe(false);
    await run(true, submit); // the caller showed its findings itself (el-form rules, meeting sections)
    expect(submit).not.toHaveBeenCalled();
  });

  it('saves with the button spinning, and stops spinning either way', async () => {
    const errors = createFieldErrors(['title']);
    const { run, saving } = useFormSave(errors, '.x .is-error');
    let during = false;
    await run({}, async () => {
      during = saving.value;
    });
    expect(during).toBe(true);
    expect(saving.value).toBe(false);
    await run(false, async () => {
      throw { code: 'validation', field: 'title', message: '标题过长' };
    });
    expect(saving.value).toBe(false);
    expect(errors.title).toBe('标题过长');
  });

  it('hands a failure to the view after showing it', async () => {
    const errors = createFieldErrors(['doc_number']);
    const failed = vi.fn();
    const { run } = useFormSave(errors, '.x .is-error');
    const conflict = { code: 'conflict', field: 'doc_number', message: '文号已登记' };
    await run({}, async () => {
      throw conflict;
    }, failed);
    expect(errors.doc_number).toBe('文号已登记');
    expect(failed).toHaveBeenCalledWith(conflict);
  });
});
