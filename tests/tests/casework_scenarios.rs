//! The suggestions and petitions books on real database files: rates on a hand-built year with
//! known answers, deadlines around 国庆 and 劳动节 through the whole write path, repeat
//! detection, sealed identity, the profile switch, batch assignment, voiding a step.

use serde_json::json;
use taizhang_core::followup;
use taizhang_core::petitions::{self, similar, PetitionInput};
use taizhang_core::roster::deputy;
use taizhang_core::rules;
use taizhang_core::suggestions::{self, stats::StatsQuery, AssignmentInput, Step, SuggestionInput};
use taizhang_core::units::{self, HandlingUnitInput};
use taizhang_core::vocab::*;
use taizhang_core::{demo, Store};
use taizhang_tests::*;

struct Office {
    _dir: tempfile::TempDir,
    store: Store,
    deputies: Vec<i64>,
    units: Vec<i64>,
}

fn office(profile: &str) -> Office {
    let (dir, mut store, _) = store_with_term();
    let s = clerk(day(2021, 11, 20));
    let deputies = ["张建国", "李秀英", "王卫东", "赵丽", "陈志强", "刘海燕"]
        .iter()
        .map(|n| deputy::create(&mut store, &s, &deputy_input(n)).unwrap().id)
        .collect();
    let units = ["镇建设管理办公室", "镇财政所", "镇农业农村办公室"]
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
    followup::switch(&mut store, &s, profile, false).unwrap();
    Office {
        _dir: dir,
        store,
        deputies,
        units,
    }
}

fn suggestion(
    o: &mut Office,
    on: chrono::NaiveDate,
    subject: &str,
    category: SuggestionCategory,
) -> i64 {
    suggestions::create(
        &mut o.store,
        &clerk(on),
        &SuggestionInput {
            term_id: None,
            session_no: 3,
            during_session: true,
            kind: SuggestionKind::Suggestion,
            lead_deputy_id: Some(o.deputies[0]),
            by_presidium: false,
            co_signer_ids: vec![o.deputies[1], o.deputies[2]],
            subject: subject.into(),
            content: String::new(),
            category,
            received_on: on.to_string(),
            key_supervision: false,
            published: false,
            notes: String::new(),
        },
    )
    .unwrap()
    .id
}

fn step(o: &mut Office, id: i64, s: Step) {
    suggestions::step(&mut o.store, &clerk(s.date()), id, &s).unwrap();
}

fn assign(o: &Office, on: chrono::NaiveDate, unit: usize) -> Step {
    Step::Assign {
        date: on,
        lead_unit_id: o.units[unit],
        co_unit_ids: vec![],
    }
}

fn reply(on: chrono::NaiveDate) -> Step {
    Step::Reply {
        date: on,
        signer: "镇长".into(),
        reply_category: "solved".into(),
        text: String::new(),
        attachment: String::new(),
        promised_on: None,
    }
}

fn eval(on: chrono::NaiveDate, result: Satisfaction) -> Step {
    Step::Evaluate {
        date: on,
        attitude: Satisfaction::Satisfied,
        result,
        comment: String::new(),
    }
}

fn close(on: chrono::NaiveDate) -> Step {
    Step::Close {
        date: on,
        note: String::new(),
    }
}

