//! taizhang-cli: the core's operations without a GUI. Exit status 0 on success; on any error a
//! Chinese message on stderr and status 1 (2 for a mistyped command line, from clap).
//! `--json` prints a JSON array of objects for a list (each with its `id`), one object otherwise.

mod bench;
mod calendar;
mod casework;
mod county;
mod deeds;
mod documents;
mod minutes;
mod office;
mod petitions;
mod printing;
mod projects;
mod roster;
mod sessions;
mod suggestions;
mod supervision;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

use bench::BenchCmd;
use calendar::CalendarCmd;
use county::CountyCmd;
use roster::{DeputiesCmd, ListOnly};
use taizhang_core::clock::{Clock, SystemClock};
use taizhang_core::vocab::Vocab;
use taizhang_core::{dates, demo, paths, settings, Error, Result, Stamp, Store};

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
    /// Replace the database with a backup (the current file is kept aside first). Works on a
    /// database too damaged to open. With --show, only says what the backup holds.
    Restore {
        file: PathBuf,
        #[arg(long)]
        show: bool,
        #[arg(long)]
        json: bool,
    },
    /// The second place backups are copied to (a USB stick); with DIR, choose it ("" for none).
    BackupLocation {
        dir: Option<String>,
        #[arg(long)]
        json: bool,
    },
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
    /// The sessions of the congress (人代会): attendance, agenda, elections.
    #[command(subcommand)]
    Sessions(sessions::SessionsCmd),
    /// 民生实事项目: candidates, the vote, milestones, evaluation.
    #[command(subcommand)]
    Projects(projects::ProjectsCmd),
    /// Review opinions and their rectification (审议意见整改).
    #[command(subcommand)]
    Rectifications(supervision::RectificationsCmd),
    /// Evaluations (评议、测评) with the ballots of each object.
    #[command(subcommand)]
    Evaluations(supervision::EvaluationsCmd),
    /// Deputies' duty reports to the voters (代表述职).
    #[command(subcommand)]
    DutyReports(supervision::DutyReportsCmd),
    /// Liaison stations' duty rota and the duty held (联络站值班).
    #[command(subcommand)]
    Stations(supervision::StationsCmd),
    /// A book for a year, term or date range, or a form for one entry, as PDF (打印).
    Print(printing::PrintArgs),
    /// What is overdue and what falls due within DAYS (督办).
    Due {
        #[arg(long, default_value_t = 7, allow_negative_numbers = true)]
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
        /// Only these books, comma-separated: deputies, suggestions, petitions, deeds,
        /// documents, meetings, activities, sessions, projects, rectifications, evaluations,
        /// duty_reports, station_rota, statistics (default: all).
        #[arg(long)]
        books: Option<String>,
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
    /// Supervision: presidium activities, review opinions, evaluations, duty reports, station
    /// duty for a period (default: this year).
    Supervision {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    // `taizhang-cli … | head` closes the pipe early: that is the reader's choice, not a crash.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if text.contains("Broken pipe") {
            std::process::exit(0);
        }
        default_hook(info)
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return command_line_error(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(1)
        }
    }
}

/// A mistyped command line, said in Chinese (clap's own text is English): what is wrong and where
/// to look, exit 2. `--help` and `--version` print as clap writes them, exit 0.
fn command_line_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let (arg, value) = (ctx(ContextKind::InvalidArg), ctx(ContextKind::InvalidValue));
    let shown: String = value.chars().take(40).collect();
    let said = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            if value.is_empty() {
                format!("参数 {arg} 缺少取值")
            } else if value.chars().any(|c| !c.is_ascii_digit() && c != '-') && arg.contains("ID") {
                format!("参数 {arg} 的值“{shown}”不对：应为编号（数字）")
            } else {
                let choices = ctx(ContextKind::ValidValue);
                if choices.is_empty() {
                    format!("参数 {arg} 的值“{shown}”不对，请核对（数字请只写阿拉伯数字）")
                } else {
                    format!("参数 {arg} 的值“{shown}”不对，可选：{choices}")
                }
            }
        }
        ErrorKind::UnknownArgument => format!("不认识的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => {
            format!("没有“{}”这个命令", ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数：{arg}"),
        ErrorKind::ArgumentConflict => {
            format!("参数 {arg} 不能与 {} 同时使用", ctx(ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues => format!("参数 {arg} 给了太多取值"),
        _ => "命令行有误".to_string(),
    };
    eprintln!("错误：{said}。用法请看 taizhang-cli --help（或某个命令后加 --help）");
    ExitCode::from(2)
}

pub(crate) fn print_json<T: Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).expect("serialisable"));
}

fn parse_on(on: &Option<String>) -> Result<NaiveDate> {
    match on {
        Some(s) => dates::parse_iso("on", "统计日期", s),
        None => Ok(SystemClock.today()),
    }
}

