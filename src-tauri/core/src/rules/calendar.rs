//! Counting periods (民法典 Art. 201–203) over China's working-day calendar.
//!
//! - The day a period starts is not counted (Art. 201).
//! - A period in months ends on the corresponding day of the last month, or that month's last day
//!   when there is none (Art. 202).
//! - A period whose last day is a rest day (weekend or statutory holiday, 法定休假日) ends on the
//!   next working day (Art. 203). A make-up workday (调休) is a working day.
//! - "日" (calendar days) and "工作日" (working days) are different units: working days skip
//!   weekends and holidays and count make-up workdays.
//!
//! The official calendar for 2020 onwards ships in `assets/calendar/cn-holidays.json`; an office
//! can load a newer year from a file of the same shape (stored in settings). A due date that
//! touches a year the calendar does not know says so in [`Due::beyond_calendar`].

use chrono::{Datelike, Months, NaiveDate, Weekday};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::dates::chinese;
use crate::history::{self, Action, Entity, Stamp};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Year {
    /// Days off of statutory holiday periods (weekends inside them included), with the holiday's name.
    pub holidays: BTreeMap<NaiveDate, String>,
    /// Weekend days that are working days (调休).
    pub workdays: BTreeSet<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct HolidayCalendar {
    #[serde(default)]
    pub source: String,
    pub years: BTreeMap<i32, Year>,
}

const SETTINGS_KEY: &str = "holiday_calendar";

impl HolidayCalendar {
    /// The calendar shipped with the app.
    pub fn official() -> &'static HolidayCalendar {
        static CAL: OnceLock<HolidayCalendar> = OnceLock::new();
        CAL.get_or_init(|| {
            HolidayCalendar::from_json(include_str!("../../../../assets/calendar/cn-holidays.json"))
                .expect("the shipped holiday calendar is valid")
        })
    }

    /// Reads a calendar file; every date must lie in the year it is listed under, and no day may
    /// be both a holiday and a make-up workday.
    pub fn from_json(text: &str) -> Result<HolidayCalendar> {
        let cal: HolidayCalendar = serde_json::from_str(text).map_err(|e| {
            Error::Import(format!(
                "节假日文件格式不对：{e}。格式见 assets/calendar/extract.py"
            ))
        })?;
        for (year, y) in &cal.years {
            let stray = y
                .holidays
                .keys()
                .chain(y.workdays.iter())
                .find(|d| d.year() != *year);
            if let Some(d) = stray {
                return Err(Error::Import(format!(
                    "节假日文件中{}列在 {year} 年之下",
                    chinese(*d)
                )));
            }
            if let Some(d) = y.workdays.iter().find(|d| y.holidays.contains_key(d)) {
                return Err(Error::Import(format!(
                    "节假日文件中{}既是假日又是调休上班日",
                    chinese(*d)
                )));
            }
        }
        Ok(cal)
    }

    /// The official calendar with the years the office loaded (a loaded year replaces the same year).
    pub fn for_office(conn: &Connection) -> Result<HolidayCalendar> {
        let mut cal = Self::official().clone();
        if let Some(text) = crate::settings::get(conn, SETTINGS_KEY)? {
            cal.years.extend(Self::from_json(&text)?.years);
        }
        Ok(cal)
    }

    pub fn knows(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        let y = self.years.get(&d.year());
        if y.is_some_and(|y| y.workdays.contains(&d)) {
            return true;
        }
        if y.is_some_and(|y| y.holidays.contains_key(&d)) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// Why a day is not a working day, for explanations: "国庆节假日" or "周六".
    pub fn rest_reason(&self, d: NaiveDate) -> Option<String> {
        if self.is_working_day(d) {
            return None;
        }
        match self.years.get(&d.year()).and_then(|y| y.holidays.get(&d)) {
            Some(name) => Some(format!("{name}假日")),
            None => Some(if d.weekday() == Weekday::Sat {
                "周六".into()
            } else {
                "周日".into()
            }),
        }
    }

    fn next_working_day_from(&self, mut d: NaiveDate) -> NaiveDate {
        while !self.is_working_day(d) {
            d = d.succ_opt().expect("dates stay far from chrono's limits");
        }
        d
    }
}

/// The units a legal period is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 日
    CalendarDays,
    /// 工作日
    WorkingDays,
    /// 月
    Months,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::CalendarDays => "日",
            Unit::WorkingDays => "个工作日",
            Unit::Months => "个月",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Period {
    pub unit: Unit,
    pub count: u32,
}

/// A due date and how it was reached, so the clerk can check it by hand.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Due {
    pub date: NaiveDate,
    pub start: NaiveDate,
    pub period: Period,
    /// The last day before Art. 203 moved it off a rest day (equal to `date` when not moved).
    pub nominal: NaiveDate,
    /// Years the count passed through that the calendar does not know (only weekends were skipped there).
    pub beyond_calendar: Vec<i32>,
    /// In Chinese, step by step.
    pub explanation: String,
}

