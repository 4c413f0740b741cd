// 民生实事项目 (livelihood projects the deputies vote and follow): the candidate's form (the estimated
// cost typed in 万元, sent in yuan), the vote grid of a year (one row per candidate, the session and
// its ballots), the milestone, report and evaluation dialogs, how a project reads in the list and on
// its page, and the list's filters <-> the URL's query. Who is adopted, a project's place, its state,
// whether a milestone is late and the checks are the core's: shown, never computed here.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  CandidateVote, Choice, CongressSession, EvaluationInput, Id, IsoDate, LivelihoodProject, Milestone, MilestoneInput,
  MilestoneKind, ProjectInput, ProjectQuery, ProjectSource, ProjectState, ReportInput, ReportKind, VoteInput,
} from '../api/types';
import type { TagType } from './labels';
import { formatRate } from './format';
import { type ListCodec, putPaging, queryBool, queryPaging, queryText, searchText } from './caseQuery';

// ---- the vocabularies, for when the core's are not loaded yet ------------------------------------
const c = (value: string, label: string): Choice => ({ value, label, initials: '' });

/** The core's labels (rules/vocab.rs), used until the vocabulary has come. */
export const PROJECT_FALLBACK_CHOICES = {
  project_sources: [c('voters', '群众意见'), c('suggestion', '代表建议'), c('government', '政府提出'), c('other', '其他')],
  milestone_kinds: [c('approval', '立项'), c('tender', '招投标'), c('start', '开工'), c('completion', '完工'), c('acceptance', '验收')],
  report_kinds: [c('progress', '进度报告'), c('inspection', '代表视察')],
} as const satisfies Record<string, readonly Choice[]>;

/** The milestones in the order they happen (the core refuses an actual date out of this order). */
export const MILESTONE_KINDS: readonly MilestoneKind[] = ['approval', 'tender', 'start', 'completion', 'acceptance'];

// ---- money: the forms speak 万元, the core yuan ---------------------------------------------------
const YUAN_PER_WAN = 10_000;

/** 35.5 万元 -> 355000 元 (whole yuan); null stays null. */
export function wanToYuan(wan: number | null | undefined): number | null {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return null;
  return Math.round(wan * YUAN_PER_WAN);
}

/** 355000 元 -> 35.5 万元; null stays null. */
export function yuanToWan(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  return yuan / YUAN_PER_WAN;
}

/** "35.5", "320", "0.0001" (万元, no trailing zeros); "—" when unknown. */
export function wanText(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  const whole = Math.trunc(yuan / YUAN_PER_WAN);
  const rest = Math.abs(yuan % YUAN_PER_WAN);
  if (!rest) return String(whole);
  const sign = yuan < 0 && whole === 0 ? '-' : '';
  return `${sign}${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`;
}

// ---- the candidate's form ----------------------------------------------------------------------
export interface ProjectFormModel {
  year: number;
  title: string;
  description: string;
  source: ProjectSource;
  suggestion_id: Id | null;
  /** the suggestion's number, to show the picked one (kept with a draft) */
  suggestion_number: string;
  /** 估算投资 in 万元 as typed */
  cost_wan: number | null;
  unit_id: Id | null;
  planned_completion: IsoDate | null;
  notes: string;
}

/** Every ProjectInput field: the keys a core error's `field` can name. */
export const PROJECT_FIELDS = [
  'year', 'title', 'description', 'source', 'suggestion_id', 'estimated_cost', 'unit_id', 'planned_completion', 'notes',
] as const satisfies readonly (keyof ProjectInput)[];
export type ProjectField = (typeof PROJECT_FIELDS)[number];

export function emptyProjectForm(year: number): ProjectFormModel {
  return {
    year, title: '', description: '', source: 'voters', suggestion_id: null, suggestion_number: '', cost_wan: null,
    unit_id: null, planned_completion: null, notes: '',
  };
}

export function formFromProject(p: LivelihoodProject): ProjectFormModel {
  return {
    year: p.year, title: p.title, description: p.description, source: p.source, suggestion_id: p.suggestion?.id ?? null,
    suggestion_number: p.suggestion?.number ?? '', cost_wan: yuanToWan(p.estimated_cost), unit_id: p.unit?.id ?? null,
    planned_completion: p.planned_completion, notes: p.notes,
  };
}

