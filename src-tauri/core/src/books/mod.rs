//! The books, one module each, all on one layer: the roster (一册) and the handling units, the
//! case books (代表建议, 来信来访), the registers (文件, 先进事迹, 主席团会议, 代表小组活动) and the
//! attachments any entry can carry; supervision between sessions (审议意见整改, 评议, 代表述职,
//! 联络站值班). A book stands on the book mechanism ([`crate::book`]) and
//! the rules; it may read a sibling (a suggestion names its deputies from the roster), never
//! what reads the books ([`crate::readers`]).

pub mod activities;
pub mod attachments;
pub mod deeds;
pub mod documents;
pub mod duty_reports;
pub mod evaluations;
pub mod meetings;
pub mod petitions;
pub mod projects;
pub mod rectifications;
pub mod refs;
pub mod roster;
pub mod sessions;
pub mod stations;
pub mod suggestions;
pub mod units;
