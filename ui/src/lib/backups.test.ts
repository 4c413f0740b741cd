import { describe, expect, it } from 'vitest';
import type { CopyStatus } from '../api/types';
import { backupKind, copyNotice, entryRows, lastCopyText, restoredText } from './backups';

const status = (over: Partial<CopyStatus> = {}): CopyStatus => ({
  dir: 'E:\\台账备份', last_copy: '2026-12-05 09:30:00', last_error: null, overdue: false, ...over,
});

describe('backups', () => {
  it('says why each backup was made, from the names the core gives them', () => {
    expect(backupKind('C:\\data\\backups\\auto-20261204-080000.db')).toBe('自动');
    expect(backupKind('/d/backups/manual-20261204-090000-2.db')).toBe('手动');
    expect(backupKind('/d/backups/before-restore-20261204-100000.db')).toBe('恢复前');
    // the damaged file kept aside by a restore must not read as an ordinary safety copy
    expect(backupKind('/d/backups/damaged-before-restore-20261204-100000.db')).toBe('恢复前（原数据已损坏）');
    expect(backupKind('/d/backups/before-migration-v11-20261204-100000.db')).toBe('升级前');
    // a copy on the stick carries a taizhang- prefix and is the same kind of backup
    expect(backupKind('E:\\台账备份\\taizhang-auto-20261204-080000.db')).toBe('自动');
    expect(backupKind('E:\\别的\\台账.db')).toBe('');
  });

  it('gives the last copy time, or 从未 when nothing was ever copied', () => {
    expect(lastCopyText(status())).toBe('2026年12月5日 09:30');
    expect(lastCopyText(status({ last_copy: null }))).toBe('从未');
  });

  it('only hints when no location is set: nothing is wrong, the clerk has not chosen yet', () => {
    expect(copyNotice(status({ dir: '', last_copy: null, overdue: false }))).toEqual({ level: 'none', text: '尚未设置备份位置（U盘）' });
  });

  it('warns when the last copy failed, with the core\'s reason, even if a copy was made this week', () => {
    const n = copyNotice(status({ last_error: '找不到备份位置“E:\\台账备份”（U盘可能未插好）' }));
    expect(n.level).toBe('warning');
    expect(n.text).toContain('E:\\台账备份');
    expect(n.text).toContain('2026年12月5日 09:30');
    expect(n.level === 'warning' && n.detail).toContain('U盘可能未插好');
    // a reason that ends its own sentence is not given a second full stop
    const n2 = copyNotice(status({ last_error: '写入失败。' }));
    expect(n2.level === 'warning' && n2.detail).toBe('写入失败。请插好U盘，到“设置”中点“立即备份”。');
  });

  it('warns when the copies are overdue, and says so differently when there was never one', () => {
    const late = copyNotice(status({ last_copy: '2026-11-20 09:30:00', overdue: true }));
    expect(late.level).toBe('warning');
    expect(late.text).toContain('已超过一周');
    expect(late.text).toContain('2026年11月20日 09:30');
    const never = copyNotice(status({ last_copy: null, overdue: true }));
    expect(never.level).toBe('warning');
    expect(never.text).toContain('还没有把备份复制到');
  });

  it('otherwise shows where and when the last copy went', () => {
    expect(copyNotice(status())).toEqual({ level: 'ok', text: '备份已复制到“E:\\台账备份”，最近一次：2026年12月5日 09:30' });
  });

  it('turns the core\'s [what, count] pairs into table rows, in its order', () => {
    expect(entryRows({ entries: [['代表', 45], ['代表建议', 12], ['信访', 0]] }))
      .toEqual([{ what: '代表', count: 45 }, { what: '代表建议', count: 12 }, { what: '信访', count: 0 }]);
  });

  it('after a restore says where the data from before it was kept, so it can be brought back', () => {
    const kept = { path: 'C:\\data\\backups\\before-restore-20261205-101500.db', size: 1, created_at: '2026-12-05 10:15:00' };
    const text = restoredText({ created_at: '2026-12-04 08:00:00' }, kept);
    expect(text).toContain('2026年12月4日 08:00');
    expect(text).toContain(kept.path);
    expect(restoredText({ created_at: '2026-12-04 08:00:00' }, null)).toBe('已恢复为 2026年12月4日 08:00 的备份。');
  });
});
