// 登记小组活动 against a fake core: the members' checklist loads once group and date are set,
// 请假 / 缺席 marks go into excused / absent (a 请假 with its reason into leave_reasons), an opinion row is sent, the client checks, a core
// validation error shown under the field it names, and the edit form keeping stored marks, reasons and opinions.
// The presidium's activity: its own kinds only, the participants picked from any group (exactly they are
// listed for attendance), no group sent; a station's duty edited keeps its station and deputies; the
// input always says who organised it and the voters received; a draft keeps all of it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityInput, ActivityMember, Deputy, GroupActivity } from '../api/types';
import { todayIso } from '../lib/format';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import ActivityFormView from './ActivityFormView.vue';

const c = (value: string, label: string) => ({ value, label });
const VOCABULARY = {
  ...VOCAB,
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
  id: 77, number: '活动〔2026〕第3号', year: 2026, seq: 3, organiser: 'group', group_id: 2, group_name: '第二代表小组',
  station_id: null, organiser_name: '第二代表小组', kind: 'voter_reception',
  date: '2026-03-20', place: '青山代表联络站', notice_date: '2026-03-16', theme: '接待选民日',
  members: [m(11, '张三'), m(12, '李四', 'excused', '外出务工'), m(13, '王五', 'absent'), m(15, '孙七', 'excused', '生病住院')],
  expected: 4, present: 1, excused: 2, absent: 1, higher_deputies: '', record: '', results: '', reported_on: null, voters_received: 12,
  opinions: [
    { id: 31, seq: 1, source: '青山村村民', content: '村道破损', suggestion: null, petition: null },
    { id: 32, seq: 2, source: '', content: '饮水不足', suggestion: { id: 9, number: '20-3-B002' }, petition: null },
  ],
  checks: [], notes: '', voided: false, void_reason: null, ...over,
});

const dep = (id: number, name: string, initials: string, group: string) =>
  ({ id, name, initials, pinyin: '', group_name: group, voided: false }) as unknown as Deputy;
/** deputies of several groups and levels, for the presidium's participants */
const DEPUTIES = [dep(21, '钱县代', 'qxd', '第一代表小组'), dep(12, '李四', 'ls', '第二代表小组'), dep(31, '周镇代', 'zzd', '第三代表小组')];

let stored = activity();

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  stored = activity();
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCABULARY,
    groups_list: () => GROUPS,
    deputies_list: ({ query }) => {
      const items = DEPUTIES.filter((d) => d.initials.startsWith(query.search));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
    activity_members: () => MEMBERS.map((x) => ({ ...x })),
    activity_get: () => ({ activity: stored, history: [] }),
    activity_create: ({ input }: { input: ActivityInput }) => activity({ ...input, id: 77 } as unknown as Partial<GroupActivity>),
    activity_update: ({ id }: { id: number }) => activity({ id }),
  }));
});

const extra = [
  { path: '/activities/:id(\\d+)', component: { render: () => null } },
  { path: '/activities', component: { render: () => null } },
];

