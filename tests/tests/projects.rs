//! 民生实事 projects on real database files: adoption follows from the numbers (a majority of
//! ALL deputies at the session, most votes first), counts that cannot be true are refused with
//! nothing written, only adopted projects are followed, milestones keep their order, a late
//! milestone reaches the home page list, the evaluation rate carries its numerator and
//! denominator, and an unfinished project is carried into next year's list.

use taizhang_core::projects::{
    self, CandidateVote, EvaluationInput, MilestoneInput, ProjectInput, ProjectQuery, ProjectState,
    VoteInput,
};
use taizhang_core::roster::deputy;
use taizhang_core::sessions::{self, SessionInput};
use taizhang_core::vocab::*;
use taizhang_core::Store;
use taizhang_tests::*;

/// 20 deputies (a majority of all is 11) and a one-day session on 2024-03-10, all present.
fn office() -> (tempfile::TempDir, Store, i64) {
    let (dir, mut store, _) = store_with_term();
    let s = clerk(day(2021, 11, 20));
    for i in 0..20 {
        let given = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
        let name = format!("代表{}{}", given[i / 10], given[i % 10]);
        deputy::create(&mut store, &s, &deputy_input(&name)).unwrap();
    }
    let session = sessions::create(
        &mut store,
        &clerk(day(2024, 3, 10)),
        &SessionInput {
            kind: SessionKind::Regular,
            first_day: "2024-03-10".into(),
            last_day: String::new(),
            place: String::new(),
            notified_on: None,
            presiders: String::new(),
            attendees: String::new(),
            attendance: Vec::new(),
            items: Vec::new(),
            elections: Vec::new(),
            notes: String::new(),
        },
    )
    .unwrap();
    (dir, store, session.id)
}

fn candidate(title: &str) -> ProjectInput {
    ProjectInput {
        year: 2024,
        title: title.into(),
        description: String::new(),
        source: ProjectSource::Voters,
        suggestion_id: None,
        estimated_cost: Some(500_000),
        unit_id: None,
        planned_completion: Some("2024-11-30".into()),
        notes: String::new(),
    }
}

fn votes(id: i64, f: i64) -> CandidateVote {
    CandidateVote {
        project_id: id,
        votes_for: f,
        votes_against: 20 - f,
        votes_abstain: 0,
    }
}

