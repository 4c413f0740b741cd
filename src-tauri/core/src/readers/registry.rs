//! Every book of the office, registered once. What reads all the books (the office's history,
//! and the print, package, statistics and search layers as they move onto it) goes through here
//! instead of naming each book itself, so a book added later appears everywhere by adding its
//! arm here: each `match` below is exhaustive over [`Entity`], so the compiler names every place
//! a new kind of record must be registered.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::book::history::{self, Labels};
use crate::book::Book;
use crate::history::{self as log, Entity, HistoryEntry};
use crate::roster::deputy::DeputyRecord;
use crate::store::Page;
use crate::{
    activities, deeds, documents, duty_reports, evaluations, meetings, petitions, projects,
    rectifications, sessions, suggestions, Error, Result,
};

/// The books of 六簿一册, by the names the CLI takes: what printing, the export package and its
/// workbooks go over (`BookKind::ALL`), each with the kind of record it lists. A book added later
/// is added here, and the compiler points at every `match` that must learn it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum BookKind {
    Roster,
    Meetings,
    Deeds,
    Petitions,
    Documents,
    Suggestions,
    Activities,
    Sessions,
    Projects,
    Rectifications,
    Evaluations,
}

impl BookKind {
    pub const ALL: [BookKind; 11] = [
        BookKind::Roster,
        BookKind::Meetings,
        BookKind::Deeds,
        BookKind::Petitions,
        BookKind::Documents,
        BookKind::Suggestions,
        BookKind::Activities,
        BookKind::Sessions,
        BookKind::Projects,
        BookKind::Rectifications,
        BookKind::Evaluations,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BookKind::Roster => "roster",
            BookKind::Meetings => "meetings",
            BookKind::Deeds => "deeds",
            BookKind::Petitions => "petitions",
            BookKind::Documents => "documents",
            BookKind::Suggestions => "suggestions",
            BookKind::Activities => "activities",
            BookKind::Sessions => "sessions",
            BookKind::Projects => "projects",
            BookKind::Rectifications => "rectifications",
            BookKind::Evaluations => "evaluations",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            BookKind::Roster => "代表分组情况及代表花名册",
            BookKind::Meetings => "主席团会议记录簿",
            BookKind::Deeds => "代表先进事迹记录簿",
            BookKind::Petitions => "人民来信来访记录簿",
            BookKind::Documents => "各级文件登记簿",
            BookKind::Suggestions => "代表议案和批评、建议、意见记录簿",
            BookKind::Activities => "代表小组活动记录簿",
            BookKind::Sessions => "人民代表大会会议记录簿",
            BookKind::Projects => "民生实事项目台账",
            BookKind::Rectifications => "审议意见整改台账",
            BookKind::Evaluations => "评议测评结果",
        }
    }

    /// The kind of record each entry of the book is (the roster lists deputies).
    pub fn entity(self) -> Entity {
        match self {
            BookKind::Roster => Entity::Deputy,
            BookKind::Meetings => Entity::PresidiumMeeting,
            BookKind::Deeds => Entity::Deed,
            BookKind::Petitions => Entity::Petition,
            BookKind::Documents => Entity::Document,
            BookKind::Suggestions => Entity::Suggestion,
            BookKind::Activities => Entity::GroupActivity,
            BookKind::Sessions => Entity::CongressSession,
            BookKind::Projects => Entity::LivelihoodProject,
            BookKind::Rectifications => Entity::Rectification,
            BookKind::Evaluations => Entity::Evaluation,
        }
    }

    pub fn parse(code: &str) -> Result<BookKind> {
        BookKind::ALL
            .into_iter()
            .find(|b| b.code() == code)
            .ok_or_else(|| {
                Error::validation(
                    "book",
                    format!(
                        "没有名为“{code}”的台账，可选：{}",
                        BookKind::ALL.map(|b| b.code()).join("、")
                    ),
                )
            })
    }
}

