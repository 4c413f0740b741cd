import { describe, expect, it } from 'vitest';
import type { RuleProfile } from '../api/types';
import { ruleRows } from './rules';

const profile: RuleProfile = {
  schema: 1, id: 'zhejiang', version: 1, name: '浙江省', description: '', sources: [],
  suggestion: {
    assign: { unit: 'working_days', count: 7, basis: '浙江省实施代表法办法' },
    return_within: null,
    reply: { unit: 'months', count: 3, basis: '《代表法》第五十一条' },
    reply_max: { unit: 'months', count: 6, basis: '《代表法》第五十一条' },
    rehandle: { unit: 'months', count: 1, basis: '浙江省' },
    motion_min_cosigners: 5,
    reply_categories: [{ code: 'A', label: '已解决或采纳' }],
  },
  petition: {
    accept_notice: { unit: 'calendar_days', count: 15, basis: '《信访工作条例》第三十一条' },
    handle: { unit: 'calendar_days', count: 60, basis: '《信访工作条例》第三十五条' },
    extension_max: { unit: 'calendar_days', count: 30, basis: '《信访工作条例》第三十五条' },
    review_request: { unit: 'calendar_days', count: 30, basis: '' },
    review_reply: { unit: 'calendar_days', count: 30, basis: '' },
    re_review_request: { unit: 'calendar_days', count: 30, basis: '' },
    re_review_reply: { unit: 'calendar_days', count: 30, basis: '' },
  },
  presidium: { quorum: 'half', quorum_basis: '', decision: 'half', decision_basis: '', quarterly: true, quarterly_basis: '' },
  session: {
    quorum: 'two_thirds', quorum_basis: '', majority: 'half', majority_basis: '', per_year: 2, per_year_basis: '',
    notice: { unit: 'calendar_days', count: 7, basis: '' }, ballots_basis: '', absent_twice_basis: '',
  },
  livelihood: { majority: 'half', max_adopted: null, basis: '民生实事项目票决办法由各县（市、区）规定' },
  supervision: {
    rectify: { unit: 'months', count: 2, basis: '各地乡镇人大主席团监督办法的常见做法' },
    evaluation: {
      unsatisfied_over: { numerator: 1, denominator: 3 },
      re_evaluate: { unit: 'months', count: 6, basis: '各地评议办法的常见做法' },
      basis: '各地乡镇人大主席团评议工作办法的常见规定',
    },
    duty_report: { per_term: 1, levels: ['township', 'county'], basis: '县级常见要求' },
  },
};

describe('ruleRows', () => {
  it('lists every rule readably', () => {
    const rows = ruleRows(profile);
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.assign).toMatchObject({ stage: '交办', period: '7个工作日', basis: '浙江省实施代表法办法' });
    expect(by.reply.period).toBe('3个月');
    expect(by.return_within.period).toBe('无期限规定');
    expect(by.accept_notice).toMatchObject({ book: 'petitions', period: '15日' });
    expect(by.motion_min_cosigners.period).toBe('5名以上代表');
    expect(rows.filter((r) => r.book === 'petitions')).toHaveLength(7);
  });
});
