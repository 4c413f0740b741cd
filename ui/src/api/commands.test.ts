import { beforeEach, describe, expect, it, vi } from 'vitest';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn(async () => null) }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import * as api from './commands';

beforeEach(() => invoke.mockClear());

describe('command wrappers', () => {
  it('use the Rust command names and camelCase argument keys', async () => {
    await api.rosterImportCommit('/tmp/a.xlsx', 3, true);
    expect(invoke).toHaveBeenLastCalledWith('roster_import_commit', { path: '/tmp/a.xlsx', term: 3, skipBad: true });
    await api.rosterImportPreview('/tmp/a.xlsx', null);
    expect(invoke).toHaveBeenLastCalledWith('roster_import_preview', { path: '/tmp/a.xlsx', term: null });
    await api.rosterExport('/tmp/b.xlsx', 'group');
    expect(invoke).toHaveBeenLastCalledWith('roster_export', { path: '/tmp/b.xlsx', order: 'group' });
    await api.rosterStats(null, 2);
    expect(invoke).toHaveBeenLastCalledWith('roster_stats', { on: null, term: 2 });
    await api.historyList('deputy', 5, 2);
    expect(invoke).toHaveBeenLastCalledWith('history_list', { entity: 'deputy', id: 5, page: 2 });
  });
  it('pass inputs and queries through unchanged (snake_case fields)', async () => {
    await api.deputiesList({ group_id: 4, page_size: 500 });
    expect(invoke).toHaveBeenLastCalledWith('deputies_list', { query: { group_id: 4, page_size: 500 } });
    await api.deputyVoid(9, '重复录入');
    expect(invoke).toHaveBeenLastCalledWith('deputy_void', { id: 9, reason: '重复录入' });
    await api.presidiumPostEnd(4, '2024-05-01');
    expect(invoke).toHaveBeenLastCalledWith('presidium_post_end', { id: 4, date: '2024-05-01' });
    await api.settingsSave({ township: '城关镇', operator: '王五', county_mode: false });
    expect(invoke).toHaveBeenLastCalledWith('settings_save', { settings: { township: '城关镇', operator: '王五', county_mode: false } });
    await api.appInfo();
    expect(invoke).toHaveBeenLastCalledWith('app_info');
  });
  it('casework commands use the contract names and camelCase keys', async () => {
    await api.unitsList(true);
    expect(invoke).toHaveBeenLastCalledWith('handling_units_list', { includeInactive: true });
    await api.ruleProfilePreview('zhejiang', true);
    expect(invoke).toHaveBeenLastCalledWith('rule_profile_preview', { id: 'zhejiang', applyToOpen: true });
    await api.ruleProfileGet(null);
    expect(invoke).toHaveBeenLastCalledWith('rule_profile_get', { id: null });
    await api.suggestionsAssignMany('2026-03-25', [{ suggestion_id: 1, lead_unit_id: 2, co_unit_ids: [3] }]);
    expect(invoke).toHaveBeenLastCalledWith('suggestions_assign_many', {
      date: '2026-03-25', assignments: [{ suggestion_id: 1, lead_unit_id: 2, co_unit_ids: [3] }],
    });
    await api.suggestionStepVoid(8, '录错');
    expect(invoke).toHaveBeenLastCalledWith('suggestion_step_void', { stepId: 8, reason: '录错' });
    await api.petitionLink(5, 3, '同一人');
    expect(invoke).toHaveBeenLastCalledWith('petition_link', { id: 5, otherId: 3, note: '同一人' });
    await api.petitionReveal(5, '电话回访');
    expect(invoke).toHaveBeenLastCalledWith('petition_reveal', { id: 5, reason: '电话回访' });
    await api.dashboard(7);
    expect(invoke).toHaveBeenLastCalledWith('dashboard', { within: 7 });
    await api.printYearBook(2026, 'petitions', 'D:\\台账2026');
    expect(invoke).toHaveBeenLastCalledWith('print_year_book', { year: 2026, book: 'petitions', folder: 'D:\\台账2026' });
    await api.suggestionStats({ from: '2026-01-01', to: '2026-12-31' });
    expect(invoke).toHaveBeenLastCalledWith('suggestion_stats', { query: { from: '2026-01-01', to: '2026-12-31' } });
  });
  it('sessions commands use the contract names and camelCase keys', async () => {
    await api.sessionsList({ year: 2026, include_voided: true });
    expect(invoke).toHaveBeenLastCalledWith('sessions_list', { query: { year: 2026, include_voided: true } });
    await api.sessionGet(4);
    expect(invoke).toHaveBeenLastCalledWith('session_get', { id: 4 });
    await api.sessionDraft('2026-03-10');
    expect(invoke).toHaveBeenLastCalledWith('session_draft', { date: '2026-03-10' });
    const input = {
      kind: 'regular' as const, first_day: '2026-03-10', last_day: '', place: '', notified_on: null, presiders: '', attendees: '',
      attendance: [{ deputy_id: 3, attendance: 'excused' as const, reason: '住院', approved_by: '' }], items: [], elections: [], notes: '',
    };
    await api.sessionCreate(input);
    expect(invoke).toHaveBeenLastCalledWith('session_create', { input });
    await api.sessionUpdate(4, input);
    expect(invoke).toHaveBeenLastCalledWith('session_update', { id: 4, input });
    await api.sessionVoid(4, '重复登记');
    expect(invoke).toHaveBeenLastCalledWith('session_void', { id: 4, reason: '重复登记' });
    await api.sessionInProgress();
    expect(invoke).toHaveBeenLastCalledWith('session_in_progress');
    await api.sessionChecks();
    expect(invoke).toHaveBeenLastCalledWith('session_checks');
    await api.sessionDismissAbsence(9, '事后补办请假手续');
    expect(invoke).toHaveBeenLastCalledWith('session_dismiss_absence', { deputyId: 9, reason: '事后补办请假手续' });
  });
  it('民生实事 commands use the contract names and camelCase keys', async () => {
    await api.projectsList({ year: 2026, adopted_only: true, page_size: 500 });
    expect(invoke).toHaveBeenLastCalledWith('projects_list', { query: { year: 2026, adopted_only: true, page_size: 500 } });
    await api.projectGet(3);
    expect(invoke).toHaveBeenLastCalledWith('project_get', { id: 3 });
    const input = {
      year: 2027, title: '村道硬化', description: '', source: 'suggestion' as const, suggestion_id: 9, estimated_cost: 355000,
      unit_id: 2, planned_completion: '2027-11-30', notes: '',
    };
    await api.projectCreate(input);
    expect(invoke).toHaveBeenLastCalledWith('project_create', { input });
    await api.projectUpdate(3, input);
    expect(invoke).toHaveBeenLastCalledWith('project_update', { id: 3, input });
    const vote = {
      year: 2027, session_id: 5, ballots_issued: 56, ballots_returned: 56,
      candidates: [{ project_id: 3, votes_for: 40, votes_against: 10, votes_abstain: 6 }],
    };
    await api.projectVote(vote);
    expect(invoke).toHaveBeenLastCalledWith('project_vote', { input: vote });
    const milestone = { kind: 'tender' as const, planned_on: '2027-04-01', done_on: '2027-04-03', amount: 3040000, note: '青山建设有限公司' };
    await api.projectMilestone(3, milestone);
    expect(invoke).toHaveBeenLastCalledWith('project_milestone', { id: 3, input: milestone });
    const report = { date: '2027-05-01', kind: 'inspection' as const, text: '视察现场', activity_id: 7 };
    await api.projectReport(3, report);
    expect(invoke).toHaveBeenLastCalledWith('project_report', { id: 3, input: report });
    await api.projectReportVoid(11, '录错');
    expect(invoke).toHaveBeenLastCalledWith('project_report_void', { reportId: 11, reason: '录错' });
    await api.projectEvaluate(3, { date: '2027-12-10', satisfied: 15, basically: 3, unsatisfied: 2 });
    expect(invoke).toHaveBeenLastCalledWith('project_evaluate', { id: 3, input: { date: '2027-12-10', satisfied: 15, basically: 3, unsatisfied: 2 } });
    await api.projectCarry(3);
    expect(invoke).toHaveBeenLastCalledWith('project_carry', { id: 3 });
    await api.projectVoid(3, '重复登记');
    expect(invoke).toHaveBeenLastCalledWith('project_void', { id: 3, reason: '重复登记' });
    await api.projectsLate();
    expect(invoke).toHaveBeenLastCalledWith('projects_late');
  });
  it('duty report commands use the contract names and keys', async () => {
    await api.dutyReportsList({ year: 2026, deputy_id: 7, page: 1, page_size: 20 });
    expect(invoke).toHaveBeenLastCalledWith('duty_reports_list', { query: { year: 2026, deputy_id: 7, page: 1, page_size: 20 } });
    await api.dutyReportGet(3);
    expect(invoke).toHaveBeenLastCalledWith('duty_report_get', { id: 3 });
    const input = { deputy_id: 7, date: '2026-04-10', place: '村委会', voters_present: 40, good: 30, fair: 8, poor: 2, notes: '' };
    await api.dutyReportCreate(input);
    expect(invoke).toHaveBeenLastCalledWith('duty_report_create', { input });
    await api.dutyReportVoid(3, '日期录错');
    expect(invoke).toHaveBeenLastCalledWith('duty_report_void', { id: 3, reason: '日期录错' });
    await api.dutyReportsOwed();
    expect(invoke).toHaveBeenLastCalledWith('duty_reports_owed');
  });
  it('station rota and duty commands use the contract names and keys', async () => {
    await api.stationRota({ station_id: 2, from: '2026-03-01', to: '2026-05-31' });
    expect(invoke).toHaveBeenLastCalledWith('station_rota', { query: { station_id: 2, from: '2026-03-01', to: '2026-05-31' } });
    const rota = { station_id: 2, date: '2026-04-10', deputy_ids: [3, 5], reason: '外出学习' };
    await api.stationRotaSet(rota);
    expect(invoke).toHaveBeenLastCalledWith('station_rota_set', { input: rota });
    const duty = {
      station_id: 2, date: '2026-04-10', excused: [5], absent: [], leave_reasons: [{ deputy_id: 5, reason: '生病' }],
      voters_received: 12, record: '', opinions: [{ id: null, source: '村民', content: '路灯' }], notes: '',
    };
    await api.stationDuty(duty);
    expect(invoke).toHaveBeenLastCalledWith('station_duty', { input: duty });
    // two dates, not a query: the Rust command takes `from` and `to`
    await api.stationDutyCounts('2026-01-01', '2026-12-31');
    expect(invoke).toHaveBeenLastCalledWith('station_duty_counts', { from: '2026-01-01', to: '2026-12-31' });
    // both bounds always sent; a missing one as null (the core's default: this year)
    await api.supervisionStats('2026-01-01', '2026-06-30');
    expect(invoke).toHaveBeenLastCalledWith('supervision_stats', { from: '2026-01-01', to: '2026-06-30' });
    await api.supervisionStats();
    expect(invoke).toHaveBeenLastCalledWith('supervision_stats', { from: null, to: null });
    await api.supervisionStats(undefined, '2026-03-31');
    expect(invoke).toHaveBeenLastCalledWith('supervision_stats', { from: null, to: '2026-03-31' });
  });
  it('document register commands use the contract names', async () => {
    await api.documentsList({ direction: 'sent', page: 1, page_size: 20 });
    expect(invoke).toHaveBeenLastCalledWith('documents_list', { query: { direction: 'sent', page: 1, page_size: 20 } });
    await api.documentGet(3);
    expect(invoke).toHaveBeenLastCalledWith('document_get', { id: 3 });
    await api.documentVoid(3, '重复登记');
    expect(invoke).toHaveBeenLastCalledWith('document_void', { id: 3, reason: '重复登记' });
    await api.documentRead(3, { reader: '王主席', read_on: '2026-03-20', note: '' });
    expect(invoke).toHaveBeenLastCalledWith('document_read', { id: 3, input: { reader: '王主席', read_on: '2026-03-20', note: '' } });
    await api.documentArchive(3, { archived_on: '2026-03-21', volume: '2026-永久-1' });
    expect(invoke).toHaveBeenLastCalledWith('document_archive', { id: 3, input: { archived_on: '2026-03-21', volume: '2026-永久-1' } });
  });
  it('backup commands send the path or folder under the Rust parameter names', async () => {
    await api.backupContents('C:\\台账\\backups\\auto-20261204-080000.db');
    expect(invoke).toHaveBeenLastCalledWith('backup_contents', { path: 'C:\\台账\\backups\\auto-20261204-080000.db' });
    await api.backupRestore('/b/manual-20261204-090000.db');
    expect(invoke).toHaveBeenLastCalledWith('backup_restore', { path: '/b/manual-20261204-090000.db' });
    await api.backupCopyStatus();
    expect(invoke).toHaveBeenLastCalledWith('backup_copy_status');
    await api.backupCopyDirSet('E:\\台账备份');
    expect(invoke).toHaveBeenLastCalledWith('backup_copy_dir_set', { dir: 'E:\\台账备份' });
    // "" is how the clerk clears the location: it must reach the core as is, not be dropped
    await api.backupCopyDirSet('');
    expect(invoke).toHaveBeenLastCalledWith('backup_copy_dir_set', { dir: '' });
  });
  it('county_import refuses removals unless asked: allowRemoval is false by default and camelCase', async () => {
    // Tauri maps allowRemoval to the Rust allow_removal; a snake_case key would be ignored and read as None
    await api.countyImport('E:\\城关镇');
    expect(invoke).toHaveBeenLastCalledWith('county_import', { path: 'E:\\城关镇', allowRemoval: false });
    await api.countyImport('E:\\城关镇', true);
    expect(invoke).toHaveBeenLastCalledWith('county_import', { path: 'E:\\城关镇', allowRemoval: true });
  });
});
