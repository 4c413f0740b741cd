// 办理统计: every rate shows its numerator and denominator, and each count opens exactly its entries.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountedRatio, PetitionStats, SuggestionStats, SupervisionStats } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import CaseworkStatsView from './CaseworkStatsView.vue';

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const counted = (n: number) => ({ count: n, ids: ids(n) });
const rate = (num: number, den: number): CountedRatio => ({
  numerator: num, denominator: den, percent: den ? (num * 100) / den : null, numerator_ids: ids(num), denominator_ids: ids(den),
});

const sStats: SuggestionStats = {
  from: '2026-01-01', to: '2026-12-31', received: counted(28), by_kind: [{ key: 'suggestion', label: '建议', count: 26, ids: ids(26), share: { numerator: 26, denominator: 28, percent: null } }],
  not_accepted: counted(2), assigned: counted(26), replied: counted(24), closed: counted(20), evaluated: counted(20),
  reply_rate: rate(24, 26), close_rate: rate(20, 26), satisfaction_rate: rate(19, 20), strict_satisfaction_rate: rate(15, 20),
  first_round_satisfaction: rate(17, 20), final_satisfaction: rate(19, 20),
  by_category: [{ key: 'transport', label: '交通', count: 7, ids: ids(7), share: { numerator: 7, denominator: 28, percent: 25 } }],
  by_unit: [], carried_over: counted(0), key_supervision: counted(3),
};
const pStats: PetitionStats = {
  from: '2026-01-01', to: '2026-12-31', received: counted(10), people: 31, by_channel: [], by_category: [],
  group_visits: counted(2), repeats: counted(1), anonymous: counted(1), accepted: counted(9), declined: counted(1),
  replied: counted(8), resolved: counted(6), close_rate: rate(8, 9), resolve_rate: rate(6, 8), on_time_rate: rate(7, 8),
  satisfaction_rate: rate(5, 6), overdue_open: counted(1),
};

// every figure different, so a swapped numerator and denominator or a wrong column shows
const supStats: SupervisionStats = {
  from: '2026-01-01', to: '2026-12-31',
  presidium_activities: counted(4),
  rectifications: { sent: 8, rectified: 5, reported_on_time: 6, overdue: 1, second_rounds: 2, ids: ids(8) },
  evaluations: { events: 2, objects: 7, below_threshold: 3, good_and_fair: 44, valid: 50, ids: ids(2) },
  duty_reports: counted(9),
  station_duty: {
    per_station: [
      { id: 5, name: '城东联络站', rostered: 12, attended: 8, excused: 2, missed: 1, unrecorded: 1, voters_received: 37 },
      { id: 6, name: '城西联络站', rostered: 4, attended: 3, excused: 0, missed: 1, unrecorded: 0, voters_received: 11 },
    ],
    per_deputy: [],
  },
};

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    suggestion_stats: () => sStats,
    petition_stats: () => pStats,
    supervision_stats: () => supStats,
    vocabulary: () => VOCAB,
    terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
    handling_units_list: () => [{ id: 7, name: '镇交通运输办', contact: '', phone: '', active: true }],
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

