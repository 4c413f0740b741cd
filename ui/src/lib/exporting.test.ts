import { describe, expect, it } from 'vitest';
import type { Drive, ExportLogEntry, Exported } from '../api/types';
import {
  BOOKS_REQUIRED, DEST_REQUIRED, EXPORT_BOOKS, NO_EARLIER_EXPORT, RANGE_MISSING, RANGE_REVERSED, allExportBooks, carriedBooksText,
  defaultExportForm, defaultExportPeriod, driveKind, driveSpace, exportOptions, exportProblems, formatBytes, lastExportText,
  lastExportTo, periodText, pseudonymShort, pseudonymText, samePlace, scopeText, sortDrives, yearPeriod,
} from './exporting';

const GB = 1024 ** 3;
const drive = (mount_point: string, removable: boolean, over: Partial<Drive> = {}): Drive => ({
  name: removable ? 'KINGSTON' : '本地磁盘', mount_point, removable, total_bytes: 7.5 * GB, available_bytes: 3.2 * GB, ...over,
});
const entry = (id: number, at: string, destination: string, over: Partial<ExportLogEntry> = {}): ExportLogEntry => ({
  id, at, actor: '刘秘书', path: `${destination}\\城关镇-${id}`, period_from: '2026-01-01', period_to: '2026-06-30',
  pseudonymised: true, files: 9, manifest_sha256: 'ab'.repeat(32), destination, scope: 'full', since: null, ...over,
});

