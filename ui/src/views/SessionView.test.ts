// 人代会详情 against a fake core: the facts, 应到/出席/请假/缺席 with the excused (reason, approved by)
// and the absent named, the whole list on request, each item's votes and 通过 / 未通过 / 未表决, each
// election's ballots, candidates' votes and 当选 (or 选举无效), the core's checks, the suggestions
// registered during the session, voiding, and 打印记录簿 in the print panel (year or term).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CongressSession, PrintRequest, SessionDetail } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import SessionView from './SessionView.vue';

const member = (deputy_id: number, name: string, attendance: 'present' | 'excused' | 'absent' = 'present', reason = '', approved_by = '') =>
  ({ deputy_id, name, attendance, reason, approved_by });

const session = (over: Partial<CongressSession> = {}): CongressSession => ({
  id: 4, number: '第二十届人民代表大会第四次会议', term_id: 2, seq: 4, kind: 'regular',
  first_day: '2026-03-10', last_day: '2026-03-11', place: '镇政府大会堂', notified_on: '2026-03-01', presiders: '张三、李四',
  attendees: '镇党委、政府领导班子成员', expected: 5, present: 2, excused: 2, absent: 1,
  members: [
    member(11, '张三'), member(12, '李四', 'excused', '因病住院', '张三'), member(13, '王五', 'absent'),
    member(14, '张山', 'excused', '外出学习'), member(15, '赵六'),
  ],
  items: [
    { seq: 1, kind: 'work_report', title: '听取和审议人民政府工作报告', outcome: '关于政府工作报告的决议', outcome_kind: 'resolution',
      votes_for: 3, votes_against: 0, votes_abstain: 0, passed: true },
    { seq: 2, kind: 'budget', title: '审查财政预算', outcome: '', outcome_kind: 'resolution', votes_for: 2, votes_against: 0, votes_abstain: 0, passed: false },
    { seq: 3, kind: 'other', title: '通报信访情况', outcome: '', outcome_kind: null, votes_for: null, votes_against: null, votes_abstain: null, passed: null },
  ],
  elections: [
    {
      seq: 1, post: 'head', by_election: true, competitive: true, places: 1,
      ballots_issued: 2, ballots_returned: 2, ballots_valid: 2, ballots_invalid: 0, void: false,
      candidates: [
        { seq: 1, name: '张三', deputy_id: 11, votes: 2, elected: true },
        { seq: 2, name: '外乡人', deputy_id: null, votes: 0, elected: false },
      ],
    },
    {
      seq: 2, post: 'vice_chair', by_election: false, competitive: false, places: 1,
      ballots_issued: 2, ballots_returned: 3, ballots_valid: 3, ballots_invalid: 0, void: true,
      candidates: [{ seq: 1, name: '赵六', deputy_id: 15, votes: 3, elected: false }],
    },
  ],
  checks: ['议程2“审查财政预算”赞成 2 票，未过全体代表 5 人的半数，未获通过（《地方组织法》第二十五条）'],
  deputy_events: [], notes: '', voided: false, void_reason: null, ...over,
});

let current: SessionDetail;

