// 人民代表大会会议记录簿 (sessions of the township congress): the form's model (the exceptions to
// "everyone present", the agenda, the elections), its checks and its conversion to the contract's
// SessionInput; how an entry reads in the list and on its page; the deputies absent twice (the
// termination the clerk may record, prefilled through the deputy page's address); the list's
// filters <-> the URL's query. What follows from the numbers (who is elected, whether an item
// passed, a void count, the checks against the rules) is the core's: shown, never computed here.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  AbsentTwice, Attendance, CandidateInput, Choice, CongressSession, ElectedPost, Election, ElectionInput, Id, IsoDate,
  OutcomeKind, SessionInput, SessionItemInput, SessionItemKind, SessionKind, SessionMember, SessionQuery, SessionRef,
  TerminationGround, Term,
} from '../api/types';
import { cnNumber } from './casework';
import { type YearListFilters, queryText, yearListCodec } from './caseQuery';

// ---- the vocabularies, for when the core's are not loaded yet ------------------------------------
const c = (value: string, label: string): Choice => ({ value, label, initials: '' });

/** The core's labels (rules/vocab.rs), used until the vocabulary has come. */
export const SESSION_FALLBACK_CHOICES = {
  session_kinds: [c('regular', '例会'), c('extraordinary', '临时会议')],
  session_item_kinds: [
    c('work_report', '政府工作报告'), c('presidium_report', '主席团工作报告'), c('budget', '财政预算及执行情况'),
    c('plan', '国民经济和社会发展计划'), c('suggestion_report', '代表建议办理情况报告'), c('livelihood', '民生实事项目'),
    c('election', '选举'), c('other', '其他'),
  ],
  outcome_kinds: [c('resolution', '决议'), c('decision', '决定')],
  elected_posts: [c('chair', '人民代表大会主席'), c('vice_chair', '人民代表大会副主席'), c('head', '乡镇长'), c('deputy_head', '副乡镇长')],
} as const satisfies Record<string, readonly Choice[]>;

// ---- the form --------------------------------------------------------------------------------
export type ExceptionKind = Exclude<Attendance, 'present'>;

/** A deputy who was not present: 请假 (a reason needed, who approved it) or 缺席 (without approval). */
export interface ExceptionRow {
  deputy_id: Id;
  name: string;
  attendance: ExceptionKind;
  reason: string;
  approved_by: string;
}

export interface ItemRow {
  kind: SessionItemKind;
  title: string;
  outcome: string;
  outcome_kind: OutcomeKind | null;
  /** 进行了表决: without it the three counts are sent as null */
  voted: boolean;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
}

export interface CandidateRow {
  name: string;
  /** when the candidate is a deputy of the township */
  deputy_id: Id | null;
  votes: number | null;
}

export interface ElectionRow {
  post: ElectedPost | null;
  by_election: boolean;
  /** 差额 (more candidates than places); else 等额 */
  competitive: boolean;
  places: number | null;
  ballots_issued: number | null;
  ballots_returned: number | null;
  ballots_valid: number | null;
  ballots_invalid: number | null;
  candidates: CandidateRow[];
}

export interface SessionFormModel {
  kind: SessionKind;
  first_day: IsoDate | null;
  /** empty: a one-day session */
  last_day: IsoDate | null;
  notified_on: IsoDate | null;
  place: string;
  presiders: string;
  attendees: string;
  /** only the deputies not present; everyone else in office on the first day was */
  exceptions: ExceptionRow[];
  items: ItemRow[];
  elections: ElectionRow[];
  notes: string;
}

/** Every SessionInput field: the keys a core error's `field` can name. */
export const SESSION_FIELDS = [
  'kind', 'first_day', 'last_day', 'place', 'notified_on', 'presiders', 'attendees', 'attendance', 'items', 'elections', 'notes',
] as const satisfies readonly (keyof SessionInput)[];
export type SessionField = (typeof SESSION_FIELDS)[number];

export function emptyItem(kind: SessionItemKind = 'other', title = ''): ItemRow {
  return {
    kind, title, outcome: '', outcome_kind: null, voted: false, votes_for: null, votes_against: null, votes_abstain: null,
  };
}