/** What the clerk can fix before the core is asked (it checks everything again). */
export function checkProjectForm(m: ProjectFormModel): Partial<Record<ProjectField, string>> {
  const out: Partial<Record<ProjectField, string>> = {};
  if (!m.year) out.year = '请选择年度';
  if (!m.title.trim()) out.title = '请填写项目名称';
  if (m.source === 'suggestion' && !m.suggestion_id) out.suggestion_id = '来源为代表建议的项目，请选择是哪一件建议';
  if (m.cost_wan !== null && m.cost_wan !== undefined && m.cost_wan < 0) out.estimated_cost = '估算投资不能为负数';
  return out;
}

/** The form -> ProjectInput: text trimmed, the cost in yuan, the suggestion only for 代表建议. */
export function toProjectInput(m: ProjectFormModel): ProjectInput {
  return {
    year: m.year,
    title: m.title.trim(),
    description: m.description.trim(),
    source: m.source,
    suggestion_id: m.source === 'suggestion' ? m.suggestion_id ?? null : null,
    estimated_cost: wanToYuan(m.cost_wan),
    unit_id: m.unit_id ?? null,
    planned_completion: m.planned_completion || null,
    notes: m.notes.trim(),
  };
}

/** The years a candidate can be registered for, and a year's list shown: next year first, then back. */
export function projectYearOptions(thisYear: number, back = 9): { value: number; label: string }[] {
  return Array.from({ length: back + 2 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `${y}年` }));
}

// ---- the vote ------------------------------------------------------------------------------------
export interface VoteRow {
  project_id: Id;
  number: string;
  title: string;
  source: ProjectSource;
  estimated_cost: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
}

export interface VoteFormModel {
  session_id: Id | null;
  ballots_issued: number | null;
  ballots_returned: number | null;
  rows: VoteRow[];
}

/** Every VoteInput field a refusal can name. */
export const VOTE_FIELDS = ['session_id', 'ballots_issued', 'ballots_returned', 'candidates'] as const;
export type VoteField = (typeof VOTE_FIELDS)[number];

/** The year's own candidates (not those carried into it, not voided), in their order, as the grid's rows. */
export function voteCandidates(projects: readonly LivelihoodProject[], year: number): LivelihoodProject[] {
  return projects.filter((p) => p.year === year && !p.voided).sort((a, b) => a.seq - b.seq);
}

/**
 * The grid for a year's candidates: the counts of an earlier vote of the year already in (a vote is
 * entered again as a whole), its session and ballots; empty otherwise.
 */
export function voteFormFrom(candidates: readonly LivelihoodProject[]): VoteFormModel {
  const voted = candidates.find((p) => p.vote)?.vote ?? null;
  return {
    session_id: voted?.session_id ?? null,
    ballots_issued: voted?.ballots_issued ?? null,
    ballots_returned: voted?.ballots_returned ?? null,
    rows: candidates.map((p) => ({
      project_id: p.id, number: p.number, title: p.title, source: p.source, estimated_cost: p.estimated_cost,
      votes_for: p.vote?.votes_for ?? null, votes_against: p.vote?.votes_against ?? null, votes_abstain: p.vote?.votes_abstain ?? null,
    })),
  };
}

/** A kept draft's counts put over the current rows (a candidate added since gets none, a removed one goes). */
export function mergeVoteRows(rows: readonly VoteRow[], kept: readonly Partial<VoteRow>[] | null | undefined): VoteRow[] {
  const byId = new Map((kept ?? []).filter((r) => r && typeof r.project_id === 'number').map((r) => [r.project_id, r]));
  return rows.map((r) => {
    const k = byId.get(r.project_id);
    if (!k) return r;
    return { ...r, votes_for: k.votes_for ?? null, votes_against: k.votes_against ?? null, votes_abstain: k.votes_abstain ?? null };
  });
}

const blank = (v: number | null | undefined) => v === null || v === undefined || Number.isNaN(v);
const n = (v: number | null | undefined) => (blank(v) ? 0 : (v as number));

