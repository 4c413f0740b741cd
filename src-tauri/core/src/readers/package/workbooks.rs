//! The human-readable half of the package: one workbook per book (the printed book's columns,
//! identities masked as printed) and a statistics workbook with the figures the county asks for.
//! Plain cells only, so Excel, WPS and LibreOffice open them alike.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::ExportOptions;
use crate::entries;
use crate::print::{self, BookKind, Document, Period};
use crate::roster::stats::{roster_stats, Bucket};
use crate::suggestions::stats::{compute as suggestion_stats, StatsQuery};
use crate::tally::{CountedBucket, CountedRatio};
use crate::{petitions, Error, Result};

fn err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::io("xlsx", std::io::Error::other(e.to_string()))
}

/// What one cell can hold (Excel's limit is 32,767 characters). A text the app accepted before
/// the field limits, or cells joined from many texts, is cut with a note rather than failing
/// the whole export: the package's data files carry the full text.
pub const CELL_CHARS: usize = 32_000;

/// `text` as it fits a cell.
pub fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    let n = text.chars().count();
    if n <= CELL_CHARS {
        return text.into();
    }
    let kept: String = text.chars().take(CELL_CHARS).collect();
    format!("{kept}……（原文 {n} 字，超出表格单元格上限，全文见台账和数据文件）").into()
}

fn header(ws: &mut Worksheet, row: u32, titles: &[&str]) -> Result<()> {
    let bold = Format::new().set_bold();
    for (c, t) in titles.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *t, &bold)
            .map_err(err)?;
    }
    Ok(())
}

