import { describe, expect, it } from 'vitest';
import type { Drive, ExportLogEntry } from '../api/types';
import {
  DEST_REQUIRED, NO_EARLIER_EXPORT, RANGE_MISSING, RANGE_REVERSED, defaultExportForm, defaultExportPeriod, driveKind, driveSpace,
  exportOptions, exportProblems, formatBytes, lastExportText, lastExportTo, periodText, pseudonymShort, pseudonymText, samePlace,
  scopeText, sortDrives, yearPeriod,
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
  it('defaults to this year up to today, full, pseudonymised, without PDF', () => {
    const now = new Date(2026, 5, 9, 15, 30);
    expect(defaultExportPeriod(now)).toEqual({ from: '2026-01-01', to: '2026-06-09' });
    expect(defaultExportForm(now)).toEqual({
      dest: '', from: '2026-01-01', to: '2026-06-09', scope: 'full', include_identities: false, with_pdf: false,
    });
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
  });

  it('builds the options of export_package', () => {
    const f = { ...defaultExportForm(new Date(2026, 5, 9)), dest: 'E:\\', scope: 'changes' as const, include_identities: true };
    expect(exportOptions(f)).toEqual({ from: '2026-01-01', to: '2026-06-09', include_identities: true, with_pdf: false, scope: 'changes' });
    expect(exportOptions({ ...f, with_pdf: true, scope: 'full', include_identities: false }))
      .toEqual({ from: '2026-01-01', to: '2026-06-09', include_identities: false, with_pdf: true, scope: 'full' });
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
