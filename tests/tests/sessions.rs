//! The sessions book on real database files: numbering in the term (never reused after a void),
//! attendance as it was on the first day, the checks with known answers (two thirds present,
//! a majority of ALL deputies, a void count, late notice), refusals that write nothing, the
//! deputy absent twice without approval flagged and dismissed, and the duty record counting it.

use taizhang_core::duty_record;
use taizhang_core::roster::deputy;
use taizhang_core::sessions::{
    self, AttendanceInput, CandidateInput, ElectionInput, SessionInput, SessionItemInput,
};
use taizhang_core::vocab::*;
use taizhang_core::Store;
use taizhang_tests::*;

/// A term with `n` deputies; their ids in order.
fn office(n: usize) -> (tempfile::TempDir, Store, Vec<i64>) {
    let (dir, mut store, _) = store_with_term();
    let s = clerk(day(2021, 11, 20));
    let ids = (0..n)
        .map(|i| {
            deputy::create(&mut store, &s, &deputy_input(&format!("代表{}", names(i))))
                .unwrap()
                .id
        })
        .collect();
    (dir, store, ids)
}

/// Distinct two-character given names (a name has no digits).
fn names(i: usize) -> String {
    const A: &[char] = &['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    format!("{}{}", A[i / 10 % 10], A[i % 10])
}

fn session(first: &str) -> SessionInput {
    SessionInput {
        kind: SessionKind::Regular,
        first_day: first.into(),
        last_day: String::new(),
        place: "镇政府会议室".into(),
        notified_on: None,
        presiders: "会议主席团".into(),
        attendees: String::new(),
        attendance: Vec::new(),
        items: Vec::new(),
        elections: Vec::new(),
        notes: String::new(),
    }
}

fn mark(id: i64, a: Attendance, reason: &str) -> AttendanceInput {
    AttendanceInput {
        deputy_id: id,
        attendance: a,
        reason: reason.into(),
        approved_by: String::new(),
    }
}

fn item(votes_for: i64, against: i64, abstain: i64) -> SessionItemInput {
    SessionItemInput {
        kind: SessionItemKind::WorkReport,
        title: "听取和审议镇人民政府工作报告".into(),
        outcome: "关于政府工作报告的决议".into(),
        outcome_kind: Some(OutcomeKind::Resolution),
        votes_for: Some(votes_for),
        votes_against: Some(against),
        votes_abstain: Some(abstain),
    }
}

fn count_rows(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM congress_sessions", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn numbers_attendance_and_the_checks_have_known_answers() {
    let (_dir, mut store, ids) = office(30);
    let s = clerk(day(2022, 3, 20));
    // 30 deputies: two thirds is 20; a majority of all is 16.
    let mut first = session("2022-03-10");
    first.last_day = "2022-03-11".into();
    first.notified_on = Some("2022-03-07".into());
    first.attendance = ids[..10]
        .iter()
        .map(|id| mark(*id, Attendance::Excused, "外出务工"))
        .chain([mark(ids[10], Attendance::Absent, "")])
        .collect();
    // 19 present: below two thirds. 15 for: below a majority of all, though most of those voting.
    first.items = vec![item(15, 2, 2)];
    let a = sessions::create(&mut store, &s, &first).unwrap();
    assert_eq!(a.number, "第二十届人民代表大会第一次会议");
    assert_eq!(
        (a.expected, a.present, a.excused, a.absent),
        (30, 19, 10, 1),
        "every deputy in office is expected; the exceptions are marked"
    );
    assert_eq!(
        a.items[0].passed,
        Some(false),
        "15 of 30 is not more than half of ALL"
    );
    let has = |needle: &str| a.checks.iter().any(|c| c.contains(needle));
    assert!(
        has("出席 19 人，未达到全体代表 30 人的三分之二以上"),
        "{:?}",
        a.checks
    );
    assert!(
        has("《地方组织法》"),
        "each check names its basis: {:?}",
        a.checks
    );
    assert!(has("赞成 15 票"), "{:?}", a.checks);
    assert!(
        has("距开幕只有 3 日"),
        "notice 3 days ahead, the rule says 7: {:?}",
        a.checks
    );

    // 20 present of 30 is exactly two thirds: held. 16 for is a majority of all.
    let mut second = session("2022-06-10");
    second.attendance = ids[..10]
        .iter()
        .map(|id| mark(*id, Attendance::Excused, "外出"))
        .collect();
    second.items = vec![item(16, 4, 0)];
    let b = sessions::create(&mut store, &clerk(day(2022, 6, 10)), &second).unwrap();
    assert_eq!(b.number, "第二十届人民代表大会第二次会议");
    assert!(
        b.checks.is_empty(),
        "two thirds counts as reached: {:?}",
        b.checks
    );
    assert_eq!(b.items[0].passed, Some(true));

    // A voided session keeps its number: the next is the third.
    sessions::void(&mut store, &clerk(day(2022, 6, 11)), b.id, "重复登记").unwrap();
    let c = sessions::create(&mut store, &clerk(day(2022, 9, 1)), &session("2022-09-01")).unwrap();
    assert_eq!(
        c.number, "第二十届人民代表大会第三次会议",
        "numbers are never reused"
    );
}

#[test]
fn an_election_needs_a_majority_of_all_and_a_count_that_adds_up() {
    let (_dir, mut store, ids) = office(30);
    let s = clerk(day(2023, 3, 12));
    let mut input = session("2023-03-10");
    let cand = |name: &str, votes| CandidateInput {
        name: name.into(),
        deputy_id: None,
        votes,
    };
    input.elections = vec![
        // Competitive, one place: 16 of 30 elects; 14 does not.
        ElectionInput {
            post: ElectedPost::Head,
            by_election: false,
            competitive: true,
            places: 1,
            ballots_issued: 30,
            ballots_returned: 30,
            ballots_valid: 30,
            ballots_invalid: 0,
            candidates: vec![cand("张三", 16), cand("李四", 14)],
        },
        // A by-election where the winner got 15 of 30: nobody elected, a further round needed.
        ElectionInput {
            post: ElectedPost::DeputyHead,
            by_election: true,
            competitive: false,
            places: 1,
            ballots_issued: 30,
            ballots_returned: 30,
            ballots_valid: 29,
            ballots_invalid: 1,
            candidates: vec![CandidateInput {
                name: "王五".into(),
                deputy_id: Some(ids[3]),
                votes: 15,
            }],
        },
    ];
    let a = sessions::create(&mut store, &s, &input).unwrap();
    assert_eq!(a.elections[0].elected_names(), vec!["张三"]);
    assert!(a.elections[1].elected_names().is_empty());
    assert!(
        a.checks.iter().any(|c| c.contains("应选 1 人，当选 0 人")),
        "{:?}",
        a.checks
    );
    assert_eq!(a.elections[1].title(), "选举副乡镇长（等额，补选）");

    // More ballots returned than issued can be recorded (it happened) and voids the count.
    let mut void = session("2023-06-10");
    void.elections = vec![ElectionInput {
        ballots_returned: 31,
        ballots_valid: 31,
        ..input.elections[0].clone()
    }];
    // 30 issued to the 30 present, 31 found in the box.
    let b = sessions::create(&mut store, &clerk(day(2023, 6, 10)), &void).unwrap();
    assert!(b.elections[0].void, "returned 31 > issued 30");
    assert!(b.elections[0].elected_names().is_empty());
    assert!(b
        .checks
        .iter()
        .any(|c| c.contains("选举无效") && c.contains("《选举法》")));
}

#[test]
fn impossible_entries_are_refused_naming_the_field_and_nothing_is_written() {
    let (_dir, mut store, ids) = office(12);
    let s = clerk(day(2023, 7, 1));
    let base = session("2023-03-10");
    sessions::create(&mut store, &s, &base).unwrap();
    let before = count_rows(&store);
    let cand = |votes| CandidateInput {
        name: "张三".into(),
        deputy_id: None,
        votes,
    };
    let election = ElectionInput {
        post: ElectedPost::Head,
        by_election: false,
        competitive: false,
        places: 1,
        ballots_issued: 12,
        ballots_returned: 12,
        ballots_valid: 12,
        ballots_invalid: 0,
        candidates: vec![cand(10)],
    };
    let mut cases: Vec<(SessionInput, &str, &str)> = Vec::new();
    let mut x = session("2023-06-10");
    x.items = vec![item(10, 2, 1)];
    cases.push((x, "items", "超过了出席的 12 人"));
    let mut x = session("2023-06-10");
    x.attendance = vec![
        mark(ids[0], Attendance::Absent, ""),
        mark(ids[0], Attendance::Excused, "病假"),
    ];
    cases.push((x, "attendance", "两次"));
    let mut x = session("2023-06-10");
    x.attendance = vec![mark(ids[0], Attendance::Excused, " ")];
    cases.push((x, "attendance", "请假原因"));
    cases.push((session("2021-06-10"), "first_day", "届次"));
    let mut x = session("2023-03-09");
    x.last_day = "2023-03-10".into();
    cases.push((x, "first_day", "重叠"));
    let mut x = session("2023-06-10");
    x.last_day = "2023-06-09".into();
    cases.push((x, "last_day", "早于"));
    let mut x = session("2023-06-10");
    x.elections = vec![ElectionInput {
        ballots_valid: 11,
        ..election.clone()
    }];
    cases.push((x, "elections", "之和应等于收回"));
    let mut x = session("2023-06-10");
    x.elections = vec![ElectionInput {
        candidates: vec![cand(13)],
        ..election.clone()
    }];
    cases.push((x, "elections", "得票 13 票"));
    let mut x = session("2023-06-10");
    x.elections = vec![ElectionInput {
        ballots_issued: 13,
        ballots_returned: 12,
        ..election.clone()
    }];
    cases.push((x, "elections", "多于出席"));
    let mut x = session("2023-06-10");
    x.elections = vec![ElectionInput {
        competitive: true,
        ..election.clone()
    }];
    cases.push((x, "elections", "差额选举的候选人"));
    for (input, field, words) in cases {
        let e = sessions::create(&mut store, &s, &input).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
        assert!(e.to_string().contains(words), "{e} should say {words}");
    }
    assert_eq!(
        count_rows(&store),
        before,
        "nothing was written by a refusal"
    );
}

#[test]
fn a_deputy_absent_twice_without_approval_is_flagged_until_dismissed_and_counted() {
    let (_dir, mut store, ids) = office(12);
    let truant = ids[4];
    for (first, absent) in [
        ("2022-03-10", true),
        ("2022-12-15", false),
        ("2023-03-10", true),
    ] {
        let mut x = session(first);
        x.attendance = vec![mark(ids[0], Attendance::Excused, "住院")];
        if absent {
            x.attendance.push(mark(truant, Attendance::Absent, ""));
        }
        sessions::create(&mut store, &clerk(day(2023, 3, 11)), &x).unwrap();
    }
    let today = day(2023, 3, 20);
    let flagged = sessions::absent_twice(store.conn(), today).unwrap();
    assert_eq!(
        flagged.len(),
        1,
        "only the deputy absent twice; excused is approved"
    );
    assert_eq!(flagged[0].deputy.id, truant);
    assert_eq!(flagged[0].sessions.len(), 2);
    assert_eq!(flagged[0].ground, "absent_twice");
    assert!(flagged[0].basis.contains("《代表法》"));

    // Excused is not absent: the other deputy is never flagged.
    let s = clerk(today);
    let e = sessions::dismiss_absence(&mut store, &s, ids[0], "误点").unwrap_err();
    assert_eq!(e.field(), Some("deputy_id"));
    sessions::dismiss_absence(&mut store, &s, truant, "事后补办了请假手续").unwrap();
    assert!(sessions::absent_twice(store.conn(), today)
        .unwrap()
        .is_empty());
    // A third absence flags again: the dismissal covered the two known then.
    let mut x = session("2023-06-10");
    x.attendance = vec![mark(truant, Attendance::Absent, "")];
    sessions::create(&mut store, &clerk(day(2023, 6, 10)), &x).unwrap();
    let again = sessions::absent_twice(store.conn(), day(2023, 6, 11)).unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].sessions.len(), 3);

    // The duty record counts the sessions per year, by attendance.
    let r = duty_record::record(store.conn(), truant, None, None, day(2023, 6, 11)).unwrap();
    let y = |year| r.by_year.iter().find(|y| y.year == year).unwrap().clone();
    assert_eq!(
        (
            y(2022).sessions_expected,
            y(2022).sessions_attended,
            y(2022).sessions_absent
        ),
        (2, 1, 1)
    );
    assert_eq!(
        (
            y(2023).sessions_expected,
            y(2023).sessions_attended,
            y(2023).sessions_absent
        ),
        (2, 0, 2)
    );
    assert!(r.not_yet_recorded.is_empty());
}

