//! Writing the suggestions book: registration (numbered per term, session and during/between
//! sessions), edits, voiding, and the steps of handling, each in one transaction.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::*;
use crate::book::{self, casebook};
use crate::roster::org::{self, Term};
use crate::roster::{deputy, status};
use crate::{dates, Error, Result, Stamp, Store};

/// Checks a deputy named on a suggestion: of the suggestion's term, not voided, holding office
/// on the day it was received.
fn check_deputy(
    conn: &Connection,
    id: i64,
    term: &Term,
    on: NaiveDate,
    field: &'static str,
) -> Result<String> {
    let rec = match deputy::record(conn, id) {
        Ok(r) => r,
        Err(Error::NotFound { .. }) => return Err(Error::validation(field, "所选代表不存在")),
        Err(e) => return Err(e),
    };
    if rec.voided_at.is_some() {
        return Err(Error::validation(
            field,
            format!("代表{}的登记已作废", rec.name),
        ));
    }
    if rec.term_id != term.id {
        return Err(Error::validation(
            field,
            format!("{}不是{}代表", rec.name, term.label()),
        ));
    }
    let events = status::events_of(conn, id)?;
    let st = status::status_on(&rec, Some(term), &events, on);
    if st != DeputyStatus::InOffice {
        return Err(Error::validation(
            field,
            format!(
                "代表{}在{}的状态为“{}”，不能提出或联名建议",
                rec.name,
                dates::chinese(on),
                st.label()
            ),
        ));
    }
    Ok(rec.name)
}

struct Valid {
    term: Term,
    received_on: NaiveDate,
    subject: String,
    co_signers: Vec<i64>,
}

fn validate(conn: &Connection, input: &SuggestionInput, today: NaiveDate) -> Result<Valid> {
    let term = match input.term_id {
        Some(id) => org::term(conn, id)?,
        None => org::current_term(conn)?.ok_or_else(|| {
            Error::validation("term_id", "还没有届次：请先在“选区与届次”中添加本届")
        })?,
    };
    if !(1..=30).contains(&input.session_no) {
        return Err(Error::validation(
            "session_no",
            "请填写第几次会议（1 到 30）",
        ));
    }
    let received_on = dates::parse_iso("received_on", "收到日期", &input.received_on)?;
    if received_on > today {
        return Err(Error::validation("received_on", "收到日期不能晚于今天"));
    }
    if !term.covers(received_on) {
        return Err(Error::validation(
            "received_on",
            format!(
                "收到日期{}不在{}任期内",
                dates::chinese(received_on),
                term.label()
            ),
        ));
    }
    let subject = input.subject.trim().to_string();
    if subject.is_empty() {
        return Err(Error::validation("subject", "请填写案由（建议的标题）"));
    }
    if subject.chars().count() > 100 {
        return Err(Error::validation("subject", "案由不能超过 100 个字"));
    }
    if input.content.chars().count() > 20_000 {
        return Err(Error::validation("content", "内容不能超过 20000 字"));
    }
    let motion = input.kind == SuggestionKind::Motion;
    if input.by_presidium && !motion {
        return Err(Error::validation(
            "by_presidium",
            "只有议案可以由主席团提出",
        ));
    }
    match input.lead_deputy_id {
        Some(id) => {
            check_deputy(conn, id, &term, received_on, "lead_deputy_id")?;
        }
        None if !input.by_presidium => {
            return Err(Error::validation("lead_deputy_id", "请选择领衔代表"));
        }
        None => {}
    }
    let mut co = Vec::new();
    for id in &input.co_signer_ids {
        if Some(*id) == input.lead_deputy_id {
            return Err(Error::validation(
                "co_signer_ids",
                "领衔代表不必再列为附议代表",
            ));
        }
        if co.contains(id) {
            continue;
        }
        check_deputy(conn, *id, &term, received_on, "co_signer_ids")?;
        co.push(*id);
    }
    if motion && !input.by_presidium {
        let min = rules::current(conn)?.suggestion.motion_min_cosigners as usize;
        let signers = co.len() + usize::from(input.lead_deputy_id.is_some());
        if signers < min {
            return Err(Error::validation(
                "co_signer_ids",
                format!("议案须由主席团提出，或由代表 {min} 人以上联名提出（现为 {signers} 人）"),
            ));
        }
    }
    Ok(Valid {
        term,
        received_on,
        subject,
        co_signers: co,
    })
}

fn write_cosigners(conn: &Connection, id: i64, ids: &[i64]) -> Result<()> {
    conn.execute(
        "DELETE FROM suggestion_cosigners WHERE suggestion_id = ?1",
        [id],
    )?;
    for d in ids {
        conn.execute(
            "INSERT INTO suggestion_cosigners (suggestion_id, deputy_id) VALUES (?1, ?2)",
            params![id, d],
        )?;
    }
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &SuggestionInput) -> Result<Suggestion> {
    let id = store.write(|tx| create_in(tx, stamp, input))?;
    get(store.conn(), id, stamp.today())
}

