//! 未经批准两次不出席 (代表法 Art. 62 (3)): a deputy absent without approval from two sessions
//! of the term loses the mandate. The app never records that itself: it lists the deputies, and
//! the clerk records the termination (a status event with the ground `absent_twice`) or dismisses
//! the flag with a reason. A dismissal covers the absences known then; a further one flags again.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{session_ref, SessionRef};
use crate::history::{self, Action, Entity, Stamp};
use crate::refs::DeputyRef;
use crate::roster::{deputy, org};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AbsentTwice {
    pub deputy: DeputyRef,
    pub term_id: i64,
    /// The sessions missed without approval, earliest first.
    pub sessions: Vec<SessionRef>,
    /// The ground and its basis, for the prefilled termination event.
    pub ground: &'static str,
    pub basis: String,
}

/// The deputies of the current term, still holding a mandate on `today`, absent without
/// approval from two or more live sessions, less those whose flag was dismissed since.
pub fn absent_twice(conn: &Connection, today: NaiveDate) -> Result<Vec<AbsentTwice>> {
    let Some(term) = org::current_term(conn)? else {
        return Ok(Vec::new());
    };
    let basis = crate::rules::current(conn)?
        .session
        .absent_twice_basis
        .clone();
    let mut stmt = conn.prepare_cached(
        "SELECT a.deputy_id, d.name, count(*) FROM session_attendance a
         JOIN congress_sessions s ON s.id = a.session_id JOIN deputies d ON d.id = a.deputy_id
         WHERE s.term_id = ?1 AND s.voided_at IS NULL AND a.attendance = 'absent'
         GROUP BY a.deputy_id HAVING count(*) >= 2 ORDER BY d.id",
    )?;
    let flagged = stmt
        .query_map([term.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, name, absences) in flagged {
        let dismissed: Option<i64> = conn.query_row(
            "SELECT max(absences) FROM absence_dismissals WHERE deputy_id = ?1 AND term_id = ?2",
            params![id, term.id],
            |r| r.get(0),
        )?;
        if dismissed.is_some_and(|n| n >= absences) {
            continue;
        }
        let view = deputy::view(conn, id, today)?;
        if view.voided || !org::holds_office(view.status) {
            continue;
        }
        let mut s = conn.prepare_cached(
            "SELECT s.id, s.number, s.term_id, s.seq, s.first_day, s.last_day
             FROM session_attendance a JOIN congress_sessions s ON s.id = a.session_id
             WHERE a.deputy_id = ?1 AND s.term_id = ?2 AND s.voided_at IS NULL
             AND a.attendance = 'absent' ORDER BY s.first_day",
        )?;
        let sessions = s
            .query_map(params![id, term.id], session_ref)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push(AbsentTwice {
            deputy: DeputyRef { id, name },
            term_id: term.id,
            sessions,
            ground: "absent_twice",
            basis: basis.clone(),
        });
    }
    Ok(out)
}

/// The clerk decides not to propose the termination: the reason is kept, and the deputy's
/// history says so. Refused when the deputy is not flagged.
pub fn dismiss_absence(
    store: &mut Store,
    stamp: &Stamp,
    deputy_id: i64,
    reason: &str,
) -> Result<()> {
    crate::fields::check_text(&crate::fields::PLAIN, "reason", reason)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation(
            "reason",
            "请填写不提请终止代表资格的原因（如：事后补办请假手续）",
        ));
    }
    store.write(|tx| {
        let Some(flag) = absent_twice(tx, stamp.today())?
            .into_iter()
            .find(|f| f.deputy.id == deputy_id)
        else {
            return Err(Error::validation(
                "deputy_id",
                "这位代表没有两次未经批准不出席人代会的记录",
            ));
        };
        tx.execute(
            "INSERT INTO absence_dismissals (deputy_id, term_id, absences, reason, actor, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                deputy_id,
                flag.term_id,
                flag.sessions.len() as i64,
                reason,
                stamp.actor,
                stamp.at_text()
            ],
        )?;
        history::record(
            tx,
            stamp,
            Entity::Deputy,
            deputy_id,
            Action::Update,
            None,
            None,
            &format!(
                "未经批准两次不出席人代会（{}），不提请终止代表资格：{reason}",
                flag.sessions
                    .iter()
                    .map(|s| s.number.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        )
    })
}
