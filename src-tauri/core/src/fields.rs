//! Every field the clerk types, once: its Chinese label, and the bound its value must keep
//! (a text's length, a date's range). The bounds are checked on the input as a whole, before
//! anything is written ([`check`]), the labels name the field in every refusal and in the
//! history, and the UI reads both from the generated constants (its forms show the limits).
//!
//! Why one table keyed by field name rather than a rule beside each struct: the same field
//! (`reason`, `notes`, `date`) stands in a dozen inputs and must mean the same everywhere, and a
//! book added later gets its bounds by using the names already here.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use serde_json::Value;

use crate::{Error, Result};

/// What a field holds, and so what bound it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Text of at most this many characters.
    Text(usize),
    /// A date (or a date and time) something happened on: from the founding of the People's
    /// Republic, when the township congresses begin, to a year after today (registered ahead).
    Happened,
    /// A date planned ahead: a term's end, a promised completion (up to ten years ahead).
    Planned,
    /// A birth date (the year and month may be enough): from 1900 to today.
    Born,
    /// Not text and not a date (a number, a choice, a flag): its type is its bound.
    None,
}

/// Names and codes: a person, a 文号, a card number.
pub const SHORT: usize = 50;
/// One line: a title, a subject, a place, an address.
pub const LINE: usize = 300;
/// A paragraph: a reason, a note, a request, an instruction.
pub const PARAGRAPH: usize = 2_000;
/// A document: a suggestion's content, a petition's facts, a meeting's record, a reply. Below
/// what one spreadsheet cell holds (32,767), so every export of accepted data succeeds.
pub const LONG: usize = 20_000;

/// A field: its name in the input and the store, its label on the form, its bound.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub bound: Bound,
}

const fn f(key: &'static str, label: &'static str, bound: Bound) -> Field {
    Field { key, label, bound }
}
const fn text(key: &'static str, label: &'static str, max: usize) -> Field {
    f(key, label, Bound::Text(max))
}
const fn other(key: &'static str, label: &'static str) -> Field {
    f(key, label, Bound::None)
}

use Bound::{Born, Happened, Planned};

