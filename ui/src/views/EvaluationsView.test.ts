// 评议测评 list against a fake core: the cells (number, date, kind, title, how many evaluated, objects,
// how many below the threshold as the core marks them), the filters from and into the URL, 登记评议.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';
import { evaluation, evaluationObject } from '../test/supervision';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import EvaluationsView from './EvaluationsView.vue';

const ROWS = [
  evaluation(2, {
    kind: 'duty', scale: ['称职', '基本称职', '不称职'], date: '2026-12-01', title: '镇政府领导班子成员述职评议', voters: null,
    evaluator_count: 14,
    objects: [
      evaluationObject(1, { name: '张三（副镇长）' }),
      evaluationObject(2, { name: '李四（副镇长）', below_threshold: true, rectification: { id: 3, number: '整改〔2026〕第3号' } }),
      evaluationObject(3, { name: '王五（副镇长）', below_threshold: true }),
    ],
  }),
  evaluation(1, { voters: 36, evaluators: [], evaluator_count: 36, objects: [evaluationObject(1), evaluationObject(2)] }),
];

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    evaluations_list: () => ({ items: ROWS, total: ROWS.length, page: 1, page_size: 20 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const texts = (id: string) => hooks(id).map((h) => h.textContent?.trim());
const extra = [{ path: '/evaluations/new', component: { render: () => null } }];

describe('EvaluationsView', () => {
  it('lists each evaluation with its kind, evaluators, objects and those below the threshold', async () => {
    await mountAt('/evaluations', '/evaluations', EvaluationsView, extra);
    await settle();
    expect(callsOf(invoke, 'evaluations_list')).toEqual([{ query: { page: 1, page_size: 20 } }]);
    expect(hooks('evaluation-row').map((r) => r.dataset.id)).toEqual(['2', '1']);
    expect(hooks('evaluation-link')[0].getAttribute('href')).toContain('/evaluations/2');
    expect(texts('evaluation-date')).toEqual(['2026年12月1日', '2026年11月20日']);
    expect(texts('evaluation-kind')).toEqual(['述职评议', '工作评议']);
    expect(texts('evaluation-title')).toEqual(['镇政府领导班子成员述职评议', '2026年度镇政府部门工作评议']);
    // deputies named or voters counted: the core's evaluator_count either way
    expect(texts('evaluation-evaluators')).toEqual(['14', '36']);
    expect(texts('evaluation-objects')).toEqual(['3', '2']);
    // below the threshold: counted from the core's flags, red when any
    expect(texts('evaluation-below')).toEqual(['2', '0']);
    expect(hooks('evaluation-below')[0].classList.contains('due-overdue')).toBe(true);
    expect(hooks('evaluation-below')[1].classList.contains('due-overdue')).toBe(false);
  });

  it('reads year and kind from the URL and puts a change back there', async () => {
    const { router } = await mountAt('/evaluations?year=2026&kind=duty', '/evaluations', EvaluationsView, extra);
    await settle();
    expect(callsOf(invoke, 'evaluations_list')[0]).toEqual({ query: { page: 1, page_size: 20, year: 2026, kind: 'duty' } });
    expect(hook('evaluations-kind')?.textContent).toContain('述职评议');
    hook('evaluations-include-voided')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ year: '2026', kind: 'duty', include_voided: '1' });
    expect(callsOf(invoke, 'evaluations_list').at(-1)).toEqual({
      query: { page: 1, page_size: 20, year: 2026, kind: 'duty', include_voided: true },
    });
  });

  it('opens 登记评议', async () => {
    const { router } = await mountAt('/evaluations', '/evaluations', EvaluationsView, extra);
    await settle();
    hook('evaluation-new')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/evaluations/new');
  });
});
