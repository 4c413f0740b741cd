// 代表先进事迹记录簿 (exemplary deeds): the form's model, its checks and its conversion to the
// contract's DeedInput; which suggestions may be turned into a deed; the list's filters <-> the URL's
// query; tag colours. The core checks everything again.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  Choice, Deed, DeedCategory, DeedInput, DeedQuery, DeputyRef, Id, IsoDate, Level, Suggestion,
} from '../api/types';
import type { TagType } from './labels';
import {
  type ListCodec, put, putPaging, queryBool, queryInt, queryOneOf, queryPaging, queryText, queryYear, searchText,
} from './caseQuery';

export const DEED_CATEGORIES: readonly DeedCategory[] = [
  'duty_performance', 'serving_voters', 'economic_development', 'public_welfare', 'emergency', 'social_governance', 'other',
];
export const HONOUR_LEVELS: readonly Level[] = ['national', 'provincial', 'city', 'county', 'township'];

// The vocabulary's lists, used until (or if ever not) `vocabulary` sends them.
const c = (value: string, label: string): Choice => ({ value, label, initials: '' });
export const DEED_FALLBACK_CHOICES = {
  deed_categories: [
    c('duty_performance', '依法履职'), c('serving_voters', '联系服务群众'), c('economic_development', '带头发展经济'),
    c('public_welfare', '公益慈善'), c('emergency', '急难险重'), c('social_governance', '基层治理'), c('other', '其他'),
  ],
  levels: [c('national', '全国'), c('provincial', '省级'), c('city', '市级'), c('county', '县级'), c('township', '乡镇级')],
} as const satisfies Record<string, Choice[]>;

// ---- the form --------------------------------------------------------------------------------
export interface DeedFormModel {
  deputy_ids: Id[];
  date: IsoDate | null;
  category: DeedCategory | null;
  title: string;
  summary: string;
  evidence: string;
  honour: string;
  honour_level: Level | null;
  honour_body: string;
  honour_date: IsoDate | null;
  publicised: string;
  suggestion_id: Id | null;
  notes: string;
}

/** Every DeedInput field: the keys a core error's `field` can name (and the form's hooks). */
export const DEED_FIELDS = [
  'deputy_ids', 'date', 'category', 'title', 'summary', 'evidence', 'honour', 'honour_level', 'honour_body',
  'honour_date', 'publicised', 'suggestion_id', 'notes',
] as const satisfies readonly (keyof DeedInput)[];
export type DeedField = (typeof DEED_FIELDS)[number];

export function emptyDeedForm(today: IsoDate): DeedFormModel {
  return {
    deputy_ids: [], date: today, category: null, title: '', summary: '', evidence: '', honour: '', honour_level: null,
    honour_body: '', honour_date: null, publicised: '', suggestion_id: null, notes: '',
  };
}

/** A DeedInput (the core's draft from a suggestion) as the form's model; a missing date becomes today. */
export function formFromDeedInput(d: DeedInput, today: IsoDate): DeedFormModel {
  return {
    deputy_ids: [...(d.deputy_ids ?? [])], date: d.date || today, category: d.category ?? null, title: d.title ?? '',
    summary: d.summary ?? '', evidence: d.evidence ?? '', honour: d.honour ?? '', honour_level: d.honour_level ?? null,
    honour_body: d.honour_body ?? '', honour_date: d.honour_date ?? null, publicised: d.publicised ?? '',
    suggestion_id: d.suggestion_id ?? null, notes: d.notes ?? '',
  };
}

export function formFromDeed(d: Deed): DeedFormModel {
  return {
    deputy_ids: d.deputies.map((x) => x.id), date: d.date, category: d.category, title: d.title, summary: d.summary,
    evidence: d.evidence, honour: d.honour, honour_level: d.honour_level, honour_body: d.honour_body,
    honour_date: d.honour_date, publicised: d.publicised, suggestion_id: d.suggestion?.id ?? null, notes: d.notes,
  };
}

/**
 * Checks before calling the core (field -> message): only what the clerk can fix at once.
 * An honour needs its level; a level, awarding body or date needs the honour itself.
 */
export function checkDeedForm(m: DeedFormModel): Partial<Record<DeedField, string>> {
  const e: Partial<Record<DeedField, string>> = {};
  if (!m.deputy_ids.length) e.deputy_ids = '请至少选择一名代表';
  if (!m.date) e.date = '请选择事迹日期';
  if (!m.category) e.category = '请选择事迹类别';
  if (!m.title.trim()) e.title = '请填写事迹标题';
  const honour = m.honour.trim();
  if (honour && !m.honour_level) e.honour_level = '填写了所获荣誉，请选择荣誉级别';
  if (!honour && (m.honour_level || m.honour_body.trim() || m.honour_date)) {
    e.honour = '请填写所获荣誉（或清空荣誉级别、授予单位和授予日期）';
  }
  return e;
}

