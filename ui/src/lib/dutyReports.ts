// 代表述职 (deputies' reports to their voters): the list's filters <-> the URL, the rating's cells,
// the 登记述职 form (the deputy, the day, the place, the voters present and, when they rated the
// deputy, the three counts) and what is owed this term. The core checks everything again (a rating
// of more ballots than voters present is refused there, on the field `good`).
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { Ballots, DutyReportInput, DutyReportQuery, Id, IsoDate, ReportOwed } from '../api/types';
import {
  type ListCodec, put, putPaging, queryBool, queryInt, queryPaging, queryText, queryYear, searchText,
} from './caseQuery';
import { formatRate } from './format';

// ---- the list's filters <-> URL ------------------------------------------------------------------
export interface DutyReportFilters {
  search: string;
  year: number | null;
  deputy_id: Id | null;
  include_voided: boolean;
  page: number;
  page_size: number;
}

const DEFAULT_PAGE_SIZE = 20;

export function defaultDutyReportFilters(): DutyReportFilters {
  return { search: '', year: null, deputy_id: null, include_voided: false, page: 1, page_size: DEFAULT_PAGE_SIZE };
}

export function dutyReportFiltersFromQuery(q: LocationQuery): DutyReportFilters {
  return {
    search: queryText(q, 'search'),
    year: queryYear(q),
    deputy_id: queryInt(q, 'deputy_id'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Only what differs from the defaults (page 1, 20 a page), in a stable order. */
export function dutyReportFiltersToQuery(f: DutyReportFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  put(out, 'search', f.search.trim());
  put(out, 'year', f.year);
  put(out, 'deputy_id', f.deputy_id);
  put(out, 'include_voided', f.include_voided);
  putPaging(out, f);
  return out;
}

/** Filters -> the core's DutyReportQuery: empty filters left out. */
export function buildDutyReportQuery(f: DutyReportFilters): DutyReportQuery {
  const q: DutyReportQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.year != null) q.year = f.year;
  if (f.deputy_id != null) q.deputy_id = f.deputy_id;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const DUTY_REPORT_LIST: ListCodec<DutyReportFilters, DutyReportQuery> = {
  fromQuery: dutyReportFiltersFromQuery, toQuery: dutyReportFiltersToQuery, build: buildDutyReportQuery,
  defaults: defaultDutyReportFilters,
};

// ---- display ------------------------------------------------------------------------------------
/** 测评 "满意 30，基本满意 8，不满意 2"; "未测评" when the voters did not rate the deputy. */
export function ratingText(rating: Ballots | null): string {
  return rating ? `满意 ${rating.good}，基本满意 ${rating.fair}，不满意 ${rating.poor}` : '未测评';
}

/** 满意率 (满意 and 基本满意 of the valid ballots) "95.0%（38/40）"; "—" when not rated. */
export function ratingRate(rating: Ballots | null): string {
  return rating ? formatRate(rating.rate) : '—';
}

/** 述职次数 "0/1": reports given this term of those the profile asks. */
export function owedText(o: Pick<ReportOwed, 'reports' | 'required'>): string {
  return `${o.reports}/${o.required}`;
}

// ---- 登记述职 --------------------------------------------------------------------------------------
export interface DutyReportFormModel {
  deputy_id: Id | null;
  date: IsoDate | null;
  place: string;
  voters_present: number | null;
  good: number | null;
  fair: number | null;
  poor: number | null;
  notes: string;
}

/** Every DutyReportInput field: the keys a core error's `field` can name. */
export const DUTY_REPORT_FIELDS = [
  'deputy_id', 'date', 'place', 'voters_present', 'good', 'fair', 'poor', 'notes',
] as const satisfies readonly (keyof DutyReportInput)[];
export type DutyReportField = (typeof DUTY_REPORT_FIELDS)[number];

export function emptyDutyReportForm(today: IsoDate, deputyId: Id | null = null): DutyReportFormModel {
  return { deputy_id: deputyId, date: today, place: '', voters_present: null, good: null, fair: null, poor: null, notes: '' };
}

/** Checks before calling the core (field -> message): only what the clerk can fix at once. */
export function checkDutyReportForm(m: DutyReportFormModel, today: IsoDate): Partial<Record<DutyReportField, string>> {
  const e: Partial<Record<DutyReportField, string>> = {};
  if (!m.deputy_id) e.deputy_id = '请选择述职的代表';
  if (!m.date) e.date = '请选择述职日期';
  else if (m.date > today) e.date = '述职日期不能晚于今天';
  if (m.voters_present === null || m.voters_present === undefined) e.voters_present = '请填写到会选民人数';
  return e;
}

/** The form -> DutyReportInput (the counts as typed: the core says when they do not fit). */
export function toDutyReportInput(m: DutyReportFormModel): DutyReportInput {
  return {
    deputy_id: m.deputy_id ?? 0,
    date: m.date ?? '',
    place: m.place.trim(),
    voters_present: m.voters_present ?? 0,
    good: m.good ?? null,
    fair: m.fair ?? null,
    poor: m.poor ?? null,
    notes: m.notes.trim(),
  };
}