/// Every field of every input and stored snapshot. A text field missing here is held to
/// [`PARAGRAPH`] and labelled by its name (a test keeps every input's fields listed).
pub const FIELDS: &[Field] = &[
    // The roster.
    // A person (the roster allows 30), a unit, a group, a constituency.
    text("name", "姓名", 30),
    other("sex", "性别"),
    other("ethnicity", "民族"),
    f("birth_date", "出生年月", Born),
    other("political_status", "政治面貌"),
    other("education", "学历"),
    text("work_unit_post", "工作单位及职务", LINE),
    other("occupation", "职业类别"),
    other("constituency_id", "选区"),
    other("group_id", "代表小组"),
    other("levels", "代表层级"),
    other("term_id", "届次"),
    f("elected_on", "当选日期", Happened),
    other("elected_how", "当选方式"),
    text("card_no", "代表证号", SHORT),
    text("phone", "联系电话", SHORT),
    text("address", "通讯地址", LINE),
    other("returned_overseas", "归侨侨眷"),
    other("grassroots", "基层代表"),
    text("id_number", "身份证号码", SHORT),
    text("notes", "备注", PARAGRAPH),
    text("void_reason", "作废原因", PARAGRAPH),
    text("reveal_reason", "显示身份信息的原因", PARAGRAPH),
    other("voided", "已作废"),
    f("voided_at", "作废时间", Happened),
    other("kind", "类型"),
    f("date", "日期", Happened),
    text("reason", "事由", PARAGRAPH),
    text("notice_no", "公告文号", SHORT),
    other("ground", "终止事由"),
    other("votes_for", "得票数"),
    other("votes_total", "参加投票人数"),
    other("votes_against", "反对票数"),
    other("votes_abstain", "弃权票数"),
    other("post", "职务"),
    f("start_date", "任职日期", Happened),
    f("end_date", "离任日期", Planned),
    other("number", "编号"),
    text("area", "范围", LINE),
    text("address_text", "地址", LINE),
    text("convener", "召集人", SHORT),
    text("schedule", "接待安排", PARAGRAPH),
    other("station_id", "联络站"),
    other("leader_id", "组长"),
    other("deputy_leader_id", "副组长"),
    other("liaison_id", "联络员"),
    text("township", "乡镇名称", SHORT),
    text("operator", "操作人", SHORT),
    text("backup_copy_dir", "备份位置", LINE),
    other("deputy_id", "代表"),
    other("deputy_ids", "代表"),
    // Suggestions.
    text("subject", "案由", LINE),
    text("content", "内容", LONG),
    other("category", "类别"),
    f("received_on", "收到日期", Happened),
    other("key_supervision", "重点督办"),
    other("published", "是否公开"),
    other("session_no", "会议次数"),
    other("during_session", "会议期间提出"),
    other("lead_deputy_id", "领衔代表"),
    other("co_signer_ids", "附议代表"),
    other("by_presidium", "主席团提出"),
    other("profile", "办理规则"),
    other("rule_profile", "办理规则"),
    other("state", "状态"),
    other("seq", "序号"),
    other("lead_unit_id", "主办单位"),
    other("co_unit_ids", "协办单位"),
    other("unit_id", "承办单位"),
    other("suggestion_id", "代表建议"),
    text("signer", "签发人", SHORT),
    text("reply_category", "答复类别", SHORT),
    text("text", "答复内容", LONG),
    text("attachment", "附件", LINE),
    f("promised_on", "承诺完成日期", Planned),
    other("attitude", "办理态度"),
    text("comment", "意见", PARAGRAPH),
    other("months", "延期月数"),
    other("stage", "阶段"),
    text("note", "说明", PARAGRAPH),
    // Petitions.
    other("channel", "来源"),
    f("received_at", "收到时间", Happened),
    other("anonymous", "匿名"),
    text("petitioner_name", "信访人", SHORT),
    // One name each; the list is bounded by the people count.
    text("co_visitors", "同行人员姓名", 30),
    other("age", "年龄"),
    other("people_count", "人数"),
    text("request", "诉求", PARAGRAPH),
    text("facts", "事实与地点", LONG),
    text("receiver", "接待人", SHORT),
    other("via_deputy_id", "转交代表"),
    text("proposed_handling", "拟办意见", PARAGRAPH),
    text("instruction", "领导批示", PARAGRAPH),
    other("confidential", "检举控告"),
    other("linked", "关联信访"),
    other("link_ids", "关联信访"),
    other("days", "延期天数"),
    text("approver", "批准人", SHORT),
    f("told_on", "告知日期", Happened),
    other("manner", "答复方式"),
    text("result", "结果", PARAGRAPH),
    other("resolved", "是否解决"),
    other("evaluation", "评价"),
    // Documents.
    other("direction", "收发"),
    text("issuer", "发文机关", LINE),
    other("issuer_level", "发文机关层级"),
    text("doc_number", "文号", SHORT),
    text("title", "标题", LINE),
    other("classification", "密级"),
    other("urgency", "紧急程度"),
    other("copies", "份数"),
    text("attachments", "附件", LINE),
    text("handler", "承办人", SHORT),
    text("signed_by", "签收人", SHORT),
    text("sent_to", "主送、抄送", LINE),
    text("reply_doc_number", "复文文号", SHORT),
    f("archived_on", "归档日期", Happened),
    text("volume", "卷号", SHORT),
    other("reads", "传阅次数"),
    text("reader", "阅文人", SHORT),
    f("read_on", "阅文日期", Happened),
    text("contact", "联系人", SHORT),
    other("active", "在用"),
    other("year", "年度"),
    other("deputies", "代表"),
    // Deeds.
    text("summary", "主要事迹", LONG),
    text("evidence", "佐证材料", PARAGRAPH),
    text("honour", "荣誉", LINE),
    other("honour_level", "荣誉级别"),
    text("honour_body", "授予单位", LINE),
    f("honour_date", "授予日期", Happened),
    text("publicised", "宣传报道", PARAGRAPH),
    other("suggestion", "来源建议"),
    // Presidium meetings and group activities.
    text("group_name", "代表小组", SHORT),
    text("place", "地点", LINE),
    text("theme", "主题", LINE),
    f("notice_date", "通知日期", Happened),
    other("members", "参加人员"),
    other("expected", "应到人数"),
    other("present", "实到人数"),
    other("excused", "请假人数"),
    other("absent", "缺席人数"),
    text("higher_deputies", "上级代表参加", PARAGRAPH),
    text("record", "活动记录", LONG),
    text("results", "活动成果", LONG),
    f("reported_on", "报主席团日期", Happened),
    other("opinions", "收集的意见"),
    text("source", "反映人", LINE),
    text("start_time", "开始时间", SHORT),
    other("presider", "主持人"),
    other("presider_id", "主持人"),
    text("recorder", "记录人", SHORT),
    text("attendees", "列席人员", PARAGRAPH),
    other("agenda", "议题"),
    text("discussion", "讨论情况", LONG),
    text("decision", "决定事项", LONG),
    text("deputy_name", "代表", SHORT),
    // Sessions of the congress.
    f("first_day", "开幕日期", Happened),
    f("last_day", "闭幕日期", Happened),
    f("notified_on", "通知代表日期", Happened),
    text("presiders", "主持人", LINE),
    text("approved_by", "批准人", SHORT),
    other("items", "议程"),
    text("outcome", "决议或决定", LONG),
    other("outcome_kind", "表决结果"),
    other("elections", "选举"),
    other("by_election", "补选"),
    other("competitive", "差额选举"),
    other("places", "应选人数"),
    other("ballots_issued", "发出选票"),
    other("ballots_returned", "收回选票"),
    other("ballots_valid", "有效票"),
    other("ballots_invalid", "无效票"),
    other("candidates", "候选人"),
    other("votes", "得票"),
    other("attendance", "出席情况"),
    // 民生实事 projects.
    text("description", "项目内容", LONG),
    other("estimated_cost", "估算投资（元）"),
    f("planned_completion", "计划完成日期", Planned),
    f("planned_on", "计划日期", Planned),
    f("done_on", "实际日期", Happened),
    other("amount", "金额（元）"),
    other("activity_id", "代表小组活动"),
    other("satisfied", "满意"),
    other("basically", "基本满意"),
    other("unsatisfied", "不满意"),
    other("carried_to", "结转年度"),
    other("session_id", "票决会议"),
    other("project_id", "候选项目"),
    other("milestones", "项目节点"),
    other("reports", "进度报告与视察"),
    other("unit", "承办单位"),
    other("vote", "票决"),
    other("id", "编号"),
    other("action", "办理环节"),
    // Supervision: activities organised town-wide, review opinions, evaluations, duty reports,
    // station duty.
    other("organiser", "组织者"),
    other("organiser_name", "组织者"),
    other("activity", "来源活动"),
    other("station", "联络站"),
    other("deputy", "代表"),
    other("participants", "参加人员"),
    other("voters_received", "接待群众人次"),
    text("official", "被评议人员", SHORT),
    f("sent_on", "送达日期", Happened),
    other("followup_id", "回头看活动"),
    other("satisfaction", "评价"),
    other("rounds", "整改轮次"),
    other("evaluation_id", "评议"),
    other("object_seq", "评议对象"),
    other("voters", "参加测评人数"),
    other("evaluator_ids", "参加评议的代表"),
    other("evaluators", "参加评议的代表"),
    other("objects", "评议对象"),
    other("good", "满意（称职）"),
    other("fair", "基本满意（基本称职）"),
    other("poor", "不满意（不称职）"),
    other("voters_present", "到会选民人数"),
    other("rating", "选民测评"),
];