/// The due date of `period` counted from `start`.
pub fn due(cal: &HolidayCalendar, start: NaiveDate, period: Period) -> Result<Due> {
    if period.count == 0 || period.count > 3660 {
        return Err(Error::validation("count", "期限应为 1 到 3660 之间的整数"));
    }
    let nominal = match period.unit {
        Unit::CalendarDays => start + chrono::Duration::days(period.count as i64),
        Unit::Months => start
            .checked_add_months(Months::new(period.count))
            .ok_or_else(|| Error::validation("count", "期限超出了可计算的日期范围"))?,
        Unit::WorkingDays => {
            let mut d = start;
            let mut left = period.count;
            while left > 0 {
                d = d.succ_opt().expect("dates stay far from chrono's limits");
                if cal.is_working_day(d) {
                    left -= 1;
                }
            }
            d
        }
    };
    let date = cal.next_working_day_from(nominal);
    let beyond_calendar: Vec<i32> = (start.year()..=date.year())
        .filter(|y| !cal.knows(*y))
        .collect();

    let mut explanation = format!(
        "自{}起算（当日不计入，民法典第二百零一条），{}{}",
        chinese(start),
        period.count,
        period.unit.label()
    );
    match period.unit {
        Unit::Months => explanation.push_str(&format!(
            "，到期月的对应日为{}（第二百零二条）",
            chinese(nominal)
        )),
        Unit::WorkingDays => explanation.push_str(&format!(
            "（不计周末和法定节假日，调休上班日计入），第{}个工作日为{}",
            period.count,
            chinese(nominal)
        )),
        Unit::CalendarDays => explanation.push_str(&format!("，最后一日为{}", chinese(nominal))),
    }
    if date != nominal {
        let why = cal.rest_reason(nominal).unwrap_or_default();
        explanation.push_str(&format!(
            "；该日为{why}，顺延至其后第一个工作日{}（第二百零三条）",
            chinese(date)
        ));
    }
    explanation.push_str(&format!("。到期日：{}。", chinese(date)));
    if !beyond_calendar.is_empty() {
        let years: Vec<String> = beyond_calendar.iter().map(|y| y.to_string()).collect();
        explanation.push_str(&format!(
            "注意：尚未载入{}年的节假日安排，该年只按周末计算，请在国务院公布放假安排后载入并复核。",
            years.join("、")
        ));
    }
    Ok(Due {
        date,
        start,
        period,
        nominal,
        beyond_calendar,
        explanation,
    })
}

/// An extension counted on from an earlier due date (e.g. 30 more days for a petition). It never
/// ends before the date it extends.
pub fn extend(cal: &HolidayCalendar, earlier: &Due, more: Period) -> Result<Due> {
    due(cal, earlier.date, more)
}

