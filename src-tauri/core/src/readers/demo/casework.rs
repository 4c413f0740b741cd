//! The demo township's casework: about a year of suggestions and petitions, dated relative to
//! the day the demo is built so that the dashboard always has something overdue, something due
//! this week, replies waiting for evaluation and promises carried over, and every state of both
//! books appears. Entered through the same core functions (and checks) the clerk uses.

use chrono::{Datelike, Duration, NaiveDate};

use super::petitions::seed_petitions;
use super::{stamp, Rng};
use crate::history::Stamp;
use crate::roster::{deputy, org};
use crate::rules;
use crate::suggestions::{self, Step, SuggestionInput};
use crate::units::{self, HandlingUnitInput};
use crate::vocab::*;
use crate::{Result, Store};

pub(super) const UNITS: &[(&str, &str)] = &[
    ("镇党政办公室", "周主任"),
    ("镇农业农村办公室", "吴主任"),
    ("镇建设管理办公室", "郑主任"),
    ("镇社会事务办公室", "王主任"),
    ("镇综合行政执法队", "冯队长"),
    ("镇财政所", "陈所长"),
    ("镇自然资源所", "褚所长"),
    ("镇生态环境办公室", "卫主任"),
    ("镇卫生院", "蒋院长"),
    ("镇中心学校", "沈校长"),
];

/// Subject, category, lead unit index, co-unit index.
const SUBJECTS: &[(&str, SuggestionCategory, usize, Option<usize>)] = &[
    (
        "关于拓宽青山村至河口村道路的建议",
        SuggestionCategory::Transport,
        2,
        Some(5),
    ),
    (
        "关于加快农村生活污水治理的建议",
        SuggestionCategory::Environment,
        7,
        Some(2),
    ),
    (
        "关于增设镇区公交站点的建议",
        SuggestionCategory::Transport,
        2,
        None,
    ),
    (
        "关于扶持茶叶合作社品牌建设的建议",
        SuggestionCategory::Agriculture,
        1,
        Some(5),
    ),
    (
        "关于改善镇卫生院就医条件的建议",
        SuggestionCategory::Health,
        8,
        None,
    ),
    (
        "关于解决东岭村灌溉水渠老化问题的建议",
        SuggestionCategory::Agriculture,
        1,
        Some(6),
    ),
    (
        "关于加强校园周边交通安全管理的建议",
        SuggestionCategory::PublicSafety,
        4,
        Some(9),
    ),
    (
        "关于建设村级居家养老服务站的建议",
        SuggestionCategory::SocialSecurity,
        3,
        None,
    ),
    (
        "关于整治石桥村河道垃圾的建议",
        SuggestionCategory::Environment,
        7,
        None,
    ),
    (
        "关于提高农村低保标准的建议",
        SuggestionCategory::SocialSecurity,
        3,
        Some(5),
    ),
    (
        "关于规范镇区农贸市场管理的建议",
        SuggestionCategory::Governance,
        4,
        None,
    ),
    (
        "关于增加中心小学教师编制的建议",
        SuggestionCategory::Education,
        9,
        None,
    ),
    (
        "关于推进美丽乡村庭院整治的建议",
        SuggestionCategory::UrbanConstruction,
        2,
        Some(1),
    ),
    (
        "关于加快工业园区企业用地审批的建议",
        SuggestionCategory::Economy,
        6,
        Some(0),
    ),
    (
        "关于修缮南塘村文化礼堂的建议",
        SuggestionCategory::Culture,
        0,
        None,
    ),
    (
        "关于安装竹林村路灯的建议",
        SuggestionCategory::UrbanConstruction,
        2,
        None,
    ),
    (
        "关于建设农产品冷链仓储的建议",
        SuggestionCategory::Agriculture,
        1,
        None,
    ),
    (
        "关于完善村务公开栏的建议",
        SuggestionCategory::Governance,
        0,
        None,
    ),
    (
        "关于防治枫树村山体滑坡隐患的建议",
        SuggestionCategory::PublicSafety,
        6,
        Some(4),
    ),
    (
        "关于开通镇区至县城夜班公交的建议",
        SuggestionCategory::Transport,
        2,
        None,
    ),
    (
        "关于加强农村电动自行车充电安全的建议",
        SuggestionCategory::PublicSafety,
        4,
        None,
    ),
    (
        "关于设立村级便民服务代办点的建议",
        SuggestionCategory::Governance,
        0,
        None,
    ),
    (
        "关于治理桃源村养殖场异味的建议",
        SuggestionCategory::Environment,
        7,
        None,
    ),
    (
        "关于新建梅岭村老年活动中心的建议",
        SuggestionCategory::SocialSecurity,
        3,
        None,
    ),
    (
        "关于扩建镇中心幼儿园的建议",
        SuggestionCategory::Education,
        9,
        Some(2),
    ),
    (
        "关于规范建筑垃圾堆放的建议",
        SuggestionCategory::Environment,
        4,
        None,
    ),
    (
        "关于推广稻渔综合种养的建议",
        SuggestionCategory::Agriculture,
        1,
        None,
    ),
    (
        "关于加快上湾村危桥改造的建议",
        SuggestionCategory::Transport,
        2,
        Some(5),
    ),
];