export function emptyCandidate(): CandidateRow {
  return { name: '', deputy_id: null, votes: null };
}

export function emptyElection(): ElectionRow {
  return {
    post: null, by_election: false, competitive: false, places: 1,
    ballots_issued: null, ballots_returned: null, ballots_valid: null, ballots_invalid: null,
    candidates: [emptyCandidate()],
  };
}

export function emptySessionForm(today: IsoDate): SessionFormModel {
  return {
    kind: 'regular', first_day: today, last_day: null, notified_on: null, place: '', presiders: '', attendees: '',
    exceptions: [], items: [], elections: [], notes: '',
  };
}

/**
 * 添加常规议程: what a regular session (the spring one above all) hears and approves, in the order
 * the seeds' reports list them, each with a resolution to vote on. Added on request, never by
 * itself: an autumn session's agenda differs, and a row left empty would stop the save.
 */
export const STANDARD_ITEMS: readonly { kind: SessionItemKind; title: string }[] = [
  { kind: 'work_report', title: '听取和审议人民政府工作报告' },
  { kind: 'presidium_report', title: '听取和审议人民代表大会主席团工作报告' },
  { kind: 'budget', title: '审查和批准财政预算执行情况和财政预算' },
  { kind: 'plan', title: '审查和批准国民经济和社会发展计划' },
  { kind: 'suggestion_report', title: '听取代表建议办理情况报告' },
];

export function standardItems(): ItemRow[] {
  return STANDARD_ITEMS.map((s) => ({ ...emptyItem(s.kind, s.title), outcome_kind: 'resolution' as OutcomeKind }));
}

/** The kinds of STANDARD_ITEMS not yet on the agenda (added by 添加常规议程). */
export function missingStandardItems(items: readonly Pick<ItemRow, 'kind'>[]): ItemRow[] {
  const have = new Set(items.map((i) => i.kind));
  return standardItems().filter((i) => !have.has(i.kind));
}

/** The exceptions of a stored session's members (editing): everyone not present. */
export function exceptionsFromMembers(members: readonly SessionMember[]): ExceptionRow[] {
  return members
    .filter((m) => m.attendance !== 'present')
    .map((m) => ({
      deputy_id: m.deputy_id, name: m.name, attendance: m.attendance as ExceptionKind, reason: m.reason, approved_by: m.approved_by,
    }));
}

/** The exceptions still among the deputies expected on a (new) date, with their names as the core has them. */
export function keepExceptions(members: readonly SessionMember[], rows: readonly ExceptionRow[]): ExceptionRow[] {
  const byId = new Map(members.map((m) => [m.deputy_id, m]));
  return rows.filter((r) => byId.has(r.deputy_id)).map((r) => ({ ...r, name: byId.get(r.deputy_id)!.name }));
}

/** Marks a deputy 请假 or 缺席: appended, or its kind changed when already marked (its reason kept). */
export function markException(rows: readonly ExceptionRow[], m: Pick<SessionMember, 'deputy_id' | 'name'>, kind: ExceptionKind): ExceptionRow[] {
  const at = rows.findIndex((r) => r.deputy_id === m.deputy_id);
  if (at >= 0) return rows.map((r, i) => (i === at ? { ...r, attendance: kind } : r));
  return [...rows, { deputy_id: m.deputy_id, name: m.name, attendance: kind, reason: '', approved_by: '' }];
}

export interface SessionCount { expected: number; present: number; excused: number; absent: number }

/** 应到 (every deputy holding a mandate on the first day), 出席, 请假, 缺席: from the exceptions. */
export function sessionCount(expected: number, rows: readonly Pick<ExceptionRow, 'attendance'>[]): SessionCount {
  const excused = rows.filter((r) => r.attendance === 'excused').length;
  const absent = rows.filter((r) => r.attendance === 'absent').length;
  return { expected, present: Math.max(0, expected - excused - absent), excused, absent };
}

