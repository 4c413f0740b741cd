// 登记主席团会议 against a fake core: the draft for the date fills the number and the members
// expected, an absence needs its reason, votes go as null unless a vote was taken, the majority hint
// counts ALL members, and a core validation error on the agenda shows above the agenda section.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeetingDraft, MeetingInput, PresidiumMeeting } from '../api/types';
import { callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { todayIso } from '../lib/format';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import MeetingFormView from './MeetingFormView.vue';

const RULES = {
  quorum: 'half', quorum_basis: '乡镇人大主席团会议须有过半数成员出席',
  decision: 'half', decision_basis: '以全体成员的过半数通过',
  quarterly: true, quarterly_basis: '每季度至少召开一次',
} as const;

const member = (deputy_id: number, name: string, post: 'chair' | 'vice_chair' | 'member') =>
  ({ deputy_id, name, post, present: true, absence_reason: '' });

const draftFor = (date: string): MeetingDraft => (date < '2026-01-01'
  ? { number: '第二十届主席团第二次会议', members: [member(4, '张三', 'chair'), member(7, '赵六', 'member')], presider_id: 4, rules: { ...RULES } }
  : {
    number: '第二十届主席团第五次会议',
    members: [member(4, '张三', 'chair'), member(5, '李四', 'vice_chair'), member(6, '王五', 'member')],
    presider_id: 4,
    rules: { ...RULES },
  });

const stored = (over: Partial<PresidiumMeeting> = {}): PresidiumMeeting => ({
  id: 12, number: '第二十届主席团第四次会议', term_id: 1, seq: 4, date: '2026-03-10', start_time: '09:30', place: '镇政府会议室',
  presider: { id: 5, name: '李四' }, recorder: '刘秘书', attendees: '镇长 王某',
  members: [
    { deputy_id: 4, name: '张三', post: 'chair', present: false, absence_reason: '外出学习' },
    { deputy_id: 5, name: '李四', post: 'vice_chair', present: true, absence_reason: '' },
    { deputy_id: 6, name: '王五', post: 'member', present: true, absence_reason: '' },
  ],
  expected: 3, present: 2,
  agenda: [{ seq: 1, title: '审议年度工作要点', discussion: '大家讨论', decision: '原则通过', votes_for: 2, votes_against: 0, votes_abstain: 0, passed: true }],
  checks: [], notes: '', voided: false, void_reason: null, ...over,
});

const INVALID = { code: 'validation', field: 'agenda', message: '议题1的票数合计 4 票，超过了出席的 3 人' };

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    meeting_draft: ({ date }) => draftFor(date),
    meeting_get: ({ id }) => ({ meeting: stored({ id }), history: [] }),
    meeting_create: ({ input }) => stored({ id: 42, number: '第二十届主席团第五次会议', date: input.date }),
    meeting_update: ({ id }) => stored({ id }),
  }));
});

const extra = [
  { path: '/meetings/:id(\\d+)', component: { render: () => null } },
  { path: '/meetings', component: { render: () => null } },
];

