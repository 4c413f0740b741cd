import { describe, expect, it } from 'vitest';
import type { CountyFigures, CountyStats } from '../api/types';
import {
  categoryPivot, declinedRow, evaluationSatisfactionRate, failedRow, folderName, importedRow, isRemovalRefusal, outcomeLabel,
  projectRatingRate, rectificationOnTimeRate, removalFacts, satisfactionRate, sessionAttendanceRate,
} from './county';

const figures = (township: string, over: Partial<CountyFigures> = {}): CountyFigures => ({
  township, township_id: township, period: '2026-01-01 至 2026-06-30',
  deputies_in_office: 0, suggestions_received: 0, suggestions_replied: 0, suggestions_closed: 0, suggestions_evaluated: 0, suggestions_satisfied: 0,
  petitions_received: 0, petitions_group_visits: 0, petitions_by_category: {}, activities: 0, voter_receptions: 0, meetings: 0,
  sessions: 0, session_expected: 0, session_present: 0,
  projects_voted: 0, projects_adopted: 0, projects_completed: 0, project_ratings: 0, project_ratings_satisfied: 0,
  inspections: 0, rectifications_sent: 0, rectifications_rectified: 0, rectifications_on_time: 0,
  evaluations: 0, evaluation_objects: 0, evaluation_below_threshold: 0, evaluation_ballots: 0, evaluation_ballots_satisfied: 0,
  duty_reports: 0, station_duty_rostered: 0, station_duty_attended: 0,
  ...over,
});
const CATEGORIES = [{ value: 'land', label: '土地', initials: '' }, { value: 'rural_affairs', label: '农村事务', initials: '' }, { value: 'other', label: '其他', initials: '' }];

