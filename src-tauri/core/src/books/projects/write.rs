//! Writing the 民生实事 book: a candidate registered and corrected, the vote at a session (all
//! candidates at once, refused when the counts cannot be true), and an adopted project's
//! milestones (in their order), reports, evaluation and carrying over. Each write is one
//! transaction with the project's before and after in its history.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::read::get;
use super::*;
use crate::book;
use crate::history::Stamp;
use crate::{dates, Error, Result, Store};

fn validate(
    conn: &Connection,
    input: &ProjectInput,
    today: NaiveDate,
) -> Result<Option<NaiveDate>> {
    dates::check_year(input.year)?;
    if input.title.trim().is_empty() {
        return Err(Error::validation("title", "请填写项目名称"));
    }
    if input
        .estimated_cost
        .is_some_and(|c| !(0..=100_000_000_000).contains(&c))
    {
        return Err(Error::validation(
            "estimated_cost",
            "估算投资应在 0 到 1000 亿元之间（以元为单位）",
        ));
    }
    match (input.source, input.suggestion_id) {
        (ProjectSource::Suggestion, None) => {
            return Err(Error::validation(
                "suggestion_id",
                "来源为代表建议的项目，请选择是哪一件建议",
            ))
        }
        (_, Some(s)) => {
            crate::suggestions::record(conn, s)
                .map_err(|_| Error::validation("suggestion_id", "所选代表建议不存在"))?;
        }
        _ => {}
    }
    if let Some(u) = input.unit_id {
        crate::units::get(conn, u)
            .map_err(|_| Error::validation("unit_id", "所选承办单位不存在"))?;
    }
    let planned = dates::parse_optional(
        "planned_completion",
        "计划完成日期",
        &input.planned_completion,
    )?;
    let _ = today;
    Ok(planned)
}

