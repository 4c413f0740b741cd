//! Deputies: validation of what the clerk types, storage, and the view the UI shows (with the
//! derived pinyin, status on a date and presidium post).
//!
//! A deputy row is one mandate: a person re-elected in a new term gets a new row in that term.
//! Status is never stored; it is derived from the status events (see [`super::status`]).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::HashMap;

use super::org::{self, Term};
use super::status::{self, DeputyEvent, PresidiumPost};
use crate::book::{self, Book};
use crate::dates::{self, PartialDate};
use crate::history::{self, Action, Entity, HistoryEntry, Stamp};
use crate::idcard::{self, IdNumber};
use crate::names;
use crate::store::Page;
use crate::vocab::*;
use crate::{Error, Result, Store};

/// What the clerk enters. Dates and the ID number stay text here so that a bad one is reported
/// against its field, in Chinese, rather than failing deserialisation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DeputyInput {
    /// None = the current term.
    #[serde(default)]
    pub term_id: Option<i64>,
    pub name: String,
    pub sex: Sex,
    pub ethnicity: Ethnicity,
    #[serde(default)]
    pub birth_date: Option<String>,
    pub political_status: PoliticalStatus,
    #[serde(default)]
    pub education: Option<Education>,
    #[serde(default)]
    pub work_unit_post: String,
    pub occupation: Occupation,
    #[serde(default)]
    pub constituency_id: Option<i64>,
    #[serde(default)]
    pub group_id: Option<i64>,
    #[serde(default)]
    pub levels: Vec<Level>,
    pub elected_on: String,
    pub elected_how: ElectedHow,
    #[serde(default)]
    pub card_no: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub returned_overseas: bool,
    #[serde(default)]
    pub grassroots: bool,
    /// On update: None keeps the stored number, "" removes it.
    #[serde(default)]
    pub id_number: Option<String>,
    #[serde(default)]
    pub notes: String,
}

/// A deputy as stored (the history snapshots this, with the ID number masked).
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DeputyRecord {
    pub id: i64,
    pub term_id: i64,
    pub name: String,
    pub sex: Sex,
    pub ethnicity: Ethnicity,
    pub birth_date: Option<PartialDate>,
    pub political_status: PoliticalStatus,
    pub education: Option<Education>,
    pub work_unit_post: String,
    pub occupation: Occupation,
    pub constituency_id: Option<i64>,
    pub group_id: Option<i64>,
    pub levels: Vec<Level>,
    pub elected_on: NaiveDate,
    pub elected_how: ElectedHow,
    pub card_no: String,
    pub phone: String,
    pub address: String,
    pub returned_overseas: bool,
    pub grassroots: bool,
    #[serde(skip)]
    pub id_number: Option<String>,
    pub notes: String,
    pub voided_at: Option<String>,
    pub void_reason: Option<String>,
}

impl DeputyRecord {
    /// The history snapshot: every stored field, the ID number masked.
    pub fn snapshot(&self) -> Value {
        let mut v = json!(self);
        v["id_number"] = json!(self.id_number.as_deref().map(idcard::mask));
        v
    }
}

