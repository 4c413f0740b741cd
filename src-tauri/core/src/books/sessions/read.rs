//! The sessions book as it is read: the stored session with its attendance, agenda and counted
//! elections, the checks, the list, and what other books ask of it (the session running on a
//! day, the sessions a deputy was expected at, the elections a deputy won).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::*;
use crate::book;
use crate::store::{ListSql, Page, Where};
use crate::{dates, Error, Result};

const COLUMNS: &str = "s.id, s.number, s.term_id, s.seq, s.kind, s.first_day, s.last_day, s.place,
    s.notified_on, s.presiders, s.attendees, s.notes, s.voided_at IS NOT NULL, s.void_reason";

fn day(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(r: &Row) -> rusqlite::Result<CongressSession> {
    let notified: Option<String> = r.get(8)?;
    Ok(CongressSession {
        id: r.get(0)?,
        number: r.get(1)?,
        term_id: r.get(2)?,
        seq: r.get(3)?,
        kind: r.get(4)?,
        first_day: day(r, 5)?,
        last_day: day(r, 6)?,
        place: r.get(7)?,
        notified_on: notified.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()),
        presiders: r.get(9)?,
        attendees: r.get(10)?,
        members: Vec::new(),
        expected: 0,
        present: 0,
        excused: 0,
        absent: 0,
        items: Vec::new(),
        elections: Vec::new(),
        checks: Vec::new(),
        deputy_events: Vec::new(),
        notes: r.get(11)?,
        voided: r.get(12)?,
        void_reason: r.get(13)?,
    })
}