#[test]
fn the_rates_of_a_hand_built_year_have_the_known_answers() {
    let mut o = office("national");
    let d = |m, dd| day(2024, m, dd);
    let a = suggestion(
        &mut o,
        d(3, 1),
        "甲：不予立案",
        SuggestionCategory::Transport,
    );
    let b = suggestion(&mut o, d(3, 1), "乙：只交办", SuggestionCategory::Transport);
    let c = suggestion(
        &mut o,
        d(3, 1),
        "丙：已答复未评价",
        SuggestionCategory::Education,
    );
    let dd = suggestion(
        &mut o,
        d(3, 1),
        "丁：满意办结",
        SuggestionCategory::Education,
    );
    let e = suggestion(
        &mut o,
        d(3, 2),
        "戊：不满意后基本满意",
        SuggestionCategory::Health,
    );
    let f = suggestion(&mut o, d(3, 2), "己：不满意", SuggestionCategory::Health);
    let outside = suggestion(
        &mut o,
        d(1, 5),
        "去年会期外：不计入三月统计",
        SuggestionCategory::Health,
    );

    step(
        &mut o,
        a,
        Step::Decline {
            date: d(3, 5),
            reason: "不属于本级职权".into(),
        },
    );
    for id in [b, c, dd, e, f] {
        let s = assign(&o, d(3, 8), 0);
        step(&mut o, id, s);
    }
    let s = assign(&o, d(1, 8), 1);
    step(&mut o, outside, s);
    for id in [c, dd, e, f] {
        step(&mut o, id, reply(d(4, 20)));
    }
    step(&mut o, dd, eval(d(4, 25), Satisfaction::Satisfied));
    step(&mut o, dd, close(d(4, 26)));
    step(&mut o, e, eval(d(4, 25), Satisfaction::Dissatisfied));
    step(
        &mut o,
        e,
        Step::Rehandle {
            date: d(4, 26),
            reason: "再协调".into(),
        },
    );
    step(&mut o, e, reply(d(5, 20)));
    step(&mut o, e, eval(d(5, 25), Satisfaction::BasicallySatisfied));
    step(&mut o, e, close(d(5, 26)));
    step(&mut o, f, eval(d(4, 25), Satisfaction::Dissatisfied));

    let q = StatsQuery {
        from: Some(d(3, 1)),
        to: Some(d(3, 31)),
        ..StatsQuery::default()
    };
    let s = suggestions::stats::compute(o.store.conn(), &q, d(6, 30)).unwrap();
    let sorted = |mut v: Vec<i64>| {
        v.sort();
        v
    };
    assert_eq!(sorted(s.received.ids.clone()), vec![a, b, c, dd, e, f]);
    assert_eq!(s.not_accepted.ids, vec![a]);
    assert_eq!(
        (
            s.assigned.count,
            s.replied.count,
            s.closed.count,
            s.evaluated.count
        ),
        (5, 4, 2, 3)
    );
    // 办复率 4/5, 办结率 2/5, 满意率(含基本) 2/3 (丁 满意, 戊 final 基本满意), 仅满意 1/3,
    // first round 1/3 (only 丁 was content the first time).
    let r = |x: &taizhang_core::tally::CountedRatio| (x.numerator, x.denominator, x.percent);
    assert_eq!(r(&s.reply_rate), (4, 5, Some(80.0)));
    assert_eq!(r(&s.close_rate), (2, 5, Some(40.0)));
    assert_eq!(r(&s.satisfaction_rate), (2, 3, Some(66.7)));
    assert_eq!(r(&s.strict_satisfaction_rate), (1, 3, Some(33.3)));
    assert_eq!(r(&s.first_round_satisfaction), (1, 3, Some(33.3)));
    assert_eq!(
        sorted(s.satisfaction_rate.numerator_ids.clone()),
        sorted(vec![dd, e])
    );
    let edu = s.by_category.iter().find(|b| b.key == "education").unwrap();
    assert_eq!(
        (edu.count, edu.share.numerator, edu.share.denominator),
        (2, 2, 6)
    );
    assert_eq!(
        s.by_unit.len(),
        1,
        "the January one went to another unit, outside the period"
    );
    assert_eq!(s.by_unit[0].assigned.count, 5);
    assert_eq!(s.by_unit[0].reply_rate.numerator, 4);

    // April: the one received in January and still open on 1 April is carried over; March's
    // suggestions are not "carried" into March itself.
    let april = suggestions::stats::compute(
        o.store.conn(),
        &StatsQuery {
            from: Some(d(4, 1)),
            to: Some(d(4, 30)),
            ..StatsQuery::default()
        },
        d(6, 30),
    )
    .unwrap();
    assert_eq!(april.received.count, 0);
    assert_eq!(
        sorted(april.carried_over.ids.clone()),
        sorted(vec![b, c, dd, e, f, outside])
    );
}

