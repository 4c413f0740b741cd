// The group activity list: filters from the URL go into activities_list, the cells (who organised it
// by name, attendance with 请假, opinions turned, checks tag), and a filter change (组织者 too) goes into the URL and reloads.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroupActivity } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import ActivitiesView from './ActivitiesView.vue';

const row = (id: number, over: Partial<GroupActivity> = {}): GroupActivity => ({
  id, number: `活动〔2026〕第${id}号`, year: 2026, seq: id, organiser: 'group', group_id: 2, group_name: '第二代表小组',
  station_id: null, organiser_name: '第二代表小组', kind: 'voter_reception',
  date: '2026-03-20', place: '', notice_date: null, theme: `接待选民日${id}`, members: [], expected: 5, present: 4,
  excused: 1, absent: 0, higher_deputies: '', record: '', results: '', reported_on: null, voters_received: null,
  opinions: [
    { id: 1, seq: 1, source: '', content: 'a', suggestion: { id: 9, number: '20-3-B002' }, petition: null },
    { id: 2, seq: 2, source: '', content: 'b', suggestion: null, petition: null },
  ],
  checks: [], notes: '', voided: false, void_reason: null, ...over,
});

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    groups_list: () => [{ id: 2, name: '第二代表小组' }],
    activities_list: () => ({
      items: [
        row(1),
        row(2, { excused: 0, opinions: [], checks: ['出席 2 人，不到小组成员 5 人的半数'], present: 2, kind: 'study' }),
        row(3, { organiser: 'presidium', group_id: null, group_name: '', organiser_name: '镇人大主席团', kind: 'inspection' }),
        row(4, { organiser: 'station', group_id: null, group_name: '', station_id: 4, organiser_name: '青山代表联络站', kind: 'station_duty' }),
      ],
      total: 4, page: 1, page_size: 20,
    }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

describe('ActivitiesView', () => {
  it('reads the filters from the URL and shows the cells', async () => {
    await mountAt('/activities?year=2026&group_id=2&kind=voter_reception', '/activities', ActivitiesView);
    await settle();
    expect(callsOf(invoke, 'activities_list')[0]).toEqual({
      query: { page: 1, page_size: 20, year: 2026, group_id: 2, kind: 'voter_reception' },
    });
    expect(hooks('activity-row').map((r) => r.dataset.id)).toEqual(['1', '2', '3', '4']);
    // who organised it, by the name the book prints (a group's, the presidium's, a station's)
    expect(hooks('activity-organiser').map((c) => c.textContent)).toEqual(['第二代表小组', '第二代表小组', '镇人大主席团', '青山代表联络站']);
    const links = hooks('activity-link');
    expect(links[0].textContent).toBe('活动〔2026〕第1号');
    expect(links[0].getAttribute('href')).toContain('/activities/1');
    expect(hooks('activity-attendance').map((c) => c.textContent).slice(0, 2)).toEqual(['4/5请假 1', '2/5']);
    expect(hooks('activity-opinions-count').map((c) => c.textContent).slice(0, 2)).toEqual(['2 条，已转 1', '—']);
    expect(hooks('activity-kind').map((c) => c.textContent)).toEqual(['接待选民', '学习培训', '视察', '联络站值班']);
    expect(hooks('activity-checks-tag')).toHaveLength(1);
    expect(hooks('activity-row')[1].querySelector('[data-test="activity-checks-tag"]')).not.toBeNull();
  });

  it('filters by who organised it through the URL', async () => {
    const { router } = await mountAt('/activities?organiser=presidium', '/activities', ActivitiesView);
    await settle();
    expect(callsOf(invoke, 'activities_list')[0]).toEqual({ query: { page: 1, page_size: 20, organiser: 'presidium' } });
    expect(hook('activities-organiser')?.textContent).toContain('主席团');
    document.querySelector<HTMLElement>('.popper-activities-organiser [data-test="option-station"]')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/activities?organiser=station');
    expect(callsOf(invoke, 'activities_list').at(-1)).toEqual({ query: { page: 1, page_size: 20, organiser: 'station' } });
  });

  it('puts a filter into the URL and reloads', async () => {
    const { router } = await mountAt('/activities', '/activities', ActivitiesView);
    await settle();
    hook('activities-include-voided')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/activities?include_voided=1');
    expect(callsOf(invoke, 'activities_list').at(-1)).toEqual({ query: { page: 1, page_size: 20, include_voided: true } });
  });
});
