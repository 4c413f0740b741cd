// 评议结果 against a fake core: the objects in the core's rank order with their counts, valid ballots,
// the rate and the share of 不满意 each with numerator and denominator, an object below the threshold
// marked with the review opinion opened for it and the date to evaluate again, the rule in words,
// who evaluated, 打印结果 asking the core for this evaluation's sheet, and voiding (with its opinions).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationDetail, PrintRequest } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';
import { ballots, evaluation, evaluationObject } from '../test/supervision';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import EvaluationView from './EvaluationView.vue';

const RESULT = evaluation(9, {
  activity: { id: 6, number: '活动〔2026〕第6号' },
  objects: [
    evaluationObject(2, { name: '镇农业农村办', unit: { id: 3, name: '镇农业农村办' }, ballots: ballots(12, 0, 2), rank: 1 }),
    evaluationObject(1, { name: '镇建设办', ballots: ballots(10, 2, 2), rank: 1 }),
    evaluationObject(3, {
      name: '镇财政所', unit: { id: 4, name: '镇财政所' }, ballots: ballots(5, 3, 6), rank: 3, below_threshold: true,
      rectification: { id: 4, number: '整改〔2026〕第4号' }, re_evaluate_by: '2027-05-20',
    }),
  ],
});

let current: EvaluationDetail;

beforeEach(() => {
  document.body.innerHTML = '';
  current = { evaluation: RESULT, history: [] };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    evaluation_get: () => current,
    evaluation_void: ({ reason }) => {
      current = { ...current, evaluation: { ...current.evaluation, voided: true, void_reason: reason } };
      return current.evaluation;
    },
    print_preview: ({ page }) => ({ page, pages: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-test="evaluation-object"]')];
const cell = (r: HTMLElement, id: string) => r.querySelector<HTMLElement>(`[data-test="${id}"]`);

async function mountPage() {
  const r = await mountAt('/evaluations/9', '/evaluations/:id(\\d+)', EvaluationView);
  await settle();
  return r;
}

describe('EvaluationView', () => {
  it('shows the results in the core\'s rank order with every rate\'s numerator and denominator', async () => {
    await mountPage();
    expect(callsOf(invoke, 'evaluation_get')).toEqual([{ id: 9 }]);
    expect(hook('evaluation-title')?.textContent).toBe('评议〔2026〕第9号　2026年度镇政府部门工作评议');
    expect(hook('evaluation-kind')?.textContent?.trim()).toBe('工作评议');
    expect(hook('evaluation-activity-link')?.getAttribute('href')).toContain('/activities/6');
    expect(hook('evaluation-evaluators')?.textContent).toBe('张三、李四（共 2 人）');
    expect(hook('evaluation-threshold')?.textContent).toBe('不满意票超过有效票1/3的，限期整改，6个月内再次评议');

    // as the core ordered them (equal rates share a place), not re-sorted by entry order
    const r = rows();
    expect(r.map((x) => x.dataset.seq)).toEqual(['2', '1', '3']);
    expect(r.map((x) => cell(x, 'object-rank')?.textContent)).toEqual(['1', '1', '3']);
    expect(r.map((x) => cell(x, 'object-name')?.textContent)).toEqual(['镇农业农村办', '镇建设办', '镇财政所']);
    expect(['object-good', 'object-fair', 'object-poor', 'object-valid'].map((id) => cell(r[1], id)?.textContent)).toEqual(['10', '2', '2', '14']);
    expect(cell(r[1], 'object-rate')?.textContent).toBe('85.7%（12/14）');
    expect(cell(r[1], 'object-poor-share')?.textContent).toBe('14.3%（2/14）');
    expect(hook('head-rate')?.textContent).toBe('满意率');
    expect(hook('head-poor-share')?.textContent).toBe('不满意占比');

    // below the threshold: marked, with its review opinion and the date to evaluate again
    expect(r.map((x) => x.dataset.below)).toEqual(['false', 'false', 'true']);
    expect(cell(r[2], 'object-below')?.textContent?.trim()).toBe('低于规定');
    expect(cell(r[2], 'object-rectification')?.textContent).toBe('整改〔2026〕第4号');
    expect(cell(r[2], 'object-rectification')?.getAttribute('href')).toContain('/rectifications/4');
    expect(cell(r[2], 'object-re-evaluate')?.textContent?.trim()).toBe('2027年5月20日前再次评议');
    expect(cell(r[0], 'object-below')).toBeNull();
    expect(cell(r[0], 'object-rectification')).toBeNull();
  });

  it('names a 述职评议\'s rate by its scale and shows voters counted instead of names', async () => {
    current = {
      evaluation: evaluation(9, { kind: 'duty', scale: ['称职', '基本称职', '不称职'], evaluators: [], voters: 36, evaluator_count: 36 }),
      history: [],
    };
    await mountPage();
    expect(hook('head-rate')?.textContent).toBe('称职率');
    expect(hook('head-poor-share')?.textContent).toBe('不称职占比');
    expect(hook('evaluation-evaluators')?.textContent).toBe('参加测评 36 人');
  });

  it('打印结果 asks the core for this evaluation\'s results sheet', async () => {
    await mountPage();
    expect(callsOf(invoke, 'print_preview')).toHaveLength(0);
    hook('evaluation-print')!.click();
    await settle();
    expect(hook('evaluation-print-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('评议测评结果');
    const requests = (callsOf(invoke, 'print_preview') as { request: PrintRequest }[]).map((c) => c.request);
    expect(requests).toEqual([{ target: { kind: 'evaluation', id: 9 }, reveal_reason: null, volume: 1, archival: false }]);
  });

  it('voids with a reason, telling that the review opinions it opened go too', async () => {
    await mountPage();
    hook('evaluation-void')!.click();
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('由它提出的 1 件审议意见将一并作废');
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = '重复登记';
    box.dispatchEvent(new Event('input'));
    await settle();
    document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'evaluation_void')).toEqual([{ id: 9, reason: '重复登记' }]);
    expect(hook('evaluation-voided')?.textContent).toContain('作废原因：重复登记');
  });
});
