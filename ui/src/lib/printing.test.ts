import { describe, expect, it } from 'vitest';
import type { PetitionStep, Term } from '../api/types';
import {
  BOOKS, REVEAL_REASON_REQUIRED, SUPERVISION_TITLE, assignmentOrder, bookFileTitle, bookPeriodRequest, bookRequest, bookTitle, canPrintAcceptance,
  canPrintAssignment, canPrintExtension, canPrintFeedback, canPrintReceipt, defaultPeriodKind, defaultPrintForm,
  defaultTermNumber, formFileTitle, formRequest, formsFileTitle, formsRequest, formsTitle, isPetitionForm,
  printFormProblems, printoutPlace, printoutReveal, safeFileName, shortHash, supervisionFileTitle, supervisionRequest,
  yearBookStep, yearBooksFailure, yearChoices,
} from './printing';

const term = (id: number, number: number, is_current = false): Term => ({
  id, number, label: `第${['十九', '二十'][number - 19] ?? number}届`, start_date: '2021-10-01', end_date: null, is_current,
});

const step = (action: PetitionStep['action'], voided = false): PetitionStep => ({
  id: 1, petition_id: 7, action, action_label: action, date: '2026-03-01', detail: {}, summary: '', actor: '刘秘书',
  at: '2026-03-01 10:00:00', voided, void_reason: voided ? '录错' : null, voidable: false,
});

describe('printing', () => {
  it('lists the seven books, the sessions book and the 民生实事 ledger', () => {
    expect(BOOKS.map((b) => b.code)).toEqual(['roster', 'meetings', 'deeds', 'petitions', 'documents', 'suggestions', 'activities', 'sessions', 'projects']);
    expect(BOOKS.map((b) => b.label)).toEqual(['代表花名册', '主席团会议记录', '先进事迹', '来信来访', '文件登记', '代表建议', '小组活动', '人代会记录', '民生实事']);
    expect(bookTitle('sessions')).toBe('人民代表大会会议记录簿');
    expect(bookTitle('projects')).toBe('民生实事项目台账');
  });

  it('prints the sessions book for the year or the term of a session', () => {
    const year = bookPeriodRequest('sessions', { by: 'year', year: 2026 });
    expect(year).toEqual({
      target: { kind: 'book', book: 'sessions', period: { by: 'year', year: 2026 } }, reveal_reason: null, volume: 1, archival: false,
    });
    expect(bookFileTitle(year)).toBe('人民代表大会会议记录簿-2026年度');
    expect(bookFileTitle(bookPeriodRequest('sessions', { by: 'term', number: 20 }), [term(2, 20)])).toBe('人民代表大会会议记录簿-第二十届');
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

  it('enables the 登记回执 for any petition not voided, and masks every petition form', () => {
    expect(canPrintReceipt({ voided: false })).toBe(true);
    expect(canPrintReceipt({ voided: true })).toBe(false);
    expect((['acceptance', 'extension', 'receipt'] as const).every(isPetitionForm)).toBe(true);
    expect(isPetitionForm('assignment') || isPetitionForm('feedback')).toBe(false);
  });

  it('builds a batch of forms in the order given', () => {
    expect(formsRequest('assignment', [5, 3, 9])).toEqual({
      target: { kind: 'forms', form: 'assignment', ids: [5, 3, 9] }, reveal_reason: null, volume: 1, archival: false,
    });
    expect(formsRequest('receipt', [7], true, ' 送达信访人 ').reveal_reason).toBe('送达信访人');
    expect(formsTitle('assignment', 12)).toBe('代表建议交办单（共12份）');
    expect(formsFileTitle('assignment', 12, '2026-03-05')).toBe('代表建议交办单-2026-03-05（共12份）');
    expect(formsFileTitle('assignment', 1)).toBe('代表建议交办单（共1份）');
  });

  it('orders the batch 交办单 by lead unit, keeping the list order within a unit', () => {
    const s = (id: number, unit: number | null) => ({ id, lead_unit: unit === null ? null : { id: unit, name: `单位${unit}` } });
    expect(assignmentOrder([s(1, 4), s(2, 2), s(3, null), s(4, 4), s(5, 2), s(6, 1)])).toEqual([6, 2, 5, 1, 4, 3]);
    expect(assignmentOrder([])).toEqual([]);
  });

  it('builds the 督办清单, named by the day', () => {
    expect(supervisionRequest()).toEqual({ target: { kind: 'supervision' }, reveal_reason: null, volume: 1, archival: false });
    expect(SUPERVISION_TITLE).toContain('督办清单');
    expect(supervisionFileTitle('2026-03-01')).toBe('代表建议和信访事项督办清单-2026-03-01');
    expect(supervisionFileTitle('')).toBe('代表建议和信访事项督办清单');
  });

  it('offers the years back to the first term, and says how the year set goes', () => {
    expect(yearChoices([], 2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(yearChoices([term(1, 19), { start_date: '2016-10-01' }], 2026)).toEqual(
      [2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016],
    );
    expect(yearBookStep(3, 'petitions')).toBe('第 4/9 本：人民来信来访记录簿');
    expect(yearBooksFailure('petitions', '字体缺少“𠮷”。', 3, 'D:\\台账2026'))
      .toBe('《人民来信来访记录簿》未能保存：字体缺少“𠮷”。此前的 3 本已保存在 D:\\台账2026，其余 5 本未打印。');
    expect(yearBooksFailure('roster', '没有届次', 0, 'D:\\x')).toBe('《代表分组情况及代表花名册》未能保存：没有届次。没有保存任何文件，其余 8 本未打印。');
    expect(yearBooksFailure('activities', '磁盘已满', 6, 'E:\\')).toBe('《代表小组活动记录簿》未能保存：磁盘已满。此前的 6 本已保存在 E:\\，其余 2 本未打印。');
    expect(yearBooksFailure('sessions', '磁盘已满', 7, 'E:\\')).toBe('《人民代表大会会议记录簿》未能保存：磁盘已满。此前的 7 本已保存在 E:\\，其余 1 本未打印。');
    expect(yearBooksFailure('projects', '磁盘已满', 8, 'E:\\')).toBe('《民生实事项目台账》未能保存：磁盘已满。此前的 8 本已保存在 E:\\。');
  });

  it('formats the print log', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
    expect(printoutPlace({ path: '' })).toBe('送打印机');
    expect(printoutPlace({ path: 'D:\\台账.pdf' })).toBe('D:\\台账.pdf');
    expect(printoutReveal({ reveal_reason: null })).toBe('遮蔽');
    expect(printoutReveal({ reveal_reason: '报县信访局' })).toBe('报县信访局');
  });
});