/// A form the clerk fills: its name in a refusal (“信访登记的……”) and the labels its fields
/// carry where they differ from the common ones. A step's fields are keyed `action.field`
/// (`accept.date` is 告知受理日期), a document's by its direction (`received.date`).
#[derive(Debug, Clone, Copy)]
pub struct Form {
    pub what: &'static str,
    pub labels: &'static [(&'static str, &'static str)],
}

const fn form(what: &'static str, labels: &'static [(&'static str, &'static str)]) -> Form {
    Form { what, labels }
}

pub const TERM: Form = form(
    "届次",
    &[("start_date", "开始日期"), ("end_date", "结束日期")],
);
pub const CONSTITUENCY: Form = form("选区", &[("name", "选区名称")]);
pub const STATION: Form = form("联络站", &[("name", "联络站名称"), ("address", "地址")]);
pub const GROUP: Form = form("代表小组", &[("name", "小组名称")]);
pub const DEPUTY: Form = form("代表信息", &[]);
pub const DEPUTY_EVENT: Form = form("代表变动", &[("reason", "原因")]);
pub const PRESIDIUM_POST: Form = form("主席团职务", &[]);
pub const UNIT: Form = form("承办单位", &[("name", "单位名称")]);
pub const SETTINGS: Form = form("设置", &[]);
pub const SUGGESTION: Form = form("代表建议", &[("session_no", "提出时间（第几次会议）")]);
pub const ASSIGNMENTS: Form = form("批量交办", &[("date", "交办日期")]);
pub const SUGGESTION_STEP: Form = form(
    "建议办理环节",
    &[
        ("decline.date", "决定日期"),
        ("decline.reason", "不予立案理由"),
        ("assign.date", "交办日期"),
        ("return.date", "退回日期"),
        ("return.reason", "退回理由"),
        ("extend.date", "批准日期"),
        ("months", "答复期限延至（月数）"),
        ("extend.reason", "延期理由"),
        ("reply.date", "答复日期"),
        ("attachment", "答复函文件"),
        ("promised_on", "承诺办结时间"),
        ("evaluate.date", "测评日期"),
        ("attitude", "对办理态度"),
        ("evaluate.result", "对办理结果"),
        ("comment", "代表意见"),
        ("rehandle.date", "重新交办日期"),
        ("rehandle.reason", "重新办理原因"),
        ("close.date", "办结日期"),
        ("close.note", "办结说明"),
        ("meeting.date", "沟通日期"),
        ("stage", "沟通阶段"),
        ("meeting.note", "沟通情况"),
        ("fulfil.date", "完成日期"),
        ("fulfil.note", "完成情况"),
    ],
);
pub const PETITION: Form = form("信访登记", &[("address", "住址"), ("confidential", "保密")]);
pub const PETITION_STEP: Form = form(
    "信访办理环节",
    &[
        ("accept.date", "告知受理日期"),
        ("decline.date", "告知日期"),
        ("decline.reason", "不予受理理由"),
        ("assign.date", "交办日期"),
        ("assign.note", "交办意见"),
        ("extend.date", "批准日期"),
        ("days", "延长天数"),
        ("extend.reason", "延期理由"),
        ("told_on", "告知信访人日期"),
        ("reply.date", "答复日期"),
        ("reply.result", "办理结果"),
        ("resolved", "问题是否解决"),
        ("review_request.date", "申请日期"),
        ("review_request.note", "复查请求"),
        ("review_reply.date", "复查答复日期"),
        ("review_reply.result", "复查意见"),
        ("re_review_request.date", "申请日期"),
        ("re_review_request.note", "复核请求"),
        ("re_review_reply.date", "复核答复日期"),
        ("re_review_reply.result", "复核意见"),
        ("return_visit.date", "回访日期"),
        ("evaluation", "信访人评价"),
        ("return_visit.note", "回访情况"),
        ("archive.date", "归档日期"),
    ],
);
pub const DOCUMENT: Form = form(
    "文件登记",
    &[
        ("received.date", "收文日期"),
        ("sent.date", "发文日期"),
        ("issuer_level", "层级"),
    ],
);
pub const DOCUMENT_READ: Form = form("传阅登记", &[("note", "批注或意见")]);
pub const ARCHIVE: Form = form("归档", &[]);
pub const DEED: Form = form(
    "先进事迹",
    &[
        ("date", "事迹日期"),
        ("title", "事迹标题"),
        ("honour", "所获荣誉"),
    ],
);
pub const MEETING: Form = form(
    "主席团会议",
    &[
        ("date", "会议日期"),
        ("title", "议题名称"),
        ("reason", "缺席原因"),
        ("deputy_id", "缺席代表"),
    ],
);
pub const ACTIVITY: Form = form(
    "小组活动",
    &[
        ("date", "活动日期"),
        ("content", "收集的意见"),
        ("excused", "出席情况（请假）"),
        ("absent", "出席情况（缺席）"),
        ("reason", "请假原因"),
    ],
);
pub const SESSION: Form = form(
    "人代会",
    &[
        ("name", "候选人姓名"),
        ("title", "议程名称"),
        ("reason", "请假原因"),
        ("deputy_id", "代表"),
        ("kind", "类型"),
        ("post", "选举职务"),
        ("votes_for", "赞成票"),
        ("votes_against", "反对票"),
        ("votes_abstain", "弃权票"),
    ],
);
pub const PROJECT: Form = form(
    "民生实事项目",
    &[
        ("source", "项目来源"),
        ("title", "项目名称"),
        ("text", "内容"),
        ("note", "说明"),
        ("date", "日期"),
    ],
);
pub const PROJECT_REPORT: Form = form("民生实事项目", &[("date", "报告日期"), ("text", "内容")]);
pub const RECTIFICATION: Form = form(
    "审议意见",
    &[
        ("content", "审议意见"),
        ("text", "整改情况"),
        ("date", "日期"),
    ],
);
pub const EVALUATION: Form = form("评议", &[("title", "评议名称"), ("date", "评议日期")]);
pub const DUTY_REPORT: Form = form("代表述职", &[("date", "述职日期"), ("place", "述职地点")]);
pub const STATION_DUTY: Form = form("联络站值班", &[("date", "值班日期")]);
pub const PROJECT_EVALUATION: Form = form("民生实事项目", &[("date", "测评日期")]);
/// Voiding an entry: its reason.
pub const VOID: Form = form("作废", &[("reason", "作废原因")]);
/// Any other text given on its own (a link's note, a reveal's reason).
pub const PLAIN: Form = form("输入", &[]);

