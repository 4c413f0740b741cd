//! The presidium meeting book, the group activity book and attachments on real database files:
//! numbering in the term, attendance from the roster on the day, the checks shown (quorum, a
//! decision short of a majority of all members, a quarter without a meeting) on hand-built cases,
//! opinions turned into suggestions and petitions linked both ways, the duty record counting
//! both books, and attachments that outlive their source file.

use taizhang_core::activities::{self, ActivityInput, LeaveReason, OpinionInput};
use taizhang_core::attachments;
use taizhang_core::duty_record as record;
use taizhang_core::meetings::{self, AbsenceInput, AgendaItemInput, MeetingInput};
use taizhang_core::roster::deputy;
use taizhang_core::roster::org::{self, DeputyGroupInput};
use taizhang_core::roster::status::{self, PresidiumPostInput};
use taizhang_core::vocab::*;
use taizhang_core::Store;
use taizhang_tests::*;

/// Five presidium members from the term's start: a chair, a vice chair and three members.
fn presidium(store: &mut Store) -> Vec<i64> {
    let s = clerk(day(2021, 11, 20));
    let names = ["王主席", "李副主席", "张委员", "刘委员", "陈委员"];
    let posts = [
        PresidiumPostKind::Chair,
        PresidiumPostKind::ViceChair,
        PresidiumPostKind::Member,
        PresidiumPostKind::Member,
        PresidiumPostKind::Member,
    ];
    names
        .iter()
        .zip(posts)
        .map(|(n, post)| {
            let id = deputy::create(store, &s, &deputy_input(n)).unwrap().id;
            status::add_post(
                store,
                &s,
                &PresidiumPostInput {
                    deputy_id: id,
                    post,
                    start_date: "2021-11-20".into(),
                },
            )
            .unwrap();
            id
        })
        .collect()
}

fn item(title: &str, votes: Option<(i64, i64, i64)>) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        discussion: "讨论情况".into(),
        decision: "决定事项".into(),
        votes_for: votes.map(|v| v.0),
        votes_against: votes.map(|v| v.1),
        votes_abstain: votes.map(|v| v.2),
    }
}

fn meeting(date: &str, agenda: Vec<AgendaItemInput>) -> MeetingInput {
    MeetingInput {
        date: date.into(),
        start_time: "09:00".into(),
        place: "主席团会议室".into(),
        presider_id: None,
        recorder: "办公室".into(),
        attendees: String::new(),
        absent: Vec::new(),
        agenda,
        notes: String::new(),
    }
}

#[test]
fn meetings_are_numbered_in_the_term_with_the_presidium_of_the_day() {
    let (_dir, mut store, _) = store_with_term();
    let p = presidium(&mut store);
    let s = clerk(day(2024, 6, 30));
    let mut input = meeting(
        "2024-03-15",
        vec![item("研究代表活动安排", Some((5, 0, 0)))],
    );
    input.presider_id = Some(p[0]);
    let first = meetings::create(&mut store, &s, &input).unwrap();
    assert_eq!(first.number, "第二十届主席团第一次会议");
    assert_eq!((first.expected, first.present), (5, 5));
    assert!(first.checks.is_empty(), "{:?}", first.checks);
    assert_eq!(first.agenda[0].passed, Some(true));

    // The vice chair leaves the presidium; the next meeting expects four.
    let post = status::posts_of(store.conn(), p[1]).unwrap()[0].id;
    status::end_post(&mut store, &s, post, "2024-04-01").unwrap();
    let second = meetings::create(
        &mut store,
        &s,
        &meeting("2024-05-10", vec![item("听取报告", None)]),
    )
    .unwrap();
    assert_eq!(second.number, "第二十届主席团第二次会议");
    assert_eq!(second.expected, 4);
    assert!(second.members.iter().all(|m| m.deputy_id != p[1]));
    assert_eq!(second.agenda[0].passed, None, "no vote taken");
    // The first meeting keeps its attendance as it was on the day.
    assert_eq!(meetings::get(store.conn(), first.id).unwrap().expected, 5);
}

