//! Deputies' duty reports to their voters (代表述职): a deputy reports to the voters of the
//! constituency on a day, at a place, before the voters present, who may rate the deputy by
//! ballot (满意 / 基本满意 / 不满意 as counts). The rule profile says how often each deputy of
//! which levels reports in a term; [`not_reported`] lists who has not yet.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::book::{self, Book};
use crate::history::{Entity, HistoryEntry, Stamp};
use crate::roster::{deputy, org};
use crate::store::{ListSql, Page, Where};
use crate::tally::Ballots;
use crate::vocab::*;
use crate::{dates, rules, Error, Result, Store};

/// No more voters than this at one report.
pub const MAX_VOTERS: i64 = 100_000;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DutyReportInput {
    pub deputy_id: i64,
    pub date: String,
    #[serde(default)]
    pub place: String,
    pub voters_present: i64,
    /// The voters' rating as counts; all three or none.
    #[serde(default)]
    pub good: Option<i64>,
    #[serde(default)]
    pub fair: Option<i64>,
    #[serde(default)]
    pub poor: Option<i64>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DutyReport {
    pub id: i64,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub deputy_id: i64,
    pub deputy_name: String,
    pub term_id: i64,
    pub date: NaiveDate,
    pub place: String,
    pub voters_present: i64,
    pub rating: Option<Ballots>,
    pub notes: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

impl DutyReport {
    fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["rating"] = json!(self
            .rating
            .map(|b| format!("满意{}，基本满意{}，不满意{}", b.good, b.fair, b.poor)));
        v
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DutyReportDetail {
    pub report: DutyReport,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct DutyReportQuery {
    pub search: Option<String>,
    pub year: Option<i32>,
    pub term_id: Option<i64>,
    pub deputy_id: Option<i64>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

const COLUMNS: &str =
    "x.id, x.number, x.year, x.seq, x.deputy_id, d.name, x.term_id, x.date, x.place,
    x.voters_present, x.good, x.fair, x.poor, x.notes, x.voided_at IS NOT NULL, x.void_reason";

const FROM: &str = "duty_reports x JOIN deputies d ON d.id = x.deputy_id";

fn from_row(r: &Row) -> rusqlite::Result<DutyReport> {
    let d: String = r.get(7)?;
    let rating: (Option<i64>, Option<i64>, Option<i64>) = (r.get(10)?, r.get(11)?, r.get(12)?);
    Ok(DutyReport {
        id: r.get(0)?,
        number: r.get(1)?,
        year: r.get(2)?,
        seq: r.get(3)?,
        deputy_id: r.get(4)?,
        deputy_name: r.get(5)?,
        term_id: r.get(6)?,
        date: NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap_or_default(),
        place: r.get(8)?,
        voters_present: r.get(9)?,
        rating: match rating {
            (Some(a), Some(b), Some(c)) => Some(Ballots::new(a, b, c)),
            _ => None,
        },
        notes: r.get(13)?,
        voided: r.get(14)?,
        void_reason: r.get(15)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<DutyReport> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM {FROM} WHERE x.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "代表述职",
        id,
    })
}

pub fn detail(conn: &Connection, id: i64) -> Result<DutyReportDetail> {
    Ok(DutyReportDetail {
        report: get(conn, id)?,
        history: book::history::of::<DutyReport>(conn, id)?,
    })
}

pub fn list(conn: &Connection, q: &DutyReportQuery) -> Result<Page<DutyReport>> {
    let mut w = Where::default();
    if let Some(y) = q.year {
        dates::check_year(y)?;
        w.and_with("x.year = ?", y as i64);
    }
    if let Some(t) = q.term_id {
        w.and_with("x.term_id = ?", t);
    }
    if let Some(d) = q.deputy_id {
        w.and_with("x.deputy_id = ?", d);
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_with(
            "(d.name LIKE ? OR x.place LIKE ? OR x.number LIKE ?)",
            format!("%{}%", text.replace(['%', '_'], "")),
        );
    }
    if !q.include_voided {
        w.and("x.voided_at IS NULL");
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: FROM,
        count_from: FROM,
        order: "x.date DESC, x.id DESC",
    };
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &DutyReportInput) -> Result<DutyReport> {
    crate::fields::check(&crate::fields::DUTY_REPORT, input, stamp.today())?;
    store.write(|tx| {
        let date = dates::parse_iso("date", "述职日期", input.date.trim())?;
        if date > stamp.today() {
            return Err(Error::validation("date", "述职日期不能晚于今天"));
        }
        deputy::require_in_office(tx, &[input.deputy_id], date, "deputy_id", "述职代表", "date")?;
        let term = org::term_on(tx, date)?;
        if !(0..=MAX_VOTERS).contains(&input.voters_present) {
            return Err(Error::validation(
                "voters_present",
                format!("到会选民人数应在 0 到 {MAX_VOTERS} 之间"),
            ));
        }
        match (input.good, input.fair, input.poor) {
            (None, None, None) => {}
            (Some(a), Some(b), Some(c)) => {
                for (field, word, v) in [("good", "满意", a), ("fair", "基本满意", b), ("poor", "不满意", c)]
                {
                    if !(0..=MAX_VOTERS).contains(&v) {
                        return Err(Error::validation(
                            field,
                            format!("{word}票数应在 0 到 {MAX_VOTERS} 之间"),
                        ));
                    }
                }
                if a + b + c > input.voters_present {
                    return Err(Error::validation(
                        "good",
                        format!(
                            "满意、基本满意、不满意合计 {} 票，多于到会选民 {} 人",
                            a + b + c,
                            input.voters_present
                        ),
                    ));
                }
            }
            _ => {
                return Err(Error::validation(
                    "good",
                    "选民测评请同时填写满意、基本满意、不满意三项票数（没有测评则都不填）",
                ))
            }
        }
        let year = date.year();
        let seq = book::next_seq(tx, "duty_reports", &[("year", &year)])?;
        tx.execute(
            "INSERT INTO duty_reports (year, seq, number, deputy_id, term_id, date, place, voters_present,
                good, fair, poor, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                year,
                seq,
                format!("述职〔{year}〕第{seq}号"),
                input.deputy_id,
                term.id,
                date.to_string(),
                input.place.trim(),
                input.voters_present,
                input.good,
                input.fair,
                input.poor,
                input.notes.trim()
            ],
        )?;
        let id = tx.last_insert_rowid();
        let r = get(tx, id)?;
        book::record_created(tx, stamp, id, &r)?;
        Ok(r)
    })
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<DutyReport> {
    book::void(store, stamp, id, reason)
}

/// A deputy who owes the voters a report this term.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ReportOwed {
    pub deputy_id: i64,
    pub name: String,
    pub group_name: Option<String>,
    pub levels: Vec<Level>,
    pub reports: usize,
    pub required: u32,
}

/// The deputies in office on `today`, of the profile's levels, with fewer reports in the current
/// term than the profile asks, in roster order. Empty when no term is current.
pub fn not_reported(conn: &Connection, today: NaiveDate) -> Result<Vec<ReportOwed>> {
    let rule = &rules::current(conn)?.supervision.duty_report;
    let Ok(term) = org::term_on(conn, today) else {
        return Ok(Vec::new());
    };
    let mut views: Vec<_> = deputy::term_views(conn, term.id, today)?
        .into_iter()
        .filter(|d| {
            !d.voided
                && org::holds_office(d.status)
                // Everyone on the roster is a township deputy (a level always held, even
                // when the roster lists only the others).
                && (rule.levels.iter().any(|c| c == Level::Township.code())
                    || d.levels.iter().any(|l| rule.levels.iter().any(|c| c == l.code())))
        })
        .collect();
    deputy::sort(&mut views, RosterOrder::Group);
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM duty_reports WHERE deputy_id = ?1 AND term_id = ?2 AND voided_at IS NULL",
    )?;
    let mut out = Vec::new();
    for d in views {
        let n: i64 = stmt.query_row(params![d.id, term.id], |r| r.get(0))?;
        let n = usize::try_from(n).unwrap_or_default();
        if n < rule.per_term as usize {
            out.push(ReportOwed {
                deputy_id: d.id,
                name: d.name,
                group_name: d.group_name,
                levels: d.levels,
                reports: n,
                required: rule.per_term,
            });
        }
    }
    Ok(out)
}

/// A deputy's reports in a period, for the duty record.
pub fn of_deputy(
    conn: &Connection,
    deputy_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DutyReport>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE x.deputy_id = ?1 AND x.voided_at IS NULL
           AND x.date BETWEEN ?2 AND ?3 ORDER BY x.date, x.id"
    ))?;
    let rows = stmt
        .query_map(
            params![deputy_id, from.to_string(), to.to_string()],
            from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

impl Book for DutyReport {
    const ENTITY: Entity = Entity::DutyReport;
    const TABLE: &'static str = "duty_reports";
    const NAME: &'static str = "代表述职";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> Value {
        DutyReport::snapshot(self)
    }
    fn label(&self) -> String {
        format!("{}（{}）", self.number, self.deputy_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules keep a duty report's levels as codes (the vocabulary reads the rules, so they
    /// cannot name its type): every shipped profile's codes must be levels of the roster, or a
    /// misspelt one would silently exempt every deputy of that level.
    #[test]
    fn every_shipped_profiles_duty_report_levels_are_roster_levels() {
        for p in rules::shipped() {
            assert!(!p.supervision.duty_report.levels.is_empty(), "{}", p.id);
            for code in &p.supervision.duty_report.levels {
                assert!(Level::from_code(code).is_some(), "{}: {code}", p.id);
            }
        }
    }
}