async function mountForm(path = '/activities/new', pattern = '/activities/new') {
  const { router, view, wrapper } = await mountAt(path, pattern, ActivityFormView, extra);
  await settle();
  const vm = view.vm as unknown as { model: Record<string, unknown> };
  return { router, vm, wrapper };
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

/** Type into the participants picker and take the first match with Enter. */
async function pick(text: string) {
  const input = document.querySelector<HTMLInputElement>('[data-test="field-participants"] input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settle(400);
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  await settle();
}

/** Type a number into an el-input-number and leave it (its value is taken on change). */
function typeNumber(id: string, text: string) {
  const el = hook(id)!.querySelector('input')!;
  el.value = text;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new Event('change'));
}

/** The options a select offers (its drop-down is rendered with the page). */
const offered = (popper: string) => [...document.querySelectorAll<HTMLElement>(`.${popper} .el-select-dropdown__item`)]
  .map((o) => o.textContent?.trim());

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
    typeNumber('field-voters_received', '35');
    await settle();
    hook('activity-save')!.click();
    await settle();
    const sent = callsOf(invoke, 'activity_create')[0] as { input: ActivityInput };
    expect(sent.input).toMatchObject({
      organiser: 'group', station_id: null, participants: [], voters_received: 35,
      group_id: 2, kind: 'voter_reception', date: todayIso(), theme: '接待选民日', place: '青山代表联络站',
      excused: [12], absent: [13], leave_reasons: [{ deputy_id: 12, reason: '外出务工' }], notice_date: null, reported_on: null,
      opinions: [{ id: null, source: '青山村村民', content: '村口路灯坏了三盏' }],
    });
    expect(router.currentRoute.value.path).toBe('/activities/77');
  });

  it('records the presidium\'s activity: its own kinds, participants of any group listed for attendance, no group sent', async () => {
    const { router, vm } = await mountForm();
    expect(hook('organiser-group')?.classList.contains('is-active')).toBe(true);
    // a station's duty is recorded on the station's page, not offered here
    expect(hook('organiser-station')).toBeNull();
    vm.model.group_id = 2;
    vm.model.kind = 'voter_reception';
    await settle();
    expect(callsOf(invoke, 'activity_members')).toHaveLength(1);

    choose('organiser-presidium');
    await settle();
    expect(hook('activity-form-title')?.textContent).toBe('登记主席团活动');
    expect(hook('field-group_id')).toBeNull();
    // 接待选民 is not the presidium's: cleared, so the select cannot show a code
    expect(vm.model.kind).toBeNull();
    expect(offered('popper-field-kind')).toEqual(['学习培训', '视察', '调研', '执法检查', '述职', '听取专项报告', '专题询问', '其他']);
    expect(hook('attendance-empty')?.textContent).toBe('选择参加活动的代表后列出');

    await pick('qxd');
    await pick('zzd');
    expect(hooks('attendance-row').map((r) => [r.dataset.id, r.querySelector('.member-name')?.textContent])).toEqual([
      ['21', '钱县代'], ['31', '周镇代'],
    ]);
    expect(hook('attendance-summary')?.textContent).toContain('应到 2 人，出席 2 人');
    choose('attendance-31-excused');
    await settle();
    type('leave-reason-31', '县里开会');

    Object.assign(vm.model, { kind: 'inspection', theme: '视察村道建设' });
    await settle();
    hook('activity-save')!.click();
    await settle();
    const sent = (callsOf(invoke, 'activity_create')[0] as { input: ActivityInput }).input;
    expect(sent).toMatchObject({
      organiser: 'presidium', group_id: null, station_id: null, participants: [21, 31], kind: 'inspection',
      excused: [31], absent: [], leave_reasons: [{ deputy_id: 31, reason: '县里开会' }], voters_received: null,
    });
    // the group's members were never the presidium's expected
    expect(callsOf(invoke, 'activity_members')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/activities/77');
  });

  it('asks for the presidium\'s participants before calling the core, and shows the core\'s refusal of one there', async () => {
    const { vm } = await mountForm();
    choose('organiser-presidium');
    Object.assign(vm.model, { kind: 'survey', theme: '调研饮水' });
    await settle();
    hook('activity-save')!.click();
    await settle();
    expect(callsOf(invoke, 'activity_create')).toHaveLength(0);
    expect(formItemOf('field-participants').textContent).toContain('请选择参加活动的代表');

    await pick('ls');
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'activity_create') throw new Error(cmd);
      throw { code: 'validation', field: 'participants', message: '参加人员：李四在2026年3月20日不是在任代表' };
    });
    hook('activity-save')!.click();
    await settle();
    expect(formItemOf('field-participants').querySelector('.el-form-item__error')?.textContent)
      .toContain('参加人员：李四在2026年3月20日不是在任代表');
  });

  it('keeps a half-filled presidium activity, its participants by name and the voters received, when the clerk leaves', async () => {
    const first = await mountForm();
    choose('organiser-presidium');
    await settle();
    await pick('qxd');
    choose('attendance-21-absent');
    Object.assign(first.vm.model, { kind: 'inspection', theme: '视察' });
    typeNumber('field-voters_received', '8');
    await settle();
    const kept = JSON.parse(sessionStorage.getItem('taizhang.draft.activity') ?? '{}');
    expect(kept).toMatchObject({
      organiser: 'presidium', participants: [{ id: 21, name: '钱县代' }], voters_received: 8, station_id: null,
      attendance: { 21: 'absent' },
    });
    first.wrapper.unmount();

    await mountForm();
    expect(hook('draft-restored')).not.toBeNull();
    expect(hook('organiser-presidium')?.classList.contains('is-active')).toBe(true);
    expect(hooks('attendance-row').map((r) => [r.dataset.id, r.dataset.value, r.querySelector('.member-name')?.textContent]))
      .toEqual([['21', 'absent', '钱县代']]);
    expect((hook('field-voters_received')!.querySelector('input') as HTMLInputElement).value).toBe('8');
  });

  it('edits a station\'s duty keeping its station and its deputies; the group\'s members are not read', async () => {
    stored = activity({
      organiser: 'station', group_id: null, group_name: '', station_id: 4, organiser_name: '青山代表联络站', kind: 'station_duty',
      theme: '青山代表联络站进站接待选民', members: [m(11, '张三'), m(16, '孙八', 'absent')], expected: 2, present: 1, excused: 0,
      absent: 1, voters_received: 9, opinions: [],
    });
    const { vm } = await mountForm('/activities/77/edit', '/activities/:id(\\d+)/edit');
    expect(hook('field-organiser-station')?.textContent).toContain('青山代表联络站');
    for (const id of ['field-organiser', 'field-group_id', 'field-participants']) expect(hook(id), id).toBeNull();
    expect(offered('popper-field-kind')).toEqual(['联络站值班']);
    expect(hooks('attendance-row').map((r) => [r.dataset.id, r.dataset.value])).toEqual([['11', 'present'], ['16', 'absent']]);
    expect(callsOf(invoke, 'activity_members')).toHaveLength(0);

    choose('attendance-11-excused');
    vm.model.theme = '进站接待';
    await settle();
    hook('activity-save')!.click();
    await settle();
    const sent = callsOf(invoke, 'activity_update')[0] as { id: number; input: ActivityInput };
    expect(sent.input).toMatchObject({
      organiser: 'station', group_id: null, station_id: 4, participants: [11, 16], kind: 'station_duty',
      excused: [11], absent: [16], voters_received: 9,
    });
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
    // still the group's, with the voters received as stored
    expect(sent.input).toMatchObject({ organiser: 'group', group_id: 2, station_id: null, participants: [], voters_received: 12 });
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
