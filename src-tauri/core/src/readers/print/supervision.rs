//! Supervision on paper: the ledger of review opinions and their rectification (审议意见整改台账,
//! a year per section, each opinion with its rounds, reports, assessments and lateness), the
//! evaluations of a period (评议测评结果, one table per event) and one evaluation's results
//! alone, on A4 with the office and date over the seal position.

use rusqlite::Connection;

use super::books::{close, Span};
use super::{chinese_upper, office, Book, Column, Cover, Row, Section, Sheet};
use crate::dates::chinese;
use crate::entries;
use crate::evaluations::{self, EvaluationEvent};
use crate::vocab::Vocab;
use crate::Result;

fn col(title: &'static str, width: u32) -> Column {
    Column { title, width }
}

fn voided(voided: bool, reason: &Option<String>) -> Option<String> {
    voided.then(|| reason.clone().unwrap_or_else(|| "未注明原因".into()))
}

pub(super) fn rectifications(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let list = entries::rectifications(conn, span.from, span.to, span.today)?;
    let dates: Vec<_> = list
        .iter()
        .filter_map(|r| r.rounds.first().map(|k| k.sent_on))
        .collect();
    let n_voided = list.iter().filter(|r| r.voided).count();
    let columns = || {
        vec![
            col("编号", 5),
            col("来源", 6),
            col("整改单位", 5),
            col("审议意见", 14),
            col("送达及期限", 6),
            col("整改情况报告", 12),
            col("主席团评价", 5),
            col("状态", 4),
        ]
    };
    let mut sections: Vec<Section> = Vec::new();
    for r in list {
        let title = format!("{}年审议意见", r.year);
        if sections.last().is_none_or(|s| s.title != title) {
            sections.push(Section {
                title,
                lines: Vec::new(),
                columns: columns(),
                rows: Vec::new(),
            });
        }
        let source = [
            r.activity.as_ref().map(|a| a.number.clone()),
            r.evaluation.as_ref().map(|e| e.number.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
        let rounds = |f: &dyn Fn(&crate::rectifications::Round) -> String| {
            r.rounds
                .iter()
                .map(|k| {
                    let t = f(k);
                    if r.rounds.len() > 1 {
                        format!("第{}轮：{t}", k.round)
                    } else {
                        t
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let state = if r.overdue {
            format!("{}（已逾期）", r.state_label)
        } else {
            r.state_label.to_string()
        };
        let cells = vec![
            r.number.clone(),
            source,
            r.target.clone(),
            r.content.clone(),
            rounds(&|k| {
                format!(
                    "{}送达，{}前报送",
                    chinese(k.sent_on),
                    chinese(k.deadline.due.date)
                )
            }),
            rounds(&|k| match k.reported_on {
                Some(d) => format!(
                    "{}报送{}：{}",
                    chinese(d),
                    if k.reported_late { "（逾期）" } else { "" },
                    k.report
                ),
                None => "未报送".to_string(),
            }),
            rounds(&|k| match (k.satisfaction, k.assessed_on) {
                (Some(s), Some(d)) => format!(
                    "{}{}{}",
                    s.label(),
                    chinese(d),
                    k.followup
                        .as_ref()
                        .map(|f| format!("（回头看{}）", f.number))
                        .unwrap_or_default()
                ),
                _ => String::new(),
            }),
            state,
        ];
        sections.last_mut().expect("pushed above").rows.push(Row {
            cells,
            void: voided(r.voided, &r.void_reason),
        });
    }
    Ok(Book {
        cover: close(cover, &dates, n_voided),
        landscape: true,
        sections,
    })
}

fn result_columns(e: &EvaluationEvent) -> Vec<Column> {
    vec![
        col("名次", 2),
        col("评议对象", 8),
        col(e.scale[0], 3),
        col(e.scale[1], 3),
        col(e.scale[2], 3),
        col("有效票", 3),
        col("满意率", 5),
        col("处理", 8),
    ]
}

/// The table of one evaluation: every object in rank order with its ballots and rate.
fn result_section(e: &EvaluationEvent) -> Section {
    let mut lines = vec![format!(
        "{}　{}　参加评议 {} 人{}",
        chinese(e.date),
        e.kind.label(),
        e.evaluator_count,
        if e.evaluators.is_empty() {
            String::new()
        } else {
            format!(
                "：{}",
                e.evaluators
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )
        }
    )];
    lines.push(format!("处理规则：{}。", e.threshold));
    Section {
        title: format!("{}　{}", e.number, e.title),
        lines,
        columns: result_columns(e),
        rows: e
            .objects
            .iter()
            .map(|o| Row {
                cells: vec![
                    o.rank.to_string(),
                    o.name.clone(),
                    o.ballots.good.to_string(),
                    o.ballots.fair.to_string(),
                    o.ballots.poor.to_string(),
                    o.ballots.valid.to_string(),
                    o.ballots.rate.chinese(),
                    if o.below_threshold {
                        format!(
                            "{}超过规定比例，限期整改{}{}",
                            e.scale[2],
                            o.rectification
                                .as_ref()
                                .map(|r| format!("（{}）", r.number))
                                .unwrap_or_default(),
                            o.re_evaluate_by
                                .map(|d| format!("，{}前再次评议", chinese(d)))
                                .unwrap_or_default()
                        )
                    } else {
                        String::new()
                    },
                ],
                void: voided(e.voided, &e.void_reason),
            })
            .collect(),
    }
}

pub(super) fn evaluations(conn: &Connection, span: &Span, cover: Cover) -> Result<Book> {
    let list = entries::evaluations(conn, span.from, span.to)?;
    let dates: Vec<_> = list.iter().map(|e| e.date).collect();
    let n_voided = list.iter().filter(|e| e.voided).count();
    Ok(Book {
        cover: close(cover, &dates, n_voided),
        landscape: true,
        sections: list.iter().map(result_section).collect(),
    })
}

/// One evaluation's results, issued by the office: the table, then the office and date over
/// the seal position.
pub(super) fn evaluation(conn: &Connection, id: i64) -> Result<Sheet> {
    let e = evaluations::get(conn, id)?;
    if e.voided {
        return Err(crate::Error::validation(
            "id",
            format!("{}已作废，不能打印评议结果", e.number),
        ));
    }
    let section = result_section(&e);
    let below: Vec<&str> = e
        .objects
        .iter()
        .filter(|o| o.below_threshold)
        .map(|o| o.name.as_str())
        .collect();
    Ok(Sheet {
        office: office(conn)?,
        title: format!("{}结果", e.title),
        lines: section.lines.clone(),
        columns: section.columns.clone(),
        sections: vec![Section {
            title: e.number.clone(),
            lines: Vec::new(),
            ..section
        }],
        footnote: if below.is_empty() {
            "各评议对象均未超过规定的不满意比例。".to_string()
        } else {
            format!(
                "{}的{}票超过规定比例，已提出审议意见，限期整改并再次评议。",
                below.join("、"),
                e.scale[2]
            )
        },
        signed: Some(chinese_upper(e.date)),
        issued: e.date,
    })
}
