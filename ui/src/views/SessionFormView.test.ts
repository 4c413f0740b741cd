// 登记人代会 against a fake core: the draft for the 开幕日期 gives the number and every deputy as
// present; 标记请假/缺席 finds a deputy by pinyin initials among those expected, marks 请假 (the
// focus goes to the reason) or 缺席; the count line follows; only the exceptions are sent, with the
// agenda's votes and the elections; a 请假 without a reason is caught before the core; the core's
// refusals show above their section or under their field; editing rebuilds the exceptions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { CongressSession, Deputy, SessionDraft, SessionInput, SessionMember } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { todayIso } from '../lib/format';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import SessionFormView from './SessionFormView.vue';

const RULES = {
  quorum: 'two_thirds', quorum_basis: '三分之二以上的代表出席', majority: 'half', majority_basis: '全体代表的过半数',
  per_year: 2, per_year_basis: '一般每年举行两次', notice: { unit: 'calendar_days', count: 7, basis: '' }, ballots_basis: '',
  absent_twice_basis: '',
} as const;

const member = (deputy_id: number, name: string): SessionMember => ({ deputy_id, name, attendance: 'present', reason: '', approved_by: '' });
const MEMBERS = [member(11, '张三'), member(12, '李四'), member(13, '王五'), member(14, '张山'), member(15, '赵六')];

const draftFor = (date: string): SessionDraft => (date < '2026-01-01'
  ? { number: '第二十届人民代表大会第二次会议', members: MEMBERS.slice(0, 3), rules: { ...RULES }, held_this_year: 1 }
  : { number: '第二十届人民代表大会第五次会议', members: MEMBERS, rules: { ...RULES }, held_this_year: 0 });

const dep = (id: number, name: string, initials: string, group = '第一小组') =>
  ({ id, name, initials, pinyin: '', group_name: group, voided: false }) as unknown as Deputy;
// 孙七 shares 李四's initials but is not expected (no longer in office): never offered
const DEPUTIES = [dep(11, '张三', 'zs'), dep(12, '李四', 'ls'), dep(13, '王五', 'ww'), dep(14, '张山', 'zs', '第二小组'),
  dep(15, '赵六', 'zl'), dep(16, '孙七', 'ls')];

const stored = (over: Partial<CongressSession> = {}): CongressSession => ({
  id: 4, number: '第二十届人民代表大会第四次会议', term_id: 2, seq: 4, kind: 'regular', first_day: '2026-03-10', last_day: '2026-03-11',
  place: '镇政府大会堂', notified_on: '2026-03-01', presiders: '张三', attendees: '', expected: 5, present: 3, excused: 1, absent: 1,
  members: [
    member(11, '张三'), { ...member(12, '李四'), attendance: 'excused', reason: '住院', approved_by: '张三' },
    { ...member(13, '王五'), attendance: 'absent' }, member(14, '张山'), member(15, '赵六'),
  ],
  items: [{ seq: 1, kind: 'work_report', title: '审议政府工作报告', outcome: '', outcome_kind: 'resolution', votes_for: 3, votes_against: 0, votes_abstain: 0, passed: true }],
  elections: [], checks: [], deputy_events: [], notes: '', voided: false, void_reason: null, ...over,
});

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts (state/drafts.ts)
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
    session_draft: ({ date }) => draftFor(date),
    session_get: ({ id }) => ({ session: stored({ id }), suggestions: 0, history: [] }),
    session_create: ({ input }) => stored({ id: 42, number: '第二十届人民代表大会第五次会议', first_day: input.first_day }),
    session_update: ({ id }) => stored({ id }),
    deputies_list: ({ query }) => {
      const items = DEPUTIES.filter((d) => d.initials.startsWith(query.search) || d.name.includes(query.search));
      return { items, total: items.length, page: 1, page_size: query.page_size };
    },
  }));
});

const extra = [
  { path: '/sessions/:id(\\d+)', component: { render: () => null } },
  { path: '/sessions', component: { render: () => null } },
];

