// 登记小组活动 against a fake core: the members' checklist loads once group and date are set,
// 请假 / 缺席 marks go into excused / absent (a 请假 with its reason into leave_reasons), an opinion row is sent, the client checks, a core
// validation error shown under the field it names, and the edit form keeping stored marks, reasons and opinions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityInput, ActivityMember, GroupActivity } from '../api/types';
import { todayIso } from '../lib/format';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import ActivityFormView from './ActivityFormView.vue';

const c = (value: string, label: string) => ({ value, label });
const VOCABULARY = {
  ...VOCAB,
  activity_kinds: [c('study', '学习培训'), c('voter_reception', '接待选民'), c('other', '其他')],
  attendances: [c('present', '出席'), c('excused', '请假'), c('absent', '缺席')],
};

const GROUPS = [
  { id: 1, name: '第一代表小组', station_id: null, station_name: null, leader_id: null, leader_name: null,
    deputy_leader_id: null, deputy_leader_name: null, liaison_id: null, liaison_name: null, member_count: 3 },
  { id: 2, name: '第二代表小组', station_id: null, station_name: null, leader_id: 11, leader_name: '张三',
    deputy_leader_id: null, deputy_leader_name: null, liaison_id: null, liaison_name: null, member_count: 4 },
];

const m = (deputy_id: number, name: string, attendance: ActivityMember['attendance'] = 'present', reason = ''): ActivityMember =>
  ({ deputy_id, name, attendance, reason });
const MEMBERS = [m(11, '张三'), m(12, '李四'), m(13, '王五'), m(14, '赵六')];

const activity = (over: Partial<GroupActivity> = {}): GroupActivity => ({
  id: 77, number: '活动〔2026〕第3号', year: 2026, seq: 3, group_id: 2, group_name: '第二代表小组', kind: 'voter_reception',
  date: '2026-03-20', place: '青山代表联络站', notice_date: '2026-03-16', theme: '接待选民日',
  members: [m(11, '张三'), m(12, '李四', 'excused', '外出务工'), m(13, '王五', 'absent'), m(15, '孙七', 'excused', '生病住院')],
  expected: 4, present: 1, excused: 2, absent: 1, higher_deputies: '', record: '', results: '', reported_on: null,
  opinions: [
    { id: 31, seq: 1, source: '青山村村民', content: '村道破损', suggestion: null, petition: null },
    { id: 32, seq: 2, source: '', content: '饮水不足', suggestion: { id: 9, number: '20-3-B002' }, petition: null },
  ],
  checks: [], notes: '', voided: false, void_reason: null, ...over,
});

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCABULARY,
    groups_list: () => GROUPS,
    activity_members: () => MEMBERS.map((x) => ({ ...x })),
    activity_get: () => ({ activity: activity(), history: [] }),
    activity_create: ({ input }: { input: ActivityInput }) => activity({ ...input, id: 77 } as unknown as Partial<GroupActivity>),
    activity_update: ({ id }: { id: number }) => activity({ id }),
  }));
});

const extra = [
  { path: '/activities/:id(\\d+)', component: { render: () => null } },
  { path: '/activities', component: { render: () => null } },
];

