//! The deputy's duty record on a real database: suggestions led and co-signed with their outcome,
//! deeds, petitions passed on and status events, counted per year and cut by the period.

use taizhang_core::deeds::{self, DeedInput};
use taizhang_core::duty_record as record;
use taizhang_core::petitions::{self, PetitionInput};
use taizhang_core::roster::deputy;
use taizhang_core::roster::status::{self, DeputyEventInput};
use taizhang_core::suggestions::{self, Step, SuggestionInput};
use taizhang_core::units::{self, HandlingUnitInput};
use taizhang_core::vocab::*;
use taizhang_tests::*;

fn suggestion(lead: i64, co: Vec<i64>, on: &str, subject: &str) -> SuggestionInput {
    SuggestionInput {
        term_id: None,
        session_no: 3,
        during_session: true,
        kind: SuggestionKind::Suggestion,
        lead_deputy_id: Some(lead),
        by_presidium: false,
        co_signer_ids: co,
        subject: subject.into(),
        content: String::new(),
        category: SuggestionCategory::Transport,
        received_on: on.into(),
        key_supervision: false,
        published: false,
        notes: String::new(),
    }
}

#[test]
fn the_record_gathers_the_books_for_a_deputy_and_counts_per_year() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2025, 12, 1));
    let me = deputy::create(&mut store, &s, &deputy_input("张建国"))
        .unwrap()
        .id;
    let other = deputy::create(&mut store, &s, &deputy_input("李秀英"))
        .unwrap()
        .id;
    let unit = units::create(
        &mut store,
        &s,
        &HandlingUnitInput {
            name: "镇建设管理办公室".into(),
            contact: String::new(),
            phone: String::new(),
            active: true,
        },
    )
    .unwrap()
    .id;

    let a = suggestions::create(
        &mut store,
        &s,
        &suggestion(me, vec![other], "2024-03-01", "甲：2024年领衔"),
    )
    .unwrap()
    .id;
    suggestions::create(
        &mut store,
        &s,
        &suggestion(other, vec![me], "2025-03-01", "乙：2025年附议"),
    )
    .unwrap();
    suggestions::create(
        &mut store,
        &s,
        &suggestion(me, vec![], "2025-04-01", "丙：2025年领衔"),
    )
    .unwrap();
    suggestions::create(
        &mut store,
        &s,
        &suggestion(other, vec![], "2025-04-02", "丁：与我无关"),
    )
    .unwrap();
    for st in [
        Step::Assign {
            date: day(2024, 3, 5),
            lead_unit_id: unit,
            co_unit_ids: vec![],
        },
        Step::Reply {
            date: day(2024, 5, 5),
            signer: "镇长".into(),
            reply_category: "solved".into(),
            text: String::new(),
            attachment: String::new(),
            promised_on: None,
        },
        Step::Evaluate {
            date: day(2024, 5, 9),
            attitude: Satisfaction::Satisfied,
            result: Satisfaction::BasicallySatisfied,
            comment: String::new(),
        },
        Step::Close {
            date: day(2024, 5, 10),
            note: String::new(),
        },
    ] {
        suggestions::step(&mut store, &clerk(st.date()), a, &st).unwrap();
    }
    deeds::create(
        &mut store,
        &s,
        &DeedInput {
            deputy_ids: vec![me],
            date: "2025-07-20".into(),
            category: DeedCategory::Emergency,
            title: "汛期组织群众转移".into(),
            summary: String::new(),
            evidence: String::new(),
            honour: String::new(),
            honour_level: None,
            honour_body: String::new(),
            honour_date: None,
            publicised: String::new(),
            suggestion_id: None,
            notes: String::new(),
        },
    )
    .unwrap();
    petitions::create(
        &mut store,
        &s,
        &PetitionInput {
            channel: PetitionChannel::DeputyReferral,
            received_at: "2025-06-01 10:00".into(),
            anonymous: true,
            petitioner_name: None,
            sex: None,
            age: None,
            address: None,
            phone: None,
            id_number: None,
            co_visitors: None,
            people_count: 1,
            request: "反映村道损坏".into(),
            facts: String::new(),
            category: PetitionCategory::Construction,
            receiver: String::new(),
            via_deputy_id: Some(me),
            proposed_handling: String::new(),
            instruction: String::new(),
            confidential: false,
            link_ids: vec![],
        },
    )
    .unwrap();
    status::add_event(
        &mut store,
        &clerk(day(2025, 10, 1)),
        &DeputyEventInput {
            deputy_id: me,
            kind: EventKind::Suspension,
            date: "2025-10-01".into(),
            reason: "暂停执行代表职务".into(),
            notice_no: String::new(),
            ground: None,
            votes_for: None,
            votes_total: None,
            confirm: None,
        },
    )
    .unwrap();

    let r = record::record(store.conn(), me, None, None, day(2025, 12, 1)).unwrap();
    assert_eq!(
        (r.from, r.to),
        (day(2021, 11, 20), day(2025, 12, 1)),
        "the term up to today by default"
    );
    let subjects =
        |v: &[record::RecordSuggestion]| v.iter().map(|s| s.subject.clone()).collect::<Vec<_>>();
    assert_eq!(
        subjects(&r.suggestions_led),
        vec!["甲：2024年领衔", "丙：2025年领衔"]
    );
    assert_eq!(subjects(&r.suggestions_cosigned), vec!["乙：2025年附议"]);
    assert_eq!(
        r.suggestions_led[0].final_result,
        Some(Satisfaction::BasicallySatisfied)
    );
    assert_eq!(r.deeds.len(), 1);
    assert_eq!(r.petitions_passed_on.len(), 1);
    assert_eq!(r.events.len(), 1);
    let y = |year: i32| r.by_year.iter().find(|y| y.year == year).unwrap().clone();
    assert_eq!(r.by_year.first().unwrap().year, 2021);
    assert_eq!(
        (
            y(2024).suggestions_led,
            y(2024).satisfied,
            y(2024).suggestions_cosigned
        ),
        (1, 1, 0)
    );
    assert_eq!(
        (
            y(2025).suggestions_led,
            y(2025).suggestions_cosigned,
            y(2025).deeds,
            y(2025).petitions_passed_on,
            y(2025).events
        ),
        (1, 1, 1, 1, 1)
    );
    assert!(
        r.not_yet_recorded.is_empty(),
        "the sessions book records what was named as not yet recorded: {:?}",
        r.not_yet_recorded
    );

    // A period cuts every part.
    let r = record::record(
        store.conn(),
        me,
        Some(day(2025, 1, 1)),
        Some(day(2025, 6, 30)),
        day(2025, 12, 1),
    )
    .unwrap();
    assert_eq!(subjects(&r.suggestions_led), vec!["丙：2025年领衔"]);
    assert!(r.deeds.is_empty() && r.events.is_empty());
    assert_eq!(r.petitions_passed_on.len(), 1);
    assert_eq!(
        r.by_year.iter().map(|y| y.year).collect::<Vec<_>>(),
        vec![2025]
    );
    let e = record::record(
        store.conn(),
        me,
        Some(day(2025, 6, 1)),
        Some(day(2025, 1, 1)),
        day(2025, 12, 1),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("to"));
}
