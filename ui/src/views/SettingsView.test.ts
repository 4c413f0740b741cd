// 设置 → 数据备份 against a fake core: the 备份位置 (chosen with the folder dialog, refused inline,
// cleared after a question), its status (last copy or 从未, the last error in red, overdue), 立即备份,
// and 恢复: what the backup holds is shown before anything is replaced, the restore only on confirm,
// then where the data before it was kept, and the app started again on the restored data.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupContents, BackupInfo, CopyStatus } from '../api/types';
import { callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke, reloadApp } = vi.hoisted(() => ({ invoke: vi.fn(), reloadApp: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: (options: unknown) => invoke('plugin:dialog|open', { options }) }));
vi.mock('../lib/reloadApp', () => ({ reloadApp }));

import SettingsView from './SettingsView.vue';
import { appInfo } from '../state/app';

const AUTO = 'C:\\台账\\backups\\auto-20261204-080000.db';
const MANUAL = 'C:\\台账\\backups\\manual-20261203-170000.db';
const KEPT: BackupInfo = { path: 'C:\\台账\\backups\\before-restore-20261205-101500.db', size: 2_000_000, created_at: '2026-12-05 10:15:00' };
const CONTENTS: BackupContents = {
  path: AUTO, created_at: '2026-12-04 08:00:00', size: 1_572_864, schema_version: 11,
  entries: [['代表', 45], ['代表建议', 12], ['信访', 7], ['修改记录', 310]],
  last_change: '2026-12-03 16:20:00',
};
const NOT_OURS = { code: 'import', field: null, message: '不能恢复：这是其他程序的数据库文件，数据未作修改' };

let status: CopyStatus;
let backups: BackupInfo[];
let picked: string | null;
let restoreFails: boolean;

beforeEach(() => {
  document.body.innerHTML = '';
  appInfo.value = { app_version: '0.1.0', db_path: 'C:\\台账\\taizhang.db', backup_dir: 'C:\\台账\\backups', schema_version: 12, township: '城关镇', operator: '刘秘书' };
  status = { dir: 'E:\\台账备份', last_copy: '2026-12-04 08:00:05', last_error: null, overdue: false };
  backups = [
    { path: AUTO, size: 1_572_864, created_at: '2026-12-04 08:00:00' },
    { path: MANUAL, size: 1_500_000, created_at: '2026-12-03 17:00:00' },
  ];
  picked = 'F:\\新U盘\\备份';
  restoreFails = false;
  reloadApp.mockReset();
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    settings_get: () => ({ township: '城关镇', operator: '刘秘书', county_mode: false }),
    rule_profiles: () => [],
    rule_profile_get: () => { throw { code: 'not_found', field: null, message: '没有办理规则' }; },
    backups_list: () => backups,
    backup_copy_status: () => status,
    backup_copy_dir_set: ({ dir }: { dir: string }) => {
      if (dir.includes('没有')) throw { code: 'validation', field: 'backup_copy_dir', message: `备份位置“${dir}”不存在或不是文件夹，请插好U盘后重新选择` };
      status = dir ? { dir, last_copy: '2026-12-05 10:00:00', last_error: null, overdue: false } : { dir: '', last_copy: null, last_error: null, overdue: false };
      if (dir) backups = [{ path: 'C:\\台账\\backups\\manual-20261205-100000.db', size: 1, created_at: '2026-12-05 10:00:00' }, ...backups];
      return status;
    },
    backup_now: () => {
      status = { ...status, last_copy: '2026-12-05 11:00:00' };
      return { path: 'C:\\台账\\backups\\manual-20261205-110000.db', size: 1, created_at: '2026-12-05 11:00:00' };
    },
    backup_contents: ({ path }: { path: string }) => {
      if (path.includes('别的程序')) throw NOT_OURS;
      return { ...CONTENTS, path };
    },
    backup_restore: () => {
      if (restoreFails) throw { code: 'import', field: null, message: '不能恢复：完整性检查未通过，数据未作修改' };
      return KEPT;
    },
    'plugin:dialog|open': () => picked,
  }));
});

afterEach(() => {
  document.querySelectorAll<HTMLButtonElement>('.el-message-box__headerbtn').forEach((b) => b.click());
  vi.restoreAllMocks();
});

async function mountView() {
  const res = await mountAt('/settings', '/settings', SettingsView);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim());
const box = () => document.querySelector<HTMLElement>('.el-message-box');
/** the newest box's button (a closed box may linger in the page while it fades) */
const boxButton = (text: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].filter((b) => b.textContent?.trim() === text).at(-1);
/** the restore dialog is open: its content is shown (Element Plus hides a closed dialog's overlay) */
const restoreShown = () => {
  const d = hook('restore-dialog');
  const overlay = d?.closest<HTMLElement>('.el-overlay');
  return !!d && !!overlay && overlay.style.display !== 'none';
};