impl Form {
    /// The label of `key` in this form, inside a step or direction `variant` if any.
    pub fn label(&self, variant: Option<&str>, key: &str) -> &'static str {
        let own = |k: &str| self.labels.iter().find(|(f, _)| *f == k).map(|(_, l)| *l);
        variant
            .and_then(|v| own(&format!("{v}.{key}")))
            .or_else(|| own(key))
            .or_else(|| find(key).map(|f| f.label))
            .unwrap_or("内容")
    }
}

/// The value that picks a form's variant: a step's action, a document's direction.
pub(crate) fn variant(map: &serde_json::Map<String, Value>) -> Option<&str> {
    ["action", "direction"]
        .iter()
        .find_map(|k| map.get(*k).and_then(Value::as_str))
}

/// The field named `key`, if it is one the app knows.
pub fn find(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The Chinese label of a field (its name when it has none).
pub fn label(key: &str) -> &str {
    find(key).map(|f| f.label).unwrap_or(key)
}

/// The bound of a field; a text field not listed is held to a paragraph.
fn bound(key: &str) -> Bound {
    find(key).map(|f| f.bound).unwrap_or(Bound::Text(PARAGRAPH))
}

/// The text limits the UI's forms show, by field name.
pub fn text_limits() -> Vec<(&'static str, usize)> {
    FIELDS
        .iter()
        .filter_map(|f| match f.bound {
            Bound::Text(max) => Some((f.key, max)),
            _ => None,
        })
        .collect()
}

/// The earliest date any record of the office may carry: the founding of the People's
/// Republic (township congresses begin after it). Earlier is a typing error.
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1949, 10, 1).expect("constant date")
}

