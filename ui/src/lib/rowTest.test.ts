import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElTable, ElTableColumn } from 'element-plus';
import { defineComponent, h, ref, withDirectives } from 'vue';
import { vRowTest } from './rowTest';

describe('v-row-test', () => {
  it('tags every body row once, with the id from its row class, and follows data changes', async () => {
    const rows = ref([{ id: 7, name: '张三' }, { id: 9, name: '李四' }]);
    const Comp = defineComponent({
      setup: () => () =>
        withDirectives(
          h(ElTable, { data: rows.value, rowClassName: ({ row }: { row: Record<string, unknown> }) => `row-id-${String(row.id)}` }, () => [
            h(ElTableColumn, { label: '姓名', prop: 'name', fixed: 'left' }),
          ]),
          [[vRowTest, 'deputy-row']],
        ),
    });
    const w = mount(Comp, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await flushPromises();
    let tagged = w.findAll('[data-test="deputy-row"]');
    expect(tagged.map((r) => r.attributes('data-id'))).toEqual(['7', '9']);

    rows.value = [{ id: 3, name: '王五' }];
    await flushPromises();
    await new Promise((r) => setTimeout(r, 0));
    tagged = w.findAll('[data-test="deputy-row"]');
    expect(tagged.map((r) => r.attributes('data-id'))).toEqual(['3']);
    expect(tagged[0].text()).toContain('王五');
    w.unmount();
  });
});

describe('listRowClass', () => {
  it('gives the directive the id and marks voided and overdue entries, nothing else', async () => {
    const { listRowClass } = await import('./rowTest');
    expect(listRowClass({ id: 4 })).toBe('clickable-row row-id-4');
    expect(listRowClass({ id: 4, voided: true })).toBe('clickable-row row-id-4 voided');
    expect(listRowClass({ id: 4, deadline: { overdue: true } })).toBe('clickable-row row-id-4 row-overdue');
    expect(listRowClass({ id: 4, voided: true, deadline: { overdue: false } })).toBe('clickable-row row-id-4 voided');
    expect(listRowClass({ id: 4, deadline: null })).toBe('clickable-row row-id-4');
  });
});
