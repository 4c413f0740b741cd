//! One-off lists printed without a cover: the 督办清单 the chairman takes to a supervision talk.

use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::BTreeMap;

use super::{office, Column, Row, Section, Sheet};
use crate::dates::chinese;
use crate::followup::{self, Book, DueItem};
use crate::Result;

/// The section of cases no unit has been given yet.
pub const UNASSIGNED: &str = "未交办";

/// 督办清单 as of `today`: every running deadline of open suggestions and petitions, one section
/// per handling unit (the lead unit in force; units with overdue cases first, then by name), the
/// cases without a unit last under 未交办. Counted by `followup::deadlines`, the same list the
/// home page's counts come from, so paper and screen agree.
pub fn supervision(conn: &Connection, today: NaiveDate) -> Result<Sheet> {
    let items = followup::deadlines(conn, today)?;
    let mut by_unit: BTreeMap<String, Vec<&DueItem>> = BTreeMap::new();
    let mut unassigned = Vec::new();
    for it in &items {
        match &it.unit {
            Some(u) => by_unit.entry(u.name.clone()).or_default().push(it),
            None => unassigned.push(it),
        }
    }
    let late = |rows: &[&DueItem]| rows.iter().filter(|i| i.overdue).count();
    let mut units: Vec<(String, Vec<&DueItem>)> = by_unit.into_iter().collect();
    units.sort_by(|(a, ra), (b, rb)| {
        late(rb)
            .cmp(&late(ra))
            .then_with(|| crate::names::pinyin_cmp(a, b))
    });
    let mut sections: Vec<Section> = units
        .iter()
        .map(|(name, rows)| section(name, rows))
        .collect();
    if !unassigned.is_empty() {
        sections.push(section(UNASSIGNED, &unassigned));
    }
    let count = |b: Book| items.iter().filter(|i| i.book == b).count();
    let overdue = items.iter().filter(|i| i.overdue).count();
    let late_units: Vec<String> = units
        .iter()
        .filter(|(_, rows)| late(rows) > 0)
        .map(|(name, rows)| format!("{name} {} 件", late(rows)))
        .collect();
    let rectifying = match count(Book::Rectifications) {
        0 => String::new(),
        n => format!("，待报送整改情况的审议意见 {n} 件"),
    };
    Ok(Sheet {
        office: office(conn)?,
        title: "代表建议和信访事项督办清单".to_string(),
        lines: vec![format!(
            "截至{}：在办代表建议 {} 件，在办信访事项 {} 件{rectifying}，其中已逾期 {} 件。",
            chinese(today),
            count(Book::Suggestions),
            count(Book::Petitions),
            overdue
        )],
        columns: vec![
            col("序号", 5),
            col("簿册", 6),
            col("编号", 11),
            col("事由", 40),
            col("环节", 10),
            col("到期日", 12),
            col("情况", 10),
        ],
        sections,
        footnote: if late_units.is_empty() {
            "没有逾期未办的事项。".to_string()
        } else {
            format!("逾期单位：{}。", late_units.join("；"))
        },
        signed: None,
        issued: today,
    })
}

fn col(title: &'static str, width: u32) -> Column {
    Column { title, width }
}

fn section(unit: &str, rows: &[&DueItem]) -> Section {
    let late = rows.iter().filter(|i| i.overdue).count();
    Section {
        title: format!("{unit}（{} 件）", rows.len()),
        lines: if late > 0 {
            vec![format!("其中逾期 {late} 件")]
        } else {
            Vec::new()
        },
        columns: Vec::new(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, it)| Row {
                cells: vec![
                    (i + 1).to_string(),
                    match it.book {
                        Book::Suggestions => "代表建议",
                        Book::Petitions => "信访",
                        Book::Rectifications => "审议意见",
                    }
                    .to_string(),
                    it.number.clone(),
                    format!(
                        "{}{}",
                        short(&it.title),
                        if it.key_supervision {
                            "（重点）"
                        } else {
                            ""
                        }
                    ),
                    it.stage_label.to_string(),
                    it.due_date.map(chinese).unwrap_or_default(),
                    situation(it),
                ],
                void: None,
            })
            .collect(),
    }
}

/// 逾期5天 / 剩3天 / 今日到期.
fn situation(it: &DueItem) -> String {
    match it.days_left {
        Some(d) if d < 0 => format!("逾期{}天", -d),
        Some(0) => "今日到期".to_string(),
        Some(d) => format!("剩{d}天"),
        None => String::new(),
    }
}

/// The matter in one line of the table.
fn short(text: &str) -> String {
    let t = text.trim();
    let s: String = t.chars().take(50).collect();
    if t.chars().count() > 50 {
        format!("{s}……")
    } else {
        s
    }
}