pub(super) fn day(today: NaiveDate, ago: i64) -> NaiveDate {
    today - Duration::days(ago)
}

pub(super) fn at(on: NaiveDate) -> Stamp {
    stamp(on)
}

/// Seeds units, suggestions and petitions. `today` anchors every date.
pub(super) fn seed(
    store: &mut Store,
    rng: &mut Rng,
    today: NaiveDate,
    used: &mut Vec<String>,
) -> Result<(usize, usize)> {
    let first = day(today, 400);
    store.write(|tx| rules::set_current(tx, "shanghai"))?;
    let mut unit_ids = Vec::new();
    for (name, contact) in UNITS {
        let u = units::create(
            store,
            &at(first),
            &HandlingUnitInput {
                name: name.to_string(),
                contact: contact.to_string(),
                phone: format!("0571-8888{:04}", 1000 + unit_ids.len()),
                active: true,
            },
        )?;
        unit_ids.push(u.id);
    }
    let term = org::current_term(store.conn())?.expect("the demo has a current term");
    // The spring session about nine months ago, and the one a year before it.
    let [last_session, session_day] = super::sessions::spring_days(today);
    // The suggestions carry the number of the session they were made at (the sessions book).
    let number_on = |store: &Store, on: NaiveDate, fallback: i64| -> Result<i64> {
        Ok(crate::sessions::in_progress(store.conn(), on)?.map_or(fallback, |s| s.seq))
    };
    let session_no = number_on(
        store,
        session_day,
        (session_day.year() - term.start_date.year()).max(1) as i64 + 1,
    )?;
    let last_session_no = number_on(store, last_session, session_no - 1)?;
    let in_office = |store: &Store, on: NaiveDate| -> Result<Vec<i64>> {
        Ok(deputy::term_views(store.conn(), term.id, on)?
            .into_iter()
            .filter(|d| d.status == DeputyStatus::InOffice && !d.voided && d.elected_on <= on)
            .map(|d| d.id)
            .collect())
    };
    let cat_code = |store: &Store, i: usize| -> Result<String> {
        let p = rules::current(store.conn())?;
        Ok(
            p.suggestion.reply_categories[i % p.suggestion.reply_categories.len()]
                .code
                .clone(),
        )
    };

    let mut subjects = SUBJECTS.iter().cycle();
    let mut count_s = 0usize;
    let mut register = |store: &mut Store,
                        rng: &mut Rng,
                        on: NaiveDate,
                        session: i64,
                        during: bool,
                        kind: SuggestionKind,
                        cosigners: usize|
     -> Result<(i64, usize, Option<usize>)> {
        let (subject, category, lead, co) = *subjects.next().expect("cycle");
        let deps = in_office(store, on)?;
        let lead_id = *rng.pick(&deps);
        let mut co_ids = Vec::new();
        while co_ids.len() < cosigners {
            let c = *rng.pick(&deps);
            if c != lead_id && !co_ids.contains(&c) {
                co_ids.push(c);
            }
        }
        let s = suggestions::create(
            store,
            &at(on),
            &SuggestionInput {
                term_id: Some(term.id),
                session_no: session,
                during_session: during,
                kind,
                lead_deputy_id: Some(lead_id),
                by_presidium: false,
                co_signer_ids: co_ids,
                subject: subject.to_string(),
                content: format!(
                    "{subject}。群众反映强烈，建议镇政府统筹资金、明确责任单位，限期落实。"
                ),
                category,
                received_on: on.to_string(),
                key_supervision: rng.chance(15),
                published: false,
                notes: String::new(),
            },
        )?;
        count_s += 1;
        Ok((s.id, lead, co))
    };
    let step = |store: &mut Store, id: i64, s: Step| -> Result<()> {
        suggestions::step(store, &at(s.date()), id, &s)?;
        Ok(())
    };
    let assign = |store: &mut Store, id: i64, on: NaiveDate, lead: usize, co: Option<usize>| {
        step(
            store,
            id,
            Step::Assign {
                date: on,
                lead_unit_id: unit_ids[lead],
                co_unit_ids: co.map(|c| vec![unit_ids[c]]).unwrap_or_default(),
            },
        )
    };
    let reply =
        |store: &mut Store, id: i64, on: NaiveDate, cat: String, promised: Option<NaiveDate>| {
            step(
                store,
                id,
                Step::Reply {
                    date: on,
                    signer: "镇长 李国平".into(),
                    reply_category: cat,
                    text: "经研究，已安排专项资金予以落实，具体情况如下……".into(),
                    attachment: String::new(),
                    promised_on: promised,
                },
            )
        };
    let evaluate = |store: &mut Store, id: i64, on: NaiveDate, result: Satisfaction| {
        step(
            store,
            id,
            Step::Evaluate {
                date: on,
                attitude: Satisfaction::Satisfied,
                result,
                comment: if result == Satisfaction::Dissatisfied {
                    "问题没有实质解决".into()
                } else {
                    String::new()
                },
            },
        )
    };
    let close = |store: &mut Store, id: i64, on: NaiveDate| {
        step(
            store,
            id,
            Step::Close {
                date: on,
                note: String::new(),
            },
        )
    };

    // Last year's session: closed ones, and one with a promise carried into this year.
    for i in 0..4 {
        let (id, lead, co) = register(
            store,
            rng,
            last_session,
            last_session_no,
            true,
            SuggestionKind::Suggestion,
            2,
        )?;
        assign(store, id, day(last_session, -8), lead, co)?;
        let promised = (i == 0).then(|| day(today, -30));
        reply(
            store,
            id,
            day(last_session, -60),
            cat_code(store, i + 1)?,
            promised,
        )?;
        evaluate(store, id, day(last_session, -70), Satisfaction::Satisfied)?;
        close(store, id, day(last_session, -72))?;
    }

    // This year's session: 19 suggestions and one motion.
    let mut session_ids = Vec::new();
    for i in 0..19 {
        let on = if i < 10 {
            session_day
        } else {
            day(session_day, -1)
        };
        session_ids.push(register(
            store,
            rng,
            on,
            session_no,
            true,
            SuggestionKind::Suggestion,
            1 + i % 3,
        )?);
    }
    let motion = register(
        store,
        rng,
        day(session_day, -1),
        session_no,
        true,
        SuggestionKind::Motion,
        5,
    )?;
    let assigned_on = day(session_day, -9);
    let (first_id, ..) = session_ids[0];
    step(
        store,
        first_id,
        Step::Decline {
            date: day(session_day, -5),
            reason: "属于县级事权，已转县人大代表联络处".into(),
        },
    )?;
    for (i, (id, lead, co)) in session_ids.iter().copied().enumerate().skip(1) {
        if i == 17 {
            // Wrongly assigned, returned and assigned again.
            assign(store, id, assigned_on, (lead + 1) % UNITS.len(), None)?;
            step(
                store,
                id,
                Step::Return {
                    date: day(assigned_on, -3),
                    reason: "不属于本单位职责".into(),
                },
            )?;
            assign(store, id, day(assigned_on, -5), lead, co)?;
        } else {
            assign(store, id, assigned_on, lead, co)?;
        }
        let r = day(assigned_on, -(25 + (i as i64 * 3) % 55));
        match i {
            // A dissatisfied round, re-handled, then satisfied.
            1 => {
                reply(store, id, r, cat_code(store, 1)?, None)?;
                evaluate(store, id, day(r, -7), Satisfaction::Dissatisfied)?;
                step(
                    store,
                    id,
                    Step::Rehandle {
                        date: day(r, -8),
                        reason: "代表不满意，请重新协调资金".into(),
                    },
                )?;
                reply(store, id, day(r, -30), cat_code(store, 0)?, None)?;
                evaluate(store, id, day(r, -36), Satisfaction::BasicallySatisfied)?;
                close(store, id, day(r, -38))?;
            }
            // Dissatisfied, re-handling now.
            2 => {
                reply(store, id, r, cat_code(store, 2)?, None)?;
                evaluate(store, id, day(r, -6), Satisfaction::Dissatisfied)?;
                step(
                    store,
                    id,
                    Step::Rehandle {
                        date: day(today, 24),
                        reason: "代表要求明确完成时限".into(),
                    },
                )?;
            }
            // Extended to six months; one replied, one still open and now late.
            3 | 4 => {
                step(
                    store,
                    id,
                    Step::Extend {
                        date: day(assigned_on, -60),
                        months: 6,
                        reason: "涉及多个部门，需列入年度预算".into(),
                    },
                )?;
                if i == 3 {
                    reply(store, id, day(assigned_on, -170), cat_code(store, 1)?, None)?;
                    evaluate(store, id, day(assigned_on, -178), Satisfaction::Satisfied)?;
                    close(store, id, day(assigned_on, -180))?;
                }
            }
            // Replied, waiting for the deputy's evaluation.
            5 => reply(store, id, day(today, 12), cat_code(store, 0)?, None)?,
            // Promises: kept, open and late, open and due.
            6..=8 => {
                let promised = match i {
                    6 => day(today, 60),
                    7 => day(today, 20),
                    _ => day(today, -45),
                };
                reply(store, id, r, cat_code(store, 1)?, Some(promised))?;
                evaluate(store, id, day(r, -5), Satisfaction::Satisfied)?;
                close(store, id, day(r, -6))?;
                if i == 6 {
                    step(
                        store,
                        id,
                        Step::Fulfil {
                            date: day(today, 58),
                            note: "工程已完工并通过验收".into(),
                        },
                    )?;
                }
            }
            _ => {
                reply(store, id, r, cat_code(store, i)?, None)?;
                let result = if i % 5 == 0 {
                    Satisfaction::BasicallySatisfied
                } else {
                    Satisfaction::Satisfied
                };
                evaluate(store, id, day(r, -10), result)?;
                if i != 16 {
                    close(store, id, day(r, -12))?;
                }
            }
        }
    }
    assign(store, motion.0, assigned_on, 0, Some(5))?;
    reply(
        store,
        motion.0,
        day(assigned_on, -70),
        cat_code(store, 1)?,
        None,
    )?;

    // Between sessions: one of each open state, dated so the dashboard has work this week.
    let mut b = |store: &mut Store, rng: &mut Rng, ago: i64| {
        register(
            store,
            rng,
            day(today, ago),
            session_no,
            false,
            SuggestionKind::Suggestion,
            1,
        )
    };
    let (id, lead, co) = b(store, rng, 100)?;
    assign(store, id, day(today, 96), lead, co)?; // overdue
    let (id, lead, co) = b(store, rng, 92)?;
    assign(store, id, day(today, 88), lead, co)?; // due within days
    let (id, lead, co) = b(store, rng, 60)?;
    assign(store, id, day(today, 55), lead, co)?;
    let (id, lead, co) = b(store, rng, 30)?;
    assign(store, id, day(today, 26), lead, co)?;
    step(
        store,
        id,
        Step::Return {
            date: day(today, 3),
            reason: "涉及县级部门，建议改由镇党政办牵头".into(),
        },
    )?;
    let (id, lead, co) = b(store, rng, 20)?;
    assign(store, id, day(today, 18), lead, co)?;
    reply(store, id, day(today, 5), cat_code(store, 0)?, None)?;
    b(store, rng, 3)?;
    b(store, rng, 1)?;
    let (dup, ..) = b(store, rng, 1)?;
    suggestions::void(
        store,
        &at(day(today, 1)),
        dup,
        "重复登记（与上一件为同一建议）",
    )?;

    let count_p = seed_petitions(store, rng, today, used, &unit_ids)?;
    Ok((count_s, count_p))
}
