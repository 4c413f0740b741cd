//! The casework commands: handling units, rule profiles, suggestions, petitions, follow-up and
//! their statistics. Deputies and units may be named by id or by exact name.

use chrono::NaiveDate;
use clap::Subcommand;
use std::path::PathBuf;

use crate::{pad, parse_vocab, print_json};
use taizhang_core::followup;
use taizhang_core::petitions::{self, similar::PetitionProbe, PetitionInput, PetitionQuery};
use taizhang_core::roster::{deputy, DeputyQuery};
use taizhang_core::rules;
use taizhang_core::suggestions::{self, stats::StatsQuery, Step, SuggestionInput, SuggestionQuery};
use taizhang_core::units::{self, HandlingUnitInput};
use taizhang_core::vocab::*;
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

#[derive(Subcommand)]
pub enum SuggestionsCmd {
    /// Register a suggestion; prints its number.
    Add {
        #[arg(long)]
        session: i64,
        /// Raised between sessions (闭会期间).
        #[arg(long)]
        between: bool,
        #[arg(long, default_value = "suggestion")]
        kind: String,
        /// Lead deputy (id or name); omit with --by-presidium.
        #[arg(long)]
        lead: Option<String>,
        #[arg(long)]
        by_presidium: bool,
        /// Co-signers, comma-separated ids or names.
        #[arg(long, default_value = "")]
        cosigners: String,
        #[arg(long)]
        subject: String,
        #[arg(long, default_value = "")]
        content: String,
        #[arg(long)]
        category: String,
        /// YYYY-MM-DD (default today).
        #[arg(long)]
        received: Option<String>,
        #[arg(long)]
        key: bool,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        state: Option<String>,
        /// Handling unit id or name.
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        open: bool,
        #[arg(long)]
        overdue: bool,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 500)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// 交办: lead unit and co-handling units.
    Assign {
        id: i64,
        #[arg(long)]
        lead_unit: String,
        #[arg(long, default_value = "")]
        co_units: String,
        #[arg(long)]
        date: Option<String>,
    },
    Reply {
        id: i64,
        #[arg(long)]
        signer: String,
        /// Reply category code of the office's rule profile (see `rules show`).
        #[arg(long)]
        category: String,
        #[arg(long, default_value = "")]
        text: String,
        #[arg(long)]
        promised: Option<String>,
        #[arg(long)]
        date: Option<String>,
    },
    /// The deputy's evaluation: satisfied | basically_satisfied | dissatisfied (or 满意/基本满意/不满意).
    Evaluate {
        id: i64,
        #[arg(long)]
        result: String,
        #[arg(long)]
        attitude: Option<String>,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long)]
        date: Option<String>,
    },
    /// Any step as JSON, e.g. '{"action":"close","date":"2025-06-30","note":""}' (see README).
    Step { id: i64, step: String },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
