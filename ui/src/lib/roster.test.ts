import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deputy, DeputyQuery, Page } from '../api/types';
import { buildDeputyQuery, createRosterList, debounce, defaultFilters } from './roster';

describe('buildDeputyQuery', () => {
  it('sends only order and paging by default', () => {
    expect(buildDeputyQuery(defaultFilters())).toEqual({ order: 'stroke', page: 1, page_size: 20 });
  });
  it('trims the search and includes the chosen filters', () => {
    const f = {
      ...defaultFilters(), search: '  zhang   san ', group_id: 3, constituency_id: 0, status: 'in_office' as const,
      level: 'county' as const, include_voided: true, order: 'pinyin' as const, page: 2, page_size: 50,
    };
    expect(buildDeputyQuery(f)).toEqual({
      search: 'zhang san', group_id: 3, constituency_id: 0, status: 'in_office', level: 'county',
      include_voided: true, order: 'pinyin', page: 2, page_size: 50,
    });
  });
  it('leaves out cleared selects (null or undefined) and a blank search', () => {
    const f = { ...defaultFilters(), search: '   ', term_id: undefined as unknown as null, group_id: null };
    const q = buildDeputyQuery(f);
    expect(q).not.toHaveProperty('search');
    expect(q).not.toHaveProperty('term_id');
    expect(q).not.toHaveProperty('group_id');
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  it('calls once with the last arguments after the quiet period', () => {
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d('z');
    vi.advanceTimersByTime(200);
    d('zs');
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('zs');
  });
  it('can be cancelled and flushed', () => {
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d(1);
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    d(2);
    expect(d.pending()).toBe(true);
    d.flush();
    expect(fn).toHaveBeenCalledWith(2);
    expect(d.pending()).toBe(false);
  });
});

function pageOf(names: string[], page = 1): Page<Deputy> {
  return { items: names.map((name, i) => ({ id: i + 1, name }) as Deputy), total: names.length, page, page_size: 20 };
}

describe('createRosterList', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces typing 300 ms, then loads page 1 with the final text', async () => {
    const fetcher = vi.fn(async (_q: DeputyQuery) => pageOf(['张三']));
    const list = createRosterList(fetcher, vi.fn());
    await list.setPage(3);
    fetcher.mockClear();

    list.setSearch('z');
    vi.advanceTimersByTime(100);
    list.setSearch('zs');
    vi.advanceTimersByTime(299);
    expect(fetcher).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0][0]).toMatchObject({ search: 'zs', page: 1 });
    await vi.runAllTimersAsync();
    expect(list.page.value.items[0].name).toBe('张三');
    expect(list.filters.page).toBe(1);
  });

  it('a filter change loads at once on page 1 and cancels a pending search', async () => {
    const fetcher = vi.fn(async (_q: DeputyQuery) => pageOf([]));
    const list = createRosterList(fetcher, vi.fn());
    list.filters.page = 4;
    list.setSearch('li');
    list.filters.group_id = 2;
    await list.applyFilters();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0][0]).toMatchObject({ search: 'li', group_id: 2, page: 1 });
    vi.advanceTimersByTime(1000);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('changing the page size goes back to page 1', async () => {
    const fetcher = vi.fn(async (_q: DeputyQuery) => pageOf([]));
    const list = createRosterList(fetcher, vi.fn());
    await list.setPage(5);
    await list.setPageSize(100);
    expect(fetcher.mock.calls.at(-1)?.[0]).toMatchObject({ page: 1, page_size: 100 });
  });

  it('keeps only the newest answer when answers arrive out of order', async () => {
    let resolveSlow!: (p: Page<Deputy>) => void;
    const fetcher = vi
      .fn<(q: DeputyQuery) => Promise<Page<Deputy>>>()
      .mockImplementationOnce(() => new Promise((r) => { resolveSlow = r; }))
      .mockImplementationOnce(async () => pageOf(['新的']));
    const list = createRosterList(fetcher, vi.fn());
    const first = list.reload();
    await list.reload();
    resolveSlow(pageOf(['旧的']));
    await first;
    expect(list.page.value.items.map((d) => d.name)).toEqual(['新的']);
    expect(list.loading.value).toBe(false);
  });

  it('reports a failed load and keeps the previous rows', async () => {
    const onError = vi.fn();
    const fetcher = vi
      .fn<(q: DeputyQuery) => Promise<Page<Deputy>>>()
      .mockResolvedValueOnce(pageOf(['甲']))
      .mockRejectedValueOnce({ code: 'database', field: null, message: '数据库忙' });
    const list = createRosterList(fetcher, onError);
    await list.reload();
    await list.reload();
    expect(onError).toHaveBeenCalledWith({ code: 'database', field: null, message: '数据库忙' });
    expect(list.page.value.items[0].name).toBe('甲');
    expect(list.loading.value).toBe(false);
  });
});
