// The step dialogs of the suggestion and petition pages: which fields each action asks for, their
// defaults, the checks made before calling the core, and the conversion to the contract's
// SuggestionStepInput / PetitionStepInput variant. One table drives the dialog (StepDialog.vue).
import type {
  Book, Id, IsoDate, MeetingStage, PetitionAction, PetitionStepInput, ReplyManner, Satisfaction,
  SuggestionAction, SuggestionStepInput,
} from '../api/types';
import { NATIONAL_EXTENSION_MAX_DAYS, NATIONAL_REPLY_MAX_MONTHS, NATIONAL_REPLY_MONTHS } from '../bindings/constants';

export type StepFieldKind =
  | 'date'            // required date (YYYY-MM-DD)
  | 'optional_date'   // date or null
  | 'text'
  | 'textarea'
  | 'unit'            // one handling unit id
  | 'units'           // several handling unit ids
  | 'number'          // a whole number within min..max
  | 'satisfaction'    // 满意 / 基本满意 / 不满意
  | 'reply_category'  // the profile's reply categories
  | 'meeting_stage'
  | 'manner'          // reply manner of a petition
  | 'resolved';       // yes / no

export interface StepField {
  key: string;
  label: string;
  kind: StepFieldKind;
  required: boolean;
  placeholder?: string;
  hint?: string;
  /** text after a number input, e.g. "个月" */
  suffix?: string;
}

export type StepValue = string | number | boolean | null | Id[];
/** The dialog's model: one value per field key. */
export type StepModel = Record<string, StepValue>;

/** What the defaults and checks need to know about the case and the office. */
export interface StepContext {
  today: IsoDate;
  /** suggestions: 延期后最长答复期限 in months (rule profile's reply_max), default 6 */
  maxMonths?: number;
  /** suggestions: the normal reply period in months (rule profile's reply), default 3 */
  replyMonths?: number;
  /** petitions: 延期上限 in days (rule profile's extension_max), default 30 */
  maxExtensionDays?: number;
}

const date = (label: string): StepField => ({ key: 'date', label, kind: 'date', required: true });

export const SUGGESTION_STEP_FIELDS: Record<SuggestionAction, StepField[]> = {
  decline: [
    date('决定日期'),
    { key: 'reason', label: '不予立案理由', kind: 'textarea', required: true, placeholder: '如 不属于本级人民政府职权范围，已向代表说明' },
  ],
  assign: [
    date('交办日期'),
    { key: 'lead_unit_id', label: '主办单位', kind: 'unit', required: true },
    { key: 'co_unit_ids', label: '协办单位', kind: 'units', required: false, hint: '可不选，也可选多个' },
  ],
  return: [
    date('退回日期'),
    { key: 'reason', label: '退回理由', kind: 'textarea', required: true, placeholder: '承办单位认为不属于本单位职责的理由' },
  ],
  extend: [
    date('批准日期'),
    { key: 'months', label: '答复期限延至', kind: 'number', required: true, suffix: '个月（自交办之日起计算）' },
    { key: 'reason', label: '延期理由', kind: 'textarea', required: true, placeholder: '涉及面广、处理难度大的具体情况' },
  ],
  reply: [
    date('答复日期'),
    { key: 'signer', label: '签发人', kind: 'text', required: true, placeholder: '承办单位负责人' },
    { key: 'reply_category', label: '答复类别', kind: 'reply_category', required: true },
    { key: 'text', label: '答复内容', kind: 'textarea', required: false, placeholder: '答复函的主要内容' },
    { key: 'attachment', label: '答复函文件', kind: 'text', required: false, placeholder: '扫描件所在位置，如 D:\\台账\\答复函\\2026-005.pdf' },
    { key: 'promised_on', label: '承诺办结时间', kind: 'optional_date', required: false, hint: '答复中承诺在某日前办结的，填写后列入首页“承诺事项”跟踪' },
  ],
  evaluate: [
    date('测评日期'),
    { key: 'attitude', label: '对办理态度', kind: 'satisfaction', required: true },
    { key: 'result', label: '对办理结果', kind: 'satisfaction', required: true },
    { key: 'comment', label: '代表意见', kind: 'textarea', required: false },
  ],
  rehandle: [
    date('重新交办日期'),
    { key: 'reason', label: '重新办理原因', kind: 'textarea', required: true, placeholder: '代表不满意的主要问题' },
  ],
  close: [
    date('办结日期'),
    { key: 'note', label: '办结说明', kind: 'textarea', required: false },
  ],
  meeting: [
    date('沟通日期'),
    { key: 'stage', label: '沟通阶段', kind: 'meeting_stage', required: true },
    { key: 'note', label: '沟通情况', kind: 'textarea', required: true, placeholder: '见面、电话或座谈，代表的意见' },
  ],
  fulfil: [
    date('完成日期'),
    { key: 'note', label: '完成情况', kind: 'textarea', required: false },
  ],
};