/** 赞成 + 反对 + 弃权 of a row, blanks as 0. */
export function rowTotal(r: Pick<VoteRow, 'votes_for' | 'votes_against' | 'votes_abstain'>): number {
  return n(r.votes_for) + n(r.votes_against) + n(r.votes_abstain);
}

export interface VoteProblems {
  fields: Partial<Record<VoteField, string>>;
  /** project id -> the message under that row */
  rows: Record<Id, string>;
}

/**
 * Before the core: the session and both ballot counts chosen, every candidate's 赞成 typed (反对 and
 * 弃权 left empty count 0), no count below 0, no row with more votes than ballots returned.
 */
export function checkVoteForm(m: VoteFormModel): VoteProblems {
  const out: VoteProblems = { fields: {}, rows: {} };
  if (!m.session_id) out.fields.session_id = '请选择票决的人代会';
  if (blank(m.ballots_issued)) out.fields.ballots_issued = '请填写发出的选票数';
  if (blank(m.ballots_returned)) out.fields.ballots_returned = '请填写收回的选票数';
  if (!m.rows.length) out.fields.candidates = '这一年还没有候选项目，请先新增候选项目';
  for (const r of m.rows) {
    const counts = [r.votes_for, r.votes_against, r.votes_abstain];
    if (blank(r.votes_for)) out.rows[r.project_id] = '请填写赞成票数';
    else if (counts.some((v) => !blank(v) && (v as number) < 0)) out.rows[r.project_id] = '票数不能为负数';
    else if (!blank(m.ballots_returned) && rowTotal(r) > (m.ballots_returned as number)) {
      out.rows[r.project_id] = `赞成、反对、弃权合计 ${rowTotal(r)} 票，超过收回的选票 ${m.ballots_returned} 张`;
    }
  }
  if (Object.keys(out.rows).length && !out.fields.candidates) {
    out.fields.candidates = `有 ${Object.keys(out.rows).length} 个项目的票数需要核对（见各行）`;
  }
  return out;
}

export function hasVoteProblems(p: VoteProblems): boolean {
  return Object.keys(p.fields).length + Object.keys(p.rows).length > 0;
}

/** The grid -> VoteInput: every candidate, blanks as 0. */
export function toVoteInput(year: number, m: VoteFormModel): VoteInput {
  return {
    year,
    session_id: m.session_id ?? 0,
    ballots_issued: n(m.ballots_issued),
    ballots_returned: n(m.ballots_returned),
    candidates: m.rows.map((r): CandidateVote => ({
      project_id: r.project_id, votes_for: n(r.votes_for), votes_against: n(r.votes_against), votes_abstain: n(r.votes_abstain),
    })),
  };
}

/** The sessions a year's projects may be voted at (of that year or the one before), latest first, not voided. */
export function voteSessions(sessions: readonly CongressSession[], year: number): CongressSession[] {
  const ok = new Set([String(year - 1), String(year)]);
  return sessions
    .filter((s) => !s.voided && ok.has(s.first_day.slice(0, 4)))
    .sort((a, b) => (a.first_day < b.first_day ? 1 : a.first_day > b.first_day ? -1 : b.id - a.id));
}

// ---- display -------------------------------------------------------------------------------------
/** The list's 票决 cell: "赞成 52，第1名，入选", "赞成 20，第11名，未入选", "未票决". */
export function voteCell(p: Pick<LivelihoodProject, 'vote'>): string {
  const v = p.vote;
  if (!v) return '未票决';
  return `赞成 ${v.votes_for}，第${v.rank}名，${v.adopted ? '入选' : '未入选'}`;
}

/** "赞成 52 票，反对 1 票，弃权 3 票" */
export function votesText(v: { votes_for: number; votes_against: number; votes_abstain: number }): string {
  return `赞成 ${v.votes_for} 票，反对 ${v.votes_against} 票，弃权 ${v.votes_abstain} 票`;
}

