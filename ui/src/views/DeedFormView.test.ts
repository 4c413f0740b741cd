// 登记先进事迹 against a fake core: the form prefilled from a suggestion's draft (with the note naming
// the suggestion), the client checks, and a core validation error on deputy_ids shown under 代表.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deed, DeedInput } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DeedFormView from './DeedFormView.vue';

const DRAFT: DeedInput = {
  deputy_ids: [4, 5], date: '2026-05-10', category: 'duty_performance', title: '推动修建王家村进村道路',
  summary: '领衔提出建议，跟踪办理，道路已建成通车', evidence: '', honour: '', honour_level: null, honour_body: '',
  honour_date: null, publicised: '', suggestion_id: 9, notes: '',
};

const deed = (over: Partial<Deed> = {}): Deed => ({
  id: 42, number: '事迹〔2026〕第1号', year: 2026, seq: 1, deputies: [{ id: 4, name: '张三' }], date: '2026-05-10',
  category: 'duty_performance', title: 'x', summary: '', evidence: '', honour: '', honour_level: null, honour_body: '',
  honour_date: null, publicised: '', suggestion: null, notes: '', voided: false, void_reason: null, ...over,
});

const INVALID = { code: 'validation', field: 'deputy_ids', message: '李四的代表记录已作废，不能登记先进事迹' };

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    deed_draft_from_suggestion: () => DRAFT,
    suggestion_get: ({ id }) => ({
      suggestion: {
        id, number: '20-3-005', subject: '关于修建王家村进村道路的建议', lead_deputy: { id: 4, name: '张三' },
        co_signers: [{ id: 5, name: '李四' }, { id: 6, name: '王五' }],
      },
      steps: [], history: [], allowed: [],
    }),
    deed_create: ({ input }) => deed({ ...input, id: 42 }),
  }));
});

const extra = [{ path: '/deeds/:id(\\d+)', component: { render: () => null } }, { path: '/deeds', component: { render: () => null } }];

async function mountForm(path: string) {
  const { router, view } = await mountAt(path, '/deeds/new', DeedFormView, extra);
  await settle();
  const vm = view.vm as unknown as { model: Record<string, unknown> };
  return { router, vm };
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

describe('DeedFormView', () => {
  it('prefills from a suggestion draft, names the suggestion and saves the link', async () => {
    const { router, vm } = await mountForm('/deeds/new?suggestion=9');
    expect(callsOf(invoke, 'deed_draft_from_suggestion')[0]).toEqual({ suggestionId: 9 });
    expect(hook('deed-from-suggestion')?.textContent).toContain('由代表建议 20-3-005 转入');
    expect(hook('deed-from-suggestion')?.dataset.id).toBe('9');
    expect((hook('deed-field-title') as HTMLInputElement).value).toBe('推动修建王家村进村道路');
    expect((hook('deed-field-summary') as HTMLTextAreaElement).value).toBe('领衔提出建议，跟踪办理，道路已建成通车');
    expect((hook('deed-field-date') as HTMLInputElement).value).toBe('2026-05-10');
    expect(hook('deed-field-category')?.textContent).toContain('依法履职');
    // the chosen deputies show by name (from the suggestion), not "代表 #4"
    const picker = hook('deed-field-deputy_ids')!;
    expect(picker.textContent).toContain('张三');
    expect(picker.textContent).toContain('李四');
    expect(picker.textContent).not.toContain('王五');
    expect(hook('deed-field-suggestion_id')?.dataset.value).toBe('9');
    expect(vm.model.deputy_ids).toEqual([4, 5]);

    hook('deed-save')!.click();
    await settle();
    expect(callsOf(invoke, 'deed_create')[0]).toEqual({ input: DRAFT });
    expect(router.currentRoute.value.path).toBe('/deeds/42');
  });

  it('checks the form before calling the core: a deputy, a title, a level with an honour', async () => {
    const { vm } = await mountForm('/deeds/new');
    expect(hook('deed-from-suggestion')).toBeNull();
    expect((hook('deed-field-date') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    vm.model.honour = '县级优秀人大代表';
    hook('deed-save')!.click();
    await settle();
    expect(callsOf(invoke, 'deed_create')).toHaveLength(0);
    expect(formItemOf('deed-field-deputy_ids').textContent).toContain('请至少选择一名代表');
    expect(formItemOf('deed-field-title').textContent).toContain('请填写事迹标题');
    expect(formItemOf('deed-field-honour_level').textContent).toContain('填写了所获荣誉，请选择荣誉级别');
  });

  it('shows a core validation error on deputy_ids under 代表 and stays', async () => {
    const { router } = await mountForm('/deeds/new?suggestion=9');
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'deed_create') throw new Error(cmd);
      throw INVALID;
    });
    hook('deed-save')!.click();
    await settle();
    const item = formItemOf('deed-field-deputy_ids');
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('李四的代表记录已作废');
    expect(item.querySelector('.el-form-item__label')?.textContent).toContain('代表');
    expect(formItemOf('deed-field-title').classList.contains('is-error')).toBe(false);
    expect(router.currentRoute.value.path).toBe('/deeds/new');
  });
});
