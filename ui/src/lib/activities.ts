// 代表小组活动记录簿 (group activities): the form's model, the attendance checklist (members of the
// group on the day, each 出席 / 请假 / 缺席, a 请假 with its reason when given) and its conversion to
// the contract's excused/absent lists and leave reasons,
// the notice hint, the opinions collected, the list's filters <-> the URL's query, tag colours.
// The same book holds what the presidium organises town-wide (the deputies it invited, of any group
// and level, are expected) and each day of duty at a liaison station (the deputies on its rota:
// recorded from the station's page, so an edit keeps who organised it and who was expected).
// The core checks everything again.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  ActivityInput, ActivityKind, ActivityMember, ActivityQuery, Attendance, Choice, DeputyRef, GroupActivity, Id, IsoDate,
  Opinion, Organiser,
} from '../api/types';
import type { TagType } from './labels';
import {
  type ListCodec, put, putPaging, queryBool, queryInt, queryOneOf, queryPaging, queryText, queryYear, searchText,
} from './caseQuery';
import { textMax } from './textLimits';

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'study', 'inspection', 'survey', 'law_enforcement_check', 'voter_reception', 'duty_report', 'special_report',
  'special_inquiry', 'station_duty', 'other',
];
export const ATTENDANCES: readonly Attendance[] = ['present', 'excused', 'absent'];
export const ORGANISERS: readonly Organiser[] = ['group', 'presidium', 'station'];

/** The kinds the presidium organises town-wide (the core's PRESIDIUM_KINDS, in the same order). */
export const PRESIDIUM_KINDS: readonly ActivityKind[] = [
  'inspection', 'survey', 'law_enforcement_check', 'special_inquiry', 'special_report', 'study', 'duty_report', 'other',
];

/** The kinds whose findings the presidium may send on as a review opinion (提出审议意见). */
export const REVIEW_KINDS: readonly ActivityKind[] = [
  'inspection', 'special_report', 'law_enforcement_check', 'survey', 'special_inquiry',
];

/** 接待群众人次: the most the core takes. */
export const VOTERS_MAX = 100_000;

/** Days of notice the office aims for (shown as a hint, never enforced). */
export const NOTICE_DAYS = 3;
export const NOTICE_HINT = '一般应提前三天通知代表';

// The vocabulary's lists, used until (or if ever not) `vocabulary` sends them.
const c = (value: string, label: string): Choice => ({ value, label, initials: '' });
export const ACTIVITY_FALLBACK_CHOICES = {
  activity_kinds: [
    c('study', '学习培训'), c('inspection', '视察'), c('survey', '调研'), c('law_enforcement_check', '执法检查'),
    c('voter_reception', '接待选民'), c('duty_report', '述职'), c('special_report', '听取专项报告'),
    c('special_inquiry', '专题询问'), c('station_duty', '联络站值班'), c('other', '其他'),
  ],
  attendances: [c('present', '出席'), c('excused', '请假'), c('absent', '缺席')],
  organisers: [c('group', '代表小组'), c('presidium', '主席团'), c('station', '代表联络站')],
} as const satisfies Record<string, Choice[]>;

/**
 * The activity kinds the form offers for who organised it: every kind for a group (as before), the
 * presidium's own kinds, only 联络站值班 for a station's duty.
 */
export function kindChoicesFor(organiser: Organiser, choices: readonly Choice[]): Choice[] {
  if (organiser === 'presidium') return choices.filter((c) => (PRESIDIUM_KINDS as readonly string[]).includes(c.value));
  if (organiser === 'station') return choices.filter((c) => c.value === 'station_duty');
  return [...choices];
}

/** Whether the activity's findings may go on as a review opinion (视察, 听取专项报告, 执法检查, 调研, 专题询问). */
export function canRaiseReview(kind: ActivityKind | string): boolean {
  return (REVIEW_KINDS as readonly string[]).includes(kind);
}

/** Where 提出审议意见 goes: the review opinion's form, from this activity. */
export function reviewLocation(activityId: Id): { path: string; query: LocationQueryRaw } {
  return { path: '/rectifications/new', query: { activity: String(activityId) } };
}

// ---- attendance --------------------------------------------------------------------------------
/** deputy id -> 出席 / 请假 / 缺席, as the radio buttons hold it. */
export type AttendanceState = Record<Id, Attendance>;

