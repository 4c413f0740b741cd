// PrintPreview against a fake core: page 1 on mount with its label, paging, 另存为PDF through the
// dialog plugin (cancelled = nothing written), 打印 (all pages laid out, window.print, then recorded),
// and the core's errors above the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import type { PreviewPage, PrintRequest, Printout } from '../api/types';
import { callsOf, fakeCore, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
// the dialog plugin goes through the same fake core, as 'plugin:dialog|save'
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import PrintPreview from './PrintPreview.vue';

const REQUEST: PrintRequest = {
  target: { kind: 'book', book: 'petitions', period: { by: 'year', year: 2026 } }, reveal_reason: null, volume: 1, archival: false,
};
const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 842 595"><path d="M0 0L${n} ${n}"/></svg>`;
const pageOf = (n: number, pages = 3): PreviewPage => ({ page: n, pages, svg: svg(n), width_mm: 297, height_mm: 210 });
const printout = (over: Partial<Printout> = {}): Printout => ({
  id: 5, at: '2026-04-02 10:15:00', actor: '刘秘书', what: '人民来信来访记录簿（2026年度）', target: REQUEST.target,
  reveal_reason: null, archival: false, pages: 3, sha256: 'ab'.repeat(32), path: '', ...over,
});

let picked: string | null;
let order: string[];
let printSpy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  document.body.innerHTML = '';
  picked = 'D:\\台账\\来信来访2026.pdf';
  order = [];
  printSpy = vi.spyOn(window, 'print').mockImplementation(() => {
    order.push('window.print');
    // what the printer would get: the sheets, with this document's page size
    expect(document.body.classList.contains('tz-printing')).toBe(true);
    expect(document.querySelectorAll('.tz-print-sheets .tz-print-sheet')).toHaveLength(3);
    expect(document.getElementById('tz-print-page-size')?.textContent).toContain('size: 297mm 210mm; margin: 0');
  });
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    print_preview: ({ page }) => pageOf(page),
    print_pages: () => { order.push('print_pages'); return [pageOf(1), pageOf(2), pageOf(3)]; },
    print_record: () => { order.push('print_record'); return printout(); },
    'plugin:dialog|save': () => picked,
    print_save: ({ path }) => printout({ path, pages: 3 }),
  }));
});

afterEach(() => {
  printSpy.mockRestore();
});

