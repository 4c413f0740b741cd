// 登记信访 against a fake core: the repeat panel (debounced petitions_similar while typing, each
// match with its reason and a 关联 box that puts its id into link_ids), the group-visit tag, the
// co-visitors (同行人员, sealed: kept out of the draft, kept as stored on an edit not unsealed), and
// after saving the acceptance-notice deadline and the core's 登记回执 in the print dialog.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Petition, PetitionDetail, PetitionProbe, PrintRequest } from '../api/types';
import { TEXT_LIMITS } from '../bindings/constants';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: vi.fn() }));

import PetitionFormView from './PetitionFormView.vue';

const earlier = {
  id: 3, number: '信访〔2026〕第3号', received_at: '2025-12-18 10:00', petitioner: '张**', request: '青山村村道被占，无法通行',
  state_label: '已答复', unit: { id: 1, name: '镇农业农村办' }, linked: [],
} as unknown as Petition;

const created = {
  id: 17, number: '信访〔2026〕第17号', request: '村道被占，要求恢复通行', group_visit: true, people_count: 7,
  channel: 'visit', received_at: '2026-03-20 09:30',
  deadline: {
    stage: 'accept_notice', stage_label: '告知是否受理', basis: '《信访工作条例》第三十一条', days_left: 15, overdue: false, extended: false,
    due: { date: '2026-04-04', start: '2026-03-20', period: { unit: 'calendar_days', count: 15 }, nominal: '2026-04-04', beyond_calendar: [], explanation: '自收到之日起15日' },
  },
} as unknown as Petition;

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    app_info: () => ({ app_version: '0', db_path: '', backup_dir: '', schema_version: 3, township: '青山镇', operator: '王干事' }),
    petitions_similar: ({ probe }: { probe: PetitionProbe }) => (probe.petitioner_name === '张大山' || probe.request.includes('村道')
      ? [{ petition: earlier, same_person: true, same_matter: true, similarity: 0.62, reason: '同一人（姓名和电话相同）；诉求相近（相似度 62%）' }]
      : []),
    petition_create: () => created,
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function type(id: string, text: string) {
  const el = hook(id) as HTMLInputElement;
  el.value = text;
  el.dispatchEvent(new Event('input'));
}

async function mountForm() {
  const { view } = await mountAt('/petitions/new', '/petitions/new', PetitionFormView);
  await settle();
  return view.vm as unknown as { model: Record<string, unknown> };
}

