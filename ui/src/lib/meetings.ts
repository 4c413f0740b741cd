// 主席团会议记录簿 (presidium meetings): the form's model (attendance taken from the members the
// core expects on the day, agenda items with or without a vote), its checks and its conversion to
// the contract's MeetingInput; the live hints (quorum, a decision short of the majority of ALL
// members), shown beside the entry and never blocking; the list's filters <-> the URL's query.
// The core checks everything again and computes the stored checks itself.
import type {
  AgendaItem, Id, IsoDate, MeetingInput, MeetingMember, MeetingQuery, PresidiumMeeting, PresidiumPostKind,
  PresidiumRules, QuarterGap,
} from '../api/types';
import { type YearListFilters, yearListCodec } from './caseQuery';

// ---- the form --------------------------------------------------------------------------------
/** One member expected on the day: present unless ticked 缺席 (then a reason is needed). */
export interface AttendanceRow {
  deputy_id: Id;
  name: string;
  post: PresidiumPostKind;
  absent: boolean;
  reason: string;
}

export interface AgendaFormItem {
  title: string;
  discussion: string;
  decision: string;
  /** 进行了表决: without it the three counts are sent as null */
  voted: boolean;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
}

export interface MeetingFormModel {
  date: IsoDate | null;
  start_time: string;
  place: string;
  presider_id: Id | null;
  recorder: string;
  attendees: string;
  attendance: AttendanceRow[];
  agenda: AgendaFormItem[];
  notes: string;
}

/** Every MeetingInput field: the keys a core error's `field` can name. */
export const MEETING_FIELDS = [
  'date', 'start_time', 'place', 'presider_id', 'recorder', 'attendees', 'absent', 'agenda', 'notes',
] as const satisfies readonly (keyof MeetingInput)[];
export type MeetingField = (typeof MEETING_FIELDS)[number];

export function emptyAgendaItem(): AgendaFormItem {
  return { title: '', discussion: '', decision: '', voted: false, votes_for: null, votes_against: null, votes_abstain: null };
}

export function emptyMeetingForm(today: IsoDate): MeetingFormModel {
  return {
    date: today, start_time: '', place: '', presider_id: null, recorder: '', attendees: '', attendance: [],
    agenda: [emptyAgendaItem()], notes: '',
  };
}

/**
 * The attendance list for the members expected on the (new) date: everyone present, except the
 * members of `previous` who were ticked absent and are still listed (their reason kept).
 */
export function attendanceFromMembers(members: readonly MeetingMember[], previous: readonly AttendanceRow[] = []): AttendanceRow[] {
  return members.map((m) => {
    const before = previous.find((p) => p.deputy_id === m.deputy_id);
    if (before) return { deputy_id: m.deputy_id, name: m.name, post: m.post, absent: before.absent, reason: before.reason };
    return { deputy_id: m.deputy_id, name: m.name, post: m.post, absent: !m.present, reason: m.present ? '' : m.absence_reason };
  });
}

function agendaFormItem(a: AgendaItem): AgendaFormItem {
  const voted = a.votes_for !== null || a.votes_against !== null || a.votes_abstain !== null;
  return {
    title: a.title, discussion: a.discussion, decision: a.decision, voted,
    votes_for: a.votes_for, votes_against: a.votes_against, votes_abstain: a.votes_abstain,
  };
}

/** A stored meeting as the form's model (editing). */
export function formFromMeeting(m: PresidiumMeeting): MeetingFormModel {
  return {
    date: m.date, start_time: m.start_time, place: m.place, presider_id: m.presider?.id ?? null, recorder: m.recorder,
    attendees: m.attendees, attendance: attendanceFromMembers(m.members), agenda: m.agenda.map(agendaFormItem),
    notes: m.notes,
  };
}

/** Who may preside: the members present. */
export function presentMembers(rows: readonly AttendanceRow[]): AttendanceRow[] {
  return rows.filter((r) => !r.absent);
}

