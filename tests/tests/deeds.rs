//! The exemplary deeds book on real database files: deputies required, honour needs its level,
//! only a suggestion whose result was good becomes a deed (prefilled from it and linked back),
//! numbering per year, search by a deputy's initials, voiding kept in the history.

use taizhang_core::deeds::{self, DeedInput, DeedQuery};
use taizhang_core::roster::deputy;
use taizhang_core::suggestions::{self, Step, SuggestionInput};
use taizhang_core::units::{self, HandlingUnitInput};
use taizhang_core::vocab::*;
use taizhang_tests::*;

fn deed(deputy_ids: Vec<i64>, date: &str, title: &str) -> DeedInput {
    DeedInput {
        deputy_ids,
        date: date.into(),
        category: DeedCategory::Emergency,
        title: title.into(),
        summary: String::new(),
        evidence: String::new(),
        honour: String::new(),
        honour_level: None,
        honour_body: String::new(),
        honour_date: None,
        publicised: String::new(),
        suggestion_id: None,
        notes: String::new(),
    }
}

#[test]
fn a_deed_needs_its_deputies_and_an_honour_its_level() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2025, 8, 1));
    let zhang = deputy::create(&mut store, &s, &deputy_input("张建国"))
        .unwrap()
        .id;
    let e = deeds::create(&mut store, &s, &deed(vec![], "2025-07-20", "抗洪")).unwrap_err();
    assert_eq!(e.field(), Some("deputy_ids"));
    let mut honoured = deed(vec![zhang], "2025-07-20", "汛期组织群众转移");
    honoured.honour = "县抗洪抢险先进个人".into();
    assert_eq!(
        deeds::create(&mut store, &s, &honoured)
            .unwrap_err()
            .field(),
        Some("honour_level")
    );
    honoured.honour_level = Some(Level::County);
    let d = deeds::create(&mut store, &s, &honoured).unwrap();
    assert_eq!(d.number, "事迹〔2025〕第1号");
    assert_eq!(d.deputies[0].name, "张建国");
    assert_eq!(count(&store, "deeds"), 1, "refused inputs wrote nothing");

    let found = deeds::list(
        store.conn(),
        &DeedQuery {
            search: Some("zjg".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.total, 1, "found by the deputy's pinyin initials");
    let mine = deeds::list(
        store.conn(),
        &DeedQuery {
            deputy_id: Some(zhang),
            honoured: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(mine.items[0].id, d.id);

    deeds::void(&mut store, &s, d.id, "重复登记").unwrap();
    assert_eq!(
        deeds::list(store.conn(), &DeedQuery::default())
            .unwrap()
            .total,
        0
    );
    let again = deeds::create(&mut store, &s, &honoured).unwrap();
    assert_eq!(
        again.number, "事迹〔2025〕第2号",
        "numbers are never reused"
    );
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::Deed),
        Some(d.id),
        1,
        10,
    )
    .unwrap();
    assert_eq!(h.items[0].action, "void");
    assert_eq!(h.items[0].entity_label, "事迹〔2025〕第1号");
}

#[test]
fn only_a_suggestion_with_a_good_result_becomes_a_deed_linked_back() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2025, 3, 1));
    let lead = deputy::create(&mut store, &s, &deputy_input("李秀英"))
        .unwrap()
        .id;
    let co = deputy::create(&mut store, &s, &deputy_input("王卫东"))
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
    let sid = suggestions::create(
        &mut store,
        &s,
        &SuggestionInput {
            term_id: None,
            session_no: 4,
            during_session: true,
            kind: SuggestionKind::Suggestion,
            lead_deputy_id: Some(lead),
            by_presidium: false,
            co_signer_ids: vec![co],
            subject: "关于修缮河口村便民桥的建议".into(),
            content: String::new(),
            category: SuggestionCategory::Transport,
            received_on: "2025-03-01".into(),
            key_supervision: false,
            published: false,
            notes: String::new(),
        },
    )
    .unwrap()
    .id;
    let step = |store: &mut taizhang_core::Store, st: Step| {
        suggestions::step(store, &clerk(st.date()), sid, &st).unwrap();
    };
    step(
        &mut store,
        Step::Assign {
            date: day(2025, 3, 5),
            lead_unit_id: unit,
            co_unit_ids: vec![],
        },
    );
    step(
        &mut store,
        Step::Reply {
            date: day(2025, 5, 5),
            signer: "镇长".into(),
            reply_category: "solved".into(),
            text: "便民桥已于五月修缮完工。".into(),
            attachment: String::new(),
            promised_on: None,
        },
    );
    let e = deeds::draft_from_suggestion(store.conn(), sid, day(2025, 5, 6)).unwrap_err();
    assert_eq!(e.code(), "invalid_transition", "not closed yet: {e}");
    step(
        &mut store,
        Step::Evaluate {
            date: day(2025, 5, 10),
            attitude: Satisfaction::Satisfied,
            result: Satisfaction::Satisfied,
            comment: String::new(),
        },
    );
    step(
        &mut store,
        Step::Close {
            date: day(2025, 5, 12),
            note: String::new(),
        },
    );

    let draft = deeds::draft_from_suggestion(store.conn(), sid, day(2025, 6, 1)).unwrap();
    assert_eq!(draft.deputy_ids, vec![lead, co]);
    assert_eq!(draft.suggestion_id, Some(sid));
    assert_eq!(draft.date, "2025-05-12");
    assert!(draft.title.contains("修缮河口村便民桥"), "{}", draft.title);
    assert!(
        draft.summary.contains("便民桥已于五月修缮完工") && draft.summary.contains("满意"),
        "{}",
        draft.summary
    );
    let d = deeds::create(&mut store, &clerk(day(2025, 6, 1)), &draft).unwrap();
    let link = d.suggestion.unwrap();
    assert_eq!(
        (link.id, link.subject.as_str()),
        (sid, "关于修缮河口村便民桥的建议")
    );
    assert_eq!(
        deeds::list(
            store.conn(),
            &DeedQuery {
                deputy_id: Some(co),
                ..Default::default()
            }
        )
        .unwrap()
        .total,
        1,
        "the co-signer's deed too"
    );
    let e = deeds::draft_from_suggestion(store.conn(), sid, day(2025, 6, 2)).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("conflict", Some("suggestion_id")),
        "turned once: {e}"
    );
    assert!(e.to_string().contains(&d.number));
    deeds::void(&mut store, &clerk(day(2025, 6, 2)), d.id, "登记错了").unwrap();
    assert!(
        deeds::draft_from_suggestion(store.conn(), sid, day(2025, 6, 2)).is_ok(),
        "free again once voided"
    );
}
