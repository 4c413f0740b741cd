//! Supervision between sessions on real database files, with answers known independently of the
//! code: a presidium activity expects exactly the deputies it invited (of any group); a review
//! opinion's report falls due two months after it was sent, moved off the National Day holiday
//! by the State Council's 2026 calendar; a late report is marked late and shows on the home
//! page; 不满意 opens a second round; an evaluation's rates, ranks and the 1/3 threshold; who has
//! not yet reported to the voters this term; a station's rota and a missed duty. Every refusal
//! names its field and writes nothing.

use taizhang_core::activities::{self, ActivityInput};
use taizhang_core::duty_reports::{self, DutyReportInput};
use taizhang_core::evaluations::{self, EvaluationEventInput, EvaluationObjectInput};
use taizhang_core::followup::{self, Book};
use taizhang_core::rectifications::{
    self, AssessmentInput, RectificationInput, RectificationQuery, RectificationReportInput,
    RectificationState,
};
use taizhang_core::roster::{deputy, org};
use taizhang_core::stations::{self, DutyInput, DutyState, RotaInput, RotaQuery};
use taizhang_core::units::{self, HandlingUnitInput};
use taizhang_core::vocab::*;
use taizhang_core::{Error, Store};
use taizhang_tests::*;

struct Office {
    _dir: tempfile::TempDir,
    store: Store,
    /// Deputies per group: three groups of four.
    groups: Vec<(i64, Vec<i64>)>,
    units: Vec<i64>,
    station: i64,
}

fn office() -> Office {
    let (dir, mut store, _) = store_with_term();
    let s = clerk(day(2021, 11, 20));
    let station = org::create_station(
        &mut store,
        &s,
        &org::LiaisonStationInput {
            name: "青山代表联络站".into(),
            address: "青山村".into(),
            convener: String::new(),
            schedule: String::new(),
        },
    )
    .unwrap()
    .id;
    let mut groups = Vec::new();
    for (g, gname) in ["东片小组", "西片小组", "南片小组"].iter().enumerate() {
        let group = org::create_group(
            &mut store,
            &s,
            &org::DeputyGroupInput {
                name: gname.to_string(),
                station_id: Some(station),
                leader_id: None,
                deputy_leader_id: None,
                liaison_id: None,
            },
        )
        .unwrap()
        .id;
        let mut ids = Vec::new();
        for i in 0..4 {
            let mut input = deputy_input(&format!(
                "代表{}{}",
                ["甲", "乙", "丙"][g],
                ["一", "二", "三", "四"][i]
            ));
            input.group_id = Some(group);
            ids.push(deputy::create(&mut store, &s, &input).unwrap().id);
        }
        groups.push((group, ids));
    }
    let units = [
        "镇建设管理办公室",
        "镇农业农村办公室",
        "镇社会事务办公室",
        "镇财政所",
    ]
    .iter()
    .map(|n| {
        units::create(
            &mut store,
            &s,
            &HandlingUnitInput {
                name: n.to_string(),
                contact: String::new(),
                phone: String::new(),
                active: true,
            },
        )
        .unwrap()
        .id
    })
    .collect();
    Office {
        _dir: dir,
        store,
        groups,
        units,
        station,
    }
}

fn inspection(participants: Vec<i64>, on: &str) -> ActivityInput {
    ActivityInput {
        organiser: Organiser::Presidium,
        group_id: None,
        station_id: None,
        participants,
        kind: ActivityKind::Inspection,
        date: on.into(),
        place: "全镇".into(),
        notice_date: None,
        theme: "视察防汛工作".into(),
        excused: Vec::new(),
        absent: Vec::new(),
        leave_reasons: Vec::new(),
        higher_deputies: String::new(),
        record: String::new(),
        results: String::new(),
        reported_on: None,
        voters_received: None,
        opinions: Vec::new(),
        notes: String::new(),
    }
}

fn field_of(e: Error) -> Option<&'static str> {
    e.field()
}

