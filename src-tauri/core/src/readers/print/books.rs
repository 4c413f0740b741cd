//! The books as print models: which entries a period covers, the paper columns, sections.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{
    office, AgendaPrint, Book, BookKind, Column, Cover, Document, MeetingPages, Minutes, Period,
    Row, Section,
};
use crate::dates::chinese;
use crate::entries::{self, petition_received_on};
use crate::roster::{deputy, org};
use crate::vocab::{DocumentDirection, RosterOrder, Vocab};
use crate::{petitions, suggestions, Error, Result};

/// The dates a period covers, and how the cover names it.
pub(super) struct Span {
    pub(super) from: NaiveDate,
    pub(super) to: NaiveDate,
    label: String,
    /// The term, when the period is one (the roster and the suggestions are kept per term).
    pub(super) term: Option<org::Term>,
    /// The day the book is made, from the caller's clock: the state of a running term's
    /// roster and of open cases is as of this day (never later than the period's end).
    pub(super) today: NaiveDate,
}

fn span(conn: &Connection, period: &Period, today: NaiveDate) -> Result<Span> {
    match period {
        Period::Year { year } => {
            let from = NaiveDate::from_ymd_opt(*year, 1, 1)
                .ok_or_else(|| Error::validation("year", format!("{year} 不是有效年份")))?;
            Ok(Span {
                from,
                to: NaiveDate::from_ymd_opt(*year, 12, 31).expect("Dec 31"),
                label: format!("{year}年度"),
                term: None,
                today,
            })
        }
        Period::Term { number } => {
            let term = org::terms(conn)?
                .into_iter()
                .find(|t| t.number == *number)
                .ok_or_else(|| {
                    Error::validation(
                        "term",
                        format!("没有第{number}届的记录，请先在代表名册中建立该届"),
                    )
                })?;
            Ok(Span {
                from: term.start_date,
                to: term.end_date.unwrap_or(NaiveDate::MAX),
                label: term.label(),
                term: Some(term),
                today,
            })
        }
        Period::Range { from, to } => {
            if from > to {
                return Err(Error::validation("to", "结束日期不能早于开始日期"));
            }
            Ok(Span {
                from: *from,
                to: *to,
                label: format!("{}至{}", chinese(*from), chinese(*to)),
                term: None,
                today,
            })
        }
    }
}

fn col(title: &'static str, width: u32) -> Column {
    Column { title, width }
}

fn row(cells: Vec<String>, void: Option<String>, voided: bool) -> Row {
    Row {
        cells,
        void: voided.then(|| void.unwrap_or_else(|| "未注明原因".to_string())),
    }
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(chinese).unwrap_or_default()
}

/// 2026年3月, the section a dated entry falls in.
fn month_of(d: NaiveDate) -> String {
    format!("{}年{}月", d.year(), d.month())
}

/// Groups rows under month headings, in date order (entries come sorted).
fn by_month(columns: fn() -> Vec<Column>, rows: Vec<(NaiveDate, Row)>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (d, r) in rows {
        let title = month_of(d);
        match sections.last_mut() {
            Some(s) if s.title == title => s.rows.push(r),
            _ => sections.push(Section {
                title,
                lines: Vec::new(),
                columns: columns(),
                rows: vec![r],
            }),
        }
    }
    sections
}

fn cover(conn: &Connection, kind: BookKind, span: &Span, volume: u32) -> Result<Cover> {
    Ok(Cover {
        office: office(conn)?,
        title: kind.title().to_string(),
        period: span.label.clone(),
        volume,
        entries: 0,
        voided: 0,
        span: String::new(),
        identity: String::new(),
        issued: span.from,
    })
}

/// 赞成7票，反对0票，弃权1票，通过 (empty when no vote was taken).
pub(super) fn votes_line(
    f: Option<i64>,
    g: Option<i64>,
    b: Option<i64>,
    passed: Option<bool>,
) -> String {
    match (f, g, b) {
        (Some(f), Some(g), Some(b)) => format!(
            "赞成{f}票，反对{g}票，弃权{b}票，{}",
            if passed == Some(true) {
                "通过"
            } else {
                "未通过"
            }
        ),
        _ => String::new(),
    }
}