#[test]
fn bad_meeting_input_is_refused_naming_the_field_and_writes_nothing() {
    let (_dir, mut store, _) = store_with_term();
    let p = presidium(&mut store);
    let s = clerk(day(2024, 6, 30));
    let cases: Vec<(MeetingInput, &str)> = vec![
        (meeting("2024-03-15", vec![]), "agenda"),
        (meeting("2024-07-15", vec![item("x", None)]), "date"),
        (
            MeetingInput {
                start_time: "9点".into(),
                ..meeting("2024-03-15", vec![item("x", None)])
            },
            "start_time",
        ),
        (
            MeetingInput {
                absent: vec![AbsenceInput {
                    deputy_id: p[2],
                    reason: " ".into(),
                }],
                ..meeting("2024-03-15", vec![item("x", None)])
            },
            "absent",
        ),
        (
            MeetingInput {
                absent: vec![AbsenceInput {
                    deputy_id: p[0],
                    reason: "出差".into(),
                }],
                presider_id: Some(p[0]),
                ..meeting("2024-03-15", vec![item("x", None)])
            },
            "presider_id",
        ),
        // Votes for one item only partly given, and more votes than members present.
        (
            meeting(
                "2024-03-15",
                vec![AgendaItemInput {
                    votes_against: None,
                    ..item("x", Some((3, 0, 0)))
                }],
            ),
            "agenda",
        ),
        (
            MeetingInput {
                absent: vec![AbsenceInput {
                    deputy_id: p[4],
                    reason: "病假".into(),
                }],
                ..meeting("2024-03-15", vec![item("x", Some((4, 1, 0)))])
            },
            "agenda",
        ),
    ];
    for (input, field) in cases {
        let e = meetings::create(&mut store, &s, &input).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
    }
    assert_eq!(count(&store, "presidium_meetings"), 0);
    assert_eq!(count(&store, "agenda_items"), 0);
}

#[test]
fn quorum_and_majority_of_all_members_are_flagged_not_refused() {
    let (_dir, mut store, _) = store_with_term();
    let p = presidium(&mut store);
    let s = clerk(day(2024, 6, 30));
    // Three of five present: a quorum (more than half). Three for: a majority of all five.
    // Two for, one abstaining: present members' majority, but not all members'.
    let mut input = meeting(
        "2024-03-15",
        vec![item("甲", Some((3, 0, 0))), item("乙", Some((2, 0, 1)))],
    );
    input.absent = vec![
        AbsenceInput {
            deputy_id: p[3],
            reason: "出差".into(),
        },
        AbsenceInput {
            deputy_id: p[4],
            reason: "病假".into(),
        },
    ];
    let m = meetings::create(&mut store, &s, &input).unwrap();
    assert_eq!((m.expected, m.present), (5, 3));
    assert_eq!(m.agenda[0].passed, Some(true));
    assert_eq!(m.agenda[1].passed, Some(false));
    assert_eq!(m.checks.len(), 1, "{:?}", m.checks);
    assert!(m.checks[0].contains("议题2") && m.checks[0].contains("全体成员 5 人"));

    // Two of five present: no quorum, shown; the meeting is still recorded.
    let mut thin = meeting("2024-05-15", vec![item("丙", None)]);
    thin.absent = p[2..]
        .iter()
        .map(|id| AbsenceInput {
            deputy_id: *id,
            reason: "请假".into(),
        })
        .collect();
    let m2 = meetings::create(&mut store, &s, &thin).unwrap();
    assert_eq!(m2.present, 2);
    assert!(
        m2.checks.iter().any(|c| c.contains("出席 2 人")),
        "{:?}",
        m2.checks
    );
    assert!(m2
        .members
        .iter()
        .any(|m| !m.present && m.absence_reason == "请假"));
}

