// 审议意见整改 list against a fake core: the cells (number, source activity or evaluation, who must
// rectify, the opinion shortened, the state with 第N轮 and 已逾期 as the core marks it, the report's due
// date), the filters from and into the URL, and 提出审议意见.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';
import { rectification, rectifyDeadline, round } from '../test/supervision';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import RectificationsView from './RectificationsView.vue';

const LONG = '青山村至河口村道路沿线路灯损坏多处，夜间通行不便，群众反映强烈，请镇建设办会同供电所限期修复并建立巡查制度';

const ROWS = [
  rectification(3, {
    content: LONG, overdue: true,
    rounds: [round(1, { deadline: rectifyDeadline('2026-03-10', '2026-05-11', { days_left: -4, overdue: true }) })],
    deadline: rectifyDeadline('2026-03-10', '2026-05-11', { days_left: -4, overdue: true }),
  }),
  rectification(2, {
    activity: null, evaluation: { id: 5, number: '评议〔2026〕第5号' }, object_seq: 2, unit: null, official: '张三（副镇长）',
    target: '张三（副镇长）', content: '述职评议不称职票超过三分之一',
    rounds: [round(1, { reported_on: '2026-04-01', report: '已整改', assessed_on: '2026-04-10', satisfaction: 'dissatisfied' }), round(2)],
  }),
  rectification(1, {
    state: 'rectified', state_label: '已整改', deadline: null,
    rounds: [round(1, { reported_on: '2026-04-01', report: '已修复', assessed_on: '2026-04-10', satisfaction: 'satisfied' })],
  }),
];

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    handling_units_list: () => [{ id: 2, name: '镇建设办', contact: '', phone: '', active: true }],
    rectifications_list: () => ({ items: ROWS, total: ROWS.length, page: 1, page_size: 20 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const texts = (id: string) => hooks(id).map((h) => h.textContent?.trim());
const extra = [{ path: '/rectifications/new', component: { render: () => null } }];

describe('RectificationsView', () => {
  it('lists every opinion with its source, target, state and due date as the core gives them', async () => {
    await mountAt('/rectifications', '/rectifications', RectificationsView, extra);
    await settle();
    // a clean URL asks for every year, not voided
    expect(callsOf(invoke, 'rectifications_list')).toEqual([{ query: { page: 1, page_size: 20 } }]);
    expect(hooks('rectification-row').map((r) => r.dataset.id)).toEqual(['3', '2', '1']);
    expect(hooks('rectification-link')[0].getAttribute('href')).toContain('/rectifications/3');
    // the source: the activity it came from, or the evaluation that opened it
    const activities = hooks('rectification-activity');
    expect(activities.map((a) => a.closest<HTMLElement>('[data-test="rectification-row"]')?.dataset.id)).toEqual(['3', '1']);
    expect(activities.every((a) => a.getAttribute('href')?.endsWith('/activities/8'))).toBe(true);
    expect(hooks('rectification-evaluation').map((a) => a.textContent)).toEqual(['评议〔2026〕第5号']);
    expect(hooks('rectification-evaluation')[0].getAttribute('href')).toContain('/evaluations/5');
    expect(texts('rectification-target')).toEqual(['镇建设办', '张三（副镇长）', '镇建设办']);
    // a long opinion is shortened in the cell, whole in its title
    expect(texts('rectification-content')[0]).toBe(`${[...LONG].slice(0, 40).join('')}…`);
    expect(hooks('rectification-content')[0].title).toBe(LONG);
    expect(texts('rectification-state')).toEqual(['待报送整改情况', '待报送整改情况', '已整改']);
    // 第N轮 only once a round was not satisfied; 已逾期 only where the core says overdue
    expect(texts('rectification-round')).toEqual(['第2轮']);
    expect(hooks('rectification-row')[1].querySelector('[data-test="rectification-round"]')).not.toBeNull();
    expect(texts('rectification-overdue')).toEqual(['已逾期']);
    expect(hooks('rectification-row')[0].querySelector('[data-test="rectification-overdue"]')).not.toBeNull();
    // the due date of the report awaited: red when late, none once rectified
    const due = hooks('rectification-due');
    expect(due.map((d) => d.dataset.overdue ?? 'none')).toEqual(['true', 'false', 'none']);
    expect(due[0].textContent).toContain('2026年5月11日');
    expect(due[0].textContent).toContain('逾期4天');
    expect(due[2].textContent?.trim()).toBe('—');
  });

  it('reads the filters from the URL (the dashboard\'s links) and puts a change back there', async () => {
    const { router } = await mountAt('/rectifications?overdue=true&state=awaiting_report&unit_id=2&year=2026', '/rectifications',
      RectificationsView, extra);
    await settle();
    expect(callsOf(invoke, 'rectifications_list')[0]).toEqual({
      query: { page: 1, page_size: 20, year: 2026, state: 'awaiting_report', overdue: true, unit_id: 2 },
    });
    expect(hook('rectifications-overdue')?.classList.contains('is-checked')).toBe(true);
    expect(hook('rectifications-state')?.textContent).toContain('待报送整改情况');
    hook('rectifications-overdue')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ year: '2026', state: 'awaiting_report', unit_id: '2' });
    expect(callsOf(invoke, 'rectifications_list').at(-1)).toEqual({
      query: { page: 1, page_size: 20, year: 2026, state: 'awaiting_report', unit_id: 2 },
    });
  });

  it('opens 提出审议意见', async () => {
    const { router } = await mountAt('/rectifications', '/rectifications', RectificationsView, extra);
    await settle();
    expect(hook('rectification-new')?.textContent?.trim()).toBe('提出审议意见');
    hook('rectification-new')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/rectifications/new');
  });
});
