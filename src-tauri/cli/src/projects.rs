//! `projects` (民生实事项目): candidates, the vote at a session, and the adopted projects'
//! milestones, reports, evaluation and carrying over.

use clap::Subcommand;

use crate::casework::json_arg;
use crate::{pad, print_json};
use taizhang_core::fields::{PROJECT, PROJECT_EVALUATION, PROJECT_REPORT};
use taizhang_core::projects::{
    self, EvaluationInput, LivelihoodProject, MilestoneInput, ProjectInput, ProjectQuery,
    ReportInput, VoteInput,
};
use taizhang_core::vocab::Vocab;
use taizhang_core::{Result, Stamp, Store};

#[derive(Subcommand)]
pub enum ProjectsCmd {
    /// A year's list: its candidates and those carried into it.
    List {
        #[arg(long)]
        year: Option<i32>,
        /// Only the adopted projects.
        #[arg(long)]
        adopted: bool,
        #[arg(long)]
        search: Option<String>,
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
    /// Register a candidate from JSON (ProjectInput, see README) or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    Update {
        id: i64,
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// The vote at a session (VoteInput: ballots and every candidate's counts).
    Vote {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Set a milestone (MilestoneInput: kind, planned_on, done_on, amount, note).
    Milestone {
        id: i64,
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// A progress report or an inspection (ReportInput).
    Report {
        id: i64,
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// The deputies' evaluation (EvaluationInput: date, satisfied, basically, unsatisfied).
    Evaluate {
        id: i64,
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Carry an unfinished project into the next year.
    Carry { id: i64 },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Milestones past their planned date, not reached.
    Late {
        #[arg(long)]
        json: bool,
    },
}

fn said(p: &LivelihoodProject, json: bool) {
    if json {
        print_json(p);
    } else {
        println!("{}  {}  {}", p.number, p.title, p.state_label);
        for c in &p.checks {
            println!("提示：{c}");
        }
    }
}

pub fn projects(store: &mut Store, stamp: &Stamp, c: ProjectsCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        ProjectsCmd::List {
            year,
            adopted,
            search,
            all,
            json,
        } => {
            let page = projects::list(
                store.conn(),
                &ProjectQuery {
                    year,
                    adopted_only: adopted.then_some(true),
                    search,
                    include_voided: all,
                    page_size: Some(500),
                    ..Default::default()
                },
                today,
            )?;
            if json {
                print_json(&page.items);
            } else {
                for p in &page.items {
                    let vote = p
                        .vote
                        .as_ref()
                        .map(|v| format!("赞成 {}（第{}）", v.votes_for, v.rank))
                        .unwrap_or_default();
                    println!(
                        "{:>4}  {}  {}  {}  {}{}",
                        p.id,
                        pad(&p.number, 18),
                        pad(&p.title, 24),
                        pad(p.state_label, 10),
                        vote,
                        if p.checks.is_empty() { "" } else { "  ⚠" }
                    );
                }
            }
        }
        ProjectsCmd::Show { id, json } => {
            let d = projects::detail(store.conn(), id, today)?;
            if json {
                print_json(&d);
                return Ok(());
            }
            let p = &d.project;
            said(p, false);
            if let Some(v) = &p.vote {
                println!(
                    "票决：{}，赞成 {}，反对 {}，弃权 {}（全体代表 {} 人），{}",
                    v.session_number,
                    v.votes_for,
                    v.votes_against,
                    v.votes_abstain,
                    v.deputies,
                    if v.adopted { "入选" } else { "未入选" }
                );
            }
            for m in &p.milestones {
                println!(
                    "  {}：计划 {}  实际 {}{}",
                    m.kind.label(),
                    m.planned_on.map(|d| d.to_string()).unwrap_or_default(),
                    m.done_on.map(|d| d.to_string()).unwrap_or_default(),
                    if m.late { "  逾期" } else { "" }
                );
            }
            if let Some(e) = &p.evaluation {
                println!(
                    "测评：满意 {}，基本满意 {}，不满意 {}（满意率 {}/{}）",
                    e.satisfied, e.basically, e.unsatisfied, e.numerator, e.denominator
                );
            }
        }
        ProjectsCmd::Add { input, json } => {
            let input: ProjectInput = json_arg(&input, &PROJECT)?;
            said(&projects::create(store, stamp, &input)?, json);
        }
        ProjectsCmd::Update { id, input, json } => {
            let input: ProjectInput = json_arg(&input, &PROJECT)?;
            said(&projects::update(store, stamp, id, &input)?, json);
        }
        ProjectsCmd::Vote { input, json } => {
            let input: VoteInput = json_arg(&input, &PROJECT)?;
            let voted = projects::vote(store, stamp, &input)?;
            if json {
                print_json(&voted);
            } else {
                for p in &voted {
                    said(p, false);
                }
            }
        }
        ProjectsCmd::Milestone { id, input, json } => {
            let input: MilestoneInput = json_arg(&input, &PROJECT)?;
            said(&projects::set_milestone(store, stamp, id, &input)?, json);
        }
        ProjectsCmd::Report { id, input, json } => {
            let input: ReportInput = json_arg(&input, &PROJECT_REPORT)?;
            said(&projects::add_report(store, stamp, id, &input)?, json);
        }
        ProjectsCmd::Evaluate { id, input, json } => {
            let input: EvaluationInput = json_arg(&input, &PROJECT_EVALUATION)?;
            said(&projects::evaluate(store, stamp, id, &input)?, json);
        }
        ProjectsCmd::Carry { id } => said(&projects::carry(store, stamp, id)?, false),
        ProjectsCmd::Void { id, reason } => {
            let p = projects::void(store, stamp, id, &reason)?;
            println!("{} 已作废", p.number);
        }
        ProjectsCmd::Late { json } => {
            let late = projects::late_milestones(store.conn(), today)?;
            if json {
                print_json(&late);
            } else if late.is_empty() {
                println!("没有逾期的民生实事项目节点");
            } else {
                for m in &late {
                    println!(
                        "{}  {}  {}计划 {}，已逾期 {} 天",
                        m.number,
                        m.title,
                        m.kind.label(),
                        m.planned_on,
                        m.days_late
                    );
                }
            }
        }
    }
    Ok(())
}
