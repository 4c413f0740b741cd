// 履职档案 (the deputy's duty record): the 合计 row of the per-year table, and small helpers.
import type { IsoDate, RecordYear } from '../api/types';

export type RecordTotals = Omit<RecordYear, 'year'>;

/** The counted columns of the per-year table, in display order, with their headings. */
export const RECORD_COLUMNS: readonly { key: keyof RecordTotals; label: string }[] = [
  { key: 'suggestions_led', label: '领衔建议' },
  { key: 'suggestions_cosigned', label: '附议建议' },
  { key: 'motions', label: '其中议案' },
  { key: 'satisfied', label: '满意（含基本满意）' },
  { key: 'deeds', label: '先进事迹' },
  { key: 'petitions_passed_on', label: '转交信访' },
  { key: 'events', label: '代表变动' },
];

/** Sums every column over the years (the 合计 row); all zero for no years. */
export function recordTotals(years: readonly RecordYear[]): RecordTotals {
  const t: RecordTotals = {
    suggestions_led: 0, suggestions_cosigned: 0, motions: 0, satisfied: 0, deeds: 0, petitions_passed_on: 0, events: 0,
  };
  for (const y of years) {
    for (const { key } of RECORD_COLUMNS) t[key] += y[key] ?? 0;
  }
  return t;
}

/** "2021年1月1日 至 2026年12月31日" for the period line. */
export function periodText(from: IsoDate, to: IsoDate, format: (d: IsoDate) => string): string {
  return `${format(from)} 至 ${format(to)}`;
}
