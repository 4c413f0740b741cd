// 登记评议 against a fake core: a 工作评议 by deputies picked from the roster sent exactly as the core
// reads it, the column heads following the kind's scale (称职… for 述职评议), a count of voters instead
// of deputies with the row's sum warned about and the core's refusal shown by the row it names, the
// year's adopted projects for a 民生实事测评, and nothing sent while something is missing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deputy, EvaluationEventInput } from '../api/types';
import { todayIso } from '../lib/format';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { evaluation, evaluationObject } from '../test/supervision';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import EvaluationFormView from './EvaluationFormView.vue';

const YEAR = new Date().getFullYear();
const dep = (id: number, name: string, initials: string, group: string) =>
  ({ id, name, initials, pinyin: '', group_name: group, voided: false }) as unknown as Deputy;
const DEPUTIES = [dep(11, '张三', 'zs', '东片代表小组'), dep(12, '李四', 'ls', '西片代表小组')];

let refuse: { code: string; field: string | null; message: string } | null;

beforeEach(() => {
  document.body.innerHTML = '';
  refuse = null;
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    handling_units_list: () => [
      { id: 2, name: '镇建设办', contact: '', phone: '', active: true },
      { id: 3, name: '镇农业农村办', contact: '', phone: '', active: true },
    ],
    deputies_list: ({ query }) => {
      const items = DEPUTIES.filter((d) => d.initials.startsWith(query.search));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
    activities_list: () => ({ items: [], total: 0, page: 1, page_size: 20 }),
    projects_list: () => ({
      items: [{ id: 5, number: `民生实事〔${YEAR}〕第1号`, title: '村道硬化', voided: false }], total: 1, page: 1, page_size: 500,
    }),
    evaluation_create: () => {
      if (refuse) throw refuse;
      return evaluation(9, {
        objects: [evaluationObject(1), evaluationObject(2, { below_threshold: true, rectification: { id: 4, number: '整改〔2026〕第4号' } })],
      });
    },
  }));
});

const extra = [{ path: '/evaluations/:id(\\d+)', component: { render: () => null } }];

