//! The roster book (一册: 代表分组情况及代表花名册): terms, constituencies, liaison stations,
//! deputy groups, deputies, their status events and presidium posts; statistics; xlsx
//! import and export.

pub mod deputy;
pub mod export;
pub mod import;
pub mod org;
pub mod stats;
pub mod status;

pub use deputy::{Deputy, DeputyDetail, DeputyInput, DeputyQuery};
pub use org::{Constituency, DeputyGroup, LiaisonStation, Term};
