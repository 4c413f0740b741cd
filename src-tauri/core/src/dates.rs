//! Dates as the office writes them. Birth dates are often known only to the month, so a
//! [`PartialDate`] is a year and month with an optional day. Spreadsheets bring every spelling:
//! "1975.03", "1975-3", "1975年3月", "1975/03/12", "19750312", full-width digits.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(export)]
#[ts(type = "string")]
pub struct PartialDate {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

/// Why a date text could not be read; the caller names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    Unreadable,
    Impossible,
    /// "1975.1" from a number cell: January or October lost its trailing zero.
    Ambiguous,
}

impl DateProblem {
    pub fn message(&self, label: &str, text: &str) -> String {
        match self {
            DateProblem::Unreadable => format!("{label}“{text}”无法识别，请写成 1975-03 或 1975-03-12"),
            DateProblem::Impossible => format!("{label}“{text}”不是真实存在的日期"),
            DateProblem::Ambiguous => format!(
                "{label}“{text}”有歧义：表格把 1975.10 存成了 1975.1，无法区分 1 月和 10 月，请把该单元格改为文本格式并写成 1975.01 或 1975.10"
            ),
        }
    }
}

impl PartialDate {
    pub fn new(year: i32, month: u32, day: Option<u32>) -> Option<Self> {
        if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if let Some(d) = day {
            NaiveDate::from_ymd_opt(year, month, d)?;
        }
        Some(PartialDate { year, month, day })
    }

    pub fn from_date(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: d.month(),
            day: Some(d.day()),
        }
    }

    /// The first possible day, for age arithmetic.
    pub fn earliest(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, self.day.unwrap_or(1))
            .expect("validated on construction")
    }

    /// Whole years of age on `on` (a month-only birth date counts from the first of the month).
    pub fn age_on(&self, on: NaiveDate) -> i32 {
        let b = self.earliest();
        let mut age = on.year() - b.year();
        if (on.month(), on.day()) < (b.month(), b.day()) {
            age -= 1;
        }
        age
    }

    /// 1975年3月 / 1975年3月12日
    pub fn chinese(&self) -> String {
        match self.day {
            Some(d) => format!("{}年{}月{}日", self.year, self.month, d),
            None => format!("{}年{}月", self.year, self.month),
        }
    }

    /// Reads the spellings offices use. Accepts full-width digits and separators.
    pub fn parse(text: &str) -> std::result::Result<Self, DateProblem> {
        let t = normalize_width(text);
        let t = t.trim().trim_end_matches('日').trim_end_matches('号');
        if t.is_empty() {
            return Err(DateProblem::Unreadable);
        }
        // Compact digits: 197503 or 19750312.
        if t.chars().all(|c| c.is_ascii_digit()) {
            return match t.len() {
                6 => Self::checked(num(&t[0..4])?, num(&t[4..6])?, None),
                8 => Self::checked(num(&t[0..4])?, num(&t[4..6])?, Some(num(&t[6..8])?)),
                _ => Err(DateProblem::Unreadable),
            };
        }
        let parts: Vec<&str> = t
            .split(['.', '-', '/', '年', '月', ' '])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit())) {
            return Err(DateProblem::Unreadable);
        }
        match parts.as_slice() {
            [y, m] if y.len() == 4 && m.len() <= 2 => Self::checked(num(y)?, num(m)?, None),
            [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
                Self::checked(num(y)?, num(m)?, Some(num(d)?))
            }
            _ => Err(DateProblem::Unreadable),
        }
    }

    /// A number cell such as 1975.03 (typed into Excel, stored as a float) or an Excel serial date.
    pub fn from_number(v: f64) -> std::result::Result<Self, DateProblem> {
        if (1900.0..2101.0).contains(&v) {
            // Year.month typed as a number. Two decimals survive only when the month is 01..09
            // or 11/12; 1975.1 might have been 1975.10.
            let text = format!("{v}");
            let (y, m) = text.split_once('.').ok_or(DateProblem::Unreadable)?;
            if m.len() == 1 && m == "1" {
                return Err(DateProblem::Ambiguous);
            }
            // 1975.2 can only be February: there is no 20th month.
            return Self::checked(num(y)?, num(m)?, None);
        }
        // Excel serial day number (1900 date system; serial 60 is the fictitious 1900-02-29).
        if (1.0..80000.0).contains(&v) && v.fract() == 0.0 {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("constant");
            let d = base + chrono::Duration::days(v as i64);
            return Ok(Self::from_date(d));
        }
        Err(DateProblem::Unreadable)
    }

    fn checked(y: u32, m: u32, d: Option<u32>) -> std::result::Result<Self, DateProblem> {
        Self::new(y as i32, m, d).ok_or(DateProblem::Impossible)
    }
}

