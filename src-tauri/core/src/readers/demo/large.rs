//! A large office for benchmarks: twenty years, four terms of about a hundred deputies, twenty
//! handling units, ~20,000 suggestions and ~50,000 petitions through their usual roads. Written
//! through the same validated write path as the clerk's (one transaction per year, for speed).
//! Documents, presidium meetings (one a quarter) and group activities (with opinions) too.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::{d, input_for, person, Rng, Seat, GIVEN_FEMALE, GIVEN_MALE, SURNAMES};
use crate::activities::{self, ActivityInput, OpinionInput};
use crate::history::Stamp;
use crate::meetings::{self, AgendaItemInput, MeetingInput};
use crate::petitions::{self, PetitionInput, Step as P};
use crate::roster::deputy;
use crate::roster::org::{self, ConstituencyInput, DeputyGroupInput, TermInput};
use crate::roster::status::{self, PresidiumPostInput};
use crate::suggestions::{self, Step, SuggestionInput};
use crate::units::{self, HandlingUnitInput};
use crate::vocab::*;
use crate::{rules, settings, Error, Result, Store};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Scale {
    pub years: i32,
    pub deputies_per_term: usize,
    pub suggestions_per_year: usize,
    pub petitions_per_year: usize,
    pub documents_per_year: usize,
    pub activities_per_year: usize,
}