/// The deputy as the UI and the CLI show it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Deputy {
    pub id: i64,
    pub term_id: i64,
    pub term_label: String,
    pub name: String,
    pub pinyin: String,
    pub initials: String,
    pub sex: Sex,
    pub ethnicity: Ethnicity,
    pub ethnicity_label: String,
    pub birth_date: Option<PartialDate>,
    pub political_status: PoliticalStatus,
    pub education: Option<Education>,
    pub work_unit_post: String,
    pub occupation: Occupation,
    pub constituency_id: Option<i64>,
    pub constituency_name: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub levels: Vec<Level>,
    pub elected_on: NaiveDate,
    pub elected_how: ElectedHow,
    pub card_no: String,
    pub phone: String,
    pub address: String,
    pub returned_overseas: bool,
    pub grassroots: bool,
    pub id_number_masked: Option<String>,
    pub notes: String,
    pub status: DeputyStatus,
    pub presidium_post: Option<PresidiumPostKind>,
    pub voided: bool,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct DeputyQuery {
    pub search: Option<String>,
    pub term_id: Option<i64>,
    pub group_id: Option<i64>,
    pub constituency_id: Option<i64>,
    pub status: Option<DeputyStatus>,
    pub level: Option<Level>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub on: Option<String>,
    pub order: Option<RosterOrder>,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DeputyDetail {
    pub deputy: Deputy,
    pub events: Vec<DeputyEvent>,
    pub posts: Vec<PresidiumPost>,
    pub history: Vec<HistoryEntry>,
}

pub(crate) const COLUMNS: &str = "id, term_id, name, sex, ethnicity, birth_date, political_status, education,
    work_unit_post, occupation, constituency_id, group_id, levels, elected_on, elected_how, card_no, phone,
    address, returned_overseas, grassroots, id_number, notes, voided_at, void_reason";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<DeputyRecord> {
    let birth: Option<String> = r.get(5)?;
    let levels: String = r.get(12)?;
    let elected: String = r.get(13)?;
    Ok(DeputyRecord {
        id: r.get(0)?,
        term_id: r.get(1)?,
        name: r.get(2)?,
        sex: r.get(3)?,
        ethnicity: r.get(4)?,
        birth_date: birth.and_then(|b| PartialDate::parse(&b).ok()),
        political_status: r.get(6)?,
        education: r.get(7)?,
        work_unit_post: r.get(8)?,
        occupation: r.get(9)?,
        constituency_id: r.get(10)?,
        group_id: r.get(11)?,
        levels: levels.split(',').filter_map(Level::from_code).collect(),
        elected_on: NaiveDate::parse_from_str(&elected, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(13, rusqlite::types::Type::Text, Box::new(e))
        })?,
        elected_how: r.get(14)?,
        card_no: r.get(15)?,
        phone: r.get(16)?,
        address: r.get(17)?,
        returned_overseas: r.get(18)?,
        grassroots: r.get(19)?,
        id_number: r.get(20)?,
        notes: r.get(21)?,
        voided_at: r.get(22)?,
        void_reason: r.get(23)?,
    })
}

pub fn record(conn: &Connection, id: i64) -> Result<DeputyRecord> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM deputies WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "代表", id })
}

pub(crate) fn records_of_term(conn: &Connection, term_id: i64) -> Result<Vec<DeputyRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM deputies WHERE term_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([term_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A validated input, ready to store.
pub(crate) struct Valid {
    pub term: Term,
    pub birth_date: Option<PartialDate>,
    pub elected_on: NaiveDate,
    pub levels: Vec<Level>,
    /// None: leave as is (update) / no number (create); Some(None): remove.
    pub id_number: Option<Option<IdNumber>>,
}

/// Checks everything that can be checked against the input alone and the stored reference data.
pub(crate) fn validate(
    conn: &Connection,
    input: &DeputyInput,
    editing: Option<&DeputyRecord>,
) -> Result<Valid> {
    crate::fields::check_texts(&crate::fields::DEPUTY, input)?;
    let name = names::clean(&input.name);
    if name.is_empty() {
        return Err(Error::validation("name", "请填写姓名"));
    }
    if name.chars().count() > 30 {
        return Err(Error::validation("name", "姓名不能超过 30 个字"));
    }
    if name.chars().any(|c| c.is_ascii_digit()) {
        return Err(Error::validation("name", "姓名中不能有数字"));
    }
    let term = match input.term_id {
        Some(id) => org::term(conn, id)?,
        None => org::current_term(conn)?.ok_or_else(|| {
            Error::validation("term_id", "还没有届次：请先在“选区与届次”中添加本届")
        })?,
    };
    let birth_date = match input
        .birth_date
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(t) => Some(
            PartialDate::parse(t)
                .map_err(|p| Error::validation("birth_date", p.message("出生年月", t)))?,
        ),
    };
    let elected_on = dates::parse_iso("elected_on", "当选日期", &input.elected_on)?;
    if elected_on < term.start_date || term.end_date.is_some_and(|end| elected_on > end) {
        return Err(Error::validation(
            "elected_on",
            format!(
                "当选日期{}不在{}任期内（{}起）",
                dates::chinese(elected_on),
                term.label(),
                dates::chinese(term.start_date)
            ),
        ));
    }
    if let Some(b) = birth_date {
        if b.age_on(elected_on) < 18 {
            return Err(Error::validation(
                "birth_date",
                "按出生年月，当选时未满 18 周岁，请核对出生年月或当选日期",
            ));
        }
    }
    let phone = input.phone.trim();
    if !phone.is_empty() && !phone_ok(phone) {
        return Err(Error::validation(
            "phone",
            format!("联系电话“{phone}”格式不对：只能有数字和短横线，7 到 20 位"),
        ));
    }
    let id_number = match input.id_number.as_deref().map(str::trim) {
        None if editing.is_some() => None,
        None | Some("") => Some(None),
        Some(t) => Some(Some(IdNumber::parse(t)?)),
    };
    if let Some(Some(id)) = &id_number {
        if let Some(b) = birth_date {
            let from_id = PartialDate::from_date(id.birth_date());
            if (b.year, b.month) != (from_id.year, from_id.month)
                || b.day.is_some_and(|d| Some(d) != from_id.day)
            {
                return Err(Error::validation(
                    "birth_date",
                    format!(
                        "出生年月{}与身份证号码中的出生日期{}不一致",
                        b.chinese(),
                        from_id.chinese()
                    ),
                ));
            }
        }
        if id.is_female() != (input.sex == Sex::Female) {
            return Err(Error::validation(
                "sex",
                "性别与身份证号码第 17 位不一致（奇数为男，偶数为女）",
            ));
        }
    }
    if let Some(cid) = input.constituency_id {
        if !org::exists(conn, "constituencies", cid)? {
            return Err(Error::validation("constituency_id", "所选选区不存在"));
        }
    }
    if let Some(gid) = input.group_id {
        if !org::exists(conn, "deputy_groups", gid)? {
            return Err(Error::validation("group_id", "所选代表小组不存在"));
        }
    }
    let mut levels = input.levels.clone();
    levels.push(Level::Township);
    levels.sort();
    levels.dedup();
    Ok(Valid {
        term,
        birth_date,
        elected_on,
        levels,
        id_number,
    })
}

/// Digits with the separators people type ("0571-8888 6666", "+86 138..."), 7 to 20 long.
fn phone_ok(phone: &str) -> bool {
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || "-+ ()".contains(c))
        && (7..=20).contains(&phone.len())
}

