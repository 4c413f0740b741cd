import { describe, expect, it } from 'vitest';
import {
  formatDate, formatDateTime, formatPartialDate, formatRatio, formatSize, formatYearMonth,
  percentText, recentYears, todayIso,
} from './format';

describe('Chinese dates', () => {
  it('formats ISO dates without leading zeros', () => {
    expect(formatDate('2024-03-20')).toBe('2024年3月20日');
    expect(formatDate('2021-12-01')).toBe('2021年12月1日');
  });
  it('formats birth dates known to the month or the day', () => {
    expect(formatPartialDate('1975-03')).toBe('1975年3月');
    expect(formatPartialDate('1975-03-12')).toBe('1975年3月12日');
    expect(formatYearMonth('1975-03-12')).toBe('1975年3月');
    expect(formatYearMonth('1975-11')).toBe('1975年11月');
  });
  it('gives empty text for missing dates and leaves unknown text alone', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatYearMonth('')).toBe('');
    expect(formatDate('不详')).toBe('不详');
  });
  it('formats history timestamps to the minute', () => {
    expect(formatDateTime('2026-11-23 14:05:09')).toBe('2026年11月23日 14:05');
    expect(formatDateTime('2026-11-23T08:00:00')).toBe('2026年11月23日 08:00');
  });
  it('gives today in local time', () => {
    expect(todayIso(new Date(2024, 2, 5, 23, 59))).toBe('2024-03-05');
  });
});

describe('ratios always show numerator and denominator', () => {
  it('rounds to one decimal', () => {
    expect(formatRatio({ numerator: 28, denominator: 60, percent: 46.666 })).toBe('46.7% (28/60)');
    expect(formatRatio({ numerator: 1, denominator: 3, percent: null })).toBe('33.3% (1/3)');
    expect(formatRatio({ numerator: 60, denominator: 60, percent: 100 })).toBe('100.0% (60/60)');
  });
  it('rounds halves up', () => {
    expect(percentText(1, 16)).toBe('6.3%'); // 6.25
    expect(percentText(1, 8)).toBe('12.5%');
  });
  it('computes from the counts, not from the percent field', () => {
    expect(formatRatio({ numerator: 7, denominator: 20, percent: 0.35 })).toBe('35.0% (7/20)');
  });
  it('shows a dash when there is nothing to divide by', () => {
    expect(formatRatio({ numerator: 0, denominator: 0, percent: null })).toBe('— (0/0)');
    expect(formatRatio(null)).toBe('');
  });
});

describe('formatSize', () => {
  it('uses B, KB, MB', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(3 * 1024 * 1024 + 100 * 1024)).toBe('3.1 MB');
  });
});

describe('recentYears', () => {
  it('offers this year first, then the years before it, as the list filters show them', () => {
    expect(recentYears(3, new Date(2026, 0, 1))).toEqual([2026, 2025, 2024]);
    expect(recentYears(10, new Date(2026, 11, 31))).toHaveLength(10);
    expect(recentYears(10, new Date(2026, 11, 31)).at(-1)).toBe(2017);
  });
});
