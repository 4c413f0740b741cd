// 民生实事项目 against a fake core: the facts (source with its suggestion, cost in 万元), the vote as
// the core counted it, the five milestones with 逾期 and the tender's price, a milestone entered in
// its dialog (the price sent in yuan, a refusal under its field), reports added and voided, the
// evaluation with 满意率 as numerator and denominator, 结转下一年, the checks, voiding, a candidate
// not voted (nothing to follow), and the year's ledger in the print panel.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LivelihoodProject, PrintRequest, ProjectDetail } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { todayIso } from '../lib/format';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import ProjectView from './ProjectView.vue';

const adopted = (over: Partial<LivelihoodProject> = {}): LivelihoodProject => ({
  id: 5, number: '民生实事〔2026〕第1号', year: 2026, seq: 1, title: '青山村至河口村道路提升改造', description: '硬化 3 公里',
  source: 'suggestion', suggestion: { id: 9, number: '建议〔2026〕第9号' }, estimated_cost: 3200000, unit: { id: 2, name: '镇建设办' },
  planned_completion: '2026-11-30',
  vote: {
    session_id: 4, session_number: '第二十届人民代表大会第四次会议', votes_for: 52, votes_against: 1, votes_abstain: 3, deputies: 60,
    ballots_issued: 56, ballots_returned: 56, void: false, rank: 1, adopted: true,
  },
  milestones: [
    { kind: 'approval', planned_on: '2026-04-01', done_on: '2026-04-03', amount: null, note: '', late: false },
    { kind: 'tender', planned_on: '2026-05-01', done_on: '2026-05-04', amount: 3040000, note: '青山建设有限公司', late: false },
    { kind: 'start', planned_on: '2026-06-01', done_on: null, amount: null, note: '', late: true },
  ],
  reports: [
    { id: 31, date: '2026-06-10', kind: 'inspection', text: '代表视察项目现场', activity: { id: 8, number: '活动〔2026〕第8号' }, actor: '刘秘书', voided: false, void_reason: null },
    { id: 32, date: '2026-06-12', kind: 'progress', text: '录错的报告', activity: null, actor: '刘秘书', voided: true, void_reason: '重复' },
  ],
  evaluation: null, state: 'underway', state_label: '实施中', carried_to: null,
  checks: ['开工计划于2026年6月1日，已过期 12 天仍未登记完成'], notes: '', voided: false, void_reason: null, ...over,
});

let current: ProjectDetail;
let refuse: { code: string; field: string | null; message: string } | null;