fn write(
    conn: &Connection,
    id: i64,
    input: &ProjectInput,
    planned: Option<NaiveDate>,
) -> Result<()> {
    conn.execute(
        "UPDATE livelihood_projects SET title = ?2, description = ?3, source = ?4, suggestion_id = ?5,
            estimated_cost = ?6, unit_id = ?7, planned_completion = ?8, notes = ?9 WHERE id = ?1",
        params![
            id,
            input.title.trim(),
            input.description.trim(),
            input.source,
            input.suggestion_id,
            input.estimated_cost,
            input.unit_id,
            planned.map(|d| d.to_string()),
            input.notes.trim()
        ],
    )?;
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &ProjectInput) -> Result<LivelihoodProject> {
    crate::fields::check(&crate::fields::PROJECT, input, stamp.today())?;
    store.write(|tx| {
        let planned = validate(tx, input, stamp.today())?;
        let seq = book::next_seq(tx, "livelihood_projects", &[("year", &input.year)])?;
        tx.execute(
            "INSERT INTO livelihood_projects (year, seq, number, title, source) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                input.year,
                seq,
                format!("民生实事〔{}〕第{seq}号", input.year),
                input.title.trim(),
                input.source
            ],
        )?;
        let id = tx.last_insert_rowid();
        write(tx, id, input, planned)?;
        let p = get(tx, id, stamp.today())?;
        book::record_created(tx, stamp, id, &p)?;
        Ok(p)
    })
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &ProjectInput,
) -> Result<LivelihoodProject> {
    crate::fields::check(&crate::fields::PROJECT, input, stamp.today())?;
    book::update(store, stamp, id, |tx, before: &LivelihoodProject| {
        book::keep_in_scope(
            input.year != before.year,
            "year",
            format!("{}按年度编号，年度不能改", before.number),
        )?;
        let planned = validate(tx, input, stamp.today())?;
        write(tx, id, input, planned)
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<LivelihoodProject> {
    book::void::<LivelihoodProject>(store, stamp, id, reason)?;
    get(store.conn(), id, stamp.today())
}

/// Records the vote on a year's candidates at a session: the ballots and every candidate's
/// counts, in one transaction; each candidate's history says how it was voted. A candidate
/// voted before at another session is voted again (the latest vote counts).
pub fn vote(store: &mut Store, stamp: &Stamp, input: &VoteInput) -> Result<Vec<LivelihoodProject>> {
    dates::check_year(input.year)?;
    let session = crate::sessions::get(store.conn(), input.session_id)
        .map_err(|_| Error::validation("session_id", "请选择票决的人代会"))?;
    if session.voided {
        return Err(Error::validation("session_id", "所选人代会已作废"));
    }
    if !(input.year - 1..=input.year).contains(&chrono::Datelike::year(&session.first_day)) {
        return Err(Error::validation(
            "session_id",
            format!(
                "{}年的民生实事项目应在{}年或上一年的人代会上票决",
                input.year, input.year
            ),
        ));
    }
    let present = session.present as i64;
    use crate::sessions::in_range;
    in_range("ballots_issued", "", "ballots_issued", input.ballots_issued)?;
    in_range(
        "ballots_returned",
        "",
        "ballots_returned",
        input.ballots_returned,
    )?;
    for c in &input.candidates {
        for (key, v) in [
            ("votes_for", c.votes_for),
            ("votes_against", c.votes_against),
            ("votes_abstain", c.votes_abstain),
        ] {
            in_range(
                "candidates",
                &format!("候选项目（编号 {}）的", c.project_id),
                key,
                v,
            )?;
        }
    }
    if input.ballots_issued > present {
        return Err(Error::validation(
            "ballots_issued",
            format!(
                "发出选票 {} 张，多于出席{}的 {present} 人",
                input.ballots_issued, session.number
            ),
        ));
    }
    if input.candidates.is_empty() {
        return Err(Error::validation("candidates", "请登记每个候选项目的得票"));
    }
    let mut seen = std::collections::HashSet::new();
    for c in &input.candidates {
        if !seen.insert(c.project_id) {
            let name = get(store.conn(), c.project_id, stamp.today())
                .map(|p| format!("{}（{}）", p.title, p.number))
                .unwrap_or_else(|_| format!("编号 {} 的项目", c.project_id));
            return Err(Error::validation(
                "candidates",
                format!("{name}登记了两次得票，请只留一行"),
            ));
        }
        let p = get(store.conn(), c.project_id, stamp.today())
            .map_err(|_| Error::validation("candidates", "候选项目不存在"))?;
        if p.voided || p.year != input.year {
            return Err(Error::validation(
                "candidates",
                format!("{}不是{}年的候选项目", p.number, input.year),
            ));
        }
        let counts = [c.votes_for, c.votes_against, c.votes_abstain];
        if counts.iter().any(|n| *n < 0) {
            return Err(Error::validation(
                "candidates",
                format!("{}的票数不能为负数", p.title),
            ));
        }
        let sum: i64 = counts.iter().sum();
        if sum > input.ballots_returned.min(present) {
            return Err(Error::validation(
                "candidates",
                format!(
                    "“{}”赞成、反对、弃权合计 {sum} 票，超过收回的选票 {} 张（出席 {present} 人）",
                    p.title, input.ballots_returned
                ),
            ));
        }
    }
    store.write(|tx| {
        tx.execute(
            "INSERT INTO project_votes (year, session_id, ballots_issued, ballots_returned)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (year, session_id) DO UPDATE SET ballots_issued = ?3, ballots_returned = ?4",
            params![input.year, input.session_id, input.ballots_issued, input.ballots_returned],
        )?;
        let mut before = Vec::new();
        for c in &input.candidates {
            before.push(get(tx, c.project_id, stamp.today())?);
            tx.execute(
                "UPDATE livelihood_projects SET session_id = ?2, votes_for = ?3, votes_against = ?4,
                    votes_abstain = ?5 WHERE id = ?1",
                params![
                    c.project_id,
                    input.session_id,
                    c.votes_for,
                    c.votes_against,
                    c.votes_abstain
                ],
            )?;
        }
        // Adoption depends on every candidate's votes: the histories are written once all are in.
        let mut after = Vec::new();
        for b in &before {
            let a = get(tx, b.id, stamp.today())?;
            book::record_updated(tx, stamp, a.id, b, &a)?;
            after.push(a);
        }
        after.sort_by_key(|p| p.vote.as_ref().map_or(usize::MAX, |v| v.rank));
        Ok(after)
    })
}

/// Sets one milestone of an adopted project (planned and/or actual date). A milestone reached
/// may not be dated before one that comes earlier in the order 立项 → 招投标 → 开工 → 完工 → 验收.
pub fn set_milestone(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    m: &MilestoneInput,
) -> Result<LivelihoodProject> {
    crate::fields::check(&crate::fields::PROJECT, m, stamp.today())?;
    let planned = dates::parse_optional("planned_on", "计划日期", &m.planned_on)?;
    let done = dates::parse_optional("done_on", "实际日期", &m.done_on)?;
    if done.is_some_and(|d| d > stamp.today()) {
        return Err(Error::validation("done_on", "实际日期不能晚于今天"));
    }
    if m.amount
        .is_some_and(|a| !(0..=100_000_000_000).contains(&a))
    {
        return Err(Error::validation(
            "amount",
            "金额应在 0 到 1000 亿元之间（以元为单位）",
        ));
    }
    book::update(store, stamp, id, |tx, before: &LivelihoodProject| {
        adopted(before)?;
        if let Some(d) = done {
            for other in &before.milestones {
                let Some(od) = other.done_on else { continue };
                if other.kind < m.kind && od > d {
                    return Err(Error::validation(
                        "done_on",
                        format!(
                            "{}日期{}早于已登记的{}日期{}，请核对",
                            m.kind.label(),
                            dates::chinese(d),
                            other.kind.label(),
                            dates::chinese(od)
                        ),
                    ));
                }
                if other.kind > m.kind && od < d {
                    return Err(Error::validation(
                        "done_on",
                        format!(
                            "{}日期{}晚于已登记的{}日期{}，请核对",
                            m.kind.label(),
                            dates::chinese(d),
                            other.kind.label(),
                            dates::chinese(od)
                        ),
                    ));
                }
            }
        }
        tx.execute(
            "INSERT INTO project_milestones (project_id, kind, planned_on, done_on, amount, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (project_id, kind) DO UPDATE SET planned_on = ?3, done_on = ?4, amount = ?5, note = ?6",
            params![
                id,
                m.kind,
                planned.map(|d| d.to_string()),
                done.map(|d| d.to_string()),
                m.amount,
                m.note.trim()
            ],
        )?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

/// Only a project the vote adopted is followed.
fn adopted(p: &LivelihoodProject) -> Result<()> {
    if p.vote.as_ref().is_some_and(|v| v.adopted) {
        return Ok(());
    }
    Err(Error::InvalidTransition(format!(
        "{}尚未经票决入选，不能登记实施进度",
        p.number
    )))
}

pub fn add_report(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    r: &ReportInput,
) -> Result<LivelihoodProject> {
    crate::fields::check(&crate::fields::PROJECT_REPORT, r, stamp.today())?;
    let on = dates::parse_iso("date", "报告日期", r.date.trim())?;
    if on > stamp.today() {
        return Err(Error::validation("date", "日期不能晚于今天"));
    }
    if r.text.trim().is_empty() {
        return Err(Error::validation("text", "请填写报告或视察的内容"));
    }
    if let Some(a) = r.activity_id {
        crate::activities::get(store.conn(), a)
            .map_err(|_| Error::validation("activity_id", "所选代表小组活动不存在"))?;
    }
    book::update(store, stamp, id, |tx, before: &LivelihoodProject| {
        adopted(before)?;
        tx.execute(
            "INSERT INTO project_reports (project_id, date, kind, text, activity_id, actor, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                on.to_string(),
                r.kind,
                r.text.trim(),
                r.activity_id,
                stamp.actor,
                stamp.at_text()
            ],
        )?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void_report(
    store: &mut Store,
    stamp: &Stamp,
    report_id: i64,
    reason: &str,
) -> Result<LivelihoodProject> {
    crate::fields::check_text(&crate::fields::VOID, "reason", reason)?;
    if reason.trim().is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    let id: i64 = store
        .conn()
        .query_row(
            "SELECT project_id FROM project_reports WHERE id = ?1 AND voided_at IS NULL",
            [report_id],
            |r| r.get(0),
        )
        .map_err(|_| Error::validation("id", "这条报告不存在或已作废"))?;
    book::update(store, stamp, id, |tx, _: &LivelihoodProject| {
        tx.execute(
            "UPDATE project_reports SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
            params![report_id, stamp.at_text(), reason.trim()],
        )?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

/// The deputies' year-end evaluation: how many rated it 满意, 基本满意, 不满意.
pub fn evaluate(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    e: &EvaluationInput,
) -> Result<LivelihoodProject> {
    crate::fields::check(&crate::fields::PROJECT_EVALUATION, e, stamp.today())?;
    let on = dates::parse_iso("date", "测评日期", e.date.trim())?;
    if on > stamp.today() {
        return Err(Error::validation("date", "测评日期不能晚于今天"));
    }
    for (key, v) in [
        ("satisfied", e.satisfied),
        ("basically", e.basically),
        ("unsatisfied", e.unsatisfied),
    ] {
        crate::sessions::in_range(key, "", key, v)?;
    }
    let total = e.satisfied + e.basically + e.unsatisfied;
    if total == 0 {
        return Err(Error::validation(
            "satisfied",
            "请填写满意、基本满意、不满意的票数（合计不能为 0）",
        ));
    }
    book::update(store, stamp, id, |tx, before: &LivelihoodProject| {
        adopted(before)?;
        // The deputies rate it: no more ratings than deputies held a mandate at the vote.
        if let Some(v) = before.vote.as_ref().filter(|v| total > v.deputies) {
            return Err(Error::validation(
                "satisfied",
                format!(
                    "满意、基本满意、不满意合计 {total} 票，多于票决时的全体代表 {} 人，请核对",
                    v.deputies
                ),
            ));
        }
        tx.execute(
            "UPDATE livelihood_projects SET evaluated_on = ?2, rated_satisfied = ?3,
                rated_basically = ?4, rated_unsatisfied = ?5 WHERE id = ?1",
            params![id, on.to_string(), e.satisfied, e.basically, e.unsatisfied],
        )?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

/// An adopted project unfinished at the end of its year goes on next year's list.
pub fn carry(store: &mut Store, stamp: &Stamp, id: i64) -> Result<LivelihoodProject> {
    book::update(store, stamp, id, |tx, before: &LivelihoodProject| {
        adopted(before)?;
        if matches!(
            before.state,
            ProjectState::Completed | ProjectState::Accepted
        ) {
            return Err(Error::InvalidTransition(format!(
                "{}已完工，不需要结转",
                before.number
            )));
        }
        let to = before.carried_to.unwrap_or(before.year) + 1;
        tx.execute(
            "UPDATE livelihood_projects SET carried_to = ?2 WHERE id = ?1",
            params![id, to],
        )?;
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}
