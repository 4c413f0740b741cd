//! The history as the clerk reads it: each row named by the entry it is about, each changed
//! field by its Chinese label, each stored code and reference by what the clerk calls it. The
//! rows themselves are written and read at the bottom ([`crate::history`]); what an entry is called
//! and what a book's own codes mean is asked of the book ([`Labels`]).

use rusqlite::Connection;
use serde_json::Value;

use super::Book;
use crate::history::{self as log, Change, Entity, HistoryEntry};
use crate::store::Page;
use crate::vocab::{self, Vocab};
use crate::Result;

/// What names the entries of a history page: one book (an entry's own page) or every book
/// (`crate::registry`, the office's 操作记录).
pub trait Labels {
    /// How the clerk names record `id` of kind `entity` (empty when it cannot be found).
    fn entity_label(&self, conn: &Connection, entity: Entity, id: i64) -> String;
    /// A book's own label for a code of one of its fields ([`Book::value_label`]).
    fn value_label(&self, entity: Entity, field: &str, code: &str) -> Option<&'static str>;
}

/// The labels one book gives its own entries.
struct OneBook<T>(std::marker::PhantomData<T>);

impl<T: Book> Labels for OneBook<T> {
    fn entity_label(&self, conn: &Connection, entity: Entity, id: i64) -> String {
        if entity != T::ENTITY {
            return String::new();
        }
        T::load(conn, id).map(|e| e.label()).unwrap_or_default()
    }
    fn value_label(&self, entity: Entity, field: &str, code: &str) -> Option<&'static str> {
        (entity == T::ENTITY)
            .then(|| T::value_label(field, code))
            .flatten()
    }
}

/// The history of one entry of book `T`, newest first, labelled (at most 200 rows: an entry's
/// page shows its recent changes; 操作记录 pages through all of them).
pub fn of<T: Book>(conn: &Connection, id: i64) -> Result<Vec<HistoryEntry>> {
    let page = log::rows(conn, Some(T::ENTITY), Some(id), 1, 200)?;
    Ok(label(conn, page, &OneBook::<T>(std::marker::PhantomData)).items)
}

/// Fills a page's labels: the entry's name, each change's field label and readable values.
pub fn label(
    conn: &Connection,
    page: Page<HistoryEntry>,
    labels: &dyn Labels,
) -> Page<HistoryEntry> {
    let items = page
        .items
        .into_iter()
        .map(|mut e| {
            let entity = Entity::from_code(&e.entity);
            e.changes = diff(e.before.as_ref(), e.after.as_ref());
            if let Some(entity) = entity {
                e.entity_label = labels.entity_label(conn, entity, e.entity_id);
                let (b, a) = (e.before.as_ref(), e.after.as_ref());
                for c in &mut e.changes {
                    let own = |v: Option<&Value>| {
                        let code = v?.get(&c.field)?.as_str()?;
                        labels.value_label(entity, &c.field, code)
                    };
                    if let Some(l) = own(b) {
                        c.before = l.to_string();
                    }
                    if let Some(l) = own(a) {
                        c.after = l.to_string();
                    }
                }
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
    Page { items, ..page }
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
            Some(format!("第{}届", crate::dates::chinese_number(n)))
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

/// The Chinese label of a snapshot's field (one table for forms, refusals and history).
pub fn field_label(field: &str) -> &str {
    crate::fields::label(field)
}

/// A stored value as the clerk reads it: codes become labels, booleans 是/否.
/// A stored date of a date field as the rest of the app writes it: 2021年11月20日 (a birth
/// month 1975年3月), with a time kept after it.
fn chinese_date(field: &str, s: &str) -> Option<String> {
    let dated = crate::fields::find(field).is_some_and(|f| {
        matches!(
            f.bound,
            crate::fields::Bound::Happened
                | crate::fields::Bound::Planned
                | crate::fields::Bound::Born
        )
    });
    if !dated {
        return None;
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
        let time = s.get(10..).map(str::trim).unwrap_or("");
        let day = crate::dates::chinese(d);
        return Some(if time.is_empty() {
            day
        } else {
            format!("{day} {time}")
        });
    }
    crate::dates::PartialDate::parse(s)
        .ok()
        .map(|p| p.chinese())
}

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
            label
                .or_else(|| chinese_date(field, s))
                .unwrap_or_else(|| s.clone())
        }
        Value::Object(_) => v.to_string(),
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
            log::Stamp::at(
                "秘书",
                chrono::NaiveDate::from_ymd_opt(2024, 3, 20)
                    .unwrap()
                    .and_hms_opt(h, 0, 0)
                    .unwrap(),
            )
        };
        log::record(
            store.conn(),
            &t(9),
            Entity::Deputy,
            5,
            log::Action::Create,
            None,
            Some(&json!({"name": "甲"})),
            "",
        )
        .unwrap();
        log::record(
            store.conn(),
            &t(10),
            Entity::Deputy,
            5,
            log::Action::Update,
            Some(&json!({"name": "甲"})),
            Some(&json!({"name": "乙"})),
            "",
        )
        .unwrap();
        log::record(
            store.conn(),
            &t(11),
            Entity::Deputy,
            6,
            log::Action::Create,
            None,
            None,
            "",
        )
        .unwrap();
        struct NoNames;
        impl Labels for NoNames {
            fn entity_label(&self, _: &Connection, _: Entity, _: i64) -> String {
                String::new()
            }
            fn value_label(&self, _: Entity, _: &str, _: &str) -> Option<&'static str> {
                None
            }
        }
        let rows = log::rows(store.conn(), Some(Entity::Deputy), Some(5), 1, 20).unwrap();
        let page = label(store.conn(), rows, &NoNames);
        assert_eq!(page.total, 2);
        assert_eq!(page.items[0].action, "update");
        assert_eq!(page.items[0].at, "2024-03-20 10:00:00");
        assert_eq!(page.items[0].changes[0].before, "甲");
        assert_eq!(log::rows(store.conn(), None, None, 1, 20).unwrap().total, 3);
    }
}

#[cfg(test)]
mod date_tests {
    use super::humanize;
    use serde_json::json;

    #[test]
    fn dates_in_the_history_read_as_everywhere_else() {
        assert_eq!(
            humanize("elected_on", &json!("2021-11-20")),
            "2021年11月20日"
        );
        assert_eq!(humanize("birth_date", &json!("1975-03")), "1975年3月");
        assert_eq!(
            humanize("received_at", &json!("2026-12-04 09:30")),
            "2026年12月4日 09:30"
        );
        assert_eq!(
            humanize("notes", &json!("2021-11-20")),
            "2021-11-20",
            "a text that happens to look like a date is left as typed"
        );
    }
}
