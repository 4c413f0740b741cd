// 审议意见整改 (review opinions and their rectification): the list's filters <-> the URL, the form
// that sends one opinion per unit (or official), the report and assessment dialogs, and how an
// opinion reads in the list and on its page. The state, the rounds, every due date and whether a
// report is late are the core's (rectifications.rs): shown, never computed here.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  AssessmentInput, Choice, Id, IsoDate, RectificationInput, RectificationQuery, RectificationReportInput,
  RectificationState, Satisfaction,
} from '../api/types';
import type { TagType } from './labels';
import {
  type ListCodec, putPaging, queryBool, queryInt, queryOneOf, queryPaging, queryText, queryYear, searchText,
} from './caseQuery';

const c = <V extends string>(value: V, label: string) => ({ value, label, initials: '' }) satisfies Choice;

/** The core's states (RectificationState) with its labels, in the order an opinion goes through them. */
export const RECTIFICATION_STATES = [
  c('awaiting_report', '待报送整改情况'),
  c('awaiting_assessment', '待主席团评价'),
  c('rectified', '已整改'),
] as const satisfies readonly (Choice & { value: RectificationState })[];

const STATE_CODES: readonly RectificationState[] = RECTIFICATION_STATES.map((s) => s.value);

/** The satisfaction scale until the core's vocabulary has come (rules/vocab.rs Satisfaction). */
export const SATISFACTION_FALLBACK: readonly Choice[] = [
  c('satisfied', '满意'), c('basically_satisfied', '基本满意'), c('dissatisfied', '不满意'),
];

export function rectificationStateTag(state: RectificationState | string): TagType {
  switch (state) {
    case 'awaiting_report': return 'warning';
    case 'awaiting_assessment': return 'primary';
    case 'rectified': return 'success';
    default: return 'info';
  }
}

/** The list's 审议意见 cell: the first `max` characters, "…" when cut. */
export function shortText(text: string, max = 40): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** What 不满意 does, said in the assessment dialog: the opinion goes back for round `round + 1`. */
export function nextRoundText(round: number): string {
  return `评价为“不满意”的，退回重新整改，开启第${round + 1}轮：整改情况报告的期限自评价之日起重新计算。`
    + '评价为“满意”或“基本满意”的，该审议意见整改完毕。';
}

// ---- the list's filters <-> URL --------------------------------------------------------------------
/** A filter's value, when chosen: a cleared select hands over undefined, not null. */
const isSet = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

export interface RectificationFilters {
  search: string;
  /** null: every year */
  year: number | null;
  state: RectificationState | null;
  /** only those whose report is late now */
  overdue: boolean;
  /** only those not yet rectified (a report or the assessment awaited): the home page's count */
  open: boolean;
  unit_id: Id | null;
  include_voided: boolean;
  page: number;
  page_size: number;
}

export function defaultRectificationFilters(): RectificationFilters {
  return { search: '', year: null, state: null, overdue: false, open: false, unit_id: null, include_voided: false, page: 1, page_size: 20 };
}

