// 新增候选项目 / 修改候选项目 against a fake core: the year from the list (?year=), the cost typed in
// 万元 and sent in yuan, 代表建议 asking for the suggestion (picked by its number or words), the
// core's refusals under their fields, 保存并继续新增 keeping the year, editing (the year fixed, the
// cost back in 万元, the suggestion shown by its number), and the kept draft.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LivelihoodProject, ProjectInput } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import ProjectFormView from './ProjectFormView.vue';

const YEAR = new Date().getFullYear();

const stored = (over: Partial<LivelihoodProject> = {}): LivelihoodProject => ({
  id: 7, number: `民生实事〔${YEAR}〕第7号`, year: YEAR, seq: 7, title: '村道硬化', description: '硬化 3 公里', source: 'suggestion',
  suggestion: { id: 9, number: `建议〔${YEAR}〕第9号` }, estimated_cost: 355000, unit: { id: 2, name: '镇建设办' },
  planned_completion: `${YEAR}-11-30`, vote: null, milestones: [], reports: [], evaluation: null, state: 'candidate',
  state_label: '候选（未票决）', carried_to: null, checks: [], notes: '', voided: false, void_reason: null, ...over,
});

let refuse: { code: string; field: string | null; message: string } | null;
let seq: number;

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  refuse = null;
  seq = 0;
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    handling_units_list: () => [
      { id: 2, name: '镇建设办', contact: '', phone: '', active: true },
      { id: 3, name: '镇农业农村办', contact: '', phone: '', active: true },
    ],
    suggestions_list: ({ query }) => {
      const items = [{ id: 9, number: `建议〔${YEAR}〕第9号`, subject: '关于硬化村道的建议', voided: false }]
        .filter((s) => s.number.includes(query.search) || s.subject.includes(query.search));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
    project_get: () => ({ project: stored(), history: [] }),
    project_create: ({ input }: { input: ProjectInput }) => {
      if (refuse) throw refuse;
      seq += 1;
      return stored({ id: 40 + seq, number: `民生实事〔${input.year}〕第${seq}号`, year: input.year, title: input.title });
    },
    project_update: ({ id, input }: { id: number; input: ProjectInput }) => stored({ id, title: input.title }),
  }));
});

const extra = [
  { path: '/projects/:id(\\d+)', component: { render: () => null } },
  { path: '/projects', component: { render: () => null } },
];

