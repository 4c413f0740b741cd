// The one reader of typed dates and times: every form a clerk writes is read, or refused with a
// message saying what is wrong; nothing impossible is moved to a nearby date. Each expected value
// below was worked out by hand; "today" is 2026-12-04 (a Friday), so 3月5日 is 2026-03-05 and
// 9:30 is 2026-12-04 09:30.
import { describe, expect, it } from 'vitest';
import {
  describeDateValue, normalizeWidth, parseDate, parseDateInput, parseDateTime, parsePartialDate, parseTime,
  type DateKind,
} from './dateInput';

const TODAY = '2026-12-04';

type Row = [kind: DateKind, typed: string, expected: { value: string | null } | { error: string }];

const HOW_DATE = '请写成 2026-03-05、2026.3.5、2026年3月5日 或 3月5日';
const HOW_DATETIME = '请写成 2026-03-05 09:30、2026.3.5 9:30，或只写 9:30 表示今天';
const HOW_TIME = '请写成 9:30 或 9点30';
const HOW_PARTIAL = '请写成 1975-03 或 1975-03-12';

const ok = (value: string | null) => ({ value });
const bad = (error: string) => ({ error });

const TABLE: Row[] = [
  // ---- dates: accepted ----
  ['date', '2026-03-05', ok('2026-03-05')],
  ['date', '2026-3-5', ok('2026-03-05')],
  ['date', '2026/3/5', ok('2026-03-05')],
  ['date', '2026/03/05', ok('2026-03-05')],
  ['date', '2026.3.5', ok('2026-03-05')],
  ['date', '20260305', ok('2026-03-05')],
  ['date', '2026年3月5日', ok('2026-03-05')],
  ['date', '2026年03月05日', ok('2026-03-05')],
  ['date', '2026 年 3 月 5 日', ok('2026-03-05')],
  ['date', '2026年3月5号', ok('2026-03-05')],
  ['date', '2026 3 5', ok('2026-03-05')],
  ['date', '2026。3。5', ok('2026-03-05')],
  ['date', '3月5日', ok('2026-03-05')],
  ['date', '3月5号', ok('2026-03-05')],
  ['date', '3.5', ok('2026-03-05')],
  ['date', '3-5', ok('2026-03-05')],
  ['date', '3/5', ok('2026-03-05')],
  ['date', '12.31', ok('2026-12-31')],
  ['date', '２０２６．３．５', ok('2026-03-05')],
  ['date', '２０２６年３月５日', ok('2026-03-05')],
  ['date', '  2026.3.5  ', ok('2026-03-05')],
  ['date', '\u30002026-03-05\u3000', ok('2026-03-05')],
  ['date', '2024.2.29', ok('2024-02-29')],
  ['date', '2000-02-29', ok('2000-02-29')],
  ['date', '1900-01-01', ok('1900-01-01')],
  ['date', '', ok(null)],
  ['date', '   ', ok(null)],
  // ---- dates: refused, never clamped ----
  ['date', '2026.13.5', bad('“2026.13.5”不是真实存在的日期：月份应为 1 到 12')],
  ['date', '2026.0.5', bad('“2026.0.5”不是真实存在的日期：月份应为 1 到 12')],
  ['date', '2026-02-30', bad('“2026-02-30”不是真实存在的日期：2026年2月只有28天')],
  ['date', '2026-02-29', bad('“2026-02-29”不是真实存在的日期：2026年2月只有28天')],
  ['date', '2100-02-29', bad('“2100-02-29”不是真实存在的日期：2100年2月只有28天')],
  ['date', '2026.4.31', bad('“2026.4.31”不是真实存在的日期：2026年4月只有30天')],
  ['date', '2026.3.0', bad('“2026.3.0”不是真实存在的日期：日应为 1 到 31')],
  ['date', '13.5', bad('“13.5”不是真实存在的日期：月份应为 1 到 12')],
  ['date', '2.30', bad('“2.30”不是真实存在的日期：2026年2月只有28天')],
  ['date', '20261305', bad('“20261305”不是真实存在的日期：月份应为 1 到 12')],
  ['date', '1899.12.31', bad('“1899.12.31”的年份 1899 不在 1900 到 2200 之间，请核对')],
  ['date', '2201-01-01', bad('“2201-01-01”的年份 2201 不在 1900 到 2200 之间，请核对')],
  ['date', '26.3.5', bad('“26.3.5”的年份请写全四位，如 2026.3.5')],
  ['date', '2026.3', bad('“2026.3”缺少日，请写成 2026.3.5 这样的年月日')],
  ['date', '2026年3月', bad('“2026年3月”缺少日，请写成 2026.3.5 这样的年月日')],
  ['date', '202603', bad('“202603”缺少日，请写成 2026.3.5 这样的年月日')],
  ['date', 'abc', bad(`无法识别“abc”，${HOW_DATE}`)],
  ['date', '2026-03-05-01', bad(`无法识别“2026-03-05-01”，${HOW_DATE}`)],
  ['date', '0305', bad(`无法识别“0305”，${HOW_DATE}`)],
  ['date', '2026.003.5', bad(`无法识别“2026.003.5”，${HOW_DATE}`)],
  ['date', '2026/3/5/', bad(`无法识别“2026/3/5/”，${HOW_DATE}`)],
  ['date', '5日', bad(`无法识别“5日”，${HOW_DATE}`)],
  ['date', '2026-03-05 09:30', bad(`无法识别“2026-03-05 09:30”，${HOW_DATE}`)],

  // ---- date and time: accepted ----
  ['datetime', '2026.12.4 9:30', ok('2026-12-04 09:30')],
  ['datetime', '2026-12-04 09:30', ok('2026-12-04 09:30')],
  ['datetime', '2026-12-04T09:30', ok('2026-12-04 09:30')],
  ['datetime', '2026-12-04 09:30:00', ok('2026-12-04 09:30')],
  ['datetime', '20261204 9:30', ok('2026-12-04 09:30')],
  ['datetime', '9:30', ok('2026-12-04 09:30')],
  ['datetime', '09:30', ok('2026-12-04 09:30')],
  ['datetime', '9点30', ok('2026-12-04 09:30')],
  ['datetime', '9点30分', ok('2026-12-04 09:30')],
  ['datetime', '9时30分', ok('2026-12-04 09:30')],
  ['datetime', '9点半', ok('2026-12-04 09:30')],
  ['datetime', '9点', ok('2026-12-04 09:00')],
  ['datetime', '9点5分', ok('2026-12-04 09:05')],
  ['datetime', '下午3点', ok('2026-12-04 15:00')],
  ['datetime', '晚上8点半', ok('2026-12-04 20:30')],
  ['datetime', '上午10:15', ok('2026-12-04 10:15')],
  ['datetime', '下午12:30', ok('2026-12-04 12:30')],
  ['datetime', '0:00', ok('2026-12-04 00:00')],
  ['datetime', '23:59', ok('2026-12-04 23:59')],
  ['datetime', '3月5日 9:30', ok('2026-03-05 09:30')],
  ['datetime', '3月5日9点30', ok('2026-03-05 09:30')],
  ['datetime', '3.5 14:05', ok('2026-03-05 14:05')],
  ['datetime', '2026年12月4日上午9点', ok('2026-12-04 09:00')],
  ['datetime', '2026年12月4日 下午2点10分', ok('2026-12-04 14:10')],
  ['datetime', '２０２６．１２．４　９：３０', ok('2026-12-04 09:30')],
  ['datetime', ' 2026/12/4  9:30 ', ok('2026-12-04 09:30')],
  ['datetime', '', ok(null)],
  // ---- date and time: refused ----
  ['datetime', '25:00', bad('“25:00”不是有效的时间：小时应为 0 到 23')],
  ['datetime', '24:00', bad('“24:00”不是有效的时间：小时应为 0 到 23')],
  ['datetime', '9:60', bad('“9:60”不是有效的时间：分钟应为 0 到 59')],
  ['datetime', '9:30:61', bad('“9:30:61”不是有效的时间：秒应为 0 到 59')],
  ['datetime', '上午13点', bad('“上午13点”不是有效的时间：上午没有13点')],
  ['datetime', '下午0点', bad('“下午0点”不是有效的时间：下午没有0点')],
  ['datetime', '9:5', bad(`无法识别“9:5”，${HOW_DATETIME}`)],
  ['datetime', '2026.12.4', bad('“2026.12.4”缺少时间，请写成 2026-12-04 09:30 这样的日期和时间')],
  ['datetime', '3月5日', bad('“3月5日”缺少时间，请写成 2026-03-05 09:30 这样的日期和时间')],
  ['datetime', '2026.13.4 9:30', bad('“2026.13.4 9:30”不是真实存在的日期：月份应为 1 到 12')],
  ['datetime', '2026-02-30 9:30', bad('“2026-02-30 9:30”不是真实存在的日期：2026年2月只有28天')],
  ['datetime', '2026.13.5', bad('“2026.13.5”不是真实存在的日期：月份应为 1 到 12')],
  ['datetime', '2026-12-049:30', bad(`无法识别“2026-12-049:30”，${HOW_DATETIME}`)],
  ['datetime', 'abc', bad(`无法识别“abc”，${HOW_DATETIME}`)],

  // ---- a time of day ----
  ['time', '9:30', ok('09:30')],
  ['time', '09:30', ok('09:30')],
  ['time', '14:05', ok('14:05')],
  ['time', '9点半', ok('09:30')],
  ['time', '下午3点', ok('15:00')],
  ['time', '２１：００', ok('21:00')],
  ['time', '', ok(null)],
  ['time', '25:00', bad('“25:00”不是有效的时间：小时应为 0 到 23')],
  ['time', '9:60', bad('“9:60”不是有效的时间：分钟应为 0 到 59')],
  ['time', '9.30', bad(`无法识别“9.30”，${HOW_TIME}`)],
  ['time', '2026-12-04 09:30', bad(`无法识别“2026-12-04 09:30”，${HOW_TIME}`)],

  // ---- a birth date (the roster import's forms, PartialDate::parse) ----
  ['partial', '1975-03', ok('1975-03')],
  ['partial', '1975-3', ok('1975-03')],
  ['partial', '1975.03', ok('1975-03')],
  ['partial', '1980.5', ok('1980-05')],
  ['partial', '1975/3/12', ok('1975-03-12')],
  ['partial', '1975-03-12', ok('1975-03-12')],
  ['partial', '1975年3月', ok('1975-03')],
  ['partial', '1975年3月12日', ok('1975-03-12')],
  ['partial', '197503', ok('1975-03')],
  ['partial', '19750312', ok('1975-03-12')],
  ['partial', ' 1975-03 ', ok('1975-03')],
  ['partial', '１９７５．０３', ok('1975-03')],
  ['partial', '', ok(null)],
  ['partial', '1975', bad(`无法识别“1975”，${HOW_PARTIAL}`)],
  ['partial', '75-03', bad(`无法识别“75-03”，${HOW_PARTIAL}`)],
  ['partial', 'abc', bad(`无法识别“abc”，${HOW_PARTIAL}`)],
  ['partial', '1975-03-12-01', bad(`无法识别“1975-03-12-01”，${HOW_PARTIAL}`)],
  ['partial', '1975-13', bad('“1975-13”不是真实存在的日期：月份应为 1 到 12')],
  ['partial', '1975-02-30', bad('“1975-02-30”不是真实存在的日期：1975年2月只有28天')],
  ['partial', '1899-12', bad('“1899-12”的年份 1899 不在 1900 到 2100 之间，请核对')],
  ['partial', '2101.01', bad('“2101.01”的年份 2101 不在 1900 到 2100 之间，请核对')],
];