/// Refuses a second live deputy with the same card number or ID number in the term.
fn check_unique(
    conn: &Connection,
    term_id: i64,
    card_no: &str,
    id_number: Option<&str>,
    except: Option<i64>,
) -> Result<()> {
    let except = except.unwrap_or(-1);
    if !card_no.is_empty() {
        let other: Option<String> = conn
            .query_row(
                "SELECT name FROM deputies WHERE term_id = ?1 AND card_no = ?2 AND card_no <> '' AND voided_at IS NULL AND id <> ?3",
                params![term_id, card_no, except],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            return Err(Error::conflict(
                "card_no",
                format!("代表证号{card_no}已属于本届代表{other}"),
            ));
        }
    }
    if let Some(idn) = id_number {
        let other: Option<String> = conn
            .query_row(
                "SELECT name FROM deputies WHERE term_id = ?1 AND id_number = ?2 AND id_number IS NOT NULL AND voided_at IS NULL AND id <> ?3",
                params![term_id, idn, except],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            return Err(Error::conflict(
                "id_number",
                format!("该身份证号码已登记为本届代表{other}，同一人不能重复登记"),
            ));
        }
    }
    Ok(())
}

fn levels_text(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// Writes a validated deputy's row: a new one (`id` None) or the stored one. One statement for
/// both, so insert and update can never disagree on a column. Term and void marks are not changed
/// by an update.
fn write_row(
    conn: &Connection,
    id: Option<i64>,
    term_id: i64,
    input: &DeputyInput,
    valid: &Valid,
    card_no: &str,
    id_number: Option<&str>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO deputies (id, term_id, name, sex, ethnicity, birth_date, political_status, education,
            work_unit_post, occupation, constituency_id, group_id, levels, elected_on, elected_how, card_no, phone,
            address, returned_overseas, grassroots, id_number, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, sex = excluded.sex, ethnicity = excluded.ethnicity,
            birth_date = excluded.birth_date, political_status = excluded.political_status,
            education = excluded.education, work_unit_post = excluded.work_unit_post,
            occupation = excluded.occupation, constituency_id = excluded.constituency_id,
            group_id = excluded.group_id, levels = excluded.levels, elected_on = excluded.elected_on,
            elected_how = excluded.elected_how, card_no = excluded.card_no, phone = excluded.phone,
            address = excluded.address, returned_overseas = excluded.returned_overseas,
            grassroots = excluded.grassroots, id_number = excluded.id_number, notes = excluded.notes",
        params![
            id,
            term_id,
            names::clean(&input.name),
            input.sex,
            input.ethnicity,
            valid.birth_date.map(|b| b.to_string()),
            input.political_status,
            input.education,
            input.work_unit_post.trim(),
            input.occupation,
            input.constituency_id,
            input.group_id,
            levels_text(&valid.levels),
            valid.elected_on.to_string(),
            input.elected_how,
            card_no,
            input.phone.trim(),
            input.address.trim(),
            input.returned_overseas,
            input.grassroots,
            id_number,
            input.notes.trim(),
        ],
    )?;
    Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
}

/// Inserts a validated deputy inside the caller's transaction and records its history.
pub(crate) fn insert(
    conn: &Connection,
    stamp: &Stamp,
    input: &DeputyInput,
    valid: &Valid,
    action: Action,
    note: &str,
) -> Result<i64> {
    let id_number = valid.id_number.clone().flatten();
    let card_no = input.card_no.trim();
    check_unique(
        conn,
        valid.term.id,
        card_no,
        id_number.as_ref().map(|i| i.as_str()),
        None,
    )?;
    let id = write_row(
        conn,
        None,
        valid.term.id,
        input,
        valid,
        card_no,
        id_number.as_ref().map(|i| i.as_str()),
    )?;
    let rec = record(conn, id)?;
    history::record(
        conn,
        stamp,
        Entity::Deputy,
        id,
        action,
        None,
        Some(&rec.snapshot()),
        note,
    )?;
    Ok(id)
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &DeputyInput) -> Result<Deputy> {
    crate::fields::check(&crate::fields::DEPUTY, input, stamp.today())?;
    let id = store.write(|tx| {
        let valid = validate(tx, input, None)?;
        insert(tx, stamp, input, &valid, Action::Create, "")
    })?;
    view(store.conn(), id, stamp.today())
}

pub fn update(store: &mut Store, stamp: &Stamp, id: i64, input: &DeputyInput) -> Result<Deputy> {
    crate::fields::check(&crate::fields::DEPUTY, input, stamp.today())?;
    store.write(|tx| {
        let before = record(tx, id)?;
        if before.voided_at.is_some() {
            return Err(Error::InvalidTransition(
                "该代表记录已作废，不能再修改".into(),
            ));
        }
        let valid = validate(tx, input, Some(&before))?;
        if valid.term.id != before.term_id {
            return Err(Error::validation(
                "term_id",
                "不能把代表改到另一届：新一届的代表请新增登记",
            ));
        }
        let id_number = match &valid.id_number {
            None => before.id_number.clone(),
            Some(v) => v.as_ref().map(|i| i.as_str().to_string()),
        };
        let card_no = input.card_no.trim();
        check_unique(tx, before.term_id, card_no, id_number.as_deref(), Some(id))?;
        write_row(
            tx,
            Some(id),
            before.term_id,
            input,
            &valid,
            card_no,
            id_number.as_deref(),
        )?;
        let after = record(tx, id)?;
        if after != before {
            history::record(
                tx,
                stamp,
                Entity::Deputy,
                id,
                Action::Update,
                Some(&before.snapshot()),
                Some(&after.snapshot()),
                "",
            )?;
        }
        Ok(())
    })?;
    view(store.conn(), id, stamp.today())
}

/// Voids a deputy entered by mistake. The row stays, struck through, with the reason; the posts
/// and group roles the deputy held end with it.
pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Deputy> {
    store.write(|tx| {
        book::void_in::<DeputyRecord>(tx, stamp, id, reason)?;
        status::end_roles(tx, stamp, id, stamp.today(), "记录作废", None)
    })?;
    view(store.conn(), id, stamp.today())
}

impl Book for DeputyRecord {
    const ENTITY: Entity = Entity::Deputy;
    const TABLE: &'static str = "deputies";
    const NAME: &'static str = "代表记录";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        record(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided_at.is_some()
    }
    fn snapshot(&self) -> Value {
        DeputyRecord::snapshot(self)
    }
    fn label(&self) -> String {
        self.name.clone()
    }
}

