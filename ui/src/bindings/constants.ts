// Generated from taizhang-core by src-tauri/core/tests/contract.rs. Do not edit: change the core
// and run `TAIZHANG_WRITE_BINDINGS=1 cargo test -p taizhang-core --test contract`.

/** 建议类型: every code, in the core's order. */
export const SUGGESTION_KIND_CODES = ['motion', 'suggestion', 'criticism', 'opinion'] as const;
/** 建议类别: every code, in the core's order. */
export const SUGGESTION_CATEGORY_CODES = ['economy', 'agriculture', 'transport', 'urban_construction', 'education', 'health', 'environment', 'social_security', 'culture', 'public_safety', 'governance', 'other'] as const;
/** 办理状态: every code, in the core's order. */
export const SUGGESTION_STATE_CODES = ['registered', 'not_accepted', 'assigned', 'returned', 'replied', 'evaluated', 'rehandling', 'closed'] as const;
/** 信访方式: every code, in the core's order. */
export const PETITION_CHANNEL_CODES = ['letter', 'visit', 'phone', 'online', 'county_referral', 'deputy_referral'] as const;
/** 信访类别: every code, in the core's order. */
export const PETITION_CATEGORY_CODES = ['land', 'construction', 'environment', 'social_security', 'labor', 'rural_affairs', 'urban_management', 'public_services', 'law_and_order', 'cadre_conduct', 'other'] as const;
/** 信访状态: every code, in the core's order. */
export const PETITION_STATE_CODES = ['registered', 'declined', 'accepted', 'assigned', 'replied', 'review_requested', 'reviewed', 're_review_requested', 're_reviewed', 'archived'] as const;

/** Five or more people make a group visit (集体访). */
export const GROUP_VISIT_MIN = 5;
/** A list's page when none is asked for, and the largest it serves. */
export const PAGE_SIZE = 20;
export const PAGE_SIZE_MAX = 500;
/** The national profile's periods, for a step dialog opened before the case's own profile is known. */
export const NATIONAL_REPLY_MONTHS = 3;
export const NATIONAL_REPLY_MAX_MONTHS = 6;
export const NATIONAL_EXTENSION_MAX_DAYS = 30;

/** The most characters each text field takes (the core refuses more; forms show the count). */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  name: 30,
  work_unit_post: 300,
  card_no: 50,
  phone: 50,
  address: 300,
  id_number: 50,
  notes: 2000,
  void_reason: 2000,
  reveal_reason: 2000,
  reason: 2000,
  notice_no: 50,
  area: 300,
  address_text: 300,
  convener: 50,
  schedule: 2000,
  township: 50,
  operator: 50,
  backup_copy_dir: 300,
  subject: 300,
  content: 20000,
  signer: 50,
  reply_category: 50,
  text: 20000,
  attachment: 300,
  comment: 2000,
  note: 2000,
  petitioner_name: 50,
  co_visitors: 30,
  request: 2000,
  facts: 20000,
  receiver: 50,
  proposed_handling: 2000,
  instruction: 2000,
  approver: 50,
  result: 2000,
  issuer: 300,
  doc_number: 50,
  title: 300,
  attachments: 300,
  handler: 50,
  signed_by: 50,
  sent_to: 300,
  reply_doc_number: 50,
  volume: 50,
  reader: 50,
  contact: 50,
  summary: 20000,
  evidence: 2000,
  honour: 300,
  honour_body: 300,
  publicised: 2000,
  group_name: 50,
  place: 300,
  theme: 300,
  higher_deputies: 2000,
  record: 20000,
  results: 20000,
  source: 300,
  start_time: 50,
  recorder: 50,
  attendees: 2000,
  discussion: 20000,
  decision: 20000,
  deputy_name: 50,
  presiders: 300,
  approved_by: 50,
  outcome: 20000,
  description: 20000,
  official: 50,
};
/** A text field not listed above takes this many. */
export const TEXT_LIMIT_DEFAULT = 2000;