/// The dates a field of this bound accepts, given today.
pub fn date_range(bound: Bound, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let ahead = |days| {
        today
            .checked_add_signed(Duration::days(days))
            .unwrap_or(today)
    };
    match bound {
        Bound::Happened => Some((earliest(), ahead(366))),
        Bound::Planned => Some((earliest(), ahead(3_660))),
        Bound::Born => Some((NaiveDate::from_ymd_opt(1900, 1, 1)?, today)),
        _ => None,
    }
}

/// Checks every text and date of an input against its field's bound, before anything is
/// written: the refusal names the field as `form` labels it and says what to do.
pub fn check(form: &Form, input: &impl Serialize, today: NaiveDate) -> Result<()> {
    walk(form, None, None, &to_value(input)?, Some(today))
}

/// [`check`] of the texts alone, for a check that has no today (a row of an import preview;
/// its dates are read and checked by the book).
pub fn check_texts(form: &Form, input: &impl Serialize) -> Result<()> {
    walk(form, None, None, &to_value(input)?, None)
}

/// [`check`] for one text given on its own (a void reason, a link's note).
pub fn check_text(form: &Form, key: &'static str, value: &str) -> Result<()> {
    check_string(form, None, key, value, None)
}

fn to_value(input: &impl Serialize) -> Result<Value> {
    serde_json::to_value(input)
        .map_err(|e| Error::validation("input", format!("无法读取输入的内容：{e}")))
}

