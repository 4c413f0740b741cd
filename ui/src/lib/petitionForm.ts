// The 登记信访 form's model, its checks, the repeat-detection probe and the conversion to the
// contract's PetitionInput.
import type {
  Id, Petition, PetitionCategory, PetitionChannel, PetitionIdentity, PetitionInput, PetitionProbe, Sex,
} from '../api/types';
import { idNumberProblem } from './idcard';
import { textMax } from './textLimits';

import { GROUP_VISIT_MIN } from '../bindings/constants';

/** Five or more people make a group visit (集体访): the core's threshold. */
export { GROUP_VISIT_MIN };
/** Wait this long after the clerk stops typing before asking for similar petitions. */
export const SIMILAR_DEBOUNCE_MS = 400;

export function isGroupVisit(peopleCount: number | null | undefined): boolean {
  return (peopleCount ?? 0) >= GROUP_VISIT_MIN;
}

export interface PetitionFormModel {
  channel: PetitionChannel;
  /** "YYYY-MM-DD HH:mm" */
  received_at: string | null;
  anonymous: boolean;
  petitioner_name: string;
  sex: Sex | null;
  age: number | null;
  address: string;
  phone: string;
  id_number: string;
  /** 同行人员: the other visitors' names as typed, one a line (see coVisitorNames) */
  co_visitors: string;
  people_count: number;
  request: string;
  facts: string;
  category: PetitionCategory | '';
  receiver: string;
  via_deputy_id: Id | null;
  proposed_handling: string;
  instruction: string;
  confidential: boolean;
  link_ids: Id[];
}

export const PETITION_FIELDS = [
  'channel', 'received_at', 'anonymous', 'petitioner_name', 'sex', 'age', 'address', 'phone', 'id_number',
  'co_visitors', 'people_count', 'request', 'facts', 'category', 'receiver', 'via_deputy_id', 'proposed_handling', 'instruction',
  'confidential', 'link_ids',
] as const satisfies readonly (keyof PetitionInput)[];

/** The identity fields hidden when the petition is anonymous. */
export const IDENTITY_FIELDS = ['petitioner_name', 'sex', 'age', 'address', 'phone', 'id_number', 'co_visitors'] as const;

/** 同行人员 can be named from two people on (a group visit, 集体访, is five or more). */
export const CO_VISITORS_MIN_PEOPLE = 2;

/**
 * Whether the form shows 同行人员: not anonymous, and two people or more, or names already typed
 * (the count lowered after typing them: they stay in sight, and the check says what is wrong).
 */
export function asksCoVisitors(m: Pick<PetitionFormModel, 'anonymous' | 'people_count' | 'co_visitors'>): boolean {
  return !m.anonymous && ((m.people_count ?? 0) >= CO_VISITORS_MIN_PEOPLE || m.co_visitors.trim() !== '');
}

/**
 * The names typed into 同行人员: one a line; a list typed on one line with 、 ， , or ； is split
 * too (the core refuses those marks inside a name, so nothing is lost). Blanks are dropped.
 */
export function coVisitorNames(text: string): string[] {
  return text.split(/[\r\n、，,；;]+/).map((n) => n.trim()).filter((n) => n !== '');
}

/** The names as the textarea shows them: one a line. */
export function coVisitorText(names: readonly string[] | null | undefined): string {
  return (names ?? []).join('\n');
}

export function emptyPetitionForm(receivedAt: string, receiver = ''): PetitionFormModel {
  return {
    channel: 'visit', received_at: receivedAt, anonymous: false, petitioner_name: '', sex: null, age: null,
    address: '', phone: '', id_number: '', co_visitors: '', people_count: 1, request: '', facts: '', category: '', receiver,
    via_deputy_id: null, proposed_handling: '', instruction: '', confidential: false, link_ids: [],
  };
}

/**
 * A stored petition -> the edit form. The list and page only carry the masked identity; the plain
 * one comes from petition_reveal (recorded), passed as `identity`. Without it the identity fields
 * stay empty and are saved as null (kept as stored; see toPetitionInput).
 */