async function mountForm(path = `/projects/new?year=${YEAR + 1}`) {
  const pattern = path.includes('/edit') ? '/projects/:id(\\d+)/edit' : '/projects/new';
  const res = await mountAt(path, pattern, ProjectFormView, extra);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function type(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

function typeNumber(id: string, text: string) {
  const input = hook(id)!.querySelector('input')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
}

async function pickUnit(id: number) {
  hook('field-unit_id')!.click();
  await settle();
  document.querySelector<HTMLElement>(`.popper-field-unit_id [data-test="option-unit-${id}"]`)!.click();
  await settle();
}

const created = () => (callsOf(invoke, 'project_create') as { input: ProjectInput }[]).map((c) => c.input);

describe('ProjectFormView', () => {
  it('registers a candidate for the list\'s year, the cost in 万元 sent in yuan', async () => {
    const { router } = await mountForm();
    expect(hook('project-form-title')?.textContent).toBe('新增候选项目');
    expect(hook('field-year')?.textContent).toContain(`${YEAR + 1}年`);
    type('field-title', ' 村道硬化 ');
    typeNumber('field-estimated_cost', '35.5');
    await pickUnit(2);
    hook('project-save')!.click();
    await settle();
    expect(created()).toEqual([{
      year: YEAR + 1, title: '村道硬化', description: '', source: 'voters', suggestion_id: null, estimated_cost: 355000, unit_id: 2,
      planned_completion: null, notes: '',
    }]);
    expect(router.currentRoute.value.path).toBe('/projects/41');
    expect(document.querySelector('.el-message--success')?.textContent).toContain(`已新增：民生实事〔${YEAR + 1}〕第1号`);
  });

  it('asks for the title, and for 代表建议 the suggestion, before the core', async () => {
    await mountForm();
    hook('project-save')!.click();
    await settle();
    expect(created()).toEqual([]);
    expect(formItemOf('field-title').textContent).toContain('请填写项目名称');
    type('field-title', '村道硬化');
    hook('field-source-suggestion')!.click();
    await settle();
    hook('project-save')!.click();
    await settle();
    expect(created()).toEqual([]);
    expect(formItemOf('field-suggestion_id').textContent).toContain('来源为代表建议的项目，请选择是哪一件建议');

    // picked by words of its subject
    const input = hook('field-suggestion_id')!.querySelector('input')!;
    input.focus();
    input.value = '硬化';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    expect(callsOf(invoke, 'suggestions_list').at(-1)).toEqual({ query: { search: '硬化', page_size: 20 } });
    document.querySelector<HTMLElement>('.popper-field-suggestion_id [data-test="suggestion-option-9"]')!.click();
    await settle();
    expect(hook('field-suggestion_id')?.textContent).toContain(`建议〔${YEAR}〕第9号`);
    hook('project-save')!.click();
    await settle();
    expect(created()).toHaveLength(1);
    expect(created()[0]).toMatchObject({ source: 'suggestion', suggestion_id: 9 });
  });

  it('shows the core\'s refusal under its field', async () => {
    refuse = { code: 'validation', field: 'estimated_cost', message: '估算投资应在 0 到 1000 亿元之间（以元为单位）' };
    await mountForm();
    type('field-title', '村道硬化');
    hook('project-save')!.click();
    await settle();
    expect(formItemOf('field-estimated_cost').textContent).toContain('估算投资应在 0 到 1000 亿元之间');
  });

  it('保存并继续新增 keeps the year and lists what was added', async () => {
    const { router } = await mountForm();
    type('field-title', '村道硬化');
    hook('project-save-next')!.click();
    await settle();
    type('field-title', '路灯改造');
    hook('project-save-next')!.click();
    await settle();
    expect(created().map((i) => [i.year, i.title])).toEqual([[YEAR + 1, '村道硬化'], [YEAR + 1, '路灯改造']]);
    expect(router.currentRoute.value.path).toBe('/projects/new');
    expect((hook('field-title') as HTMLInputElement).value).toBe('');
    expect(hook('field-year')?.textContent).toContain(`${YEAR + 1}年`);
    const items = [...document.querySelectorAll<HTMLElement>('[data-test="project-added-item"]')];
    expect(items.map((i) => i.dataset.id)).toEqual(['42', '41']);
    expect(items[1].textContent).toContain(`民生实事〔${YEAR + 1}〕第1号`);
  });

  it('edits a candidate: the year fixed, the cost in 万元, the suggestion by its number', async () => {
    const { router } = await mountForm('/projects/7/edit');
    expect(hook('project-form-title')?.textContent).toBe(`修改候选项目：民生实事〔${YEAR}〕第7号`);
    expect(hook('field-year')!.querySelector('.is-disabled, [disabled]')).not.toBeNull();
    expect(hook('field-estimated_cost')!.querySelector('input')!.value).toBe('35.5');
    expect(hook('field-suggestion_id')?.textContent).toContain(`建议〔${YEAR}〕第9号`);
    expect(hook('project-save-next')).toBeNull();
    type('field-title', '村道硬化（二期）');
    hook('project-save')!.click();
    await settle();
    expect(callsOf(invoke, 'project_update')).toEqual([{
      id: 7,
      input: {
        year: YEAR, title: '村道硬化（二期）', description: '硬化 3 公里', source: 'suggestion', suggestion_id: 9, estimated_cost: 355000,
        unit_id: 2, planned_completion: `${YEAR}-11-30`, notes: '',
      },
    }]);
    expect(router.currentRoute.value.path).toBe('/projects/7');
  });

  it('keeps a new candidate\'s draft and opens on it again', async () => {
    const first = await mountForm();
    type('field-title', '村道硬化');
    await settle();
    first.wrapper.unmount();
    document.body.innerHTML = '';
    await mountForm();
    expect((hook('field-title') as HTMLInputElement).value).toBe('村道硬化');
    expect(hook('draft-restored')).not.toBeNull();
  });
});
