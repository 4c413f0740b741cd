// 登记收文 / 登记发文 against a fake core: the hooks, the defaults, the fields per direction, the
// client checks, a duplicate 文号 refused by the core shown under 文号, and the way to the new entry.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Document, DocumentDetail } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DocumentFormView from './DocumentFormView.vue';

const doc = (over: Partial<Document> = {}): Document => ({
  id: 42, direction: 'received', number: '收文〔2026〕第12号', year: 2026, seq: 12, date: '2026-03-20',
  issuer: '县人大常委会办公室', issuer_level: 'county', doc_number: '县人大常〔2024〕12号', title: '关于做好代表建议办理工作的通知',
  classification: 'public', urgency: 'normal', copies: 1, attachments: '', instruction: '', handler: '', signed_by: '',
  sent_to: '', reply_doc_number: '', notes: '', archived_on: null, volume: '', reads: 0, voided: false, void_reason: null, ...over,
});

const CONFLICT = {
  code: 'conflict', field: 'doc_number',
  message: '县人大常委会办公室的县人大常〔2024〕12号已于2026-03-02登记为收文〔2026〕第3号，同一文件不能重复登记',
  entry: 3,
};

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear(); // drafts and 本次已登记 (state/drafts.ts)
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    document_create: ({ input }) => doc({ ...input, id: 42 }),
    document_get: ({ id }) => ({ document: doc({ id, instruction: '请各小组学习', copies: 3 }), reads: [], history: [] }) as DocumentDetail,
    document_update: ({ id, input }) => doc({ ...input, id }),
    documents_list: () => ({ items: [doc({ id: 8, number: '收文〔2026〕第8号' }), doc({ id: 3, number: '收文〔2026〕第3号' })], total: 2, page: 1, page_size: 50 }),
  }));
});

const extra = [{ path: '/documents/:id(\\d+)', component: { render: () => null } }, { path: '/documents', component: { render: () => null } }];

