// The suggestion and petition lists keep their filters in the URL (#/suggestions?state=assigned&open=1),
// so a statistic can link to exactly the entries it counted (?ids=1,2,3), the browser's back button
// returns to the same list, and a printed or bookmarked address shows the same thing again.
import type { LocationQuery, LocationQueryRaw, LocationQueryValue } from 'vue-router';
import type {
  Book, Id, IsoDate, PetitionCategory, PetitionChannel, PetitionQuery, PetitionState, StatsQuery, SuggestionCategory,
  SuggestionKind, SuggestionQuery, SuggestionState,
} from '../api/types';
import {
  PETITION_CATEGORY_CODES, PETITION_CHANNEL_CODES, PETITION_STATE_CODES, SUGGESTION_CATEGORY_CODES,
  SUGGESTION_KIND_CODES, SUGGESTION_STATE_CODES,
} from '../bindings/constants';

export const LIST_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

// The closed sets come from the core (generated, see bindings/constants.ts): a code the core adds
// that the UI's types do not know fails the type check here instead of drifting.
export const SUGGESTION_KINDS: readonly SuggestionKind[] = SUGGESTION_KIND_CODES;
export const SUGGESTION_CATEGORIES: readonly SuggestionCategory[] = SUGGESTION_CATEGORY_CODES;
export const SUGGESTION_STATES: readonly SuggestionState[] = SUGGESTION_STATE_CODES;
export const PETITION_CHANNELS: readonly PetitionChannel[] = PETITION_CHANNEL_CODES;
export const PETITION_CATEGORIES: readonly PetitionCategory[] = PETITION_CATEGORY_CODES;
export const PETITION_STATES: readonly PetitionState[] = PETITION_STATE_CODES;

// ---- reading one query value -----------------------------------------------------------------
type Raw = LocationQueryValue | LocationQueryValue[] | undefined;

function first(v: Raw): string | null {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : null;
}

export function queryText(q: LocationQuery, key: string): string {
  return (first(q[key]) ?? '').trim();
}

