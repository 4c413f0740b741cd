//! The books of the congress's sessions on paper. The sessions book (人民代表大会会议记录簿): a
//! session per page group, as the minutes of the presidium are laid out: the facts and the
//! attendance (the excused and the absent named), the agenda with each result and its votes,
//! the elections with ballots and each candidate's votes, the checks the rules raise, and the
//! signature lines. The 民生实事 ledger: a year per section, each project with its vote, its
//! milestones planned and done, and the deputies' evaluation.

use super::books::{close, votes_line, Span};
use super::{AgendaPrint, Book, Column, Cover, MeetingPages, Minutes, Row, Section};
use crate::dates::chinese;
use crate::entries;
use crate::vocab::{Attendance, Vocab};
use crate::Result;
use rusqlite::Connection;

pub(super) fn sessions(conn: &Connection, span: &Span, cover: Cover) -> Result<Minutes> {
    let mut list = entries::sessions(conn, span.from, span.to, span.term.as_ref().map(|t| t.id))?;
    list.sort_by_key(|s| (s.term_id, s.seq));
    let dates: Vec<_> = list.iter().map(|s| s.first_day).collect();
    let voided = list.iter().filter(|s| s.voided).count();
    let pages = list
        .into_iter()
        .map(|s| {
            let named = |want: Attendance| {
                let names: Vec<String> = s
                    .members
                    .iter()
                    .filter(|m| m.attendance == want)
                    .map(|m| {
                        let mut t = m.name.clone();
                        if !m.reason.is_empty() {
                            t.push_str(&format!("（{}", m.reason));
                            if !m.approved_by.is_empty() {
                                t.push_str(&format!("，{}批准", m.approved_by));
                            }
                            t.push('）');
                        }
                        t
                    })
                    .collect();
                if names.is_empty() {
                    "无".to_string()
                } else {
                    names.join("、")
                }
            };
            let days = if s.first_day == s.last_day {
                chinese(s.first_day)
            } else {
                format!("{}至{}", chinese(s.first_day), chinese(s.last_day))
            };
            let mut fields = vec![
                ("时间".to_string(), days),
                ("类型".to_string(), s.kind.label().to_string()),
                ("地点".to_string(), s.place.clone()),
                ("主持人".to_string(), s.presiders.clone()),
                (
                    "通知日期".to_string(),
                    s.notified_on.map(chinese).unwrap_or_default(),
                ),
                (
                    "应到／实到".to_string(),
                    format!(
                        "全体代表{}人，出席{}人，请假{}人，缺席{}人",
                        s.expected, s.present, s.excused, s.absent
                    ),
                ),
                ("请假人员".to_string(), named(Attendance::Excused)),
                ("缺席人员".to_string(), named(Attendance::Absent)),
                ("列席人员".to_string(), s.attendees.clone()),
            ];
            if !s.checks.is_empty() {
                fields.push(("提示".to_string(), s.checks.join("；")));
            }
            let mut agenda: Vec<AgendaPrint> = s
                .items
                .iter()
                .map(|a| AgendaPrint {
                    title: a.title.clone(),
                    discussion: String::new(),
                    decision: match a.outcome_kind {
                        Some(k) if !a.outcome.is_empty() => format!("{}：{}", k.label(), a.outcome),
                        _ => a.outcome.clone(),
                    },
                    votes: votes_line(a.votes_for, a.votes_against, a.votes_abstain, a.passed),
                })
                .collect();
            agenda.extend(s.elections.iter().map(|e| {
                AgendaPrint {
                    title: e.title(),
                    discussion: format!(
                        "应选{}人，发出选票{}张，收回{}张，有效{}张，无效{}张{}",
                        e.places,
                        e.ballots_issued,
                        e.ballots_returned,
                        e.ballots_valid,
                        e.ballots_invalid,
                        if e.void { "，选举无效" } else { "" }
                    ),
                    decision: {
                        let elected = e.elected_names();
                        if elected.is_empty() {
                            "无人当选".to_string()
                        } else {
                            format!("{}当选", elected.join("、"))
                        }
                    },
                    votes: e
                        .candidates
                        .iter()
                        .map(|c| format!("{} {}票", c.name, c.votes))
                        .collect::<Vec<_>>()
                        .join("，"),
                }
            }));
            MeetingPages {
                number: s.number.clone(),
                fields,
                agenda,
                notes: s.notes.clone(),
                void: s
                    .voided
                    .then(|| s.void_reason.clone().unwrap_or_else(|| "未注明原因".into())),
            }
        })
        .collect();
    Ok(Minutes {
        cover: close(cover, &dates, voided),
        meetings: pages,
    })
}

