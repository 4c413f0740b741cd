import type { ImportPreview } from '../api/types';

/** 确认导入 is allowed when there is something to import and every problem is dealt with. */
export function canCommitImport(preview: ImportPreview | null, skipBad: boolean): boolean {
  if (!preview) return false;
  if (preview.valid_rows <= 0) return false;
  if (preview.problems.length > 0 && !skipBad) return false;
  return true;
}

/** "将新建：选区 第一选区、第二选区；小组 第三小组" ('' when nothing will be created). */
export function willCreateText(preview: ImportPreview | null): string {
  if (!preview) return '';
  const parts: string[] = [];
  const { constituencies, groups } = preview.will_create;
  if (constituencies.length) parts.push(`选区 ${constituencies.join('、')}`);
  if (groups.length) parts.push(`小组 ${groups.join('、')}`);
  return parts.length ? `将新建：${parts.join('；')}` : '';
}
