//! The demo township's group activities: each group's year before `today` (a study session, an
//! inspection or survey, voter receptions, a duty report), with excused and absent members, and
//! voter reception opinions of which some became suggestions and one a petition (workflow 4).

use chrono::{Duration, NaiveDate};

use super::{stamp, Rng};
use crate::activities::{self, ActivityInput, LeaveReason, OpinionInput};
use crate::roster::org;
use crate::vocab::*;
use crate::{Result, Store};

const PLANS: &[(ActivityKind, i64, &str, &str)] = &[
    (
        ActivityKind::Study,
        340,
        "学习新修正的代表法",
        "集中学习代表法修正内容，交流闭会期间履职体会。",
    ),
    (
        ActivityKind::Inspection,
        250,
        "视察农村人居环境整治",
        "实地察看三个村的垃圾分类、污水处理和村道保洁，听取村委会汇报。",
    ),
    (
        ActivityKind::VoterReception,
        170,
        "接待选民日",
        "在代表联络站接待选民，听取群众对村道、饮水、养老等方面的意见。",
    ),
    (
        ActivityKind::Survey,
        120,
        "调研茶叶产业发展",
        "走访茶叶合作社和加工企业，了解销售渠道和用工情况。",
    ),
    (
        ActivityKind::VoterReception,
        45,
        "接待选民日",
        "在代表联络站接待选民，记录群众反映的问题并当场答复政策咨询。",
    ),
];

const OPINIONS: &[(&str, &str)] = &[
    (
        "河口村村民",
        "村口至小学的道路坑洼严重，雨天学生上学不便，希望尽快修补。",
    ),
    (
        "东岭村老人",
        "村里没有老年食堂，独居老人吃饭难，希望建设居家养老服务点。",
    ),
    ("西溪村村民", "自来水水压不足，高处农户经常停水。"),
    (
        "南塘村村民",
        "邻居建房占用本户宅基地，多次协商未果，请求处理。",
    ),
    ("石桥村村民", "希望增加镇区至县城的公交班次。"),
    ("竹林村村民", "河道淤积，汛期容易漫堤。"),
];

pub(super) fn seed(store: &mut Store, rng: &mut Rng, today: NaiveDate) -> Result<usize> {
    let groups = org::groups(store.conn(), today)?;
    let mut n = 0;
    let mut opinion = 0;
    for (gi, g) in groups.iter().enumerate() {
        for (pi, (kind, ago, theme, record)) in PLANS.iter().enumerate() {
            // Groups do not all hold every activity: the odd groups skip the survey.
            if *kind == ActivityKind::Survey && gi % 2 == 1 {
                continue;
            }
            let on = today - Duration::days(ago + gi as i64 * 3);
            let members = activities::members_on(store.conn(), g.id, on)?;
            if members.is_empty() {
                continue;
            }
            let mut excused = Vec::new();
            let mut absent = Vec::new();
            for m in &members {
                if Some(m.deputy_id) == g.leader_id {
                    continue;
                }
                match rng.below(100) {
                    0..=11 => excused.push(m.deputy_id),
                    12..=16 => absent.push(m.deputy_id),
                    _ => {}
                }
            }
            let opinions = if *kind == ActivityKind::VoterReception {
                (0..2 + rng.below(2))
                    .map(|_| {
                        let (source, content) = OPINIONS[opinion % OPINIONS.len()];
                        opinion += 1;
                        OpinionInput {
                            id: None,
                            source: source.into(),
                            content: content.into(),
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let a = activities::create(
                store,
                &stamp(on + Duration::days(1)),
                &ActivityInput {
                    organiser: Organiser::Group,
                    group_id: Some(g.id),
                    station_id: None,
                    participants: Vec::new(),
                    voters_received: None,
                    kind: *kind,
                    date: on.to_string(),
                    place: match kind {
                        ActivityKind::VoterReception | ActivityKind::Study => g
                            .station_name
                            .clone()
                            .unwrap_or_else(|| "镇人大代表之家".into()),
                        _ => "相关村、企业".into(),
                    },
                    // One group is told late, so the notice check shows.
                    notice_date: Some(
                        (on - Duration::days(if gi == 3 && pi == 1 { 1 } else { 4 })).to_string(),
                    ),
                    theme: theme.to_string(),
                    // The first excused member said why.
                    leave_reasons: excused
                        .first()
                        .map(|d| LeaveReason {
                            deputy_id: *d,
                            reason: "外出务工".into(),
                        })
                        .into_iter()
                        .collect(),
                    excused,
                    absent,
                    higher_deputies: if pi == 1 {
                        "县人大代表 1 名".into()
                    } else {
                        String::new()
                    },
                    record: record.to_string(),
                    results: if *kind == ActivityKind::VoterReception {
                        "收集意见已分类登记，需办理的转为代表建议或信访件。".into()
                    } else {
                        "形成情况报告，报镇人大主席团。".into()
                    },
                    reported_on: (*ago > 60).then(|| (on + Duration::days(7)).to_string()),
                    opinions,
                    notes: String::new(),
                },
            )?;
            n += 1;
            // The first two groups' first reception: one opinion becomes a suggestion, one a petition.
            if pi == 2 && gi < 2 {
                let s = stamp(on + Duration::days(2));
                let first = a.opinions[0].id;
                let mut input = activities::suggestion_draft(store.conn(), first)?;
                input.category = if gi == 0 {
                    SuggestionCategory::Transport
                } else {
                    SuggestionCategory::SocialSecurity
                };
                activities::to_suggestion(store, &s, first, &input)?;
                if gi == 1 {
                    let second = a.opinions[1].id;
                    let mut p = activities::petition_draft(store.conn(), second)?;
                    p.category = PetitionCategory::PublicServices;
                    activities::to_petition(store, &s, second, &p)?;
                }
            }
        }
    }
    Ok(n)
}
