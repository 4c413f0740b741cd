//! taizhang-core: everything the township congress office's ledger does, with no GUI.
//!
//! The Tauri app and `taizhang-cli` are thin shells over this crate: they parse input, call one
//! function here and map the error. Invariants kept here:
//! - every write goes through [`store::Store::write`], one SQLite transaction, with a history
//!   row (who, when, before, after) for each changed ledger row;
//! - ledger rows are never deleted (triggers refuse it); they are voided with a reason;
//! - time is passed in as a [`history::Stamp`], never read inside a rule, so rules are testable.

pub mod activities;
pub mod attachments;
pub mod backup;
pub mod bench;
pub mod calendar;
pub(crate) mod casebook;
pub mod county;
pub mod dates;
pub mod deadline;
pub mod deeds;
pub mod demo;
pub mod documents;
pub mod entries;
pub mod error;
pub mod followup;
pub mod history;
pub mod idcard;
mod ledger;
pub mod meetings;
pub mod names;
pub mod package;
pub mod paths;
pub mod petitions;
pub mod print;
pub mod roster;
pub mod rules;
pub mod settings;
pub mod store;
pub mod suggestions;
pub mod tally;
pub mod units;
pub mod vocab;

pub use error::{Error, Result};
pub use history::Stamp;
pub use store::Store;