fn period(
    from: &Option<String>,
    to: &Option<String>,
) -> Result<taizhang_core::suggestions::stats::StatsQuery> {
    let d = |s: &Option<String>, f: &'static str| {
        s.as_deref()
            .map(|t| dates::parse_iso(f, crate::casework::flag_label(f), t))
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
    // A restore must not need the current file: it may be the damaged one.
    if let Cmd::Restore { file, show, json } = &cli.cmd {
        let actor = cli
            .actor
            .clone()
            .unwrap_or_else(|| settings::DEFAULT_OPERATOR.into());
        return office::restore(&db, &Stamp::by(actor, &SystemClock), file, *show, *json);
    }
    let mut store = Store::open(&db)?;
    if let Some(b) = &store.open_report().backup {
        eprintln!("数据库结构已升级，升级前的数据已备份到：{}", b.display());
    }
    let actor = match cli.actor.clone() {
        Some(a) => a,
        None => settings::load(store.conn())?.operator,
    };
    taizhang_core::fields::check_text(&taizhang_core::fields::SETTINGS, "operator", &actor)?;
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
                "已装入演示数据：{}，{} 届，{} 名代表，{} 个代表小组，{} 个选区，{} 件代表建议，{} 件信访，{} 件文件，{} 件先进事迹，{} 次主席团会议，{} 次小组活动，{} 次人代会，{} 个民生实事候选项目，{} 条审议意见，{} 次评议，{} 次代表述职",
                s.township, s.terms, s.deputies, s.groups, s.constituencies, s.suggestions, s.petitions, s.documents, s.deeds,
                s.meetings, s.activities, s.sessions, s.projects, s.rectifications, s.evaluations, s.duty_reports
            );
        }
        Cmd::Deputies(c) => roster::deputies(&mut store, &stamp, c)?,
        Cmd::Groups(ListOnly::List { json }) => roster::groups(&store, today, json)?,
        Cmd::Constituencies(ListOnly::List { json }) => roster::constituencies(&store, json)?,
        Cmd::Terms(ListOnly::List { json }) => roster::terms(&store, json)?,
        Cmd::Stats(StatsCmd::Roster { on, term, json }) => {
            roster::stats(&store, on, term, today, json)?
        }
        Cmd::Bench(c) => return bench::run(store, today, c),
        Cmd::Units(c) => casework::units_cmd(&mut store, &stamp, c)?,
        Cmd::Rules(c) => casework::rules_cmd(&mut store, &stamp, c)?,
        Cmd::Suggestions(c) => suggestions::suggestions_cmd(&mut store, &stamp, c)?,
        Cmd::Petitions(c) => petitions::petitions_cmd(&mut store, &stamp, c)?,
        Cmd::Documents(c) => documents::run(&mut store, &stamp, c)?,
        Cmd::Deeds(c) => deeds::run(&mut store, &stamp, c)?,
        Cmd::Meetings(c) => minutes::meetings(&mut store, &stamp, c)?,
        Cmd::Activities(c) => minutes::activities(&mut store, &stamp, c)?,
        Cmd::Attachments(c) => minutes::attachments(&mut store, &stamp, c)?,
        Cmd::Sessions(c) => sessions::sessions(&mut store, &stamp, c)?,
        Cmd::Projects(c) => projects::projects(&mut store, &stamp, c)?,
        Cmd::Rectifications(c) => supervision::rectifications(&mut store, &stamp, c)?,
        Cmd::Evaluations(c) => supervision::evaluations(&mut store, &stamp, c)?,
        Cmd::DutyReports(c) => supervision::duty_reports(&mut store, &stamp, c)?,
        Cmd::Stations(c) => supervision::stations(&mut store, &stamp, c)?,
        Cmd::Print(a) => printing::print(&mut store, &stamp, a)?,
        Cmd::Due { within, json } => casework::due(&store, today, within, json)?,
        Cmd::Stats(StatsCmd::Suggestions { from, to, json }) => {
            casework::stats_suggestions(&store, today, &period(&from, &to)?, json)?
        }
        Cmd::Stats(StatsCmd::Petitions { from, to, json }) => {
            casework::stats_petitions(&store, today, &period(&from, &to)?, json)?
        }
        Cmd::Stats(StatsCmd::Supervision { from, to, json }) => {
            let q = period(&from, &to)?;
            supervision::stats(&store, today, q.from, q.to, json)?
        }
        Cmd::History {
            entity,
            id,
            limit,
            json,
        } => office::history(&store, entity, id, limit, json)?,
        Cmd::Backup { json } => office::backup(&store, &stamp, json)?,
        Cmd::Backups { json } => office::backups(&store, json)?,
        Cmd::Restore { .. } => unreachable!("handled before the store is opened"),
        Cmd::BackupLocation { dir, json } => {
            office::backup_location(&mut store, &stamp, dir, json)?
        }
        Cmd::Calendar(c) => calendar::run(&mut store, &stamp, c)?,
        Cmd::Verify {
            package: Some(dir),
            json,
        } => county::verify(&dir, today, json)?,
        Cmd::County(c) => county::run(&mut store, &stamp, c)?,
        Cmd::Export {
            out,
            from,
            to,
            include_identities,
            with_pdf,
            changes,
            books,
            json,
        } => county::export(
            &mut store,
            &stamp,
            county::ExportArgs {
                out,
                from,
                to,
                include_identities,
                with_pdf,
                changes,
                books,
            },
            json,
        )?,
        Cmd::Verify {
            package: None,
            json,
        } => office::verify(&store, json)?,
    }
    Ok(())
}
