//! The document register on real database files: numbering per direction and year, the 文号 in any
//! bracket form caught as a duplicate, search across bracket forms, circulation and archiving with
//! their history, voiding.

use taizhang_core::documents::{
    self, ArchiveInput, DocumentInput, DocumentQuery, DocumentReadInput,
};
use taizhang_core::vocab::*;
use taizhang_tests::*;

fn received(date: &str, issuer: &str, doc_number: &str, title: &str) -> DocumentInput {
    DocumentInput {
        direction: DocumentDirection::Received,
        date: date.into(),
        issuer: issuer.into(),
        issuer_level: Some(IssuerLevel::County),
        doc_number: doc_number.into(),
        title: title.into(),
        classification: Classification::Public,
        urgency: Urgency::Normal,
        copies: 1,
        attachments: String::new(),
        instruction: String::new(),
        handler: "林晓燕".into(),
        signed_by: "林晓燕".into(),
        sent_to: String::new(),
        reply_doc_number: String::new(),
        notes: String::new(),
    }
}

#[test]
fn the_same_document_in_other_brackets_is_caught_and_nothing_is_written() {
    let (_dir, mut store) = temp_store();
    let s = clerk(day(2025, 5, 20));
    let first = documents::create(
        &mut store,
        &s,
        &received(
            "2025-05-06",
            "县人大常委会",
            "县人大常[2025]12号",
            "关于做好代表建议督办工作的通知",
        ),
    )
    .unwrap();
    assert_eq!(first.number, "收文〔2025〕第1号");
    assert_eq!(
        first.doc_number, "县人大常〔2025〕12号",
        "stored in the standard form"
    );

    let again = received(
        "2025-05-07",
        "县人大常委会",
        "县人大常（2025）第12号",
        "同一文件",
    );
    let e = documents::create(&mut store, &s, &again).unwrap_err();
    assert_eq!((e.code(), e.field()), ("conflict", Some("doc_number")));
    assert!(e.to_string().contains("收文〔2025〕第1号"), "{e}");
    assert_eq!(
        count(&store, "documents"),
        1,
        "the refused one wrote nothing"
    );

    // Another issuer's number 12, or the same issuer's 13, is another document.
    documents::create(
        &mut store,
        &s,
        &received(
            "2025-05-07",
            "县委办公室",
            "县人大常〔2025〕12号",
            "另一机关",
        ),
    )
    .unwrap();
    let third = documents::create(
        &mut store,
        &s,
        &received(
            "2025-05-08",
            "县人大常委会",
            "县人大常〔2025〕13号",
            "下一号",
        ),
    )
    .unwrap();
    assert_eq!(third.number, "收文〔2025〕第3号");

    // Once the first is voided, the document can be registered again (the voided one stays).
    documents::void(&mut store, &s, first.id, "登记错了").unwrap();
    let re = documents::create(&mut store, &s, &again).unwrap();
    assert_eq!(re.number, "收文〔2025〕第4号", "numbers are never reused");

    let bad = received("2025-05-08", "县人大常委会", "县人大常2025年12号", "坏文号");
    let e = documents::create(&mut store, &s, &bad).unwrap_err();
    assert_eq!(e.field(), Some("doc_number"));
    assert!(
        e.to_string().contains("县人大常〔2024〕12号"),
        "the message shows the expected form: {e}"
    );
}

