//! The casework commands: handling units, rule profiles, suggestions, petitions, follow-up and
//! their statistics. Deputies and units may be named by id or by exact name.

use chrono::NaiveDate;
use clap::Subcommand;

use crate::{pad, print_json};
use taizhang_core::followup;
use taizhang_core::petitions;
use taizhang_core::roster::{deputy, DeputyQuery};
use taizhang_core::rules;
use taizhang_core::suggestions::{self, stats::StatsQuery};
use taizhang_core::units::{self, HandlingUnitInput};

use taizhang_core::fields::Form;
use taizhang_core::{dates, Error, Result, Stamp, Store};

#[derive(Subcommand)]
pub enum UnitsCmd {
    /// Handling units (承办单位).
    List {
        /// Include inactive units.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    Add {
        name: String,
        #[arg(long, default_value = "")]
        contact: String,
        #[arg(long, default_value = "")]
        phone: String,
    },
}

#[derive(Subcommand)]
pub enum RulesCmd {
    /// The shipped rule profiles; the office's current one is marked.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One profile's rules (default: the current one).
    Show {
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Switch the office's profile; prints the due dates that move. Nothing changes with --dry-run.
    Switch {
        id: String,
        /// Open cases move to the new rules too (their due dates change as listed).
        #[arg(long)]
        apply_to_open: bool,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn date_or_today(
    d: &Option<String>,
    field: &'static str,
    label: &str,
    today: NaiveDate,
) -> Result<NaiveDate> {
    match d {
        Some(s) => dates::parse_iso(field, label, s),
        None => Ok(today),
    }
}

/// An optional date flag; `--from` / `--to` / `--promised` are named as the forms name them.
pub(crate) fn opt_date(d: &Option<String>, field: &'static str) -> Result<Option<NaiveDate>> {
    d.as_deref()
        .map(|s| dates::parse_iso(field, flag_label(field), s))
        .transpose()
}

/// The Chinese name of a date flag.
pub(crate) fn flag_label(field: &str) -> &'static str {
    match field {
        "from" => "开始日期",
        "to" => "结束日期",
        "on" => "统计日期",
        "promised_on" => "承诺办结时间",
        _ => "日期",
    }
}

/// A deputy of the current term by id or exact name.
pub(crate) fn deputy_ref(store: &Store, text: &str, today: NaiveDate) -> Result<i64> {
    if let Ok(id) = text.trim().parse::<i64>() {
        return Ok(id);
    }
    let page = deputy::list(
        store.conn(),
        &DeputyQuery {
            search: Some(text.trim().to_string()),
            page_size: Some(500),
            ..DeputyQuery::default()
        },
        today,
    )?;
    let exact: Vec<_> = page
        .items
        .iter()
        .filter(|d| d.name == text.trim())
        .collect();
    match exact.as_slice() {
        [one] => Ok(one.id),
        [] => Err(Error::validation(
            "deputy",
            format!("本届没有名为“{text}”的代表"),
        )),
        _ => Err(Error::validation(
            "deputy",
            format!("本届有多名代表叫“{text}”，请用编号"),
        )),
    }
}

pub(crate) fn unit_ref(store: &Store, text: &str) -> Result<i64> {
    if let Ok(id) = text.trim().parse::<i64>() {
        return Ok(id);
    }
    units::list(store.conn(), true)?
        .into_iter()
        .find(|u| u.name == text.trim())
        .map(|u| u.id)
        .ok_or_else(|| Error::validation("unit", format!("没有名为“{text}”的承办单位")))
}

pub(crate) fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// JSON given inline or as @file.json, read by the core (bounded, refusals in Chinese).
pub(crate) fn json_arg<T: serde::de::DeserializeOwned>(text: &str, form: &Form) -> Result<T> {
    taizhang_core::input::parse_arg(form, text)
}

pub fn units_cmd(store: &mut Store, stamp: &Stamp, c: UnitsCmd) -> Result<()> {
    match c {
        UnitsCmd::List { all, json } => {
            let list = units::list(store.conn(), all)?;
            if json {
                print_json(&list);
            } else {
                for u in list {
                    println!(
                        "{:>3}  {}  {}  {}{}",
                        u.id,
                        pad(&u.name, 20),
                        pad(&u.contact, 10),
                        u.phone,
                        if u.active { "" } else { "  （已停用）" }
                    );
                }
            }
        }
        UnitsCmd::Add {
            name,
            contact,
            phone,
        } => {
            let u = units::create(
                store,
                stamp,
                &HandlingUnitInput {
                    name,
                    contact,
                    phone,
                    active: true,
                },
            )?;
            println!("{}", u.id);
        }
    }
    Ok(())
}

pub fn rules_cmd(store: &mut Store, stamp: &Stamp, c: RulesCmd) -> Result<()> {
    match c {
        RulesCmd::List { json } => {
            let list = rules::summaries(store.conn())?;
            if json {
                print_json(&list);
            } else {
                for p in list {
                    println!(
                        "{}{}  {}  {}",
                        if p.current { "* " } else { "  " },
                        pad(&p.id, 10),
                        pad(&p.name, 14),
                        p.description
                    );
                }
            }
        }
        RulesCmd::Show { id, json } => {
            let p = match id {
                Some(id) => rules::get(&id)?,
                None => rules::current(store.conn())?,
            };
            if json {
                print_json(p);
            } else {
                println!("{}（{}@{}）", p.name, p.id, p.version);
                let s = &p.suggestion;
                let row = |label: &str, r: Option<&rules::Rule>| match r {
                    Some(r) => {
                        println!("  {}  {}  {}", pad(label, 22), pad(&r.text(), 10), r.basis)
                    }
                    None => println!("  {}  （无规定）", pad(label, 22)),
                };
                println!("代表建议：");
                row("交办", s.assign.as_ref());
                row("承办单位退回", s.return_within.as_ref());
                row("答复", Some(&s.reply));
                row("延期后最长答复", Some(&s.reply_max));
                row("不满意后重新办理", s.rehandle.as_ref());
                println!(
                    "  答复类别：{}",
                    s.reply_categories
                        .iter()
                        .map(|c| format!("{} {}", c.code, c.label))
                        .collect::<Vec<_>>()
                        .join("；")
                );
                println!("来信来访：");
                let q = &p.petition;
                for (l, r) in [
                    ("告知是否受理", &q.accept_notice),
                    ("办理", &q.handle),
                    ("延期上限", &q.extension_max),
                    ("申请复查", &q.review_request),
                    ("复查答复", &q.review_reply),
                    ("申请复核", &q.re_review_request),
                    ("复核答复", &q.re_review_reply),
                ] {
                    row(l, Some(r));
                }
            }
        }
        RulesCmd::Switch {
            id,
            apply_to_open,
            dry_run,
            json,
        } => {
            let p = if dry_run {
                followup::preview_switch(store.conn(), &id, apply_to_open, stamp.today())?
            } else {
                followup::switch(store, stamp, &id, apply_to_open)?
            };
            if json {
                print_json(&p);
            } else {
                println!(
                    "{} → {}{}",
                    p.from,
                    p.to,
                    if dry_run {
                        "（预览，未修改）"
                    } else {
                        ""
                    }
                );
                for c in &p.changes {
                    let f = |d: Option<NaiveDate>| {
                        d.map(|d| d.to_string()).unwrap_or_else(|| "—".into())
                    };
                    println!(
                        "  {}  {}  {} → {}",
                        pad(&c.number, 22),
                        pad(c.stage_label, 12),
                        f(c.before),
                        f(c.after)
                    );
                }
            }
        }
    }
    Ok(())
}

pub fn due(store: &Store, today: NaiveDate, within: i64, json: bool) -> Result<()> {
    let d = followup::dashboard(store.conn(), today, within)?;
    if json {
        print_json(&d);
        return Ok(());
    }
    let line = |i: &followup::DueItem| {
        let left = match i.days_left {
            Some(n) if n < 0 => format!("逾期{}天", -n),
            Some(n) => format!("剩{n}天"),
            None => String::new(),
        };
        println!(
            "  {}  {}  {}  {}  {}  {}",
            i.due_date.map(|d| d.to_string()).unwrap_or_default(),
            pad(&left, 10),
            pad(&i.number, 20),
            pad(i.stage_label, 12),
            pad(i.unit.as_ref().map(|u| u.name.as_str()).unwrap_or("—"), 18),
            i.title
        );
    };
    println!("已逾期 {} 件：", d.overdue.len());
    d.overdue.iter().for_each(line);
    println!("{} 日内到期 {} 件：", d.within, d.due_soon.len());
    d.due_soon.iter().for_each(line);
    println!("待代表评价 {} 件", d.awaiting_evaluation.len());
    println!("承办单位（在办/逾期）：");
    for u in &d.per_unit {
        println!("  {}  {:>3}  {:>3}", pad(&u.unit.name, 20), u.open, u.late);
    }
    Ok(())
}

pub fn stats_suggestions(
    store: &Store,
    today: NaiveDate,
    q: &StatsQuery,
    json: bool,
) -> Result<()> {
    let s = suggestions::stats::compute(store.conn(), q, today)?;
    if json {
        print_json(&s);
        return Ok(());
    }
    println!(
        "代表建议统计（{} 至 {}）",
        dates::chinese(s.from),
        dates::chinese(s.to)
    );
    println!(
        "  收到 {} 件，不予立案 {} 件，交办 {} 件，答复 {} 件，办结 {} 件",
        s.received.count, s.not_accepted.count, s.assigned.count, s.replied.count, s.closed.count
    );
    println!("  办复率      {}", s.reply_rate.chinese());
    println!("  办结率      {}", s.close_rate.chinese());
    println!("  满意率（含基本满意）{}", s.satisfaction_rate.chinese());
    println!(
        "  满意率（仅满意）    {}",
        s.strict_satisfaction_rate.chinese()
    );
    println!("  首轮满意率  {}", s.first_round_satisfaction.chinese());
    println!("  上年结转    {} 件", s.carried_over.count);
    println!("按类别：");
    for b in s.by_category.iter().filter(|b| b.count > 0) {
        println!("  {}  {}", pad(&b.label, 14), b.share.chinese());
    }
    Ok(())
}

pub fn stats_petitions(store: &Store, today: NaiveDate, q: &StatsQuery, json: bool) -> Result<()> {
    let s = petitions::stats::compute(store.conn(), q, today)?;
    if json {
        print_json(&s);
        return Ok(());
    }
    println!(
        "来信来访统计（{} 至 {}）",
        dates::chinese(s.from),
        dates::chinese(s.to)
    );
    println!(
        "  收到 {} 件 {} 人次，集体访 {} 件，重复信访 {} 件",
        s.received.count, s.people, s.group_visits.count, s.repeats.count
    );
    println!(
        "  受理 {} 件，不予受理 {} 件，办结 {} 件，问题解决 {} 件",
        s.accepted.count, s.declined.count, s.replied.count, s.resolved.count
    );
    println!("  办结率      {}", s.close_rate.chinese());
    println!("  按期办结率  {}", s.on_time_rate.chinese());
    println!("  满意率      {}", s.satisfaction_rate.chinese());
    Ok(())
}
