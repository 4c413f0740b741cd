// A rule profile as a readable table for the settings page: 环节, 期限 ("7个工作日"), 依据.
import type { Book, Rule, RuleProfile } from '../api/types';
import { periodText } from './deadline';

export interface RuleRow {
  book: Book;
  key: string;
  /** 环节 */
  stage: string;
  /** 期限, e.g. "7个工作日", "3个月", "15日"; or a sentence when there is no period */
  period: string;
  /** from when the period runs */
  from: string;
  /** 依据 */
  basis: string;
}

function row(book: Book, key: string, stage: string, rule: Rule | null, from: string, none: string): RuleRow {
  return { book, key, stage, period: rule ? periodText(rule) : none, from: rule ? from : '', basis: rule?.basis ?? '' };
}

export function ruleRows(p: RuleProfile): RuleRow[] {
  const s = p.suggestion;
  const q = p.petition;
  return [
    row('suggestions', 'assign', '交办', s.assign, '自登记之日起', '无期限规定'),
    row('suggestions', 'return_within', '承办单位退回', s.return_within, '自交办之日起', '无期限规定'),
    row('suggestions', 'reply', '答复', s.reply, '自交办之日起', ''),
    row('suggestions', 'reply_max', '延期后最长答复', s.reply_max, '自交办之日起', ''),
    row('suggestions', 'rehandle', '不满意后重新办理', s.rehandle, '自重新交办之日起', '同答复期限'),
    {
      book: 'suggestions', key: 'motion_min_cosigners', stage: '议案联名', period: `${s.motion_min_cosigners}名以上代表`,
      from: '', basis: '或由主席团提出',
    },
    row('petitions', 'accept_notice', '告知是否受理', q.accept_notice, '自收到之日起', ''),
    row('petitions', 'handle', '办理', q.handle, '自受理之日起', ''),
    row('petitions', 'extension_max', '延期（最多）', q.extension_max, '在办理期限届满后', ''),
    row('petitions', 'review_request', '申请复查', q.review_request, '自收到书面答复之日起', ''),
    row('petitions', 'review_reply', '复查答复', q.review_reply, '自收到复查请求之日起', ''),
    row('petitions', 're_review_request', '申请复核', q.re_review_request, '自收到复查意见之日起', ''),
    row('petitions', 're_review_reply', '复核答复', q.re_review_reply, '自收到复核请求之日起', ''),
  ];
}