pub enum PetitionsCmd {
    /// Register a petition from a JSON file or string of the PetitionInput shape (see README).
    Add {
        /// JSON text, or @file.json
        input: String,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        open: bool,
        #[arg(long)]
        overdue: bool,
        #[arg(long, default_value_t = 500)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Any step as JSON, e.g. '{"action":"accept","date":"2025-06-03","note":""}'.
    Step { id: i64, step: String },
    /// Earlier petitions of the same person or matter.
    Similar {
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        id_number: String,
        #[arg(long, default_value = "")]
        request: String,
        #[arg(long)]
        json: bool,
    },
    Link {
        id: i64,
        other: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Show the petitioner's identity (recorded in the history with the reason).
    Reveal {
        id: i64,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

fn date_or_today(d: &Option<String>, field: &'static str, today: NaiveDate) -> Result<NaiveDate> {
    match d {
        Some(s) => dates::parse_iso(field, "日期", s),
        None => Ok(today),
    }
}

fn opt_date(d: &Option<String>, field: &'static str) -> Result<Option<NaiveDate>> {
    d.as_deref()
        .map(|s| dates::parse_iso(field, "日期", s))
        .transpose()
}

/// A deputy of the current term by id or exact name.
fn deputy_ref(store: &Store, text: &str, today: NaiveDate) -> Result<i64> {
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

fn unit_ref(store: &Store, text: &str) -> Result<i64> {
    if let Ok(id) = text.trim().parse::<i64>() {
        return Ok(id);
    }
    units::list(store.conn(), true)?
        .into_iter()
        .find(|u| u.name == text.trim())
        .map(|u| u.id)
        .ok_or_else(|| Error::validation("unit", format!("没有名为“{text}”的承办单位")))
}

fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', '，', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn json_arg<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    let body = match text.strip_prefix('@') {
        Some(path) => {
            std::fs::read_to_string(PathBuf::from(path)).map_err(|e| Error::io(path, e))?
        }
        None => text.to_string(),
    };
    serde_json::from_str(&body)
        .map_err(|e| Error::validation("json", format!("{what}的 JSON 不对：{e}")))
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

fn print_suggestion_line(s: &suggestions::Suggestion) {
    let due = s
        .deadline
        .as_ref()
        .map(|d| {
            format!(
                "{}{} {}",
                d.stage_label,
                if d.overdue { "已逾期" } else { "到期" },
                d.due.date
            )
        })
        .unwrap_or_default();
    println!(
        "{:>5}  {}  {}  {}  {}  {}",
        s.id,
        pad(&s.number, 11),
        pad(s.state_label, 14),
        pad(
            s.lead_deputy
                .as_ref()
                .map(|d| d.name.as_str())
                .unwrap_or("主席团"),
            8
        ),
        s.subject,
        due
    );
}

pub fn suggestions_cmd(store: &mut Store, stamp: &Stamp, c: SuggestionsCmd) -> Result<()> {
    let today = stamp.today();
    let step = |store: &mut Store, id: i64, s: Step| -> Result<()> {
        let d = suggestions::step(store, stamp, id, &s)?;
        println!("{}  {}", d.suggestion.number, d.suggestion.state_label);
        Ok(())
    };
    match c {
        SuggestionsCmd::Add {
            session,
            between,
            kind,
            lead,
            by_presidium,
            cosigners,
            subject,
            content,
            category,
            received,
            key,
            json,
        } => {
            let lead = lead.map(|l| deputy_ref(store, &l, today)).transpose()?;
            let co = split(&cosigners)
                .map(|c| deputy_ref(store, c, today))
                .collect::<Result<Vec<_>>>()?;
            let s = suggestions::create(
                store,
                stamp,
                &SuggestionInput {
                    term_id: None,
                    session_no: session,
                    during_session: !between,
                    kind: parse_vocab("kind", &kind)?,
                    lead_deputy_id: lead,
                    by_presidium,
                    co_signer_ids: co,
                    subject,
                    content,
                    category: parse_vocab("category", &category)?,
                    received_on: received.unwrap_or_else(|| today.to_string()),
                    key_supervision: key,
                    published: false,
                    notes: String::new(),
                },
            )?;
            if json {
                print_json(&s);
            } else {
                println!("{}  {}", s.number, s.number_label);
            }
        }
        SuggestionsCmd::List {
            search,
            state,
            unit,
            open,
            overdue,
            from,
            to,
            limit,
            json,
        } => {
            let q = SuggestionQuery {
                search,
                state: state.map(|s| parse_vocab("state", &s)).transpose()?,
                unit_id: unit.map(|u| unit_ref(store, &u)).transpose()?,
                open: open.then_some(true),
                overdue: overdue.then_some(true),
                from: opt_date(&from, "from")?,
                to: opt_date(&to, "to")?,
                page_size: Some(limit),
                ..SuggestionQuery::default()
            };
            let page = suggestions::list(store.conn(), &q, today)?;
            if json {
                print_json(&page.items);
            } else {
                for s in &page.items {
                    print_suggestion_line(s);
                }
                eprintln!("共 {} 件", page.total);
            }
        }
        SuggestionsCmd::Show { id, json } => {
            let d = suggestions::detail(store.conn(), id, today)?;
            if json {
                print_json(&d);
            } else {
                let s = &d.suggestion;
                println!("{}  {}", s.number_label, s.state_label);
                println!("案由：{}", s.subject);
                if let Some(dl) = &s.deadline {
                    println!(
                        "{}期限：{}（{}）",
                        dl.stage_label, dl.due.date, dl.due.explanation
                    );
                }
                for st in &d.steps {
                    println!(
                        "  {}  {}{}",
                        st.date,
                        st.summary,
                        if st.voided { "（已作废）" } else { "" }
                    );
                }
                println!(
                    "可办理：{}",
                    d.allowed
                        .iter()
                        .map(|a| suggestions::machine::action_label(a))
                        .collect::<Vec<_>>()
                        .join("、")
                );
            }
        }
        SuggestionsCmd::Assign {
            id,
            lead_unit,
            co_units,
            date,
        } => {
            let s = Step::Assign {
                date: date_or_today(&date, "date", today)?,
                lead_unit_id: unit_ref(store, &lead_unit)?,
                co_unit_ids: split(&co_units)
                    .map(|u| unit_ref(store, u))
                    .collect::<Result<Vec<_>>>()?,
            };
            step(store, id, s)?;
        }
        SuggestionsCmd::Reply {
            id,
            signer,
            category,
            text,
            promised,
            date,
        } => {
            let s = Step::Reply {
                date: date_or_today(&date, "date", today)?,
                signer,
                reply_category: category,
                text,
                attachment: String::new(),
                promised_on: opt_date(&promised, "promised_on")?,
            };
            step(store, id, s)?;
        }
        SuggestionsCmd::Evaluate {
            id,
            result,
            attitude,
            comment,
            date,
        } => {
            let result: Satisfaction = parse_vocab("result", &result)?;
            let s = Step::Evaluate {
                date: date_or_today(&date, "date", today)?,
                attitude: attitude
                    .map(|a| parse_vocab("attitude", &a))
                    .transpose()?
                    .unwrap_or(result),
                result,
                comment,
            };
            step(store, id, s)?;
        }
        SuggestionsCmd::Step { id, step: text } => {
            let s: Step = json_arg(&text, "办理环节")?;
            step(store, id, s)?;
        }
        SuggestionsCmd::Void { id, reason } => {
            let s = suggestions::void(store, stamp, id, &reason)?;
            println!("{} 已作废", s.number);
        }
    }
    Ok(())
}

pub fn petitions_cmd(store: &mut Store, stamp: &Stamp, c: PetitionsCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        PetitionsCmd::Add { input, json } => {
            let input: PetitionInput = json_arg(&input, "信访登记")?;
            let p = petitions::create(store, stamp, &input)?;
            if json {
                print_json(&p);
            } else {
                println!("{}", p.number);
                if let Some(d) = &p.deadline {
                    println!(
                        "{}期限：{}（{}）",
                        d.stage_label, d.due.date, d.due.explanation
                    );
                }
            }
        }
        PetitionsCmd::List {
            search,
            year,
            state,
            open,
            overdue,
            limit,
            json,
        } => {
            let q = PetitionQuery {
                search,
                year,
                state: state.map(|s| parse_vocab("state", &s)).transpose()?,
                open: open.then_some(true),
                overdue: overdue.then_some(true),
                page_size: Some(limit),
                ..PetitionQuery::default()
            };
            let page = petitions::list(store.conn(), &q, today)?;
            if json {
                print_json(&page.items);
            } else {
                for p in &page.items {
                    let due = p
                        .deadline
                        .as_ref()
                        .map(|d| {
                            format!(
                                "{}{} {}",
                                d.stage_label,
                                if d.overdue { "已逾期" } else { "到期" },
                                d.due.date
                            )
                        })
                        .unwrap_or_default();
                    println!(
                        "{:>5}  {}  {}  {}  {}  {}  {}",
                        p.id,
                        pad(&p.number, 20),
                        &p.received_at[..10],
                        pad(&p.petitioner, 8),
                        pad(p.state_label, 12),
                        p.request,
                        due
                    );
                }
                eprintln!("共 {} 件", page.total);
            }
        }
        PetitionsCmd::Show { id, json } => {
            let d = petitions::detail(store.conn(), id, today)?;
            if json {
                print_json(&d);
            } else {
                let p = &d.petition;
                println!("{}  {}  {}", p.number, p.state_label, p.received_at);
                println!(
                    "信访人：{}  人数：{}{}",
                    p.petitioner,
                    p.people_count,
                    if p.group_visit { "（集体访）" } else { "" }
                );
                println!("诉求：{}", p.request);
                if let Some(dl) = &p.deadline {
                    println!(
                        "{}期限：{}（{}）",
                        dl.stage_label, dl.due.date, dl.due.explanation
                    );
                }
                for st in &d.steps {
                    println!(
                        "  {}  {}{}",
                        st.date,
                        st.summary,
                        if st.voided { "（已作废）" } else { "" }
                    );
                }
            }
        }
        PetitionsCmd::Step { id, step } => {
            let s: petitions::Step = json_arg(&step, "办理环节")?;
            let d = petitions::step(store, stamp, id, &s)?;
            println!("{}  {}", d.petition.number, d.petition.state_label);
        }
        PetitionsCmd::Similar {
            name,
            phone,
            id_number,
            request,
            json,
        } => {
            let list = petitions::similar::find(
                store.conn(),
                &PetitionProbe {
                    petitioner_name: name,
                    phone,
                    id_number,
                    request,
                    exclude_id: None,
                },
                today,
            )?;
            if json {
                print_json(&list);
            } else {
                for s in list {
                    println!(
                        "{:>5}  {}  {}  {}",
                        s.petition.id,
                        pad(&s.petition.number, 20),
                        s.reason,
                        s.petition.request
                    );
                }
            }
        }
        PetitionsCmd::Link { id, other, note } => {
            petitions::link(store, stamp, id, other, &note)?;
            println!("已关联");
        }
        PetitionsCmd::Reveal { id, reason, json } => {
            let who = petitions::reveal(store, stamp, id, &reason)?;
            if json {
                print_json(&who);
            } else {
                println!(
                    "{}  {}  {}  {}",
                    who.petitioner_name, who.phone, who.address, who.id_number
                );
                eprintln!("（本次查看已记入操作记录）");
            }
        }
        PetitionsCmd::Void { id, reason } => {
            let p = petitions::void(store, stamp, id, &reason)?;
            println!("{} 已作废", p.number);
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