#[test]
fn a_quarter_without_a_meeting_is_flagged_once_it_has_ended() {
    let (_dir, mut store, term) = store_with_term();
    presidium(&mut store);
    let s = clerk(day(2022, 12, 31));
    // The term began 2021-11-20: 2021 Q4 is not whole, so it is not checked. Meetings in 2022
    // Q1 and Q3; Q2 has none; Q4 2022 has not ended on 2022-11-30.
    for date in ["2022-02-10", "2022-08-10"] {
        meetings::create(&mut store, &s, &meeting(date, vec![item("x", None)])).unwrap();
    }
    let gaps = meetings::quarters_without_meeting(store.conn(), term, day(2022, 11, 30)).unwrap();
    let labels: Vec<&str> = gaps.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["2022年第二季度"]);
    // A day after Q4 ends it is flagged too; a voided meeting does not count.
    let late = meetings::create(
        &mut store,
        &s,
        &meeting("2022-10-10", vec![item("x", None)]),
    )
    .unwrap();
    let on = day(2023, 1, 1);
    assert_eq!(
        meetings::quarters_without_meeting(store.conn(), term, on)
            .unwrap()
            .len(),
        1
    );
    meetings::void(&mut store, &s, late.id, "重复登记").unwrap();
    let gaps = meetings::quarters_without_meeting(store.conn(), term, on).unwrap();
    assert_eq!(
        gaps.iter().map(|g| (g.year, g.quarter)).collect::<Vec<_>>(),
        [(2022, 2), (2022, 4)]
    );
}

#[test]
fn a_meeting_edit_keeps_its_number_and_history() {
    let (_dir, mut store, _) = store_with_term();
    let p = presidium(&mut store);
    let s = clerk(day(2024, 6, 30));
    let m = meetings::create(
        &mut store,
        &s,
        &meeting("2024-03-15", vec![item("甲", None)]),
    )
    .unwrap();
    let mut edited = meeting(
        "2024-03-16",
        vec![item("甲", None), item("乙", Some((5, 0, 0)))],
    );
    edited.presider_id = Some(p[0]);
    let after = meetings::update(&mut store, &s, m.id, &edited).unwrap();
    assert_eq!(after.number, m.number);
    assert_eq!(after.agenda.len(), 2);
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::PresidiumMeeting),
        Some(m.id),
        1,
        10,
    )
    .unwrap();
    assert_eq!(h.total, 2, "create and update");
    assert!(
        h.items[0].changes.iter().any(|c| c.field == "date"),
        "{:?}",
        h.items[0].changes
    );
    let v = meetings::void(&mut store, &s, m.id, "登记错误").unwrap();
    assert!(v.voided);
    assert!(meetings::update(&mut store, &s, m.id, &edited).is_err());
    assert!(store
        .conn()
        .execute("DELETE FROM presidium_meetings", [])
        .is_err());
}

/// A group of four with a leader; returns (group id, member ids).
fn group(store: &mut Store) -> (i64, Vec<i64>) {
    let s = clerk(day(2021, 11, 20));
    let g = org::create_group(
        store,
        &s,
        &DeputyGroupInput {
            name: "第一代表小组".into(),
            station_id: None,
            leader_id: None,
            deputy_leader_id: None,
            liaison_id: None,
        },
    )
    .unwrap();
    let ids: Vec<i64> = ["赵一", "钱二", "孙三", "周四"]
        .iter()
        .map(|n| {
            let mut input = deputy_input(n);
            input.group_id = Some(g.id);
            deputy::create(store, &s, &input).unwrap().id
        })
        .collect();
    org::update_group(
        store,
        &s,
        g.id,
        &DeputyGroupInput {
            name: "第一代表小组".into(),
            station_id: None,
            leader_id: Some(ids[0]),
            deputy_leader_id: None,
            liaison_id: None,
        },
    )
    .unwrap();
    (g.id, ids)
}

