//! `print`: a book or a form to PDF, byte-identical to what the app saves.

use clap::Args;
use serde_json::json;
use std::path::PathBuf;

use crate::print_json;
use taizhang_core::print::{self, BookKind, Document, FormKind, Period, PrintRequest, Target};
use taizhang_core::{bench, dates, Error, Result, Stamp, Store};
use taizhang_typeset::Typesetter;

#[derive(Args)]
pub struct PrintArgs {
    /// roster, meetings, deeds, petitions, documents, suggestions or activities.
    #[arg(long, conflicts_with = "form")]
    book: Option<String>,
    /// A form for one entry: assignment, feedback (suggestions), acceptance, extension (petitions).
    #[arg(long, requires = "id")]
    form: Option<String>,
    /// The entry the form is printed from.
    #[arg(long)]
    id: Option<i64>,
    #[arg(long, conflicts_with_all = ["term", "from"])]
    year: Option<i32>,
    /// The term's number (20 for 第二十届).
    #[arg(long, conflicts_with = "from")]
    term: Option<i64>,
    #[arg(long, requires = "to")]
    from: Option<String>,
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// 卷号 on the cover.
    #[arg(long, default_value_t = 1)]
    volume: u32,
    /// PDF/A-2b, for the archive.
    #[arg(long)]
    archival: bool,
    /// Print petitioners' identities in clear; the reason is recorded in each petition's history.
    #[arg(long)]
    reveal: Option<String>,
    #[arg(long)]
    out: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn print(store: &mut Store, stamp: &Stamp, a: PrintArgs) -> Result<()> {
    let target = match (&a.book, &a.form) {
        (Some(book), None) => {
            let period = match (a.year, a.term, &a.from, &a.to) {
                (Some(year), None, None, None) => Period::Year { year },
                (None, Some(number), None, None) => Period::Term { number },
                (None, None, Some(from), Some(to)) => Period::Range {
                    from: dates::parse_iso("from", "开始日期", from)?,
                    to: dates::parse_iso("to", "结束日期", to)?,
                },
                _ => {
                    return Err(Error::validation(
                        "year",
                        "请用 --year、--term 或 --from/--to 选择打印的期间",
                    ))
                }
            };
            Target::Book {
                book: BookKind::parse(book)?,
                period,
            }
        }
        (None, Some(form)) => Target::Form {
            form: FormKind::parse(form)?,
            id: a.id.expect("clap requires --id"),
        },
        _ => {
            return Err(Error::validation(
                "book",
                "请用 --book 选择台账，或用 --form 和 --id 选择表单",
            ))
        }
    };
    let req = PrintRequest {
        target,
        reveal_reason: a.reveal,
        volume: a.volume,
        archival: a.archival,
    };
    let typesetter = Typesetter::standard();
    let (pdf, logged) = typesetter.save(store, stamp, &req, &a.out)?;
    if a.json {
        print_json(&json!({
            "path": a.out.display().to_string(),
            "pages": pdf.pages,
            "sha256": pdf.sha256,
            "printout": logged,
        }));
    } else {
        println!(
            "已生成 {}：{}，共 {} 页（SHA-256 {}）",
            a.out.display(),
            logged.what,
            pdf.pages,
            pdf.sha256
        );
    }
    Ok(())
}

/// Benchmark rows for printing: the largest petitions book of a past year (the big office has
/// ~2,500 a year), model and typesetting apart, fonts loaded once before.
pub fn bench_rows(
    path: &std::path::Path,
    today: chrono::NaiveDate,
    runs: usize,
) -> Result<Vec<bench::Row>> {
    let year = chrono::Datelike::year(&today) - 1;
    let store = Store::open(path)?;
    let req = PrintRequest {
        target: Target::Book {
            book: BookKind::Petitions,
            period: Period::Year { year },
        },
        reveal_reason: None,
        volume: 1,
        archival: false,
    };
    let mut rows = Vec::new();
    let mut fonts = None;
    rows.push(bench::time("打印：加载字体", 1, || {
        fonts = Some(taizhang_typeset::Fonts::standard());
        Ok(())
    })?);
    let typesetter = Typesetter::new(fonts.expect("loaded"));
    let doc = print::model(store.conn(), &req, today)?;
    let entries = match &doc {
        Document::Book(b) => b.cover.entries,
        _ => 0,
    };
    rows.push(bench::time(
        &format!("打印：{year}年信访登记簿 {entries} 件，取数"),
        runs,
        || print::model(store.conn(), &req, today),
    )?);
    let mut pages = 0;
    rows.push(bench::time(
        &format!("打印：{year}年信访登记簿 {entries} 件，排版并生成 PDF"),
        runs,
        || {
            // Cold every time: nothing kept from the previous run's layout.
            typesetter.forget_layouts();
            let pdf = typesetter.pdf(&doc, false)?;
            pages = pdf.pages;
            Ok(())
        },
    )?);
    if let Some(last) = rows.last_mut() {
        last.what = format!("{}（{pages} 页）", last.what);
    }
    Ok(rows)
}
