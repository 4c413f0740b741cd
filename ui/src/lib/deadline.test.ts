import { describe, expect, it } from 'vitest';
import type { Deadline } from '../api/types';
import {
  beyondCalendarText, daysLeftText, deadlineText, dueClass, dueTone, explanationLines, periodText,
} from './deadline';
import { formatRate, nowMinute, yearRange } from './format';

describe('daysLeftText', () => {
  it.each([
    [-3, false, '逾期3天'],
    [-1, true, '逾期1天'],
    [0, false, '今天到期'],
    [5, false, '剩余5天'],
    [1, false, '剩余1天'],
    [null, false, ''],
    [undefined, false, ''],
    [null, true, '已逾期'],
    [0, true, '已逾期'],
  ] as const)('%s (overdue %s) -> %s', (days, overdue, want) => {
    expect(daysLeftText(days, overdue)).toBe(want);
  });
});

describe('dueTone / dueClass', () => {
  it('is red when overdue, orange within 7 days, plain later', () => {
    expect(dueTone(-2)).toBe('overdue');
    expect(dueTone(3, true)).toBe('overdue');
    expect(dueTone(0)).toBe('soon');
    expect(dueTone(7)).toBe('soon');
    expect(dueTone(8)).toBe('normal');
    expect(dueTone(null)).toBe('none');
    expect(dueClass(-1)).toBe('due-overdue');
    expect(dueClass(4)).toBe('due-soon');
  });
});

describe('periodText', () => {
  it('reads like the regulation', () => {
    expect(periodText({ unit: 'working_days', count: 7 })).toBe('7个工作日');
    expect(periodText({ unit: 'months', count: 3 })).toBe('3个月');
    expect(periodText({ unit: 'calendar_days', count: 15, basis: '《信访工作条例》' })).toBe('15日');
    expect(periodText(null)).toBe('');
  });
});

describe('deadlineText', () => {
  const d: Deadline = {
    stage: 'reply', stage_label: '答复', basis: '《代表法》第五十一条',
    due: {
      date: '2026-06-20', start: '2026-03-20', period: { unit: 'months', count: 3 }, nominal: '2026-06-20',
      beyond_calendar: [], explanation: '自交办之日起3个月',
    },
    days_left: -3, overdue: true, extended: false,
  };
  it('names the stage, the date and the days', () => {
    expect(deadlineText(d)).toBe('答复期限 2026年6月20日（逾期3天）');
    expect(deadlineText(null)).toBe('');
  });
});

describe('explanation and calendar warnings', () => {
  it('splits the explanation into lines', () => {
    expect(explanationLines('第一步\n第二步\r\n\n第三步')).toEqual(['第一步', '第二步', '第三步']);
    expect(explanationLines(null)).toEqual([]);
  });
  it('warns about years without a holiday calendar', () => {
    expect(beyondCalendarText([])).toBe('');
    expect(beyondCalendarText([2027])).toContain('2027年的节假日安排尚未导入');
  });
});

describe('formatRate', () => {
  it('shows percent and both counts with full-width brackets', () => {
    expect(formatRate({ numerator: 24, denominator: 26 })).toBe('92.3%（24/26）');
    expect(formatRate({ numerator: 26, denominator: 26 })).toBe('100.0%（26/26）');
    expect(formatRate({ numerator: 0, denominator: 0 })).toBe('—（0/0）');
    expect(formatRate(null)).toBe('');
  });
});

describe('nowMinute and yearRange', () => {
  it('formats local time to the minute', () => {
    expect(nowMinute(new Date(2026, 2, 5, 9, 7, 59))).toBe('2026-03-05 09:07');
  });
  it('gives a calendar year', () => {
    expect(yearRange(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
