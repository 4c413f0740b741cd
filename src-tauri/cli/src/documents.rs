//! `documents`: the document register (各级文件登记簿).

use clap::Subcommand;

use crate::{pad, parse_vocab, print_json};
use taizhang_core::documents::{
    self, ArchiveInput, DocumentInput, DocumentQuery, DocumentReadInput,
};
use taizhang_core::{Result, Stamp, Store};

#[derive(Subcommand)]
pub enum DocumentsCmd {
    List {
        /// received | sent (收文 | 发文)
        #[arg(long)]
        direction: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        /// Title, issuer or 文号 in any bracket form.
        #[arg(long)]
        search: Option<String>,
        #[arg(long, default_value_t = 500)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Register a document from JSON (DocumentInput, see README) or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// 传阅: who read it.
    Read {
        id: i64,
        #[arg(long)]
        reader: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 归档.
    Archive {
        id: i64,
        #[arg(long)]
        volume: String,
        #[arg(long)]
        date: Option<String>,
    },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn run(store: &mut Store, stamp: &Stamp, c: DocumentsCmd) -> Result<()> {
    let today = stamp.today().to_string();
    match c {
        DocumentsCmd::List {
            direction,
            year,
            search,
            limit,
            json,
        } => {
            let q = DocumentQuery {
                direction: direction
                    .map(|d| parse_vocab("direction", &d))
                    .transpose()?,
                year,
                search,
                page_size: Some(limit),
                ..DocumentQuery::default()
            };
            let page = documents::list(store.conn(), &q)?;
            if json {
                print_json(&page.items);
            } else {
                for d in &page.items {
                    println!(
                        "{:>5}  {}  {}  {}  {}  {}{}",
                        d.id,
                        pad(&d.number, 20),
                        d.date,
                        pad(&d.issuer, 16),
                        pad(&d.doc_number, 22),
                        d.title,
                        if d.voided { "（已作废）" } else { "" }
                    );
                }
                eprintln!("共 {} 件", page.total);
            }
        }
        DocumentsCmd::Show { id, json } => {
            let d = documents::detail(store.conn(), id)?;
            if json {
                print_json(&d);
            } else {
                let x = &d.document;
                println!("{}  {}  {}", x.number, x.date, x.title);
                println!("文号：{}  发文机关：{}", x.doc_number, x.issuer);
                for r in &d.reads {
                    println!("  传阅 {}  {}  {}", r.read_on, r.reader, r.note);
                }
            }
        }
        DocumentsCmd::Add { input, json } => {
            let input: DocumentInput =
                taizhang_core::input::parse_arg(&taizhang_core::fields::DOCUMENT, &input)?;
            let d = documents::create(store, stamp, &input)?;
            if json {
                print_json(&d);
            } else {
                println!("{}", d.number);
            }
        }
        DocumentsCmd::Read {
            id,
            reader,
            date,
            note,
        } => {
            documents::read(
                store,
                stamp,
                id,
                &DocumentReadInput {
                    reader,
                    read_on: date.unwrap_or(today),
                    note,
                },
            )?;
            println!("已登记传阅");
        }
        DocumentsCmd::Archive { id, volume, date } => {
            documents::archive(
                store,
                stamp,
                id,
                &ArchiveInput {
                    archived_on: date.unwrap_or(today),
                    volume,
                },
            )?;
            println!("已归档");
        }
        DocumentsCmd::Void { id, reason } => {
            let d = documents::void(store, stamp, id, &reason)?;
            println!("{} 已作废", d.number);
        }
    }
    Ok(())
}