describe('PetitionFormView', () => {
  it('defaults the receiver to the operator and the time to now', async () => {
    const vm = await mountForm();
    expect(vm.model.receiver).toBe('王干事');
    expect((hook('petition-field-received_at') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(hook('petition-field-channel-visit')?.classList.contains('is-active')).toBe(true);
  });

  it('takes no more text than the core does, and counts it in the long fields', async () => {
    await mountForm();
    const facts = hook('petition-field-facts') as HTMLTextAreaElement;
    expect(facts.tagName).toBe('TEXTAREA');
    expect(facts.maxLength).toBe(TEXT_LIMITS.facts);
    type('petition-field-facts', '村道被占');
    await settle();
    expect(facts.parentElement?.querySelector('.el-input__count')?.textContent?.trim()).toBe(`4 / ${TEXT_LIMITS.facts}`);
    expect((hook('petition-field-request') as HTMLTextAreaElement).maxLength).toBe(TEXT_LIMITS.request);
    expect((hook('petition-field-petitioner_name') as HTMLInputElement).maxLength).toBe(TEXT_LIMITS.petitioner_name);
    expect((hook('petition-field-receiver') as HTMLInputElement).maxLength).toBe(TEXT_LIMITS.receiver);
  });

  it('looks for earlier petitions while the clerk types, once the typing pauses', async () => {
    await mountForm();
    expect(hook('petition-similar-empty')).not.toBeNull();
    type('petition-field-petitioner_name', '张大');
    await settle(50);
    type('petition-field-petitioner_name', '张大山');
    await settle(50);
    expect(callsOf(invoke, 'petitions_similar')).toHaveLength(0); // still typing
    await settle(450);
    const probes = callsOf(invoke, 'petitions_similar');
    expect(probes).toEqual([{ probe: { petitioner_name: '张大山', phone: '', id_number: '', request: '', exclude_id: null } }]);
    const items = document.querySelectorAll<HTMLElement>('[data-test="petition-similar-item"]');
    expect(items).toHaveLength(1);
    expect(items[0].dataset.id).toBe('3');
    expect(items[0].querySelector('[data-test="petition-similar-reason"]')?.textContent).toContain('同一人');
    expect(items[0].textContent).toContain('信访〔2026〕第3号');
  });

  it('links a match, marks a group visit, saves, and shows the acceptance-notice deadline', async () => {
    const vm = await mountForm();
    type('petition-field-petitioner_name', '张大山');
    type('petition-field-phone', '13800001111');
    await settle(500);
    hook('petition-similar-link')!.querySelector('input')!.click();
    await flushPromises();
    expect(vm.model.link_ids).toEqual([3]);
    expect(hook('petition-link-count')?.textContent).toContain('将关联 1 件');

    // the link stays listed when the typing no longer matches
    type('petition-field-petitioner_name', '张小山');
    await settle(500);
    expect(document.querySelectorAll('[data-test="petition-similar-item"]')).toHaveLength(1);
    type('petition-field-petitioner_name', '张大山');

    expect(hook('petition-group-visit-tag')).toBeNull();
    Object.assign(vm.model, { people_count: 7, request: '村道被占，要求恢复通行', category: 'rural_affairs' });
    await flushPromises();
    expect(hook('petition-group-visit-tag')?.textContent).toContain('集体访');

    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')[0]).toMatchObject({
      input: {
        channel: 'visit', anonymous: false, petitioner_name: '张大山', phone: '13800001111', people_count: 7,
        request: '村道被占，要求恢复通行', category: 'rural_affairs', receiver: '王干事', link_ids: [3], via_deputy_id: null,
      },
    });
    expect(hook('petition-saved-number')?.textContent).toBe('信访〔2026〕第17号');
    expect(hook('petition-saved-deadline')?.dataset.stage).toBe('accept_notice');
    expect(hook('petition-saved-deadline-date')?.textContent).toBe('2026年4月4日');
    expect(hook('petition-saved-deadline-left')?.textContent).toBe('剩余15天');
  });

  it('hides identity fields for an anonymous letter and sends none', async () => {
    const vm = await mountForm();
    hook('petition-field-anonymous')!.querySelector('input')!.click();
    await flushPromises();
    expect(hook('petition-field-petitioner_name')).toBeNull();
    expect(hook('petition-field-phone')).toBeNull();
    Object.assign(vm.model, { request: '反映某村干部作风问题', category: 'rural_affairs', confidential: true, channel: 'letter' });
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')[0]).toMatchObject({
      input: { anonymous: true, petitioner_name: '', phone: '', id_number: '', confidential: true, channel: 'letter' },
    });
  });

  it('starts from an activity opinion, names it and saves through opinion_to_petition', async () => {
    const draft = {
      channel: 'deputy_referral', received_at: '2026-03-20 09:00', anonymous: false, petitioner_name: '青山村村民',
      sex: null, age: null, address: null, phone: null, id_number: null, people_count: 1, request: '村口路灯坏了三盏',
      facts: '2026年3月20日第二代表小组接待选民中收集（活动〔2026〕第3号第1条意见）', category: 'rural_affairs',
      receiver: '', via_deputy_id: 11, proposed_handling: '', instruction: '', confidential: false, link_ids: [],
      co_visitors: null,
    };
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      app_info: () => ({ app_version: '0', db_path: '', backup_dir: '', schema_version: 3, township: '青山镇', operator: '王干事' }),
      petitions_similar: () => [],
      opinion_petition_draft: () => draft,
      deputy_get: ({ id }) => ({ deputy: { id, name: '张三' }, events: [], posts: [], history: [] }),
      opinion_to_petition: () => ({ ...created, id: 18 }),
    }));
    const { router } = await mountAt('/petitions/new?opinion=31', '/petitions/new', PetitionFormView,
      [{ path: '/petitions/:id(\\d+)', component: { render: () => null } }]);
    await settle();
    expect(callsOf(invoke, 'opinion_petition_draft')).toEqual([{ opinionId: 31 }]);
    expect(hook('from-opinion')?.textContent).toContain('来自小组活动收集的意见');
    expect(hook('petition-field-channel-deputy_referral')?.classList.contains('is-active')).toBe(true);
    expect((hook('petition-field-request') as HTMLTextAreaElement).value).toBe('村口路灯坏了三盏');
    expect(hook('petition-field-via_deputy_id')?.textContent).toContain('张三');

    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')).toHaveLength(0);
    expect(callsOf(invoke, 'opinion_to_petition')).toEqual([{
      opinionId: 31,
      input: { ...draft, receiver: '王干事', petitioner_name: '青山村村民', address: '', phone: '', id_number: '', co_visitors: [] },
    }]);
    expect(router.currentRoute.value.path).toBe('/petitions/18');
  });

  it('warns, without blocking, when a free-text field holds the petitioner\'s name', async () => {
    const vm = await mountForm();
    type('petition-field-petitioner_name', '张大山');
    type('petition-field-facts', '青山村三组，张大山家门口的村道被占');
    await settle();
    expect(hook('petition-name-warning-facts')?.textContent).toContain(
      '事实与地点中写有信访人姓名；导出给县里时会被替换为化名，如非必要请删去');
    expect(hook('petition-name-warning-request')).toBeNull();
    type('petition-field-instruction', '请农业办联系张大山');
    await settle();
    expect(hook('petition-name-warning-instruction')?.textContent).toContain('领导批示中写有信访人姓名');

    // deleting the name takes the warning away
    type('petition-field-facts', '青山村三组村道被占');
    await settle();
    expect(hook('petition-name-warning-facts')).toBeNull();

    // a warning only: the petition is saved with the name where the clerk left it
    Object.assign(vm.model, { request: '村道被占，要求恢复通行', category: 'rural_affairs' });
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')[0]).toMatchObject({ input: { instruction: '请农业办联系张大山' } });
  });

  it('reads the received time as the clerk writes it, and refuses one it cannot read', async () => {
    const vm = await mountForm();
    const at = hook('petition-field-received_at') as HTMLInputElement;
    const item = () => at.closest('.el-form-item')!.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
    const enter = async (text: string) => {
      at.focus();
      at.value = text;
      at.dispatchEvent(new Event('input'));
      await flushPromises();
      at.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await settle();
    };
    await enter('2026.12.4 9:30');
    expect(vm.model.received_at).toBe('2026-12-04 09:30');
    expect(at.value).toBe('2026-12-04 09:30');
    expect(hook('petition-field-received_at-hint')?.textContent).toBe('已识别为 2026年12月4日 09:30');

    await enter('2026.12.4 25:00');
    expect(at.value).toBe('2026.12.4 25:00');
    expect(vm.model.received_at).toBe('2026-12-04 09:30');
    expect(item()).toBe('“2026.12.4 25:00”不是有效的时间：小时应为 0 到 23');
    Object.assign(vm.model, { petitioner_name: '李四', request: '修路', category: 'rural_affairs' });
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')).toHaveLength(0);

    await enter('2026.12.4 10:30');
    expect(item()).toBe('');
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')[0]).toMatchObject({ input: { received_at: '2026-12-04 10:30' } });
  });

  it('takes a message away from a field as soon as the field is filled', async () => {
    await mountForm();
    hook('petition-save')!.click();
    await settle();
    const itemOf = (id: string) => hook(id)!.closest('.el-form-item')!;
    expect(itemOf('petition-field-request').querySelector('.el-form-item__error')?.textContent).toContain('请填写诉求');
    expect(itemOf('petition-field-petitioner_name').querySelector('.el-form-item__error')?.textContent).toContain('请填写姓名');
    type('petition-field-request', '修路');
    await settle();
    expect(itemOf('petition-field-request').querySelector('.el-form-item__error')).toBeNull();
    // the others stay until they are filled
    expect(itemOf('petition-field-petitioner_name').querySelector('.el-form-item__error')?.textContent).toContain('请填写姓名');
  });

  it('asks for 同行人员 from two people on, sends them, and keeps them out of the draft', async () => {
    const vm = await mountForm();
    expect(hook('petition-field-co_visitors')).toBeNull();
    Object.assign(vm.model, { people_count: 2 });
    await flushPromises();
    const co = hook('petition-field-co_visitors') as HTMLTextAreaElement;
    expect(co.tagName).toBe('TEXTAREA');
    expect(co.disabled).toBe(false);
    expect(hook('petition-co_visitors-hint')?.textContent).toContain('可不填；姓名与信访人一样保密');
    Object.assign(vm.model, { people_count: 6 });
    type('petition-field-petitioner_name', '张大山');
    type('petition-field-co_visitors', '钱小二\n孙小三');
    type('petition-field-request', '村道被占，要求恢复通行');
    await settle();
    // the draft keeps the rest of the form, never the names (nor the ID number)
    const draft = sessionStorage.getItem('taizhang.draft.petition') ?? '';
    expect(draft).toContain('张大山');
    expect(draft).not.toContain('钱小二');
    expect(draft).not.toContain('co_visitors');

    // too many names for the count: said under the field, nothing sent
    Object.assign(vm.model, { people_count: 2, category: 'rural_affairs' });
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')).toHaveLength(0);
    const item = hook('petition-field-co_visitors')!.closest('.el-form-item')!;
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('同行人员登记了 2 人，但人数为 2 人');

    Object.assign(vm.model, { people_count: 6 });
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_create')[0]).toMatchObject({
      input: { petitioner_name: '张大山', people_count: 6, co_visitors: ['钱小二', '孙小三'] },
    });
  });

  it('shows the core\'s refusal of a co-visitor under the field', async () => {
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      app_info: () => ({ app_version: '0', db_path: '', backup_dir: '', schema_version: 3, township: '青山镇', operator: '王干事' }),
      petitions_similar: () => [],
      petition_create: () => {
        throw { code: 'validation', field: 'co_visitors', message: '同行人员姓名“钱某”不对：每行填一个人的姓名，不能有数字或顿号' };
      },
    }));
    const vm = await mountForm();
    Object.assign(vm.model, {
      petitioner_name: '张大山', people_count: 3, co_visitors: '钱某', request: '修路', category: 'rural_affairs',
    });
    await flushPromises();
    hook('petition-save')!.click();
    await settle();
    const item = hook('petition-field-co_visitors')!.closest('.el-form-item')!;
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('同行人员姓名“钱某”不对');
  });

  it('prints the core\'s 登记回执 after saving, in the print dialog (no HTML page, no window.print)', async () => {
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      app_info: () => ({ app_version: '0', db_path: '', backup_dir: '', schema_version: 3, township: '青山镇', operator: '王干事' }),
      petitions_similar: () => [],
      petition_create: () => created,
      print_preview: ({ page }) => ({ page, pages: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 }),
    }));
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const vm = await mountForm();
    Object.assign(vm.model, { petitioner_name: '张大山', request: '修路', category: 'rural_affairs' });
    hook('petition-save')!.click();
    await settle();
    expect(hook('petition-saved')).not.toBeNull();
    expect(document.querySelector('.print-only')).toBeNull();
    expect(hook('form-print-dialog')).toBeNull();
    hook('petition-print-receipt')!.click();
    await settle();
    expect(hook('form-print-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('信访事项登记回执');
    const requests = callsOf(invoke, 'print_preview') as { request: PrintRequest }[];
    expect(requests.at(-1)!.request).toEqual({ target: { kind: 'form', form: 'receipt', id: 17 }, reveal_reason: null, volume: 1, archival: false });
    expect(print).not.toHaveBeenCalled();
    print.mockRestore();
  });
});