pub(crate) fn create_in(conn: &Connection, stamp: &Stamp, input: &SuggestionInput) -> Result<i64> {
    crate::fields::check(&crate::fields::SUGGESTION, input, stamp.today())?;
    let v = validate(conn, input, stamp.today())?;
    let seq = book::next_seq(
        conn,
        "suggestions",
        &[
            ("term_id", &v.term.id),
            ("session_no", &input.session_no),
            ("during_session", &input.during_session),
        ],
    )?;
    let number = format!(
        "{}-{}-{}{:03}",
        v.term.number,
        input.session_no,
        if input.during_session { "" } else { "B" },
        seq
    );
    let profile = rules::current(conn)?.tag();
    conn.execute(
        "INSERT INTO suggestions (term_id, session_no, during_session, seq, number, kind, lead_deputy_id,
            by_presidium, subject, content, category, received_on, key_supervision, published, notes, profile)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            v.term.id,
            input.session_no,
            input.during_session,
            seq,
            number,
            input.kind,
            input.lead_deputy_id,
            input.by_presidium,
            v.subject,
            input.content.trim(),
            input.category,
            v.received_on.to_string(),
            input.key_supervision,
            input.published,
            input.notes.trim(),
            profile
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_cosigners(conn, id, &v.co_signers)?;
    let rec = record(conn, id)?;
    book::record_created(conn, stamp, id, &rec)?;
    Ok(id)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &SuggestionInput,
) -> Result<Suggestion> {
    crate::fields::check(&crate::fields::SUGGESTION, input, stamp.today())?;
    store.write(|tx| {
        let before = record(tx, id)?;
        if before.voided_at.is_some() {
            return Err(Error::InvalidTransition("已作废的建议不能修改".into()));
        }
        let input = SuggestionInput {
            term_id: input.term_id.or(Some(before.term_id)),
            ..input.clone()
        };
        if input.term_id != Some(before.term_id)
            || input.session_no != before.session_no
            || input.during_session != before.during_session
        {
            return Err(Error::validation(
                "session_no",
                format!(
                    "编号{}已生成，届次、会议次数和会议期间/闭会期间不能再改；如登记错了，请作废后重新登记",
                    before.number
                ),
            ));
        }
        let v = validate(tx, &input, stamp.today())?;
        let first_step: Option<String> = tx
            .query_row(
                "SELECT min(date) FROM suggestion_steps WHERE suggestion_id = ?1 AND voided_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if first_step.is_some_and(|d| d < v.received_on.to_string()) {
            return Err(Error::validation("received_on", "收到日期不能晚于已登记的办理环节"));
        }
        tx.execute(
            "UPDATE suggestions SET kind = ?2, lead_deputy_id = ?3, by_presidium = ?4, subject = ?5, content = ?6,
                category = ?7, received_on = ?8, key_supervision = ?9, published = ?10, notes = ?11 WHERE id = ?1",
            params![
                id,
                input.kind,
                input.lead_deputy_id,
                input.by_presidium,
                v.subject,
                input.content.trim(),
                input.category,
                v.received_on.to_string(),
                input.key_supervision,
                input.published,
                input.notes.trim()
            ],
        )?;
        write_cosigners(tx, id, &v.co_signers)?;
        let after = record(tx, id)?;
        book::record_updated(tx, stamp, id, &before, &after)?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Suggestion> {
    book::void::<SuggestionRecord>(store, stamp, id, reason)?;
    get(store.conn(), id, stamp.today())
}

/// Records one step, checked against the case's state and its rule profile.
pub fn step(store: &mut Store, stamp: &Stamp, id: i64, step: &Step) -> Result<SuggestionDetail> {
    store.write(|tx| step_in(tx, stamp, id, step))?;
    detail(store.conn(), id, stamp.today())
}

pub(crate) fn step_in(conn: &Connection, stamp: &Stamp, id: i64, step: &Step) -> Result<()> {
    crate::fields::check(&crate::fields::SUGGESTION_STEP, step, stamp.today())?;
    casebook::step_in::<Case>(conn, stamp, id, step)
}

/// The session week's batch: every assignment lands, or none (the error names the suggestion).
pub fn assign_many(
    store: &mut Store,
    stamp: &Stamp,
    date: &str,
    items: &[AssignmentInput],
) -> Result<Vec<Suggestion>> {
    let on = dates::parse_iso("date", "交办日期", date)?;
    crate::fields::check(
        &crate::fields::ASSIGNMENTS,
        &serde_json::json!({ "date": date }),
        stamp.today(),
    )?;
    if items.is_empty() {
        return Err(Error::validation("assignments", "没有要交办的建议"));
    }
    store.write(|tx| {
        for (i, a) in items.iter().enumerate() {
            let step = Step::Assign {
                date: on,
                lead_unit_id: a.lead_unit_id,
                co_unit_ids: a.co_unit_ids.clone(),
            };
            step_in(tx, stamp, a.suggestion_id, &step).map_err(|e| {
                let number = record(tx, a.suggestion_id)
                    .map(|r| r.number)
                    .unwrap_or_default();
                Error::validation(
                    "assignments",
                    format!("第 {} 行（建议{}）：{}", i + 1, number, e),
                )
                .about(a.suggestion_id)
            })?;
        }
        Ok(())
    })?;
    items
        .iter()
        .map(|a| get(store.conn(), a.suggestion_id, stamp.today()))
        .collect()
}

/// Voids the latest live step of its case (undo of a mistaken entry; the row stays, struck through).
pub fn void_step(
    store: &mut Store,
    stamp: &Stamp,
    step_id: i64,
    reason: &str,
) -> Result<SuggestionDetail> {
    let id = casebook::void_step::<Case>(store, stamp, step_id, reason)?;
    detail(store.conn(), id, stamp.today())
}
