//! `taizhang-cli suggestions`: the suggestions book (代表建议) from the command line.

use clap::Subcommand;

use crate::{pad, parse_vocab, print_json};
use taizhang_core::suggestions::{self, Step, SuggestionInput, SuggestionQuery};
use taizhang_core::vocab::*;
use taizhang_core::{Result, Stamp, Store};

use crate::casework::{date_or_today, deputy_ref, json_arg, opt_date, split, unit_ref};

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
                date: date_or_today(&date, "date", "交办日期", today)?,
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
                date: date_or_today(&date, "date", "答复日期", today)?,
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
                date: date_or_today(&date, "date", "测评日期", today)?,
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
            let s: Step = json_arg(&text, &taizhang_core::fields::SUGGESTION_STEP)?;
            step(store, id, s)?;
        }
        SuggestionsCmd::Void { id, reason } => {
            let s = suggestions::void(store, stamp, id, &reason)?;
            println!("{} 已作废", s.number);
        }
    }
    Ok(())
}
