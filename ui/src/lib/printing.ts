// 打印台账 and the single-entry forms: the choices on the print screen, the PrintRequest they make,
// the default file name, which form buttons a case enables, and the print log's columns. The PDF
// itself is typeset by the core (the same bytes as `taizhang-cli print`).
import type {
  BookKind, FormKind, Id, IsoDate, Petition, PetitionDetail, PrintPeriod, PrintRequest, Printout, Suggestion, Term,
} from '../api/types';

export interface BookChoice { code: BookKind; label: string; title: string }

/**
 * The books, in the order of the print screen (the core's BookKind::ALL); `title` is the book's
 * name on its cover: the seven of 六簿一册, then the sessions of the congress and the 民生实事 ledger.
 */
export const BOOKS: readonly BookChoice[] = [
  { code: 'roster', label: '代表花名册', title: '代表分组情况及代表花名册' },
  { code: 'meetings', label: '主席团会议记录', title: '主席团会议记录簿' },
  { code: 'deeds', label: '先进事迹', title: '代表先进事迹记录簿' },
  { code: 'petitions', label: '来信来访', title: '人民来信来访记录簿' },
  { code: 'documents', label: '文件登记', title: '各级文件登记簿' },
  { code: 'suggestions', label: '代表建议', title: '代表议案和批评、建议、意见记录簿' },
  { code: 'activities', label: '小组活动', title: '代表小组活动记录簿' },
  { code: 'sessions', label: '人代会记录', title: '人民代表大会会议记录簿' },
  { code: 'projects', label: '民生实事', title: '民生实事项目台账' },
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

/** A book printed from one of its entries' pages (the sessions book for the year or the term of a session). */
export function bookPeriodRequest(book: BookKind, period: PrintPeriod): PrintRequest {
  return { target: { kind: 'book', book, period }, reveal_reason: null, volume: 1, archival: false };
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

/**
 * The same form for several entries as one job, one per page in the order given (the batch
 * 交办单). The core takes at most MAX_FORMS ids; a petition form's names are masked unless
 * `reveal`, with the reason.
 */
export function formsRequest(form: FormKind, ids: readonly Id[], reveal = false, reason = ''): PrintRequest {
  return {
    target: { kind: 'forms', form, ids: [...ids] },
    reveal_reason: reveal ? reason.trim() : null,
    volume: 1,
    archival: false,
  };
}

/** The core's limit on one batch of forms (print::MAX_BATCH). */
export const MAX_FORMS = 500;

/** 督办清单: every open case with a deadline, one section per lead unit, 未交办 last; as of today. */
export function supervisionRequest(): PrintRequest {
  return { target: { kind: 'supervision' }, reveal_reason: null, volume: 1, archival: false };
}

/** The title the core prints on the 督办清单 (sheets.rs). */
export const SUPERVISION_TITLE = '代表建议和信访事项督办清单';

/** "代表建议和信访事项督办清单-2026-03-01": the list changes daily, so its file says the day. */
export function supervisionFileTitle(today: IsoDate): string {
  return today ? `${SUPERVISION_TITLE}-${today}` : SUPERVISION_TITLE;
}

/** "代表建议交办单（共12份）": a batch's dialog title, as the core titles the set. */
export function formsTitle(form: FormKind, count: number): string {
  return `${FORM_TITLES[form]}（共${count}份）`;
}

/** "代表建议交办单-2026-03-05（共12份）": a batch's file, by the day the suggestions were assigned. */
export function formsFileTitle(form: FormKind, count: number, date: IsoDate | null = null): string {
  return `${FORM_TITLES[form]}${date ? `-${date}` : ''}（共${count}份）`;
}

/**
 * The batch 交办单 in the order the slips are handed out: grouped by lead unit (units in the
 * order of the handling-unit list, i.e. by id; cases without one last), within a unit in the order
 * given (the assignment list's, by number).
 */
export function assignmentOrder(list: readonly Pick<Suggestion, 'id' | 'lead_unit'>[]): Id[] {
  const unitKey = (s: Pick<Suggestion, 'lead_unit'>) => s.lead_unit?.id ?? Number.MAX_SAFE_INTEGER;
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => unitKey(a.s) - unitKey(b.s) || a.i - b.i)
    .map(({ s }) => s.id);
}

// ---- workflow 9: the year's books into a folder -------------------------------------------
/**
 * The years 一次打印全年台账 offers, newest first: this year back to the year the earliest term
 * began (at least the last five years, so a fresh install still offers some).
 */
export function yearChoices(terms: readonly Pick<Term, 'start_date'>[], thisYear: number): number[] {
  const starts = terms.map((t) => Number(t.start_date.slice(0, 4))).filter((y) => y > 1900 && y <= thisYear);
  const first = Math.min(thisYear - 4, ...starts);
  return Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i);
}

/** "第 3/7 本：人民来信来访记录簿" while the set is being saved. */
export function yearBookStep(done: number, book: BookKind): string {
  return `第 ${done + 1}/${BOOKS.length} 本：${bookTitle(book)}`;
}

/**
 * What the screen says when a book of the set fails: the set stops there (the clerk fixes the cause
 * and runs it again; the books already saved are overwritten alike), so say which book, why, what
 * is already in the folder and what was not printed.
 */
export function yearBooksFailure(book: BookKind, message: string, saved: number, folder: string): string {
  const why = message.trim().replace(/[。.]+$/, '');
  const kept = saved ? `此前的 ${saved} 本已保存在 ${folder}` : '没有保存任何文件';
  const left = BOOKS.length - saved - 1;
  return `《${bookTitle(book)}》未能保存：${why}。${kept}${left ? `，其余 ${left} 本未打印` : ''}。`;
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

/** 登记回执: any petition still standing (the core refuses a voided one). */
export function canPrintReceipt(p: Pick<Petition, 'voided'>): boolean {
  return !p.voided;
}

/** The forms about a petition: they name the petitioner, masked unless a reason is given. */
export function isPetitionForm(form: FormKind): boolean {
  return form === 'acceptance' || form === 'extension' || form === 'receipt';
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