fn num(s: &str) -> std::result::Result<u32, DateProblem> {
    s.parse().map_err(|_| DateProblem::Unreadable)
}

impl fmt::Display for PartialDate {
    /// ISO form: "1975-03" or "1975-03-12".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(|p| serde::de::Error::custom(p.message("日期", &s)))
    }
}

/// Full-width ASCII (０-９, Ａ-Ｚ, ．, －, ／...) and the ideographic space to their ASCII forms.
pub fn normalize_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Parses an input "YYYY-MM-DD" for a named field.
/// Years outside 1900..=2200 are refused: no record, query or period of the office lies
/// there, and chrono would otherwise accept year 0 or 99999.
/// [`parse_iso`] of an optional field: None or blank is no date.
pub fn parse_optional(
    field: &'static str,
    label: &str,
    text: &Option<String>,
) -> Result<Option<NaiveDate>> {
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_iso(field, label, t).map(Some),
    }
}

pub fn parse_iso(field: &'static str, label: &str, text: &str) -> Result<NaiveDate> {
    let shown: String = text.chars().take(30).collect();
    let d = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::validation(
            field,
            format!("{label}“{shown}”不是有效日期，请按 2024-03-20 的格式填写"),
        )
    })?;
    if !(1900..=2200).contains(&d.year()) {
        return Err(Error::validation(
            field,
            format!("{label}“{shown}”的年份不在 1900 到 2200 之间，请核对"),
        ));
    }
    Ok(d)
}

/// A year asked for (a list's or a printout's): 1900..=2200, the range [`parse_iso`] keeps.
pub fn check_year(year: i32) -> Result<i32> {
    if !(1900..=2200).contains(&year) {
        return Err(Error::validation(
            "year",
            format!("年度 {year} 不在 1900 到 2200 之间，请核对"),
        ));
    }
    Ok(year)
}

/// 2024年3月20日, the way every date is shown to the clerk.
pub fn chinese(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 1 -> 一, 20 -> 二十, 21 -> 二十一 (for 届 and 次 labels up to 99).
pub fn chinese_number(n: i64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// A moment to the minute, as the office writes it ("2026-12-04 09:30"): a petition's receipt.
/// Stored and sent as that text, a date-time everywhere in between, so no code parses it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(export)]
#[ts(type = "string")]
pub struct Minute(NaiveDateTime);

impl Minute {
    pub const FORMAT: &'static str = "%Y-%m-%d %H:%M";

    pub fn new(at: NaiveDateTime) -> Minute {
        use chrono::Timelike;
        Minute(
            at.with_second(0)
                .and_then(|t| t.with_nanosecond(0))
                .unwrap_or(at),
        )
    }
    pub fn at(&self) -> NaiveDateTime {
        self.0
    }
    pub fn date(&self) -> NaiveDate {
        self.0.date()
    }
    pub fn year(&self) -> i32 {
        self.0.year()
    }
    /// Reads the stored and exchanged forms: "2026-12-04 09:30", with a "T", with seconds, or
    /// a date alone (midnight).
    pub fn parse(text: &str) -> Option<Minute> {
        let t = text.trim();
        [
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
        .map(Minute::new)
    }
}

impl fmt::Display for Minute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(Minute::FORMAT))
    }
}

