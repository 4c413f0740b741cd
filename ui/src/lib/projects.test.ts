import { describe, expect, it } from 'vitest';
import type { CongressSession, LivelihoodProject, Milestone, ProjectVote } from '../api/types';
import {
  PROJECT_LIST, buildProjectQuery, canCarry, carriedText, checkEvaluationForm, checkMilestoneForm, checkProjectForm,
  checkReportForm, checkVoteForm, defaultProjectFilters, emptyProjectForm, evaluationRate, formFromProject, hasVoteProblems,
  mergeVoteRows, milestoneNote, milestoneRows, nextMilestone, projectFiltersFromQuery, projectFiltersToQuery,
  projectYearOptions, rowTotal, toEvaluationInput, toMilestoneInput, toProjectInput, toReportInput, toVoteInput, voteCandidates,
  voteCell, voteFormFrom, voteSessions, wanText, wanToYuan, yearFromQuery, yuanToWan,
} from './projects';

const vote = (over: Partial<ProjectVote> = {}): ProjectVote => ({
  session_id: 4, session_number: '第二十届人民代表大会第四次会议', votes_for: 52, votes_against: 1, votes_abstain: 3, deputies: 60,
  ballots_issued: 56, ballots_returned: 56, void: false, rank: 1, adopted: true, ...over,
});

const ms = (kind: Milestone['kind'], over: Partial<Milestone> = {}): Milestone => ({
  kind, planned_on: null, done_on: null, amount: null, note: '', late: false, ...over,
});

const project = (id: number, over: Partial<LivelihoodProject> = {}): LivelihoodProject => ({
  id, number: `民生实事〔2026〕第${id}号`, year: 2026, seq: id, title: `项目${id}`, description: '', source: 'voters', suggestion: null,
  estimated_cost: 355000, unit: { id: 2, name: '镇建设办' }, planned_completion: '2026-11-30', vote: null, milestones: [], reports: [],
  evaluation: null, state: 'candidate', state_label: '候选（未票决）', carried_to: null, checks: [], notes: '', voided: false,
  void_reason: null, ...over,
});

const NOW = new Date(2026, 4, 20);

describe('money in 万元', () => {
  it('turns 万元 into whole yuan and back', () => {
    expect(wanToYuan(35.5)).toBe(355000);
    expect(wanToYuan(0.0001)).toBe(1);
    expect(wanToYuan(320)).toBe(3200000);
    expect(wanToYuan(0.1 + 0.2)).toBe(3000);
    expect(wanToYuan(null)).toBeNull();
    expect(yuanToWan(355000)).toBe(35.5);
    expect(yuanToWan(null)).toBeNull();
  });

  it('writes 万元 without trailing zeros', () => {
    expect(wanText(355000)).toBe('35.5');
    expect(wanText(3200000)).toBe('320');
    expect(wanText(3040000)).toBe('304');
    expect(wanText(12345)).toBe('1.2345');
    expect(wanText(1)).toBe('0.0001');
    expect(wanText(0)).toBe('0');
    expect(wanText(null)).toBe('—');
  });
});

describe('the candidate form', () => {
  it('sends the cost in yuan, trimmed text, the suggestion only for 代表建议', () => {
    const m = { ...emptyProjectForm(2027), title: ' 村道硬化 ', cost_wan: 35.5, unit_id: 2, planned_completion: '2027-11-30', suggestion_id: 9 };
    expect(toProjectInput(m)).toEqual({
      year: 2027, title: '村道硬化', description: '', source: 'voters', suggestion_id: null, estimated_cost: 355000, unit_id: 2,
      planned_completion: '2027-11-30', notes: '',
    });
    expect(toProjectInput({ ...m, source: 'suggestion' }).suggestion_id).toBe(9);
    expect(toProjectInput({ ...m, cost_wan: null, planned_completion: null }))
      .toMatchObject({ estimated_cost: null, planned_completion: null });
  });

  it('asks for the title and, for 代表建议, the suggestion', () => {
    expect(checkProjectForm(emptyProjectForm(2027))).toEqual({ title: '请填写项目名称' });
    expect(checkProjectForm({ ...emptyProjectForm(2027), title: '村道', source: 'suggestion' }))
      .toEqual({ suggestion_id: '来源为代表建议的项目，请选择是哪一件建议' });
    expect(checkProjectForm({ ...emptyProjectForm(2027), title: '村道', cost_wan: -1 })).toEqual({ estimated_cost: '估算投资不能为负数' });
  });

  it('reads a stored project back into the form, the cost in 万元', () => {
    const p = project(3, { source: 'suggestion', suggestion: { id: 9, number: '建议〔2026〕第9号' }, notes: '备' });
    expect(formFromProject(p)).toEqual({
      year: 2026, title: '项目3', description: '', source: 'suggestion', suggestion_id: 9, suggestion_number: '建议〔2026〕第9号',
      cost_wan: 35.5, unit_id: 2, planned_completion: '2026-11-30', notes: '备',
    });
  });

  it('offers next year first, then back', () => {
    expect(projectYearOptions(2026, 2).map((o) => o.label)).toEqual(['2027年', '2026年', '2025年', '2024年']);
  });
});

