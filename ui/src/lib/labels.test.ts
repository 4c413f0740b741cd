import { describe, expect, it } from 'vitest';
import { actionLabel, changeText, entityLabel, labelOf, labelsOf, statusTagType } from './labels';

const sexes = [{ value: 'male', label: '男', initials: '' }, { value: 'female', label: '女', initials: '' }];

describe('labels', () => {
  it('looks up vocabulary labels and falls back to the value', () => {
    expect(labelOf(sexes, 'female')).toBe('女');
    expect(labelOf(sexes, 'x')).toBe('x');
    expect(labelOf(sexes, null)).toBe('');
    expect(labelsOf([{ value: 'county', label: '县', initials: '' }, { value: 'township', label: '乡镇', initials: '' }], ['county', 'township'])).toBe('县、乡镇');
  });
  it('prefers labels from the vocabulary for history actions and entities', () => {
    expect(actionLabel('void')).toBe('作废');
    expect(actionLabel('void', [{ value: 'void', label: '作废（划线）', initials: '' }])).toBe('作废（划线）');
    expect(entityLabel('deputy_group')).toBe('代表小组');
    expect(entityLabel('unknown_thing')).toBe('unknown_thing');
  });
  it('renders a change as 字段：旧值 → 新值', () => {
    expect(changeText({ field: 'work_unit_post', label: '工作单位及职务', before: '镇农技站', after: '镇政府' }))
      .toBe('工作单位及职务：镇农技站 → 镇政府');
    expect(changeText({ field: 'phone', label: '', before: '', after: '13800000000' }))
      .toBe('phone：（空） → 13800000000');
  });
  it('colours statuses', () => {
    expect(statusTagType('in_office')).toBe('success');
    expect(statusTagType('suspended')).toBe('warning');
    expect(statusTagType('ended')).toBe('danger');
    expect(statusTagType('not_yet')).toBe('info');
  });
});
