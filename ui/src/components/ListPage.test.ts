// The one list layout every book uses: the end-to-end tests and the clerk rely on the same hooks,
// the same search/pager behaviour and a row click opening the entry, in every list.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive, ref } from 'vue';
import { ElTableColumn } from 'element-plus';
import type { Page } from '../api/types';
import { mountAt, settle } from '../test/fixtures';
import type { ListModel } from '../state/queryList';
import ListPage from './ListPage.vue';
import IdsBanner from './IdsBanner.vue';

interface Row { id: number; name: string; voided?: boolean; deadline?: { overdue: boolean } | null }

function fakeList(items: Row[]) {
  const filters = reactive({ search: '', page: 1, page_size: 20, ids: [] as number[], title: '' });
  const page = ref<Page<Row>>({ items, total: 45, page: 1, page_size: 20 });
  const list = {
    filters,
    page,
    loading: ref(false),
    apply: vi.fn(),
    setSearch: vi.fn((t: string) => { filters.search = t; }),
    setPage: vi.fn((p: number) => { filters.page = p; }),
    setPageSize: vi.fn(),
  } satisfies ListModel<Row> & { filters: { ids: number[]; title: string } };
  return list;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function host(list: ReturnType<typeof fakeList>) {
  return defineComponent({
    setup: () => () =>
      h(ListPage<Row>, {
        title: '先进事迹', name: 'things', list, rowTest: 'thing-row', base: '/things',
        searchPlaceholder: '标题', emptyText: '没有符合条件的记录',
      }, {
        lead: () => h('span', { 'data-test': 'slot-lead' }),
        toolbar: () => h('span', { 'data-test': 'slot-toolbar' }),
        actions: () => h('button', { 'data-test': 'slot-action' }, '登记'),
        filters: () => h('span', { 'data-test': 'slot-filter' }),
        banner: () => h(IdsBanner, { name: 'things', list, allLabel: '查看全部' }),
        default: () => [
          h(ElTableColumn, { label: '名称' }, {
            default: ({ row }: { row: Row }) => h('span', { 'data-test': 'thing-name' }, row.name),
          }),
        ],
      }),
  });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('ListPage', () => {
  it('renders the hooks the end-to-end tests use, named after the list', async () => {
    const list = fakeList([{ id: 3, name: '甲' }]);
    await mountAt('/things', '/things', host(list));
    await settle();
    expect(document.querySelector('h1.page-title')?.textContent).toBe('先进事迹');
    for (const id of ['things-search', 'things-table', 'things-pagination']) expect(hook(id), id).not.toBeNull();
    // search box, then what the view puts after it, the actions on the right, filters on a second toolbar
    const toolbars = [...document.querySelectorAll('.toolbar')];
    expect(toolbars).toHaveLength(2);
    const first = [...toolbars[0].querySelectorAll('[data-test]')].map((e) => e.getAttribute('data-test'));
    expect(first).toEqual(['slot-lead', 'things-search', 'slot-toolbar', 'slot-action']);
    expect(toolbars[1].querySelector('[data-test="slot-filter"]')).not.toBeNull();
    // Element Plus puts the hook on the <input> itself
    expect((hook('things-search') as HTMLInputElement).placeholder).toBe('标题');
  });

  it('tags each row with its id, strikes voided ones, reddens overdue ones and opens the entry on a click', async () => {
    const list = fakeList([
      { id: 3, name: '甲' },
      { id: 8, name: '乙', voided: true },
      { id: 9, name: '丙', deadline: { overdue: true } },
    ]);
    const { router } = await mountAt('/things', '/things', host(list));
    await settle();
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="thing-row"]')];
    expect(rows.map((r) => r.dataset.id)).toEqual(['3', '8', '9']);
    expect(rows.map((r) => r.classList.contains('voided'))).toEqual([false, true, false]);
    expect(rows.map((r) => r.classList.contains('row-overdue'))).toEqual([false, false, true]);
    expect(rows[1].querySelector('[data-test="thing-name"]')?.textContent).toBe('乙');
    rows[1].querySelector('td')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/things/8');
  });

  it('hands typing to the list (which debounces) and Enter applies at once', async () => {
    const list = fakeList([]);
    await mountAt('/things', '/things', host(list));
    await settle();
    const input = hook('things-search') as HTMLInputElement;
    input.value = '张';
    input.dispatchEvent(new Event('input'));
    await settle(0);
    expect(list.setSearch).toHaveBeenCalledWith('张');
    expect(list.apply).not.toHaveBeenCalled();
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await settle(0);
    expect(list.apply).toHaveBeenCalledTimes(1);
    expect(hook('things-table')?.textContent).toContain('没有符合条件的记录');
  });

  it('pages through the list and offers the usual page sizes', async () => {
    const list = fakeList([{ id: 1, name: '甲' }]);
    await mountAt('/things', '/things', host(list));
    await settle();
    const pager = hook('things-pagination')!;
    expect(pager.textContent).toContain('45'); // total (the tests run without the zh-CN locale)
    expect(pager.textContent).toContain('20/page');
    pager.querySelector<HTMLElement>('.el-pager li:nth-child(2)')!.click();
    await settle(0);
    expect(list.setPage).toHaveBeenCalledWith(2);
  });
});

describe('IdsBanner', () => {
  it('shows only for a list of ids, says what and how many, and goes back to the whole book', async () => {
    const list = fakeList([]);
    await mountAt('/things', '/things', host(list));
    await settle();
    expect(hook('things-ids-banner')).toBeNull();
    list.filters.ids = [1, 3];
    list.filters.title = '2026年 已答复';
    await settle(0);
    expect(hook('things-ids-banner')?.textContent).toContain('正在查看：2026年 已答复（共 2 件）');
    list.filters.title = '';
    await settle(0);
    expect(hook('things-ids-banner')?.textContent).toContain('正在查看：统计中的条目（共 2 件）');
    hook('things-ids-clear')!.click();
    await settle(0);
    expect(list.filters.ids).toEqual([]);
    expect(list.apply).toHaveBeenCalledTimes(1);
    expect(hook('things-ids-banner')).toBeNull();
  });
});

describe('FilterSelect and VoidedAndReset', () => {
  it('FilterSelect: sets the model, then says so (the list applies after the value is in), hooks its drop-down and options', async () => {
    const FilterSelect = (await import('./FilterSelect.vue')).default;
    const filters = reactive({ state: null as string | null });
    const seen: (string | null)[] = [];
    const Host = defineComponent({
      setup: () => () => h(FilterSelect, {
        modelValue: filters.state,
        'onUpdate:modelValue': (v: unknown) => { filters.state = v as string | null; },
        onChange: () => seen.push(filters.state),
        testId: 'things-state', placeholder: '状态', width: '120px',
        options: [{ value: 'open', label: '在办' }, { value: 'done', label: '办结', test: 'option-finished' }],
      }),
    });
    await mountAt('/things', '/things', Host);
    hook('things-state')!.click();
    await settle();
    const popper = document.querySelector('.popper-things-state')!;
    expect(popper).not.toBeNull();
    const options = [...popper.querySelectorAll<HTMLElement>('.el-select-dropdown__item')];
    expect(options.map((o) => o.dataset.test)).toEqual(['option-open', 'option-finished']);
    options[1].click();
    await settle(0);
    expect(filters.state).toBe('done');
    expect(seen).toEqual(['done']);
  });

  it('VoidedAndReset: 显示已作废 applies, 清除条件 only where the list can reset', async () => {
    const VoidedAndReset = (await import('./VoidedAndReset.vue')).default;
    const list = { filters: reactive({ include_voided: false }), apply: vi.fn(), reset: vi.fn() };
    const roster = { filters: reactive({ include_voided: false }), apply: vi.fn() };
    const Host = defineComponent({
      setup: () => () => h('div', [h(VoidedAndReset, { name: 'things', list }), h(VoidedAndReset, { name: 'roster', list: roster })]),
    });
    await mountAt('/things', '/things', Host);
    hook('things-include-voided')!.querySelector('input')!.click();
    await settle(0);
    expect(list.filters.include_voided).toBe(true);
    expect(list.apply).toHaveBeenCalledTimes(1);
    expect(hook('things-include-voided')?.textContent?.trim()).toBe('显示已作废');
    hook('things-reset')!.click();
    expect(list.reset).toHaveBeenCalledTimes(1);
    expect(hook('roster-include-voided')).not.toBeNull();
    expect(hook('roster-reset')).toBeNull();
  });
});
