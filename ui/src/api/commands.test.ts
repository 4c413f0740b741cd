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
    await api.settingsSave({ township: '城关镇', operator: '王五' });
    expect(invoke).toHaveBeenLastCalledWith('settings_save', { settings: { township: '城关镇', operator: '王五' } });
    await api.appInfo();
    expect(invoke).toHaveBeenLastCalledWith('app_info');
  });
});