fn reception(group_id: i64, date: &str, excused: Vec<i64>, opinions: &[&str]) -> ActivityInput {
    ActivityInput {
        organiser: Organiser::Group,
        group_id: Some(group_id),
        station_id: None,
        participants: Vec::new(),
        voters_received: Some(12),
        kind: ActivityKind::VoterReception,
        date: date.into(),
        place: "青山联络站".into(),
        notice_date: Some("2025-03-01".into()),
        theme: "接待选民日".into(),
        excused,
        absent: Vec::new(),
        leave_reasons: Vec::new(),
        higher_deputies: String::new(),
        record: "接待选民十二人次".into(),
        results: String::new(),
        reported_on: None,
        opinions: opinions
            .iter()
            .map(|c| OpinionInput {
                id: None,
                source: "河口村村民".into(),
                content: c.to_string(),
            })
            .collect(),
        notes: String::new(),
    }
}

#[test]
fn a_voter_reception_records_attendance_and_its_opinions_become_cases_linked_both_ways() {
    let (_dir, mut store, _) = store_with_term();
    let (g, ids) = group(&mut store);
    let s = clerk(day(2025, 3, 10));
    let a = activities::create(
        &mut store,
        &s,
        &reception(
            g,
            "2025-03-05",
            vec![ids[3]],
            &[
                "村道坑洼需要修补",
                "邻里宅基地纠纷请求处理",
                "希望增加公交班次",
            ],
        ),
    )
    .unwrap();
    assert_eq!(a.number, "活动〔2025〕第1号");
    assert_eq!((a.expected, a.present, a.excused, a.absent), (4, 3, 1, 0));
    assert!(a.checks.is_empty(), "notice 4 days ahead: {:?}", a.checks);
    assert_eq!(a.opinions.len(), 3);

    let o1 = a.opinions[0].id;
    let draft = activities::suggestion_draft(store.conn(), o1).unwrap();
    assert_eq!(
        draft.lead_deputy_id,
        Some(ids[0]),
        "the group's leader, present"
    );
    assert!(!draft.during_session);
    assert!(draft.content.contains("村道坑洼需要修补"));
    assert!(draft.content.contains(&a.number));
    let sug = activities::to_suggestion(&mut store, &s, o1, &draft).unwrap();
    let o2 = a.opinions[1].id;
    let pdraft = activities::petition_draft(store.conn(), o2).unwrap();
    assert_eq!(pdraft.channel, PetitionChannel::DeputyReferral);
    assert_eq!(pdraft.via_deputy_id, Some(ids[0]));
    let pet = activities::to_petition(&mut store, &s, o2, &pdraft).unwrap();

    // Both ways: the activity names the cases, the cases name the activity.
    let a = activities::get(store.conn(), a.id).unwrap();
    assert_eq!(a.opinions[0].suggestion.as_ref().unwrap().id, sug.id);
    assert_eq!(a.opinions[1].petition.as_ref().unwrap().id, pet.id);
    assert!(a.opinions[2].suggestion.is_none() && a.opinions[2].petition.is_none());
    let src = activities::source_of(store.conn(), "suggestion", sug.id)
        .unwrap()
        .unwrap();
    assert_eq!((src.activity_id, src.opinion_seq), (a.id, 1));
    assert_eq!(
        activities::source_of(store.conn(), "petition", pet.id)
            .unwrap()
            .unwrap()
            .opinion_seq,
        2
    );
    // Once only; the refusal names the case, and nothing more is written.
    let suggestions_before = count(&store, "suggestions");
    let e = activities::to_suggestion(&mut store, &s, o1, &draft).unwrap_err();
    assert!(e.to_string().contains(&sug.number), "{e}");
    assert_eq!(count(&store, "suggestions"), suggestions_before);
    // A suggestion that fails validation leaves the opinion open.
    let mut bad = activities::suggestion_draft(store.conn(), a.opinions[2].id).unwrap();
    bad.subject = String::new();
    assert!(activities::to_suggestion(&mut store, &s, a.opinions[2].id, &bad).is_err());
    assert!(activities::get(store.conn(), a.id).unwrap().opinions[2]
        .suggestion
        .is_none());
    assert_eq!(count(&store, "suggestions"), suggestions_before);

    // The activity's history says what became of its opinions.
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::GroupActivity),
        Some(a.id),
        1,
        10,
    )
    .unwrap();
    assert!(h.items.iter().any(|e| e.note.contains("转为建议")));
    assert!(h.items.iter().any(|e| e.note.contains("转为信访")));
}

