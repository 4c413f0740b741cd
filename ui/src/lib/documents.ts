// 各级文件登记簿 (the document register): the form's model per direction (收文 / 发文), its checks
// and its conversion to the contract's DocumentInput; 文号 as the core will store it; the list's
// filters <-> the URL's query; tag colours. The core checks everything again.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type {
  Choice, Classification, Document, DocumentDirection, DocumentInput, DocumentQuery, IsoDate, IssuerLevel, Urgency,
} from '../api/types';
import type { TagType } from './labels';
import {
  type ListCodec, put, putPaging, queryBool, queryDate, queryOneOf, queryPaging, queryText, queryYear, searchText,
} from './caseQuery';

export const DOCUMENT_DIRECTIONS: readonly DocumentDirection[] = ['received', 'sent'];
export const ISSUER_LEVELS: readonly IssuerLevel[] = ['central', 'provincial', 'city', 'county', 'township'];
export const CLASSIFICATIONS: readonly Classification[] = ['public', 'internal', 'secret'];
export const URGENCIES: readonly Urgency[] = ['normal', 'urgent', 'very_urgent'];

// The vocabulary's lists, used until (or if ever not) `vocabulary` sends them: the forms never
// show an empty radio group.
const c = (value: string, label: string): Choice => ({ value, label, initials: '' });
export const FALLBACK_CHOICES = {
  document_directions: [c('received', '收文'), c('sent', '发文')],
  issuer_levels: [c('central', '中央'), c('provincial', '省级'), c('city', '市级'), c('county', '县级'), c('township', '乡镇')],
  classifications: [c('public', '公开'), c('internal', '内部'), c('secret', '秘密')],
  urgencies: [c('normal', '平件'), c('urgent', '急件'), c('very_urgent', '特急')],
} as const satisfies Record<string, Choice[]>;

/** The core's list when it sent one, else the built-in one. */
export function choicesOr(list: readonly Choice[] | null | undefined, fallback: readonly Choice[]): Choice[] {
  return list && list.length ? [...list] : [...fallback];
}

// ---- the form --------------------------------------------------------------------------------
export interface DocumentFormModel {
  direction: DocumentDirection;
  date: IsoDate | null;
  issuer: string;
  issuer_level: IssuerLevel | null;
  doc_number: string;
  title: string;
  classification: Classification;
  urgency: Urgency;
  /** el-input-number gives null (or undefined) when emptied */
  copies: number | null | undefined;
  attachments: string;
  instruction: string;
  handler: string;
  signed_by: string;
  sent_to: string;
  reply_doc_number: string;
  notes: string;
}

/** Every DocumentInput field: the keys a core error's `field` can name (and the form's hooks). */
export const DOCUMENT_FIELDS = [
  'direction', 'date', 'issuer', 'issuer_level', 'doc_number', 'title', 'classification', 'urgency', 'copies',
  'attachments', 'instruction', 'handler', 'signed_by', 'sent_to', 'reply_doc_number', 'notes',
] as const satisfies readonly (keyof DocumentInput)[];
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** Fields only one direction has: 收文 records who issued it, the leader's instruction and the reply. */
const ONLY: Record<DocumentDirection, readonly DocumentField[]> = {
  received: ['issuer', 'issuer_level', 'instruction', 'reply_doc_number'],
  sent: ['sent_to'],
};

/**
 * The fields the form shows for a direction. Editing an entry that holds a value in a field of the
 * other direction (e.g. imported) shows that field too, so saving never erases it unseen.
 */
export function documentFormFields(direction: DocumentDirection, stored: Document | null = null): DocumentField[] {
  const other: DocumentDirection = direction === 'received' ? 'sent' : 'received';
  return DOCUMENT_FIELDS.filter((f) => {
    if (!ONLY[other].includes(f)) return true;
    if (!stored) return false;
    const v = stored[f];
    return v !== null && v !== undefined && v !== '';
  });
}