#[test]
fn petition_deadlines_are_right_around_national_day_and_labour_day() {
    let mut o = office("shanghai");
    let p = petitions::create(
        &mut o.store,
        &clerk(day(2024, 9, 20)),
        &petition_input("2024-09-20 09:00", "反映路灯损坏"),
    )
    .unwrap();
    // 15 days from Friday 20 Sep 2024 end on Saturday 5 Oct, inside 国庆 (1-7 Oct): moved to Tuesday 8 Oct.
    let d = p.deadline.unwrap();
    assert_eq!(
        (d.stage_label, d.due.date),
        ("告知是否受理", day(2024, 10, 8))
    );
    assert!(d.due.explanation.contains("顺延"), "{}", d.due.explanation);

    // Accepted 5 March 2024: 60 days end Saturday 4 May, inside 劳动节 (1-5 May): due Monday 6 May.
    let p = petitions::create(
        &mut o.store,
        &clerk(day(2024, 3, 1)),
        &petition_input("2024-03-01 10:00", "反映欠薪"),
    )
    .unwrap();
    let det = petitions::step(
        &mut o.store,
        &clerk(day(2024, 3, 5)),
        p.id,
        &petitions::Step::Accept {
            date: day(2024, 3, 5),
            note: String::new(),
        },
    )
    .unwrap();
    assert_eq!(det.petition.deadline.unwrap().due.date, day(2024, 5, 6));

    // Shanghai: assign within 7 working days. From Friday 27 Sep 2024: Sun 29 Sep is a make-up
    // workday (1), Mon 30 (2), 1-7 Oct off, 8-11 Oct (3-6), Sat 12 Oct make-up workday (7).
    let s = suggestion(
        &mut o,
        day(2024, 9, 27),
        "节前收到的建议",
        SuggestionCategory::Transport,
    );
    let view = suggestions::get(o.store.conn(), s, day(2024, 9, 27)).unwrap();
    let d = view.deadline.unwrap();
    assert_eq!((d.stage_label, d.due.date), ("交办", day(2024, 10, 12)));
    assert_eq!(d.days_left, 15);
}

fn petition_input(at: &str, request: &str) -> PetitionInput {
    PetitionInput {
        channel: PetitionChannel::Visit,
        received_at: at.into(),
        anonymous: false,
        petitioner_name: Some("孙国庆".into()),
        sex: Some(Sex::Male),
        age: Some(58),
        address: Some("青山镇河口村三组18号".into()),
        phone: Some("13857112345".into()),
        id_number: Some("330521196603071231".into()),
        co_visitors: None,
        people_count: 1,
        request: request.into(),
        facts: String::new(),
        category: PetitionCategory::Construction,
        receiver: "林晓燕".into(),
        via_deputy_id: None,
        proposed_handling: String::new(),
        instruction: String::new(),
        confidential: false,
        link_ids: vec![],
    }
}

#[test]
fn a_group_visits_other_visitors_are_sealed_like_the_petitioner() {
    let mut o = office("national");
    let s = clerk(day(2025, 3, 1));
    let mut input = petition_input("2025-03-01 09:00", "反映河口村灌溉渠堵塞，要求清淤");
    input.people_count = 6;
    input.co_visitors = Some(vec!["钱多多".into(), " 周小满 ".into(), "".into()]);
    let p = petitions::create(&mut o.store, &s, &input).unwrap();
    // Shown masked; the blank line is dropped, the names trimmed.
    assert_eq!(p.co_visitors, vec!["钱**", "周**"]);
    let who = petitions::reveal(&mut o.store, &s, p.id, "核实同行人员").unwrap();
    assert_eq!(who.co_visitors, vec!["钱多多", "周小满"]);
    // The history snapshot never holds them in clear.
    let h = taizhang_core::registry::history(
        o.store.conn(),
        Some(taizhang_core::history::Entity::Petition),
        Some(p.id),
        1,
        50,
    )
    .unwrap()
    .items;
    let dump = serde_json::to_string(&h).unwrap();
    assert!(
        !dump.contains("钱多多") && !dump.contains("周小满"),
        "{dump}"
    );
    // An edit that does not send the names keeps them (the form never unseals to save).
    let mut edit = petition_input("2025-03-01 09:00", "反映河口村灌溉渠堵塞，要求尽快清淤");
    edit.people_count = 6;
    edit.petitioner_name = None;
    edit.phone = None;
    edit.address = None;
    edit.id_number = None;
    petitions::update(&mut o.store, &s, p.id, &edit).unwrap();
    assert_eq!(
        petitions::record(o.store.conn(), p.id).unwrap().co_visitors,
        vec!["钱多多", "周小满"]
    );

    // More names than other people, or names for an anonymous visit: refused, nothing written.
    let before = petitions::record(o.store.conn(), p.id).unwrap();
    let mut crowded = edit.clone();
    crowded.people_count = 2;
    let e = petitions::update(&mut o.store, &s, p.id, &crowded).unwrap_err();
    assert_eq!(e.field(), Some("co_visitors"), "{e}");
    assert!(e.to_string().contains("人数"), "{e}");
    let mut nameless = petition_input("2025-03-01 10:00", "匿名反映");
    nameless.anonymous = true;
    nameless.petitioner_name = None;
    nameless.phone = None;
    nameless.address = None;
    nameless.id_number = None;
    nameless.sex = None;
    nameless.age = None;
    nameless.people_count = 3;
    nameless.co_visitors = Some(vec!["钱多多".into()]);
    let e = petitions::create(&mut o.store, &s, &nameless).unwrap_err();
    assert_eq!(e.field(), Some("co_visitors"), "{e}");
    assert_eq!(petitions::record(o.store.conn(), p.id).unwrap(), before);
}