async function mountForm(path: string) {
  const pattern = path.endsWith('/edit') ? '/meetings/:id(\\d+)/edit' : '/meetings/new';
  const { router, view, wrapper } = await mountAt(path, pattern, MeetingFormView, extra);
  await settle();
  const vm = view.vm as unknown as { model: { date: string | null; agenda: { votes_for: number | null; votes_against: number | null; votes_abstain: number | null }[] } };
  return { router, vm, wrapper };
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const memberRows = () => [...document.querySelectorAll<HTMLElement>('[data-test="member-row"]')];

function type(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

function tick(id: string) {
  hook(id)!.querySelector('input')!.click();
}

const created = () => callsOf(invoke, 'meeting_create') as { input: MeetingInput }[];

describe('MeetingFormView', () => {
  it('fills the number, the members and the presider from the draft for the date', async () => {
    const { vm } = await mountForm('/meetings/new');
    expect(callsOf(invoke, 'meeting_draft')).toEqual([{ date: todayIso() }]);
    expect(hook('meeting-number-preview')?.textContent).toContain('将登记为：第二十届主席团第五次会议');
    expect(memberRows().map((r) => r.dataset.id)).toEqual(['4', '5', '6']);
    expect(memberRows()[1].textContent).toContain('李四');
    expect(memberRows()[1].textContent).toContain('副主席');
    expect(memberRows()[2].textContent).toContain('主席团成员');
    expect(hook('meeting-attendance-summary')?.textContent).toBe('应到 3 人，实到 3 人');
    expect(hook('field-presider_id')?.textContent).toContain('张三');
    expect(hook('absent-reason-5')).toBeNull();

    // another date: another draft, another list of members
    vm.model.date = '2025-12-20';
    await settle();
    expect(callsOf(invoke, 'meeting_draft').at(-1)).toEqual({ date: '2025-12-20' });
    expect(hook('meeting-number-preview')?.textContent).toContain('第二十届主席团第二次会议');
    expect(memberRows().map((r) => r.dataset.id)).toEqual(['4', '7']);
    expect(hook('meeting-attendance-summary')?.textContent).toBe('应到 2 人，实到 2 人');
  });

  it('keeps a half-filled meeting when the clerk leaves, its date\'s members read again when it comes back', async () => {
    const first = await mountForm('/meetings/new');
    first.vm.model.date = '2025-12-20';
    await settle();
    tick('absent-7');
    await settle();
    type('absent-reason-7', '外出学习');
    type('agenda-title-0', '审议年度工作要点');
    await settle();
    first.wrapper.unmount();

    invoke.mockClear();
    const again = await mountForm('/meetings/new');
    expect(hook('draft-restored')).not.toBeNull();
    expect(again.vm.model.date).toBe('2025-12-20');
    expect(callsOf(invoke, 'meeting_draft').at(-1)).toEqual({ date: '2025-12-20' });
    expect(memberRows().map((r) => r.dataset.id)).toEqual(['4', '7']);
    expect((hook('absent-reason-7') as HTMLInputElement).value).toBe('外出学习');
    expect((hook('agenda-title-0') as HTMLInputElement).value).toBe('审议年度工作要点');
    expect(hook('meeting-attendance-summary')?.textContent).toBe('应到 2 人，实到 1 人');

    hook('draft-discard')!.click();
    await settle();
    expect(again.vm.model.date).toBe(todayIso());
    expect(memberRows().map((r) => r.dataset.id)).toEqual(['4', '5', '6']);
    expect(hook('draft-restored')).toBeNull();
  });

  it('asks the reason of an absence before saving, then sends it', async () => {
    const { router } = await mountForm('/meetings/new');
    type('agenda-title-0', '研究重点督办建议');
    tick('absent-5');
    await settle();
    expect(hook('absent-reason-5')).not.toBeNull();
    expect(hook('meeting-attendance-summary')?.textContent).toBe('应到 3 人，实到 2 人');
    expect(memberRows()[1].dataset.absent).toBe('true');

    hook('meeting-save')!.click();
    await settle();
    expect(created()).toHaveLength(0);
    const item = formItemOf('absent-reason-5');
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('请填写缺席原因');
    expect(hook('absent-error')?.textContent).toContain('李四');
    expect(formItemOf('agenda-title-0').classList.contains('is-error')).toBe(false);

    type('absent-reason-5', ' 因公请假 ');
    hook('meeting-save')!.click();
    await settle();
    expect(created()).toHaveLength(1);
    expect(created()[0].input.absent).toEqual([{ deputy_id: 5, reason: '因公请假' }]);
    expect(created()[0].input.presider_id).toBe(4);
    expect(router.currentRoute.value.path).toBe('/meetings/42');
  });

  it('drops the absence messages once the reason is written, and reads the time as written', async () => {
    await mountForm('/meetings/new');
    type('agenda-title-0', '研究重点督办建议');
    tick('absent-5');
    await settle();
    hook('meeting-save')!.click();
    await settle();
    expect(formItemOf('absent-reason-5').querySelector('.el-form-item__error')?.textContent).toContain('请填写缺席原因');
    expect(hook('absent-error')).not.toBeNull();
    type('absent-reason-5', '因公请假');
    await settle();
    expect(formItemOf('absent-reason-5').classList.contains('is-error')).toBe(false);
    expect(hook('absent-error')).toBeNull();

    const time = hook('field-start_time') as HTMLInputElement;
    type('field-start_time', '下午3点半');
    time.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(time.value).toBe('15:30');
    expect(hook('field-start_time-hint')?.textContent).toBe('已识别为 15:30');
    hook('meeting-save')!.click();
    await settle();
    expect(created()[0].input.start_time).toBe('15:30');
  });

  it('a presider ticked absent gives way to the chair, or to nobody when the chair is absent too', async () => {
    const { vm } = await mountForm('/meetings/new');
    (vm.model as unknown as { presider_id: number | null }).presider_id = 5;
    await settle();
    expect(hook('field-presider_id')?.textContent).toContain('李四');
    tick('absent-5');
    await settle();
    expect(hook('field-presider_id')?.textContent).toContain('张三');
    tick('absent-4');
    await settle();
    expect((vm.model as unknown as { presider_id: number | null }).presider_id).toBeNull();
    expect(hook('field-presider_id')?.textContent).not.toContain('张三');
  });

  it('sends the votes as null unless a vote was taken, and hints a decision short of half of all members', async () => {
    const { vm } = await mountForm('/meetings/new');
    type('agenda-title-0', '审议年度工作要点');
    expect(hook('agenda-for-0')).toBeNull();
    tick('agenda-voted-0');
    await settle();
    expect(hook('agenda-for-0')).not.toBeNull();
    expect(hook('agenda-against-0')).not.toBeNull();
    expect(hook('agenda-abstain-0')).not.toBeNull();

    // 1 of 3 members: not more than half of ALL members
    Object.assign(vm.model.agenda[0], { votes_for: 1, votes_against: 1, votes_abstain: 1 });
    await settle();
    expect(hook('agenda-hint-0')?.textContent).toContain('赞成票未过全体成员半数，按规定决定未获通过');
    // with one member absent, 2 of the 2 present are still counted against all 3: 2*2 > 3 passes
    Object.assign(vm.model.agenda[0], { votes_for: 2, votes_against: 0, votes_abstain: 0 });
    await settle();
    expect(hook('agenda-hint-0')).toBeNull();

    // unticked: the counts stay in the form but none is sent
    tick('agenda-voted-0');
    await settle();
    expect(hook('agenda-for-0')).toBeNull();
    expect(hook('agenda-hint-0')).toBeNull();
    hook('agenda-add')!.click();
    await settle();
    type('agenda-title-1', '其他事项');
    tick('agenda-voted-1');
    await settle();
    Object.assign(vm.model.agenda[1], { votes_for: 3, votes_against: 0, votes_abstain: 0 });
    hook('meeting-save')!.click();
    await settle();
    expect(created()).toHaveLength(1);
    expect(created()[0].input.agenda).toEqual([
      { title: '审议年度工作要点', discussion: '', decision: '', votes_for: null, votes_against: null, votes_abstain: null },
      { title: '其他事项', discussion: '', decision: '', votes_for: 3, votes_against: 0, votes_abstain: 0 },
    ]);
  });

  it('wants all three counts of a vote, and a title for each item', async () => {
    const { vm } = await mountForm('/meetings/new');
    tick('agenda-voted-0');
    await settle();
    vm.model.agenda[0].votes_for = 2;
    await settle();
    hook('meeting-save')!.click();
    await settle();
    expect(created()).toHaveLength(0);
    expect(formItemOf('agenda-title-0').querySelector('.el-form-item__error')?.textContent).toContain('请填写议题名称');
    expect(formItemOf('agenda-for-0').querySelector('.el-form-item__error')?.textContent).toContain('三项请都填写');
  });

  it('warns when the members present do not reach the quorum', async () => {
    await mountForm('/meetings/new');
    tick('absent-5');
    await settle();
    expect(hook('meeting-quorum-hint')).toBeNull(); // 2 of 3 is more than half
    tick('absent-6');
    await settle();
    expect(hook('meeting-quorum-hint')?.textContent).toContain('实到 1 人，未达到全体成员 3 人的过半数');
  });

  it('shows a core validation error on the agenda above the agenda section and stays', async () => {
    const { router } = await mountForm('/meetings/new');
    type('agenda-title-0', '研究事项');
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'meeting_create') throw new Error(cmd);
      throw INVALID;
    });
    hook('meeting-save')!.click();
    await settle();
    const alert = hook('agenda-error');
    expect(alert?.textContent).toContain('议题1的票数合计 4 票，超过了出席的 3 人');
    expect(alert?.closest('[data-test="meeting-agenda"]')).not.toBeNull();
    expect(hook('absent-error')).toBeNull();
    expect(router.currentRoute.value.path).toBe('/meetings/new');
  });

  it('edits a stored meeting: its absences kept, saved with meeting_update', async () => {
    const { router } = await mountForm('/meetings/12/edit');
    expect(callsOf(invoke, 'meeting_get')[0]).toEqual({ id: 12 });
    expect(callsOf(invoke, 'meeting_draft')).toEqual([{ date: '2026-03-10' }]);
    expect(hook('meeting-form-title')?.textContent).toContain('修改会议记录：第二十届主席团第四次会议');
    expect(hook('meeting-number-preview')?.textContent).toContain('第二十届主席团第四次会议');
    expect(hook('meeting-number-preview')?.textContent).not.toContain('将登记为');
    expect((hook('absent-reason-4') as HTMLInputElement).value).toBe('外出学习');
    expect(hook('field-presider_id')?.textContent).toContain('李四');
    expect(hook('agenda-for-0')).not.toBeNull();
    hook('meeting-save')!.click();
    await settle();
    expect(created()).toHaveLength(0);
    const [call] = callsOf(invoke, 'meeting_update') as { id: number; input: MeetingInput }[];
    expect(call.id).toBe(12);
    expect(call.input).toMatchObject({
      date: '2026-03-10', start_time: '09:30', presider_id: 5, absent: [{ deputy_id: 4, reason: '外出学习' }],
      agenda: [{ title: '审议年度工作要点', votes_for: 2, votes_against: 0, votes_abstain: 0 }],
    });
    expect(router.currentRoute.value.path).toBe('/meetings/12');
  });
});