/// The plain ID number, for a clerk who explicitly asked to see it. The reveal is recorded.
pub fn reveal_id_number(store: &mut Store, stamp: &Stamp, id: i64) -> Result<Option<String>> {
    store.write(|tx| {
        let rec = record(tx, id)?;
        if rec.id_number.is_some() {
            history::record(
                tx,
                stamp,
                Entity::Deputy,
                id,
                Action::Reveal,
                None,
                None,
                "查看了完整身份证号码",
            )?;
        }
        Ok(rec.id_number)
    })
}

/// Reference names needed to turn records into views, loaded once per list.
pub(crate) struct Lookups {
    terms: HashMap<i64, Term>,
    groups: HashMap<i64, String>,
    constituencies: HashMap<i64, String>,
}

impl Lookups {
    pub(crate) fn load(conn: &Connection) -> Result<Lookups> {
        Ok(Lookups {
            terms: org::terms(conn)?.into_iter().map(|t| (t.id, t)).collect(),
            groups: org::group_names(conn)?,
            constituencies: org::constituencies(conn)?
                .into_iter()
                .map(|c| (c.id, c.name))
                .collect(),
        })
    }
}

pub(crate) fn to_view(
    rec: DeputyRecord,
    l: &Lookups,
    events: &[DeputyEvent],
    posts: &[PresidiumPost],
    on: NaiveDate,
) -> Deputy {
    let (pinyin, initials) = names::pinyin_and_initials(&rec.name);
    let term = l.terms.get(&rec.term_id);
    let status = status::status_on(&rec, term, events, on);
    let presidium_post = posts
        .iter()
        .find(|p| p.deputy_id == rec.id && p.start_date <= on && p.end_date.is_none_or(|e| e > on))
        .map(|p| p.post);
    Deputy {
        id: rec.id,
        term_id: rec.term_id,
        term_label: term.map(|t| t.label()).unwrap_or_default(),
        pinyin,
        initials,
        ethnicity_label: rec.ethnicity.label().to_string(),
        constituency_name: rec
            .constituency_id
            .and_then(|c| l.constituencies.get(&c).cloned()),
        group_name: rec.group_id.and_then(|g| l.groups.get(&g).cloned()),
        id_number_masked: rec.id_number.as_deref().map(idcard::mask),
        status,
        presidium_post,
        voided: rec.voided_at.is_some(),
        name: rec.name,
        sex: rec.sex,
        ethnicity: rec.ethnicity,
        birth_date: rec.birth_date,
        political_status: rec.political_status,
        education: rec.education,
        work_unit_post: rec.work_unit_post,
        occupation: rec.occupation,
        constituency_id: rec.constituency_id,
        group_id: rec.group_id,
        levels: rec.levels,
        elected_on: rec.elected_on,
        elected_how: rec.elected_how,
        card_no: rec.card_no,
        phone: rec.phone,
        address: rec.address,
        returned_overseas: rec.returned_overseas,
        grassroots: rec.grassroots,
        notes: rec.notes,
        void_reason: rec.void_reason,
    }
}