#[test]
fn activity_input_is_checked_and_stored_opinions_are_kept() {
    let (_dir, mut store, _) = store_with_term();
    let (g, ids) = group(&mut store);
    let outsider = deputy::create(
        &mut store,
        &clerk(day(2021, 11, 20)),
        &deputy_input("吴外组"),
    )
    .unwrap()
    .id;
    let s = clerk(day(2025, 3, 10));
    let base = reception(g, "2025-03-05", vec![], &["意见一"]);
    let cases: Vec<(ActivityInput, &str)> = vec![
        (
            ActivityInput {
                theme: " ".into(),
                ..base.clone()
            },
            "theme",
        ),
        (
            ActivityInput {
                notice_date: Some("2025-03-06".into()),
                ..base.clone()
            },
            "notice_date",
        ),
        (
            ActivityInput {
                reported_on: Some("2025-03-01".into()),
                ..base.clone()
            },
            "reported_on",
        ),
        (
            ActivityInput {
                excused: vec![outsider],
                ..base.clone()
            },
            "excused",
        ),
        (
            ActivityInput {
                excused: vec![ids[1]],
                absent: vec![ids[1]],
                ..base.clone()
            },
            "absent",
        ),
        (
            ActivityInput {
                date: "2025-04-01".into(),
                ..base.clone()
            },
            "date",
        ),
        // A reason is for a member marked 请假, not for one who came.
        (
            ActivityInput {
                leave_reasons: vec![LeaveReason {
                    deputy_id: ids[1],
                    reason: "外出务工".into(),
                }],
                ..base.clone()
            },
            "leave_reasons",
        ),
    ];
    for (input, field) in cases {
        let e = activities::create(&mut store, &s, &input).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
    }
    assert_eq!(count(&store, "group_activities"), 0);

    // Short notice and fewer than half present: shown.
    let late = ActivityInput {
        notice_date: Some("2025-03-04".into()),
        excused: vec![ids[1], ids[2]],
        leave_reasons: vec![LeaveReason {
            deputy_id: ids[1],
            reason: " 外出务工 ".into(),
        }],
        ..base.clone()
    };
    let a = activities::create(&mut store, &s, &late).unwrap();
    assert_eq!(a.checks.len(), 2, "{:?}", a.checks);
    // The reason is kept (trimmed) with the member it was given for, and only with them.
    let reason_of = |id| {
        a.members
            .iter()
            .find(|m| m.deputy_id == id)
            .unwrap()
            .reason
            .clone()
    };
    assert_eq!(reason_of(ids[1]), "外出务工");
    assert_eq!(reason_of(ids[2]), "");

    // An edit may add and reword opinions, not drop one.
    let mut edit = late.clone();
    edit.opinions = vec![];
    let e = activities::update(&mut store, &s, a.id, &edit).unwrap_err();
    assert_eq!(e.field(), Some("opinions"));
    edit.opinions = vec![
        OpinionInput {
            id: Some(a.opinions[0].id),
            source: String::new(),
            content: "意见一（改）".into(),
        },
        OpinionInput {
            id: None,
            source: String::new(),
            content: "意见二".into(),
        },
    ];
    let after = activities::update(&mut store, &s, a.id, &edit).unwrap();
    assert_eq!(after.opinions.len(), 2);
    assert_eq!(after.opinions[0].content, "意见一（改）");
    assert_eq!(after.opinions[1].seq, 2);
    // A voided activity's opinions are not turned into cases.
    activities::void(&mut store, &s, a.id, "重复登记").unwrap();
    let e = activities::suggestion_draft(store.conn(), after.opinions[1].id).unwrap_err();
    assert_eq!(e.code(), "invalid_transition");
}