export function formFromPetition(p: Petition, identity: PetitionIdentity | null): PetitionFormModel {
  return {
    channel: p.channel, received_at: p.received_at.slice(0, 16), anonymous: p.anonymous,
    petitioner_name: identity?.petitioner_name ?? '', sex: p.sex, age: p.age,
    address: identity?.address ?? '', phone: identity?.phone ?? '', id_number: identity?.id_number ?? '',
    co_visitors: coVisitorText(identity?.co_visitors), people_count: p.people_count, request: p.request, facts: p.facts,
    category: p.category, receiver: p.receiver,
    via_deputy_id: p.via_deputy?.id ?? null, proposed_handling: p.proposed_handling, instruction: p.instruction,
    confidential: p.confidential, link_ids: [],
  };
}

/**
 * A PetitionInput from the core (the draft of an activity opinion) as the form's model; the receiver
 * defaults to `receiver` (the operator) when the draft has none.
 */
export function formFromPetitionInput(d: PetitionInput, receiver = ''): PetitionFormModel {
  return {
    channel: d.channel, received_at: d.received_at ? d.received_at.slice(0, 16) : null, anonymous: d.anonymous,
    petitioner_name: d.petitioner_name ?? '', sex: d.sex ?? null, age: d.age ?? null, address: d.address ?? '',
    phone: d.phone ?? '', id_number: d.id_number ?? '', co_visitors: coVisitorText(d.co_visitors),
    people_count: d.people_count || 1, request: d.request ?? '', facts: d.facts ?? '', category: d.category ?? '',
    receiver: d.receiver || receiver, via_deputy_id: d.via_deputy_id ?? null,
    proposed_handling: d.proposed_handling ?? '', instruction: d.instruction ?? '', confidential: d.confidential,
    link_ids: [...(d.link_ids ?? [])],
  };
}

/** The free-text fields the petitioner's name should stay out of (a package for the county keeps them). */
export const NAME_FREE_TEXT_FIELDS = [
  { key: 'request', label: '诉求' },
  { key: 'facts', label: '事实与地点' },
  { key: 'proposed_handling', label: '拟办意见' },
  { key: 'instruction', label: '领导批示' },
] as const;
export type NameFreeTextField = (typeof NAME_FREE_TEXT_FIELDS)[number]['key'];

/**
 * The free-text fields that contain the petitioner's name or a co-visitor's (two characters or
 * more), each with the warning shown under it (a warning only: the clerk may need the name there).
 */
export function petitionerNameWarnings(m: PetitionFormModel): Partial<Record<NameFreeTextField, string>> {
  const out: Partial<Record<NameFreeTextField, string>> = {};
  if (m.anonymous) return out;
  const long = (n: string) => [...n].length >= 2;
  const name = m.petitioner_name.trim();
  const others = coVisitorNames(m.co_visitors).filter(long);
  for (const f of NAME_FREE_TEXT_FIELDS) {
    const text = m[f.key];
    const whose = long(name) && text.includes(name) ? '信访人' : others.some((n) => text.includes(n)) ? '同行人员' : '';
    if (whose) out[f.key] = `${f.label}中写有${whose}姓名；导出给县里时会被替换为化名，如非必要请删去`;
  }
  return out;
}

const TIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

export function checkPetitionForm(m: PetitionFormModel, keepIdentity = false): Record<string, string> {
  const e: Record<string, string> = {};
  if (!m.channel) e.channel = '请选择来源';
  if (!m.received_at || !TIME_RE.test(m.received_at)) e.received_at = '请填写收到时间，如 2026-03-20 09:30';
  if (!m.anonymous && !keepIdentity) {
    if (!m.petitioner_name.trim()) e.petitioner_name = '请填写姓名（不愿留名的请勾选“匿名”）';
    if (m.age !== null && (m.age < 0 || m.age > 130)) e.age = '年龄应在 0 到 130 之间';
    const idp = m.id_number.trim() ? idNumberProblem(m.id_number.trim()) : null;
    if (idp) e.id_number = idp;
    const co = coVisitorsProblem(coVisitorNames(m.co_visitors), m.people_count);
    if (co) e.co_visitors = co;
  }
  if (!m.people_count || m.people_count < 1) e.people_count = '人数至少为 1';
  if (!m.request.trim()) e.request = '请填写诉求';
  if (!m.category) e.category = '请选择类别';
  if (m.channel === 'deputy_referral' && !m.via_deputy_id) e.via_deputy_id = '请选择转交的代表';
  return e;
}