#[test]
fn sent_and_received_are_numbered_apart_by_year_and_search_reads_any_bracket() {
    let (_dir, mut store) = temp_store();
    let s = clerk(day(2026, 1, 10));
    let mut sent = received(
        "2025-12-30",
        "",
        "青人大〔2025〕9号",
        "关于召开代表大会的通知",
    );
    sent.direction = DocumentDirection::Sent;
    sent.sent_to = "各代表小组".into();
    assert_eq!(
        documents::create(&mut store, &s, &sent).unwrap().number,
        "发文〔2025〕第1号"
    );
    sent.date = "2026-01-05".into();
    sent.doc_number = "青人大〔2026〕1号".into();
    assert_eq!(
        documents::create(&mut store, &s, &sent).unwrap().number,
        "发文〔2026〕第1号"
    );
    let r = documents::create(
        &mut store,
        &s,
        &received(
            "2026-01-06",
            "县人大常委会",
            "县人大常〔2026〕3号",
            "关于报送年度总结的通知",
        ),
    )
    .unwrap();
    assert_eq!(r.number, "收文〔2026〕第1号");

    let found = |q: &str| {
        documents::list(
            store.conn(),
            &DocumentQuery {
                search: Some(q.into()),
                ..Default::default()
            },
        )
        .unwrap()
        .items
        .iter()
        .map(|d| d.id)
        .collect::<Vec<_>>()
    };
    assert_eq!(found("县人大常[2026]3"), vec![r.id]);
    assert_eq!(found("年度总结"), vec![r.id]);
    let sent_2026 = documents::list(
        store.conn(),
        &DocumentQuery {
            direction: Some(DocumentDirection::Sent),
            year: Some(2026),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(sent_2026.total, 1);

    // A date cannot move the entry to another year's numbering.
    let mut moved = received(
        "2025-12-31",
        "县人大常委会",
        "县人大常〔2026〕3号",
        "关于报送年度总结的通知",
    );
    moved.direction = DocumentDirection::Received;
    let e = documents::update(&mut store, &s, r.id, &moved).unwrap_err();
    assert_eq!(e.field(), Some("date"));
}

#[test]
fn circulation_and_archiving_are_recorded() {
    let (_dir, mut store) = temp_store();
    let d = documents::create(
        &mut store,
        &clerk(day(2025, 3, 3)),
        &received(
            "2025-03-03",
            "县人大常委会",
            "县人大常〔2025〕5号",
            "关于代表活动月的意见",
        ),
    )
    .unwrap();
    let read = |who: &str, on: &str| DocumentReadInput {
        reader: who.into(),
        read_on: on.into(),
        note: String::new(),
    };
    let e = documents::read(
        &mut store,
        &clerk(day(2025, 3, 4)),
        d.id,
        &read("镇人大主席", "2025-03-01"),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("read_on"), "read before it arrived");
    documents::read(
        &mut store,
        &clerk(day(2025, 3, 4)),
        d.id,
        &read("镇人大主席", "2025-03-04"),
    )
    .unwrap();
    let det = documents::read(
        &mut store,
        &clerk(day(2025, 3, 5)),
        d.id,
        &read("镇人大副主席", "2025-03-05"),
    )
    .unwrap();
    assert_eq!(det.document.reads, 2);
    assert_eq!(
        det.reads
            .iter()
            .map(|r| r.reader.as_str())
            .collect::<Vec<_>>(),
        vec!["镇人大主席", "镇人大副主席"]
    );
    let e = documents::archive(
        &mut store,
        &clerk(day(2025, 4, 1)),
        d.id,
        &ArchiveInput {
            archived_on: "2025-04-01".into(),
            volume: " ".into(),
        },
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("volume"));
    let det = documents::archive(
        &mut store,
        &clerk(day(2025, 4, 1)),
        d.id,
        &ArchiveInput {
            archived_on: "2025-04-01".into(),
            volume: "2025-文书-02".into(),
        },
    )
    .unwrap();
    assert_eq!(
        (det.document.archived_on, det.document.volume.as_str()),
        (Some(day(2025, 4, 1)), "2025-文书-02")
    );
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::Document),
        Some(d.id),
        1,
        20,
    )
    .unwrap();
    assert_eq!(h.items[0].entity_label, d.number);
    assert!(h.items.iter().any(|e| e.note == "传阅：镇人大副主席"));
    assert!(h.items[0]
        .changes
        .iter()
        .any(|c| c.label == "卷号" && c.after == "2025-文书-02"));
    assert!(
        store
            .conn()
            .execute("DELETE FROM document_reads", [])
            .is_err(),
        "circulation is never deleted"
    );
    let wrong = det
        .reads
        .iter()
        .find(|r| r.reader == "镇人大副主席")
        .unwrap()
        .id;
    let det =
        documents::void_read(&mut store, &clerk(day(2025, 4, 2)), wrong, "记错了阅文人").unwrap();
    assert_eq!(det.document.reads, 1, "a voided reading is not counted");
    assert!(
        det.reads.iter().any(|r| r.id == wrong && r.voided),
        "but stays listed"
    );
    assert_eq!(
        documents::void_read(&mut store, &clerk(day(2025, 4, 2)), wrong, "再次")
            .unwrap_err()
            .code(),
        "invalid_transition"
    );
}
