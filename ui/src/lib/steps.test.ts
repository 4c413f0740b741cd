import { describe, expect, it } from 'vitest';
import {
  PETITION_STEP_FIELDS, SUGGESTION_STEP_FIELDS, checkStep, numberBounds, stepDefaults, stepFields, stepHint,
  toPetitionStep, toSuggestionStep, type StepContext,
} from './steps';

const ctx: StepContext = { today: '2026-04-01', maxMonths: 6, replyMonths: 3, maxExtensionDays: 30 };
const keys = (book: 'suggestions' | 'petitions', action: string) => stepFields(book, action).map((f) => f.key);

describe('fields per action', () => {
  it('asks each suggestion step for exactly its contract fields', () => {
    expect(keys('suggestions', 'decline')).toEqual(['date', 'reason']);
    expect(keys('suggestions', 'assign')).toEqual(['date', 'lead_unit_id', 'co_unit_ids']);
    expect(keys('suggestions', 'extend')).toEqual(['date', 'months', 'reason']);
    expect(keys('suggestions', 'reply')).toEqual(['date', 'signer', 'reply_category', 'text', 'attachment', 'promised_on']);
    expect(keys('suggestions', 'evaluate')).toEqual(['date', 'attitude', 'result', 'comment']);
    expect(keys('suggestions', 'meeting')).toEqual(['date', 'stage', 'note']);
    expect(Object.keys(SUGGESTION_STEP_FIELDS)).toHaveLength(10);
  });
  it('asks each petition step for exactly its contract fields', () => {
    expect(keys('petitions', 'assign')).toEqual(['date', 'unit_id', 'note']);
    expect(keys('petitions', 'extend')).toEqual(['date', 'days', 'approver', 'reason', 'told_on']);
    expect(keys('petitions', 'reply')).toEqual(['date', 'manner', 'result', 'resolved']);
    expect(keys('petitions', 'return_visit')).toEqual(['date', 'evaluation', 'note']);
    expect(keys('petitions', 'archive')).toEqual(['date', 'volume']);
    expect(Object.keys(PETITION_STEP_FIELDS)).toHaveLength(11);
    expect(stepFields('petitions', 'nonsense')).toEqual([]);
  });
});

describe('defaults', () => {
  it('dates today, the longest allowed extension, nothing chosen', () => {
    expect(stepDefaults('suggestions', 'assign', ctx)).toEqual({ date: '2026-04-01', lead_unit_id: null, co_unit_ids: [] });
    expect(stepDefaults('suggestions', 'extend', ctx)).toEqual({ date: '2026-04-01', months: 6, reason: '' });
    expect(stepDefaults('suggestions', 'evaluate', ctx)).toEqual({ date: '2026-04-01', attitude: null, result: null, comment: '' });
    expect(stepDefaults('petitions', 'extend', ctx)).toMatchObject({ days: 30, told_on: '2026-04-01' });
    expect(stepDefaults('petitions', 'reply', ctx)).toMatchObject({ manner: 'written', resolved: null });
    expect(stepDefaults('suggestions', 'reply', ctx).promised_on).toBeNull();
  });
  it('bounds the extension by the rule profile', () => {
    expect(numberBounds('suggestions', 'months', ctx)).toEqual({ min: 4, max: 6 });
    expect(numberBounds('suggestions', 'months', { today: '2026-04-01' })).toEqual({ min: 4, max: 6 });
    expect(numberBounds('petitions', 'days', { today: '2026-04-01', maxExtensionDays: 20 })).toEqual({ min: 1, max: 20 });
    expect(stepHint('petitions', 'extend', ctx)).toContain('30 日');
  });
});