beforeEach(() => {
  document.body.innerHTML = '';
  refuse = null;
  current = { project: adopted(), history: [] };
  const answer = (change: Partial<LivelihoodProject>) => {
    if (refuse) throw refuse;
    current = { ...current, project: { ...current.project, ...change } };
    return current.project;
  };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    project_get: () => current,
    project_milestone: ({ input }) => answer({
      milestones: [...current.project.milestones.filter((m) => m.kind !== input.kind), { ...input, late: false }],
    }),
    project_report: ({ input }) => answer({
      reports: [...current.project.reports, { id: 40, ...input, activity: null, actor: '刘秘书', voided: false, void_reason: null }],
    }),
    project_report_void: ({ reportId, reason }) => answer({
      reports: current.project.reports.map((r) => (r.id === reportId ? { ...r, voided: true, void_reason: reason } : r)),
    }),
    project_evaluate: ({ input }) => answer({
      evaluation: {
        evaluated_on: input.date, satisfied: input.satisfied, basically: input.basically, unsatisfied: input.unsatisfied,
        numerator: input.satisfied + input.basically, denominator: input.satisfied + input.basically + input.unsatisfied,
      },
    }),
    project_carry: () => answer({ carried_to: 2027 }),
    project_void: ({ reason }) => answer({ voided: true, void_reason: reason }),
    activities_list: () => ({ items: [{ id: 8, number: '活动〔2026〕第8号', date: '2026-06-10', theme: '视察民生实事项目', voided: false }], total: 1, page: 1, page_size: 20 }),
    print_preview: ({ page }) => ({ page, pages: 2, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 297, height_mm: 210 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const all = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

async function mountPage() {
  const r = await mountAt('/projects/5', '/projects/:id(\\d+)', ProjectView);
  await settle();
  return r;
}

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

/** a date box: typed, then read as leaving it would */
async function typeDate(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settle(0);
  input.blur();
}

async function confirmBox(text?: string) {
  if (text !== undefined) {
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await settle();
  }
  document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
  await settle(400);
}

describe('ProjectView', () => {
  it('shows the facts, the vote as the core counted it, the milestones, reports and checks', async () => {
    await mountPage();
    expect(callsOf(invoke, 'project_get')).toEqual([{ id: 5 }]);
    expect(hook('project-title')?.textContent).toContain('民生实事〔2026〕第1号');
    expect(hook('project-state')?.textContent?.trim()).toBe('实施中');
    expect(hook('project-source')?.textContent).toBe('代表建议');
    expect(hook('project-suggestion-link')?.getAttribute('href')).toContain('/suggestions/9');
    expect(hook('project-cost')?.textContent).toBe('320 万元');
    expect(hook('project-unit')?.textContent).toBe('镇建设办');
    expect(hook('project-planned')?.textContent).toBe('2026年11月30日');

    expect(hook('project-vote-session')?.textContent).toBe('第二十届人民代表大会第四次会议');
    expect(hook('project-vote-counts')?.textContent).toBe('赞成 52 票，反对 1 票，弃权 3 票');
    expect(hook('project-vote-rank')?.textContent).toBe('第1名');
    expect(hook('project-vote-adopted')?.textContent?.trim()).toBe('入选');
    expect(hook('project-vote-deputies')?.textContent).toBe('全体代表 60 人');

    const rows = all('project-milestone');
    expect(rows.map((r) => [r.dataset.kind, r.dataset.late])).toEqual([
      ['approval', 'false'], ['tender', 'false'], ['start', 'true'], ['completion', 'false'], ['acceptance', 'false'],
    ]);
    expect(rows[1].querySelector('[data-test="project-milestone-note"]')?.textContent).toBe('中标价 304 万元，中标单位：青山建设有限公司');
    expect(rows[2].querySelector('[data-test="project-milestone-late"]')?.textContent).toBe('逾期');
    expect(rows[0].querySelector('[data-test="project-milestone-done"]')?.textContent).toBe('2026年4月3日');

    const reports = all('project-report');
    expect(reports.map((r) => [r.dataset.id, r.dataset.voided])).toEqual([['31', 'false'], ['32', 'true']]);
    expect(reports[0].querySelector('[data-test="project-report-kind"]')?.textContent).toBe('代表视察');
    expect(reports[0].querySelector('[data-test="project-report-activity"]')?.getAttribute('href')).toContain('/activities/8');
    expect(reports[1].querySelector('[data-test="project-report-voided"]')?.textContent).toBe('作废：重复');
    expect(hook('project-report-void-32')).toBeNull();

    expect(all('project-check').map((c) => c.textContent)).toEqual(['开工计划于2026年6月1日，已过期 12 天仍未登记完成']);
    expect(hook('project-no-evaluation')).not.toBeNull();
    expect(hook('project-carry')).not.toBeNull();
  });

  it('enters a milestone in its dialog: the tender price in 万元 sent in yuan', async () => {
    await mountPage();
    hook('project-milestone-edit-tender')!.click();
    await settle();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('登记招投标');
    expect(hook('milestone-field-amount')!.querySelector('input')!.value).toBe('304');
    typeNumber('milestone-field-amount', 300.5);
    type('milestone-field-note', '河口建设有限公司');
    hook('milestone-save')!.click();
    await settle();
    expect(callsOf(invoke, 'project_milestone')).toEqual([{
      id: 5, input: { kind: 'tender', planned_on: '2026-05-01', done_on: '2026-05-04', amount: 3005000, note: '河口建设有限公司' },
    }]);
    expect(callsOf(invoke, 'project_get')).toHaveLength(2);
    expect(all('project-milestone')[1].querySelector('[data-test="project-milestone-note"]')?.textContent)
      .toBe('中标价 300.5 万元，中标单位：河口建设有限公司');
  });

  it('sets 开工 done today, and shows the core\'s refusal under the date', async () => {
    await mountPage();
    hook('project-milestone-edit-start')!.click();
    await settle();
    expect(hook('milestone-field-amount')).toBeNull();
    refuse = { code: 'validation', field: 'done_on', message: '开工日期2026年5月1日早于已登记的招投标日期2026年5月4日，请核对' };
    await typeDate('milestone-field-done_on', '2026-05-01');
    await settle();
    hook('milestone-save')!.click();
    await settle();
    expect(formItemOf('milestone-field-done_on').textContent).toContain('早于已登记的招投标日期');
    refuse = null;
    await typeDate('milestone-field-done_on', todayIso());
    await settle();
    hook('milestone-save')!.click();
    await settle();
    expect((callsOf(invoke, 'project_milestone').at(-1) as { input: { done_on: string; amount: number | null } }).input)
      .toMatchObject({ done_on: todayIso(), amount: null });
    expect(all('project-milestone')[2].dataset.done).toBe(todayIso());
  });

  it('adds a progress report, and voids one with a reason', async () => {
    await mountPage();
    hook('project-report-add')!.click();
    await settle();
    hook('report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'project_report')).toEqual([]);
    expect(formItemOf('report-field-text').textContent).toContain('请填写进度情况');
    expect(hook('report-field-activity_id')).toBeNull(); // only for an inspection
    type('report-field-text', '路基完成 60%');
    hook('report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'project_report')).toEqual([{ id: 5, input: { date: todayIso(), kind: 'progress', text: '路基完成 60%', activity_id: null } }]);
    expect(all('project-report').map((r) => r.dataset.id)).toEqual(['31', '32', '40']);

    hook('project-report-void-31')!.click();
    await settle();
    await confirmBox('录错');
    expect(callsOf(invoke, 'project_report_void')).toEqual([{ reportId: 31, reason: '录错' }]);
    expect(all('project-report')[0].dataset.voided).toBe('true');
  });

  it('links an inspection to the group activity it was', async () => {
    await mountPage();
    hook('project-report-add')!.click();
    await settle();
    hook('report-field-kind-inspection')!.click();
    await settle();
    type('report-field-text', '代表视察，要求加快进度');
    const input = hook('report-field-activity_id')!.querySelector('input')!;
    input.focus();
    input.value = '视察';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    document.querySelector<HTMLElement>('.popper-report-field-activity_id [data-test="activity-option-8"]')!.click();
    await settle();
    hook('report-save')!.click();
    await settle();
    expect((callsOf(invoke, 'project_report')[0] as { input: unknown }).input)
      .toEqual({ date: todayIso(), kind: 'inspection', text: '代表视察，要求加快进度', activity_id: 8 });
  });

  it('enters the deputies\' evaluation and shows 满意率 with both counts', async () => {
    await mountPage();
    hook('project-evaluate')!.click();
    await settle();
    typeNumber('evaluation-field-satisfied', 15);
    typeNumber('evaluation-field-basically', 3);
    typeNumber('evaluation-field-unsatisfied', 2);
    await settle();
    expect(hook('evaluation-total')?.textContent).toBe('合计 20 票');
    hook('evaluation-save')!.click();
    await settle();
    expect(callsOf(invoke, 'project_evaluate')).toEqual([{ id: 5, input: { date: todayIso(), satisfied: 15, basically: 3, unsatisfied: 2 } }]);
    const rate = hook('project-evaluation-rate')!;
    expect(rate.textContent?.trim()).toBe('90.0%（18/20）');
    expect([rate.dataset.numerator, rate.dataset.denominator]).toEqual(['18', '20']);
    expect(hook('project-evaluate')?.textContent?.trim()).toBe('修改测评');
  });

  it('carries an unfinished project into next year after asking', async () => {
    await mountPage();
    hook('project-carry')!.click();
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('列入2027年的民生实事项目继续跟踪');
    await confirmBox();
    expect(callsOf(invoke, 'project_carry')).toEqual([{ id: 5 }]);
    expect(hook('project-carried-to')?.textContent).toBe('2026年未完工，已结转2027年继续跟踪');
  });

  it('a candidate not voted: no milestones, reports or evaluation to enter, a way to the vote', async () => {
    current = {
      project: adopted({ vote: null, milestones: [], reports: [], checks: [], state: 'candidate', state_label: '候选（未票决）', source: 'voters', suggestion: null, estimated_cost: null }),
      history: [],
    };
    await mountPage();
    expect(hook('project-not-voted')?.textContent).toContain('尚未票决');
    expect(hook('project-vote-open')?.getAttribute('href')).toContain('/projects/vote?year=2026');
    expect(hook('project-not-followed')).not.toBeNull();
    expect(hook('project-report-add')!.hasAttribute('disabled')).toBe(true);
    expect(hook('project-evaluate')!.hasAttribute('disabled')).toBe(true);
    expect(hook('project-carry')).toBeNull();
    expect(hook('project-checks')).toBeNull();
    expect(hook('project-cost')?.textContent).toBe('—');
  });

  it('voids with a reason and shows it struck through', async () => {
    await mountPage();
    hook('project-void')!.click();
    await settle();
    await confirmBox('重复登记');
    expect(callsOf(invoke, 'project_void')).toEqual([{ id: 5, reason: '重复登记' }]);
    expect(hook('project-voided')?.textContent).toContain('作废原因：重复登记');
    expect(hook('project-title')?.classList.contains('voided')).toBe(true);
    expect(hook('project-edit')!.hasAttribute('disabled')).toBe(true);
    expect(hook('project-milestone-edit-start')!.hasAttribute('disabled')).toBe(true);
    expect(hook('project-carry')).toBeNull();
  });

  it('prints the year\'s ledger in the print panel', async () => {
    await mountPage();
    hook('project-print')!.click();
    await settle();
    const requests = (callsOf(invoke, 'print_preview') as { request: PrintRequest }[]).map((c) => c.request);
    expect(requests[0]).toEqual({
      target: { kind: 'book', book: 'projects', period: { by: 'year', year: 2026 } }, reveal_reason: null, volume: 1, archival: false,
    });
    expect(hook('project-print-dialog')?.textContent).toContain('民生实事项目台账');
  });
});
