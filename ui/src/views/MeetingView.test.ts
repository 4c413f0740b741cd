// 主席团会议 list and page against a fake core: quarters without a meeting above the list, the
// columns, the checks; on the page the attendance, each item's votes and result, voiding.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDetail, PresidiumMeeting } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import MeetingView from './MeetingView.vue';
import MeetingsView from './MeetingsView.vue';

const meeting = (id: number, over: Partial<PresidiumMeeting> = {}): PresidiumMeeting => ({
  id, number: `第二十届主席团第${['一', '二', '三'][id - 1] ?? id}次会议`, term_id: 1, seq: id, date: '2026-03-10', start_time: '09:30',
  place: '镇政府会议室', presider: { id: 4, name: '张三' }, recorder: '刘秘书', attendees: '镇长 王某',
  members: [
    { deputy_id: 4, name: '张三', post: 'chair', present: true, absence_reason: '' },
    { deputy_id: 5, name: '李四', post: 'vice_chair', present: false, absence_reason: '外出学习' },
    { deputy_id: 6, name: '王五', post: 'member', present: true, absence_reason: '' },
  ],
  expected: 3, present: 2,
  agenda: [
    { seq: 1, title: '审议年度工作要点', discussion: '逐条讨论', decision: '原则通过', votes_for: 2, votes_against: 0, votes_abstain: 0, passed: true },
    { seq: 2, title: '确定重点督办建议', discussion: '', decision: '暂缓', votes_for: 1, votes_against: 1, votes_abstain: 0, passed: false },
    { seq: 3, title: '通报信访情况', discussion: '', decision: '', votes_for: null, votes_against: null, votes_abstain: null, passed: null },
  ],
  checks: ['议题2“确定重点督办建议”赞成 1 票，未达到全体成员 3 人的过半数，决定未获通过（以全体成员的过半数通过）'],
  notes: '', voided: false, void_reason: null, ...over,
});

let current: MeetingDetail;

beforeEach(() => {
  document.body.innerHTML = '';
  current = { meeting: meeting(2), history: [] };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    meetings_list: () => ({
      items: [meeting(2), meeting(1, { checks: [], agenda: [meeting(1).agenda[0]], voided: true, void_reason: '重复' })],
      total: 2, page: 1, page_size: 20,
    }),
    meeting_gaps: () => [{ year: 2025, quarter: 4, label: '2025年第四季度' }, { year: 2026, quarter: 1, label: '2026年第一季度' }],
    meeting_get: () => current,
    meeting_void: ({ reason }) => {
      current = { ...current, meeting: { ...current.meeting, voided: true, void_reason: reason } };
      return current.meeting;
    },
    attachments_list: () => [],
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const all = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

describe('MeetingsView', () => {
  it('lists the meetings under the quarters without one', async () => {
    await mountAt('/meetings?year=2026', '/meetings', MeetingsView);
    await settle();
    expect(callsOf(invoke, 'meetings_list')[0]).toEqual({ query: { year: 2026, page: 1, page_size: 20 } });
    expect(callsOf(invoke, 'meeting_gaps')[0]).toEqual({ termId: null });
    expect(hook('meeting-gaps')?.textContent).toContain('以下季度没有召开主席团会议：2025年第四季度、2026年第一季度');
    const rows = all('meeting-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['2', '1']);
    expect(rows[0].querySelector('[data-test="meeting-link"]')?.textContent).toBe('第二十届主席团第二次会议');
    expect(rows[0].querySelector('[data-test="meeting-attendance"]')?.textContent).toBe('2/3');
    expect(rows[0].querySelector('[data-test="meeting-agenda"]')?.textContent).toContain('审议年度工作要点、确定重点督办建议');
    expect(rows[0].querySelector('[data-test="meeting-checks-tag"]')?.getAttribute('data-count')).toBe('1');
    expect(rows[1].querySelector('[data-test="meeting-checks-tag"]')).toBeNull();
    expect(rows[1].classList.contains('voided')).toBe(true);
  });

  it('shows no gap warning when every quarter had its meeting', async () => {
    invoke.mockImplementation(fakeCore({
      meetings_list: () => ({ items: [], total: 0, page: 1, page_size: 20 }),
      meeting_gaps: () => [],
    }));
    const { router } = await mountAt('/meetings', '/meetings', MeetingsView);
    await settle();
    expect(hook('meeting-gaps')).toBeNull();
    hook('meeting-new')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/meetings/new');
  });
});

describe('MeetingView', () => {
  it('shows the meeting, its checks, attendance and the result of each item', async () => {
    await mountAt('/meetings/2', '/meetings/:id(\\d+)', MeetingView);
    await settle();
    expect(hook('meeting-title')?.textContent).toBe('第二十届主席团第二次会议');
    expect(hook('meeting-fields')?.textContent).toContain('2026年3月10日 09:30');
    expect(hook('meeting-presider')?.textContent).toBe('张三');
    expect(hook('meeting-checks')?.textContent).toContain('决定未获通过');
    const members = all('meeting-member-row');
    expect(members.map((r) => r.dataset.id)).toEqual(['4', '5', '6']);
    expect(members[1].textContent).toContain('缺席：外出学习');
    expect(members[0].textContent).toContain('出席');
    const items = all('meeting-agenda-item');
    expect(items.map((i) => i.querySelector('[data-test="meeting-agenda-passed"]')?.getAttribute('data-value'))).toEqual(['true', 'false', 'none']);
    expect(items.map((i) => i.querySelector('[data-test="meeting-agenda-passed"]')?.textContent?.trim())).toEqual(['通过', '未通过', '未表决']);
    expect(items[1].querySelector('[data-test="meeting-agenda-votes"]')?.textContent).toBe('赞成 1 票，反对 1 票，弃权 0 票');
    expect(items[2].querySelector('[data-test="meeting-agenda-votes"]')).toBeNull();
    expect(callsOf(invoke, 'attachments_list')[0]).toEqual({ entity: 'presidium_meeting', entityId: 2, includeVoided: false });
    expect(hook('attachment-add')).not.toBeNull();
  });

  it('voids with a reason, then shows the banner and locks the entry', async () => {
    await mountAt('/meetings/2', '/meetings/:id(\\d+)', MeetingView);
    await settle();
    hook('meeting-void')!.click();
    await settle();
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    input.value = '日期登记错误';
    input.dispatchEvent(new Event('input'));
    await settle(50);
    document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'meeting_void')[0]).toEqual({ id: 2, reason: '日期登记错误' });
    expect(hook('meeting-voided')?.textContent).toContain('日期登记错误');
    expect(hook('meeting-title')?.classList.contains('voided')).toBe(true);
    expect((hook('meeting-edit') as HTMLButtonElement).disabled).toBe(true);
    expect((hook('meeting-void') as HTMLButtonElement).disabled).toBe(true);
    expect(hook('attachment-add')).toBeNull();
  });
});