fn walk(
    form: &Form,
    variant_of: Option<&str>,
    key: Option<&str>,
    v: &Value,
    today: Option<NaiveDate>,
) -> Result<()> {
    match v {
        Value::Object(map) => {
            let inner = variant(map).or(variant_of);
            map.iter()
                .try_for_each(|(k, v)| walk(form, inner, Some(k), v, today))
        }
        Value::Array(items) => items
            .iter()
            .try_for_each(|v| walk(form, variant_of, key, v, today)),
        Value::String(s) => match key {
            Some(k) => check_string(form, variant_of, k, s, today),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

fn check_string(
    form: &Form,
    variant: Option<&str>,
    key: &str,
    s: &str,
    today: Option<NaiveDate>,
) -> Result<()> {
    let static_key = find(key).map(|f| f.key).unwrap_or("input");
    let label = form.label(variant, key);
    match bound(key) {
        Bound::Text(max) => {
            if let Some(c) = s.chars().find(|c| invisible(*c)) {
                return Err(Error::validation(
                    static_key,
                    format!(
                        "{label}中有不可见的控制字符（U+{:04X}），可能是从别处粘贴带来的，请删去后重新输入",
                        c as u32
                    ),
                ));
            }
            let n = s.chars().count();
            if n > max {
                return Err(Error::validation(
                    static_key,
                    format!("{label}太长：有 {n} 个字，最多 {max} 个字，请精简后再保存（全文可作为附件上传）"),
                ));
            }
            Ok(())
        }
        b @ (Bound::Happened | Bound::Planned | Bound::Born) => {
            let Some(today) = today.filter(|_| !s.trim().is_empty()) else {
                return Ok(());
            };
            let Some(date) = leading_date(s) else {
                return Err(Error::validation(
                    static_key,
                    format!(
                        "{label}“{}”不是有效日期，请按 2024-03-20 的格式填写",
                        clip(s)
                    ),
                ));
            };
            let Some((from, to)) = date_range(b, today) else {
                return Ok(());
            };
            if !(from..=to).contains(&date) {
                return Err(Error::validation(
                    static_key,
                    format!(
                        "{label}“{}”不在合理范围内（{} 至 {}），请核对年份",
                        clip(s),
                        from,
                        to
                    ),
                ));
            }
            Ok(())
        }
        Bound::None => Ok(()),
    }
}

/// A character no clerk types and no printout or workbook can show: control characters (but
/// tab and line breaks) and the direction overrides that make a text read other than it is.
fn invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The date at the start of a stored or typed value: "2026-03-05", "2026-03-05 09:30",
/// "1975-03" (a birth month, read as its first day). Years outside 0..=9999 are not dates.
fn leading_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let negative = t.starts_with('-') || t.starts_with('+');
    if negative {
        return None;
    }
    let head: String = t.chars().take(10).collect();
    if let Ok(d) = NaiveDate::parse_from_str(&head, "%Y-%m-%d") {
        return (d.year() >= 0).then_some(d);
    }
    crate::dates::PartialDate::parse(t)
        .ok()
        .map(|p| p.earliest())
}

/// A long value cut for a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(30).collect();
    if s.chars().count() > 30 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
    }

    #[test]
    fn keys_are_listed_once() {
        let mut keys: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(
            keys.len(),
            n,
            "a field with two entries would have two bounds"
        );
    }

    #[test]
    fn a_text_over_its_limit_is_refused_naming_the_field() {
        let long = "字".repeat(LONG + 1);
        let e = check(&PLAIN, &json!({"facts": long}), today()).unwrap_err();
        assert_eq!(e.field(), Some("facts"), "the form marks the field");
        assert!(e.to_string().contains("事实与地点"), "{e}");
        assert!(check(&PLAIN, &json!({"facts": "字".repeat(LONG)}), today()).is_ok());
    }

    #[test]
    fn control_characters_and_direction_overrides_are_refused() {
        for bad in ["a\u{0}b", "右\u{202E}到左", "x\u{1b}[31m", "\u{feff}标题"] {
            let e = check(&PLAIN, &json!({"title": bad}), today()).unwrap_err();
            assert_eq!(e.field(), Some("title"), "{bad:?}");
        }
        assert!(
            check(&PLAIN, &json!({"facts": "第一行\n第二行\t缩进"}), today()).is_ok(),
            "line breaks and tabs are text"
        );
    }

    #[test]
    fn nested_texts_are_bounded_too() {
        let e = check(
            &MEETING,
            &json!({"agenda": [{"title": "x".repeat(LINE + 1)}]}),
            today(),
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("title"));
    }

    #[test]
    fn dates_out_of_range_are_refused_before_writing() {
        for bad in [
            "0001-01-01",
            "9999-12-31",
            "1900-05-05",
            "2028-01-01",
            "-0001-01-01",
        ] {
            let e = check(&PLAIN, &json!({"date": bad}), today()).unwrap_err();
            assert_eq!(e.field(), Some("date"), "{bad}: the field is named");
        }
        for bad in ["0001-01-01 09:30", "9999-12-31 23:59"] {
            assert!(
                check(&PLAIN, &json!({"received_at": bad}), today()).is_err(),
                "{bad}"
            );
        }
        for good in ["1990-01-01", "2026-12-05", "2027-06-30"] {
            assert!(
                check(&PLAIN, &json!({"date": good}), today()).is_ok(),
                "{good}"
            );
        }
        assert!(
            check(&PLAIN, &json!({"promised_on": "2030-01-01"}), today()).is_ok(),
            "planned ahead"
        );
        assert!(check(&PLAIN, &json!({"birth_date": "1975-03"}), today()).is_ok());
        assert!(
            check(&PLAIN, &json!({"birth_date": "2027-01"}), today()).is_err(),
            "born in the future"
        );
        assert!(
            check(&PLAIN, &json!({"end_date": null}), today()).is_ok(),
            "an empty date is not a date"
        );
    }
}