/// How the clerk names record `id` of `entity`: a number, a name, 第二十届. Empty when the
/// record cannot be found (a history row outlives nothing, but a label must never fail a page).
pub fn entity_label(conn: &Connection, entity: Entity, id: i64) -> String {
    fn book<T: Book>(conn: &Connection, id: i64) -> Option<String> {
        T::load(conn, id).ok().map(|e| e.label())
    }
    let text = |sql: &str| -> Option<String> { conn.query_row(sql, [id], |r| r.get(0)).ok() };
    let label = match entity {
        Entity::Settings => Some("办公室设置".to_string()),
        Entity::Term => crate::roster::org::term(conn, id).ok().map(|t| t.label()),
        Entity::Constituency => crate::roster::org::constituency(conn, id).ok().map(|c| c.name),
        Entity::LiaisonStation => crate::roster::org::station(conn, id).ok().map(|s| s.name),
        Entity::DeputyGroup => text("SELECT name FROM deputy_groups WHERE id = ?1"),
        Entity::Deputy => book::<DeputyRecord>(conn, id),
        Entity::DeputyEvent => text(
            "SELECT d.name FROM deputy_events x JOIN deputies d ON d.id = x.deputy_id WHERE x.id = ?1",
        ),
        Entity::PresidiumPost => text(
            "SELECT d.name FROM presidium_posts x JOIN deputies d ON d.id = x.deputy_id WHERE x.id = ?1",
        ),
        Entity::HandlingUnit => crate::units::get(conn, id).ok().map(|u| u.name),
        Entity::Suggestion => book::<suggestions::SuggestionRecord>(conn, id),
        Entity::Petition => book::<petitions::PetitionRecord>(conn, id),
        Entity::Document => book::<documents::Document>(conn, id),
        Entity::Deed => book::<deeds::Deed>(conn, id),
        Entity::PresidiumMeeting => book::<meetings::PresidiumMeeting>(conn, id),
        Entity::GroupActivity => book::<activities::GroupActivity>(conn, id),
        Entity::Attachment => crate::attachments::get(conn, id).ok().map(|a| a.name),
        Entity::CountyPackage => text("SELECT township FROM county_packages WHERE rowid = ?1"),
        Entity::CongressSession => book::<sessions::CongressSession>(conn, id),
        Entity::LivelihoodProject => book::<projects::LivelihoodProject>(conn, id),
        Entity::Rectification => book::<rectifications::Rectification>(conn, id),
        Entity::Evaluation => book::<evaluations::EvaluationEvent>(conn, id),
        Entity::DutyReport => book::<duty_reports::DutyReport>(conn, id),
        Entity::StationRota => text(
            "SELECT s.name || ' ' || r.date || ' ' || d.name FROM station_rota r
             JOIN liaison_stations s ON s.id = r.station_id JOIN deputies d ON d.id = r.deputy_id WHERE r.id = ?1",
        ),
    };
    label.unwrap_or_default()
}

/// A book's own label for a code of one of its fields.
pub fn value_label(entity: Entity, field: &str, code: &str) -> Option<&'static str> {
    match entity {
        Entity::Suggestion => suggestions::SuggestionRecord::value_label(field, code),
        Entity::Petition => petitions::PetitionRecord::value_label(field, code),
        Entity::Document => documents::Document::value_label(field, code),
        Entity::Deed => deeds::Deed::value_label(field, code),
        Entity::PresidiumMeeting => meetings::PresidiumMeeting::value_label(field, code),
        Entity::GroupActivity => activities::GroupActivity::value_label(field, code),
        Entity::CongressSession => sessions::CongressSession::value_label(field, code),
        Entity::LivelihoodProject => projects::LivelihoodProject::value_label(field, code),
        Entity::Rectification => rectifications::Rectification::value_label(field, code),
        Entity::Evaluation => evaluations::EvaluationEvent::value_label(field, code),
        Entity::Deputy => DeputyRecord::value_label(field, code),
        Entity::Settings
        | Entity::Term
        | Entity::Constituency
        | Entity::LiaisonStation
        | Entity::DeputyGroup
        | Entity::DeputyEvent
        | Entity::PresidiumPost
        | Entity::HandlingUnit
        | Entity::Attachment
        | Entity::CountyPackage
        | Entity::DutyReport
        | Entity::StationRota => None,
    }
}

/// The labels of every book.
pub struct AllBooks;

impl Labels for AllBooks {
    fn entity_label(&self, conn: &Connection, entity: Entity, id: i64) -> String {
        entity_label(conn, entity, id)
    }
    fn value_label(&self, entity: Entity, field: &str, code: &str) -> Option<&'static str> {
        value_label(entity, field, code)
    }
}

/// The office's history (操作记录), newest first: of one record, of one kind, or of everything,
/// labelled by each record's own book.
pub fn history(
    conn: &Connection,
    entity: Option<Entity>,
    entity_id: Option<i64>,
    page: usize,
    page_size: usize,
) -> Result<Page<HistoryEntry>> {
    let rows = log::rows(conn, entity, entity_id, page, page_size)?;
    Ok(history::label(conn, rows, &AllBooks))
}