/** What the core would refuse in the co-visitors' names (the same words), else null. */
export function coVisitorsProblem(names: readonly string[], peopleCount: number): string | null {
  const others = Math.max(0, (peopleCount || 1) - 1);
  if (names.length > others) {
    return `同行人员登记了 ${names.length} 人，但人数为 ${peopleCount} 人（除信访人外只有 ${others} 人），请核对人数`;
  }
  const bad = names.find((n) => /[0-9]/.test(n));
  if (bad) return `同行人员姓名“${bad}”不对：每行填一个人的姓名，不能有数字或顿号`;
  const max = textMax('co_visitors');
  const long = names.find((n) => [...n].length > max);
  return long ? `同行人员姓名“${long}”太长：有 ${[...long].length} 个字，最多 ${max} 个字（每行填一个人的姓名）` : null;
}

/**
 * The form -> PetitionInput. With `keepIdentity` (an edit whose identity was not read), the
 * identity fields go as null: the core keeps the stored ones, nothing is unsealed.
 */
export function toPetitionInput(m: PetitionFormModel, keepIdentity = false): PetitionInput {
  const anon = m.anonymous;
  if (keepIdentity && !anon) {
    return { ...toPetitionInput(m), petitioner_name: null, address: null, phone: null, id_number: null, co_visitors: null };
  }
  return {
    channel: m.channel,
    received_at: m.received_at ?? '',
    anonymous: anon,
    petitioner_name: anon ? '' : m.petitioner_name.trim(),
    sex: anon ? null : m.sex ?? null,
    age: anon || m.age === null || m.age === undefined ? null : m.age,
    address: anon ? '' : m.address.trim(),
    phone: anon ? '' : m.phone.trim(),
    id_number: anon ? '' : m.id_number.trim().toUpperCase(),
    co_visitors: anon ? [] : coVisitorNames(m.co_visitors),
    people_count: Math.max(1, Math.floor(m.people_count || 1)),
    request: m.request.trim(),
    facts: m.facts.trim(),
    category: m.category as PetitionCategory,
    receiver: m.receiver.trim(),
    via_deputy_id: m.channel === 'deputy_referral' ? m.via_deputy_id ?? null : null,
    proposed_handling: m.proposed_handling.trim(),
    instruction: m.instruction.trim(),
    confidential: m.confidential,
    link_ids: [...new Set(m.link_ids)],
  };
}

/** What has been typed so far, for petitions_similar. */
export function probeFromForm(m: PetitionFormModel, excludeId: Id | null): PetitionProbe {
  const anon = m.anonymous;
  return {
    petitioner_name: anon ? '' : m.petitioner_name.trim(),
    phone: anon ? '' : m.phone.replace(/\s+/g, ''),
    id_number: anon ? '' : m.id_number.trim().toUpperCase(),
    request: m.request.trim(),
    exclude_id: excludeId,
  };
}

/** Worth asking the core? A name of two characters, 7+ phone digits, 15+ ID characters or 4+ characters of request. */
export function probeWorthAsking(p: PetitionProbe): boolean {
  return [...p.petitioner_name].length >= 2
    || p.phone.replace(/\D/g, '').length >= 7
    || p.id_number.length >= 15
    || [...p.request].length >= 4;
}

export function probeKey(p: PetitionProbe): string {
  return JSON.stringify([p.petitioner_name, p.phone, p.id_number, p.request, p.exclude_id]);
}

/** Toggle one earlier petition in the links to make. */
export function toggleLink(ids: readonly Id[], id: Id, on: boolean): Id[] {
  const rest = ids.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}
