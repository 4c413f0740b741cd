//! Printing on real database files: every book of the demo office typeset to PDF (same bytes on
//! a second run, every entry in the model), identities masked unless a reason is given and
//! recorded, forms refused before their step and recorded when printed, and rare characters in
//! names either printed with a glyph or refused by code point, never a blank box.

use std::sync::OnceLock;

use chrono::Datelike;
use taizhang_core::print::{self, BookKind, Document, FormKind, Period, PrintRequest, Target};
use taizhang_core::roster::{deputy, org};
use taizhang_core::{demo, petitions, suggestions, Error, Stamp, Store};
use taizhang_tests::*;
use taizhang_typeset::{Fonts, Typesetter};

/// Fonts take a second to load: one typesetter for the whole file.
fn typesetter() -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(Typesetter::standard)
}

fn demo_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 1, today()).expect("demo");
    (dir, store)
}

fn now() -> Stamp {
    clerk_now()
}

fn book_req(book: BookKind, period: Period) -> PrintRequest {
    PrintRequest {
        target: Target::Book { book, period },
        reveal_reason: None,
        volume: 1,
        archival: false,
    }
}

/// The period each book is kept for: the roster per term, the others per year.
fn period_of(store: &Store, book: BookKind) -> Period {
    match book {
        BookKind::Roster => Period::Term {
            number: org::current_term(store.conn()).unwrap().unwrap().number,
        },
        _ => Period::Year {
            year: chrono::Local::now().year(),
        },
    }
}

/// Every first cell (the entry number) of a book model, or meeting numbers of the minutes.
fn numbers(doc: &Document) -> Vec<String> {
    match doc {
        Document::Book(b) => b
            .sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.cells[0].clone()))
            .collect(),
        Document::Minutes(m) => m.meetings.iter().map(|x| x.number.clone()).collect(),
        Document::Form(f) => vec![f.number.clone()],
        Document::Forms(set) => set.forms.iter().map(|f| f.number.clone()).collect(),
        Document::Sheet(s) => s
            .sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.cells[2].clone()))
            .collect(),
    }
}

#[test]
fn every_book_of_the_demo_prints_every_entry_with_identical_bytes_twice() {
    let (_dir, store) = demo_store();
    let year = chrono::Local::now().year();
    let conn = store.conn();
    // What the lists say the year holds, voided entries included, to compare with the books.
    let expect = |book: BookKind| -> usize {
        match book {
            BookKind::Petitions => {
                petitions::list(
                    conn,
                    &petitions::PetitionQuery {
                        year: Some(year),
                        include_voided: true,
                        page_size: Some(500),
                        ..Default::default()
                    },
                    chrono::Local::now().date_naive(),
                )
                .unwrap()
                .total
            }
            BookKind::Suggestions => {
                suggestions::list(
                    conn,
                    &suggestions::SuggestionQuery {
                        from: Some(day(year, 1, 1)),
                        to: Some(day(year, 12, 31)),
                        include_voided: true,
                        page_size: Some(500),
                        ..Default::default()
                    },
                    chrono::Local::now().date_naive(),
                )
                .unwrap()
                .total
            }
            BookKind::Roster => {
                let term = org::current_term(conn).unwrap().unwrap();
                deputy::term_views(conn, term.id, chrono::Local::now().date_naive())
                    .unwrap()
                    .len()
            }
            _ => usize::MAX,
        }
    };
    for book in BookKind::ALL {
        let req = book_req(book, period_of(&store, book));
        let doc = print::model(conn, &req, today()).unwrap();
        let nums = numbers(&doc);
        assert!(
            !nums.is_empty(),
            "{book:?}: the demo has entries this period"
        );
        assert!(
            nums.iter().all(|n| !n.is_empty()),
            "{book:?}: every row numbered"
        );
        if expect(book) != usize::MAX {
            assert_eq!(
                nums.len(),
                expect(book),
                "{book:?}: every entry of the period"
            );
        }
        let a = typesetter().pdf(&doc, false).unwrap();
        assert!(a.bytes.starts_with(b"%PDF-"), "{book:?}");
        assert!(
            a.pages >= 3,
            "{book:?}: cover, contents, ledger ({} pages)",
            a.pages
        );
        // A second layout from a fresh model (the cache is keyed on the model; build a new one).
        let again = print::model(conn, &req, today()).unwrap();
        let b = Typesetter::new(Fonts::standard())
            .pdf(&again, false)
            .unwrap();
        assert_eq!(a.sha256, b.sha256, "{book:?}: a reprint is byte-identical");
        assert!(a.bytes == b.bytes);
    }
}

