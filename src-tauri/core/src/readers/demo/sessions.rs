//! The demo township's sessions of the congress: the term's first session with its elections,
//! then two sessions a year (spring and year end) up to `today`, a few deputies excused at each,
//! one deputy absent without approval twice (so the 代表法 flag shows), a by-election of a 副镇长,
//! and this year's and last year's spring sessions on the days the demo's suggestions are made.

use chrono::{Datelike, Duration, NaiveDate};

use super::{stamp, Rng};
use crate::roster::status;
use crate::sessions::{
    self, AttendanceInput, CandidateInput, ElectionInput, SessionInput, SessionItemInput,
};
use crate::vocab::*;
use crate::{Result, Store};

const LEAVE: &[&str] = &["外出务工", "因病住院", "参加县人大培训", "家中有急事"];

/// The spring sessions the demo's suggestions are registered at (this year's and last year's),
/// as `casework` dates them: 270 and 635 days before `today`, two days each.
pub(super) fn spring_days(today: NaiveDate) -> [NaiveDate; 2] {
    [today - Duration::days(635), today - Duration::days(270)]
}

fn items(present: i64, rng: &mut Rng, spring: bool, year: i32) -> Vec<SessionItemInput> {
    let mut vote = |title: &str, kind: SessionItemKind, outcome: &str, out: OutcomeKind| {
        let against = rng.below(2) as i64;
        let abstain = rng.below(3) as i64;
        SessionItemInput {
            kind,
            title: title.into(),
            outcome: outcome.into(),
            outcome_kind: Some(out),
            votes_for: Some(present - against - abstain),
            votes_against: Some(against),
            votes_abstain: Some(abstain),
        }
    };
    if spring {
        vec![
            vote(
                "听取和审议镇人民政府工作报告",
                SessionItemKind::WorkReport,
                "关于镇人民政府工作报告的决议",
                OutcomeKind::Resolution,
            ),
            vote(
                "听取和审议镇人大主席团工作报告",
                SessionItemKind::PresidiumReport,
                "关于镇人大主席团工作报告的决议",
                OutcomeKind::Resolution,
            ),
            vote(
                &format!("审查和批准{}年财政预算", year),
                SessionItemKind::Budget,
                &format!("关于{}年财政预算的决议", year),
                OutcomeKind::Resolution,
            ),
            vote(
                &format!("票决{}年民生实事项目", year),
                SessionItemKind::Livelihood,
                &format!("关于{}年民生实事项目的决定", year),
                OutcomeKind::Decision,
            ),
        ]
    } else {
        vec![
            vote(
                "听取和审议代表建议办理情况的报告",
                SessionItemKind::SuggestionReport,
                "关于代表建议办理情况报告的决议",
                OutcomeKind::Resolution,
            ),
            vote(
                &format!("审查和批准{}年财政预算执行情况", year),
                SessionItemKind::Budget,
                &format!("关于{}年财政预算执行情况的决议", year),
                OutcomeKind::Resolution,
            ),
            vote(
                "听取民生实事项目推进情况的报告",
                SessionItemKind::Livelihood,
                "",
                OutcomeKind::Resolution,
            ),
        ]
    }
}

/// A count in which the candidates get most of the valid ballots (deputies rarely vote against).
fn election(
    post: ElectedPost,
    by_election: bool,
    places: i64,
    names: &[(String, Option<i64>)],
    present: i64,
    rng: &mut Rng,
) -> ElectionInput {
    let issued = present;
    let invalid = rng.below(2) as i64;
    let valid = issued - invalid;
    let candidates = names
        .iter()
        .enumerate()
        .map(|(i, (name, id))| CandidateInput {
            name: name.clone(),
            deputy_id: *id,
            // The first `places` win clearly; the others trail with what the winners left (each
            // ballot names at most `places` candidates).
            votes: if (i as i64) < places {
                valid - 3 - rng.below(4) as i64
            } else {
                rng.below(3) as i64
            },
        })
        .collect();
    ElectionInput {
        post,
        by_election,
        competitive: names.len() as i64 > places,
        places,
        ballots_issued: issued,
        ballots_returned: issued,
        ballots_valid: valid,
        ballots_invalid: invalid,
        candidates,
    }
}

