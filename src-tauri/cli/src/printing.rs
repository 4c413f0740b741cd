//! `print`: a book or a form to PDF, byte-identical to what the app saves.

use clap::Args;
use serde_json::json;
use std::path::PathBuf;

use crate::print_json;
use taizhang_core::print::{BookKind, FormKind, Period, PrintRequest, Target};
use taizhang_core::{dates, Error, Result, Stamp, Store};
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
