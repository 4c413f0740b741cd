// The 登记建议 form's model, its checks and its conversion to the contract's SuggestionInput.
import type {
  DeputyRef, Id, IsoDate, Suggestion, SuggestionCategory, SuggestionInput, SuggestionKind,
} from '../api/types';
import { textMax } from './textLimits';

export interface SuggestionFormModel {
  term_id: Id | null;
  session_no: number | null;
  during_session: boolean;
  kind: SuggestionKind;
  lead_deputy_id: Id | null;
  by_presidium: boolean;
  co_signer_ids: Id[];
  subject: string;
  content: string;
  category: SuggestionCategory | '';
  received_on: IsoDate | null;
  key_supervision: boolean;
  published: boolean;
  notes: string;
}

/** Every SuggestionInput field: the keys a server error's `field` can name. */
export const SUGGESTION_FIELDS = [
  'term_id', 'session_no', 'during_session', 'kind', 'lead_deputy_id', 'by_presidium', 'co_signer_ids',
  'subject', 'content', 'category', 'received_on', 'key_supervision', 'published', 'notes',
] as const satisfies readonly (keyof SuggestionInput)[];

/** Fields kept by "继续登记下一件": the session the clerk is typing up. */
export const SESSION_FIELDS = ['term_id', 'session_no', 'during_session', 'kind', 'received_on'] as const;

export function emptySuggestionForm(today: IsoDate, termId: Id | null = null): SuggestionFormModel {
  return {
    term_id: termId, session_no: null, during_session: true, kind: 'suggestion', lead_deputy_id: null,
    by_presidium: false, co_signer_ids: [], subject: '', content: '', category: '', received_on: today,
    key_supervision: false, published: false, notes: '',
  };
}

/** The next form of the session week: same term, session, kind and date; everything else empty. */
export function nextSuggestionForm(prev: SuggestionFormModel, today: IsoDate): SuggestionFormModel {
  const next = emptySuggestionForm(today, prev.term_id);
  for (const k of SESSION_FIELDS) (next as unknown as Record<string, unknown>)[k] = prev[k];
  if (next.kind !== 'motion') next.by_presidium = false;
  return next;
}

export function formFromSuggestion(s: Suggestion): SuggestionFormModel {
  return {
    term_id: s.term_id, session_no: s.session_no, during_session: s.during_session, kind: s.kind,
    lead_deputy_id: s.lead_deputy?.id ?? null, by_presidium: s.by_presidium,
    co_signer_ids: s.co_signers.map((c) => c.id), subject: s.subject, content: s.content, category: s.category,
    received_on: s.received_on, key_supervision: s.key_supervision, published: s.published, notes: s.notes,
  };
}

/**
 * A SuggestionInput from the core (the draft of an activity opinion) as the form's model; a missing
 * session number stays empty for the clerk, a missing date becomes today.
 */
export function formFromSuggestionInput(d: SuggestionInput, today: IsoDate): SuggestionFormModel {
  return {
    term_id: d.term_id ?? null, session_no: d.session_no > 0 ? d.session_no : null, during_session: d.during_session,
    kind: d.kind, lead_deputy_id: d.lead_deputy_id ?? null, by_presidium: d.by_presidium,
    co_signer_ids: [...(d.co_signer_ids ?? [])], subject: d.subject ?? '', content: d.content ?? '', category: d.category ?? '',
    received_on: d.received_on || today, key_supervision: d.key_supervision, published: d.published, notes: d.notes ?? '',
  };
}

/** The deputies a stored suggestion names, so the pickers can show their names before any search. */
export function deputiesOf(s: Suggestion): DeputyRef[] {
  return [...(s.lead_deputy ? [s.lead_deputy] : []), ...s.co_signers];
}

/**
 * Checks before calling the core (field -> message). The core checks again; these only catch
 * what the clerk can fix at once. The motion's co-signer minimum is left to the core (shown as a hint).
 */
export function checkSuggestionForm(m: SuggestionFormModel): Record<string, string> {
  const e: Record<string, string> = {};
  if (!m.session_no || m.session_no < 1) e.session_no = '请填写第几次会议';
  if (!m.kind) e.kind = '请选择类型';
  if (m.by_presidium && m.kind !== 'motion') e.by_presidium = '只有议案可以由主席团提出';
  if (!m.lead_deputy_id && !(m.by_presidium && m.kind === 'motion')) e.lead_deputy_id = '请选择领衔代表';
  if (m.lead_deputy_id && m.co_signer_ids.includes(m.lead_deputy_id)) e.co_signer_ids = '领衔代表不必再列为附议代表';
  const subjectLength = [...m.subject.trim()].length;
  if (!subjectLength) e.subject = '请填写案由';
  else if (subjectLength > textMax('subject')) e.subject = `案由最多 ${textMax('subject')} 字，现有 ${subjectLength} 字，请精简`;
  if (!m.category) e.category = '请选择类别';
  if (!m.received_on) e.received_on = '请选择收到日期';
  return e;
}

export function toSuggestionInput(m: SuggestionFormModel): SuggestionInput {
  const byPresidium = m.kind === 'motion' && m.by_presidium;
  return {
    term_id: m.term_id ?? null,
    session_no: m.session_no ?? 0,
    during_session: m.during_session,
    kind: m.kind,
    lead_deputy_id: m.lead_deputy_id ?? null,
    by_presidium: byPresidium,
    co_signer_ids: [...new Set(m.co_signer_ids)].filter((id) => id !== m.lead_deputy_id),
    subject: m.subject.trim(),
    content: m.content.trim(),
    category: m.category as SuggestionCategory,
    received_on: m.received_on ?? '',
    key_supervision: m.key_supervision,
    published: m.published,
    notes: m.notes.trim(),
  };
}

/** "已选 3 名附议代表（议案须 5 名以上代表联名）" when a motion is short of co-signers, else "". */
export function motionCosignerHint(m: SuggestionFormModel, minCosigners: number | null): string {
  if (m.kind !== 'motion' || m.by_presidium || !minCosigners) return '';
  const n = m.co_signer_ids.length;
  if (n >= minCosigners) return '';
  return `已选 ${n} 名附议代表；议案须由 ${minCosigners} 名以上代表联名或由主席团提出`;
}
