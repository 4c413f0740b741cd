// The 民生实事 list against a fake core: this year unless the URL says otherwise, the cells (number,
// title with 结转, source, unit, 估算投资 in 万元, 票决 as the core counted it, state, next milestone
// with 逾期), 只看入选 and the year into the URL, and the two buttons carrying the year shown.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LivelihoodProject, ProjectVote } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import ProjectsView from './ProjectsView.vue';

const YEAR = new Date().getFullYear();

const vote = (over: Partial<ProjectVote> = {}): ProjectVote => ({
  session_id: 4, session_number: '第二十届人民代表大会第四次会议', votes_for: 52, votes_against: 1, votes_abstain: 3, deputies: 60,
  ballots_issued: 56, ballots_returned: 56, void: false, rank: 1, adopted: true, ...over,
});

const project = (id: number, over: Partial<LivelihoodProject> = {}): LivelihoodProject => ({
  id, number: `民生实事〔${YEAR}〕第${id}号`, year: YEAR, seq: id, title: `项目${id}`, description: '', source: 'voters', suggestion: null,
  estimated_cost: 355000, unit: { id: 2, name: '镇建设办' }, planned_completion: `${YEAR}-11-30`, vote: null, milestones: [], reports: [],
  evaluation: null, state: 'candidate', state_label: '候选（未票决）', carried_to: null, checks: [], notes: '', voided: false,
  void_reason: null, ...over,
});

const ROWS = [
  project(1, {
    title: '青山村道路提升改造', source: 'suggestion', estimated_cost: 3200000, vote: vote(), state: 'underway', state_label: '实施中',
    milestones: [
      { kind: 'approval', planned_on: `${YEAR}-04-01`, done_on: `${YEAR}-04-03`, amount: null, note: '', late: false },
      { kind: 'tender', planned_on: `${YEAR}-05-01`, done_on: null, amount: null, note: '', late: true },
    ],
    checks: ['招投标计划于5月1日，已过期 12 天仍未登记完成'],
  }),
  project(2, { title: '智慧路灯改造', estimated_cost: null, unit: null, vote: vote({ votes_for: 20, rank: 11, adopted: false }), state: 'not_adopted', state_label: '未入选' }),
  project(3, { title: '河道综合整治', source: 'government' }),
  project(9, {
    number: `民生实事〔${YEAR - 1}〕第9号`, year: YEAR - 1, title: '村级文化礼堂提升', carried_to: YEAR, vote: vote({ rank: 3 }),
    state: 'adopted', state_label: '已入选',
  }),
];

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    projects_list: () => ({ items: ROWS, total: ROWS.length, page: 1, page_size: 20 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const texts = (id: string) => hooks(id).map((h) => h.textContent?.trim());

describe('ProjectsView', () => {
  it('shows this year\'s list by default, with its cells', async () => {
    await mountAt('/projects', '/projects', ProjectsView);
    await settle();
    expect(callsOf(invoke, 'projects_list')[0]).toEqual({ query: { page: 1, page_size: 20, year: YEAR } });
    expect(hook('projects-year')?.textContent).toContain(`${YEAR}年`);
    expect(hooks('project-row').map((r) => r.dataset.id)).toEqual(['1', '2', '3', '9']);
    expect(hooks('project-link')[0].getAttribute('href')).toContain('/projects/1');
    expect(texts('project-title')).toEqual(['青山村道路提升改造', '智慧路灯改造', '河道综合整治', '村级文化礼堂提升']);
    expect(texts('project-carried')).toEqual([`${YEAR - 1}年结转`]);
    expect(texts('project-source')).toEqual(['代表建议', '群众意见', '政府提出', '群众意见']);
    expect(texts('project-cost')).toEqual(['320', '—', '35.5', '35.5']);
    expect(texts('project-vote-cell')).toEqual(['赞成 52，第1名，入选', '赞成 20，第11名，未入选', '未票决', '赞成 52，第3名，入选']);
    expect(hooks('project-vote-cell').map((c) => c.dataset.adopted)).toEqual(['true', 'false', 'none', 'true']);
    expect(texts('project-state')).toEqual(['实施中', '未入选', '候选（未票决）', '已入选']);
    expect(texts('project-next')).toEqual([`招投标：计划${YEAR}年5月1日`, '—', '—', '立项（未定计划）']);
    // 逾期 only where the core marks a milestone late
    expect(hooks('project-late')).toHaveLength(1);
    expect(hooks('project-row')[0].querySelector('[data-test="project-late"]')).not.toBeNull();
    expect(hooks('project-checks-tag').map((t) => t.dataset.count)).toEqual(['1']);
    expect(hooks('project-row')[1].textContent).toContain('—'); // no unit
  });

  it('reads the year and 只看入选 from the URL, and puts a change there', async () => {
    const { router } = await mountAt(`/projects?year=${YEAR + 1}&adopted=1`, '/projects', ProjectsView);
    await settle();
    expect(callsOf(invoke, 'projects_list')[0]).toEqual({ query: { page: 1, page_size: 20, year: YEAR + 1, adopted_only: true } });
    expect(hook('projects-adopted')?.classList.contains('is-checked')).toBe(true);
    hook('projects-adopted')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe(`/projects?year=${YEAR + 1}`);
    expect(callsOf(invoke, 'projects_list').at(-1)).toEqual({ query: { page: 1, page_size: 20, year: YEAR + 1 } });
    hook('projects-include-voided')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ year: String(YEAR + 1), include_voided: '1' });
  });

  it('shows every year when the year is cleared (year=all)', async () => {
    await mountAt('/projects?year=all', '/projects', ProjectsView);
    await settle();
    expect(callsOf(invoke, 'projects_list')[0]).toEqual({ query: { page: 1, page_size: 20 } });
    // every year shown: a carried project reads as carried on from its own year
    expect(texts('project-carried')).toEqual([`已结转${YEAR}年`]);
  });

  it('opens 新增候选项目 and 录入票决结果 for the year shown', async () => {
    const { router } = await mountAt(`/projects?year=${YEAR + 1}`, '/projects', ProjectsView);
    await settle();
    hook('project-new')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe(`/projects/new?year=${YEAR + 1}`);
    await router.push(`/projects?year=${YEAR + 1}`);
    await settle();
    hook('project-vote')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe(`/projects/vote?year=${YEAR + 1}`);
  });
});
