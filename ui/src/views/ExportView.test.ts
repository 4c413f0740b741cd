// 导出到U盘 against a fake core: the drives (sticks first), choosing one or another folder, the options
// the form sends to export_package, the result panel, the log refreshed after an export, a 'changes'
// export only where something was exported before, the books chosen (none refused), and a refused export
// keeping the form.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Drive, ExportLogEntry, ExportOptions, Exported } from '../api/types';
import { todayIso } from '../lib/format';
import { callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
// the dialog plugin goes through the same fake core, as 'plugin:dialog|open' (what the plugin itself invokes)
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: (options: unknown) => invoke('plugin:dialog|open', { options }) }));

import ExportView from './ExportView.vue';

const YEAR = new Date().getFullYear();
const DATA_BOOKS = ['deputies', 'suggestions', 'petitions', 'deeds', 'documents', 'meetings', 'activities', 'sessions', 'projects'];
const ALL_BOOKS = [...DATA_BOOKS, 'statistics'];
const GB = 1024 ** 3;
const drive = (mount_point: string, name: string, removable: boolean): Drive => ({
  name, mount_point, removable, total_bytes: 7.5 * GB, available_bytes: 3.2 * GB,
});
const entry = (id: number, destination: string, over: Partial<ExportLogEntry> = {}): ExportLogEntry => ({
  id, at: '2026-03-01 10:00:00', actor: '刘秘书', path: `${destination}城关镇人大台账-${id}`, period_from: '2026-01-01',
  period_to: '2026-02-28', pseudonymised: true, files: 9, manifest_sha256: '0123456789abcdef'.repeat(4), destination,
  scope: 'full', since: null, ...over,
});

let drives: Drive[];
let log: ExportLogEntry[];
let refuse: unknown;

