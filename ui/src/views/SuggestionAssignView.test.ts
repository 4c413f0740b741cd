// 批量交办's printout against a fake core: after 确定 the page lists what was assigned in the order
// of the slips, says how many and how they are ordered, and 打印交办单 opens the core's batch of
// 交办单 (one per suggestion, grouped by lead unit) in the print dialog of the books.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssignmentInput, HandlingUnit, Id, PrintRequest, Suggestion } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import SuggestionAssignView from './SuggestionAssignView.vue';

const UNITS: HandlingUnit[] = [
  { id: 2, name: '镇交通办', contact: '', phone: '', active: true },
  { id: 5, name: '镇农业农村办', contact: '', phone: '', active: true },
];
const unitRef = (id: Id) => ({ id, name: UNITS.find((u) => u.id === id)!.name });

const suggestion = (id: number, over: Partial<Suggestion> = {}): Suggestion => ({
  id, number: `20-3-00${id}`, number_label: `第二十届第三次会议 建议第${id}号`, term_id: 1, session_no: 3, during_session: true,
  kind: 'suggestion', lead_deputy: { id: 4, name: '张三' }, by_presidium: false, co_signers: [],
  subject: `建议${id}`, content: '', category: 'transport', received_on: '2026-03-01',
  key_supervision: false, published: false, notes: '', profile: 'national@1', state: 'registered', state_label: '已登记',
  lead_unit: null, co_units: [], assigned_on: null, replied_on: null, reply_category: null, reply_category_label: null,
  round: 1, first_result: null, final_result: null, promised_on: null, promise_done_on: null, deadline: null,
  voided: false, void_reason: null, ...over,
});

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    handling_units_list: () => UNITS,
    suggestions_list: ({ query }) => {
      const items = query.state === 'registered' ? [1, 2, 3, 4].map((id) => suggestion(id)) : [];
      return { items, total: items.length, page: 1, page_size: 500 };
    },
    suggestions_assign_many: ({ date, assignments }: { date: string; assignments: AssignmentInput[] }) =>
      assignments.map((a) => suggestion(a.suggestion_id, {
        state: 'assigned', assigned_on: date, lead_unit: unitRef(a.lead_unit_id), co_units: a.co_unit_ids.map(unitRef),
      })),
    print_preview: ({ page }) => ({ page, pages: 3, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 }),
    'plugin:dialog|save': () => null,
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

async function assign(leads: Record<Id, Id>, co: Record<Id, Id[]> = {}) {
  const { view } = await mountAt('/suggestions/assign', '/suggestions/assign', SuggestionAssignView);
  await settle();
  const vm = view.vm as unknown as { picks: Record<Id, { lead: Id | null; co: Id[] }>; date: string };
  vm.date = '2026-03-05';
  for (const [id, lead] of Object.entries(leads)) vm.picks[Number(id)].lead = lead;
  for (const [id, units] of Object.entries(co)) vm.picks[Number(id)].co = units;
  await settle();
  hook('assign-submit')!.click();
  await settle();
  document.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')!.click();
  await settle(400);
}

describe('SuggestionAssignView 交办单', () => {
  it('lists what was assigned by lead unit and prints one 交办单 each, in that order', async () => {
    // 1 and 3 to 镇农业农村办 (id 5), 2 and 4 to 镇交通办 (id 2); 3 co-handled by 镇交通办
    await assign({ 1: 5, 2: 2, 3: 5, 4: 2 }, { 3: [2] });
    expect(callsOf(invoke, 'suggestions_assign_many')).toHaveLength(1);
    expect(hook('assign-done')?.textContent).toContain('已交办 4 件');
    expect(hook('assign-print-note')?.textContent).toBe('共4份，按承办单位排列');
    const rows = [...hook('assign-done-table')!.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows.map((r) => r.match(/20-3-00\d/)?.[0])).toEqual(['20-3-002', '20-3-004', '20-3-001', '20-3-003']);
    expect(rows[0]).toContain('镇交通办');
    expect(rows[3]).toContain('镇农业农村办');
    expect(document.querySelector('.print-only')).toBeNull(); // no hidden HTML printout any more
    expect(callsOf(invoke, 'print_preview')).toHaveLength(0);

    hook('assign-print')!.click();
    await settle();
    expect(hook('assign-print-dialog')?.classList.contains('el-dialog')).toBe(true);
    expect(hook('assign-print-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('代表建议交办单（共4份）');
    const [call] = callsOf(invoke, 'print_preview') as { request: PrintRequest; page: number }[];
    expect(call).toEqual({
      request: { target: { kind: 'forms', form: 'assignment', ids: [2, 4, 1, 3] }, reveal_reason: null, volume: 1, archival: false },
      page: 1,
    });
    expect(hook('preview-page-label')?.textContent).toContain('第 1 页 / 共 3 页');

    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: { defaultPath: string } }[];
    expect(dialog.options.defaultPath).toBe('代表建议交办单-2026-03-05（共4份）.pdf');
  });

  it('prints only what was assigned, not the rows left without a lead unit', async () => {
    await assign({ 3: 2 });
    expect(hook('assign-print-note')?.textContent).toBe('共1份，按承办单位排列');
    hook('assign-print')!.click();
    await settle();
    expect((callsOf(invoke, 'print_preview')[0] as { request: PrintRequest }).request.target)
      .toEqual({ kind: 'forms', form: 'assignment', ids: [3] });
  });
});