#[test]
fn a_presidium_activity_expects_exactly_the_deputies_it_invited_from_any_group() {
    let mut o = office();
    let s = clerk(day(2026, 7, 10));
    // Two deputies of each of the three groups: the inspection is town-wide.
    let invited: Vec<i64> = o.groups.iter().flat_map(|(_, d)| d[..2].to_vec()).collect();
    let mut input = inspection(invited.clone(), "2026-07-08");
    input.excused = vec![invited[5]];
    let a = activities::create(&mut o.store, &s, &input).unwrap();
    assert_eq!(a.organiser, Organiser::Presidium);
    assert_eq!(a.group_id, None, "a presidium activity belongs to no group");
    assert_eq!(a.organiser_name, "镇人大主席团");
    assert_eq!(
        (a.expected, a.present, a.excused),
        (6, 5, 1),
        "the six invited are expected, not the twelve deputies nor one group's four"
    );
    let members: Vec<i64> = a.members.iter().map(|m| m.deputy_id).collect();
    for d in &invited {
        assert!(
            members.contains(d),
            "invited deputy {d} is on the attendance list"
        );
    }
    // Each invited deputy's duty record counts it; an uninvited one's does not.
    let p = activities::participation(
        o.store.conn(),
        invited[0],
        day(2026, 1, 1),
        day(2026, 12, 31),
    )
    .unwrap();
    assert_eq!(p.len(), 1);
    let uninvited = o.groups[0].1[3];
    assert!(activities::participation(
        o.store.conn(),
        uninvited,
        day(2026, 1, 1),
        day(2026, 12, 31)
    )
    .unwrap()
    .is_empty());

    // Refusals name the field and write nothing.
    let before = count(&o.store, "group_activities");
    let mut with_group = inspection(invited.clone(), "2026-07-08");
    with_group.group_id = Some(o.groups[0].0);
    assert_eq!(
        field_of(activities::create(&mut o.store, &s, &with_group).unwrap_err()),
        Some("group_id")
    );
    assert_eq!(
        field_of(
            activities::create(&mut o.store, &s, &inspection(Vec::new(), "2026-07-08"))
                .unwrap_err()
        ),
        Some("participants"),
        "a presidium activity without participants"
    );
    let mut station_kind = inspection(invited.clone(), "2026-07-08");
    station_kind.kind = ActivityKind::StationDuty;
    assert_eq!(
        field_of(activities::create(&mut o.store, &s, &station_kind).unwrap_err()),
        Some("kind"),
        "station duty is not a kind the presidium organises"
    );
    assert_eq!(
        field_of(
            activities::create(
                &mut o.store,
                &s,
                &inspection(vec![invited[0], 99_999], "2026-07-08")
            )
            .unwrap_err()
        ),
        Some("participants"),
        "a deputy who does not exist is not in office"
    );
    assert_eq!(
        count(&o.store, "group_activities"),
        before,
        "nothing written"
    );
}

