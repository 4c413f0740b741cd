//! What the two case books (suggestions, petitions) do the same way: paging a filtered list in
//! SQL with the "overdue" filter that needs each open case's deadline, and voiding the latest
//! step of a case.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use std::collections::HashSet;

use crate::history::Stamp;
use crate::{Error, Result};

/// One book's table as the list queries see it.
pub(crate) struct Book {
    /// "suggestions s"
    pub from: &'static str,
    /// "s.received_on DESC, s.id DESC"
    pub order: &'static str,
    /// the condition for "still open", on the projection
    pub open: &'static str,
}

/// The ids of one page and the total, for a condition. With `overdue`, `late` is given the ids
/// of the open cases that match and returns those whose deadline has passed.
#[allow(clippy::too_many_arguments)]
pub(crate) fn page_ids(
    conn: &Connection,
    book: &Book,
    cond: &str,
    p: &[SqlValue],
    page: usize,
    page_size: usize,
    overdue: Option<bool>,
    late: impl FnOnce(Vec<i64>) -> Result<HashSet<i64>>,
) -> Result<(usize, Vec<i64>)> {
    let alias = book.from.rsplit(' ').next().unwrap_or("");
    let ids_of = |sql: String| -> Result<Vec<i64>> {
        let mut stmt = conn.prepare(&sql)?;
        let ids = stmt
            .query_map(params_from_iter(p.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    };
    let select = format!("SELECT {alias}.id FROM {} WHERE {cond}", book.from);
    match overdue {
        None => {
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) FROM {} WHERE {cond}", book.from),
                params_from_iter(p.iter()),
                |r| r.get(0),
            )?;
            let ids = ids_of(format!(
                "{select} ORDER BY {} LIMIT {page_size} OFFSET {}",
                book.order,
                (page - 1) * page_size
            ))?;
            Ok((total as usize, ids))
        }
        Some(want) => {
            let late = late(ids_of(format!("{select} AND {}", book.open))?)?;
            let all: Vec<i64> = ids_of(format!("{select} ORDER BY {}", book.order))?
                .into_iter()
                .filter(|id| late.contains(id) == want)
                .collect();
            let total = all.len();
            let ids = all
                .into_iter()
                .skip((page - 1) * page_size)
                .take(page_size)
                .collect();
            Ok((total, ids))
        }
    }
}

/// Marks the step voided if it is the latest live step of its case; returns the case id.
/// `steps` is the step table, `case_col` its column naming the case.
pub(crate) fn void_latest_step(
    conn: &Connection,
    steps: &str,
    case_col: &str,
    step_id: i64,
    stamp: &Stamp,
    reason: &str,
) -> Result<i64> {
    let row: Option<(i64, Option<String>)> = conn
        .query_row(
            &format!("SELECT {case_col}, voided_at FROM {steps} WHERE id = ?1"),
            [step_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (case_id, voided) = row.ok_or(Error::NotFound {
        what: "办理环节",
        id: step_id,
    })?;
    if voided.is_some() {
        return Err(Error::InvalidTransition("该环节已经作废".into()));
    }
    let last: i64 = conn.query_row(
        &format!("SELECT max(id) FROM {steps} WHERE {case_col} = ?1 AND voided_at IS NULL"),
        [case_id],
        |r| r.get(0),
    )?;
    if last != step_id {
        return Err(Error::InvalidTransition(
            "只能作废最近的一个办理环节；更早的环节请从最近的开始依次作废".into(),
        ));
    }
    conn.execute(
        &format!("UPDATE {steps} SET voided_at = ?2, void_reason = ?3 WHERE id = ?1"),
        params![step_id, stamp.at_text(), reason],
    )?;
    Ok(case_id)
}
