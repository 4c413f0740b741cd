// The roster list's query state: filters -> DeputyQuery, debounced search, stale-response guard.
import { reactive, ref, type Ref } from 'vue';
import type { Deputy, DeputyQuery, DeputyStatus, Id, Level, Page, RosterOrder } from '../api/types';

export interface RosterFilters {
  search: string;
  term_id: Id | null;
  group_id: Id | null;
  constituency_id: Id | null;
  status: DeputyStatus | null;
  level: Level | null;
  include_voided: boolean;
  order: RosterOrder;
  page: number;
  page_size: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;
export const SEARCH_DEBOUNCE_MS = 300;

export function defaultFilters(): RosterFilters {
  return {
    search: '', term_id: null, group_id: null, constituency_id: null, status: null, level: null,
    include_voided: false, order: 'stroke', page: 1, page_size: 20,
  };
}

/** Build the query the core expects: trimmed search, empty filters left out. */
export function buildDeputyQuery(f: RosterFilters): DeputyQuery {
  const q: DeputyQuery = { order: f.order, page: Math.max(1, f.page), page_size: f.page_size };
  const s = f.search.trim().replace(/\s+/g, ' ');
  if (s) q.search = s;
  if (f.term_id != null) q.term_id = f.term_id;
  if (f.group_id != null) q.group_id = f.group_id;
  if (f.constituency_id != null) q.constituency_id = f.constituency_id;
  if (f.status) q.status = f.status;
  if (f.level) q.level = f.level;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
  flush(): void;
  pending(): boolean;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: A | null = null;
  const d = ((...args: A) => {
    lastArgs = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const a = lastArgs as A;
      lastArgs = null;
      fn(...a);
    }, ms);
  }) as Debounced<A>;
  d.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
  };
  d.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    const a = lastArgs as A;
    lastArgs = null;
    fn(...a);
  };
  d.pending = () => timer !== null;
  return d;
}

export interface RosterList {
  filters: RosterFilters;
  page: Ref<Page<Deputy>>;
  loading: Ref<boolean>;
  /** the search box changed: wait 300 ms of quiet, then go back to page 1 and load */
  setSearch(text: string): void;
  /** a filter or the order changed: page 1, load now */
  applyFilters(): Promise<void>;
  setPage(page: number): Promise<void>;
  setPageSize(size: number): Promise<void>;
  reload(): Promise<void>;
  dispose(): void;
}

/**
 * The roster list's behaviour, independent of the component (so it can be tested):
 * `fetcher` is deputies_list; `onError` shows a failure. Only the newest request's answer is kept.
 */
export function createRosterList(
  fetcher: (q: DeputyQuery) => Promise<Page<Deputy>>,
  onError: (e: unknown) => void,
  initial: RosterFilters = defaultFilters(),
): RosterList {
  const filters = reactive<RosterFilters>({ ...initial });
  const page = ref<Page<Deputy>>({ items: [], total: 0, page: 1, page_size: filters.page_size }) as Ref<Page<Deputy>>;
  const loading = ref(false);
  let seq = 0;

  async function reload(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const res = await fetcher(buildDeputyQuery(filters));
      if (mine === seq) page.value = res;
    } catch (e) {
      if (mine === seq) onError(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  const searchLater = debounce(() => {
    filters.page = 1;
    void reload();
  }, SEARCH_DEBOUNCE_MS);

  return {
    filters,
    page,
    loading,
    setSearch(text: string) {
      filters.search = text;
      searchLater();
    },
    applyFilters() {
      searchLater.cancel();
      filters.page = 1;
      return reload();
    },
    setPage(p: number) {
      filters.page = p;
      return reload();
    },
    setPageSize(size: number) {
      filters.page_size = size;
      filters.page = 1;
      return reload();
    },
    reload,
    dispose() {
      searchLater.cancel();
    },
  };
}
