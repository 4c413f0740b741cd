import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import type { Document } from '../api/types';
import {
  DOCUMENT_FIELDS, FALLBACK_CHOICES, buildDocumentQuery, checkDocumentForm, choicesOr, classificationTag,
  defaultDocumentFilters, docNumberPreview, documentFiltersFromQuery, documentFiltersToQuery, documentFormFields,
  emptyDocumentForm, formFromDocument, newDocumentLocation, normaliseBrackets, standardDocNumber, toDocumentInput,
  urgencyTag,
} from './documents';

const stored = (over: Partial<Document> = {}): Document => ({
  id: 5, direction: 'received', number: '收文〔2026〕第12号', year: 2026, seq: 12, date: '2026-03-20',
  issuer: '县人大常委会办公室', issuer_level: 'county', doc_number: '县人大常〔2024〕12号', title: '关于做好代表建议办理工作的通知',
  classification: 'internal', urgency: 'urgent', copies: 2, attachments: '附件1份', instruction: '请各小组学习', handler: '李秘书',
  signed_by: '张三', sent_to: '', reply_doc_number: '', notes: '', archived_on: null, volume: '', reads: 0, voided: false,
  void_reason: null, ...over,
});

describe('document form defaults and fields per direction', () => {
  it('defaults: today, 公开, 平件, one copy', () => {
    expect(emptyDocumentForm('received', '2026-03-20')).toMatchObject({
      direction: 'received', date: '2026-03-20', classification: 'public', urgency: 'normal', copies: 1, title: '', issuer_level: null,
    });
    expect(emptyDocumentForm('sent', '2026-03-20').direction).toBe('sent');
  });

  it('shows the issuer, level, instruction and reply number for 收文, and 主送抄送 for 发文', () => {
    const r = documentFormFields('received');
    expect(r).toEqual(expect.arrayContaining(['issuer', 'issuer_level', 'instruction', 'reply_doc_number', 'signed_by', 'doc_number']));
    expect(r).not.toContain('sent_to');
    const s = documentFormFields('sent');
    expect(s).toContain('sent_to');
    expect(s).toContain('signed_by');
    for (const f of ['issuer', 'issuer_level', 'instruction', 'reply_doc_number']) expect(s).not.toContain(f);
    // every field is shown for one direction or the other
    expect(new Set([...r, ...s])).toEqual(new Set(DOCUMENT_FIELDS));
  });

  it('an edited entry keeps showing a field of the other direction that holds a value', () => {
    const sent = stored({ direction: 'sent', issuer: '镇人大主席团', instruction: '', issuer_level: null });
    const f = documentFormFields('sent', sent);
    expect(f).toContain('issuer');
    expect(f).not.toContain('instruction');
    expect(f).not.toContain('issuer_level');
    expect(toDocumentInput(formFromDocument(sent), f).issuer).toBe('镇人大主席团');
  });
});

describe('checkDocumentForm', () => {
  it('asks for a title and a date, and copies of 0 or more', () => {
    const m = emptyDocumentForm('received', '2026-03-20');
    expect(checkDocumentForm(m)).toEqual({ title: '请填写文件标题' });
    expect(checkDocumentForm({ ...m, title: '  ', date: null, copies: -1 })).toEqual({
      title: '请填写文件标题', date: '请选择收文日期', copies: '份数应为 0 或正整数',
    });
    expect(checkDocumentForm({ ...m, direction: 'sent', title: 'x', date: null }).date).toBe('请选择发文日期');
    expect(checkDocumentForm({ ...m, title: 'x', copies: null }).copies).toBeTruthy();
    expect(checkDocumentForm({ ...m, title: 'x', copies: 1.5 }).copies).toBeTruthy();
    expect(checkDocumentForm({ ...m, title: 'x', copies: 0 })).toEqual({});
  });
});

describe('toDocumentInput', () => {
  it('trims, and leaves the other direction\'s fields empty', () => {
    const m = {
      ...emptyDocumentForm('received', '2026-03-20'), issuer: ' 县人大常委会 ', issuer_level: 'county' as const,
      doc_number: ' 县人大常[2024]12号 ', title: ' 通知 ', instruction: '阅', sent_to: '各村', reply_doc_number: '镇人大〔2024〕3号',
    };
    expect(toDocumentInput(m)).toEqual({
      direction: 'received', date: '2026-03-20', issuer: '县人大常委会', issuer_level: 'county', doc_number: '县人大常[2024]12号',
      title: '通知', classification: 'public', urgency: 'normal', copies: 1, attachments: '', instruction: '阅', handler: '',
      signed_by: '', sent_to: '', reply_doc_number: '镇人大〔2024〕3号', notes: '',
    });
    const sent = toDocumentInput({ ...m, direction: 'sent' });
    expect(sent).toMatchObject({ direction: 'sent', issuer: '', issuer_level: null, instruction: '', reply_doc_number: '', sent_to: '各村' });
  });

  it('round-trips a stored document', () => {
    const d = stored();
    const input = toDocumentInput(formFromDocument(d), documentFormFields('received', d));
    expect(input).toMatchObject({ issuer: d.issuer, issuer_level: 'county', doc_number: d.doc_number, copies: 2, instruction: d.instruction });
  });
});

