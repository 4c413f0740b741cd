//! `taizhang-cli deputies|groups|constituencies|terms|stats roster`: the roster book (一册).

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

use taizhang_core::roster::{self, deputy, export, import, org, stats, status};
use taizhang_core::vocab::{DeputyStatus, EventKind, RosterOrder, TerminationGround, Vocab};
use taizhang_core::{dates, Result, Stamp, Store};

use crate::{pad, parse_on, parse_vocab, print_json};

#[derive(Subcommand)]
pub(crate) enum ListOnly {
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum OrderArg {
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
pub(crate) struct ListArgs {
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
pub(crate) enum DeputiesCmd {
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
        /// Why the event stands although the deputy acted in office after its date.
        #[arg(long)]
        confirm: Option<String>,
    },
    /// Void an entry made by mistake (it stays, marked void, with the reason).
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub(crate) fn groups(store: &Store, today: NaiveDate, json: bool) -> Result<()> {
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
    Ok(())
}

pub(crate) fn constituencies(store: &Store, json: bool) -> Result<()> {
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
    Ok(())
}

pub(crate) fn terms(store: &Store, json: bool) -> Result<()> {
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
    Ok(())
}

pub(crate) fn stats(
    store: &Store,
    on: Option<String>,
    term: Option<i64>,
    today: NaiveDate,
    json: bool,
) -> Result<()> {
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
    Ok(())
}

pub(crate) fn deputies(store: &mut Store, stamp: &Stamp, c: DeputiesCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        DeputiesCmd::Record { id, from, to, json } => {
            let d = |t: &Option<String>, f: &'static str| {
                t.as_deref()
                    .map(|t| dates::parse_iso(f, crate::casework::flag_label(f), t))
                    .transpose()
            };
            let r = taizhang_core::duty_record::record(
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
                println!("年度  领衔建议  附议建议  其中议案  满意  先进事迹  转交信访  代表变动  人代会（出席/应出席）");
                for y in &r.by_year {
                    println!(
                        "{}  {:>8}  {:>8}  {:>8}  {:>4}  {:>8}  {:>8}  {:>8}  {:>6}/{}",
                        y.year,
                        y.suggestions_led,
                        y.suggestions_cosigned,
                        y.motions,
                        y.satisfied,
                        y.deeds,
                        y.petitions_passed_on,
                        y.events,
                        y.sessions_attended,
                        y.sessions_expected
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
                for e in &r.elections_won {
                    println!("  当选 {}  {}", e.post.label(), e.number);
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
            let input: deputy::DeputyInput = taizhang_core::input::parse_arg(
                &taizhang_core::fields::DEPUTY,
                &format!("@{}", file.display()),
            )?;
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
            confirm,
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
                confirm,
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
