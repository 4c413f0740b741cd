import { describe, expect, it } from 'vitest';
import { deputyOptionLabels, type DeputyOption } from './deputyOptions';

const o = (id: number, name: string, initials: string, group: string): DeputyOption => ({ id, name, initials, group });

describe('deputyOptionLabels', () => {
  it('shows the name alone when nothing else in the list looks like it', () => {
    const labels = deputyOptionLabels([o(1, '张三', 'zs', '第一小组'), o(2, '李四', 'ls', '第二小组')]);
    expect([...labels.values()]).toEqual(['张三', '李四']);
  });
  it('adds the group to every deputy whose initials another shares', () => {
    const labels = deputyOptionLabels([o(1, '张三', 'zs', '第一小组'), o(2, '张山', 'zs', '第二小组'), o(3, '李四', 'ls', '第一小组')]);
    expect([...labels.values()]).toEqual(['张三（第一小组）', '张山（第二小组）', '李四']);
  });
  it('adds it for the same name too, even when one of them has no known initials', () => {
    const labels = deputyOptionLabels([o(1, '张伟', 'zw', '第一小组'), o(2, '张伟', '', '第三小组')]);
    expect([...labels.values()]).toEqual(['张伟（第一小组）', '张伟（第三小组）']);
  });
  it('does not pair deputies on unknown initials, and leaves a deputy without a group as the name', () => {
    const labels = deputyOptionLabels([o(1, '张三', '', ''), o(2, '李四', '', ''), o(3, '张山', 'zs', ''), o(4, '周顺', 'zs', '第二小组')]);
    expect([...labels.values()]).toEqual(['张三', '李四', '张山', '周顺（第二小组）']);
  });
});