describe('文号 in the forms clerks type', () => {
  it('reads every bracket form as the core stores it', () => {
    for (const typed of [
      '县人大常〔2024〕12号', '县人大常[2024]12号', '县人大常(2024)12号', '县人大常（2024）12号', '县人大常【2024】12号',
      '县人大常〔2024〕第12号', ' 县人大常 [２０２４] 12 ', '县人大常﹝2024﹞12号', '县人大常［2024］12',
    ]) {
      expect(standardDocNumber(typed), typed).toBe('县人大常〔2024〕12号');
    }
    expect(normaliseBrackets('a（1）b')).toBe('a〔1〕b');
  });

  it('gives null for what the core would refuse, or nothing typed', () => {
    for (const bad of ['', '  ', '县人大常2024年12号', '县人大常〔24〕12号', '〔2024〕12号', '县人大常〔2024〕', '县人大常〔1900〕3号', '县2人大〔2024〕1号', '县人大常〔2024〕0号']) {
      expect(standardDocNumber(bad), bad).toBeNull();
    }
  });

  it('previews the stored form only when it differs from what was typed', () => {
    expect(docNumberPreview('县人大常[2024]12')).toBe('将登记为：县人大常〔2024〕12号');
    expect(docNumberPreview('县人大常〔2024〕12号')).toBe('');
    expect(docNumberPreview('看不懂')).toBe('');
  });
});

describe('tags and choices', () => {
  it('colours 秘密 red and 内部 orange, 特急 red and 急件 orange', () => {
    expect(classificationTag('secret')).toBe('danger');
    expect(classificationTag('internal')).toBe('warning');
    expect(classificationTag('public')).toBeNull();
    expect(urgencyTag('very_urgent')).toBe('danger');
    expect(urgencyTag('urgent')).toBe('warning');
    expect(urgencyTag('normal')).toBeNull();
  });
  it('falls back to the built-in lists while the vocabulary has none', () => {
    expect(choicesOr([], FALLBACK_CHOICES.urgencies).map((c) => c.label)).toEqual(['平件', '急件', '特急']);
    expect(choicesOr([{ value: 'public', label: '公开', initials: '' }], FALLBACK_CHOICES.classifications)).toHaveLength(1);
  });
});

describe('document list filters <-> URL', () => {
  it('defaults to 收文 and writes nothing back', () => {
    const f = documentFiltersFromQuery({});
    expect(f).toEqual(defaultDocumentFilters());
    expect(documentFiltersToQuery(f)).toEqual({});
    expect(buildDocumentQuery(f)).toEqual({ direction: 'received', page: 1, page_size: 20 });
  });

  it('round-trips every filter', () => {
    const q: LocationQuery = {
      direction: 'sent', search: ' 县人大常[2024]12 ', year: '2026', classification: 'secret', urgency: 'very_urgent', archived: '0',
      from: '2026-01-01', to: '2026-03-31', include_voided: '1', page: '2', page_size: '50',
    };
    const f = documentFiltersFromQuery(q);
    expect(f).toEqual({
      direction: 'sent', search: '县人大常[2024]12', year: 2026, classification: 'secret', urgency: 'very_urgent', archived: false,
      from: '2026-01-01', to: '2026-03-31', include_voided: true, page: 2, page_size: 50,
    });
    expect(documentFiltersFromQuery(documentFiltersToQuery(f) as LocationQuery)).toEqual(f);
    expect(buildDocumentQuery(f)).toEqual({
      direction: 'sent', search: '县人大常[2024]12', year: 2026, classification: 'secret', urgency: 'very_urgent', archived: false,
      from: '2026-01-01', to: '2026-03-31', include_voided: true, page: 2, page_size: 50,
    });
    expect(buildDocumentQuery(documentFiltersFromQuery({ archived: '1' })).archived).toBe(true);
  });

  it('ignores what it does not know', () => {
    expect(documentFiltersFromQuery({ direction: 'x', classification: 'top_secret', archived: 'maybe', year: '99', page_size: '7' }))
      .toEqual(defaultDocumentFilters());
  });

  it('links 登记收文 / 登记发文 to the form', () => {
    expect(newDocumentLocation('sent')).toEqual({ path: '/documents/new', query: { direction: 'sent' } });
  });
});
