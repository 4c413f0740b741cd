//! The sessions book (人民代表大会会议记录): each session of the township congress, numbered in
//! its term (第二十届人民代表大会第四次会议), with attendance as it was on the first day (every
//! deputy holding a mandate, suspended ones included), the agenda with each item's resolution and
//! votes, and the elections held at the session with their ballots and candidates.
//!
//! The book records what happened, so the checks (quorum, a resolution or a candidate short of a
//! majority of ALL deputies, a void count, late notice) are shown beside the entry with their
//! legal basis from the rule profile, never refused. What is impossible (more votes than people
//! present, valid and invalid ballots not adding up to those returned) is refused.

mod absence;
pub mod count;
mod read;
mod write;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::Book;
use crate::history::{Entity, HistoryEntry};
use crate::roster::deputy;
use crate::roster::org::{self, Term};
use crate::rules::{self, SessionRules};
use crate::vocab::*;
use crate::{dates, Error, Result};

pub use absence::{absent_twice, dismiss_absence, AbsentTwice};
pub(crate) use read::session_ref;
pub use read::{
    attended_by, by_number, checks, detail, elections_won, get, in_progress, list, short_years,
    ElectionWon, SessionAttended, SessionChecks, YearShort,
};
pub(crate) use write::in_range;
pub use write::{create, draft, update, void, SessionDraft};

