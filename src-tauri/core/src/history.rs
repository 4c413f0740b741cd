//! The change history: one append-only row per change to a ledger row, with who, when, and the
//! row's values before and after. Personal identifiers are masked in snapshots, so reading the
//! history never reveals an ID number.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;

use crate::store::Page;
use crate::vocab::{self, Vocab};
use crate::Result;

/// Who does a change, and when. Passed into every write, never read from a clock inside a rule.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub actor: String,
    pub at: NaiveDateTime,
}

impl Stamp {
    pub fn now(actor: impl Into<String>) -> Stamp {
        Stamp {
            actor: actor.into(),
            at: chrono::Local::now().naive_local(),
        }
    }
    pub fn at(actor: impl Into<String>, at: NaiveDateTime) -> Stamp {
        Stamp {
            actor: actor.into(),
            at,
        }
    }
    pub fn today(&self) -> NaiveDate {
        self.at.date()
    }
    pub fn at_text(&self) -> String {
        self.at.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Void,
    Reveal,
    Import,
    End,
    /// A form printed from the entry.
    Print,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Void => "void",
            Action::Reveal => "reveal",
            Action::Import => "import",
            Action::End => "end",
            Action::Print => "print",
        }
    }
}

/// Appends one history row.
#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &Connection,
    stamp: &Stamp,
    entity: &str,
    entity_id: i64,
    action: Action,
    before: Option<&Value>,
    after: Option<&Value>,
    note: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO history (entity, entity_id, action, actor, at, before, after, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            entity,
            entity_id,
            action.code(),
            stamp.actor,
            stamp.at_text(),
            before.map(Value::to_string),
            after.map(Value::to_string),
            note
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub field: String,
    pub label: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
    /// What the entry is about, as the clerk knows it: the deputy's or group's name, 第二十届...
    pub entity_label: String,
    pub action: String,
    pub actor: String,
    pub at: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// Field-by-field differences with Chinese labels and values, for display.
    pub changes: Vec<Change>,
    pub note: String,
}

