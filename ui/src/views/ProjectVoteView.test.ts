// 录入票决结果 against a fake core: the year's own candidates as the grid's rows, the sessions of the
// year and the one before (latest first), the counts typed row by row (Enter goes down a column),
// checks before the core, the vote sent whole (blanks as 0), the core's answer shown sorted by
// place with 入选 / 未入选 (never decided here), a refusal above the grid, an earlier vote loaded
// again, the kept draft, and Ctrl+Enter.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CongressSession, LivelihoodProject, ProjectVote, VoteInput } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import ProjectVoteView from './ProjectVoteView.vue';

const YEAR = new Date().getFullYear() + 1;

const project = (id: number, over: Partial<LivelihoodProject> = {}): LivelihoodProject => ({
  id, number: `民生实事〔${YEAR}〕第${id}号`, year: YEAR, seq: id, title: `项目${id}`, description: '', source: 'voters', suggestion: null,
  estimated_cost: 355000, unit: null, planned_completion: null, vote: null, milestones: [], reports: [], evaluation: null,
  state: 'candidate', state_label: '候选（未票决）', carried_to: null, checks: [], notes: '', voided: false, void_reason: null, ...over,
});

const session = (id: number, first_day: string, over: Partial<CongressSession> = {}): CongressSession => ({
  id, number: `第二十届人民代表大会第${'一二三四五六'[id - 1]}次会议`, term_id: 1, seq: id, kind: 'regular', first_day, last_day: first_day,
  place: '', notified_on: null, presiders: '', attendees: '', members: [], expected: 60, present: 56, excused: 4, absent: 0,
  items: [], elections: [], deputy_events: [], checks: [], notes: '', voided: false, void_reason: null, ...over,
});

const vote = (over: Partial<ProjectVote>): ProjectVote => ({
  session_id: 5, session_number: '第二十届人民代表大会第五次会议', votes_for: 0, votes_against: 0, votes_abstain: 0, deputies: 60,
  ballots_issued: 50, ballots_returned: 50, void: false, rank: 1, adopted: false, ...over,
});

let candidates: LivelihoodProject[];
let refuse: { code: string; field: string | null; message: string } | null;

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  refuse = null;
  candidates = [
    project(1, { title: '村道硬化' }), project(2, { title: '路灯改造', source: 'government', estimated_cost: null }),
    // carried into the year and voided ones are not voted again
    project(8, { year: YEAR - 1, number: `民生实事〔${YEAR - 1}〕第8号`, carried_to: YEAR }), project(3, { voided: true }),
  ];
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    rule_profile_get: () => ({ livelihood: { majority: 'half', max_adopted: null, basis: '获得全体代表过半数赞成票的候选项目入选' } }),
    sessions_list: ({ query }) => {
      const all = [session(3, `${YEAR - 2}-12-15`), session(4, `${YEAR - 1}-03-10`), session(5, `${YEAR - 1}-12-15`),
        session(6, `${YEAR}-03-09`, { voided: true })];
      const items = all.filter((s) => s.first_day.startsWith(String(query.year)));
      return { items, total: items.length, page: 1, page_size: 500 };
    },
    projects_list: () => ({ items: candidates, total: candidates.length, page: 1, page_size: 500 }),
    project_vote: ({ input }: { input: VoteInput }) => {
      if (refuse) throw refuse;
      // the core decides: here a majority of 60 deputies
      return input.candidates
        .map((c) => ({ c, p: candidates.find((p) => p.id === c.project_id)! }))
        .sort((a, b) => b.c.votes_for - a.c.votes_for)
        .map(({ c, p }, i) => project(p.id, {
          title: p.title,
          vote: vote({ votes_for: c.votes_for, votes_against: c.votes_against, votes_abstain: c.votes_abstain, rank: i + 1, adopted: c.votes_for > 30 }),
        }));
    },
  }));
});

