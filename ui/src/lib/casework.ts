// Casework words and small helpers shared by the suggestion and petition screens (and the review
// opinions the dashboard follows beside them).
// Option lists come from the core's `vocabulary`; the labels here are only the buttons' wording
// (what the clerk clicks) and fallbacks while the vocabulary is still loading.
import type {
  Book, PetitionAction, PetitionState, SuggestionAction, SuggestionState,
} from '../api/types';
import type { TagType } from './labels';
import { rectificationStateTag } from './rectifications';

/** Button text for each suggestion step (the core's `action_label` names the recorded step). */
export const SUGGESTION_ACTION_LABELS: Record<SuggestionAction, string> = {
  decline: '不予立案',
  assign: '交办',
  return: '承办单位退回',
  extend: '延期',
  reply: '登记答复',
  evaluate: '代表评价',
  rehandle: '重新办理',
  close: '办结',
  meeting: '与代表沟通',
  fulfil: '承诺事项完成',
};

export const PETITION_ACTION_LABELS: Record<PetitionAction, string> = {
  accept: '告知受理',
  decline: '不予受理',
  assign: '交办',
  extend: '延期',
  reply: '登记办理结果',
  review_request: '申请复查',
  review_reply: '复查意见',
  re_review_request: '申请复核',
  re_review_reply: '复核意见',
  return_visit: '回访',
  archive: '归档',
};

/** The main path's actions are primary buttons; the rest are plain. */
const PRIMARY = new Set<string>(['assign', 'reply', 'evaluate', 'close', 'accept', 'return_visit', 'archive']);
const DANGER = new Set<string>(['decline']);

export function actionButtonType(action: string): 'primary' | 'danger' | 'default' {
  if (PRIMARY.has(action)) return 'primary';
  if (DANGER.has(action)) return 'danger';
  return 'default';
}

export function suggestionActionLabel(action: SuggestionAction, state?: SuggestionState | null): string {
  if (action === 'assign' && state === 'returned') return '重新交办';
  return SUGGESTION_ACTION_LABELS[action] ?? action;
}

export function petitionActionLabel(action: PetitionAction): string {
  return PETITION_ACTION_LABELS[action] ?? action;
}

export function suggestionStateTag(state: SuggestionState | string): TagType {
  switch (state) {
    case 'registered': return 'info';
    case 'not_accepted': return 'info';
    case 'assigned': return 'primary';
    case 'returned': return 'warning';
    case 'replied': return 'warning';
    case 'evaluated': return 'success';
    case 'rehandling': return 'danger';
    case 'closed': return 'success';
    default: return 'info';
  }
}

export function petitionStateTag(state: PetitionState | string): TagType {
  switch (state) {
    case 'registered': return 'info';
    case 'declined': return 'info';
    case 'accepted': return 'primary';
    case 'assigned': return 'primary';
    case 'replied': return 'success';
    case 'review_requested': case 're_review_requested': return 'warning';
    case 'reviewed': case 're_reviewed': return 'success';
    case 'archived': return 'success';
    default: return 'info';
  }
}

export function stateTag(book: Book, state: string): TagType {
  switch (book) {
    case 'suggestions': return suggestionStateTag(state);
    case 'petitions': return petitionStateTag(state);
    case 'rectifications': return rectificationStateTag(state);
  }
}

/** What a follow-up item's book is called in the dashboard's tables (DueItem.book). */
export const BOOK_LABELS: Record<Book, string> = { suggestions: '建议', petitions: '信访', rectifications: '审议意见' };

/** The page of one case (a review opinion's too: /rectifications/7). */
export function casePath(book: Book, id: number): string {
  return `/${book}/${id}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese numerals, as in 第三次会议, 第二十届: 3 -> "三", 20 -> "二十", 21 -> "二十一". */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** "第三次会议期间" / "第三次会议闭会期间" (the core's number_label wording). */
export function sessionText(sessionNo: number | null | undefined, during: boolean): string {
  if (!sessionNo) return '';
  return during ? `第${cnNumber(sessionNo)}次会议期间` : `第${cnNumber(sessionNo)}次会议闭会期间`;
}

/** A case stores its rule profile as "zhejiang@1"; the profile id is the part before "@". */
export function profileId(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const id = tag.split('@')[0].trim();
  return id || null;
}

/** "张三", "张三 等3人" for a lead deputy and co-signers; "主席团" when the presidium raised it. */
export function deputiesText(lead: { name: string } | null, coSigners: { name: string }[], byPresidium: boolean): string {
  const head = byPresidium ? '主席团' : lead?.name ?? '';
  if (!coSigners.length) return head;
  return `${head}${head ? '、' : ''}${coSigners.map((c) => c.name).join('、')}`;
}

/** Unit names for a table cell: "镇农业农村办（主办）、镇财政所". */
export function unitsText(lead: { name: string } | null, co: { name: string }[]): string {
  const parts: string[] = [];
  if (lead) parts.push(co.length ? `${lead.name}（主办）` : lead.name);
  for (const c of co) parts.push(c.name);
  return parts.join('、');
}

/** Used only until the vocabulary has loaded (the core's lists win). */
export const FALLBACK_CHOICES = {
  satisfactions: [
    { value: 'satisfied', label: '满意' },
    { value: 'basically_satisfied', label: '基本满意' },
    { value: 'dissatisfied', label: '不满意' },
  ],
  meeting_stages: [
    { value: 'before', label: '办理前' },
    { value: 'during', label: '办理中' },
    { value: 'after', label: '办理后' },
  ],
  reply_manners: [
    { value: 'written', label: '书面' },
    { value: 'oral', label: '口头' },
    { value: 'phone', label: '电话' },
    { value: 'online', label: '网上' },
  ],
} as const;

/** The core's list when it has one, else the fallback. */
export function choicesOr<T extends { value: string; label: string }>(
  list: readonly T[] | null | undefined, fallback: readonly { value: string; label: string }[],
): { value: string; label: string }[] {
  return list && list.length ? [...list] : [...fallback];
}