/** "应到 60 人，出席 57 人，请假 2 人，缺席 1 人" */
export function countText(c: SessionCount): string {
  return `应到 ${c.expected} 人，出席 ${c.present} 人，请假 ${c.excused} 人，缺席 ${c.absent} 人`;
}

/** The term whose span holds `date` (the term a session of that day is numbered in), or null. */
export function termOn(terms: readonly Term[], date: IsoDate | null | undefined): Term | null {
  if (!date) return null;
  return terms.find((t) => t.start_date <= date && (!t.end_date || date <= t.end_date)) ?? null;
}

function itemRow(i: CongressSession['items'][number]): ItemRow {
  const voted = i.votes_for !== null || i.votes_against !== null || i.votes_abstain !== null;
  return {
    kind: i.kind, title: i.title, outcome: i.outcome, outcome_kind: i.outcome_kind, voted,
    votes_for: i.votes_for, votes_against: i.votes_against, votes_abstain: i.votes_abstain,
  };
}

function electionRow(e: Election): ElectionRow {
  return {
    post: e.post, by_election: e.by_election, competitive: e.competitive, places: e.places,
    ballots_issued: e.ballots_issued, ballots_returned: e.ballots_returned, ballots_valid: e.ballots_valid,
    ballots_invalid: e.ballots_invalid,
    candidates: e.candidates.map((x) => ({ name: x.name, deputy_id: x.deputy_id, votes: x.votes })),
  };
}

/** A stored session as the form's model (editing): the exceptions from the members not present. */
export function formFromSession(s: CongressSession): SessionFormModel {
  return {
    kind: s.kind, first_day: s.first_day, last_day: s.last_day === s.first_day ? null : s.last_day,
    notified_on: s.notified_on, place: s.place, presiders: s.presiders, attendees: s.attendees,
    exceptions: exceptionsFromMembers(s.members), items: s.items.map(itemRow), elections: s.elections.map(electionRow),
    notes: s.notes,
  };
}

// ---- checks and conversion ---------------------------------------------------------------------
export interface ItemProblems { title?: string; votes?: string }

export interface SessionFormProblems {
  /** field -> message (under the field, or above the section for attendance / items / elections) */
  fields: Partial<Record<SessionField, string>>;
  /** deputy id -> message under that deputy's reason */
  exceptions: Record<Id, string>;
  /** item index -> messages under its title / votes */
  items: Record<number, ItemProblems>;
  /** election index -> the message under that election */
  elections: Record<number, string>;
}

export function hasProblems(p: SessionFormProblems): boolean {
  return Object.keys(p.fields).length + Object.keys(p.exceptions).length + Object.keys(p.items).length
    + Object.keys(p.elections).length > 0;
}

const missing = (v: number | null | undefined) => v === null || v === undefined || Number.isNaN(v);

function electionProblem(e: ElectionRow): string | null {
  if (!e.post) return '请选择选举的职务';
  if (missing(e.places) || (e.places as number) < 1) return '请填写应选人数';
  const ballots = [e.ballots_issued, e.ballots_returned, e.ballots_valid, e.ballots_invalid];
  if (ballots.some(missing)) return '请填写发出、收回、有效、无效选票数';
  if ((e.ballots_valid as number) + (e.ballots_invalid as number) !== e.ballots_returned) {
    return `有效票 ${e.ballots_valid} 张与无效票 ${e.ballots_invalid} 张之和应等于收回的 ${e.ballots_returned} 张`;
  }
  if (!e.candidates.length) return '请登记候选人';
  if (e.candidates.some((x) => !x.name.trim())) return '请填写每位候选人的姓名';
  if (e.candidates.some((x) => missing(x.votes))) return '请填写每位候选人的得票数';
  const k = e.candidates.length;
  const places = e.places as number;
  if (e.competitive && k <= places) return `差额选举的候选人（${k} 人）应多于应选人数（${places} 人）`;
  if (!e.competitive && k !== places) {
    return `等额选举的候选人（${k} 人）应等于应选人数（${places} 人）；候选人多于应选人数请选“差额”`;
  }
  return null;
}

