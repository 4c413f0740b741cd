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
    /// roster, meetings, deeds, petitions, documents, suggestions, activities, sessions,
    /// projects, rectifications or evaluations.
    #[arg(long, conflicts_with = "form")]
    book: Option<String>,
    /// A form: assignment, feedback (suggestions), acceptance, extension, receipt (petitions).
    #[arg(long, requires = "id")]
    form: Option<String>,
    /// The entry the form is printed from; several (`--id 3,4,5`) print one form each, in that
    /// order, as one PDF.
    #[arg(long, value_delimiter = ',')]
    id: Vec<i64>,
    /// 督办清单: every open suggestion and petition by handling unit, as of today.
    #[arg(long, conflicts_with_all = ["book", "form", "all"])]
    supervision: bool,
    /// One evaluation's results (评议测评结果) on A4, the office and date over the seal position.
    #[arg(long, conflicts_with_all = ["book", "form", "all", "supervision"])]
    evaluation: Option<i64>,
    /// Every book of `--year` as archival PDFs into the folder `--out` (workflow 9).
    #[arg(long, requires = "year", conflicts_with_all = ["book", "form"])]
    all: bool,
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
    if a.all {
        return print_year(
            store,
            stamp,
            a.year.expect("clap requires --year"),
            &a.out,
            a.json,
        );
    }
    let target =
        match (&a.book, &a.form) {
            _ if a.supervision => Target::Supervision,
            _ if a.evaluation.is_some() => Target::Evaluation {
                id: a.evaluation.unwrap_or_default(),
            },
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
            (None, Some(form)) => match a.id.as_slice() {
                [id] => Target::Form {
                    form: FormKind::parse(form)?,
                    id: *id,
                },
                ids => Target::Forms {
                    form: FormKind::parse(form)?,
                    ids: ids.to_vec(),
                },
            },
            _ => return Err(Error::validation(
                "book",
                "请用 --book 选择台账，用 --form 和 --id 选择表单，或用 --supervision 打印督办清单",
            )),
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

/// Workflow 9: the year's books into a folder, one archival PDF each, said as each is done.
fn print_year(
    store: &mut Store,
    stamp: &Stamp,
    year: i32,
    dir: &std::path::Path,
    json: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let typesetter = Typesetter::standard();
    let mut done = Vec::new();
    let total = BookKind::ALL.len();
    for (i, book) in BookKind::ALL.into_iter().enumerate() {
        let (name, req) = print::year_book(year, book);
        let out = dir.join(&name);
        let (pdf, logged) = typesetter.save(store, stamp, &req, &out)?;
        if !json {
            println!(
                "（{}/{total}）已生成 {}，共 {} 页",
                i + 1,
                out.display(),
                pdf.pages
            );
        }
        done.push(json!({ "path": out.display().to_string(), "pages": pdf.pages, "sha256": pdf.sha256, "printout": logged }));
    }
    if json {
        print_json(&done);
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