beforeEach(() => {
  document.body.innerHTML = '';
  current = { session: session(), suggestions: 7, history: [] };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
    session_get: () => current,
    session_void: ({ reason }) => {
      current = { ...current, session: { ...current.session, voided: true, void_reason: reason } };
      return current.session;
    },
    print_preview: ({ page }) => ({ page, pages: 3, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const all = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

async function mountPage() {
  const r = await mountAt('/sessions/4', '/sessions/:id(\\d+)', SessionView);
  await settle();
  return r;
}

describe('SessionView', () => {
  it('shows the facts, the attendance with the excused and the absent named, and the suggestions', async () => {
    await mountPage();
    expect(callsOf(invoke, 'session_get')).toEqual([{ id: 4 }]);
    expect(hook('session-title')?.textContent).toBe('第二十届人民代表大会第四次会议');
    expect(hook('session-kind')?.textContent).toBe('例会');
    expect(hook('session-days')?.textContent).toBe('2026年3月10日至2026年3月11日');
    expect(hook('session-attendance-summary')?.textContent).toBe('应到 5 人，出席 2 人，请假 2 人，缺席 1 人');
    const excused = all('session-excused-person');
    expect(excused.map((p) => p.dataset.id)).toEqual(['12', '14']);
    expect(excused[0].textContent).toContain('李四（因病住院，张三批准）');
    expect(excused[1].textContent).toContain('张山（外出学习）');
    expect(excused[0].querySelector('a')?.getAttribute('href')).toContain('/deputies/12');
    expect(all('session-absent-person').map((p) => p.dataset.id)).toEqual(['13']);
    expect(hook('session-absent')?.textContent).toContain('王五（未经批准）');
    // the whole list on request
    expect(hook('session-members')).toBeNull();
    hook('session-members-toggle')!.click();
    await settle();
    expect(all('session-member-row').map((r) => r.dataset.id)).toEqual(['11', '12', '13', '14', '15']);
    expect(all('session-member-attendance').map((a) => a.dataset.value)).toEqual(['present', 'excused', 'absent', 'excused', 'present']);

    expect(hook('session-suggestions')?.textContent).toBe('会议期间登记的代表建议 7 件');
    const link = hook('session-suggestions-link')!;
    expect(link.getAttribute('href')).toContain('/suggestions?term_id=2&session_no=4');
    expect(link.textContent).toContain('第四次会议');
  });

  it('shows each item\'s result and each election\'s candidates, elected or void, and the checks', async () => {
    await mountPage();
    const items = all('session-item');
    expect(items.map((i) => i.dataset.seq)).toEqual(['1', '2', '3']);
    expect(all('session-item-passed').map((t) => [t.dataset.value, t.textContent?.trim()]))
      .toEqual([['true', '通过'], ['false', '未通过'], ['none', '未表决']]);
    expect(items[0].textContent).toContain('决议');
    expect(items[0].textContent).toContain('关于政府工作报告的决议');
    expect(items[0].querySelector('[data-test="session-item-votes"]')?.textContent).toBe('赞成 3 票，反对 0 票，弃权 0 票');
    expect(items[2].querySelector('[data-test="session-item-votes"]')).toBeNull();

    const elections = all('session-election');
    expect(elections.map((e) => [e.dataset.seq, e.dataset.void])).toEqual([['1', 'false'], ['2', 'true']]);
    expect(elections[0].querySelector('[data-test="session-election-title"]')?.textContent).toBe('选举乡镇长（差额，补选）');
    expect(elections[0].querySelector('[data-test="session-election-ballots"]')?.textContent).toBe('发出 2 张，收回 2 张，有效 2 张，无效 0 张');
    const candidates = [...elections[0].querySelectorAll<HTMLElement>('[data-test="session-candidate"]')];
    expect(candidates.map((c) => [c.textContent?.trim(), c.dataset.elected])).toEqual([['张三', 'true'], ['外乡人', 'false']]);
    expect(elections[0].querySelectorAll('[data-test="session-candidate-elected"]')).toHaveLength(1);
    expect(elections[0].textContent).toContain('当选');
    expect(elections[0].textContent).toContain('未当选');
    expect([...elections[0].querySelectorAll('[data-test="session-candidate-votes"]')].map((v) => v.textContent)).toEqual(['2', '0']);
    // a void count: nobody elected, said so
    expect(elections[1].querySelector('[data-test="session-election-void"]')?.textContent).toBe('选举无效');
    expect(elections[1].querySelector('[data-test="session-candidate-elected"]')).toBeNull();
    expect(elections[1].querySelector('[data-test="session-election-title"]')?.textContent).toBe('选举人民代表大会副主席（等额）');

    expect(all('session-check').map((c) => c.textContent)).toEqual([session().checks[0]]);
  });

  it('shows no warning when the core has no checks', async () => {
    current = { session: session({ checks: [] }), suggestions: 0, history: [] };
    await mountPage();
    expect(hook('session-checks')).toBeNull();
    expect(hook('session-suggestions')?.textContent).toBe('会议期间登记的代表建议 0 件');
  });

  it('lists the roster changes on the session\'s days with the acceptance vote', async () => {
    current = {
      session: session({
        deputy_events: [
          { event_id: 7, deputy: { id: 13, name: '王五' }, kind: 'resignation', date: '2026-03-10', votes_for: 16, votes_total: 29 },
        ],
      }),
      suggestions: 0, history: [],
    };
    await mountPage();
    const events = all('session-deputy-event');
    expect(events.map((e) => e.getAttribute('data-id'))).toEqual(['13']);
    // the kind in the roster's words when the vocabulary has it, the votes as counted at the session
    expect(events[0].textContent).toContain('王五');
    expect(events[0].textContent).toContain('赞成 16 票 / 参加表决 29 人');
  });

  it('shows no roster changes when the session had none', async () => {
    await mountPage();
    expect(hook('session-deputy-events')).toBeNull();
  });

  it('voids with a reason and shows it struck through', async () => {
    await mountPage();
    hook('session-void')!.click();
    await settle();
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = '重复登记';
    box.dispatchEvent(new Event('input'));
    await settle();
    document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'session_void')).toEqual([{ id: 4, reason: '重复登记' }]);
    expect(hook('session-voided')?.textContent).toContain('作废原因：重复登记');
    expect(hook('session-title')?.classList.contains('voided')).toBe(true);
    expect(hook('session-edit')!.hasAttribute('disabled')).toBe(true);
  });

  it('prints the sessions book of the session\'s year, or of its term, in the print panel', async () => {
    await mountPage();
    hook('session-print')!.click();
    await settle();
    const requests = () => (callsOf(invoke, 'print_preview') as { request: PrintRequest }[]).map((c) => c.request);
    expect(requests()[0]).toEqual({
      target: { kind: 'book', book: 'sessions', period: { by: 'year', year: 2026 } }, reveal_reason: null, volume: 1, archival: false,
    });
    expect(hook('session-print-dialog')?.textContent).toContain('人民代表大会会议记录簿');
    expect(hook('preview-page')).not.toBeNull();
    expect(hook('session-print-term')?.textContent?.trim()).toBe('第二十届');
    hook('session-print-term')!.querySelector('input')!.click();
    await settle();
    expect(requests().at(-1)?.target).toEqual({ kind: 'book', book: 'sessions', period: { by: 'term', number: 20 } });
  });
});
