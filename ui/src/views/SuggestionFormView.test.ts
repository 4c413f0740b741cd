// 登记建议 against a fake core: the hooks the end-to-end test drives, deputies picked by pinyin
// initials, the client checks, a core error under the field it names, and 继续登记下一件. A new one
// opens on 会议期间 under the session of the congress running today (issue 22), unless it is a kept
// draft, an edit or from an opinion.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Deputy, Suggestion } from '../api/types';
import { TEXT_LIMITS } from '../bindings/constants';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { todayIso } from '../lib/format';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import SuggestionFormView from './SuggestionFormView.vue';

const dep = (id: number, name: string, initials: string, group = '第一小组') => ({ id, name, initials, pinyin: '', group_name: group, voided: false }) as unknown as Deputy;
const DEPUTIES = [dep(11, '张三', 'zs'), dep(12, '李四', 'ls'), dep(13, '王五', 'ww'), dep(14, '张山', 'zs', '第二小组')];

const saved = (over: Partial<Suggestion> = {}) => ({
  id: 42, number: '20-3-005', number_label: '第二十届第三次会议 建议第5号', subject: '关于修缮青山村村道的建议',
  lead_deputy: { id: 11, name: '张三' }, co_signers: [], by_presidium: false, received_on: '2026-03-20',
  deadline: {
    stage: 'assign', stage_label: '交办', basis: '浙江省', days_left: 7, overdue: false, extended: false,
    due: { date: '2026-03-31', start: '2026-03-20', period: { unit: 'working_days', count: 7 }, nominal: '2026-03-31', beyond_calendar: [], explanation: '自登记之日起7个工作日' },
  },
  ...over,
}) as Suggestion;

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  localStorage.clear();
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
    rule_profile_get: () => ({ suggestion: { motion_min_cosigners: 5 } }),
    deputies_list: ({ query }) => {
      const items = DEPUTIES.filter((d) => d.initials.startsWith(query.search) || d.name.includes(query.search));
      return { items, total: items.length, page: 1, page_size: query.page_size };
    },
    suggestion_create: () => saved(),
    session_in_progress: () => null,
  }));
});

/** The core's draft of an activity opinion (opinion_suggestion_draft). */
const OPINION_DRAFT = {
  term_id: 2, session_no: 3, during_session: false, kind: 'suggestion', lead_deputy_id: 11, by_presidium: false,
  co_signer_ids: [], subject: '关于村口路灯的建议', content: '村口路灯坏了三盏\n（2026年3月20日第二代表小组接待选民收集）',
  category: 'other', received_on: '2026-03-20', key_supervision: false, published: false, notes: '',
};