/// History of one row (`entity` and `entity_id`), of one kind of row, or of everything; newest first.
pub fn list(
    conn: &Connection,
    entity: Option<&str>,
    entity_id: Option<i64>,
    page: usize,
    page_size: usize,
) -> Result<Page<HistoryEntry>> {
    let page = page.max(1);
    let page_size = page_size.clamp(1, 500);
    let filter = "(?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2)";
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM history WHERE {filter}"),
        params![entity, entity_id],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT id, entity, entity_id, action, actor, at, before, after, note FROM history
         WHERE {filter} ORDER BY id DESC LIMIT ?3 OFFSET ?4"
    ))?;
    let items = stmt
        .query_map(
            params![
                entity,
                entity_id,
                page_size as i64,
                ((page - 1) * page_size) as i64
            ],
            |r| {
                let before: Option<String> = r.get(6)?;
                let after: Option<String> = r.get(7)?;
                Ok(HistoryEntry {
                    id: r.get(0)?,
                    entity: r.get(1)?,
                    entity_id: r.get(2)?,
                    entity_label: String::new(),
                    action: r.get(3)?,
                    actor: r.get(4)?,
                    at: r.get(5)?,
                    before: before.and_then(|s| serde_json::from_str(&s).ok()),
                    after: after.and_then(|s| serde_json::from_str(&s).ok()),
                    changes: Vec::new(),
                    note: r.get(8)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let items = items
        .into_iter()
        .map(|mut e| {
            e.changes = diff(e.before.as_ref(), e.after.as_ref());
            e.entity_label = entity_label(conn, &e.entity, e.entity_id);
            let (b, a) = (e.before.clone(), e.after.clone());
            for c in &mut e.changes {
                relabel(&e.entity, c, b.as_ref(), a.as_ref());
            }
            for c in &mut e.changes {
                c.before = reference_name(conn, &c.field, &c.before)
                    .unwrap_or(std::mem::take(&mut c.before));
                c.after = reference_name(conn, &c.field, &c.after)
                    .unwrap_or(std::mem::take(&mut c.after));
            }
            e
        })
        .collect();
    Ok(Page {
        items,
        total: total as usize,
        page,
        page_size,
    })
}

/// The newest history row of an entity, if any.
pub fn last(conn: &Connection, entity: &str, entity_id: i64) -> Result<Option<HistoryEntry>> {
    Ok(list(conn, Some(entity), Some(entity_id), 1, 1)?
        .items
        .into_iter()
        .next())
}

/// The name of the row a history entry is about.
fn entity_label(conn: &Connection, entity: &str, id: i64) -> String {
    let field = match entity {
        "deputy" => "deputy_id",
        "deputy_group" => "group_id",
        "constituency" => "constituency_id",
        "liaison_station" => "station_id",
        "term" => "term_id",
        "settings" => return "办公室设置".into(),
        "deputy_event" | "presidium_post" => {
            let table = if entity == "deputy_event" {
                "deputy_events"
            } else {
                "presidium_posts"
            };
            let sql = format!("SELECT d.name FROM {table} x JOIN deputies d ON d.id = x.deputy_id WHERE x.id = ?1");
            return conn.query_row(&sql, [id], |r| r.get(0)).unwrap_or_default();
        }
        "suggestion" | "petition" | "document" | "deed" => {
            let sql = format!("SELECT number FROM {entity}s WHERE id = ?1");
            return conn.query_row(&sql, [id], |r| r.get(0)).unwrap_or_default();
        }
        "handling_unit" => "unit_id",
        _ => return String::new(),
    };
    reference_name(conn, field, &id.to_string()).unwrap_or_default()
}

/// A reference stored as an id, shown by the name the clerk knows (届次, 选区, 小组, 代表...).
fn reference_name(conn: &Connection, field: &str, value: &str) -> Option<String> {
    let id: i64 = value.parse().ok()?;
    let name = |sql: &str| conn.query_row(sql, [id], |r| r.get::<_, String>(0)).ok();
    match field {
        "term_id" => {
            let n: i64 = conn
                .query_row("SELECT number FROM terms WHERE id = ?1", [id], |r| r.get(0))
                .ok()?;
            Some(format!("第{}届", crate::roster::org::chinese_number(n)))
        }
        "constituency_id" => name("SELECT name FROM constituencies WHERE id = ?1"),
        "group_id" => name("SELECT name FROM deputy_groups WHERE id = ?1"),
        "station_id" => name("SELECT name FROM liaison_stations WHERE id = ?1"),
        "leader_id" | "deputy_leader_id" | "liaison_id" | "deputy_id" | "lead_deputy_id"
        | "via_deputy_id" => name("SELECT name FROM deputies WHERE id = ?1"),
        "unit_id" | "lead_unit_id" => name("SELECT name FROM handling_units WHERE id = ?1"),
        _ => None,
    }
}

/// Chinese labels of the fields that appear in snapshots.
const FIELD_LABELS: &[(&str, &str)] = &[
    ("name", "姓名"),
    ("sex", "性别"),
    ("ethnicity", "民族"),
    ("birth_date", "出生年月"),
    ("political_status", "政治面貌"),
    ("education", "学历"),
    ("work_unit_post", "工作单位及职务"),
    ("occupation", "职业类别"),
    ("constituency_id", "选区"),
    ("group_id", "代表小组"),
    ("levels", "代表层级"),
    ("term_id", "届次"),
    ("elected_on", "当选日期"),
    ("elected_how", "当选方式"),
    ("card_no", "代表证号"),
    ("phone", "联系电话"),
    ("address", "通讯地址"),
    ("returned_overseas", "归侨侨眷"),
    ("grassroots", "基层代表"),
    ("id_number", "身份证号码"),
    ("notes", "备注"),
    ("void_reason", "作废原因"),
    ("voided", "已作废"),
    ("voided_at", "作废时间"),
    ("kind", "类型"),
    ("date", "日期"),
    ("reason", "事由"),
    ("notice_no", "公告文号"),
    ("ground", "终止事由"),
    ("votes_for", "得票数"),
    ("votes_total", "参加投票人数"),
    ("post", "职务"),
    ("start_date", "任职日期"),
    ("end_date", "离任日期"),
    ("number", "编号"),
    ("area", "范围"),
    ("address_text", "地址"),
    ("convener", "召集人"),
    ("schedule", "接待安排"),
    ("station_id", "联络站"),
    ("leader_id", "组长"),
    ("deputy_leader_id", "副组长"),
    ("liaison_id", "联络员"),
    ("township", "乡镇名称"),
    ("operator", "操作人"),
    ("deputy_id", "代表"),
    ("subject", "案由"),
    ("content", "内容"),
    ("category", "类别"),
    ("received_on", "收到日期"),
    ("key_supervision", "重点督办"),
    ("published", "是否公开"),
    ("session_no", "会议次数"),
    ("during_session", "会议期间提出"),
    ("lead_deputy_id", "领衔代表"),
    ("co_signer_ids", "附议代表"),
    ("by_presidium", "主席团提出"),
    ("profile", "办理规则"),
    ("rule_profile", "办理规则"),
    ("state", "状态"),
    ("seq", "序号"),
    ("channel", "来源"),
    ("received_at", "收到时间"),
    ("anonymous", "匿名"),
    ("petitioner_name", "信访人"),
    ("age", "年龄"),
    ("people_count", "人数"),
    ("request", "诉求"),
    ("facts", "事实与地点"),
    ("receiver", "接待人"),
    ("via_deputy_id", "转交代表"),
    ("proposed_handling", "拟办意见"),
    ("instruction", "领导批示"),
    ("confidential", "检举控告"),
    ("linked", "关联信访"),
    ("direction", "收发"),
    ("issuer", "发文机关"),
    ("issuer_level", "发文机关层级"),
    ("doc_number", "文号"),
    ("title", "标题"),
    ("classification", "密级"),
    ("urgency", "紧急程度"),
    ("copies", "份数"),
    ("attachments", "附件"),
    ("handler", "承办人"),
    ("signed_by", "签收人"),
    ("sent_to", "主送、抄送"),
    ("reply_doc_number", "复文文号"),
    ("archived_on", "归档日期"),
    ("volume", "卷号"),
    ("reads", "传阅次数"),
    ("reader", "阅文人"),
    ("read_on", "阅文日期"),
    ("contact", "联系人"),
    ("active", "在用"),
    ("year", "年度"),
    ("deputies", "代表"),
    ("summary", "主要事迹"),
    ("evidence", "佐证材料"),
    ("honour", "荣誉"),
    ("honour_level", "荣誉级别"),
    ("honour_body", "授予单位"),
    ("honour_date", "授予日期"),
    ("publicised", "宣传报道"),
    ("suggestion", "来源建议"),
];

pub fn field_label(field: &str) -> &str {
    FIELD_LABELS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, l)| *l)
        .unwrap_or(field)
}

/// A stored value as the clerk reads it: codes become labels, booleans 是/否.
fn humanize(field: &str, v: &Value) -> String {
    fn label_of<V: Vocab>(code: &str) -> Option<String> {
        V::from_code(code).map(|v| v.label().to_string())
    }
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "是" } else { "否" }.into(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| humanize(field, i))
            .collect::<Vec<_>>()
            .join("、"),
        Value::String(s) => {
            let label = match field {
                "sex" => label_of::<vocab::Sex>(s),
                "ethnicity" => vocab::Ethnicity::from_code(s).map(|e| e.label().to_string()),
                "political_status" => label_of::<vocab::PoliticalStatus>(s),
                "education" => label_of::<vocab::Education>(s),
                "occupation" => label_of::<vocab::Occupation>(s),
                "levels" => label_of::<vocab::Level>(s),
                "elected_how" => label_of::<vocab::ElectedHow>(s),
                "kind" => label_of::<vocab::EventKind>(s),
                "ground" => label_of::<vocab::TerminationGround>(s),
                "post" => label_of::<vocab::PresidiumPostKind>(s),
                _ => None,
            };
            label.unwrap_or_else(|| s.clone())
        }
        Value::Object(_) => v.to_string(),
    }
}

