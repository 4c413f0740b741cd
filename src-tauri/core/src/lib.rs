//! taizhang-core: everything the township congress office's ledger does, with no GUI.
//!
//! The Tauri app and `taizhang-cli` are thin shells over this crate: they parse input, call one
//! function here and map the error. Invariants kept here:
//! - every write goes through [`store::Store::write`], one SQLite transaction, with a history
//!   row (who, when, before, after) for each changed ledger row;
//! - ledger rows are never deleted (triggers refuse it); they are voided with a reason;
//! - time is passed in (a [`history::Stamp`], a `today`) from the one [`clock`] the caller
//!   chose; nothing else in the core reads the wall clock, so every answer is reproducible.
//!
//! The folders are the layers, bottom to top; a module imports only from its own layer or the
//! ones below (`tests/layers.rs` checks it, and that no two modules import each other):
//! 1. the foundation: [`error`], [`clock`], [`dates`], [`paths`], [`fields`] (every field's
//!    label and bound) and [`input`] (reading the clerk's JSON, refusals in Chinese);
//! 2. [`store`]: the file, migrations, [`backup`], [`history`], [`settings`];
//! 3. [`rules`]: rule profiles, [`calendar`], [`deadline`], [`vocab`], [`names`], [`idcard`],
//!    [`tally`] (values and rules that hold in every book);
//! 4. [`book`]: the book mechanism (numbering, update and void with history, labels, case books);
//! 5. [`books`]: one module per book, siblings;
//! 6. [`readers`]: what reads the books: the [`registry`] of them all, [`entries`] of a period,
//!    [`print`] models, the [`package`], [`county`] mode, the [`duty_record`], the dashboard
//!    ([`followup`]), the [`demo`] and the [`bench`].
//!
//! The public paths stay flat (`taizhang_core::suggestions`, `taizhang_core::history`): the
//! re-exports below name each module once, so callers need not know its layer.

pub mod book;
pub mod books;
pub mod clock;
pub mod dates;
pub mod error;
pub mod fields;
pub mod input;
pub mod paths;
pub mod readers;
pub mod rules;
pub mod store;

pub use books::{activities, attachments, deeds, documents, meetings, petitions, roster};
pub use books::{duty_reports, evaluations, rectifications, stations};
pub use books::{projects, refs, sessions, suggestions, units};
pub use readers::supervision;
pub use readers::{bench, county, demo, duty_record, entries, followup, package, print, registry};
pub use rules::{calendar, deadline, idcard, names, tally, vocab};
pub use store::{backup, history, settings};

pub use error::{Error, Result};
pub use history::Stamp;
pub use store::Store;
