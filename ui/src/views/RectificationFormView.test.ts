// 提出审议意见 against a fake core: the activity preselected from ?activity=, one opinion sent per row
// exactly as the core reads it, nothing sent while a row misses something, the core's refusal under
// its field (a shared one, or the refused row's), and a later row refused after earlier ones were
// saved: those leave the form and are listed, the refused one stays with its message.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RectificationInput } from '../api/types';
import { todayIso } from '../lib/format';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { rectification } from '../test/supervision';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import RectificationFormView from './RectificationFormView.vue';

type Refusal = { code: string; field: string | null; message: string };
/** the core's answer to the n-th create (1-based): a refusal, or the opinion */
let refuseAt: Record<number, Refusal>;
let created: number;

beforeEach(() => {
  document.body.innerHTML = '';
  refuseAt = {};
  created = 0;
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    handling_units_list: () => [
      { id: 2, name: '镇建设办', contact: '', phone: '', active: true },
      { id: 3, name: '镇农业农村办', contact: '', phone: '', active: true },
    ],
    activity_get: ({ id }) => ({
      activity: { id, number: `活动〔2026〕第${id}号`, date: '2026-03-05', theme: '视察农村道路建设', voided: false }, history: [],
    }),
    activities_list: () => ({ items: [], total: 0, page: 1, page_size: 20 }),
    rectification_create: ({ input }: { input: RectificationInput }) => {
      const n = callsOf(invoke, 'rectification_create').length;
      if (refuseAt[n]) throw refuseAt[n];
      created += 1;
      return rectification(40 + created, { target: input.official || '镇建设办', content: input.content });
    },
  }));
});

const extra = [
  { path: '/rectifications/:id(\\d+)', component: { render: () => null } },
  { path: '/rectifications', component: { render: () => null } },
];

async function mountForm(path = '/rectifications/new') {
  const res = await mountAt(path, '/rectifications/new', RectificationFormView, extra);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

function type(id: string, text: string) {
  const el = hook(id)!;
  const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

async function pickUnit(row: number, id: number) {
  hook(`row-unit-${row}`)!.click();
  await settle();
  document.querySelector<HTMLElement>(`.popper-row-unit-${row} [data-test="option-unit-${id}"]`)!.click();
  await settle();
}

const inputs = () => (callsOf(invoke, 'rectification_create') as { input: RectificationInput }[]).map((c) => c.input);

describe('RectificationFormView', () => {
  it('sends one opinion per row with the activity from ?activity= and the day sent, then lists them', async () => {
    const { router } = await mountForm('/rectifications/new?activity=8');
    expect(callsOf(invoke, 'activity_get')).toEqual([{ id: 8 }]);
    expect(hook('field-activity_id')?.textContent).toContain('活动〔2026〕第8号');
    expect((hook('field-sent_on') as HTMLInputElement).value).toContain(String(new Date().getFullYear()));

    await pickUnit(0, 2);
    type('row-content-0', ' 路灯损坏多处，请限期修复 ');
    hook('row-add')!.click();
    await settle();
    type('row-official-1', '张三（副镇长）');
    type('row-content-1', '值班制度不落实');
    hook('rectification-save')!.click();
    await settle();

    expect(inputs()).toEqual([
      { activity_id: 8, unit_id: 2, official: '', content: '路灯损坏多处，请限期修复', sent_on: todayIso(), notes: '' },
      { activity_id: 8, unit_id: null, official: '张三（副镇长）', content: '值班制度不落实', sent_on: todayIso(), notes: '' },
    ]);
    // two opinions: the list, where they are the newest
    expect(router.currentRoute.value.fullPath).toBe('/rectifications');
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已提出 2 件审议意见');
  });

  it('opens the opinion itself when there is one', async () => {
    const { router } = await mountForm();
    await pickUnit(0, 3);
    type('row-content-0', '农田水利设施年久失修');
    hook('rectification-save')!.click();
    await settle();
    expect(inputs()).toEqual([
      { activity_id: null, unit_id: 3, official: '', content: '农田水利设施年久失修', sent_on: todayIso(), notes: '' },
    ]);
    expect(router.currentRoute.value.path).toBe('/rectifications/41');
  });

  it('sends nothing while any row misses who rectifies or the opinion, and says so under that row', async () => {
    await mountForm();
    await pickUnit(0, 2);
    type('row-content-0', '路灯损坏');
    hook('row-add')!.click();
    await settle();
    hook('rectification-save')!.click();
    await settle();
    // the first row is complete, but nothing is written while the second is not
    expect(inputs()).toEqual([]);
    expect(formItemOf('row-unit-1').textContent).toContain('请选择负责整改的承办单位（或填写被评议的人员）');
    expect(formItemOf('row-content-1').textContent).toContain('请填写审议意见的内容');
    expect(formItemOf('row-content-0').classList.contains('is-error')).toBe(false);
    // the message goes once the row is changed
    type('row-content-1', '整改');
    await settle();
    expect(formItemOf('row-content-1').textContent).not.toContain('请填写审议意见的内容');
  });

  it('shows the core\'s refusal of a shared field under that field', async () => {
    refuseAt = { 1: { code: 'validation', field: 'sent_on', message: '送达日期不能早于提出意见的活动日期2026年3月5日' } };
    const { router } = await mountForm('/rectifications/new?activity=8');
    await pickUnit(0, 2);
    type('row-content-0', '路灯损坏');
    hook('rectification-save')!.click();
    await settle();
    expect(formItemOf('field-sent_on').textContent).toContain('送达日期不能早于提出意见的活动日期2026年3月5日');
    expect(router.currentRoute.value.path).toBe('/rectifications/new');
  });

  it('a later row refused: the saved ones leave the form and are listed, the refused row keeps the core\'s message', async () => {
    refuseAt = { 2: { code: 'validation', field: 'unit_id', message: '所选承办单位不存在' } };
    const { router } = await mountForm();
    await pickUnit(0, 2);
    type('row-content-0', '路灯损坏');
    hook('row-add')!.click();
    await settle();
    await pickUnit(1, 3);
    type('row-content-1', '水渠淤塞');
    hook('rectification-save')!.click();
    await settle();
    expect(inputs().map((i) => i.content)).toEqual(['路灯损坏', '水渠淤塞']);
    expect(router.currentRoute.value.path).toBe('/rectifications/new');
    // the first is saved: listed, and no longer in the form (saving again would send it twice)
    expect(hooks('rectification-saved-item').map((x) => x.dataset.id)).toEqual(['41']);
    expect(hooks('rectification-row-form')).toHaveLength(1);
    expect((hook('row-content-0') as HTMLTextAreaElement).value).toBe('水渠淤塞');
    expect(formItemOf('row-unit-0').textContent).toContain('所选承办单位不存在');
    expect(document.querySelector('.el-message--warning')?.textContent).toContain('已提出 1 件审议意见；第 2 件未能保存');

    // corrected and saved again: only the rest is sent, then the list
    refuseAt = {};
    await pickUnit(0, 2);
    hook('rectification-save')!.click();
    await settle();
    expect(inputs().map((i) => [i.unit_id, i.content])).toEqual([[2, '路灯损坏'], [3, '水渠淤塞'], [2, '水渠淤塞']]);
    expect(router.currentRoute.value.fullPath).toBe('/rectifications');
  });
});
