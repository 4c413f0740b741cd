// Dates and times as the clerk types them, read one way in every field of the app (DateInput.vue):
// 2026-03-05, 2026-3-5, 2026/3/5, 2026.3.5, 20260305, 2026年3月5日; 3月5日, 3.5, 3-5 for this year;
// times 9:30, 09:30, 9点30, 9点半, 下午3点; full-width digits; spaces around. A birth date is read
// as the roster import reads it (src-tauri/core/src/dates.rs PartialDate::parse): 1975.03,
// 1975-3, 1975年3月, 197503, with an optional day.
// Each reader returns the normalised value (YYYY-MM-DD, YYYY-MM-DD HH:mm, HH:mm, YYYY-MM[-DD]) or
// a message saying what could not be read. Nothing is ever clamped: 2026.13.5, 2026-02-30 and
// 25:00 are errors. "Today" is passed in (the year of 3月5日, the day of 9:30), never read here.
import type { IsoDate } from '../api/types';
import { formatDate, formatDateTime } from './format';

export type DateKind = 'date' | 'datetime' | 'time' | 'partial';

/** `value` null: nothing typed. */
export type DateRead = { ok: true; value: string | null } | { ok: false; message: string };

/** The years a date may have: the core's (parse_iso). */
export const DATE_YEAR_MIN = 1900;
export const DATE_YEAR_MAX = 2200;
/** The years a birth date may have: the core's (PartialDate). */
export const BIRTH_YEAR_MIN = 1900;
export const BIRTH_YEAR_MAX = 2100;

const HOW: Record<DateKind, string> = {
  date: '请写成 2026-03-05、2026.3.5、2026年3月5日 或 3月5日',
  datetime: '请写成 2026-03-05 09:30、2026.3.5 9:30，或只写 9:30 表示今天',
  time: '请写成 9:30 或 9点30',
  partial: '请写成 1975-03 或 1975-03-12',
};

/** Full-width ASCII (０-９, ．, －, ／, ：…) to ASCII, the ideographic space to a space, 。 to a dot. */
export function normalizeWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x3000) out += ' ';
    else if (c === 0x3002) out += '.';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else out += ch;
  }
  return out;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The typed text as quoted back in a message (trimmed, at most 30 characters). */
function quoted(text: string): string {
  const t = text.trim();
  const chars = [...t];
  return `“${chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : t}”`;
}

