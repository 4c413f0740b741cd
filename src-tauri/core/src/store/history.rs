//! The change history: one append-only row per change to a ledger row, with who, when, and the
//! row's values before and after. Personal identifiers are masked in snapshots, so reading the
//! history never reveals an ID number.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::store::{ListSql, Page, Where};
use crate::Result;

/// Who does a change, and when. Passed into every write, never read from a clock inside a rule.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub actor: String,
    pub at: NaiveDateTime,
}

impl Stamp {
    /// `actor` acting now, by `clock` (the boundary's clock: the app's, the CLI's, a test's).
    pub fn by(actor: impl Into<String>, clock: &dyn crate::clock::Clock) -> Stamp {
        Stamp {
            actor: actor.into(),
            at: clock.now(),
        }
    }
    pub fn at(actor: impl Into<String>, at: NaiveDateTime) -> Stamp {
        Stamp {
            actor: actor.into(),
            at,
        }
    }
    pub fn today(&self) -> NaiveDate {
        self.at.date()
    }
    pub fn at_text(&self) -> String {
        self.at.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    Void,
    Reveal,
    Import,
    End,
    /// A form printed from the entry.
    Print,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Void => "void",
            Action::Reveal => "reveal",
            Action::Import => "import",
            Action::End => "end",
            Action::Print => "print",
        }
    }
}

/// What a history row is about: one kind of record of the books. The closed list is here, at
/// the bottom, so a history row can only name a kind that exists; what each kind is called and
/// how one of its records is named for the clerk is asked of its book (`crate::registry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Settings,
    Term,
    Constituency,
    LiaisonStation,
    DeputyGroup,
    Deputy,
    DeputyEvent,
    PresidiumPost,
    HandlingUnit,
    Suggestion,
    Petition,
    Document,
    Deed,
    PresidiumMeeting,
    GroupActivity,
    Attachment,
    CountyPackage,
    CongressSession,
    LivelihoodProject,
    Rectification,
    Evaluation,
    DutyReport,
    StationRota,
}

impl Entity {
    pub const ALL: [Entity; 23] = [
        Entity::Settings,
        Entity::Term,
        Entity::Constituency,
        Entity::LiaisonStation,
        Entity::DeputyGroup,
        Entity::Deputy,
        Entity::DeputyEvent,
        Entity::PresidiumPost,
        Entity::HandlingUnit,
        Entity::Suggestion,
        Entity::Petition,
        Entity::Document,
        Entity::Deed,
        Entity::PresidiumMeeting,
        Entity::GroupActivity,
        Entity::Attachment,
        Entity::CountyPackage,
        Entity::CongressSession,
        Entity::LivelihoodProject,
        Entity::Rectification,
        Entity::Evaluation,
        Entity::DutyReport,
        Entity::StationRota,
    ];

    /// The code stored in `history.entity` (and `attachments.entity`).
    pub fn code(self) -> &'static str {
        match self {
            Entity::Settings => "settings",
            Entity::Term => "term",
            Entity::Constituency => "constituency",
            Entity::LiaisonStation => "liaison_station",
            Entity::DeputyGroup => "deputy_group",
            Entity::Deputy => "deputy",
            Entity::DeputyEvent => "deputy_event",
            Entity::PresidiumPost => "presidium_post",
            Entity::HandlingUnit => "handling_unit",
            Entity::Suggestion => "suggestion",
            Entity::Petition => "petition",
            Entity::Document => "document",
            Entity::Deed => "deed",
            Entity::PresidiumMeeting => "presidium_meeting",
            Entity::GroupActivity => "group_activity",
            Entity::Attachment => "attachment",
            Entity::CountyPackage => "county_package",
            Entity::CongressSession => "congress_session",
            Entity::LivelihoodProject => "livelihood_project",
            Entity::Rectification => "rectification",
            Entity::Evaluation => "evaluation",
            Entity::DutyReport => "duty_report",
            Entity::StationRota => "station_rota",
        }
    }

    /// What the office calls this kind of record (the 操作记录 filter, messages).
    pub fn name(self) -> &'static str {
        match self {
            Entity::Settings => "设置",
            Entity::Term => "届次",
            Entity::Constituency => "选区",
            Entity::LiaisonStation => "代表联络站",
            Entity::DeputyGroup => "代表小组",
            Entity::Deputy => "代表",
            Entity::DeputyEvent => "代表变动",
            Entity::PresidiumPost => "主席团职务",
            Entity::HandlingUnit => "承办单位",
            Entity::Suggestion => "代表建议",
            Entity::Petition => "来信来访",
            Entity::Document => "文件登记",
            Entity::Deed => "先进事迹",
            Entity::PresidiumMeeting => "主席团会议",
            Entity::GroupActivity => "代表小组活动",
            Entity::Attachment => "附件",
            Entity::CountyPackage => "乡镇导出包",
            Entity::CongressSession => "人代会",
            Entity::LivelihoodProject => "民生实事项目",
            Entity::Rectification => "审议意见整改",
            Entity::Evaluation => "评议",
            Entity::DutyReport => "代表述职",
            Entity::StationRota => "联络站值班表",
        }
    }

    pub fn from_code(code: &str) -> Option<Entity> {
        Entity::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Parses a code given by the user (a command's or the CLI's filter).
    pub fn parse(code: &str) -> Result<Entity> {
        Entity::from_code(code.trim())
            .ok_or_else(|| crate::Error::validation("entity", format!("没有“{code}”这类记录")))
    }
}

