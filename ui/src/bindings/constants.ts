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