/**
 * The checklist after (re)loading the members: each member listed keeps what `kept` says about them
 * (the stored attendance on edit, or what the clerk already chose), else what the core sent
 * (present). Members no longer listed are dropped.
 */
export function mergeAttendance(members: readonly ActivityMember[], kept: AttendanceState): AttendanceState {
  const out: AttendanceState = {};
  for (const m of members) {
    const k = kept[m.deputy_id];
    out[m.deputy_id] = k && (ATTENDANCES as readonly string[]).includes(k) ? k : m.attendance ?? 'present';
  }
  return out;
}

/**
 * The expected of a presidium's activity or a station's duty: exactly the deputies chosen, in the
 * order chosen, each present until marked otherwise.
 */
export function participantMembers(participants: readonly DeputyRef[]): ActivityMember[] {
  return participants.map((p) => ({ deputy_id: p.id, name: p.name, attendance: 'present', reason: '' }));
}

/** The deputies expected at a stored activity, by name (the participants of a presidium's or station's). */
export function participantsOf(members: readonly ActivityMember[]): DeputyRef[] {
  return members.map((m) => ({ id: m.deputy_id, name: m.name }));
}

/** The stored attendance of an activity's members. */
export function attendanceOf(members: readonly ActivityMember[]): AttendanceState {
  const out: AttendanceState = {};
  for (const m of members) out[m.deputy_id] = m.attendance;
  return out;
}

/** The members marked 请假 and 缺席 (in the members' order); only members listed count. */
export function attendanceLists(members: readonly ActivityMember[], state: AttendanceState): { excused: Id[]; absent: Id[] } {
  const excused: Id[] = [];
  const absent: Id[] = [];
  for (const m of members) {
    const a = state[m.deputy_id] ?? 'present';
    if (a === 'excused') excused.push(m.deputy_id);
    else if (a === 'absent') absent.push(m.deputy_id);
  }
  return { excused, absent };
}

/** One 请假原因 as the core takes it ({deputy_id, reason}). */
export type LeaveReason = ActivityInput['leave_reasons'][number];

/** deputy id -> 请假原因 as typed (kept while the member is marked otherwise, sent only for 请假). */
export type LeaveReasonState = Record<Id, string>;

/** The stored reasons of an activity's excused members. */
export function leaveReasonsOf(members: readonly ActivityMember[]): LeaveReasonState {
  const out: LeaveReasonState = {};
  for (const m of members) if (m.attendance === 'excused' && m.reason) out[m.deputy_id] = m.reason;
  return out;
}

/** The reasons to send: members listed and marked 请假 with a reason typed (in the members' order). */
export function leaveReasonList(
  members: readonly ActivityMember[], state: AttendanceState, reasons: LeaveReasonState,
): LeaveReason[] {
  const out: LeaveReason[] = [];
  for (const m of members) {
    const reason = (reasons[m.deputy_id] ?? '').trim();
    if (state[m.deputy_id] === 'excused' && reason) out.push({ deputy_id: m.deputy_id, reason });
  }
  return out;
}

/** "张三（外出务工）" / "李四" for an excused member without a reason. */
export function excusedMemberText(m: Pick<ActivityMember, 'name' | 'reason'>): string {
  return m.reason ? `${m.name}（${m.reason}）` : m.name;
}

/** The excused members, each with the reason given: "张三（外出务工）、李四"; "" when none. */
export function excusedText(members: readonly ActivityMember[]): string {
  return members.filter((m) => m.attendance === 'excused').map(excusedMemberText).join('、');
}

export interface AttendanceSummary { expected: number; present: number; excused: number; absent: number }

export function attendanceSummary(members: readonly ActivityMember[], state: AttendanceState): AttendanceSummary {
  const { excused, absent } = attendanceLists(members, state);
  return {
    expected: members.length,
    present: members.length - excused.length - absent.length,
    excused: excused.length,
    absent: absent.length,
  };
}

/** "应到 5 人，出席 3 人，请假 1 人，缺席 1 人" */
export function attendanceSummaryText(s: AttendanceSummary): string {
  return `应到 ${s.expected} 人，出席 ${s.present} 人，请假 ${s.excused} 人，缺席 ${s.absent} 人`;
}

/** Fewer than half of the members present (the core shows the same check on the entry). */
export function fewPresent(s: AttendanceSummary): boolean {
  return s.expected > 0 && s.present * 2 <= s.expected;
}

