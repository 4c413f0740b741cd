import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../api/types';
import { TEXT_LIMITS } from '../bindings/constants';
import {
  checkSuggestionForm, deputiesOf, emptySuggestionForm, formFromSuggestion, motionCosignerHint, nextSuggestionForm,
  toSuggestionInput,
} from './suggestionForm';

const filled = () => ({
  ...emptySuggestionForm('2026-03-20', 2),
  session_no: 3, lead_deputy_id: 11, co_signer_ids: [12, 13], subject: ' 关于修缮村道的建议 ', category: 'transport' as const,
  content: '内容', notes: '',
});

describe('checkSuggestionForm', () => {
  it('asks for what is missing', () => {
    expect(checkSuggestionForm(emptySuggestionForm('2026-03-20'))).toEqual({
      session_no: '请填写第几次会议', lead_deputy_id: '请选择领衔代表', subject: '请填写案由', category: '请选择类别',
    });
    expect(checkSuggestionForm(filled())).toEqual({});
  });
  it('only lets a motion come from the presidium', () => {
    const m = { ...filled(), lead_deputy_id: null, by_presidium: true };
    expect(checkSuggestionForm(m)).toEqual({ by_presidium: '只有议案可以由主席团提出', lead_deputy_id: '请选择领衔代表' });
    expect(checkSuggestionForm({ ...m, kind: 'motion' })).toEqual({});
  });
  it('holds 案由 to the core\'s limit and says that limit (a long subject from a draft is kept, not cut)', () => {
    const max = TEXT_LIMITS.subject;
    expect(checkSuggestionForm({ ...filled(), subject: '路'.repeat(max) })).toEqual({});
    expect(checkSuggestionForm({ ...filled(), subject: '路'.repeat(max + 20) })).toEqual({
      subject: `案由最多 ${max} 字，现有 ${max + 20} 字，请精简`,
    });
  });
  it('does not list the lead deputy again as a co-signer', () => {
    expect(checkSuggestionForm({ ...filled(), co_signer_ids: [11] })).toEqual({ co_signer_ids: '领衔代表不必再列为附议代表' });
  });
});

describe('toSuggestionInput', () => {
  it('trims, de-duplicates and drops the presidium flag outside motions', () => {
    const input = toSuggestionInput({ ...filled(), co_signer_ids: [12, 13, 12, 11], by_presidium: true });
    expect(input).toEqual({
      term_id: 2, session_no: 3, during_session: true, kind: 'suggestion', lead_deputy_id: 11, by_presidium: false,
      co_signer_ids: [12, 13], subject: '关于修缮村道的建议', content: '内容', category: 'transport', received_on: '2026-03-20',
      key_supervision: false, published: false, notes: '',
    });
  });
});

describe('继续登记下一件', () => {
  it('keeps the session and clears the rest', () => {
    const prev = { ...filled(), during_session: false, kind: 'opinion' as const, key_supervision: true, received_on: '2026-03-19' };
    const next = nextSuggestionForm(prev, '2026-03-20');
    expect(next).toEqual({
      ...emptySuggestionForm('2026-03-20', 2), session_no: 3, during_session: false, kind: 'opinion', received_on: '2026-03-19',
    });
    expect(next.co_signer_ids).not.toBe(prev.co_signer_ids);
  });
});

describe('edit form and hints', () => {
  const s = {
    id: 5, number: '20-3-005', number_label: '', term_id: 2, session_no: 3, during_session: true, kind: 'suggestion',
    lead_deputy: { id: 11, name: '张三' }, by_presidium: false, co_signers: [{ id: 12, name: '李四' }],
    subject: '村道', content: '', category: 'transport', received_on: '2026-03-20', key_supervision: true, published: false,
    notes: '备', profile: 'national@1', state: 'registered', state_label: '已登记', lead_unit: null, co_units: [],
    assigned_on: null, replied_on: null, reply_category: null, reply_category_label: null, round: 1, first_result: null,
    final_result: null, promised_on: null, promise_done_on: null, deadline: null, voided: false, void_reason: null,
  } as Suggestion;
  it('fills the form from a stored suggestion', () => {
    expect(formFromSuggestion(s)).toMatchObject({ lead_deputy_id: 11, co_signer_ids: [12], key_supervision: true, notes: '备' });
    expect(deputiesOf(s)).toEqual([{ id: 11, name: '张三' }, { id: 12, name: '李四' }]);
  });
  it('warns when a motion is short of co-signers', () => {
    expect(motionCosignerHint({ ...filled(), kind: 'motion' }, 5)).toContain('已选 2 名附议代表');
    expect(motionCosignerHint({ ...filled(), kind: 'motion', by_presidium: true }, 5)).toBe('');
    expect(motionCosignerHint(filled(), 5)).toBe('');
    expect(motionCosignerHint({ ...filled(), kind: 'motion' }, null)).toBe('');
  });
});
