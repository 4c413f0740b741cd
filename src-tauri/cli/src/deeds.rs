//! `deeds`: the exemplary deeds book (代表先进事迹记录簿).

use clap::Subcommand;

use crate::{pad, print_json};
use taizhang_core::deeds::{self, DeedInput, DeedQuery};
use taizhang_core::{Result, Stamp, Store};

#[derive(Subcommand)]
pub enum DeedsCmd {
    List {
        #[arg(long)]
        year: Option<i32>,
        /// Deputy id: that deputy's deeds.
        #[arg(long)]
        deputy: Option<i64>,
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Register a deed from JSON (DeedInput, see README) or @file.json.
    Add {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Print a prefilled DeedInput (JSON) from a suggestion whose result was good.
    FromSuggestion { id: i64 },
    Void {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn run(store: &mut Store, stamp: &Stamp, c: DeedsCmd) -> Result<()> {
    match c {
        DeedsCmd::List {
            year,
            deputy,
            search,
            json,
        } => {
            let page = deeds::list(
                store.conn(),
                &DeedQuery {
                    year,
                    deputy_id: deputy,
                    search,
                    page_size: Some(500),
                    ..Default::default()
                },
            )?;
            if json {
                print_json(&page.items);
            } else {
                for d in &page.items {
                    let who: Vec<&str> = d.deputies.iter().map(|x| x.name.as_str()).collect();
                    println!(
                        "{:>4}  {}  {}  {}  {}  {}",
                        d.id,
                        pad(&d.number, 18),
                        d.date,
                        pad(&who.join("、"), 12),
                        d.title,
                        d.honour
                    );
                }
            }
        }
        DeedsCmd::Show { id, json } => {
            let d = deeds::detail(store.conn(), id)?;
            if json {
                print_json(&d);
            } else {
                println!("{}  {}  {}", d.deed.number, d.deed.date, d.deed.title);
                println!("{}", d.deed.summary);
            }
        }
        DeedsCmd::Add { input, json } => {
            let input: DeedInput =
                taizhang_core::input::parse_arg(&taizhang_core::fields::DEED, &input)?;
            let d = deeds::create(store, stamp, &input)?;
            if json {
                print_json(&d);
            } else {
                println!("{}", d.number);
            }
        }
        DeedsCmd::FromSuggestion { id } => print_json(&deeds::draft_from_suggestion(
            store.conn(),
            id,
            stamp.today(),
        )?),
        DeedsCmd::Void { id, reason } => {
            let d = deeds::void(store, stamp, id, &reason)?;
            println!("{} 已作废", d.number);
        }
    }
    Ok(())
}
