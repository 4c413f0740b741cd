// 首页's line about the copies of the backups to the 备份位置 (a USB stick), against a fake core:
// a gentle hint when none is chosen, the last copy's date when all is well, and a warning with a
// way to 设置 when the last copy failed or none was made for over a week. And the per-unit table,
// which says what its figures count: the same cases its links list. And 打印督办清单: the core's
// list in the print dialog of the books, not an HTML page. And the review opinions (审议意见) the
// dashboard follows beside the cases, and the deputies who have not yet reported to their voters.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AbsentTwice, CopyStatus, Dashboard, DueItem, LateMilestone, ReportOwed } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import HomeView from './HomeView.vue';

const BOARD: Dashboard = {
  today: '2026-12-05', overdue: [], due_soon: [], awaiting_evaluation: [], promises: [], per_unit: [], within: 7,
  counts: { suggestions_open: 0, petitions_open: 0, rectifications_open: 0, overdue: 0, due_soon: 0 },
};

let status: CopyStatus | Error;
let board: Dashboard;
let flags: AbsentTwice[];
let late: LateMilestone[] | Error;
let owed: ReportOwed[] | Error;

beforeEach(() => {
  document.body.innerHTML = '';
  status = { dir: 'E:\\台账备份', last_copy: '2026-12-04 08:00:05', last_error: null, overdue: false };
  board = BOARD;
  flags = [];
  late = [];
  owed = [];
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    projects_late: () => {
      if (late instanceof Error) throw late;
      return late;
    },
    dashboard: () => board,
    duty_reports_owed: () => {
      if (owed instanceof Error) throw owed;
      return owed;
    },
    meeting_gaps: () => [],
    session_checks: () => ({ absent_twice: flags, short_years: [] }),
    session_dismiss_absence: ({ deputyId }) => {
      flags = flags.filter((f) => f.deputy.id !== deputyId);
      return null;
    },
    roster_stats: () => { throw { code: 'not_found', field: null, message: '没有届次' }; },
    backup_copy_status: () => {
      if (status instanceof Error) throw status;
      return status;
    },
    print_preview: ({ page }) => ({ page, pages: 2, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 297, height_mm: 210 }),
    'plugin:dialog|save': () => null,
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function mountHome() {
  const res = await mountAt('/', '/', HomeView, [
    { path: '/settings', component: { render: () => null } },
    { path: '/suggestions', component: { render: () => null } },
    { path: '/projects/:id(\\d+)', component: { render: () => null } },
  ]);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
/** an Element Plus warning alert (in tests the hook sits on the stubbed transition around it) */
const isWarningAlert = (el: HTMLElement) => el.matches('.el-alert--warning') || !!el.querySelector(':scope > .el-alert--warning');

describe('HomeView backup line', () => {
  it('shows where and when the last copy went, and no warning, when all is well', async () => {
    await mountHome();
    expect(callsOf(invoke, 'backup_copy_status')).toHaveLength(1);
    expect(hook('home-backup-line')?.textContent).toContain('E:\\台账备份');
    expect(hook('home-backup-line')?.textContent).toContain('2026年12月4日 08:00');
    expect(hook('home-backup-warning')).toBeNull();
    expect(hook('home-backup-hint')).toBeNull();
  });

  it('only hints, without a warning, when no location is set', async () => {
    status = { dir: '', last_copy: null, last_error: null, overdue: false };
    const { router } = await mountHome();
    expect(hook('home-backup-hint')?.textContent).toContain('尚未设置备份位置（U盘）');
    expect(document.querySelector('.el-alert--warning')).toBeNull();
    expect(hook('home-backup-line')).toBeNull();
    hook('home-backup-settings')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/settings');
  });

  it('warns with the core\'s reason when the last copy failed, and leads to 设置', async () => {
    status = { dir: 'E:\\台账备份', last_copy: '2026-12-04 08:00:05', last_error: '找不到备份位置“E:\\台账备份”（U盘可能未插好）', overdue: false };
    const { router } = await mountHome();
    const warning = hook('home-backup-warning')!;
    expect(isWarningAlert(warning)).toBe(true);
    expect(warning.textContent).toContain('U盘可能未插好');
    expect(hook('home-backup-line')).toBeNull(); // not "all is well" next to a failure
    hook('home-backup-settings')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/settings');
  });

  it('warns when no copy was made for over a week', async () => {
    status = { dir: 'E:\\台账备份', last_copy: '2026-11-20 09:30:00', last_error: null, overdue: true };
    await mountHome();
    const warning = hook('home-backup-warning')!;
    expect(isWarningAlert(warning)).toBe(true);
    expect(warning.textContent).toContain('已超过一周');
    expect(warning.textContent).toContain('2026年11月20日 09:30');
  });

  it('shows nothing about backups when the status cannot be read, and the dashboard still works', async () => {
    status = new Error('boom');
    await mountHome();
    expect(hook('home-backup-line')).toBeNull();
    expect(hook('home-backup-warning')).toBeNull();
    expect(hook('home-backup-hint')).toBeNull();
    expect(hook('dashboard-count-overdue')?.textContent).toContain('0');
    expect(document.querySelector('.el-message--error')?.textContent ?? '').not.toContain('boom');
  });
});

describe('HomeView per-unit table', () => {
  it('states its one definition — lead or co-handling unit of the assignment in force — and links to the same cases', async () => {
    // 镇交通办 leads two suggestions and co-handles a third: 3, and its link lists those 3
    board = {
      ...BOARD,
      per_unit: [{ unit: { id: 3, name: '镇交通办' }, open: 4, late: 1, suggestions_open: 3, petitions_open: 1, rectifications_open: 0 }],
    };
    const { router } = await mountHome();
    const table = hook('dashboard-per-unit')!;
    const head = table.querySelector('thead')!.textContent;
    // the column says what it counts, not a bare 在办 a clerk would read as "led by"
    expect(head).toContain('在办（主办或协办）');
    const definition = hook('dashboard-unit-definition')!.textContent!;
    expect(definition).toContain('主办或协办');
    expect(definition).toContain('现行交办');
    expect(definition).toContain('各计一次'); // a co-handled case counts for each of its units
    expect(definition).toContain('列出的正是这些案件');
    // right under the table, where the figures are read
    expect(table.nextElementSibling).toBe(hook('dashboard-unit-definition'));

    expect(hook('dashboard-unit-suggestions')?.textContent?.trim()).toBe('3');
    hook('dashboard-unit-suggestions')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/suggestions');
    expect(router.currentRoute.value.query).toEqual({ unit_id: '3', open: '1' });
  });
});

describe('HomeView 督办清单', () => {
  it('opens the core\'s list in the print dialog, typeset only when asked', async () => {
    await mountHome();
    expect(document.querySelector('.print-only')).toBeNull(); // no hidden HTML printout any more
    expect(hook('dashboard-print-dialog')).toBeNull();
    expect(callsOf(invoke, 'print_preview')).toHaveLength(0);

    expect(hook('dashboard-print')?.textContent?.trim()).toBe('打印督办清单');
    hook('dashboard-print')!.click();
    await settle();
    expect(hook('dashboard-print-dialog')?.classList.contains('el-dialog')).toBe(true);
    expect(hook('dashboard-print-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('代表建议和信访事项督办清单');
    expect(callsOf(invoke, 'print_preview')).toEqual([
      { request: { target: { kind: 'supervision' }, reveal_reason: null, volume: 1, archival: false }, page: 1 },
    ]);
    expect(hook('preview-page-label')?.textContent).toContain('第 1 页 / 共 2 页');
    expect(hook('preview-page')?.dataset.widthMm).toBe('297'); // landscape

    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: { defaultPath: string } }[];
    expect(dialog.options.defaultPath).toBe('代表建议和信访事项督办清单-2026-12-05.pdf'); // the board's today
  });

  it('prints even when the dashboard could not be read', async () => {
    invoke.mockImplementation(fakeCore({
      dashboard: () => { throw { code: 'database', field: null, message: '数据库忙' }; },
      meeting_gaps: () => [],
      roster_stats: () => { throw { code: 'not_found', field: null, message: '没有届次' }; },
      backup_copy_status: () => status,
      print_preview: ({ page }) => ({ page, pages: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 297, height_mm: 210 }),
    }));
    await mountHome();
    expect(hook('dashboard-print')!.hasAttribute('disabled')).toBe(false);
    hook('dashboard-print')!.click();
    await settle();
    expect(callsOf(invoke, 'print_preview')).toHaveLength(1);
  });
});

describe('HomeView 未经批准两次不出席人代会', () => {
  const FLAG: AbsentTwice = {
    deputy: { id: 9, name: '钱七' }, term_id: 1, ground: 'absent_twice', basis: '《代表法》第六十二条第三项',
    sessions: [
      { id: 2, number: '第二十届人民代表大会第二次会议', term_id: 1, seq: 2, first_day: '2024-03-01', last_day: '2024-03-01' },
      { id: 4, number: '第二十届人民代表大会第四次会议', term_id: 1, seq: 4, first_day: '2025-03-01', last_day: '2025-03-02' },
    ],
  };

  it('shows nothing when nobody is flagged', async () => {
    await mountHome();
    expect(callsOf(invoke, 'session_checks')).toHaveLength(1);
    expect(hook('absent-twice')).toBeNull();
  });

  it('flags the deputy with the sessions and the basis; 登记终止代表资格 opens the deputy page prefilled', async () => {
    flags = [FLAG];
    const { router } = await mountHome();
    const flag = hook('absent-twice')!;
    expect(isWarningAlert(flag)).toBe(true);
    expect(flag.dataset.id).toBe('9');
    expect(hook('absent-twice-deputy')?.getAttribute('href')).toContain('/deputies/9');
    expect(hook('absent-twice-text')?.textContent).toBe('未经批准两次不出席人代会：第二次、第四次会议');
    expect(hook('absent-twice-basis')?.textContent).toContain('《代表法》第六十二条第三项');
    hook('absent-twice-terminate')!.click();
    await settle();
    const to = router.currentRoute.value;
    expect(to.path).toBe('/deputies/9');
    expect(to.query).toEqual({
      event: 'termination', ground: 'absent_twice',
      reason: '未经批准两次不出席人代会（第二十届人民代表大会第二次会议、第二十届人民代表大会第四次会议）',
    });
  });

  it('不提请 asks the reason and tells the core; the flag goes', async () => {
    flags = [FLAG];
    await mountHome();
    hook('absent-twice-dismiss')!.click();
    await settle();
    // no reason: the box says so and nothing is sent
    document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('请填写不提请的原因');
    expect(callsOf(invoke, 'session_dismiss_absence')).toHaveLength(0);
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = '事后补办了请假手续';
    box.dispatchEvent(new Event('input'));
    await settle();
    document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'session_dismiss_absence')).toEqual([{ deputyId: 9, reason: '事后补办了请假手续' }]);
    expect(hook('absent-twice')).toBeNull();
  });
});

describe('HomeView 民生实事逾期节点', () => {
  const LATE: LateMilestone[] = [
    { project_id: 5, number: '民生实事〔2026〕第1号', title: '青山村至河口村道路提升改造', kind: 'start', planned_on: '2026-11-23', days_late: 12, unit: { id: 2, name: '镇建设办' } },
    { project_id: 7, number: '民生实事〔2026〕第3号', title: '农村饮用水安全巩固提升', kind: 'tender', planned_on: '2026-12-01', days_late: 4, unit: null },
  ];

  it('lists the late milestones beside the overdue cases, most late first, and a click opens the project', async () => {
    late = LATE;
    const { router } = await mountHome();
    expect(callsOf(invoke, 'projects_late')).toHaveLength(1);
    const card = hook('dashboard-late-milestones')!;
    expect(card.textContent).toContain('民生实事逾期节点');
    expect(card.textContent).toContain('2 个');
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="late-milestone-row"]')];
    expect(rows.map((r) => r.dataset.id)).toEqual(['5', '7']);
    const cell = (r: HTMLElement, id: string) => r.querySelector(`[data-test="${id}"]`)?.textContent?.trim();
    expect(cell(rows[0], 'late-milestone-number')).toBe('民生实事〔2026〕第1号');
    expect(cell(rows[0], 'late-milestone-title')).toBe('青山村至河口村道路提升改造');
    expect(cell(rows[0], 'late-milestone-kind')).toBe('开工');
    expect(cell(rows[1], 'late-milestone-kind')).toBe('招投标');
    expect(cell(rows[0], 'late-milestone-days')).toBe('逾期 12 天');
    expect(rows[0].textContent).toContain('2026年11月23日');
    expect(rows[0].textContent).toContain('镇建设办');
    expect(rows[1].textContent).toContain('—');
    // beside the overdue cases
    expect(hook('dashboard-overdue')!.closest('.el-col')!.nextElementSibling).toBe(card.closest('.el-col'));
    rows[1].click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/projects/7');
  });

  it('is hidden when nothing is late, or when the list cannot be read', async () => {
    await mountHome();
    expect(hook('dashboard-late-milestones')).toBeNull();
    document.body.innerHTML = '';
    late = new Error('boom');
    await mountHome();
    expect(hook('dashboard-late-milestones')).toBeNull();
    expect(hook('dashboard-count-overdue')?.textContent).toContain('0');
  });

  it('reads the late milestones again on 刷新', async () => {
    await mountHome();
    late = LATE.slice(0, 1);
    hook('dashboard-refresh')!.click();
    await settle();
    expect(callsOf(invoke, 'projects_late')).toHaveLength(2);
    expect(document.querySelectorAll('[data-test="late-milestone-row"]')).toHaveLength(1);
  });
});

describe('HomeView 审议意见 and 代表述职', () => {
  const item = (over: Partial<DueItem>): DueItem => ({
    book: 'rectifications', id: 4, number: '整改〔2026〕第4号', title: '路灯损坏多处，请限期修复', stage: 'rectify',
    stage_label: '报送整改情况', due_date: '2026-11-30', days_left: -5, overdue: true, unit: { id: 2, name: '镇建设办' },
    key_supervision: false, explanation: '自2026年9月30日送达之日起2个月', ...over,
  });
  const cardValue = (key: string) => hook(`dashboard-count-${key}`)?.textContent?.replace(/\s+/g, '');

  it('counts the opinions not yet rectified in a card that lists exactly those (report or assessment awaited)', async () => {
    board = { ...BOARD, counts: { ...BOARD.counts, rectifications_open: 3 } };
    const { router } = await mountHome();
    expect(hook('dashboard-card-rectifications_open')?.textContent).toContain('待整改审议意见');
    expect(cardValue('rectifications_open')).toBe('3件');
    hook('dashboard-card-rectifications_open')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/rectifications');
    // The core's `open` filter is the count's own definition, so the list matches the number.
    expect(router.currentRoute.value.query).toEqual({ open: '1' });
  });

  it('follows an overdue opinion beside the cases: its book named, a click opens it, the header lists them all', async () => {
    board = {
      ...BOARD,
      overdue: [
        item({}),
        { ...item({ book: 'suggestions', id: 8, number: '20-3-008', title: '修路', stage: 'reply', stage_label: '答复' }) },
      ],
      counts: { ...BOARD.counts, overdue: 2, rectifications_open: 1 },
    };
    const { router } = await mountHome();
    const books = [...hook('dashboard-overdue')!.querySelectorAll<HTMLElement>('[data-test="dashboard-item-book"]')];
    expect(books.map((b) => b.textContent?.trim())).toEqual(['审议意见', '建议']);
    expect(books[0].classList.contains('el-tag--warning')).toBe(true);
    // only one of the two overdue items is an opinion
    expect(hook('dashboard-overdue-rectifications')?.textContent).toContain('其中审议意见 1 件');
    hook('dashboard-overdue-rectifications')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/rectifications');
    expect(router.currentRoute.value.query).toEqual({ overdue: '1' });
    await router.push('/');
    await settle();
    document.querySelector<HTMLElement>('[data-test="dashboard-overdue"] .row-id-4')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/rectifications/4');
  });

  it('shows no link to overdue opinions when none is overdue', async () => {
    board = { ...BOARD, overdue: [item({ book: 'petitions', id: 2, number: '信访〔2026〕第2号' })] };
    await mountHome();
    expect(hook('dashboard-overdue-rectifications')).toBeNull();
  });

  it('gives each unit\'s open opinions their column, linking to the unit\'s opinions', async () => {
    board = {
      ...BOARD,
      per_unit: [{ unit: { id: 2, name: '镇建设办' }, open: 3, late: 1, suggestions_open: 1, petitions_open: 0, rectifications_open: 2 }],
    };
    const { router } = await mountHome();
    expect(hook('dashboard-per-unit')!.querySelector('thead')!.textContent).toContain('其中审议意见');
    expect(hook('dashboard-unit-definition')!.textContent).toContain('尚未整改完毕（待报送整改情况或待主席团评价）的审议意见');
    expect(hook('dashboard-unit-rectifications')?.textContent?.trim()).toBe('2');
    hook('dashboard-unit-rectifications')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/rectifications');
    expect(router.currentRoute.value.query).toEqual({ unit_id: '2' });
  });

  it('counts the deputies who have not reported to their voters this term, and leads to 代表述职', async () => {
    owed = [
      { deputy_id: 11, name: '张三', group_name: '东片代表小组', levels: ['township'], reports: 0, required: 1 },
      { deputy_id: 12, name: '李四', group_name: null, levels: ['township'], reports: 0, required: 1 },
    ];
    const { router } = await mountHome();
    expect(callsOf(invoke, 'duty_reports_owed')).toHaveLength(1);
    expect(hook('dashboard-card-duty_reports_owed')?.textContent).toContain('本届未述职代表');
    expect(cardValue('duty_reports_owed')).toBe('2人');
    hook('dashboard-card-duty_reports_owed')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/duty-reports');
  });

  it('shows — for the deputies not reported when that cannot be read, and the rest still works', async () => {
    owed = new Error('boom');
    board = { ...BOARD, counts: { ...BOARD.counts, rectifications_open: 1 } };
    await mountHome();
    expect(cardValue('duty_reports_owed')).toBe('—人');
    expect(cardValue('rectifications_open')).toBe('1件');
    expect(document.querySelector('.el-message--error')?.textContent ?? '').not.toContain('boom');
  });
});
