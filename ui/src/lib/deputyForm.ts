// The deputy form's model and its conversion to the contract's DeputyInput.
import type {
  Deputy, DeputyInput, Education, ElectedHow, Id, IsoDate, Level, Occupation, PoliticalStatus, Sex,
} from '../api/types';
import { parsePartialDate } from './dateInput';

export interface DeputyFormModel {
  term_id: Id | null;
  name: string;
  sex: Sex | '';
  ethnicity: string;
  /** as typed: "1975-03", "1975年3月" ... */
  birth_date: string;
  political_status: PoliticalStatus | '';
  education: Education | null;
  work_unit_post: string;
  occupation: Occupation | '';
  constituency_id: Id | null;
  group_id: Id | null;
  levels: Level[];
  elected_on: IsoDate | null;
  elected_how: ElectedHow;
  card_no: string;
  phone: string;
  address: string;
  returned_overseas: boolean;
  grassroots: boolean;
  /** typed ID number; on edit, empty = keep the stored one */
  id_number: string;
  /** on edit: remove the stored ID number */
  clear_id_number: boolean;
  notes: string;
}

/** Every DeputyInput field: the keys a server error's `field` can name. */
export const DEPUTY_FIELDS = [
  'term_id', 'name', 'sex', 'ethnicity', 'birth_date', 'political_status', 'education', 'work_unit_post',
  'occupation', 'constituency_id', 'group_id', 'levels', 'elected_on', 'elected_how', 'card_no', 'phone',
  'address', 'returned_overseas', 'grassroots', 'id_number', 'notes',
] as const satisfies readonly (keyof DeputyInput)[];

export function emptyDeputyForm(termId: Id | null = null): DeputyFormModel {
  return {
    term_id: termId, name: '', sex: '', ethnicity: '01', birth_date: '', political_status: '', education: null,
    work_unit_post: '', occupation: '', constituency_id: null, group_id: null, levels: ['township'],
    elected_on: null, elected_how: 'general_election', card_no: '', phone: '', address: '',
    returned_overseas: false, grassroots: false, id_number: '', clear_id_number: false, notes: '',
  };
}

export function formFromDeputy(d: Deputy): DeputyFormModel {
  return {
    term_id: d.term_id, name: d.name, sex: d.sex, ethnicity: d.ethnicity, birth_date: d.birth_date ?? '',
    political_status: d.political_status, education: d.education, work_unit_post: d.work_unit_post,
    occupation: d.occupation, constituency_id: d.constituency_id, group_id: d.group_id,
    levels: withTownship(d.levels), elected_on: d.elected_on, elected_how: d.elected_how, card_no: d.card_no,
    phone: d.phone, address: d.address, returned_overseas: d.returned_overseas, grassroots: d.grassroots,
    id_number: '', clear_id_number: false, notes: d.notes,
  };
}

/** Township level is always held; keep the order national -> township. */
export function withTownship(levels: readonly Level[]): Level[] {
  const order: Level[] = ['national', 'provincial', 'city', 'county', 'township'];
  const set = new Set<Level>([...levels, 'township']);
  return order.filter((l) => set.has(l));
}

/**
 * Model -> DeputyInput. Assumes the form's rules passed (required selects are set).
 * ID number: on create, empty -> null; on edit, empty -> null (keep), "clear" -> "" (remove).
 */
export function toDeputyInput(m: DeputyFormModel, mode: 'create' | 'edit'): DeputyInput {
  const birth = parsePartialDate(m.birth_date);
  const idTyped = m.id_number.trim().toUpperCase();
  let id_number: string | null;
  if (idTyped) id_number = idTyped;
  else if (mode === 'edit' && m.clear_id_number) id_number = '';
  else id_number = null;
  return {
    term_id: m.term_id ?? null,
    name: m.name.trim(),
    sex: m.sex as Sex,
    ethnicity: m.ethnicity,
    birth_date: birth.ok ? birth.value : m.birth_date.trim() || null,
    political_status: m.political_status as PoliticalStatus,
    education: m.education ?? null,
    work_unit_post: m.work_unit_post.trim(),
    occupation: m.occupation as Occupation,
    constituency_id: m.constituency_id ?? null,
    group_id: m.group_id ?? null,
    levels: withTownship(m.levels),
    elected_on: m.elected_on ?? '',
    elected_how: m.elected_how,
    card_no: m.card_no.trim(),
    phone: m.phone.trim(),
    address: m.address.trim(),
    returned_overseas: m.returned_overseas,
    grassroots: m.grassroots,
    id_number,
    notes: m.notes.trim(),
  };
}

/** Chinese names of the deputy fields (the form's labels), e.g. for the import's column mapping. */
export const DEPUTY_FIELD_LABELS: Record<string, string> = {
  term_id: '届次', name: '姓名', sex: '性别', ethnicity: '民族', birth_date: '出生年月',
  political_status: '政治面貌', education: '学历', work_unit_post: '工作单位及职务', occupation: '职业类别',
  constituency_id: '选区', constituency: '选区', group_id: '代表小组', group: '代表小组', levels: '代表层级',
  elected_on: '当选日期', elected_how: '当选方式', card_no: '代表证号', phone: '联系电话', address: '通讯地址',
  returned_overseas: '归侨侨眷', grassroots: '基层代表', id_number: '身份证号码', notes: '备注',
};

export function fieldLabel(field: string | null): string {
  if (!field) return '';
  return DEPUTY_FIELD_LABELS[field] ?? field;
}