describe('CaseworkStatsView', () => {
  it('defaults to this calendar year and shows rates with both counts', async () => {
    await mountAt('/casework-stats', '/casework-stats', CaseworkStatsView, [{ path: '/suggestions', component: { render: () => null } }]);
    await settle();
    const y = new Date().getFullYear();
    expect(callsOf(invoke, 'suggestion_stats')[0]).toEqual({ query: { from: `${y}-01-01`, to: `${y}-12-31` } });
    expect(hook('cstats-s-reply_rate')?.textContent).toBe('92.3%（24/26）');
    expect(hook('cstats-s-satisfaction_rate')?.textContent).toBe('95.0%（19/20）');
    expect(hook('cstats-s-strict_satisfaction_rate')?.textContent).toBe('75.0%（15/20）');
    expect(hook('cstats-s-received')?.textContent).toBe('28');
    expect(hook('cstats-s-carried_over')?.tagName).toBe('SPAN'); // 0: nothing to open
    expect(hook('cstats-p-close_rate')?.textContent).toBe('88.9%（8/9）');
  });

  it('opens the numerator entries of a rate', async () => {
    const { router } = await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31', '/casework-stats', CaseworkStatsView,
      [{ path: '/suggestions', component: { render: () => null } }]);
    await settle();
    hook('cstats-s-reply_rate-num')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/suggestions');
    expect(router.currentRoute.value.query.ids).toBe(ids(24).join(','));
    expect(router.currentRoute.value.query.title).toBe('2026年 办复率 分子');
  });

  it('sends a chosen filter in the query, keeps it in the URL, and names it in the click-through title', async () => {
    const { router } = await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31', '/casework-stats', CaseworkStatsView,
      [{ path: '/suggestions', component: { render: () => null } }]);
    await settle();
    for (const id of ['cstats-term', 'cstats-unit', 'cstats-category', 'cstats-kind']) {
      expect(hook(id)?.classList.contains('el-select'), id).toBe(true);
    }
    expect(hook('cstats-reset')?.tagName).toBe('BUTTON');

    document.querySelector<HTMLElement>('.popper-cstats-category [data-test="option-transport"]')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_stats').at(-1)).toEqual({
      query: { from: '2026-01-01', to: '2026-12-31', category: 'transport' },
    });
    // a suggestion category is not sent to the petition statistics
    expect(callsOf(invoke, 'petition_stats').at(-1)).toEqual({ query: { from: '2026-01-01', to: '2026-12-31' } });
    expect(router.currentRoute.value.query).toEqual({ from: '2026-01-01', to: '2026-12-31', tab: 'suggestions', category: 'transport' });

    document.querySelector<HTMLElement>('.popper-cstats-kind [data-test="option-motion"]')!.click();
    await settle();
    document.querySelector<HTMLElement>('.popper-cstats-unit [data-test="option-unit-7"]')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_stats').at(-1)).toEqual({
      query: { from: '2026-01-01', to: '2026-12-31', category: 'transport', kind: 'motion', unit_id: 7 },
    });
    expect(callsOf(invoke, 'petition_stats').at(-1)).toEqual({ query: { from: '2026-01-01', to: '2026-12-31', unit_id: 7 } });
    expect(router.currentRoute.value.query).toMatchObject({ category: 'transport', kind: 'motion', unit_id: '7' });

    hook('cstats-s-reply_rate-num')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/suggestions');
    expect(router.currentRoute.value.query.ids).toBe(ids(24).join(','));
    expect(router.currentRoute.value.query.title).toBe('2026年 镇交通运输办 交通 议案 办复率 分子');
  });

  it('reads the filters from the URL (the way back from a list) and resets them', async () => {
    const { router } = await mountAt('/casework-stats?from=2026-01-01&to=2026-06-30&tab=suggestions&term_id=2&category=transport&kind=bogus',
      '/casework-stats', CaseworkStatsView);
    await settle();
    expect(callsOf(invoke, 'suggestion_stats')[0]).toEqual({
      query: { from: '2026-01-01', to: '2026-06-30', term_id: 2, category: 'transport' },
    });
    expect(hook('cstats-term')?.textContent).toContain('第二十届');

    hook('cstats-reset')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_stats').at(-1)).toEqual({ query: { from: '2026-01-01', to: '2026-06-30' } });
    expect(router.currentRoute.value.query).toEqual({ from: '2026-01-01', to: '2026-06-30', tab: 'suggestions' });
  });

  it('clears a category of the other book when switching tab; petitions get no term or kind', async () => {
    const { router } = await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31&category=transport&kind=motion&term_id=2',
      '/casework-stats', CaseworkStatsView);
    await settle();
    const tabs = [...document.querySelectorAll<HTMLElement>('.el-tabs__item')];
    tabs.find((t) => t.textContent?.includes('来信来访'))!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ from: '2026-01-01', to: '2026-12-31', tab: 'petitions', term_id: '2', kind: 'motion' });
    expect(hook('cstats-kind')).toBeNull();
    expect(hook('cstats-term')).toBeNull();
    expect(callsOf(invoke, 'petition_stats').at(-1)).toEqual({ query: { from: '2026-01-01', to: '2026-12-31' } });
    expect(callsOf(invoke, 'suggestion_stats').at(-1)).toEqual({ query: { from: '2026-01-01', to: '2026-12-31', term_id: 2, kind: 'motion' } });

    // the petition categories are offered now; one is sent to the petition statistics only
    expect(document.querySelector('.popper-cstats-category [data-test="option-transport"]')).toBeNull();
    document.querySelector<HTMLElement>('.popper-cstats-category [data-test="option-land"]')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_stats').at(-1)).toEqual({ query: { from: '2026-01-01', to: '2026-12-31', category: 'land' } });
    expect(router.currentRoute.value.query).toMatchObject({ tab: 'petitions', category: 'land' });
  });

  describe('监督', () => {
    const text = (id: string) => hook(id)?.textContent?.trim();

    it('asks for the page period and shows its counts, rates (numerator over denominator) and station duty', async () => {
      await mountAt('/casework-stats', '/casework-stats', CaseworkStatsView);
      await settle();
      const y = new Date().getFullYear();
      expect(callsOf(invoke, 'supervision_stats')).toEqual([{ from: `${y}-01-01`, to: `${y}-12-31` }]);

      expect(text('cstats-sup-presidium_activities')).toBe('4');
      expect(text('cstats-sup-duty_reports')).toBe('9');
      expect(text('cstats-sup-rect-sent')).toBe('8');
      expect(text('cstats-sup-rect-rectified')).toBe('5');
      expect(text('cstats-sup-rect-reported_on_time')).toBe('6');
      expect(text('cstats-sup-rect-overdue')).toBe('1');
      expect(text('cstats-sup-rect-second_rounds')).toBe('2');
      expect(hook('cstats-sup-rect-overdue')?.classList.contains('due-overdue')).toBe(true);
      expect(text('cstats-sup-on_time_rate')).toBe('75.0%（6/8）'); // reported_on_time / sent
      expect(text('cstats-sup-rectified_rate')).toBe('62.5%（5/8）'); // rectified / sent
      expect(text('cstats-sup-eval-events')).toBe('2');
      expect(text('cstats-sup-eval-objects')).toBe('7');
      expect(text('cstats-sup-eval-below_threshold')).toBe('3');
      expect(text('cstats-sup-satisfaction_rate')).toBe('88.0%（44/50）'); // good_and_fair / valid
      // the activities list takes no ids: the count is plain text, not a link
      expect(hook('cstats-sup-presidium_activities')?.tagName).toBe('SPAN');

      const row = (id: number) => ['name', 'rostered', 'attended', 'excused', 'missed', 'unrecorded', 'voters_received']
        .map((k) => text(`cstats-sup-station-${id}-${k}`));
      expect(row(5)).toEqual(['城东联络站', '12', '8', '2', '1', '1', '37']);
      expect(row(6)).toEqual(['城西联络站', '4', '3', '0', '1', '0', '11']);
      const headers = [...hook('cstats-sup-stations')!.querySelectorAll('th')].map((th) => th.textContent?.trim());
      expect(headers).toEqual(['联络站', '排班人次', '出席', '请假', '缺席', '未登记', '接待群众人次']);
    });

    it('shows — for a rate with nothing to divide by, and 提出 0 opens nothing', async () => {
      invoke.mockImplementation(fakeCore({
        suggestion_stats: () => sStats, petition_stats: () => pStats, vocabulary: () => VOCAB, terms_list: () => [],
        handling_units_list: () => [],
        supervision_stats: () => ({
          ...supStats,
          rectifications: { sent: 0, rectified: 0, reported_on_time: 0, overdue: 0, second_rounds: 0, ids: [] },
          evaluations: { events: 1, objects: 2, below_threshold: 0, good_and_fair: 0, valid: 0, ids: [1] },
          station_duty: { per_station: [], per_deputy: [] },
        }),
      }));
      await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31', '/casework-stats', CaseworkStatsView);
      await settle();
      expect(text('cstats-sup-on_time_rate')).toBe('—');
      expect(text('cstats-sup-rectified_rate')).toBe('—');
      expect(text('cstats-sup-satisfaction_rate')).toBe('—');
      expect(text('cstats-sup-rect-sent')).toBe('0');
      expect(hook('cstats-sup-rect-sent')?.tagName).toBe('SPAN');
      expect(text('cstats-sup-eval-objects')).toBe('2');
      expect(hook('cstats-sup-stations')?.textContent).toContain('这段时间没有排班');
    });

    it('follows the period: from the URL, a preset and a date spanning two years', async () => {
      const { router } = await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31', '/casework-stats', CaseworkStatsView,
        [{ path: '/rectifications', component: { render: () => null } }]);
      await settle();
      expect(callsOf(invoke, 'supervision_stats')).toEqual([{ from: '2026-01-01', to: '2026-12-31' }]);
      // 提出 opens the review opinions of the period's year (the list has no ids filter)
      expect(hook('cstats-sup-rect-sent')?.tagName).toBe('A');
      hook('cstats-sup-rect-sent')!.click();
      await settle();
      expect(router.currentRoute.value.path).toBe('/rectifications');
      expect(router.currentRoute.value.query).toEqual({ year: '2026' });

      await router.push('/casework-stats?from=2025-07-01&to=2026-06-30');
      await settle();
      expect(callsOf(invoke, 'supervision_stats').at(-1)).toEqual({ from: '2025-07-01', to: '2026-06-30' });
      hook('cstats-sup-rect-sent')!.click();
      await settle();
      expect(router.currentRoute.value.path).toBe('/rectifications');
      expect(router.currentRoute.value.query).toEqual({});

      await router.push('/casework-stats?from=2026-01-01&to=2026-12-31');
      await settle();
      hook('cstats-period-h1')!.click();
      await settle();
      const y = new Date().getFullYear();
      expect(callsOf(invoke, 'supervision_stats').at(-1)).toEqual({ from: `${y}-01-01`, to: `${y}-06-30` });
      expect(callsOf(invoke, 'suggestion_stats').at(-1)).toEqual({ query: { from: `${y}-01-01`, to: `${y}-06-30` } });
    });

    it('a failure shows the error and leaves the casework figures', async () => {
      invoke.mockImplementation(fakeCore({
        suggestion_stats: () => sStats, petition_stats: () => pStats, vocabulary: () => VOCAB, terms_list: () => [],
        handling_units_list: () => [],
        supervision_stats: () => { throw { code: 'database', field: null, message: '监督统计读取失败' }; },
      }));
      await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31', '/casework-stats', CaseworkStatsView);
      await settle();
      expect(document.querySelector('.el-message--error')?.textContent).toContain('监督统计读取失败');
      expect(hook('cstats-s-reply_rate')?.textContent).toBe('92.3%（24/26）');
      expect(hook('cstats-sup-rect-sent')).toBeNull();
      expect(hook('cstats-sup')?.textContent).toContain('暂无监督统计');
    });

    it('a casework failure leaves 监督 standing', async () => {
      invoke.mockImplementation(fakeCore({
        suggestion_stats: () => { throw { code: 'database', field: null, message: '办理统计读取失败' }; },
        petition_stats: () => pStats, vocabulary: () => VOCAB, terms_list: () => [], handling_units_list: () => [],
        supervision_stats: () => supStats,
      }));
      await mountAt('/casework-stats?from=2026-01-01&to=2026-12-31', '/casework-stats', CaseworkStatsView);
      await settle();
      expect(document.querySelector('.el-message--error')?.textContent).toContain('办理统计读取失败');
      expect(hook('cstats-s-reply_rate')).toBeNull();
      expect(text('cstats-sup-on_time_rate')).toBe('75.0%（6/8）');
    });
  });
});