async function mountForm(path = '/sessions/new') {
  const pattern = path.endsWith('/edit') ? '/sessions/:id(\\d+)/edit' : '/sessions/new';
  const { router, view, wrapper } = await mountAt(path, pattern, SessionFormView, extra);
  await settle();
  const vm = view.vm as unknown as { model: { first_day: string | null; items: { votes_for: number | null; votes_against: number | null; votes_abstain: number | null }[] } };
  return { router, vm, wrapper };
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const exceptionRows = () => hooks('exception-row').map((r) => [r.dataset.id, r.dataset.attendance]);

function type(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

function typeNumber(id: string, n: number) {
  const input = hook(id)!.querySelector('input')!;
  input.value = String(n);
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}

/** Types into 标记请假/缺席 and presses Enter, as the clerk does. */
async function markByKeys(text: string) {
  const input = hook('session-mark')!.querySelector('input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settle(400);
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  await settle();
}

const markOptions = () => [...document.querySelectorAll<HTMLElement>('.popper-session-mark .el-select-dropdown__item')]
  .map((o) => o.textContent?.trim());

const created = () => callsOf(invoke, 'session_create') as { input: SessionInput }[];

describe('SessionFormView', () => {
  it('shows the number the session will get and every deputy as present', async () => {
    const { vm } = await mountForm();
    expect(callsOf(invoke, 'session_draft')).toEqual([{ date: todayIso() }]);
    expect(hook('session-number-preview')?.textContent).toContain('将登记为：第二十届人民代表大会第五次会议');
    expect(hook('session-number-preview')?.dataset.number).toBe('第二十届人民代表大会第五次会议');
    expect(hooks('session-member').map((m) => [m.dataset.id, m.dataset.attendance])).toEqual([
      ['11', 'present'], ['12', 'present'], ['13', 'present'], ['14', 'present'], ['15', 'present'],
    ]);
    expect(hook('session-count')?.textContent).toBe('应到 5 人，出席 5 人，请假 0 人，缺席 0 人');
    expect(hook('session-exceptions')).toBeNull();
    // the focus starts in 开幕日期
    expect(document.activeElement).toBe(hook('field-first_day'));

    // another date: another draft, other deputies; held earlier that year said
    vm.model.first_day = '2025-12-20';
    await settle();
    expect(callsOf(invoke, 'session_draft').at(-1)).toEqual({ date: '2025-12-20' });
    expect(hook('session-number-preview')?.textContent).toContain('第二十届人民代表大会第二次会议');
    expect(hook('session-number-preview')?.textContent).toContain('本年已登记 1 次');
    expect(hooks('session-member').map((m) => m.dataset.id)).toEqual(['11', '12', '13']);
    expect(hook('session-count')?.dataset.expected).toBe('3');
  });

  it('marks 请假 and 缺席 by pinyin initials among the deputies expected, and counts live', async () => {
    await mountForm();
    // "ls": 李四 is offered, 孙七 (same initials, not expected) is not
    const input = hook('session-mark')!.querySelector('input')!;
    input.focus();
    input.value = 'ls';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    expect(callsOf(invoke, 'deputies_list').at(-1)).toEqual({ query: { term_id: 2, on: todayIso(), search: 'ls', page_size: 20 } });
    expect(markOptions()).toEqual(['李四']);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    await settle();
    expect(exceptionRows()).toEqual([['12', 'excused']]);
    // a 请假 wants its reason: the focus is there
    expect(document.activeElement).toBe(hook('exception-reason-12'));
    expect(hook('session-count')?.textContent).toBe('应到 5 人，出席 4 人，请假 1 人，缺席 0 人');
    type('exception-reason-12', '因病住院');
    // Enter in the reason goes back to the box for the next deputy
    hook('exception-reason-12')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(document.activeElement).toBe(hook('session-mark')!.querySelector('input'));

    // two with the same initials are told apart by their groups
    hook('session-mark-absent')!.querySelector('input')!.click();
    await settle();
    const box = hook('session-mark')!.querySelector('input')!;
    box.focus();
    box.value = 'zs';
    box.dispatchEvent(new Event('input'));
    await settle(400);
    expect(markOptions()).toEqual(['张三（第一小组）', '张山（第二小组）']);
    document.querySelectorAll<HTMLElement>('.popper-session-mark .el-select-dropdown__item')[1].click();
    await settle();
    expect(exceptionRows()).toEqual([['12', 'excused'], ['14', 'absent']]);
    expect(hook('exception-approved-14')).toBeNull(); // 缺席 has no approval
    expect(hook('session-count')?.textContent).toBe('应到 5 人，出席 3 人，请假 1 人，缺席 1 人');
    expect(hooks('session-member').find((m) => m.dataset.id === '14')?.dataset.attendance).toBe('absent');

    // one already marked is not offered again
    await markByKeys('ls');
    expect(exceptionRows()).toEqual([['12', 'excused'], ['14', 'absent']]);

    // a click on a name marks too (缺席 is the mode now); 移除 puts the deputy back among the present
    hooks('session-member').find((m) => m.dataset.id === '15')!.click();
    await settle();
    expect(exceptionRows()).toEqual([['12', 'excused'], ['14', 'absent'], ['15', 'absent']]);
    hook('exception-remove-15')!.click();
    await settle();
    expect(exceptionRows()).toEqual([['12', 'excused'], ['14', 'absent']]);
    expect(hook('session-count')?.dataset.present).toBe('3');
  });

  it('asks the reason of a leave before saving, then sends only the exceptions, the agenda and the election', async () => {
    const { router, vm } = await mountForm();
    await markByKeys('ls');
    hook('session-mark-absent')!.querySelector('input')!.click();
    await settle();
    await markByKeys('ww');
    expect(exceptionRows()).toEqual([['12', 'excused'], ['13', 'absent']]);

    hook('items-add')!.click();
    await settle();
    type('item-title-0', '审查和批准财政预算');
    hook('item-voted-0')!.querySelector('input')!.click();
    await settle();
    typeNumber('item-for-0', 3);
    typeNumber('item-against-0', 0);
    typeNumber('item-abstain-0', 0);

    hook('election-add')!.click();
    await settle();
    document.querySelector<HTMLElement>('[data-test="election-competitive-0-true"] input')!.click();
    hook('election-by_election-0')!.querySelector('input')!.click();
    typeNumber('election-issued-0', 3);
    typeNumber('election-returned-0', 3);
    typeNumber('election-valid-0', 3);
    typeNumber('election-invalid-0', 0);
    type('candidate-name-0-0', '张三');
    typeNumber('candidate-votes-0-0', 2);
    hook('candidate-add-0')!.click();
    await settle();
    type('candidate-name-0-1', '外乡人');
    typeNumber('candidate-votes-0-1', 1);
    await settle();

    // the post is missing and the leave has no reason: nothing goes to the core
    hook('session-save')!.click();
    await settle();
    expect(created()).toHaveLength(0);
    expect(hook('attendance-error')?.textContent).toContain('请填写李四的请假原因');
    expect(formItemOf('exception-reason-12').textContent).toContain('请填写请假原因');
    expect(hook('election-error-0')?.textContent).toContain('请选择选举的职务');

    type('exception-reason-12', '因病住院');
    type('exception-approved-12', '张三');
    hook('election-post-0')!.click();
    await settle();
    document.querySelector<HTMLElement>('.popper-election-post-0 [data-test="option-head"]')!.click();
    await settle();
    expect(hook('attendance-error')).toBeNull();
    expect(hook('election-error-0')).toBeNull();

    // Ctrl+Enter saves
    hook('field-place')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    expect(created()).toHaveLength(1);
    expect(created()[0].input).toEqual({
      kind: 'regular', first_day: todayIso(), last_day: '', place: '', notified_on: null, presiders: '', attendees: '',
      attendance: [
        { deputy_id: 12, attendance: 'excused', reason: '因病住院', approved_by: '张三' },
        { deputy_id: 13, attendance: 'absent', reason: '', approved_by: '' },
      ],
      items: [{ kind: 'other', title: '审查和批准财政预算', outcome: '', outcome_kind: null, votes_for: 3, votes_against: 0, votes_abstain: 0 }],
      elections: [{
        post: 'head', by_election: true, competitive: true, places: 1, ballots_issued: 3, ballots_returned: 3, ballots_valid: 3,
        ballots_invalid: 0, candidates: [{ name: '张三', deputy_id: null, votes: 2 }, { name: '外乡人', deputy_id: null, votes: 1 }],
      }],
      notes: '',
    });
    expect(router.currentRoute.value.path).toBe('/sessions/42');
    expect(vm.model.items).toHaveLength(1);
  });

  it('adds the usual agenda of a regular session on request', async () => {
    await mountForm();
    expect(hook('items-standard')?.textContent).toContain('添加常规议程（5 项）');
    hook('items-standard')!.click();
    await settle();
    expect(hooks('item-row')).toHaveLength(5);
    expect((hook('item-title-0') as HTMLInputElement).value).toBe('听取和审议人民政府工作报告');
    expect(hook('items-standard')).toBeNull(); // all there
    // an extraordinary session has no usual agenda
    hook('item-remove-0')!.click();
    await settle();
    expect(hook('items-standard')?.textContent).toContain('1 项');
    hook('field-kind-extraordinary')!.querySelector('input')!.click();
    await settle();
    expect(hook('items-standard')).toBeNull();
  });

  it('shows the core\'s refusals above their section or under their field', async () => {
    await mountForm();
    invoke.mockImplementationOnce(async () => {
      throw { code: 'validation', field: 'elections', message: '第1项选举：发出选票 70 张，多于出席的 5 人' };
    });
    hook('session-save')!.click();
    await settle();
    expect(hook('elections-error')?.textContent).toContain('发出选票 70 张，多于出席的 5 人');

    invoke.mockImplementationOnce(async () => {
      throw { code: 'validation', field: 'first_day', message: '会期与已登记的第二十届人民代表大会第四次会议重叠，请核对日期' };
    });
    hook('session-save')!.click();
    await settle();
    expect(hook('elections-error')).toBeNull();
    expect(formItemOf('field-first_day').textContent).toContain('会期与已登记的第二十届人民代表大会第四次会议重叠');

    invoke.mockImplementationOnce(async () => {
      throw { code: 'validation', field: 'attendance', message: '孙七在开幕当日不是在任代表，不能登记出席情况' };
    });
    hook('session-save')!.click();
    await settle();
    expect(hook('attendance-error')?.textContent).toContain('孙七在开幕当日不是在任代表');
  });

  it('keeps a half-filled session when the clerk leaves, its deputies read again when it comes back', async () => {
    const first = await mountForm();
    first.vm.model.first_day = '2025-12-20';
    await settle();
    await markByKeys('ww');
    type('exception-reason-13', '外出学习');
    type('field-place', '镇政府大会堂');
    await settle();
    first.wrapper.unmount();

    invoke.mockClear();
    const again = await mountForm();
    expect(hook('draft-restored')).not.toBeNull();
    expect(again.vm.model.first_day).toBe('2025-12-20');
    expect(callsOf(invoke, 'session_draft').at(-1)).toEqual({ date: '2025-12-20' });
    expect(exceptionRows()).toEqual([['13', 'excused']]);
    expect((hook('exception-reason-13') as HTMLInputElement).value).toBe('外出学习');
    expect(hook('session-count')?.textContent).toBe('应到 3 人，出席 2 人，请假 1 人，缺席 0 人');

    hook('draft-discard')!.click();
    await settle();
    expect(again.vm.model.first_day).toBe(todayIso());
    expect(hook('session-exceptions')).toBeNull();
    expect(hooks('session-member')).toHaveLength(5);
  });

  it('edits a session: its exceptions rebuilt from the members, the number kept, saved by id', async () => {
    const { router } = await mountForm('/sessions/4/edit');
    expect(hook('session-form-title')?.textContent).toBe('修改人代会记录：第二十届人民代表大会第四次会议');
    expect(hook('session-number-preview')?.textContent).toContain('编号不随日期改变');
    expect(exceptionRows()).toEqual([['12', 'excused'], ['13', 'absent']]);
    expect((hook('exception-reason-12') as HTMLInputElement).value).toBe('住院');
    expect((hook('exception-approved-12') as HTMLInputElement).value).toBe('张三');
    expect(hook('session-count')?.textContent).toBe('应到 5 人，出席 3 人，请假 1 人，缺席 1 人');
    expect((hook('field-last_day') as HTMLInputElement).value).toBe('2026-03-11');
    expect(hook('item-voted-0')?.classList.contains('is-checked')).toBe(true);
    hook('exception-kind-13-excused')!.querySelector('input')!.click();
    await settle();
    type('exception-reason-13', '事后补假');
    await settle();
    hook('session-save')!.click();
    await settle();
    const calls = callsOf(invoke, 'session_update') as { id: number; input: SessionInput }[];
    expect(calls).toHaveLength(1);
    expect(calls[0].id).toBe(4);
    expect(calls[0].input.attendance).toEqual([
      { deputy_id: 12, attendance: 'excused', reason: '住院', approved_by: '张三' },
      { deputy_id: 13, attendance: 'excused', reason: '事后补假', approved_by: '' },
    ]);
    expect(calls[0].input.last_day).toBe('2026-03-11');
    expect(callsOf(invoke, 'session_create')).toHaveLength(0);
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/sessions/4');
  });
});
