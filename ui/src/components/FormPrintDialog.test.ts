// The form dialog of a case: the form's request, and for a petition's form the petitioner's name
// only when 显示信访人姓名 is ticked, with a reason (prefilled 送达信访人; required).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import type { FormKind, PrintRequest } from '../api/types';
import { callsOf, fakeCore, formItemOf, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import FormPrintDialog from './FormPrintDialog.vue';

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    print_preview: ({ page }) => ({ page, pages: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 }),
    'plugin:dialog|save': () => null,
  }));
});

async function mountDialog(form: FormKind, id = 7, number = '信访〔2026〕第17号') {
  const wrapper = mount(FormPrintDialog, {
    props: { modelValue: true, form, id, number },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  });
  await flushPromises();
  await settle();
  return wrapper;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const lastRequest = () => (callsOf(invoke, 'print_preview').at(-1) as { request: PrintRequest }).request;

describe('FormPrintDialog', () => {
  it('previews a suggestion form, with no identity option', async () => {
    await mountDialog('assignment', 3, '20-3-005');
    expect(hook('form-print-dialog')?.classList.contains('el-dialog')).toBe(true);
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('代表建议交办单');
    expect(lastRequest()).toEqual({ target: { kind: 'form', form: 'assignment', id: 3 }, reveal_reason: null, volume: 1, archival: false });
    expect(hook('form-reveal')).toBeNull();
    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: { defaultPath: string } }[];
    expect(dialog.options.defaultPath).toBe('代表建议交办单-20-3-005.pdf');
  });

  it('masks the petitioner unless asked, then sends the reason', async () => {
    await mountDialog('acceptance');
    expect(lastRequest()).toEqual({ target: { kind: 'form', form: 'acceptance', id: 7 }, reveal_reason: null, volume: 1, archival: false });
    expect(hook('form-reveal')?.textContent).toContain('显示信访人姓名');
    expect(hook('form-reveal-reason')).toBeNull();

    hook('form-reveal')!.querySelector('input')!.click();
    await settle();
    expect((hook('form-reveal-reason') as HTMLInputElement).value).toBe('送达信访人');
    expect(lastRequest().reveal_reason).toBe('送达信访人');

    const reason = hook('form-reveal-reason') as HTMLInputElement;
    reason.value = '';
    reason.dispatchEvent(new Event('input'));
    await settle(500);
    expect(formItemOf('form-reveal-reason').querySelector('.el-form-item__error')?.textContent).toContain('请填写原因');

    reason.value = '当面送达';
    reason.dispatchEvent(new Event('input'));
    await settle(500);
    expect(lastRequest().reveal_reason).toBe('当面送达');

    hook('form-reveal')!.querySelector('input')!.click();
    await settle();
    expect(lastRequest().reveal_reason).toBeNull();
  });
});