/// Counts, the first and last date, on the cover.
pub(super) fn close(mut cover: Cover, dates: &[NaiveDate], voided: usize) -> Cover {
    cover.entries = dates.len();
    cover.voided = voided;
    if let (Some(a), Some(b)) = (dates.iter().min(), dates.iter().max()) {
        cover.span = format!("{}至{}", chinese(*a), chinese(*b));
        cover.issued = *b;
    }
    cover
}

/// The print model of a book for a period. `reveal` prints petitioners' identities in clear.
pub fn book(
    conn: &Connection,
    kind: BookKind,
    period: &Period,
    volume: u32,
    reveal: bool,
    today: NaiveDate,
) -> Result<Document> {
    let span = span(conn, period, today)?;
    let cover = cover(conn, kind, &span, volume)?;
    Ok(match kind {
        BookKind::Roster => Document::Book(roster(conn, &span, cover)?),
        BookKind::Meetings => Document::Minutes(minutes(conn, &span, cover)?),
        BookKind::Deeds => Document::Book(deeds(conn, &span, cover)?),
        BookKind::Petitions => Document::Book(petitions(conn, &span, cover, reveal)?),
        BookKind::Documents => Document::Book(documents(conn, &span, cover)?),
        BookKind::Suggestions => Document::Book(suggestions(conn, &span, cover)?),
        BookKind::Activities => Document::Book(activities(conn, &span, cover)?),
        BookKind::Sessions => Document::Minutes(super::congress::sessions(conn, &span, cover)?),
        BookKind::Projects => Document::Book(super::congress::projects(conn, &span, cover)?),
        BookKind::Rectifications => {
            Document::Book(super::supervision::rectifications(conn, &span, cover)?)
        }
        BookKind::Evaluations => {
            Document::Book(super::supervision::evaluations(conn, &span, cover)?)
        }
    })
}

/// The roster of the term the period ends in, by deputy group, as it stood on the period's last
/// day (or today, for a term still running): who left shows with their status.
fn roster(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let today = span.today;
    let term = match &span.term {
        Some(t) => t.clone(),
        None => {
            org::term_on(conn, span.to.min(today)).or_else(|_| org::term_on(conn, span.from))?
        }
    };
    let on = span
        .to
        .min(term.end_date.unwrap_or(NaiveDate::MAX))
        .min(today);
    let mut people = deputy::term_views(conn, term.id, on)?;
    people.retain(|d| d.elected_on <= on);
    deputy::sort(&mut people, RosterOrder::Group);
    let groups = org::groups(conn, on)?;
    let columns = || {
        vec![
            col("序号", 3),
            col("姓名", 5),
            col("性别", 2),
            col("民族", 3),
            col("出生年月", 5),
            col("政治面貌", 5),
            col("学历", 4),
            col("工作单位及职务", 12),
            col("选区", 5),
            col("代表证号", 5),
            col("联系电话", 6),
            col("状态及备注", 7),
        ]
    };
    let mut sections: Vec<Section> = Vec::new();
    let mut dates = Vec::new();
    let mut voided = 0;
    for d in people {
        let title = d.group_name.clone().unwrap_or_else(|| "未分组".to_string());
        if sections.last().is_none_or(|s| s.title != title) {
            let mut lines = Vec::new();
            if let Some(g) = groups.iter().find(|g| Some(g.id) == d.group_id) {
                let mut l = vec![format!(
                    "组长：{}",
                    g.leader_name.clone().unwrap_or_else(|| "（未定）".into())
                )];
                if let Some(n) = &g.deputy_leader_name {
                    l.push(format!("副组长：{n}"));
                }
                l.push(format!(
                    "联络员：{}",
                    g.liaison_name.clone().unwrap_or_else(|| "（未定）".into())
                ));
                if let Some(s) = &g.station_name {
                    l.push(format!("活动阵地：{s}"));
                }
                lines.push(l.join("　　"));
            }
            sections.push(Section {
                title,
                lines,
                columns: columns(),
                rows: Vec::new(),
            });
        }
        let s = sections.last_mut().expect("pushed above");
        let mut remark = vec![d.status.label().to_string()];
        if let Some(p) = d.presidium_post {
            remark.push(p.label().to_string());
        }
        if !d.notes.is_empty() {
            remark.push(d.notes.clone());
        }
        dates.push(d.elected_on);
        voided += usize::from(d.voided);
        s.rows.push(row(
            vec![
                (s.rows.len() + 1).to_string(),
                d.name.clone(),
                d.sex.label().to_string(),
                d.ethnicity_label.clone(),
                d.birth_date.map(|b| b.chinese()).unwrap_or_default(),
                d.political_status.label().to_string(),
                d.education
                    .map(|e| e.label().to_string())
                    .unwrap_or_default(),
                d.work_unit_post.clone(),
                d.constituency_name.clone().unwrap_or_default(),
                d.card_no.clone(),
                d.phone.clone(),
                remark.join("；"),
            ],
            d.void_reason.clone(),
            d.voided,
        ));
    }
    for s in &mut sections {
        s.lines.push(format!("本组代表 {} 名", s.rows.len()));
    }
    let mut cover = close(cover, &dates, voided);
    // As it stands on the period's last day; "today" is left off the cover so a reprint of a
    // running term is the same file until the roster changes.
    cover.period = if on < today {
        format!("{}（截至{}）", term.label(), chinese(on))
    } else {
        term.label()
    };
    cover.span = format!(
        "{}至{}",
        chinese(term.start_date),
        term.end_date.map(chinese).unwrap_or_else(|| "今".into())
    );
    Ok(Book {
        cover,
        landscape: true,
        sections,
    })
}