export function rectificationFiltersFromQuery(q: LocationQuery): RectificationFilters {
  return {
    search: queryText(q, 'search'),
    year: queryYear(q),
    state: queryOneOf(q, 'state', STATE_CODES),
    overdue: queryBool(q, 'overdue'),
    open: queryBool(q, 'open'),
    unit_id: queryInt(q, 'unit_id'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Only what differs from the defaults, in a stable order. */
export function rectificationFiltersToQuery(f: RectificationFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  const search = f.search.trim();
  if (search) out.search = search;
  if (isSet(f.year)) out.year = String(f.year);
  if (f.state) out.state = f.state;
  if (f.overdue) out.overdue = '1';
  if (f.open) out.open = '1';
  if (isSet(f.unit_id)) out.unit_id = String(f.unit_id);
  if (f.include_voided) out.include_voided = '1';
  putPaging(out, f);
  return out;
}

export function buildRectificationQuery(f: RectificationFilters): RectificationQuery {
  const q: RectificationQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (isSet(f.year)) q.year = f.year;
  if (f.state) q.state = f.state;
  if (f.overdue) q.overdue = true;
  if (f.open) q.open = true;
  if (isSet(f.unit_id)) q.unit_id = f.unit_id;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const RECTIFICATION_LIST: ListCodec<RectificationFilters, RectificationQuery> = {
  fromQuery: rectificationFiltersFromQuery,
  toQuery: rectificationFiltersToQuery,
  build: buildRectificationQuery,
  defaults: defaultRectificationFilters,
};

// ---- 提出审议意见: one opinion per unit (or official) --------------------------------------------------
export interface RectificationRow {
  unit_id: Id | null;
  /** a named official (with the post) instead of, or beside, the unit */
  official: string;
  content: string;
}

export interface RectificationFormModel {
  activity_id: Id | null;
  /** the activity's number, to show the picked one */
  activity_number: string;
  sent_on: IsoDate | null;
  rows: RectificationRow[];
  notes: string;
}

/** The form's fields shared by every row, and those of a row: the keys a core error's `field` can name. */
export const RECTIFICATION_SHARED_FIELDS = ['activity_id', 'sent_on', 'notes'] as const;
export const RECTIFICATION_ROW_FIELDS = ['unit_id', 'official', 'content'] as const;
export type RectificationRowField = (typeof RECTIFICATION_ROW_FIELDS)[number];

export function emptyRectificationRow(): RectificationRow {
  return { unit_id: null, official: '', content: '' };
}

export function emptyRectificationForm(today: IsoDate): RectificationFormModel {
  return { activity_id: null, activity_number: '', sent_on: today, rows: [emptyRectificationRow()], notes: '' };
}

export interface RectificationProblems {
  fields: Partial<Record<(typeof RECTIFICATION_SHARED_FIELDS)[number], string>>;
  /** row index -> its messages */
  rows: Record<number, Partial<Record<RectificationRowField, string>>>;
}

/**
 * Before the core, only what is missing: the day it was sent, and in every row who must rectify
 * and the opinion itself. Everything else the core checks (and says in its own words).
 */
export function checkRectificationForm(m: RectificationFormModel): RectificationProblems {
  const out: RectificationProblems = { fields: {}, rows: {} };
  if (!m.sent_on) out.fields.sent_on = '请选择送达日期';
  m.rows.forEach((r, i) => {
    const p: Partial<Record<RectificationRowField, string>> = {};
    if ((r.unit_id ?? null) === null && !r.official.trim()) p.unit_id = '请选择负责整改的承办单位（或填写被评议的人员）';
    if (!r.content.trim()) p.content = '请填写审议意见的内容';
    if (Object.keys(p).length) out.rows[i] = p;
  });
  return out;
}

export function hasRectificationProblems(p: RectificationProblems): boolean {
  return Object.keys(p.fields).length + Object.keys(p.rows).length > 0;
}

/** The form -> one RectificationInput per row, in the rows' order. */
export function toRectificationInputs(m: RectificationFormModel): RectificationInput[] {
  return m.rows.map((r) => ({
    activity_id: m.activity_id ?? null,
    unit_id: r.unit_id ?? null,
    official: r.official.trim(),
    content: r.content.trim(),
    sent_on: m.sent_on ?? '',
    notes: m.notes.trim(),
  }));
}

// ---- the dialogs on an opinion's page -----------------------------------------------------------------
export interface ReportFormModel { date: IsoDate | null; text: string }

export function checkReportForm(r: ReportFormModel): Record<string, string> {
  const out: Record<string, string> = {};
  if (!r.date) out.date = '请选择报送日期';
  if (!r.text.trim()) out.text = '请填写整改情况报告的内容';
  return out;
}

export function toReportInput(r: ReportFormModel): RectificationReportInput {
  return { date: r.date ?? '', text: r.text.trim() };
}

export interface AssessFormModel { date: IsoDate | null; satisfaction: Satisfaction | null; followup_id: Id | null }

export function checkAssessForm(a: AssessFormModel): Record<string, string> {
  const out: Record<string, string> = {};
  if (!a.date) out.date = '请选择评价日期';
  if (!a.satisfaction) out.satisfaction = '请选择主席团的评价';
  return out;
}

/** Call once checkAssessForm is empty. */
export function toAssessmentInput(a: AssessFormModel): AssessmentInput {
  return { date: a.date ?? '', satisfaction: a.satisfaction as Satisfaction, followup_id: a.followup_id ?? null };
}