/** Checks before calling the core: what the clerk can fix at once (the core checks everything again). */
export function checkSessionForm(m: SessionFormModel): SessionFormProblems {
  const out: SessionFormProblems = { fields: {}, exceptions: {}, items: {}, elections: {} };
  if (!m.first_day) out.fields.first_day = '请选择开幕日期';
  if (m.first_day && m.last_day && m.last_day < m.first_day) out.fields.last_day = '闭幕日期早于开幕日期，请核对';
  if (m.first_day && m.notified_on && m.notified_on > m.first_day) out.fields.notified_on = '通知代表日期不能晚于开幕日期';
  for (const r of m.exceptions) {
    if (r.attendance === 'excused' && !r.reason.trim()) out.exceptions[r.deputy_id] = '请填写请假原因';
  }
  if (Object.keys(out.exceptions).length) {
    const names = m.exceptions.filter((r) => out.exceptions[r.deputy_id]).map((r) => r.name).join('、');
    out.fields.attendance = `请填写${names}的请假原因`;
  }
  m.items.forEach((item, i) => {
    const p: ItemProblems = {};
    if (!item.title.trim()) p.title = '请填写议程名称';
    if (item.voted) {
      const votes = [item.votes_for, item.votes_against, item.votes_abstain];
      if (votes.some(missing)) p.votes = '赞成、反对、弃权三项请都填写（没有表决请取消勾选）';
      else if (votes.some((v) => (v as number) < 0)) p.votes = '票数不能为负数';
    }
    if (p.title || p.votes) out.items[i] = p;
  });
  m.elections.forEach((e, i) => {
    const p = electionProblem(e);
    if (p) out.elections[i] = p;
  });
  return out;
}

const n = (v: number | null | undefined) => (missing(v) ? 0 : (v as number));

function toItemInput(i: ItemRow): SessionItemInput {
  return {
    kind: i.kind,
    title: i.title.trim(),
    outcome: i.outcome.trim(),
    outcome_kind: i.outcome_kind ?? null,
    votes_for: i.voted ? i.votes_for ?? null : null,
    votes_against: i.voted ? i.votes_against ?? null : null,
    votes_abstain: i.voted ? i.votes_abstain ?? null : null,
  };
}

function toElectionInput(e: ElectionRow): ElectionInput {
  return {
    post: e.post as ElectedPost,
    by_election: e.by_election,
    competitive: e.competitive,
    places: n(e.places),
    ballots_issued: n(e.ballots_issued),
    ballots_returned: n(e.ballots_returned),
    ballots_valid: n(e.ballots_valid),
    ballots_invalid: n(e.ballots_invalid),
    candidates: e.candidates.map((x): CandidateInput => ({ name: x.name.trim(), deputy_id: x.deputy_id ?? null, votes: n(x.votes) })),
  };
}

/** The form -> SessionInput: text trimmed, only the exceptions, no votes unless voted. */
export function toSessionInput(m: SessionFormModel): SessionInput {
  return {
    kind: m.kind,
    first_day: m.first_day ?? '',
    last_day: m.last_day && m.last_day !== m.first_day ? m.last_day : '',
    place: m.place.trim(),
    notified_on: m.notified_on || null,
    presiders: m.presiders.trim(),
    attendees: m.attendees.trim(),
    attendance: m.exceptions.map((r) => ({
      deputy_id: r.deputy_id,
      attendance: r.attendance,
      reason: r.reason.trim(),
      approved_by: r.attendance === 'excused' ? r.approved_by.trim() : '',
    })),
    items: m.items.map(toItemInput),
    elections: m.elections.map(toElectionInput),
    notes: m.notes.trim(),
  };
}

// ---- display ---------------------------------------------------------------------------------
/** "2026年3月10日" or "2026年3月10日至3月11日" (the format of the first day passed in). */
export function sessionDays(s: Pick<CongressSession, 'first_day' | 'last_day'>, format: (d: IsoDate) => string): string {
  if (!s.last_day || s.last_day === s.first_day) return format(s.first_day);
  return `${format(s.first_day)}至${format(s.last_day)}`;
}