describe('the vote grid', () => {
  const candidates = [project(2), project(1), project(5, { year: 2025, carried_to: 2026 }), project(4, { voided: true })];

  it('takes the year\'s own live candidates in their order', () => {
    expect(voteCandidates(candidates, 2026).map((p) => p.id)).toEqual([1, 2]);
  });

  it('starts empty, or from an earlier vote of the year', () => {
    const fresh = voteFormFrom(voteCandidates(candidates, 2026));
    expect(fresh).toMatchObject({ session_id: null, ballots_issued: null, ballots_returned: null });
    expect(fresh.rows.map((r) => [r.project_id, r.votes_for])).toEqual([[1, null], [2, null]]);
    const voted = voteFormFrom([project(1, { vote: vote({ votes_for: 40 }) }), project(2, { vote: vote({ votes_for: 10, adopted: false, rank: 2 }) })]);
    expect(voted).toMatchObject({ session_id: 4, ballots_issued: 56, ballots_returned: 56 });
    expect(voted.rows.map((r) => [r.votes_for, r.votes_against, r.votes_abstain])).toEqual([[40, 1, 3], [10, 1, 3]]);
  });

  it('puts a kept draft\'s counts over the rows of today\'s candidates', () => {
    const rows = voteFormFrom([project(1), project(2)]).rows;
    const merged = mergeVoteRows(rows, [{ project_id: 2, votes_for: 33, votes_against: null, votes_abstain: 1 }, { project_id: 9, votes_for: 1 }]);
    expect(merged.map((r) => [r.project_id, r.votes_for, r.votes_abstain])).toEqual([[1, null, null], [2, 33, 1]]);
    expect(mergeVoteRows(rows, null)).toEqual(rows);
  });

  it('checks the session, the ballots and each row before the core', () => {
    const m = voteFormFrom([project(1), project(2)]);
    const empty = checkVoteForm(m);
    expect(empty.fields).toMatchObject({
      session_id: '请选择票决的人代会', ballots_issued: '请填写发出的选票数', ballots_returned: '请填写收回的选票数',
      candidates: '有 2 个项目的票数需要核对（见各行）',
    });
    expect(empty.rows).toEqual({ 1: '请填写赞成票数', 2: '请填写赞成票数' });
    m.session_id = 4;
    m.ballots_issued = 50;
    m.ballots_returned = 50;
    m.rows[0].votes_for = 40;
    m.rows[1].votes_for = 10;
    m.rows[1].votes_against = 41;
    const over = checkVoteForm(m);
    expect(over.rows).toEqual({ 2: '赞成、反对、弃权合计 51 票，超过收回的选票 50 张' });
    m.rows[1].votes_against = 30;
    expect(hasVoteProblems(checkVoteForm(m))).toBe(false);
    expect(rowTotal(m.rows[1])).toBe(40);
    expect(checkVoteForm({ ...m, rows: [] }).fields.candidates).toBe('这一年还没有候选项目，请先新增候选项目');
  });

  it('sends every candidate, blanks as 0', () => {
    const m = voteFormFrom([project(1), project(2)]);
    Object.assign(m, { session_id: 4, ballots_issued: 50, ballots_returned: 49 });
    m.rows[0].votes_for = 40;
    m.rows[1].votes_for = 10;
    m.rows[1].votes_abstain = 2;
    expect(toVoteInput(2027, m)).toEqual({
      year: 2027, session_id: 4, ballots_issued: 50, ballots_returned: 49,
      candidates: [
        { project_id: 1, votes_for: 40, votes_against: 0, votes_abstain: 0 },
        { project_id: 2, votes_for: 10, votes_against: 0, votes_abstain: 2 },
      ],
    });
  });

  it('offers the live sessions of the year and the one before, latest first', () => {
    const s = (id: number, first_day: string, voided = false) => ({ id, first_day, voided }) as CongressSession;
    const list = [s(1, '2025-03-10'), s(2, '2025-12-15'), s(3, '2026-03-09'), s(4, '2024-03-10'), s(5, '2026-07-01', true)];
    expect(voteSessions(list, 2026).map((x) => x.id)).toEqual([3, 2, 1]);
    expect(voteSessions(list, 2027).map((x) => x.id)).toEqual([3]);
  });
});

