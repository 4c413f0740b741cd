import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import type { Deed, DeedInput } from '../api/types';
import {
  DEED_FALLBACK_CHOICES, DEED_FIELDS, buildDeedQuery, canTurnIntoDeed, checkDeedForm, deedFiltersFromQuery,
  deedFiltersToQuery, deedFromSuggestionLocation, defaultDeedFilters, deputyNames, emptyDeedForm, formFromDeed,
  formFromDeedInput, honourLevelTag, suggestionIdFromQuery, toDeedInput,
} from './deeds';

const stored = (over: Partial<Deed> = {}): Deed => ({
  id: 3, number: '事迹〔2026〕第3号', year: 2026, seq: 3, deputies: [{ id: 1, name: '张三' }, { id: 2, name: '李四' }],
  date: '2026-03-20', category: 'serving_voters', title: '帮助村民修路', summary: '多方协调', evidence: '照片3张',
  honour: '县级优秀人大代表', honour_level: 'county', honour_body: '县人大常委会', honour_date: '2026-04-01',
  publicised: '县融媒体', suggestion: { id: 9, number: '20-3-005', subject: '修路' }, notes: '', voided: false,
  void_reason: null, ...over,
});

describe('deed form', () => {
  it('starts empty with today as the date', () => {
    expect(emptyDeedForm('2026-03-20')).toMatchObject({
      deputy_ids: [], date: '2026-03-20', category: null, honour: '', honour_level: null, suggestion_id: null,
    });
  });

  it('round-trips a stored deed, keeping its suggestion', () => {
    const input = toDeedInput(formFromDeed(stored()));
    expect(input).toEqual({
      deputy_ids: [1, 2], date: '2026-03-20', category: 'serving_voters', title: '帮助村民修路', summary: '多方协调',
      evidence: '照片3张', honour: '县级优秀人大代表', honour_level: 'county', honour_body: '县人大常委会',
      honour_date: '2026-04-01', publicised: '县融媒体', suggestion_id: 9, notes: '',
    });
    expect(Object.keys(input).sort()).toEqual([...DEED_FIELDS].sort());
  });

  it('fills the form from a suggestion draft; a missing date becomes today', () => {
    const draft: DeedInput = {
      deputy_ids: [4, 5], date: '', category: 'duty_performance', title: '推动修建村道', summary: '建议办结，群众满意',
      evidence: '', honour: '', honour_level: null, honour_body: '', honour_date: null, publicised: '', suggestion_id: 9, notes: '',
    };
    expect(formFromDeedInput(draft, '2026-05-01')).toMatchObject({
      deputy_ids: [4, 5], date: '2026-05-01', category: 'duty_performance', title: '推动修建村道', suggestion_id: 9,
    });
  });

  it('trims text and drops repeated deputies', () => {
    const m = { ...emptyDeedForm('2026-03-20'), deputy_ids: [1, 1, 2], category: 'other' as const, title: '  标题 ', notes: ' x ' };
    expect(toDeedInput(m)).toMatchObject({ deputy_ids: [1, 2], title: '标题', notes: 'x', honour_level: null });
  });
});

describe('checkDeedForm', () => {
  const ok = () => ({ ...emptyDeedForm('2026-03-20'), deputy_ids: [1], category: 'other' as const, title: '事迹' });

  it('asks for a deputy, a date, a category and a title', () => {
    expect(checkDeedForm(ok())).toEqual({});
    expect(checkDeedForm({ ...emptyDeedForm('2026-03-20'), date: null })).toEqual({
      deputy_ids: '请至少选择一名代表', date: '请选择事迹日期', category: '请选择事迹类别', title: '请填写事迹标题',
    });
    expect(checkDeedForm({ ...ok(), title: '   ' }).title).toBeTruthy();
  });

  it('wants a level with an honour, and an honour with a level, body or date', () => {
    expect(checkDeedForm({ ...ok(), honour: '优秀代表' })).toEqual({ honour_level: '填写了所获荣誉，请选择荣誉级别' });
    expect(checkDeedForm({ ...ok(), honour: '优秀代表', honour_level: 'county' })).toEqual({});
    expect(checkDeedForm({ ...ok(), honour_level: 'city' }).honour).toBeTruthy();
    expect(checkDeedForm({ ...ok(), honour_body: '县人大' }).honour).toBeTruthy();
    expect(checkDeedForm({ ...ok(), honour_date: '2026-01-01' }).honour).toBeTruthy();
  });
});