describe('exporting', () => {
  it('defaults to this year up to today, full, pseudonymised, without PDF, every book', () => {
    const now = new Date(2026, 5, 9, 15, 30);
    expect(defaultExportPeriod(now)).toEqual({ from: '2026-01-01', to: '2026-06-09' });
    expect(defaultExportForm(now)).toEqual({
      dest: '', from: '2026-01-01', to: '2026-06-09', scope: 'full', include_identities: false, with_pdf: false,
      books: ['deputies', 'suggestions', 'petitions', 'deeds', 'documents', 'meetings', 'activities', 'sessions', 'projects', 'statistics'],
    });
    expect(EXPORT_BOOKS.map((b) => b.label))
      .toEqual(['代表花名册', '代表建议', '来信来访', '先进事迹', '文件登记', '主席团会议', '小组活动', '人代会', '民生实事', '统计表']);
    // a fresh list each time: ticking in one form leaves the next default whole
    expect(allExportBooks()).not.toBe(allExportBooks());
    expect(yearPeriod(2026, now)).toEqual({ from: '2026-01-01', to: '2026-06-09' });
    expect(yearPeriod(2025, now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3482)).toBe('3.4 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(3.2 * GB)).toBe('3.2 GB');
    expect(formatBytes(2 * 1024 * GB)).toBe('2.0 TB');
    expect(driveSpace(drive('E:\\', true))).toBe('可用 3.2 GB / 共 7.5 GB');
  });

  it('puts USB sticks first and names the kind', () => {
    const list = [drive('C:\\', false), drive('E:\\', true), drive('D:\\', false), drive('F:\\', true)];
    expect(sortDrives(list).map((d) => d.mount_point)).toEqual(['E:\\', 'F:\\', 'C:\\', 'D:\\']);
    expect(list[0].mount_point).toBe('C:\\'); // not sorted in place
    expect(driveKind(list[1])).toBe('U盘');
    expect(driveKind(list[0])).toBe('本机磁盘');
  });

  it('compares folders the way the file system does', () => {
    expect(samePlace('E:\\', 'E:\\')).toBe(true);
    expect(samePlace('E:\\', 'e:\\')).toBe(true);
    expect(samePlace('E:\\导出\\', 'E:\\导出')).toBe(true);
    expect(samePlace('E:/导出', 'E:\\导出')).toBe(true);
    expect(samePlace('/media/u/STICK/', '/media/u/STICK')).toBe(true);
    expect(samePlace('/media/u/stick', '/media/u/STICK')).toBe(false); // case matters off Windows
    expect(samePlace('E:\\', 'F:\\')).toBe(false);
    expect(samePlace('', '')).toBe(false);
  });

  it('finds the newest export to a folder', () => {
    const log = [
      entry(1, '2026-03-01 10:00:00', 'E:\\'),
      entry(3, '2026-05-01 09:00:00', 'E:\\'),
      entry(2, '2026-04-01 09:00:00', 'E:\\'),
      entry(4, '2026-06-01 09:00:00', 'D:\\备份'),
    ];
    expect(lastExportTo(log, 'E:\\')?.id).toBe(3);
    expect(lastExportTo(log, 'D:\\备份\\')?.id).toBe(4);
    expect(lastExportTo(log, 'F:\\')).toBeNull();
    expect(lastExportTo(log, '')).toBeNull();
    expect(lastExportTo([], 'E:\\')).toBeNull();
    // same second: the later id
    expect(lastExportTo([entry(7, '2026-05-01 09:00:00', 'E:\\'), entry(8, '2026-05-01 09:00:00', 'E:\\')], 'E:\\')?.id).toBe(8);
    expect(lastExportText(log[1])).toBe('上次导出到此位置：2026年5月1日 09:00（E:\\\\城关镇-3）');
  });

  it('names what is missing or wrong, by field', () => {
    const f = { ...defaultExportForm(new Date(2026, 5, 9)) };
    expect(exportProblems(f, null)).toEqual({ dest: DEST_REQUIRED });
    expect(DEST_REQUIRED).toBe('请选择导出位置');
    f.dest = 'E:\\';
    expect(exportProblems(f, null)).toEqual({});
    expect(exportProblems({ ...f, to: '2025-12-31' }, null)).toEqual({ range: RANGE_REVERSED });
    expect(RANGE_REVERSED).toBe('结束日期不能早于开始日期');
    expect(exportProblems({ ...f, from: '2026-06-09' }, null)).toEqual({}); // one day is a period
    expect(exportProblems({ ...f, from: null }, null)).toEqual({ range_missing: RANGE_MISSING });
    // changes: only after an export to this folder
    expect(exportProblems({ ...f, scope: 'changes' }, null)).toEqual({ scope: NO_EARLIER_EXPORT });
    expect(NO_EARLIER_EXPORT).toBe('此位置还没有导出过，请先做一次完整导出');
    expect(exportProblems({ ...f, scope: 'changes' }, entry(1, '2026-03-01 10:00:00', 'E:\\'))).toEqual({});
    expect(exportProblems({ ...f, dest: '', scope: 'changes' }, null)).toEqual({ dest: DEST_REQUIRED });
    // at least one book or the statistics
    expect(exportProblems({ ...f, books: [] }, null)).toEqual({ books: BOOKS_REQUIRED });
    expect(BOOKS_REQUIRED).toBe('请至少选择一本台账或统计表');
    expect(exportProblems({ ...f, books: ['statistics'] }, null)).toEqual({});
    expect(exportProblems({ ...f, books: ['meetings'] }, null)).toEqual({});
  });

  it('builds the options of export_package', () => {
    const f = { ...defaultExportForm(new Date(2026, 5, 9)), dest: 'E:\\', scope: 'changes' as const, include_identities: true };
    expect(exportOptions(f)).toEqual({ from: '2026-01-01', to: '2026-06-09', include_identities: true, with_pdf: false, scope: 'changes' });
    expect(exportOptions({ ...f, with_pdf: true, scope: 'full', include_identities: false }))
      .toEqual({ from: '2026-01-01', to: '2026-06-09', include_identities: false, with_pdf: true, scope: 'full' });
    // every book: none named (the core's default); some: those, in the core's order
    expect(exportOptions(f)).not.toHaveProperty('books');
    expect(exportOptions({ ...f, books: ['statistics', 'deputies'] }).books).toEqual(['deputies', 'statistics']);
    expect(exportOptions({ ...f, books: ['activities', 'suggestions', 'deputies', 'petitions', 'deeds', 'documents', 'meetings'] }).books)
      .toEqual(['deputies', 'suggestions', 'petitions', 'deeds', 'documents', 'meetings', 'activities']);
    expect(exportOptions({ ...f, books: [...allExportBooks()].reverse() })).not.toHaveProperty('books');
  });

  it('names the books a package carries', () => {
    const file = (path: string) => ({ path, sha256: '00', bytes: 1, records: 1 });
    const manifest = (books: string[] | undefined, paths: string[]): Exported['manifest'] => ({
      format: 'taizhang-package', schema_version: 12, app_version: '0.1.0', township: '城关镇', township_id: 'a1',
      exported_at: '2026-06-09 16:20:00', exported_by: '刘秘书', period_from: '2026-01-01', period_to: '2026-06-09',
      pseudonymised: true, scope: 'full', since: null, included: [], excluded: [], files: paths.map(file),
      ...(books ? { books } : {}),
    });
    // written before the choice existed: every book
    expect(carriedBooksText(manifest(undefined, ['data/deputies.jsonl']))).toBe('全部台账及统计表');
    const all = ['deputies', 'suggestions', 'petitions', 'deeds', 'documents', 'meetings', 'activities', 'sessions', 'projects'];
    expect(carriedBooksText(manifest(all, ['表格/统计表.xlsx']))).toBe('全部台账及统计表');
    expect(carriedBooksText(manifest(all, ['data/deputies.jsonl'])))
      .toBe('代表花名册、代表建议、来信来访、先进事迹、文件登记、主席团会议、小组活动、人代会、民生实事');
    expect(carriedBooksText(manifest(['deputies'], ['data/deputies.jsonl', '表格/统计表.xlsx']))).toBe('代表花名册、统计表');
    expect(carriedBooksText(manifest([], ['表格/统计表.xlsx']))).toBe('统计表');
    expect(carriedBooksText(manifest(['activities', 'petitions'], []))).toBe('来信来访、小组活动');
  });

  it('words the log and the result', () => {
    expect(periodText('2026-01-01', '2026-06-30')).toBe('2026年1月1日 至 2026年6月30日');
    expect(scopeText({ scope: 'full', since: null })).toBe('完整');
    expect(scopeText({ scope: 'changes', since: '2026-03-01 10:00:00' })).toBe('变更（2026年3月1日 10:00 之后）');
    expect(scopeText({ scope: 'changes', since: null })).toBe('变更');
    expect(pseudonymText(true)).toBe('已以化名代替个人信息');
    expect(pseudonymText(false)).toBe('含个人身份信息');
    expect(pseudonymShort(true)).toBe('化名');
    expect(pseudonymShort(false)).toBe('含身份');
  });
});
