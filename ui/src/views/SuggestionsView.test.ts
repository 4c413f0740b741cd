// The suggestion list keeps its filters in the URL: ?ids= from a statistic lists exactly those
// entries, and a filter change goes into the URL and reloads.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Suggestion } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import SuggestionsView from './SuggestionsView.vue';

const row = (id: number, over: Partial<Suggestion> = {}) => ({
  id, number: `20-3-00${id}`, number_label: `第二十届第三次会议 建议第${id}号`, subject: `建议${id}`, kind: 'suggestion',
  lead_deputy: { id: 11, name: '张三' }, co_signers: [{ id: 12, name: '李四' }], by_presidium: false, category: 'transport',
  lead_unit: null, co_units: [], received_on: '2026-03-20', key_supervision: false, state: 'assigned', state_label: '已交办',
  voided: false, deadline: {
    stage: 'reply', stage_label: '答复', basis: '', days_left: -3, overdue: true, extended: false,
    due: { date: '2026-06-20', start: '2026-03-20', period: { unit: 'months', count: 3 }, nominal: '2026-06-20', beyond_calendar: [], explanation: '自交办之日起3个月' },
  },
  ...over,
}) as Suggestion;

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    terms_list: () => [],
    handling_units_list: () => [],
    suggestions_list: ({ query }) => {
      const items = (query.ids ?? [1, 2, 3, 4]).map((id: number) => row(id));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

describe('SuggestionsView', () => {
  it('lists exactly the ids of a statistic, with a banner to see all', async () => {
    const { router } = await mountAt('/suggestions?ids=1,3&title=2026年 已答复', '/suggestions', SuggestionsView);
    await settle();
    expect(callsOf(invoke, 'suggestions_list')[0]).toEqual({ query: { ids: [1, 3], page: 1, page_size: 20 } });
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="suggestion-row"]')];
    expect(rows.map((r) => r.dataset.id)).toEqual(['1', '3']);
    expect(hook('suggestions-ids-banner')?.textContent).toContain('2026年 已答复（共 2 件）');
    // overdue in red, with the days
    const due = rows[0].querySelector<HTMLElement>('[data-test="suggestion-due"]')!;
    expect(due.dataset.overdue).toBe('true');
    expect(due.textContent).toContain('逾期3天');
    expect(due.querySelector('.due-overdue') ?? due.classList.contains('due-overdue')).toBeTruthy();

    hook('suggestions-ids-clear')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/suggestions');
    expect(callsOf(invoke, 'suggestions_list').at(-1)).toEqual({ query: { page: 1, page_size: 20 } });
  });

  it('puts a filter into the URL and reloads', async () => {
    const { router } = await mountAt('/suggestions', '/suggestions', SuggestionsView);
    await settle();
    hook('suggestions-overdue')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ overdue: '1' });
    expect(callsOf(invoke, 'suggestions_list').at(-1)).toEqual({ query: { overdue: true, page: 1, page_size: 20 } });

    await router.push('/suggestions?open=1&state=assigned');
    await flushPromises();
    await settle();
    expect(callsOf(invoke, 'suggestions_list').at(-1)).toEqual({ query: { open: true, state: 'assigned', page: 1, page_size: 20 } });
    expect((hook('suggestions-open')!.querySelector('input') as HTMLInputElement).checked).toBe(true);
  });
});