impl Serialize for Minute {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Minute {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Minute, D::Error> {
        let text = String::deserialize(d)?;
        Minute::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("时间“{text}”无法识别")))
    }
}

impl rusqlite::types::ToSql for Minute {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.to_string()))
    }
}

impl rusqlite::types::FromSql for Minute {
    fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = v.as_str()?;
        Minute::parse(text).ok_or_else(|| {
            rusqlite::types::FromSqlError::Other(format!("时间“{text}”无法识别").into())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(s: &str) -> String {
        PartialDate::parse(s)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn reads_the_spellings_offices_use() {
        assert_eq!(p("1975.03"), "1975-03");
        assert_eq!(p("1975-3"), "1975-03");
        assert_eq!(p("1975年3月"), "1975-03");
        assert_eq!(p("1975年3月12日"), "1975-03-12");
        assert_eq!(p("1975/3/12"), "1975-03-12");
        assert_eq!(p("197503"), "1975-03");
        assert_eq!(p("19750312"), "1975-03-12");
        assert_eq!(p("１９７５．０３"), "1975-03", "full-width digits and dot");
    }

    #[test]
    fn refuses_impossible_and_unreadable_dates() {
        assert_eq!(p("1975-02-30"), "Impossible");
        assert_eq!(p("1975-13"), "Impossible");
        assert_eq!(p("75.3"), "Unreadable");
        assert_eq!(p("三月"), "Unreadable");
        assert_eq!(p(""), "Unreadable");
    }

    #[test]
    fn number_cells_are_year_month_or_excel_serials() {
        assert_eq!(
            PartialDate::from_number(1975.03).unwrap().to_string(),
            "1975-03"
        );
        assert_eq!(
            PartialDate::from_number(1975.12).unwrap().to_string(),
            "1975-12"
        );
        assert_eq!(
            PartialDate::from_number(1975.1),
            Err(DateProblem::Ambiguous)
        );
        assert_eq!(
            PartialDate::from_number(1975.2).unwrap().to_string(),
            "1975-02"
        );
        // 27465 is 1975-03-12 in Excel's 1900 date system.
        assert_eq!(
            PartialDate::from_number(27465.0).unwrap().to_string(),
            "1975-03-12"
        );
    }

    #[test]
    fn age_counts_whole_years() {
        let b = PartialDate::parse("1975-03").unwrap();
        assert_eq!(b.age_on(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()), 50);
        assert_eq!(b.age_on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()), 51);
    }

    proptest! {
        #[test]
        fn every_real_date_round_trips_through_its_iso_text(y in 1900i32..2100, m in 1u32..=12, d in 1u32..=31) {
            if let Some(date) = PartialDate::new(y, m, Some(d)) {
                prop_assert_eq!(PartialDate::parse(&date.to_string()), Ok(date));
                prop_assert_eq!(PartialDate::parse(&date.chinese()), Ok(date));
            }
        }
    }

    #[test]
    fn a_minute_reads_the_stored_forms_and_writes_one() {
        for text in [
            "2026-12-04 09:30",
            "2026-12-04T09:30",
            "2026-12-04 09:30:59",
        ] {
            let m = Minute::parse(text).unwrap();
            assert_eq!(
                m.to_string(),
                "2026-12-04 09:30",
                "{text} is stored as one form"
            );
        }
        assert_eq!(
            Minute::parse("2026-12-04").unwrap().to_string(),
            "2026-12-04 00:00"
        );
        for bad in ["", "2026-13-04 09:30", "昨天", "2026-12-04 25:00"] {
            assert!(Minute::parse(bad).is_none(), "{bad:?} is no moment");
        }
        let m = Minute::parse("2026-12-04 09:30").unwrap();
        assert_eq!(
            serde_json::to_value(m).unwrap(),
            "2026-12-04 09:30",
            "JSON keeps the text"
        );
        assert_eq!(m.date().to_string(), "2026-12-04");
    }
}