describe('display', () => {
  it('says how a project fared in the vote, as the core counted it', () => {
    expect(voteCell(project(1))).toBe('未票决');
    expect(voteCell(project(1, { vote: vote() }))).toBe('赞成 52，第1名，入选');
    expect(voteCell(project(1, { vote: vote({ votes_for: 20, rank: 11, adopted: false }) }))).toBe('赞成 20，第11名，未入选');
  });

  it('lists the five milestones in order and finds the next one', () => {
    const p = project(1, {
      vote: vote(),
      milestones: [ms('start', { planned_on: '2026-05-01', late: true }), ms('approval', { planned_on: '2026-04-01', done_on: '2026-04-03' })],
    });
    expect(milestoneRows(p).map((m) => [m.kind, m.done_on])).toEqual([
      ['approval', '2026-04-03'], ['tender', null], ['start', null], ['completion', null], ['acceptance', null],
    ]);
    expect(nextMilestone(p)).toEqual({ kind: 'tender', planned_on: null, late: false });
    // a milestone reached after a skipped one: the next is after it
    const skipped = { ...p, milestones: [...p.milestones, ms('start', { done_on: '2026-05-03' })].filter((_, i) => i !== 0) };
    expect(nextMilestone(skipped)).toEqual({ kind: 'completion', planned_on: null, late: false });
    const late = { ...p, milestones: [ms('approval', { planned_on: '2026-04-01', late: true })] };
    expect(nextMilestone(late)).toEqual({ kind: 'approval', planned_on: '2026-04-01', late: true });
    const all = { ...p, milestones: milestoneRows(p).map((m) => ({ ...m, done_on: '2026-05-01' })) };
    expect(nextMilestone(all)).toBeNull();
    expect(nextMilestone(project(1))).toBeNull();
    expect(nextMilestone(project(1, { vote: vote({ adopted: false }) }))).toBeNull();
  });

  it('words the tender, the rate, the carried mark and when carrying is offered', () => {
    expect(milestoneNote(ms('tender', { amount: 3040000, note: '青山建设有限公司' }))).toBe('中标价 304 万元，中标单位：青山建设有限公司');
    expect(milestoneNote(ms('tender'))).toBe('');
    expect(milestoneNote(ms('start', { note: '已进场' }))).toBe('已进场');
    expect(evaluationRate({ numerator: 18, denominator: 20 })).toBe('90.0%（18/20）');
    expect(carriedText(project(1, { year: 2025, carried_to: 2026 }), 2026)).toBe('2025年结转');
    expect(carriedText(project(1, { year: 2025, carried_to: 2026 }), 2025)).toBe('已结转2026年');
    expect(carriedText(project(1), 2026)).toBe('');
    expect(canCarry(project(1, { vote: vote(), state: 'underway' }))).toBe(true);
    expect(canCarry(project(1, { vote: vote(), state: 'completed' }))).toBe(false);
    expect(canCarry(project(1, { vote: vote({ adopted: false }), state: 'not_adopted' }))).toBe(false);
    expect(canCarry(project(1, { vote: vote(), state: 'adopted', voided: true }))).toBe(false);
  });
});

