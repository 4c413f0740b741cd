// The IPC contract between the Tauri commands and the UI.
// Field names are snake_case exactly as serde serialises the core's types; the Rust side
// (src-tauri/core/src/**) is the source of truth and must match this file.

export type Id = number;
/** "YYYY-MM-DD" */
export type IsoDate = string;
/** "YYYY-MM" or "YYYY-MM-DD": birth dates are often known only to the month. */
export type PartialDate = string;

/** Every command rejects with this shape (never a bare string). */
export interface AppError {
  /** machine code the UI branches on */
  code: 'validation' | 'not_found' | 'conflict' | 'invalid_transition' | 'import' | 'io' | 'database' | 'schema_too_new';
  /** the input field the message is about (snake_case field name of the input type), if any */
  field: string | null;
  /** Chinese message for the clerk */
  message: string;
}

export type Sex = 'male' | 'female';
export type Level = 'national' | 'provincial' | 'city' | 'county' | 'township';
export type PoliticalStatus =
  | 'cpc_member' | 'cpc_probationary' | 'cyl_member'
  | 'rcckmt' | 'cdl' | 'cndca' | 'capd' | 'cpwdp' | 'zhi_gong' | 'jiusan' | 'tdsl'
  | 'non_party' | 'masses';
export type Education =
  | 'postgraduate' | 'bachelor' | 'college' | 'secondary_vocational' | 'high_school' | 'junior_high' | 'primary';
export type Occupation = 'worker' | 'farmer' | 'professional' | 'cadre' | 'business' | 'military' | 'other';
export type ElectedHow = 'general_election' | 'by_election';
export type PresidiumPostKind = 'chair' | 'vice_chair' | 'member';
/** derived from events on a date */
export type DeputyStatus = 'in_office' | 'suspended' | 'ended' | 'not_yet';
export type EventKind = 'by_election' | 'resignation' | 'recall' | 'termination' | 'suspension' | 'resumption';
export type TerminationGround =
  | 'moved_away' | 'absent_twice' | 'lost_nationality' | 'deprived_of_rights' | 'incapacity' | 'deceased';
export type RosterOrder = 'stroke' | 'group' | 'pinyin';

/** A closed set's value with its Chinese label, for <el-select> options. */
export interface Choice { value: string; label: string }
/** Every option list the forms need, from the core (labels are the office's wording). */
export interface Vocabulary {
  sexes: Choice[];
  ethnicities: Choice[];          // value "01".."56" (GB/T 3304), label "汉族"
  political_statuses: Choice[];
  educations: Choice[];
  occupations: Choice[];
  levels: Choice[];
  elected_hows: Choice[];
  presidium_posts: Choice[];
  statuses: Choice[];
  event_kinds: Choice[];
  termination_grounds: Choice[];
  orders: Choice[];
}

export interface AppInfo {
  app_version: string;
  db_path: string;
  backup_dir: string;
  schema_version: number;
  township: string;
  operator: string;
}
export interface Settings { township: string; operator: string }

export interface Term {
  id: Id; number: number; label: string;           // label: "第二十届"
  start_date: IsoDate; end_date: IsoDate | null; is_current: boolean;
}
export interface TermInput { number: number; start_date: IsoDate; end_date: IsoDate | null }

export interface Constituency { id: Id; number: number; name: string; area: string; deputy_count: number }
export interface ConstituencyInput { number: number; name: string; area: string }

export interface LiaisonStation { id: Id; name: string; address: string; convener: string; schedule: string }
export interface LiaisonStationInput { name: string; address: string; convener: string; schedule: string }

export interface DeputyGroup {
  id: Id; name: string;
  station_id: Id | null; station_name: string | null;
  leader_id: Id | null; leader_name: string | null;
  deputy_leader_id: Id | null; deputy_leader_name: string | null;
  liaison_id: Id | null; liaison_name: string | null;
  /** deputies of the group in office today */
  member_count: number;
}
export interface DeputyGroupInput {
  name: string; station_id: Id | null;
  leader_id: Id | null; deputy_leader_id: Id | null; liaison_id: Id | null;
}

export interface Deputy {
  id: Id;
  term_id: Id; term_label: string;
  name: string; pinyin: string; initials: string;   // "zhang san", "zs"
  sex: Sex; ethnicity: string; ethnicity_label: string;
  birth_date: PartialDate | null;
  political_status: PoliticalStatus; education: Education | null;
  work_unit_post: string; occupation: Occupation;
  constituency_id: Id | null; constituency_name: string | null;
  group_id: Id | null; group_name: string | null;
  levels: Level[];
  elected_on: IsoDate; elected_how: ElectedHow;
  card_no: string; phone: string; address: string;
  returned_overseas: boolean; grassroots: boolean;
  /** "110***********1234"; the plain number only comes from deputy_reveal_id */
  id_number_masked: string | null;
  notes: string;
  /** status today (or on the list query's `on` date) */
  status: DeputyStatus;
  presidium_post: PresidiumPostKind | null;
  voided: boolean; void_reason: string | null;
}