/// Codes whose label depends on the book (the same code "registered" is 待交办 for a suggestion
/// and 已登记待受理 for a petition).
fn relabel(entity: &str, c: &mut Change, before: Option<&Value>, after: Option<&Value>) {
    fn label<V: Vocab>(v: Option<&Value>, field: &str) -> Option<String> {
        let code = v?.get(field)?.as_str()?;
        V::from_code(code).map(|x| x.label().to_string())
    }
    macro_rules! with {
        ($v:ty) => {{
            if let Some(l) = label::<$v>(before, &c.field) {
                c.before = l;
            }
            if let Some(l) = label::<$v>(after, &c.field) {
                c.after = l;
            }
        }};
    }
    match (entity, c.field.as_str()) {
        ("suggestion", "state") => with!(vocab::SuggestionState),
        ("suggestion", "kind") => with!(vocab::SuggestionKind),
        ("suggestion", "category") => with!(vocab::SuggestionCategory),
        ("petition", "state") => with!(vocab::PetitionState),
        ("petition", "channel") => with!(vocab::PetitionChannel),
        ("petition", "category") => with!(vocab::PetitionCategory),
        ("document", "direction") => with!(vocab::DocumentDirection),
        ("document", "issuer_level") => with!(vocab::IssuerLevel),
        ("document", "classification") => with!(vocab::Classification),
        ("document", "urgency") => with!(vocab::Urgency),
        ("deed", "category") => with!(vocab::DeedCategory),
        ("deed", "honour_level") => with!(vocab::Level),
        _ => {}
    }
}

