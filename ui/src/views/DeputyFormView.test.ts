// The deputy form against a mocked core: required rules, server field errors shown inline,
// and the data-test hooks the end-to-end test relies on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent, h } from 'vue';
import { RouterView } from 'vue-router';
import type { Vocabulary } from '../api/types';

const api = vi.hoisted(() => ({
  vocabulary: vi.fn(),
  termsList: vi.fn(),
  groupsList: vi.fn(),
  constituenciesList: vi.fn(),
  deputyCreate: vi.fn(),
  deputyUpdate: vi.fn(),
  deputyGet: vi.fn(),
  appInfo: vi.fn(),
}));
vi.mock('../api/commands', () => api);

import DeputyFormView from './DeputyFormView.vue';

const vocab: Vocabulary = {
  sexes: [{ value: 'male', label: '男', initials: '' }, { value: 'female', label: '女', initials: '' }],
  ethnicities: [{ value: '01', label: '汉族', initials: '' }, { value: '03', label: '回族', initials: '' }],
  political_statuses: [{ value: 'cpc_member', label: '中共党员', initials: '' }, { value: 'masses', label: '群众', initials: '' }],
  educations: [{ value: 'bachelor', label: '大学本科', initials: '' }],
  occupations: [{ value: 'farmer', label: '农民', initials: '' }, { value: 'worker', label: '工人', initials: '' }],
  levels: [{ value: 'county', label: '县级', initials: '' }, { value: 'township', label: '乡镇级', initials: '' }],
  elected_hows: [{ value: 'general_election', label: '换届选举', initials: '' }, { value: 'by_election', label: '补选', initials: '' }],
  presidium_posts: [], statuses: [], event_kinds: [], termination_grounds: [], orders: [],
  suggestion_kinds: [], suggestion_categories: [], suggestion_states: [], satisfactions: [], meeting_stages: [],
  petition_channels: [], petition_categories: [], petition_states: [], reply_manners: [], reply_categories: [],
  document_directions: [], issuer_levels: [], classifications: [], urgencies: [],
  deed_categories: [], activity_kinds: [], attendances: [],
  session_kinds: [], session_item_kinds: [], outcome_kinds: [], elected_posts: [],
  project_sources: [], milestone_kinds: [], report_kinds: [],
  history_actions: [], entities: [], organisers: [], evaluation_kinds: [],
};

// Element Plus shows a form item's message 100 ms after its state changes.
async function settle() {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
}

beforeEach(() => {
  document.body.innerHTML = '';
  for (const f of Object.values(api)) f.mockReset();
  api.vocabulary.mockResolvedValue(vocab);
  api.termsList.mockResolvedValue([{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }]);
  api.groupsList.mockResolvedValue([]);
  api.constituenciesList.mockResolvedValue([]);
});