describe('parseDateInput: the table', () => {
  it('has at least 40 rows, accepted and refused', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    expect(TABLE.filter(([, , e]) => 'value' in e).length).toBeGreaterThanOrEqual(20);
    expect(TABLE.filter(([, , e]) => 'error' in e).length).toBeGreaterThanOrEqual(20);
  });

  it.each(TABLE)('%s %j', (kind, typed, expected) => {
    const r = parseDateInput(kind, typed, TODAY);
    if ('value' in expected) expect(r).toEqual({ ok: true, value: expected.value });
    else expect(r).toEqual({ ok: false, message: expected.error });
  });
});

describe('the readers one by one', () => {
  it('take this year and today from the caller, never from the clock', () => {
    expect(parseDate('3月5日', '2031-01-01')).toEqual({ ok: true, value: '2031-03-05' });
    expect(parseDate('2.29', '2028-06-30')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDate('2.29', '2027-06-30').ok).toBe(false);
    expect(parseDateTime('9:30', '2031-01-01')).toEqual({ ok: true, value: '2031-01-01 09:30' });
    expect(parseTime('9:30')).toEqual({ ok: true, value: '09:30' });
    expect(parsePartialDate('1975年3月')).toEqual({ ok: true, value: '1975-03' });
  });

  it('quote a long unreadable text shortened', () => {
    const r = parseDate('x'.repeat(40), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`无法识别“${'x'.repeat(30)}…”，${HOW_DATE}`);
  });
});

describe('normalizeWidth', () => {
  it('turns full-width digits, separators and the ideographic space to ASCII', () => {
    expect(normalizeWidth('２０２６－０３－０５\u3000０９：３０')).toBe('2026-03-05 09:30');
    expect(normalizeWidth('２０２６／３／５')).toBe('2026/3/5');
    expect(normalizeWidth('2026。3。5')).toBe('2026.3.5');
    expect(normalizeWidth('年月日')).toBe('年月日');
  });
});

describe('describeDateValue: what the field says it understood', () => {
  it('writes the value out the way the clerk reads it', () => {
    expect(describeDateValue('date', '2026-03-05')).toBe('2026年3月5日');
    expect(describeDateValue('datetime', '2026-12-04 09:30')).toBe('2026年12月4日 09:30');
    expect(describeDateValue('time', '09:30')).toBe('09:30');
    expect(describeDateValue('partial', '1975-03')).toBe('1975年3月');
    expect(describeDateValue('partial', '1975-03-12')).toBe('1975年3月12日');
  });
});