async function mountPreview(request: PrintRequest = REQUEST, title = '人民来信来访记录簿-2026年度') {
  const wrapper = mount(PrintPreview, {
    props: { request, title },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  });
  await flushPromises();
  await settle();
  return wrapper;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const label = () => hook('preview-page-label')?.textContent?.trim();

describe('PrintPreview', () => {
  it('loads page 1 and shows it on paper of the page size', async () => {
    await mountPreview();
    expect(callsOf(invoke, 'print_preview')).toEqual([{ request: REQUEST, page: 1 }]);
    expect(label()).toBe('第 1 页 / 共 3 页');
    const paper = hook('preview-page')!;
    expect(paper.dataset.page).toBe('1');
    expect(paper.getAttribute('style')).toContain('aspect-ratio: 297 / 210');
    const img = paper.querySelector('img')!;
    expect(decodeURIComponent(img.getAttribute('src')!)).toContain('M0 0L1 1');
    expect(hook('preview-prev')!.hasAttribute('disabled')).toBe(true);
    expect(hook('preview-next')!.hasAttribute('disabled')).toBe(false);
  });

  it('pages forward and back', async () => {
    await mountPreview();
    hook('preview-next')!.click();
    await settle();
    expect(callsOf(invoke, 'print_preview').at(-1)).toEqual({ request: REQUEST, page: 2 });
    expect(label()).toBe('第 2 页 / 共 3 页');
    expect(decodeURIComponent(hook('preview-page')!.querySelector('img')!.getAttribute('src')!)).toContain('M0 0L2 2');
    hook('preview-next')!.click();
    await settle();
    expect(label()).toBe('第 3 页 / 共 3 页');
    expect(hook('preview-next')!.hasAttribute('disabled')).toBe(true);
    hook('preview-prev')!.click();
    await settle();
    expect(callsOf(invoke, 'print_preview').at(-1)).toEqual({ request: REQUEST, page: 2 });
  });

  it('reloads page 1 when the request changes', async () => {
    const wrapper = await mountPreview();
    hook('preview-next')!.click();
    await settle();
    const other: PrintRequest = { ...REQUEST, volume: 2 };
    await wrapper.setProps({ request: other });
    await settle();
    expect(callsOf(invoke, 'print_preview').at(-1)).toEqual({ request: other, page: 1 });
    expect(label()).toBe('第 1 页 / 共 3 页');
  });

  it('saves the PDF where the clerk chooses, and says so', async () => {
    const wrapper = await mountPreview();
    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: Record<string, unknown> }[];
    expect(dialog.options).toEqual({
      defaultPath: '人民来信来访记录簿-2026年度.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], title: '另存为 PDF',
    });
    expect(callsOf(invoke, 'print_save')).toEqual([{ request: REQUEST, path: 'D:\\台账\\来信来访2026.pdf' }]);
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已保存：D:\\台账\\来信来访2026.pdf（3 页）');
    expect(wrapper.emitted('done')).toHaveLength(1);
    expect((wrapper.emitted('done')![0][0] as Printout).path).toBe('D:\\台账\\来信来访2026.pdf');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const wrapper = await mountPreview(REQUEST, '');
    picked = null;
    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: { defaultPath: string } }[];
    expect(dialog.options.defaultPath).toBe('打印.pdf');
    expect(callsOf(invoke, 'print_save')).toHaveLength(0);
    expect(wrapper.emitted('done')).toBeUndefined();
    expect(hook('preview-error')).toBeNull();
  });

  it('prints every page, then records the printout', async () => {
    const wrapper = await mountPreview();
    hook('preview-print')!.click();
    await settle();
    expect(order).toEqual(['print_pages', 'window.print', 'print_record']);
    expect(callsOf(invoke, 'print_pages')).toEqual([{ request: REQUEST }]);
    expect(callsOf(invoke, 'print_record')).toEqual([{ request: REQUEST }]);
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已送打印，并记入打印记录');
    expect(wrapper.emitted('done')).toHaveLength(1);
    // the sheets go once the print dialog is closed
    window.dispatchEvent(new Event('afterprint'));
    await settle(0);
    expect(document.body.classList.contains('tz-printing')).toBe(false);
    expect(document.querySelector('.tz-print-sheets')).toBeNull();
    expect(document.getElementById('tz-print-page-size')).toBeNull();
  });

  it('shows the core refusing the preview above the page', async () => {
    invoke.mockImplementation(fakeCore({
      print_preview: () => { throw { code: 'validation', field: 'reveal_reason', message: '显示信访人身份信息须填写原因' }; },
    }));
    await mountPreview({ ...REQUEST, reveal_reason: '' });
    const alert = hook('preview-error');
    // (test-utils stubs the alert's transition: the hook sits on the stub around it)
    expect(document.querySelector('.el-alert--error[data-test="preview-error"], [data-test="preview-error"] .el-alert--error')).not.toBeNull();
    expect(alert?.textContent).toContain('显示信访人身份信息须填写原因');
    expect(hook('preview-page')).toBeNull();
    expect(hook('preview-print')!.hasAttribute('disabled')).toBe(true);
    expect(hook('preview-save')!.hasAttribute('disabled')).toBe(true);
  });

  it('shows a print error (a glyph no font has) and records nothing', async () => {
    invoke.mockImplementation(fakeCore({
      print_preview: ({ page }) => pageOf(page),
      print_pages: () => { throw { code: 'print', field: null, message: '字体中没有“𠮷”字，无法排版' }; },
    }));
    await mountPreview();
    hook('preview-print')!.click();
    await settle();
    expect(hook('preview-error')?.textContent).toContain('字体中没有“𠮷”字，无法排版');
    expect(printSpy).not.toHaveBeenCalled();
    expect(callsOf(invoke, 'print_record')).toHaveLength(0);
    expect(document.body.classList.contains('tz-printing')).toBe(false);
  });
});