#[test]
fn adoption_follows_from_a_majority_of_all_deputies() {
    let (_dir, mut store, session) = office();
    let s = clerk(day(2024, 3, 11));
    let ids: Vec<i64> = ["道路硬化", "饮水工程", "危桥改造"]
        .iter()
        .map(|t| projects::create(&mut store, &s, &candidate(t)).unwrap().id)
        .collect();
    let first = projects::get(store.conn(), ids[0], day(2024, 3, 11)).unwrap();
    assert_eq!(first.number, "民生实事〔2024〕第1号");
    assert_eq!(first.state, ProjectState::Candidate);
    // 11 of 20 is more than half of all; 10 is not, however many abstain.
    let voted = projects::vote(
        &mut store,
        &s,
        &VoteInput {
            year: 2024,
            session_id: session,
            ballots_issued: 20,
            ballots_returned: 20,
            candidates: vec![votes(ids[0], 11), votes(ids[1], 18), votes(ids[2], 10)],
        },
    )
    .unwrap();
    let adopted: Vec<(i64, bool, usize)> = voted
        .iter()
        .map(|p| {
            let v = p.vote.as_ref().unwrap();
            (p.id, v.adopted, v.rank)
        })
        .collect();
    assert_eq!(
        adopted,
        vec![(ids[1], true, 1), (ids[0], true, 2), (ids[2], false, 3)],
        "most votes first; the one short of 11 is not adopted"
    );
    assert_eq!(voted[2].state, ProjectState::NotAdopted);
    // 只看入选: a page of the adopted ones only, its total counting them alone.
    let only = projects::list(
        store.conn(),
        &ProjectQuery {
            year: Some(2024),
            adopted_only: Some(true),
            page_size: Some(1),
            ..Default::default()
        },
        day(2024, 3, 11),
    )
    .unwrap();
    assert_eq!(
        (only.total, only.items.len()),
        (2, 1),
        "two adopted, a page of one"
    );
    assert_eq!(only.items[0].id, ids[0], "number order within the year");

    // A project the vote did not adopt is not followed.
    let e = projects::set_milestone(
        &mut store,
        &s,
        ids[2],
        &MilestoneInput {
            kind: MilestoneKind::Approval,
            planned_on: Some("2024-04-01".into()),
            done_on: None,
            amount: None,
            note: String::new(),
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("尚未经票决入选"), "{e}");
}

#[test]
fn impossible_votes_are_refused_and_nothing_is_written() {
    let (_dir, mut store, session) = office();
    let s = clerk(day(2024, 3, 11));
    let id = projects::create(&mut store, &s, &candidate("道路硬化"))
        .unwrap()
        .id;
    let base = VoteInput {
        year: 2024,
        session_id: session,
        ballots_issued: 20,
        ballots_returned: 20,
        candidates: vec![votes(id, 12)],
    };
    let mut too_many = base.clone();
    too_many.candidates[0].votes_abstain = 3;
    let mut issued = base.clone();
    issued.ballots_issued = 21;
    let mut twice = base.clone();
    twice.candidates.push(votes(id, 12));
    let mut other_year = base.clone();
    other_year.year = 2026;
    for (input, field, words) in [
        (too_many, "candidates", "超过收回的选票"),
        (issued, "ballots_issued", "多于出席"),
        (twice, "candidates", "两次"),
        (other_year, "session_id", "上一年"),
    ] {
        let e = projects::vote(&mut store, &s, &input).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
        assert!(e.to_string().contains(words), "{e}");
    }
    let p = projects::get(store.conn(), id, day(2024, 3, 11)).unwrap();
    assert!(p.vote.is_none(), "no refused vote was written");
}

#[test]
fn an_adopted_project_is_followed_to_its_evaluation_and_carried_when_unfinished() {
    let (_dir, mut store, session) = office();
    let s = clerk(day(2024, 3, 11));
    let id = projects::create(&mut store, &s, &candidate("道路硬化"))
        .unwrap()
        .id;
    projects::vote(
        &mut store,
        &s,
        &VoteInput {
            year: 2024,
            session_id: session,
            ballots_issued: 20,
            ballots_returned: 20,
            candidates: vec![votes(id, 19)],
        },
    )
    .unwrap();
    let ms = |kind, planned: &str, done: Option<&str>| MilestoneInput {
        kind,
        planned_on: Some(planned.into()),
        done_on: done.map(Into::into),
        amount: None,
        note: String::new(),
    };
    let later = clerk(day(2024, 6, 1));
    projects::set_milestone(
        &mut store,
        &later,
        id,
        &ms(MilestoneKind::Tender, "2024-05-01", Some("2024-05-10")),
    )
    .unwrap();
    // Started before the tender it follows: refused, naming both dates.
    let e = projects::set_milestone(
        &mut store,
        &later,
        id,
        &ms(MilestoneKind::Start, "2024-05-01", Some("2024-05-05")),
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("done_on"));
    assert!(e.to_string().contains("早于已登记的招投标日期"), "{e}");
    let p = projects::set_milestone(
        &mut store,
        &later,
        id,
        &ms(MilestoneKind::Completion, "2024-05-20", None),
    )
    .unwrap();
    assert_eq!(p.state, ProjectState::Underway);
    // The completion planned for 20 May and not reached is late on 1 June.
    let late = projects::late_milestones(store.conn(), day(2024, 6, 1)).unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(
        (late[0].kind, late[0].days_late),
        (MilestoneKind::Completion, 12)
    );

    let p = projects::evaluate(
        &mut store,
        &clerk(day(2024, 12, 10)),
        id,
        &EvaluationInput {
            date: "2024-12-10".into(),
            satisfied: 14,
            basically: 4,
            unsatisfied: 2,
        },
    )
    .unwrap();
    let e = p.evaluation.unwrap();
    assert_eq!(
        (e.numerator, e.denominator),
        (18, 20),
        "满意 and 基本满意 of all rated"
    );

    // Unfinished at year end: the check says so; carried, it is on next year's list.
    let p = projects::get(store.conn(), id, day(2025, 1, 5)).unwrap();
    assert!(
        p.checks.iter().any(|c| c.contains("可结转")),
        "{:?}",
        p.checks
    );
    projects::carry(&mut store, &clerk(day(2025, 1, 5)), id).unwrap();
    let next = projects::list(
        store.conn(),
        &ProjectQuery {
            year: Some(2025),
            ..Default::default()
        },
        day(2025, 1, 5),
    )
    .unwrap();
    assert_eq!(
        next.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![id]
    );
    assert_eq!(next.items[0].carried_to, Some(2025));
    // Each step is in the project's history.
    let h = taizhang_core::registry::history(
        store.conn(),
        Some(taizhang_core::history::Entity::LivelihoodProject),
        Some(id),
        1,
        50,
    )
    .unwrap();
    assert!(
        h.total >= 6,
        "create, vote, milestones, evaluation, carry: {}",
        h.total
    );
}
