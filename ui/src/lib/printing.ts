// 打印台账 and the single-entry forms: the choices on the print screen, the PrintRequest they make,
// the default file name, which form buttons a case enables, and the print log's columns. The PDF
// itself is typeset by the core (the same bytes as `taizhang-cli print`).
import type {
  BookKind, FormKind, Id, IsoDate, Petition, PetitionDetail, PrintPeriod, PrintRequest, Printout, Suggestion, Term,
} from '../api/types';

export interface BookChoice { code: BookKind; label: string; title: string }

/** The seven books, in the order of the print screen; `title` is the book's name on its cover. */
export const BOOKS: readonly BookChoice[] = [
  { code: 'roster', label: '代表花名册', title: '代表分组情况及代表花名册' },
  { code: 'meetings', label: '主席团会议记录', title: '主席团会议记录簿' },
  { code: 'deeds', label: '先进事迹', title: '代表先进事迹记录簿' },
  { code: 'petitions', label: '来信来访', title: '人民来信来访记录簿' },
  { code: 'documents', label: '文件登记', title: '各级文件登记簿' },
  { code: 'suggestions', label: '代表建议', title: '代表议案和批评、建议、意见记录簿' },
  { code: 'activities', label: '小组活动', title: '代表小组活动记录簿' },
];

export const FORM_TITLES: Record<FormKind, string> = {
  assignment: '代表建议交办单',
  feedback: '代表建议办理情况征询意见表',
  acceptance: '信访事项受理告知书',
  extension: '信访事项延期办理告知书',
  receipt: '信访事项登记回执',
};

export type PeriodKind = PrintPeriod['by'];

/** What the print screen's form holds. */
export interface PrintForm {
  book: BookKind;
  by: PeriodKind;
  year: number;
  /** the term's number (not its id), as PrintPeriod wants it */
  term: number | null;
  from: IsoDate | null;
  to: IsoDate | null;
  volume: number;
  archival: boolean;
  /** petitions only: print the petitioners' identities in clear */
  reveal: boolean;
  reveal_reason: string;
}

export const REVEAL_REASON_REQUIRED = '请填写原因（将记入操作记录）';

/** The roster is kept per term; every other book per year. */
export function defaultPeriodKind(book: BookKind): PeriodKind {
  return book === 'roster' ? 'term' : 'year';
}

/** The current term's number, else the latest one's; null with no term at all. */
export function defaultTermNumber(terms: readonly Term[]): number | null {
  const current = terms.find((t) => t.is_current);
  if (current) return current.number;
  if (!terms.length) return null;
  return terms.reduce((a, b) => (b.number > a.number ? b : a)).number;
}

export function defaultPrintForm(year: number, term: number | null, book: BookKind = 'roster'): PrintForm {
  return {
    book, by: defaultPeriodKind(book), year, term, from: null, to: null,
    volume: 1, archival: false, reveal: false, reveal_reason: '',
  };
}

export interface FormProblems {
  /** no term chosen (a hint: nothing is wrong yet) */
  term?: string;
  /** a date missing (a hint) */
  range_missing?: string;
  /** the dates the wrong way round (an error) */
  range?: string;
  reveal_reason?: string;
}

/** What keeps 预览 disabled, keyed by the form item that shows it. */
export function printFormProblems(f: PrintForm): FormProblems {
  const p: FormProblems = {};
  if (f.by === 'term' && f.term === null) p.term = '请选择届次';
  if (f.by === 'range') {
    if (!f.from || !f.to) p.range_missing = '请选择起止日期';
    else if (f.from > f.to) p.range = '开始日期不能晚于结束日期';
  }
  if (f.book === 'petitions' && f.reveal && !f.reveal_reason.trim()) p.reveal_reason = REVEAL_REASON_REQUIRED;
  return p;
}

export function printPeriod(f: PrintForm): PrintPeriod {
  switch (f.by) {
    case 'term': return { by: 'term', number: f.term ?? 0 };
    case 'range': return { by: 'range', from: f.from ?? '', to: f.to ?? '' };
    default: return { by: 'year', year: f.year };
  }
}

/** The request of the print screen (call once printFormProblems is empty). */
export function bookRequest(f: PrintForm): PrintRequest {
  const reason = f.reveal_reason.trim();
  return {
    target: { kind: 'book', book: f.book, period: printPeriod(f) },
    reveal_reason: f.book === 'petitions' && f.reveal && reason ? reason : null,
    volume: Math.max(1, Math.floor(f.volume || 1)),
    archival: f.archival,
  };
}

/** The request of a form printed from a case; `reveal` = the petitioner's name in clear, with the reason. */
export function formRequest(form: FormKind, id: Id, reveal: boolean, reason: string): PrintRequest {
  return {
    target: { kind: 'form', form, id },
    reveal_reason: reveal ? reason.trim() : null,
    volume: 1,
    archival: false,
  };
}

export function periodText(period: PrintPeriod, terms: readonly Term[] = []): string {
  switch (period.by) {
    case 'year': return `${period.year}年度`;
    case 'term': return terms.find((t) => t.number === period.number)?.label ?? `第${period.number}届`;
    default: return `${period.from}至${period.to}`;
  }
}

export function bookTitle(book: BookKind): string {
  return BOOKS.find((b) => b.code === book)?.title ?? book;
}

/** "人民来信来访记录簿-2026年度": the default name of the saved PDF. */
export function bookFileTitle(request: PrintRequest, terms: readonly Term[] = []): string {
  const t = request.target;
  if (t.kind !== 'book') return '打印';
  return `${bookTitle(t.book)}-${periodText(t.period, terms)}`;
}

/** "代表建议交办单-20-3-005". */
export function formFileTitle(form: FormKind, number: string): string {
  return number ? `${FORM_TITLES[form]}-${number}` : FORM_TITLES[form];
}

/** A file name Windows accepts: no \ / : * ? " < > |, no trailing dots or spaces. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').trim();
  return cleaned || '打印';
}

// ---- which form buttons a case enables -------------------------------------------------------
/** 交办单: once the suggestion has been assigned. */
export function canPrintAssignment(s: Pick<Suggestion, 'assigned_on' | 'voided'>): boolean {
  return !!s.assigned_on && !s.voided;
}

/** 征询意见表: once the suggestion has been replied to. */
export function canPrintFeedback(s: Pick<Suggestion, 'replied_on' | 'voided'>): boolean {
  return !!s.replied_on && !s.voided;
}

/** 受理告知书: once the petition has been accepted. */
export function canPrintAcceptance(p: Pick<Petition, 'accepted_on' | 'voided'>): boolean {
  return !!p.accepted_on && !p.voided;
}

/** 延期告知书: while the petition has a live (not voided) 延期 step. */
export function canPrintExtension(d: { petition: Pick<Petition, 'voided'>; steps: PetitionDetail['steps'] }): boolean {
  return !d.petition.voided && d.steps.some((s) => s.action === 'extend' && !s.voided);
}

// ---- the print log ---------------------------------------------------------------------------
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function printoutPlace(p: Pick<Printout, 'path'>): string {
  return p.path || '送打印机';
}

export function printoutReveal(p: Pick<Printout, 'reveal_reason'>): string {
  return p.reveal_reason || '遮蔽';
}
