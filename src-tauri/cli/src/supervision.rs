//! Supervision between sessions: `rectifications` (审议意见 and their rectification),
//! `evaluations` (评议/测评), `duty-reports` (代表述职) and `stations` (联络站值班表 and duty).

use clap::Subcommand;

use crate::casework::json_arg;
use crate::{pad, print_json};
use taizhang_core::duty_reports::{self, DutyReportInput, DutyReportQuery};
use taizhang_core::evaluations::{self, EvaluationEvent, EvaluationEventInput, EvaluationQuery};
use taizhang_core::fields::{DUTY_REPORT, EVALUATION, RECTIFICATION, STATION_DUTY};
use taizhang_core::rectifications::{
    self, AssessmentInput, Rectification, RectificationInput, RectificationQuery,
    RectificationReportInput,
};
use taizhang_core::stations::{self, DutyInput, RotaInput, RotaQuery};
use taizhang_core::vocab::{EvaluationKind, Vocab};
use taizhang_core::{dates, Error, Result, Stamp, Store};

#[derive(Subcommand)]
pub enum RectificationsCmd {
    /// Review opinions, newest first.
    List {
        #[arg(long)]
        year: Option<i32>,
        /// Handling unit id.
        #[arg(long)]
        unit: Option<i64>,
        /// awaiting_report, awaiting_assessment or rectified.
        #[arg(long)]
        state: Option<String>,
        /// Only those whose report is late.
        #[arg(long)]
        overdue: bool,
        #[arg(long)]
        search: Option<String>,
        /// Voided ones too.
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
    /// Send a review opinion (RectificationInput, see README) from JSON or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// The unit's rectification report (RectificationReportInput: date, text).
    Report {
        id: i64,
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// The presidium's assessment (AssessmentInput: date, satisfaction, followup_id);
    /// dissatisfied opens the next round.
    Assess {
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
}

fn said_rectification(r: &Rectification, json: bool) {
    if json {
        print_json(r);
    } else {
        let due = r
            .deadline
            .as_ref()
            .map(|d| format!("  报送期限 {}", d.due.date))
            .unwrap_or_default();
        println!(
            "{}  {}  {}{}{}",
            r.number,
            r.target,
            r.state_label,
            due,
            if r.overdue { "  已逾期" } else { "" }
        );
    }
}

pub fn rectifications(store: &mut Store, stamp: &Stamp, c: RectificationsCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        RectificationsCmd::List {
            year,
            unit,
            state,
            overdue,
            search,
            all,
            json,
        } => {
            let page = rectifications::list(
                store.conn(),
                &RectificationQuery {
                    year,
                    unit_id: unit,
                    state,
                    overdue: overdue.then_some(true),
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
                for r in &page.items {
                    print!("{:>4}  ", r.id);
                    said_rectification(r, false);
                }
            }
        }
        RectificationsCmd::Show { id, json } => {
            let d = rectifications::detail(store.conn(), id, today)?;
            if json {
                print_json(&d);
                return Ok(());
            }
            let r = &d.rectification;
            said_rectification(r, false);
            println!("审议意见：{}", r.content);
            for k in &r.rounds {
                println!(
                    "第{}轮：{} 送达，{} 前报送（{}）{}{}",
                    k.round,
                    k.sent_on,
                    k.deadline.due.date,
                    k.deadline.due.explanation,
                    k.reported_on
                        .map(|d| format!(
                            "；{d} 报送{}",
                            if k.reported_late { "（逾期）" } else { "" }
                        ))
                        .unwrap_or_default(),
                    k.satisfaction
                        .map(|s| format!("；评价：{}", s.label()))
                        .unwrap_or_default()
                );
            }
        }
        RectificationsCmd::Add { input, json } => {
            let input: RectificationInput = json_arg(&input, &RECTIFICATION)?;
            said_rectification(&rectifications::create(store, stamp, &input)?, json);
        }
        RectificationsCmd::Report { id, input, json } => {
            let input: RectificationReportInput = json_arg(&input, &RECTIFICATION)?;
            said_rectification(&rectifications::report(store, stamp, id, &input)?, json);
        }
        RectificationsCmd::Assess { id, input, json } => {
            let input: AssessmentInput = json_arg(&input, &RECTIFICATION)?;
            said_rectification(&rectifications::assess(store, stamp, id, &input)?, json);
        }
        RectificationsCmd::Void { id, reason } => {
            let r = rectifications::void(store, stamp, id, &reason)?;
            println!("已作废：{}", r.number);
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum EvaluationsCmd {
    List {
        #[arg(long)]
        year: Option<i32>,
        /// work, station, duty or livelihood.
        #[arg(long)]
        kind: Option<String>,
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
    /// Record an evaluation (EvaluationEventInput, see README); objects over the threshold get
    /// a review opinion.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Void it, and the review opinions it opened.
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

fn said_evaluation(e: &EvaluationEvent, json: bool) {
    if json {
        print_json(e);
        return;
    }
    println!(
        "{}  {}  {}  {}  参加 {} 人",
        e.number,
        e.date,
        e.kind.label(),
        e.title,
        e.evaluator_count
    );
    for o in &e.objects {
        println!(
            "  第{}名  {}  {}{} {}{} {}{}  满意率 {}{}",
            o.rank,
            pad(&o.name, 16),
            e.scale[0],
            o.ballots.good,
            e.scale[1],
            o.ballots.fair,
            e.scale[2],
            o.ballots.poor,
            o.ballots.rate.chinese(),
            match &o.rectification {
                Some(r) => format!("  低于规定，已提出审议意见 {}", r.number),
                None if o.below_threshold => "  低于规定".to_string(),
                None => String::new(),
            }
        );
    }
}

pub fn evaluations(store: &mut Store, stamp: &Stamp, c: EvaluationsCmd) -> Result<()> {
    match c {
        EvaluationsCmd::List {
            year,
            kind,
            search,
            all,
            json,
        } => {
            let kind = match kind {
                Some(k) => Some(EvaluationKind::from_code(&k).ok_or_else(|| {
                    Error::validation(
                        "kind",
                        format!("不认识的评议类别：{k}（可选 work、station、duty、livelihood）"),
                    )
                })?),
                None => None,
            };
            let page = evaluations::list(
                store.conn(),
                &EvaluationQuery {
                    year,
                    kind,
                    search,
                    include_voided: all,
                    page_size: Some(500),
                    ..Default::default()
                },
            )?;
            if json {
                print_json(&page.items);
            } else {
                for e in &page.items {
                    print!("{:>4}  ", e.id);
                    said_evaluation(e, false);
                }
            }
        }
        EvaluationsCmd::Show { id, json } => {
            let d = evaluations::detail(store.conn(), id)?;
            if json {
                print_json(&d);
            } else {
                said_evaluation(&d.evaluation, false);
                println!("处理规则：{}", d.evaluation.threshold);
            }
        }
        EvaluationsCmd::Add { input, json } => {
            let input: EvaluationEventInput = json_arg(&input, &EVALUATION)?;
            said_evaluation(&evaluations::create(store, stamp, &input)?, json);
        }
        EvaluationsCmd::Void { id, reason } => {
            let e = evaluations::void(store, stamp, id, &reason)?;
            println!("已作废：{}（及其提出的审议意见）", e.number);
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum DutyReportsCmd {
    List {
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        deputy: Option<i64>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Record a report to the voters (DutyReportInput, see README).
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Deputies in office who have not yet reported as often as the profile asks this term.
    Owed {
        #[arg(long)]
        json: bool,
    },
}

pub fn duty_reports(store: &mut Store, stamp: &Stamp, c: DutyReportsCmd) -> Result<()> {
    match c {
        DutyReportsCmd::List {
            year,
            deputy,
            all,
            json,
        } => {
            let page = duty_reports::list(
                store.conn(),
                &DutyReportQuery {
                    year,
                    deputy_id: deputy,
                    include_voided: all,
                    page_size: Some(500),
                    ..Default::default()
                },
            )?;
            if json {
                print_json(&page.items);
            } else {
                for r in &page.items {
                    println!(
                        "{:>4}  {}  {}  {}  到会选民 {} 人{}",
                        r.id,
                        pad(&r.number, 16),
                        r.date,
                        pad(&r.deputy_name, 8),
                        r.voters_present,
                        r.rating
                            .map(|b| format!("  满意率 {}", b.rate.chinese()))
                            .unwrap_or_default()
                    );
                }
            }
        }
        DutyReportsCmd::Add { input, json } => {
            let input: DutyReportInput = json_arg(&input, &DUTY_REPORT)?;
            let r = duty_reports::create(store, stamp, &input)?;
            if json {
                print_json(&r);
            } else {
                println!("{}  {}", r.number, r.deputy_name);
            }
        }
        DutyReportsCmd::Void { id, reason } => {
            let r = duty_reports::void(store, stamp, id, &reason)?;
            println!("已作废：{}", r.number);
        }
        DutyReportsCmd::Owed { json } => {
            let owed = duty_reports::not_reported(store.conn(), stamp.today())?;
            if json {
                print_json(&owed);
            } else {
                println!("本届尚未述职的代表 {} 人：", owed.len());
                for o in &owed {
                    println!(
                        "{:>4}  {}  {}  已述职 {}/{} 次",
                        o.deputy_id,
                        pad(&o.name, 8),
                        pad(o.group_name.as_deref().unwrap_or(""), 12),
                        o.reports,
                        o.required
                    );
                }
            }
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum StationsCmd {
    /// The duty rota (default: thirty days back to sixty ahead); with --set, set one day's rota
    /// from JSON (RotaInput: station_id, date, deputy_ids, reason) instead.
    Rota {
        #[arg(long)]
        station: Option<i64>,
        #[arg(long)]
        deputy: Option<i64>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        set: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a day's duty (DutyInput: station_id, date, excused, absent, voters_received,
    /// record, opinions), as an activity organised by the station.
    Duty {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Duty per station and per deputy in a period.
    Counts {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn stations(store: &mut Store, stamp: &Stamp, c: StationsCmd) -> Result<()> {
    let today = stamp.today();
    match c {
        StationsCmd::Rota {
            set: Some(input),
            json,
            ..
        } => {
            let input: RotaInput = json_arg(&input, &STATION_DUTY)?;
            let day = stations::set_rota(store, stamp, &input)?;
            if json {
                print_json(&day);
            } else {
                println!(
                    "{} {}：{}",
                    day.station_name,
                    day.date,
                    day.deputies
                        .iter()
                        .map(|d| d.name.as_str())
                        .collect::<Vec<_>>()
                        .join("、")
                );
            }
        }
        StationsCmd::Rota {
            station,
            deputy,
            from,
            to,
            set: None,
            json,
        } => {
            let days = stations::rota(
                store.conn(),
                &RotaQuery {
                    station_id: station,
                    deputy_id: deputy,
                    from,
                    to,
                },
                today,
            )?;
            if json {
                print_json(&days);
            } else {
                for d in &days {
                    let state = match d.state {
                        stations::DutyState::Planned => "计划".to_string(),
                        stations::DutyState::Unrecorded => "未登记".to_string(),
                        stations::DutyState::Recorded => format!(
                            "已登记 {}",
                            d.duty.as_ref().map(|a| a.number.as_str()).unwrap_or("")
                        ),
                    };
                    let names: Vec<String> = d
                        .deputies
                        .iter()
                        .map(|x| match x.attendance {
                            Some(a) => format!("{}（{}）", x.name, a.label()),
                            None => x.name.clone(),
                        })
                        .collect();
                    println!(
                        "{}  {}  {}  {}",
                        d.date,
                        pad(&d.station_name, 14),
                        pad(&state, 20),
                        names.join("、")
                    );
                }
            }
        }
        StationsCmd::Duty { input, json } => {
            let input: DutyInput = json_arg(&input, &STATION_DUTY)?;
            let a = stations::record_duty(store, stamp, &input)?;
            if json {
                print_json(&a);
            } else {
                println!(
                    "{}  出席 {}/{}，请假 {}，缺席 {}",
                    a.number, a.present, a.expected, a.excused, a.absent
                );
            }
        }
        StationsCmd::Counts { from, to, json } => {
            let from = dates::parse_iso("from", "开始日期", &from)?;
            let to = dates::parse_iso("to", "结束日期", &to)?;
            let c = stations::counts(store.conn(), from, to, today)?;
            if json {
                print_json(&c);
            } else {
                for (title, list) in [("联络站", &c.per_station), ("代表", &c.per_deputy)] {
                    println!("按{title}：");
                    for x in list {
                        println!(
                            "  {}  排班 {}  出席 {}  请假 {}  缺席 {}  未登记 {}  接待群众 {}",
                            pad(&x.name, 14),
                            x.rostered,
                            x.attended,
                            x.excused,
                            x.missed,
                            x.unrecorded,
                            x.voters_received
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// `stats supervision`: the period's figures, each as the statistics page shows it.
pub fn stats(
    store: &Store,
    today: chrono::NaiveDate,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    json: bool,
) -> Result<()> {
    let s = taizhang_core::supervision::compute(store.conn(), from, to, today)?;
    if json {
        print_json(&s);
        return Ok(());
    }
    let r = &s.rectifications;
    let e = &s.evaluations;
    let sum = |f: fn(&stations::DutyCount) -> usize| -> usize {
        s.station_duty.per_station.iter().map(f).sum()
    };
    println!(
        "监督工作统计（{} 至 {}）",
        dates::chinese(s.from),
        dates::chinese(s.to)
    );
    println!(
        "  主席团组织视察、调研、执法检查等 {} 次",
        s.presidium_activities.count
    );
    println!(
        "  审议意见 {} 件：已整改 {} 件，按期报送整改情况 {} 件，逾期未报送 {} 件，再次整改 {} 件",
        r.sent, r.rectified, r.reported_on_time, r.overdue, r.second_rounds
    );
    println!(
        "  评议 {} 次，评议对象 {} 个，低于规定须整改 {} 个，满意和基本满意 {}/{} 票",
        e.events, e.objects, e.below_threshold, e.good_and_fair, e.valid
    );
    println!("  代表述职 {} 次", s.duty_reports.count);
    println!(
        "  联络站值班 排班 {} 人次，出席 {}，请假 {}，缺席 {}，未登记 {}",
        sum(|c| c.rostered),
        sum(|c| c.attended),
        sum(|c| c.excused),
        sum(|c| c.missed),
        sum(|c| c.unrecorded)
    );
    Ok(())
}
