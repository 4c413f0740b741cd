//! The one clock. Time enters the core here and nowhere else: the app, the CLI and the tests
//! choose a clock at their boundary and pass what it says (a [`crate::Stamp`], a `today`) into
//! every call. No rule, list, printout or package reads the wall clock itself, so each of them
//! gives the same answer for the same data and the same day, and tests can fix the day.

use chrono::{NaiveDate, NaiveDateTime};

/// Where "now" comes from.
pub trait Clock {
    /// The office's local date and time.
    fn now(&self) -> NaiveDateTime;
    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

/// The computer's clock, in the office's local time. The only wall-clock read in the core.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        chrono::Local::now().naive_local()
    }
}

/// A clock stopped at one moment: tests, benchmarks, and a reprint "as of" a day.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub NaiveDateTime);

impl FixedClock {
    /// Noon of `day`.
    pub fn on(day: NaiveDate) -> FixedClock {
        FixedClock(day.and_hms_opt(12, 0, 0).expect("noon exists"))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_never_moves() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let c = FixedClock::on(day);
        assert_eq!(
            c.today(),
            day,
            "a fixed clock's today is the day it was set to"
        );
        assert_eq!(c.now(), c.now(), "two reads of a stopped clock agree");
    }

    #[test]
    fn the_system_clock_is_past_the_apps_first_release() {
        // Sanity only: the wall clock is read, in local time, and is a plausible date.
        assert!(SystemClock.today() > NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    }
}