#[test]
fn the_duty_record_counts_meetings_and_activities_per_year() {
    let (_dir, mut store, _) = store_with_term();
    let p = presidium(&mut store);
    let (g, ids) = group(&mut store);
    let s = clerk(day(2025, 12, 31));
    // The chair: at one 2024 meeting, away from one 2025 meeting, present at another.
    meetings::create(
        &mut store,
        &s,
        &meeting("2024-06-10", vec![item("甲", None)]),
    )
    .unwrap();
    let mut away = meeting("2025-03-10", vec![item("乙", None)]);
    away.absent = vec![AbsenceInput {
        deputy_id: p[0],
        reason: "出差".into(),
    }];
    meetings::create(&mut store, &s, &away).unwrap();
    meetings::create(
        &mut store,
        &s,
        &meeting("2025-06-10", vec![item("丙", None)]),
    )
    .unwrap();
    let r = record::record(store.conn(), p[0], None, None, day(2025, 12, 31)).unwrap();
    let y = |year: i32| r.by_year.iter().find(|x| x.year == year).unwrap().clone();
    assert_eq!(
        (y(2024).meetings_expected, y(2024).meetings_attended),
        (1, 1)
    );
    assert_eq!(
        (y(2025).meetings_expected, y(2025).meetings_attended),
        (2, 1)
    );
    assert_eq!(r.meetings.len(), 3);
    assert!(r
        .meetings
        .iter()
        .any(|m| !m.present && m.absence_reason == "出差"));
    assert!(
        !r.not_yet_recorded
            .iter()
            .any(|n| n.contains("主席团") || n.contains("小组")),
        "both books are recorded now: {:?}",
        r.not_yet_recorded
    );

    // A group member: two receptions (one excused) and an inspection in 2025.
    activities::create(
        &mut store,
        &s,
        &reception(g, "2025-03-05", vec![], &["意见"]),
    )
    .unwrap();
    activities::create(
        &mut store,
        &s,
        &reception(g, "2025-09-05", vec![ids[1]], &[]),
    )
    .unwrap();
    let mut inspection = reception(g, "2025-05-05", vec![], &[]);
    inspection.kind = ActivityKind::Inspection;
    inspection.theme = "视察村道建设".into();
    activities::create(&mut store, &s, &inspection).unwrap();
    let r = record::record(store.conn(), ids[1], None, None, day(2025, 12, 31)).unwrap();
    let y2025 = r.by_year.iter().find(|x| x.year == 2025).unwrap();
    assert_eq!(y2025.activities_expected, 3);
    assert_eq!(y2025.activities_attended, 2);
    assert_eq!(y2025.activities_excused, 1);
    assert_eq!(y2025.voter_receptions, 1);
    assert_eq!(y2025.meetings_expected, 0, "not on the presidium");
    // A period that leaves out September counts only what falls inside it.
    let spring = record::record(
        store.conn(),
        ids[1],
        Some(day(2025, 1, 1)),
        Some(day(2025, 6, 30)),
        day(2025, 12, 31),
    )
    .unwrap();
    assert_eq!(spring.activities.len(), 2);
}

