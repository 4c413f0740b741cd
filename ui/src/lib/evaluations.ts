// 评议测评 (evaluations): the list's filters <-> the URL, the form (who evaluated: deputies named or
// a count of voters; per object its three counts on the kind's scale), and how the results read.
// Ranks, rates, the threshold and who falls below it are the core's (evaluations.rs): shown, never
// computed here; the form only adds up a row to warn before the core refuses.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  Choice, EvaluationEvent, EvaluationEventInput, EvaluationKind, EvaluationObjectInput, EvaluationQuery, Id, IsoDate,
  PrintRequest, Ratio,
} from '../api/types';
import {
  type ListCodec, putPaging, queryBool, queryOneOf, queryPaging, queryText, queryYear, searchText,
} from './caseQuery';

const c = <V extends string>(value: V, label: string) => ({ value, label, initials: '' }) satisfies Choice;

/** The core's kinds with its labels (rules/vocab.rs EvaluationKind), until the vocabulary has come. */
export const EVALUATION_KIND_FALLBACK = [
  c('work', '工作评议'), c('station', '站所评议'), c('duty', '述职评议'), c('livelihood', '民生实事满意度测评'),
] as const satisfies readonly (Choice & { value: EvaluationKind })[];

const KIND_CODES: readonly EvaluationKind[] = EVALUATION_KIND_FALLBACK.map((k) => k.value);

export type Scale = readonly [string, string, string];

/** The three ballot words of a kind (the core's evaluations::scale): 述职评议 rates officials 称职…. */
export function scaleOf(kind: EvaluationKind): Scale {
  return kind === 'duty' ? ['称职', '基本称职', '不称职'] : ['满意', '基本满意', '不满意'];
}

/** "85.7%（12/14）" with the core's percent; "—（0/0）" when it has nothing to divide by. */
export function ratioText(r: Ratio): string {
  const p = r.percent === null ? '—' : `${r.percent.toFixed(1)}%`;
  return `${p}（${r.numerator}/${r.denominator}）`;
}

export function belowCount(e: Pick<EvaluationEvent, 'objects'>): number {
  return e.objects.filter((o) => o.below_threshold).length;
}

/**
 * The results of one evaluation on paper (the core's print Target::Evaluation). The cast stands
 * until ui/src/bindings/Target.ts is regenerated from the core, which has the variant.
 */
export function evaluationPrintRequest(id: Id): PrintRequest {
  return { target: { kind: 'evaluation', id }, reveal_reason: null, volume: 1, archival: false };
}

// ---- the list's filters <-> URL --------------------------------------------------------------------
/** A filter's value, when chosen: a cleared select hands over undefined, not null. */
const isSet = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

export interface EvaluationFilters {
  search: string;
  year: number | null;
  kind: EvaluationKind | null;
  include_voided: boolean;
  page: number;
  page_size: number;
}

export function defaultEvaluationFilters(): EvaluationFilters {
  return { search: '', year: null, kind: null, include_voided: false, page: 1, page_size: 20 };
}