pub fn view(conn: &Connection, id: i64, on: NaiveDate) -> Result<Deputy> {
    let rec = record(conn, id)?;
    let events = status::events_of(conn, id)?;
    let posts = status::posts_of(conn, id)?;
    Ok(to_view(rec, &Lookups::load(conn)?, &events, &posts, on))
}

pub fn detail(conn: &Connection, id: i64, on: NaiveDate) -> Result<DeputyDetail> {
    Ok(DeputyDetail {
        deputy: view(conn, id, on)?,
        events: status::events_of(conn, id)?,
        posts: status::posts_of(conn, id)?,
        history: book::history::of::<DeputyRecord>(conn, id)?,
    })
}

/// Refuses, on `field`, a list of deputies that names one twice or one not holding office on
/// `on` (`what` names the list in the message: 值班代表, 参加评议的代表), and a day in no term
/// (on `date_field`). What a rota, an evaluation or a duty report asks of the deputies it names.
pub fn require_in_office(
    conn: &Connection,
    ids: &[i64],
    on: NaiveDate,
    field: &'static str,
    what: &str,
    date_field: &'static str,
) -> Result<()> {
    let term = org::term_on(conn, on).map_err(|_| {
        Error::validation(
            date_field,
            format!("{}不在任何一届的任期内", crate::dates::chinese(on)),
        )
    })?;
    let views = term_views(conn, term.id, on)?;
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(*id) {
            return Err(Error::validation(
                field,
                format!("{what}中编号 {id} 的代表选了两次"),
            ));
        }
        let holds = views
            .iter()
            .any(|d| d.id == *id && !d.voided && org::holds_office(d.status));
        if !holds {
            let name = record(conn, *id)
                .map(|d| d.name)
                .unwrap_or_else(|_| format!("编号 {id} 的代表"));
            return Err(Error::validation(
                field,
                format!("{what}：{name}在{}不是在任代表", crate::dates::chinese(on)),
            ));
        }
    }
    Ok(())
}