impl Default for Scale {
    fn default() -> Scale {
        Scale {
            years: 20,
            deputies_per_term: 100,
            suggestions_per_year: 1_000,
            petitions_per_year: 2_500,
            documents_per_year: 1_500,
            activities_per_year: 500,
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LargeSummary {
    pub terms: usize,
    pub deputies: usize,
    pub suggestions: usize,
    pub petitions: usize,
    pub documents: usize,
    pub meetings: usize,
    pub activities: usize,
    pub sessions: usize,
    pub projects: usize,
    pub steps: usize,
}

const WORDS: &[&str] = &[
    "道路",
    "桥梁",
    "路灯",
    "供水",
    "污水",
    "垃圾",
    "河道",
    "养老",
    "低保",
    "医保",
    "学校",
    "幼儿园",
    "卫生院",
    "农田",
    "水渠",
    "茶园",
    "宅基地",
    "拆迁",
    "噪声",
    "欠薪",
    "停车",
    "市场",
    "公交",
    "山林",
];
const VILLAGES: &[&str] = &[
    "青山村",
    "河口村",
    "东岭村",
    "西溪村",
    "南塘村",
    "北坞村",
    "石桥村",
    "竹林村",
];

fn at(on: NaiveDate) -> Stamp {
    Stamp::at("基准数据", on.and_hms_opt(9, 0, 0).expect("valid"))
}

/// Fills an empty database; `today` is the last day of the twenty years.
pub fn generate(
    store: &mut Store,
    scale: &Scale,
    seed: u64,
    today: NaiveDate,
) -> Result<LargeSummary> {
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM deputies", [], |r| r.get(0))?;
    if n > 0 {
        return Err(Error::InvalidTransition(
            "基准数据只能装入空的数据库".into(),
        ));
    }
    if !(1..=100).contains(&scale.years) {
        return Err(Error::validation(
            "years",
            "基准数据的年数应在 1 到 100 之间",
        ));
    }
    let mut rng = Rng(seed);
    let first = NaiveDate::from_ymd_opt(today.year() - scale.years + 1, 1, 1).expect("valid");
    settings::save(
        store,
        &at(first),
        &settings::Settings {
            township: "基准镇".into(),
            operator: "办公室".into(),
            county_mode: false,
        },
    )?;
    store.write(|tx| rules::set_current(tx, "zhejiang"))?;
    let mut constituencies = Vec::new();
    for i in 0..20 {
        constituencies.push(
            org::create_constituency(
                store,
                &at(first),
                &ConstituencyInput {
                    number: i + 1,
                    name: format!("第{}选区", i + 1),
                    area: String::new(),
                },
            )?
            .id,
        );
    }
    let mut groups = Vec::new();
    for i in 0..8 {
        groups.push(
            org::create_group(
                store,
                &at(first),
                &DeputyGroupInput {
                    name: format!("第{}代表小组", org::chinese_number(i + 1)),
                    station_id: None,
                    leader_id: None,
                    deputy_leader_id: None,
                    liaison_id: None,
                },
            )?
            .id,
        );
    }
    let mut unit_ids = Vec::new();
    for i in 0..20 {
        unit_ids.push(
            units::create(
                store,
                &at(first),
                &HandlingUnitInput {
                    name: format!("承办单位{:02}", i + 1),
                    contact: String::new(),
                    phone: String::new(),
                    active: true,
                },
            )?
            .id,
        );
    }

    // Terms of five years; the last one is current.
    let mut terms = Vec::new();
    let mut start = first;
    let mut number = 16;
    while start <= today {
        let end = start + Duration::days(5 * 365);
        let t = org::create_term(
            store,
            &at(start),
            &TermInput {
                number,
                start_date: start.to_string(),
                end_date: (end <= today).then(|| (end - Duration::days(1)).to_string()),
            },
        )?;
        let mut used = Vec::new();
        let mut ids = Vec::new();
        store.write(|tx| {
            for k in 0..scale.deputies_per_term {
                // Deputies born too late for a term twenty years ago are skipped.
                let p = loop {
                    let p = person(&mut rng, &mut used);
                    if p.birth.year() <= start.year() - 22 {
                        break p;
                    }
                };
                let seat = Seat {
                    term_id: t.id,
                    constituency: constituencies[k % 20],
                    group: groups[k % 8],
                    elected_on: start,
                    how: ElectedHow::GeneralElection,
                    card: k + 1,
                };
                let input = input_for(&p, &mut rng, &seat);
                let valid = deputy::validate(tx, &input, None)?;
                ids.push(deputy::insert(
                    tx,
                    &at(start),
                    &input,
                    &valid,
                    crate::history::Action::Create,
                    "",
                )?);
            }
            Ok(())
        })?;
        // The previous term's presidium leaves office when the new term begins.
        for p in status::presidium_on(store.conn(), start)? {
            status::end_post(store, &at(start), p.id, &start.to_string())?;
        }
        for (i, post) in [
            PresidiumPostKind::Chair,
            PresidiumPostKind::ViceChair,
            PresidiumPostKind::Member,
            PresidiumPostKind::Member,
            PresidiumPostKind::Member,
        ]
        .into_iter()
        .enumerate()
        {
            status::add_post(
                store,
                &at(start),
                &PresidiumPostInput {
                    deputy_id: ids[i * 7],
                    post,
                    start_date: start.to_string(),
                },
            )?;
        }
        terms.push((t, ids));
        start = end;
        number += 1;
    }

    let mut steps = 0usize;
    let mut n_s = 0usize;
    let mut n_p = 0usize;
    let mut n_d = 0usize;
    let mut n_m = 0usize;
    let mut n_a = 0usize;
    let mut n_sessions = 0usize;
    let mut n_projects = 0usize;
    for year in first.year()..=today.year() {
        let year_start = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid");
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31)
            .expect("valid")
            .min(today);
        let span = (year_end - year_start).num_days().max(1);
        store.write(|tx| {
            for k in 0..scale.suggestions_per_year {
                let on = year_start + Duration::days(rng.below(span as usize + 1) as i64);
                let Some((term, ids)) = terms.iter().find(|(t, _)| t.covers(on)) else {
                    continue;
                };
                let lead = *rng.pick(ids);
                let co = *rng.pick(ids);
                let word = rng.pick(WORDS);
                let id = suggestions::create_in(
                    tx,
                    &at(on),
                    &SuggestionInput {
                        term_id: Some(term.id),
                        session_no: (year - term.start_date.year()) as i64 + 2,
                        during_session: k % 3 != 0,
                        kind: SuggestionKind::Suggestion,
                        lead_deputy_id: Some(lead),
                        by_presidium: false,
                        co_signer_ids: if co == lead { vec![] } else { vec![co] },
                        subject: format!("关于改善{}{}的建议", rng.pick(VILLAGES), word),
                        content: format!("群众反映{word}问题突出，建议尽快研究解决。"),
                        category: *rng.pick(SuggestionCategory::ALL),
                        received_on: on.to_string(),
                        key_supervision: rng.chance(5),
                        published: false,
                        notes: String::new(),
                    },
                )?;
                n_s += 1;
                let mut road: Vec<Step> = Vec::new();
                let mut day = on + Duration::days(3 + rng.below(10) as i64);
                let cat = rules::current(tx)?.suggestion.reply_categories[rng.below(4)]
                    .code
                    .clone();
                road.push(Step::Assign {
                    date: day,
                    lead_unit_id: *rng.pick(&unit_ids),
                    co_unit_ids: vec![],
                });
                day += Duration::days(20 + rng.below(80) as i64);
                road.push(Step::Reply {
                    date: day,
                    signer: "镇长".into(),
                    reply_category: cat,
                    text: String::new(),
                    attachment: String::new(),
                    promised_on: None,
                });
                day += Duration::days(3 + rng.below(20) as i64);
                let result = *rng.pick(&[
                    Satisfaction::Satisfied,
                    Satisfaction::Satisfied,
                    Satisfaction::BasicallySatisfied,
                    Satisfaction::Dissatisfied,
                ]);
                road.push(Step::Evaluate {
                    date: day,
                    attitude: Satisfaction::Satisfied,
                    result,
                    comment: String::new(),
                });
                day += Duration::days(2);
                road.push(Step::Close {
                    date: day,
                    note: String::new(),
                });
                for s in road.into_iter().filter(|s| s.date() <= today) {
                    suggestions::step_in(tx, &at(s.date()), id, &s)?;
                    steps += 1;
                }
            }
            for _ in 0..scale.petitions_per_year {
                let on = year_start + Duration::days(rng.below(span as usize + 1) as i64);
                let female = rng.chance(40);
                let name = format!(
                    "{}{}",
                    rng.pick(SURNAMES),
                    if female {
                        rng.pick(GIVEN_FEMALE)
                    } else {
                        rng.pick(GIVEN_MALE)
                    }
                );
                let word = rng.pick(WORDS);
                let anonymous = rng.chance(5);
                let id = petitions::create_in(
                    tx,
                    &at(on),
                    &PetitionInput {
                        channel: *rng.pick(&PetitionChannel::ALL[..5]),
                        received_at: format!("{on} {:02}:{:02}", 8 + rng.below(9), rng.below(60)),
                        anonymous,
                        petitioner_name: (!anonymous).then_some(name),
                        sex: Some(if female { Sex::Female } else { Sex::Male })
                            .filter(|_| !anonymous),
                        age: Some(25 + rng.below(55) as i64).filter(|_| !anonymous),
                        address: Some(format!("{}{}组", rng.pick(VILLAGES), 1 + rng.below(9)))
                            .filter(|_| !anonymous),
                        phone: Some(format!(
                            "13{}{:08}",
                            5 + rng.below(4),
                            rng.below(100_000_000)
                        ))
                        .filter(|_| !anonymous),
                        id_number: None,
                        co_visitors: None,
                        people_count: if rng.chance(3) {
                            5 + rng.below(10) as i64
                        } else {
                            1
                        },
                        request: format!("反映{}{}问题，要求尽快解决", rng.pick(VILLAGES), word),
                        facts: String::new(),
                        category: *rng.pick(PetitionCategory::ALL),
                        receiver: "办公室".into(),
                        via_deputy_id: None,
                        proposed_handling: String::new(),
                        instruction: String::new(),
                        confidential: false,
                        link_ids: vec![],
                    },
                )?;
                n_p += 1;
                let mut day = on + Duration::days(1 + rng.below(10) as i64);
                let mut road = vec![P::Accept {
                    date: day,
                    note: String::new(),
                }];
                day += Duration::days(1);
                road.push(P::Assign {
                    date: day,
                    unit_id: *rng.pick(&unit_ids),
                    note: String::new(),
                });
                day += Duration::days(10 + rng.below(50) as i64);
                road.push(P::Reply {
                    date: day,
                    manner: ReplyManner::Written,
                    result: "已办理".into(),
                    resolved: rng.chance(85),
                });
                day += Duration::days(5 + rng.below(20) as i64);
                road.push(P::ReturnVisit {
                    date: day,
                    evaluation: *rng.pick(Satisfaction::ALL),
                    note: String::new(),
                });
                day += Duration::days(3);
                road.push(P::Archive {
                    date: day,
                    volume: format!("{}-信-{:02}", day.year(), 1 + rng.below(12)),
                });
                for s in road.into_iter().filter(|s| s.date() <= today) {
                    petitions::step_in(tx, &at(s.date()), id, &s)?;
                    steps += 1;
                }
            }
            for k in 0..scale.documents_per_year {
                let on = year_start + Duration::days(rng.below(span as usize + 1) as i64);
                let received = k % 4 != 0;
                let (issuer, code) = if received {
                    *rng.pick(&[
                        ("县人大常委会", "县人大常"),
                        ("县委办公室", "县委办"),
                        ("县人民政府办公室", "县政办"),
                        ("镇党委", "青委"),
                    ])
                } else {
                    ("", "青人大")
                };
                crate::documents::create_in(
                    tx,
                    &at(on),
                    &crate::documents::DocumentInput {
                        direction: if received {
                            DocumentDirection::Received
                        } else {
                            DocumentDirection::Sent
                        },
                        date: on.to_string(),
                        issuer: issuer.into(),
                        issuer_level: received.then_some(IssuerLevel::County),
                        doc_number: format!("{code}〔{year}〕{}号", k + 1),
                        title: format!("关于{}{}工作的通知", rng.pick(VILLAGES), rng.pick(WORDS)),
                        classification: Classification::Public,
                        urgency: Urgency::Normal,
                        copies: 1,
                        attachments: String::new(),
                        instruction: String::new(),
                        handler: "办公室".into(),
                        signed_by: String::new(),
                        sent_to: String::new(),
                        reply_doc_number: String::new(),
                        notes: String::new(),
                    },
                )?;
                n_d += 1;
            }
            for q in 0..4u32 {
                let on = NaiveDate::from_ymd_opt(year, q * 3 + 2, 10).expect("valid");
                if on > today || !terms.iter().any(|(t, _)| t.covers(on)) {
                    continue;
                }
                let present = meetings::members_on(tx, on)?.len() as i64;
                meetings::create_in(
                    tx,
                    &at(on),
                    &MeetingInput {
                        date: on.to_string(),
                        start_time: "09:00".into(),
                        place: "主席团会议室".into(),
                        recorder: "办公室".into(),
                        agenda: (0..2)
                            .map(|_| AgendaItemInput {
                                title: format!("研究{}{}工作", rng.pick(VILLAGES), rng.pick(WORDS)),
                                decision: "同意".into(),
                                votes_for: Some(present),
                                votes_against: Some(0),
                                votes_abstain: Some(0),
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    },
                )?;
                n_m += 1;
            }
            for _ in 0..scale.activities_per_year {
                let on = year_start + Duration::days(rng.below(span as usize + 1) as i64);
                if !terms.iter().any(|(t, _)| t.covers(on)) {
                    continue;
                }
                let group = *rng.pick(&groups);
                let kind = *rng.pick(ActivityKind::ALL);
                let opinions = if kind == ActivityKind::VoterReception {
                    (0..3)
                        .map(|_| OpinionInput {
                            id: None,
                            source: format!("{}村民", rng.pick(VILLAGES)),
                            content: format!("反映{}{}问题", rng.pick(VILLAGES), rng.pick(WORDS)),
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                activities::create_in(
                    tx,
                    &at(on),
                    &ActivityInput {
                        organiser: Organiser::Group,
                        group_id: Some(group),
                        station_id: None,
                        participants: Vec::new(),
                        voters_received: None,
                        kind,
                        date: on.to_string(),
                        place: "代表联络站".into(),
                        notice_date: Some((on - Duration::days(3)).to_string()),
                        theme: format!("{}{}{}", rng.pick(VILLAGES), rng.pick(WORDS), kind.label()),
                        leave_reasons: Vec::new(),
                        excused: Vec::new(),
                        absent: Vec::new(),
                        higher_deputies: String::new(),
                        record: String::new(),
                        results: String::new(),
                        reported_on: None,
                        opinions,
                        notes: String::new(),
                    },
                )?;
                n_a += 1;
            }
            Ok(())
        })?;
        let (s, p) = congress_year(store, &mut rng, year, today)?;
        n_sessions += s;
        n_projects += p;
        supervision_year(store, &mut rng, year, today)?;
    }
    let deputies = terms.iter().map(|(_, ids)| ids.len()).sum();
    let _ = d(2000, 1, 1);
    Ok(LargeSummary {
        terms: terms.len(),
        deputies,
        suggestions: n_s,
        petitions: n_p,
        documents: n_d,
        meetings: n_m,
        activities: n_a,
        sessions: n_sessions,
        projects: n_projects,
        steps,
    })
}

/// A year of the congress in the large office: two sessions (spring, year end) inside a term,
/// a few deputies excused at each, and ten 民生实事 candidates voted at the spring session.
fn congress_year(
    store: &mut Store,
    rng: &mut Rng,
    year: i32,
    today: NaiveDate,
) -> Result<(usize, usize)> {
    use crate::projects::{self, CandidateVote, ProjectInput, VoteInput};
    use crate::sessions::{self, AttendanceInput, SessionInput};
    let mut held = Vec::new();
    for (m, d) in [(3, 10), (12, 15)] {
        let first = NaiveDate::from_ymd_opt(year, m, d).expect("valid");
        if first + Duration::days(1) >= today {
            continue;
        }
        let Ok((term, members)) = sessions::members_on(store.conn(), first) else {
            continue;
        };
        if members.len() < 10 || !term.covers(first + Duration::days(1)) {
            continue;
        }
        let attendance = (0..3)
            .map(|k| AttendanceInput {
                deputy_id: members
                    [(rng.below(members.len() / 3) + k * members.len() / 3) % members.len()]
                .deputy_id,
                attendance: Attendance::Excused,
                reason: "外出".into(),
                approved_by: String::new(),
            })
            .collect();
        let s = sessions::create(
            store,
            &at(first + Duration::days(1)),
            &SessionInput {
                kind: SessionKind::Regular,
                first_day: first.to_string(),
                last_day: (first + Duration::days(1)).to_string(),
                place: "镇政府会议室".into(),
                notified_on: Some((first - Duration::days(10)).to_string()),
                presiders: "会议主席团".into(),
                attendees: String::new(),
                attendance,
                items: Vec::new(),
                elections: Vec::new(),
                notes: String::new(),
            },
        )?;
        held.push(s);
    }
    let Some(spring) = held.first().filter(|s| s.first_day.month() == 3) else {
        return Ok((held.len(), 0));
    };
    let present = spring.present as i64;
    let mut ids = Vec::new();
    for k in 0..10 {
        let p = projects::create(
            store,
            &at(spring.first_day),
            &ProjectInput {
                year,
                title: format!("{}{}项目{}", rng.pick(VILLAGES), rng.pick(WORDS), k + 1),
                description: String::new(),
                source: ProjectSource::Voters,
                suggestion_id: None,
                estimated_cost: Some(500_000 + 10_000 * k),
                unit_id: None,
                planned_completion: None,
                notes: String::new(),
            },
        )?;
        ids.push(p.id);
    }
    projects::vote(
        store,
        &at(spring.first_day + Duration::days(1)),
        &VoteInput {
            year,
            session_id: spring.id,
            ballots_issued: present,
            ballots_returned: present,
            candidates: ids
                .iter()
                .enumerate()
                .map(|(k, id)| CandidateVote {
                    project_id: *id,
                    votes_for: present - k as i64,
                    votes_against: k as i64,
                    votes_abstain: 0,
                })
                .collect(),
        },
    )?;
    Ok((held.len(), ids.len()))
}

/// A year of supervision in the large office: two presidium inspections of eight deputies, each
/// sending three review opinions (most reported in time and found satisfactory), a 站所评议 of six
/// units by twenty voters, a fifth of the deputies reporting to the voters, and a monthly duty
/// day at the first two stations (recorded, one deputy in six missing it).
fn supervision_year(store: &mut Store, rng: &mut Rng, year: i32, today: NaiveDate) -> Result<()> {
    use crate::activities::ActivityInput;
    use crate::evaluations::{EvaluationEventInput, EvaluationObjectInput};
    use crate::rectifications::{AssessmentInput, RectificationInput, RectificationReportInput};
    use crate::stations::{DutyInput, RotaInput};
    let units: Vec<i64> = crate::units::list(store.conn(), false)?
        .iter()
        .map(|u| u.id)
        .collect();
    let stations: Vec<i64> = org::stations(store.conn())?.iter().map(|s| s.id).collect();
    if units.len() < 6 {
        return Ok(());
    }
    for (m, d) in [(5, 12), (9, 18)] {
        let Some(on) = NaiveDate::from_ymd_opt(year, m, d) else {
            continue;
        };
        if on + Duration::days(120) >= today {
            continue;
        }
        let Ok((_, members)) = crate::sessions::members_on(store.conn(), on) else {
            continue;
        };
        if members.len() < 16 {
            continue;
        }
        let invited: Vec<i64> = (0..8)
            .map(|k| members[(k * members.len() / 8 + rng.below(3)) % members.len()].deputy_id)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let a = crate::activities::create(
            store,
            &at(on),
            &ActivityInput {
                organiser: Organiser::Presidium,
                group_id: None,
                station_id: None,
                participants: invited,
                kind: ActivityKind::Inspection,
                date: on.to_string(),
                place: "全镇".into(),
                notice_date: None,
                theme: format!("视察{}{}工作", rng.pick(VILLAGES), rng.pick(WORDS)),
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
            },
        )?;
        for k in 0..3 {
            let sent = on + Duration::days(5);
            let r = crate::rectifications::create(
                store,
                &at(sent),
                &RectificationInput {
                    activity_id: Some(a.id),
                    unit_id: Some(units[rng.below(units.len())]),
                    official: String::new(),
                    content: format!("{}{}问题请限期整改", rng.pick(VILLAGES), rng.pick(WORDS)),
                    sent_on: sent.to_string(),
                    notes: String::new(),
                },
            )?;
            let reported = sent + Duration::days(if k == 2 { 80 } else { 40 });
            crate::rectifications::report(
                store,
                &at(reported),
                r.id,
                &RectificationReportInput {
                    date: reported.to_string(),
                    text: "已按要求整改".into(),
                },
            )?;
            crate::rectifications::assess(
                store,
                &at(reported + Duration::days(10)),
                r.id,
                &AssessmentInput {
                    date: (reported + Duration::days(10)).to_string(),
                    satisfaction: Satisfaction::Satisfied,
                    followup_id: None,
                },
            )?;
        }
    }
    let evaluated = NaiveDate::from_ymd_opt(year, 11, 20).filter(|on| *on < today);
    if let Some(on) = evaluated {
        crate::evaluations::create(
            store,
            &at(on),
            &EvaluationEventInput {
                kind: EvaluationKind::Station,
                date: on.to_string(),
                title: format!("{year}年度站所工作评议"),
                evaluator_ids: Vec::new(),
                voters: Some(20),
                activity_id: None,
                objects: units
                    .iter()
                    .take(6)
                    .map(|u| {
                        let poor = rng.below(8) as i64;
                        EvaluationObjectInput {
                            unit_id: Some(*u),
                            official: String::new(),
                            post: String::new(),
                            project_id: None,
                            good: 12 - poor.min(12),
                            fair: 8 - poor.min(8),
                            poor,
                        }
                    })
                    .collect(),
                notes: String::new(),
            },
        )?;
    }
    for month in 1..=12u32 {
        let Some(on) = NaiveDate::from_ymd_opt(year, month, 8).filter(|on| *on < today) else {
            break;
        };
        let Ok((_, members)) = crate::sessions::members_on(store.conn(), on) else {
            continue;
        };
        if members.len() < 4 {
            continue;
        }
        for (i, station) in stations.iter().take(2).enumerate() {
            let pair: Vec<i64> = (0..2)
                .map(|k| members[(month as usize * 4 + i * 2 + k) % members.len()].deputy_id)
                .collect();
            if pair[0] == pair[1] {
                continue;
            }
            crate::stations::set_rota(
                store,
                &at(on - Duration::days(20)),
                &RotaInput {
                    station_id: *station,
                    date: on.to_string(),
                    deputy_ids: pair.clone(),
                    reason: String::new(),
                },
            )?;
            crate::stations::record_duty(
                store,
                &at(on),
                &DutyInput {
                    station_id: *station,
                    date: on.to_string(),
                    excused: Vec::new(),
                    absent: if rng.below(6) == 0 {
                        vec![pair[1]]
                    } else {
                        Vec::new()
                    },
                    leave_reasons: Vec::new(),
                    voters_received: Some(rng.below(9) as i64),
                    record: String::new(),
                    opinions: Vec::new(),
                    notes: String::new(),
                },
            )?;
        }
    }
    // Mid-year, a fifth of the deputies in office report to their voters.
    let Some(on) = NaiveDate::from_ymd_opt(year, 6, 30).filter(|on| *on < today) else {
        return Ok(());
    };
    if let Ok((_, members)) = crate::sessions::members_on(store.conn(), on) {
        for m in members.iter().skip(year as usize % 5).step_by(5) {
            crate::duty_reports::create(
                store,
                &at(on),
                &crate::duty_reports::DutyReportInput {
                    deputy_id: m.deputy_id,
                    date: on.to_string(),
                    place: "选民之家".into(),
                    voters_present: 40,
                    good: None,
                    fair: None,
                    poor: None,
                    notes: String::new(),
                },
            )?;
        }
    }
    Ok(())
}