/** Create and update. On update, id_number null = keep the stored one, "" = remove it. */
export interface DeputyInput {
  term_id: Id | null;  // null = current term
  name: string; sex: Sex; ethnicity: string; birth_date: PartialDate | null;
  political_status: PoliticalStatus; education: Education | null;
  work_unit_post: string; occupation: Occupation;
  constituency_id: Id | null; group_id: Id | null; levels: Level[];
  elected_on: IsoDate; elected_how: ElectedHow;
  card_no: string; phone: string; address: string;
  returned_overseas: boolean; grassroots: boolean;
  id_number: string | null; notes: string;
}

export interface DeputyQuery {
  search?: string;            // name, pinyin, initials ("zs"), card number, work unit
  term_id?: Id | null;        // default: current term
  group_id?: Id | null;
  constituency_id?: Id | null;
  status?: DeputyStatus | null;
  level?: Level | null;
  include_voided?: boolean;
  on?: IsoDate | null;        // status date, default today
  order?: RosterOrder;        // default "stroke"
  page?: number;              // 1-based, default 1
  page_size?: number;         // default 20, max 500
}
export interface Page<T> { items: T[]; total: number; page: number; page_size: number }

export interface DeputyEvent {
  id: Id; deputy_id: Id; kind: EventKind; date: IsoDate;
  reason: string; notice_no: string;
  ground: TerminationGround | null;
  votes_for: number | null; votes_total: number | null;   // by-election
  voided: boolean; void_reason: string | null;
}
export interface DeputyEventInput {
  deputy_id: Id; kind: EventKind; date: IsoDate; reason: string; notice_no: string;
  ground: TerminationGround | null; votes_for: number | null; votes_total: number | null;
}

export interface PresidiumPost {
  id: Id; deputy_id: Id; deputy_name: string; post: PresidiumPostKind;
  start_date: IsoDate; end_date: IsoDate | null;
}
export interface PresidiumPostInput { deputy_id: Id; post: PresidiumPostKind; start_date: IsoDate }

export interface HistoryEntry {
  id: Id;
  entity: string;        // "deputy", "deputy_event", "deputy_group", ...
  entity_id: Id;
  /** what the entry is about, by name: the deputy's or group's name, 第二十届, 办公室设置 */
  entity_label: string;
  action: 'create' | 'update' | 'void' | 'reveal' | 'import' | 'end';
  actor: string;
  at: string;            // "2026-11-23 14:05:09" local time
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** field-by-field differences, already labelled in Chinese */
  changes: { field: string; label: string; before: string; after: string }[];
  note: string;
}

export interface DeputyDetail {
  deputy: Deputy;
  events: DeputyEvent[];
  posts: PresidiumPost[];
  history: HistoryEntry[];
}

export interface Ratio { numerator: number; denominator: number; percent: number | null }
export interface Bucket { key: string; label: string; count: number; share: Ratio }
export interface RosterStats {
  on: IsoDate; term_id: Id; term_label: string;
  total: number;
  by_sex: Bucket[]; by_ethnicity: Bucket[]; by_age_band: Bucket[]; by_education: Bucket[];
  by_political_status: Bucket[]; by_occupation: Bucket[]; by_level: Bucket[]; by_group: Bucket[];
  women: Ratio; minorities: Ratio; grassroots: Ratio; cpc: Ratio;
}

export interface ImportProblem { row: number; column: string | null; message: string }
export interface ImportRowPreview {
  row: number;                 // spreadsheet row number as Excel shows it
  name: string; sex: string; birth_date: string; constituency: string; group: string;
  ok: boolean;
}
export interface ImportPreview {
  file: string;
  header_row: number;
  columns: { column: string; header: string; field: string | null }[];   // which header became which field
  rows: ImportRowPreview[];
  problems: ImportProblem[];
  valid_rows: number; invalid_rows: number;
  will_create: { constituencies: string[]; groups: string[] };
  term_id: Id; term_label: string;
}
export interface ImportResult { imported: number; skipped_rows: number[]; created_constituencies: number; created_groups: number }
export interface ExportResult { path: string; count: number }
export interface BackupInfo { path: string; size: number; created_at: string }

// PROPOSED: label lists for 操作记录 that the vocabulary does not carry yet. The UI uses them when
// `vocabulary` sends them and falls back to its own labels (src/lib/labels.ts) until then.
export interface VocabularyProposed {
  /** HistoryEntry.action values: create 新增, update 修改, void 作废, reveal 查看身份证号码, import 导入, end 结束 */
  history_actions?: Choice[];
  /** HistoryEntry.entity values: deputy 代表, deputy_event 代表变动, deputy_group 代表小组, ... (also the history filter) */
  entities?: Choice[];
}
// PROPOSED: what a history entry is about, readable by the clerk (e.g. the deputy's name "张三",
// the group's name). Until the core sends it, 操作记录 shows "代表 #12".
export interface HistoryEntryProposed {
  entity_label?: string;
}