export function emptyDocumentForm(direction: DocumentDirection, today: IsoDate): DocumentFormModel {
  return {
    direction, date: today, issuer: '', issuer_level: null, doc_number: '', title: '', classification: 'public',
    urgency: 'normal', copies: 1, attachments: '', instruction: '', handler: '', signed_by: '', sent_to: '',
    reply_doc_number: '', notes: '',
  };
}

export function formFromDocument(d: Document): DocumentFormModel {
  return {
    direction: d.direction, date: d.date, issuer: d.issuer, issuer_level: d.issuer_level, doc_number: d.doc_number,
    title: d.title, classification: d.classification, urgency: d.urgency, copies: d.copies, attachments: d.attachments,
    instruction: d.instruction, handler: d.handler, signed_by: d.signed_by, sent_to: d.sent_to,
    reply_doc_number: d.reply_doc_number, notes: d.notes,
  };
}

/** "收文" / "发文" wording of the form. */
export function directionLabel(direction: DocumentDirection): string {
  return direction === 'sent' ? '发文' : '收文';
}

/**
 * Checks before calling the core (field -> message): only what the clerk can fix at once.
 * The core checks again (发文机关 of a received document, 文号 form, duplicates, dates after today).
 */
export function checkDocumentForm(m: DocumentFormModel): Partial<Record<DocumentField, string>> {
  const e: Partial<Record<DocumentField, string>> = {};
  if (!m.date) e.date = m.direction === 'sent' ? '请选择发文日期' : '请选择收文日期';
  if (!m.title.trim()) e.title = '请填写文件标题';
  const n = m.copies;
  if (n === null || n === undefined || !Number.isInteger(n) || n < 0) e.copies = '份数应为 0 或正整数';
  return e;
}

/** The form -> DocumentInput: text trimmed; the fields the form does not show for this direction left empty. */
export function toDocumentInput(m: DocumentFormModel, shown: readonly DocumentField[] = documentFormFields(m.direction)): DocumentInput {
  const has = (f: DocumentField) => shown.includes(f);
  const text = (f: DocumentField, v: string) => (has(f) ? v.trim() : '');
  return {
    direction: m.direction,
    date: m.date ?? '',
    issuer: text('issuer', m.issuer),
    issuer_level: has('issuer_level') ? m.issuer_level ?? null : null,
    doc_number: m.doc_number.trim(),
    title: m.title.trim(),
    classification: m.classification,
    urgency: m.urgency,
    copies: m.copies ?? 0,
    attachments: m.attachments.trim(),
    instruction: text('instruction', m.instruction),
    handler: m.handler.trim(),
    signed_by: m.signed_by.trim(),
    sent_to: text('sent_to', m.sent_to),
    reply_doc_number: text('reply_doc_number', m.reply_doc_number),
    notes: m.notes.trim(),
  };
}

// ---- 文号 ------------------------------------------------------------------------------------
const OPEN = '([【〔﹝{〖';
const CLOSE = ')]】〕﹞}〗';

/** Full-width letters, digits and brackets to half-width, ideographic space to a space (as the core does). */
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Any bracket a clerk may type turned into 〔 〕, spaces dropped. */
export function normaliseBrackets(text: string): string {
  let out = '';
  for (const ch of halfWidth(text)) {
    if (/\s/.test(ch)) continue;
    if (OPEN.includes(ch)) out += '〔';
    else if (CLOSE.includes(ch)) out += '〕';
    else out += ch;
  }
  return out;
}

/**
 * A 文号 as the core stores it ("县人大常〔2024〕12号") from any form the clerk types it in
 * ([ ] ( ) （ ） 【 】, with or without 第 and 号); null when it cannot be read (the core will say why)
 * or is empty. Mirrors DocNumber::parse in the core.
 */
export function standardDocNumber(text: string): string | null {
  const t = normaliseBrackets(text);
  const m = /^([^〔〕]+)〔(\d{4})〕第?(\d+)号?$/.exec(t);
  if (!m) return null;
  const [, prefix, y, s] = m;
  const year = Number(y);
  const seq = Number(s);
  if (/\d/.test(prefix) || year < 1949 || year > 2100 || seq < 1) return null;
  return `${prefix}〔${year}〕${seq}号`;
}