#[test]
fn an_attachment_outlives_its_source_and_a_changed_file_is_caught() {
    let (dir, mut store, _) = store_with_term();
    presidium(&mut store);
    let s = clerk(day(2024, 6, 30));
    let m = meetings::create(
        &mut store,
        &s,
        &meeting("2024-03-15", vec![item("甲", None)]),
    )
    .unwrap();

    let usb = tempfile::tempdir().unwrap();
    let scan = usb.path().join("会议纪要签字页.pdf");
    let body = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec();
    std::fs::write(&scan, &body).unwrap();
    let a = attachments::add(&mut store, &s, "presidium_meeting", m.id, &scan, None).unwrap();
    assert_eq!(a.name, "会议纪要签字页.pdf");
    assert_eq!(a.size, body.len() as u64);
    assert_eq!(a.media_type, "application/pdf");
    drop(usb); // the stick is pulled out: the source is gone

    let stored = attachments::file(&store, a.id).unwrap();
    assert!(stored.starts_with(dir.path().join("attachments")));
    assert_eq!(std::fs::read(&stored).unwrap(), body);
    assert!(stored.to_string_lossy().contains(&a.sha256));

    // The same content attached again is stored once.
    let again_dir = tempfile::tempdir().unwrap();
    let again = again_dir.path().join("副本.pdf");
    std::fs::write(&again, &body).unwrap();
    let b = attachments::add(&mut store, &s, "presidium_meeting", m.id, &again, None).unwrap();
    assert_eq!(b.sha256, a.sha256);
    let files = walk(&dir.path().join("attachments"));
    assert_eq!(files.len(), 1, "{files:?}");

    // Voided like an entry: listed only on request, the history says so.
    attachments::void(&mut store, &s, b.id, "重复添加").unwrap();
    assert_eq!(
        attachments::list(store.conn(), "presidium_meeting", m.id, false)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        attachments::list(store.conn(), "presidium_meeting", m.id, true)
            .unwrap()
            .len(),
        2
    );
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::PresidiumMeeting),
        Some(m.id),
        1,
        10,
    )
    .unwrap();
    assert!(h.items.iter().any(|e| e.note.contains("作废附件")));
    assert!(attachments::check_all(&store).unwrap().is_empty());

    // A stored file changed behind the app's back is caught.
    std::fs::write(&stored, b"%PDF-1.4 altered").unwrap();
    assert!(attachments::file(&store, a.id).is_err());
    assert_eq!(attachments::check_all(&store).unwrap().len(), 2);
}

#[test]
fn attachments_of_the_wrong_type_or_size_are_refused_and_nothing_is_kept() {
    let (dir, mut store, _) = store_with_term();
    presidium(&mut store);
    let s = clerk(day(2024, 6, 30));
    let m = meetings::create(
        &mut store,
        &s,
        &meeting("2024-03-15", vec![item("甲", None)]),
    )
    .unwrap();
    let src = tempfile::tempdir().unwrap();
    let put = |name: &str, body: &[u8]| {
        let p = src.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    let not_pdf = put("纪要.pdf", b"just text pretending");
    let exe = put("setup.exe", b"MZ\x90\x00");
    let empty = put("空.txt", b"");
    let big = src.path().join("大.png");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(attachments::MAX_SIZE + 1)
        .unwrap();
    // A link named like a text file, pointing outside (at /etc/passwd): not the clerk's file.
    let link = src.path().join("链接.txt");
    std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
    for path in [&not_pdf, &exe, &empty, &big, &link] {
        let e =
            attachments::add(&mut store, &s, "presidium_meeting", m.id, path, None).unwrap_err();
        assert_eq!(e.field(), Some("file"), "{e}");
    }
    let e = attachments::add(&mut store, &s, "presidium_meeting", m.id, &big, None).unwrap_err();
    assert!(
        e.to_string()
            .contains(&(attachments::MAX_SIZE + 1).to_string()),
        "a size just over the limit is said exactly, not rounded to the limit: {e}"
    );
    let e = attachments::add(
        &mut store,
        &s,
        "presidium_meeting",
        m.id,
        &src.path().join("无.pdf"),
        None,
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("file"));
    let e = attachments::add(&mut store, &s, "deputy", 1, &put("a.txt", b"x"), None).unwrap_err();
    assert_eq!(e.field(), Some("entity"));
    assert_eq!(count(&store, "attachments"), 0);
    assert!(walk(&dir.path().join("attachments")).is_empty());

    // A plain text note is fine; a voided meeting takes no more attachments.
    let ok = put("说明.txt", "会议纪要说明".as_bytes());
    attachments::add(&mut store, &s, "presidium_meeting", m.id, &ok, None).unwrap();
    meetings::void(&mut store, &s, m.id, "登记错误").unwrap();
    let e = attachments::add(&mut store, &s, "presidium_meeting", m.id, &ok, None).unwrap_err();
    assert_eq!(e.code(), "invalid_transition");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    rd.flatten()
        .flat_map(|e| {
            if e.path().is_dir() {
                walk(&e.path())
            } else {
                vec![e.path()]
            }
        })
        .collect()
}
