// 导出到U盘: the choices on the export screen, the ExportOptions they make, the drive list's wording,
// the last export to a folder (what a 'changes' export follows) and the export log's columns. The
// package itself is written, read back and checked by the core.
import type { Drive, ExportLogEntry, ExportOptions, ExportScope, IsoDate } from '../api/types';
import { formatDate, formatDateTime, todayIso } from './format';

/** What the export screen's form holds. */
export interface ExportForm {
  /** the folder chosen: a drive's mount point or any folder ('' = none yet) */
  dest: string;
  from: IsoDate | null;
  to: IsoDate | null;
  scope: ExportScope;
  include_identities: boolean;
  with_pdf: boolean;
}

export const DEST_REQUIRED = '请选择导出位置';
export const RANGE_MISSING = '请选择起止日期';
export const RANGE_REVERSED = '结束日期不能早于开始日期';
export const NO_EARLIER_EXPORT = '此位置还没有导出过，请先做一次完整导出';

/** This year so far: 1 January to today. */
export function defaultExportPeriod(now: Date = new Date()): { from: IsoDate; to: IsoDate } {
  return { from: `${now.getFullYear()}-01-01`, to: todayIso(now) };
}

/** A quick period button: a past year whole, the current year up to today. */
export function yearPeriod(year: number, now: Date = new Date()): { from: IsoDate; to: IsoDate } {
  if (year === now.getFullYear()) return defaultExportPeriod(now);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function defaultExportForm(now: Date = new Date()): ExportForm {
  return { dest: '', ...defaultExportPeriod(now), scope: 'full', include_identities: false, with_pdf: false };
}

/** "812 B", "3.4 KB", "3.2 GB": binary units, one decimal, as Windows shows disk sizes. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** "可用 3.2 GB / 共 7.5 GB" */
export function driveSpace(d: Drive): string {
  return `可用 ${formatBytes(d.available_bytes)} / 共 ${formatBytes(d.total_bytes)}`;
}

export function driveKind(d: Drive): string {
  return d.removable ? 'U盘' : '本机磁盘';
}

/** USB sticks first, otherwise in the core's order. */
export function sortDrives(drives: readonly Drive[]): Drive[] {
  return [...drives.filter((d) => d.removable), ...drives.filter((d) => !d.removable)];
}

/**
 * A folder path compared the way the file system would: without trailing separators (a root such
 * as "E:\" or "/" stays as it is), and case-insensitively for Windows drive paths.
 */
export function samePlace(a: string, b: string): boolean {
  const norm = (p: string) => {
    let s = p.trim();
    while (s.length > 1 && /[\\/]$/.test(s) && !/^[A-Za-z]:[\\/]$/.test(s)) s = s.slice(0, -1);
    return /^[A-Za-z]:/.test(s) ? s.replace(/\//g, '\\').toLowerCase() : s;
  };
  return !!a.trim() && norm(a) === norm(b);
}

/** The newest export into `dest` (what a 'changes' export follows), or null. */
export function lastExportTo(log: readonly ExportLogEntry[], dest: string): ExportLogEntry | null {
  let last: ExportLogEntry | null = null;
  for (const e of log) {
    if (!samePlace(e.destination, dest)) continue;
    if (!last || e.at > last.at || (e.at === last.at && e.id > last.id)) last = e;
  }
  return last;
}

export interface ExportProblems {
  dest?: string;
  /** a date missing */
  range_missing?: string;
  /** the dates the wrong way round */
  range?: string;
  /** 'changes' with nothing exported to this folder before */
  scope?: string;
}

/** What keeps 开始导出 disabled, keyed by the form item that shows it. */
export function exportProblems(f: ExportForm, last: ExportLogEntry | null): ExportProblems {
  const p: ExportProblems = {};
  if (!f.dest.trim()) p.dest = DEST_REQUIRED;
  if (!f.from || !f.to) p.range_missing = RANGE_MISSING;
  else if (f.to < f.from) p.range = RANGE_REVERSED;
  if (f.scope === 'changes' && f.dest.trim() && !last) p.scope = NO_EARLIER_EXPORT;
  return p;
}

/** The options sent with export_package (the form must have no problems). */
export function exportOptions(f: ExportForm): ExportOptions {
  return {
    from: f.from ?? '', to: f.to ?? '', include_identities: f.include_identities, with_pdf: f.with_pdf, scope: f.scope,
  };
}

/** "2026年1月1日 至 2026年6月30日" */
export function periodText(from: IsoDate, to: IsoDate): string {
  return `${formatDate(from)} 至 ${formatDate(to)}`;
}

/** 范围 column: "完整" or "变更（2026年3月1日 10:00 之后）". */
export function scopeText(e: { scope: ExportScope; since: string | null }): string {
  if (e.scope === 'full') return '完整';
  return e.since ? `变更（${formatDateTime(e.since)} 之后）` : '变更';
}

/** "上次导出到此位置：2026年3月1日 10:00（E:\台账导出\城关镇-2026）" */
export function lastExportText(e: ExportLogEntry): string {
  return `上次导出到此位置：${formatDateTime(e.at)}（${e.path}）`;
}

/** The result panel's wording for personal data. */
export function pseudonymText(pseudonymised: boolean): string {
  return pseudonymised ? '已以化名代替个人信息' : '含个人身份信息';
}

/** The log's 个人信息 column. */
export function pseudonymShort(pseudonymised: boolean): string {
  return pseudonymised ? '化名' : '含身份';
}
