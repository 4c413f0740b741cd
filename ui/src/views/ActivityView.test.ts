// 活动详情 against a fake core: the checks, the attendance tags (请假 with its reason), each opinion's 去向 (a link to the
// suggestion / petition it became, or 转为建议 / 转为信访 going to the form with ?opinion=), and a
// voided activity's buttons disabled. Who organised it and the voters received; 提出审议意见 after an
// inspection (and the other supervising kinds) only, going to the review opinion's form with ?activity=.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroupActivity } from '../api/types';
import { VOCAB, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn() }));

import ActivityView from './ActivityView.vue';

const activity = (over: Partial<GroupActivity> = {}): GroupActivity => ({
  id: 77, number: '活动〔2026〕第3号', year: 2026, seq: 3, organiser: 'group', group_id: 2, group_name: '第二代表小组',
  station_id: null, organiser_name: '第二代表小组', kind: 'voter_reception',
  date: '2026-03-20', place: '青山代表联络站', notice_date: '2026-03-19', theme: '接待选民日',
  members: [
    { deputy_id: 11, name: '张三', attendance: 'present', reason: '' },
    { deputy_id: 12, name: '李四', attendance: 'excused', reason: '外出务工' },
    { deputy_id: 13, name: '王五', attendance: 'absent', reason: '' },
  ],
  expected: 3, present: 1, excused: 1, absent: 1, higher_deputies: '', record: '接待选民 12 人次', results: '', reported_on: null,
  voters_received: 12,
  opinions: [
    { id: 31, seq: 1, source: '青山村村民', content: '村道破损', suggestion: null, petition: null },
    { id: 32, seq: 2, source: '', content: '饮水不足', suggestion: { id: 9, number: '20-3-B002' }, petition: null },
    { id: 33, seq: 3, source: '李大妈', content: '邻里纠纷', suggestion: null, petition: { id: 4, number: '信访〔2026〕第4号' } },
  ],
  checks: ['通知日期距活动只有 1 天，一般应提前 3 天通知代表', '出席 1 人，不到小组成员 3 人的半数'],
  notes: '', voided: false, void_reason: null, ...over,
});

let current = activity();

beforeEach(() => {
  document.body.innerHTML = '';
  current = activity();
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    activity_get: () => ({ activity: current, history: [] }),
    attachments_list: () => [],
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

async function mountPage() {
  const r = await mountAt('/activities/77', '/activities/:id(\\d+)', ActivityView);
  await settle();
  return r;
}

describe('ActivityView', () => {
  it('shows the entry, its checks and who came', async () => {
    await mountPage();
    expect(hook('activity-title')?.textContent).toBe('活动〔2026〕第3号');
    expect(hook('activity-kind')?.textContent).toContain('接待选民');
    expect(hook('activity-checks')?.textContent).toContain('一般应提前 3 天通知代表');
    expect(hook('activity-checks')?.textContent).toContain('不到小组成员 3 人的半数');
    expect(hook('activity-attendance')?.textContent).toBe('应到 3 人，出席 1 人，请假 1 人，缺席 1 人');
    expect(hooks('activity-member-row').map((r) => r.dataset.id)).toEqual(['11', '12', '13']);
    expect(hooks('activity-member-attendance').map((t) => t.textContent?.trim())).toEqual(['出席', '请假', '缺席']);
    // each excused member with the reason given
    expect(hook('activity-excused')?.textContent).toBe('李四（外出务工）');
    expect(hooks('activity-member-reason').map((t) => t.textContent)).toEqual(['外出务工']);
    expect(hooks('activity-member-row')[1].textContent).toContain('请假外出务工');
    expect(hook('activity-record')?.textContent).toContain('接待选民 12 人次');
    expect(hook('activity-reported_on')?.textContent).toBe('尚未报主席团');
    expect(hook('activity-organiser')?.textContent).toBe('第二代表小组');
    expect(hook('activity-voters_received')?.textContent).toBe('12');
    // a voter reception raises no review opinion
    expect(hook('activity-raise-review')).toBeNull();
  });

  it('names the presidium as organiser and raises a review opinion after its inspection', async () => {
    current = activity({
      organiser: 'presidium', group_id: null, group_name: '', organiser_name: '镇人大主席团', kind: 'inspection',
      voters_received: null, checks: [],
    });
    const { router } = await mountPage();
    expect(hook('activity-organiser')?.textContent).toBe('镇人大主席团');
    expect(hook('activity-voters_received')?.textContent).toBe('—');
    const button = hook('activity-raise-review') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('提出审议意见');
    button.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/rectifications/new?activity=77');
  });

  it('offers 提出审议意见 after each supervising kind, and not after the others', async () => {
    const shown: Record<string, boolean> = {};
    for (const kind of ['inspection', 'special_report', 'law_enforcement_check', 'survey', 'special_inquiry', 'study', 'station_duty'] as const) {
      document.body.innerHTML = '';
      current = activity({ kind });
      await mountPage();
      shown[kind] = hook('activity-raise-review') !== null;
    }
    expect(shown).toEqual({
      inspection: true, special_report: true, law_enforcement_check: true, survey: true, special_inquiry: true,
      study: false, station_duty: false,
    });
  });

  it('shows where each opinion went, and turns an open one into a suggestion or petition', async () => {
    const { router } = await mountPage();
    expect(hooks('activity-opinion-row').map((r) => r.dataset.id)).toEqual(['31', '32', '33']);
    const s = hooks('opinion-suggestion-link');
    expect(s).toHaveLength(1);
    expect(s[0].textContent).toBe('20-3-B002');
    expect(s[0].getAttribute('href')).toContain('/suggestions/9');
    expect(hooks('opinion-petition-link').map((a) => a.getAttribute('href'))).toEqual(['/petitions/4']);
    // only the open opinion has the buttons (one of each)
    expect(hooks('opinion-to-suggestion')).toHaveLength(1);
    expect(hooks('opinion-to-petition')).toHaveLength(1);

    hook('opinion-to-suggestion')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/suggestions/new?opinion=31&activity=77');
  });

  it('goes to the petition form for 转为信访', async () => {
    const { router } = await mountPage();
    hook('opinion-to-petition')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/petitions/new?opinion=31&activity=77');
  });

  it('disables editing, voiding and turning opinions once voided', async () => {
    current = activity({ voided: true, void_reason: '重复登记', checks: [], kind: 'inspection' });
    await mountPage();
    expect(hook('activity-voided')?.textContent).toContain('重复登记');
    expect(hook('activity-checks')).toBeNull();
    for (const id of ['activity-edit', 'activity-void', 'opinion-to-suggestion', 'opinion-to-petition', 'activity-raise-review']) {
      expect((hook(id) as HTMLButtonElement).disabled, id).toBe(true);
    }
  });

  it('names the excused members without a reason by name only, and none when nobody was excused', async () => {
    current = activity({
      members: [
        { deputy_id: 11, name: '张三', attendance: 'excused', reason: '' },
        { deputy_id: 12, name: '李四', attendance: 'excused', reason: '生病' },
      ],
    });
    await mountPage();
    expect(hook('activity-excused')?.textContent).toBe('张三、李四（生病）');
    current = activity({ members: [{ deputy_id: 11, name: '张三', attendance: 'present', reason: '' }] });
    document.body.innerHTML = '';
    await mountPage();
    expect(hook('activity-excused')).toBeNull();
  });
});
