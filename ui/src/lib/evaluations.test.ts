// Evaluations: the list's filters through the URL, the scale of each kind, the form's checks and
// the input per kind (the deputies named or the voters counted, never both), the row sums, and the
// rates as the core gives them.
import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import {
  EVALUATION_LIST, buildEvaluationQuery, checkEvaluationForm, emptyEvaluationForm, emptyObjectRow, evaluationFiltersFromQuery,
  evaluationFiltersToQuery, evaluationPrintRequest, ratioText, rowExcess, rowSum, scaleOf, toEvaluationEventInput,
} from './evaluations';

describe('evaluation list codec', () => {
  it('a fresh list has a clean URL, and every filter survives the trip', () => {
    expect(EVALUATION_LIST.toQuery(EVALUATION_LIST.defaults())).toEqual({});
    expect(EVALUATION_LIST.fromQuery({})).toEqual(EVALUATION_LIST.defaults());
    const f = { ...EVALUATION_LIST.defaults(), search: '交通', year: 2025, kind: 'duty' as const, include_voided: true, page: 3 };
    const q = evaluationFiltersToQuery(f);
    expect(q).toEqual({ search: '交通', year: '2025', kind: 'duty', include_voided: '1', page: '3' });
    expect(evaluationFiltersFromQuery(q as LocationQuery)).toEqual(f);
    expect(buildEvaluationQuery(f)).toEqual({ search: '交通', year: 2025, kind: 'duty', include_voided: true, page: 3, page_size: 20 });
    expect(evaluationFiltersFromQuery({ kind: 'other' }).kind).toBeNull();
  });
});

describe('scale and rates', () => {
  it('rates officials 称职…, everything else 满意…', () => {
    expect(scaleOf('duty')).toEqual(['称职', '基本称职', '不称职']);
    expect(scaleOf('work')).toEqual(['满意', '基本满意', '不满意']);
    expect(scaleOf('livelihood')).toEqual(['满意', '基本满意', '不满意']);
  });

  it('shows the core\'s percent with both counts', () => {
    expect(ratioText({ numerator: 12, denominator: 14, percent: 85.7 })).toBe('85.7%（12/14）');
    expect(ratioText({ numerator: 5, denominator: 5, percent: 100 })).toBe('100.0%（5/5）');
    expect(ratioText({ numerator: 0, denominator: 0, percent: null })).toBe('—（0/0）');
  });

  it('prints one evaluation\'s results', () => {
    expect(evaluationPrintRequest(7)).toEqual({ target: { kind: 'evaluation', id: 7 }, reveal_reason: null, volume: 1, archival: false });
  });
});

describe('登记评议 form', () => {
  it('asks for what is missing, per row in the kind\'s words', () => {
    const m = emptyEvaluationForm('2026-12-01');
    m.kind = 'duty';
    m.objects = [
      { ...emptyObjectRow(), official: '张三', post: '' },
      { ...emptyObjectRow(), official: '李四', post: '副镇长' },
    ];
    expect(checkEvaluationForm(m)).toEqual({
      fields: {
        title: '请填写评议名称', evaluator_ids: '请选择参加评议的代表', objects: '有 2 个评议对象需要补充（见各行）',
      },
      rows: { 0: '请填写职务', 1: '请填写称职、基本称职、不称职票数' },
    });
    m.by = 'voters';
    expect(checkEvaluationForm(m).fields.voters).toBe('请填写参加测评的人数');
    expect(checkEvaluationForm(m).fields.evaluator_ids).toBeUndefined();
  });

  it('sends only what the kind names, blanks as 0, deputies or voters', () => {
    const m = emptyEvaluationForm('2026-12-01');
    m.title = ' 站所评议 ';
    m.kind = 'station';
    m.evaluator_ids = [11, 12];
    m.voters = 30; // typed before switching to deputies: not sent
    m.objects = [{ unit_id: 4, official: 'x', post: 'y', project_id: 9, good: 1, fair: null, poor: 1 }];
    expect(toEvaluationEventInput(m)).toEqual({
      kind: 'station', date: '2026-12-01', title: '站所评议', evaluator_ids: [11, 12], voters: null, activity_id: null,
      objects: [{ unit_id: 4, official: '', post: '', project_id: null, good: 1, fair: 0, poor: 1 }], notes: '',
    });
    m.by = 'voters';
    m.kind = 'livelihood';
    expect(toEvaluationEventInput(m)).toMatchObject({
      evaluator_ids: [], voters: 30,
      objects: [{ unit_id: null, official: '', post: '', project_id: 9, good: 1, fair: 0, poor: 1 }],
    });
  });

  it('adds up a row and warns when it has more ballots than evaluators', () => {
    const m = emptyEvaluationForm('2026-12-01');
    m.evaluator_ids = [1, 2, 3];
    const r = { ...emptyObjectRow(), good: 2, fair: 1, poor: 1 };
    expect(rowSum(r)).toBe(4);
    expect(rowExcess(r, m)).toBe('合计 4 票，多于参加评议的 3 人');
    expect(rowExcess({ ...r, poor: 0 }, m)).toBe('');
    // nobody chosen yet: nothing to compare with
    expect(rowExcess(r, { ...m, evaluator_ids: [] })).toBe('');
  });
});