/// The newest history row of a record, if any.
pub fn last_change(conn: &Connection, entity: Entity, id: i64) -> Result<Option<HistoryEntry>> {
    Ok(history(conn, Some(entity), Some(id), 1, 1)?
        .items
        .into_iter()
        .next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Clock, FixedClock};
    use crate::{demo, Stamp, Store};

    /// Every kind of record the demo office writes history for is named in that history: the
    /// old label table in history.rs had drifted and left group activities, presidium meetings
    /// and attachments unnamed. Now each kind is an arm of an exhaustive match, and this test
    /// reads one real row of each kind.
    #[test]
    fn every_kind_in_the_history_has_a_label() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock::on(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        let mut store = Store::open_at(dir.path().join("r.db"), &clock).unwrap();
        demo::seed(&mut store, 7, clock.today()).unwrap();
        let stamp = Stamp::by("测试", &clock);
        let meeting: i64 = store
            .conn()
            .query_row("SELECT min(id) FROM presidium_meetings", [], |r| r.get(0))
            .unwrap();
        let file = dir.path().join("会议签到表.txt");
        std::fs::write(&file, "签到").unwrap();
        crate::attachments::add(
            &mut store,
            &stamp,
            "presidium_meeting",
            meeting,
            &file,
            None,
        )
        .unwrap();

        let mut seen = Vec::new();
        for entity in Entity::ALL {
            let id: Option<i64> = store
                .conn()
                .query_row(
                    "SELECT min(entity_id) FROM history WHERE entity = ?1",
                    [entity.code()],
                    |r| r.get(0),
                )
                .unwrap();
            let Some(id) = id else { continue };
            seen.push(entity);
            let label = entity_label(store.conn(), entity, id);
            assert!(
                !label.is_empty(),
                "{entity:?} #{id} has history, so the clerk must see what it is about"
            );
            assert!(!entity.name().is_empty(), "{entity:?} has a Chinese name");
        }
        for must in [
            Entity::GroupActivity,
            Entity::PresidiumMeeting,
            Entity::Attachment,
            Entity::Deputy,
            Entity::Suggestion,
            Entity::Petition,
        ] {
            assert!(seen.contains(&must), "the demo writes history for {must:?}");
        }
        let page = history(store.conn(), Some(Entity::Attachment), None, 1, 5).unwrap();
        assert_eq!(
            page.items[0].entity_label, "会议签到表.txt",
            "the 操作记录 page names an attachment by its file name"
        );
    }

    /// A book's own codes are labelled by that book: "registered" is 待交办 for a suggestion
    /// and something else for a petition.
    #[test]
    fn the_same_code_is_labelled_by_its_own_book() {
        let s = value_label(Entity::Suggestion, "state", "registered");
        let p = value_label(Entity::Petition, "state", "registered");
        assert!(s.is_some() && p.is_some(), "both books know the state code");
        assert_ne!(s, p, "each book says what the state means in it");
        assert_eq!(value_label(Entity::Term, "state", "registered"), None);
    }

    /// Every field the history keeps of any record of the demo office has a Chinese label and
    /// every coded value a readable one, so 修改记录 never shows the clerk a column name.
    #[test]
    fn every_field_in_the_history_has_a_chinese_label() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock::on(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        let mut store = Store::open_at(dir.path().join("f.db"), &clock).unwrap();
        demo::seed(&mut store, 7, clock.today()).unwrap();
        let page = history(store.conn(), None, None, 1, 500).unwrap();
        let total = page.total;
        let mut unlabelled = std::collections::BTreeSet::new();
        for n in 1..=total.div_ceil(500) {
            for e in history(store.conn(), None, None, n, 500).unwrap().items {
                for c in &e.changes {
                    if c.label == c.field {
                        unlabelled.insert(format!("{}.{}", e.entity, c.field));
                    }
                    // A coded value reads as a word of the office, not as the stored code.
                    let code_like = |v: &str| {
                        !v.is_empty() && v.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_')
                    };
                    if code_like(&c.after) || code_like(&c.before) {
                        unlabelled.insert(format!("{}.{} = {}", e.entity, c.field, c.after));
                    }
                }
            }
        }
        assert!(
            unlabelled.is_empty(),
            "fields shown to the clerk without a Chinese label: {unlabelled:?}"
        );
    }
}