#[test]
fn a_repeat_visit_is_found_by_person_and_by_matter_and_linked() {
    let mut o = office("national");
    let s = clerk(day(2025, 3, 1));
    let first = petitions::create(
        &mut o.store,
        &s,
        &petition_input(
            "2025-03-01 09:00",
            "反映青山村至河口村道路坑洼严重，要求尽快修复",
        ),
    )
    .unwrap();
    let mut other = petition_input("2025-03-02 09:00", "申请农村低保，家中老人长期患病");
    other.petitioner_name = Some("钱桂芳".into());
    other.phone = Some("13900001111".into());
    other.id_number = None;
    let unrelated = petitions::create(&mut o.store, &clerk(day(2025, 3, 2)), &other).unwrap();

    // Three months later the same villager comes with six neighbours about the same road.
    let probe = similar::PetitionProbe {
        petitioner_name: "孙国庆".into(),
        phone: "138-5711-2345".into(),
        id_number: String::new(),
        request: "青山村到河口村的道路损坏，希望修路".into(),
        exclude_id: None,
    };
    let found = similar::find(o.store.conn(), &probe, day(2025, 6, 1)).unwrap();
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        found.iter().map(|f| &f.reason).collect::<Vec<_>>()
    );
    assert_eq!(found[0].petition.id, first.id);
    assert!(
        found[0].same_person && found[0].same_matter,
        "{}",
        found[0].reason
    );
    assert_eq!(
        found[0].petition.petitioner, "孙**",
        "detection never unmasks"
    );
    assert!(!found.iter().any(|f| f.petition.id == unrelated.id));

    // A stranger on the same matter is found by the matter only.
    let by_matter = similar::find(
        o.store.conn(),
        &similar::PetitionProbe {
            petitioner_name: "周某".into(),
            request: "河口村道路坑洼，车辆无法通行".into(),
            ..Default::default()
        },
        day(2025, 6, 1),
    )
    .unwrap();
    assert!(by_matter
        .iter()
        .any(|f| f.petition.id == first.id && !f.same_person && f.same_matter));

    let mut again = petition_input("2025-06-01 14:30", "青山村到河口村的道路损坏，希望修路");
    again.people_count = 7;
    again.link_ids = vec![first.id];
    let p = petitions::create(&mut o.store, &clerk(day(2025, 6, 1)), &again).unwrap();
    assert!(p.group_visit);
    assert_eq!(p.linked.len(), 1);
    assert_eq!(p.linked[0].number, first.number);
    let stats = petitions::stats::compute(
        o.store.conn(),
        &StatsQuery {
            from: Some(day(2025, 1, 1)),
            to: Some(day(2025, 12, 31)),
            ..Default::default()
        },
        day(2025, 6, 1),
    )
    .unwrap();
    assert_eq!(stats.group_visits.ids, vec![p.id]);
    let mut repeats = stats.repeats.ids.clone();
    repeats.sort();
    assert_eq!(
        repeats,
        vec![first.id, p.id],
        "both ends of a link are repeat petitions"
    );
    assert_eq!(stats.people, 9);
}

