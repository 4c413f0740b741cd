//! The demo township's petitions: a year of letters, visits and calls in every state, a group
//! visit, repeat visits linked to earlier ones, reviews, and a whistleblower's sealed letter.

use chrono::{Datelike, NaiveDate};

use super::casework::{at, day, UNITS};
use super::{person, Rng, VILLAGES};
use crate::petitions::{self, PetitionInput, Step as PetitionStep};
use crate::vocab::*;
use crate::{Result, Store};
use PetitionStep as P;

/// Request, category, channel.
const REQUESTS: &[(&str, PetitionCategory)] = &[
    (
        "反映青山村至河口村道路坑洼严重，雨天无法通行，要求尽快修复",
        PetitionCategory::Construction,
    ),
    (
        "反映邻居违章搭建占用公共通道，要求依法拆除",
        PetitionCategory::UrbanManagement,
    ),
    (
        "反映承包土地被村集体调整后补偿不到位",
        PetitionCategory::Land,
    ),
    (
        "反映在青山建材公司务工被拖欠工资三个月",
        PetitionCategory::Labor,
    ),
    (
        "申请农村低保，家中老人长期患病无收入",
        PetitionCategory::SocialSecurity,
    ),
    (
        "反映桃源村养殖场污水直排河道，气味难闻",
        PetitionCategory::Environment,
    ),
    ("反映宅基地审批迟迟没有结果", PetitionCategory::Land),
    (
        "反映村里自来水水压不足，高处农户用水困难",
        PetitionCategory::PublicServices,
    ),
    ("反映工业园企业夜间噪声扰民", PetitionCategory::Environment),
    ("反映山林权属与邻村存在争议", PetitionCategory::RuralAffairs),
    (
        "反映孩子就近入学被安排到较远学校",
        PetitionCategory::PublicServices,
    ),
    (
        "反映村道路灯损坏多时无人维修",
        PetitionCategory::Construction,
    ),
    ("反映征地拆迁安置房迟迟未交付", PetitionCategory::Land),
    (
        "反映医保报销比例与政策不符",
        PetitionCategory::SocialSecurity,
    ),
    (
        "反映村集体资产出租收益分配不公开",
        PetitionCategory::RuralAffairs,
    ),
    (
        "反映农贸市场摊位费收取不规范",
        PetitionCategory::UrbanManagement,
    ),
];

