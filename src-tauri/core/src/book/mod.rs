//! The book mechanism: what every book of the office does the same way, in one place.
//!
//! A book's entries are numbered within a scope (a year, a term, a session, a direction), written
//! with a history row holding the before and after, never deleted but voided with a reason, and
//! named for the clerk by their number. A book implements [`Book`] for its entry type and calls
//! the functions here instead of writing its own copy; [`crate::registry`] lists the books for
//! everything that reads all of them (history labels, printing, the package, statistics).

pub(crate) mod casebook;
pub mod history;

use rusqlite::types::ToSql;
use rusqlite::{params, Connection};
use serde_json::Value;

use crate::history::{self as log, Action, Entity, Stamp};
use crate::{Error, Result, Store};

/// An entry of a book, as the mechanism sees it.
pub trait Book: Sized {
    /// The kind of record, as the history names it.
    const ENTITY: Entity;
    /// The table holding the entry (with `voided_at` and `void_reason` columns).
    const TABLE: &'static str;
    /// What one entry is called in a refusal: 文件登记 gives "该文件登记已经作废" and
    /// "已作废的文件登记不能修改".
    const NAME: &'static str;
    fn load(conn: &Connection, id: i64) -> Result<Self>;
    fn is_voided(&self) -> bool;
    /// What the history keeps of it (sealed where the entry holds personal data).
    fn snapshot(&self) -> Value;
    /// How the clerk names the entry in a list of changes: its number (建议20-3-007), a name.
    fn label(&self) -> String;
    /// The Chinese label of a coded value of one of this book's fields, where the code means
    /// something particular to this book (the state "registered" is 待交办 for a suggestion and
    /// 已登记待受理 for a petition). Codes shared by every book are labelled in [`history`].
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        let _ = (field, code);
        None
    }
}

/// The next number in a book's numbering scope: one more than the largest `seq` among the rows
/// of `table` whose `scope` columns equal the given values (1 for the first). Voided entries keep
/// their numbers, so a number is never given twice.
pub fn next_seq(conn: &Connection, table: &str, scope: &[(&str, &dyn ToSql)]) -> Result<i64> {
    let cond = if scope.is_empty() {
        "1 = 1".to_string()
    } else {
        scope
            .iter()
            .enumerate()
            .map(|(i, (col, _))| format!("{col} = ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    let values: Vec<&dyn ToSql> = scope.iter().map(|(_, v)| *v).collect();
    Ok(conn.query_row(
        &format!("SELECT COALESCE(MAX(seq), 0) + 1 FROM {table} WHERE {cond}"),
        values.as_slice(),
        |r| r.get(0),
    )?)
}

/// Records the creation of `entry` (its snapshot as the "after").
pub fn record_created<T: Book>(conn: &Connection, stamp: &Stamp, id: i64, entry: &T) -> Result<()> {
    log::record(
        conn,
        stamp,
        T::ENTITY,
        id,
        Action::Create,
        None,
        Some(&entry.snapshot()),
        "",
    )
}

/// Records an update when it changed what the history keeps; returns whether it did. An edit
/// that changes nothing leaves no row.
pub fn record_updated<T: Book>(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    before: &T,
    after: &T,
) -> Result<bool> {
    let (b, a) = (before.snapshot(), after.snapshot());
    if a == b {
        return Ok(false);
    }
    log::record(
        conn,
        stamp,
        T::ENTITY,
        id,
        Action::Update,
        Some(&b),
        Some(&a),
        "",
    )?;
    Ok(true)
}

/// Edits entry `id` of `T`'s book in one transaction: a voided entry is refused, `write` checks
/// and writes the new values (refusing with the field at fault), and the before and after are
/// recorded when anything the history keeps changed.
pub fn update<T: Book>(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    write: impl FnOnce(&Connection, &T) -> Result<()>,
) -> Result<T> {
    store.write(|tx| {
        let before = T::load(tx, id)?;
        if before.is_voided() {
            return Err(Error::InvalidTransition(format!(
                "已作废的{}不能修改",
                T::NAME
            )));
        }
        write(tx, &before)?;
        let after = T::load(tx, id)?;
        record_updated(tx, stamp, id, &before, &after)?;
        Ok(after)
    })
}

/// An entry numbered within a year (or a term) cannot move out of it by an edit: its number
/// would then lie. `field` is the date field, `what` says which number, e.g. "编号事迹〔2026〕第3号
/// 按年份编排，日期不能改到其他年份".
pub fn keep_in_scope(moved: bool, field: &'static str, what: String) -> Result<()> {
    if moved {
        return Err(Error::validation(
            field,
            format!("{what}；登记错了请作废后重新登记"),
        ));
    }
    Ok(())
}

/// Voids entry `id` of `T`'s book in one transaction and returns it as voided: a reason is
/// required, an entry is voided once, `voided_at` / `void_reason` are set, and the before and
/// after are kept in the history.
pub fn void<T: Book>(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<T> {
    store.write(|tx| void_in(tx, stamp, id, reason))
}

/// [`void`] inside a transaction the caller holds (when voiding is one step of a larger write).
pub fn void_in<T: Book>(conn: &Connection, stamp: &Stamp, id: i64, reason: &str) -> Result<T> {
    crate::fields::check_text(&crate::fields::VOID, "reason", reason)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    let before = T::load(conn, id)?;
    if before.is_voided() {
        return Err(Error::InvalidTransition(format!("该{}已经作废", T::NAME)));
    }
    conn.execute(
        &format!(
            "UPDATE {} SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
            T::TABLE
        ),
        params![id, stamp.at_text(), reason],
    )?;
    let after = T::load(conn, id)?;
    log::record(
        conn,
        stamp,
        T::ENTITY,
        id,
        Action::Void,
        Some(&before.snapshot()),
        Some(&after.snapshot()),
        reason,
    )?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_up_within_their_scope_only() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, year INTEGER, dir TEXT, seq INTEGER);
             INSERT INTO t (year, dir, seq) VALUES (2025, 'in', 1), (2025, 'in', 2),
                                                   (2025, 'out', 1), (2026, 'in', 7);",
        )
        .unwrap();
        let next = |y: i64, d: &str| next_seq(&conn, "t", &[("year", &y), ("dir", &d)]).unwrap();
        assert_eq!(next(2025, "in"), 3, "after the two incoming of 2025");
        assert_eq!(next(2025, "out"), 2, "the outgoing count apart");
        assert_eq!(next(2027, "in"), 1, "a new year starts at 1");
        assert_eq!(
            next_seq(&conn, "t", &[]).unwrap(),
            8,
            "an unscoped book numbers over all its rows"
        );
    }
}
