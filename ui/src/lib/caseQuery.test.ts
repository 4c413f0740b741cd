import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import {
  buildPetitionQuery, buildStatsQueries, buildSuggestionQuery, defaultPetitionFilters, defaultSuggestionFilters,
  listLocation, parseIds, petitionFiltersFromQuery, petitionFiltersToQuery, queryBool, queryInt, sameQuery,
  statsFiltersFromQuery, statsFiltersToQuery, suggestionFiltersFromQuery, suggestionFiltersToQuery, switchStatsTab,
} from './caseQuery';

describe('parseIds', () => {
  it('reads a comma list, drops junk and duplicates', () => {
    expect(parseIds('1,2,3')).toEqual([1, 2, 3]);
    expect(parseIds('3, 1，3 x 0 -2 7')).toEqual([3, 1, 7]);
    expect(parseIds('')).toEqual([]);
    expect(parseIds(null)).toEqual([]);
  });
});

describe('query values', () => {
  it('reads numbers and flags leniently', () => {
    const q: LocationQuery = { a: '12', b: 'x', c: '1', d: 'true', e: ['5', '6'], f: '0' };
    expect(queryInt(q, 'a')).toBe(12);
    expect(queryInt(q, 'b')).toBeNull();
    expect(queryInt(q, 'e')).toBe(5);
    expect(queryInt(q, 'f')).toBeNull();
    expect(queryBool(q, 'c')).toBe(true);
    expect(queryBool(q, 'd')).toBe(true);
    expect(queryBool(q, 'b')).toBe(false);
    expect(queryBool(q, 'missing')).toBe(false);
  });
});

describe('suggestion filters <-> URL', () => {
  it('defaults when the query is empty, and writes nothing back', () => {
    const f = suggestionFiltersFromQuery({});
    expect(f).toEqual(defaultSuggestionFilters());
    expect(suggestionFiltersToQuery(f)).toEqual({});
    expect(buildSuggestionQuery(f)).toEqual({ page: 1, page_size: 20 });
  });

  it('round-trips every filter', () => {
    const q: LocationQuery = {
      ids: '4,5', title: '办复率 分子', search: ' zs ', term_id: '2', session_no: '3', kind: 'motion', category: 'transport',
      state: 'assigned', unit_id: '7', deputy_id: '9', key_supervision: '1', open: '1', overdue: '1', from: '2026-01-01',
      to: '2026-12-31', include_voided: '1', page: '2', page_size: '50',
    };
    const f = suggestionFiltersFromQuery(q);
    expect(f).toMatchObject({
      ids: [4, 5], title: '办复率 分子', search: 'zs', term_id: 2, session_no: 3, kind: 'motion', category: 'transport',
      state: 'assigned', unit_id: 7, deputy_id: 9, key_supervision: true, open: true, overdue: true, from: '2026-01-01',
      to: '2026-12-31', include_voided: true, page: 2, page_size: 50,
    });
    const back = suggestionFiltersToQuery(f);
    expect(suggestionFiltersFromQuery(back as LocationQuery)).toEqual(f);
    expect(buildSuggestionQuery(f)).toEqual({
      ids: [4, 5], search: 'zs', term_id: 2, session_no: 3, kind: 'motion', category: 'transport', state: 'assigned',
      unit_id: 7, deputy_id: 9, key_supervision: true, open: true, overdue: true, from: '2026-01-01', to: '2026-12-31',
      include_voided: true, page: 2, page_size: 50,
    });
  });

  it('ignores values that are not in the closed sets', () => {
    const f = suggestionFiltersFromQuery({ kind: 'poem', state: 'lost', from: '2026-1-1', page_size: '33' });
    expect(f.kind).toBeNull();
    expect(f.state).toBeNull();
    expect(f.from).toBeNull();
    expect(f.page_size).toBe(20);
  });

  it('drops the title without ids', () => {
    const f = { ...defaultSuggestionFilters(), title: '孤立的标题' };
    expect(suggestionFiltersToQuery(f)).toEqual({});
  });
});

describe('petition filters <-> URL', () => {
  it('round-trips every filter', () => {
    const q: LocationQuery = {
      ids: '1,2,3', search: '道路', year: '2026', channel: 'visit', category: 'land', state: 'accepted', unit_id: '3',
      group_visit: '1', open: '1', overdue: '1', from: '2026-02-01', to: '2026-02-28', page: '3',
    };
    const f = petitionFiltersFromQuery(q);
    expect(f).toMatchObject({
      ids: [1, 2, 3], search: '道路', year: 2026, channel: 'visit', category: 'land', state: 'accepted', unit_id: 3,
      group_visit: true, open: true, overdue: true, from: '2026-02-01', to: '2026-02-28', page: 3,
    });
    expect(petitionFiltersFromQuery(petitionFiltersToQuery(f) as LocationQuery)).toEqual(f);
    expect(buildPetitionQuery(f)).toMatchObject({ ids: [1, 2, 3], year: 2026, group_visit: true, page: 3, page_size: 20 });
  });
  it('rejects an impossible year', () => {
    expect(petitionFiltersFromQuery({ year: '99' }).year).toBeNull();
    expect(buildPetitionQuery(defaultPetitionFilters())).toEqual({ page: 1, page_size: 20 });
  });
});

