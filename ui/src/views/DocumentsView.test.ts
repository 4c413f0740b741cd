// 文件登记 list: one register per direction, filters in the URL, tags for 密级 and 紧急程度, voided rows struck through.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { Document } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DocumentsView from './DocumentsView.vue';

const doc = (id: number, over: Partial<Document> = {}): Document => ({
  id, direction: 'received', number: `收文〔2026〕第${id}号`, year: 2026, seq: id, date: '2026-03-20',
  issuer: '县人大常委会办公室', issuer_level: 'county', doc_number: `县人大常〔2026〕${id}号`, title: `文件${id}`,
  classification: 'public', urgency: 'normal', copies: 1, attachments: '', instruction: '', handler: '', signed_by: '',
  sent_to: '', reply_doc_number: '', notes: '', archived_on: null, volume: '', reads: 0, voided: false, void_reason: null, ...over,
});

const RECEIVED = [
  doc(1, { classification: 'secret', urgency: 'very_urgent', reads: 3, archived_on: '2026-03-25', volume: '2026-永久-1' }),
  doc(2, { classification: 'internal', urgency: 'urgent' }),
  doc(3, { voided: true, void_reason: '重复登记' }),
];
const SENT = [doc(9, { direction: 'sent', number: '发文〔2026〕第1号', issuer: '', sent_to: '各村' })];

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    documents_list: ({ query }) => {
      const items = query.direction === 'sent' ? SENT : RECEIVED;
      return { items, total: items.length, page: 1, page_size: 20 };
    },
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-test="document-row"]')];

describe('DocumentsView', () => {
  it('lists the received register with its columns, tags and struck-through voided rows', async () => {
    await mountAt('/documents', '/documents', DocumentsView);
    await settle();
    expect(callsOf(invoke, 'documents_list')[0]).toEqual({ query: { direction: 'received', page: 1, page_size: 20 } });
    expect(rows().map((r) => r.dataset.id)).toEqual(['1', '2', '3']);
    const [r1, r2, r3] = rows();
    expect(r1.querySelector('[data-test="document-number"]')?.textContent).toBe('收文〔2026〕第1号');
    expect(r1.querySelector('[data-test="document-doc-number"]')?.textContent).toBe('县人大常〔2026〕1号');
    expect(r1.querySelector('[data-test="document-classification"]')?.classList.contains('el-tag--danger')).toBe(true);
    expect(r1.querySelector('[data-test="document-urgency"]')?.textContent?.trim()).toBe('特急');
    expect(r1.querySelector('[data-test="document-reads-count"]')?.textContent).toBe('3');
    expect(r1.querySelector('[data-test="document-volume"]')?.textContent).toBe('2026-永久-1');
    expect(r2.querySelector('[data-test="document-classification"]')?.classList.contains('el-tag--warning')).toBe(true);
    expect(r2.querySelector('[data-test="document-urgency"]')?.classList.contains('el-tag--warning')).toBe(true);
    expect(r2.querySelector('[data-test="document-volume"]')?.textContent).toBe('—');
    expect(r3.classList.contains('voided')).toBe(true);
    expect(hook('documents-table')?.textContent).toContain('发文机关');
    expect(hook('document-add-received')?.tagName).toBe('BUTTON');
    expect(hook('document-add-sent')?.tagName).toBe('BUTTON');
  });

  it('switches to the sent register through the URL, and filters', async () => {
    const { router } = await mountAt('/documents', '/documents', DocumentsView);
    await settle();
    hook('documents-direction-sent')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ direction: 'sent' });
    expect(callsOf(invoke, 'documents_list').at(-1)).toEqual({ query: { direction: 'sent', page: 1, page_size: 20 } });
    expect(rows().map((r) => r.dataset.id)).toEqual(['9']);
    expect(hook('documents-table')?.textContent).not.toContain('发文机关');

    const search = hook('documents-search') as HTMLInputElement;
    search.value = '县人大常[2026]1';
    search.dispatchEvent(new Event('input'));
    await settle(450);
    expect(router.currentRoute.value.query).toEqual({ direction: 'sent', search: '县人大常[2026]1' });
    expect(callsOf(invoke, 'documents_list').at(-1)).toEqual({ query: { direction: 'sent', search: '县人大常[2026]1', page: 1, page_size: 20 } });

    await router.push('/documents?archived=0&classification=secret');
    await flushPromises();
    await settle();
    expect(callsOf(invoke, 'documents_list').at(-1)).toEqual({
      query: { direction: 'received', archived: false, classification: 'secret', page: 1, page_size: 20 },
    });

    hook('documents-include-voided')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ archived: '0', classification: 'secret', include_voided: '1' });
  });

  it('opens the form for the register chosen', async () => {
    const { router } = await mountAt('/documents', '/documents', DocumentsView);
    await settle();
    hook('document-add-sent')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/documents/new?direction=sent');
  });
});
