//! `taizhang-cli petitions`: the petitions book (来信来访) from the command line.

use clap::Subcommand;

use crate::{pad, parse_vocab, print_json};
use taizhang_core::petitions::{self, similar::PetitionProbe, PetitionInput, PetitionQuery};
use taizhang_core::{Result, Stamp, Store};

use crate::casework::json_arg;

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

pub fn petitions_cmd(store: &mut Store, stamp: &Stamp, c: PetitionsCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        PetitionsCmd::Add { input, json } => {
            let input: PetitionInput = json_arg(&input, &taizhang_core::fields::PETITION)?;
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
                        p.received_at.date(),
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
            let s: petitions::Step = json_arg(&step, &taizhang_core::fields::PETITION_STEP)?;
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