async function mountForm() {
  const res = await mountAt('/evaluations/new', '/evaluations/new', EvaluationFormView, extra);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function type(id: string, text: string) {
  const el = hook(id)!;
  const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

function typeNumber(id: string, n: number) {
  const input = hook(id)!.querySelector('input')!;
  input.value = String(n);
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}

async function counts(row: number, good: number, fair: number, poor: number) {
  typeNumber(`object-good-${row}`, good);
  typeNumber(`object-fair-${row}`, fair);
  typeNumber(`object-poor-${row}`, poor);
  await settle();
}

async function pick(testId: string, option: string) {
  hook(testId)!.click();
  await settle();
  document.querySelector<HTMLElement>(`.popper-${testId} [data-test="${option}"]`)!.click();
  await settle();
}

async function pickDeputy(initials: string) {
  const input = document.querySelector<HTMLInputElement>('[data-test="field-evaluator_ids"] input')!;
  input.focus();
  input.value = initials;
  input.dispatchEvent(new Event('input'));
  await settle(400);
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  await settle();
}

const sent = () => (callsOf(invoke, 'evaluation_create') as { input: EvaluationEventInput }[]).map((c) => c.input);
const heads = () => ['scale-good', 'scale-fair', 'scale-poor'].map((id) => hook(id)?.textContent?.trim());

describe('EvaluationFormView', () => {
  it('sends a 工作评议 by the deputies picked, each unit with its three counts, then opens the result', async () => {
    const { router } = await mountForm();
    expect(heads()).toEqual(['满意', '基本满意', '不满意']);
    type('field-title', ' 2026年度镇政府部门工作评议 ');
    await pickDeputy('zs');
    await pickDeputy('ls');
    expect(hook('evaluator-count')?.textContent).toBe('已选 2 人');
    await pick('object-unit-0', 'option-unit-2');
    await counts(0, 1, 1, 0);
    hook('object-add')!.click();
    await settle();
    await pick('object-unit-1', 'option-unit-3');
    typeNumber('object-good-1', 1);
    typeNumber('object-poor-1', 1);
    await settle();
    expect(hook('object-sum-1')?.textContent).toBe('2');
    hook('evaluation-save')!.click();
    await settle();
    expect(sent()).toEqual([{
      kind: 'work', date: todayIso(), title: '2026年度镇政府部门工作评议', evaluator_ids: [11, 12], voters: null, activity_id: null,
      objects: [
        { unit_id: 2, official: '', post: '', project_id: null, good: 1, fair: 1, poor: 0 },
        // 基本满意 left empty counts 0
        { unit_id: 3, official: '', post: '', project_id: null, good: 1, fair: 0, poor: 1 },
      ],
      notes: '',
    }]);
    expect(router.currentRoute.value.path).toBe('/evaluations/9');
    expect(document.querySelector('.el-message--success')?.textContent).toContain('1 个评议对象低于规定，已提出审议意见');
  });

  it('述职评议 names officials and their posts, counted 称职 / 基本称职 / 不称职', async () => {
    await mountForm();
    await pick('field-kind', 'option-duty');
    expect(heads()).toEqual(['称职', '基本称职', '不称职']);
    expect(hook('object-unit-0')).toBeNull();
    type('field-title', '班子成员述职评议');
    await pickDeputy('zs');
    type('object-official-0', '王五');
    type('object-post-0', '副镇长');
    await counts(0, 1, 0, 0);
    hook('evaluation-save')!.click();
    await settle();
    expect(sent()[0]).toMatchObject({
      kind: 'duty', objects: [{ unit_id: null, official: '王五', post: '副镇长', project_id: null, good: 1, fair: 0, poor: 0 }],
    });
  });

  it('counts voters instead of deputies, warns when a row has more ballots, and shows the core\'s refusal by that row', async () => {
    await mountForm();
    type('field-title', '站所评议');
    hook('field-by-voters')!.querySelector('input')!.click();
    await settle();
    expect(hook('field-evaluator_ids')).toBeNull();
    typeNumber('field-voters', 5);
    await pick('object-unit-0', 'option-unit-2');
    await counts(0, 3, 2, 1);
    expect(hook('object-sum-0')?.textContent).toBe('6');
    expect(hook('object-excess-0')?.textContent).toBe('合计 6 票，多于参加评议的 5 人，请核对');

    refuse = { code: 'validation', field: 'objects', message: '第1个评议对象满意、基本满意、不满意合计 6 票，多于参加评议的 5 人' };
    hook('evaluation-save')!.click();
    await settle();
    expect(sent()[0]).toMatchObject({ evaluator_ids: [], voters: 5 });
    expect(hook('objects-error')?.textContent).toContain('第1个评议对象满意、基本满意、不满意合计 6 票');
    expect(hook('object-error-0')?.textContent).toContain('多于参加评议的 5 人');
  });

  it('offers the year\'s adopted projects for a 民生实事满意度测评', async () => {
    await mountForm();
    await pick('field-kind', 'option-livelihood');
    expect(callsOf(invoke, 'projects_list')).toEqual([{ query: { year: YEAR, adopted_only: true, page_size: 500 } }]);
    await pick('object-project-0', 'option-project-5');
    type('field-title', '民生实事满意度测评');
    hook('field-by-voters')!.querySelector('input')!.click();
    await settle();
    typeNumber('field-voters', 40);
    await counts(0, 30, 6, 4);
    hook('evaluation-save')!.click();
    await settle();
    expect(sent()[0]).toMatchObject({
      kind: 'livelihood', voters: 40,
      objects: [{ unit_id: null, official: '', post: '', project_id: 5, good: 30, fair: 6, poor: 4 }],
    });
  });

  it('sends nothing while the title, the evaluators or an object is missing', async () => {
    await mountForm();
    hook('evaluation-save')!.click();
    await settle();
    expect(sent()).toEqual([]);
    expect(formItemOf('field-title').textContent).toContain('请填写评议名称');
    expect(formItemOf('field-evaluator_ids').textContent).toContain('请选择参加评议的代表');
    expect(hook('object-error-0')?.textContent).toBe('请选择被评议的部门或站所');
    expect(hook('objects-error')?.textContent).toContain('有 1 个评议对象需要补充');
  });
});