pub(super) fn seed(store: &mut Store, term_start: NaiveDate, today: NaiveDate) -> Result<usize> {
    let mut rng = Rng(20);
    let [last_spring, this_spring] = spring_days(today);
    let mut days: Vec<(NaiveDate, bool)> = vec![(term_start, false)];
    for year in term_start.year() + 1..=today.year() {
        let spring = [last_spring, this_spring]
            .into_iter()
            .find(|d| d.year() == year)
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 3, 10).expect("a date"));
        days.push((spring, true));
        let end = NaiveDate::from_ymd_opt(year, 12, 15).expect("a date");
        if end + Duration::days(1) < today && end - spring > Duration::days(60) {
            days.push((end, false));
        }
    }
    days.retain(|(d, _)| *d >= term_start && *d + Duration::days(1) < today);
    days.sort();
    // Two sessions never share a day (a spring session dated from `today` may fall near another).
    days.dedup_by(|b, a| b.0 <= a.0 + Duration::days(1));
    let n = days.len();
    // The deputy who stays away twice without leave, from the last two sessions: one who holds
    // a mandate at the last of them.
    let Some((last, _)) = days.last().copied() else {
        return Ok(0);
    };
    let (_, at_last) = sessions::members_on(store.conn(), last)?;
    let truant_id = at_last
        .get(at_last.len() / 2)
        .map(|m| m.deputy_id)
        .unwrap_or_default();
    for (i, (first, spring)) in days.into_iter().enumerate() {
        let (_, members) = sessions::members_on(store.conn(), first)?;
        if members.is_empty() {
            continue;
        }
        let mut attendance: Vec<AttendanceInput> = Vec::new();
        for k in 0..(2 + rng.below(2)) {
            let m = &members[(i * 7 + k * 5 + 3) % members.len()];
            if m.deputy_id == truant_id || attendance.iter().any(|a| a.deputy_id == m.deputy_id) {
                continue;
            }
            attendance.push(AttendanceInput {
                deputy_id: m.deputy_id,
                attendance: Attendance::Excused,
                reason: rng.pick(LEAVE).to_string(),
                approved_by: "镇人大主席".into(),
            });
        }
        if i + 2 >= n && members.iter().any(|m| m.deputy_id == truant_id) {
            attendance.push(AttendanceInput {
                deputy_id: truant_id,
                attendance: Attendance::Absent,
                reason: String::new(),
                approved_by: String::new(),
            });
        }
        let present = (members.len() - attendance.len()) as i64;
        let mut elections = Vec::new();
        let name_of = |id: i64| {
            members
                .iter()
                .find(|m| m.deputy_id == id)
                .map(|m| (m.name.clone(), Some(id)))
        };
        if i == 0 {
            // The term's first session elects the chair (the one who holds the post), a vice
            // chair out of two, the head, and two deputy heads out of three.
            let posts = status::presidium_on(store.conn(), first + Duration::days(1))?;
            let holder = |kind: PresidiumPostKind| {
                posts
                    .iter()
                    .find(|p| p.post == kind)
                    .and_then(|p| name_of(p.deputy_id))
            };
            let other = |k: usize| (members[k].name.clone(), Some(members[k].deputy_id));
            if let Some(chair) = holder(PresidiumPostKind::Chair) {
                elections.push(election(
                    ElectedPost::Chair,
                    false,
                    1,
                    &[chair],
                    present,
                    &mut rng,
                ));
            }
            if let Some(vice) = holder(PresidiumPostKind::ViceChair) {
                elections.push(election(
                    ElectedPost::ViceChair,
                    false,
                    1,
                    &[vice, other(9)],
                    present,
                    &mut rng,
                ));
            }
            elections.push(election(
                ElectedPost::Head,
                false,
                1,
                &[other(4)],
                present,
                &mut rng,
            ));
            elections.push(election(
                ElectedPost::DeputyHead,
                false,
                2,
                &[other(6), other(7), other(11)],
                present,
                &mut rng,
            ));
        } else if spring && first.year() == term_start.year() + 3 {
            // A 副镇长 moved away: a by-election, one candidate.
            elections.push(election(
                ElectedPost::DeputyHead,
                true,
                1,
                &[(members[15].name.clone(), Some(members[15].deputy_id))],
                present,
                &mut rng,
            ));
        }
        let mut items = items(present, &mut rng, spring, first.year());
        if !elections.is_empty() {
            items.push(SessionItemInput {
                kind: SessionItemKind::Election,
                title: if i == 0 {
                    "选举镇人大主席、副主席，镇长、副镇长".into()
                } else {
                    "补选副镇长".into()
                },
                outcome: String::new(),
                outcome_kind: None,
                votes_for: None,
                votes_against: None,
                votes_abstain: None,
            });
        }
        sessions::create(
            store,
            &stamp(first + Duration::days(2)),
            &SessionInput {
                kind: SessionKind::Regular,
                first_day: first.to_string(),
                last_day: (first + Duration::days(1)).to_string(),
                place: "镇政府三楼大会议室".into(),
                notified_on: Some(
                    (first - Duration::days(if i == 1 { 5 } else { 10 })).to_string(),
                ),
                presiders: "会议主席团".into(),
                attendees: "镇人民政府领导班子成员，县人大代表，各村（社区）党组织书记".into(),
                attendance,
                items,
                elections,
                notes: String::new(),
            },
        )?;
    }
    Ok(n)
}