beforeEach(() => {
  document.body.innerHTML = '';
  drives = [drive('C:\\', '系统', false), drive('E:\\', 'KINGSTON', true), drive('F:\\', 'SANDISK', true)];
  log = [entry(1, 'E:\\')];
  refuse = null;
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    export_drives: () => drives,
    exports_list: () => log,
    'plugin:dialog|open': () => 'D:\\给县人大',
    export_package: ({ dest, options }: { dest: string; options: ExportOptions }): Exported => {
      if (refuse) throw refuse;
      const path = `${dest}城关镇人大台账-${options.to}`;
      log = [entry(2, dest, {
        at: '2026-06-09 16:20:00', path, period_from: options.from, period_to: options.to, files: 11,
        pseudonymised: !options.include_identities, manifest_sha256: 'fedcba9876543210'.repeat(4), scope: options.scope,
      }), ...log];
      // as the core: the data books chosen (all without a choice), the statistics workbook among the files
      const chosen = options.books ?? ALL_BOOKS;
      const files = Array.from({ length: 10 }, (_, i) => ({ path: `f${i}.csv`, sha256: '00', bytes: 10, records: 1 }));
      if (chosen.includes('statistics')) files.push({ path: '表格/统计表.xlsx', sha256: '00', bytes: 10, records: 0 });
      return {
        path, manifest_sha256: 'fedcba9876543210'.repeat(4),
        manifest: {
          books: DATA_BOOKS.filter((b) => chosen.includes(b)), files,
          format: 'taizhang-package', schema_version: 12, app_version: '0.1.0', township: '城关镇', township_id: 'a1b2',
          exported_at: '2026-06-09 16:20:00', exported_by: '刘秘书', period_from: options.from, period_to: options.to,
          pseudonymised: !options.include_identities, included: [], excluded: [], scope: options.scope, since: null,
        },
      };
    },
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function mountView() {
  const res = await mountAt('/export', '/export', ExportView);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const input = (id: string) => {
  const el = hook(id)!;
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
};
/** Click an el-radio's or el-checkbox's native input. */
const choose = (el: HTMLElement) => el.querySelector('input')!.click();
const driveOption = (mount: string) => hooks('export-drive').find((d) => d.dataset.mount === mount)!;
const runDisabled = () => hook('export-run')!.hasAttribute('disabled');
const book = (code: string) => hook(`export-book-${code}`)!;
/** Click books' checkboxes one after another (the group's model updates in between, as under a hand). */
async function toggleBooks(...codes: string[]) {
  for (const c of codes) {
    choose(book(c));
    await settle(0);
  }
}
const checkedBooks = () => hooks('export-books')[0].querySelectorAll('.el-checkbox.is-checked').length;
const booksError = () => hook('export-books')!.closest('.el-form-item')!.querySelector('.el-form-item__error');

describe('ExportView', () => {
  it('lists the drives, USB sticks first, with their free space', async () => {
    await mountView();
    const rows = hooks('export-drive');
    expect(rows.map((r) => r.dataset.mount)).toEqual(['E:\\', 'F:\\', 'C:\\']);
    expect(rows[0].textContent).toContain('KINGSTON');
    expect(rows[0].textContent).toContain('U盘');
    expect(rows[0].textContent).toContain('可用 3.2 GB / 共 7.5 GB');
    expect(rows[2].textContent).toContain('本机磁盘');
    expect(hook('export-no-stick')).toBeNull();
    // two sticks: nothing chosen for the clerk
    expect(input('export-dest').value).toBe('');
    expect(runDisabled()).toBe(true);
    expect(hook('export-hint')?.textContent).toContain('请选择导出位置');
    expect(input('export-from').value).toBe(`${YEAR}-01-01`);
    expect(input('export-to').value).toBe(todayIso());
  });

  it('exports to the chosen stick, shows the result and refreshes the log', async () => {
    await mountView();
    expect(callsOf(invoke, 'exports_list')).toHaveLength(1);
    expect(hooks('export-log-row').map((r) => r.dataset.id)).toEqual(['1']);

    choose(driveOption('F:\\'));
    await settle();
    expect(input('export-dest').value).toBe('F:\\');
    expect(driveOption('F:\\').classList.contains('is-checked')).toBe(true);

    expect(hook('export-identities-warning')).toBeNull();
    choose(hook('export-identities')!);
    choose(hook('export-pdf')!);
    await settle();
    expect(hook('export-identities-warning')?.textContent).toContain('个人信息');
    expect(runDisabled()).toBe(false);

    hook('export-run')!.click();
    await settle();
    expect(callsOf(invoke, 'export_package')).toEqual([{
      dest: 'F:\\',
      options: { from: `${YEAR}-01-01`, to: todayIso(), include_identities: true, with_pdf: true, scope: 'full' },
    }]);

    const result = hook('export-result')!;
    expect(result).not.toBeNull();
    expect(hook('export-result-path')?.textContent).toBe(`F:\\城关镇人大台账-${todayIso()}`);
    expect(hook('export-result-files')?.textContent).toBe('11');
    expect(result.textContent).toContain('城关镇');
    expect(result.textContent).toContain(`${YEAR}年1月1日 至`);
    expect(hook('export-result-pseudonymised')?.textContent).toBe('含个人身份信息');
    expect(hook('export-result-sha')?.textContent).toBe('fedcba987654');
    expect(hook('export-result-books')?.textContent).toBe('全部台账及统计表');
    expect(result.textContent).toContain('已逐一读回校验，可以拔出U盘');

    expect(callsOf(invoke, 'exports_list')).toHaveLength(2);
    const rows = hooks('export-log-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['2', '1']);
    expect(rows[0].textContent).toContain('2026年6月9日 16:20');
    expect(rows[0].textContent).toContain('完整');
    expect(rows[0].textContent).toContain(`F:\\城关镇人大台账-${todayIso()}`);
    expect(rows[0].textContent).toContain('含身份');
    expect(rows[0].textContent).toContain('刘秘书');
    expect(rows[0].querySelector('[data-test="export-log-sha"]')?.textContent).toBe('fedcba987654');
    expect(rows[1].textContent).toContain('化名');
    expect(rows[1].textContent).toContain('2026年1月1日 至 2026年2月28日');
  });

  it('exports only the changes where something was exported before', async () => {
    await mountView();
    choose(driveOption('F:\\'));
    choose(hook('export-scope-changes')!);
    await settle();
    // nothing exported to F:\ yet
    expect(hook('export-no-previous')?.textContent).toContain('此位置还没有导出过，请先做一次完整导出');
    expect(runDisabled()).toBe(true);
    hook('export-run')!.click();
    await settle();
    expect(callsOf(invoke, 'export_package')).toEqual([]);

    choose(driveOption('E:\\'));
    await settle();
    expect(hook('export-no-previous')).toBeNull();
    expect(hook('export-last')?.textContent).toBe('上次导出到此位置：2026年3月1日 10:00（E:\\城关镇人大台账-1）');
    expect(runDisabled()).toBe(false);
    hook('export-run')!.click();
    await settle();
    expect(callsOf(invoke, 'export_package')).toEqual([{
      dest: 'E:\\',
      options: { from: `${YEAR}-01-01`, to: todayIso(), include_identities: false, with_pdf: false, scope: 'changes' },
    }]);
    expect(hook('export-result-pseudonymised')?.textContent).toBe('已以化名代替个人信息');
  });

  it('exports the books chosen: every one by default, a few, or the roster and the statistics', async () => {
    await mountView();
    choose(driveOption('E:\\'));
    await settle();
    expect(hooks('export-books')).toHaveLength(1);
    expect(ALL_BOOKS.map((b) => book(b).textContent?.trim()))
      .toEqual(['代表花名册', '代表建议', '来信来访', '先进事迹', '文件登记', '主席团会议', '小组活动', '人代会', '民生实事', '统计表']);
    expect(ALL_BOOKS.every((b) => book(b).classList.contains('is-checked'))).toBe(true);

    // 来信来访, 文件登记 and 统计表 left out
    await toggleBooks('petitions', 'documents', 'statistics');
    expect(checkedBooks()).toBe(7);
    expect(book('petitions').classList.contains('is-checked')).toBe(false);
    hook('export-run')!.click();
    await settle();
    const base = { from: `${YEAR}-01-01`, to: todayIso(), include_identities: false, with_pdf: false, scope: 'full' };
    expect(callsOf(invoke, 'export_package')).toEqual([{
      dest: 'E:\\', options: { ...base, books: ['deputies', 'suggestions', 'deeds', 'meetings', 'activities', 'sessions', 'projects'] },
    }]);
    expect(hook('export-result-books')?.textContent).toBe('代表花名册、代表建议、先进事迹、主席团会议、小组活动、人代会、民生实事');

    // the county asks for the roster and the statistics only
    hook('export-books-roster-stats')!.click();
    await settle();
    expect(checkedBooks()).toBe(2);
    expect(book('deputies').classList.contains('is-checked')).toBe(true);
    expect(book('statistics').classList.contains('is-checked')).toBe(true);
    hook('export-run')!.click();
    await settle();
    expect(callsOf(invoke, 'export_package')[1]).toEqual({ dest: 'E:\\', options: { ...base, books: ['deputies', 'statistics'] } });
    expect(hook('export-result-books')?.textContent).toBe('代表花名册、统计表');

    // 全选: every book again, sent as no choice at all
    hook('export-books-all')!.click();
    await settle();
    expect(checkedBooks()).toBe(10);
    hook('export-run')!.click();
    await settle();
    const all = callsOf(invoke, 'export_package')[2] as { options: ExportOptions };
    expect(all).toEqual({ dest: 'E:\\', options: base });
    expect(all.options).not.toHaveProperty('books');
    expect(hook('export-result-books')?.textContent).toBe('全部台账及统计表');
    // the log is as before: no column for the books
    expect(hook('exports-log')!.textContent).not.toContain('代表花名册');
  });

  it('refuses to export with no book chosen', async () => {
    await mountView();
    choose(driveOption('E:\\'));
    await settle();
    expect(booksError()).toBeNull();
    await toggleBooks(...ALL_BOOKS);
    await settle();
    expect(checkedBooks()).toBe(0);
    expect(booksError()?.textContent).toContain('请至少选择一本台账或统计表');
    expect(runDisabled()).toBe(true);
    hook('export-run')!.click();
    await settle();
    expect(callsOf(invoke, 'export_package')).toEqual([]);

    // the statistics alone will do
    await toggleBooks('statistics');
    await settle();
    expect(booksError()).toBeNull();
    expect(runDisabled()).toBe(false);
    hook('export-run')!.click();
    await settle();
    expect(callsOf(invoke, 'export_package')).toEqual([{
      dest: 'E:\\',
      options: { from: `${YEAR}-01-01`, to: todayIso(), include_identities: false, with_pdf: false, scope: 'full', books: ['statistics'] },
    }]);
    expect(hook('export-result-books')?.textContent).toBe('统计表');
  });

  it('without a stick: says so, takes another folder, and finds a stick plugged in later', async () => {
    drives = [drive('C:\\', '系统', false)];
    await mountView();
    expect(hook('export-no-stick')?.textContent).toContain('没有发现U盘：请插入U盘后点“刷新”，或选择其他文件夹。');

    hook('export-choose-folder')!.click();
    await settle();
    expect(callsOf(invoke, 'plugin:dialog|open')).toEqual([{ options: { directory: true, multiple: false, title: '选择导出位置' } }]);
    expect(input('export-dest').value).toBe('D:\\给县人大');

    drives = [drive('C:\\', '系统', false), drive('G:\\', 'USB DISK', true)];
    hook('export-drives-refresh')!.click();
    await settle();
    expect(callsOf(invoke, 'export_drives')).toHaveLength(2);
    expect(hook('export-no-stick')).toBeNull();
    expect(hooks('export-drive').map((r) => r.dataset.mount)).toEqual(['G:\\', 'C:\\']);
    expect(input('export-dest').value).toBe('D:\\给县人大'); // the clerk's choice stands
  });

  it('takes the only stick by default', async () => {
    drives = [drive('C:\\', '系统', false), drive('E:\\', 'KINGSTON', true)];
    await mountView();
    expect(input('export-dest').value).toBe('E:\\');
    expect(runDisabled()).toBe(false);
  });

  it('refuses dates the wrong way round', async () => {
    await mountView();
    choose(driveOption('E:\\'));
    const from = input('export-from');
    from.value = '2099-01-01';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('change'));
    await settle();
    expect(runDisabled()).toBe(true);
    expect(document.querySelector('.el-form-item__error')?.textContent).toContain('结束日期不能早于开始日期');

    hook('export-year-last')!.click();
    await settle();
    expect(input('export-from').value).toBe(`${YEAR - 1}-01-01`);
    expect(input('export-to').value).toBe(`${YEAR - 1}-12-31`);
    expect(runDisabled()).toBe(false);
  });

  it('keeps the form when the core refuses the export', async () => {
    refuse = { code: 'io', field: null, message: '写入 F:\\城关镇人大台账\\suggestions.csv 失败：U盘已满' };
    await mountView();
    choose(driveOption('F:\\'));
    await settle();
    hook('export-run')!.click();
    await settle();
    expect(document.querySelector('.el-message--error')?.textContent).toContain('U盘已满');
    expect(hook('export-result')).toBeNull();
    expect(input('export-dest').value).toBe('F:\\');
    expect(runDisabled()).toBe(false);
    expect(callsOf(invoke, 'exports_list')).toHaveLength(1);
  });
});