describe('click-through and query comparison', () => {
  it('links a statistic to exactly its entries', () => {
    expect(listLocation('suggestions', [3, 1, 2], '2026年 已答复')).toEqual({
      path: '/suggestions', query: { ids: '3,1,2', title: '2026年 已答复' },
    });
    expect(listLocation('petitions', [9])).toEqual({ path: '/petitions', query: { ids: '9' } });
  });
  it('compares queries regardless of key order', () => {
    expect(sameQuery({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameQuery({ a: '1' }, { a: '1', page: '2' })).toBe(false);
  });
});

describe('statistics filters <-> URL and the two books\' queries', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' };

  it('defaults to the given period and the suggestions tab, and always writes period and tab', () => {
    const f = statsFiltersFromQuery({}, year);
    expect(f).toEqual({ ...year, tab: 'suggestions', term_id: null, unit_id: null, category: null, kind: null });
    expect(statsFiltersToQuery(f)).toEqual({ ...year, tab: 'suggestions' });
    expect(buildStatsQueries(f)).toEqual({ suggestions: year, petitions: year });
  });

  it('has no tab for review opinions: the statistics count suggestions and petitions only', () => {
    // the dashboard's third book (Book 'rectifications') is not a tab here; an address naming it opens 建议
    const f = statsFiltersFromQuery({ tab: 'rectifications' }, year);
    expect(f.tab).toBe('suggestions');
    expect(Object.keys(buildStatsQueries(f))).toEqual(['suggestions', 'petitions']);
  });

  it('round-trips every filter and sends each book only what applies to it', () => {
    const q: LocationQuery = {
      from: '2026-01-01', to: '2026-06-30', tab: 'suggestions', term_id: '2', unit_id: '7', category: 'transport', kind: 'motion',
    };
    const f = statsFiltersFromQuery(q, year);
    expect(statsFiltersFromQuery(statsFiltersToQuery(f) as LocationQuery, year)).toEqual(f);
    expect(buildStatsQueries(f)).toEqual({
      suggestions: { from: '2026-01-01', to: '2026-06-30', term_id: 2, unit_id: 7, category: 'transport', kind: 'motion' },
      petitions: { from: '2026-01-01', to: '2026-06-30', unit_id: 7 },
    });
    const p = statsFiltersFromQuery({ ...q, tab: 'petitions', category: 'land' }, year);
    expect(buildStatsQueries(p)).toEqual({
      suggestions: { from: '2026-01-01', to: '2026-06-30', term_id: 2, unit_id: 7, kind: 'motion' },
      petitions: { from: '2026-01-01', to: '2026-06-30', unit_id: 7, category: 'land' },
    });
  });

  it('drops a category of the other book, an unknown kind and bad numbers', () => {
    expect(statsFiltersFromQuery({ tab: 'petitions', category: 'transport' }, year).category).toBeNull();
    expect(statsFiltersFromQuery({ category: 'land' }, year).category).toBeNull();
    expect(statsFiltersFromQuery({ kind: 'x', term_id: '0', unit_id: 'a' }, year)).toMatchObject({ kind: null, term_id: null, unit_id: null });
  });

  it('clears the category on switching tab unless both books have it', () => {
    const f = statsFiltersFromQuery({ category: 'transport', kind: 'motion' }, year);
    expect(switchStatsTab(f, 'petitions')).toEqual({ filters: { ...f, tab: 'petitions', category: null }, reload: true });
    const env = statsFiltersFromQuery({ category: 'environment' }, year);
    expect(switchStatsTab(env, 'petitions')).toEqual({ filters: { ...env, tab: 'petitions' }, reload: true });
    const none = statsFiltersFromQuery({ unit_id: '3' }, year);
    expect(switchStatsTab(none, 'petitions')).toEqual({ filters: { ...none, tab: 'petitions' }, reload: false });
    expect(switchStatsTab(none, 'suggestions')).toEqual({ filters: none, reload: false });
  });
});

describe('shared list query helpers', () => {
  it('paging: page 1 and 20 a page unless the URL says otherwise; a size not offered is ignored; only non-defaults written', async () => {
    const { putPaging, queryPaging } = await import('./caseQuery');
    expect(queryPaging({})).toEqual({ page: 1, page_size: 20 });
    expect(queryPaging({ page: '3', page_size: '50' })).toEqual({ page: 3, page_size: 50 });
    expect(queryPaging({ page_size: '37' })).toEqual({ page: 1, page_size: 20 });
    const out = {};
    putPaging(out, { page: 1, page_size: 20 });
    expect(out).toEqual({});
    putPaging(out, { page: 2, page_size: 100 });
    expect(out).toEqual({ page: '2', page_size: '100' });
  });

  it('year: only a plausible year is a filter', async () => {
    const { queryYear } = await import('./caseQuery');
    expect(queryYear({ year: '2026' })).toBe(2026);
    expect(queryYear({ year: '26' })).toBeNull();
    expect(queryYear({ year: 'abc' })).toBeNull();
    expect(queryYear({})).toBeNull();
  });

  it('search text: what the clerk typed, trimmed, with inner blanks as one space', async () => {
    const { searchText } = await import('./caseQuery');
    expect(searchText('  张  三 ')).toBe('张 三');
    expect(searchText('   ')).toBe('');
  });
});