/// All deputies of a term as views on a date, voided ones included, in id order.
pub fn term_views(conn: &Connection, term_id: i64, on: NaiveDate) -> Result<Vec<Deputy>> {
    let lookups = Lookups::load(conn)?;
    let events = status::events_of_term(conn, term_id)?;
    let posts = status::posts_of_term(conn, term_id)?;
    let mut by_deputy: HashMap<i64, Vec<DeputyEvent>> = HashMap::new();
    for e in events {
        by_deputy.entry(e.deputy_id).or_default().push(e);
    }
    Ok(records_of_term(conn, term_id)?
        .into_iter()
        .map(|rec| {
            let ev = by_deputy.get(&rec.id).map(Vec::as_slice).unwrap_or(&[]);
            to_view(rec, &lookups, ev, &posts, on)
        })
        .collect())
}

/// Sorts views in the requested order. `group` order keeps groups in their id order (the order
/// the office created them in), then strokes within a group.
pub fn sort(items: &mut [Deputy], order: RosterOrder) {
    match order {
        RosterOrder::Stroke => {
            items.sort_by(|a, b| names::stroke_cmp(&a.name, &b.name).then(a.id.cmp(&b.id)))
        }
        RosterOrder::Pinyin => {
            items.sort_by(|a, b| names::pinyin_cmp(&a.name, &b.name).then(a.id.cmp(&b.id)))
        }
        RosterOrder::Group => items.sort_by(|a, b| {
            a.group_id
                .unwrap_or(i64::MAX)
                .cmp(&b.group_id.unwrap_or(i64::MAX))
                .then_with(|| names::stroke_cmp(&a.name, &b.name))
                .then(a.id.cmp(&b.id))
        }),
    }
}

/// The roster list: filter, search (name, pinyin, initials, card number, work unit), order, page.
pub fn list(conn: &Connection, q: &DeputyQuery, today: NaiveDate) -> Result<Page<Deputy>> {
    let on = match q.on.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => dates::parse_iso("on", "统计日期", s)?,
        None => today,
    };
    let term_id = match q.term_id {
        Some(t) => t,
        None => match org::current_term(conn)? {
            Some(t) => t.id,
            None => return Ok(Page::cut(Vec::new(), 1, q.page_size.unwrap_or(20))),
        },
    };
    let search = q.search.as_deref().map(str::trim).unwrap_or("");
    let mut items: Vec<Deputy> = term_views(conn, term_id, on)?
        .into_iter()
        .filter(|d| q.include_voided || !d.voided)
        .filter(|d| q.group_id.is_none_or(|g| d.group_id == Some(g)))
        .filter(|d| {
            q.constituency_id
                .is_none_or(|c| d.constituency_id == Some(c))
        })
        .filter(|d| q.status.is_none_or(|s| d.status == s))
        .filter(|d| q.level.is_none_or(|l| d.levels.contains(&l)))
        .filter(|d| {
            search.is_empty()
                || names::name_matches(&d.name, &d.pinyin, &d.initials, search)
                || (!d.card_no.is_empty() && d.card_no.contains(search))
                || d.work_unit_post.contains(search)
        })
        .collect();
    sort(&mut items, q.order.unwrap_or(RosterOrder::Stroke));
    Ok(Page::cut(
        items,
        q.page.unwrap_or(1),
        q.page_size.unwrap_or(20),
    ))
}
