import { describe, expect, it } from 'vitest';
import type { CountyFigures, CountyStats } from '../api/types';
import { categoryPivot, failedRow, folderName, importedRow, outcomeLabel, satisfactionRate } from './county';

const figures = (township: string, over: Partial<CountyFigures> = {}): CountyFigures => ({
  township, township_id: township, period: '2026-01-01 至 2026-06-30',
  deputies_in_office: 0, suggestions_received: 0, suggestions_replied: 0, suggestions_closed: 0, suggestions_evaluated: 0, suggestions_satisfied: 0,
  petitions_received: 0, petitions_group_visits: 0, petitions_by_category: {}, activities: 0, voter_receptions: 0, meetings: 0,
  ...over,
});
const CATEGORIES = [{ value: 'land', label: '土地' }, { value: 'rural_affairs', label: '农村事务' }, { value: 'other', label: '其他' }];

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

  it('names a folder by its last part', () => {
    expect(folderName('E:\\导出\\城关镇-2026\\')).toBe('城关镇-2026');
    expect(folderName('/media/u/STICK/城关镇-2026')).toBe('城关镇-2026');
  });

  it('gives the satisfaction rate of the closed suggestions', () => {
    expect(satisfactionRate({ suggestions_satisfied: 7, suggestions_evaluated: 8 })).toBe('87.5%');
    expect(satisfactionRate({ suggestions_satisfied: 2, suggestions_evaluated: 3 })).toBe('66.7%');
    expect(satisfactionRate({ suggestions_satisfied: 0, suggestions_evaluated: 0 })).toBe('—');
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