async function mountForm(path = '/activities/new', pattern = '/activities/new') {
  const { router, view } = await mountAt(path, pattern, ActivityFormView, extra);
  await settle();
  const vm = view.vm as unknown as { model: Record<string, unknown> };
  return { router, vm };
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

function type(id: string, text: string) {
  const el = hook(id) as HTMLInputElement;
  el.value = text;
  el.dispatchEvent(new Event('input'));
}

/** Click an el-radio-button's label (its native radio is inside). */
function choose(id: string) {
  hook(id)!.querySelector('input')!.click();
}

describe('ActivityFormView', () => {
  it('has the hooks the end-to-end test drives', async () => {
    await mountForm();
    expect(hook('activity-form-title')?.textContent).toBe('登记小组活动');
    for (const f of ['group_id', 'kind']) expect(hook(`field-${f}`)?.classList.contains('el-select'), f).toBe(true);
    for (const f of ['date', 'notice_date', 'reported_on', 'place', 'theme', 'higher_deputies']) {
      expect(hook(`field-${f}`)?.tagName, f).toBe('INPUT');
    }
    for (const f of ['record', 'results', 'notes']) expect(hook(`field-${f}`)?.tagName, f).toBe('TEXTAREA');
    expect((hook('field-date') as HTMLInputElement).value).toBe(todayIso());
    expect(hook('activity-save')?.tagName).toBe('BUTTON');
    expect(hook('opinion-add')?.tagName).toBe('BUTTON');
    expect(hook('attendance-empty')?.textContent).toContain('选择代表小组和活动日期后');
    expect(callsOf(invoke, 'activity_members')).toHaveLength(0);
  });

  it('lists the members once group and date are set and sends 请假 / 缺席 and an opinion', async () => {
    const { router, vm } = await mountForm();
    vm.model.group_id = 2;
    await settle();
    expect(callsOf(invoke, 'activity_members')).toEqual([{ groupId: 2, date: todayIso() }]);
    expect(hooks('attendance-row').map((r) => r.dataset.id)).toEqual(['11', '12', '13', '14']);
    expect(hook('attendance-11-present')?.classList.contains('is-active')).toBe(true);
    expect(hook('attendance-summary')?.textContent).toContain('应到 4 人，出席 4 人，请假 0 人');

    choose('attendance-12-excused');
    choose('attendance-13-absent');
    await settle();
    expect(hook('attendance-12-excused')?.classList.contains('is-active')).toBe(true);
    expect(hook('attendance-12-present')?.classList.contains('is-active')).toBe(false);
    expect(hook('attendance-summary')?.textContent).toContain('应到 4 人，出席 2 人，请假 1 人，缺席 1 人');
    // a reason beside the excused member only
    expect(hook('leave-reason-13')).toBeNull();
    expect(hook('leave-reason-11')).toBeNull();
    expect((hook('leave-reason-12') as HTMLInputElement).placeholder).toBe('请假原因（可不填）');
    type('leave-reason-12', ' 外出务工 ');
    // one marked 请假 and back to 出席: the reason typed is not sent
    choose('attendance-14-excused');
    await settle();
    type('leave-reason-14', '出差');
    choose('attendance-14-present');
    await settle();
    expect(hook('leave-reason-14')).toBeNull();

    hook('opinion-add')!.click();
    await settle();
    type('opinion-source-0', '青山村村民');
    type('opinion-content-0', '村口路灯坏了三盏');
    expect(hook('opinion-remove-0')).not.toBeNull();

    Object.assign(vm.model, { kind: 'voter_reception', theme: '接待选民日', place: '青山代表联络站' });
    await settle();
    hook('activity-save')!.click();
    await settle();
    const sent = callsOf(invoke, 'activity_create')[0] as { input: ActivityInput };
    expect(sent.input).toMatchObject({
      group_id: 2, kind: 'voter_reception', date: todayIso(), theme: '接待选民日', place: '青山代表联络站',
      excused: [12], absent: [13], leave_reasons: [{ deputy_id: 12, reason: '外出务工' }], notice_date: null, reported_on: null,
      opinions: [{ id: null, source: '青山村村民', content: '村口路灯坏了三盏' }],
    });
    expect(router.currentRoute.value.path).toBe('/activities/77');
  });

  it('hints when the notice came fewer than three days ahead', async () => {
    const { vm } = await mountForm();
    vm.model.date = '2026-03-20';
    vm.model.notice_date = '2026-03-19';
    await settle();
    expect(hook('notice-hint')?.textContent).toContain('一般应提前三天通知代表');
    vm.model.notice_date = '2026-03-16';
    await settle();
    expect(hook('notice-hint')).toBeNull();
  });

  it('checks the form before calling the core', async () => {
    const { vm } = await mountForm();
    hook('opinion-add')!.click();
    await settle();
    hook('activity-save')!.click();
    await settle();
    expect(callsOf(invoke, 'activity_create')).toHaveLength(0);
    expect(formItemOf('field-group_id').textContent).toContain('请选择代表小组');
    expect(formItemOf('field-kind').textContent).toContain('请选择活动类型');
    expect(formItemOf('field-theme').textContent).toContain('请填写活动主题');
    expect(formItemOf('activity-opinions').textContent).toContain('请填写第1条意见的内容');
    hook('opinion-remove-0')!.click();
    await settle();
    expect(vm.model.opinions).toEqual([]);
  });

  it('shows a core validation error under the field it names and stays', async () => {
    const { router, vm } = await mountForm();
    Object.assign(vm.model, { group_id: 2, kind: 'study', theme: '学习代表法' });
    await settle();
    choose('attendance-14-absent');
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'activity_create') throw new Error(cmd);
      throw { code: 'validation', field: 'absent', message: '赵六不是该小组当日在任的代表' };
    });
    hook('activity-save')!.click();
    await settle();
    const item = formItemOf('activity-members');
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('赵六不是该小组当日在任的代表');
    expect(item.querySelector('.el-form-item__label')?.textContent).toContain('出席情况');
    expect(formItemOf('field-theme').classList.contains('is-error')).toBe(false);
    expect(router.currentRoute.value.path).toBe('/activities/new');
  });

  it('edits: keeps the stored marks of members still listed, stored opinions stay, turned ones are read-only', async () => {
    const { router } = await mountForm('/activities/77/edit', '/activities/:id(\\d+)/edit');
    expect(hook('activity-form-title')?.textContent).toContain('活动〔2026〕第3号');
    expect(callsOf(invoke, 'activity_members')).toEqual([{ groupId: 2, date: '2026-03-20' }]);
    // 孙七 (excused) is no longer in the group that day; 赵六 is, as present
    expect(hooks('attendance-row').map((r) => [r.dataset.id, r.dataset.value])).toEqual([
      ['11', 'present'], ['12', 'excused'], ['13', 'absent'], ['14', 'present'],
    ]);
    expect(hook('attendance-summary')?.textContent).toContain('应到 4 人，出席 2 人，请假 1 人，缺席 1 人');
    // the stored reason is loaded back beside the member
    expect((hook('leave-reason-12') as HTMLInputElement).value).toBe('外出务工');

    expect(hooks('opinion-row').map((r) => r.dataset.id)).toEqual(['31', '32']);
    expect(hook('opinion-remove-0')).toBeNull();
    expect(hook('opinion-remove-1')).toBeNull();
    expect((hook('opinion-content-0') as HTMLTextAreaElement).disabled).toBe(false);
    expect((hook('opinion-content-1') as HTMLTextAreaElement).disabled).toBe(true);
    expect(hook('opinion-turned')?.textContent).toContain('建议 20-3-B002');

    hook('activity-save')!.click();
    await settle();
    const sent = callsOf(invoke, 'activity_update')[0] as { id: number; input: ActivityInput };
    expect(sent.id).toBe(77);
    // sent back, else the core would drop it; 孙七's went with him
    expect(sent.input).toMatchObject({ excused: [12], absent: [13], leave_reasons: [{ deputy_id: 12, reason: '外出务工' }] });
    expect(sent.input.opinions).toEqual([
      { id: 31, source: '青山村村民', content: '村道破损' }, { id: 32, source: '', content: '饮水不足' },
    ]);
    expect(router.currentRoute.value.path).toBe('/activities/77');
  });

  it('shows the core\'s refusal of a leave reason under 出席情况', async () => {
    const { vm } = await mountForm();
    Object.assign(vm.model, { group_id: 2, kind: 'study', theme: '学习代表法' });
    await settle();
    choose('attendance-12-excused');
    await settle();
    type('leave-reason-12', '外出');
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'activity_create') throw new Error(cmd);
      throw { code: 'validation', field: 'leave_reasons', message: '李四没有登记为请假，不能填写请假原因' };
    });
    hook('activity-save')!.click();
    await settle();
    expect(formItemOf('activity-members').querySelector('.el-form-item__error')?.textContent)
      .toContain('李四没有登记为请假，不能填写请假原因');
  });
});
