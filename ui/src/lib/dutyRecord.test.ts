import { describe, expect, it } from 'vitest';
import type { RecordYear } from '../api/types';
import { RECORD_COLUMNS, periodText, recordTotals } from './dutyRecord';
import { formatDate } from './format';

const y = (year: number, n: number): RecordYear => ({
  year, suggestions_led: n, suggestions_cosigned: n + 1, motions: n > 0 ? 1 : 0, satisfied: n,
  deeds: 1, petitions_passed_on: 2 * n, events: 0,
});

describe('recordTotals', () => {
  it('is all zero for no years', () => {
    expect(recordTotals([])).toEqual({
      suggestions_led: 0, suggestions_cosigned: 0, motions: 0, satisfied: 0, deeds: 0, petitions_passed_on: 0, events: 0,
    });
  });

  it('sums every column over the years', () => {
    expect(recordTotals([y(2022, 0), y(2023, 2), y(2024, 3)])).toEqual({
      suggestions_led: 5, suggestions_cosigned: 8, motions: 2, satisfied: 5, deeds: 3, petitions_passed_on: 10, events: 0,
    });
  });

  it('has one column per count of a year, in the table order', () => {
    expect(RECORD_COLUMNS.map((c) => c.label)).toEqual([
      '领衔建议', '附议建议', '其中议案', '满意（含基本满意）', '先进事迹', '转交信访', '代表变动',
    ]);
    expect(RECORD_COLUMNS.map((c) => c.key).sort()).toEqual(Object.keys(y(2020, 1)).filter((k) => k !== 'year').sort());
  });
});

describe('periodText', () => {
  it('writes the period in Chinese dates', () => {
    expect(periodText('2022-01-01', '2026-12-31', formatDate)).toBe('2022年1月1日 至 2026年12月31日');
  });
});