#[test]
fn the_archival_pdf_is_pdf_a_and_also_reproducible() {
    let (_dir, store) = demo_store();
    let req = book_req(BookKind::Meetings, period_of(&store, BookKind::Meetings));
    let doc = print::model(store.conn(), &req, today()).unwrap();
    let a = typesetter().pdf(&doc, true).unwrap();
    let text = String::from_utf8_lossy(&a.bytes);
    assert!(
        text.contains("pdfaid:part"),
        "PDF/A identification in the XMP"
    );
    let plain = typesetter().pdf(&doc, false).unwrap();
    assert_ne!(a.sha256, plain.sha256);
    assert_eq!(a.sha256, typesetter().pdf(&doc, true).unwrap().sha256);
}

#[test]
fn voided_entries_stay_in_the_book_with_their_reason() {
    let (_dir, mut store) = demo_store();
    let year = chrono::Local::now().year();
    let first = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            year: Some(year),
            ..Default::default()
        },
        chrono::Local::now().date_naive(),
    )
    .unwrap()
    .items
    .into_iter()
    .find(|p| !p.voided)
    .unwrap();
    petitions::void(&mut store, &now(), first.id, "重复登记，见后一号").unwrap();
    let doc = print::model(
        store.conn(),
        &book_req(BookKind::Petitions, Period::Year { year }),
        today(),
    )
    .unwrap();
    let Document::Book(b) = doc else {
        panic!("petitions print as a table")
    };
    let row = b
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .find(|r| r.cells[0] == first.number)
        .expect("the voided petition is still printed");
    assert_eq!(row.void.as_deref(), Some("重复登记，见后一号"));
    assert!(b.cover.voided >= 1);
}

#[test]
fn petitioners_print_masked_unless_a_reason_is_given_and_recorded() {
    let (_dir, mut store) = demo_store();
    let year = chrono::Local::now().year();
    let period = Period::Year { year };
    let list = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            year: Some(year),
            include_voided: true,
            page_size: Some(500),
            ..Default::default()
        },
        chrono::Local::now().date_naive(),
    )
    .unwrap()
    .items;
    let named: Vec<_> = list
        .iter()
        .map(|p| petitions::record(store.conn(), p.id).unwrap())
        .filter(|r| !r.anonymous && r.petitioner_name.chars().count() >= 2)
        .collect();
    assert!(!named.is_empty());
    let text = |doc: &Document| serde_json::to_string(doc).unwrap();

    let masked = print::model(
        store.conn(),
        &book_req(BookKind::Petitions, period.clone()),
        today(),
    )
    .unwrap();
    for r in &named {
        assert!(
            !text(&masked).contains(&r.petitioner_name),
            "{} printed in clear without a reason",
            r.petitioner_name
        );
    }

    // An empty reason is refused on its field and writes nothing.
    let mut req = book_req(BookKind::Petitions, period);
    req.reveal_reason = Some("  ".into());
    let before = count(&store, "history");
    match print::record(&mut store, &now(), &req, 3, "00", "") {
        Err(Error::Validation { field, .. }) => assert_eq!(field, Some("reveal_reason")),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(count(&store, "history"), before);
    assert_eq!(count(&store, "printouts"), 0);

    req.reveal_reason = Some("县人大常委会检查信访台账".into());
    let clear = print::model(store.conn(), &req, today()).unwrap();
    for r in &named {
        assert!(
            text(&clear).contains(&r.petitioner_name),
            "{}",
            r.petitioner_name
        );
    }
    let Document::Book(b) = &clear else { panic!() };
    assert!(b.cover.identity.contains("显示信访人身份信息"));
    let logged = print::record(&mut store, &now(), &req, 9, "ab", "/tmp/x.pdf").unwrap();
    assert_eq!(
        logged.reveal_reason.as_deref(),
        Some("县人大常委会检查信访台账")
    );
    // Each printed petition's own history says who printed its petitioner in clear, and why.
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::Petition),
        Some(named[0].id),
        1,
        100,
    )
    .unwrap()
    .items;
    assert!(
        h.iter()
            .any(|e| e.action == "reveal" && e.note.contains("县人大常委会检查信访台账")),
        "{h:?}"
    );
    assert_eq!(print::printouts(store.conn(), 10).unwrap(), vec![logged]);
}