async function mountForm(path = '/documents/new?direction=received', pattern = '/documents/new') {
  const { router, view } = await mountAt(path, pattern, DocumentFormView, extra);
  await settle();
  const vm = view.vm as unknown as { model: Record<string, unknown> };
  return { router, vm };
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function type(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

describe('DocumentFormView', () => {
  it('has a hook for every field of a received document, with the defaults', async () => {
    await mountForm();
    for (const f of ['issuer', 'doc_number', 'title', 'attachments', 'handler', 'signed_by', 'reply_doc_number']) {
      expect(hook(`document-field-${f}`)?.tagName, f).toBe('INPUT');
    }
    for (const f of ['instruction', 'notes']) expect(hook(`document-field-${f}`)?.tagName, f).toBe('TEXTAREA');
    expect(hook('document-field-issuer_level')?.classList.contains('el-select')).toBe(true);
    expect(hook('document-field-date')?.tagName).toBe('INPUT');
    expect(hook('document-field-copies')?.querySelector('input')).not.toBeNull();
    expect(hook('document-field-sent_to')).toBeNull();
    expect(hook('document-save')?.tagName).toBe('BUTTON');
    expect(hook('document-form-title')?.textContent).toBe('登记收文');
    // defaults: today, 公开, 平件, one copy
    expect((hook('document-field-date') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hook('document-field-direction-received')?.classList.contains('is-active')).toBe(true);
    expect(hook('document-field-classification-public')?.classList.contains('is-active')).toBe(true);
    expect(hook('document-field-urgency-normal')?.classList.contains('is-active')).toBe(true);
    expect(hook('document-field-copies')!.querySelector('input')!.value).toBe('1');
    expect(formItemOf('document-field-doc_number').textContent).toContain('如：县人大常〔2024〕12号，括号可输入 [ ] 或 ( )');
  });

  it('shows 主送、抄送 and no issuer on the sent form', async () => {
    await mountForm('/documents/new?direction=sent');
    expect(hook('document-form-title')?.textContent).toBe('登记发文');
    expect(hook('document-field-sent_to')?.tagName).toBe('TEXTAREA');
    for (const f of ['issuer', 'issuer_level', 'instruction', 'reply_doc_number']) expect(hook(`document-field-${f}`), f).toBeNull();
    expect(hook('document-field-signed_by')).not.toBeNull();
    expect(hook('document-field-direction-sent')?.classList.contains('is-active')).toBe(true);
  });

  it('previews the 文号 as the core will store it', async () => {
    await mountForm();
    type('document-field-doc_number', '县人大常[2024]12');
    await settle(50);
    expect(hook('document-doc_number-preview')?.textContent).toBe('将登记为：县人大常〔2024〕12号');
  });

  it('does not call the core without a title, and checks the copies', async () => {
    const { vm } = await mountForm();
    vm.model.copies = null; // the clerk emptied the box (a negative number the box itself corrects, and its message goes)
    hook('document-save')!.click();
    await settle();
    expect(callsOf(invoke, 'document_create')).toHaveLength(0);
    expect(formItemOf('document-field-title').textContent).toContain('请填写文件标题');
    expect(formItemOf('document-field-copies').textContent).toContain('份数应为 0 或正整数');
  });

  it('shows a duplicate registration under 文号, then saves and opens the new entry', async () => {
    const { router, vm } = await mountForm();
    type('document-field-issuer', '县人大常委会办公室');
    type('document-field-doc_number', '县人大常[2024]12');
    type('document-field-title', '关于做好代表建议办理工作的通知');
    hook('document-field-urgency-urgent')!.click();
    await settle(50);
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'document_create') throw new Error(cmd);
      throw CONFLICT;
    });
    hook('document-save')!.click();
    await settle();
    const item = formItemOf('document-field-doc_number');
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('已于2026-03-02登记为收文〔2026〕第3号');
    expect(formItemOf('document-field-title').classList.contains('is-error')).toBe(false);
    expect(router.currentRoute.value.path).toBe('/documents/new');
    // the earlier entry the core names by its id (never read from the message) is linked under the field
    expect(callsOf(invoke, 'document_get')).toContainEqual({ id: 3 });
    expect(callsOf(invoke, 'documents_list')).toEqual([]);
    expect(hook('document-conflict-open')?.dataset.id).toBe('3');
    expect(item.contains(hook('document-conflict-open'))).toBe(true);
    expect(callsOf(invoke, 'document_create')[0]).toEqual({
      input: {
        direction: 'received', date: vm.model.date, issuer: '县人大常委会办公室', issuer_level: null, doc_number: '县人大常[2024]12',
        title: '关于做好代表建议办理工作的通知', classification: 'public', urgency: 'urgent', copies: 1, attachments: '', instruction: '',
        handler: '', signed_by: '', sent_to: '', reply_doc_number: '', notes: '',
      },
    });

    type('document-field-doc_number', '县人大常[2024]13');
    hook('document-save')!.click();
    await settle();
    expect(callsOf(invoke, 'document_create')).toHaveLength(2);
    expect(router.currentRoute.value.path).toBe('/documents/42');
  });

  it('edits a stored document: its fields filled, the direction fixed, back to its page', async () => {
    const { router, vm } = await mountForm('/documents/7/edit', '/documents/:id(\\d+)/edit');
    expect(hook('document-form-title')?.textContent).toContain('收文〔2026〕第12号');
    expect((hook('document-field-title') as HTMLInputElement).value).toBe('关于做好代表建议办理工作的通知');
    expect((hook('document-field-instruction') as HTMLTextAreaElement).value).toBe('请各小组学习');
    expect(hook('document-field-direction-sent')?.classList.contains('is-disabled')).toBe(true);
    vm.model.title = '关于做好代表建议办理工作的通知（更正）';
    hook('document-save')!.click();
    await settle();
    expect(callsOf(invoke, 'document_update')[0]).toMatchObject({
      id: 7, input: { title: '关于做好代表建议办理工作的通知（更正）', copies: 3, instruction: '请各小组学习', issuer_level: 'county' },
    });
    expect(router.currentRoute.value.path).toBe('/documents/7');
  });
});