fn minutes(conn: &Connection, span: &Span, cover: Cover) -> Result<Minutes> {
    let mut list = entries::meetings(conn, span.from, span.to, span.term.as_ref().map(|t| t.id))?;
    list.sort_by_key(|m| (m.term_id, m.seq));
    let dates: Vec<_> = list.iter().map(|m| m.date).collect();
    let voided = list.iter().filter(|m| m.voided).count();
    let pages = list
        .into_iter()
        .map(|m| {
            let absent: Vec<String> = m
                .members
                .iter()
                .filter(|x| !x.present)
                .map(|x| format!("{}（{}）", x.name, x.absence_reason))
                .collect();
            let present: Vec<&str> = m
                .members
                .iter()
                .filter(|x| x.present)
                .map(|x| x.name.as_str())
                .collect();
            let fields = vec![
                (
                    "时间".to_string(),
                    format!("{} {}", chinese(m.date), m.start_time)
                        .trim()
                        .to_string(),
                ),
                ("地点".to_string(), m.place.clone()),
                (
                    "主持人".to_string(),
                    m.presider
                        .as_ref()
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                ),
                ("记录人".to_string(), m.recorder.clone()),
                (
                    "应到／实到".to_string(),
                    format!("应到{}人，实到{}人", m.expected, m.present),
                ),
                ("出席人员".to_string(), present.join("、")),
                (
                    "缺席人员".to_string(),
                    if absent.is_empty() {
                        "无".to_string()
                    } else {
                        absent.join("、")
                    },
                ),
                ("列席人员".to_string(), m.attendees.clone()),
            ];
            let agenda = m
                .agenda
                .iter()
                .map(|a| AgendaPrint {
                    title: a.title.clone(),
                    discussion: a.discussion.clone(),
                    decision: a.decision.clone(),
                    votes: votes_line(a.votes_for, a.votes_against, a.votes_abstain, a.passed),
                })
                .collect();
            MeetingPages {
                number: m.number.clone(),
                fields,
                agenda,
                notes: m.notes.clone(),
                void: m
                    .voided
                    .then(|| m.void_reason.clone().unwrap_or_else(|| "未注明原因".into())),
            }
        })
        .collect();
    Ok(Minutes {
        cover: close(cover, &dates, voided),
        meetings: pages,
    })
}