#[test]
fn forms_wait_for_their_step_and_printing_one_is_in_the_entrys_history() {
    let (dir, mut store) = demo_store();
    let today = chrono::Local::now().date_naive();
    let all = suggestions::list(
        store.conn(),
        &suggestions::SuggestionQuery {
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap()
    .items;
    let unassigned = all.iter().find(|s| s.assigned_on.is_none()).unwrap();
    let form = |form, id| PrintRequest {
        target: Target::Form { form, id },
        reveal_reason: None,
        volume: 1,
        archival: false,
    };
    let err = print::model(
        store.conn(),
        &form(FormKind::Assignment, unassigned.id),
        today,
    )
    .unwrap_err();
    assert!(err.to_string().contains("尚未交办"), "{err}");

    let assigned = all.iter().find(|s| s.assigned_on.is_some()).unwrap();
    let Document::Form(f) = print::model(
        store.conn(),
        &form(FormKind::Assignment, assigned.id),
        today,
    )
    .unwrap() else {
        panic!()
    };
    let unit = assigned.lead_unit.as_ref().unwrap().name.clone();
    assert_eq!(f.addressee, format!("{unit}："));
    assert!(f.paragraphs.iter().any(|p| p.contains(&assigned.subject)));
    assert!(f.paragraphs.iter().any(|p| p.contains("前书面答复代表")));
    assert!(f.date.starts_with("二〇"), "{}", f.date);

    let out = dir.path().join("交办单.pdf");
    let (pdf, logged) = typesetter()
        .save(
            &mut store,
            &now(),
            &form(FormKind::Assignment, assigned.id),
            &out,
        )
        .unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), pdf.bytes);
    assert_eq!(pdf.pages, 1, "a slip is one A4 page");
    assert_eq!(logged.sha256, pdf.sha256);
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::Suggestion),
        Some(assigned.id),
        1,
        100,
    )
    .unwrap()
    .items;
    assert!(
        h.iter()
            .any(|e| e.action == "print" && e.note.contains("交办单")),
        "{h:?}"
    );

    // Petitions: an acceptance notice needs an accepted petition, an extension notice an extension.
    let ps = petitions::list(
        store.conn(),
        &petitions::PetitionQuery {
            page_size: Some(500),
            ..Default::default()
        },
        today,
    )
    .unwrap()
    .items;
    let registered = ps
        .iter()
        .find(|p| p.accepted_on.is_none() && !p.voided)
        .unwrap();
    let err = print::model(
        store.conn(),
        &form(FormKind::Acceptance, registered.id),
        today,
    )
    .unwrap_err();
    assert!(err.to_string().contains("尚未受理"), "{err}");
    let accepted = ps
        .iter()
        .find(|p| p.accepted_on.is_some() && !p.voided)
        .unwrap();
    let Document::Form(f) = print::model(
        store.conn(),
        &form(FormKind::Acceptance, accepted.id),
        today,
    )
    .unwrap() else {
        panic!()
    };
    assert!(f.paragraphs.iter().any(|p| p.contains("六十日内")));
    let rec = petitions::record(store.conn(), accepted.id).unwrap();
    if !rec.anonymous {
        assert!(
            !f.addressee.contains(&rec.petitioner_name),
            "masked by default"
        );
        let mut clear = form(FormKind::Acceptance, accepted.id);
        clear.reveal_reason = Some("送达信访人".into());
        let Document::Form(g) = print::model(store.conn(), &clear, today).unwrap() else {
            panic!()
        };
        assert_eq!(g.addressee, format!("{}：", rec.petitioner_name));
    }
    let extended = |id| {
        petitions::case(store.conn(), id)
            .unwrap()
            .steps
            .iter()
            .any(|s| s.void_reason.is_none() && s.step.action() == "extend")
    };
    let never_extended = ps
        .iter()
        .find(|p| p.accepted_on.is_some() && !p.voided && !extended(p.id))
        .unwrap();
    let err = print::model(
        store.conn(),
        &form(FormKind::Extension, never_extended.id),
        today,
    )
    .unwrap_err();
    assert!(err.to_string().contains("没有延期记录"), "{err}");
    // Extend one in handling; its notice names the days, the reason and the new due date.
    let open = ps
        .iter()
        .find(|p| !p.voided && p.state == taizhang_core::vocab::PetitionState::Assigned)
        .expect("the demo has a petition in handling");
    petitions::step(
        &mut store,
        &now(),
        open.id,
        &petitions::machine::Step::Extend {
            date: today,
            days: 30,
            approver: "镇长".into(),
            reason: "涉及多个部门，需联合调查".into(),
            told_on: today,
        },
    )
    .unwrap();
    let Document::Form(f) =
        print::model(store.conn(), &form(FormKind::Extension, open.id), today).unwrap()
    else {
        panic!()
    };
    assert!(
        f.paragraphs
            .iter()
            .any(|p| p.contains("因涉及多个部门，需联合调查") && p.contains("办理期限延长30日")),
        "{:?}",
        f.paragraphs
    );
}

