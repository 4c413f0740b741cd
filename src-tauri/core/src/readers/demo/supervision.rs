//! The demo township's supervision of the past year: a presidium inspection with deputies of
//! three groups and two review opinions (one rectified, one whose report is late, for the home
//! page), a report hearing whose opinion falls due soon, a 站所评议 of four units where one falls
//! below the threshold (its review opinion opened by the evaluation), a 述职评议 of the deputy
//! township heads by a counted body of voters, duty reports by about half of the deputies (the
//! rest show as not yet reported), and a station's weekly rota with one duty missed and one day
//! not yet recorded.

use chrono::{Datelike, Duration, NaiveDate};

use super::stamp;
use crate::activities::{self, ActivityInput, LeaveReason, OpinionInput};
use crate::duty_reports::{self, DutyReportInput};
use crate::evaluations::{self, EvaluationEventInput, EvaluationObjectInput};
use crate::rectifications::{self, AssessmentInput, RectificationInput, RectificationReportInput};
use crate::roster::{deputy, org};
use crate::stations::{self, DutyInput, RotaInput};
use crate::vocab::*;
use crate::{Result, Store};

/// What the supervision demo wrote, for the summary.
pub(super) struct Written {
    pub rectifications: usize,
    pub evaluations: usize,
    pub duty_reports: usize,
    pub rota_days: usize,
}

fn presidium(
    kind: ActivityKind,
    on: NaiveDate,
    theme: &str,
    participants: Vec<i64>,
    excused: Vec<i64>,
) -> ActivityInput {
    ActivityInput {
        organiser: Organiser::Presidium,
        group_id: None,
        station_id: None,
        leave_reasons: excused
            .first()
            .map(|d| LeaveReason {
                deputy_id: *d,
                reason: "参加县人大培训".into(),
            })
            .into_iter()
            .collect(),
        excused,
        participants,
        kind,
        date: on.to_string(),
        place: "全镇各村".into(),
        notice_date: Some((on - Duration::days(5)).to_string()),
        theme: theme.into(),
        absent: Vec::new(),
        higher_deputies: String::new(),
        record: format!("主席团组织代表{theme}，听取情况汇报，实地查看，提出意见。"),
        results: "形成审议意见，交镇政府有关部门限期整改。".into(),
        reported_on: None,
        voters_received: None,
        opinions: Vec::new(),
        notes: String::new(),
    }
}

