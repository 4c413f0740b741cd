//! The group activity book (代表小组活动记录簿): what a deputy group did, who of its members came,
//! and the opinions collected there. The same book holds the activities the presidium organises
//! town-wide (视察, 调研, 执法检查, 专题询问, 听取专项报告, 培训: the deputies it invited, of any
//! group and level) and each day of duty at a liaison station (the deputies on its rota); what
//! differs is who is expected ([`Organiser`]). An opinion (e.g. from a voter reception, workflow 4) can
//! become a suggestion or a petition entry; the link is kept on the opinion, so the activity
//! shows what became of each opinion and the suggestion or petition shows where it came from.

mod opinions;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::{self, Book};
use crate::history::{Entity, HistoryEntry, Stamp};
use crate::roster::deputy;
use crate::roster::org;
use crate::store::{ListSql, Page, Where};
use crate::vocab::*;
use crate::{dates, Error, Result, Store};

pub use opinions::{petition_draft, source_of, suggestion_draft, to_petition, to_suggestion};

/// Days of notice the office aims for (BOOKS.md: "usually three days ahead"); shown, not enforced.
pub const NOTICE_DAYS: i64 = 3;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct OpinionInput {
    /// The stored opinion this edits; None for a new one.
    #[serde(default)]
    pub id: Option<i64>,
    /// Who raised it (a voter, a village): free text, often "某村村民".
    #[serde(default)]
    pub source: String,
    pub content: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ActivityInput {
    /// 代表小组 (the default), 主席团 or 代表联络站.
    #[serde(default = "by_group")]
    pub organiser: Organiser,
    /// The group, for a group's activity (its members are expected).
    #[serde(default)]
    pub group_id: Option<i64>,
    /// The station, for a day of station duty (the deputies on its rota that day are expected).
    #[serde(default)]
    pub station_id: Option<i64>,
    /// The deputies the presidium invited (any group, any level), or deputies joining a station's
    /// duty beside its rota.
    #[serde(default)]
    pub participants: Vec<i64>,
    pub kind: ActivityKind,
    pub date: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub notice_date: Option<String>,
    pub theme: String,
    /// Members excused (请假) and absent without leave; every other member was present.
    #[serde(default)]
    pub excused: Vec<i64>,
    #[serde(default)]
    pub absent: Vec<i64>,
    /// Why an excused member was excused, for those the clerk was told (请假原因).
    #[serde(default)]
    pub leave_reasons: Vec<LeaveReason>,
    /// Higher-level deputies attending (县、市代表), free text.
    #[serde(default)]
    pub higher_deputies: String,
    #[serde(default)]
    pub record: String,
    #[serde(default)]
    pub results: String,
    #[serde(default)]
    pub reported_on: Option<String>,
    /// Voters received (接待群众人次), for a reception or a station duty.
    #[serde(default)]
    pub voters_received: Option<i64>,
    #[serde(default)]
    pub opinions: Vec<OpinionInput>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct LeaveReason {
    pub deputy_id: i64,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ActivityMember {
    pub deputy_id: i64,
    pub name: String,
    pub attendance: Attendance,
    /// 请假原因; empty unless excused with a reason given.
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct CaseLink {
    pub id: i64,
    pub number: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Opinion {
    pub id: i64,
    pub seq: i64,
    pub source: String,
    pub content: String,
    pub suggestion: Option<CaseLink>,
    pub petition: Option<CaseLink>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct GroupActivity {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub organiser: Organiser,
    /// The group of a group's activity; None for the presidium's and a station's.
    pub group_id: Option<i64>,
    /// The group's name; empty for the presidium's and a station's.
    pub group_name: String,
    pub station_id: Option<i64>,
    /// Who organised it, as the book prints it: 东片代表小组, 镇人大主席团, 青山代表联络站.
    pub organiser_name: String,
    pub kind: ActivityKind,
    pub date: NaiveDate,
    pub place: String,
    pub notice_date: Option<NaiveDate>,
    pub theme: String,
    pub members: Vec<ActivityMember>,
    pub expected: usize,
    pub present: usize,
    pub excused: usize,
    pub absent: usize,
    pub higher_deputies: String,
    pub record: String,
    pub results: String,
    pub reported_on: Option<NaiveDate>,
    pub voters_received: Option<i64>,
    pub opinions: Vec<Opinion>,
    /// Shown beside the entry (short notice, not yet reported); empty when all is well.
    pub checks: Vec<String>,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl GroupActivity {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["members"] = json!(self
            .members
            .iter()
            .map(|m| match m.reason.as_str() {
                "" => format!("{}（{}）", m.name, m.attendance.label()),
                r => format!("{}（{}：{r}）", m.name, m.attendance.label()),
            })
            .collect::<Vec<_>>());
        v["opinions"] = json!(self
            .opinions
            .iter()
            .map(|o| o.content.clone())
            .collect::<Vec<_>>());
        if let Some(o) = v.as_object_mut() {
            o.remove("checks");
        }
        v
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ActivityDetail {
    pub activity: GroupActivity,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct ActivityQuery {
    pub search: Option<String>,
    pub year: Option<i32>,
    pub organiser: Option<Organiser>,
    pub group_id: Option<i64>,
    pub station_id: Option<i64>,
    pub kind: Option<ActivityKind>,
    pub deputy_id: Option<i64>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

/// Where a suggestion or a petition came from, for its page.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct OpinionSource {
    pub activity_id: i64,
    pub activity_number: String,
    pub theme: String,
    pub kind: ActivityKind,
    pub date: NaiveDate,
    pub opinion_seq: i64,
    pub content: String,
}

fn by_group() -> Organiser {
    Organiser::Group
}

/// The kinds the presidium organises town-wide (BOOKS.md, "Beyond the seven books").
pub const PRESIDIUM_KINDS: [ActivityKind; 8] = [
    ActivityKind::Inspection,
    ActivityKind::Survey,
    ActivityKind::LawEnforcementCheck,
    ActivityKind::SpecialInquiry,
    ActivityKind::SpecialReport,
    ActivityKind::Study,
    ActivityKind::DutyReport,
    ActivityKind::Other,
];

/// The group's members holding office on `on`, in roster order, all marked present.
pub fn members_on(conn: &Connection, group_id: i64, on: NaiveDate) -> Result<Vec<ActivityMember>> {
    expected_on(conn, on, |d| d.group_id == Some(group_id))
}

/// The deputies holding office on `on` that `pick` chooses, in roster order, all present.
fn expected_on(
    conn: &Connection,
    on: NaiveDate,
    pick: impl Fn(&deputy::Deputy) -> bool,
) -> Result<Vec<ActivityMember>> {
    let term = org::term_on(conn, on)?;
    let mut views: Vec<_> = deputy::term_views(conn, term.id, on)?
        .into_iter()
        .filter(|d| pick(d) && !d.voided && org::holds_office(d.status))
        .collect();
    deputy::sort(&mut views, RosterOrder::Group);
    Ok(views
        .into_iter()
        .map(|d| ActivityMember {
            deputy_id: d.id,
            name: d.name,
            attendance: Attendance::Present,
            reason: String::new(),
        })
        .collect())
}

const COLUMNS: &str = "a.id, a.number, a.year, a.seq, a.group_id, COALESCE(g.name, ''), a.kind, a.date, a.place, a.notice_date,
    a.theme, a.higher_deputies, a.record, a.results, a.reported_on, a.notes, a.voided_at IS NOT NULL, a.void_reason,
    a.organiser, a.station_id, COALESCE(st.name, ''), a.voters_received";

const FROM: &str = "group_activities a LEFT JOIN deputy_groups g ON g.id = a.group_id
    LEFT JOIN liaison_stations st ON st.id = a.station_id";

/// How the book names who organised an activity.
fn organiser_name(organiser: Organiser, group: &str, station: &str) -> String {
    match organiser {
        Organiser::Group => group.to_string(),
        Organiser::Presidium => "镇人大主席团".to_string(),
        Organiser::Station => station.to_string(),
    }
}

fn from_row(r: &Row) -> rusqlite::Result<GroupActivity> {
    let date = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        let s: Option<String> = r.get(i)?;
        Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    };
    let organiser: Organiser = r.get(18)?;
    let group_name: String = r.get(5)?;
    let station_name: String = r.get(20)?;
    Ok(GroupActivity {
        id: r.get(0)?,
        number: r.get(1)?,
        year: r.get(2)?,
        seq: r.get(3)?,
        organiser,
        group_id: r.get(4)?,
        organiser_name: organiser_name(organiser, &group_name, &station_name),
        group_name,
        station_id: r.get(19)?,
        kind: r.get(6)?,
        date: date(7)?.unwrap_or_default(),
        place: r.get(8)?,
        notice_date: date(9)?,
        theme: r.get(10)?,
        members: Vec::new(),
        expected: 0,
        present: 0,
        excused: 0,
        absent: 0,
        higher_deputies: r.get(11)?,
        record: r.get(12)?,
        results: r.get(13)?,
        reported_on: date(14)?,
        voters_received: r.get(21)?,
        opinions: Vec::new(),
        checks: Vec::new(),
        notes: r.get(15)?,
        voided: r.get(16)?,
        void_reason: r.get(17)?,
    })
}

fn complete(conn: &Connection, a: &mut GroupActivity) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.deputy_id, d.name, x.attendance, x.reason FROM activity_attendance x JOIN deputies d ON d.id = x.deputy_id
         WHERE x.activity_id = ?1 ORDER BY x.rowid",
    )?;
    a.members = stmt
        .query_map([a.id], |r| {
            Ok(ActivityMember {
                deputy_id: r.get(0)?,
                name: r.get(1)?,
                attendance: r.get(2)?,
                reason: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let count = |k: Attendance| a.members.iter().filter(|m| m.attendance == k).count();
    a.expected = a.members.len();
    a.present = count(Attendance::Present);
    a.excused = count(Attendance::Excused);
    a.absent = count(Attendance::Absent);
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.seq, o.source, o.content, o.suggestion_id, s.number, o.petition_id, p.number
         FROM activity_opinions o LEFT JOIN suggestions s ON s.id = o.suggestion_id
         LEFT JOIN petitions p ON p.id = o.petition_id WHERE o.activity_id = ?1 ORDER BY o.seq",
    )?;
    a.opinions = stmt
        .query_map([a.id], |r| {
            let link = |i: usize| -> rusqlite::Result<Option<CaseLink>> {
                let id: Option<i64> = r.get(i)?;
                Ok(match id {
                    Some(id) => Some(CaseLink {
                        id,
                        number: r.get(i + 1)?,
                    }),
                    None => None,
                })
            };
            Ok(Opinion {
                id: r.get(0)?,
                seq: r.get(1)?,
                source: r.get(2)?,
                content: r.get(3)?,
                suggestion: link(4)?,
                petition: link(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    a.checks.clear();
    if let Some(n) = a.notice_date {
        let days = (a.date - n).num_days();
        if days < NOTICE_DAYS {
            a.checks.push(format!(
                "通知日期距活动只有 {days} 天，一般应提前 {NOTICE_DAYS} 天通知代表"
            ));
        }
    }
    if a.expected > 0 && a.present * 2 <= a.expected {
        let of = match a.organiser {
            Organiser::Group => "小组成员",
            Organiser::Presidium => "应邀代表",
            Organiser::Station => "排班代表",
        };
        a.checks.push(format!(
            "出席 {} 人，不到{of} {} 人的半数",
            a.present, a.expected
        ));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<GroupActivity> {
    let mut a = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM {FROM} WHERE a.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "代表小组活动",
            id,
        })?;
    complete(conn, &mut a)?;
    Ok(a)
}

pub fn detail(conn: &Connection, id: i64) -> Result<ActivityDetail> {
    Ok(ActivityDetail {
        activity: get(conn, id)?,
        history: book::history::of::<GroupActivity>(conn, id)?,
    })
}

pub fn list(conn: &Connection, q: &ActivityQuery) -> Result<Page<GroupActivity>> {
    let mut w = Where::default();
    if let Some(y) = q.year {
        crate::dates::check_year(y)?;
        w.and_with("a.year = ?", y as i64);
    }
    if let Some(o) = q.organiser {
        w.and_with("a.organiser = ?", o.code().to_string());
    }
    if let Some(g) = q.group_id {
        w.and_with("a.group_id = ?", g);
    }
    if let Some(st) = q.station_id {
        w.and_with("a.station_id = ?", st);
    }
    if let Some(k) = q.kind {
        w.and_with("a.kind = ?", k.code().to_string());
    }
    if let Some(d) = q.deputy_id {
        w.and_with(
            "a.id IN (SELECT activity_id FROM activity_attendance WHERE deputy_id = ?)",
            d,
        );
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // One parameter used six times: `?` is replaced by the same `?N` everywhere.
        w.and_with("(a.theme LIKE ? OR a.number LIKE ? OR a.place LIKE ? OR a.record LIKE ? OR a.results LIKE ?
              OR a.id IN (SELECT activity_id FROM activity_opinions WHERE content LIKE ?))",
            format!("%{}%", text.replace(['%', '_'], "")));
    }
    if !q.include_voided {
        w.and("a.voided_at IS NULL");
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: FROM,
        count_from: FROM,
        order: "a.date DESC, a.id DESC",
    };
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)?.try_each(|a| complete(conn, a))
}

struct Valid {
    date: NaiveDate,
    notice_date: Option<NaiveDate>,
    reported_on: Option<NaiveDate>,
    members: Vec<ActivityMember>,
}

fn validate(
    conn: &Connection,
    input: &ActivityInput,
    today: NaiveDate,
    existing: &[Opinion],
) -> Result<Valid> {
    let date = dates::parse_iso("date", "活动日期", &input.date)?;
    if date > today {
        return Err(Error::validation(
            "date",
            "活动日期不能晚于今天（计划中的活动请在开展后登记）",
        ));
    }
    let notice_date = dates::parse_optional("notice_date", "通知日期", &input.notice_date)?;
    if notice_date.is_some_and(|n| n > date) {
        return Err(Error::validation("notice_date", "通知日期不能晚于活动日期"));
    }
    let reported_on = dates::parse_optional("reported_on", "报主席团日期", &input.reported_on)?;
    if reported_on.is_some_and(|r| r < date) {
        return Err(Error::validation(
            "reported_on",
            "报主席团日期不能早于活动日期",
        ));
    }
    let theme = input.theme.trim();
    if theme.is_empty() {
        return Err(Error::validation("theme", "请填写活动主题"));
    }
    if theme.chars().count() > 100 {
        return Err(Error::validation("theme", "活动主题不能超过 100 个字"));
    }
    if input
        .voters_received
        .is_some_and(|n| !(0..=100_000).contains(&n))
    {
        return Err(Error::validation(
            "voters_received",
            "接待群众人次应在 0 到 100000 之间",
        ));
    }
    let mut members = expected(conn, input, date)?;
    for (field, list, kind) in [
        ("excused", &input.excused, Attendance::Excused),
        ("absent", &input.absent, Attendance::Absent),
    ] {
        for id in list {
            let Some(m) = members.iter_mut().find(|m| m.deputy_id == *id) else {
                let name = deputy::record(conn, *id)
                    .map(|d| d.name)
                    .unwrap_or_default();
                let who = if name.is_empty() {
                    format!("编号 {id} 的代表")
                } else {
                    name
                };
                let what = if field == "excused" {
                    "请假"
                } else {
                    "缺席"
                };
                let of = match input.organiser {
                    Organiser::Group => "不是该小组当日在任的代表",
                    Organiser::Presidium | Organiser::Station => "不在参加人员之中",
                };
                return Err(Error::validation(
                    field,
                    format!("出席情况（{what}）：{who}{of}"),
                ));
            };
            if m.attendance != Attendance::Present {
                return Err(Error::validation(
                    field,
                    format!("{}既登记为请假又登记为缺席，请只选一项", m.name),
                ));
            }
            m.attendance = kind;
        }
    }
    for l in &input.leave_reasons {
        let reason = l.reason.trim();
        let Some(m) = members.iter_mut().find(|m| m.deputy_id == l.deputy_id) else {
            return Err(Error::validation(
                "leave_reasons",
                format!(
                    "请假原因：编号 {} 的代表不在本次活动的应到人员之中",
                    l.deputy_id
                ),
            ));
        };
        if reason.is_empty() {
            continue;
        }
        if m.attendance != Attendance::Excused {
            return Err(Error::validation(
                "leave_reasons",
                format!("{}没有登记为请假，不能填写请假原因", m.name),
            ));
        }
        m.reason = reason.to_string();
    }
    for (i, o) in input.opinions.iter().enumerate() {
        if o.content.trim().is_empty() {
            return Err(Error::validation(
                "opinions",
                format!("请填写第{}条意见的内容（不需要的空行请删去）", i + 1),
            ));
        }
        if let Some(id) = o.id {
            let Some(old) = existing.iter().find(|e| e.id == id) else {
                return Err(Error::validation("opinions", "意见不属于本次活动"));
            };
            if (old.suggestion.is_some() || old.petition.is_some())
                && old.content != o.content.trim()
            {
                return Err(Error::validation(
                    "opinions",
                    format!("第{}条意见已转为建议或信访，内容不能再改", old.seq),
                ));
            }
        }
    }
    for e in existing {
        if !input.opinions.iter().any(|o| o.id == Some(e.id)) {
            return Err(Error::validation(
                "opinions",
                format!("第{}条意见已登记，不能删除；记错了请修改其内容", e.seq),
            ));
        }
    }
    Ok(Valid {
        date,
        notice_date,
        reported_on,
        members,
    })
}

/// Who is expected at the activity, all marked present: a group's members holding office on
/// the day; for the presidium or a station, the deputies named (each holding office that day,
/// of any group or level), in roster order.
fn expected(
    conn: &Connection,
    input: &ActivityInput,
    date: NaiveDate,
) -> Result<Vec<ActivityMember>> {
    match input.organiser {
        Organiser::Group => {
            let Some(g) = input.group_id else {
                return Err(Error::validation("group_id", "请选择代表小组"));
            };
            org::group_record(conn, g)
                .map_err(|_| Error::validation("group_id", "请选择代表小组"))?;
            if input.station_id.is_some() || !input.participants.is_empty() {
                return Err(Error::validation(
                    "participants",
                    "代表小组活动的参加人员是小组成员，不另选代表或联络站",
                ));
            }
            members_on(conn, g, date)
        }
        Organiser::Presidium | Organiser::Station => {
            if input.group_id.is_some() {
                return Err(Error::validation(
                    "group_id",
                    "主席团组织的活动和联络站值班不属于某个代表小组，请不要选择小组",
                ));
            }
            if input.organiser == Organiser::Station {
                let Some(st) = input.station_id else {
                    return Err(Error::validation("station_id", "请选择代表联络站"));
                };
                org::station(conn, st)
                    .map_err(|_| Error::validation("station_id", "所选代表联络站不存在"))?;
                if input.kind != ActivityKind::StationDuty {
                    return Err(Error::validation(
                        "kind",
                        "联络站值班的活动类型应为“联络站值班”",
                    ));
                }
            } else {
                if input.station_id.is_some() {
                    return Err(Error::validation(
                        "station_id",
                        "主席团组织的活动不属于联络站值班",
                    ));
                }
                if !PRESIDIUM_KINDS.contains(&input.kind) {
                    return Err(Error::validation(
                        "kind",
                        format!(
                            "主席团组织的活动类型应为{}之一",
                            PRESIDIUM_KINDS.map(|k| k.label()).join("、")
                        ),
                    ));
                }
            }
            if input.participants.is_empty() {
                return Err(Error::validation(
                    "participants",
                    "请选择参加人员（主席团组织的活动可选任何小组、任何层级的代表）",
                ));
            }
            let mut seen = std::collections::HashSet::new();
            for id in &input.participants {
                if !seen.insert(*id) {
                    return Err(Error::validation(
                        "participants",
                        format!("参加人员中编号 {id} 的代表选了两次"),
                    ));
                }
            }
            let members = expected_on(conn, date, |d| input.participants.contains(&d.id))?;
            if members.len() != input.participants.len() {
                let missing = input
                    .participants
                    .iter()
                    .find(|id| !members.iter().any(|m| m.deputy_id == **id))
                    .copied()
                    .unwrap_or_default();
                let name = deputy::record(conn, missing)
                    .map(|d| d.name)
                    .unwrap_or_else(|_| format!("编号 {missing} 的代表"));
                return Err(Error::validation(
                    "participants",
                    format!("参加人员：{name}在{}不是在任代表", dates::chinese(date)),
                ));
            }
            Ok(members)
        }
    }
}

fn write(conn: &Connection, id: i64, input: &ActivityInput, v: &Valid) -> Result<()> {
    conn.execute(
        "UPDATE group_activities SET group_id = ?2, kind = ?3, date = ?4, place = ?5, notice_date = ?6, theme = ?7,
            higher_deputies = ?8, record = ?9, results = ?10, reported_on = ?11, notes = ?12,
            organiser = ?13, station_id = ?14, voters_received = ?15 WHERE id = ?1",
        params![
            id,
            input.group_id,
            input.kind,
            v.date.to_string(),
            input.place.trim(),
            v.notice_date.map(|d| d.to_string()),
            input.theme.trim(),
            input.higher_deputies.trim(),
            input.record.trim(),
            input.results.trim(),
            v.reported_on.map(|d| d.to_string()),
            input.notes.trim(),
            input.organiser,
            input.station_id,
            input.voters_received
        ],
    )?;
    conn.execute(
        "DELETE FROM activity_attendance WHERE activity_id = ?1",
        [id],
    )?;
    for m in &v.members {
        conn.execute(
            "INSERT INTO activity_attendance (activity_id, deputy_id, attendance, reason) VALUES (?1, ?2, ?3, ?4)",
            params![id, m.deputy_id, m.attendance, m.reason],
        )?;
    }
    for o in &input.opinions {
        match o.id {
            Some(oid) => {
                conn.execute(
                    "UPDATE activity_opinions SET source = ?2, content = ?3 WHERE id = ?1",
                    params![oid, o.source.trim(), o.content.trim()],
                )?;
            }
            None => {
                conn.execute(
                    "INSERT INTO activity_opinions (activity_id, seq, source, content)
                     VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM activity_opinions WHERE activity_id = ?1), ?2, ?3)",
                    params![id, o.source.trim(), o.content.trim()],
                )?;
            }
        }
    }
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &ActivityInput) -> Result<GroupActivity> {
    store.write(|tx| create_in(tx, stamp, input))
}

pub(crate) fn create_in(
    conn: &Connection,
    stamp: &Stamp,
    input: &ActivityInput,
) -> Result<GroupActivity> {
    crate::fields::check(&crate::fields::ACTIVITY, input, stamp.today())?;
    let v = validate(conn, input, stamp.today(), &[])?;
    if input.opinions.iter().any(|o| o.id.is_some()) {
        return Err(Error::validation(
            "opinions",
            "新登记的活动不能引用已有的意见",
        ));
    }
    let year = v.date.year();
    let seq = book::next_seq(conn, "group_activities", &[("year", &year)])?;
    conn.execute(
        "INSERT INTO group_activities (year, seq, number, group_id, kind, date, theme, organiser, station_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            year,
            seq,
            format!("活动〔{year}〕第{seq}号"),
            input.group_id,
            input.kind,
            v.date.to_string(),
            input.theme.trim(),
            input.organiser,
            input.station_id
        ],
    )?;
    let id = conn.last_insert_rowid();
    write(conn, id, input, &v)?;
    let a = get(conn, id)?;
    book::record_created(conn, stamp, id, &a)?;
    Ok(a)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &ActivityInput,
) -> Result<GroupActivity> {
    crate::fields::check(&crate::fields::ACTIVITY, input, stamp.today())?;
    book::update(store, stamp, id, |tx, before: &GroupActivity| {
        let v = validate(tx, input, stamp.today(), &before.opinions)?;
        book::keep_in_scope(
            v.date.year() != before.year,
            "date",
            format!("编号{}按年份编排，日期不能改到其他年份", before.number),
        )?;
        write(tx, id, input, &v)
    })
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<GroupActivity> {
    book::void(store, stamp, id, reason)
}

impl Book for GroupActivity {
    const ENTITY: Entity = Entity::GroupActivity;
    const TABLE: &'static str = "group_activities";
    const NAME: &'static str = "活动记录";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        GroupActivity::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "kind" => ActivityKind::from_code(code).map(|k| k.label()),
            "organiser" => Organiser::from_code(code).map(|k| k.label()),
            _ => None,
        }
    }
}

/// A member's activities in a period with their attendance, for the duty record.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Participation {
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub organiser: Organiser,
    pub organiser_name: String,
    pub kind: ActivityKind,
    pub theme: String,
    pub attendance: Attendance,
}

pub fn participation(
    conn: &Connection,
    deputy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Participation>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.number, a.date, a.kind, a.theme, x.attendance, a.organiser,
                COALESCE(g.name, ''), COALESCE(st.name, '') FROM activity_attendance x
         JOIN group_activities a ON a.id = x.activity_id
         LEFT JOIN deputy_groups g ON g.id = a.group_id LEFT JOIN liaison_stations st ON st.id = a.station_id
         WHERE x.deputy_id = ?1 AND a.voided_at IS NULL AND a.date BETWEEN ?2 AND ?3 ORDER BY a.date, a.id",
    )?;
    let rows = stmt
        .query_map(params![deputy_id, from.to_string(), to.to_string()], |r| {
            let d: String = r.get(2)?;
            let organiser: Organiser = r.get(6)?;
            Ok(Participation {
                id: r.get(0)?,
                number: r.get(1)?,
                date: NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap_or_default(),
                organiser,
                organiser_name: organiser_name(
                    organiser,
                    &r.get::<_, String>(7)?,
                    &r.get::<_, String>(8)?,
                ),
                kind: r.get(3)?,
                theme: r.get(4)?,
                attendance: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Names in the group for the form: used by the UI to show the checklist of members.
pub fn draft_members(
    conn: &Connection,
    group_id: i64,
    date: NaiveDate,
) -> Result<Vec<ActivityMember>> {
    org::group_record(conn, group_id)?;
    members_on(conn, group_id, date)
}
