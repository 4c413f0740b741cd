import { describe, expect, it } from 'vitest';
import type { RotaDay } from '../api/types';
import {
  DUTY_FIELDS, DUTY_STATE_LABELS, canChangeRota, canRecordDuty, checkDutyForm, defaultSpan, dutyStateTag, emptyDutyForm,
  namesText, rotaMembers, spanError, takenOff, toDutyInput,
} from './stationDuty';

const deputy = (deputy_id: number, name: string) => ({ rota_id: deputy_id + 100, deputy_id, name, attendance: null });
const day = (over: Partial<RotaDay> = {}): RotaDay => ({
  station_id: 4, station_name: '青山代表联络站', date: '2026-03-10', deputies: [deputy(11, '张三'), deputy(12, '李四'), deputy(13, '王五')],
  duty: null, voters_received: null, state: 'unrecorded', ...over,
});

describe('the span', () => {
  it('is the current month with the one before and the one after', () => {
    expect(defaultSpan('2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-04-30' });
    expect(defaultSpan('2026-01-31')).toEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(defaultSpan('2026-12-01')).toEqual({ from: '2026-11-01', to: '2027-01-31' });
    expect(defaultSpan('2024-01-05').to).toBe('2024-02-29'); // a leap year's February
  });

  it('says when it cannot be read', () => {
    expect(spanError('2026-03-01', '2026-03-31')).toBe('');
    expect(spanError('2026-03-01', '2026-03-01')).toBe('');
    expect(spanError('2026-03-02', '2026-03-01')).toBe('结束日期不能早于开始日期');
    expect(spanError(null, '2026-03-01')).toBe('请选择起止日期');
  });
});

describe('a rota day', () => {
  it('names and colours its state: 未登记 red', () => {
    expect(DUTY_STATE_LABELS).toEqual({ planned: '计划', unrecorded: '未登记', recorded: '已登记' });
    expect((['planned', 'unrecorded', 'recorded'] as const).map(dutyStateTag)).toEqual(['info', 'danger', 'success']);
  });

  it('is recorded once it has come and until it is; its rota changes until then', () => {
    expect(canRecordDuty(day(), '2026-03-20')).toBe(true);
    expect(canRecordDuty(day({ state: 'planned', date: '2026-03-20' }), '2026-03-20')).toBe(true); // today
    expect(canRecordDuty(day({ state: 'planned', date: '2026-03-21' }), '2026-03-20')).toBe(false);
    expect(canRecordDuty(day({ state: 'recorded' }), '2026-03-20')).toBe(false);
    expect(canChangeRota(day({ state: 'planned' }))).toBe(true);
    expect(canChangeRota(day())).toBe(true);
    expect(canChangeRota(day({ state: 'recorded' }))).toBe(false);
  });

  it('tells who would be taken off the rota', () => {
    const now = day().deputies;
    expect(takenOff(now, [12, 20]).map((d) => d.name)).toEqual(['张三', '王五']);
    expect(takenOff(now, [11, 12, 13])).toEqual([]);
    expect(namesText(takenOff(now, [12]))).toBe('张三、王五');
  });
});

describe('登记值班情况', () => {
  it('lists the rostered deputies, all present to start', () => {
    expect(rotaMembers(day()).map((m) => [m.deputy_id, m.attendance])).toEqual([[11, 'present'], [12, 'present'], [13, 'present']]);
    expect(emptyDutyForm(day()).attendance).toEqual({ 11: 'present', 12: 'present', 13: 'present' });
  });

  it('sends the day\'s station and date, 请假 and 缺席 of the rostered only, the reasons of those excused, text trimmed', () => {
    const m = {
      ...emptyDutyForm(day()),
      attendance: { 11: 'present', 12: 'excused', 13: 'absent', 99: 'absent' } as const,
      leave_reasons: { 12: ' 外出 ', 11: '不该发' },
      voters_received: 23, record: ' 接待群众 23 人次 ', notes: '',
      opinions: [{ source: ' 青山村村民 ', content: ' 路灯坏了 ' }],
    };
    const input = toDutyInput(day(), m);
    expect(input).toEqual({
      station_id: 4, date: '2026-03-10', excused: [12], absent: [13], leave_reasons: [{ deputy_id: 12, reason: '外出' }],
      voters_received: 23, record: '接待群众 23 人次', opinions: [{ id: null, source: '青山村村民', content: '路灯坏了' }], notes: '',
    });
    // the form's keys are the input's (and the activity's participants, when a rostered deputy has left office)
    expect([...DUTY_FIELDS].sort()).toEqual([...Object.keys(input), 'participants'].sort());
  });

  it('checks the voters received and blank opinions', () => {
    expect(checkDutyForm(emptyDutyForm(day()))).toEqual({});
    expect(checkDutyForm({ ...emptyDutyForm(day()), voters_received: -2, opinions: [{ source: '', content: ' ' }] })).toEqual({
      voters_received: '接待群众人次应在 0 到 100000 之间',
      opinions: '请填写第1条意见的内容（不需要的空行请删去）',
    });
  });
});
