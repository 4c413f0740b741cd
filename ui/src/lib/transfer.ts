// File dialogs (Tauri dialog plugin) and the roster export flow.
import { open, save } from '@tauri-apps/plugin-dialog';
import { ElMessage } from 'element-plus';
import * as api from '../api/commands';
import { reportError } from '../api/errors';
import type { RosterOrder } from '../api/types';

const XLSX_FILTER = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

export async function chooseXlsxToOpen(): Promise<string | null> {
  try {
    const picked = await open({ multiple: false, directory: false, filters: XLSX_FILTER, title: '选择花名册文件' });
    return typeof picked === 'string' ? picked : null;
  } catch (e) {
    reportError(e);
    return null;
  }
}

/** Save dialog, then roster_export. Returns true when a file was written. */
export async function exportRoster(order: RosterOrder): Promise<boolean> {
  let path: string | null;
  try {
    path = await save({ defaultPath: '代表花名册.xlsx', filters: XLSX_FILTER, title: '导出代表花名册' });
  } catch (e) {
    reportError(e);
    return false;
  }
  if (!path) return false; // the clerk cancelled
  try {
    const res = await api.rosterExport(path, order);
    ElMessage.success({ message: `已导出 ${res.count} 名代表到 ${res.path}`, duration: 6000, showClose: true });
    return true;
  } catch (e) {
    reportError(e);
    return false;
  }
}