describe('from a suggestion', () => {
  it('only a closed suggestion with a satisfied or basically satisfied final result', () => {
    expect(canTurnIntoDeed({ state: 'closed', final_result: 'satisfied', voided: false })).toBe(true);
    expect(canTurnIntoDeed({ state: 'closed', final_result: 'basically_satisfied', voided: false })).toBe(true);
    expect(canTurnIntoDeed({ state: 'closed', final_result: 'dissatisfied', voided: false })).toBe(false);
    expect(canTurnIntoDeed({ state: 'closed', final_result: null, voided: false })).toBe(false);
    expect(canTurnIntoDeed({ state: 'evaluated', final_result: 'satisfied', voided: false })).toBe(false);
    expect(canTurnIntoDeed({ state: 'closed', final_result: 'satisfied', voided: true })).toBe(false);
    expect(canTurnIntoDeed(null)).toBe(false);
  });

  it('goes to /deeds/new?suggestion=<id> and reads it back', () => {
    expect(deedFromSuggestionLocation(9)).toEqual({ path: '/deeds/new', query: { suggestion: '9' } });
    expect(suggestionIdFromQuery({ suggestion: '9' })).toBe(9);
    expect(suggestionIdFromQuery({ suggestion: 'x' })).toBeNull();
    expect(suggestionIdFromQuery({})).toBeNull();
  });
});

describe('display', () => {
  it('joins names with 、 and colours honour levels', () => {
    expect(deputyNames([{ id: 1, name: '张三' }, { id: 2, name: '李四' }])).toBe('张三、李四');
    expect(deputyNames([])).toBe('');
    expect(honourLevelTag('national')).toBe('danger');
    expect(honourLevelTag('county')).toBe('success');
    expect(honourLevelTag(null)).toBe('info');
    expect(DEED_FALLBACK_CHOICES.deed_categories.map((c) => c.label)).toEqual([
      '依法履职', '联系服务群众', '带头发展经济', '公益慈善', '急难险重', '基层治理', '其他',
    ]);
  });
});

describe('deed filters <-> URL', () => {
  it('defaults to nothing in the URL and a plain query', () => {
    const f = defaultDeedFilters();
    expect(deedFiltersToQuery(f)).toEqual({});
    expect(buildDeedQuery(f)).toEqual({ page: 1, page_size: 20 });
    expect(deedFiltersFromQuery({})).toEqual(f);
  });

  it('round-trips every filter', () => {
    const f = {
      ...defaultDeedFilters(), search: ' 修路 ', year: 2026, category: 'emergency' as const, deputy_id: 7, honoured: true,
      include_voided: true, page: 2, page_size: 50,
    };
    const q = deedFiltersToQuery(f);
    expect(q).toEqual({
      search: '修路', year: '2026', category: 'emergency', deputy_id: '7', honoured: '1', include_voided: '1', page: '2',
      page_size: '50',
    });
    expect(deedFiltersFromQuery(q as LocationQuery)).toEqual({ ...f, search: '修路' });
    expect(buildDeedQuery(f)).toEqual({
      search: '修路', year: 2026, category: 'emergency', deputy_id: 7, honoured: true, include_voided: true, page: 2, page_size: 50,
    });
  });

  it('ignores what it cannot read', () => {
    expect(deedFiltersFromQuery({ year: '12', category: 'nope', deputy_id: 'x', page_size: '33', honoured: '0' })).toEqual(
      defaultDeedFilters(),
    );
  });
});