fn deeds(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let mut list = entries::deeds(conn, span.from, span.to)?;
    list.sort_by_key(|d| (d.date, d.year, d.seq));
    let columns = || {
        vec![
            col("编号", 6),
            col("日期", 6),
            col("代表", 5),
            col("类别", 5),
            col("事迹名称", 8),
            col("事迹摘要", 18),
            col("所获荣誉", 8),
            col("宣传情况", 6),
            col("备注", 6),
        ]
    };
    let dates: Vec<_> = list.iter().map(|d| d.date).collect();
    let voided = list.iter().filter(|d| d.voided).count();
    let rows = list
        .into_iter()
        .map(|d| {
            let honour = if d.honour.is_empty() {
                String::new()
            } else {
                [
                    d.honour.clone(),
                    d.honour_level
                        .map(|l| l.label().to_string())
                        .unwrap_or_default(),
                    d.honour_body.clone(),
                    opt_date(d.honour_date),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("，")
            };
            let mut notes = d.notes.clone();
            if let Some(s) = &d.suggestion {
                notes = format!("源于建议{}　{notes}", s.number).trim().to_string();
            }
            (
                d.date,
                row(
                    vec![
                        d.number.clone(),
                        chinese(d.date),
                        d.deputies
                            .iter()
                            .map(|x| x.name.as_str())
                            .collect::<Vec<_>>()
                            .join("、"),
                        d.category.label().to_string(),
                        d.title.clone(),
                        d.summary.clone(),
                        honour,
                        d.publicised.clone(),
                        notes,
                    ],
                    d.void_reason.clone(),
                    d.voided,
                ),
            )
        })
        .collect();
    Ok(Book {
        cover: close(cover, &dates, voided),
        landscape: true,
        sections: by_month(columns, rows),
    })
}

/// Ids of the petitions a petitions book for the period prints (for recording a reveal).
pub(super) fn petition_ids(
    conn: &Connection,
    period: &Period,
    today: NaiveDate,
) -> Result<Vec<i64>> {
    let span = span(conn, period, today)?;
    Ok(petition_list(conn, &span)?.iter().map(|p| p.id).collect())
}

fn petition_list(conn: &Connection, span: &Span) -> Result<Vec<petitions::Petition>> {
    let mut list = entries::petitions(conn, span.from, span.to, span.today)?;
    // Registration order is date order but for late entries; sections are months.
    list.sort_by_key(|p| (petition_received_on(p), p.year, p.seq));
    Ok(list)
}

fn petitions(conn: &Connection, span: &Span, mut cover: Cover, reveal: bool) -> Result<Book> {
    let list = petition_list(conn, span)?;
    let names: BTreeMap<i64, petitions::PetitionRecord> = if reveal {
        list.iter()
            .map(|p| Ok((p.id, petitions::record(conn, p.id)?)))
            .collect::<Result<_>>()?
    } else {
        BTreeMap::new()
    };
    let columns = || {
        vec![
            col("编号", 7),
            col("收到时间", 5),
            col("方式", 3),
            col("信访人", 6),
            col("人数", 2),
            col("反映事项", 15),
            col("类别", 4),
            col("承办单位", 5),
            col("受理日期", 6),
            col("办理结果", 9),
            col("评价", 3),
            col("备注", 6),
        ]
    };
    let dates: Vec<_> = list.iter().map(petition_received_on).collect();
    let voided = list.iter().filter(|p| p.voided).count();
    let rows = list
        .into_iter()
        .map(|p| {
            let who = match names.get(&p.id) {
                Some(r) if !r.anonymous => {
                    let mut s = r.petitioner_name.clone();
                    if !r.phone.is_empty() {
                        s.push_str(&format!("\n{}", r.phone));
                    }
                    if !r.address.is_empty() {
                        s.push_str(&format!("\n{}", r.address));
                    }
                    if !r.co_visitors.is_empty() {
                        s.push_str(&format!("\n同行：{}", r.co_visitors.join("、")));
                    }
                    s
                }
                _ => {
                    let mut s = p.petitioner.clone();
                    if !p.address_masked.is_empty() {
                        s.push_str(&format!("\n{}", p.address_masked));
                    }
                    if !p.co_visitors.is_empty() {
                        s.push_str(&format!("\n同行：{}", p.co_visitors.join("、")));
                    }
                    s
                }
            };
            let mut result = p.state_label.to_string();
            if let Some(d) = p.replied_on {
                result.push_str(&format!("；{}答复", chinese(d)));
            }
            match p.resolved {
                Some(true) => result.push_str("；已解决"),
                Some(false) => result.push_str("；未解决"),
                None => {}
            }
            let mut notes = Vec::new();
            if p.group_visit {
                notes.push("集体访".to_string());
            }
            if p.confidential {
                notes.push("涉密".to_string());
            }
            if let Some(v) = &p.via_deputy {
                notes.push(format!("经{}代表转交", v.name));
            }
            if !p.linked.is_empty() {
                notes.push(format!(
                    "关联{}",
                    p.linked
                        .iter()
                        .map(|l| l.number.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                ));
            }
            if !p.archive_volume.is_empty() {
                notes.push(format!("卷号{}", p.archive_volume));
            }
            (
                petition_received_on(&p),
                row(
                    vec![
                        p.number.clone(),
                        p.received_at.to_string(),
                        p.channel.label().to_string(),
                        who,
                        p.people_count.to_string(),
                        p.request.clone(),
                        p.category.label().to_string(),
                        p.unit.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
                        opt_date(p.accepted_on),
                        result,
                        p.evaluation
                            .map(|e| e.label().to_string())
                            .unwrap_or_default(),
                        notes.join("；"),
                    ],
                    p.void_reason.clone(),
                    p.voided,
                ),
            )
        })
        .collect();
    cover.identity = if reveal {
        "本册显示信访人身份信息，已记入操作记录，请按涉密材料保管".to_string()
    } else {
        "信访人身份信息已按规定遮蔽".to_string()
    };
    Ok(Book {
        cover: close(cover, &dates, voided),
        landscape: true,
        sections: by_month(columns, rows),
    })
}

fn documents(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let mut list = entries::documents(conn, span.from, span.to)?;
    list.sort_by_key(|d| (d.year, d.seq));
    let dates: Vec<_> = list.iter().map(|d| d.date).collect();
    let voided = list.iter().filter(|d| d.voided).count();
    let received = Section {
        title: "收文登记".to_string(),
        lines: Vec::new(),
        columns: vec![
            col("收文号", 5),
            col("收文日期", 6),
            col("来文机关", 7),
            col("文号", 7),
            col("文件标题", 14),
            col("密级", 3),
            col("缓急", 3),
            col("份数", 2),
            col("领导批示", 9),
            col("承办人", 3),
            col("签收人", 3),
            col("归档", 6),
        ],
        rows: Vec::new(),
    };
    let sent = Section {
        title: "发文登记".to_string(),
        lines: Vec::new(),
        columns: vec![
            col("发文号", 5),
            col("发文日期", 6),
            col("文号", 7),
            col("文件标题", 16),
            col("附件", 6),
            col("密级", 3),
            col("份数", 2),
            col("主送／抄送", 10),
            col("签收人", 4),
            col("归档", 6),
        ],
        rows: Vec::new(),
    };
    let mut sections = [received, sent];
    for d in list {
        let archived = match d.archived_on {
            Some(on) => format!("{}\n{}", chinese(on), d.volume).trim().to_string(),
            None => String::new(),
        };
        let cells = match d.direction {
            DocumentDirection::Received => vec![
                d.number.clone(),
                chinese(d.date),
                d.issuer.clone(),
                d.doc_number.clone(),
                d.title.clone(),
                d.classification.label().to_string(),
                d.urgency.label().to_string(),
                d.copies.to_string(),
                d.instruction.clone(),
                d.handler.clone(),
                d.signed_by.clone(),
                archived,
            ],
            DocumentDirection::Sent => vec![
                d.number.clone(),
                chinese(d.date),
                d.doc_number.clone(),
                d.title.clone(),
                d.attachments.clone(),
                d.classification.label().to_string(),
                d.copies.to_string(),
                d.sent_to.clone(),
                d.signed_by.clone(),
                archived,
            ],
        };
        let i = usize::from(d.direction == DocumentDirection::Sent);
        sections[i]
            .rows
            .push(row(cells, d.void_reason.clone(), d.voided));
    }
    Ok(Book {
        cover: close(cover, &dates, voided),
        landscape: true,
        sections: sections
            .into_iter()
            .filter(|s| !s.rows.is_empty())
            .collect(),
    })
}

fn suggestions(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let mut list = entries::suggestions(
        conn,
        span.from,
        span.to,
        span.term.as_ref().map(|t| t.id),
        span.today,
    )?;
    let seq = |s: &suggestions::Suggestion| {
        suggestions::record(conn, s.id)
            .map(|r| r.seq)
            .unwrap_or(i64::MAX)
    };
    list.sort_by_cached_key(|s| (s.term_id, s.session_no, !s.during_session, seq(s), s.id));
    let columns = || {
        vec![
            col("编号", 6),
            col("提出日期", 6),
            col("类型", 3),
            col("领衔及附议代表", 7),
            col("案由", 12),
            col("类别", 4),
            col("承办单位", 7),
            col("交办日期", 6),
            col("答复日期及类别", 7),
            col("代表评价", 5),
            col("办理状态", 4),
            col("备注", 5),
        ]
    };
    let dates: Vec<_> = list.iter().map(|s| s.received_on).collect();
    let voided = list.iter().filter(|s| s.voided).count();
    let mut sections: Vec<Section> = Vec::new();
    let terms = org::terms(conn)?;
    for s in list {
        let term = terms
            .iter()
            .find(|t| t.id == s.term_id)
            .map(|t| t.label())
            .unwrap_or_default();
        let title = if s.during_session {
            format!(
                "{term}人民代表大会第{}次会议期间",
                org::chinese_number(s.session_no)
            )
        } else {
            format!(
                "{term}人民代表大会第{}次会议闭会期间",
                org::chinese_number(s.session_no)
            )
        };
        if sections.last().is_none_or(|x| x.title != title) {
            sections.push(Section {
                title,
                lines: Vec::new(),
                columns: columns(),
                rows: Vec::new(),
            });
        }
        let mut who = if s.by_presidium {
            "主席团".to_string()
        } else {
            s.lead_deputy
                .as_ref()
                .map(|d| d.name.clone())
                .unwrap_or_default()
        };
        if !s.co_signers.is_empty() {
            who.push_str(&format!(
                "\n附议：{}",
                s.co_signers
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ));
        }
        let mut units = s
            .lead_unit
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default();
        if !s.co_units.is_empty() {
            units.push_str(&format!(
                "\n协办：{}",
                s.co_units
                    .iter()
                    .map(|u| u.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ));
        }
        let reply = match s.replied_on {
            Some(d) => format!(
                "{}\n{}",
                chinese(d),
                s.reply_category_label.clone().unwrap_or_default()
            )
            .trim()
            .to_string(),
            None => String::new(),
        };
        let eval = match (s.first_result, s.final_result) {
            (Some(a), Some(b)) if s.round > 1 => format!("初次{}\n最终{}", a.label(), b.label()),
            (_, Some(b)) => b.label().to_string(),
            _ => String::new(),
        };
        let mut notes = Vec::new();
        if s.key_supervision {
            notes.push("重点督办".to_string());
        }
        if let Some(p) = s.promised_on {
            notes.push(format!("承诺{}完成", chinese(p)));
        }
        if !s.notes.is_empty() {
            notes.push(s.notes.clone());
        }
        let x = sections.last_mut().expect("pushed above");
        x.rows.push(row(
            vec![
                s.number.clone(),
                chinese(s.received_on),
                s.kind.label().to_string(),
                who,
                s.subject.clone(),
                s.category.label().to_string(),
                units,
                opt_date(s.assigned_on),
                reply,
                eval,
                s.state_label.to_string(),
                notes.join("；"),
            ],
            s.void_reason.clone(),
            s.voided,
        ));
    }
    Ok(Book {
        cover: close(cover, &dates, voided),
        landscape: true,
        sections,
    })
}

fn activities(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let mut list = entries::activities(conn, span.from, span.to)?;
    let groups = org::groups(conn, span.to.min(span.today))?;
    // The groups in roster order, then the presidium's town-wide activities, then each station's
    // days of duty: one section each.
    let order = |a: &crate::activities::GroupActivity| match a.group_id {
        Some(id) => (
            0,
            groups.iter().position(|g| g.id == id).unwrap_or(usize::MAX),
            id,
        ),
        None if a.station_id.is_none() => (1, 0, 0),
        None => (2, 0, a.station_id.unwrap_or_default()),
    };
    list.sort_by_key(|a| (order(a), a.date, a.year, a.seq));
    let columns = || {
        vec![
            col("编号", 6),
            col("日期", 6),
            col("形式", 4),
            col("主题及地点", 9),
            col("出席情况", 7),
            col("上级代表", 4),
            col("活动内容", 15),
            col("收集意见", 10),
            col("成果及报告", 7),
        ]
    };
    let dates: Vec<_> = list.iter().map(|a| a.date).collect();
    let voided = list.iter().filter(|a| a.voided).count();
    let mut sections: Vec<Section> = Vec::new();
    for a in list {
        if sections.last().is_none_or(|s| s.title != a.organiser_name) {
            let mut lines = Vec::new();
            if let Some(g) = groups.iter().find(|g| Some(g.id) == a.group_id) {
                lines.push(format!(
                    "组长：{}　　联络员：{}",
                    g.leader_name.clone().unwrap_or_else(|| "（未定）".into()),
                    g.liaison_name.clone().unwrap_or_else(|| "（未定）".into())
                ));
            }
            sections.push(Section {
                title: a.organiser_name.clone(),
                lines,
                columns: columns(),
                rows: Vec::new(),
            });
        }
        let names = |want: crate::vocab::Attendance| {
            a.members
                .iter()
                .filter(|m| m.attendance == want)
                .map(|m| match m.reason.as_str() {
                    "" => m.name.clone(),
                    r => format!("{}（{r}）", m.name),
                })
                .collect::<Vec<_>>()
                .join("、")
        };
        let mut attendance = format!(
            "应到{}人，实到{}人，请假{}人，缺席{}人",
            a.expected, a.present, a.excused, a.absent
        );
        let excused = names(crate::vocab::Attendance::Excused);
        if !excused.is_empty() {
            attendance.push_str(&format!("\n请假：{excused}"));
        }
        let absent = names(crate::vocab::Attendance::Absent);
        if !absent.is_empty() {
            attendance.push_str(&format!("\n缺席：{absent}"));
        }
        let opinions = a
            .opinions
            .iter()
            .map(|o| {
                let link = match (&o.suggestion, &o.petition) {
                    (Some(s), _) => format!("（转为建议{}）", s.number),
                    (_, Some(p)) => format!("（转为信访{}）", p.number),
                    _ => String::new(),
                };
                format!("{}. {}{link}", o.seq, o.content)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut results = a.results.clone();
        if let Some(d) = a.reported_on {
            results = format!("{results}\n{}报主席团", chinese(d))
                .trim()
                .to_string();
        }
        let x = sections.last_mut().expect("pushed above");
        x.rows.push(row(
            vec![
                a.number.clone(),
                chinese(a.date),
                a.kind.label().to_string(),
                format!("{}\n{}", a.theme, a.place).trim().to_string(),
                attendance,
                a.higher_deputies.clone(),
                a.record.clone(),
                opinions,
                results,
            ],
            a.void_reason.clone(),
            a.voided,
        ));
    }
    Ok(Book {
        cover: close(cover, &dates, voided),
        landscape: true,
        sections,
    })
}