/// Seeds the petitions book, dated back from `today`; returns how many were registered.
pub(super) fn seed_petitions(
    store: &mut Store,
    rng: &mut Rng,
    today: NaiveDate,
    used: &mut Vec<String>,
    unit_ids: &[i64],
) -> Result<usize> {
    let mut count_p = 0usize;
    let people: Vec<(String, String, String)> = (0..24)
        .map(|i| {
            let p = person(rng, used);
            let phone = format!("13{}{:08}", 5 + i % 4, rng.below(100_000_000));
            let id = p.id.clone().unwrap_or_default();
            (p.name, phone, id)
        })
        .collect();
    let mut petition = |store: &mut Store,
                        rng: &mut Rng,
                        ago: i64,
                        req: usize,
                        who: Option<usize>,
                        channel: PetitionChannel,
                        people_count: i64,
                        links: Vec<i64>|
     -> Result<i64> {
        let on = day(today, ago);
        let (request, category) = REQUESTS[req % REQUESTS.len()];
        let (name, phone, idn) = who.map(|w| people[w].clone()).unwrap_or_default();
        let p = petitions::create(
            store,
            &at(on),
            &PetitionInput {
                channel,
                received_at: format!("{} {:02}:{:02}", on, 8 + rng.below(9), rng.below(60)),
                anonymous: who.is_none(),
                petitioner_name: Some(name),
                sex: None,
                age: who.map(|_| 35 + rng.below(40) as i64),
                address: Some(format!(
                    "青山镇{}{}组",
                    rng.pick(VILLAGES),
                    1 + rng.below(9)
                ))
                .filter(|_| who.is_some()),
                phone: Some(phone),
                id_number: rng.chance(50).then_some(idn),
                // A group visit names two of the others (the rest would not give a name).
                co_visitors: who
                    .filter(|_| people_count >= petitions::GROUP_VISIT)
                    .map(|w| {
                        (1..=2)
                            .map(|k| people[(w + k) % people.len()].0.clone())
                            .collect()
                    }),
                people_count,
                request: request.to_string(),
                facts: String::new(),
                category,
                receiver: "办公室 林晓燕".into(),
                via_deputy_id: None,
                proposed_handling: "拟转相关单位调查处理".into(),
                instruction: if rng.chance(40) {
                    "请相关单位按期办理并答复。".into()
                } else {
                    String::new()
                },
                confidential: false,
                link_ids: links,
            },
        )?;
        count_p += 1;
        Ok(p.id)
    };
    let pstep = |store: &mut Store, id: i64, s: PetitionStep| -> Result<()> {
        petitions::step(store, &at(s.date()), id, &s)?;
        Ok(())
    };
    let channels = [
        PetitionChannel::Visit,
        PetitionChannel::Letter,
        PetitionChannel::Phone,
        PetitionChannel::Online,
        PetitionChannel::CountyReferral,
    ];
    // Older cases, finished: replied, many visited and archived.
    let mut road = 0;
    for i in 0..18 {
        let ago = 360 - i * 17;
        let who = if i % 7 == 3 { None } else { Some(i as usize) };
        let id = petition(
            store,
            rng,
            ago,
            i as usize,
            who,
            channels[i as usize % 5],
            1,
            Vec::new(),
        )?;
        if i == 0 {
            road = id;
        }
        let acc = day(today, ago - 4);
        if i == 5 || i == 13 {
            pstep(
                store,
                id,
                P::Decline {
                    date: acc,
                    reason: "属于诉讼程序解决的事项，已告知依法向法院起诉".into(),
                },
            )?;
            if i == 13 {
                continue;
            }
            pstep(
                store,
                id,
                P::Archive {
                    date: day(acc, -3),
                    volume: format!("{}-信-01", acc.year()),
                },
            )?;
            continue;
        }
        pstep(
            store,
            id,
            P::Accept {
                date: acc,
                note: String::new(),
            },
        )?;
        pstep(
            store,
            id,
            P::Assign {
                date: day(acc, -1),
                unit_id: unit_ids[(i as usize) % UNITS.len()],
                note: String::new(),
            },
        )?;
        if i == 8 {
            pstep(
                store,
                id,
                P::Extend {
                    date: day(acc, -10),
                    days: 30,
                    approver: "镇长 李国平".into(),
                    reason: "涉及历史遗留问题，需调取档案".into(),
                    told_on: day(acc, -11),
                },
            )?;
        }
        pstep(
            store,
            id,
            P::Reply {
                date: day(acc, -(20 + i % 35)),
                manner: ReplyManner::Written,
                result: "经调查核实，已责成相关单位整改到位。".into(),
                resolved: i % 6 != 2,
            },
        )?;
        let replied = day(acc, -(20 + i % 35));
        match i {
            2 => {
                pstep(
                    store,
                    id,
                    P::ReviewRequest {
                        date: day(replied, -10),
                        note: "对处理意见不服".into(),
                    },
                )?;
                pstep(
                    store,
                    id,
                    P::ReviewReply {
                        date: day(replied, -35),
                        result: "经复查，维持原处理意见".into(),
                    },
                )?;
                pstep(
                    store,
                    id,
                    P::ReReviewRequest {
                        date: day(replied, -45),
                        note: String::new(),
                    },
                )?;
                pstep(
                    store,
                    id,
                    P::ReReviewReply {
                        date: day(replied, -70),
                        result: "经复核，维持复查意见".into(),
                    },
                )?;
            }
            _ if i % 3 != 1 => {
                let ev = if i % 4 == 0 {
                    Satisfaction::BasicallySatisfied
                } else {
                    Satisfaction::Satisfied
                };
                pstep(
                    store,
                    id,
                    P::ReturnVisit {
                        date: day(replied, -7),
                        evaluation: ev,
                        note: "电话回访".into(),
                    },
                )?;
                if i < 12 {
                    pstep(
                        store,
                        id,
                        P::Archive {
                            date: day(replied, -9),
                            volume: format!("{}-信-{:02}", replied.year(), 2 + i / 4),
                        },
                    )?;
                }
            }
            _ => {}
        }
    }
    // In progress.
    let g = petition(
        store,
        rng,
        5,
        0,
        Some(0),
        PetitionChannel::Visit,
        7,
        vec![road],
    )?; // the same road again, a group visit
    let _ = g;
    petition(
        store,
        rng,
        12,
        8,
        Some(18),
        PetitionChannel::Phone,
        1,
        Vec::new(),
    )?; // notice due in days
    petition(
        store,
        rng,
        21,
        9,
        Some(19),
        PetitionChannel::Letter,
        1,
        Vec::new(),
    )?; // notice overdue
    let id = petition(
        store,
        rng,
        40,
        10,
        Some(20),
        PetitionChannel::Online,
        1,
        Vec::new(),
    )?;
    pstep(
        store,
        id,
        P::Accept {
            date: day(today, 36),
            note: String::new(),
        },
    )?;
    let id = petition(
        store,
        rng,
        75,
        11,
        Some(21),
        PetitionChannel::Visit,
        2,
        Vec::new(),
    )?;
    pstep(
        store,
        id,
        P::Accept {
            date: day(today, 70),
            note: String::new(),
        },
    )?;
    pstep(
        store,
        id,
        P::Assign {
            date: day(today, 69),
            unit_id: unit_ids[2],
            note: "限期修复".into(),
        },
    )?; // overdue
    let id = petition(
        store,
        rng,
        80,
        12,
        Some(22),
        PetitionChannel::CountyReferral,
        1,
        Vec::new(),
    )?;
    pstep(
        store,
        id,
        P::Accept {
            date: day(today, 76),
            note: String::new(),
        },
    )?;
    pstep(
        store,
        id,
        P::Assign {
            date: day(today, 75),
            unit_id: unit_ids[6],
            note: String::new(),
        },
    )?;
    pstep(
        store,
        id,
        P::Extend {
            date: day(today, 20),
            days: 30,
            approver: "镇长 李国平".into(),
            reason: "需县自然资源局协同核实".into(),
            told_on: day(today, 19),
        },
    )?;
    let id = petition(
        store,
        rng,
        50,
        13,
        Some(23),
        PetitionChannel::Letter,
        1,
        Vec::new(),
    )?;
    pstep(
        store,
        id,
        P::Accept {
            date: day(today, 46),
            note: String::new(),
        },
    )?;
    pstep(
        store,
        id,
        P::Assign {
            date: day(today, 45),
            unit_id: unit_ids[3],
            note: String::new(),
        },
    )?;
    pstep(
        store,
        id,
        P::Reply {
            date: day(today, 25),
            manner: ReplyManner::Written,
            result: "已按政策核定报销比例".into(),
            resolved: false,
        },
    )?;
    pstep(
        store,
        id,
        P::ReviewRequest {
            date: day(today, 10),
            note: "认为核定有误".into(),
        },
    )?;
    // Reviewed, and one whose re-review is under way.
    for (req, who, re_review) in [(14, 2, false), (15, 3, true)] {
        let id = petition(
            store,
            rng,
            160,
            req,
            Some(who),
            PetitionChannel::Visit,
            1,
            Vec::new(),
        )?;
        pstep(
            store,
            id,
            P::Accept {
                date: day(today, 155),
                note: String::new(),
            },
        )?;
        pstep(
            store,
            id,
            P::Assign {
                date: day(today, 154),
                unit_id: unit_ids[3],
                note: String::new(),
            },
        )?;
        pstep(
            store,
            id,
            P::Reply {
                date: day(today, 100),
                manner: ReplyManner::Written,
                result: "按政策予以答复".into(),
                resolved: false,
            },
        )?;
        pstep(
            store,
            id,
            P::ReviewRequest {
                date: day(today, 90),
                note: "对答复意见不服".into(),
            },
        )?;
        pstep(
            store,
            id,
            P::ReviewReply {
                date: day(today, 62),
                result: "经复查，维持原答复意见".into(),
            },
        )?;
        if re_review {
            pstep(
                store,
                id,
                P::ReReviewRequest {
                    date: day(today, 8),
                    note: "请求县信访局复核".into(),
                },
            )?;
        }
    }
    // A whistleblower's letter: identity strictly sealed.
    let id = petitions::create(
        store,
        &at(day(today, 9)),
        &PetitionInput {
            channel: PetitionChannel::Letter,
            received_at: format!("{} 10:20", day(today, 9)),
            anonymous: false,
            petitioner_name: Some(people[17].0.clone()),
            sex: None,
            age: None,
            address: Some("青山镇石桥村".into()),
            phone: Some(people[17].1.clone()),
            id_number: None,
            co_visitors: None,
            people_count: 1,
            request: "检举某村干部在集体资产出租中收受好处".into(),
            facts: String::new(),
            category: PetitionCategory::CadreConduct,
            receiver: "办公室 林晓燕".into(),
            via_deputy_id: None,
            proposed_handling: "按规定转镇纪委".into(),
            instruction: String::new(),
            confidential: true,
            link_ids: Vec::new(),
        },
    )?
    .id;
    pstep(
        store,
        id,
        P::Accept {
            date: day(today, 6),
            note: "已转镇纪委办理".into(),
        },
    )?;
    count_p += 1;
    Ok(count_p)
}