#[test]
fn the_petitioner_is_sealed_in_lists_history_and_search_and_every_reveal_is_recorded() {
    let mut o = office("national");
    let s = clerk(day(2025, 3, 1));
    let p = petitions::create(
        &mut o.store,
        &s,
        &petition_input("2025-03-01 09:00", "反映路灯损坏"),
    )
    .unwrap();
    let mut edit = petition_input("2025-03-01 09:00", "反映路灯损坏多时");
    edit.phone = Some("13857199999".into());
    petitions::update(&mut o.store, &s, p.id, &edit).unwrap();

    // A correction without the identity (None) keeps the stored identity.
    let mut fix = edit.clone();
    fix.petitioner_name = None;
    fix.phone = None;
    fix.address = None;
    fix.id_number = None;
    fix.category = PetitionCategory::UrbanManagement;
    petitions::update(&mut o.store, &s, p.id, &fix).unwrap();
    let kept = petitions::reveal(&mut o.store, &s, p.id, "核对").unwrap();
    assert_eq!(
        (
            kept.petitioner_name.as_str(),
            kept.phone.as_str(),
            kept.id_number.as_str()
        ),
        ("孙国庆", "13857199999", "330521196603071231")
    );
    let page = petitions::list(o.store.conn(), &Default::default(), day(2025, 3, 1)).unwrap();
    let text = serde_json::to_string(&page).unwrap();
    for secret in [
        "孙国庆",
        "13857112345",
        "13857199999",
        "330521196603071231",
        "三组18号",
    ] {
        assert!(!text.contains(secret), "list leaks {secret}");
    }
    assert!(text.contains("孙**") && text.contains("138****9999"));
    let hist = serde_json::to_string(
        &taizhang_core::registry::history(
            o.store.conn(),
            Some(taizhang_core::history::Entity::Petition),
            Some(p.id),
            1,
            50,
        )
        .unwrap(),
    )
    .unwrap();
    for secret in ["孙国庆", "13857112345", "13857199999", "330521196603071231"] {
        assert!(!hist.contains(secret), "history leaks {secret}");
    }
    let by_name = petitions::list(
        o.store.conn(),
        &petitions::PetitionQuery {
            search: Some("孙国庆".into()),
            ..Default::default()
        },
        day(2025, 3, 1),
    )
    .unwrap();
    assert_eq!(by_name.total, 0, "search never matches the sealed identity");

    let err = petitions::reveal(&mut o.store, &s, p.id, " ").unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    let who =
        petitions::reveal(&mut o.store, &clerk(day(2025, 3, 2)), p.id, "回访需要联系").unwrap();
    assert_eq!(
        (who.petitioner_name.as_str(), who.phone.as_str()),
        ("孙国庆", "13857199999")
    );
    let reveals: Vec<_> = taizhang_core::registry::history(
        o.store.conn(),
        Some(taizhang_core::history::Entity::Petition),
        Some(p.id),
        1,
        50,
    )
    .unwrap()
    .items
    .into_iter()
    .filter(|h| h.action == "reveal")
    .collect();
    assert_eq!(reveals.len(), 2, "the check above and this one");
    assert_eq!(
        (reveals[0].actor.as_str(), reveals[0].at.as_str()),
        ("测试秘书", "2025-03-02 10:00:00")
    );

    // A whistleblower's petition shows not even the surname.
    let mut w = petition_input("2025-03-03 09:00", "检举村干部");
    w.confidential = true;
    let wp = petitions::create(&mut o.store, &clerk(day(2025, 3, 3)), &w).unwrap();
    assert_eq!(wp.petitioner, "（保密）");
    assert_eq!(wp.address_masked, "（保密）");
}