/// Null, false, "" and [] all read as "nothing there": a change between them is no change.
fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// The fields whose values differ between two snapshots, in the order of the newer one.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = a.keys().collect();
    keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
    keys.into_iter()
        .filter(|k| k.as_str() != "id")
        .filter_map(|k| {
            let bv = b.get(k).unwrap_or(&Value::Null);
            let av = a.get(k).unwrap_or(&Value::Null);
            (bv != av && !(is_blank(bv) && is_blank(av))).then(|| Change {
                field: k.clone(),
                label: field_label(k).to_string(),
                before: humanize(k, bv),
                after: humanize(k, av),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_lists_changed_fields_with_labels_and_readable_values() {
        let before =
            json!({"id": 1, "name": "张三", "sex": "male", "levels": ["township"], "phone": "1"});
        let after = json!({"id": 1, "name": "张三", "sex": "female", "levels": ["township", "county"], "phone": "1"});
        let changes = diff(Some(&before), Some(&after));
        assert_eq!(changes.len(), 2, "only sex and levels changed: {changes:?}");
        assert_eq!(
            (
                changes[0].label.as_str(),
                changes[0].before.as_str(),
                changes[0].after.as_str()
            ),
            ("性别", "男", "女")
        );
        assert_eq!(changes[1].after, "乡镇级、县级");
    }

    #[test]
    fn a_creation_shows_every_filled_field() {
        let after = json!({"id": 3, "name": "李四", "notes": null});
        let changes = diff(None, Some(&after));
        assert_eq!(
            changes.len(),
            1,
            "id is not a change and null equals absent"
        );
        assert_eq!(changes[0].after, "李四");
    }

    #[test]
    fn history_is_recorded_and_listed_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::Store::open(dir.path().join("h.db")).unwrap();
        let t = |h| {
            Stamp::at(
                "秘书",
                chrono::NaiveDate::from_ymd_opt(2024, 3, 20)
                    .unwrap()
                    .and_hms_opt(h, 0, 0)
                    .unwrap(),
            )
        };
        record(
            store.conn(),
            &t(9),
            "deputy",
            5,
            Action::Create,
            None,
            Some(&json!({"name": "甲"})),
            "",
        )
        .unwrap();
        record(
            store.conn(),
            &t(10),
            "deputy",
            5,
            Action::Update,
            Some(&json!({"name": "甲"})),
            Some(&json!({"name": "乙"})),
            "",
        )
        .unwrap();
        record(
            store.conn(),
            &t(11),
            "deputy",
            6,
            Action::Create,
            None,
            None,
            "",
        )
        .unwrap();
        let page = list(store.conn(), Some("deputy"), Some(5), 1, 20).unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(page.items[0].action, "update");
        assert_eq!(page.items[0].at, "2024-03-20 10:00:00");
        assert_eq!(page.items[0].changes[0].before, "甲");
        assert_eq!(list(store.conn(), None, None, 1, 20).unwrap().total, 3);
    }
}