describe('PetitionFormView: editing the co-visitors', () => {
  const stored = {
    ...created, id: 5, number: '信访〔2026〕第5号', anonymous: false, petitioner: '张**', sex: null, age: null, people_count: 6,
    co_visitors: ['钱**', '孙**'], facts: '', category: 'rural_affairs', receiver: '王干事', via_deputy: null,
    proposed_handling: '', instruction: '', confidential: false, linked: [],
  } as unknown as Petition;

  beforeEach(() => {
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      app_info: () => ({ app_version: '0', db_path: '', backup_dir: '', schema_version: 3, township: '青山镇', operator: '王干事' }),
      petitions_similar: () => [],
      petition_get: (): PetitionDetail => ({ petition: stored, steps: [], allowed: [], history: [] }),
      petition_reveal: () => ({ petitioner_name: '张大山', co_visitors: ['钱小二', '孙小三'], phone: '138', address: '', id_number: '' }),
      petition_update: () => stored,
    }));
  });

  async function mountEdit() {
    const { view } = await mountAt('/petitions/5/edit', '/petitions/:id(\\d+)/edit', PetitionFormView,
      [{ path: '/petitions/:id(\\d+)', component: { render: () => null } }]);
    await settle();
    return view.vm as unknown as { model: Record<string, unknown> };
  }

  it('keeps them sealed and as stored unless the identity is read', async () => {
    await mountEdit();
    const co = hook('petition-field-co_visitors') as HTMLTextAreaElement;
    expect(co.disabled).toBe(true);
    expect(co.value).toBe('');
    expect(co.placeholder).toBe('已登记 2 人：钱**、孙**（保密，保存时不变）');
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_update')[0]).toMatchObject({ id: 5, input: { petitioner_name: null, co_visitors: null } });
  });

  it('sends them as retyped once read (recorded)', async () => {
    await mountEdit();
    hook('petition-edit-reveal')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_reveal')).toEqual([{ id: 5, reason: '修改信访登记信息' }]);
    const co = hook('petition-field-co_visitors') as HTMLTextAreaElement;
    expect(co.disabled).toBe(false);
    expect(co.value).toBe('钱小二\n孙小三');
    type('petition-field-co_visitors', '钱小二');
    await settle();
    hook('petition-save')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_update')[0]).toMatchObject({
      id: 5, input: { petitioner_name: '张大山', co_visitors: ['钱小二'] },
    });
  });
});
