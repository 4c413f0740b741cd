//! The demo township (青山镇), deterministic from a seed: two terms, 20 constituencies, 3 liaison
//! stations, 7 deputy groups, about 60 deputies a term, a presidium, and the changes a real
//! term sees (a resignation, a move away, a death, a suspension and resumption, two
//! by-elections). Built through the same core functions the clerk uses, so the history is real.

mod activities;
mod casework;
mod deeds;
mod documents;
pub mod large;
mod meetings;
mod petitions;
mod projects;
mod sessions;
mod supervision;

use chrono::NaiveDate;

use crate::history::Stamp;
use crate::idcard;
use crate::roster::deputy::{self, DeputyInput};
use crate::roster::org::{
    self, ConstituencyInput, DeputyGroupInput, LiaisonStationInput, TermInput,
};
use crate::roster::status::{self, DeputyEventInput, PresidiumPostInput};
use crate::settings::{self, Settings};
use crate::vocab::*;
use crate::{Error, Result, Store};

/// splitmix64: a tiny, well-known generator; the same seed gives the same township everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "单",
    "解", "仇", "查", "欧阳", "丁", "叶", "潘", "蒋", "蔡", "余", "杜", "戴", "夏", "钟", "汪",
    "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹",
];
const GIVEN_MALE: &[&str] = &[
    "建国", "志强", "卫东", "海涛", "国平", "伟", "勇", "军", "斌", "明", "建华", "永康", "德胜",
    "文博", "晓东", "立新", "宏伟", "春生", "家豪", "俊杰", "子轩", "浩然", "堃", "喆", "昇阳",
    "振华", "国庆", "长青", "学军", "保平",
];
const GIVEN_FEMALE: &[&str] = &[
    "秀英", "桂芳", "丽", "敏", "静", "艳", "芳", "娟", "霞", "红梅", "海燕", "雪琴", "玉兰",
    "晓燕", "丽萍", "慧", "婷", "佳怡", "梦瑶", "思琪", "春燕", "美玲", "彩霞", "金凤", "翠萍",
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
    "枫树村",
    "上湾村",
    "下湾村",
    "茶园村",
    "新民村",
    "和平村",
    "光明村",
    "前进村",
    "镇区社区",
    "工业园社区",
    "桃源村",
    "梅岭村",
];
const UNITS: &[(&str, Occupation)] = &[
    ("村党支部书记、村委会主任", Occupation::Cadre),
    ("村委会委员", Occupation::Farmer),
    ("种粮大户", Occupation::Farmer),
    ("茶叶专业合作社社长", Occupation::Farmer),
    ("家庭农场主", Occupation::Farmer),
    ("青山机械厂车间主任", Occupation::Worker),
    ("青山纺织有限公司工人", Occupation::Worker),
    ("镇中心小学教师", Occupation::Professional),
    ("镇卫生院医生", Occupation::Professional),
    ("镇农技站农艺师", Occupation::Professional),
    ("青山建材有限公司董事长", Occupation::Business),
    ("个体工商户", Occupation::Business),
    ("镇党委委员、副镇长", Occupation::Cadre),
    ("镇派出所所长", Occupation::Cadre),
    ("退休干部", Occupation::Other),
];
const GROUPS: &[(&str, usize)] = &[
    ("第一代表小组", 0),
    ("第二代表小组", 0),
    ("第三代表小组", 1),
    ("第四代表小组", 1),
    ("第五代表小组", 2),
    ("第六代表小组", 2),
    ("第七代表小组", 0),
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid demo date")
}

fn stamp(on: NaiveDate) -> Stamp {
    Stamp::at("演示数据", on.and_hms_opt(9, 30, 0).expect("valid time"))
}

/// A valid ID number for a birth date and sex, in region 330521.
fn id_number(rng: &mut Rng, birth: NaiveDate, female: bool) -> String {
    let seq = rng.below(50) * 2 + if female { 0 } else { 1 };
    let body = format!(
        "330521{}{:02}{}",
        birth.format("%Y%m%d"),
        rng.below(100),
        seq % 10
    );
    format!("{body}{}", idcard::check_char(&body))
}

struct Person {
    name: String,
    female: bool,
    ethnicity: Ethnicity,
    birth: NaiveDate,
    unit: usize,
    politics: PoliticalStatus,
    education: Education,
    id: Option<String>,
}

