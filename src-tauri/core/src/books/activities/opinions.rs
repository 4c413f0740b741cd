//! An opinion collected at an activity turned into a case: a suggestion or a petition drafted
//! from it, saved with the link kept on the opinion (once only), and the source named on the
//! case's side.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::*;
use crate::history::{self, Action, Entity, Stamp};
use crate::petitions::{self, PetitionInput};
use crate::suggestions::{self, SuggestionInput};
use crate::{Error, Result, Store};

/// The opinion with its activity, checked to be still open for turning into a case.
fn open_opinion(conn: &Connection, opinion_id: i64) -> Result<(GroupActivity, Opinion)> {
    let activity_id: i64 = conn
        .query_row(
            "SELECT activity_id FROM activity_opinions WHERE id = ?1",
            [opinion_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "活动中收集的意见",
            id: opinion_id,
        })?;
    let a = get(conn, activity_id)?;
    if a.voided {
        return Err(Error::InvalidTransition(format!(
            "活动{}已作废，其中的意见不能再转办",
            a.number
        )));
    }
    let o = a
        .opinions
        .iter()
        .find(|o| o.id == opinion_id)
        .cloned()
        .ok_or(Error::NotFound {
            what: "活动中收集的意见",
            id: opinion_id,
        })?;
    if let Some(s) = &o.suggestion {
        return Err(Error::conflict(
            "opinion_id",
            format!("第{}条意见已转为建议{}", o.seq, s.number),
        )
        .about(s.id));
    }
    if let Some(p) = &o.petition {
        return Err(Error::conflict(
            "opinion_id",
            format!("第{}条意见已转为信访{}", o.seq, p.number),
        )
        .about(p.id));
    }
    Ok((a, o))
}

/// The subject a clerk would write for an opinion: its first clause, without the voter's
/// "希望 / 建议 / 要求 / 请" in front, as "关于…的建议" ("希望尽快修复村道，雨天难行" becomes
/// "关于尽快修复村道的建议").
fn subject_of(content: &str) -> String {
    const LEAD_INS: &[&str] = &[
        "强烈建议",
        "建议",
        "希望",
        "要求",
        "请求",
        "恳请",
        "呼吁",
        "反映",
        "请",
        "关于",
    ];
    let mut first = content
        .split(['。', '，', '；', '！', '？', '\n', ',', ';'])
        .map(str::trim)
        .find(|c| !c.is_empty())
        .unwrap_or("")
        .to_string();
    while let Some(rest) = LEAD_INS.iter().find_map(|l| first.strip_prefix(l)) {
        first = rest.trim_start_matches(['：', ':', ' ']).to_string();
    }
    let first = first
        .trim_end_matches("的建议")
        .trim_end_matches("的问题")
        .trim_end_matches('的');
    let first: String = first.chars().take(30).collect();
    if first.is_empty() {
        return "关于群众反映问题的建议".into();
    }
    format!("关于{first}的建议")
}

/// A suggestion prefilled from an opinion: between sessions, led by the group's leader (or the
/// first member present), dated the day of the activity. Nothing is written until it is saved.
pub fn suggestion_draft(conn: &Connection, opinion_id: i64) -> Result<SuggestionInput> {
    let (a, o) = open_opinion(conn, opinion_id)?;
    let term = org::term_on(conn, a.date)?;
    let session_no: i64 = conn.query_row(
        "SELECT COALESCE(MAX(session_no), 1) FROM suggestions WHERE term_id = ?1",
        [term.id],
        |r| r.get(0),
    )?;
    let leader = match a.group_id {
        Some(g) => org::group_record(conn, g)?.leader_id,
        None => None,
    };
    let lead = leader
        .filter(|l| {
            a.members
                .iter()
                .any(|m| m.deputy_id == *l && m.attendance == Attendance::Present)
        })
        .or_else(|| {
            a.members
                .iter()
                .find(|m| m.attendance == Attendance::Present)
                .map(|m| m.deputy_id)
        });
    Ok(SuggestionInput {
        term_id: Some(term.id),
        session_no,
        during_session: false,
        kind: SuggestionKind::Suggestion,
        lead_deputy_id: lead,
        by_presidium: false,
        co_signer_ids: Vec::new(),
        subject: subject_of(&o.content),
        content: format!(
            "{}\n（{}{}{}收集，{}第{}条意见{}）",
            o.content,
            dates::chinese(a.date),
            a.organiser_name,
            a.kind.label(),
            a.number,
            o.seq,
            if o.source.is_empty() {
                String::new()
            } else {
                format!("，反映人：{}", o.source)
            }
        ),
        category: SuggestionCategory::Other,
        received_on: a.date.to_string(),
        key_supervision: false,
        published: false,
        notes: String::new(),
    })
}