/** The presider after the attendance changed: kept while present, else the draft's (the chair) if present, else none. */
export function keepPresider(current: Id | null, rows: readonly AttendanceRow[], fallback: Id | null): Id | null {
  const here = (id: Id | null) => id !== null && rows.some((r) => r.deputy_id === id && !r.absent);
  if (here(current)) return current;
  return here(fallback) ? fallback : null;
}

export interface AttendanceSummary { expected: number; present: number; absent: number }

export function attendanceSummary(rows: readonly AttendanceRow[]): AttendanceSummary {
  const absent = rows.filter((r) => r.absent).length;
  return { expected: rows.length, present: rows.length - absent, absent };
}

/** "应到 7 人，实到 6 人" */
export function attendanceText(s: AttendanceSummary): string {
  return `应到 ${s.expected} 人，实到 ${s.present} 人`;
}

// ---- the rules (mirroring the core's Share::reached) ----------------------------------------------
export type Share = PresidiumRules['quorum'];

/** n out of all reaches the share: 'half' = more than half, 'two_thirds' = two thirds or more. */
export function shareReached(share: Share, n: number, all: number): boolean {
  return share === 'two_thirds' ? n * 3 >= all * 2 : n * 2 > all;
}

export function shareLabel(share: Share): string {
  return share === 'two_thirds' ? '三分之二' : '半数';
}

/** The quorum warning for the attendance, or null when the meeting may be held (or nobody is expected). */
export function quorumHint(present: number, expected: number, rules: PresidiumRules | null | undefined): string | null {
  if (!rules || expected <= 0 || shareReached(rules.quorum, present, expected)) return null;
  const need = rules.quorum === 'two_thirds' ? '三分之二以上' : '过半数';
  const basis = rules.quorum_basis ? `（${rules.quorum_basis}）` : '';
  return `实到 ${present} 人，未达到全体成员 ${expected} 人的${need}，按规定会议不能举行${basis}`;
}

/**
 * The warning under a voted agenda item whose votes for do not reach the decision share of ALL
 * members expected (not of those present), or null. Shown, not blocking: the book records what happened.
 */
export function majorityHint(
  item: Pick<AgendaFormItem, 'voted' | 'votes_for'>, expected: number, rules: PresidiumRules | null | undefined,
): string | null {
  if (!rules || !item.voted || item.votes_for === null || item.votes_for === undefined || expected <= 0) return null;
  if (shareReached(rules.decision, item.votes_for, expected)) return null;
  return rules.decision === 'two_thirds'
    ? '赞成票未达全体成员三分之二，按规定决定未获通过'
    : '赞成票未过全体成员半数，按规定决定未获通过';
}

// ---- checks and conversion ---------------------------------------------------------------------
export interface AgendaItemProblems { title?: string; votes?: string }
export interface MeetingFormProblems {
  /** field -> message, shown under the field (or above the section for absent / agenda) */
  fields: Partial<Record<MeetingField, string>>;
  /** deputy id -> message under that member's reason */
  absences: Record<Id, string>;
  /** agenda index -> messages under that item's title / votes */
  agenda: Record<number, AgendaItemProblems>;
}

const TIME_RE = /^([01]?\d|2[0-3]):[0-5]\d$/;

export function hasProblems(p: MeetingFormProblems): boolean {
  return Object.keys(p.fields).length + Object.keys(p.absences).length + Object.keys(p.agenda).length > 0;
}

