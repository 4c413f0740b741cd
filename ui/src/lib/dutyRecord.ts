// 履职档案 (the deputy's duty record): the columns and 合计 row of the per-year table, and small helpers.
// Station duty (联络站值班: days on a station's rota whose duty was recorded) is counted apart from
// the group's and the presidium's activities; 述职 counts the reports to the voters.
import type { IsoDate, RecordYear } from '../api/types';

export type RecordTotals = Omit<RecordYear, 'year'>;

/** Every count of a year, in the order the core sends them (the 合计 row sums each). */
export const RECORD_FIELDS: readonly (keyof RecordTotals)[] = [
  'suggestions_led', 'suggestions_cosigned', 'motions', 'satisfied', 'deeds', 'petitions_passed_on', 'events',
  'meetings_expected', 'meetings_attended', 'activities_expected', 'activities_attended', 'activities_excused',
  'voter_receptions', 'station_duty_expected', 'station_duty_attended', 'station_duty_missed', 'duty_reports',
  'sessions_expected', 'sessions_attended', 'sessions_excused', 'sessions_absent',
];

/** "出席/应出席" ("3/4"), or "—" when nothing was expected (e.g. not on the presidium that year). */
export function attendedText(attended: number, expected: number): string {
  return expected > 0 ? `${attended}/${expected}` : '—';
}

/** 小组及主席团活动 (the group's, and the presidium's the deputy was invited to): "5/6（请假 1）", "5/6", or "—" when none was held. */
export function activitiesText(y: Pick<RecordTotals, 'activities_attended' | 'activities_expected' | 'activities_excused'>): string {
  const base = attendedText(y.activities_attended, y.activities_expected);
  return y.activities_expected > 0 && y.activities_excused > 0 ? `${base}（请假 ${y.activities_excused}）` : base;
}

/** 人代会: "2/2", "1/2（请假 1）", "0/2（请假 1，缺席 1）", or "—" when no session was held while in office. */
export function sessionsText(
  y: Pick<RecordTotals, 'sessions_attended' | 'sessions_expected' | 'sessions_excused' | 'sessions_absent'>,
): string {
  const base = attendedText(y.sessions_attended, y.sessions_expected);
  if (y.sessions_expected <= 0) return base;
  const notes = [
    y.sessions_excused > 0 ? `请假 ${y.sessions_excused}` : '',
    y.sessions_absent > 0 ? `缺席 ${y.sessions_absent}` : '',
  ].filter(Boolean);
  return notes.length ? `${base}（${notes.join('，')}）` : base;
}

/**
 * 联络站值班: "3/4", "2/4（请假 1，缺席 1）" (请假 is what is neither attended nor missed), or "—"
 * when the deputy was on no station's rota for a recorded day.
 */
export function stationDutyText(
  y: Pick<RecordTotals, 'station_duty_attended' | 'station_duty_expected' | 'station_duty_missed'>,
): string {
  const base = attendedText(y.station_duty_attended, y.station_duty_expected);
  if (y.station_duty_expected <= 0) return base;
  const excused = y.station_duty_expected - y.station_duty_attended - y.station_duty_missed;
  const notes = [excused > 0 ? `请假 ${excused}` : '', y.station_duty_missed > 0 ? `缺席 ${y.station_duty_missed}` : ''].filter(Boolean);
  return notes.length ? `${base}（${notes.join('，')}）` : base;
}

export interface RecordColumn {
  /** the `data-col` of its cells: a count's field, or `sessions` / `meetings` / `activities` for the attendance columns */
  key: string;
  label: string;
  text: (y: RecordTotals) => string;
}

const count = (key: keyof RecordTotals, label: string): RecordColumn => ({ key, label, text: (y) => String(y[key] ?? 0) });

/** The columns of the per-year table, in display order, with their headings. */
export const RECORD_COLUMNS: readonly RecordColumn[] = [
  count('suggestions_led', '领衔建议'),
  count('suggestions_cosigned', '附议建议'),
  count('motions', '其中议案'),
  count('satisfied', '满意（含基本满意）'),
  count('deeds', '先进事迹'),
  count('petitions_passed_on', '转交信访'),
  count('events', '代表变动'),
  { key: 'sessions', label: '人代会', text: sessionsText },
  { key: 'meetings', label: '主席团会议', text: (y) => attendedText(y.meetings_attended, y.meetings_expected) },
  { key: 'activities', label: '小组及主席团活动', text: activitiesText },
  count('voter_receptions', '接待选民'),
  { key: 'station_duty', label: '联络站值班', text: stationDutyText },
  count('duty_reports', '述职'),
];

/** Sums every count over the years (the 合计 row); all zero for no years. */
export function recordTotals(years: readonly RecordYear[]): RecordTotals {
  const t = Object.fromEntries(RECORD_FIELDS.map((k) => [k, 0])) as RecordTotals;
  for (const y of years) {
    for (const key of RECORD_FIELDS) t[key] += y[key] ?? 0;
  }
  return t;
}

/** "2021年1月1日 至 2026年12月31日" for the period line. */
export function periodText(from: IsoDate, to: IsoDate, format: (d: IsoDate) => string): string {
  return `${format(from)} 至 ${format(to)}`;
}
