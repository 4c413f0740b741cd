//! `sessions` (人民代表大会会议记录簿): the sessions of the congress, with attendance, agenda,
//! elections, the checks the rules raise, and the deputies absent twice without approval.

use clap::Subcommand;

use crate::casework::json_arg;
use crate::{pad, print_json};
use taizhang_core::sessions::{self, SessionInput, SessionQuery};
use taizhang_core::vocab::{Attendance, Vocab};
use taizhang_core::{dates, Result, Stamp, Store};

#[derive(Subcommand)]
pub enum SessionsCmd {
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        search: Option<String>,
        /// Voided sessions too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// The number the session opening on DATE gets, every deputy expected (all present), the
    /// rules of the checks (JSON).
    Draft { date: String },
    /// Register a session from JSON (SessionInput, see README) or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Correct a session (the whole SessionInput again).
    Update {
        id: i64,
        input: String,
        #[arg(long)]
        json: bool,
    },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Deputies absent twice without approval (代表法 Art. 62), and ended years with fewer
    /// sessions than the rules expect.
    Checks {
        #[arg(long)]
        json: bool,
    },
    /// Do not propose the termination of a flagged deputy; the reason is recorded.
    Dismiss {
        deputy: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn sessions(store: &mut Store, stamp: &Stamp, c: SessionsCmd) -> Result<()> {
    match c {
        SessionsCmd::List {
            year,
            search,
            all,
            json,
        } => {
            let page = sessions::list(
                store.conn(),
                &SessionQuery {
                    year,
                    search,
                    include_voided: all,
                    page_size: Some(500),
                    ..Default::default()
                },
            )?;
            if json {
                print_json(&page.items);
            } else {
                for s in &page.items {
                    println!(
                        "{:>4}  {}  {}  出席 {}/{}（请假 {}，缺席 {}）{}{}",
                        s.id,
                        pad(&s.number, 30),
                        s.first_day,
                        s.present,
                        s.expected,
                        s.excused,
                        s.absent,
                        if s.voided { "  已作废" } else { "" },
                        if s.checks.is_empty() { "" } else { "  ⚠" }
                    );
                }
            }
        }
        SessionsCmd::Show { id, json } => {
            let d = sessions::detail(store.conn(), id)?;
            if json {
                print_json(&d);
                return Ok(());
            }
            let s = &d.session;
            println!(
                "{}（{}）  {} 至 {}  {}",
                s.number,
                s.kind.label(),
                s.first_day,
                s.last_day,
                s.place
            );
            println!(
                "全体代表 {} 人，出席 {} 人，请假 {} 人，缺席 {} 人",
                s.expected, s.present, s.excused, s.absent
            );
            for m in s
                .members
                .iter()
                .filter(|m| m.attendance != Attendance::Present)
            {
                println!("  {}：{} {}", m.attendance.label(), m.name, m.reason);
            }
            for i in &s.items {
                println!("议程{}：{}", i.seq, i.title);
                if !i.outcome.is_empty() {
                    println!("  {}", i.outcome);
                }
                if let (Some(f), Some(g), Some(b)) = (i.votes_for, i.votes_against, i.votes_abstain)
                {
                    println!("  表决：赞成 {f}，反对 {g}，弃权 {b}");
                }
            }
            for e in &s.elections {
                println!(
                    "{}：发出 {}，收回 {}，有效 {}，无效 {}",
                    e.title(),
                    e.ballots_issued,
                    e.ballots_returned,
                    e.ballots_valid,
                    e.ballots_invalid
                );
                for c in &e.candidates {
                    println!(
                        "  {} {} 票{}",
                        c.name,
                        c.votes,
                        if c.elected { "，当选" } else { "" }
                    );
                }
            }
            println!("会议期间登记的代表建议 {} 件", d.suggestions);
            for c in &s.checks {
                println!("提示：{c}");
            }
        }
        SessionsCmd::Draft { date } => {
            let on = dates::parse_iso("date", "开幕日期", &date)?;
            print_json(&sessions::draft(store.conn(), on)?);
        }
        SessionsCmd::Add { input, json } => {
            let input: SessionInput = json_arg(&input, &taizhang_core::fields::SESSION)?;
            let s = sessions::create(store, stamp, &input)?;
            said(&s, json);
        }
        SessionsCmd::Update { id, input, json } => {
            let input: SessionInput = json_arg(&input, &taizhang_core::fields::SESSION)?;
            let s = sessions::update(store, stamp, id, &input)?;
            said(&s, json);
        }
        SessionsCmd::Void { id, reason } => {
            let s = sessions::void(store, stamp, id, &reason)?;
            println!("{} 已作废", s.number);
        }
        SessionsCmd::Checks { json } => {
            let flagged = sessions::absent_twice(store.conn(), stamp.today())?;
            let short = sessions::short_years(store.conn(), stamp.today())?;
            if json {
                print_json(&serde_json::json!({ "absent_twice": flagged, "short_years": short }));
                return Ok(());
            }
            for f in &flagged {
                let numbers: Vec<&str> = f.sessions.iter().map(|s| s.number.as_str()).collect();
                println!(
                    "{}（编号 {}）未经批准不出席：{}（{}）",
                    f.deputy.name,
                    f.deputy.id,
                    numbers.join("、"),
                    f.basis
                );
            }
            for y in &short {
                println!("{}", y.text);
            }
            if flagged.is_empty() && short.is_empty() {
                println!("没有需要提示的人代会事项");
            }
        }
        SessionsCmd::Dismiss { deputy, reason } => {
            sessions::dismiss_absence(store, stamp, deputy, &reason)?;
            println!("已记录：不提请终止该代表的代表资格");
        }
    }
    Ok(())
}

fn said(s: &sessions::CongressSession, json: bool) {
    if json {
        print_json(s);
    } else {
        println!("{}", s.number);
        for c in &s.checks {
            println!("提示：{c}");
        }
    }
}
