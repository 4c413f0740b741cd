// 县人大汇总: the outcome of importing each township's package, the satisfaction rate, and the
// petitions by category pivoted into one column per township. The figures come from the core.
import { asAppError, errorText } from '../api/errors';
import type { Choice, CountyFigures, CountyImported, CountyStats } from '../api/types';
import { formatRate, percentText } from './format';

export const OUTCOME_LABELS: Record<CountyImported['outcome'], string> = {
  imported: '已导入',
  updated: '已更新',
  unchanged: '未变化（已导入过）',
};

export function outcomeLabel(outcome: CountyImported['outcome']): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}

/** One row of the import results table: a folder and what became of it. */
export interface ImportRow {
  path: string;
  /** the township named in the package ('' when it was refused before that was known) */
  township: string;
  ok: boolean;
  /** 已导入 / 已更新 / 未变化（已导入过）, or the refusal's Chinese message */
  result: string;
  records: number | null;
}

export function importedRow(path: string, r: CountyImported): ImportRow {
  return { path, township: r.township, ok: true, result: outcomeLabel(r.outcome), records: r.records };
}

/** A refused package: the core's message as it is (no toast per package). */
export function failedRow(path: string, e: unknown): ImportRow {
  const app = asAppError(e);
  return { path, township: '', ok: false, result: app?.message.trim() || errorText(e), records: null };
}

/**
 * A full package that would remove records the county holds: the core refuses it (code 'conflict',
 * field 'allow_removal') until the clerk has confirmed, then it is imported with allowRemoval.
 */
export function isRemovalRefusal(e: unknown): boolean {
  const app = asAppError(e);
  return app?.code === 'conflict' && app.field === 'allow_removal';
}

/**
 * The facts of that refusal for the confirm box: its first sentence ("城关镇的这个导出包比县里已有的少 12 条
 * 记录（…），导入会删除它们。"); the rest of the core's text tells a command-line user to tick a flag.
 */
export function removalFacts(message: string): string {
  const m = message.trim();
  const end = m.indexOf('。');
  return end >= 0 ? m.slice(0, end + 1) : m;
}

/** The clerk chose not to import a package that would remove records: said as such, in red. */
export function declinedRow(path: string, e: unknown): ImportRow {
  const app = asAppError(e);
  const facts = app ? removalFacts(app.message) : '';
  return {
    path, township: '', ok: false, records: null,
    result: `${facts}未导入（没有允许删除记录）；向乡镇核实无误后，重新导入并选“允许删除记录并导入”。`,
  };
}

/** The last part of a folder path, for a compact column ("E:\导出\城关镇-2026" -> "城关镇-2026"). */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts.at(-1) ?? path;
}

/** 满意率: satisfied / evaluated as a percent (the township's own definition), "—" with none evaluated. */
export function satisfactionRate(f: Pick<CountyFigures, 'suggestions_satisfied' | 'suggestions_evaluated'>): string {
  return percentText(f.suggestions_satisfied, f.suggestions_evaluated) ?? '—';
}

/** A share with both counts, "92.3%（24/26）", or "—" when there is nothing to divide by. */
function shareText(numerator: number, denominator: number): string {
  return denominator ? formatRate({ numerator, denominator }) : '—';
}

/** 人代会出席率: present of expected summed over the sessions held, "95.0%（114/120）"; "—" without a session. */
export function sessionAttendanceRate(f: Pick<CountyFigures, 'session_present' | 'session_expected'>): string {
  return shareText(f.session_present, f.session_expected);
}

/** 民生实事测评满意率: 满意 and 基本满意 of all ratings, "90.0%（18/20）"; "—" with no evaluation. */
export function projectRatingRate(f: Pick<CountyFigures, 'project_ratings_satisfied' | 'project_ratings'>): string {
  return shareText(f.project_ratings_satisfied, f.project_ratings);
}

/**
 * 审议意见按期报送率: opinions whose first report came in by the deadline, of all opinions sent,
 * "75.0%（3/4）"; "—" with none sent.
 */
export function rectificationOnTimeRate(f: Pick<CountyFigures, 'rectifications_on_time' | 'rectifications_sent'>): string {
  return shareText(f.rectifications_on_time, f.rectifications_sent);
}

/** 评议测评满意率: 满意 and 基本满意 ballots of all valid ones, summed over the evaluations, "88.0%（44/50）"; "—" without a ballot. */
export function evaluationSatisfactionRate(f: Pick<CountyFigures, 'evaluation_ballots_satisfied' | 'evaluation_ballots'>): string {
  return shareText(f.evaluation_ballots_satisfied, f.evaluation_ballots);
}

export interface CategoryRow {
  code: string;
  label: string;
  /** one count per township, in the order of stats.townships */
  counts: number[];
  total: number;
}

/**
 * 信访分类: categories as rows, townships as columns, a 合计 at the end. Categories in the order of
 * the vocabulary (unknown codes after, by code); categories with no petitions anywhere are left out.
 */
export function categoryPivot(stats: CountyStats, categories: readonly Choice[]): CategoryRow[] {
  const codes = new Set<string>();
  for (const t of stats.townships) for (const k of Object.keys(t.petitions_by_category)) codes.add(k);
  for (const k of Object.keys(stats.total.petitions_by_category)) codes.add(k);
  const order = new Map(categories.map((c, i) => [c.value, i]));
  const sorted = [...codes].sort((a, b) => {
    const ia = order.get(a) ?? Number.MAX_SAFE_INTEGER;
    const ib = order.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ia !== ib ? ia - ib : a.localeCompare(b);
  });
  const rows: CategoryRow[] = [];
  for (const code of sorted) {
    const counts = stats.townships.map((t) => t.petitions_by_category[code] ?? 0);
    const total = stats.total.petitions_by_category[code] ?? counts.reduce((a, b) => a + b, 0);
    if (!total && counts.every((n) => !n)) continue;
    const label = categories.find((c) => c.value === code)?.label ?? (code === 'other' ? '其他' : code);
    rows.push({ code, label, counts, total });
  }
  return rows;
}
