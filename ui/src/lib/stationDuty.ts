// 联络站值班 (liaison station duty): the span a station's rota is read over (this month with the one
// before and the one after), each rota day's state (计划 / 未登记 / 已登记), who is taken off when a
// day's rota is set again (that needs a reason), and the 登记值班情况 form: each rostered deputy
// 出席 / 请假 / 缺席 (a 请假 with its reason), the voters received, the record and their opinions,
// turned into the core's DutyInput. The core checks everything again.
import type {
  ActivityMember, DutyInput, DutyState, Id, IsoDate, RotaDay, RotaDeputy,
} from '../api/types';
import {
  attendanceLists, leaveReasonList, votersError, type AttendanceState, type LeaveReasonState,
} from './activities';
import type { TagType } from './labels';

// ---- the span ----------------------------------------------------------------------------------
function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The first day of the month `delta` months from the month of `d` ("2026-03-15", -1 -> "2026-02-01"). */
function monthStart(d: IsoDate, delta: number): { y: number; m: number } {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + delta; // 0-based, may run over a year
  return { y: y + Math.floor(m / 12), m: ((m % 12) + 12) % 12 };
}

/** The current month with the one before and the one after: 2026-03-15 -> 2026-02-01 to 2026-04-30. */
export function defaultSpan(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const a = monthStart(today, -1);
  const b = monthStart(today, 2);
  // the day before the first of the month after next is the last day of next month
  const last = new Date(Date.UTC(b.y, b.m, 1) - 86_400_000);
  return {
    from: `${a.y}-${pad2(a.m + 1)}-01`,
    to: `${last.getUTCFullYear()}-${pad2(last.getUTCMonth() + 1)}-${pad2(last.getUTCDate())}`,
  };
}

/** The span as the clerk set it, or a message when it cannot be read ('' when it can). */
export function spanError(from: IsoDate | null, to: IsoDate | null): string {
  if (!from || !to) return '请选择起止日期';
  return to < from ? '结束日期不能早于开始日期' : '';
}

// ---- a rota day ----------------------------------------------------------------------------------
export const DUTY_STATE_LABELS: Record<DutyState, string> = {
  planned: '计划',
  unrecorded: '未登记',
  recorded: '已登记',
};

/** 计划 grey, 未登记 red (a day passed without its duty recorded), 已登记 green. */
export function dutyStateTag(s: DutyState): TagType {
  switch (s) {
    case 'unrecorded': return 'danger';
    case 'recorded': return 'success';
    default: return 'info';
  }
}

/** A day's duty can be recorded once it has come (today or before) and until it is. */
export function canRecordDuty(day: Pick<RotaDay, 'state' | 'date'>, today: IsoDate): boolean {
  return day.state !== 'recorded' && day.date <= today;
}

/** A day's rota can be set again until its duty is recorded (then the activity's record is corrected). */
export function canChangeRota(day: Pick<RotaDay, 'state'>): boolean {
  return day.state !== 'recorded';
}

/** The deputies on the day's rota now and not among those chosen: taking them off needs a reason. */
export function takenOff(now: readonly RotaDeputy[], chosen: readonly Id[]): RotaDeputy[] {
  return now.filter((d) => !chosen.includes(d.deputy_id));
}

/** "张三、李四" */
export function namesText(deputies: readonly { name: string }[]): string {
  return deputies.map((d) => d.name).join('、');
}

// ---- 登记值班情况 ----------------------------------------------------------------------------------
export interface DutyOpinionRow {
  source: string;
  content: string;
}

export interface DutyFormModel {
  attendance: AttendanceState;
  leave_reasons: LeaveReasonState;
  voters_received: number | null;
  record: string;
  opinions: DutyOpinionRow[];
  notes: string;
}

/** Every DutyInput field (and the activity's `participants`, named when a rostered deputy no longer holds office). */
export const DUTY_FIELDS = [
  'station_id', 'date', 'excused', 'absent', 'leave_reasons', 'voters_received', 'record', 'opinions', 'notes', 'participants',
] as const;
export type DutyField = (typeof DUTY_FIELDS)[number];

/** The day's rostered deputies as the attendance checklist lists them, all present. */
export function rotaMembers(day: Pick<RotaDay, 'deputies'>): ActivityMember[] {
  return day.deputies.map((d) => ({ deputy_id: d.deputy_id, name: d.name, attendance: 'present', reason: '' }));
}

export function emptyDutyForm(day: Pick<RotaDay, 'deputies'>): DutyFormModel {
  const attendance: AttendanceState = {};
  for (const d of day.deputies) attendance[d.deputy_id] = 'present';
  return { attendance, leave_reasons: {}, voters_received: null, record: '', opinions: [], notes: '' };
}

/** Checks before calling the core (field -> message). */
export function checkDutyForm(m: DutyFormModel): Partial<Record<DutyField, string>> {
  const e: Partial<Record<DutyField, string>> = {};
  const voters = votersError(m.voters_received);
  if (voters) e.voters_received = voters;
  const blank = m.opinions.findIndex((o) => !o.content.trim());
  if (blank >= 0) e.opinions = `请填写第${blank + 1}条意见的内容（不需要的空行请删去）`;
  return e;
}

/** The form -> DutyInput for the station's day: 请假 / 缺席 of the rostered deputies, the reasons of those excused. */
export function toDutyInput(day: Pick<RotaDay, 'station_id' | 'date' | 'deputies'>, m: DutyFormModel): DutyInput {
  const members = rotaMembers(day);
  const { excused, absent } = attendanceLists(members, m.attendance);
  return {
    station_id: day.station_id,
    date: day.date,
    excused,
    absent,
    leave_reasons: leaveReasonList(members, m.attendance, m.leave_reasons),
    voters_received: m.voters_received ?? null,
    record: m.record.trim(),
    opinions: m.opinions.map((o) => ({ id: null, source: o.source.trim(), content: o.content.trim() })),
    notes: m.notes.trim(),
  };
}
