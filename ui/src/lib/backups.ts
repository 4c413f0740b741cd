// The ways back (设置 → 数据备份, and the line on 首页): what kind of backup a file is, the state of
// the copies to the second place (备份位置: a USB stick, another disk), and the words around a restore.
// The facts come from the core (backups_list, backup_copy_status, backup_contents, backup_restore).
import type { BackupContents, BackupInfo, CopyStatus } from '../api/types';
import { formatDateTime } from './format';

/** The last part of a path, Windows or not ("C:\a\auto-20261204-080000.db" -> "auto-20261204-080000.db"). */
function fileName(path: string): string {
  return path.split(/[\\/]+/).filter(Boolean).at(-1) ?? path;
}

/**
 * Why a backup was made, from the name the core gives it (auto-…, manual-…, before-restore-…,
 * damaged-before-restore-…, before-migration-v…-…; copies on the stick carry a taizhang- prefix).
 * '' for a file named otherwise (one the clerk picked from elsewhere).
 */
export function backupKind(path: string): string {
  const name = fileName(path).replace(/^taizhang-/, '');
  if (name.startsWith('auto-')) return '自动';
  if (name.startsWith('manual-')) return '手动';
  if (name.startsWith('damaged-before-restore-')) return '恢复前（原数据已损坏）';
  if (name.startsWith('before-restore-')) return '恢复前';
  if (name.startsWith('before-migration-')) return '升级前';
  return '';
}

/** 最近一次复制: the time, or 从未. */
export function lastCopyText(status: Pick<CopyStatus, 'last_copy'>): string {
  return status.last_copy ? formatDateTime(status.last_copy) : '从未';
}

/**
 * What the home page says about the copies, or null when it says nothing special:
 * - 'none': no location chosen (a gentle hint, not a warning);
 * - 'warning': the last copy failed, or none for more than a week (or never) — with why;
 * - 'ok': the last copy's time.
 */
export type CopyNotice =
  | { level: 'none'; text: string }
  | { level: 'warning'; text: string; detail: string }
  | { level: 'ok'; text: string };

export function copyNotice(status: CopyStatus): CopyNotice {
  if (!status.dir.trim()) return { level: 'none', text: '尚未设置备份位置（U盘）' };
  const last = status.last_copy ? `最近一次复制：${formatDateTime(status.last_copy)}` : '还没有复制过';
  if (status.last_error) {
    return {
      level: 'warning',
      text: `备份没能复制到备份位置“${status.dir}”（${last}）`,
      detail: `${status.last_error.trim().replace(/[。.]$/, '')}。请插好U盘，到“设置”中点“立即备份”。`,
    };
  }
  if (status.overdue) {
    return {
      level: 'warning',
      text: status.last_copy
        ? `已超过一周没有把备份复制到备份位置“${status.dir}”（${last}）`
        : `还没有把备份复制到备份位置“${status.dir}”`,
      detail: '请插好U盘，到“设置”中点“立即备份”。',
    };
  }
  return { level: 'ok', text: `备份已复制到“${status.dir}”，最近一次：${formatDateTime(status.last_copy)}` };
}

/** The entries of a backup as table rows (the core sends [what, how many] pairs, in the books' order). */
export function entryRows(contents: Pick<BackupContents, 'entries'>): { what: string; count: number }[] {
  return contents.entries.map(([what, count]) => ({ what, count }));
}

/** After a restore: what happened and where the data from before it was kept. */
export function restoredText(from: Pick<BackupContents, 'created_at'>, kept: BackupInfo | null): string {
  const head = `已恢复为 ${formatDateTime(from.created_at)} 的备份。`;
  if (!kept) return head;
  return `${head}恢复前的数据另存在：${kept.path}（在“设置 → 数据备份”中可以再恢复回来）。`;
}