describe('the dialogs', () => {
  it('sends a milestone with the tender price in yuan, and asks for a date', () => {
    expect(toMilestoneInput({ kind: 'tender', planned_on: '2026-04-01', done_on: null, amount_wan: 304, note: ' 青山建设 ' }))
      .toEqual({ kind: 'tender', planned_on: '2026-04-01', done_on: null, amount: 3040000, note: '青山建设' });
    expect(toMilestoneInput({ kind: 'start', planned_on: null, done_on: '2026-05-03', amount_wan: 5, note: '' }).amount).toBeNull();
    expect(checkMilestoneForm({ kind: 'start', planned_on: null, done_on: null, amount_wan: null, note: '' }))
      .toEqual({ planned_on: '请填写计划日期或实际日期' });
  });

  it('sends a report, the activity only for an inspection', () => {
    expect(toReportInput({ date: '2026-05-01', kind: 'progress', text: ' 路基完成 ', activity_id: 7 }))
      .toEqual({ date: '2026-05-01', kind: 'progress', text: '路基完成', activity_id: null });
    expect(toReportInput({ date: '2026-05-01', kind: 'inspection', text: '视察', activity_id: 7 }).activity_id).toBe(7);
    expect(checkReportForm({ date: null, kind: 'inspection', text: ' ', activity_id: null }))
      .toEqual({ date: '请选择日期', text: '请填写视察的情况' });
  });

  it('sends an evaluation, blanks as 0, and wants some votes', () => {
    expect(toEvaluationInput({ date: '2026-12-10', satisfied: 15, basically: 3, unsatisfied: null }))
      .toEqual({ date: '2026-12-10', satisfied: 15, basically: 3, unsatisfied: 0 });
    expect(checkEvaluationForm({ date: '2026-12-10', satisfied: null, basically: 0, unsatisfied: null }))
      .toEqual({ satisfied: '请填写满意、基本满意、不满意的票数' });
    expect(checkEvaluationForm({ date: '2026-12-10', satisfied: -1, basically: 0, unsatisfied: 0 })).toEqual({ satisfied: '票数不能为负数' });
  });
});

describe('the list\'s filters', () => {
  it('defaults to this year, and says so in the URL only when another year or every year is shown', () => {
    expect(defaultProjectFilters(NOW).year).toBe(2026);
    expect(projectFiltersFromQuery({}, NOW)).toEqual(defaultProjectFilters(NOW));
    expect(projectFiltersToQuery(defaultProjectFilters(NOW), NOW)).toEqual({});
    const f = projectFiltersFromQuery({ year: '2027', adopted: '1', include_voided: '1', search: ' 村道 ', page: '2' }, NOW);
    expect(f).toMatchObject({ year: 2027, adopted_only: true, include_voided: true, search: '村道', page: 2 });
    expect(projectFiltersToQuery(f, NOW)).toEqual({ year: '2027', adopted: '1', include_voided: '1', search: '村道', page: '2' });
    const all = projectFiltersFromQuery({ year: 'all' }, NOW);
    expect(all.year).toBeNull();
    expect(projectFiltersToQuery(all, NOW)).toEqual({ year: 'all' });
    expect(projectFiltersFromQuery({ year: 'x' }, NOW).year).toBe(2026);
  });

  it('asks the core for the year, 只看入选 and the voided only when chosen', () => {
    expect(buildProjectQuery(defaultProjectFilters(NOW))).toEqual({ page: 1, page_size: 20, year: 2026 });
    expect(buildProjectQuery({ ...defaultProjectFilters(NOW), year: null, adopted_only: true, include_voided: true, search: '村  道' }))
      .toEqual({ page: 1, page_size: 20, adopted_only: true, include_voided: true, search: '村 道' });
    expect(PROJECT_LIST.defaults().year).toBe(new Date().getFullYear());
  });

  it('reads the year a page was opened for', () => {
    expect(yearFromQuery({ year: '2027' }, NOW)).toBe(2027);
    expect(yearFromQuery({}, NOW)).toBe(2026);
    expect(yearFromQuery({ year: 'all' }, NOW)).toBe(2026);
  });
});