export function evaluationFiltersFromQuery(q: LocationQuery): EvaluationFilters {
  return {
    search: queryText(q, 'search'),
    year: queryYear(q),
    kind: queryOneOf(q, 'kind', KIND_CODES),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

export function evaluationFiltersToQuery(f: EvaluationFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  const search = f.search.trim();
  if (search) out.search = search;
  if (isSet(f.year)) out.year = String(f.year);
  if (f.kind) out.kind = f.kind;
  if (f.include_voided) out.include_voided = '1';
  putPaging(out, f);
  return out;
}

export function buildEvaluationQuery(f: EvaluationFilters): EvaluationQuery {
  const q: EvaluationQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (isSet(f.year)) q.year = f.year;
  if (f.kind) q.kind = f.kind;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const EVALUATION_LIST: ListCodec<EvaluationFilters, EvaluationQuery> = {
  fromQuery: evaluationFiltersFromQuery,
  toQuery: evaluationFiltersToQuery,
  build: buildEvaluationQuery,
  defaults: defaultEvaluationFilters,
};

// ---- 登记评议 ----------------------------------------------------------------------------------------
export interface EvaluationObjectRow {
  unit_id: Id | null;
  official: string;
  post: string;
  project_id: Id | null;
  good: number | null;
  fair: number | null;
  poor: number | null;
}

/** Who evaluated: deputies of the roster named one by one, or a counted body (voters' representatives). */
export type EvaluatorsBy = 'deputies' | 'voters';

export interface EvaluationFormModel {
  kind: EvaluationKind;
  date: IsoDate | null;
  title: string;
  activity_id: Id | null;
  by: EvaluatorsBy;
  evaluator_ids: Id[];
  voters: number | null;
  objects: EvaluationObjectRow[];
  notes: string;
}

/** Every EvaluationEventInput field a refusal can name. */
export const EVALUATION_FIELDS = [
  'kind', 'date', 'title', 'activity_id', 'evaluator_ids', 'voters', 'objects', 'notes',
] as const satisfies readonly (keyof EvaluationEventInput)[];
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];

export function emptyObjectRow(): EvaluationObjectRow {
  return { unit_id: null, official: '', post: '', project_id: null, good: null, fair: null, poor: null };
}

export function emptyEvaluationForm(today: IsoDate): EvaluationFormModel {
  return {
    kind: 'work', date: today, title: '', activity_id: null, by: 'deputies', evaluator_ids: [], voters: null,
    objects: [emptyObjectRow()], notes: '',
  };
}

const blank = (v: number | null | undefined) => v === null || v === undefined || Number.isNaN(v);
const n = (v: number | null | undefined) => (blank(v) ? 0 : (v as number));

/** The three counts of a row added up, blanks as 0. */
export function rowSum(r: Pick<EvaluationObjectRow, 'good' | 'fair' | 'poor'>): number {
  return n(r.good) + n(r.fair) + n(r.poor);
}

/** How many evaluated, as the form stands: the deputies picked or the voters counted. */
export function evaluatorCount(m: Pick<EvaluationFormModel, 'by' | 'evaluator_ids' | 'voters'>): number {
  return m.by === 'deputies' ? m.evaluator_ids.length : n(m.voters);
}

/** "合计 15 票，多于参加评议的 14 人" when a row has more ballots than evaluators; "" otherwise. */
export function rowExcess(r: EvaluationObjectRow, m: Pick<EvaluationFormModel, 'by' | 'evaluator_ids' | 'voters'>): string {
  const sum = rowSum(r);
  const count = evaluatorCount(m);
  return count > 0 && sum > count ? `合计 ${sum} 票，多于参加评议的 ${count} 人` : '';
}

/** Is the row's object chosen (or named) as its kind wants? */
function objectMissing(kind: EvaluationKind, r: EvaluationObjectRow): string {
  switch (kind) {
    case 'duty':
      if (!r.official.trim()) return '请填写述职人员的姓名';
      if (!r.post.trim()) return '请填写职务';
      return '';
    case 'livelihood': return (r.project_id ?? null) === null ? '请选择民生实事项目' : '';
    default: return (r.unit_id ?? null) === null ? '请选择被评议的部门或站所' : '';
  }
}

export interface EvaluationProblems {
  fields: Partial<Record<EvaluationField, string>>;
  /** row index -> the message under that row */
  rows: Record<number, string>;
}

/** Before the core, only what is missing; the core checks the rest (and the sums) in its own words. */
export function checkEvaluationForm(m: EvaluationFormModel): EvaluationProblems {
  const out: EvaluationProblems = { fields: {}, rows: {} };
  if (!m.date) out.fields.date = '请选择评议日期';
  if (!m.title.trim()) out.fields.title = '请填写评议名称';
  if (m.by === 'deputies' && !m.evaluator_ids.length) out.fields.evaluator_ids = '请选择参加评议的代表';
  if (m.by === 'voters' && blank(m.voters)) out.fields.voters = '请填写参加测评的人数';
  if (!m.objects.length) out.fields.objects = '请至少登记一个评议对象及其得票';
  m.objects.forEach((r, i) => {
    const missing = objectMissing(m.kind, r);
    if (missing) out.rows[i] = missing;
    else if (blank(r.good) && blank(r.fair) && blank(r.poor)) {
      const [a, b, w] = scaleOf(m.kind);
      out.rows[i] = `请填写${a}、${b}、${w}票数`;
    }
  });
  if (Object.keys(out.rows).length && !out.fields.objects) {
    out.fields.objects = `有 ${Object.keys(out.rows).length} 个评议对象需要补充（见各行）`;
  }
  return out;
}

export function hasEvaluationProblems(p: EvaluationProblems): boolean {
  return Object.keys(p.fields).length + Object.keys(p.rows).length > 0;
}

/** A row -> the core's object: only what its kind names, blanks as 0. */
export function toObjectInput(kind: EvaluationKind, r: EvaluationObjectRow): EvaluationObjectInput {
  const counts = { good: n(r.good), fair: n(r.fair), poor: n(r.poor) };
  switch (kind) {
    case 'duty': return { unit_id: null, official: r.official.trim(), post: r.post.trim(), project_id: null, ...counts };
    case 'livelihood': return { unit_id: null, official: '', post: '', project_id: r.project_id ?? null, ...counts };
    default: return { unit_id: r.unit_id ?? null, official: '', post: '', project_id: null, ...counts };
  }
}

/** The form -> EvaluationEventInput: the deputies named or the voters counted, never both. */
export function toEvaluationEventInput(m: EvaluationFormModel): EvaluationEventInput {
  return {
    kind: m.kind,
    date: m.date ?? '',
    title: m.title.trim(),
    evaluator_ids: m.by === 'deputies' ? [...m.evaluator_ids] : [],
    voters: m.by === 'voters' ? n(m.voters) : null,
    activity_id: m.activity_id ?? null,
    objects: m.objects.map((r) => toObjectInput(m.kind, r)),
    notes: m.notes.trim(),
  };
}
