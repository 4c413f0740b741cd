// Formatting for the clerk: Chinese dates, ratios with numerator and denominator.
import type { IsoDate, PartialDate, Ratio } from '../api/types';

const ISO_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** "2024-03-20" -> "2024年3月20日"; "" for empty; unknown text is returned unchanged. */
export function formatDate(d: IsoDate | null | undefined): string {
  if (!d) return '';
  const m = ISO_RE.exec(d);
  if (!m || !m[3]) return m ? `${m[1]}年${Number(m[2])}月` : d;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Birth dates: "1975-03" -> "1975年3月", "1975-03-12" -> "1975年3月12日". */
export function formatPartialDate(d: PartialDate | null | undefined): string {
  return formatDate(d);
}

/** 出生年月 column: always year and month. */
export function formatYearMonth(d: PartialDate | null | undefined): string {
  if (!d) return '';
  const m = ISO_RE.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月` : d;
}

/** "2026-11-23 14:05:09" -> "2026年11月23日 14:05". */
export function formatDateTime(s: string | null | undefined): string {
  if (!s) return '';
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})/.exec(s);
  if (!m) return formatDate(s);
  return `${formatDate(m[1])} ${m[2]}:${m[3]}`;
}

/** Percent with one decimal, rounded half up: 28/60 -> "46.7%". Null when the denominator is 0. */
export function percentText(numerator: number, denominator: number): string | null {
  if (!denominator) return null;
  const tenths = Math.round((numerator * 1000) / denominator);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** "46.7% (28/60)"; "— (0/0)" when there is nothing to divide by. Always shows both counts. */
export function formatRatio(r: Ratio | { numerator: number; denominator: number } | null | undefined): string {
  if (!r) return '';
  const p = percentText(r.numerator, r.denominator);
  return `${p ?? '—'} (${r.numerator}/${r.denominator})`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Today in local time as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** "1.2 MB" style sizes for backup files. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Casework rates as the report quotes them: "92.3%（24/26）", "—（0/0）" when nothing to divide.
 * Always both counts, with full-width brackets.
 */
export function formatRate(r: { numerator: number; denominator: number } | null | undefined): string {
  if (!r) return '';
  const p = percentText(r.numerator, r.denominator);
  return `${p ?? '—'}（${r.numerator}/${r.denominator}）`;
}

/** "YYYY-MM-DD HH:mm" of now, local time (petition received_at). */
export function nowMinute(now: Date = new Date()): string {
  return `${todayIso(now)} ${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
}

/** First and last day of a calendar year. */
export function yearRange(year: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The years a list can be filtered by: this year first, then the `count - 1` before it. */
export function recentYears(count: number, now: Date = new Date()): number[] {
  const thisYear = now.getFullYear();
  return Array.from({ length: count }, (_, i) => thisYear - i);
}

/** The year filter's choices: 2026年, 2025年, … */
export function yearOptions(count: number, now: Date = new Date()): { value: number; label: string }[] {
  return recentYears(count, now).map((y) => ({ value: y, label: `${y}年` }));
}
