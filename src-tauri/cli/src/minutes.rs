//! `meetings` (主席团会议记录簿), `activities` (代表小组活动记录簿) and `attachments`.

use clap::Subcommand;
use std::path::PathBuf;

use crate::casework::json_arg;
use crate::{pad, print_json};
use taizhang_core::activities::{self, ActivityInput, ActivityQuery};
use taizhang_core::attachments;
use taizhang_core::meetings::{self, MeetingInput, MeetingQuery};
use taizhang_core::vocab::{ActivityKind, Organiser, Vocab};
use taizhang_core::{Error, Result, Stamp, Store};

#[derive(Subcommand)]
pub enum MeetingsCmd {
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Register a meeting from JSON (MeetingInput, see README) or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Who is expected on DATE and the number the next meeting gets (JSON).
    Draft { date: String },
    /// Ended quarters of the current term without a meeting.
    Gaps {
        #[arg(long)]
        json: bool,
    },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn meetings(store: &mut Store, stamp: &Stamp, c: MeetingsCmd) -> Result<()> {
    match c {
        MeetingsCmd::List { year, search, json } => {
            let page = meetings::list(
                store.conn(),
                &MeetingQuery {
                    year,
                    search,
                    page_size: Some(500),
                    ..Default::default()
                },
            )?;
            if json {
                print_json(&page.items);
            } else {
                for m in &page.items {
                    let titles: Vec<&str> = m.agenda.iter().map(|a| a.title.as_str()).collect();
                    println!(
                        "{:>4}  {}  {}  出席 {}/{}  {}{}",
                        m.id,
                        pad(&m.number, 26),
                        m.date,
                        m.present,
                        m.expected,
                        titles.join("；"),
                        if m.checks.is_empty() { "" } else { "  ⚠" }
                    );
                }
            }
        }
        MeetingsCmd::Show { id, json } => {
            let d = meetings::detail(store.conn(), id)?;
            if json {
                print_json(&d);
            } else {
                let m = &d.meeting;
                println!("{}  {} {}  {}", m.number, m.date, m.start_time, m.place);
                println!("应到 {} 人，实到 {} 人", m.expected, m.present);
                for x in m.members.iter().filter(|x| !x.present) {
                    println!("  缺席：{}（{}）", x.name, x.absence_reason);
                }
                for a in &m.agenda {
                    println!("议题{}：{}", a.seq, a.title);
                    if !a.decision.is_empty() {
                        println!("  决定：{}", a.decision);
                    }
                    if let (Some(f), Some(g), Some(b)) =
                        (a.votes_for, a.votes_against, a.votes_abstain)
                    {
                        println!("  表决：赞成 {f}，反对 {g}，弃权 {b}");
                    }
                }
                for c in &m.checks {
                    println!("提示：{c}");
                }
            }
        }
        MeetingsCmd::Add { input, json } => {
            let input: MeetingInput = json_arg(&input, &taizhang_core::fields::MEETING)?;
            let m = meetings::create(store, stamp, &input)?;
            if json {
                print_json(&m);
            } else {
                println!("{}", m.number);
                for c in &m.checks {
                    println!("提示：{c}");
                }
            }
        }
        MeetingsCmd::Draft { date } => {
            let on = taizhang_core::dates::parse_iso("date", "会议日期", &date)?;
            print_json(&meetings::draft(store.conn(), on)?);
        }
        MeetingsCmd::Gaps { json } => {
            let gaps = meetings::gaps_in_current_term(store.conn(), stamp.today())?;
            if json {
                print_json(&gaps);
            } else if gaps.is_empty() {
                println!("本届每个已结束的季度都召开了主席团会议");
            } else {
                let labels: Vec<&str> = gaps.iter().map(|g| g.label.as_str()).collect();
                println!("没有召开主席团会议的季度：{}", labels.join("、"));
            }
        }
        MeetingsCmd::Void { id, reason } => {
            let m = meetings::void(store, stamp, id, &reason)?;
            println!("{} 已作废", m.number);
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum ActivitiesCmd {
    List {
        #[arg(long)]
        year: Option<i32>,
        /// Group id.
        #[arg(long)]
        group: Option<i64>,
        /// Kind code, e.g. voter_reception.
        #[arg(long)]
        kind: Option<String>,
        /// group, presidium or station.
        #[arg(long)]
        organiser: Option<String>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Register an activity from JSON (ActivityInput, see README) or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Turn opinion OPINION into a suggestion (prefilled; `--input` overrides with a JSON SuggestionInput).
    ToSuggestion {
        opinion: i64,
        #[arg(long)]
        input: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Turn opinion OPINION into a petition entry (prefilled; `--input` overrides).
    ToPetition {
        opinion: i64,
        #[arg(long)]
        input: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn activities(store: &mut Store, stamp: &Stamp, c: ActivitiesCmd) -> Result<()> {
    match c {
        ActivitiesCmd::List {
            year,
            group,
            kind,
            organiser,
            search,
            json,
        } => {
            let organiser = match organiser {
                Some(o) => Some(Organiser::from_code(&o).ok_or_else(|| {
                    Error::validation(
                        "organiser",
                        format!("不认识的组织者：{o}（可选 group、presidium、station）"),
                    )
                })?),
                None => None,
            };
            let kind =
                match kind {
                    Some(k) => Some(ActivityKind::from_code(&k).ok_or_else(|| {
                        Error::validation("kind", format!("不认识的活动类型：{k}"))
                    })?),
                    None => None,
                };
            let page = activities::list(
                store.conn(),
                &ActivityQuery {
                    year,
                    group_id: group,
                    organiser,
                    kind,
                    search,
                    page_size: Some(500),
                    ..Default::default()
                },
            )?;
            if json {
                print_json(&page.items);
            } else {
                for a in &page.items {
                    println!(
                        "{:>4}  {}  {}  {}  {}  出席 {}/{}  {}",
                        a.id,
                        pad(&a.number, 16),
                        a.date,
                        pad(&a.organiser_name, 12),
                        pad(a.kind.label(), 10),
                        a.present,
                        a.expected,
                        a.theme
                    );
                }
            }
        }
        ActivitiesCmd::Show { id, json } => {
            let d = activities::detail(store.conn(), id)?;
            if json {
                print_json(&d);
            } else {
                let a = &d.activity;
                println!(
                    "{}  {}  {}  {}  {}",
                    a.number,
                    a.date,
                    a.organiser_name,
                    a.kind.label(),
                    a.theme
                );
                println!(
                    "应到 {} 人，出席 {} 人，请假 {} 人，缺席 {} 人",
                    a.expected, a.present, a.excused, a.absent
                );
                for o in &a.opinions {
                    let to = match (&o.suggestion, &o.petition) {
                        (Some(s), _) => format!(" → 建议{}", s.number),
                        (_, Some(p)) => format!(" → 信访{}", p.number),
                        _ => String::new(),
                    };
                    println!("意见{}（id {}）：{}{to}", o.seq, o.id, o.content);
                }
                for c in &a.checks {
                    println!("提示：{c}");
                }
            }
        }
        ActivitiesCmd::Add { input, json } => {
            let input: ActivityInput = json_arg(&input, &taizhang_core::fields::ACTIVITY)?;
            let a = activities::create(store, stamp, &input)?;
            if json {
                print_json(&a);
            } else {
                println!("{}", a.number);
            }
        }
        ActivitiesCmd::ToSuggestion {
            opinion,
            input,
            json,
        } => {
            let input = match input {
                Some(i) => json_arg(&i, &taizhang_core::fields::SUGGESTION)?,
                None => activities::suggestion_draft(store.conn(), opinion)?,
            };
            let s = activities::to_suggestion(store, stamp, opinion, &input)?;
            if json {
                print_json(&s);
            } else {
                println!("{}", s.number_label);
            }
        }
        ActivitiesCmd::ToPetition {
            opinion,
            input,
            json,
        } => {
            let input = match input {
                Some(i) => json_arg(&i, &taizhang_core::fields::PETITION)?,
                None => activities::petition_draft(store.conn(), opinion)?,
            };
            let p = activities::to_petition(store, stamp, opinion, &input)?;
            if json {
                print_json(&p);
            } else {
                println!("{}", p.number);
            }
        }
        ActivitiesCmd::Void { id, reason } => {
            let a = activities::void(store, stamp, id, &reason)?;
            println!("{} 已作废", a.number);
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum AttachmentsCmd {
    /// Attachments of an entry: ENTITY is presidium_meeting, group_activity, deed, document, suggestion or petition.
    List {
        entity: String,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Copy FILE into the data folder and attach it to the entry.
    Add {
        entity: String,
        id: i64,
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Print where the stored copy of attachment ID is (after checking its hash).
    Path { id: i64 },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn attachments(store: &mut Store, stamp: &Stamp, c: AttachmentsCmd) -> Result<()> {
    match c {
        AttachmentsCmd::List { entity, id, json } => {
            let list = attachments::list(store.conn(), &entity, id, true)?;
            if json {
                print_json(&list);
            } else {
                for a in &list {
                    println!(
                        "{:>4}  {}  {:>9} 字节  {}  {}{}",
                        a.id,
                        pad(&a.name, 30),
                        a.size,
                        a.added_at,
                        &a.sha256[..12],
                        if a.voided { "  （已作废）" } else { "" }
                    );
                }
            }
        }
        AttachmentsCmd::Add {
            entity,
            id,
            file,
            json,
        } => {
            let a = attachments::add(store, stamp, &entity, id, &file, None)?;
            if json {
                print_json(&a);
            } else {
                println!("{}  {}", a.id, a.name);
            }
        }
        AttachmentsCmd::Path { id } => println!("{}", attachments::file(store, id)?.display()),
        AttachmentsCmd::Void { id, reason } => {
            let a = attachments::void(store, stamp, id, &reason)?;
            println!("{} 已作废", a.name);
        }
    }
    Ok(())
}