describe('county', () => {
  it('labels the outcome of an import', () => {
    expect(outcomeLabel('imported')).toBe('已导入');
    expect(outcomeLabel('updated')).toBe('已更新');
    expect(outcomeLabel('unchanged')).toBe('未变化（已导入过）');
    expect(importedRow('E:\\城关镇-2026', { township: '城关镇', township_id: 'a1', outcome: 'updated', records: 120 }))
      .toEqual({ path: 'E:\\城关镇-2026', township: '城关镇', ok: true, result: '已更新', records: 120 });
  });

  it('keeps the core\'s message of a refused package', () => {
    const e = { code: 'import', field: null, message: '导出包已被改动：suggestions.csv 的校验值不符' };
    expect(failedRow('E:\\坏包', e)).toEqual({
      path: 'E:\\坏包', township: '', ok: false, result: '导出包已被改动：suggestions.csv 的校验值不符', records: null,
    });
    expect(failedRow('E:\\坏包', JSON.stringify(e)).result).toBe('导出包已被改动：suggestions.csv 的校验值不符');
    expect(failedRow('E:\\x', new Error('boom')).result).toBe('操作失败：Error: boom');
  });

  it('tells the removal refusal from every other refusal, so only it is asked about', () => {
    const removal = { code: 'conflict', field: 'allow_removal', message: '城关镇的这个导出包比县里已有的少 12 条记录（共有 293 条，包中 281 条），导入会删除它们。请先向乡镇核实；确认无误后，勾选“允许删除记录”再导入' };
    expect(isRemovalRefusal(removal)).toBe(true);
    expect(isRemovalRefusal(JSON.stringify(removal))).toBe(true); // as it may arrive over IPC
    // an older package is a conflict too, but importing it again with removals allowed would not help
    expect(isRemovalRefusal({ code: 'conflict', field: null, message: '比已导入的导出包旧' })).toBe(false);
    expect(isRemovalRefusal({ code: 'import', field: 'allow_removal', message: 'x' })).toBe(false);
    expect(isRemovalRefusal(new Error('boom'))).toBe(false);

    // the box shows the facts, not the command-line advice to tick a flag the window does not have
    expect(removalFacts(removal.message)).toBe('城关镇的这个导出包比县里已有的少 12 条记录（共有 293 条，包中 281 条），导入会删除它们。');
    expect(removalFacts('没有句号')).toBe('没有句号');

    const row = declinedRow('E:\\城关镇', removal);
    expect(row).toMatchObject({ path: 'E:\\城关镇', township: '', ok: false, records: null });
    expect(row.result).toContain('少 12 条记录');
    expect(row.result).toContain('未导入');
    expect(row.result).not.toContain('勾选');
  });

  it('names a folder by its last part', () => {
    expect(folderName('E:\\导出\\城关镇-2026\\')).toBe('城关镇-2026');
    expect(folderName('/media/u/STICK/城关镇-2026')).toBe('城关镇-2026');
  });

  it('gives the satisfaction rate of the closed suggestions', () => {
    expect(satisfactionRate({ suggestions_satisfied: 7, suggestions_evaluated: 8 })).toBe('87.5%');
    expect(satisfactionRate({ suggestions_satisfied: 2, suggestions_evaluated: 3 })).toBe('66.7%');
    expect(satisfactionRate({ suggestions_satisfied: 0, suggestions_evaluated: 0 })).toBe('—');
  });

  it('gives the sessions\' attendance and the 民生实事 rating with both counts, "—" with nothing to divide', () => {
    expect(sessionAttendanceRate({ session_present: 114, session_expected: 120 })).toBe('95.0%（114/120）');
    expect(sessionAttendanceRate({ session_present: 0, session_expected: 0 })).toBe('—');
    expect(projectRatingRate({ project_ratings_satisfied: 18, project_ratings: 20 })).toBe('90.0%（18/20）');
    expect(projectRatingRate({ project_ratings_satisfied: 0, project_ratings: 0 })).toBe('—');
  });

  it('gives the review opinions reported on time of those sent, and the evaluation ballots satisfied of the valid, with both counts', () => {
    // the numerator over the denominator, not the other way round, nor the rectified ones
    expect(rectificationOnTimeRate({ rectifications_on_time: 3, rectifications_sent: 4 })).toBe('75.0%（3/4）');
    expect(rectificationOnTimeRate(figures('城关镇', { rectifications_sent: 6, rectifications_rectified: 5, rectifications_on_time: 2 })))
      .toBe('33.3%（2/6）');
    expect(rectificationOnTimeRate({ rectifications_on_time: 0, rectifications_sent: 0 })).toBe('—');
    // sent but none reported on time yet: a rate of nothing, not a dash
    expect(rectificationOnTimeRate({ rectifications_on_time: 0, rectifications_sent: 5 })).toBe('0.0%（0/5）');
    expect(evaluationSatisfactionRate({ evaluation_ballots_satisfied: 44, evaluation_ballots: 50 })).toBe('88.0%（44/50）');
    expect(evaluationSatisfactionRate(figures('城关镇', { evaluation_objects: 3, evaluation_ballots: 7, evaluation_ballots_satisfied: 6 })))
      .toBe('85.7%（6/7）');
    expect(evaluationSatisfactionRate({ evaluation_ballots_satisfied: 0, evaluation_ballots: 0 })).toBe('—');
  });

  it('pivots the petitions by category: categories as rows, townships as columns', () => {
    const a = figures('城关镇', { petitions_by_category: { other: 1, land: 3 } });
    const b = figures('河口乡', { petitions_by_category: { rural_affairs: 2, land: 1, mystery: 1 } });
    const stats: CountyStats = {
      townships: [a, b],
      total: figures('合计', { petitions_by_category: { land: 4, other: 1, rural_affairs: 2, mystery: 1 } }),
    };
    expect(categoryPivot(stats, CATEGORIES)).toEqual([
      { code: 'land', label: '土地', counts: [3, 1], total: 4 },
      { code: 'rural_affairs', label: '农村事务', counts: [0, 2], total: 2 },
      { code: 'other', label: '其他', counts: [1, 0], total: 1 },
      { code: 'mystery', label: 'mystery', counts: [0, 1], total: 1 },
    ]);
    // before the vocabulary is loaded: codes, 'other' still reads 其他
    expect(categoryPivot(stats, []).map((r) => r.label)).toEqual(['land', 'mystery', 'other', 'rural_affairs'].map((c) => (c === 'other' ? '其他' : c)));
    expect(categoryPivot({ townships: [], total: figures('合计') }, CATEGORIES)).toEqual([]);
  });
});