fn person(rng: &mut Rng, used: &mut Vec<String>) -> Person {
    let female = rng.chance(32);
    let name = loop {
        let n = format!(
            "{}{}",
            rng.pick(SURNAMES),
            if female {
                rng.pick(GIVEN_FEMALE)
            } else {
                rng.pick(GIVEN_MALE)
            }
        );
        if !used.contains(&n) {
            used.push(n.clone());
            break n;
        }
    };
    let birth = d(
        1958 + rng.below(40) as i32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    let ethnicity = match rng.below(20) {
        0 | 1 => Ethnicity::from_text("畲族"),
        2 => Ethnicity::from_text("回族"),
        _ => Some(Ethnicity::HAN),
    }
    .expect("known ethnicity");
    let politics = *rng.pick(&[
        PoliticalStatus::CpcMember,
        PoliticalStatus::CpcMember,
        PoliticalStatus::CpcMember,
        PoliticalStatus::Masses,
        PoliticalStatus::Masses,
        PoliticalStatus::CylMember,
        PoliticalStatus::NonParty,
        PoliticalStatus::Jiusan,
    ]);
    let education = *rng.pick(&[
        Education::Bachelor,
        Education::College,
        Education::College,
        Education::HighSchool,
        Education::JuniorHigh,
        Education::SecondaryVocational,
        Education::Postgraduate,
    ]);
    let id = rng.chance(75).then(|| id_number(rng, birth, female));
    Person {
        name,
        female,
        ethnicity,
        birth,
        unit: rng.below(UNITS.len()),
        politics,
        education,
        id,
    }
}

/// Where and how a person sits: term, constituency, group, election, card number.
#[derive(Clone, Copy)]
struct Seat {
    term_id: i64,
    constituency: i64,
    group: i64,
    elected_on: NaiveDate,
    how: ElectedHow,
    card: usize,
}

fn input_for(p: &Person, rng: &mut Rng, seat: &Seat) -> DeputyInput {
    let (unit, occupation) = UNITS[p.unit];
    let Seat {
        term_id,
        constituency,
        group,
        elected_on,
        how,
        card,
    } = *seat;
    let mut levels = vec![Level::Township];
    if rng.chance(12) {
        levels.push(Level::County);
    }
    DeputyInput {
        term_id: Some(term_id),
        name: p.name.clone(),
        sex: if p.female { Sex::Female } else { Sex::Male },
        ethnicity: p.ethnicity,
        birth_date: Some(if rng.chance(60) {
            p.birth.format("%Y-%m").to_string()
        } else {
            p.birth.to_string()
        }),
        political_status: p.politics,
        education: Some(p.education),
        work_unit_post: format!(
            "{}{}",
            VILLAGES[(constituency as usize - 1) % VILLAGES.len()],
            unit
        )
        .replace("村村", "村"),
        occupation,
        constituency_id: Some(constituency),
        group_id: Some(group),
        levels,
        elected_on: elected_on.to_string(),
        elected_how: how,
        card_no: format!("{:03}", card),
        phone: format!("13{}{:08}", 5 + rng.below(5), rng.next() % 100_000_000),
        address: format!(
            "青山镇{}{}号",
            VILLAGES[(constituency as usize - 1) % VILLAGES.len()],
            1 + rng.below(200)
        ),
        returned_overseas: rng.chance(3),
        grassroots: matches!(
            occupation,
            Occupation::Worker | Occupation::Farmer | Occupation::Professional
        ),
        id_number: p.id.clone(),
        notes: String::new(),
    }
}

/// What the demo created, for the CLI's message.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DemoSummary {
    pub township: String,
    pub suggestions: usize,
    pub petitions: usize,
    pub documents: usize,
    pub deeds: usize,
    pub meetings: usize,
    pub activities: usize,
    pub sessions: usize,
    pub projects: usize,
    pub rectifications: usize,
    pub evaluations: usize,
    pub duty_reports: usize,
    pub terms: usize,
    pub deputies: usize,
    pub groups: usize,
    pub constituencies: usize,
}

