// 导出到U盘: the choices on the export screen, the ExportOptions they make, the drive list's wording,
// the last export to a folder (what a 'changes' export follows) and the export log's columns. The
// package itself is written, read back and checked by the core.
import type { Drive, ExportLogEntry, ExportOptions, ExportScope, Exported, IsoDate, PackageManifest } from '../api/types';
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
  /** the books that go in (codes of EXPORT_BOOKS); all of them by default */
  books: string[];
}

/**
 * What 选择台账 offers: the core's data books (its DATA_BOOKS, in that order) and the statistics
 * workbook. The county sometimes asks for the roster and the statistics only.
 */
export const EXPORT_BOOKS: readonly { code: string; label: string }[] = [
  { code: 'deputies', label: '代表花名册' },
  { code: 'suggestions', label: '代表建议' },
  { code: 'petitions', label: '来信来访' },
  { code: 'deeds', label: '先进事迹' },
  { code: 'documents', label: '文件登记' },
  { code: 'meetings', label: '主席团会议' },
  { code: 'activities', label: '小组活动' },
  { code: 'sessions', label: '人代会' },
  { code: 'projects', label: '民生实事' },
  { code: 'statistics', label: '统计表' },
];
/** the choice that stands for the statistics workbook (not a data book) */
export const STATISTICS = 'statistics';
/** the quick choice 只选花名册和统计表 */
export const ROSTER_AND_STATISTICS: readonly string[] = ['deputies', STATISTICS];
/** the statistics workbook's file in a package */
const STATISTICS_FILE = '表格/统计表.xlsx';

export function allExportBooks(): string[] {
  return EXPORT_BOOKS.map((b) => b.code);
}

export const DEST_REQUIRED = '请选择导出位置';
export const RANGE_MISSING = '请选择起止日期';
export const RANGE_REVERSED = '结束日期不能早于开始日期';
export const NO_EARLIER_EXPORT = '此位置还没有导出过，请先做一次完整导出';
/** the core's own words for the same refusal */
export const BOOKS_REQUIRED = '请至少选择一本台账或统计表';

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
  return {
    dest: '', ...defaultExportPeriod(now), scope: 'full', include_identities: false, with_pdf: false, books: allExportBooks(),
  };
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
  /** no book chosen */
  books?: string;
}

/** What keeps 开始导出 disabled, keyed by the form item that shows it. */
export function exportProblems(f: ExportForm, last: ExportLogEntry | null): ExportProblems {
  const p: ExportProblems = {};
  if (!f.dest.trim()) p.dest = DEST_REQUIRED;
  if (!f.from || !f.to) p.range_missing = RANGE_MISSING;
  else if (f.to < f.from) p.range = RANGE_REVERSED;
  if (f.scope === 'changes' && f.dest.trim() && !last) p.scope = NO_EARLIER_EXPORT;
  if (!EXPORT_BOOKS.some((b) => f.books.includes(b.code))) p.books = BOOKS_REQUIRED;
  return p;
}

/**
 * The options sent with export_package (the form must have no problems). Every book chosen: no
 * `books` (the core's default, all of them); otherwise the chosen ones, in EXPORT_BOOKS order.
 */
export function exportOptions(f: ExportForm): ExportOptions {
  const o: ExportOptions = {
    from: f.from ?? '', to: f.to ?? '', include_identities: f.include_identities, with_pdf: f.with_pdf, scope: f.scope,
  };
  const books = EXPORT_BOOKS.map((b) => b.code).filter((c) => f.books.includes(c));
  if (books.length < EXPORT_BOOKS.length) o.books = books;
  return o;
}

/**
 * The result panel's 所含台账: the manifest's data books (none listed: a package of every book)
 * and 统计表 when the workbook is among its files. Every one of them: "全部台账及统计表".
 */
export function carriedBooksText(m: Pick<Exported['manifest'] | PackageManifest, 'books' | 'files'>): string {
  const data = m.books ?? EXPORT_BOOKS.filter((b) => b.code !== STATISTICS).map((b) => b.code);
  const statistics = !m.books || m.files.some((f) => f.path === STATISTICS_FILE);
  const codes = [...data, ...(statistics ? [STATISTICS] : [])];
  if (EXPORT_BOOKS.every((b) => codes.includes(b.code))) return '全部台账及统计表';
  const label = (c: string) => EXPORT_BOOKS.find((b) => b.code === c)?.label ?? c;
  const ordered = [
    ...EXPORT_BOOKS.filter((b) => codes.includes(b.code)).map((b) => b.code),
    ...codes.filter((c) => !EXPORT_BOOKS.some((b) => b.code === c)),
  ];
  return ordered.map(label).join('、');
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
