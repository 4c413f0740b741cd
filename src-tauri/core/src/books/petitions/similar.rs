//! Repeat detection: earlier petitions of the same person (ID number, or name with phone) or on
//! the same matter (similar wording of the request), shown while the clerk registers a new one.
//! Results are the masked views: detection never reveals who the earlier petitioner was.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::{cases, view, Petition, RowFilter};
use crate::calendar::HolidayCalendar;
use crate::suggestions::Names;
use crate::{names, Result};

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(default)]
pub struct PetitionProbe {
    pub petitioner_name: String,
    pub phone: String,
    pub id_number: String,
    pub request: String,
    pub exclude_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SimilarPetition {
    pub petition: Petition,
    pub same_person: bool,
    pub same_matter: bool,
    pub similarity: f64,
    pub reason: String,
}

/// Requests sharing at least this share of character pairs (Dice) are "the same matter".
pub const SAME_MATTER: f64 = 0.25;
const MAX_RESULTS: usize = 10;

/// Words every petition uses; they say nothing about the matter.
const STOP: &[&str] = &[
    "反映", "要求", "问题", "希望", "解决", "请求", "情况", "尽快", "有关", "相关",
];

/// Character pairs of the meaningful text (letters, digits, CJK), stop words removed.
pub fn bigrams(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    chars
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|(a, b)| {
            let s: String = [*a, *b].iter().collect();
            !STOP.contains(&s.as_str())
        })
        .collect()
}

/// Dice coefficient of two pair sets, 0..1.
pub fn dice(a: &HashSet<(char, char)>, b: &HashSet<(char, char)>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

pub fn find(
    conn: &Connection,
    probe: &PetitionProbe,
    today: NaiveDate,
) -> Result<Vec<SimilarPetition>> {
    let name = names::clean(&probe.petitioner_name);
    let phone = digits(&probe.phone);
    let idn = probe.id_number.trim().to_uppercase();
    let words = bigrams(&probe.request);
    if name.is_empty() && phone.len() < 7 && idn.len() < 15 && words.len() < 3 {
        return Ok(Vec::new());
    }
    // Only the columns detection compares: no steps, no replay, for every petition.
    let mut stmt = conn.prepare_cached(
        "SELECT id, anonymous, petitioner_name, phone, id_number, request FROM petitions WHERE voided_at IS NULL",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut hits: Vec<(i64, bool, bool, f64, String)> = Vec::new();
    for (id, anonymous, r_name, r_phone, r_idn, r_request) in rows {
        if Some(id) == probe.exclude_id {
            continue;
        }
        let same_id = idn.len() >= 15 && r_idn.as_deref() == Some(idn.as_str());
        let same_name_phone = !name.is_empty()
            && !anonymous
            && r_name == name
            && phone.len() >= 7
            && digits(&r_phone) == phone;
        let similarity = if words.len() >= 3 {
            dice(&words, &bigrams(&r_request))
        } else {
            0.0
        };
        let same_matter = similarity >= SAME_MATTER;
        if !(same_id || same_name_phone || same_matter) {
            continue;
        }
        let mut reasons = Vec::new();
        if same_id {
            reasons.push("同一人（身份证号码相同）".to_string());
        } else if same_name_phone {
            reasons.push("同一人（姓名和电话相同）".to_string());
        }
        if same_matter {
            reasons.push(format!("诉求相近（相似度 {:.0}%）", similarity * 100.0));
        }
        hits.push((
            id,
            same_id || same_name_phone,
            same_matter,
            similarity,
            reasons.join("；"),
        ));
    }
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(b.3.total_cmp(&a.3)));
    hits.truncate(MAX_RESULTS);
    let n = Names::load(conn)?;
    let cal = HolidayCalendar::for_office(conn)?;
    let found = cases(
        conn,
        &RowFilter {
            ids: Some(hits.iter().map(|h| h.0).collect()),
            ..RowFilter::default()
        },
    )?;
    hits.into_iter()
        .filter_map(|(id, same_person, same_matter, similarity, reason)| {
            let c = found.iter().find(|c| c.rec.id == id)?;
            Some(
                view(conn, &n, c, &cal, today, false).map(|petition| SimilarPetition {
                    petition,
                    same_person,
                    same_matter,
                    similarity: (similarity * 100.0).round() / 100.0,
                    reason,
                }),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_road_in_other_words_is_the_same_matter() {
        let a = bigrams("反映青山村至河口村道路坑洼严重，要求尽快修复");
        let b = bigrams("青山村到河口村的道路损坏，希望修路");
        let c = bigrams("申请低保，家中老人长期患病无收入");
        assert!(dice(&a, &b) >= SAME_MATTER, "{}", dice(&a, &b));
        assert!(dice(&a, &c) < 0.1, "{}", dice(&a, &c));
        assert_eq!(dice(&a, &a), 1.0);
    }

    #[test]
    fn stop_words_and_punctuation_do_not_make_matters_alike() {
        let a = bigrams("要求解决问题，反映情况！");
        assert!(a
            .iter()
            .all(|(x, y)| x.is_alphanumeric() && y.is_alphanumeric()));
        assert!(dice(&a, &bigrams("希望尽快解决相关问题")) < SAME_MATTER);
    }
}
