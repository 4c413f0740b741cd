//! What voiding shares across the books: a ledger entry is never deleted; voiding needs a reason,
//! happens once, sets `voided_at` / `void_reason` and keeps the before and after in the history.

use rusqlite::{params, Connection};
use serde_json::Value;

use crate::history::{self, Action, Stamp};
use crate::{Error, Result, Store};

/// An entry of a book, as voiding sees it.
pub(crate) trait Entry: Sized {
    /// The table holding the entry (with `voided_at` and `void_reason` columns).
    const TABLE: &'static str;
    /// The history's `entity` for it.
    const ENTITY: &'static str;
    /// The refusal when it is voided a second time, e.g. "该文件登记已经作废".
    const ALREADY_VOID: &'static str;
    fn load(conn: &Connection, id: i64) -> Result<Self>;
    fn is_voided(&self) -> bool;
    /// What the history keeps of it (sealed where the entry holds personal data).
    fn snapshot(&self) -> Value;
}

/// Voids entry `id` of `T`'s book in one transaction and returns it as voided.
pub(crate) fn void<T: Entry>(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<T> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    store.write(|tx| {
        let before = T::load(tx, id)?;
        if before.is_voided() {
            return Err(Error::InvalidTransition(T::ALREADY_VOID.into()));
        }
        tx.execute(
            &format!(
                "UPDATE {} SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
                T::TABLE
            ),
            params![id, stamp.at_text(), reason],
        )?;
        let after = T::load(tx, id)?;
        history::record(
            tx,
            stamp,
            T::ENTITY,
            id,
            Action::Void,
            Some(&before.snapshot()),
            Some(&after.snapshot()),
            reason,
        )?;
        Ok(after)
    })
}