/** Checks before calling the core: only what the clerk can fix at once. */
export function checkMeetingForm(m: MeetingFormModel): MeetingFormProblems {
  const out: MeetingFormProblems = { fields: {}, absences: {}, agenda: {} };
  if (!m.date) out.fields.date = '请选择会议日期';
  const time = m.start_time.trim();
  if (time && !TIME_RE.test(time)) out.fields.start_time = '请写成 09:30 这样的时:分';
  for (const r of m.attendance) {
    if (r.absent && !r.reason.trim()) out.absences[r.deputy_id] = '请填写缺席原因';
  }
  if (Object.keys(out.absences).length) {
    const names = m.attendance.filter((r) => out.absences[r.deputy_id]).map((r) => r.name).join('、');
    out.fields.absent = `请填写${names}的缺席原因（如：因公请假）`;
  }
  if (m.presider_id !== null && !presentMembers(m.attendance).some((r) => r.deputy_id === m.presider_id)) {
    out.fields.presider_id = '主持人应为出席会议的主席团成员';
  }
  if (!m.agenda.length) out.fields.agenda = '请至少登记一项议题';
  const present = attendanceSummary(m.attendance).present;
  m.agenda.forEach((a, i) => {
    const p: AgendaItemProblems = {};
    if (!a.title.trim()) p.title = '请填写议题名称';
    if (a.voted) {
      const votes = [a.votes_for, a.votes_against, a.votes_abstain];
      if (votes.some((v) => v === null || v === undefined)) p.votes = '赞成、反对、弃权三项请都填写（没有表决请取消勾选）';
      else if (votes.some((v) => (v as number) < 0)) p.votes = '票数不能为负数';
      else {
        const sum = votes.reduce<number>((s, v) => s + (v as number), 0);
        if (sum > present) p.votes = `票数合计 ${sum} 票，超过了出席的 ${present} 人`;
      }
    }
    if (p.title || p.votes) out.agenda[i] = p;
  });
  return out;
}

/** The form -> MeetingInput: text trimmed, absences with their reasons, no votes unless voted. */
export function toMeetingInput(m: MeetingFormModel): MeetingInput {
  return {
    date: m.date ?? '',
    start_time: m.start_time.trim(),
    place: m.place.trim(),
    presider_id: m.presider_id ?? null,
    recorder: m.recorder.trim(),
    attendees: m.attendees.trim(),
    absent: m.attendance.filter((r) => r.absent).map((r) => ({ deputy_id: r.deputy_id, reason: r.reason.trim() })),
    agenda: m.agenda.map((a) => ({
      title: a.title.trim(),
      discussion: a.discussion.trim(),
      decision: a.decision.trim(),
      votes_for: a.voted ? a.votes_for ?? null : null,
      votes_against: a.voted ? a.votes_against ?? null : null,
      votes_abstain: a.voted ? a.votes_abstain ?? null : null,
    })),
    notes: m.notes.trim(),
  };
}

// ---- display ---------------------------------------------------------------------------------
const POST_LABELS: Record<PresidiumPostKind, string> = { chair: '主席', vice_chair: '副主席', member: '主席团成员' };

export function postLabel(post: PresidiumPostKind | string): string {
  return (POST_LABELS as Record<string, string>)[post] ?? post;
}

/** "赞成 5 票，反对 1 票，弃权 0 票", or "" when no vote was taken. */
export function votesText(a: Pick<AgendaItem, 'votes_for' | 'votes_against' | 'votes_abstain'>): string {
  if (a.votes_for === null && a.votes_against === null && a.votes_abstain === null) return '';
  return `赞成 ${a.votes_for ?? 0} 票，反对 ${a.votes_against ?? 0} 票，弃权 ${a.votes_abstain ?? 0} 票`;
}

/** The agenda titles joined with 、, cut to `max` characters with an ellipsis. */
export function agendaTitles(agenda: readonly Pick<AgendaItem, 'title'>[], max = 40): string {
  const s = agenda.map((a) => a.title).join('、');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** "以下季度没有召开主席团会议：2026年第一季度、2026年第二季度", or "" when none. */
export function gapsText(gaps: readonly QuarterGap[]): string {
  if (!gaps.length) return '';
  return `以下季度没有召开主席团会议：${gaps.map((g) => g.label).join('、')}`;
}

// ---- the list's filters <-> URL (the codec every register kept by year uses) ----------------
export type MeetingFilters = YearListFilters;

export const MEETING_LIST = yearListCodec<MeetingQuery>();
export const defaultMeetingFilters = MEETING_LIST.defaults;
export const meetingFiltersFromQuery = MEETING_LIST.fromQuery;
export const meetingFiltersToQuery = MEETING_LIST.toQuery;
export const buildMeetingQuery = MEETING_LIST.build;