export const PETITION_STEP_FIELDS: Record<PetitionAction, StepField[]> = {
  accept: [
    date('告知受理日期'),
    { key: 'note', label: '说明', kind: 'textarea', required: false, placeholder: '如 已书面告知信访人受理' },
  ],
  decline: [
    date('告知日期'),
    { key: 'reason', label: '不予受理理由', kind: 'textarea', required: true },
  ],
  assign: [
    date('交办日期'),
    { key: 'unit_id', label: '承办单位', kind: 'unit', required: true },
    { key: 'note', label: '交办意见', kind: 'textarea', required: false },
  ],
  extend: [
    date('批准日期'),
    { key: 'days', label: '延长', kind: 'number', required: true, suffix: '日' },
    { key: 'approver', label: '批准人', kind: 'text', required: true },
    { key: 'reason', label: '延期理由', kind: 'textarea', required: true },
    { key: 'told_on', label: '告知信访人日期', kind: 'date', required: true, hint: '延期须告知信访人延期理由' },
  ],
  reply: [
    date('答复日期'),
    { key: 'manner', label: '答复方式', kind: 'manner', required: true },
    { key: 'result', label: '办理结果', kind: 'textarea', required: true },
    { key: 'resolved', label: '问题是否解决', kind: 'resolved', required: true },
  ],
  review_request: [
    date('申请日期'),
    { key: 'note', label: '复查请求', kind: 'textarea', required: false },
  ],
  review_reply: [
    date('复查答复日期'),
    { key: 'result', label: '复查意见', kind: 'textarea', required: true },
  ],
  re_review_request: [
    date('申请日期'),
    { key: 'note', label: '复核请求', kind: 'textarea', required: false },
  ],
  re_review_reply: [
    date('复核答复日期'),
    { key: 'result', label: '复核意见', kind: 'textarea', required: true },
  ],
  return_visit: [
    date('回访日期'),
    { key: 'evaluation', label: '信访人评价', kind: 'satisfaction', required: true },
    { key: 'note', label: '回访情况', kind: 'textarea', required: false },
  ],
  archive: [
    date('归档日期'),
    { key: 'volume', label: '卷号', kind: 'text', required: true, placeholder: '如 2026-信访-03' },
  ],
};

export function stepFields(book: Book, action: string): StepField[] {
  const table = (book === 'suggestions' ? SUGGESTION_STEP_FIELDS : PETITION_STEP_FIELDS) as Record<string, StepField[]>;
  return table[action] ?? [];
}

/** A short note under the dialog's title. */
export function stepHint(book: Book, action: string, ctx: StepContext): string {
  if (book === 'suggestions') {
    switch (action) {
      case 'assign': return '交办后开始计算答复期限。';
      case 'extend': return `延期须经批准；答复期限自交办之日起最长 ${maxMonths(ctx)} 个月。`;
      case 'evaluate': return '代表对办理结果不满意的，评价后可选择“重新办理”。';
      case 'return': return '退回后需重新交办。';
      default: return '';
    }
  }
  switch (action) {
    case 'extend': return `延期不得超过 ${maxDays(ctx)} 日，须经批准并告知信访人延期理由。`;
    case 'reply': return '答复后，信访人可在规定期限内申请复查。';
    default: return '';
  }
}

// Without the case's own profile, the national one's periods (from the core).
const maxMonths = (ctx: StepContext) => ctx.maxMonths ?? NATIONAL_REPLY_MAX_MONTHS;
const replyMonths = (ctx: StepContext) => ctx.replyMonths ?? NATIONAL_REPLY_MONTHS;
const maxDays = (ctx: StepContext) => ctx.maxExtensionDays ?? NATIONAL_EXTENSION_MAX_DAYS;

/** The number input's bounds for `months` / `days`. */
export function numberBounds(book: Book, key: string, ctx: StepContext): { min: number; max: number } {
  if (book === 'suggestions' && key === 'months') return { min: Math.min(replyMonths(ctx) + 1, maxMonths(ctx)), max: maxMonths(ctx) };
  if (book === 'petitions' && key === 'days') return { min: 1, max: maxDays(ctx) };
  return { min: 0, max: 999 };
}

/** A fresh model for the dialog: today for dates, the longest allowed extension, empty text. */
export function stepDefaults(book: Book, action: string, ctx: StepContext): StepModel {
  const m: StepModel = {};
  for (const f of stepFields(book, action)) {
    switch (f.kind) {
      case 'date': m[f.key] = ctx.today; break;
      case 'optional_date': m[f.key] = null; break;
      case 'unit': m[f.key] = null; break;
      case 'units': m[f.key] = []; break;
      case 'number': m[f.key] = numberBounds(book, f.key, ctx).max; break;
      case 'manner': m[f.key] = 'written'; break;
      case 'satisfaction': case 'reply_category': case 'meeting_stage': case 'resolved': m[f.key] = null; break;
      default: m[f.key] = '';
    }
  }
  return m;
}

