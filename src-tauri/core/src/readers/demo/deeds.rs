//! The demo township's exemplary deeds: a few a year, one turned from a suggestion whose result
//! was good, some with honours.

use chrono::{Duration, NaiveDate};

use super::stamp;
use crate::deeds::{self, DeedInput};
use crate::roster::deputy;
use crate::roster::org;
use crate::suggestions::{self, SuggestionQuery};
use crate::vocab::*;
use crate::{Result, Store};

pub(super) fn seed(store: &mut Store, today: NaiveDate) -> Result<usize> {
    let term = org::current_term(store.conn())?.expect("a current term");
    let deputies: Vec<i64> = deputy::term_views(store.conn(), term.id, today)?
        .into_iter()
        .filter(|d| d.status == DeputyStatus::InOffice && !d.voided)
        .map(|d| d.id)
        .collect();
    let list = [
        (
            DeedCategory::Emergency,
            300,
            "汛期带头组织村民转移避险",
            "台风期间连续三昼夜值守，组织转移群众四十余人，无一伤亡。",
            Some(("县抗洪抢险先进个人", Level::County, "县防汛抗旱指挥部")),
        ),
        (
            DeedCategory::EconomicDevelopment,
            240,
            "领办茶叶合作社带动农户增收",
            "领办专业合作社，带动周边一百二十户茶农户均增收八千元。",
            Some(("市乡村振兴带头人", Level::City, "市农业农村局")),
        ),
        (
            DeedCategory::ServingVoters,
            150,
            "坚持每月接待选民",
            "全年在代表联络站接待选民十二次，收集意见二十三条，推动解决十五条。",
            None,
        ),
        (
            DeedCategory::PublicWelfare,
            90,
            "捐资助学",
            "连续五年资助本镇困难学生，累计捐资六万元。",
            None,
        ),
        (
            DeedCategory::SocialGovernance,
            40,
            "调解山林权属纠纷",
            "主动参与调解邻村山林权属纠纷，促成双方达成协议。",
            None,
        ),
    ];
    let mut n = 0;
    for (i, (category, ago, title, summary, honour)) in list.iter().enumerate() {
        let on = today - Duration::days(*ago);
        deeds::create(
            store,
            &stamp(on),
            &DeedInput {
                deputy_ids: vec![deputies[(i * 7 + 3) % deputies.len()]],
                date: on.to_string(),
                category: *category,
                title: title.to_string(),
                summary: summary.to_string(),
                evidence: "村（社区）证明材料、照片".into(),
                honour: honour.map(|h| h.0.to_string()).unwrap_or_default(),
                honour_level: honour.map(|h| h.1),
                honour_body: honour.map(|h| h.2.to_string()).unwrap_or_default(),
                honour_date: honour.map(|_| (on + Duration::days(20)).to_string()),
                publicised: if honour.is_some() {
                    "县融媒体中心专题报道".into()
                } else {
                    String::new()
                },
                suggestion_id: None,
                notes: String::new(),
            },
        )?;
        n += 1;
    }
    // One from a suggestion whose result was good.
    let closed = suggestions::list(
        store.conn(),
        &SuggestionQuery {
            state: Some(SuggestionState::Closed),
            page_size: Some(50),
            ..Default::default()
        },
        today,
    )?;
    if let Some(s) = closed
        .items
        .iter()
        .find(|s| s.final_result == Some(Satisfaction::Satisfied))
    {
        let draft = deeds::draft_from_suggestion(store.conn(), s.id, today)?;
        let on = chrono::NaiveDate::parse_from_str(&draft.date, "%Y-%m-%d").unwrap_or(today);
        deeds::create(store, &stamp(on), &draft)?;
        n += 1;
    }
    Ok(n)
}