async function mountForm() {
  const { wrapper, router, view } = await mountAt('/suggestions/new', '/suggestions/new', SuggestionFormView);
  await settle();
  const vm = view.vm as unknown as { model: Record<string, unknown> };
  return { wrapper, router, vm };
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

describe('SuggestionFormView', () => {
  it('has the hooks the end-to-end test drives', async () => {
    await mountForm();
    for (const f of ['subject']) expect(hook(`suggestion-field-${f}`)?.tagName).toBe('INPUT');
    for (const f of ['content', 'notes']) expect(hook(`suggestion-field-${f}`)?.tagName).toBe('TEXTAREA');
    for (const f of ['term_id', 'category', 'lead_deputy_id', 'co_signer_ids']) {
      expect(hook(`suggestion-field-${f}`)?.classList.contains('el-select'), f).toBe(true);
    }
    expect(hook('suggestion-field-received_on')?.tagName).toBe('INPUT');
    expect(hook('suggestion-field-kind-suggestion')).not.toBeNull();
    expect(hook('suggestion-field-during_session-false')).not.toBeNull();
    expect(hook('suggestion-field-session_no')?.querySelector('input')).not.toBeNull();
    expect(hook('suggestion-save')?.tagName).toBe('BUTTON');
    expect(hook('suggestion-save-next')?.tagName).toBe('BUTTON');
    // defaults: the current term, today, a suggestion (not a motion)
    expect((hook('suggestion-field-received_on') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hook('suggestion-field-kind-suggestion')?.classList.contains('is-active')).toBe(true);
  });

  it('finds deputies by pinyin initials, telling two with the same initials apart by their groups', async () => {
    const { vm } = await mountForm();
    const input = hook('suggestion-field-lead_deputy_id')!.querySelector('input')!;
    input.focus();
    input.value = 'zs';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    expect(callsOf(invoke, 'deputies_list')).toContainEqual({ query: { search: 'zs', page_size: 20 } });
    const options = [...document.querySelectorAll<HTMLElement>('.popper-suggestion-field-lead_deputy_id .el-select-dropdown__item')];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['张三（第一小组）', '张山（第二小组）']);
    options[0].click();
    await flushPromises();
    expect(vm.model.lead_deputy_id).toBe(11);
  });

  it('does not call the core while required fields are empty', async () => {
    await mountForm();
    hook('suggestion-save')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_create')).toHaveLength(0);
    expect(formItemOf('suggestion-field-subject').textContent).toContain('请填写案由');
    expect(formItemOf('suggestion-field-lead_deputy_id').textContent).toContain('请选择领衔代表');
  });

  it('takes 案由 up to the core\'s limit with a count, and drops its message once it is filled', async () => {
    await mountForm();
    const subject = hook('suggestion-field-subject') as HTMLInputElement;
    expect(subject.maxLength).toBe(TEXT_LIMITS.subject);
    hook('suggestion-save')!.click();
    await settle();
    expect(formItemOf('suggestion-field-subject').textContent).toContain('请填写案由');
    subject.value = '关于修缮村道的建议';
    subject.dispatchEvent(new Event('input'));
    await settle();
    expect(formItemOf('suggestion-field-subject').classList.contains('is-error')).toBe(false);
    expect(formItemOf('suggestion-field-subject').querySelector('.el-input__count')?.textContent?.trim())
      .toBe(`9 / ${TEXT_LIMITS.subject}`);
    // the other messages stay until their fields are filled
    expect(formItemOf('suggestion-field-lead_deputy_id').textContent).toContain('请选择领衔代表');
  });

  it('shows a core error under the field it names, then saves and starts the next one', async () => {
    const { vm } = await mountForm();
    Object.assign(vm.model, {
      session_no: 3, lead_deputy_id: 11, co_signer_ids: [12, 13], subject: '关于修缮青山村村道的建议', category: 'transport',
      content: '青山村村道破损严重', key_supervision: true,
    });
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'suggestion_create') throw new Error(cmd);
      throw { code: 'validation', field: 'co_signer_ids', message: '王五已不在任，不能附议' };
    });
    hook('suggestion-save')!.click();
    await settle();
    const item = formItemOf('suggestion-field-co_signer_ids');
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.textContent).toContain('王五已不在任，不能附议');
    expect(formItemOf('suggestion-field-subject').classList.contains('is-error')).toBe(false);
    expect(callsOf(invoke, 'suggestion_create')[0]).toMatchObject({
      input: {
        term_id: 2, session_no: 3, during_session: true, kind: 'suggestion', lead_deputy_id: 11, co_signer_ids: [12, 13],
        category: 'transport', key_supervision: true, by_presidium: false,
      },
    });

    vm.model.co_signer_ids = [12];
    hook('suggestion-save')!.click();
    await settle();
    expect(hook('suggestion-saved')).not.toBeNull();
    expect(hook('suggestion-saved-number')?.dataset.id).toBe('42');
    expect(hook('suggestion-saved-deadline')?.textContent).toContain('2026年3月31日');

    hook('suggestion-next')!.click();
    await settle();
    expect(vm.model).toMatchObject({ term_id: 2, session_no: 3, during_session: true, subject: '', lead_deputy_id: null, co_signer_ids: [], key_supervision: false });
    expect(hook('suggestion-sitting')?.textContent).toContain('20-3-005');
  });

  it('saves and goes straight on with 保存并登记下一件', async () => {
    const { vm } = await mountForm();
    Object.assign(vm.model, { session_no: 4, during_session: false, lead_deputy_id: 12, subject: '关于增设路灯的建议', category: 'transport' });
    hook('suggestion-save-next')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_create')).toHaveLength(1);
    expect(hook('suggestion-saved')).toBeNull();
    expect(vm.model).toMatchObject({ session_no: 4, during_session: false, subject: '', lead_deputy_id: null });
    // the session is remembered for the next sitting
    expect(JSON.parse(localStorage.getItem('taizhang.suggestion.session')!)).toEqual({ term_id: 2, session_no: 4, during_session: false });
  });

  it('keeps a half-filled form when the clerk leaves, and offers it back with 清空', async () => {
    const first = await mountForm();
    const subject = hook('suggestion-field-subject') as HTMLInputElement;
    subject.value = '关于修缮村道的建议';
    subject.dispatchEvent(new Event('input'));
    const lead = hook('suggestion-field-lead_deputy_id')!.querySelector('input')!;
    lead.focus();
    lead.value = 'ls';
    lead.dispatchEvent(new Event('input'));
    await settle(400);
    document.querySelector<HTMLElement>('.popper-suggestion-field-lead_deputy_id .el-select-dropdown__item')!.click();
    first.vm.model.category = 'transport';
    await settle();
    expect(hook('draft-restored')).toBeNull();
    first.wrapper.unmount();

    const again = await mountForm();
    expect((hook('suggestion-field-subject') as HTMLInputElement).value).toBe('关于修缮村道的建议');
    expect(again.vm.model).toMatchObject({ lead_deputy_id: 12, category: 'transport', term_id: 2 });
    // the picker still knows the deputy by name, without asking the core again
    expect(hook('suggestion-field-lead_deputy_id')?.textContent).toContain('李四');
    expect(hook('draft-restored')?.textContent).toContain('已恢复未保存的草稿');
    hook('draft-discard')!.click();
    await settle();
    expect((hook('suggestion-field-subject') as HTMLInputElement).value).toBe('');
    expect(again.vm.model).toMatchObject({ lead_deputy_id: null, category: '', term_id: 2 });
    expect(hook('draft-restored')).toBeNull();
    // blank again: leaving asks nothing
    void again.router.push('/elsewhere');
    await settle();
    expect(document.querySelector('.el-message-box')).toBeNull();
    expect(again.router.currentRoute.value.path).toBe('/elsewhere');
    again.wrapper.unmount();

    await mountForm();
    expect((hook('suggestion-field-subject') as HTMLInputElement).value).toBe('');
    expect(hook('draft-restored')).toBeNull();
  });

  it('forgets the draft once saved, and keeps the 本次已登记 list across leaving the page', async () => {
    const first = await mountForm();
    Object.assign(first.vm.model, { session_no: 3, lead_deputy_id: 11, subject: '关于修缮青山村村道的建议', category: 'transport' });
    hook('suggestion-save-next')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_create')).toHaveLength(1);
    first.vm.model.subject = '下一件，写了一半';
    await settle();
    first.wrapper.unmount();

    const again = await mountForm();
    expect(again.vm.model.subject).toBe('下一件，写了一半');
    expect(hook('suggestion-sitting')?.textContent).toContain('20-3-005');
    Object.assign(again.vm.model, { lead_deputy_id: 11, category: 'education' });
    hook('suggestion-save')!.click();
    await settle();
    expect(hook('suggestion-saved')).not.toBeNull();
    again.wrapper.unmount();

    const third = await mountForm();
    expect(third.vm.model.subject).toBe('');
    expect(hook('draft-restored')).toBeNull();
    expect(document.querySelectorAll('[data-test="suggestion-sitting"] .el-table__body tr')).toHaveLength(2);
  });

  it('neither restores nor keeps a draft for a suggestion started from an opinion', async () => {
    const first = await mountForm();
    first.vm.model.subject = '手头的一件';
    await settle();
    first.wrapper.unmount();
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
      rule_profile_get: () => ({ suggestion: { motion_min_cosigners: 5 } }),
      opinion_suggestion_draft: () => ({ ...OPINION_DRAFT }),
      deputy_get: ({ id }) => ({ deputy: { id, name: '张三' }, events: [], posts: [], history: [] }),
    }));
    const { wrapper } = await mountAt('/suggestions/new?opinion=31&activity=77', '/suggestions/new', SuggestionFormView);
    await settle();
    expect((hook('suggestion-field-subject') as HTMLInputElement).value).toBe('关于村口路灯的建议');
    expect(hook('draft-restored')).toBeNull();
    wrapper.unmount();
    expect(JSON.parse(sessionStorage.getItem('taizhang.draft.suggestion')!).subject).toBe('手头的一件');
  });

  it('goes back to the activity the opinion came from after saving, so the next opinion is one click away', async () => {
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
      rule_profile_get: () => ({ suggestion: { motion_min_cosigners: 5 } }),
      opinion_suggestion_draft: () => ({ ...OPINION_DRAFT }),
      deputy_get: ({ id }) => ({ deputy: { id, name: '张三' }, events: [], posts: [], history: [] }),
      opinion_to_suggestion: () => saved({ id: 43 }),
    }));
    const { router } = await mountAt('/suggestions/new?opinion=31&activity=77', '/suggestions/new', SuggestionFormView,
      [{ path: '/activities/:id(\\d+)', component: { render: () => null } }]);
    await settle();
    hook('suggestion-save')!.click();
    await settle();
    expect(callsOf(invoke, 'opinion_to_suggestion')).toHaveLength(1);
    expect(router.currentRoute.value.path).toBe('/activities/77');
  });

  it('starts from an activity opinion, names it and saves through opinion_to_suggestion', async () => {
    const draft = OPINION_DRAFT;
    localStorage.setItem('taizhang.suggestion.session', JSON.stringify({ term_id: 2, session_no: 5, during_session: true }));
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      terms_list: () => [{ id: 2, number: 20, label: '第二十届', start_date: '2021-12-28', end_date: null, is_current: true }],
      rule_profile_get: () => ({ suggestion: { motion_min_cosigners: 5 } }),
      opinion_suggestion_draft: () => draft,
      deputy_get: ({ id }) => ({ deputy: { id, name: '张三' }, events: [], posts: [], history: [] }),
      opinion_to_suggestion: () => saved({ id: 43 }),
    }));
    const { router } = await mountAt('/suggestions/new?opinion=31', '/suggestions/new', SuggestionFormView,
      [{ path: '/suggestions/:id(\\d+)', component: { render: () => null } }]);
    await settle();
    expect(callsOf(invoke, 'opinion_suggestion_draft')).toEqual([{ opinionId: 31 }]);
    expect(hook('from-opinion')?.textContent).toContain('本建议来自小组活动收集的意见，保存后两者互相关联');
    expect(hook('from-opinion')?.dataset.id).toBe('31');
    // the draft, not the remembered session
    expect((hook('suggestion-field-subject') as HTMLInputElement).value).toBe('关于村口路灯的建议');
    expect(hook('suggestion-field-during_session-false')?.classList.contains('is-active')).toBe(true);
    expect(hook('suggestion-field-lead_deputy_id')?.textContent).toContain('张三');
    expect(hook('suggestion-save-next')).toBeNull();

    hook('suggestion-save')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_create')).toHaveLength(0);
    expect(callsOf(invoke, 'opinion_to_suggestion')).toEqual([{ opinionId: 31, input: draft }]);
    expect(router.currentRoute.value.path).toBe('/suggestions/43');
  });
});

