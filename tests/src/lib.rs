//! Shared fixtures for the cross-layer tests: temp stores, a fixed clock, spreadsheet builders,
//! and the CLI binary.

use chrono::NaiveDate;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use taizhang_core::roster::deputy::DeputyInput;
use taizhang_core::roster::org::{self, TermInput};
use taizhang_core::vocab::*;
use taizhang_core::{Stamp, Store};

/// A store in a fresh temp dir; keep the dir alive as long as the store.
pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("taizhang.db")).expect("open store");
    (dir, store)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Today by the tests' clock (the computer's): for tests that work on the demo office, whose
/// casework is the year before today.
pub fn today() -> NaiveDate {
    use taizhang_core::clock::Clock;
    taizhang_core::clock::SystemClock.today()
}

/// The clerk, now by the tests' clock.
pub fn clerk_now() -> Stamp {
    Stamp::by("测试秘书", &taizhang_core::clock::SystemClock)
}

/// The clerk, at 10:00 on the given day.
pub fn clerk(on: NaiveDate) -> Stamp {
    Stamp::at("测试秘书", on.and_hms_opt(10, 0, 0).expect("valid time"))
}

/// A store with the 20th term (from 2021-11-20) and nothing else.
pub fn store_with_term() -> (tempfile::TempDir, Store, i64) {
    let (dir, mut store) = temp_store();
    let t = org::create_term(
        &mut store,
        &clerk(day(2021, 11, 20)),
        &TermInput {
            number: 20,
            start_date: "2021-11-20".into(),
            end_date: None,
        },
    )
    .expect("term");
    (dir, store, t.id)
}

/// A valid input for a deputy of the current term.
pub fn deputy_input(name: &str) -> DeputyInput {
    DeputyInput {
        term_id: None,
        name: name.into(),
        sex: Sex::Male,
        ethnicity: Ethnicity::HAN,
        birth_date: Some("1975-03".into()),
        political_status: PoliticalStatus::CpcMember,
        education: Some(Education::Bachelor),
        work_unit_post: "青山村党支部书记".into(),
        occupation: Occupation::Cadre,
        constituency_id: None,
        group_id: None,
        levels: vec![],
        elected_on: "2021-11-20".into(),
        elected_how: ElectedHow::GeneralElection,
        card_no: String::new(),
        phone: String::new(),
        address: String::new(),
        returned_overseas: false,
        grassroots: false,
        id_number: None,
        notes: String::new(),
    }
}

/// A cell value for a fixture sheet.
pub enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    /// An Excel date cell (serial number with a date format).
    Date(NaiveDate),
}

/// Writes rows of cells into `path` as the first sheet of an xlsx file.
pub fn write_sheet(path: &Path, rows: &[Vec<Cell>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Cell::Text(t) => ws.write_string(r, c, *t).map(|_| ()),
                Cell::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                Cell::Date(d) => {
                    let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        d.format("%Y").to_string().parse().unwrap(),
                        d.format("%m").to_string().parse().unwrap(),
                        d.format("%d").to_string().parse().unwrap(),
                    )
                    .unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date_format)
                        .map(|_| ())
                }
            }
            .expect("write cell");
        }
    }
    wb.save(path).expect("save fixture");
}

/// Text rows for the common case.
pub fn text_rows<'a>(rows: &'a [&'a [&'a str]]) -> Vec<Vec<Cell<'a>>> {
    rows.iter()
        .map(|r| r.iter().map(|t| Cell::Text(t)).collect())
        .collect()
}

/// The taizhang-cli binary built next to this test binary (`cargo build --workspace` first).
pub fn cli_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test exe path");
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let bin = dir.join(format!("taizhang-cli{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build --workspace` before the tests",
        bin.display()
    );
    bin
}

/// Counts rows of a table straight from the file, to prove what was (not) written.
pub fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}