/// A petition prefilled from an opinion: passed on by a deputy, received on the day.
pub fn petition_draft(conn: &Connection, opinion_id: i64) -> Result<PetitionInput> {
    let (a, o) = open_opinion(conn, opinion_id)?;
    let leader = match a.group_id {
        Some(g) => org::group_record(conn, g)?.leader_id,
        None => None,
    };
    Ok(PetitionInput {
        channel: PetitionChannel::DeputyReferral,
        received_at: format!("{} 09:00", a.date),
        anonymous: false,
        petitioner_name: (!o.source.is_empty()).then(|| o.source.clone()),
        sex: None,
        age: None,
        address: None,
        phone: None,
        id_number: None,
        co_visitors: None,
        people_count: 1,
        request: o.content.clone(),
        facts: format!(
            "{}{}{}中收集（{}第{}条意见）",
            dates::chinese(a.date),
            a.organiser_name,
            a.kind.label(),
            a.number,
            o.seq
        ),
        category: PetitionCategory::Other,
        receiver: String::new(),
        via_deputy_id: leader,
        proposed_handling: String::new(),
        instruction: String::new(),
        confidential: false,
        link_ids: Vec::new(),
    })
}

fn note_conversion(
    conn: &Connection,
    stamp: &Stamp,
    a: &GroupActivity,
    o: &Opinion,
    what: &str,
) -> Result<()> {
    history::record(
        conn,
        stamp,
        Entity::GroupActivity,
        a.id,
        Action::Update,
        None,
        None,
        &format!("第{}条意见转为{what}", o.seq),
    )
}

/// Registers the suggestion and links the opinion to it, in one transaction.
pub fn to_suggestion(
    store: &mut Store,
    stamp: &Stamp,
    opinion_id: i64,
    input: &SuggestionInput,
) -> Result<suggestions::Suggestion> {
    crate::fields::check(&crate::fields::SUGGESTION, input, stamp.today())?;
    let id = store.write(|tx| {
        let (a, o) = open_opinion(tx, opinion_id)?;
        let sid = suggestions::create_in(tx, stamp, input)?;
        tx.execute(
            "UPDATE activity_opinions SET suggestion_id = ?2 WHERE id = ?1",
            params![opinion_id, sid],
        )?;
        let number: String =
            tx.query_row("SELECT number FROM suggestions WHERE id = ?1", [sid], |r| {
                r.get(0)
            })?;
        note_conversion(tx, stamp, &a, &o, &format!("建议{number}"))?;
        Ok(sid)
    })?;
    suggestions::get(store.conn(), id, stamp.today())
}

/// Registers the petition and links the opinion to it, in one transaction.
pub fn to_petition(
    store: &mut Store,
    stamp: &Stamp,
    opinion_id: i64,
    input: &PetitionInput,
) -> Result<petitions::Petition> {
    crate::fields::check(&crate::fields::PETITION, input, stamp.today())?;
    let id = store.write(|tx| {
        let (a, o) = open_opinion(tx, opinion_id)?;
        let pid = petitions::create_in(tx, stamp, input)?;
        tx.execute(
            "UPDATE activity_opinions SET petition_id = ?2 WHERE id = ?1",
            params![opinion_id, pid],
        )?;
        let number: String =
            tx.query_row("SELECT number FROM petitions WHERE id = ?1", [pid], |r| {
                r.get(0)
            })?;
        note_conversion(tx, stamp, &a, &o, &format!("信访{number}"))?;
        Ok(pid)
    })?;
    petitions::get(store.conn(), id, stamp.today())
}

/// The activity opinion a suggestion (`entity` "suggestion") or petition came from, if any.
pub fn source_of(conn: &Connection, entity: &str, id: i64) -> Result<Option<OpinionSource>> {
    let column = match entity {
        "suggestion" => "suggestion_id",
        "petition" => "petition_id",
        _ => {
            return Err(Error::validation(
                "entity",
                "只有建议和信访可能来自小组活动",
            ))
        }
    };
    let found = conn
        .query_row(
            &format!(
                "SELECT a.id, a.number, a.theme, a.kind, a.date, o.seq, o.content FROM activity_opinions o
                 JOIN group_activities a ON a.id = o.activity_id WHERE o.{column} = ?1"
            ),
            [id],
            |r| {
                let d: String = r.get(4)?;
                Ok(OpinionSource {
                    activity_id: r.get(0)?,
                    activity_number: r.get(1)?,
                    theme: r.get(2)?,
                    kind: r.get(3)?,
                    date: NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap_or_default(),
                    opinion_seq: r.get(5)?,
                    content: r.get(6)?,
                })
            },
        )
        .optional()?;
    Ok(found)
}

#[cfg(test)]
mod subject_tests {
    use super::subject_of;

    #[test]
    fn the_subject_reads_like_a_clerks() {
        for (opinion, subject) in [
            ("希望尽快修复村道，雨天难行", "关于尽快修复村道的建议"),
            ("建议：增设公交站点。", "关于增设公交站点的建议"),
            ("要求解决饮水问题的问题", "关于解决饮水问题的建议"),
            ("村口路灯坏了三个月", "关于村口路灯坏了三个月的建议"),
            ("，，", "关于群众反映问题的建议"),
        ] {
            assert_eq!(subject_of(opinion), subject, "{opinion}");
        }
    }
}