/** The list's 出席 cell: "57/60（请假 2，缺席 1）", "60/60". */
export function attendanceCell(s: Pick<CongressSession, 'present' | 'expected' | 'excused' | 'absent'>): string {
  const notes = [s.excused ? `请假 ${s.excused}` : '', s.absent ? `缺席 ${s.absent}` : ''].filter(Boolean);
  return `${s.present}/${s.expected}${notes.length ? `（${notes.join('，')}）` : ''}`;
}

/** "选举乡镇长（差额，补选）", as the core titles an election (sessions::Election::title). */
export function electionTitle(e: Pick<Election, 'post' | 'competitive' | 'by_election'>, postLabel: string): string {
  const how = [e.competitive ? '差额' : '等额', ...(e.by_election ? ['补选'] : [])];
  return `选举${postLabel || e.post}（${how.join('，')}）`;
}

/** "发出 58 张，收回 58 张，有效 57 张，无效 1 张" */
export function ballotsText(e: Pick<Election, 'ballots_issued' | 'ballots_returned' | 'ballots_valid' | 'ballots_invalid'>): string {
  return `发出 ${e.ballots_issued} 张，收回 ${e.ballots_returned} 张，有效 ${e.ballots_valid} 张，无效 ${e.ballots_invalid} 张`;
}

/** "第二次、第四次会议": the sessions of a term by their numbers in it. */
export function sessionOrdinals(sessions: readonly Pick<SessionRef, 'seq'>[]): string {
  if (!sessions.length) return '';
  return `${sessions.map((s) => `第${cnNumber(s.seq)}次`).join('、')}会议`;
}

/** "未经批准两次不出席人代会：第二次、第四次会议" */
export function absentTwiceText(a: Pick<AbsentTwice, 'sessions'>): string {
  return `未经批准两次不出席人代会：${sessionOrdinals(a.sessions)}`;
}

/** The reason prefilled in 登记变动: "未经批准两次不出席人代会（第二十届人民代表大会第二次会议、…）". */
export function terminationReason(a: Pick<AbsentTwice, 'sessions'>): string {
  return `未经批准两次不出席人代会（${a.sessions.map((s) => s.number).join('、')}）`;
}

/** What 登记变动 is opened with (nothing is recorded until the clerk saves it). */
export interface EventPrefill {
  kind: 'termination';
  ground: TerminationGround;
  reason: string;
}

const GROUNDS: readonly TerminationGround[] = ['moved_away', 'absent_twice', 'lost_nationality', 'deprived_of_rights', 'incapacity', 'deceased'];

/** The deputy page with 登记变动 opened on a termination for this ground and reason. */
export function terminationLocation(a: AbsentTwice): { path: string; query: LocationQueryRaw } {
  return {
    path: `/deputies/${a.deputy.id}`,
    query: { event: 'termination', ground: a.ground, reason: terminationReason(a) },
  };
}

/** The deputy page's address asks for 登记变动 prefilled (?event=termination&ground=…&reason=…), or null. */
export function eventPrefillFromQuery(q: LocationQuery): EventPrefill | null {
  if (queryText(q, 'event') !== 'termination') return null;
  const ground = queryText(q, 'ground') as TerminationGround;
  if (!GROUNDS.includes(ground)) return null;
  return { kind: 'termination', ground, reason: queryText(q, 'reason') };
}

/** "人民代表大会主席（补选）" for a post the congress gave a deputy. */
export function electedPostText(w: { by_election: boolean }, postLabel: string): string {
  return w.by_election ? `${postLabel}（补选）` : postLabel;
}

// ---- the list's filters <-> URL (the codec every register kept by year uses) ----------------
export type SessionFilters = YearListFilters;

export const SESSION_LIST = yearListCodec<SessionQuery>();
export const defaultSessionFilters = SESSION_LIST.defaults;
export const sessionFiltersFromQuery = SESSION_LIST.fromQuery;
export const sessionFiltersToQuery = SESSION_LIST.toQuery;
export const buildSessionQuery = SESSION_LIST.build;
