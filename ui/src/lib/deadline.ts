// Deadlines as the clerk reads them: "逾期3天" in red, "剩余5天" in orange when due soon.
import type { Deadline, Period, PeriodUnit, Rule } from '../api/types';
import { formatDate } from './format';

/** Due within this many days counts as "due soon" (the dashboard's window). */
export const DUE_SOON_DAYS = 7;

/**
 * "逾期3天", "今天到期", "剩余5天"; "" when there is no running deadline.
 * `days` is the core's days_left (negative = days overdue).
 */
export function daysLeftText(days: number | null | undefined, overdue = false): string {
  if (days === null || days === undefined || Number.isNaN(days)) return overdue ? '已逾期' : '';
  if (days < 0) return `逾期${-days}天`;
  if (overdue) return '已逾期';
  if (days === 0) return '今天到期';
  return `剩余${days}天`;
}

export type DueTone = 'overdue' | 'soon' | 'normal' | 'none';

export function dueTone(days: number | null | undefined, overdue = false, soonWithin = DUE_SOON_DAYS): DueTone {
  if (overdue || (typeof days === 'number' && days < 0)) return 'overdue';
  if (days === null || days === undefined || Number.isNaN(days)) return 'none';
  return days <= soonWithin ? 'soon' : 'normal';
}

/** CSS class for a tone: .due-overdue (red), .due-soon (orange). */
export function dueClass(days: number | null | undefined, overdue = false): string {
  return `due-${dueTone(days, overdue)}`;
}

/** "答复期限 2026年6月20日（剩余5天）" */
export function deadlineText(d: Deadline | null | undefined): string {
  if (!d) return '';
  const left = daysLeftText(d.days_left, d.overdue);
  return `${d.stage_label}期限 ${formatDate(d.due.date)}${left ? `（${left}）` : ''}`;
}

const UNIT_TEXT: Record<PeriodUnit, string> = {
  calendar_days: '日',
  working_days: '个工作日',
  months: '个月',
};

/** "7个工作日", "3个月", "15日" (the core's Rule::text). */
export function periodText(p: Period | Rule | null | undefined): string {
  if (!p) return '';
  return `${p.count}${UNIT_TEXT[p.unit] ?? p.unit}`;
}

/** The explanation split into lines for display. */
export function explanationLines(text: string | null | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** A warning when the count crossed years whose holidays the app does not know. */
export function beyondCalendarText(years: readonly number[] | null | undefined): string {
  if (!years || !years.length) return '';
  return `${years.map((y) => `${y}年`).join('、')}的节假日安排尚未导入，到期日只按周末推算，请在导入当年节假日后核对。`;
}