type Part<T> = { ok: true; v: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Year, month and day as numbers -> checked "YYYY-MM-DD" (or "YYYY-MM" without a day). */
function checkedYmd(q: string, y: number, m: number, d: number | null, min: number, max: number): Part<string> {
  if (y < min || y > max) return fail(`${q}的年份 ${y} 不在 ${min} 到 ${max} 之间，请核对`);
  if (m < 1 || m > 12) return fail(`${q}不是真实存在的日期：月份应为 1 到 12`);
  if (d === null) return { ok: true, v: `${y}-${pad2(m)}` };
  const last = daysInMonth(y, m);
  if (d < 1) return fail(`${q}不是真实存在的日期：日应为 1 到 ${last}`);
  if (d > last) return fail(`${q}不是真实存在的日期：${y}年${m}月只有${last}天`);
  return { ok: true, v: `${y}-${pad2(m)}-${pad2(d)}` };
}

const SEP = String.raw`(?:\s*[-./]\s*|\s+)`;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_CHINESE = /^(\d+)\s*年\s*(\d+)\s*月\s*(\d+)$/;
const RE_CHINESE_MD = /^(\d+)\s*月\s*(\d+)$/;
const RE_YMD = new RegExp(String.raw`^(\d+)${SEP}(\d+)${SEP}(\d+)$`);
const RE_MD = /^(\d+)\s*[-./]\s*(\d+)$/;
const RE_YEAR_MONTH = /^\d{4}(?:\d{2}|\s*年\s*\d{1,2}\s*月?)$/;

/** A date part (already width-normalised and trimmed) -> "YYYY-MM-DD"; the year of 3月5日 is `thisYear`. */
function readYmd(t: string, q: string, thisYear: number, kind: DateKind): Part<string> {
  const s = t.replace(/\s*[日号]$/, '');
  let y: string | null;
  let mo: string;
  let d: string;
  let m: RegExpExecArray | null;
  if ((m = RE_COMPACT.exec(s)) || (m = RE_CHINESE.exec(s)) || (m = RE_YMD.exec(s))) {
    [y, mo, d] = [m[1], m[2], m[3]];
  } else if ((m = RE_CHINESE_MD.exec(s))) {
    [y, mo, d] = [null, m[1], m[2]];
  } else if ((m = RE_MD.exec(s))) {
    if (m[1].length === 4) return fail(`${q}缺少日，请写成 2026.3.5 这样的年月日`);
    [y, mo, d] = [null, m[1], m[2]];
  } else if (RE_YEAR_MONTH.test(s)) {
    return fail(`${q}缺少日，请写成 2026.3.5 这样的年月日`);
  } else {
    return fail(`无法识别${q}，${HOW[kind]}`);
  }
  if (y !== null && y.length !== 4) return fail(`${q}的年份请写全四位，如 2026.3.5`);
  if (mo.length > 2 || d.length > 2) return fail(`无法识别${q}，${HOW[kind]}`);
  return checkedYmd(q, y === null ? thisYear : Number(y), Number(mo), Number(d), DATE_YEAR_MIN, DATE_YEAR_MAX);
}

const MERIDIEM = '(上午|下午|晚上)';
const TIME_BODY = String.raw`(?:${MERIDIEM}\s*)?(\d{1,2})\s*(?::\s*(\d{2})(?:\s*:\s*(\d{2}))?|[点时]\s*(?:(半)|(\d{1,2})\s*分?)?)`;
const RE_TIME = new RegExp(`^${TIME_BODY}$`);
/** A time at the end of a date-time text (the date before it, if any, is checked separately). */
const RE_TIME_TAIL = new RegExp(`${TIME_BODY}$`);

/** A time part -> "HH:mm" (seconds, if typed, are dropped: the office records to the minute). */
function readHm(t: string, q: string, kind: DateKind): Part<string> {
  const m = RE_TIME.exec(t);
  if (!m) return fail(`无法识别${q}，${HOW[kind]}`);
  const [, meridiem, hText, colonMin, sec, half, dianMin] = m;
  let h = Number(hText);
  const min = colonMin !== undefined ? Number(colonMin) : half ? 30 : dianMin !== undefined ? Number(dianMin) : 0;
  if (meridiem === '上午') {
    if (h > 12) return fail(`${q}不是有效的时间：上午没有${h}点`);
  } else if (meridiem) {
    if (h === 0) return fail(`${q}不是有效的时间：${meridiem}没有0点`);
    if (h < 12) h += 12;
  }
  if (h > 23) return fail(`${q}不是有效的时间：小时应为 0 到 23`);
  if (min > 59) return fail(`${q}不是有效的时间：分钟应为 0 到 59`);
  if (sec !== undefined && Number(sec) > 59) return fail(`${q}不是有效的时间：秒应为 0 到 59`);
  return { ok: true, v: `${pad2(h)}:${pad2(min)}` };
}

function thisYearOf(today: IsoDate): number {
  return Number(today.slice(0, 4));
}

/** A date: "YYYY-MM-DD". */
export function parseDate(text: string, today: IsoDate): DateRead {
  const t = normalizeWidth(text).trim();
  if (!t) return { ok: true, value: null };
  const r = readYmd(t, quoted(text), thisYearOf(today), 'date');
  return r.ok ? { ok: true, value: r.v } : r;
}

/** A time of day: "HH:mm". */
export function parseTime(text: string): DateRead {
  const t = normalizeWidth(text).trim();
  if (!t) return { ok: true, value: null };
  const r = readHm(t, quoted(text), 'time');
  return r.ok ? { ok: true, value: r.v } : r;
}

/** A date and a time: "YYYY-MM-DD HH:mm"; a time alone is today's. */
export function parseDateTime(text: string, today: IsoDate): DateRead {
  const t = normalizeWidth(text).trim();
  if (!t) return { ok: true, value: null };
  const q = quoted(text);
  const tail = RE_TIME_TAIL.exec(t);
  if (tail) {
    const before = t.slice(0, tail.index);
    // the date and the time are apart: a space, a T, or the 日 / 号 that ends a Chinese date
    if (before === '' || /(?:\s|T|[日号])$/.test(before)) {
      const time = readHm(tail[0], q, 'datetime');
      if (!time.ok) return time;
      const datePart = before.replace(/T$/, '').trim();
      if (!datePart) return { ok: true, value: `${today} ${time.v}` };
      const date = readYmd(datePart, q, thisYearOf(today), 'datetime');
      return date.ok ? { ok: true, value: `${date.v} ${time.v}` } : date;
    }
  }
  // no time: say so for a date that was read; otherwise what is wrong with the date
  const dateOnly = readYmd(t, q, thisYearOf(today), 'datetime');
  return dateOnly.ok ? fail(`${q}缺少时间，请写成 ${dateOnly.v} 09:30 这样的日期和时间`) : dateOnly;
}

/**
 * A birth date, known to the month or to the day: "YYYY-MM" or "YYYY-MM-DD", read as the roster
 * import reads it (PartialDate::parse): 1975-03, 1975-3-12, 1975.03, 1975/03/12, 1975年3月,
 * 1975年3月12日, 197503, 19750312, full-width digits.
 */
export function parsePartialDate(text: string): DateRead {
  const t = normalizeWidth(text).trim().replace(/[日号]+$/, '');
  if (!t) return { ok: true, value: null };
  const q = quoted(text);
  const unreadable = fail(`无法识别${q}，${HOW.partial}`);
  let parts: string[];
  if (/^\d+$/.test(t)) {
    if (t.length === 6) parts = [t.slice(0, 4), t.slice(4, 6)];
    else if (t.length === 8) parts = [t.slice(0, 4), t.slice(4, 6), t.slice(6, 8)];
    else return unreadable;
  } else {
    parts = t.split(/[-./年月\s]/).filter((p) => p !== '');
    if (parts.some((p) => !/^\d+$/.test(p))) return unreadable;
  }
  const [y, m, d] = parts;
  if (parts.length < 2 || parts.length > 3 || y.length !== 4 || m.length > 2 || (d !== undefined && d.length > 2)) return unreadable;
  const r = checkedYmd(q, Number(y), Number(m), d === undefined ? null : Number(d), BIRTH_YEAR_MIN, BIRTH_YEAR_MAX);
  return r.ok ? { ok: true, value: r.v } : r;
}

/** Reads `text` as a field of this kind. */
export function parseDateInput(kind: DateKind, text: string, today: IsoDate): DateRead {
  switch (kind) {
    case 'date': return parseDate(text, today);
    case 'datetime': return parseDateTime(text, today);
    case 'time': return parseTime(text);
    case 'partial': return parsePartialDate(text);
  }
}

/** A value read, as the clerk reads it: 2026年3月5日, 2026年3月5日 09:30, 09:30, 1975年3月. */
export function describeDateValue(kind: DateKind, value: string): string {
  switch (kind) {
    case 'datetime': return formatDateTime(value);
    case 'time': return value;
    default: return formatDate(value);
  }
}

/** What a field says when it holds nothing and must hold something. */
export function emptyMessage(kind: DateKind): string {
  switch (kind) {
    case 'datetime': return '请填写日期和时间，如 2026-03-05 09:30';
    case 'time': return '请填写时间，如 09:30';
    case 'partial': return '请填写出生年月，如 1975-03';
    default: return '请填写日期，如 2026-03-05';
  }
}
