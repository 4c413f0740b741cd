import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../api/types';
import { canCommitImport, willCreateText } from './importFlow';

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  file: 'a.xlsx', header_row: 2, columns: [], rows: [], problems: [], valid_rows: 10, invalid_rows: 0,
  will_create: { constituencies: [], groups: [] }, term_id: 1, term_label: '第二十届', ...over,
});

describe('canCommitImport', () => {
  it('allows a clean file', () => {
    expect(canCommitImport(preview(), false)).toBe(true);
  });
  it('blocks a file with problems unless bad rows are skipped', () => {
    const p = preview({ problems: [{ row: 5, column: 'C', message: '民族无法识别' }], invalid_rows: 1 });
    expect(canCommitImport(p, false)).toBe(false);
    expect(canCommitImport(p, true)).toBe(true);
  });
  it('blocks when nothing would be imported', () => {
    expect(canCommitImport(preview({ valid_rows: 0 }), true)).toBe(false);
    expect(canCommitImport(null, true)).toBe(false);
  });
});

describe('willCreateText', () => {
  it('lists what the import will create', () => {
    expect(willCreateText(preview({ will_create: { constituencies: ['第一选区', '第二选区'], groups: ['第三小组'] } })))
      .toBe('将新建：选区 第一选区、第二选区；小组 第三小组');
    expect(willCreateText(preview({ will_create: { constituencies: [], groups: ['第三小组'] } })))
      .toBe('将新建：小组 第三小组');
    expect(willCreateText(preview())).toBe('');
  });
});
