// A section of the deputy's 履职档案: heading with the count, the number linking to the entry, a
// row click opening it; sections without an entry page (变动, 职务) only tag their rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { ElTableColumn } from 'element-plus';
import { mountAt, settle } from '../test/fixtures';
import RecordTable from './RecordTable.vue';

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('RecordTable', () => {
  it('links each entry and opens it on a row click', async () => {
    const Host = defineComponent({
      setup: () => () => h(RecordTable<{ id: number; number: string; subject: string }>, {
        title: '领衔提出的建议', rows: [{ id: 31, number: '20-3-001', subject: '修路' }],
        testId: 'duty-record-led', rowTest: 'duty-record-led-row', base: '/suggestions',
      }, { default: () => [h(ElTableColumn, { label: '案由', prop: 'subject' })] }),
    });
    const { router } = await mountAt('/deputies/1', '/deputies/:id', Host);
    await settle();
    expect(document.querySelector('.record-section')?.textContent).toBe('领衔提出的建议（1）');
    const table = hook('duty-record-led')!;
    expect(table.querySelector('a')?.getAttribute('href')).toContain('/suggestions/31');
    expect(table.querySelector('a')?.textContent).toBe('20-3-001');
    const row = hook('duty-record-led-row')!;
    expect(row.dataset.id).toBe('31');
    expect(row.classList.contains('clickable-row')).toBe(true);
    row.querySelectorAll('td')[1].click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/suggestions/31');
  });

  it('without an entry page: no number column, rows tagged but not clickable, 无 when empty', async () => {
    const Host = defineComponent({
      setup: () => () => h('div', [
        h(RecordTable<{ id: number; reason: string }>, {
          title: '代表变动', rows: [{ id: 5, reason: '调离' }], testId: 'duty-record-events', rowTest: 'duty-record-event-row',
        }, { default: () => [h(ElTableColumn, { label: '原因', prop: 'reason' })] }),
        h(RecordTable<{ id: number }>, { title: '主席团职务', rows: [], testId: 'duty-record-posts', rowTest: 'duty-record-post-row' }),
      ]),
    });
    await mountAt('/deputies/1', '/deputies/:id', Host);
    await settle();
    const row = hook('duty-record-event-row')!;
    expect(row.dataset.id).toBe('5');
    expect(row.classList.contains('clickable-row')).toBe(false);
    expect(hook('duty-record-events')?.querySelector('a')).toBeNull();
    expect(hook('duty-record-posts')?.textContent).toContain('无');
  });
});