/// A book as one sheet: the section (month, group, session) first, the printed columns, and the
/// void reason last. Returns the workbook's bytes and its number of entry rows.
pub fn book(
    conn: &Connection,
    kind: BookKind,
    o: &ExportOptions,
    today: NaiveDate,
    red: &super::redact::Redactor,
) -> Result<(Vec<u8>, usize)> {
    let fit = |t: &str| fit(&red.text(t)).into_owned();
    let doc = print::book(
        conn,
        kind,
        &Period::Range {
            from: o.from,
            to: o.to,
        },
        1,
        o.include_identities,
        today,
    )?;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(kind.title().chars().take(31).collect::<String>())
        .map_err(err)?;
    let mut n = 0usize;
    match doc {
        Document::Book(b) => {
            let mut row = 0u32;
            let mut last_columns: Vec<&str> = Vec::new();
            for s in &b.sections {
                let cols: Vec<&str> = s.columns.iter().map(|c| c.title).collect();
                if cols != last_columns {
                    let mut titles = vec!["分组"];
                    titles.extend(&cols);
                    titles.push("作废原因");
                    header(ws, row, &titles)?;
                    row += 1;
                    last_columns = cols;
                }
                for r in &s.rows {
                    ws.write_string(row, 0, fit(&s.title)).map_err(err)?;
                    for (c, v) in r.cells.iter().enumerate() {
                        ws.write_string(row, c as u16 + 1, fit(v)).map_err(err)?;
                    }
                    ws.write_string(
                        row,
                        r.cells.len() as u16 + 1,
                        fit(r.void.as_deref().unwrap_or("")),
                    )
                    .map_err(err)?;
                    row += 1;
                    n += 1;
                }
            }
        }
        Document::Minutes(m) => {
            header(
                ws,
                0,
                &[
                    "会议",
                    "时间",
                    "地点",
                    "主持人",
                    "出席情况",
                    "缺席人员",
                    "议题",
                    "作废原因",
                ],
            )?;
            for (i, mt) in m.meetings.iter().enumerate() {
                let field = |k: &str| {
                    mt.fields
                        .iter()
                        .find(|(l, _)| l == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                let agenda: Vec<String> = mt
                    .agenda
                    .iter()
                    .map(|a| format!("{}（{}）", a.title, a.votes))
                    .collect();
                let cells = [
                    mt.number.clone(),
                    field("时间"),
                    field("地点"),
                    field("主持人"),
                    field("应到／实到"),
                    field("缺席人员"),
                    agenda.join("；"),
                    mt.void.clone().unwrap_or_default(),
                ];
                for (c, v) in cells.iter().enumerate() {
                    ws.write_string(i as u32 + 1, c as u16, fit(v))
                        .map_err(err)?;
                }
                n += 1;
            }
        }
        Document::Form(_) | Document::Forms(_) | Document::Sheet(_) => {
            unreachable!("a book printout is a book or minutes, never a form or a sheet")
        }
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    Ok((wb.save_to_buffer().map_err(err)?, n))
}

fn rows(ws: &mut Worksheet, start: u32, items: &[(String, String, f64)]) -> Result<u32> {
    let mut r = start;
    for (a, b, v) in items {
        ws.write_string(r, 0, a).map_err(err)?;
        ws.write_string(r, 1, b).map_err(err)?;
        ws.write_number(r, 2, *v).map_err(err)?;
        r += 1;
    }
    Ok(r)
}

fn buckets(what: &str, b: &[Bucket]) -> Vec<(String, String, f64)> {
    b.iter()
        .map(|x| (what.to_string(), x.label.clone(), x.count as f64))
        .collect()
}

fn counted(what: &str, b: &[CountedBucket]) -> Vec<(String, String, f64)> {
    b.iter()
        .map(|x| (what.to_string(), x.label.clone(), x.count as f64))
        .collect()
}

fn ratio(label: &str, r: &CountedRatio) -> [(String, String, f64); 2] {
    [
        (label.to_string(), "分子".into(), r.numerator as f64),
        (label.to_string(), "分母".into(), r.denominator as f64),
    ]
}

/// The statistics workbook: roster structure, suggestions (totals, rates with numerator and
/// denominator, by category and by handling unit), petitions (by channel, category, outcome),
/// group activities per group and per deputy.
pub fn statistics(conn: &Connection, o: &ExportOptions, today: NaiveDate) -> Result<Vec<u8>> {
    let on = o.to.min(today);
    let mut wb = Workbook::new();

    let ws = wb.add_worksheet();
    ws.set_name("代表结构").map_err(err)?;
    header(ws, 0, &["项目", "类别", "人数"])?;
    if let Ok(r) = roster_stats(conn, None, on) {
        let mut items = vec![("合计".to_string(), r.term_label.clone(), r.total as f64)];
        items.extend(buckets("性别", &r.by_sex));
        items.extend(buckets("民族", &r.by_ethnicity));
        items.extend(buckets("年龄", &r.by_age_band));
        items.extend(buckets("学历", &r.by_education));
        items.extend(buckets("政治面貌", &r.by_political_status));
        items.extend(buckets("职业", &r.by_occupation));
        items.extend(buckets("层级", &r.by_level));
        items.extend(buckets("代表小组", &r.by_group));
        rows(ws, 1, &items)?;
    }

    let q = StatsQuery {
        from: Some(o.from),
        to: Some(o.to),
        ..Default::default()
    };
    let s = suggestion_stats(conn, &q, today)?;
    let ws = wb.add_worksheet();
    ws.set_name("代表建议").map_err(err)?;
    header(ws, 0, &["项目", "类别", "件数"])?;
    let mut items = vec![
        (
            "合计".to_string(),
            "收到".to_string(),
            s.received.count as f64,
        ),
        (
            "合计".into(),
            "不予立案".into(),
            s.not_accepted.count as f64,
        ),
        ("合计".into(), "交办".into(), s.assigned.count as f64),
        ("合计".into(), "答复".into(), s.replied.count as f64),
        ("合计".into(), "办结".into(), s.closed.count as f64),
        (
            "合计".into(),
            "重点督办".into(),
            s.key_supervision.count as f64,
        ),
    ];
    items.extend(ratio("办复率", &s.reply_rate));
    items.extend(ratio("办结率", &s.close_rate));
    items.extend(ratio("满意率（含基本满意）", &s.satisfaction_rate));
    items.extend(counted("类别", &s.by_category));
    items.extend(counted("类型", &s.by_kind));
    for u in &s.by_unit {
        items.push((
            "承办单位·交办".into(),
            u.unit.name.clone(),
            u.assigned.count as f64,
        ));
        items.push((
            "承办单位·答复".into(),
            u.unit.name.clone(),
            u.replied.count as f64,
        ));
        items.push((
            "承办单位·办结".into(),
            u.unit.name.clone(),
            u.closed.count as f64,
        ));
    }
    rows(ws, 1, &items)?;

    let p = petitions::stats::compute(conn, &q, today)?;
    let ws = wb.add_worksheet();
    ws.set_name("来信来访").map_err(err)?;
    header(ws, 0, &["项目", "类别", "件数"])?;
    let mut items = vec![
        (
            "合计".to_string(),
            "收到".to_string(),
            p.received.count as f64,
        ),
        ("合计".into(), "人次".into(), p.people as f64),
        ("合计".into(), "集体访".into(), p.group_visits.count as f64),
        ("合计".into(), "重复信访".into(), p.repeats.count as f64),
        ("合计".into(), "受理".into(), p.accepted.count as f64),
        ("合计".into(), "不予受理".into(), p.declined.count as f64),
        ("合计".into(), "已答复".into(), p.replied.count as f64),
        ("合计".into(), "已解决".into(), p.resolved.count as f64),
    ];
    items.extend(counted("来源", &p.by_channel));
    items.extend(counted("类别", &p.by_category));
    rows(ws, 1, &items)?;

    let acts = entries::activities(conn, o.from, o.to)?;
    let mut per_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut per_deputy: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for a in acts.iter().filter(|a| !a.voided) {
        let g = per_group.entry(a.group_name.clone()).or_default();
        g.0 += 1;
        g.1 += usize::from(a.kind == crate::vocab::ActivityKind::VoterReception);
        for m in &a.members {
            let d = per_deputy.entry(m.name.clone()).or_default();
            d.0 += 1;
            d.1 += usize::from(m.attendance == crate::vocab::Attendance::Present);
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("小组活动").map_err(err)?;
    header(ws, 0, &["代表小组", "活动次数", "其中接待选民"])?;
    for (i, (g, (n, v))) in per_group.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, g).map_err(err)?;
        ws.write_number(i as u32 + 1, 1, *n as f64).map_err(err)?;
        ws.write_number(i as u32 + 1, 2, *v as f64).map_err(err)?;
    }
    let ws = wb.add_worksheet();
    ws.set_name("代表参加活动").map_err(err)?;
    header(ws, 0, &["代表", "应出席", "出席"])?;
    for (i, (d, (n, p))) in per_deputy.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, d).map_err(err)?;
        ws.write_number(i as u32 + 1, 1, *n as f64).map_err(err)?;
        ws.write_number(i as u32 + 1, 2, *p as f64).map_err(err)?;
    }

    // 人代会: each live session with its attendance, resolutions passed and who was elected.
    let ws = wb.add_worksheet();
    ws.set_name("人代会").map_err(err)?;
    header(
        ws,
        0,
        &[
            "会议",
            "开幕日期",
            "全体代表",
            "出席",
            "请假",
            "缺席",
            "表决事项",
            "通过",
            "当选",
        ],
    )?;
    let held = entries::sessions(conn, o.from, o.to, None)?;
    for (i, s) in held.iter().filter(|s| !s.voided).enumerate() {
        let r = i as u32 + 1;
        let voted = s.items.iter().filter(|x| x.passed.is_some()).count();
        let passed = s.items.iter().filter(|x| x.passed == Some(true)).count();
        let elected: Vec<String> = s
            .elections
            .iter()
            .flat_map(|e| {
                e.elected_names()
                    .into_iter()
                    .map(move |n| format!("{}（{}）", n, crate::vocab::Vocab::label(e.post)))
            })
            .collect();
        ws.write_string(r, 0, &s.number).map_err(err)?;
        ws.write_string(r, 1, s.first_day.to_string())
            .map_err(err)?;
        for (c, n) in [s.expected, s.present, s.excused, s.absent, voted, passed]
            .into_iter()
            .enumerate()
        {
            ws.write_number(r, c as u16 + 2, n as f64).map_err(err)?;
        }
        ws.write_string(r, 8, elected.join("、")).map_err(err)?;
    }

    // 民生实事: each live project of the period's years with its vote, state and evaluation.
    let ws = wb.add_worksheet();
    ws.set_name("民生实事").map_err(err)?;
    header(
        ws,
        0,
        &[
            "编号",
            "项目名称",
            "赞成票",
            "是否入选",
            "状态",
            "测评满意",
            "测评总数",
        ],
    )?;
    let voted = entries::projects(conn, o.from, o.to, today)?;
    for (i, p) in voted.iter().filter(|p| !p.voided).enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &p.number).map_err(err)?;
        ws.write_string(r, 1, &p.title).map_err(err)?;
        if let Some(v) = &p.vote {
            ws.write_number(r, 2, v.votes_for as f64).map_err(err)?;
            ws.write_string(r, 3, if v.adopted { "入选" } else { "未入选" })
                .map_err(err)?;
        }
        ws.write_string(r, 4, p.state_label).map_err(err)?;
        if let Some(e) = &p.evaluation {
            ws.write_number(r, 5, e.numerator as f64).map_err(err)?;
            ws.write_number(r, 6, e.denominator as f64).map_err(err)?;
        }
    }

    // 监督: the period's review opinions, evaluations, duty reports and station duty, counted by
    // the same functions as the books' own pages, then each evaluation's objects.
    let ws = wb.add_worksheet();
    ws.set_name("监督").map_err(err)?;
    header(ws, 0, &["项目", "类别", "数量"])?;
    let st = crate::supervision::compute(conn, Some(o.from), Some(o.to), today)?;
    let (rc, ec, duty) = (&st.rectifications, &st.evaluations, &st.station_duty);
    let station = |f: fn(&crate::stations::DutyCount) -> usize| -> f64 {
        duty.per_station.iter().map(f).sum::<usize>() as f64
    };
    let items = vec![
        ("审议意见".to_string(), "提出".to_string(), rc.sent as f64),
        ("审议意见".into(), "已整改".into(), rc.rectified as f64),
        (
            "审议意见".into(),
            "按期报送整改情况".into(),
            rc.reported_on_time as f64,
        ),
        ("审议意见".into(), "逾期未报送".into(), rc.overdue as f64),
        (
            "审议意见".into(),
            "再次整改".into(),
            rc.second_rounds as f64,
        ),
        ("评议".into(), "次数".into(), ec.events as f64),
        ("评议".into(), "评议对象".into(), ec.objects as f64),
        (
            "评议".into(),
            "低于规定须整改".into(),
            ec.below_threshold as f64,
        ),
        ("评议".into(), "有效票".into(), ec.valid as f64),
        (
            "评议".into(),
            "满意和基本满意票".into(),
            ec.good_and_fair as f64,
        ),
        (
            "主席团组织的监督活动".into(),
            "次数".into(),
            st.presidium_activities.count as f64,
        ),
        (
            "代表述职".into(),
            "次数".into(),
            st.duty_reports.count as f64,
        ),
        (
            "联络站值班".into(),
            "排班人次".into(),
            station(|c| c.rostered),
        ),
        ("联络站值班".into(), "出席".into(), station(|c| c.attended)),
        ("联络站值班".into(), "请假".into(), station(|c| c.excused)),
        ("联络站值班".into(), "缺席".into(), station(|c| c.missed)),
        ("联络站值班".into(), "接待群众人次".into(), {
            duty.per_station
                .iter()
                .map(|c| c.voters_received)
                .sum::<i64>() as f64
        }),
    ];
    rows(ws, 1, &items)?;
    let ws = wb.add_worksheet();
    ws.set_name("评议结果").map_err(err)?;
    header(
        ws,
        0,
        &[
            "编号",
            "评议",
            "对象",
            "名次",
            "满意（称职）",
            "基本满意（基本称职）",
            "不满意（不称职）",
            "满意率分子",
            "有效票",
            "低于规定",
        ],
    )?;
    let mut r = 1;
    for e in entries::evaluations(conn, o.from, o.to)?
        .iter()
        .filter(|e| !e.voided)
    {
        for x in &e.objects {
            ws.write_string(r, 0, &e.number).map_err(err)?;
            ws.write_string(r, 1, &e.title).map_err(err)?;
            ws.write_string(r, 2, &x.name).map_err(err)?;
            ws.write_number(r, 3, x.rank as f64).map_err(err)?;
            ws.write_number(r, 4, x.ballots.good as f64).map_err(err)?;
            ws.write_number(r, 5, x.ballots.fair as f64).map_err(err)?;
            ws.write_number(r, 6, x.ballots.poor as f64).map_err(err)?;
            ws.write_number(r, 7, x.ballots.rate.numerator as f64)
                .map_err(err)?;
            ws.write_number(r, 8, x.ballots.valid as f64).map_err(err)?;
            ws.write_string(r, 9, if x.below_threshold { "是" } else { "" })
                .map_err(err)?;
            r += 1;
        }
    }
    wb.save_to_buffer().map_err(err)
}
