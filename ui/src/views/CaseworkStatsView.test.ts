// 办理统计: every rate shows its numerator and denominator, and each count opens exactly its entries.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountedRatio, PetitionStats, SuggestionStats } from '../api/types';
import { callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

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

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({ suggestion_stats: () => sStats, petition_stats: () => pStats }));
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
});