async function mountVote(path = `/projects/vote?year=${YEAR}`) {
  const res = await mountAt(path, '/projects/vote', ProjectVoteView, [{ path: '/projects', component: { render: () => null } }]);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

function typeNumber(id: string, n: number | '') {
  const input = hook(id)!.querySelector('input')!;
  input.value = String(n);
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}

async function chooseSession(id: number) {
  hook('vote-session')!.click();
  await settle();
  document.querySelector<HTMLElement>(`.popper-vote-session [data-test="option-session-${id}"]`)!.click();
  await settle();
}

const sent = () => (callsOf(invoke, 'project_vote') as { input: VoteInput }[]).map((c) => c.input);

describe('ProjectVoteView', () => {
  it('lists the year\'s own candidates and the live sessions of the year and the year before, latest first', async () => {
    await mountVote();
    expect(hook('vote-title')?.textContent).toBe(`录入${YEAR}年民生实事项目票决结果`);
    expect(callsOf(invoke, 'projects_list')).toEqual([{ query: { year: YEAR, page_size: 500 } }]);
    expect(callsOf(invoke, 'sessions_list')).toEqual([
      { query: { year: YEAR - 1, page_size: 500 } }, { query: { year: YEAR, page_size: 500 } },
    ]);
    expect(hooks('vote-row').map((r) => r.dataset.id)).toEqual(['1', '2']);
    expect(hooks('vote-row')[1].textContent).toContain('政府提出');
    expect(hooks('vote-row')[1].textContent).toContain('—');
    hook('vote-session')!.click();
    await settle();
    const options = [...document.querySelectorAll<HTMLElement>('.popper-vote-session .el-select-dropdown__item')];
    expect(options.map((o) => o.dataset.test)).toEqual(['option-session-5', 'option-session-4']);
    expect(options[0].textContent).toContain('第二十届人民代表大会第五次会议');
  });

  it('sends the whole vote and shows the core\'s result by place, 入选 and 未入选', async () => {
    await mountVote();
    await chooseSession(5);
    expect(hook('vote-present')?.dataset.present).toBe('56');
    expect(hook('vote-present')?.textContent).toContain('出席 56 人，全体代表 60 人');
    typeNumber('vote-ballots_issued', 50);
    typeNumber('vote-ballots_returned', 50);
    typeNumber('vote-for-1', 10);
    typeNumber('vote-against-1', 30);
    typeNumber('vote-for-2', 40);
    await settle();
    expect(hooks('vote-total').map((t) => t.textContent?.trim())).toEqual(['40', '40']);
    hook('vote-save')!.click();
    await settle();
    expect(sent()).toEqual([{
      year: YEAR, session_id: 5, ballots_issued: 50, ballots_returned: 50,
      candidates: [
        { project_id: 1, votes_for: 10, votes_against: 30, votes_abstain: 0 },
        { project_id: 2, votes_for: 40, votes_against: 0, votes_abstain: 0 },
      ],
    }]);
    const rows = hooks('vote-result-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['2', '1']);
    expect(hooks('vote-result-rank').map((r) => r.textContent)).toEqual(['1', '2']);
    expect(hooks('vote-result-adopted').map((t) => [t.dataset.value, t.textContent?.trim()])).toEqual([['true', '入选'], ['false', '未入选']]);
    expect(hook('vote-result')?.textContent).toContain('入选 1 个，未入选 1 个');
    expect(hook('vote-result-deputies')?.textContent).toBe('全体代表 60 人');
    expect(hook('vote-basis')?.textContent).toContain('过半数');
    expect(hook('vote-result-void')).toBeNull();
  });

  it('checks before the core: the session, the ballots, every 赞成, no row above the ballots returned', async () => {
    await mountVote();
    hook('vote-save')!.click();
    await settle();
    expect(sent()).toEqual([]);
    expect(formItemOf('vote-session').textContent).toContain('请选择票决的人代会');
    expect(formItemOf('vote-ballots_issued').textContent).toContain('请填写发出的选票数');
    expect(hook('vote-row-error-1')?.textContent).toBe('请填写赞成票数');
    expect(hook('vote-candidates-error')?.textContent).toContain('有 2 个项目的票数需要核对');
    await chooseSession(5);
    typeNumber('vote-ballots_issued', 50);
    typeNumber('vote-ballots_returned', 50);
    typeNumber('vote-for-1', 40);
    typeNumber('vote-for-2', 30);
    typeNumber('vote-abstain-2', 21);
    await settle();
    expect(hooks('vote-total')[1].classList.contains('over')).toBe(true);
    hook('vote-save')!.click();
    await settle();
    expect(sent()).toEqual([]);
    expect(hook('vote-row-error-1')).toBeNull();
    expect(hook('vote-row-error-2')?.textContent).toBe('赞成、反对、弃权合计 51 票，超过收回的选票 50 张');
  });

  it('shows the core\'s refusal above the grid or under its field', async () => {
    refuse = { code: 'validation', field: 'ballots_issued', message: '发出选票 50 张，多于出席第二十届人民代表大会第五次会议的 48 人' };
    await mountVote();
    await chooseSession(5);
    typeNumber('vote-ballots_issued', 50);
    typeNumber('vote-ballots_returned', 50);
    typeNumber('vote-for-1', 40);
    typeNumber('vote-for-2', 10);
    hook('vote-save')!.click();
    await settle();
    expect(formItemOf('vote-ballots_issued').textContent).toContain('多于出席');
    refuse = { code: 'validation', field: 'candidates', message: '“村道硬化”赞成、反对、弃权合计 51 票，超过收回的选票 50 张（出席 48 人）' };
    hook('vote-save')!.click();
    await settle();
    expect(hook('vote-candidates-error')?.textContent).toContain('超过收回的选票');
    expect(hook('vote-result')).toBeNull();
  });

  it('opens an earlier vote of the year with its session, ballots and counts', async () => {
    candidates = [
      project(1, { vote: vote({ votes_for: 40, votes_against: 5, votes_abstain: 5, adopted: true }) }),
      project(2, { vote: vote({ votes_for: 10, votes_against: 20, votes_abstain: 20, rank: 2 }) }),
    ];
    await mountVote();
    expect(hook('vote-session')?.textContent).toContain('第二十届人民代表大会第五次会议');
    expect(hook('vote-ballots_issued')!.querySelector('input')!.value).toBe('50');
    expect(hook('vote-for-1')!.querySelector('input')!.value).toBe('40');
    expect(hook('vote-abstain-2')!.querySelector('input')!.value).toBe('20');
  });

  it('moves down a column with Enter and saves with Ctrl+Enter', async () => {
    await mountVote();
    await chooseSession(5);
    typeNumber('vote-ballots_issued', 50);
    typeNumber('vote-ballots_returned', 50);
    typeNumber('vote-for-1', 40);
    const first = hook('vote-for-1')!.querySelector('input')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    await settle();
    expect(document.activeElement).toBe(hook('vote-for-2')!.querySelector('input'));
    typeNumber('vote-for-2', 10);
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await settle();
    expect(sent()).toHaveLength(1);
    expect(hooks('vote-result-row')).toHaveLength(2);
  });

  it('keeps the half-typed grid and opens on it again; another year opens anew', async () => {
    const first = await mountVote();
    typeNumber('vote-for-2', 33);
    await settle();
    first.wrapper.unmount();
    document.body.innerHTML = '';
    const second = await mountVote();
    expect(hook('draft-restored')).not.toBeNull();
    expect(hook('vote-for-2')!.querySelector('input')!.value).toBe('33');
    expect(hook('vote-for-1')!.querySelector('input')!.value).toBe('');

    hook('vote-year')!.click();
    await settle();
    document.querySelector<HTMLElement>(`.popper-vote-year [data-test="option-year-${YEAR - 1}"]`)!.click();
    await settle();
    expect(second.router.currentRoute.value.fullPath).toBe(`/projects/vote?year=${YEAR - 1}`);
  });

  it('says when the year has no candidate yet', async () => {
    candidates = [];
    await mountVote();
    expect(hook('vote-no-candidates')?.textContent).toContain(`${YEAR}年还没有候选项目`);
    expect(hooks('vote-row')).toHaveLength(0);
  });
});
