// 打印台账 against a fake core: the request each period makes (year, term, date range, the roster's
// term by default), 卷号 and PDF/A, the petitioners' identities only with a reason, the preview below
// the form, and the print log refreshed after a save. And 一次打印全年台账: the books one by one
// into the chosen folder, with progress, stopping at the first failure and naming the book.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviewPage, PrintRequest, Printout, Term } from '../api/types';
import { callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({
  save: (options: unknown) => invoke('plugin:dialog|save', { options }),
  open: (options: unknown) => invoke('plugin:dialog|open', { options }),
}));

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
    for (const b of ['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities', 'sessions', 'projects']) {
      expect(hook(`print-book-${b}`)?.classList.contains('el-radio-button'), b).toBe(true);
    }
    expect(hook('print-book-roster')?.textContent?.trim()).toBe('代表花名册');
    expect(hook('print-book-petitions')?.textContent?.trim()).toBe('来信来访');
    expect(hook('print-book-sessions')?.textContent?.trim()).toBe('人代会记录');
    expect(hook('print-book-projects')?.textContent?.trim()).toBe('民生实事');
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

describe('PrintView 一次打印全年台账', () => {
  const FOLDER = 'D:\\台账2026';
  const TITLES = ['代表分组情况及代表花名册', '主席团会议记录簿', '代表先进事迹记录簿', '人民来信来访记录簿', '各级文件登记簿',
    '代表议案和批评、建议、意见记录簿', '代表小组活动记录簿', '人民代表大会会议记录簿', '民生实事项目台账'];
  let folder: string | null;
  /** the book that fails, if any */
  let failOn: string | null;

  beforeEach(() => {
    folder = FOLDER;
    failOn = null;
    const core = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (cmd: string, args?: unknown) => {
      if (cmd === 'plugin:dialog|open') return folder;
      if (cmd === 'print_year_book') {
        const { year, book, folder: dir } = args as { year: number; book: string; folder: string };
        if (book === failOn) throw { code: 'print', field: null, message: '字体中没有“𠮷”字。' };
        const title = TITLES[['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities', 'sessions', 'projects'].indexOf(book)];
        const p = printout(100 + log.length, { what: `${title}（${year}年度）`, archival: true, pages: 10, path: `${dir}\\${year}年 ${title}.pdf` });
        log = [p, ...log];
        return p;
      }
      return core(cmd, args);
    });
  });

  const files = () => hooks('year-books-file');

  it('offers this year by default and says what the set is', async () => {
    await mountView();
    expect(hook('year-books')?.textContent).toContain('一次打印全年台账');
    expect(hook('year-books-year')?.textContent).toContain(`${YEAR}年`);
    expect(hook('year-books-hint')?.textContent).toContain(`${YEAR}年 人民来信来访记录簿.pdf`);
    expect(hook('year-books-hint')?.textContent).toContain('代表花名册印该年年底');
    expect(hook('year-books-progress')).toBeNull(); // until started
  });

  it('saves the nine books in order into the chosen folder, with progress', async () => {
    await mountView();
    hook('year-books-start')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|open') as { options: { directory: boolean } }[];
    expect(dialog.options.directory).toBe(true);
    expect(callsOf(invoke, 'print_year_book')).toEqual(
      ['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities', 'sessions', 'projects'].map((book) => ({ year: YEAR, book, folder: FOLDER })),
    );
    expect(files().map((f) => f.dataset.book)).toEqual(['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities', 'sessions', 'projects']);
    expect(files()[3].textContent).toContain('人民来信来访记录簿');
    expect(files()[3].textContent).toContain('10 页');
    expect(files()[3].textContent).toContain(`${YEAR}年 人民来信来访记录簿.pdf`);
    expect(hook('year-books-progress')?.textContent).toContain('9/9');
    expect(hook('year-books-folder')?.textContent).toContain(`已保存到 ${FOLDER}`);
    expect(hook('year-books-error')).toBeNull();
    expect(hook('year-books-current')).toBeNull();
    expect(hook('year-books-start')!.hasAttribute('disabled')).toBe(false);
    // the log shows the saved books
    expect(callsOf(invoke, 'printouts_list')).toHaveLength(2);
    expect(hooks('printout-row')).toHaveLength(11);
  });

  it('prints the year chosen', async () => {
    const { view } = await mountView();
    (view.vm as unknown as { setYear: number }).setYear = 2024;
    await settle();
    expect(hook('year-books-year')?.textContent).toContain('2024年');
    hook('year-books-start')!.click();
    await settle();
    expect((callsOf(invoke, 'print_year_book') as { year: number }[]).every((c) => c.year === 2024)).toBe(true);
  });

  it('does nothing when the folder choice is cancelled', async () => {
    folder = null;
    await mountView();
    hook('year-books-start')!.click();
    await settle();
    expect(callsOf(invoke, 'plugin:dialog|open')).toHaveLength(1);
    expect(callsOf(invoke, 'print_year_book')).toHaveLength(0);
    expect(hook('year-books-progress')).toBeNull();
  });

  it('shows which book is being typeset, with the button off, one book at a time', async () => {
    const pending: (() => void)[] = [];
    const core = invoke.getMockImplementation()!;
    invoke.mockImplementation((cmd: string, args?: unknown) => {
      if (cmd !== 'print_year_book') return core(cmd, args);
      return new Promise((resolve) => pending.push(() => resolve(core(cmd, args))));
    });
    await mountView();
    hook('year-books-start')!.click();
    await settle();
    expect(callsOf(invoke, 'print_year_book')).toHaveLength(1); // the next waits for this one
    expect(hook('year-books-current')?.textContent).toContain('第 1/9 本：代表分组情况及代表花名册');
    expect(hook('year-books-start')!.hasAttribute('disabled')).toBe(true);
    expect(hook('year-books-progress')?.textContent).toContain('0/9');

    pending.shift()!();
    await settle();
    expect(files()).toHaveLength(1);
    expect(hook('year-books-current')?.textContent).toContain('第 2/9 本：主席团会议记录簿');
    expect(hook('year-books-progress')?.textContent).toContain('1/9');
    while (pending.length) {
      pending.shift()!();
      await settle(20);
    }
    await settle();
    expect(files()).toHaveLength(9);
    expect(hook('year-books-start')!.hasAttribute('disabled')).toBe(false);
  });

  it('stops at the first failure, naming the book and keeping what was saved', async () => {
    failOn = 'petitions';
    await mountView();
    hook('year-books-start')!.click();
    await settle();
    expect((callsOf(invoke, 'print_year_book') as { book: string }[]).map((c) => c.book)).toEqual(['roster', 'meetings', 'deeds', 'petitions']);
    expect(files().map((f) => f.dataset.book)).toEqual(['roster', 'meetings', 'deeds']);
    const error = hook('year-books-error')!.textContent!;
    expect(error).toContain('《人民来信来访记录簿》未能保存：字体中没有“𠮷”字。');
    expect(error).toContain(`此前的 3 本已保存在 ${FOLDER}`);
    expect(error).toContain('其余 5 本未打印');
    expect(hook('year-books-folder')).toBeNull();
    expect(hook('year-books-progress')?.textContent).toContain('3/9');
    expect(hook('year-books-start')!.hasAttribute('disabled')).toBe(false); // can be run again
  });
});
