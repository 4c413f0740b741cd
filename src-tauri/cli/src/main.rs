//! taizhang-cli: the core's operations without a GUI. Exit status 0 on success; on any error a
//! Chinese message on stderr and status 1 (2 for a mistyped command line, from clap).
//! `--json` prints a JSON array of objects for a list (each with its `id`), one object otherwise.

mod casework;
mod deeds;
mod documents;
mod minutes;
mod petitions;
mod printing;
mod roster;
mod suggestions;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

use roster::{DeputiesCmd, ListOnly};
use taizhang_core::clock::{Clock, SystemClock};
use taizhang_core::vocab::Vocab;
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
    Suggestions(suggestions::SuggestionsCmd),
    /// The petitions book (来信来访).
    #[command(subcommand)]
    Petitions(petitions::PetitionsCmd),
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
        None => Ok(SystemClock.today()),
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
    let stamp = Stamp::by(actor, &SystemClock);
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
            let s = demo::seed(&mut store, seed, today)?;
            println!(
                "已装入演示数据：{}，{} 届，{} 名代表，{} 个代表小组，{} 个选区，{} 件代表建议，{} 件信访，{} 件文件，{} 件先进事迹，{} 次主席团会议，{} 次小组活动",
                s.township, s.terms, s.deputies, s.groups, s.constituencies, s.suggestions, s.petitions, s.documents, s.deeds,
                s.meetings, s.activities
            );
        }
        Cmd::Deputies(c) => roster::deputies(&mut store, &stamp, c)?,
        Cmd::Groups(ListOnly::List { json }) => roster::groups(&store, today, json)?,
        Cmd::Constituencies(ListOnly::List { json }) => roster::constituencies(&store, json)?,
        Cmd::Terms(ListOnly::List { json }) => roster::terms(&store, json)?,
        Cmd::Stats(StatsCmd::Roster { on, term, json }) => {
            roster::stats(&store, on, term, today, json)?
        }
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
            r.rows
                .extend(printing::bench_rows(&path, today, runs.clamp(1, 5))?);
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
        Cmd::Suggestions(c) => suggestions::suggestions_cmd(&mut store, &stamp, c)?,
        Cmd::Petitions(c) => petitions::petitions_cmd(&mut store, &stamp, c)?,
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
        Cmd::History {
            entity,
            id,
            limit,
            json,
        } => {
            let entity = entity.as_deref().map(history::Entity::parse).transpose()?;
            let page = taizhang_core::registry::history(store.conn(), entity, id, 1, limit)?;
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
