//! `taizhang-cli calendar`: due dates over the holiday calendar, and loading a new year of it.

use clap::Subcommand;
use std::path::PathBuf;
use taizhang_core::{dates, Error, Result, Stamp, Store};

use crate::print_json;

#[derive(Subcommand)]
pub(crate) enum CalendarCmd {
    /// Print the due date (YYYY-MM-DD) of a period counted from a date; the reasoning goes to stderr.
    Due {
        #[arg(long = "from")]
        from: String,
        /// Calendar days (日).
        #[arg(long, group = "period")]
        days: Option<u32>,
        /// Working days (工作日): weekends and holidays skipped, make-up workdays counted.
        #[arg(long, group = "period")]
        working_days: Option<u32>,
        /// Months (月).
        #[arg(long, group = "period")]
        months: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Load a newer year's holiday arrangement from a JSON file (format: assets/calendar/extract.py).
    Load { file: PathBuf },
}

pub(crate) fn run(store: &mut Store, stamp: &Stamp, c: CalendarCmd) -> Result<()> {
    match c {
        CalendarCmd::Due {
            from,
            days,
            working_days,
            months,
            json,
        } => {
            use taizhang_core::calendar::{self, HolidayCalendar, Period, Unit};
            let start = dates::parse_iso("from", "起算日期", &from)?;
            let period = match (days, working_days, months) {
                (Some(n), None, None) => Period {
                    unit: Unit::CalendarDays,
                    count: n,
                },
                (None, Some(n), None) => Period {
                    unit: Unit::WorkingDays,
                    count: n,
                },
                (None, None, Some(n)) => Period {
                    unit: Unit::Months,
                    count: n,
                },
                _ => {
                    return Err(Error::validation(
                        "period",
                        "请给出 --days、--working-days 或 --months 之一",
                    ))
                }
            };
            let due = calendar::due(&HolidayCalendar::for_office(store.conn())?, start, period)?;
            if json {
                print_json(&due);
            } else {
                println!("{}", due.date);
                eprintln!("{}", due.explanation);
            }
        }
        CalendarCmd::Load { file } => {
            let text = taizhang_core::input::read_bounded(&file, 1024 * 1024, "节假日文件")?;
            let years = taizhang_core::calendar::load_years(store, stamp, &text)?;
            println!("已载入 {:?} 年的节假日安排", years);
        }
    }
    Ok(())
}
