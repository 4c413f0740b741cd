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
  code: 'validation' | 'not_found' | 'conflict' | 'invalid_transition' | 'import' | 'print' | 'io' | 'database' | 'schema_too_new';
  /** the input field the message is about (snake_case field name of the input type), if any */
  field: string | null;
  /** Chinese message for the clerk */
  message: string;
  /**
   * The entry the refusal is about when it is not the one being written: the earlier registration a
   * duplicate clashes with, the row of a batch that was refused. Absent otherwise.
   */
  entry?: Id | null;
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
export interface Vocabulary extends CaseworkVocabulary, DocumentVocabulary, DeedVocabulary, MeetingVocabulary, HistoryVocabulary {
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
/** county_mode: this copy of the app is the county's (imports townships' packages; shows 县人大汇总). */
export interface Settings { township: string; operator: string; county_mode: boolean }

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

/** The 操作记录 label lists (in `vocabulary`). */
export interface HistoryVocabulary {
  /** HistoryEntry.action values: create 新增, update 修改, void 作废, reveal 查看身份信息, import 导入, end 结束 */
  history_actions?: Choice[];
  /** HistoryEntry.entity values: deputy 代表, suggestion 代表建议, petition 来信来访, document 文件登记, ... (also the history filter) */
  entities?: Choice[];
}

// ============================================================================================
// Casework: handling units, rule profiles, deadlines, the suggestions book and the petitions book.
// Source of truth: src-tauri/core/src/{units,rules,deadline,suggestions,petitions,followup}.rs
// ============================================================================================

/** 承办单位: the government offices suggestions and petitions are assigned to. */
export interface HandlingUnit { id: Id; name: string; contact: string; phone: string; active: boolean }
export interface HandlingUnitInput { name: string; contact: string; phone: string; active: boolean }
export interface UnitRef { id: Id; name: string }
export interface DeputyRef { id: Id; name: string }

export type PeriodUnit = 'calendar_days' | 'working_days' | 'months';
export interface Period { unit: PeriodUnit; count: number }
/** A period with its legal basis, e.g. {unit:'months', count:3, basis:'《代表法》第五十一条'} */
export interface Rule { unit: PeriodUnit; count: number; basis: string }
export interface ReplyCategory { code: string; label: string }
export interface RuleProfile {
  id: string;             // "national" | "shanghai" | "zhejiang"
  version: number;
  name: string;           // "全国通用（默认）", "上海市", "浙江省"
  description: string;
  sources: string[];
  suggestion: {
    assign: Rule | null;            // 交办期限 (from registration); null = no provincial limit
    return_within: Rule | null;     // 承办单位退回期限 (from assignment)
    reply: Rule;                    // 答复期限 (from assignment)
    reply_max: Rule;                // 延期后最长答复期限 (from assignment)
    rehandle: Rule | null;          // 不满意后重新办理期限 (from the re-handling start); null = reply rule
    motion_min_cosigners: number;
    reply_categories: ReplyCategory[];
  };
  petition: {
    accept_notice: Rule;      // 告知是否受理 (from receipt)
    handle: Rule;             // 办理期限 (from acceptance)
    extension_max: Rule;      // 延期上限 (added to the handling due date)
    review_request: Rule;     // 信访人申请复查期限 (from the written reply)
    review_reply: Rule;       // 复查答复期限 (from the request)
    re_review_request: Rule;
    re_review_reply: Rule;
  };
}
export interface RuleProfileSummary { id: string; version: number; name: string; description: string; current: boolean }

/** A due date and how it was reached (calendar::Due). */
export interface Due {
  date: IsoDate; start: IsoDate; period: Period; nominal: IsoDate;
  /** years the count crossed that the holiday calendar does not know */
  beyond_calendar: number[];
  /** Chinese, step by step: rule, start, unit, move off a holiday */
  explanation: string;
}
export type DueStage =
  | 'assign' | 'reassign' | 'reply' | 'rehandle'                          // suggestions
  | 'accept_notice' | 'handle' | 'review_reply' | 're_review_reply';     // petitions
/** The deadline a case is under now. */
export interface Deadline {
  stage: DueStage; stage_label: string;   // "交办", "答复", "告知是否受理", "办理" ...
  basis: string;                          // legal basis of the rule
  due: Due;
  /** working from `today` of the request: negative = days overdue */
  days_left: number;
  overdue: boolean;
  extended: boolean;
}

// ---------------- suggestions book (代表议案和批评、建议、意见记录簿) ----------------
export type SuggestionKind = 'motion' | 'suggestion' | 'criticism' | 'opinion';
export type SuggestionCategory =
  | 'economy' | 'agriculture' | 'transport' | 'urban_construction' | 'education' | 'health'
  | 'environment' | 'social_security' | 'culture' | 'public_safety' | 'governance' | 'other';
export type SuggestionState =
  | 'registered' | 'not_accepted' | 'assigned' | 'returned' | 'replied' | 'evaluated' | 'rehandling' | 'closed';
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type MeetingStage = 'before' | 'during' | 'after';

export interface SuggestionInput {
  term_id: Id | null;          // null = current term
  session_no: number;          // 第几次会议 (between sessions: the last session held before)
  during_session: boolean;     // 会议期间 / 闭会期间
  kind: SuggestionKind;
  lead_deputy_id: Id | null;   // null only when by_presidium
  by_presidium: boolean;       // 主席团提出 (motions only)
  co_signer_ids: Id[];
  subject: string;             // 案由
  content: string;
  category: SuggestionCategory;
  received_on: IsoDate;
  key_supervision: boolean;    // 重点督办
  published: boolean;
  notes: string;
}

export interface Suggestion {
  id: Id;
  number: string;              // "20-3-005" (during session) / "20-3-B002" (between sessions)
  number_label: string;        // "第二十届第三次会议 建议第5号" / "第二十届第三次会议闭会期间 建议第2号"
  term_id: Id; session_no: number; during_session: boolean;
  kind: SuggestionKind;
  lead_deputy: DeputyRef | null; by_presidium: boolean; co_signers: DeputyRef[];
  subject: string; content: string; category: SuggestionCategory;
  received_on: IsoDate; key_supervision: boolean; published: boolean; notes: string;
  profile: string;             // rule profile the case runs under, "zhejiang@1"
  state: SuggestionState; state_label: string;
  lead_unit: UnitRef | null; co_units: UnitRef[];
  assigned_on: IsoDate | null;
  replied_on: IsoDate | null;  // latest reply
  reply_category: string | null; reply_category_label: string | null;
  /** 1 + number of re-handling rounds */
  round: number;
  first_result: Satisfaction | null;   // first evaluation (result)
  final_result: Satisfaction | null;   // latest evaluation (result)
  promised_on: IsoDate | null;         // 承诺办结时间 from a reply
  promise_done_on: IsoDate | null;
  deadline: Deadline | null;           // the one running now, if any
  voided: boolean; void_reason: string | null;
}

/** One step of the state machine; `action` picks the variant. */
export type SuggestionStepInput =
  | { action: 'decline'; date: IsoDate; reason: string }                              // 不予立案
  | { action: 'assign'; date: IsoDate; lead_unit_id: Id; co_unit_ids: Id[] }          // 交办 / 重新交办
  | { action: 'return'; date: IsoDate; reason: string }                               // 承办单位退回
  | { action: 'extend'; date: IsoDate; months: number; reason: string }               // 延期: total months from assignment
  | { action: 'reply'; date: IsoDate; signer: string; reply_category: string; text: string; attachment: string; promised_on: IsoDate | null }
  | { action: 'evaluate'; date: IsoDate; attitude: Satisfaction; result: Satisfaction; comment: string }
  | { action: 'rehandle'; date: IsoDate; reason: string }                             // 不满意后重新办理
  | { action: 'close'; date: IsoDate; note: string }                                  // 办结
  | { action: 'meeting'; date: IsoDate; stage: MeetingStage; note: string }           // 与代表沟通
  | { action: 'fulfil'; date: IsoDate; note: string };                                // 承诺事项完成
export type SuggestionAction = SuggestionStepInput['action'];

export interface SuggestionStep {
  id: Id; suggestion_id: Id;
  action: SuggestionAction; action_label: string;
  date: IsoDate;
  /** the step's own fields as entered (reason, units, signer, attitude/result...) */
  detail: Record<string, unknown>;
  /** one Chinese line: "交办 镇农业农村办（主办）、镇财政所（协办）" */
  summary: string;
  actor: string; at: string;
  voided: boolean; void_reason: string | null;
  /** only the latest live step can be voided */
  voidable: boolean;
}

export interface SuggestionDetail {
  suggestion: Suggestion;
  steps: SuggestionStep[];
  /** actions the current state allows, in the order the UI should offer them */
  allowed: SuggestionAction[];
  history: HistoryEntry[];
}

export interface SuggestionQuery {
  search?: string;            // number, subject, content, deputy name/pinyin initials, unit
  term_id?: Id | null;        // default: all terms
  session_no?: number | null;
  kind?: SuggestionKind | null;
  category?: SuggestionCategory | null;
  state?: SuggestionState | null;
  unit_id?: Id | null;        // lead or co-handling
  deputy_id?: Id | null;      // lead or co-signer
  key_supervision?: boolean | null;
  open?: boolean | null;      // true: not closed / not accepted
  overdue?: boolean | null;   // deadline passed today
  from?: IsoDate | null;      // received_on range
  to?: IsoDate | null;
  ids?: Id[] | null;          // click-through from a statistic
  include_voided?: boolean;
  page?: number; page_size?: number;
}

/** One row of the session-week batch assignment (workflow 1). */
export interface AssignmentInput { suggestion_id: Id; lead_unit_id: Id; co_unit_ids: Id[] }

// ---------------- petitions book (人民来信来访记录簿) ----------------
export type PetitionChannel = 'letter' | 'visit' | 'phone' | 'online' | 'county_referral' | 'deputy_referral';
export type PetitionCategory =
  | 'land' | 'construction' | 'environment' | 'social_security' | 'labor' | 'rural_affairs'
  | 'urban_management' | 'public_services' | 'law_and_order' | 'cadre_conduct' | 'other';
export type PetitionState =
  | 'registered' | 'declined' | 'accepted' | 'assigned' | 'replied'
  | 'review_requested' | 'reviewed' | 're_review_requested' | 're_reviewed' | 'archived';
export type ReplyManner = 'written' | 'oral' | 'phone' | 'online';

export interface PetitionInput {
  channel: PetitionChannel;
  received_at: string;        // "YYYY-MM-DD HH:MM"
  anonymous: boolean;
  /** Identity: "" = none. On update, null keeps the stored value, so a correction of the request or
   *  the category never needs the sealed identity unsealed. */
  petitioner_name: string | null;    // "" when anonymous
  sex: Sex | null; age: number | null;
  address: string | null; phone: string | null; id_number: string | null;
  people_count: number;       // >= 1; 5+ is a group visit
  request: string;            // 诉求
  facts: string;              // 事实与地点
  category: PetitionCategory;
  receiver: string;           // 接待人
  via_deputy_id: Id | null;   // passed on by a deputy
  proposed_handling: string;  // 拟办意见
  instruction: string;        // 领导批示
  confidential: boolean;      // 检举控告: identity strictly sealed
  /** earlier petitions of the same person or matter to link on registration */
  link_ids: Id[];
}

/** The petition as lists and the detail page show it: identity masked. */
export interface Petition {
  id: Id;
  number: string;             // "信访〔2026〕第17号"
  year: number; seq: number;
  channel: PetitionChannel;
  received_at: string;
  anonymous: boolean;
  petitioner: string;         // masked: "张**"; "匿名" when anonymous
  sex: Sex | null; age: number | null;
  phone_masked: string; address_masked: string; id_number_masked: string | null;
  people_count: number; group_visit: boolean;
  request: string; facts: string; category: PetitionCategory;
  receiver: string; via_deputy: DeputyRef | null;
  proposed_handling: string; instruction: string;
  confidential: boolean;
  archive_volume: string;
  profile: string;
  state: PetitionState; state_label: string;
  unit: UnitRef | null;
  accepted_on: IsoDate | null;
  replied_on: IsoDate | null;
  resolved: boolean | null;           // from the reply
  evaluation: Satisfaction | null;    // from the return visit
  deadline: Deadline | null;
  linked: PetitionLink[];
  voided: boolean; void_reason: string | null;
}
export interface PetitionLink { id: Id; number: string; received_at: string; request: string; note: string }
/** Only from petition_reveal (which writes a history row). */
export interface PetitionIdentity { petitioner_name: string; phone: string; address: string; id_number: string }

export type PetitionStepInput =
  | { action: 'accept'; date: IsoDate; note: string }                        // 告知受理
  | { action: 'decline'; date: IsoDate; reason: string }                     // 不予受理（告知）
  | { action: 'assign'; date: IsoDate; unit_id: Id; note: string }           // 交办
  | { action: 'extend'; date: IsoDate; days: number; approver: string; reason: string; told_on: IsoDate }
  | { action: 'reply'; date: IsoDate; manner: ReplyManner; result: string; resolved: boolean }
  | { action: 'review_request'; date: IsoDate; note: string }                // 申请复查
  | { action: 'review_reply'; date: IsoDate; result: string }                // 复查意见
  | { action: 're_review_request'; date: IsoDate; note: string }             // 申请复核
  | { action: 're_review_reply'; date: IsoDate; result: string }             // 复核意见
  | { action: 'return_visit'; date: IsoDate; evaluation: Satisfaction; note: string }   // 回访
  | { action: 'archive'; date: IsoDate; volume: string };                    // 归档
export type PetitionAction = PetitionStepInput['action'];

export interface PetitionStep {
  id: Id; petition_id: Id;
  action: PetitionAction; action_label: string;
  date: IsoDate; detail: Record<string, unknown>; summary: string;
  actor: string; at: string;
  voided: boolean; void_reason: string | null;
  /** only the latest live step can be voided */
  voidable: boolean;
}
export interface PetitionDetail {
  petition: Petition;
  steps: PetitionStep[];
  allowed: PetitionAction[];
  history: HistoryEntry[];
}
export interface PetitionQuery {
  search?: string;            // number, request, facts, unit (never the sealed identity)
  year?: number | null;
  channel?: PetitionChannel | null;
  category?: PetitionCategory | null;
  state?: PetitionState | null;
  unit_id?: Id | null;
  group_visit?: boolean | null;
  open?: boolean | null;      // not replied/declined/archived
  overdue?: boolean | null;
  from?: IsoDate | null; to?: IsoDate | null;    // received date range
  ids?: Id[] | null;
  include_voided?: boolean;
  page?: number; page_size?: number;
}
/** What the clerk has typed so far, to find earlier petitions (repeat detection). */
export interface PetitionProbe {
  petitioner_name: string; phone: string; id_number: string; request: string;
  exclude_id: Id | null;
}
export interface SimilarPetition {
  petition: Petition;
  same_person: boolean;
  same_matter: boolean;
  /** 0..1 text similarity of the request */
  similarity: number;
  /** "同一人（姓名和电话相同）；诉求相近（相似度 62%）" */
  reason: string;
}

// ---------------- follow-up (督办) ----------------
export type Book = 'suggestions' | 'petitions';
export interface DueItem {
  book: Book; id: Id; number: string;
  title: string;              // suggestion subject / petition request (never the petitioner)
  stage: DueStage | 'evaluation' | 'promise'; stage_label: string;
  due_date: IsoDate | null; days_left: number | null; overdue: boolean;
  unit: UnitRef | null;
  key_supervision: boolean;
  explanation: string;
}
export interface UnitLoad { unit: UnitRef; open: number; late: number; suggestions_open: number; petitions_open: number }
export interface Dashboard {
  today: IsoDate;
  overdue: DueItem[];
  due_soon: DueItem[];               // due within `within` days, not overdue
  awaiting_evaluation: DueItem[];    // replied suggestions the deputy has not evaluated
  promises: DueItem[];               // open promised completions (carried across years)
  per_unit: UnitLoad[];              // units with open cases, most late first
  within: number;
  counts: { suggestions_open: number; petitions_open: number; overdue: number; due_soon: number };
}

// ---------------- statistics with click-through ----------------
/** Ratio plus the ids counted, so a click shows exactly the entries behind a figure. */
export interface CountedRatio {
  numerator: number; denominator: number; percent: number | null;
  numerator_ids: Id[]; denominator_ids: Id[];
}
export interface Counted { count: number; ids: Id[] }
export interface CountedBucket { key: string; label: string; count: number; ids: Id[]; share: Ratio }
export interface UnitRates {
  unit: UnitRef;
  assigned: Counted; replied: Counted; closed: Counted; overdue: Counted;
  reply_rate: CountedRatio;
}
export interface SuggestionStats {
  from: IsoDate; to: IsoDate;
  received: Counted; by_kind: CountedBucket[];
  not_accepted: Counted; assigned: Counted; replied: Counted; closed: Counted; evaluated: Counted;
  reply_rate: CountedRatio;                  // replied / assigned
  close_rate: CountedRatio;                  // closed / assigned
  satisfaction_rate: CountedRatio;           // (满意+基本满意) / evaluated, final round
  strict_satisfaction_rate: CountedRatio;    // 满意 / evaluated, final round
  first_round_satisfaction: CountedRatio;    // (满意+基本满意) in the first evaluation
  final_satisfaction: CountedRatio;          // same as satisfaction_rate, named for the report
  by_category: CountedBucket[];
  by_unit: UnitRates[];
  carried_over: Counted;                     // received before `from`, still open or promise open at `from`
  key_supervision: Counted;
}
export interface PetitionStats {
  from: IsoDate; to: IsoDate;
  received: Counted; people: number;
  by_channel: CountedBucket[]; by_category: CountedBucket[];
  group_visits: Counted; repeats: Counted; anonymous: Counted;
  accepted: Counted; declined: Counted; replied: Counted; resolved: Counted;
  close_rate: CountedRatio;          // replied / accepted  (办结率)
  resolve_rate: CountedRatio;        // resolved / replied
  on_time_rate: CountedRatio;        // replied by the handling due / replied
  satisfaction_rate: CountedRatio;   // 满意+基本满意 / return visits
  overdue_open: Counted;
}
export interface StatsQuery { from?: IsoDate | null; to?: IsoDate | null; term_id?: Id | null; unit_id?: Id | null; category?: string | null; kind?: string | null }

/** What switching the office's rule profile would change for open cases. */
export interface DueChange {
  book: Book; id: Id; number: string; title: string;
  stage: DueStage; stage_label: string;
  before: IsoDate | null; after: IsoDate | null;
}
export interface ProfileSwitchPreview { from: string; to: string; changes: DueChange[] }

/** The casework option lists (added to `vocabulary`). */
export interface CaseworkVocabulary {
  suggestion_kinds: Choice[]; suggestion_categories: Choice[]; suggestion_states: Choice[];
  satisfactions: Choice[]; meeting_stages: Choice[];
  petition_channels: Choice[]; petition_categories: Choice[]; petition_states: Choice[];
  reply_manners: Choice[];
  /** reply categories of the office's current rule profile */
  reply_categories: Choice[];
}

// ============================================================================================
// Document register (各级文件登记簿). Source of truth: src-tauri/core/src/documents.rs
// ============================================================================================
export type DocumentDirection = 'received' | 'sent';
/** 发文机关层级 */
export type IssuerLevel = 'central' | 'provincial' | 'city' | 'county' | 'township';
/** 密级 */
export type Classification = 'public' | 'internal' | 'secret';
/** 紧急程度: 平件 / 急件 / 特急 */
export type Urgency = 'normal' | 'urgent' | 'very_urgent';

export interface DocumentInput {
  direction: DocumentDirection;
  date: IsoDate;                 // received on / sent on
  issuer: string;                // 发文机关 (received); sent: may be "" (= the township congress)
  issuer_level: IssuerLevel | null;
  /** 文号 as typed: "县人大常〔2024〕12号", also with [ ] ( ) （ ） 【 】; "" when the document has none */
  doc_number: string;
  title: string;
  classification: Classification;
  urgency: Urgency;
  copies: number;
  attachments: string;           // 附件 (names / count)
  instruction: string;           // 领导批示 (received)
  handler: string;               // 承办人
  signed_by: string;             // 签收人
  sent_to: string;               // 主送、抄送 (sent)
  reply_doc_number: string;      // 复文文号 (received), same forms as doc_number
  notes: string;
}
export interface DocumentRead {
  id: Id; document_id: Id; reader: string; read_on: IsoDate; note: string; actor: string; at: string;
  /** a reading recorded by mistake is voided (document_read_void), never removed */
  voided: boolean; void_reason: string | null;
}
export interface Document {
  id: Id;
  direction: DocumentDirection;
  number: string;                // register number "收文〔2026〕第12号" / "发文〔2026〕第3号"
  year: number; seq: number;
  date: IsoDate;
  issuer: string; issuer_level: IssuerLevel | null;
  doc_number: string;            // normalised "县人大常〔2024〕12号" ("" if none)
  title: string;
  classification: Classification; urgency: Urgency;
  copies: number; attachments: string; instruction: string; handler: string; signed_by: string;
  sent_to: string; reply_doc_number: string; notes: string;
  archived_on: IsoDate | null; volume: string;
  reads: number;                 // how many circulation entries
  voided: boolean; void_reason: string | null;
}
export interface DocumentDetail { document: Document; reads: DocumentRead[]; history: HistoryEntry[] }
export interface DocumentQuery {
  direction?: DocumentDirection | null;
  search?: string;               // title, issuer, 文号 in any bracket form ("县人大常[2024]12" finds 〔2024〕12号)
  year?: number | null;
  classification?: Classification | null;
  urgency?: Urgency | null;
  archived?: boolean | null;
  from?: IsoDate | null; to?: IsoDate | null;
  include_voided?: boolean;
  page?: number; page_size?: number;
}
export interface DocumentReadInput { reader: string; read_on: IsoDate; note: string }
export interface ArchiveInput { archived_on: IsoDate; volume: string }
/** The document-register option lists (added to `vocabulary`). */
export interface DocumentVocabulary {
  document_directions: Choice[]; issuer_levels: Choice[]; classifications: Choice[]; urgencies: Choice[];
}

// PROPOSED: document register additions. The UI works without them and uses them once the core sends them.
/**
 * The year-end report counts documents received and sent ("any period, each figure traceable to its entries").
 * Proposed: `document_stats(query: StatsQuery) -> DocumentStats`, and `ids` in DocumentQuery so a figure opens
 * exactly its entries, as the casework lists do with ?ids=.
 */
export interface DocumentStatsProposed {
  from: IsoDate; to: IsoDate;
  received: Counted; sent: Counted;
  by_issuer_level: CountedBucket[];
  not_archived: Counted;
  unread: Counted;                 // received, no circulation entry yet
}
export interface DocumentQueryProposed { ids?: Id[]; issuer_level?: IssuerLevel | null }

// ============================================================================================
// Exemplary deeds (代表先进事迹记录簿). Source of truth: src-tauri/core/src/deeds.rs
// ============================================================================================
export type DeedCategory =
  | 'duty_performance' | 'serving_voters' | 'economic_development' | 'public_welfare'
  | 'emergency' | 'social_governance' | 'other';

export interface DeedInput {
  deputy_ids: Id[];              // one or more deputies (any term, not voided)
  date: IsoDate;                 // when the deed happened / was recognised
  category: DeedCategory;
  title: string;                 // 事迹标题
  summary: string;               // 主要事迹
  evidence: string;              // 佐证材料 (description; files come with attachments)
  honour: string;                // 所获荣誉, "" if none
  honour_level: Level | null;    // 荣誉级别 (national … township), required with an honour
  honour_body: string;           // 授予单位
  honour_date: IsoDate | null;
  publicised: string;            // 宣传报道情况 (where it was publicised)
  suggestion_id: Id | null;      // turned from a suggestion whose result was good (closed, final 满意/基本满意)
  notes: string;
}
export interface Deed {
  id: Id;
  number: string;                // "事迹〔2026〕第3号"
  year: number; seq: number;
  deputies: DeputyRef[];
  date: IsoDate; category: DeedCategory;
  title: string; summary: string; evidence: string;
  honour: string; honour_level: Level | null; honour_body: string; honour_date: IsoDate | null;
  publicised: string;
  suggestion: { id: Id; number: string; subject: string } | null;
  notes: string;
  voided: boolean; void_reason: string | null;
}
export interface DeedDetail { deed: Deed; history: HistoryEntry[] }
export interface DeedQuery {
  search?: string;               // title, summary, honour, deputy name / pinyin initials
  year?: number | null;
  category?: DeedCategory | null;
  deputy_id?: Id | null;
  honoured?: boolean | null;     // only those with an honour
  include_voided?: boolean;
  page?: number; page_size?: number;
}
/** The deeds option lists (added to `vocabulary`): deed_categories. Honour levels use `levels`. */
export interface DeedVocabulary { deed_categories: Choice[] }

// ============================================================================================
// The deputy's duty record (履职档案). Source of truth: src-tauri/core/src/roster/record.rs
// ============================================================================================
export interface RecordSuggestion {
  id: Id; number: string; subject: string; kind: SuggestionKind; received_on: IsoDate;
  state: SuggestionState; state_label: string; final_result: Satisfaction | null;
}
export interface RecordDeed { id: Id; number: string; date: IsoDate; title: string; honour: string }
export interface RecordPetition { id: Id; number: string; received_at: string; request: string; state: PetitionState; state_label: string }
export interface RecordYear {
  year: number;
  suggestions_led: number; suggestions_cosigned: number; motions: number;
  satisfied: number;             // led or co-signed, final evaluation 满意 or 基本满意
  deeds: number; petitions_passed_on: number; events: number;
  meetings_expected: number; meetings_attended: number;
  activities_expected: number; activities_attended: number; activities_excused: number;
  voter_receptions: number;      // voter receptions attended
}
export interface DutyRecord {
  deputy: Deputy;
  from: IsoDate; to: IsoDate;
  suggestions_led: RecordSuggestion[];
  suggestions_cosigned: RecordSuggestion[];
  deeds: RecordDeed[];
  petitions_passed_on: RecordPetition[];   // petitions the deputy passed on (代表转交)
  events: DeputyEvent[];                    // status events in the period
  posts: PresidiumPost[];                   // presidium posts overlapping the period
  meetings: RecordMeeting[];               // presidium meetings held while the deputy sat on the presidium
  activities: RecordActivity[];            // the deputy's group's activities while in office, with attendance
  by_year: RecordYear[];                    // every year of the period, oldest first
  /** duties no book in the app records (attendance at sessions of the congress), named so the page says so */
  not_yet_recorded: string[];
}
export interface RecordMeeting { id: Id; number: string; date: IsoDate; present: boolean; absence_reason: string }
export interface RecordActivity { id: Id; number: string; date: IsoDate; kind: ActivityKind; theme: string; attendance: Attendance }

// ============================================================================================
// Presidium meetings (主席团会议记录簿). Source of truth: src-tauri/core/src/meetings.rs
// ============================================================================================
export interface AbsenceInput { deputy_id: Id; reason: string }
export interface AgendaItemInput {
  title: string; discussion: string; decision: string;
  /** all three or none (no vote taken); their sum may not exceed the members present */
  votes_for: number | null; votes_against: number | null; votes_abstain: number | null;
}
export interface MeetingInput {
  date: IsoDate;
  start_time: string;            // "09:30" or ""
  place: string;
  presider_id: Id | null;        // a member present that day
  recorder: string;
  attendees: string;             // 列席 (non-voting), free text
  absent: AbsenceInput[];        // members absent, each with a reason; every other member was present
  agenda: AgendaItemInput[];     // at least one
  notes: string;
}
export interface MeetingMember { deputy_id: Id; name: string; post: PresidiumPostKind; present: boolean; absence_reason: string }
export interface AgendaItem {
  seq: number; title: string; discussion: string; decision: string;
  votes_for: number | null; votes_against: number | null; votes_abstain: number | null;
  passed: boolean | null;        // by the decision rule over ALL members; null = no vote
}
export interface PresidiumRules {
  quorum: 'half' | 'two_thirds'; quorum_basis: string;
  decision: 'half' | 'two_thirds'; decision_basis: string;
  quarterly: boolean; quarterly_basis: string;
}
export interface PresidiumMeeting {
  id: Id;
  number: string;                // "第二十届主席团第三次会议"
  term_id: Id; seq: number;
  date: IsoDate; start_time: string; place: string;
  presider: DeputyRef | null;
  recorder: string; attendees: string;
  members: MeetingMember[];      // as on the day (presidium posts then), present or absent
  expected: number; present: number;
  agenda: AgendaItem[];
  /** the checks shown (quorum, a decision short of a majority of all members), in Chinese; empty = fine */
  checks: string[];
  notes: string;
  voided: boolean; void_reason: string | null;
}
export interface MeetingDetail { meeting: PresidiumMeeting; history: HistoryEntry[] }
export interface MeetingQuery {
  search?: string;               // number, place, notes, agenda titles / decisions
  term_id?: Id | null; year?: number | null;
  include_voided?: boolean;
  page?: number; page_size?: number;
}
/** The form's start for a date: the number it will get, the members expected, the chair presiding. */
export interface MeetingDraft { number: string; members: MeetingMember[]; presider_id: Id | null; rules: PresidiumRules }
/** An ended quarter of the term without a meeting (shown as a warning on the list). */
export interface QuarterGap { year: number; quarter: number; label: string }

// ============================================================================================
// Group activities (代表小组活动记录簿). Source of truth: src-tauri/core/src/activities.rs
// ============================================================================================
export type ActivityKind =
  | 'study' | 'inspection' | 'survey' | 'law_enforcement_check' | 'voter_reception'
  | 'duty_report' | 'special_report' | 'station_duty' | 'other';
export type Attendance = 'present' | 'excused' | 'absent';
export interface OpinionInput { id: Id | null; source: string; content: string }   // id null = new; stored ones cannot be dropped
export interface ActivityInput {
  group_id: Id; kind: ActivityKind; date: IsoDate; place: string;
  notice_date: IsoDate | null; theme: string;
  excused: Id[]; absent: Id[];   // members; every other member of the group that day was present
  higher_deputies: string;       // higher-level deputies attending, free text
  record: string; results: string;
  reported_on: IsoDate | null;   // date reported to the presidium
  opinions: OpinionInput[];
  notes: string;
}
export interface ActivityMember { deputy_id: Id; name: string; attendance: Attendance }
export interface CaseLink { id: Id; number: string }
export interface Opinion {
  id: Id; seq: number; source: string; content: string;
  suggestion: CaseLink | null;   // became this suggestion
  petition: CaseLink | null;     // became this petition
}
export interface GroupActivity {
  id: Id;
  number: string;                // "活动〔2026〕第5号"
  year: number; seq: number;
  group_id: Id; group_name: string;
  kind: ActivityKind; date: IsoDate; place: string; notice_date: IsoDate | null; theme: string;
  members: ActivityMember[];
  expected: number; present: number; excused: number; absent: number;
  higher_deputies: string; record: string; results: string; reported_on: IsoDate | null;
  opinions: Opinion[];
  checks: string[];              // short notice, fewer than half present; empty = fine
  notes: string;
  voided: boolean; void_reason: string | null;
}
export interface ActivityDetail { activity: GroupActivity; history: HistoryEntry[] }
export interface ActivityQuery {
  search?: string;               // theme, number, place, record, results, opinions
  year?: number | null; group_id?: Id | null; kind?: ActivityKind | null; deputy_id?: Id | null;
  include_voided?: boolean;
  page?: number; page_size?: number;
}
/** Where a suggestion or petition came from (shown on its page, linking to the activity). */
export interface OpinionSource {
  activity_id: Id; activity_number: string; theme: string; kind: ActivityKind; date: IsoDate;
  opinion_seq: number; content: string;
}
export interface MeetingVocabulary { activity_kinds: Choice[]; attendances: Choice[] }

// ============================================================================================
// Attachments. Source of truth: src-tauri/core/src/attachments.rs
// ============================================================================================
/** Entries that take attachments. */
export type AttachmentEntity = 'presidium_meeting' | 'group_activity' | 'deed' | 'document' | 'suggestion' | 'petition';
export interface Attachment {
  id: Id; entity: AttachmentEntity; entity_id: Id;
  sha256: string; name: string; size: number; media_type: string;
  added_at: string; added_by: string;
  voided: boolean; void_reason: string | null;
}

// ---- printing (打印) ----
/** The seven books of 六簿一册, by the names the CLI takes. */
export type BookKind = 'roster' | 'meetings' | 'deeds' | 'petitions' | 'documents' | 'suggestions' | 'activities';
/** Single-entry forms: assignment/feedback from a suggestion, acceptance/extension from a petition. */
export type FormKind = 'assignment' | 'feedback' | 'acceptance' | 'extension';
export type PrintPeriod =
  | { by: 'year'; year: number }
  | { by: 'term'; number: number }
  | { by: 'range'; from: IsoDate; to: IsoDate };
export type PrintTarget =
  | { kind: 'book'; book: BookKind; period: PrintPeriod }
  | { kind: 'form'; form: FormKind; id: Id };
export interface PrintRequest {
  target: PrintTarget;
  /** Print petitioners' identities in clear; required non-empty when set (recorded in history). */
  reveal_reason: string | null;
  /** 卷号 on the cover. */
  volume: number;
  /** PDF/A-2b for the archive. */
  archival: boolean;
}
/** One typeset page; `svg` is a complete <svg> document (glyphs as paths). */
export interface PreviewPage {
  page: number; pages: number; svg: string;
  width_mm: number; height_mm: number;
}
/** A saved or printed PDF, as the log lists it. `path` is '' when sent to the printer. */
export interface Printout {
  id: Id; at: string; actor: string; what: string;
  target: PrintTarget; reveal_reason: string | null; archival: boolean;
  pages: number; sha256: string; path: string;
}

// ---- export to the county (导出到U盘) and county mode ----
/** A disk the app can see; `removable` for USB sticks. Sizes in bytes. */
export interface Drive {
  name: string; mount_point: string; removable: boolean;
  total_bytes: number; available_bytes: number;
}
/** full: every record of the period; changes: only records changed since the last export to the same folder. */
export type ExportScope = 'full' | 'changes';
export interface ExportOptions {
  from: IsoDate; to: IsoDate; include_identities: boolean; with_pdf: boolean; scope: ExportScope;
}
export interface PackageFile { path: string; sha256: string; bytes: number; records: number }
export interface PackageManifest {
  format: string; schema_version: number; app_version: string;
  township: string; township_id: string; exported_at: string; exported_by: string;
  period_from: IsoDate; period_to: IsoDate; pseudonymised: boolean;
  included: string[]; excluded: string[]; files: PackageFile[];
  /** since: for scope 'changes', the time of the export it follows (records changed after it). */
  scope: ExportScope; since: string | null;
}
export interface Exported { path: string; manifest: PackageManifest; manifest_sha256: string }
export interface ExportLogEntry {
  id: Id; at: string; actor: string; path: string; period_from: IsoDate; period_to: IsoDate;
  pseudonymised: boolean; files: number; manifest_sha256: string;
  /** destination: the folder chosen (the package is a folder inside it); since as in the manifest. */
  destination: string; scope: ExportScope; since: string | null;
}
export interface CountyImported { township: string; township_id: string; outcome: 'imported' | 'updated' | 'unchanged'; records: number }
export interface CountyFigures {
  township: string; township_id: string; period: string;
  deputies_in_office: number; suggestions_received: number; suggestions_replied: number;
  suggestions_closed: number; suggestions_evaluated: number; suggestions_satisfied: number;
  petitions_received: number; petitions_group_visits: number;
  petitions_by_category: Record<string, number>;
  activities: number; voter_receptions: number; meetings: number;
}
export interface CountyStats { townships: CountyFigures[]; total: CountyFigures }