/** 出席 green, 请假 orange, 缺席 red. */
export function attendanceTag(a: Attendance | string | null | undefined): TagType {
  switch (a) {
    case 'present': return 'success';
    case 'excused': return 'warning';
    case 'absent': return 'danger';
    default: return 'info';
  }
}

// ---- notice ------------------------------------------------------------------------------------
function dayNumber(d: IsoDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Days from the notice to the activity (2026-03-17 -> 2026-03-20 = 3); null when either is missing. */
export function noticeDays(date: IsoDate | null | undefined, notice: IsoDate | null | undefined): number | null {
  if (!date || !notice) return null;
  const a = dayNumber(date);
  const n = dayNumber(notice);
  return a === null || n === null ? null : a - n;
}

/**
 * The hint under 通知日期 when the notice came fewer than three days ahead ("" otherwise, and when
 * the notice is after the activity: that is an error, not a hint).
 */
export function noticeHint(date: IsoDate | null | undefined, notice: IsoDate | null | undefined): string {
  const d = noticeDays(date, notice);
  if (d === null || d < 0 || d >= NOTICE_DAYS) return '';
  return d === 0 ? `当天才通知，${NOTICE_HINT}` : `通知日期距活动只有 ${d} 天，${NOTICE_HINT}`;
}

// ---- opinions ----------------------------------------------------------------------------------
export interface OpinionRow {
  /** the stored opinion; null for a row added in this form (only those may be removed) */
  id: Id | null;
  seq: number | null;
  source: string;
  content: string;
  /** what it became ("建议 20-3-B002"); such an opinion is read-only */
  turned: string | null;
}

export function emptyOpinionRow(): OpinionRow {
  return { id: null, seq: null, source: '', content: '', turned: null };
}

/** "建议 20-3-B002" / "信访 信访〔2026〕第3号" / null */
export function opinionTurnedText(o: Pick<Opinion, 'suggestion' | 'petition'>): string | null {
  if (o.suggestion) return `建议 ${o.suggestion.number}`;
  if (o.petition) return `信访 ${o.petition.number}`;
  return null;
}

export function opinionRowOf(o: Opinion): OpinionRow {
  return { id: o.id, seq: o.seq, source: o.source, content: o.content, turned: opinionTurnedText(o) };
}

/** Only a row added in this form may be removed; a stored opinion stays (correct its content instead). */
export function canRemoveOpinion(row: OpinionRow): boolean {
  return row.id === null;
}

/** An opinion already turned into a suggestion or petition cannot be changed. */
export function opinionLocked(row: OpinionRow): boolean {
  return row.turned !== null;
}

/** How many of an activity's opinions became a suggestion or petition. */
export function turnedCount(opinions: readonly Opinion[]): number {
  return opinions.filter((o) => o.suggestion || o.petition).length;
}

// ---- the form ----------------------------------------------------------------------------------
export interface ActivityFormModel {
  organiser: Organiser;
  /** kept while the clerk tries 主席团 and back; sent only for a group's activity */
  group_id: Id | null;
  /** a station's duty (edited here, recorded on the station's page) */
  station_id: Id | null;
  /** the deputies the presidium invited (or a station's rota, kept as stored), with their names */
  participants: DeputyRef[];
  kind: ActivityKind | null;
  date: IsoDate | null;
  place: string;
  notice_date: IsoDate | null;
  theme: string;
  attendance: AttendanceState;
  /** 请假原因, by member */
  leave_reasons: LeaveReasonState;
  higher_deputies: string;
  record: string;
  results: string;
  reported_on: IsoDate | null;
  /** 接待群众人次 */
  voters_received: number | null;
  opinions: OpinionRow[];
  notes: string;
}

/** Every ActivityInput field: the keys a core error's `field` can name. */
export const ACTIVITY_FIELDS = [
  'organiser', 'group_id', 'station_id', 'participants', 'kind', 'date', 'place', 'notice_date', 'theme', 'excused', 'absent',
  'leave_reasons', 'higher_deputies', 'record', 'results', 'reported_on', 'voters_received', 'opinions', 'notes',
] as const satisfies readonly (keyof ActivityInput)[];
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** 活动主题: the core's limit. */
export const THEME_MAX = textMax('theme');

export function emptyActivityForm(today: IsoDate | null): ActivityFormModel {
  return {
    organiser: 'group', group_id: null, station_id: null, participants: [], kind: null, date: today, place: '',
    notice_date: null, theme: '', attendance: {}, leave_reasons: {}, higher_deputies: '', record: '', results: '',
    reported_on: null, voters_received: null, opinions: [], notes: '',
  };
}

export function formFromActivity(a: GroupActivity): ActivityFormModel {
  return {
    organiser: a.organiser, group_id: a.group_id, station_id: a.station_id,
    // a group's members are read again for the day; the others' expected are whom the entry names
    participants: a.organiser === 'group' ? [] : participantsOf(a.members),
    kind: a.kind, date: a.date, place: a.place, notice_date: a.notice_date, theme: a.theme,
    attendance: attendanceOf(a.members), leave_reasons: leaveReasonsOf(a.members), higher_deputies: a.higher_deputies, record: a.record, results: a.results,
    reported_on: a.reported_on, voters_received: a.voters_received, opinions: a.opinions.map(opinionRowOf), notes: a.notes,
  };
}

/** A count typed into 接待群众人次: a whole number from 0 to VOTERS_MAX, or nothing. */
export function votersError(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return Number.isInteger(n) && n >= 0 && n <= VOTERS_MAX ? '' : `接待群众人次应在 0 到 ${VOTERS_MAX} 之间`;
}

/** Checks before calling the core (field -> message): only what the clerk can fix at once. */
export function checkActivityForm(m: ActivityFormModel, today: IsoDate): Partial<Record<ActivityField, string>> {
  const e: Partial<Record<ActivityField, string>> = {};
  if (m.organiser === 'group' && !m.group_id) e.group_id = '请选择代表小组';
  if (m.organiser === 'presidium' && !m.participants.length) e.participants = '请选择参加活动的代表（可选任何小组、任何层级的代表）';
  if (!m.kind) e.kind = '请选择活动类型';
  else if (m.organiser === 'presidium' && !PRESIDIUM_KINDS.includes(m.kind)) e.kind = '主席团组织的活动请从所列类型中选择';
  if (!m.date) e.date = '请选择活动日期';
  else if (m.date > today) e.date = '活动日期不能晚于今天（计划中的活动请在开展后登记）';
  if (m.date && m.notice_date && m.notice_date > m.date) e.notice_date = '通知日期不能晚于活动日期';
  if (m.date && m.reported_on && m.reported_on < m.date) e.reported_on = '报主席团日期不能早于活动日期';
  const theme = m.theme.trim();
  if (!theme) e.theme = '请填写活动主题';
  else if ([...theme].length > THEME_MAX) e.theme = `活动主题不能超过 ${THEME_MAX} 个字`;
  const voters = votersError(m.voters_received);
  if (voters) e.voters_received = voters;
  const blank = m.opinions.findIndex((o) => !o.content.trim());
  if (blank >= 0) e.opinions = `请填写第${blank + 1}条意见的内容（不需要的空行请删去）`;
  return e;
}

/**
 * Who is expected, as the form lists them: a group's members as the core read them for the day
 * (`groupMembers`), else exactly the participants.
 */
export function expectedMembers(m: Pick<ActivityFormModel, 'organiser' | 'participants'>, groupMembers: readonly ActivityMember[]): ActivityMember[] {
  return m.organiser === 'group' ? [...groupMembers] : participantMembers(m.participants);
}

/**
 * The form -> ActivityInput, with 请假 / 缺席 taken from the members listed now, and the reasons of
 * those excused (on edit the stored ones come back through the form: leaving them out would lose them).
 * Always says who organised it: the group only for a group's activity, the station only for a
 * station's duty, the participants for anything but a group's.
 */
export function toActivityInput(m: ActivityFormModel, members: readonly ActivityMember[]): ActivityInput {
  const { excused, absent } = attendanceLists(members, m.attendance);
  return {
    organiser: m.organiser,
    group_id: m.organiser === 'group' ? m.group_id : null,
    station_id: m.organiser === 'station' ? m.station_id : null,
    participants: m.organiser === 'group' ? [] : m.participants.map((p) => p.id),
    kind: m.kind ?? 'other',
    date: m.date ?? '',
    place: m.place.trim(),
    notice_date: m.notice_date || null,
    theme: m.theme.trim(),
    excused,
    absent,
    leave_reasons: leaveReasonList(members, m.attendance, m.leave_reasons),
    higher_deputies: m.higher_deputies.trim(),
    record: m.record.trim(),
    results: m.results.trim(),
    reported_on: m.reported_on || null,
    voters_received: m.voters_received ?? null,
    opinions: m.opinions.map((o) => ({ id: o.id, source: o.source.trim(), content: o.content.trim() })),
    notes: m.notes.trim(),
  };
}

// ---- display -----------------------------------------------------------------------------------
/** 出席 "3/5", with "请假 1" beside it when someone was excused. */
export function attendanceCell(a: Pick<GroupActivity, 'expected' | 'present' | 'excused'>): { ratio: string; excused: string } {
  return { ratio: `${a.present}/${a.expected}`, excused: a.excused ? `请假 ${a.excused}` : '' };
}

/** 意见 "3 条" / "3 条，已转 1" / "—" */
export function opinionsCell(opinions: readonly Opinion[]): string {
  if (!opinions.length) return '—';
  const t = turnedCount(opinions);
  return t ? `${opinions.length} 条，已转 ${t}` : `${opinions.length} 条`;
}

// ---- from an opinion ---------------------------------------------------------------------------
/** The opinion id of /suggestions/new?opinion=<id> (or /petitions/new?opinion=<id>), else null. */
export function opinionIdFromQuery(q: LocationQuery): Id | null {
  return queryInt(q, 'opinion');
}

/** The activity an opinion's form was opened from (…&activity=<id>), to go back to it; else null. */
export function activityIdFromQuery(q: LocationQuery): Id | null {
  return queryInt(q, 'activity');
}

/** Where 转为建议 / 转为信访 go: the opinion, and the activity it was collected at. */
export function opinionCaseLocation(
  book: 'suggestions' | 'petitions', opinionId: Id, activityId: Id,
): { path: string; query: LocationQueryRaw } {
  return { path: `/${book}/new`, query: { opinion: String(opinionId), activity: String(activityId) } };
}

/** "来源：活动〔2026〕第5号 接待选民日（2026年3月20日）第2条意见" */
export function opinionSourceText(
  s: { activity_number: string; theme: string; date: IsoDate; opinion_seq: number },
  format: (d: IsoDate) => string,
): string {
  return `来源：${s.activity_number} ${s.theme}（${format(s.date)}）第${s.opinion_seq}条意见`;
}

// ---- the list's filters <-> URL ------------------------------------------------------------------
export interface ActivityFilters {
  search: string;
  year: number | null;
  organiser: Organiser | null;
  group_id: Id | null;
  kind: ActivityKind | null;
  include_voided: boolean;
  page: number;
  page_size: number;
}

const DEFAULT_PAGE_SIZE = 20;

export function defaultActivityFilters(): ActivityFilters {
  return {
    search: '', year: null, organiser: null, group_id: null, kind: null, include_voided: false, page: 1,
    page_size: DEFAULT_PAGE_SIZE,
  };
}

export function activityFiltersFromQuery(q: LocationQuery): ActivityFilters {
  return {
    search: queryText(q, 'search'),
    year: queryYear(q),
    organiser: queryOneOf(q, 'organiser', ORGANISERS),
    group_id: queryInt(q, 'group_id'),
    kind: queryOneOf(q, 'kind', ACTIVITY_KINDS),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Only what differs from the defaults (page 1, 20 a page), in a stable order. */
export function activityFiltersToQuery(f: ActivityFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  put(out, 'search', f.search.trim());
  put(out, 'year', f.year);
  put(out, 'organiser', f.organiser);
  put(out, 'group_id', f.group_id);
  put(out, 'kind', f.kind);
  put(out, 'include_voided', f.include_voided);
  putPaging(out, f);
  return out;
}

/** Filters -> the core's ActivityQuery: empty filters left out. */
export function buildActivityQuery(f: ActivityFilters): ActivityQuery {
  const q: ActivityQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.year != null) q.year = f.year;
  if (f.organiser) q.organiser = f.organiser;
  if (f.group_id != null) q.group_id = f.group_id;
  if (f.kind) q.kind = f.kind;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const ACTIVITY_LIST: ListCodec<ActivityFilters, ActivityQuery> = {
  fromQuery: activityFiltersFromQuery, toQuery: activityFiltersToQuery, build: buildActivityQuery, defaults: defaultActivityFilters,
};