#[test]
fn switching_the_profile_shows_what_moves_and_moves_only_open_cases_when_asked() {
    let mut o = office("national");
    let open = suggestion(
        &mut o,
        day(2025, 3, 3),
        "在办：尚未交办",
        SuggestionCategory::Transport,
    );
    let done = suggestion(
        &mut o,
        day(2025, 3, 3),
        "已办结",
        SuggestionCategory::Transport,
    );
    for s in [
        assign(&o, day(2025, 3, 5), 0),
        reply(day(2025, 4, 1)),
        eval(day(2025, 4, 2), Satisfaction::Satisfied),
        close(day(2025, 4, 3)),
    ] {
        step(&mut o, done, s);
    }
    let today = day(2025, 3, 4);
    assert!(
        suggestions::get(o.store.conn(), open, today)
            .unwrap()
            .deadline
            .is_none(),
        "no national assignment limit"
    );

    let quiet = followup::preview_switch(o.store.conn(), "shanghai", false, today).unwrap();
    assert!(quiet.changes.is_empty());
    let preview = followup::preview_switch(o.store.conn(), "shanghai", true, today).unwrap();
    assert_eq!(
        preview.changes.len(),
        1,
        "only the open case moves: {:?}",
        preview.changes
    );
    assert_eq!(preview.changes[0].id, open);
    assert_eq!(preview.changes[0].before, None);
    // 7 working days from Monday 3 March 2025: Tuesday 12 March... counted: 4,5,6,7,10,11,12.
    assert_eq!(preview.changes[0].after, Some(day(2025, 3, 12)));
    let profile_before: String = o
        .store
        .conn()
        .query_row(
            "SELECT profile FROM suggestions WHERE id = ?1",
            [open],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(profile_before, "national@1", "a preview changes nothing");

    followup::switch(&mut o.store, &clerk(today), "shanghai", true).unwrap();
    assert_eq!(rules::current(o.store.conn()).unwrap().id, "shanghai");
    assert_eq!(
        suggestions::get(o.store.conn(), open, today)
            .unwrap()
            .deadline
            .unwrap()
            .due
            .date,
        day(2025, 3, 12)
    );
    let kept: String = o
        .store
        .conn()
        .query_row(
            "SELECT profile FROM suggestions WHERE id = ?1",
            [done],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        kept, "national@1",
        "a closed case keeps the rules it ran under"
    );
    assert!(taizhang_core::registry::history(
        o.store.conn(),
        Some(taizhang_core::history::Entity::Suggestion),
        Some(open),
        1,
        10
    )
    .unwrap()
    .items
    .iter()
    .any(|h| h.note.contains("新的办理规则")));
    assert!(suggestions::projection_mismatches(o.store.conn())
        .unwrap()
        .is_empty());
}

#[test]
fn a_batch_assignment_lands_whole_or_not_at_all_and_names_the_bad_row() {
    let mut o = office("national");
    let ids: Vec<i64> = (0..3)
        .map(|i| {
            suggestion(
                &mut o,
                day(2025, 3, 3),
                &format!("会议建议{i}"),
                SuggestionCategory::Economy,
            )
        })
        .collect();
    let retired = units::update(
        &mut o.store,
        &clerk(day(2025, 3, 3)),
        o.units[2],
        &HandlingUnitInput {
            name: "镇农业农村办公室".into(),
            contact: String::new(),
            phone: String::new(),
            active: false,
        },
    )
    .unwrap();
    let rows = |unit2: i64| -> Vec<AssignmentInput> {
        vec![
            AssignmentInput {
                suggestion_id: ids[0],
                lead_unit_id: o.units[0],
                co_unit_ids: vec![o.units[1]],
            },
            AssignmentInput {
                suggestion_id: ids[1],
                lead_unit_id: unit2,
                co_unit_ids: vec![],
            },
            AssignmentInput {
                suggestion_id: ids[2],
                lead_unit_id: o.units[1],
                co_unit_ids: vec![],
            },
        ]
    };
    let err = suggestions::assign_many(
        &mut o.store,
        &clerk(day(2025, 3, 10)),
        "2025-03-10",
        &rows(retired.id),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("第 2 行") && err.to_string().contains("停用"),
        "{err}"
    );
    assert_eq!(
        count(&o.store, "suggestion_steps"),
        0,
        "nothing was written"
    );
    let done = suggestions::assign_many(
        &mut o.store,
        &clerk(day(2025, 3, 10)),
        "2025-03-10",
        &rows(o.units[0]),
    )
    .unwrap();
    assert!(done.iter().all(|s| s.state == SuggestionState::Assigned));
    assert_eq!(done[0].co_units[0].name, "镇财政所");
}

#[test]
fn only_the_latest_step_can_be_voided_and_the_state_steps_back() {
    let mut o = office("national");
    let id = suggestion(
        &mut o,
        day(2025, 3, 3),
        "误录答复",
        SuggestionCategory::Economy,
    );
    let s = assign(&o, day(2025, 3, 5), 0);
    step(&mut o, id, s);
    step(&mut o, id, reply(day(2025, 4, 1)));
    let det = suggestions::detail(o.store.conn(), id, day(2025, 4, 2)).unwrap();
    let (first, last) = (det.steps[0].id, det.steps[1].id);
    let err =
        suggestions::void_step(&mut o.store, &clerk(day(2025, 4, 2)), first, "x").unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    let det = suggestions::void_step(&mut o.store, &clerk(day(2025, 4, 2)), last, "答复日期录错")
        .unwrap();
    assert_eq!(det.suggestion.state, SuggestionState::Assigned);
    assert!(det.steps[1].voided, "the voided step stays, struck through");
    assert_eq!(det.steps.len(), 2);
    assert!(det.allowed.contains(&"reply"));
}

#[test]
fn a_motion_needs_five_deputies_or_the_presidium_and_a_bad_field_is_named() {
    let mut o = office("national");
    let mut input = SuggestionInput {
        term_id: None,
        session_no: 3,
        during_session: true,
        kind: SuggestionKind::Motion,
        lead_deputy_id: Some(o.deputies[0]),
        by_presidium: false,
        co_signer_ids: vec![o.deputies[1], o.deputies[2], o.deputies[3]],
        subject: "关于制定村庄规划的议案".into(),
        content: String::new(),
        category: SuggestionCategory::UrbanConstruction,
        received_on: "2025-03-03".into(),
        key_supervision: true,
        published: false,
        notes: String::new(),
    };
    let s = clerk(day(2025, 3, 3));
    let err = suggestions::create(&mut o.store, &s, &input).unwrap_err();
    assert_eq!(err.field(), Some("co_signer_ids"));
    assert!(
        err.to_string().contains("5 人以上") && err.to_string().contains("现为 4 人"),
        "{err}"
    );
    input.co_signer_ids.push(o.deputies[4]);
    let m = suggestions::create(&mut o.store, &s, &input).unwrap();
    assert_eq!(m.number, "20-3-001");
    assert!(m.number_label.contains("议案第1号"), "{}", m.number_label);

    let mut bad = input.clone();
    bad.subject = "  ".into();
    assert_eq!(
        suggestions::create(&mut o.store, &s, &bad)
            .unwrap_err()
            .field(),
        Some("subject")
    );
    bad = input.clone();
    bad.received_on = "2025-13-01".into();
    assert_eq!(
        suggestions::create(&mut o.store, &s, &bad)
            .unwrap_err()
            .field(),
        Some("received_on")
    );
    assert_eq!(
        count(&o.store, "suggestions"),
        1,
        "refused inputs wrote nothing"
    );
    // Numbers continue and are never reused, a void included.
    suggestions::void(&mut o.store, &s, m.id, "重复").unwrap();
    let next = suggestions::create(&mut o.store, &s, &input).unwrap();
    assert_eq!(next.number, "20-3-002");
}

#[test]
fn the_demo_year_has_every_state_of_both_books_and_work_on_the_dashboard() {
    let (_dir, mut store) = temp_store();
    let today = day(2026, 11, 23);
    demo::seed(&mut store, 7, today).unwrap();
    let all = suggestions::list(
        store.conn(),
        &suggestions::SuggestionQuery {
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    for st in SuggestionState::ALL {
        assert!(
            all.items.iter().any(|s| s.state == *st),
            "no suggestion in state {}",
            st.label()
        );
    }
    let all = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    for st in PetitionState::ALL {
        assert!(
            all.items.iter().any(|p| p.state == *st),
            "no petition in state {}",
            st.label()
        );
    }
    let board = followup::dashboard(store.conn(), today, 7).unwrap();
    assert!(!board.overdue.is_empty() && !board.due_soon.is_empty());
    assert!(!board.awaiting_evaluation.is_empty() && !board.promises.is_empty());
    assert!(board.per_unit.iter().any(|u| u.late > 0));
    // Every kind of row the history holds has a name for the 操作记录 filter.
    let mut stmt = store
        .conn()
        .prepare("SELECT DISTINCT entity FROM history")
        .unwrap();
    let entities: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let names = taizhang_core::vocab::vocabulary().entities;
    for e in &entities {
        assert!(
            names.iter().any(|c| c.value == *e),
            "history entity {e} has no label"
        );
    }
    assert!(entities.len() >= 10, "{entities:?}");
    // The other books of the demo year.
    let deeds = taizhang_core::deeds::list(store.conn(), &Default::default()).unwrap();
    assert!(
        deeds.total >= 5
            && deeds.items.iter().any(|d| d.suggestion.is_some())
            && deeds.items.iter().any(|d| !d.honour.is_empty())
    );
    let docs = taizhang_core::documents::list(
        store.conn(),
        &taizhang_core::documents::DocumentQuery {
            include_voided: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(docs.total >= 50 && docs.items.iter().any(|d| d.voided));
    assert_eq!(
        suggestions::projection_mismatches(store.conn()).unwrap(),
        Vec::<i64>::new()
    );
    assert_eq!(
        petitions::projection_mismatches(store.conn()).unwrap(),
        Vec::<i64>::new()
    );
    // The SQL filters on the projection agree with the replayed views.
    let open = suggestions::list(
        store.conn(),
        &suggestions::SuggestionQuery {
            open: Some(true),
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    let replayed_open = suggestions::list(
        store.conn(),
        &suggestions::SuggestionQuery {
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap()
    .items
    .into_iter()
    .filter(|s| {
        !matches!(
            s.state,
            SuggestionState::Closed | SuggestionState::NotAccepted
        )
    })
    .count();
    assert_eq!(open.total, replayed_open);
    let late = suggestions::list(
        store.conn(),
        &suggestions::SuggestionQuery {
            overdue: Some(true),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert!(
        late.total > 0
            && late
                .items
                .iter()
                .all(|s| s.deadline.as_ref().is_some_and(|d| d.overdue))
    );
    let page2 = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            page: Some(2),
            page_size: Some(10),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    let all = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(
        page2.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        all.items[10..20].iter().map(|p| p.id).collect::<Vec<_>>()
    );
    let road = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            search: Some("道路".into()),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert!(road.total >= 2 && road.items.iter().all(|p| p.request.contains("道路")));
    assert!(backup_ok(&store));
    let _ = json!({});
}

fn backup_ok(store: &Store) -> bool {
    taizhang_core::backup::verify(store).unwrap().ok
}

/// The home page's per-unit figures and the list a click on them opens count the same cases,
/// for every unit of several demo offices (co-handled, returned and reassigned cases among
/// them): one definition, lead or co-handling unit of the assignment in force.
#[test]
fn each_units_figure_on_the_dashboard_is_the_list_it_opens() {
    for seed in [1u64, 2, 3] {
        let (_dir, mut store) = temp_store();
        demo::seed(&mut store, seed, today()).unwrap();
        let d = followup::dashboard(store.conn(), today(), 7).unwrap();
        assert!(!d.per_unit.is_empty(), "the demo has units at work");
        for row in &d.per_unit {
            let listed = suggestions::list(
                store.conn(),
                &suggestions::SuggestionQuery {
                    unit_id: Some(row.unit.id),
                    open: Some(true),
                    ..Default::default()
                },
                today(),
            )
            .unwrap()
            .total;
            assert_eq!(
                listed, row.suggestions_open,
                "seed {seed}, {}: the figure and its list disagree",
                row.unit.name
            );
            let listed = petitions::list(
                store.conn(),
                &petitions::PetitionQuery {
                    unit_id: Some(row.unit.id),
                    open: Some(true),
                    ..Default::default()
                },
                today(),
            )
            .unwrap()
            .total;
            assert_eq!(
                listed, row.petitions_open,
                "seed {seed}, {}: petitions",
                row.unit.name
            );
        }
    }
}
