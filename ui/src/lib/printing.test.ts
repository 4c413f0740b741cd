import { describe, expect, it } from 'vitest';
import type { PetitionStep, Term } from '../api/types';
import {
  BOOKS, REVEAL_REASON_REQUIRED, bookFileTitle, bookRequest, canPrintAcceptance, canPrintAssignment, canPrintExtension,
  canPrintFeedback, defaultPeriodKind, defaultPrintForm, defaultTermNumber, formFileTitle, formRequest, printFormProblems,
  printoutPlace, printoutReveal, safeFileName, shortHash,
} from './printing';

const term = (id: number, number: number, is_current = false): Term => ({
  id, number, label: `第${['十九', '二十'][number - 19] ?? number}届`, start_date: '2021-10-01', end_date: null, is_current,
});

const step = (action: PetitionStep['action'], voided = false): PetitionStep => ({
  id: 1, petition_id: 7, action, action_label: action, date: '2026-03-01', detail: {}, summary: '', actor: '刘秘书',
  at: '2026-03-01 10:00:00', voided, void_reason: voided ? '录错' : null, voidable: false,
});

describe('printing', () => {
  it('lists the seven books', () => {
    expect(BOOKS.map((b) => b.code)).toEqual(['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities']);
    expect(BOOKS.map((b) => b.label)).toEqual(['代表花名册', '主席团会议记录', '先进事迹', '来信来访', '文件登记', '代表建议', '小组活动']);
  });

  it('keeps the roster by term and the other books by year', () => {
    expect(defaultPeriodKind('roster')).toBe('term');
    expect(defaultPeriodKind('petitions')).toBe('year');
    expect(defaultPrintForm(2026, 20).by).toBe('term');
    expect(defaultPrintForm(2026, 20, 'deeds').by).toBe('year');
  });

  it('defaults to the current term, else the latest', () => {
    expect(defaultTermNumber([term(1, 19), term(2, 20, true)])).toBe(20);
    expect(defaultTermNumber([term(2, 20), term(1, 19)])).toBe(20);
    expect(defaultTermNumber([])).toBeNull();
  });

  it('builds the request of each period', () => {
    const f = defaultPrintForm(2026, 20, 'documents');
    expect(bookRequest(f)).toEqual({
      target: { kind: 'book', book: 'documents', period: { by: 'year', year: 2026 } }, reveal_reason: null, volume: 1, archival: false,
    });
    expect(bookRequest({ ...f, by: 'term', volume: 3, archival: true })).toEqual({
      target: { kind: 'book', book: 'documents', period: { by: 'term', number: 20 } }, reveal_reason: null, volume: 3, archival: true,
    });
    expect(bookRequest({ ...f, by: 'range', from: '2026-01-01', to: '2026-06-30' }).target)
      .toEqual({ kind: 'book', book: 'documents', period: { by: 'range', from: '2026-01-01', to: '2026-06-30' } });
  });

  it('asks for what is missing before a preview', () => {
    const f = defaultPrintForm(2026, null, 'petitions');
    expect(printFormProblems(f)).toEqual({});
    expect(printFormProblems({ ...f, by: 'term' })).toEqual({ term: '请选择届次' });
    expect(printFormProblems({ ...f, by: 'range', from: '2026-01-01' })).toEqual({ range_missing: '请选择起止日期' });
    expect(printFormProblems({ ...f, by: 'range', from: '2026-07-01', to: '2026-01-01' })).toEqual({ range: '开始日期不能晚于结束日期' });
    expect(printFormProblems({ ...f, reveal: true, reveal_reason: '  ' })).toEqual({ reveal_reason: REVEAL_REASON_REQUIRED });
    expect(bookRequest({ ...f, reveal: true, reveal_reason: ' 报县信访局 ' }).reveal_reason).toBe('报县信访局');
    // only the petitions book reveals anything
    expect(bookRequest({ ...f, book: 'deeds', reveal: true, reveal_reason: '报县信访局' }).reveal_reason).toBeNull();
  });

  it('builds a form request, revealing only when asked', () => {
    expect(formRequest('acceptance', 7, false, '送达信访人')).toEqual({
      target: { kind: 'form', form: 'acceptance', id: 7 }, reveal_reason: null, volume: 1, archival: false,
    });
    expect(formRequest('acceptance', 7, true, ' 送达信访人 ').reveal_reason).toBe('送达信访人');
  });

  it('names the file after the book and period, or the form and number', () => {
    const terms = [term(2, 20, true)];
    const f = defaultPrintForm(2026, 20, 'petitions');
    expect(bookFileTitle(bookRequest(f), terms)).toBe('人民来信来访记录簿-2026年度');
    expect(bookFileTitle(bookRequest({ ...f, book: 'roster', by: 'term' }), terms)).toBe('代表分组情况及代表花名册-第二十届');
    expect(bookFileTitle(bookRequest({ ...f, by: 'range', from: '2026-01-01', to: '2026-03-31' }))).toBe('人民来信来访记录簿-2026-01-01至2026-03-31');
    expect(formFileTitle('assignment', '20-3-005')).toBe('代表建议交办单-20-3-005');
    expect(safeFileName('a/b:c?')).toBe('a_b_c_');
    expect(safeFileName('  ')).toBe('打印');
  });

  it('enables the form buttons by the state of the case', () => {
    expect(canPrintAssignment({ assigned_on: null, voided: false })).toBe(false);
    expect(canPrintAssignment({ assigned_on: '2026-03-02', voided: false })).toBe(true);
    expect(canPrintAssignment({ assigned_on: '2026-03-02', voided: true })).toBe(false);
    expect(canPrintFeedback({ replied_on: null, voided: false })).toBe(false);
    expect(canPrintFeedback({ replied_on: '2026-05-02', voided: false })).toBe(true);
    expect(canPrintAcceptance({ accepted_on: null, voided: false })).toBe(false);
    expect(canPrintAcceptance({ accepted_on: '2026-03-05', voided: false })).toBe(true);
    const p = { voided: false };
    expect(canPrintExtension({ petition: p, steps: [step('accept')] })).toBe(false);
    expect(canPrintExtension({ petition: p, steps: [step('accept'), step('extend', true)] })).toBe(false);
    expect(canPrintExtension({ petition: p, steps: [step('accept'), step('extend')] })).toBe(true);
    expect(canPrintExtension({ petition: { voided: true }, steps: [step('extend')] })).toBe(false);
  });

  it('formats the print log', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
    expect(printoutPlace({ path: '' })).toBe('送打印机');
    expect(printoutPlace({ path: 'D:\\台账.pdf' })).toBe('D:\\台账.pdf');
    expect(printoutReveal({ reveal_reason: null })).toBe('遮蔽');
    expect(printoutReveal({ reveal_reason: '报县信访局' })).toBe('报县信访局');
  });
});
