import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import type { Ballots } from '../api/types';
import {
  DUTY_REPORT_FIELDS, DUTY_REPORT_LIST, buildDutyReportQuery, checkDutyReportForm, defaultDutyReportFilters,
  dutyReportFiltersFromQuery, dutyReportFiltersToQuery, emptyDutyReportForm, owedText, ratingRate, ratingText,
  toDutyReportInput,
} from './dutyReports';

const ballots = (good: number, fair: number, poor: number): Ballots => ({
  good, fair, poor, valid: good + fair + poor,
  rate: { numerator: good + fair, denominator: good + fair + poor, percent: null },
  poor_share: { numerator: poor, denominator: good + fair + poor, percent: null },
});

describe('list filters', () => {
  it('reads the URL, dropping what is not valid', () => {
    expect(dutyReportFiltersFromQuery({ search: ' 青山 ', year: '2026', deputy_id: '7', include_voided: '1', page: '2' }))
      .toEqual({ search: '青山', year: 2026, deputy_id: 7, include_voided: true, page: 2, page_size: 20 });
    expect(dutyReportFiltersFromQuery({ year: 'x', deputy_id: '-3', page_size: '7' })).toEqual(defaultDutyReportFilters());
  });

  it('writes only what differs from the defaults and builds the query', () => {
    const f = { ...defaultDutyReportFilters(), year: 2026, deputy_id: 7, search: '  青山  村 ' };
    expect(dutyReportFiltersToQuery(f)).toEqual({ search: '青山  村', year: '2026', deputy_id: '7' });
    expect(buildDutyReportQuery(f)).toEqual({ page: 1, page_size: 20, search: '青山 村', year: 2026, deputy_id: 7 });
    expect(buildDutyReportQuery({ ...defaultDutyReportFilters(), include_voided: true })).toEqual({ page: 1, page_size: 20, include_voided: true });
  });

  it('round-trips through the URL: a fresh list has a clean URL', () => {
    expect(DUTY_REPORT_LIST.toQuery(DUTY_REPORT_LIST.defaults())).toEqual({});
    const f = { ...defaultDutyReportFilters(), year: 2025, include_voided: true, page: 3, page_size: 50 };
    expect(DUTY_REPORT_LIST.fromQuery(DUTY_REPORT_LIST.toQuery(f) as LocationQuery)).toEqual(f);
  });
});

describe('display', () => {
  it('writes the rating and the rate with both its counts', () => {
    expect(ratingText(ballots(30, 8, 2))).toBe('满意 30，基本满意 8，不满意 2');
    expect(ratingRate(ballots(30, 8, 2))).toBe('95.0%（38/40）');
    expect(ratingText(null)).toBe('未测评');
    expect(ratingRate(null)).toBe('—');
    expect(ratingRate(ballots(0, 0, 0))).toBe('—（0/0）');
    expect(owedText({ reports: 0, required: 1 })).toBe('0/1');
  });
});

describe('the form', () => {
  it('starts on today, for the deputy given', () => {
    expect(emptyDutyReportForm('2026-05-01', 12)).toMatchObject({ deputy_id: 12, date: '2026-05-01', voters_present: null, good: null });
  });

  it('checks the deputy, the date and the voters present', () => {
    expect(checkDutyReportForm({ ...emptyDutyReportForm('2026-05-01'), date: null }, '2026-05-01')).toEqual({
      deputy_id: '请选择述职的代表', date: '请选择述职日期', voters_present: '请填写到会选民人数',
    });
    expect(checkDutyReportForm({ ...emptyDutyReportForm('2026-05-02', 3), voters_present: 0 }, '2026-05-01'))
      .toEqual({ date: '述职日期不能晚于今天' });
    expect(checkDutyReportForm({ ...emptyDutyReportForm('2026-05-01', 3), voters_present: 40 }, '2026-05-01')).toEqual({});
  });

  it('sends every field, the rating as typed (none when not rated), text trimmed', () => {
    const m = { ...emptyDutyReportForm('2026-05-01', 3), place: ' 村委会 ', voters_present: 40, good: 30, fair: 8, poor: 2, notes: ' 好 ' };
    const input = toDutyReportInput(m);
    expect(input).toEqual({ deputy_id: 3, date: '2026-05-01', place: '村委会', voters_present: 40, good: 30, fair: 8, poor: 2, notes: '好' });
    expect(Object.keys(input).sort()).toEqual([...DUTY_REPORT_FIELDS].sort());
    expect(toDutyReportInput({ ...m, good: null, fair: null, poor: null })).toMatchObject({ good: null, fair: null, poor: null });
  });
});