#[test]
fn a_review_opinions_report_falls_due_two_months_on_moved_off_the_national_day_holiday() {
    let mut o = office();
    let invited: Vec<i64> = o.groups.iter().map(|(_, d)| d[0]).collect();
    let a = activities::create(
        &mut o.store,
        &clerk(day(2026, 7, 30)),
        &inspection(invited, "2026-07-30"),
    )
    .unwrap();
    let sent = |unit: i64, on: &str| RectificationInput {
        activity_id: Some(a.id),
        unit_id: Some(unit),
        official: String::new(),
        content: "河道清障不彻底，请限期整改".into(),
        sent_on: on.into(),
        notes: String::new(),
    };
    // Sent on 1 August: two months on is 1 October, in the National Day holiday (1-7 October
    // 2026 by the State Council's notice); the first working day after it is Thursday 8 October.
    let r = rectifications::create(
        &mut o.store,
        &clerk(day(2026, 8, 1)),
        &sent(o.units[0], "2026-08-01"),
    )
    .unwrap();
    assert_eq!(r.number, "整改〔2026〕第1号");
    let d = r.deadline.clone().expect("a report is awaited");
    assert_eq!(d.due.date, day(2026, 10, 8), "{}", d.due.explanation);
    assert!(
        d.due.explanation.contains("国庆节"),
        "the reasoning names the holiday: {}",
        d.due.explanation
    );
    assert_eq!(r.state, RectificationState::AwaitingReport);

    // A report dated before the opinion was sent is refused; nothing changes.
    let early = rectifications::report(
        &mut o.store,
        &clerk(day(2026, 8, 2)),
        r.id,
        &RectificationReportInput {
            date: "2026-07-31".into(),
            text: "已整改".into(),
        },
    )
    .unwrap_err();
    assert_eq!(field_of(early), Some("date"));

    // On 12 October the report is late: the home page lists it among the overdue, under its unit.
    let today = day(2026, 10, 12);
    let dash = followup::dashboard(o.store.conn(), today, 7).unwrap();
    let late: Vec<_> = dash
        .overdue
        .iter()
        .filter(|i| i.book == Book::Rectifications)
        .collect();
    assert_eq!(
        late.len(),
        1,
        "the late report is on the home page with the overdue cases"
    );
    assert_eq!(late[0].id, r.id);
    assert_eq!(late[0].days_left, Some(-4), "8 to 12 October");
    let unit = dash
        .per_unit
        .iter()
        .find(|u| u.unit.id == o.units[0])
        .expect("the unit's load");
    assert_eq!((unit.rectifications_open, unit.late), (1, 1));
    let listed = rectifications::list(
        o.store.conn(),
        &RectificationQuery {
            overdue: Some(true),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(listed.total, 1, "the overdue filter finds it");

    // It arrives late: accepted and marked late; the presidium is not satisfied: a second round
    // is sent that day, due two months from the assessment.
    let r = rectifications::report(
        &mut o.store,
        &clerk(today),
        r.id,
        &RectificationReportInput {
            date: "2026-10-12".into(),
            text: "已组织清障".into(),
        },
    )
    .unwrap();
    assert!(r.rounds[0].reported_late, "reported after 8 October");
    // The unit's scanned report is attached to the opinion (a file of the attachments store).
    let scan = o._dir.path().join("整改情况报告.pdf");
    std::fs::write(&scan, b"%PDF-1.4\n% report\n").unwrap();
    let att = taizhang_core::attachments::add(
        &mut o.store,
        &clerk(today),
        "rectification",
        r.id,
        &scan,
        None,
    )
    .unwrap();
    assert_eq!(att.name, "整改情况报告.pdf");
    let listed =
        taizhang_core::attachments::list(o.store.conn(), "rectification", r.id, false).unwrap();
    assert_eq!(listed.len(), 1, "the opinion lists its report's scan");
    assert_eq!(r.state, RectificationState::AwaitingAssessment);
    assert!(!r.overdue, "a report received is no longer awaited");
    let r = rectifications::assess(
        &mut o.store,
        &clerk(day(2026, 10, 20)),
        r.id,
        &AssessmentInput {
            date: "2026-10-20".into(),
            satisfaction: Satisfaction::Dissatisfied,
            followup_id: Some(a.id),
        },
    )
    .unwrap();
    assert_eq!(r.rounds.len(), 2, "不满意 opens the second round");
    assert_eq!(r.rounds[1].sent_on, day(2026, 10, 20));
    assert_eq!(
        r.deadline.as_ref().map(|d| d.due.date),
        Some(day(2026, 12, 21)),
        "20 December 2026 is a Sunday: moved to Monday 21 December"
    );
    assert_eq!(r.rounds[0].followup.as_ref().map(|f| f.id), Some(a.id));
    // Assessing again before the second report is refused as a transition.
    let again = rectifications::assess(
        &mut o.store,
        &clerk(day(2026, 10, 21)),
        r.id,
        &AssessmentInput {
            date: "2026-10-21".into(),
            satisfaction: Satisfaction::Satisfied,
            followup_id: None,
        },
    )
    .unwrap_err();
    assert!(matches!(again, Error::InvalidTransition(_)), "{again:?}");
    // Second round reported and satisfied: rectified, nothing awaited.
    rectifications::report(
        &mut o.store,
        &clerk(day(2026, 11, 30)),
        r.id,
        &RectificationReportInput {
            date: "2026-11-30".into(),
            text: "清障完成".into(),
        },
    )
    .unwrap();
    let r = rectifications::assess(
        &mut o.store,
        &clerk(day(2026, 12, 2)),
        r.id,
        &AssessmentInput {
            date: "2026-12-02".into(),
            satisfaction: Satisfaction::Satisfied,
            followup_id: None,
        },
    )
    .unwrap();
    assert_eq!(r.state, RectificationState::Rectified);
    let c = rectifications::counts(
        o.store.conn(),
        day(2026, 1, 1),
        day(2026, 12, 31),
        day(2026, 12, 5),
    )
    .unwrap();
    assert_eq!(
        (
            c.sent,
            c.rectified,
            c.reported_on_time,
            c.second_rounds,
            c.overdue
        ),
        (1, 1, 0, 1, 0),
        "one sent and rectified, its first report late, in two rounds"
    );
    assert_eq!(c.ids, vec![r.id]);

    // Refusals: no unit nor official; an opinion sent before its activity.
    let before = count(&o.store, "rectifications");
    let mut nobody = sent(o.units[0], "2026-08-01");
    nobody.unit_id = None;
    assert_eq!(
        field_of(
            rectifications::create(&mut o.store, &clerk(day(2026, 8, 1)), &nobody).unwrap_err()
        ),
        Some("unit_id")
    );
    assert_eq!(
        field_of(
            rectifications::create(
                &mut o.store,
                &clerk(day(2026, 8, 1)),
                &sent(o.units[0], "2026-07-01")
            )
            .unwrap_err()
        ),
        Some("sent_on"),
        "sent before the inspection that found it"
    );
    assert_eq!(count(&o.store, "rectifications"), before, "nothing written");
}

fn object(unit: i64, good: i64, fair: i64, poor: i64) -> EvaluationObjectInput {
    EvaluationObjectInput {
        unit_id: Some(unit),
        official: String::new(),
        post: String::new(),
        project_id: None,
        good,
        fair,
        poor,
    }
}

#[test]
fn an_evaluations_rates_ranks_and_threshold_open_a_review_opinion_for_the_object_below_it() {
    let mut o = office();
    let all: Vec<i64> = o.groups.iter().flat_map(|(_, d)| d.clone()).collect();
    let evaluators: Vec<i64> = all.iter().copied().take(12).collect();
    let input = |objects: Vec<EvaluationObjectInput>| EvaluationEventInput {
        kind: EvaluationKind::Station,
        date: "2026-09-15".into(),
        title: "站所工作评议".into(),
        evaluator_ids: evaluators.clone(),
        voters: None,
        activity_id: None,
        objects,
        notes: String::new(),
    };
    let s = clerk(day(2026, 9, 15));
    // Twelve evaluators. 不满意 4 of 12 is exactly one third: not MORE than 1/3, no action;
    // 5 of 12 is more: a review opinion. Rates: (10+2)/12, (6+2)/12, (5+2)/12, (9+1)/11.
    let e = evaluations::create(
        &mut o.store,
        &s,
        &input(vec![
            object(o.units[0], 6, 2, 4),
            object(o.units[1], 10, 2, 0),
            object(o.units[2], 5, 2, 5),
            object(o.units[3], 9, 1, 1),
        ]),
    )
    .unwrap();
    assert_eq!(e.number, "评议〔2026〕第1号");
    assert_eq!(e.evaluator_count, 12);
    let order: Vec<(i64, usize)> = e
        .objects
        .iter()
        .map(|x| (x.unit.as_ref().unwrap().id, x.rank))
        .collect();
    assert_eq!(
        order,
        vec![
            (o.units[1], 1),
            (o.units[3], 2),
            (o.units[0], 3),
            (o.units[2], 4)
        ],
        "12/12 > 10/11 > 8/12 > 7/12"
    );
    let rate = |u: i64| {
        let x = e
            .objects
            .iter()
            .find(|x| x.unit.as_ref().unwrap().id == u)
            .unwrap();
        (
            x.ballots.rate.numerator,
            x.ballots.rate.denominator,
            x.below_threshold,
        )
    };
    assert_eq!(
        rate(o.units[3]),
        (10, 11, false),
        "valid ballots are the three counts summed"
    );
    assert_eq!(
        rate(o.units[0]),
        (8, 12, false),
        "4 of 12 不满意 is exactly 1/3: not over it"
    );
    assert_eq!(rate(o.units[2]), (7, 12, true), "5 of 12 is over 1/3");
    let below = e.objects.iter().find(|x| x.below_threshold).unwrap();
    let opened = below
        .rectification
        .as_ref()
        .expect("a review opinion was opened");
    assert_eq!(
        below.re_evaluate_by,
        Some(day(2027, 3, 15)),
        "evaluated again within six months (15 March 2027 is a Monday)"
    );
    let r = rectifications::get(o.store.conn(), opened.id, day(2026, 9, 15)).unwrap();
    assert_eq!(r.unit.as_ref().map(|u| u.id), Some(o.units[2]));
    assert_eq!(r.evaluation.as_ref().map(|x| x.id), Some(e.id));
    assert_eq!(r.rounds[0].sent_on, day(2026, 9, 15));
    assert_eq!(
        count(&o.store, "rectifications"),
        1,
        "only the object over the threshold gets one"
    );

    // Voiding the evaluation voids the opinion it opened, with the reason.
    evaluations::void(&mut o.store, &clerk(day(2026, 9, 16)), e.id, "票数录入错误").unwrap();
    let r = rectifications::get(o.store.conn(), opened.id, day(2026, 9, 16)).unwrap();
    assert!(r.voided);
    assert!(r.void_reason.unwrap().contains("票数录入错误"));

    // Refusals: more ballots than evaluators, no objects, no evaluators; nothing written.
    let before = (
        count(&o.store, "evaluations"),
        count(&o.store, "rectifications"),
    );
    let e1 = evaluations::create(&mut o.store, &s, &input(vec![object(o.units[0], 10, 2, 1)]))
        .unwrap_err();
    assert_eq!(
        field_of(e1),
        Some("objects"),
        "13 ballots from 12 evaluators"
    );
    let e2 = evaluations::create(&mut o.store, &s, &input(Vec::new())).unwrap_err();
    assert_eq!(
        field_of(e2),
        Some("objects"),
        "an evaluation without objects"
    );
    let mut none = input(vec![object(o.units[0], 1, 0, 0)]);
    none.evaluator_ids.clear();
    assert_eq!(
        field_of(evaluations::create(&mut o.store, &s, &none).unwrap_err()),
        Some("evaluator_ids")
    );
    let mut duty = input(vec![object(o.units[0], 1, 0, 0)]);
    duty.kind = EvaluationKind::Duty;
    assert_eq!(
        field_of(evaluations::create(&mut o.store, &s, &duty).unwrap_err()),
        Some("objects"),
        "a 述职评议 rates a named official with the post"
    );
    assert_eq!(
        (
            count(&o.store, "evaluations"),
            count(&o.store, "rectifications")
        ),
        before
    );
}

#[test]
fn who_has_not_yet_reported_to_the_voters_this_term() {
    let mut o = office();
    let all: Vec<i64> = o.groups.iter().flat_map(|(_, d)| d.clone()).collect();
    let today = day(2026, 6, 1);
    let owed = duty_reports::not_reported(o.store.conn(), today).unwrap();
    assert_eq!(
        owed.len(),
        12,
        "no one has reported yet: every township deputy owes one"
    );
    let input = |deputy: i64, voters: i64, rating: Option<(i64, i64, i64)>| DutyReportInput {
        deputy_id: deputy,
        date: "2026-05-20".into(),
        place: "青山村选民之家".into(),
        voters_present: voters,
        good: rating.map(|r| r.0),
        fair: rating.map(|r| r.1),
        poor: rating.map(|r| r.2),
        notes: String::new(),
    };
    let r = duty_reports::create(
        &mut o.store,
        &clerk(today),
        &input(all[0], 40, Some((30, 8, 2))),
    )
    .unwrap();
    assert_eq!(r.number, "述职〔2026〕第1号");
    let rating = r.rating.expect("rated");
    assert_eq!((rating.rate.numerator, rating.rate.denominator), (38, 40));
    let owed = duty_reports::not_reported(o.store.conn(), today).unwrap();
    assert_eq!(owed.len(), 11);
    assert!(
        !owed.iter().any(|x| x.deputy_id == all[0]),
        "the deputy who reported is no longer listed"
    );
    // The duty record lists the report and counts it in its year.
    let rec =
        taizhang_core::duty_record::record(o.store.conn(), all[0], None, None, today).unwrap();
    assert_eq!(rec.duty_reports.len(), 1);
    assert_eq!(
        rec.by_year
            .iter()
            .find(|y| y.year == 2026)
            .map(|y| y.duty_reports),
        Some(1)
    );

    // Refusals: a rating above the voters present, a partial rating, a deputy not in office.
    let before = count(&o.store, "duty_reports");
    let e = duty_reports::create(
        &mut o.store,
        &clerk(today),
        &input(all[1], 10, Some((8, 2, 1))),
    )
    .unwrap_err();
    assert_eq!(field_of(e), Some("good"), "11 ratings from 10 voters");
    let mut partial = input(all[1], 10, None);
    partial.good = Some(3);
    assert_eq!(
        field_of(duty_reports::create(&mut o.store, &clerk(today), &partial).unwrap_err()),
        Some("good")
    );
    assert_eq!(
        field_of(
            duty_reports::create(&mut o.store, &clerk(today), &input(99_999, 10, None))
                .unwrap_err()
        ),
        Some("deputy_id")
    );
    assert_eq!(count(&o.store, "duty_reports"), before);
}

#[test]
fn a_stations_rota_and_a_missed_duty_are_counted_per_deputy_and_per_station() {
    let mut o = office();
    let (a, b, c) = (o.groups[0].1[0], o.groups[1].1[0], o.groups[2].1[0]);
    let rota = |date: &str, ids: Vec<i64>| RotaInput {
        station_id: o.station,
        date: date.into(),
        deputy_ids: ids,
        reason: String::new(),
    };
    let s = clerk(day(2026, 3, 1));
    stations::set_rota(&mut o.store, &s, &rota("2026-03-05", vec![a, b])).unwrap();
    stations::set_rota(&mut o.store, &s, &rota("2026-03-12", vec![a, c])).unwrap();
    // Taking b off and putting c on the 5th: b's row is voided with the reason, c's added.
    let day5 = stations::set_rota(&mut o.store, &s, &rota("2026-03-05", vec![a, c])).unwrap();
    let names: Vec<i64> = day5.deputies.iter().map(|d| d.deputy_id).collect();
    assert_eq!(names, vec![a, c]);
    // A deputy who does not hold office is refused on the rota, naming the field.
    let before = count(&o.store, "station_rota");
    assert_eq!(
        field_of(
            stations::set_rota(&mut o.store, &s, &rota("2026-03-19", vec![99_999])).unwrap_err()
        ),
        Some("deputy_ids")
    );
    assert_eq!(count(&o.store, "station_rota"), before);

    // The 5th is held, c missed it; the 12th is not recorded yet.
    let duty = stations::record_duty(
        &mut o.store,
        &clerk(day(2026, 3, 5)),
        &DutyInput {
            station_id: o.station,
            date: "2026-03-05".into(),
            excused: Vec::new(),
            absent: vec![c],
            leave_reasons: Vec::new(),
            voters_received: Some(6),
            record: "接待选民".into(),
            opinions: Vec::new(),
            notes: String::new(),
        },
    )
    .unwrap();
    assert_eq!(duty.organiser, Organiser::Station);
    assert_eq!((duty.expected, duty.present, duty.absent), (2, 1, 1));
    // Recording the same day twice, or a day without a rota, is refused.
    let again = DutyInput {
        station_id: o.station,
        date: "2026-03-05".into(),
        excused: Vec::new(),
        absent: Vec::new(),
        leave_reasons: Vec::new(),
        voters_received: None,
        record: String::new(),
        opinions: Vec::new(),
        notes: String::new(),
    };
    assert_eq!(
        field_of(stations::record_duty(&mut o.store, &s, &again).unwrap_err()),
        Some("date")
    );
    let mut no_rota = again.clone();
    no_rota.date = "2026-03-26".into();
    assert_eq!(
        field_of(stations::record_duty(&mut o.store, &s, &no_rota).unwrap_err()),
        Some("date")
    );
    // The rota of a recorded day is changed through its activity, not the rota.
    assert!(matches!(
        stations::set_rota(&mut o.store, &s, &rota("2026-03-05", vec![a])).unwrap_err(),
        Error::InvalidTransition(_)
    ));

    let today = day(2026, 3, 20);
    let days = stations::rota(
        o.store.conn(),
        &RotaQuery {
            station_id: Some(o.station),
            from: Some("2026-03-01".into()),
            to: Some("2026-03-31".into()),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    let states: Vec<DutyState> = days.iter().map(|d| d.state).collect();
    assert_eq!(states, vec![DutyState::Recorded, DutyState::Unrecorded]);
    let counts =
        stations::counts(o.store.conn(), day(2026, 3, 1), day(2026, 3, 31), today).unwrap();
    let station = &counts.per_station[0];
    assert_eq!(
        (station.rostered, station.attended, station.missed, station.unrecorded, station.voters_received),
        (4, 1, 1, 2, 6),
        "two days of two deputies: one attended and one missed on the 5th, two unrecorded on the 12th"
    );
    let of = |d: i64| {
        counts
            .per_deputy
            .iter()
            .find(|x| x.id == d)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!((of(a).rostered, of(a).attended), (2, 1));
    assert_eq!((of(c).rostered, of(c).missed), (2, 1));
    assert_eq!(of(b).rostered, 0, "taken off the rota before the day");
    // The missed duty is in c's duty record, apart from group activities.
    let rec = taizhang_core::duty_record::record(o.store.conn(), c, None, None, today).unwrap();
    let y = rec.by_year.iter().find(|y| y.year == 2026).unwrap();
    assert_eq!(
        (
            y.station_duty_expected,
            y.station_duty_missed,
            y.activities_expected
        ),
        (1, 1, 0)
    );
}

#[test]
fn the_demo_office_has_a_year_of_supervision_with_a_late_report_and_an_object_below_the_threshold()
{
    let (_dir, mut store) = temp_store();
    let today = day(2026, 11, 23);
    taizhang_core::demo::seed(&mut store, 7, today).unwrap();
    let dash = followup::dashboard(store.conn(), today, 7).unwrap();
    assert!(
        dash.overdue.iter().any(|i| i.book == Book::Rectifications),
        "a late rectification report is on the home page"
    );
    let evaluated = evaluations::list(store.conn(), &Default::default()).unwrap();
    assert!(evaluated.items.iter().any(|e| e
        .objects
        .iter()
        .any(|o| o.below_threshold && o.rectification.is_some())));
    let owed = duty_reports::not_reported(store.conn(), today).unwrap();
    let reported = duty_reports::list(store.conn(), &Default::default())
        .unwrap()
        .total;
    assert!(
        !owed.is_empty() && reported > 0,
        "deputies with and without a duty report this term"
    );
    let counts = stations::counts(
        store.conn(),
        today - chrono::Duration::days(90),
        today,
        today,
    )
    .unwrap();
    assert!(
        counts.per_station.iter().any(|s| s.missed > 0),
        "a rota with a missed duty"
    );
    let presidium = activities::list(
        store.conn(),
        &activities::ActivityQuery {
            organiser: Some(Organiser::Presidium),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        presidium.total >= 2,
        "presidium inspections and a report hearing"
    );
    // The statistics count what the books hold, by the books' own functions.
    let from = today - chrono::Duration::days(365);
    let st =
        taizhang_core::supervision::compute(store.conn(), Some(from), Some(today), today).unwrap();
    assert_eq!(
        st.rectifications,
        rectifications::counts(store.conn(), from, today, today).unwrap()
    );
    assert!(st.rectifications.overdue >= 1 && st.rectifications.rectified >= 1);
    assert!(
        st.presidium_activities.count >= 2,
        "the inspection and the hearing"
    );
    assert_eq!(
        st.presidium_activities.ids.len(),
        st.presidium_activities.count
    );
    assert_eq!(
        st.duty_reports.count,
        duty_reports::list(
            store.conn(),
            &duty_reports::DutyReportQuery {
                page_size: Some(500),
                ..Default::default()
            }
        )
        .unwrap()
        .items
        .iter()
        .filter(|r| r.date >= from && r.date <= today)
        .count()
    );
}