#[test]
fn a_resignation_accepted_at_the_session_is_listed_and_needs_a_majority_of_all() {
    use taizhang_core::roster::status::{self, DeputyEventInput};
    let (_dir, mut store, ids) = office(30);
    let s = clerk(day(2023, 3, 10));
    let resign = |store: &mut Store, who: i64, votes: i64| {
        status::add_event(
            store,
            &s,
            &DeputyEventInput {
                deputy_id: who,
                kind: EventKind::Resignation,
                date: "2023-03-10".into(),
                reason: "工作调动，经本次会议表决接受".into(),
                notice_no: String::new(),
                ground: None,
                votes_for: Some(votes),
                votes_total: Some(29),
                confirm: None,
            },
        )
        .unwrap();
    };
    let a = sessions::create(&mut store, &s, &session("2023-03-10")).unwrap();
    // 30 deputies: 15 for is not more than half of all (选举法 Art. 55); 16 is.
    resign(&mut store, ids[1], 15);
    resign(&mut store, ids[2], 16);
    let a = sessions::get(store.conn(), a.id).unwrap();
    let listed: Vec<i64> = a.deputy_events.iter().map(|e| e.deputy.id).collect();
    assert_eq!(
        listed,
        vec![ids[1], ids[2]],
        "both resignations on the session's day"
    );
    let short: Vec<&String> = a.checks.iter().filter(|c| c.contains("辞职")).collect();
    assert_eq!(short.len(), 1, "{:?}", a.checks);
    assert!(
        short[0].contains("赞成票 15 票") && short[0].contains("第五十五条"),
        "{}",
        short[0]
    );
}

#[test]
fn a_session_in_progress_numbers_the_suggestions_made_at_it() {
    let (_dir, mut store, _) = office(10);
    let mut x = session("2024-03-10");
    x.last_day = "2024-03-11".into();
    let a = sessions::create(&mut store, &clerk(day(2024, 3, 10)), &x).unwrap();
    let on = |d| {
        sessions::in_progress(store.conn(), d)
            .unwrap()
            .map(|s| s.seq)
    };
    assert_eq!(
        on(day(2024, 3, 11)),
        Some(a.seq),
        "the second day is in the session"
    );
    assert_eq!(on(day(2024, 3, 12)), None);
    assert_eq!(
        sessions::by_number(store.conn(), a.term_id, a.seq)
            .unwrap()
            .map(|s| s.id),
        Some(a.id)
    );
}