#[test]
fn rare_characters_in_names_print_with_a_glyph_or_are_refused_by_code_point() {
    let (dir, mut store, _term) = store_with_term();
    let s = clerk(day(2022, 1, 5));
    for name in ["王堃", "李喆", "张昇", "𠮷田", "王䶮", "陈𪜀"] {
        deputy::create(&mut store, &s, &deputy_input(name)).unwrap();
    }
    let fonts = typesetter().fonts();
    assert_eq!(fonts.uncovered("堃喆昇𠮷䶮𪜀"), Vec::<char>::new());
    let req = book_req(BookKind::Roster, Period::Term { number: 20 });
    let doc = print::model(store.conn(), &req, today()).unwrap();
    let pdf = typesetter().pdf(&doc, true).unwrap();
    assert!(pdf.pages >= 3);
    std::fs::write(dir.path().join("roster.pdf"), &pdf.bytes).unwrap();

    // With only the Noto serif face, an Ext C character has no glyph: refused, named, no file.
    let noto_only = Typesetter::new(Fonts::from_files(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../assets/fonts/NotoSerifCJK-Regular.ttc"
    ))]));
    assert!(!noto_only.fonts().uncovered("𪜀").is_empty());
    let out = dir.path().join("roster-noto.pdf");
    let err = noto_only.save(&mut store, &s, &req, &out).unwrap_err();
    assert!(matches!(err, Error::Print(_)));
    assert!(err.to_string().contains("U+2A700"), "{err}");
    assert!(!out.exists(), "nothing written");
    assert_eq!(count(&store, "printouts"), 0, "nothing logged");
}

#[test]
fn a_pdf_that_cannot_be_written_leaves_no_file_and_no_log() {
    let (dir, mut store) = demo_store();
    let req = book_req(BookKind::Deeds, period_of(&store, BookKind::Deeds));
    let out = dir.path().join("no-such-dir").join("deeds.pdf");
    let err = typesetter()
        .save(&mut store, &now(), &req, &out)
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
    assert_eq!(count(&store, "printouts"), 0);
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".part")));
}

/// Time comes in from the caller's clock: the running term's roster, printed as of two different
/// days after every change in it, is the same document to the byte. (Before the clock was passed
/// in, the print model read the wall clock itself, so no test could fix the day it printed as.)
#[test]
fn a_running_terms_roster_prints_the_same_under_two_clocks() {
    let (_d, store) = demo_store();
    let term = org::terms(store.conn())
        .unwrap()
        .into_iter()
        .find(|t| t.end_date.is_none())
        .expect("the demo's current term is running");
    let req = book_req(
        BookKind::Roster,
        Period::Term {
            number: term.number,
        },
    );
    let first = today();
    let later = first + chrono::Days::new(45);
    let a = print::model(store.conn(), &req, first).unwrap();
    let b = print::model(store.conn(), &req, later).unwrap();
    assert!(
        !numbers(&a).is_empty(),
        "the roster has deputies to print, so the comparison means something"
    );
    let (pa, pb) = (
        typesetter().pdf(&a, false).unwrap(),
        typesetter().pdf(&b, false).unwrap(),
    );
    assert_eq!(
        pa.sha256, pb.sha256,
        "nothing in the roster changed between the two days, so neither may the printout"
    );
}