describe('SettingsView 数据备份', () => {
  it('shows the 备份位置 and when the last copy went there', async () => {
    await mountView();
    expect(callsOf(invoke, 'backup_copy_status')).toHaveLength(1);
    expect(hook('backup-copy-dir')?.textContent).toBe('E:\\台账备份');
    expect(hook('backup-copy-last')?.textContent).toBe('2026年12月4日 08:00');
    expect(hook('backup-copy-clear')).not.toBeNull();
    // nothing wrong: no red line, no warning
    expect(hook('backup-copy-error')).toBeNull();
    expect(hook('backup-copy-overdue')).toBeNull();
  });

  it('shows the last error in red and warns when the copies are overdue, 从未 when none was made', async () => {
    status = { dir: 'E:\\台账备份', last_copy: null, last_error: '找不到备份位置“E:\\台账备份”（U盘可能未插好）', overdue: true };
    await mountView();
    expect(hook('backup-copy-last')?.textContent).toBe('从未');
    const err = hook('backup-copy-error')!;
    expect(err.textContent).toContain('U盘可能未插好');
    expect(err.classList.contains('copy-error')).toBe(true); // the red class
    expect(hook('backup-copy-overdue')?.textContent).toContain('还没有复制过备份到备份位置');
  });

  it('with no location: says 未设置, offers to choose one, and has nothing to clear', async () => {
    status = { dir: '', last_copy: null, last_error: null, overdue: false };
    await mountView();
    expect(hook('backup-copy-dir-none')?.textContent).toBe('未设置');
    expect(hook('backup-copy-choose')?.textContent?.trim()).toBe('选择文件夹…');
    expect(hook('backup-copy-clear')).toBeNull();
    expect(hook('backup-copy-last')).toBeNull();
  });

  it('chooses the location with the folder dialog; the core makes a first copy, shown at once', async () => {
    await mountView();
    hook('backup-copy-choose')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|open') as { options: { directory: boolean; multiple: boolean } }[];
    expect(dialog.options).toMatchObject({ directory: true, multiple: false });
    expect(callsOf(invoke, 'backup_copy_dir_set')).toEqual([{ dir: 'F:\\新U盘\\备份' }]);
    expect(hook('backup-copy-dir')?.textContent).toBe('F:\\新U盘\\备份');
    expect(hook('backup-copy-last')?.textContent).toBe('2026年12月5日 10:00');
    // the first copy is a new backup: the list is read again and shows it
    expect(callsOf(invoke, 'backups_list')).toHaveLength(2);
    expect(hooks('backup-kind').map((k) => k.textContent)).toEqual(['手动', '自动', '手动']);
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已复制一份备份到 F:\\新U盘\\备份');
  });

  it('does nothing when the folder dialog is cancelled', async () => {
    picked = null;
    await mountView();
    hook('backup-copy-choose')!.click();
    await settle();
    expect(callsOf(invoke, 'backup_copy_dir_set')).toEqual([]);
    expect(hook('backup-copy-dir')?.textContent).toBe('E:\\台账备份');
  });

  it('shows the core\'s refusal of a folder under 备份位置 and keeps the old one', async () => {
    picked = 'G:\\没有这个';
    await mountView();
    hook('backup-copy-choose')!.click();
    await settle();
    expect(formItemOf('backup-copy-choose').textContent).toContain('不存在或不是文件夹，请插好U盘后重新选择');
    expect(hook('backup-copy-dir')?.textContent).toBe('E:\\台账备份');
  });

  it('clears the location only after asking, by sending ""', async () => {
    await mountView();
    hook('backup-copy-clear')!.click();
    await settle();
    expect(box()?.textContent).toContain('不再复制到U盘');
    boxButton('取消')!.click();
    await settle();
    expect(callsOf(invoke, 'backup_copy_dir_set')).toEqual([]);

    hook('backup-copy-clear')!.click();
    await settle();
    boxButton('清除')!.click();
    await settle();
    expect(callsOf(invoke, 'backup_copy_dir_set')).toEqual([{ dir: '' }]);
    expect(hook('backup-copy-dir-none')?.textContent).toBe('未设置');
  });

  it('立即备份 makes a backup and reads the copy status again (the backup is copied too)', async () => {
    await mountView();
    hook('backup-now')!.click();
    await settle();
    expect(callsOf(invoke, 'backup_now')).toHaveLength(1);
    expect(callsOf(invoke, 'backup_copy_status')).toHaveLength(2);
    expect(hook('backup-copy-last')?.textContent).toBe('2026年12月5日 11:00');
  });

  it('lists the backups with their kind and a 恢复 button each', async () => {
    await mountView();
    const rows = [...hook('backup-table')!.querySelectorAll('tr.el-table__row')];
    expect(rows.map((r) => cells(r).slice(0, 2))).toEqual([['2026年12月4日 08:00', '自动'], ['2026年12月3日 17:00', '手动']]);
    expect(hooks('backup-restore')).toHaveLength(2);
  });

  it('恢复 shows what the backup holds first and replaces nothing until confirmed', async () => {
    await mountView();
    hooks('backup-restore')[0].click();
    await settle();
    expect(callsOf(invoke, 'backup_contents')).toEqual([{ path: AUTO }]);
    expect(callsOf(invoke, 'backup_restore')).toEqual([]);
    expect(restoreShown()).toBe(true);
    const d = hook('restore-dialog')!;
    expect(hook('restore-created')?.textContent).toBe('2026年12月4日 08:00');
    expect(hook('restore-last-change')?.textContent).toBe('2026年12月3日 16:20');
    expect(d.textContent).toContain('当前的数据会先另存为一份备份');
    // an older format is said to be brought up to date
    expect(hook('restore-older')?.textContent).toContain('11');
    const entries = [...hook('restore-entries')!.querySelectorAll('tr.el-table__row')].map(cells);
    expect(entries).toEqual([['代表', '45'], ['代表建议', '12'], ['信访', '7'], ['修改记录', '310']]);

    hook('restore-cancel')!.click();
    await settle();
    expect(restoreShown()).toBe(false);
    expect(callsOf(invoke, 'backup_restore')).toEqual([]);
    expect(reloadApp).not.toHaveBeenCalled();
  });

  it('fits a 1280x800 window: near the top, the contents table scrolling inside, the buttons outside it', async () => {
    await mountView();
    hooks('backup-restore')[0].click();
    await settle();
    const dialog = hook('restore-dialog')!.closest<HTMLElement>('.el-dialog')!;
    // near the top (not Element Plus's 15vh, which pushes the buttons below an 800 px window)
    expect(dialog.style.getPropertyValue('--el-dialog-margin-top')).toBe('4vh');
    // the class the app's style holds to the window's height, its body scrolling inside
    expect(dialog.classList.contains('restore-dialog')).toBe(true);
    // the contents table scrolls within a height the window leaves it (the header row not counted)
    const table = hook('restore-entries')!;
    expect(table.classList.contains('el-table--fluid-height')).toBe(true);
    const scroll = table.querySelector<HTMLElement>('.el-table__body-wrapper .el-scrollbar__wrap')!;
    expect(scroll.style.maxHeight).toMatch(/^calc\(max\(150px, calc\(92vh - 400px\)\) - \d+px\)$/);
    // the buttons are the dialog's footer, outside the part that scrolls
    const footer = dialog.querySelector('.el-dialog__footer')!;
    expect(footer.contains(hook('restore-confirm'))).toBe(true);
    expect(footer.contains(hook('restore-cancel'))).toBe(true);
    expect(dialog.querySelector('.el-dialog__body')!.contains(hook('restore-confirm'))).toBe(false);
  });

  it('on confirm restores, says where the data before it was kept, then starts the app again', async () => {
    await mountView();
    hooks('backup-restore')[0].click();
    await settle();
    hook('restore-confirm')!.click();
    await settle();
    expect(callsOf(invoke, 'backup_restore')).toEqual([{ path: AUTO }]);
    expect(box()?.textContent).toContain('已恢复为 2026年12月4日 08:00 的备份');
    expect(box()?.textContent).toContain(KEPT.path);
    // not before the clerk has read where the old data went
    expect(reloadApp).not.toHaveBeenCalled();
    boxButton('确定')!.click();
    await settle();
    expect(reloadApp).toHaveBeenCalledTimes(1);
  });

  it('a refused restore is said, keeps the dialog, and does not start the app again', async () => {
    restoreFails = true;
    await mountView();
    hooks('backup-restore')[1].click();
    await settle();
    hook('restore-confirm')!.click();
    await settle();
    expect(callsOf(invoke, 'backup_restore')).toEqual([{ path: MANUAL }]);
    expect(document.querySelector('.el-message--error')?.textContent).toContain('完整性检查未通过');
    expect(restoreShown()).toBe(true);
    expect(reloadApp).not.toHaveBeenCalled();
  });

  it('restores from a file elsewhere (the copy on the stick), refusing one that is not a backup before asking', async () => {
    picked = 'E:\\台账备份\\taizhang-auto-20261204-080000.db';
    await mountView();
    hook('backup-restore-file')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|open') as { options: { directory: boolean; filters: unknown } }[];
    expect(dialog.options).toMatchObject({ directory: false, filters: [{ name: '台账备份', extensions: ['db'] }] });
    expect(callsOf(invoke, 'backup_contents')).toEqual([{ path: picked }]);
    expect(restoreShown()).toBe(true);
    hook('restore-cancel')!.click();
    await settle();

    picked = 'D:\\别的程序\\data.db';
    hook('backup-restore-file')!.click();
    await settle();
    expect(document.querySelector('.el-message--error')?.textContent).toContain('这是其他程序的数据库文件');
    expect(restoreShown()).toBe(false);
    expect(callsOf(invoke, 'backup_restore')).toEqual([]);
  });
});