/// The longest a session may run: they last one or two days; a week is a typing error.
pub const MAX_DAYS: i64 = 7;
/// Elections at one session, and candidates in one: beyond any township's.
const MAX_ELECTIONS: usize = 20;
const MAX_CANDIDATES: usize = 30;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct AttendanceInput {
    pub deputy_id: i64,
    pub attendance: Attendance,
    /// 请假原因 (required for 请假).
    #[serde(default)]
    pub reason: String,
    /// Who approved the leave.
    #[serde(default)]
    pub approved_by: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct SessionItemInput {
    pub kind: SessionItemKind,
    pub title: String,
    /// The resolution or decision adopted (its text or title).
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub outcome_kind: Option<OutcomeKind>,
    /// The three counts go together: all given (a vote was taken) or none.
    #[serde(default)]
    pub votes_for: Option<i64>,
    #[serde(default)]
    pub votes_against: Option<i64>,
    #[serde(default)]
    pub votes_abstain: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct CandidateInput {
    pub name: String,
    /// When the candidate is a deputy of the township (most are).
    #[serde(default)]
    pub deputy_id: Option<i64>,
    pub votes: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ElectionInput {
    pub post: ElectedPost,
    /// 补选: a place that fell vacant during the term.
    #[serde(default)]
    pub by_election: bool,
    /// 差额: more candidates than places.
    #[serde(default)]
    pub competitive: bool,
    #[serde(default = "one")]
    pub places: i64,
    pub ballots_issued: i64,
    pub ballots_returned: i64,
    pub ballots_valid: i64,
    pub ballots_invalid: i64,
    pub candidates: Vec<CandidateInput>,
}

fn one() -> i64 {
    1
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct SessionInput {
    #[serde(default = "regular")]
    pub kind: SessionKind,
    pub first_day: String,
    /// Empty: a one-day session.
    #[serde(default)]
    pub last_day: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub notified_on: Option<String>,
    /// 主持人 / 执行主席, as written.
    #[serde(default)]
    pub presiders: String,
    /// 列席: people attending without a vote.
    #[serde(default)]
    pub attendees: String,
    /// The exceptions: deputies excused or absent; every other deputy in office was present.
    #[serde(default)]
    pub attendance: Vec<AttendanceInput>,
    #[serde(default)]
    pub items: Vec<SessionItemInput>,
    #[serde(default)]
    pub elections: Vec<ElectionInput>,
    #[serde(default)]
    pub notes: String,
}

fn regular() -> SessionKind {
    SessionKind::Regular
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct SessionMember {
    pub deputy_id: i64,
    pub name: String,
    pub attendance: Attendance,
    pub reason: String,
    pub approved_by: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct SessionItem {
    pub seq: i64,
    pub kind: SessionItemKind,
    pub title: String,
    pub outcome: String,
    pub outcome_kind: Option<OutcomeKind>,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    /// By the profile's majority of ALL deputies; None when no vote was taken.
    pub passed: Option<bool>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Candidate {
    pub seq: i64,
    pub name: String,
    pub deputy_id: Option<i64>,
    pub votes: i64,
    pub elected: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Election {
    pub seq: i64,
    pub post: ElectedPost,
    pub by_election: bool,
    pub competitive: bool,
    pub places: i64,
    pub ballots_issued: i64,
    pub ballots_returned: i64,
    pub ballots_valid: i64,
    pub ballots_invalid: i64,
    pub candidates: Vec<Candidate>,
    /// More ballots returned than issued.
    pub void: bool,
}

impl Election {
    /// 选举镇长（差额，补选）
    pub fn title(&self) -> String {
        let mut how = vec![if self.competitive { "差额" } else { "等额" }];
        if self.by_election {
            how.push("补选");
        }
        format!("选举{}（{}）", self.post.label(), how.join("，"))
    }
    pub fn elected_names(&self) -> Vec<String> {
        self.candidates
            .iter()
            .filter(|c| c.elected)
            .map(|c| c.name.clone())
            .collect()
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CongressSession {
    pub id: i64,
    pub number: String,
    pub term_id: i64,
    pub seq: i64,
    pub kind: SessionKind,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub place: String,
    pub notified_on: Option<NaiveDate>,
    pub presiders: String,
    pub attendees: String,
    pub members: Vec<SessionMember>,
    /// Deputies holding a mandate on the first day (the base of every share).
    pub expected: usize,
    pub present: usize,
    pub excused: usize,
    pub absent: usize,
    pub items: Vec<SessionItem>,
    pub elections: Vec<Election>,
    /// What the rules would have wanted, each with its basis; empty when all is well.
    pub checks: Vec<String>,
    /// Status events of the roster dated on the session's days (a resignation the session
    /// accepted, a recall, a termination it announced): what the session decided about deputies.
    pub deputy_events: Vec<SessionEvent>,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl CongressSession {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["members"] = json!(self
            .members
            .iter()
            .filter(|m| m.attendance != Attendance::Present)
            .map(|m| match m.reason.as_str() {
                "" => format!("{}（{}）", m.name, m.attendance.label()),
                r => format!("{}（{}：{r}）", m.name, m.attendance.label()),
            })
            .collect::<Vec<_>>());
        v["elections"] = json!(self
            .elections
            .iter()
            .map(|e| format!(
                "{}：{}",
                e.title(),
                e.candidates
                    .iter()
                    .map(|c| format!(
                        "{} {}票{}",
                        c.name,
                        c.votes,
                        if c.elected { "当选" } else { "" }
                    ))
                    .collect::<Vec<_>>()
                    .join("，")
            ))
            .collect::<Vec<_>>());
        if let Some(o) = v.as_object_mut() {
            o.remove("checks");
            o.remove("deputy_events");
        }
        v
    }
}

/// A roster status event on a session's days.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SessionEvent {
    pub event_id: i64,
    pub deputy: crate::refs::DeputyRef,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub votes_for: Option<i64>,
    pub votes_total: Option<i64>,
}

/// How a session is named in a link: its number and first day.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct SessionRef {
    pub id: i64,
    pub number: String,
    pub term_id: i64,
    pub seq: i64,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SessionDetail {
    pub session: CongressSession,
    /// Suggestions registered at the session (their number carries the session).
    pub suggestions: usize,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct SessionQuery {
    pub search: Option<String>,
    pub term_id: Option<i64>,
    pub year: Option<i32>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

/// The deputies expected on `on`: every deputy of the term holding a mandate that day
/// (suspended ones included: the base is the mandates, not the seats), in roster order.
pub fn members_on(conn: &Connection, on: NaiveDate) -> Result<(Term, Vec<SessionMember>)> {
    let term = org::term_on(conn, on).map_err(|_| {
        Error::validation(
            "first_day",
            format!(
                "{}不在任何届次的任期内，请核对开幕日期或先在“届次”中登记",
                dates::chinese(on)
            ),
        )
    })?;
    let mut views: Vec<_> = deputy::term_views(conn, term.id, on)?
        .into_iter()
        .filter(|d| !d.voided && org::holds_office(d.status) && d.elected_on <= on)
        .collect();
    deputy::sort(&mut views, RosterOrder::Group);
    let members = views
        .into_iter()
        .map(|d| SessionMember {
            deputy_id: d.id,
            name: d.name,
            attendance: Attendance::Present,
            reason: String::new(),
            approved_by: String::new(),
        })
        .collect();
    Ok((term, members))
}

fn session_rules(conn: &Connection) -> Result<&'static SessionRules> {
    Ok(&rules::current(conn)?.session)
}

impl Book for CongressSession {
    const ENTITY: Entity = Entity::CongressSession;
    const TABLE: &'static str = "congress_sessions";
    const NAME: &'static str = "人代会记录";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        CongressSession::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "kind" => SessionKind::from_code(code).map(|k| k.label()),
            _ => None,
        }
    }
}