/// Attendance, agenda, elections (counted) and the checks, for a session read by [`from_row`].
fn complete(conn: &Connection, s: &mut CongressSession, rules: &SessionRules) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.deputy_id, d.name, a.attendance, a.reason, a.approved_by FROM session_attendance a
         JOIN deputies d ON d.id = a.deputy_id WHERE a.session_id = ?1 ORDER BY a.rowid",
    )?;
    s.members = stmt
        .query_map([s.id], |r| {
            Ok(SessionMember {
                deputy_id: r.get(0)?,
                name: r.get(1)?,
                attendance: r.get(2)?,
                reason: r.get(3)?,
                approved_by: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let count = |k: Attendance| s.members.iter().filter(|m| m.attendance == k).count();
    s.expected = s.members.len();
    s.present = count(Attendance::Present);
    s.excused = count(Attendance::Excused);
    s.absent = count(Attendance::Absent);
    let all = s.expected as i64;
    let mut stmt = conn.prepare_cached(
        "SELECT seq, kind, title, outcome, outcome_kind, votes_for, votes_against, votes_abstain
         FROM session_items WHERE session_id = ?1 ORDER BY seq",
    )?;
    s.items = stmt
        .query_map([s.id], |r| {
            let votes_for: Option<i64> = r.get(5)?;
            Ok(SessionItem {
                seq: r.get(0)?,
                kind: r.get(1)?,
                title: r.get(2)?,
                outcome: r.get(3)?,
                outcome_kind: r.get(4)?,
                votes_for,
                votes_against: r.get(6)?,
                votes_abstain: r.get(7)?,
                passed: votes_for.map(|n| rules.majority.reached(n, all)),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT seq, post, by_election, competitive, places, ballots_issued, ballots_returned,
                ballots_valid, ballots_invalid
         FROM session_elections WHERE session_id = ?1 ORDER BY seq",
    )?;
    let mut elections = stmt
        .query_map([s.id], |r| {
            Ok(Election {
                seq: r.get(0)?,
                post: r.get(1)?,
                by_election: r.get(2)?,
                competitive: r.get(3)?,
                places: r.get(4)?,
                ballots_issued: r.get(5)?,
                ballots_returned: r.get(6)?,
                ballots_valid: r.get(7)?,
                ballots_invalid: r.get(8)?,
                candidates: Vec::new(),
                void: false,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT seq, name, deputy_id, votes FROM election_candidates
         WHERE session_id = ?1 AND election_seq = ?2 ORDER BY seq",
    )?;
    for e in &mut elections {
        e.candidates = stmt
            .query_map(params![s.id, e.seq], |r| {
                Ok(Candidate {
                    seq: r.get(0)?,
                    name: r.get(1)?,
                    deputy_id: r.get(2)?,
                    votes: r.get(3)?,
                    elected: false,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let votes: Vec<i64> = e.candidates.iter().map(|c| c.votes).collect();
        let o = count::count(
            e.ballots_issued,
            e.ballots_returned,
            &votes,
            e.places.max(0) as usize,
            all,
            rules.majority,
        );
        e.void = o.void;
        for i in o.elected {
            e.candidates[i].elected = true;
        }
    }
    s.elections = elections;
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.deputy_id, d.name, e.kind, e.date, e.votes_for, e.votes_total
         FROM deputy_events e JOIN deputies d ON d.id = e.deputy_id
         WHERE e.voided_at IS NULL AND e.date BETWEEN ?1 AND ?2
         AND e.kind IN ('resignation', 'recall', 'termination') ORDER BY e.date, e.id",
    )?;
    s.deputy_events = stmt
        .query_map(
            params![s.first_day.to_string(), s.last_day.to_string()],
            |r| {
                Ok(SessionEvent {
                    event_id: r.get(0)?,
                    deputy: crate::refs::DeputyRef {
                        id: r.get(1)?,
                        name: r.get(2)?,
                    },
                    kind: r.get(3)?,
                    date: day(r, 4)?,
                    votes_for: r.get(5)?,
                    votes_total: r.get(6)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    s.checks = warnings_of(s, rules);
    Ok(())
}

/// The checks of a session, each with its basis: shown, never enforced.
fn warnings_of(s: &CongressSession, rules: &SessionRules) -> Vec<String> {
    let mut out = Vec::new();
    let all = s.expected as i64;
    if all > 0 && !rules.quorum.reached(s.present as i64, all) {
        out.push(format!(
            "出席 {} 人，未达到全体代表 {all} 人的{}，会议不能举行（{}）",
            s.present,
            rules.quorum.label(),
            rules.quorum_basis
        ));
    }
    for item in &s.items {
        if item.passed == Some(false) {
            out.push(format!(
                "议程{}“{}”赞成 {} 票，未达到全体代表 {all} 人的{}，未获通过（{}）",
                item.seq,
                item.title,
                item.votes_for.unwrap_or(0),
                rules.majority.label(),
                rules.majority_basis
            ));
        }
    }
    for e in &s.elections {
        if e.void {
            out.push(format!(
                "第{}项选举（{}）收回选票 {} 张，多于发出的 {} 张，选举无效（{}）",
                e.seq,
                e.post.label(),
                e.ballots_returned,
                e.ballots_issued,
                rules.ballots_basis
            ));
            continue;
        }
        let elected = e.candidates.iter().filter(|c| c.elected).count() as i64;
        if elected < e.places {
            out.push(format!(
                "第{}项选举（{}）应选 {} 人，当选 {elected} 人（须获全体代表 {all} 人的{}选票），不足的名额应另行选举（{}）",
                e.seq,
                e.post.label(),
                e.places,
                rules.majority.label(),
                rules.majority_basis
            ));
        }
    }
    // 《选举法》 Art. 55: the township congress accepts a deputy's resignation by a majority of
    // all deputies; a resignation dated on the session's days with its votes recorded is checked.
    for e in &s.deputy_events {
        if let (EventKind::Resignation, Some(votes)) = (e.kind, e.votes_for) {
            if all > 0 && !rules.majority.reached(votes, all) {
                out.push(format!(
                    "接受{}辞职的赞成票 {votes} 票，未达到全体代表 {all} 人的{}（《选举法》（2020年修正）第五十五条：乡级的人民代表大会接受辞职，须经人民代表大会过半数的代表通过）",
                    e.deputy.name,
                    rules.majority.label()
                ));
            }
        }
    }
    if let Some(n) = s.notified_on {
        let ahead = (s.first_day - n).num_days();
        if ahead < i64::from(rules.notice.count) {
            out.push(format!(
                "{}通知代表，距开幕只有 {ahead} 日，少于 {}（{}）",
                dates::chinese(n),
                rules.notice.text(),
                rules.notice.basis
            ));
        }
    }
    out
}

pub fn get(conn: &Connection, id: i64) -> Result<CongressSession> {
    let mut s = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM congress_sessions s WHERE s.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "人代会", id
        })?;
    complete(conn, &mut s, session_rules(conn)?)?;
    Ok(s)
}

pub fn detail(conn: &Connection, id: i64) -> Result<SessionDetail> {
    let session = get(conn, id)?;
    let suggestions = conn.query_row(
        "SELECT count(*) FROM suggestions WHERE term_id = ?1 AND session_no = ?2 AND during_session
         AND voided_at IS NULL",
        params![session.term_id, session.seq],
        |r| r.get::<_, i64>(0),
    )? as usize;
    Ok(SessionDetail {
        history: book::history::of::<CongressSession>(conn, id)?,
        suggestions,
        session,
    })
}

pub fn list(conn: &Connection, q: &SessionQuery) -> Result<Page<CongressSession>> {
    let mut w = Where::default();
    if let Some(t) = q.term_id {
        w.and_with("s.term_id = ?", t);
    }
    if let Some(y) = q.year {
        dates::check_year(y)?;
        w.and_with("substr(s.first_day, 1, 4) = ?", format!("{y:04}"));
    }
    if !q.include_voided {
        w.and("s.voided_at IS NULL");
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_with(
            "(s.number LIKE ? OR s.place LIKE ? OR s.notes LIKE ? OR s.id IN
              (SELECT session_id FROM session_items WHERE title LIKE ? OR outcome LIKE ?)
              OR s.id IN (SELECT session_id FROM election_candidates WHERE name LIKE ?))",
            format!("%{}%", text.replace(['%', '_'], "")),
        );
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: "congress_sessions s",
        count_from: "congress_sessions s",
        order: "s.first_day DESC, s.id DESC",
    };
    let rules = session_rules(conn)?;
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)?
        .try_each(|s| complete(conn, s, rules))
}

pub(crate) fn session_ref(r: &Row) -> rusqlite::Result<SessionRef> {
    Ok(SessionRef {
        id: r.get(0)?,
        number: r.get(1)?,
        term_id: r.get(2)?,
        seq: r.get(3)?,
        first_day: day(r, 4)?,
        last_day: day(r, 5)?,
    })
}

const REF_COLUMNS: &str = "id, number, term_id, seq, first_day, last_day";

/// The live session running on `on`, if any: a suggestion registered that day is made 会议期间
/// under its number.
pub fn in_progress(conn: &Connection, on: NaiveDate) -> Result<Option<SessionRef>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {REF_COLUMNS} FROM congress_sessions WHERE voided_at IS NULL
                 AND first_day <= ?1 AND last_day >= ?1 ORDER BY first_day DESC LIMIT 1"
            ),
            [on.to_string()],
            session_ref,
        )
        .optional()?)
}

/// The live session numbered `seq` in term `term_id`: what a suggestion's session number names.
pub fn by_number(conn: &Connection, term_id: i64, seq: i64) -> Result<Option<SessionRef>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {REF_COLUMNS} FROM congress_sessions WHERE voided_at IS NULL
                 AND term_id = ?1 AND seq = ?2"
            ),
            params![term_id, seq],
            session_ref,
        )
        .optional()?)
}

/// A calendar year of the term, ended, with fewer sessions than the profile expects.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
pub struct YearShort {
    pub year: i32,
    pub held: usize,
    pub expected: u32,
    /// 2025年举行人代会 1 次，少于每年 2 次（依据）
    pub text: String,
}

/// The ended calendar years wholly inside the current term with fewer live sessions than the
/// profile expects. A year the term starts or ends in is not judged (the term's first session
/// comes within two months of the election, its last year may end early).
pub fn short_years(conn: &Connection, today: NaiveDate) -> Result<Vec<YearShort>> {
    let Some(term) = org::current_term(conn)? else {
        return Ok(Vec::new());
    };
    let rules = session_rules(conn)?;
    let first = term.start_date.year() + 1;
    let last = term.end_date.map_or(today, |e| e.min(today)).year() - 1;
    let mut out = Vec::new();
    for year in first..=last {
        let held = conn.query_row(
            "SELECT count(*) FROM congress_sessions WHERE voided_at IS NULL AND term_id = ?1
             AND substr(first_day, 1, 4) = ?2",
            params![term.id, format!("{year:04}")],
            |r| r.get::<_, i64>(0),
        )? as usize;
        if held < rules.per_year as usize {
            out.push(YearShort {
                year,
                held,
                expected: rules.per_year,
                text: format!(
                    "{year}年举行人代会 {held} 次，少于每年 {} 次（{}）",
                    rules.per_year, rules.per_year_basis
                ),
            });
        }
    }
    Ok(out)
}

/// A session a deputy was expected at, with how they stood.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SessionAttended {
    pub id: i64,
    pub number: String,
    pub first_day: NaiveDate,
    pub attendance: Attendance,
    pub reason: String,
}

/// The live sessions in `from..=to` at which the deputy held a mandate.
pub fn attended_by(
    conn: &Connection,
    deputy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<SessionAttended>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.number, s.first_day, a.attendance, a.reason FROM session_attendance a
         JOIN congress_sessions s ON s.id = a.session_id
         WHERE a.deputy_id = ?1 AND s.voided_at IS NULL AND s.first_day BETWEEN ?2 AND ?3
         ORDER BY s.first_day, s.id",
    )?;
    let rows = stmt
        .query_map(params![deputy_id, from.to_string(), to.to_string()], |r| {
            Ok(SessionAttended {
                id: r.get(0)?,
                number: r.get(1)?,
                first_day: day(r, 2)?,
                attendance: r.get(3)?,
                reason: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// An election at a session that the deputy won.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ElectionWon {
    pub session_id: i64,
    pub number: String,
    pub first_day: NaiveDate,
    pub post: ElectedPost,
    pub by_election: bool,
    pub votes: i64,
}

/// The elections in `from..=to` in which the deputy (as a candidate linked to the roster) was
/// elected, counted by the same rule as the session's page.
pub fn elections_won(
    conn: &Connection,
    deputy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ElectionWon>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT s.id FROM election_candidates c JOIN congress_sessions s ON s.id = c.session_id
         WHERE c.deputy_id = ?1 AND s.voided_at IS NULL AND s.first_day BETWEEN ?2 AND ?3
         ORDER BY s.first_day",
    )?;
    let ids = stmt
        .query_map(params![deputy_id, from.to_string(), to.to_string()], |r| {
            r.get::<_, i64>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for id in ids {
        let s = get(conn, id)?;
        for e in &s.elections {
            for c in e
                .candidates
                .iter()
                .filter(|c| c.elected && c.deputy_id == Some(deputy_id))
            {
                out.push(ElectionWon {
                    session_id: s.id,
                    number: s.number.clone(),
                    first_day: s.first_day,
                    post: e.post,
                    by_election: e.by_election,
                    votes: c.votes,
                });
            }
        }
    }
    Ok(out)
}

/// What the home page and the roster flag about sessions, in one call.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SessionChecks {
    pub absent_twice: Vec<AbsentTwice>,
    pub short_years: Vec<YearShort>,
}

pub fn checks(conn: &Connection, today: NaiveDate) -> Result<SessionChecks> {
    Ok(SessionChecks {
        absent_twice: absent_twice(conn, today)?,
        short_years: short_years(conn, today)?,
    })
}
