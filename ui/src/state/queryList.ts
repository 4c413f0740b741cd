// A list screen whose filters live in the URL's query (every book's list): changing a filter
// replaces the query; a query change (filter, back button, a link from a statistic or the menu)
// reloads the list. Only the newest request's answer is kept.
import { onBeforeUnmount, reactive, ref, watch, type Ref, type UnwrapRef } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import type { Page } from '../api/types';
import { reportError } from '../api/errors';
import { sameQuery, type ListCodec } from '../lib/caseQuery';
import { debounce, SEARCH_DEBOUNCE_MS } from '../lib/roster';

export interface QueryListOptions<F, Q, T> extends ListCodec<F, Q> {
  fetch: (q: Q) => Promise<Page<T>>;
}

/** What a list page (components/ListPage.vue) needs of its list: the roster's and every book's. */
export interface ListModel<T> {
  filters: { search: string; page: number; page_size: number };
  page: Ref<Page<T>>;
  loading: Ref<boolean>;
  /** a filter changed: page 1, load */
  apply(): void;
  /** the search box changed: wait for a pause in typing, then apply */
  setSearch(text: string): void;
  setPage(p: number): void;
  setPageSize(n: number): void;
}

export interface QueryList<F, T> extends ListModel<T> {
  filters: UnwrapRef<F> & ListModel<T>['filters'];
  /** all filters back to their defaults */
  reset(): void;
  reload(): Promise<void>;
}

export function useQueryList<F extends { page: number; page_size: number; search: string }, Q, T>(
  o: QueryListOptions<F, Q, T>,
): QueryList<F, T> {
  const route = useRoute();
  const router = useRouter();
  const path = route.path;
  const filters = reactive(o.fromQuery(route.query)) as QueryList<F, T>['filters'];
  const page = ref({ items: [], total: 0, page: 1, page_size: 20 }) as Ref<Page<T>>;
  const loading = ref(false);
  let seq = 0;

  const plain = () => ({ ...(filters as unknown as F) });

  async function reload(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const res = await o.fetch(o.build(plain()));
      if (mine === seq) page.value = res;
    } catch (e) {
      if (mine === seq) reportError(e);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function sync() {
    const q = o.toQuery(plain());
    if (sameQuery(q, route.query as LocationQueryRaw)) void reload();
    else void router.replace({ path, query: q });
  }

  const searchLater = debounce(() => {
    (filters as unknown as F).page = 1;
    sync();
  }, SEARCH_DEBOUNCE_MS);

  watch(() => route.query, (q) => {
    if (route.path !== path) return; // leaving the screen
    searchLater.cancel();
    const next = o.fromQuery(q);
    // keep the box as typed (a trailing space) when the URL holds the same search
    const typed = (filters as unknown as F).search;
    if (typed.trim() === next.search) next.search = typed;
    Object.assign(filters as object, next);
    void reload();
  });

  onBeforeUnmount(() => searchLater.cancel());

  return {
    filters,
    page,
    loading,
    apply() {
      searchLater.cancel();
      (filters as unknown as F).page = 1;
      sync();
    },
    setSearch(text: string) {
      (filters as unknown as F).search = text;
      searchLater();
    },
    setPage(p: number) {
      (filters as unknown as F).page = p;
      sync();
    },
    setPageSize(n: number) {
      (filters as unknown as F).page_size = n;
      (filters as unknown as F).page = 1;
      sync();
    },
    reset() {
      searchLater.cancel();
      Object.assign(filters as object, o.defaults());
      sync();
    },
    reload,
  };
}
