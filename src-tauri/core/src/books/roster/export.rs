//! The roster as an xlsx 花名册 in the layout counties use: a title row, a subtitle with the date
//! and count, the header, then one section per deputy group (its leader and liaison named) with
//! one row per deputy. Printed landscape on A4 with the header repeated on every page.
//! ID numbers are masked unless the caller includes them on purpose.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
use serde::Serialize;
use std::path::Path;

use super::deputy::{self, Deputy};
use super::org;
use super::stats::members_on;
use crate::dates;
use crate::vocab::*;
use crate::{settings, Error, Result};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportResult {
    pub path: String,
    pub count: usize,
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub term_id: Option<i64>,
    pub on: NaiveDate,
    pub order: RosterOrder,
    /// Plain ID numbers instead of masked ones; for an export made on purpose.
    pub with_id_numbers: bool,
}

/// Column headers as offices write them; the importer reads every one of them back.
pub const HEADERS: &[(&str, f64)] = &[
    ("序号", 5.0),
    ("姓名", 9.0),
    ("性别", 5.0),
    ("民族", 7.0),
    ("出生年月", 9.0),
    ("政治面貌", 10.0),
    ("学历", 9.0),
    ("工作单位及职务", 30.0),
    ("职业类别", 11.0),
    ("选区", 10.0),
    ("代表小组", 12.0),
    ("代表层级", 11.0),
    ("当选日期", 11.0),
    ("当选方式", 9.0),
    ("代表证号", 10.0),
    ("联系电话", 13.0),
    ("身份证号码", 20.0),
];

fn row_values(d: &Deputy, seq: usize, id_number: Option<String>) -> Vec<String> {
    vec![
        seq.to_string(),
        d.name.clone(),
        d.sex.label().into(),
        d.ethnicity_label.clone(),
        d.birth_date
            .map(|b| format!("{}.{:02}", b.year, b.month))
            .unwrap_or_default(),
        d.political_status.label().into(),
        d.education
            .map(|e| e.label().to_string())
            .unwrap_or_default(),
        d.work_unit_post.clone(),
        d.occupation.label().into(),
        d.constituency_name.clone().unwrap_or_default(),
        d.group_name.clone().unwrap_or_default(),
        d.levels
            .iter()
            .rev()
            .map(|l| l.label())
            .collect::<Vec<_>>()
            .join("、"),
        d.elected_on.to_string(),
        d.elected_how.label().into(),
        d.card_no.clone(),
        d.phone.clone(),
        id_number.unwrap_or_default(),
    ]
}

pub fn export_roster(
    conn: &rusqlite::Connection,
    path: &Path,
    opts: &ExportOptions,
) -> Result<ExportResult> {
    let term = match opts.term_id {
        Some(id) => org::term(conn, id)?,
        None => org::current_term(conn)?
            .ok_or_else(|| Error::validation("term_id", "还没有届次，无法导出花名册"))?,
    };
    let township = settings::load(conn)?.township;
    let views = deputy::term_views(conn, term.id, opts.on)?;
    let mut members: Vec<Deputy> = members_on(&views).into_iter().cloned().collect();
    deputy::sort(&mut members, opts.order);
    let groups = org::groups(conn, opts.on)?;

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("代表花名册").map_err(xlsx_err)?;
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let sub = Format::new().set_align(FormatAlign::Center);
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_background_color("#E8EEF7");
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let section = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color("#F5F5F5");
    let last_col = (HEADERS.len() - 1) as u16;

    let title_text = format!(
        "{township}第{}届人民代表大会代表花名册",
        org::chinese_number(term.number)
    );
    ws.merge_range(0, 0, 0, last_col, &title_text, &title)
        .map_err(xlsx_err)?;
    ws.set_row_height(0, 30).map_err(xlsx_err)?;
    let order_text = match opts.order {
        RosterOrder::Stroke | RosterOrder::Group => "按代表小组分组，组内按姓氏笔画为序",
        RosterOrder::Pinyin => "按代表小组分组，组内按姓名拼音为序",
    };
    ws.merge_range(
        1,
        0,
        1,
        last_col,
        &format!(
            "（{order_text}；截至{}，共{}名）",
            dates::chinese(opts.on),
            members.len()
        ),
        &sub,
    )
    .map_err(xlsx_err)?;
    for (c, (h, w)) in HEADERS.iter().enumerate() {
        ws.write_with_format(2, c as u16, *h, &head)
            .map_err(xlsx_err)?;
        ws.set_column_width(c as u16, *w).map_err(xlsx_err)?;
    }
    ws.set_freeze_panes(3, 0).map_err(xlsx_err)?;
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(2, 2)
        .map_err(xlsx_err)?;

    let mut r: u32 = 3;
    let mut seq = 0;
    let mut sections: Vec<(Option<i64>, String)> = groups
        .iter()
        .map(|g| {
            let mut roles = Vec::new();
            for (label, name) in [
                ("组长", &g.leader_name),
                ("副组长", &g.deputy_leader_name),
                ("联络员", &g.liaison_name),
            ] {
                if let Some(n) = name {
                    roles.push(format!("{label}：{n}"));
                }
            }
            let text = if roles.is_empty() {
                g.name.clone()
            } else {
                format!("{}（{}）", g.name, roles.join("；"))
            };
            (Some(g.id), text)
        })
        .collect();
    sections.push((None, "未分组".into()));
    for (gid, text) in sections {
        let in_group: Vec<&Deputy> = members.iter().filter(|d| d.group_id == gid).collect();
        if in_group.is_empty() {
            continue;
        }
        ws.merge_range(r, 0, r, last_col, &text, &section)
            .map_err(xlsx_err)?;
        r += 1;
        for d in in_group {
            seq += 1;
            let id_text = if opts.with_id_numbers {
                deputy::record(conn, d.id)?.id_number
            } else {
                d.id_number_masked.clone()
            };
            for (c, v) in row_values(d, seq, id_text).iter().enumerate() {
                ws.write_with_format(r, c as u16, v.as_str(), &cell)
                    .map_err(xlsx_err)?;
            }
            r += 1;
        }
    }
    // Write to a temporary name and rename, so a half-written file never looks complete.
    let tmp = path.with_extension("xlsx.partial");
    wb.save(&tmp)
        .map_err(|e| Error::io(path, std::io::Error::other(e.to_string())))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
    Ok(ExportResult {
        path: path.display().to_string(),
        count: members.len(),
    })
}

fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::io("xlsx", std::io::Error::other(e.to_string()))
}
