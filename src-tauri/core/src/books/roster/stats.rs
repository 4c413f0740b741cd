//! Roster structure on a date (代表结构): the figures a county asks for after each election.
//! Only deputies holding the mandate on that date count (in office or suspended); every share
//! carries its numerator and denominator so a figure can be checked by hand.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;

use super::deputy::{term_views, Deputy};
use super::org::{self, holds_office};
use crate::vocab::*;
use crate::{Error, Result};

pub use crate::tally::Ratio;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Bucket {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub share: Ratio,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RosterStats {
    pub on: NaiveDate,
    pub term_id: i64,
    pub term_label: String,
    pub total: usize,
    pub by_sex: Vec<Bucket>,
    pub by_ethnicity: Vec<Bucket>,
    pub by_age_band: Vec<Bucket>,
    pub by_education: Vec<Bucket>,
    pub by_political_status: Vec<Bucket>,
    pub by_occupation: Vec<Bucket>,
    pub by_level: Vec<Bucket>,
    pub by_group: Vec<Bucket>,
    pub women: Ratio,
    pub minorities: Ratio,
    pub grassroots: Ratio,
    pub cpc: Ratio,
}

/// Age bands used in county reports.
pub const AGE_BANDS: &[(&str, &str, i32, i32)] = &[
    ("le35", "35岁及以下", 0, 35),
    ("36_45", "36至45岁", 36, 45),
    ("46_55", "46至55岁", 46, 55),
    ("ge56", "56岁及以上", 56, 200),
];

fn buckets<K: Ord + Clone>(
    members: &[&Deputy],
    keys: &[(K, String, String)],
    key_of: impl Fn(&Deputy) -> Vec<K>,
) -> Vec<Bucket> {
    let total = members.len();
    let mut counts: BTreeMap<K, usize> = BTreeMap::new();
    for d in members {
        for k in key_of(d) {
            *counts.entry(k).or_default() += 1;
        }
    }
    keys.iter()
        .map(|(k, code, label)| {
            let n = counts.get(k).copied().unwrap_or(0);
            Bucket {
                key: code.clone(),
                label: label.clone(),
                count: n,
                share: Ratio::new(n, total),
            }
        })
        .collect()
}

fn vocab_keys<V: Vocab + Ord>() -> Vec<(Option<V>, String, String)> {
    V::ALL
        .iter()
        .map(|v| (Some(*v), v.code().to_string(), v.label().to_string()))
        .collect()
}

/// Those who hold the mandate on `on`, out of a term's views.
pub fn members_on(views: &[Deputy]) -> Vec<&Deputy> {
    views
        .iter()
        .filter(|d| !d.voided && holds_office(d.status))
        .collect()
}

/// Statistics on a date typed as "YYYY-MM-DD"; none (or empty) means `today`.
pub fn roster_stats_on(
    conn: &Connection,
    term_id: Option<i64>,
    on: Option<&str>,
    today: NaiveDate,
) -> Result<RosterStats> {
    let on = match on.map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => crate::dates::parse_iso("on", "统计日期", d)?,
        None => today,
    };
    roster_stats(conn, term_id, on)
}

pub fn roster_stats(conn: &Connection, term_id: Option<i64>, on: NaiveDate) -> Result<RosterStats> {
    let term = match term_id {
        Some(id) => org::term(conn, id)?,
        None => org::current_term(conn)?
            .ok_or_else(|| Error::validation("term_id", "还没有届次，无法统计"))?,
    };
    let views = term_views(conn, term.id, on)?;
    let m = members_on(&views);
    let total = m.len();

    let mut ethnicity_keys: Vec<(Option<Ethnicity>, String, String)> = Vec::new();
    let mut present: Vec<Ethnicity> = m.iter().map(|d| d.ethnicity).collect();
    present.sort();
    present.dedup();
    for e in present {
        ethnicity_keys.push((Some(e), e.code(), e.label().to_string()));
    }
    let mut age_keys: Vec<(usize, String, String)> = AGE_BANDS
        .iter()
        .enumerate()
        .map(|(i, (c, l, _, _))| (i, c.to_string(), l.to_string()))
        .collect();
    age_keys.push((AGE_BANDS.len(), "unknown".into(), "出生年月未填".into()));
    let mut edu_keys = vocab_keys::<Education>();
    edu_keys.push((None, "unknown".into(), "未填".into()));
    let groups = org::group_names(conn)?;
    let mut group_keys: Vec<(Option<i64>, String, String)> = groups
        .iter()
        .map(|(id, n)| (Some(*id), id.to_string(), n.clone()))
        .collect();
    group_keys.sort();
    group_keys.push((None, "none".into(), "未分组".into()));

    let count = |f: &dyn Fn(&Deputy) -> bool| m.iter().filter(|d| f(d)).count();
    Ok(RosterStats {
        on,
        term_id: term.id,
        term_label: term.label(),
        total,
        by_sex: buckets(&m, &vocab_keys::<Sex>(), |d| vec![Some(d.sex)]),
        by_ethnicity: buckets(&m, &ethnicity_keys, |d| vec![Some(d.ethnicity)]),
        by_age_band: buckets(&m, &age_keys, |d| {
            vec![match d.birth_date {
                None => AGE_BANDS.len(),
                Some(b) => {
                    let age = b.age_on(on);
                    AGE_BANDS
                        .iter()
                        .position(|(_, _, lo, hi)| (*lo..=*hi).contains(&age))
                        .unwrap_or(AGE_BANDS.len())
                }
            }]
        }),
        by_education: buckets(&m, &edu_keys, |d| vec![d.education]),
        by_political_status: buckets(&m, &vocab_keys::<PoliticalStatus>(), |d| {
            vec![Some(d.political_status)]
        }),
        by_occupation: buckets(&m, &vocab_keys::<Occupation>(), |d| {
            vec![Some(d.occupation)]
        }),
        by_level: buckets(&m, &vocab_keys::<Level>(), |d| {
            d.levels.iter().map(|l| Some(*l)).collect()
        }),
        by_group: buckets(&m, &group_keys, |d| vec![d.group_id]),
        women: Ratio::new(count(&|d| d.sex == Sex::Female), total),
        minorities: Ratio::new(count(&|d| d.ethnicity.is_minority()), total),
        grassroots: Ratio::new(count(&|d| d.grassroots), total),
        cpc: Ratio::new(
            count(&|d| {
                matches!(
                    d.political_status,
                    PoliticalStatus::CpcMember | PoliticalStatus::CpcProbationary
                )
            }),
            total,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounds_to_one_decimal_and_survives_zero() {
        assert_eq!(Ratio::new(28, 60).percent, Some(46.7));
        assert_eq!(Ratio::new(1, 3).chinese(), "33.3%（1/3）");
        assert_eq!(Ratio::new(0, 0).percent, None);
    }
}
