// 打印台账 against a fake core: the request each period makes (year, term, date range, the roster's
// term by default), 卷号 and PDF/A, the petitioners' identities only with a reason, the preview below
// the form, and the print log refreshed after a save.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviewPage, PrintRequest, Printout, Term } from '../api/types';
import { callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import PrintView from './PrintView.vue';

const YEAR = new Date().getFullYear();
const TERMS: Term[] = [
  { id: 1, number: 19, label: '第十九届', start_date: '2016-10-01', end_date: '2021-09-30', is_current: false },
  { id: 2, number: 20, label: '第二十届', start_date: '2021-10-01', end_date: null, is_current: true },
];
const page = (n: number): PreviewPage => ({ page: n, pages: 2, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 });
const printout = (id: number, over: Partial<Printout> = {}): Printout => ({
  id, at: '2026-04-02 10:15:00', actor: '刘秘书', what: '人民来信来访记录簿（2026年度）',
  target: { kind: 'book', book: 'petitions', period: { by: 'year', year: 2026 } }, reveal_reason: null, archival: false,
  pages: 12, sha256: '0123456789abcdef'.repeat(4), path: '', ...over,
});

let log: Printout[];

beforeEach(() => {
  document.body.innerHTML = '';
  log = [printout(2, { reveal_reason: '报县信访局存档', archival: true, path: 'D:\\存档\\来信来访.pdf' }), printout(1)];
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    terms_list: () => TERMS,
    printouts_list: () => log,
    print_preview: ({ page: n }) => page(n),
    'plugin:dialog|save': () => 'D:\\台账.pdf',
    print_save: ({ path }) => {
      const p = printout(3, { path, what: '代表小组活动记录簿（2026年度）' });
      log = [p, ...log];
      return p;
    },
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function mountView() {
  const res = await mountAt('/print', '/print', PrintView);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
/** Click an el-radio-button's or el-checkbox's label (the native input is inside). */
const choose = (id: string) => hook(id)!.querySelector('input')!.click();
function type(el: HTMLInputElement, text: string, commit = false) {
  el.value = text;
  el.dispatchEvent(new Event('input'));
  if (commit) el.dispatchEvent(new Event('change'));
}
const input = (id: string) => {
  const el = hook(id)!;
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
};
const lastRequest = () => (callsOf(invoke, 'print_preview').at(-1) as { request: PrintRequest; page: number });
async function preview() {
  hook('print-preview')!.click();
  await settle();
}

describe('PrintView', () => {
  it('has the hooks of the form and the print log', async () => {
    await mountView();
    expect(hooks('print-book-roster').length).toBe(1);
    for (const b of ['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities']) {
      expect(hook(`print-book-${b}`)?.classList.contains('el-radio-button'), b).toBe(true);
    }
    expect(hook('print-book-roster')?.textContent?.trim()).toBe('代表花名册');
    expect(hook('print-book-petitions')?.textContent?.trim()).toBe('来信来访');
    expect(hook('print-by-term')?.classList.contains('is-active')).toBe(true); // the roster: by term
    expect(hook('print-term')?.classList.contains('el-select')).toBe(true);
    expect(hook('print-term')?.textContent).toContain('第二十届');
    expect(hook('print-volume')?.querySelector('input')).not.toBeNull();
    expect(hook('print-reveal')).toBeNull(); // petitions only
    expect(hook('preview')).toBeNull(); // until 预览

    const rows = hooks('printout-row');
    expect(callsOf(invoke, 'printouts_list')).toEqual([{ limit: 50 }]);
    expect(rows.map((r) => r.dataset.id)).toEqual(['2', '1']);
    expect(rows[0].textContent).toContain('2026年4月2日 10:15');
    expect(rows[0].textContent).toContain('报县信访局存档');
    expect(rows[0].textContent).toContain('是');
    expect(rows[0].textContent).toContain('D:\\存档\\来信来访.pdf');
    expect(rows[0].querySelector('[data-test="printout-sha"]')?.textContent).toBe('0123456789ab');
    expect(rows[1].textContent).toContain('遮蔽');
    expect(rows[1].textContent).toContain('否');
    expect(rows[1].textContent).toContain('送打印机');
  });

  it('previews the roster of the current term by default', async () => {
    await mountView();
    await preview();
    expect(lastRequest()).toEqual({
      request: { target: { kind: 'book', book: 'roster', period: { by: 'term', number: 20 } }, reveal_reason: null, volume: 1, archival: false },
      page: 1,
    });
    expect(hook('preview')).not.toBeNull();
    expect(hook('preview-page-label')?.textContent).toContain('第 1 页 / 共 2 页');
  });

  it('previews another book by year, with 卷号 and PDF/A', async () => {
    await mountView();
    choose('print-book-documents');
    await settle();
    expect(hook('print-by-year')?.classList.contains('is-active')).toBe(true);
    expect(input('print-year').value).toBe(String(YEAR));
    type(input('print-year'), '2025', true);
    type(input('print-volume'), '3', true);
    choose('print-archival');
    await settle();
    await preview();
    expect(lastRequest().request).toEqual({
      target: { kind: 'book', book: 'documents', period: { by: 'year', year: 2025 } }, reveal_reason: null, volume: 3, archival: true,
    });
  });

  it('previews a book by term', async () => {
    const { view } = await mountView();
    choose('print-book-suggestions');
    await settle();
    choose('print-by-term');
    await settle();
    (view.vm as unknown as { form: { term: number } }).form.term = 19;
    await settle();
    expect(hook('print-term')?.textContent).toContain('第十九届');
    await preview();
    expect(lastRequest().request.target).toEqual({ kind: 'book', book: 'suggestions', period: { by: 'term', number: 19 } });
  });

  it('previews a book by date range once both dates are given', async () => {
    await mountView();
    choose('print-book-activities');
    await settle();
    choose('print-by-range');
    await settle();
    expect(hook('print-preview')!.hasAttribute('disabled')).toBe(true);
    expect(hook('print-period-hint')?.textContent).toContain('请选择起止日期');
    type(input('print-from'), '2026-01-01', true);
    type(input('print-to'), '2026-06-30', true);
    await settle();
    expect(hook('print-preview')!.hasAttribute('disabled')).toBe(false);
    await preview();
    expect(lastRequest().request).toEqual({
      target: { kind: 'book', book: 'activities', period: { by: 'range', from: '2026-01-01', to: '2026-06-30' } },
      reveal_reason: null, volume: 1, archival: false,
    });
  });

  it('reveals the petitioners only with a reason', async () => {
    await mountView();
    choose('print-book-petitions');
    await settle();
    choose('print-reveal');
    await settle();
    expect(hook('print-preview')!.hasAttribute('disabled')).toBe(true);
    expect(formItemOf('print-reveal-reason').querySelector('.el-form-item__error')?.textContent).toContain('请填写原因（将记入操作记录）');

    type(input('print-reveal-reason'), '报县信访局存档');
    await settle();
    expect(hook('print-preview')!.hasAttribute('disabled')).toBe(false);
    expect(formItemOf('print-reveal-reason').querySelector('.el-form-item__error')).toBeNull();
    await preview();
    expect(lastRequest().request).toEqual({
      target: { kind: 'book', book: 'petitions', period: { by: 'year', year: YEAR } },
      reveal_reason: '报县信访局存档', volume: 1, archival: false,
    });

    // unticked: masked again
    choose('print-reveal');
    await settle();
    expect(hook('print-reveal-reason')).toBeNull();
    await preview();
    expect(lastRequest().request.reveal_reason).toBeNull();
  });

  it('refreshes the print log after a save', async () => {
    await mountView();
    choose('print-book-activities');
    await settle();
    await preview();
    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: { defaultPath: string } }[];
    expect(dialog.options.defaultPath).toBe(`代表小组活动记录簿-${YEAR}年度.pdf`);
    expect(callsOf(invoke, 'printouts_list')).toHaveLength(2);
    expect(hooks('printout-row').map((r) => r.dataset.id)).toEqual(['3', '2', '1']);
  });
});