fn col(title: &'static str, width: u32) -> Column {
    Column { title, width }
}

/// 35.5 from 355000 yuan: the ledger counts in 万元 as the reports do.
fn wan(yuan: i64) -> String {
    let w = yuan as f64 / 10_000.0;
    let t = format!("{w:.2}");
    t.trim_end_matches('0').trim_end_matches('.').to_string()
}

pub(super) fn projects(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let list = entries::projects(conn, span.from, span.to, span.today)?;
    let dates: Vec<_> = list
        .iter()
        .map(|p| chrono::NaiveDate::from_ymd_opt(p.year, 1, 1).unwrap_or(span.from))
        .collect();
    let voided = list.iter().filter(|p| p.voided).count();
    let columns = || {
        vec![
            col("编号", 5),
            col("项目名称", 10),
            col("来源", 3),
            col("承办单位", 5),
            col("估算投资（万元）", 3),
            col("票决", 6),
            col("立项", 4),
            col("招投标", 5),
            col("开工", 4),
            col("完工", 4),
            col("验收", 4),
            col("代表测评", 5),
        ]
    };
    let mut sections: Vec<Section> = Vec::new();
    for p in list {
        let title = format!("{}年民生实事项目", p.year);
        if sections.last().is_none_or(|s| s.title != title) {
            sections.push(Section {
                title,
                lines: Vec::new(),
                columns: columns(),
                rows: Vec::new(),
            });
        }
        let stage = |k: crate::vocab::MilestoneKind| {
            p.milestones
                .iter()
                .find(|m| m.kind == k)
                .map(|m| {
                    let mut t = match (m.done_on, m.planned_on) {
                        (Some(d), _) => chinese(d),
                        (None, Some(pl)) => format!("计划{}", chinese(pl)),
                        _ => String::new(),
                    };
                    if let Some(a) = m.amount {
                        t.push_str(&format!("\n{}万元", wan(a)));
                    }
                    if !m.note.is_empty() {
                        t.push_str(&format!("\n{}", m.note));
                    }
                    t
                })
                .unwrap_or_default()
        };
        use crate::vocab::MilestoneKind as K;
        let vote = match &p.vote {
            Some(v) => format!(
                "赞成{}，反对{}，弃权{}\n{}",
                v.votes_for,
                v.votes_against,
                v.votes_abstain,
                if v.adopted { "入选" } else { "未入选" }
            ),
            None => "未票决".to_string(),
        };
        let rating = match &p.evaluation {
            Some(e) => format!(
                "满意{}，基本满意{}，不满意{}\n满意率{}/{}",
                e.satisfied, e.basically, e.unsatisfied, e.numerator, e.denominator
            ),
            None => String::new(),
        };
        let cells = vec![
            p.number.clone(),
            if let Some(y) = p.carried_to {
                format!("{}（结转至{y}年）", p.title)
            } else {
                p.title.clone()
            },
            p.source.label().to_string(),
            p.unit.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
            p.estimated_cost.map(wan).unwrap_or_default(),
            vote,
            stage(K::Approval),
            stage(K::Tender),
            stage(K::Start),
            stage(K::Completion),
            stage(K::Acceptance),
            rating,
        ];
        let row = Row {
            cells,
            void: p
                .voided
                .then(|| p.void_reason.clone().unwrap_or_else(|| "未注明原因".into())),
        };
        sections.last_mut().expect("pushed above").rows.push(row);
    }
    Ok(Book {
        cover: close(cover, &dates, voided),
        landscape: true,
        sections,
    })
}