pub(super) fn seed(store: &mut Store, today: NaiveDate) -> Result<Written> {
    let conn = store.conn();
    let term = org::term_on(conn, today)?;
    let mut views: Vec<_> = deputy::term_views(conn, term.id, today)?
        .into_iter()
        .filter(|d| !d.voided && org::holds_office(d.status))
        .collect();
    deputy::sort(&mut views, RosterOrder::Group);
    let units: Vec<i64> = crate::units::list(conn, false)?
        .iter()
        .map(|u| u.id)
        .collect();
    let station_ids: Vec<i64> = org::stations(conn)?.iter().map(|s| s.id).collect();
    // Two deputies from each of the first three groups: a town-wide inspection.
    let mut groups: Vec<i64> = Vec::new();
    let mut picked = Vec::new();
    for d in &views {
        let Some(g) = d.group_id else { continue };
        if !groups.contains(&g) {
            if groups.len() == 3 {
                continue;
            }
            groups.push(g);
        }
        if picked.iter().filter(|(pg, _)| *pg == g).count() < 2 {
            picked.push((g, d.id));
        }
    }
    let inspectors: Vec<i64> = picked.iter().map(|(_, d)| *d).collect();
    let mut written = Written {
        rectifications: 0,
        evaluations: 0,
        duty_reports: 0,
        rota_days: 0,
    };
    let (Some(&unit_a), Some(&unit_b)) = (units.first(), units.get(1)) else {
        return Ok(written);
    };
    if inspectors.len() < 3 {
        return Ok(written);
    }

    // A presidium inspection four months ago: two opinions to two units. The first unit reports
    // in time and is found satisfactory on the follow-up; the second has not reported (late).
    let on = today - Duration::days(120);
    let inspection = activities::create(
        store,
        &stamp(on),
        &presidium(
            ActivityKind::Inspection,
            on,
            "视察全镇防汛防台工作",
            inspectors.clone(),
            inspectors[inspectors.len() - 1..].to_vec(),
        ),
    )?;
    let sent = on + Duration::days(5);
    let opinion = |store: &mut Store, unit: i64, content: &str, activity: i64, sent: NaiveDate| {
        rectifications::create(
            store,
            &stamp(sent),
            &RectificationInput {
                activity_id: Some(activity),
                unit_id: Some(unit),
                official: String::new(),
                content: content.into(),
                sent_on: sent.to_string(),
                notes: String::new(),
            },
        )
    };
    let first = opinion(
        store,
        unit_a,
        "部分村防汛物资储备不足，请限期补齐并建立台账",
        inspection.id,
        sent,
    )?;
    opinion(
        store,
        unit_b,
        "河道清障不彻底，请于汛前完成清理并报送整改情况",
        inspection.id,
        sent,
    )?;
    let reported = sent + Duration::days(40);
    rectifications::report(
        store,
        &stamp(reported),
        first.id,
        &RectificationReportInput {
            date: reported.to_string(),
            text: "已补齐防汛物资，建立村级物资台账并落实专人管理。".into(),
        },
    )?;
    let back = reported + Duration::days(10);
    let followup = activities::create(
        store,
        &stamp(back),
        &presidium(
            ActivityKind::Inspection,
            back,
            "防汛物资整改情况回头看",
            inspectors[..3].to_vec(),
            Vec::new(),
        ),
    )?;
    rectifications::assess(
        store,
        &stamp(back),
        first.id,
        &AssessmentInput {
            date: back.to_string(),
            satisfaction: Satisfaction::Satisfied,
            followup_id: Some(followup.id),
        },
    )?;
    written.rectifications += 2;

    // A report hearing two months ago: its opinion falls due about now.
    let heard = today - Duration::days(58);
    let hearing = activities::create(
        store,
        &stamp(heard),
        &presidium(
            ActivityKind::SpecialReport,
            heard,
            "听取和审议镇政府关于农村饮用水安全工作的报告",
            inspectors.clone(),
            Vec::new(),
        ),
    )?;
    opinion(
        store,
        unit_a,
        "加强水源地保护，每季度公开水质检测结果",
        hearing.id,
        heard,
    )?;
    written.rectifications += 1;

    // A 站所评议 three months ago: four units rated by the deputies present; the third falls
    // below the threshold and its review opinion is opened by the evaluation.
    if units.len() >= 4 {
        let evaluators: Vec<i64> = views.iter().take(15).map(|d| d.id).collect();
        let n = evaluators.len() as i64;
        let counts = [
            (n - 2, 2, 0),
            (n - 5, 4, 1),
            (n / 3, 2, n - n / 3 - 2),
            (n - 4, 3, 1),
        ];
        let on = today - Duration::days(90);
        let e = evaluations::create(
            store,
            &stamp(on),
            &EvaluationEventInput {
                kind: EvaluationKind::Station,
                date: on.to_string(),
                title: format!("{}年度站所工作评议", on.year()),
                evaluator_ids: evaluators,
                voters: None,
                activity_id: None,
                objects: units
                    .iter()
                    .take(4)
                    .zip(counts)
                    .map(|(u, (good, fair, poor))| EvaluationObjectInput {
                        unit_id: Some(*u),
                        official: String::new(),
                        post: String::new(),
                        project_id: None,
                        good: good.max(0),
                        fair,
                        poor: poor.max(0),
                    })
                    .collect(),
                notes: String::new(),
            },
        )?;
        written.evaluations += 1;
        written.rectifications += e.objects.iter().filter(|o| o.below_threshold).count();
    }

    // A 述职评议 of the deputy township heads by thirty voters' and deputies' representatives.
    let on = today - Duration::days(40);
    evaluations::create(
        store,
        &stamp(on),
        &EvaluationEventInput {
            kind: EvaluationKind::Duty,
            date: on.to_string(),
            title: "副镇长述职评议".into(),
            evaluator_ids: Vec::new(),
            voters: Some(30),
            activity_id: None,
            objects: [
                ("陈建国", 25, 4, 1),
                ("刘晓燕", 27, 3, 0),
                ("王海涛", 22, 6, 2),
            ]
            .into_iter()
            .map(|(name, good, fair, poor)| EvaluationObjectInput {
                unit_id: None,
                official: name.into(),
                post: "副镇长".into(),
                project_id: None,
                good,
                fair,
                poor,
            })
            .collect(),
            notes: String::new(),
        },
    )?;
    written.evaluations += 1;

    // Duty reports: every other deputy of the term has reported to the voters.
    for (i, d) in views.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        let on = today - Duration::days(30 + (i as i64 * 7) % 300);
        let on = on.max(term.start_date);
        let rated = i % 4 == 0;
        duty_reports::create(
            store,
            &stamp(on),
            &DutyReportInput {
                deputy_id: d.id,
                date: on.to_string(),
                place: format!(
                    "{}选民之家",
                    d.constituency_name.clone().unwrap_or_default()
                ),
                voters_present: 40,
                good: rated.then_some(32),
                fair: rated.then_some(6),
                poor: rated.then_some(1),
                notes: String::new(),
            },
        )?;
        written.duty_reports += 1;
    }

    // The first station's weekly rota: eight weeks back and four ahead, two deputies a day.
    // Past days are recorded, one deputy missed a duty; the last past day is not recorded yet.
    if let Some(&station) = station_ids.first() {
        let first = today - Duration::days(56);
        for week in 0..12i64 {
            let on = first + Duration::days(week * 7);
            let pair: Vec<i64> = (0..2)
                .map(|k| views[(week as usize * 2 + k) % views.len()].id)
                .collect();
            stations::set_rota(
                store,
                &stamp(on - Duration::days(7)),
                &RotaInput {
                    station_id: station,
                    date: on.to_string(),
                    deputy_ids: pair.clone(),
                    reason: String::new(),
                },
            )?;
            written.rota_days += 1;
            // Week 7 is the last past day: left unrecorded, as the clerk will find it.
            if on < today && week != 7 {
                stations::record_duty(
                    store,
                    &stamp(on),
                    &DutyInput {
                        station_id: station,
                        date: on.to_string(),
                        excused: Vec::new(),
                        absent: if week == 3 { vec![pair[1]] } else { Vec::new() },
                        leave_reasons: Vec::new(),
                        voters_received: Some(3 + week % 4),
                        record: "进站接待选民，听取意见建议。".into(),
                        opinions: if week % 3 == 0 {
                            vec![OpinionInput {
                                id: None,
                                source: "某村村民".into(),
                                content: "反映村口路灯损坏，夜间出行不便".into(),
                            }]
                        } else {
                            Vec::new()
                        },
                        notes: String::new(),
                    },
                )?;
            }
        }
    }
    Ok(written)
}