const EMPTY_MSG: Partial<Record<StepFieldKind, string>> = {
  date: '请选择日期',
  unit: '请选择承办单位',
  satisfaction: '请选择评价',
  reply_category: '请选择答复类别',
  meeting_stage: '请选择沟通阶段',
  manner: '请选择答复方式',
  resolved: '请选择是否解决',
  number: '请填写',
};

function isEmpty(v: StepValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return Number.isNaN(v);
  return false;
}

/** Checks before calling the core: field key -> message (empty object = fine). */
export function checkStep(book: Book, action: string, m: StepModel, ctx: StepContext): Record<string, string> {
  const errs: Record<string, string> = {};
  for (const f of stepFields(book, action)) {
    const v = m[f.key];
    if (f.required && isEmpty(v)) {
      errs[f.key] = EMPTY_MSG[f.kind] ?? `请填写${f.label}`;
      continue;
    }
    if (f.kind === 'number' && !isEmpty(v)) {
      const n = Number(v);
      const { min, max } = numberBounds(book, f.key, ctx);
      if (!Number.isInteger(n) || n < min || n > max) errs[f.key] = `应在 ${min} 到 ${max} 之间`;
    }
  }
  if (book === 'suggestions' && action === 'assign') {
    const lead = m.lead_unit_id;
    const co = (m.co_unit_ids as Id[] | null) ?? [];
    if (lead !== null && co.includes(lead as Id)) errs.co_unit_ids = '协办单位不能同时是主办单位';
  }
  if (book === 'suggestions' && action === 'reply') {
    const p = m.promised_on as string | null;
    if (p && typeof m.date === 'string' && p < m.date) errs.promised_on = '承诺办结时间不能早于答复日期';
  }
  if (book === 'petitions' && action === 'extend') {
    const told = m.told_on as string | null;
    if (told && typeof m.date === 'string' && told < m.date) errs.told_on = '告知日期不能早于批准日期';
  }
  return errs;
}

const t = (v: StepValue | undefined): string => (typeof v === 'string' ? v.trim() : '');
const d = (v: StepValue | undefined): IsoDate => (typeof v === 'string' ? v : '');
const n = (v: StepValue | undefined): number => Number(v);

/** The dialog's model -> the contract's SuggestionStepInput. Call after checkStep passed. */
export function toSuggestionStep(action: SuggestionAction, m: StepModel): SuggestionStepInput {
  const date = d(m.date);
  switch (action) {
    case 'decline': return { action, date, reason: t(m.reason) };
    case 'assign': return {
      action, date, lead_unit_id: n(m.lead_unit_id),
      co_unit_ids: ((m.co_unit_ids as Id[] | null) ?? []).filter((x) => x !== m.lead_unit_id),
    };
    case 'return': return { action, date, reason: t(m.reason) };
    case 'extend': return { action, date, months: n(m.months), reason: t(m.reason) };
    case 'reply': return {
      action, date, signer: t(m.signer), reply_category: t(m.reply_category), text: t(m.text),
      attachment: t(m.attachment), promised_on: (m.promised_on as string | null) || null,
    };
    case 'evaluate': return {
      action, date, attitude: m.attitude as Satisfaction, result: m.result as Satisfaction, comment: t(m.comment),
    };
    case 'rehandle': return { action, date, reason: t(m.reason) };
    case 'close': return { action, date, note: t(m.note) };
    case 'meeting': return { action, date, stage: m.stage as MeetingStage, note: t(m.note) };
    case 'fulfil': return { action, date, note: t(m.note) };
  }
}

/** The dialog's model -> the contract's PetitionStepInput. Call after checkStep passed. */
export function toPetitionStep(action: PetitionAction, m: StepModel): PetitionStepInput {
  const date = d(m.date);
  switch (action) {
    case 'accept': return { action, date, note: t(m.note) };
    case 'decline': return { action, date, reason: t(m.reason) };
    case 'assign': return { action, date, unit_id: n(m.unit_id), note: t(m.note) };
    case 'extend': return {
      action, date, days: n(m.days), approver: t(m.approver), reason: t(m.reason), told_on: d(m.told_on),
    };
    case 'reply': return {
      action, date, manner: m.manner as ReplyManner, result: t(m.result), resolved: m.resolved === true,
    };
    case 'review_request': return { action, date, note: t(m.note) };
    case 'review_reply': return { action, date, result: t(m.result) };
    case 're_review_request': return { action, date, note: t(m.note) };
    case 're_review_reply': return { action, date, result: t(m.result) };
    case 'return_visit': return { action, date, evaluation: m.evaluation as Satisfaction, note: t(m.note) };
    case 'archive': return { action, date, volume: t(m.volume) };
  }
}