/// Seeds an empty database with the demo township as of `today` (the roster is fixed in time; the
/// casework is the year before `today`). Refuses a database that already has deputies.
pub fn seed(store: &mut Store, seed: u64, today: NaiveDate) -> Result<DemoSummary> {
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM deputies", [], |r| r.get(0))?;
    if n > 0 {
        return Err(Error::InvalidTransition(
            "数据库中已有代表数据，演示数据只能装入空的数据库".into(),
        ));
    }
    let mut rng = Rng(seed);
    let start = stamp(d(2016, 11, 18));
    settings::save(
        store,
        &start,
        &Settings {
            township: "青山镇".into(),
            operator: "办公室".into(),
            county_mode: false,
        },
    )?;
    let t19 = org::create_term(
        store,
        &start,
        &TermInput {
            number: 19,
            start_date: "2016-11-18".into(),
            end_date: Some("2021-11-19".into()),
        },
    )?;
    let t20 = org::create_term(
        store,
        &stamp(d(2021, 11, 20)),
        &TermInput {
            number: 20,
            start_date: "2021-11-20".into(),
            end_date: None,
        },
    )?;

    let mut constituencies = Vec::new();
    for (i, v) in VILLAGES.iter().enumerate() {
        let c = org::create_constituency(
            store,
            &start,
            &ConstituencyInput {
                number: i as i64 + 1,
                name: format!("第{}选区", i + 1),
                area: v.to_string(),
            },
        )?;
        constituencies.push(c.id);
    }
    let mut stations = Vec::new();
    for (name, addr, convener) in [
        (
            "青山镇人大代表之家",
            "青山镇人民路18号镇政府一楼",
            "镇人大主席",
        ),
        ("河口片区代表联络站", "河口村文化礼堂", "第三代表小组组长"),
        (
            "东岭片区代表联络站",
            "东岭村党群服务中心",
            "第五代表小组组长",
        ),
    ] {
        let s = org::create_station(
            store,
            &start,
            &LiaisonStationInput {
                name: name.into(),
                address: addr.into(),
                convener: convener.into(),
                schedule: "每月15日上午接待选民".into(),
            },
        )?;
        stations.push(s.id);
    }
    let mut groups = Vec::new();
    for (name, station) in GROUPS {
        let g = org::create_group(
            store,
            &start,
            &DeputyGroupInput {
                name: (*name).into(),
                station_id: Some(stations[*station]),
                leader_id: None,
                deputy_leader_id: None,
                liaison_id: None,
            },
        )?;
        groups.push(g.id);
    }

    // Three names chosen to show polyphonic surnames and a rare character; reserved first so
    // no generated deputy shares them.
    let fixed = [("单德胜", false), ("曾堃", false), ("欧阳秀英", true)];
    let mut used: Vec<String> = fixed.iter().map(|(n, _)| n.to_string()).collect();
    let mut people: Vec<Person> = (0..75).map(|_| person(&mut rng, &mut used)).collect();
    for (i, (name, female)) in fixed.iter().enumerate() {
        people[i].name = name.to_string();
        if people[i].female != *female {
            people[i].female = *female;
            let birth = people[i].birth;
            people[i].id = people[i]
                .id
                .as_ref()
                .map(|_| id_number(&mut rng, birth, *female));
        }
    }

    // 19th term: 56 deputies, all elected at the general election.
    let s19 = stamp(t19.start_date);
    for i in 0..56 {
        let c = constituencies[i % 20];
        let g = groups[i % 7];
        let input = input_for(
            &people[i],
            &mut rng,
            &Seat {
                term_id: t19.id,
                constituency: c,
                group: g,
                elected_on: t19.start_date,
                how: ElectedHow::GeneralElection,
                card: i + 1,
            },
        );
        deputy::create(store, &s19, &input)?;
    }
    // 20th term: 60 deputies; the first 40 re-elected, 20 new.
    let s20 = stamp(t20.start_date);
    let mut ids = Vec::new();
    for (_, p) in people
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 40 || *i >= 55)
        .take(60)
    {
        let slot = ids.len();
        let c = constituencies[slot % 20];
        let g = groups[slot % 7];
        let input = input_for(
            p,
            &mut rng,
            &Seat {
                term_id: t20.id,
                constituency: c,
                group: g,
                elected_on: t20.start_date,
                how: ElectedHow::GeneralElection,
                card: 101 + slot,
            },
        );
        ids.push(deputy::create(store, &s20, &input)?.id);
    }
    // Presidium of the 20th term.
    for (i, post) in [
        PresidiumPostKind::Chair,
        PresidiumPostKind::ViceChair,
        PresidiumPostKind::ViceChair,
        PresidiumPostKind::Member,
        PresidiumPostKind::Member,
        PresidiumPostKind::Member,
        PresidiumPostKind::Member,
    ]
    .iter()
    .enumerate()
    {
        status::add_post(
            store,
            &s20,
            &PresidiumPostInput {
                deputy_id: ids[i * 3 + 2],
                post: *post,
                start_date: t20.start_date.to_string(),
            },
        )?;
    }
    // Group roles: members of each group in slot order.
    for (gi, gid) in groups.iter().enumerate() {
        let members: Vec<i64> = ids
            .iter()
            .enumerate()
            .filter(|(slot, _)| slot % 7 == gi)
            .map(|(_, id)| *id)
            .collect();
        let g = org::group(store.conn(), *gid, t20.start_date)?;
        org::update_group(
            store,
            &s20,
            *gid,
            &DeputyGroupInput {
                name: g.name,
                station_id: g.station_id,
                leader_id: members.first().copied(),
                deputy_leader_id: members.get(1).copied(),
                liaison_id: members.get(2).copied(),
            },
        )?;
    }

    // The term's changes. ids[2] is the chair... keep the chair; the resignation hits a vice chair.
    let ev = |store: &mut Store,
              deputy_id: i64,
              kind: EventKind,
              on: NaiveDate,
              reason: &str,
              notice: &str,
              ground: Option<TerminationGround>| {
        status::add_event(
            store,
            &stamp(on),
            &DeputyEventInput {
                deputy_id,
                kind,
                date: on.to_string(),
                reason: reason.into(),
                notice_no: notice.into(),
                ground,
                votes_for: None,
                votes_total: None,
                confirm: None,
            },
        )
    };
    ev(
        store,
        ids[5],
        EventKind::Resignation,
        d(2023, 3, 15),
        "因工作调动本人提出辞职，经镇人民代表大会会议表决接受",
        "青人大〔2023〕2号",
        None,
    )?;
    ev(
        store,
        ids[13],
        EventKind::Termination,
        d(2024, 6, 20),
        "户籍迁出本镇",
        "青人大〔2024〕5号",
        Some(TerminationGround::MovedAway),
    )?;
    ev(
        store,
        ids[30],
        EventKind::Suspension,
        d(2025, 4, 1),
        "因涉嫌违法被采取强制措施",
        "青人大〔2025〕3号",
        None,
    )?;
    ev(
        store,
        ids[30],
        EventKind::Resumption,
        d(2025, 8, 15),
        "强制措施解除",
        "青人大〔2025〕7号",
        None,
    )?;
    ev(
        store,
        ids[44],
        EventKind::Termination,
        d(2026, 2, 10),
        "因病去世",
        "青人大〔2026〕1号",
        Some(TerminationGround::Deceased),
    )?;

    // Two by-elections fill the seats of the resigned and the moved-away deputies.
    for (n, (left, on, votes)) in [
        (ids[5], d(2023, 9, 12), (1320, 1786)),
        (ids[13], d(2024, 12, 10), (987, 1402)),
    ]
    .into_iter()
    .enumerate()
    {
        let gone = deputy::view(store.conn(), left, on)?;
        let mut used2 = used.clone();
        let p = person(&mut rng, &mut used2);
        used = used2;
        let input = input_for(
            &p,
            &mut rng,
            &Seat {
                term_id: t20.id,
                constituency: gone.constituency_id.unwrap_or(constituencies[0]),
                group: gone.group_id.unwrap_or(groups[0]),
                elected_on: on,
                how: ElectedHow::ByElection,
                card: 161 + n,
            },
        );
        let s = stamp(on);
        let new = deputy::create(store, &s, &input)?;
        status::add_event(
            store,
            &s,
            &DeputyEventInput {
                deputy_id: new.id,
                kind: EventKind::ByElection,
                date: on.to_string(),
                reason: format!(
                    "补选{}出缺的代表",
                    gone.constituency_name.unwrap_or_default()
                ),
                notice_no: format!("青选〔{}〕{}号", on.format("%Y"), n + 1),
                ground: None,
                votes_for: Some(votes.0),
                votes_total: Some(votes.1),
                confirm: None,
            },
        )?;
    }
    let sessions = sessions::seed(store, d(2021, 11, 20), today)?;
    let (suggestions, petitions) = casework::seed(store, &mut rng, today, &mut used)?;
    let projects = projects::seed(store, today)?;
    let documents = documents::seed(store, &mut rng, today)?;
    let deeds = deeds::seed(store, today)?;
    let meetings = meetings::seed(store, today)?;
    let activities = activities::seed(store, &mut rng, today)?;
    let supervised = supervision::seed(store, today)?;
    let deputies: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM deputies", [], |r| r.get(0))?;
    Ok(DemoSummary {
        township: "青山镇".into(),
        suggestions,
        petitions,
        documents,
        deeds,
        meetings,
        activities,
        sessions,
        projects,
        rectifications: supervised.rectifications,
        evaluations: supervised.evaluations,
        duty_reports: supervised.duty_reports,
        terms: 2,
        deputies: deputies as usize,
        groups: groups.len(),
        constituencies: constituencies.len(),
    })
}
