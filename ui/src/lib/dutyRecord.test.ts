import { describe, expect, it } from 'vitest';
import type { RecordYear } from '../api/types';
import {
  RECORD_COLUMNS, RECORD_FIELDS, activitiesText, attendedText, periodText, recordTotals, sessionsText, stationDutyText,
} from './dutyRecord';
import { formatDate } from './format';

const y = (year: number, n: number): RecordYear => ({
  year, suggestions_led: n, suggestions_cosigned: n + 1, motions: n > 0 ? 1 : 0, satisfied: n,
  deeds: 1, petitions_passed_on: 2 * n, events: 0,
  meetings_expected: n ? 4 : 0, meetings_attended: n ? 3 : 0,
  activities_expected: 6, activities_attended: 5 - n, activities_excused: n, voter_receptions: 2,
  // on a station's rota n days, all attended but one missed when n > 2; n reports to the voters
  station_duty_expected: n, station_duty_attended: n > 2 ? n - 1 : n, station_duty_missed: n > 2 ? 1 : 0, duty_reports: n,
  // two sessions a year; in a year with n > 1 one of them missed: excused when n is even, absent when odd
  sessions_expected: 2, sessions_attended: n > 1 ? 1 : 2, sessions_excused: n > 1 && n % 2 === 0 ? 1 : 0,
  sessions_absent: n > 1 && n % 2 === 1 ? 1 : 0,
});

const ZERO = {
  suggestions_led: 0, suggestions_cosigned: 0, motions: 0, satisfied: 0, deeds: 0, petitions_passed_on: 0, events: 0,
  meetings_expected: 0, meetings_attended: 0, activities_expected: 0, activities_attended: 0, activities_excused: 0,
  voter_receptions: 0, station_duty_expected: 0, station_duty_attended: 0, station_duty_missed: 0, duty_reports: 0,
  sessions_expected: 0, sessions_attended: 0, sessions_excused: 0, sessions_absent: 0,
};

describe('recordTotals', () => {
  it('is all zero for no years', () => {
    expect(recordTotals([])).toEqual(ZERO);
  });

  it('sums every count over the years', () => {
    expect(recordTotals([y(2022, 0), y(2023, 2), y(2024, 3)])).toEqual({
      suggestions_led: 5, suggestions_cosigned: 8, motions: 2, satisfied: 5, deeds: 3, petitions_passed_on: 10, events: 0,
      meetings_expected: 8, meetings_attended: 6, activities_expected: 18, activities_attended: 10, activities_excused: 5,
      voter_receptions: 6, station_duty_expected: 5, station_duty_attended: 4, station_duty_missed: 1, duty_reports: 5,
      sessions_expected: 6, sessions_attended: 4, sessions_excused: 1, sessions_absent: 1,
    });
  });

  it('sums every count a year has', () => {
    expect([...RECORD_FIELDS].sort()).toEqual(Object.keys(y(2020, 1)).filter((k) => k !== 'year').sort());
  });
});

describe('the per-year table', () => {
  it('has its columns in the table order', () => {
    expect(RECORD_COLUMNS.map((c) => c.label)).toEqual([
      '领衔建议', '附议建议', '其中议案', '满意（含基本满意）', '先进事迹', '转交信访', '代表变动', '人代会', '主席团会议', '小组及主席团活动',
      '接待选民', '联络站值班', '述职',
    ]);
  });

  it('writes each cell: counts, attended/expected, "—" when nothing was expected', () => {
    expect(RECORD_COLUMNS.map((c) => c.text(y(2023, 2))))
      .toEqual(['2', '3', '1', '2', '1', '4', '0', '1/2（请假 1）', '3/4', '3/6（请假 2）', '2', '2/2', '2']);
    expect(RECORD_COLUMNS.map((c) => c.text(y(2022, 0)))).toEqual(['0', '1', '0', '0', '1', '0', '0', '2/2', '—', '5/6', '2', '—', '0']);
    expect(RECORD_COLUMNS.find((c) => c.key === 'station_duty')?.text(y(2024, 3))).toBe('2/3（缺席 1）');
    expect(RECORD_COLUMNS.find((c) => c.key === 'sessions')?.text(y(2024, 3))).toBe('1/2（缺席 1）');
  });

  it('writes attendance', () => {
    expect(attendedText(3, 4)).toBe('3/4');
    expect(attendedText(0, 0)).toBe('—');
    expect(activitiesText({ activities_attended: 0, activities_expected: 0, activities_excused: 0 })).toBe('—');
    expect(activitiesText({ activities_attended: 4, activities_expected: 6, activities_excused: 1 })).toBe('4/6（请假 1）');
  });

  it('writes the sessions of the congress: attended/expected, then 请假 and 缺席 when any', () => {
    const s = (attended: number, expected: number, excused: number, absent: number) => sessionsText({
      sessions_attended: attended, sessions_expected: expected, sessions_excused: excused, sessions_absent: absent,
    });
    expect(s(2, 2, 0, 0)).toBe('2/2');
    expect(s(1, 2, 1, 0)).toBe('1/2（请假 1）');
    expect(s(0, 2, 0, 2)).toBe('0/2（缺席 2）');
    expect(s(1, 3, 1, 1)).toBe('1/3（请假 1，缺席 1）');
    expect(s(0, 0, 0, 0)).toBe('—');
  });
});

describe('stationDutyText', () => {
  it('writes attended/expected, then 请假 (neither attended nor missed) and 缺席 when any', () => {
    const s = (attended: number, expected: number, missed: number) => stationDutyText({
      station_duty_attended: attended, station_duty_expected: expected, station_duty_missed: missed,
    });
    expect(s(4, 4, 0)).toBe('4/4');
    expect(s(3, 4, 0)).toBe('3/4（请假 1）');
    expect(s(3, 4, 1)).toBe('3/4（缺席 1）');
    expect(s(1, 4, 1)).toBe('1/4（请假 2，缺席 1）');
    expect(s(0, 0, 0)).toBe('—');
  });
});

describe('periodText', () => {
  it('writes the period in Chinese dates', () => {
    expect(periodText('2022-01-01', '2026-12-31', formatDate)).toBe('2022年1月1日 至 2026年12月31日');
  });
});