export function stateTag(state: ProjectState): TagType {
  switch (state) {
    case 'candidate': return 'info';
    case 'not_adopted': return 'info';
    case 'adopted': return 'primary';
    case 'underway': return 'warning';
    case 'completed': return 'success';
    case 'accepted': return 'success';
    default: return 'info';
  }
}

/** An adopted project, followed (milestones, reports, evaluation, carrying). */
export function isAdopted(p: Pick<LivelihoodProject, 'vote'>): boolean {
  return p.vote?.adopted === true;
}

/** 结转下一年 is offered for an adopted project not completed (the core refuses otherwise). */
export function canCarry(p: Pick<LivelihoodProject, 'vote' | 'state' | 'voided'>): boolean {
  return !p.voided && isAdopted(p) && p.state !== 'completed' && p.state !== 'accepted';
}

/** The five milestones in order, each as stored or empty. */
export function milestoneRows(p: Pick<LivelihoodProject, 'milestones'>): Milestone[] {
  return MILESTONE_KINDS.map((kind) => p.milestones.find((m) => m.kind === kind)
    ?? { kind, planned_on: null, done_on: null, amount: null, note: '', late: false });
}

export interface NextMilestone { kind: MilestoneKind; planned_on: IsoDate | null; late: boolean }

/**
 * An adopted project's next milestone: the first after the last one reached (its plan and whether the
 * core marks it late); null when not adopted or all five are reached.
 */
export function nextMilestone(p: Pick<LivelihoodProject, 'vote' | 'milestones'>): NextMilestone | null {
  if (!isAdopted(p)) return null;
  const rows = milestoneRows(p);
  let last = -1;
  rows.forEach((m, i) => {
    if (m.done_on) last = i;
  });
  const next = rows[last + 1];
  return next ? { kind: next.kind, planned_on: next.planned_on, late: next.late } : null;
}

/** Any milestone the core marks late. */
export function hasLateMilestone(p: Pick<LivelihoodProject, 'milestones'>): boolean {
  return p.milestones.some((m) => m.late);
}

/** 招投标's line: "中标价 304 万元，青山建设有限公司"; another milestone's note as is. */
export function milestoneNote(m: Pick<Milestone, 'kind' | 'amount' | 'note'>): string {
  if (m.kind !== 'tender') return m.note;
  const parts = [m.amount !== null ? `中标价 ${wanText(m.amount)} 万元` : '', m.note ? `中标单位：${m.note}` : ''].filter(Boolean);
  return parts.join('，');
}

/** 满意率 as the core counts it: "90.0%（18/20）". */
export function evaluationRate(e: { numerator: number; denominator: number }): string {
  return formatRate(e);
}

/** "逾期 12 天" */
export function daysLateText(days: number): string {
  return `逾期 ${days} 天`;
}

/** The carried mark by the title: "2025年结转" on the year it was carried into, "已结转2027年" on its own. */
export function carriedText(p: Pick<LivelihoodProject, 'year' | 'carried_to'>, shownYear: number | null): string {
  if (p.carried_to === null) return '';
  if (shownYear !== null && shownYear !== p.year) return `${p.year}年结转`;
  return `已结转${p.carried_to}年`;
}

// ---- the dialogs -------------------------------------------------------------------------------
export interface MilestoneFormModel {
  kind: MilestoneKind;
  planned_on: IsoDate | null;
  done_on: IsoDate | null;
  /** 中标价 in 万元 (招投标) */
  amount_wan: number | null;
  note: string;
}

export function milestoneForm(m: Milestone): MilestoneFormModel {
  return { kind: m.kind, planned_on: m.planned_on, done_on: m.done_on, amount_wan: yuanToWan(m.amount), note: m.note };
}

export function toMilestoneInput(m: MilestoneFormModel): MilestoneInput {
  return {
    kind: m.kind,
    planned_on: m.planned_on || null,
    done_on: m.done_on || null,
    amount: m.kind === 'tender' ? wanToYuan(m.amount_wan) : null,
    note: m.note.trim(),
  };
}

export function checkMilestoneForm(m: MilestoneFormModel): Record<string, string> {
  const out: Record<string, string> = {};
  if (!m.planned_on && !m.done_on) out.planned_on = '请填写计划日期或实际日期';
  if (m.kind === 'tender' && m.amount_wan !== null && m.amount_wan < 0) out.amount = '中标价不能为负数';
  return out;
}

