//! Evaluations (评议 and 测评): the deputies (or a counted body of voters) rate departments and
//! 站所 on their work, officials on their duty reports, or 民生实事 projects, by ballot. Each
//! object's ballots are entered as counts; the rate, the ranking and whether it falls below the
//! rule profile's threshold are derived. An object below the threshold must rectify: a review
//! opinion ([`crate::rectifications`]) is opened for it in the same transaction, and it is to be
//! evaluated again within the profile's period.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::activities::CaseLink;
use crate::book::{self, Book};
use crate::calendar::{self, HolidayCalendar};
use crate::history::{Entity, HistoryEntry, Stamp};
use crate::rectifications::{self, RectificationInput};
use crate::roster::deputy;
use crate::store::{ListSql, Page, Where};
use crate::tally::Ballots;
use crate::units::UnitRef;
use crate::vocab::*;
use crate::{dates, rules, Error, Result, Store};

/// No event has more ballots than this (a whole township's voters at most).
pub const MAX_BALLOTS: i64 = 100_000;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationObjectInput {
    /// A department or 站所 (工作评议, 站所评议).
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// An official and the post (述职评议).
    #[serde(default)]
    pub official: String,
    #[serde(default)]
    pub post: String,
    /// A 民生实事 project (满意度测评).
    #[serde(default)]
    pub project_id: Option<i64>,
    pub good: i64,
    pub fair: i64,
    pub poor: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationEventInput {
    pub kind: EvaluationKind,
    pub date: String,
    pub title: String,
    /// The deputies present who evaluated (from the roster)...
    #[serde(default)]
    pub evaluator_ids: Vec<i64>,
    /// ... or the number of evaluators when they are not deputies (voters' representatives).
    #[serde(default)]
    pub voters: Option<i64>,
    /// The meeting or activity it was held at.
    #[serde(default)]
    pub activity_id: Option<i64>,
    pub objects: Vec<EvaluationObjectInput>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Evaluator {
    pub deputy_id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationObject {
    pub seq: i64,
    pub unit: Option<UnitRef>,
    pub official: String,
    pub post: String,
    pub project: Option<CaseLink>,
    /// How the results table names it: the unit, 张三（副镇长）, the project.
    pub name: String,
    pub ballots: Ballots,
    /// Place by rate among the event's objects (1 = best; equal rates share a place).
    pub rank: usize,
    /// 不满意 more than the profile's share: must rectify and be evaluated again.
    pub below_threshold: bool,
    /// The review opinion opened for it.
    pub rectification: Option<CaseLink>,
    /// When it is to be evaluated again (below the threshold only).
    pub re_evaluate_by: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationEvent {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub kind: EvaluationKind,
    /// The three ballot words of its scale: 满意/基本满意/不满意 or 称职/基本称职/不称职.
    pub scale: [&'static str; 3],
    pub date: NaiveDate,
    pub title: String,
    pub evaluators: Vec<Evaluator>,
    pub voters: Option<i64>,
    /// How many evaluated: the deputies named, or the voters counted.
    pub evaluator_count: i64,
    pub activity: Option<CaseLink>,
    /// Objects in rank order.
    pub objects: Vec<EvaluationObject>,
    /// The rule applied, in words: 不满意票超过1/3的，限期整改，6个月内再次评议.
    pub threshold: String,
    pub profile: String,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl EvaluationEvent {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["evaluators"] = json!(self
            .evaluators
            .iter()
            .map(|e| e.name.clone())
            .collect::<Vec<_>>());
        v["activity"] = json!(self.activity.as_ref().map(|a| a.number.clone()));
        v["objects"] = json!(self
            .objects
            .iter()
            .map(|o| format!(
                "{}：{}{}，{}{}，{}{}",
                o.name,
                self.scale[0],
                o.ballots.good,
                self.scale[1],
                o.ballots.fair,
                self.scale[2],
                o.ballots.poor
            ))
            .collect::<Vec<_>>());
        if let Some(o) = v.as_object_mut() {
            for k in ["scale", "threshold", "evaluator_count"] {
                o.remove(k);
            }
        }
        v
    }
}

/// The ballot words of a kind's scale.
pub fn scale(kind: EvaluationKind) -> [&'static str; 3] {
    match kind {
        EvaluationKind::Duty => ["称职", "基本称职", "不称职"],
        _ => ["满意", "基本满意", "不满意"],
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationDetail {
    pub evaluation: EvaluationEvent,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct EvaluationQuery {
    pub search: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<EvaluationKind>,
    pub unit_id: Option<i64>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

const COLUMNS: &str =
    "e.id, e.number, e.year, e.seq, e.kind, e.date, e.title, e.voters, e.activity_id,
    a.number, e.profile, e.notes, e.voided_at IS NOT NULL, e.void_reason";

const FROM: &str = "evaluations e LEFT JOIN group_activities a ON a.id = e.activity_id";

fn from_row(r: &Row) -> rusqlite::Result<EvaluationEvent> {
    let kind: EvaluationKind = r.get(4)?;
    let d: String = r.get(5)?;
    let activity = match r.get::<_, Option<i64>>(8)? {
        Some(id) => Some(CaseLink {
            id,
            number: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(EvaluationEvent {
        id: r.get(0)?,
        number: r.get(1)?,
        year: r.get(2)?,
        seq: r.get(3)?,
        kind,
        scale: scale(kind),
        date: NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap_or_default(),
        title: r.get(6)?,
        evaluators: Vec::new(),
        voters: r.get(7)?,
        evaluator_count: 0,
        activity,
        objects: Vec::new(),
        threshold: String::new(),
        profile: r.get(10)?,
        notes: r.get(11)?,
        voided: r.get(12)?,
        void_reason: r.get(13)?,
    })
}

/// Orders objects by rate (exactly, by cross-multiplying), best first; equal rates by the
/// smaller share of 不满意, then by their place in the entry.
fn by_rate(a: &EvaluationObject, b: &EvaluationObject) -> Ordering {
    let rate = |o: &EvaluationObject| {
        (
            i128::from(o.ballots.good) + i128::from(o.ballots.fair),
            i128::from(o.ballots.valid).max(1),
        )
    };
    let ((an, ad), (bn, bd)) = (rate(a), rate(b));
    (bn * ad)
        .cmp(&(an * bd))
        .then_with(|| {
            let (ap, bp) = (i128::from(a.ballots.poor), i128::from(b.ballots.poor));
            (ap * bd).cmp(&(bp * ad))
        })
        .then(a.seq.cmp(&b.seq))
}

fn complete(conn: &Connection, cal: &HolidayCalendar, e: &mut EvaluationEvent) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.deputy_id, d.name FROM evaluation_evaluators x JOIN deputies d ON d.id = x.deputy_id
         WHERE x.evaluation_id = ?1 ORDER BY x.rowid",
    )?;
    e.evaluators = stmt
        .query_map([e.id], |r| {
            Ok(Evaluator {
                deputy_id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    e.evaluator_count = e.voters.unwrap_or(e.evaluators.len() as i64);
    let rules = &rules::of_case(&e.profile).supervision.evaluation;
    e.threshold = format!(
        "{}票超过有效票{}的，限期整改，{}内再次评议",
        e.scale[2],
        rules.unsatisfied_over.text(),
        rules.re_evaluate.text()
    );
    let mut stmt = conn.prepare_cached(
        "SELECT o.seq, o.unit_id, u.name, o.official, o.post, o.project_id, p.number, p.title,
                o.good, o.fair, o.poor, r.id, r.number
         FROM evaluation_objects o LEFT JOIN handling_units u ON u.id = o.unit_id
         LEFT JOIN livelihood_projects p ON p.id = o.project_id
         LEFT JOIN rectifications r ON r.evaluation_id = o.evaluation_id AND r.object_seq = o.seq
              AND r.voided_at IS NULL
         WHERE o.evaluation_id = ?1 ORDER BY o.seq",
    )?;
    let mut objects = stmt
        .query_map([e.id], |r| {
            let unit = match r.get::<_, Option<i64>>(1)? {
                Some(id) => Some(UnitRef {
                    id,
                    name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                }),
                None => None,
            };
            let official: String = r.get(3)?;
            let post: String = r.get(4)?;
            let project = match r.get::<_, Option<i64>>(5)? {
                Some(id) => Some(CaseLink {
                    id,
                    number: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                }),
                None => None,
            };
            let project_title: Option<String> = r.get(7)?;
            let name = match (&unit, official.as_str(), &project_title) {
                (_, o, _) if !o.is_empty() && !post.is_empty() => format!("{o}（{post}）"),
                (_, o, _) if !o.is_empty() => o.to_string(),
                (_, _, Some(t)) => t.clone(),
                (Some(u), _, _) => u.name.clone(),
                _ => String::new(),
            };
            let rectification = match r.get::<_, Option<i64>>(11)? {
                Some(id) => Some(CaseLink {
                    id,
                    number: r.get(12)?,
                }),
                None => None,
            };
            Ok(EvaluationObject {
                seq: r.get(0)?,
                unit,
                official,
                post,
                project,
                name,
                ballots: Ballots::new(r.get(8)?, r.get(9)?, r.get(10)?),
                rank: 0,
                below_threshold: false,
                rectification,
                re_evaluate_by: None,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    objects.sort_by(by_rate);
    // A place is one more than the objects with a strictly better rate: equal rates share it.
    let rate = |b: &Ballots| {
        (
            i128::from(b.good) + i128::from(b.fair),
            i128::from(b.valid).max(1),
        )
    };
    for i in 0..objects.len() {
        let (n, d) = rate(&objects[i].ballots);
        let place = 1 + objects[..i]
            .iter()
            .filter(|o| {
                let (on, od) = rate(&o.ballots);
                on * d > n * od
            })
            .count();
        let o = &mut objects[i];
        o.rank = place;
        o.below_threshold = rules
            .unsatisfied_over
            .exceeded(o.ballots.poor, o.ballots.valid);
        if o.below_threshold {
            o.re_evaluate_by = Some(calendar::due(cal, e.date, rules.re_evaluate.period())?.date);
        }
    }
    e.objects = objects;
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<EvaluationEvent> {
    let mut e = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM {FROM} WHERE e.id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::NotFound { what: "评议", id })?;
    complete(conn, &HolidayCalendar::for_office(conn)?, &mut e)?;
    Ok(e)
}

pub fn detail(conn: &Connection, id: i64) -> Result<EvaluationDetail> {
    Ok(EvaluationDetail {
        evaluation: get(conn, id)?,
        history: book::history::of::<EvaluationEvent>(conn, id)?,
    })
}

pub fn list(conn: &Connection, q: &EvaluationQuery) -> Result<Page<EvaluationEvent>> {
    let mut w = Where::default();
    if let Some(y) = q.year {
        dates::check_year(y)?;
        w.and_with("e.year = ?", y as i64);
    }
    if let Some(k) = q.kind {
        w.and_with("e.kind = ?", k.code().to_string());
    }
    if let Some(u) = q.unit_id {
        w.and_with(
            "e.id IN (SELECT evaluation_id FROM evaluation_objects WHERE unit_id = ?)",
            u,
        );
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_with(
            "(e.title LIKE ? OR e.number LIKE ? OR e.id IN (SELECT o.evaluation_id FROM evaluation_objects o
               LEFT JOIN handling_units u ON u.id = o.unit_id WHERE o.official LIKE ? OR u.name LIKE ?))",
            format!("%{}%", text.replace(['%', '_'], "")),
        );
    }
    if !q.include_voided {
        w.and("e.voided_at IS NULL");
    }
    let cal = HolidayCalendar::for_office(conn)?;
    let sql = ListSql {
        columns: COLUMNS,
        from: FROM,
        count_from: "evaluations e",
        order: "e.date DESC, e.id DESC",
    };
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)?.try_each(|e| complete(conn, &cal, e))
}

struct Valid {
    date: NaiveDate,
}

fn validate(conn: &Connection, input: &EvaluationEventInput, today: NaiveDate) -> Result<Valid> {
    let date = dates::parse_iso("date", "评议日期", input.date.trim())?;
    if date > today {
        return Err(Error::validation("date", "评议日期不能晚于今天"));
    }
    if input.title.trim().is_empty() {
        return Err(Error::validation("title", "请填写评议名称"));
    }
    if let Some(a) = input.activity_id {
        let act = crate::activities::get(conn, a)
            .map_err(|_| Error::validation("activity_id", "所选活动不存在"))?;
        if act.voided {
            return Err(Error::validation("activity_id", "所选活动已作废"));
        }
    }
    let evaluators = match (input.evaluator_ids.is_empty(), input.voters) {
        (false, Some(_)) => {
            return Err(Error::validation(
                "voters",
                "参加评议的是代表时按名单计人数，不另填测评人数",
            ))
        }
        (true, None) => {
            return Err(Error::validation(
                "evaluator_ids",
                "请选择参加评议的代表，或填写参加测评的人数",
            ))
        }
        (true, Some(n)) => {
            if !(1..=MAX_BALLOTS).contains(&n) {
                return Err(Error::validation(
                    "voters",
                    format!("参加测评人数应在 1 到 {MAX_BALLOTS} 之间"),
                ));
            }
            n
        }
        (false, None) => {
            deputy::require_in_office(
                conn,
                &input.evaluator_ids,
                date,
                "evaluator_ids",
                "参加评议的代表",
                "date",
            )?;
            input.evaluator_ids.len() as i64
        }
    };
    if input.objects.is_empty() {
        return Err(Error::validation(
            "objects",
            "请至少登记一个评议对象及其得票",
        ));
    }
    let words = scale(input.kind);
    for (i, o) in input.objects.iter().enumerate() {
        let n = i + 1;
        let official = o.official.trim();
        match input.kind {
            EvaluationKind::Work | EvaluationKind::Station => {
                let Some(u) = o.unit_id else {
                    return Err(Error::validation(
                        "objects",
                        format!("第{n}个评议对象：请选择被评议的部门或站所"),
                    ));
                };
                crate::units::get(conn, u).map_err(|_| {
                    Error::validation("objects", format!("第{n}个评议对象：所选单位不存在"))
                })?;
            }
            EvaluationKind::Duty => {
                if official.is_empty() {
                    return Err(Error::validation(
                        "objects",
                        format!("第{n}个评议对象：请填写述职人员的姓名"),
                    ));
                }
                if o.post.trim().is_empty() {
                    return Err(Error::validation(
                        "objects",
                        format!("第{n}个评议对象：请填写{official}的职务"),
                    ));
                }
            }
            EvaluationKind::Livelihood => {
                let Some(p) = o.project_id else {
                    return Err(Error::validation(
                        "objects",
                        format!("第{n}个评议对象：请选择被测评的民生实事项目"),
                    ));
                };
                let project = crate::projects::get(conn, p, today).map_err(|_| {
                    Error::validation("objects", format!("第{n}个评议对象：所选项目不存在"))
                })?;
                if project.voided {
                    return Err(Error::validation(
                        "objects",
                        format!("第{n}个评议对象：{}已作废", project.number),
                    ));
                }
            }
        }
        if let Some(u) = o.unit_id {
            crate::units::get(conn, u).map_err(|_| {
                Error::validation("objects", format!("第{n}个评议对象：所选单位不存在"))
            })?;
        }
        for (word, v) in [(words[0], o.good), (words[1], o.fair), (words[2], o.poor)] {
            if !(0..=MAX_BALLOTS).contains(&v) {
                return Err(Error::validation(
                    "objects",
                    format!("第{n}个评议对象的{word}票数应在 0 到 {MAX_BALLOTS} 之间"),
                ));
            }
        }
        let sum = o.good + o.fair + o.poor;
        if sum == 0 {
            return Err(Error::validation(
                "objects",
                format!(
                    "第{n}个评议对象没有得票，请填写{}、{}、{}票数",
                    words[0], words[1], words[2]
                ),
            ));
        }
        if sum > evaluators {
            return Err(Error::validation(
                "objects",
                format!(
                    "第{n}个评议对象{}、{}、{}合计 {sum} 票，多于参加评议的 {evaluators} 人",
                    words[0], words[1], words[2]
                ),
            ));
        }
        let same = input.objects[..i].iter().any(|p| {
            p.unit_id == o.unit_id && p.project_id == o.project_id && p.official.trim() == official
        });
        if same {
            return Err(Error::validation(
                "objects",
                format!("第{n}个评议对象与前面的重复，请只登记一次"),
            ));
        }
    }
    Ok(Valid { date })
}

/// Records an evaluation event, and opens a review opinion for every object whose 不满意 share
/// exceeds the profile's threshold (sent on the day of the evaluation, to its unit: a project's
/// responsible unit, an official's own name where no unit is given).
pub fn create(
    store: &mut Store,
    stamp: &Stamp,
    input: &EvaluationEventInput,
) -> Result<EvaluationEvent> {
    crate::fields::check(&crate::fields::EVALUATION, input, stamp.today())?;
    store.write(|tx| {
        let v = validate(tx, input, stamp.today())?;
        let year = v.date.year();
        let seq = book::next_seq(tx, "evaluations", &[("year", &year)])?;
        let profile = rules::current(tx)?.tag();
        tx.execute(
            "INSERT INTO evaluations (year, seq, number, kind, date, title, voters, activity_id, profile, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                year,
                seq,
                format!("评议〔{year}〕第{seq}号"),
                input.kind,
                v.date.to_string(),
                input.title.trim(),
                input.voters,
                input.activity_id,
                profile,
                input.notes.trim()
            ],
        )?;
        let id = tx.last_insert_rowid();
        for d in &input.evaluator_ids {
            tx.execute(
                "INSERT INTO evaluation_evaluators (evaluation_id, deputy_id) VALUES (?1, ?2)",
                params![id, d],
            )?;
        }
        for (i, o) in input.objects.iter().enumerate() {
            tx.execute(
                "INSERT INTO evaluation_objects (evaluation_id, seq, unit_id, official, post, project_id, good, fair, poor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    i as i64 + 1,
                    o.unit_id,
                    o.official.trim(),
                    o.post.trim(),
                    o.project_id,
                    o.good,
                    o.fair,
                    o.poor
                ],
            )?;
        }
        let e = get(tx, id)?;
        book::record_created(tx, stamp, id, &e)?;
        for o in e.objects.iter().filter(|o| o.below_threshold) {
            let unit_id = o.unit.as_ref().map(|u| u.id).or_else(|| {
                o.project.as_ref().and_then(|p| {
                    crate::projects::get(tx, p.id, stamp.today())
                        .ok()
                        .and_then(|p| p.unit.map(|u| u.id))
                })
            });
            let official = match (unit_id, o.official.as_str()) {
                (None, "") => o.name.clone(),
                (_, official) => official.to_string(),
            };
            rectifications::create_in(
                tx,
                stamp,
                &RectificationInput {
                    activity_id: e.activity.as_ref().map(|a| a.id),
                    unit_id,
                    official,
                    content: format!(
                        "{}《{}》中，{}得{}票{}张，占有效票{}张的{}，超过{}：请限期整改，并于{}前再次评议",
                        e.number,
                        e.title,
                        o.name,
                        e.scale[2],
                        o.ballots.poor,
                        o.ballots.valid,
                        o.ballots
                            .poor_share
                            .percent
                            .map(|p| format!("{p:.1}%"))
                            .unwrap_or_default(),
                        rules::of_case(&e.profile)
                            .supervision
                            .evaluation
                            .unsatisfied_over
                            .text(),
                        o.re_evaluate_by.map(dates::chinese).unwrap_or_default()
                    ),
                    sent_on: e.date.to_string(),
                    notes: String::new(),
                },
                Some((id, o.seq)),
            )?;
        }
        get(tx, id)
    })
}

/// Voids an evaluation and, with the same reason, the review opinions it opened.
pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<EvaluationEvent> {
    store.write(|tx| {
        let e = book::void_in::<EvaluationEvent>(tx, stamp, id, reason)?;
        let opened: Vec<i64> = tx
            .prepare(
                "SELECT id FROM rectifications WHERE evaluation_id = ?1 AND voided_at IS NULL",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for r in opened {
            book::void_in::<rectifications::Rectification>(
                tx,
                stamp,
                r,
                &format!("所依据的{}已作废：{}", e.number, reason.trim()),
            )?;
        }
        get(tx, id)
    })
}

/// Evaluations held in a period, and their objects below the threshold.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct EvaluationCounts {
    pub events: usize,
    pub objects: usize,
    pub below_threshold: usize,
    /// 满意 and 基本满意 over all objects' valid ballots.
    pub good_and_fair: i64,
    pub valid: i64,
    pub ids: Vec<i64>,
}

pub fn counts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<EvaluationCounts> {
    let mut c = EvaluationCounts::default();
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT id FROM evaluations WHERE voided_at IS NULL AND date BETWEEN ?1 AND ?2 ORDER BY date, id",
        )?
        .query_map(params![from.to_string(), to.to_string()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let e = get(conn, id)?;
        c.events += 1;
        c.ids.push(id);
        for o in &e.objects {
            c.objects += 1;
            c.below_threshold += usize::from(o.below_threshold);
            c.good_and_fair = c
                .good_and_fair
                .saturating_add(o.ballots.good.saturating_add(o.ballots.fair));
            c.valid = c.valid.saturating_add(o.ballots.valid);
        }
    }
    Ok(c)
}

impl Book for EvaluationEvent {
    const ENTITY: Entity = Entity::Evaluation;
    const TABLE: &'static str = "evaluations";
    const NAME: &'static str = "评议";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        EvaluationEvent::snapshot(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "kind" => EvaluationKind::from_code(code).map(|k| k.label()),
            _ => None,
        }
    }
}