/// Appends one history row.
#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &Connection,
    stamp: &Stamp,
    entity: Entity,
    entity_id: i64,
    action: Action,
    before: Option<&Value>,
    after: Option<&Value>,
    note: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO history (entity, entity_id, action, actor, at, before, after, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            entity.code(),
            entity_id,
            action.code(),
            stamp.actor,
            stamp.at_text(),
            before.map(Value::to_string),
            after.map(Value::to_string),
            note
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Change {
    pub field: String,
    pub label: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub id: i64,
    pub entity: String,
    pub entity_id: i64,
    /// What the entry is about, as the clerk knows it: the deputy's or group's name, 第二十届...
    pub entity_label: String,
    pub action: String,
    pub actor: String,
    pub at: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// Field-by-field differences with Chinese labels and values, for display.
    pub changes: Vec<Change>,
    pub note: String,
}

/// History rows, newest first, as stored: of one row (`entity` and `entity_id`), of one kind of
/// row, or of everything. Their labels (what the entry is called, the fields' Chinese names and
/// readable values) are filled by the book layer (`crate::book::history`), which knows the books.
pub fn rows(
    conn: &Connection,
    entity: Option<Entity>,
    entity_id: Option<i64>,
    page: usize,
    page_size: usize,
) -> Result<Page<HistoryEntry>> {
    let mut w = Where::default();
    if let Some(e) = entity {
        w.and_with("entity = ?", e.code().to_string());
    }
    if let Some(id) = entity_id {
        w.and_with("entity_id = ?", id);
    }
    let sql = ListSql {
        columns: "id, entity, entity_id, action, actor, at, before, after, note",
        from: "history",
        count_from: "history",
        order: "id DESC",
    };
    Page::query(conn, &sql, w, Some(page), Some(page_size), |r| {
        let before: Option<String> = r.get(6)?;
        let after: Option<String> = r.get(7)?;
        Ok(HistoryEntry {
            id: r.get(0)?,
            entity: r.get(1)?,
            entity_id: r.get(2)?,
            entity_label: String::new(),
            action: r.get(3)?,
            actor: r.get(4)?,
            at: r.get(5)?,
            before: before.and_then(|s| serde_json::from_str(&s).ok()),
            after: after.and_then(|s| serde_json::from_str(&s).ok()),
            changes: Vec::new(),
            note: r.get(8)?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entity_code_reads_back_and_is_unique() {
        for e in Entity::ALL {
            assert_eq!(Entity::from_code(e.code()), Some(e), "{e:?} round-trips");
            let json = serde_json::to_value(e).unwrap();
            assert_eq!(
                json,
                e.code(),
                "the JSON name is the stored code, so shapes stay"
            );
        }
        let mut codes: Vec<_> = Entity::ALL.iter().map(|e| e.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Entity::ALL.len(), "no two kinds share a code");
        assert!(
            Entity::parse("nonsense").is_err(),
            "an unknown kind is refused"
        );
    }
}