/** The form -> DeedInput: text trimmed, deputies without repeats. */
export function toDeedInput(m: DeedFormModel): DeedInput {
  return {
    deputy_ids: [...new Set(m.deputy_ids)],
    date: m.date ?? '',
    category: m.category ?? 'other',
    title: m.title.trim(),
    summary: m.summary.trim(),
    evidence: m.evidence.trim(),
    honour: m.honour.trim(),
    honour_level: m.honour_level ?? null,
    honour_body: m.honour_body.trim(),
    honour_date: m.honour_date ?? null,
    publicised: m.publicised.trim(),
    suggestion_id: m.suggestion_id ?? null,
    notes: m.notes.trim(),
  };
}

// ---- display ---------------------------------------------------------------------------------
/** "张三、李四" */
export function deputyNames(deputies: readonly DeputyRef[]): string {
  return deputies.map((d) => d.name).join('、');
}

/** 全国 red, 省级 orange, 市级 blue, 县级 green, 乡镇级 grey. */
export function honourLevelTag(level: Level | string | null | undefined): TagType {
  switch (level) {
    case 'national': return 'danger';
    case 'provincial': return 'warning';
    case 'city': return 'primary';
    case 'county': return 'success';
    default: return 'info';
  }
}

// ---- from a suggestion -----------------------------------------------------------------------
/** A closed suggestion whose final result was 满意 or 基本满意 may be turned into a deed. */
export function canTurnIntoDeed(s: Pick<Suggestion, 'state' | 'final_result' | 'voided'> | null | undefined): boolean {
  if (!s || s.voided || s.state !== 'closed') return false;
  return s.final_result === 'satisfied' || s.final_result === 'basically_satisfied';
}

/** Where 转为先进事迹 goes. */
export function deedFromSuggestionLocation(suggestionId: Id): { path: string; query: LocationQueryRaw } {
  return { path: '/deeds/new', query: { suggestion: String(suggestionId) } };
}

/** The suggestion id of /deeds/new?suggestion=<id>, else null. */
export function suggestionIdFromQuery(q: LocationQuery): Id | null {
  return queryInt(q, 'suggestion');
}

// ---- the list's filters <-> URL ----------------------------------------------------------------
export interface DeedFilters {
  search: string;
  year: number | null;
  category: DeedCategory | null;
  deputy_id: Id | null;
  /** 仅看获得荣誉的 */
  honoured: boolean;
  include_voided: boolean;
  page: number;
  page_size: number;
}

const DEFAULT_PAGE_SIZE = 20;

export function defaultDeedFilters(): DeedFilters {
  return {
    search: '', year: null, category: null, deputy_id: null, honoured: false, include_voided: false, page: 1,
    page_size: DEFAULT_PAGE_SIZE,
  };
}

export function deedFiltersFromQuery(q: LocationQuery): DeedFilters {
  return {
    search: queryText(q, 'search'),
    year: queryYear(q),
    category: queryOneOf(q, 'category', DEED_CATEGORIES),
    deputy_id: queryInt(q, 'deputy_id'),
    honoured: queryBool(q, 'honoured'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Only what differs from the defaults (page 1, 20 a page), in a stable order. */
export function deedFiltersToQuery(f: DeedFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  put(out, 'search', f.search.trim());
  put(out, 'year', f.year);
  put(out, 'category', f.category);
  put(out, 'deputy_id', f.deputy_id);
  put(out, 'honoured', f.honoured);
  put(out, 'include_voided', f.include_voided);
  putPaging(out, f);
  return out;
}

/** Filters -> the core's DeedQuery: empty filters left out. */
export function buildDeedQuery(f: DeedFilters): DeedQuery {
  const q: DeedQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.year != null) q.year = f.year;
  if (f.category) q.category = f.category;
  if (f.deputy_id != null) q.deputy_id = f.deputy_id;
  if (f.honoured) q.honoured = true;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const DEED_LIST: ListCodec<DeedFilters, DeedQuery> = {
  fromQuery: deedFiltersFromQuery, toQuery: deedFiltersToQuery, build: buildDeedQuery, defaults: defaultDeedFilters,
};
