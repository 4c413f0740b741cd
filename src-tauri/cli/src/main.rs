//! taizhang-cli: the core's operations without a GUI. Exit status 0 on success; on any error a
//! Chinese message on stderr and status 1 (2 for a mistyped command line, from clap).
//! `--json` prints a JSON array of objects for a list (each with its `id`), one object otherwise.

mod casework;
mod deeds;
mod documents;
mod minutes;
mod printing;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

use taizhang_core::roster::{self, deputy, export, import, org, stats, status};
use taizhang_core::vocab::{DeputyStatus, EventKind, RosterOrder, TerminationGround, Vocab};
use taizhang_core::{backup, dates, demo, history, paths, settings, Error, Result, Stamp, Store};

#[derive(Parser)]
#[command(name = "taizhang-cli", version, about = "乡镇人大台账 命令行工具")]
struct Cli {
    /// Database file (default: the app's, or $TAIZHANG_DB).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Who is recorded in the history (default: the operator in settings).
    #[arg(long = "as", global = true)]
    actor: Option<String>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create the database (or bring an existing one up to date) and print its path.
    Init,
    /// Show the office settings, or change those given (the county sets --county-mode true).
    Settings {
        #[arg(long)]
        township: Option<String>,
        #[arg(long)]
        operator: Option<String>,
        #[arg(long)]
        county_mode: Option<bool>,
        #[arg(long)]
        json: bool,
    },
    /// Seed an empty database with the demo township.
    Demo {
        #[arg(long, default_value_t = 2024)]
        seed: u64,
    },
    /// The roster: list, show, add, import, export, status events, void.
    #[command(subcommand)]
    Deputies(DeputiesCmd),
    /// Deputy groups.
    #[command(subcommand)]
    Groups(ListOnly),
    /// Constituencies.
    #[command(subcommand)]
    Constituencies(ListOnly),
    /// Terms.
    #[command(subcommand)]
    Terms(ListOnly),
    /// Statistics.
    #[command(subcommand)]
    Stats(StatsCmd),
    /// The change history, newest first.
    History {
        #[arg(long)]
        entity: Option<String>,
        #[arg(long)]
        id: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Take a backup now (kept until removed by hand).
    Backup {
        #[arg(long)]
        json: bool,
    },
    /// List backups, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a backup (the current data is backed up first).
    Restore { file: PathBuf },
    /// Deadlines under 民法典 Art. 201-203 and China's holiday calendar.
    #[command(subcommand)]
    Calendar(CalendarCmd),
    /// Benchmarks: generate a large office, then time what the clerk waits for.
    #[command(subcommand)]
    Bench(BenchCmd),
    /// Handling units (承办单位).
    #[command(subcommand)]
    Units(casework::UnitsCmd),
    /// Rule profiles (办理规则): deadlines and reply categories by province.
    #[command(subcommand)]
    Rules(casework::RulesCmd),
    /// The suggestions book (代表建议).
    #[command(subcommand)]
    Suggestions(casework::SuggestionsCmd),
    /// The petitions book (来信来访).
    #[command(subcommand)]
    Petitions(casework::PetitionsCmd),
    /// The document register (文件登记).
    #[command(subcommand)]
    Documents(documents::DocumentsCmd),
    /// The exemplary deeds book (先进事迹).
    #[command(subcommand)]
    Deeds(deeds::DeedsCmd),
    /// The presidium meeting book (主席团会议).
    #[command(subcommand)]
    Meetings(minutes::MeetingsCmd),
    /// The group activity book (代表小组活动).
    #[command(subcommand)]
    Activities(minutes::ActivitiesCmd),
    /// Files attached to entries (附件).
    #[command(subcommand)]
    Attachments(minutes::AttachmentsCmd),
    /// A book for a year, term or date range, or a form for one entry, as PDF (打印).
    Print(printing::PrintArgs),
    /// What is overdue and what falls due within DAYS (督办).
    Due {
        #[arg(long, default_value_t = 7)]
        within: i64,
        #[arg(long)]
        json: bool,
    },
    /// Check the database: integrity, foreign keys, schema version. With PACKAGE, check an export
    /// package instead (manifest, version, every file's hash, no extra file, every record).
    Verify {
        package: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// County mode: import townships' export packages, and their figures.
    #[command(subcommand)]
    County(CountyCmd),
    /// Write an export package for the county into the folder OUT (a USB stick).
    Export {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Put petitioners' identities and deputies' ID numbers in clear (on purpose).
        #[arg(long)]
        include_identities: bool,
        /// Also the printed books as PDF/A.
        #[arg(long)]
        with_pdf: bool,
        /// Only the records changed since the last export to the same folder (the workbooks
        /// still show the whole period).
        #[arg(long)]
        changes: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CountyCmd {
    /// Verify and import packages (each all or nothing; the same one twice changes nothing).
    Import {
        #[arg(required = true)]
        packages: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Figures per township and combined.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum BenchCmd {
    /// Fill an EMPTY database with twenty years of a large office.
    Generate {
        #[arg(long, default_value_t = 20)]
        years: i32,
        #[arg(long, default_value_t = 1_000)]
        suggestions_per_year: usize,
        #[arg(long, default_value_t = 2_500)]
        petitions_per_year: usize,
        #[arg(long, default_value_t = 1_500)]
        documents_per_year: usize,
        #[arg(long, default_value_t = 500)]
        activities_per_year: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Time the clerk's operations on the database; prints a table (or JSON).
    Run {
        #[arg(long, default_value_t = 20)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CalendarCmd {
    /// Print the due date (YYYY-MM-DD) of a period counted from a date; the reasoning goes to stderr.
    Due {
        #[arg(long = "from")]
        from: String,
        /// Calendar days (日).
        #[arg(long, group = "period")]
        days: Option<u32>,
        /// Working days (工作日): weekends and holidays skipped, make-up workdays counted.
        #[arg(long, group = "period")]
        working_days: Option<u32>,
        /// Months (月).
        #[arg(long, group = "period")]
        months: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Load a newer year's holiday arrangement from a JSON file (format: assets/calendar/extract.py).
    Load { file: PathBuf },
}

#[derive(Subcommand)]
enum ListOnly {
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum StatsCmd {
    /// Roster structure on a date.
    Roster {
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        term: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Suggestions: counts and rates for a period (default: this year).
    Suggestions {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Petitions: counts and rates for a period (default: this year).
    Petitions {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OrderArg {
    Stroke,
    Group,
    Pinyin,
}

impl From<OrderArg> for RosterOrder {
    fn from(o: OrderArg) -> Self {
        match o {
            OrderArg::Stroke => RosterOrder::Stroke,
            OrderArg::Group => RosterOrder::Group,
            OrderArg::Pinyin => RosterOrder::Pinyin,
        }
    }
}

#[derive(Args)]
struct ListArgs {
    #[arg(long)]
    json: bool,
    #[arg(long, value_enum, default_value = "stroke")]
    order: OrderArg,
    /// Name, pinyin or initials ("zs"), card number or work unit.
    #[arg(long)]
    search: Option<String>,
    #[arg(long)]
    term: Option<i64>,
    #[arg(long)]
    group: Option<i64>,
    /// in_office, suspended, ended, not_yet
    #[arg(long)]
    status: Option<String>,
    /// Status date (default today).
    #[arg(long)]
    on: Option<String>,
    /// Include voided entries.
    #[arg(long)]
    all: bool,
}

#[derive(Subcommand)]
enum DeputiesCmd {
    List(ListArgs),
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The deputy's duty record (履职档案) for a period (default: the deputy's term).
    Record {
        id: i64,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a deputy from a JSON file holding a DeputyInput (see README).
    Add {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Import an xlsx roster; nothing is written unless every row is valid (or --skip-bad).
    Import {
        file: PathBuf,
        #[arg(long)]
        term: Option<i64>,
        #[arg(long)]
        skip_bad: bool,
        /// Only check the file and print the preview.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Export the roster as an xlsx 花名册.
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "stroke")]
        order: OrderArg,
        #[arg(long)]
        term: Option<i64>,
        #[arg(long)]
        on: Option<String>,
        /// Write full ID numbers (masked otherwise).
        #[arg(long)]
        with_id_numbers: bool,
    },
    /// Record a status change: by_election, resignation, recall, termination, suspension, resumption.
    Event {
        id: i64,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        reason: String,
        #[arg(long, default_value = "")]
        notice: String,
        /// For termination: moved_away, absent_twice, lost_nationality, deprived_of_rights, incapacity, deceased.
        #[arg(long)]
        ground: Option<String>,
        #[arg(long)]
        votes_for: Option<i64>,
        #[arg(long)]
        votes_total: Option<i64>,
    },
    /// Void an entry made by mistake (it stays, marked void, with the reason).
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(1)
        }
    }
}

pub(crate) fn print_json<T: Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).expect("serialisable"));
}

fn parse_on(on: &Option<String>) -> Result<NaiveDate> {
    match on {
        Some(s) => dates::parse_iso("on", "日期", s),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn period(
    from: &Option<String>,
    to: &Option<String>,
) -> Result<taizhang_core::suggestions::stats::StatsQuery> {
    let d = |s: &Option<String>, f: &'static str| {
        s.as_deref()
            .map(|t| dates::parse_iso(f, "日期", t))
            .transpose()
    };
    Ok(taizhang_core::suggestions::stats::StatsQuery {
        from: d(from, "from")?,
        to: d(to, "to")?,
        ..Default::default()
    })
}

fn parse_vocab<V: Vocab>(field: &'static str, text: &str) -> Result<V> {
    V::from_code(text)
        .or_else(|| V::from_text(text))
        .ok_or_else(|| {
            let codes: Vec<&str> = V::ALL.iter().map(|v| v.code()).collect();
            Error::validation(
                field,
                format!("未知的{}“{text}”，可用：{}", V::WHAT, codes.join(", ")),
            )
        })
}

/// Pads to a display width where CJK characters count two columns.
fn pad(s: &str, width: usize) -> String {
    let w: usize = s
        .chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn run(cli: Cli) -> Result<()> {
    let db = cli.db.clone().unwrap_or_else(paths::default_db_path);
    let mut store = Store::open(&db)?;
    if let Some(b) = &store.open_report().backup {
        eprintln!("数据库结构已升级，升级前的数据已备份到：{}", b.display());
    }
    let actor = match cli.actor.clone() {
        Some(a) => a,
        None => settings::load(store.conn())?.operator,
    };
    let stamp = Stamp::now(actor);
    let today = stamp.today();

    match cli.cmd {
        Cmd::Init => println!("{}", store.path().display()),
        Cmd::Settings {
            township,
            operator,
            county_mode,
            json,
        } => {
            let mut s = settings::load(store.conn())?;
            if township.is_some() || operator.is_some() || county_mode.is_some() {
                s.township = township.unwrap_or(s.township);
                s.operator = operator.unwrap_or(s.operator);
                s.county_mode = county_mode.unwrap_or(s.county_mode);
                s = settings::save(&mut store, &stamp, &s)?;
            }
            if json {
                print_json(&s);
            } else {
                println!("乡镇：{}", s.township);
                println!("操作人：{}", s.operator);
                println!("县人大模式：{}", if s.county_mode { "开" } else { "关" });
            }
        }
        Cmd::Demo { seed } => {
            let s = demo::seed(&mut store, seed)?;
            println!(
                "已装入演示数据：{}，{} 届，{} 名代表，{} 个代表小组，{} 个选区，{} 件代表建议，{} 件信访，{} 件文件，{} 件先进事迹，{} 次主席团会议，{} 次小组活动",
                s.township, s.terms, s.deputies, s.groups, s.constituencies, s.suggestions, s.petitions, s.documents, s.deeds,
                s.meetings, s.activities
            );
        }
        Cmd::Deputies(c) => deputies(&mut store, &stamp, c)?,
        Cmd::Bench(BenchCmd::Generate {
            years,
            suggestions_per_year,
            petitions_per_year,
            documents_per_year,
            activities_per_year,
            seed,
        }) => {
            let t = std::time::Instant::now();
            let scale = demo::large::Scale {
                years,
                suggestions_per_year,
                petitions_per_year,
                documents_per_year,
                activities_per_year,
                ..Default::default()
            };
            let s = demo::large::generate(&mut store, &scale, seed, today)?;
            println!(
                "已生成：{} 届 {} 名代表，{} 件代表建议，{} 件信访，{} 件文件，{} 次主席团会议，{} 次小组活动，{} 个办理环节（{:.1} 秒）",
                s.terms,
                s.deputies,
                s.suggestions,
                s.petitions,
                s.documents,
                s.meetings,
                s.activities,
                s.steps,
                t.elapsed().as_secs_f64()
            );
        }
        Cmd::Bench(BenchCmd::Run { runs, json }) => {
            let path = store.path().to_path_buf();
            drop(store);
            let out = std::env::temp_dir();
            let mut r = taizhang_core::bench::run(&path, today, runs.max(1), &out)?;
            r.rows.extend(printing::bench_rows(
                &path,
                today.year() - 1,
                runs.clamp(1, 5),
            )?);
            let peak_with_print = taizhang_core::bench::peak_rss_mb();
            if json {
                print_json(&r);
            } else {
                println!(
                    "数据库 {:.1} MB：{} 名代表，{} 件代表建议，{} 件信访，{} 件文件，{} 次主席团会议，{} 次小组活动",
                    r.db_bytes as f64 / 1_048_576.0,
                    r.deputies,
                    r.suggestions,
                    r.petitions,
                    r.documents,
                    r.meetings,
                    r.activities
                );
                println!("| 操作 | 次数 | p50 (ms) | p99 (ms) |\n|---|---|---|---|");
                for row in &r.rows {
                    println!(
                        "| {} | {} | {} | {} |",
                        row.what, row.runs, row.p50_ms, row.p99_ms
                    );
                }
                if let Some(m) = r.peak_rss_mb {
                    println!("| 峰值内存 (VmHWM)，打印之前 | | {m} MB | |");
                }
                if let Some(m) = peak_with_print {
                    println!("| 峰值内存 (VmHWM)，含打印 | | {m} MB | |");
                }
            }
            return Ok(());
        }
        Cmd::Units(c) => casework::units_cmd(&mut store, &stamp, c)?,
        Cmd::Rules(c) => casework::rules_cmd(&mut store, &stamp, c)?,
        Cmd::Suggestions(c) => casework::suggestions_cmd(&mut store, &stamp, c)?,
        Cmd::Petitions(c) => casework::petitions_cmd(&mut store, &stamp, c)?,
        Cmd::Documents(c) => documents::run(&mut store, &stamp, c)?,
        Cmd::Deeds(c) => deeds::run(&mut store, &stamp, c)?,
        Cmd::Meetings(c) => minutes::meetings(&mut store, &stamp, c)?,
        Cmd::Activities(c) => minutes::activities(&mut store, &stamp, c)?,
        Cmd::Attachments(c) => minutes::attachments(&mut store, &stamp, c)?,
        Cmd::Print(a) => printing::print(&mut store, &stamp, a)?,
        Cmd::Due { within, json } => casework::due(&store, today, within, json)?,
        Cmd::Stats(StatsCmd::Suggestions { from, to, json }) => {
            casework::stats_suggestions(&store, today, &period(&from, &to)?, json)?
        }
        Cmd::Stats(StatsCmd::Petitions { from, to, json }) => {
            casework::stats_petitions(&store, today, &period(&from, &to)?, json)?
        }
        Cmd::Groups(ListOnly::List { json }) => {
            let groups = org::groups(store.conn(), today)?;
            if json {
                print_json(&groups);
            } else {
                for g in groups {
                    println!(
                        "{:>3}  {}  在任{:>3}人  组长：{}  联络员：{}  联络站：{}",
                        g.id,
                        pad(&g.name, 14),
                        g.member_count,
                        pad(g.leader_name.as_deref().unwrap_or("—"), 8),
                        pad(g.liaison_name.as_deref().unwrap_or("—"), 8),
                        g.station_name.as_deref().unwrap_or("—")
                    );
                }
            }
        }
        Cmd::Constituencies(ListOnly::List { json }) => {
            let cs = org::constituencies(store.conn())?;
            if json {
                print_json(&cs);
            } else {
                for c in cs {
                    println!(
                        "{:>3}  {}  {}  本届代表{}人",
                        c.id,
                        pad(&c.name, 12),
                        pad(&c.area, 12),
                        c.deputy_count
                    );
                }
            }
        }
        Cmd::Terms(ListOnly::List { json }) => {
            let ts = org::terms(store.conn())?;
            if json {
                print_json(&ts);
            } else {
                for t in ts {
                    let end = t
                        .end_date
                        .map(|e| e.to_string())
                        .unwrap_or_else(|| "至今".into());
                    println!(
                        "{:>3}  {}  {} — {}{}",
                        t.id,
                        t.label,
                        t.start_date,
                        end,
                        if t.is_current { "  （本届）" } else { "" }
                    );
                }
            }
        }
        Cmd::Stats(StatsCmd::Roster { on, term, json }) => {
            let s = stats::roster_stats_on(store.conn(), term, on.as_deref(), today)?;
            if json {
                print_json(&s);
            } else {
                println!(
                    "{}代表结构（{}）：共 {} 名",
                    s.term_label,
                    dates::chinese(s.on),
                    s.total
                );
                println!("  女代表      {}", s.women.chinese());
                println!("  少数民族    {}", s.minorities.chinese());
                println!("  基层代表    {}", s.grassroots.chinese());
                println!("  中共党员    {}", s.cpc.chinese());
                for (title, buckets) in [
                    ("年龄", &s.by_age_band),
                    ("学历", &s.by_education),
                    ("职业类别", &s.by_occupation),
                    ("代表层级", &s.by_level),
                    ("代表小组", &s.by_group),
                ] {
                    println!("{title}：");
                    for b in buckets.iter().filter(|b| b.count > 0) {
                        println!("  {}  {}", pad(&b.label, 14), b.share.chinese());
                    }
                }
            }
        }
        Cmd::History {
            entity,
            id,
            limit,
            json,
        } => {
            let page = history::list(store.conn(), entity.as_deref(), id, 1, limit)?;
            if json {
                print_json(&page.items);
            } else {
                for h in page.items {
                    let changes: Vec<String> = h
                        .changes
                        .iter()
                        .map(|c| format!("{}：{} → {}", c.label, c.before, c.after))
                        .collect();
                    println!(
                        "{}  {}  {}#{}  {}  {} {}",
                        h.at,
                        h.actor,
                        h.entity,
                        h.entity_id,
                        h.action,
                        h.note,
                        changes.join("；")
                    );
                }
            }
        }
        Cmd::Backup { json } => {
            let b = backup::backup_now(&store, &stamp)?;
            if json {
                print_json(&b);
            } else {
                println!("已备份到：{}", b.path);
            }
        }
        Cmd::Backups { json } => {
            let list = backup::list(&store)?;
            if json {
                print_json(&list);
            } else {
                for b in list {
                    println!("{}  {:>10} 字节  {}", b.created_at, b.size, b.path);
                }
            }
        }
        Cmd::Restore { file } => {
            let safety = backup::restore(&mut store, &file, &stamp)?;
            println!(
                "已从 {} 恢复。恢复前的数据已备份到：{}",
                file.display(),
                safety.path
            );
        }
        Cmd::Calendar(CalendarCmd::Due {
            from,
            days,
            working_days,
            months,
            json,
        }) => {
            use taizhang_core::calendar::{self, HolidayCalendar, Period, Unit};
            let start = dates::parse_iso("from", "起算日期", &from)?;
            let period = match (days, working_days, months) {
                (Some(n), None, None) => Period {
                    unit: Unit::CalendarDays,
                    count: n,
                },
                (None, Some(n), None) => Period {
                    unit: Unit::WorkingDays,
                    count: n,
                },
                (None, None, Some(n)) => Period {
                    unit: Unit::Months,
                    count: n,
                },
                _ => {
                    return Err(Error::validation(
                        "period",
                        "请给出 --days、--working-days 或 --months 之一",
                    ))
                }
            };
            let due = calendar::due(&HolidayCalendar::for_office(store.conn())?, start, period)?;
            if json {
                print_json(&due);
            } else {
                println!("{}", due.date);
                eprintln!("{}", due.explanation);
            }
        }
        Cmd::Calendar(CalendarCmd::Load { file }) => {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let years = taizhang_core::calendar::load_years(&mut store, &stamp, &text)?;
            println!("已载入 {:?} 年的节假日安排", years);
        }
        Cmd::Verify {
            package: Some(dir),
            json,
        } => {
            let m = taizhang_core::package::verify(&dir)?;
            if json {
                print_json(&m);
            } else {
                println!(
                    "导出包完好：{}，{} 至 {}，{} 个文件，{}",
                    m.township,
                    m.period_from,
                    m.period_to,
                    m.files.len(),
                    if m.pseudonymised {
                        "身份信息已化名"
                    } else {
                        "含身份信息"
                    }
                );
            }
        }
        Cmd::County(CountyCmd::Import { packages, json }) => {
            let mut done = Vec::new();
            let mut failed = 0;
            for p in &packages {
                match taizhang_core::county::import(&mut store, &stamp, p) {
                    Ok(r) => {
                        if !json {
                            let what = match r.outcome {
                                taizhang_core::county::Outcome::Imported => "已导入",
                                taizhang_core::county::Outcome::Updated => "已更新",
                                taizhang_core::county::Outcome::Unchanged => "已导入过，未作修改",
                            };
                            println!("{}：{what}（{} 条记录）", r.township, r.records);
                        }
                        done.push(r);
                    }
                    Err(e) => {
                        eprintln!("{}：{e}", p.display());
                        failed += 1;
                    }
                }
            }
            if json {
                print_json(&done);
            }
            if failed > 0 {
                return Err(Error::Import(format!("{failed} 个导出包未导入")));
            }
        }
        Cmd::County(CountyCmd::Stats { json }) => {
            let s = taizhang_core::county::stats(store.conn())?;
            if json {
                print_json(&s);
            } else {
                println!("| 乡镇 | 在任代表 | 建议 | 已答复 | 已办结 | 满意 | 信访 | 集体访 | 小组活动 | 接待选民 | 主席团会议 |");
                println!("|---|---|---|---|---|---|---|---|---|---|---|");
                for f in s.townships.iter().chain(std::iter::once(&s.total)) {
                    println!(
                        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                        f.township,
                        f.deputies_in_office,
                        f.suggestions_received,
                        f.suggestions_replied,
                        f.suggestions_closed,
                        f.suggestions_satisfied,
                        f.petitions_received,
                        f.petitions_group_visits,
                        f.activities,
                        f.voter_receptions,
                        f.meetings
                    );
                }
            }
        }
        Cmd::Export {
            out,
            from,
            to,
            include_identities,
            with_pdf,
            changes,
            json,
        } => {
            use taizhang_core::package::Scope;
            let o = taizhang_core::package::ExportOptions {
                from: dates::parse_iso("from", "开始日期", &from)?,
                to: dates::parse_iso("to", "结束日期", &to)?,
                include_identities,
                with_pdf,
                scope: if changes { Scope::Changes } else { Scope::Full },
            };
            let r =
                taizhang_typeset::Typesetter::standard().export(&mut store, &stamp, &out, &o)?;
            if json {
                print_json(&r);
            } else {
                println!(
                    "已导出并校验：{}（{} 个文件，清单 SHA-256 {}）",
                    r.path.display(),
                    r.manifest.files.len(),
                    r.manifest_sha256
                );
            }
        }
        Cmd::Verify {
            package: None,
            json,
        } => {
            let r = backup::verify(&store)?;
            if json {
                print_json(&r);
            } else {
                println!("数据文件：{}", r.path);
                println!("结构版本：{}", r.schema_version);
                println!("完整性：{}", r.integrity);
                println!("外键问题：{} 处", r.foreign_key_problems);
            }
            let stale: Vec<i64> = taizhang_core::suggestions::projection_mismatches(store.conn())?
                .into_iter()
                .chain(taizhang_core::petitions::projection_mismatches(
                    store.conn(),
                )?)
                .collect();
            if !stale.is_empty() {
                eprintln!("办理状态与办理环节不一致的案件：{stale:?}");
            }
            let files = taizhang_core::attachments::check_all(&store)?;
            for f in &files {
                eprintln!("{f}");
            }
            if !r.ok || !stale.is_empty() || !files.is_empty() {
                return Err(Error::Import("数据库检查未通过，请用最近的备份恢复".into()));
            }
            if !json {
                println!("检查通过");
            }
        }
    }
    Ok(())
}

fn deputies(store: &mut Store, stamp: &Stamp, c: DeputiesCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        DeputiesCmd::Record { id, from, to, json } => {
            let d = |t: &Option<String>, f: &'static str| {
                t.as_deref()
                    .map(|t| dates::parse_iso(f, "日期", t))
                    .transpose()
            };
            let r = roster::record::record(
                store.conn(),
                id,
                d(&from, "from")?,
                d(&to, "to")?,
                stamp.today(),
            )?;
            if json {
                print_json(&r);
            } else {
                println!(
                    "{} 履职档案（{} 至 {}）",
                    r.deputy.name,
                    dates::chinese(r.from),
                    dates::chinese(r.to)
                );
                println!("年度  领衔建议  附议建议  其中议案  满意  先进事迹  转交信访  代表变动");
                for y in &r.by_year {
                    println!(
                        "{}  {:>8}  {:>8}  {:>8}  {:>4}  {:>8}  {:>8}  {:>8}",
                        y.year,
                        y.suggestions_led,
                        y.suggestions_cosigned,
                        y.motions,
                        y.satisfied,
                        y.deeds,
                        y.petitions_passed_on,
                        y.events
                    );
                }
                for s in &r.suggestions_led {
                    println!("  领衔 {}  {}  {}", s.number, s.subject, s.state_label);
                }
                for s in &r.suggestions_cosigned {
                    println!("  附议 {}  {}  {}", s.number, s.subject, s.state_label);
                }
                for d in &r.deeds {
                    println!("  事迹 {}  {}", d.number, d.title);
                }
                if !r.not_yet_recorded.is_empty() {
                    eprintln!(
                        "尚未纳入本软件的履职内容：{}",
                        r.not_yet_recorded.join("、")
                    );
                }
            }
        }
        DeputiesCmd::List(a) => {
            let q = deputy::DeputyQuery {
                search: a.search,
                term_id: a.term,
                group_id: a.group,
                status: a
                    .status
                    .as_deref()
                    .map(|s| parse_vocab::<DeputyStatus>("status", s))
                    .transpose()?,
                include_voided: a.all,
                on: a.on,
                order: Some(a.order.into()),
                page: Some(1),
                page_size: Some(500),
                ..Default::default()
            };
            let page = deputy::list(store.conn(), &q, today)?;
            if a.json {
                print_json(&page.items);
            } else {
                for d in &page.items {
                    println!(
                        "{:>4}  {}  {}  {}  {}  {}  {}{}",
                        d.id,
                        pad(&d.name, 10),
                        d.sex.label(),
                        pad(&d.ethnicity_label, 8),
                        pad(d.group_name.as_deref().unwrap_or("未分组"), 14),
                        pad(d.constituency_name.as_deref().unwrap_or("—"), 10),
                        d.status.label(),
                        if d.voided { "（已作废）" } else { "" }
                    );
                }
                eprintln!("共 {} 名", page.total);
            }
        }
        DeputiesCmd::Show { id, json } => {
            let d = deputy::detail(store.conn(), id, today)?;
            if json {
                print_json(&d);
            } else {
                let p = &d.deputy;
                println!(
                    "{}（{}，{}）  {}  {}",
                    p.name,
                    p.sex.label(),
                    p.ethnicity_label,
                    p.term_label,
                    p.status.label()
                );
                println!(
                    "出生年月：{}",
                    p.birth_date.map(|b| b.chinese()).unwrap_or_default()
                );
                println!("政治面貌：{}", p.political_status.label());
                println!("工作单位及职务：{}", p.work_unit_post);
                println!(
                    "选区：{}  代表小组：{}",
                    p.constituency_name.as_deref().unwrap_or("—"),
                    p.group_name.as_deref().unwrap_or("—")
                );
                println!(
                    "当选：{} {}",
                    dates::chinese(p.elected_on),
                    p.elected_how.label()
                );
                println!(
                    "身份证号码：{}",
                    p.id_number_masked.as_deref().unwrap_or("未登记")
                );
                for e in &d.events {
                    println!(
                        "变动：{} {} {} {}{}",
                        dates::chinese(e.date),
                        e.kind.label(),
                        e.reason,
                        e.notice_no,
                        if e.voided { "（已作废）" } else { "" }
                    );
                }
            }
        }
        DeputiesCmd::Add { file, json } => {
            let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let input: deputy::DeputyInput = serde_json::from_str(&text).map_err(|e| {
                Error::Import(format!("“{}”不是有效的代表 JSON：{e}", file.display()))
            })?;
            let d = deputy::create(store, stamp, &input)?;
            if json {
                print_json(&d);
            } else {
                println!("已登记代表 {}（编号 {}）", d.name, d.id);
            }
        }
        DeputiesCmd::Import {
            file,
            term,
            skip_bad,
            dry_run,
            json,
        } => {
            let p = import::preview(store.conn(), &file, term)?;
            if dry_run {
                if json {
                    print_json(&p);
                } else {
                    print_preview(&p);
                }
                return Ok(());
            }
            if !json {
                print_preview(&p);
            }
            let r = import::commit(store, stamp, &file, term, skip_bad)?;
            if json {
                print_json(&r);
            } else {
                println!(
                    "已导入 {} 名代表，新建选区 {} 个、代表小组 {} 个{}",
                    r.imported,
                    r.created_constituencies,
                    r.created_groups,
                    if r.skipped_rows.is_empty() {
                        String::new()
                    } else {
                        format!("；跳过第 {:?} 行", r.skipped_rows)
                    }
                );
            }
        }
        DeputiesCmd::Export {
            file,
            order,
            term,
            on,
            with_id_numbers,
        } => {
            let opts = export::ExportOptions {
                term_id: term,
                on: parse_on(&on)?,
                order: order.into(),
                with_id_numbers,
            };
            let r = export::export_roster(store.conn(), &file, &opts)?;
            println!("已导出 {} 名代表到：{}", r.count, r.path);
        }
        DeputiesCmd::Event {
            id,
            kind,
            date,
            reason,
            notice,
            ground,
            votes_for,
            votes_total,
        } => {
            let input = status::DeputyEventInput {
                deputy_id: id,
                kind: parse_vocab::<EventKind>("kind", &kind)?,
                date,
                reason,
                notice_no: notice,
                ground: ground
                    .as_deref()
                    .map(|g| parse_vocab::<TerminationGround>("ground", g))
                    .transpose()?,
                votes_for,
                votes_total,
            };
            let e = status::add_event(store, stamp, &input)?;
            println!("已登记{}（{}）", e.kind.label(), dates::chinese(e.date));
        }
        DeputiesCmd::Void { id, reason } => {
            let d = deputy::void(store, stamp, id, &reason)?;
            println!("已作废代表记录：{}（原因：{}）", d.name, reason);
        }
    }
    Ok(())
}

fn print_preview(p: &roster::import::ImportPreview) {
    eprintln!(
        "表头在第 {} 行；{} 行可导入，{} 行有问题（{}）",
        p.header_row, p.valid_rows, p.invalid_rows, p.term_label
    );
    for c in p.columns.iter().filter(|c| c.field.is_none()) {
        eprintln!("  未识别的列 {}：{}（不导入）", c.column, c.header);
    }
    for pr in &p.problems {
        eprintln!(
            "  第 {} 行 {}：{}",
            pr.row,
            pr.column.as_deref().unwrap_or(""),
            pr.message
        );
    }
    if !p.will_create.constituencies.is_empty() {
        eprintln!("  将新建选区：{}", p.will_create.constituencies.join("、"));
    }
    if !p.will_create.groups.is_empty() {
        eprintln!("  将新建代表小组：{}", p.will_create.groups.join("、"));
    }
}
