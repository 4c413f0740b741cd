//! What reads the books rather than keeping one: the registry of every book, a period's entries,
//! print models, the export package and county mode, a deputy's duty record, the follow-up
//! dashboard, the demo office and the benchmark. Nothing below imports from here.

pub mod bench;
pub mod county;
pub mod demo;
pub mod duty_record;
pub mod entries;
pub mod followup;
pub mod package;
pub mod print;
pub mod registry;
pub mod supervision;