describe('SuggestionFormView while a session of the congress is in progress (issue 22)', () => {
  const RUNNING = {
    id: 8, number: '第二十届人民代表大会第四次会议', term_id: 2, seq: 4, first_day: todayIso(), last_day: todayIso(),
  };

  beforeEach(() => {
    const core = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (cmd: string, args?: unknown) => (cmd === 'session_in_progress' ? RUNNING : core(cmd, args)));
    // the session the clerk typed up last time: the running one wins
    localStorage.setItem('taizhang.suggestion.session', JSON.stringify({ term_id: 2, session_no: 3, during_session: false }));
  });

  it('opens a new suggestion on 会议期间 under the running session\'s number, and says which', async () => {
    const { vm, router } = await mountForm();
    expect(callsOf(invoke, 'session_in_progress')).toHaveLength(1);
    expect(vm.model).toMatchObject({ term_id: 2, session_no: 4, during_session: true });
    expect(hook('suggestion-session-running')?.textContent).toContain('正在召开：第二十届人民代表大会第四次会议');
    expect(hook('suggestion-field-during_session-true')?.classList.contains('is-active')).toBe(true);
    // the prefill is the blank form: nothing kept, leaving does not ask
    expect(sessionStorage.getItem('taizhang.draft.suggestion')).toBeNull();
    await router.push('/elsewhere');
    await settle();
    expect(document.querySelector('.el-message-box')).toBeNull();
    expect(router.currentRoute.value.path).toBe('/elsewhere');
  });

  it('keeps the remembered session when none is running', async () => {
    const core = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (cmd: string, args?: unknown) => (cmd === 'session_in_progress' ? null : core(cmd, args)));
    const { vm } = await mountForm();
    expect(callsOf(invoke, 'session_in_progress')).toHaveLength(1);
    expect(vm.model).toMatchObject({ term_id: 2, session_no: 3, during_session: false });
    expect(hook('suggestion-session-running')).toBeNull();
  });

  it('leaves a kept draft as it was, without asking', async () => {
    sessionStorage.setItem('taizhang.draft.suggestion', JSON.stringify({ session_no: 6, during_session: false, subject: '未写完的一件' }));
    const { vm } = await mountForm();
    expect(hook('draft-restored')).not.toBeNull();
    expect(callsOf(invoke, 'session_in_progress')).toHaveLength(0);
    expect(vm.model).toMatchObject({ session_no: 6, during_session: false, subject: '未写完的一件' });
    expect(hook('suggestion-session-running')).toBeNull();
  });

  it('does not ask for a suggestion started from an opinion', async () => {
    const core = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (cmd: string, args?: unknown) => {
      if (cmd === 'opinion_suggestion_draft') return { ...OPINION_DRAFT };
      if (cmd === 'deputy_get') return { deputy: { id: 11, name: '张三' }, events: [], posts: [], history: [] };
      return core(cmd, args);
    });
    await mountAt('/suggestions/new?opinion=31', '/suggestions/new', SuggestionFormView);
    await settle();
    expect(callsOf(invoke, 'session_in_progress')).toHaveLength(0);
    expect(hook('suggestion-session-running')).toBeNull();
  });

  it('does not ask when editing', async () => {
    const core = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (cmd: string, args?: unknown) => {
      if (cmd === 'suggestion_get') {
        return {
          suggestion: saved({ term_id: 2, session_no: 3, during_session: false, kind: 'suggestion', co_signers: [], category: 'transport' } as Partial<Suggestion>),
          steps: [], allowed: [], history: [],
        };
      }
      return core(cmd, args);
    });
    const { view } = await mountAt('/suggestions/42/edit', '/suggestions/:id(\\d+)/edit', SuggestionFormView);
    await settle();
    expect(callsOf(invoke, 'session_in_progress')).toHaveLength(0);
    expect((view.vm as unknown as { model: Record<string, unknown> }).model).toMatchObject({ session_no: 3, during_session: false });
  });
});