/** A positive integer, else null. */
export function queryInt(q: LocationQuery, key: string): number | null {
  const s = queryText(q, key);
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/** "1", "true", "yes" are true; anything else (or absent) is false. */
export function queryBool(q: LocationQuery, key: string): boolean {
  return ['1', 'true', 'yes'].includes(queryText(q, key).toLowerCase());
}

export function queryOneOf<T extends string>(q: LocationQuery, key: string, allowed: readonly T[]): T | null {
  const s = queryText(q, key);
  return (allowed as readonly string[]).includes(s) ? (s as T) : null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function queryDate(q: LocationQuery, key: string): IsoDate | null {
  const s = queryText(q, key);
  return DATE_RE.test(s) ? s : null;
}

/** "1,2,3" -> [1, 2, 3]; duplicates and anything that is not a positive integer are dropped. */
export function parseIds(v: string | null | undefined): Id[] {
  if (!v) return [];
  const out: Id[] = [];
  const seen = new Set<number>();
  for (const part of v.split(/[,，\s]+/)) {
    if (!/^\d{1,9}$/.test(part)) continue;
    const n = Number(part);
    if (n > 0 && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

export function idsParam(ids: readonly Id[]): string {
  return ids.join(',');
}

/** A list's filters: read from the URL, written back to it, turned into the core's query, and reset. */
export interface ListCodec<F, Q> {
  fromQuery: (q: LocationQuery) => F;
  toQuery: (f: F) => LocationQueryRaw;
  build: (f: F) => Q;
  defaults: () => F;
}

function pageOf(q: LocationQuery): number {
  return queryInt(q, 'page') ?? 1;
}

function pageSizeOf(q: LocationQuery): number {
  const n = queryInt(q, 'page_size');
  return n !== null && (LIST_PAGE_SIZES as readonly number[]).includes(n) ? n : DEFAULT_PAGE_SIZE;
}

/** page and page_size from the URL: page 1, 20 a page, unless it says otherwise (a size not offered is ignored). */
export function queryPaging(q: LocationQuery): { page: number; page_size: number } {
  return { page: pageOf(q), page_size: pageSizeOf(q) };
}

/** A year filter from the URL, when it is a plausible one. */
export function queryYear(q: LocationQuery): number | null {
  const year = queryInt(q, 'year');
  return year !== null && year >= 1949 && year <= 2999 ? year : null;
}

/** page and page_size into the URL, only when not the defaults. */
export function putPaging(out: LocationQueryRaw, f: { page: number; page_size: number }): void {
  if (f.page > 1) put(out, 'page', f.page);
  if (f.page_size !== DEFAULT_PAGE_SIZE) put(out, 'page_size', f.page_size);
}

/** The search box's text as the core wants it: trimmed, inner blanks as one space. */
export function searchText(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/** Set one key of a raw query when it differs from "nothing". */
export function put(out: LocationQueryRaw, key: string, v: string | number | boolean | null | undefined): void {
  if (v === null || v === undefined || v === '' || v === false) return;
  out[key] = v === true ? '1' : String(v);
}

// ---- suggestions -----------------------------------------------------------------------------
export interface SuggestionFilters {
  search: string;
  term_id: Id | null;
  session_no: number | null;
  kind: SuggestionKind | null;
  category: SuggestionCategory | null;
  state: SuggestionState | null;
  unit_id: Id | null;
  deputy_id: Id | null;
  key_supervision: boolean;
  open: boolean;
  overdue: boolean;
  from: IsoDate | null;
  to: IsoDate | null;
  /** click-through from a statistic: exactly these entries */
  ids: Id[];
  /** what the ids are (shown above the list), e.g. "办复率 分子：已答复" */
  title: string;
  include_voided: boolean;
  page: number;
  page_size: number;
}

export function defaultSuggestionFilters(): SuggestionFilters {
  return {
    search: '', term_id: null, session_no: null, kind: null, category: null, state: null, unit_id: null,
    deputy_id: null, key_supervision: false, open: false, overdue: false, from: null, to: null, ids: [], title: '',
    include_voided: false, page: 1, page_size: DEFAULT_PAGE_SIZE,
  };
}

export function suggestionFiltersFromQuery(q: LocationQuery): SuggestionFilters {
  return {
    search: queryText(q, 'search'),
    term_id: queryInt(q, 'term_id'),
    session_no: queryInt(q, 'session_no'),
    kind: queryOneOf(q, 'kind', SUGGESTION_KINDS),
    category: queryOneOf(q, 'category', SUGGESTION_CATEGORIES),
    state: queryOneOf(q, 'state', SUGGESTION_STATES),
    unit_id: queryInt(q, 'unit_id'),
    deputy_id: queryInt(q, 'deputy_id'),
    key_supervision: queryBool(q, 'key_supervision'),
    open: queryBool(q, 'open'),
    overdue: queryBool(q, 'overdue'),
    from: queryDate(q, 'from'),
    to: queryDate(q, 'to'),
    ids: parseIds(first(q.ids)),
    title: queryText(q, 'title'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Filters -> the URL's query: only what differs from the defaults, in a stable order. */
export function suggestionFiltersToQuery(f: SuggestionFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  if (f.ids.length) put(out, 'ids', idsParam(f.ids));
  put(out, 'title', f.ids.length ? f.title.trim() : '');
  put(out, 'search', f.search.trim());
  put(out, 'term_id', f.term_id);
  put(out, 'session_no', f.session_no);
  put(out, 'kind', f.kind);
  put(out, 'category', f.category);
  put(out, 'state', f.state);
  put(out, 'unit_id', f.unit_id);
  put(out, 'deputy_id', f.deputy_id);
  put(out, 'key_supervision', f.key_supervision);
  put(out, 'open', f.open);
  put(out, 'overdue', f.overdue);
  put(out, 'from', f.from);
  put(out, 'to', f.to);
  put(out, 'include_voided', f.include_voided);
  putPaging(out, f);
  return out;
}

/** Filters -> the core's SuggestionQuery: empty filters left out, search trimmed. */
export function buildSuggestionQuery(f: SuggestionFilters): SuggestionQuery {
  const q: SuggestionQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.term_id != null) q.term_id = f.term_id;
  if (f.session_no != null) q.session_no = f.session_no;
  if (f.kind) q.kind = f.kind;
  if (f.category) q.category = f.category;
  if (f.state) q.state = f.state;
  if (f.unit_id != null) q.unit_id = f.unit_id;
  if (f.deputy_id != null) q.deputy_id = f.deputy_id;
  if (f.key_supervision) q.key_supervision = true;
  if (f.open) q.open = true;
  if (f.overdue) q.overdue = true;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.ids.length) q.ids = [...f.ids];
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const SUGGESTION_LIST: ListCodec<SuggestionFilters, SuggestionQuery> = {
  fromQuery: suggestionFiltersFromQuery, toQuery: suggestionFiltersToQuery, build: buildSuggestionQuery, defaults: defaultSuggestionFilters,
};

// ---- petitions -------------------------------------------------------------------------------
export interface PetitionFilters {
  search: string;
  year: number | null;
  channel: PetitionChannel | null;
  category: PetitionCategory | null;
  state: PetitionState | null;
  unit_id: Id | null;
  group_visit: boolean;
  open: boolean;
  overdue: boolean;
  from: IsoDate | null;
  to: IsoDate | null;
  ids: Id[];
  title: string;
  include_voided: boolean;
  page: number;
  page_size: number;
}

export function defaultPetitionFilters(): PetitionFilters {
  return {
    search: '', year: null, channel: null, category: null, state: null, unit_id: null, group_visit: false,
    open: false, overdue: false, from: null, to: null, ids: [], title: '', include_voided: false, page: 1,
    page_size: DEFAULT_PAGE_SIZE,
  };
}

export function petitionFiltersFromQuery(q: LocationQuery): PetitionFilters {
  return {
    search: queryText(q, 'search'),
    year: queryYear(q),
    channel: queryOneOf(q, 'channel', PETITION_CHANNELS),
    category: queryOneOf(q, 'category', PETITION_CATEGORIES),
    state: queryOneOf(q, 'state', PETITION_STATES),
    unit_id: queryInt(q, 'unit_id'),
    group_visit: queryBool(q, 'group_visit'),
    open: queryBool(q, 'open'),
    overdue: queryBool(q, 'overdue'),
    from: queryDate(q, 'from'),
    to: queryDate(q, 'to'),
    ids: parseIds(first(q.ids)),
    title: queryText(q, 'title'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

export function petitionFiltersToQuery(f: PetitionFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  if (f.ids.length) put(out, 'ids', idsParam(f.ids));
  put(out, 'title', f.ids.length ? f.title.trim() : '');
  put(out, 'search', f.search.trim());
  put(out, 'year', f.year);
  put(out, 'channel', f.channel);
  put(out, 'category', f.category);
  put(out, 'state', f.state);
  put(out, 'unit_id', f.unit_id);
  put(out, 'group_visit', f.group_visit);
  put(out, 'open', f.open);
  put(out, 'overdue', f.overdue);
  put(out, 'from', f.from);
  put(out, 'to', f.to);
  put(out, 'include_voided', f.include_voided);
  putPaging(out, f);
  return out;
}

export function buildPetitionQuery(f: PetitionFilters): PetitionQuery {
  const q: PetitionQuery = { page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.year != null) q.year = f.year;
  if (f.channel) q.channel = f.channel;
  if (f.category) q.category = f.category;
  if (f.state) q.state = f.state;
  if (f.unit_id != null) q.unit_id = f.unit_id;
  if (f.group_visit) q.group_visit = true;
  if (f.open) q.open = true;
  if (f.overdue) q.overdue = true;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.ids.length) q.ids = [...f.ids];
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const PETITION_LIST: ListCodec<PetitionFilters, PetitionQuery> = {
  fromQuery: petitionFiltersFromQuery, toQuery: petitionFiltersToQuery, build: buildPetitionQuery, defaults: defaultPetitionFilters,
};

/** Same query, ignoring order and page: did the clerk change what is listed? */
export function sameQuery(a: LocationQueryRaw, b: LocationQueryRaw): boolean {
  const norm = (o: LocationQueryRaw) => JSON.stringify(Object.keys(o).sort().map((k) => [k, String(o[k])]));
  return norm(a) === norm(b);
}

/** Where a click on a statistic goes: the book's list showing exactly these entries. */
export function listLocation(book: Book, ids: readonly Id[], title = ''): { path: string; query: LocationQueryRaw } {
  const query: LocationQueryRaw = { ids: idsParam(ids) };
  if (title.trim()) query.title = title.trim();
  return { path: `/${book}`, query };
}

// ---- casework statistics (办理统计) ------------------------------------------------------------
// The statistics page keeps its period, tab and filters in the URL too (?from=&to=&tab=&term_id=
// &unit_id=&category=&kind=), so the back button from a click-through list returns to the same figures.
// The two books share the period and the handling unit; 届次 and 类型 exist for suggestions only
// (the core's petition statistics ignore them), and a category belongs to one book's vocabulary
// (some codes, e.g. environment, exist in both): it filters the book of the open tab only.

/**
 * The books the casework statistics count: suggestions and petitions. Review opinions (审议意见) are
 * followed on the dashboard beside them, but counted by the supervision figures, not here.
 */
export type CaseBook = Exclude<Book, 'rectifications'>;

export interface StatsFilters {
  from: IsoDate | null;
  to: IsoDate | null;
  tab: CaseBook;
  term_id: Id | null;
  unit_id: Id | null;
  /** a category code of the open tab's book */
  category: string | null;
  kind: SuggestionKind | null;
}

/** The category codes of one book. */
export function categoriesOf(book: CaseBook): readonly string[] {
  return book === 'petitions' ? PETITION_CATEGORIES : SUGGESTION_CATEGORIES;
}

export function statsFiltersFromQuery(q: LocationQuery, period: { from: IsoDate; to: IsoDate }): StatsFilters {
  const tab: CaseBook = queryText(q, 'tab') === 'petitions' ? 'petitions' : 'suggestions';
  return {
    from: queryDate(q, 'from') ?? period.from,
    to: queryDate(q, 'to') ?? period.to,
    tab,
    term_id: queryInt(q, 'term_id'),
    unit_id: queryInt(q, 'unit_id'),
    category: queryOneOf(q, 'category', categoriesOf(tab)),
    kind: queryOneOf(q, 'kind', SUGGESTION_KINDS),
  };
}

/** Period and tab always (so the address says what is shown), the filters when chosen. */
export function statsFiltersToQuery(f: StatsFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  put(out, 'from', f.from);
  put(out, 'to', f.to);
  put(out, 'tab', f.tab);
  put(out, 'term_id', f.term_id);
  put(out, 'unit_id', f.unit_id);
  put(out, 'category', f.category);
  put(out, 'kind', f.kind);
  return out;
}

/** Each book's StatsQuery: only what applies to that book, empty filters left out. */
export function buildStatsQueries(f: StatsFilters): Record<CaseBook, StatsQuery> {
  const base: StatsQuery = {};
  if (f.from) base.from = f.from;
  if (f.to) base.to = f.to;
  const s: StatsQuery = { ...base };
  const p: StatsQuery = { ...base };
  if (f.term_id != null) s.term_id = f.term_id;
  if (f.unit_id != null) {
    s.unit_id = f.unit_id;
    p.unit_id = f.unit_id;
  }
  if (f.category && categoriesOf(f.tab).includes(f.category)) {
    if (f.tab === 'suggestions') s.category = f.category;
    else p.category = f.category;
  }
  if (f.kind) s.kind = f.kind;
  return { suggestions: s, petitions: p };
}

/**
 * The filters after switching to `tab`: a category the new book does not have is cleared.
 * `reload` says whether the figures change (a category now filters the other book).
 */
export function switchStatsTab(f: StatsFilters, tab: CaseBook): { filters: StatsFilters; reload: boolean } {
  if (f.tab === tab) return { filters: f, reload: false };
  const category = f.category && categoriesOf(tab).includes(f.category) ? f.category : null;
  return { filters: { ...f, tab, category }, reload: f.category !== null };
}

// ---- a register's list: search, a year, voided ones too ------------------------------------------
/** The filters of a register kept by year (主席团会议, 人代会): one codec for each such list. */
export interface YearListFilters {
  search: string;
  year: number | null;
  include_voided: boolean;
  page: number;
  page_size: number;
}

/** The query such a list sends: empty filters left out. */
export interface YearListQuery {
  search?: string | null;
  year?: number | null;
  include_voided?: boolean;
  page?: number | null;
  page_size?: number | null;
}

/** The URL codec of a register kept by year; the core's query type is the only difference. */
export function yearListCodec<Q extends YearListQuery>(): ListCodec<YearListFilters, Q> {
  return {
    defaults: () => ({ search: '', year: null, include_voided: false, page: 1, page_size: DEFAULT_PAGE_SIZE }),
    fromQuery: (q) => ({
      search: queryText(q, 'search'),
      year: queryYear(q),
      include_voided: queryBool(q, 'include_voided'),
      ...queryPaging(q),
    }),
    // only what differs from the defaults, in a stable order
    toQuery: (f) => {
      const out: LocationQueryRaw = {};
      const search = f.search.trim();
      if (search) out.search = search;
      if (f.year !== null) out.year = String(f.year);
      if (f.include_voided) out.include_voided = '1';
      putPaging(out, f);
      return out;
    },
    build: (f) => {
      const q: YearListQuery = { page: Math.max(1, f.page), page_size: f.page_size };
      const s = searchText(f.search);
      if (s) q.search = s;
      if (f.year !== null) q.year = f.year;
      if (f.include_voided) q.include_voided = true;
      return q as Q;
    },
  };
}
