//! The benchmark: the operations a clerk waits for, timed on a (large) database file. Reported as
//! a table (p50 / p99 over repeated runs, and peak memory); never used as a pass/fail test.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

use crate::activities::{self, ActivityQuery};
use crate::documents::{self, DocumentQuery};
use crate::meetings::{self, MeetingQuery};
use crate::petitions::{self, PetitionQuery};
use crate::roster::deputy::{self, DeputyQuery};
use crate::roster::export::{self, ExportOptions};
use crate::suggestions::{self, stats::StatsQuery, SuggestionQuery};
use crate::vocab::*;
use crate::{followup, package, Result, Store};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export, rename = "BenchRow")]
pub struct Row {
    pub what: String,
    pub runs: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Report {
    pub db_bytes: u64,
    pub suggestions: i64,
    pub petitions: i64,
    pub documents: i64,
    pub meetings: i64,
    pub activities: i64,
    pub deputies: i64,
    pub rows: Vec<Row>,
    /// Peak resident memory of this process (VmHWM), if the OS tells.
    pub peak_rss_mb: Option<f64>,
}

/// Times `runs` calls of `f` (p50 and p99 in milliseconds).
pub fn time<T>(what: &str, runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<Row> {
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    let pick = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    Ok(Row {
        what: what.into(),
        runs,
        p50_ms: (pick(0.5) * 10.0).round() / 10.0,
        p99_ms: (pick(0.99) * 10.0).round() / 10.0,
    })
}

pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some((kb / 102.4).round() / 10.0)
}

/// Runs every measurement on the file at `path` (opened afresh, so "open" is a cold open of the
/// file by this process). `out_dir` receives the export.
pub fn run(path: &Path, today: NaiveDate, runs: usize, out_dir: &Path) -> Result<Report> {
    let mut rows = Vec::new();
    rows.push(time("打开数据库（含结构检查）", 5, || {
        Store::open(path).map(|_| ())
    })?);
    let store = Store::open(path)?;
    let c = store.conn();
    let count = |t: &str| -> Result<i64> {
        Ok(c.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?)
    };
    let year = today.year();
    let sq = |q: SuggestionQuery| move || suggestions::list(c, &q, today).map(|_| ());
    let pq = |q: PetitionQuery| move || petitions::list(c, &q, today).map(|_| ());
    rows.push(time(
        "首页督办（逾期、7日内到期、各承办单位）",
        runs,
        || followup::dashboard(c, today, 7).map(|_| ()),
    )?);
    rows.push(time("代表花名册 第一页", runs, || {
        deputy::list(c, &DeputyQuery::default(), today).map(|_| ())
    })?);
    rows.push(time(
        "代表花名册 拼音首字母搜索 zs",
        runs,
        || {
            deputy::list(
                c,
                &DeputyQuery {
                    search: Some("zs".into()),
                    ..Default::default()
                },
                today,
            )
            .map(|_| ())
        },
    )?);
    rows.push(time(
        "代表建议 第一页（全部年份）",
        runs,
        sq(SuggestionQuery::default()),
    )?);
    rows.push(time(
        "代表建议 筛选：本年、交通类",
        runs,
        sq(SuggestionQuery {
            from: NaiveDate::from_ymd_opt(year, 1, 1),
            category: Some(SuggestionCategory::Transport),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "代表建议 筛选：仅看逾期",
        runs,
        sq(SuggestionQuery {
            overdue: Some(true),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "代表建议 搜索“道路”",
        runs,
        sq(SuggestionQuery {
            search: Some("道路".into()),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "代表建议 搜索代表拼音首字母 zs",
        runs,
        sq(SuggestionQuery {
            search: Some("zs".into()),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "来信来访 第一页（全部年份）",
        runs,
        pq(PetitionQuery::default()),
    )?);
    rows.push(time(
        "来信来访 筛选：本年",
        runs,
        pq(PetitionQuery {
            year: Some(year),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "来信来访 筛选：在办",
        runs,
        pq(PetitionQuery {
            open: Some(true),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "来信来访 搜索“道路”",
        runs,
        pq(PetitionQuery {
            search: Some("道路".into()),
            ..Default::default()
        }),
    )?);
    rows.push(time("重复信访检测（登记时）", runs, || {
        petitions::similar::find(
            c,
            &petitions::similar::PetitionProbe {
                petitioner_name: "王建国".into(),
                phone: "13800001111".into(),
                request: "反映青山村道路问题".into(),
                ..Default::default()
            },
            today,
        )
        .map(|_| ())
    })?);
    let dq = |q: DocumentQuery| move || documents::list(c, &q).map(|_| ());
    rows.push(time(
        "文件登记 第一页（全部年份）",
        runs,
        dq(DocumentQuery::default()),
    )?);
    rows.push(time(
        "文件登记 搜索文号（方括号输入）",
        runs,
        dq(DocumentQuery {
            search: Some(format!("县人大常[{}]1", year - 7)),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "文件登记 搜索标题“道路”",
        runs,
        dq(DocumentQuery {
            search: Some("道路".into()),
            ..Default::default()
        }),
    )?);
    let aq = |q: ActivityQuery| move || activities::list(c, &q).map(|_| ());
    rows.push(time(
        "小组活动 第一页（全部年份）",
        runs,
        aq(ActivityQuery::default()),
    )?);
    rows.push(time(
        "小组活动 筛选：接待选民、上一年",
        runs,
        aq(ActivityQuery {
            kind: Some(ActivityKind::VoterReception),
            year: Some(year - 1),
            ..Default::default()
        }),
    )?);
    rows.push(time(
        "小组活动 搜索意见“道路”",
        runs,
        aq(ActivityQuery {
            search: Some("道路".into()),
            ..Default::default()
        }),
    )?);
    rows.push(time("主席团会议 第一页", runs, || {
        meetings::list(c, &MeetingQuery::default()).map(|_| ())
    })?);
    rows.push(time(
        "人代会 第一页（含出席、选举、提示）",
        runs,
        || crate::sessions::list(c, &Default::default()).map(|_| ()),
    )?);
    rows.push(time(
        "未经批准两次不出席、每年次数（首页）",
        runs,
        || crate::sessions::checks(c, today).map(|_| ()),
    )?);
    rows.push(time(
        "民生实事 上一年列表（含票决）",
        runs,
        || {
            crate::projects::list(
                c,
                &crate::projects::ProjectQuery {
                    year: Some(year - 1),
                    ..Default::default()
                },
                today,
            )
            .map(|_| ())
        },
    )?);
    rows.push(time("民生实事 逾期节点（首页）", runs, || {
        crate::projects::late_milestones(c, today).map(|_| ())
    })?);
    rows.push(time(
        "审议意见 第一页（含轮次与期限）",
        runs,
        || crate::rectifications::list(c, &Default::default(), today).map(|_| ()),
    )?);
    rows.push(time(
        "审议意见 逾期未报送（首页）",
        runs,
        || crate::rectifications::open(c, today).map(|_| ()),
    )?);
    rows.push(time("评议测评 第一页（含排名）", runs, || {
        crate::evaluations::list(c, &Default::default()).map(|_| ())
    })?);
    rows.push(time("本届尚未述职的代表", runs, || {
        crate::duty_reports::not_reported(c, today).map(|_| ())
    })?);
    let last_year = (
        NaiveDate::from_ymd_opt(year - 1, 1, 1).unwrap_or(today),
        NaiveDate::from_ymd_opt(year - 1, 12, 31).unwrap_or(today),
    );
    rows.push(time("联络站值班统计（上一年）", runs, || {
        crate::stations::counts(c, last_year.0, last_year.1, today).map(|_| ())
    })?);
    let year_q = StatsQuery {
        from: NaiveDate::from_ymd_opt(year - 1, 1, 1),
        to: NaiveDate::from_ymd_opt(year - 1, 12, 31),
        ..Default::default()
    };
    rows.push(time(
        "年终统计：代表建议（上一年）",
        runs,
        || suggestions::stats::compute(c, &year_q, today).map(|_| ()),
    )?);
    rows.push(time(
        "年终统计：来信来访（上一年）",
        runs,
        || petitions::stats::compute(c, &year_q, today).map(|_| ()),
    )?);
    let xlsx = out_dir.join("bench-roster.xlsx");
    rows.push(time("导出花名册 xlsx", 5.min(runs), || {
        export::export_roster(
            c,
            &xlsx,
            &ExportOptions {
                term_id: None,
                on: today,
                order: RosterOrder::Stroke,
                with_id_numbers: false,
            },
        )
        .map(|_| ())
    })?);
    // The package for the county: last year in full (written, read back, logged), then a
    // package of changes to the same folder (nothing changed: the baseline comparison alone),
    // and the county reading the full one into a database of its own.
    let counted = Report {
        db_bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        suggestions: count("suggestions")?,
        petitions: count("petitions")?,
        documents: count("documents")?,
        meetings: count("presidium_meetings")?,
        activities: count("group_activities")?,
        deputies: count("deputies")?,
        rows: Vec::new(),
        peak_rss_mb: None,
    };
    drop(store);
    let mut store = Store::open(path)?;
    let stamp = crate::Stamp::at("基准测试", today.and_hms_opt(12, 0, 0).expect("noon"));
    let last_year = package::ExportOptions {
        from: NaiveDate::from_ymd_opt(year - 1, 1, 1).expect("a date"),
        to: NaiveDate::from_ymd_opt(year - 1, 12, 31).expect("a date"),
        include_identities: false,
        with_pdf: false,
        scope: package::Scope::Full,
        books: None,
    };
    let stick = out_dir.join("bench-stick");
    let _ = std::fs::remove_dir_all(&stick);
    std::fs::create_dir_all(&stick).map_err(|e| crate::Error::io(&stick, e))?;
    let mut full = None;
    rows.push(time(
        "导出包：上一年完整（写入、读回校验）",
        3,
        || {
            full = Some(package::export(&mut store, &stamp, &stick, &last_year, &[])?.path);
            Ok(())
        },
    )?);
    let changes = package::ExportOptions {
        scope: package::Scope::Changes,
        books: None,
        ..last_year.clone()
    };
    rows.push(time(
        "导出包：上一年仅变更（无变更）",
        3,
        || package::export(&mut store, &stamp, &stick, &changes, &[]),
    )?);
    let full = full.expect("exported");
    let county_db = out_dir.join("bench-county.db");
    rows.push(time(
        "县人大导入一个导出包（上一年完整）",
        3,
        || {
            let _ = std::fs::remove_file(&county_db);
            let mut county = Store::open(&county_db)?;
            crate::county::import(&mut county, &stamp, &full, true)
        },
    )?);
    let _ = std::fs::remove_dir_all(&stick);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", county_db.display()));
    }
    Ok(Report {
        rows,
        peak_rss_mb: peak_rss_mb(),
        ..counted
    })
}