export interface ReportFormModel {
  date: IsoDate | null;
  kind: ReportKind;
  text: string;
  activity_id: Id | null;
}

export function toReportInput(r: ReportFormModel): ReportInput {
  return {
    date: r.date ?? '',
    kind: r.kind,
    text: r.text.trim(),
    activity_id: r.kind === 'inspection' ? r.activity_id ?? null : null,
  };
}

export function checkReportForm(r: ReportFormModel): Record<string, string> {
  const out: Record<string, string> = {};
  if (!r.date) out.date = '请选择日期';
  if (!r.text.trim()) out.text = r.kind === 'inspection' ? '请填写视察的情况' : '请填写进度情况';
  return out;
}

export interface EvaluationFormModel {
  date: IsoDate | null;
  satisfied: number | null;
  basically: number | null;
  unsatisfied: number | null;
}

export function toEvaluationInput(e: EvaluationFormModel): EvaluationInput {
  return { date: e.date ?? '', satisfied: n(e.satisfied), basically: n(e.basically), unsatisfied: n(e.unsatisfied) };
}

export function checkEvaluationForm(e: EvaluationFormModel): Record<string, string> {
  const out: Record<string, string> = {};
  if (!e.date) out.date = '请选择测评日期';
  const counts = [e.satisfied, e.basically, e.unsatisfied];
  if (counts.some((v) => !blank(v) && (v as number) < 0)) out.satisfied = '票数不能为负数';
  else if (counts.every((v) => !n(v))) out.satisfied = '请填写满意、基本满意、不满意的票数';
  return out;
}

// ---- the list's filters <-> URL --------------------------------------------------------------------
export interface ProjectFilters {
  search: string;
  /** null: every year */
  year: number | null;
  adopted_only: boolean;
  include_voided: boolean;
  page: number;
  page_size: number;
}

const DEFAULT_PAGE_SIZE = 20;
/** the year in the URL when every year is shown (no year is this year, the default) */
const ALL_YEARS = 'all';

export function defaultProjectFilters(now: Date = new Date()): ProjectFilters {
  return { search: '', year: now.getFullYear(), adopted_only: false, include_voided: false, page: 1, page_size: DEFAULT_PAGE_SIZE };
}

function yearOf(q: LocationQuery, now: Date): number | null {
  const s = queryText(q, 'year');
  if (s === ALL_YEARS) return null;
  if (/^\d{4}$/.test(s)) {
    const y = Number(s);
    if (y >= 1949 && y <= 2999) return y;
  }
  return now.getFullYear();
}

export function projectFiltersFromQuery(q: LocationQuery, now: Date = new Date()): ProjectFilters {
  return {
    search: queryText(q, 'search'),
    year: yearOf(q, now),
    adopted_only: queryBool(q, 'adopted'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Only what differs from the defaults (this year), in a stable order. */
export function projectFiltersToQuery(f: ProjectFilters, now: Date = new Date()): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  const search = f.search.trim();
  if (search) out.search = search;
  if (f.year === null) out.year = ALL_YEARS;
  else if (f.year !== now.getFullYear()) out.year = String(f.year);
  if (f.adopted_only) out.adopted = '1';
  if (f.include_voided) out.include_voided = '1';
  putPaging(out, f);
  return out;
}

export function buildProjectQuery(f: ProjectFilters): ProjectQuery {
  const q: ProjectQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.year !== null) q.year = f.year;
  if (f.adopted_only) q.adopted_only = true;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const PROJECT_LIST: ListCodec<ProjectFilters, ProjectQuery> = {
  fromQuery: (q) => projectFiltersFromQuery(q),
  toQuery: (f) => projectFiltersToQuery(f),
  build: buildProjectQuery,
  defaults: () => defaultProjectFilters(),
};

/** The year a page was opened for (?year=2027), else this year. */
export function yearFromQuery(q: LocationQuery, now: Date = new Date()): number {
  return yearOf(q, now) ?? now.getFullYear();
}