/// Stores years from a calendar file for this office (they replace the same years of the
/// shipped calendar) and records it in the history. Returns the years loaded.
pub fn load_years(store: &mut Store, stamp: &Stamp, text: &str) -> Result<Vec<i32>> {
    let new = HolidayCalendar::from_json(text)?;
    if new.years.is_empty() {
        return Err(Error::Import("节假日文件中没有任何年份".into()));
    }
    store.write(|tx| {
        let mut stored = match crate::settings::get(tx, SETTINGS_KEY)? {
            Some(t) => HolidayCalendar::from_json(&t)?,
            None => HolidayCalendar::default(),
        };
        let years: Vec<i32> = new.years.keys().copied().collect();
        stored.source = new.source.clone();
        stored.years.extend(new.years);
        let text = serde_json::to_string(&stored).expect("serialisable");
        crate::settings::set(tx, SETTINGS_KEY, &text)?;
        let note = format!(
            "载入节假日安排：{}",
            years
                .iter()
                .map(|y| format!("{y}年"))
                .collect::<Vec<_>>()
                .join("、")
        );
        history::record(
            tx,
            stamp,
            Entity::Settings,
            0,
            Action::Update,
            None,
            None,
            &note,
        )?;
        Ok(years)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn cal() -> &'static HolidayCalendar {
        HolidayCalendar::official()
    }
    fn due_on(start: &str, unit: Unit, count: u32) -> String {
        due(cal(), d(start), Period { unit, count })
            .unwrap()
            .date
            .to_string()
    }

    #[test]
    fn the_shipped_calendar_covers_2020_onwards() {
        for y in 2020..=2026 {
            assert!(cal().knows(y), "{y}");
        }
        // 2024 国庆: 10月1日至7日放假，9月29日（周日）、10月12日（周六）上班.
        assert!(!cal().is_working_day(d("2024-10-07")));
        assert!(cal().is_working_day(d("2024-09-29")));
        assert!(cal().is_working_day(d("2024-10-12")));
        assert_eq!(
            cal().rest_reason(d("2024-10-03")).as_deref(),
            Some("国庆节假日")
        );
    }

    /// Hand-checked against the State Council notices for 2024 and 2025.
    #[test]
    fn periods_around_spring_festival_and_national_day() {
        use Unit::*;
        // 2024 春节: 2月10日至17日放假，2月4日（周日）、2月18日（周日）上班; 2月9日 is a working day.
        assert_eq!(due_on("2024-02-08", WorkingDays, 1), "2024-02-09");
        assert_eq!(
            due_on("2024-02-08", WorkingDays, 2),
            "2024-02-18",
            "the make-up Sunday counts"
        );
        assert_eq!(
            due_on("2024-02-02", WorkingDays, 1),
            "2024-02-04",
            "Feb 3 is Saturday, Feb 4 a make-up Sunday"
        );
        // 2024 国庆
        assert_eq!(due_on("2024-09-30", WorkingDays, 1), "2024-10-08");
        assert_eq!(
            due_on("2024-09-20", CalendarDays, 15),
            "2024-10-08",
            "Oct 5 is a holiday: moved (Art. 203)"
        );
        assert_eq!(
            due_on("2024-09-14", CalendarDays, 15),
            "2024-09-29",
            "Sep 29 is a make-up workday: not moved"
        );
        // 2025 春节: 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班.
        assert_eq!(
            due_on("2024-10-31", Months, 3),
            "2025-02-05",
            "Jan 31 is in the holiday"
        );
        assert_eq!(
            due_on("2024-11-30", Months, 3),
            "2025-02-28",
            "no Feb 30: the month's last day (Art. 202)"
        );
        assert_eq!(
            due_on("2025-01-24", WorkingDays, 2),
            "2025-01-27",
            "Jan 26 (Sunday) is a make-up workday, Jan 27 a Monday"
        );
        assert_eq!(
            due_on("2025-01-24", WorkingDays, 3),
            "2025-02-05",
            "then Jan 28 to Feb 4 are off"
        );
        // 15 days for an acceptance notice from a Friday receipt, no holiday involved.
        assert_eq!(
            due_on("2024-03-01", CalendarDays, 15),
            "2024-03-18",
            "Mar 16 is Saturday: moved to Monday"
        );
    }

    #[test]
    fn the_explanation_names_the_rule_and_the_move() {
        let due = due(
            cal(),
            d("2024-09-20"),
            Period {
                unit: Unit::CalendarDays,
                count: 15,
            },
        )
        .unwrap();
        assert_eq!(due.nominal, d("2024-10-05"));
        assert!(
            due.explanation.contains("第二百零一条") && due.explanation.contains("国庆节假日"),
            "{}",
            due.explanation
        );
        assert!(due
            .explanation
            .contains("顺延至其后第一个工作日2024年10月8日"));
        assert!(due.beyond_calendar.is_empty());
    }

    #[test]
    fn a_due_date_beyond_the_known_calendar_says_so() {
        let due = due(
            cal(),
            d("2026-11-20"),
            Period {
                unit: Unit::Months,
                count: 3,
            },
        )
        .unwrap();
        assert_eq!(due.beyond_calendar, vec![2027]);
        assert!(due.explanation.contains("尚未载入2027年的节假日安排"));
    }

    #[test]
    fn a_loaded_year_is_used_and_bad_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("c.db")).unwrap();
        let stamp = Stamp::by("秘书", &crate::clock::SystemClock);
        let file = r#"{"source": "2027年放假安排（测试）", "years": {"2027": {"holidays": {"2027-01-01": "元旦", "2027-01-04": "元旦"}, "workdays": ["2027-01-09"]}}}"#;
        assert_eq!(load_years(&mut store, &stamp, file).unwrap(), vec![2027]);
        let c = HolidayCalendar::for_office(store.conn()).unwrap();
        assert!(c.knows(2027) && c.knows(2024));
        assert!(!c.is_working_day(d("2027-01-04")) && c.is_working_day(d("2027-01-09")));
        let due = due(
            &c,
            d("2026-12-31"),
            Period {
                unit: Unit::WorkingDays,
                count: 1,
            },
        )
        .unwrap();
        assert_eq!(due.date, d("2027-01-05"));
        assert!(due.beyond_calendar.is_empty());
        for bad in [
            "not json",
            r#"{"years": {"2027": {"holidays": {"2028-01-01": "元旦"}, "workdays": []}}}"#,
            r#"{"years": {"2027": {"holidays": {"2027-01-09": "元旦"}, "workdays": ["2027-01-09"]}}}"#,
            r#"{"years": {}}"#,
        ] {
            assert_eq!(
                load_years(&mut store, &stamp, bad).unwrap_err().code(),
                "import",
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn working_day_periods_end_on_working_days(offset in 0i64..2500, n in 1u32..400) {
            let start = d("2020-01-01") + chrono::Duration::days(offset);
            let due = due(cal(), start, Period { unit: Unit::WorkingDays, count: n }).unwrap();
            prop_assert!(cal().is_working_day(due.date));
            prop_assert!(due.date > start);
        }

        #[test]
        fn every_period_ends_on_a_working_day_no_earlier_than_its_nominal_day(offset in 0i64..2500, n in 1u32..200, unit in 0usize..3) {
            let unit = [Unit::CalendarDays, Unit::WorkingDays, Unit::Months][unit];
            let start = d("2020-01-01") + chrono::Duration::days(offset);
            let due = due(cal(), start, Period { unit, count: n }).unwrap();
            prop_assert!(cal().is_working_day(due.date));
            prop_assert!(due.date >= due.nominal && due.nominal > start);
        }

        #[test]
        fn a_longer_period_never_ends_earlier(offset in 0i64..2500, n in 1u32..200, more in 1u32..60, unit in 0usize..3) {
            let unit = [Unit::CalendarDays, Unit::WorkingDays, Unit::Months][unit];
            let start = d("2020-01-01") + chrono::Duration::days(offset);
            let a = due(cal(), start, Period { unit, count: n }).unwrap();
            let b = due(cal(), start, Period { unit, count: n + more }).unwrap();
            prop_assert!(b.date >= a.date);
        }

        #[test]
        fn an_extension_never_shortens_a_deadline(offset in 0i64..2500, n in 1u32..90, more in 1u32..31) {
            let start = d("2020-01-01") + chrono::Duration::days(offset);
            let first = due(cal(), start, Period { unit: Unit::CalendarDays, count: n }).unwrap();
            let ext = extend(cal(), &first, Period { unit: Unit::CalendarDays, count: more }).unwrap();
            prop_assert!(ext.date > first.date);
        }
    }
}