describe('checkStep', () => {
  it('names every missing required field', () => {
    const m = stepDefaults('suggestions', 'reply', ctx);
    expect(checkStep('suggestions', 'reply', m, ctx)).toEqual({ signer: '请填写签发人', reply_category: '请选择答复类别' });
    const e = stepDefaults('suggestions', 'evaluate', ctx);
    expect(Object.keys(checkStep('suggestions', 'evaluate', e, ctx))).toEqual(['attitude', 'result']);
    const v = stepDefaults('petitions', 'reply', ctx);
    expect(Object.keys(checkStep('petitions', 'reply', v, ctx))).toEqual(['result', 'resolved']);
  });
  it('treats whitespace as empty and false as an answer', () => {
    const m = { ...stepDefaults('petitions', 'reply', ctx), result: '   ', resolved: false };
    expect(checkStep('petitions', 'reply', m, ctx)).toEqual({ result: '请填写办理结果' });
  });
  it('keeps extensions within the rule', () => {
    const m = { ...stepDefaults('suggestions', 'extend', ctx), reason: '涉及多个部门', months: 7 };
    expect(checkStep('suggestions', 'extend', m, ctx)).toEqual({ months: '应在 4 到 6 之间' });
    const p = { ...stepDefaults('petitions', 'extend', ctx), approver: '李主任', reason: '需现场勘查', days: 31 };
    expect(checkStep('petitions', 'extend', p, ctx)).toEqual({ days: '应在 1 到 30 之间' });
  });
  it('does not let the lead unit also be a co-unit', () => {
    const m = { date: '2026-04-01', lead_unit_id: 3, co_unit_ids: [3, 4] };
    expect(checkStep('suggestions', 'assign', m, ctx)).toEqual({ co_unit_ids: '协办单位不能同时是主办单位' });
  });
  it('checks dates that must follow another', () => {
    const r = { ...stepDefaults('suggestions', 'reply', ctx), signer: '王局长', reply_category: 'A', promised_on: '2026-03-01' };
    expect(checkStep('suggestions', 'reply', r, ctx)).toEqual({ promised_on: '承诺办结时间不能早于答复日期' });
    const x = { ...stepDefaults('petitions', 'extend', ctx), approver: '李', reason: '因', told_on: '2026-03-30' };
    expect(checkStep('petitions', 'extend', x, ctx)).toEqual({ told_on: '告知日期不能早于批准日期' });
  });
});

describe('conversion to the contract', () => {
  it('builds each suggestion variant with trimmed text', () => {
    expect(toSuggestionStep('assign', { date: '2026-04-01', lead_unit_id: 3, co_unit_ids: [4, 3, 5] }))
      .toEqual({ action: 'assign', date: '2026-04-01', lead_unit_id: 3, co_unit_ids: [4, 5] });
    expect(toSuggestionStep('reply', {
      date: '2026-05-01', signer: ' 王局长 ', reply_category: 'A', text: ' 已修缮 ', attachment: '', promised_on: null,
    })).toEqual({
      action: 'reply', date: '2026-05-01', signer: '王局长', reply_category: 'A', text: '已修缮', attachment: '', promised_on: null,
    });
    expect(toSuggestionStep('evaluate', { date: '2026-05-10', attitude: 'satisfied', result: 'dissatisfied', comment: '' }))
      .toEqual({ action: 'evaluate', date: '2026-05-10', attitude: 'satisfied', result: 'dissatisfied', comment: '' });
    expect(toSuggestionStep('extend', { date: '2026-05-10', months: 6, reason: '跨部门' }))
      .toEqual({ action: 'extend', date: '2026-05-10', months: 6, reason: '跨部门' });
    expect(toSuggestionStep('close', { date: '2026-06-01', note: '' })).toEqual({ action: 'close', date: '2026-06-01', note: '' });
  });
  it('builds each petition variant', () => {
    expect(toPetitionStep('assign', { date: '2026-04-01', unit_id: 2, note: ' 请核实 ' }))
      .toEqual({ action: 'assign', date: '2026-04-01', unit_id: 2, note: '请核实' });
    expect(toPetitionStep('extend', { date: '2026-04-01', days: 20, approver: '李', reason: '勘查', told_on: '2026-04-02' }))
      .toEqual({ action: 'extend', date: '2026-04-01', days: 20, approver: '李', reason: '勘查', told_on: '2026-04-02' });
    expect(toPetitionStep('reply', { date: '2026-04-01', manner: 'oral', result: '已协调', resolved: false }))
      .toEqual({ action: 'reply', date: '2026-04-01', manner: 'oral', result: '已协调', resolved: false });
    expect(toPetitionStep('archive', { date: '2026-04-01', volume: '2026-03' }))
      .toEqual({ action: 'archive', date: '2026-04-01', volume: '2026-03' });
  });
});
