import { describe, expect, it } from 'vitest';
import {
  BOOK_LABELS, actionButtonType, casePath, choicesOr, cnNumber, deputiesText, petitionActionLabel, profileId, sessionText,
  stateTag, suggestionActionLabel, unitsText,
} from './casework';

describe('cnNumber and sessionText', () => {
  it.each([[1, '一'], [3, '三'], [10, '十'], [12, '十二'], [20, '二十'], [21, '二十一'], [99, '九十九']])('%i -> %s', (n, want) => {
    expect(cnNumber(n)).toBe(want);
  });
  it('leaves other numbers as digits', () => {
    expect(cnNumber(100)).toBe('100');
  });
  it('names the session the way the number label does', () => {
    expect(sessionText(3, true)).toBe('第三次会议期间');
    expect(sessionText(3, false)).toBe('第三次会议闭会期间');
    expect(sessionText(null, true)).toBe('');
  });
});

describe('labels and tags', () => {
  it('says 重新交办 for an assignment after a return', () => {
    expect(suggestionActionLabel('assign', 'registered')).toBe('交办');
    expect(suggestionActionLabel('assign', 'returned')).toBe('重新交办');
    expect(suggestionActionLabel('evaluate')).toBe('代表评价');
    expect(petitionActionLabel('return_visit')).toBe('回访');
  });
  it('colours the main path and refusals', () => {
    expect(actionButtonType('assign')).toBe('primary');
    expect(actionButtonType('decline')).toBe('danger');
    expect(actionButtonType('extend')).toBe('default');
    expect(stateTag('suggestions', 'closed')).toBe('success');
    expect(stateTag('petitions', 'review_requested')).toBe('warning');
    // a review opinion's states are its own: 'rectified' is not a petition state (which would be 'info')
    expect(stateTag('rectifications', 'rectified')).toBe('success');
    expect(stateTag('rectifications', 'awaiting_report')).toBe('warning');
  });
  it('builds case paths and profile ids', () => {
    expect(casePath('petitions', 7)).toBe('/petitions/7');
    // the dashboard opens a review opinion it follows on its own page
    expect(casePath('rectifications', 3)).toBe('/rectifications/3');
    // and names its book in the dashboard's tables
    expect(BOOK_LABELS.rectifications).toBe('审议意见');
    expect(profileId('zhejiang@1')).toBe('zhejiang');
    expect(profileId('')).toBeNull();
    expect(profileId(null)).toBeNull();
  });
  it('joins deputies and units', () => {
    expect(deputiesText({ name: '张三' }, [{ name: '李四' }, { name: '王五' }], false)).toBe('张三、李四、王五');
    expect(deputiesText(null, [], true)).toBe('主席团');
    expect(unitsText({ name: '农业农村办' }, [{ name: '财政所' }])).toBe('农业农村办（主办）、财政所');
    expect(unitsText({ name: '农业农村办' }, [])).toBe('农业农村办');
    expect(unitsText(null, [])).toBe('');
  });
  it('falls back to local choices until the vocabulary is loaded', () => {
    expect(choicesOr([], [{ value: 'a', label: 'A' }])).toEqual([{ value: 'a', label: 'A' }]);
    expect(choicesOr([{ value: 'b', label: 'B' }], [{ value: 'a', label: 'A' }])).toEqual([{ value: 'b', label: 'B' }]);
  });
});