describe('DeputyFormView', () => {
  it('puts data-test hooks where WebDriver can use them', async () => {
    const { wrapper } = await mountRouted();
    for (const f of ['name', 'birth_date', 'work_unit_post', 'card_no', 'phone', 'address', 'id_number', 'notes']) {
      const el = wrapper.find(`[data-test="field-${f}"]`);
      expect(el.exists(), f).toBe(true);
      expect(['INPUT', 'TEXTAREA'], `field-${f} should be the native input`).toContain(el.element.tagName);
    }
    for (const f of ['sex', 'ethnicity', 'political_status', 'occupation', 'education', 'elected_how', 'term_id']) {
      const el = wrapper.find(`[data-test="field-${f}"]`);
      expect(el.exists(), f).toBe(true);
      expect(el.classes().some((c) => c.startsWith('el-select')), `field-${f} should be the el-select`).toBe(true);
    }
    // date pickers: the hook is on the native input, so a date can be typed
    expect(wrapper.find('[data-test="field-elected_on"]').element.tagName).toBe('INPUT');
    expect(wrapper.find('[data-test="form-save"]').element.tagName).toBe('BUTTON');
    // township level is always held
    const township = wrapper.find('[data-test="field-levels-township"] input');
    expect((township.element as HTMLInputElement).checked).toBe(true);
    expect((township.element as HTMLInputElement).disabled).toBe(true);
  });

  it('does not call the core while required fields are empty', async () => {
    const { wrapper } = await mountRouted();
    await wrapper.find('[data-test="form-save"]').trigger('click');
    await settle();
    expect(api.deputyCreate).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('请填写姓名');
    expect(wrapper.text()).toContain('请选择性别');
  });

  it('reads the birth date as the roster import does and shows what it understood', async () => {
    const { wrapper, vm } = await mountRouted();
    const birth = wrapper.find('[data-test="field-birth_date"]');
    await birth.setValue('1982.07');
    await birth.trigger('blur');
    await settle();
    expect(vm.model.birth_date).toBe('1982-07');
    expect((birth.element as HTMLInputElement).value).toBe('1982-07');
    expect(wrapper.find('[data-test="field-birth_date-hint"]').text()).toBe('已识别为 1982年7月');

    await birth.setValue('1982.13');
    await birth.trigger('blur');
    await settle();
    const item = birth.element.closest('.el-form-item')!;
    expect(item.textContent).toContain('“1982.13”不是真实存在的日期：月份应为 1 到 12');
    expect((birth.element as HTMLInputElement).value).toBe('1982.13');
    expect(vm.model.birth_date).toBe('1982-07');
    Object.assign(vm.model, { name: '张三', sex: 'male', political_status: 'masses', occupation: 'farmer', elected_on: '2021-12-28' });
    await wrapper.find('[data-test="form-save"]').trigger('click');
    await settle();
    expect(api.deputyCreate).not.toHaveBeenCalled();
    expect(item.textContent).toContain('不是真实存在的日期');

    await birth.setValue('1982年12月');
    await birth.trigger('blur');
    await settle();
    expect(item.classList.contains('is-error')).toBe(false);
    expect(vm.model.birth_date).toBe('1982-12');
  });

  it('opens with the focus in 姓名 and saves on Ctrl+Enter from a select, which keeps Enter to itself', async () => {
    const { wrapper, router, vm } = await mountRouted();
    await settle();
    expect(document.activeElement).toBe(wrapper.find('[data-test="field-name"]').element);
    expect(wrapper.find('.keys').text()).toBe('Ctrl+Enter 保存'); // the page says so, like every book's form
    Object.assign(vm.model, { name: '张三', sex: 'male', political_status: 'masses', occupation: 'farmer', elected_on: '2021-12-28' });
    await flushPromises();
    api.deputyCreate.mockResolvedValueOnce({ id: 43 });
    wrapper.find('[data-test="field-sex"] input').element.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    await settle();
    expect(api.deputyCreate).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.fullPath).toBe('/deputies/43');
  });

  it('shows a server error with a field under that field, and saves after correction', async () => {
    const { wrapper, router, vm } = await mountRouted();
    Object.assign(vm.model, {
      name: '张三', sex: 'male', political_status: 'masses', occupation: 'farmer', elected_on: '2021-12-28',
      id_number: '11010519491231002X',
    });
    api.deputyCreate.mockRejectedValueOnce({ code: 'conflict', field: 'card_no', message: '代表证号已被使用' });
    await wrapper.find('[data-test="form-save"]').trigger('click');
    await settle();
    const item = wrapper.find('[data-test="field-card_no"]').element.closest('.el-form-item')!;
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.textContent).toContain('代表证号已被使用');
    const input = api.deputyCreate.mock.calls[0][0];
    expect(input).toMatchObject({ name: '张三', term_id: 2, levels: ['township'], ethnicity: '01', id_number: '11010519491231002X' });

    api.deputyCreate.mockResolvedValueOnce({ id: 42 });
    await wrapper.find('[data-test="form-save"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/deputies/42');
  });
});

// Mount the view inside a real router so useRoute/onBeforeRouteLeave work.
async function mountRouted() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/deputies/new', component: DeputyFormView },
      { path: '/deputies/:id', component: defineComponent({ render: () => h('div', { id: 'deputy-page' }) }) },
    ],
  });
  await router.push('/deputies/new');
  await router.isReady();
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [ElementPlus, router] },
    attachTo: document.body,
  });
  await flushPromises();
  const form = wrapper.findComponent(DeputyFormView);
  const vm = form.vm as unknown as { model: Record<string, unknown> };
  return { wrapper, router, vm };
}