/** "将登记为：县人大常〔2024〕12号" under the field, when the typed form differs from the stored one. */
export function docNumberPreview(text: string): string {
  const std = standardDocNumber(text);
  return std && std !== text.trim() ? `将登记为：${std}` : '';
}

// ---- tags ------------------------------------------------------------------------------------
/** 秘密 red, 内部 orange, 公开 no tag. */
export function classificationTag(c: Classification | string): TagType | null {
  if (c === 'secret') return 'danger';
  if (c === 'internal') return 'warning';
  return null;
}

/** 特急 red, 急件 orange, 平件 no tag. */
export function urgencyTag(u: Urgency | string): TagType | null {
  if (u === 'very_urgent') return 'danger';
  if (u === 'urgent') return 'warning';
  return null;
}

// ---- the list's filters <-> URL ----------------------------------------------------------------
export interface DocumentFilters {
  direction: DocumentDirection;
  search: string;
  year: number | null;
  classification: Classification | null;
  urgency: Urgency | null;
  /** true 已归档, false 未归档, null all */
  archived: boolean | null;
  from: IsoDate | null;
  to: IsoDate | null;
  include_voided: boolean;
  page: number;
  page_size: number;
}

const DEFAULT_PAGE_SIZE = 20;

export function defaultDocumentFilters(direction: DocumentDirection = 'received'): DocumentFilters {
  return {
    direction, search: '', year: null, classification: null, urgency: null, archived: null, from: null, to: null,
    include_voided: false, page: 1, page_size: DEFAULT_PAGE_SIZE,
  };
}

export function documentFiltersFromQuery(q: LocationQuery): DocumentFilters {
  const archived = queryText(q, 'archived');
  return {
    direction: queryOneOf(q, 'direction', DOCUMENT_DIRECTIONS) ?? 'received',
    search: queryText(q, 'search'),
    year: queryYear(q),
    classification: queryOneOf(q, 'classification', CLASSIFICATIONS),
    urgency: queryOneOf(q, 'urgency', URGENCIES),
    archived: archived === '1' ? true : archived === '0' ? false : null,
    from: queryDate(q, 'from'),
    to: queryDate(q, 'to'),
    include_voided: queryBool(q, 'include_voided'),
    ...queryPaging(q),
  };
}

/** Only what differs from the defaults (收文, page 1, 20 a page), in a stable order. */
export function documentFiltersToQuery(f: DocumentFilters): LocationQueryRaw {
  const out: LocationQueryRaw = {};
  if (f.direction === 'sent') put(out, 'direction', 'sent');
  put(out, 'search', f.search.trim());
  put(out, 'year', f.year);
  put(out, 'classification', f.classification);
  put(out, 'urgency', f.urgency);
  if (f.archived === true || f.archived === false) out.archived = f.archived ? '1' : '0';
  put(out, 'from', f.from);
  put(out, 'to', f.to);
  put(out, 'include_voided', f.include_voided);
  putPaging(out, f);
  return out;
}

/** Filters -> the core's DocumentQuery: always one direction; empty filters left out. */
export function buildDocumentQuery(f: DocumentFilters): DocumentQuery {
  const q: DocumentQuery = { direction: f.direction, page: Math.max(1, f.page), page_size: f.page_size };
  const s = searchText(f.search);
  if (s) q.search = s;
  if (f.year != null) q.year = f.year;
  if (f.classification) q.classification = f.classification;
  if (f.urgency) q.urgency = f.urgency;
  if (f.archived === true || f.archived === false) q.archived = f.archived;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.include_voided) q.include_voided = true;
  return q;
}

export const DOCUMENT_LIST: ListCodec<DocumentFilters, DocumentQuery> = {
  fromQuery: documentFiltersFromQuery, toQuery: documentFiltersToQuery, build: buildDocumentQuery, defaults: defaultDocumentFilters,
};

/** Where 登记收文 / 登记发文 go. */
export function newDocumentLocation(direction: DocumentDirection): { path: string; query: LocationQueryRaw } {
  return { path: '/documents/new', query: { direction } };
}
