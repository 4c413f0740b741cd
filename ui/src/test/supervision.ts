// Test data for the supervision screens (审议意见整改, 评议测评), typed by the generated bindings so a
// change of the core's shapes fails the type check here. Used by the component tests only.
import type { Ballots, Deadline, EvaluationEvent, EvaluationObject, Rectification, Round } from '../api/types';

/** A report's due date as the core explains it: 2 months from `start` (rules: supervision.rectify). */
export function rectifyDeadline(start: string, date: string, over: Partial<Deadline> = {}): Deadline {
  return {
    stage: 'rectify', stage_label: '报送整改情况', basis: '《某县审议意见办理办法》第八条', days_left: 20, overdue: false, extended: false,
    due: {
      date, start, period: { unit: 'months', count: 2 }, nominal: date, beyond_calendar: [],
      explanation: `自${start}送达之日起2个月，至${date}`,
    },
    ...over,
  };
}

export function round(n: number, over: Partial<Round> = {}): Round {
  return {
    round: n, sent_on: '2026-03-10', deadline: rectifyDeadline('2026-03-10', '2026-05-11'), reported_on: null, report: '',
    reported_late: false, assessed_on: null, satisfaction: null, followup: null, ...over,
  };
}

export function rectification(id: number, over: Partial<Rectification> = {}): Rectification {
  const rounds = over.rounds ?? [round(1)];
  return {
    id, number: `整改〔2026〕第${id}号`, year: 2026, seq: id, activity: { id: 8, number: '活动〔2026〕第8号' }, evaluation: null,
    object_seq: null, unit: { id: 2, name: '镇建设办' }, official: '', target: '镇建设办', content: '青山村路灯损坏多处，夜间通行不便，请限期修复',
    profile: 'national@1', rounds, state: 'awaiting_report', state_label: '待报送整改情况',
    deadline: rounds.at(-1)?.reported_on ? null : rounds.at(-1)!.deadline, overdue: false, notes: '', voided: false, void_reason: null,
    ...over,
  };
}

const ratio = (numerator: number, denominator: number) => ({
  numerator, denominator, percent: denominator ? Math.round((numerator * 1000) / denominator) / 10 : null,
});

export function ballots(good: number, fair: number, poor: number): Ballots {
  const valid = good + fair + poor;
  return { good, fair, poor, valid, rate: ratio(good + fair, valid), poor_share: ratio(poor, valid) };
}

export function evaluationObject(seq: number, over: Partial<EvaluationObject> = {}): EvaluationObject {
  return {
    seq, unit: { id: 2, name: '镇建设办' }, official: '', post: '', project: null, name: '镇建设办', ballots: ballots(10, 2, 2),
    rank: seq, below_threshold: false, rectification: null, re_evaluate_by: null, ...over,
  };
}

export function evaluation(id: number, over: Partial<EvaluationEvent> = {}): EvaluationEvent {
  return {
    id, number: `评议〔2026〕第${id}号`, year: 2026, seq: id, kind: 'work', scale: ['满意', '基本满意', '不满意'], date: '2026-11-20',
    title: '2026年度镇政府部门工作评议', evaluators: [{ deputy_id: 11, name: '张三' }, { deputy_id: 12, name: '李四' }], voters: null,
    evaluator_count: 2, activity: null, objects: [evaluationObject(1)],
    threshold: '不满意票超过有效票1/3的，限期整改，6个月内再次评议', profile: 'national@1', notes: '', voided: false, void_reason: null,
    ...over,
  };
}
