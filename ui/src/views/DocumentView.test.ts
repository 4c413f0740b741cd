// 文件详情 against a fake core: the header, 传阅 (登记传阅 dialog), 归档 (dialog, then shown), 作废 with a reason.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Document, DocumentDetail, DocumentRead } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DocumentView from './DocumentView.vue';

let current: DocumentDetail;

const doc = (over: Partial<Document> = {}): Document => ({
  id: 5, direction: 'received', number: '收文〔2026〕第12号', year: 2026, seq: 12, date: '2026-03-20',
  issuer: '县人大常委会办公室', issuer_level: 'county', doc_number: '县人大常〔2024〕12号', title: '关于做好代表建议办理工作的通知',
  classification: 'secret', urgency: 'very_urgent', copies: 2, attachments: '', instruction: '请各小组学习', handler: '李秘书',
  signed_by: '张三', sent_to: '', reply_doc_number: '', notes: '', archived_on: null, volume: '', reads: 1, voided: false,
  void_reason: null, ...over,
});
const read = (id: number, reader: string, read_on: string, note = ''): DocumentRead => ({
  id, document_id: 5, reader, read_on, note, actor: '王秘书', at: `${read_on} 09:00:00`, voided: false, void_reason: null,
});

beforeEach(() => {
  document.body.innerHTML = '';
  current = { document: doc(), reads: [read(1, '王主席', '2026-03-21', '已阅')], history: [] };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    document_get: () => current,
    attachments_list: () => [],
    document_read: ({ input }) => {
      current = {
        ...current,
        document: { ...current.document, reads: current.reads.length + 1 },
        reads: [...current.reads, read(2, input.reader, input.read_on, input.note)],
      };
      return current;
    },
    document_archive: ({ input }) => {
      current = { ...current, document: { ...current.document, ...input } };
      return current;
    },
    document_read_void: ({ readId, reason }) => {
      current = {
        ...current,
        reads: current.reads.map((r) => (r.id === readId ? { ...r, voided: true, void_reason: reason } : r)),
      };
      return current;
    },
    document_void: ({ reason }) => {
      current = { ...current, document: { ...current.document, voided: true, void_reason: reason } };
      return current.document;
    },
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function type(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

async function mountPage() {
  const r = await mountAt('/documents/5', '/documents/:id(\\d+)', DocumentView);
  await settle();
  return r;
}

describe('DocumentView', () => {
  it('shows the entry with its tags, fields and circulation', async () => {
    await mountPage();
    expect(hook('document-title')?.textContent).toBe('收文〔2026〕第12号');
    expect(hook('document-title')?.dataset.id).toBe('5');
    expect(hook('document-direction')?.textContent?.trim()).toBe('收文');
    expect(hook('document-classification')?.classList.contains('el-tag--danger')).toBe(true);
    expect(hook('document-urgency')?.textContent?.trim()).toBe('特急');
    expect(hook('document-fields')?.textContent).toContain('县人大常委会办公室');
    expect(hook('document-fields')?.textContent).toContain('2026年3月20日');
    expect(hook('document-archived')?.dataset.archived).toBe('false');
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="document-read-row"]')];
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('王主席');
    expect(rows[0].textContent).toContain('2026年3月21日');
    expect(rows[0].textContent).toContain('王秘书');
  });

  it('strikes through a voided circulation entry', async () => {
    current.reads.push({ ...read(2, '赵委员', '2026-03-22'), voided: true, void_reason: '登记错人' } as DocumentRead);
    await mountPage();
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="document-read-row"]')];
    expect(rows.map((r) => r.classList.contains('voided'))).toEqual([false, true]);
  });

  it('records a reader through the 登记传阅 dialog, date today by default', async () => {
    await mountPage();
    hook('document-read-add')!.click();
    await settle();
    expect((hook('read-field-read_on') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    hook('read-save')!.click();
    await settle();
    expect(callsOf(invoke, 'document_read')).toHaveLength(0);
    expect(formItemOf('read-field-reader').textContent).toContain('请填写阅文人');

    type('read-field-reader', '李副主席');
    type('read-field-note', '请转各代表小组');
    hook('read-save')!.click();
    await settle();
    const call = callsOf(invoke, 'document_read')[0] as { id: number; input: { reader: string; read_on: string; note: string } };
    expect(call).toMatchObject({ id: 5, input: { reader: '李副主席', note: '请转各代表小组' } });
    expect(call.input.read_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="document-read-row"]')];
    expect(rows.map((r) => r.dataset.id)).toEqual(['1', '2']);
    expect(hook('document-reads')?.textContent).toContain('李副主席');
  });

  it('shows a core refusal of a read date under that field', async () => {
    await mountPage();
    hook('document-read-add')!.click();
    await settle();
    type('read-field-reader', '李副主席');
    invoke.mockImplementationOnce(async () => {
      throw { code: 'validation', field: 'read_on', message: '阅文日期应在收发文日期和今天之间' };
    });
    hook('read-save')!.click();
    await settle();
    expect(formItemOf('read-field-read_on').textContent).toContain('阅文日期应在收发文日期和今天之间');
  });

  it('archives with a date and a volume, then shows it', async () => {
    await mountPage();
    hook('document-archive')!.click();
    await settle();
    hook('archive-save')!.click();
    await settle();
    expect(formItemOf('archive-field-volume').textContent).toContain('请填写归档卷号');
    type('archive-field-volume', '2026-永久-1');
    hook('archive-save')!.click();
    await settle();
    const call = callsOf(invoke, 'document_archive')[0] as { id: number; input: { archived_on: string; volume: string } };
    expect(call).toMatchObject({ id: 5, input: { volume: '2026-永久-1' } });
    expect(call.input.archived_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hook('document-archived')?.dataset.archived).toBe('true');
    expect(hook('document-archived')?.textContent).toContain('2026-永久-1');
    expect(hook('document-archive')?.textContent).toContain('更正归档');
  });

  it('voids with a reason and keeps the entry, struck through', async () => {
    await mountPage();
    hook('document-void')!.click();
    await settle();
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    input.value = '重复登记';
    input.dispatchEvent(new Event('input'));
    await settle(50);
    const buttons = document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button');
    buttons[1].click();
    await settle(400);
    expect(callsOf(invoke, 'document_void')[0]).toEqual({ id: 5, reason: '重复登记' });
    expect(hook('document-voided')?.textContent).toContain('重复登记');
    expect(hook('document-title')?.classList.contains('voided')).toBe(true);
    for (const b of ['document-read-add', 'document-archive', 'document-edit', 'document-void']) {
      expect((hook(b) as HTMLButtonElement).disabled, b).toBe(true);
    }
  });

  it('voids a circulation entry recorded by mistake, with a reason, and keeps it listed', async () => {
    await mountPage();
    hook('document-read-void')!.click();
    await settle();
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    input.value = '登记错人';
    input.dispatchEvent(new Event('input'));
    await settle(50);
    document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'document_read_void')[0]).toEqual({ readId: 1, reason: '登记错人' });
    const rows = [...document.querySelectorAll<HTMLElement>('[data-test="document-read-row"]')];
    expect(rows.map((r) => r.classList.contains('voided'))).toEqual([true]);
    expect(hook('document-read-void')).toBeNull();
  });
});
