//! The document register (各级文件登记簿): documents received and sent, their circulation and
//! archiving. A 文号 is read in the forms clerks type it (〔〕, [ ], ( ), （ ）, 【 】, with or without
//! 第 and 号) and stored in the standard form, so the same document registered twice is caught
//! whatever brackets were used.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::book::{self, Book};
use crate::history::{self, Action, Entity, HistoryEntry, Stamp};
use crate::store::{ListSql, Page, Where};
use crate::vocab::*;
use crate::{dates, Error, Result, Store};

/// A parsed 文号: issuer's code, year, sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    pub prefix: String,
    pub year: i32,
    pub seq: u32,
}

const OPEN: &[char] = &['(', '[', '【', '〔', '﹝', '{', '〖'];
const CLOSE: &[char] = &[')', ']', '】', '〕', '﹞', '}', '〗'];

/// Any bracket a clerk may type, turned into the standard 〔 〕.
pub fn normalise_brackets(text: &str) -> String {
    dates::normalize_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if OPEN.contains(&c) {
                '〔'
            } else if CLOSE.contains(&c) {
                '〕'
            } else {
                c
            }
        })
        .collect()
}

impl DocNumber {
    /// None for an empty text (a document without a number).
    pub fn parse(text: &str) -> std::result::Result<Option<DocNumber>, String> {
        let t = normalise_brackets(text);
        if t.is_empty() {
            return Ok(None);
        }
        let bad = || {
            format!(
                "文号“{}”看不懂：应为“发文机关代字〔年份〕序号号”，如 县人大常〔2024〕12号",
                text.trim()
            )
        };
        let (prefix, rest) = t.split_once('〔').ok_or_else(bad)?;
        let (year, tail) = rest.split_once('〕').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(1949..=2100).contains(&year) {
            return Err(format!("文号中的年份 {year} 不对"));
        }
        let seq_text = tail.trim_start_matches('第').trim_end_matches('号');
        let seq: u32 = seq_text.parse().map_err(|_| bad())?;
        if prefix.is_empty() || seq == 0 || prefix.chars().any(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        Ok(Some(DocNumber {
            prefix: prefix.to_string(),
            year,
            seq,
        }))
    }
    /// "县人大常〔2024〕12号"
    pub fn text(&self) -> String {
        format!("{}〔{}〕{}号", self.prefix, self.year, self.seq)
    }
    /// What two registrations of the same document share.
    pub fn key(&self) -> String {
        format!("{}|{}|{}", self.prefix, self.year, self.seq)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DocumentInput {
    pub direction: DocumentDirection,
    pub date: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub issuer_level: Option<IssuerLevel>,
    #[serde(default)]
    pub doc_number: String,
    pub title: String,
    pub classification: Classification,
    pub urgency: Urgency,
    #[serde(default = "one")]
    pub copies: i64,
    #[serde(default)]
    pub attachments: String,
    #[serde(default)]
    pub instruction: String,
    #[serde(default)]
    pub handler: String,
    #[serde(default)]
    pub signed_by: String,
    #[serde(default)]
    pub sent_to: String,
    #[serde(default)]
    pub reply_doc_number: String,
    #[serde(default)]
    pub notes: String,
}

fn one() -> i64 {
    1
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Document {
    pub id: i64,
    pub direction: DocumentDirection,
    pub number: String,
    pub year: i32,
    pub seq: i64,
    pub date: NaiveDate,
    pub issuer: String,
    pub issuer_level: Option<IssuerLevel>,
    pub doc_number: String,
    pub title: String,
    pub classification: Classification,
    pub urgency: Urgency,
    pub copies: i64,
    pub attachments: String,
    pub instruction: String,
    pub handler: String,
    pub signed_by: String,
    pub sent_to: String,
    pub reply_doc_number: String,
    pub notes: String,
    pub archived_on: Option<NaiveDate>,
    pub volume: String,
    pub reads: i64,
    pub voided: bool,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DocumentRead {
    pub id: i64,
    pub document_id: i64,
    pub reader: String,
    pub read_on: NaiveDate,
    pub note: String,
    pub actor: String,
    pub at: String,
    pub voided: bool,
    pub void_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DocumentDetail {
    pub document: Document,
    pub reads: Vec<DocumentRead>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct DocumentQuery {
    pub direction: Option<DocumentDirection>,
    pub search: Option<String>,
    pub year: Option<i32>,
    pub classification: Option<Classification>,
    pub urgency: Option<Urgency>,
    pub archived: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[ts(as = "Option<bool>", optional)]
    pub include_voided: bool,
    pub page: Option<usize>,
    pub page_size: Option<usize>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DocumentReadInput {
    pub reader: String,
    pub read_on: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ArchiveInput {
    pub archived_on: String,
    pub volume: String,
}

const COLUMNS: &str = "d.id, d.direction, d.number, d.year, d.seq, d.date, d.issuer, d.issuer_level, d.doc_number,
    d.title, d.classification, d.urgency, d.copies, d.attachments, d.instruction, d.handler, d.signed_by, d.sent_to,
    d.reply_doc_number, d.notes, d.archived_on, d.volume,
    (SELECT count(*) FROM document_reads r WHERE r.document_id = d.id AND r.voided_at IS NULL), d.voided_at IS NOT NULL, d.void_reason";

fn date_at(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn from_row(r: &Row) -> rusqlite::Result<Document> {
    let archived: Option<String> = r.get(20)?;
    Ok(Document {
        id: r.get(0)?,
        direction: r.get(1)?,
        number: r.get(2)?,
        year: r.get(3)?,
        seq: r.get(4)?,
        date: date_at(r, 5)?,
        issuer: r.get(6)?,
        issuer_level: r.get(7)?,
        doc_number: r.get(8)?,
        title: r.get(9)?,
        classification: r.get(10)?,
        urgency: r.get(11)?,
        copies: r.get(12)?,
        attachments: r.get(13)?,
        instruction: r.get(14)?,
        handler: r.get(15)?,
        signed_by: r.get(16)?,
        sent_to: r.get(17)?,
        reply_doc_number: r.get(18)?,
        notes: r.get(19)?,
        archived_on: archived.and_then(|a| NaiveDate::parse_from_str(&a, "%Y-%m-%d").ok()),
        volume: r.get(21)?,
        reads: r.get(22)?,
        voided: r.get(23)?,
        void_reason: r.get(24)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Document> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM documents d WHERE d.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "文件", id })
}

pub fn detail(conn: &Connection, id: i64) -> Result<DocumentDetail> {
    let document = get(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, document_id, reader, read_on, note, actor, at, voided_at IS NOT NULL, void_reason
         FROM document_reads WHERE document_id = ?1 ORDER BY read_on, id",
    )?;
    let reads = stmt
        .query_map([id], |r| {
            Ok(DocumentRead {
                id: r.get(0)?,
                document_id: r.get(1)?,
                reader: r.get(2)?,
                read_on: date_at(r, 3)?,
                note: r.get(4)?,
                actor: r.get(5)?,
                at: r.get(6)?,
                voided: r.get(7)?,
                void_reason: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let history = book::history::of::<Document>(conn, id)?;
    Ok(DocumentDetail {
        document,
        reads,
        history,
    })
}

pub fn list(conn: &Connection, q: &DocumentQuery) -> Result<Page<Document>> {
    let mut w = Where::default();
    if let Some(d) = q.direction {
        w.and_with("d.direction = ?", d.code().to_string());
    }
    if let Some(y) = q.year {
        crate::dates::check_year(y)?;
        w.and_with("d.year = ?", y as i64);
    }
    if let Some(c) = q.classification {
        w.and_with("d.classification = ?", c.code().to_string());
    }
    if let Some(u) = q.urgency {
        w.and_with("d.urgency = ?", u.code().to_string());
    }
    match q.archived {
        Some(true) => w.and("d.archived_on IS NOT NULL"),
        Some(false) => w.and("d.archived_on IS NULL"),
        None => {}
    }
    if let Some(f) = q.from {
        w.and_with("d.date >= ?", f.to_string());
    }
    if let Some(t) = q.to {
        w.and_with("d.date <= ?", t.to_string());
    }
    if !q.include_voided {
        w.and("d.voided_at IS NULL");
    }
    if let Some(text) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let like = format!("%{}%", normalise_brackets(text).replace(['%', '_'], ""));
        w.and_with("(d.title LIKE ? OR d.issuer LIKE ? OR d.doc_number LIKE ? OR d.number LIKE ? OR d.reply_doc_number LIKE ?)",
            like);
    }
    let sql = ListSql {
        columns: COLUMNS,
        from: "documents d",
        count_from: "documents d",
        order: "d.date DESC, d.id DESC",
    };
    Page::query(conn, &sql, w, q.page, q.page_size, from_row)
}

struct Valid {
    date: NaiveDate,
    issuer: String,
    doc: Option<DocNumber>,
    reply: Option<DocNumber>,
}

fn validate(
    conn: &Connection,
    input: &DocumentInput,
    today: NaiveDate,
    except: i64,
) -> Result<Valid> {
    let received = input.direction == DocumentDirection::Received;
    let date = dates::parse_iso(
        "date",
        if received {
            "收文日期"
        } else {
            "发文日期"
        },
        &input.date,
    )?;
    if date > today {
        return Err(Error::validation("date", "日期不能晚于今天"));
    }
    let issuer = input.issuer.trim().to_string();
    if received && issuer.is_empty() {
        return Err(Error::validation("issuer", "请填写发文机关"));
    }
    if issuer.chars().count() > 60 {
        return Err(Error::validation("issuer", "发文机关不能超过 60 个字"));
    }
    let title = input.title.trim();
    if title.is_empty() {
        return Err(Error::validation("title", "请填写文件标题"));
    }
    if title.chars().count() > 200 {
        return Err(Error::validation("title", "标题不能超过 200 个字"));
    }
    if !(0..=10_000).contains(&input.copies) {
        return Err(Error::validation("copies", "份数应在 0 到 10000 之间"));
    }
    let doc =
        DocNumber::parse(&input.doc_number).map_err(|m| Error::validation("doc_number", m))?;
    let reply = DocNumber::parse(&input.reply_doc_number)
        .map_err(|m| Error::validation("reply_doc_number", m))?;
    if let Some(d) = &doc {
        let earlier: Option<(i64, String, String)> = conn
            .query_row(
                "SELECT id, number, date FROM documents WHERE direction = ?1 AND issuer = ?2 AND doc_key = ?3
                 AND voided_at IS NULL AND id <> ?4",
                params![input.direction, issuer, d.key(), except],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((earlier_id, number, on)) = earlier {
            return Err(Error::conflict(
                "doc_number",
                format!(
                    "{}的{}已于{}登记为{number}，同一文件不能重复登记",
                    if issuer.is_empty() {
                        "本机关"
                    } else {
                        &issuer
                    },
                    d.text(),
                    on
                ),
            )
            .about(earlier_id));
        }
    }
    Ok(Valid {
        date,
        issuer,
        doc,
        reply,
    })
}

fn write_fields(conn: &Connection, id: i64, input: &DocumentInput, v: &Valid) -> Result<()> {
    conn.execute(
        "UPDATE documents SET date = ?2, issuer = ?3, issuer_level = ?4, doc_number = ?5, doc_key = ?6, title = ?7,
            classification = ?8, urgency = ?9, copies = ?10, attachments = ?11, instruction = ?12, handler = ?13,
            signed_by = ?14, sent_to = ?15, reply_doc_number = ?16, notes = ?17 WHERE id = ?1",
        params![
            id,
            v.date.to_string(),
            v.issuer,
            input.issuer_level,
            v.doc.as_ref().map(DocNumber::text).unwrap_or_default(),
            v.doc.as_ref().map(DocNumber::key).unwrap_or_default(),
            input.title.trim(),
            input.classification,
            input.urgency,
            input.copies,
            input.attachments.trim(),
            input.instruction.trim(),
            input.handler.trim(),
            input.signed_by.trim(),
            input.sent_to.trim(),
            v.reply.as_ref().map(DocNumber::text).unwrap_or_default(),
            input.notes.trim()
        ],
    )?;
    Ok(())
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &DocumentInput) -> Result<Document> {
    store.write(|tx| create_in(tx, stamp, input))
}

pub(crate) fn create_in(
    conn: &Connection,
    stamp: &Stamp,
    input: &DocumentInput,
) -> Result<Document> {
    crate::fields::check(&crate::fields::DOCUMENT, input, stamp.today())?;
    let v = validate(conn, input, stamp.today(), -1)?;
    let year = v.date.year();
    let seq = book::next_seq(
        conn,
        "documents",
        &[("direction", &input.direction), ("year", &year)],
    )?;
    let number = format!("{}〔{year}〕第{seq}号", input.direction.label());
    conn.execute(
        "INSERT INTO documents (direction, year, seq, number, date, title, classification, urgency)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            input.direction,
            year,
            seq,
            number,
            v.date.to_string(),
            input.title.trim(),
            input.classification,
            input.urgency
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_fields(conn, id, input, &v)?;
    let doc = get(conn, id)?;
    book::record_created(conn, stamp, id, &doc)?;
    Ok(doc)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &DocumentInput,
) -> Result<Document> {
    crate::fields::check(&crate::fields::DOCUMENT, input, stamp.today())?;
    book::update(store, stamp, id, |tx, before: &Document| {
        if input.direction != before.direction {
            return Err(Error::validation(
                "direction",
                "收文、发文不能互改；登记错了请作废后重新登记",
            ));
        }
        let v = validate(tx, input, stamp.today(), id)?;
        book::keep_in_scope(
            v.date.year() != before.year,
            "date",
            format!("登记号{}按年份编排，日期不能改到其他年份", before.number),
        )?;
        write_fields(tx, id, input, &v)
    })
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Document> {
    book::void(store, stamp, id, reason)
}

impl Book for Document {
    const ENTITY: Entity = Entity::Document;
    const TABLE: &'static str = "documents";
    const NAME: &'static str = "文件登记";
    fn load(conn: &Connection, id: i64) -> Result<Self> {
        get(conn, id)
    }
    fn is_voided(&self) -> bool {
        self.voided
    }
    fn snapshot(&self) -> serde_json::Value {
        json!(self)
    }
    fn label(&self) -> String {
        self.number.clone()
    }
    fn value_label(field: &str, code: &str) -> Option<&'static str> {
        match field {
            "direction" => DocumentDirection::from_code(code).map(|v| v.label()),
            "issuer_level" => IssuerLevel::from_code(code).map(|v| v.label()),
            "classification" => Classification::from_code(code).map(|v| v.label()),
            "urgency" => Urgency::from_code(code).map(|v| v.label()),
            _ => None,
        }
    }
}

/// 传阅: who read it and when.
pub fn read(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &DocumentReadInput,
) -> Result<DocumentDetail> {
    crate::fields::check(&crate::fields::DOCUMENT_READ, input, stamp.today())?;
    store.write(|tx| {
        let doc = get(tx, id)?;
        if doc.voided {
            return Err(Error::InvalidTransition("已作废的文件不能再登记传阅".into()));
        }
        let reader = input.reader.trim();
        if reader.is_empty() {
            return Err(Error::validation("reader", "请填写阅文人"));
        }
        let on = dates::parse_iso("read_on", "阅文日期", &input.read_on)?;
        if on < doc.date || on > stamp.today() {
            return Err(Error::validation("read_on", "阅文日期应在收发文日期和今天之间"));
        }
        tx.execute(
            "INSERT INTO document_reads (document_id, reader, read_on, note, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, reader, on.to_string(), input.note.trim(), stamp.actor, stamp.at_text()],
        )?;
        history::record(tx, stamp, Entity::Document, id, Action::Update, None, Some(&json!({"reader": reader, "read_on": on})), &format!("传阅：{reader}"))
    })?;
    detail(store.conn(), id)
}

/// Voids a circulation entry recorded by mistake; it stays listed, struck through.
pub fn void_read(
    store: &mut Store,
    stamp: &Stamp,
    read_id: i64,
    reason: &str,
) -> Result<DocumentDetail> {
    crate::fields::check_text(&crate::fields::VOID, "reason", reason)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation("reason", "请填写作废原因"));
    }
    let id = store.write(|tx| {
        let row: Option<(i64, String, bool)> = tx
            .query_row(
                "SELECT document_id, reader, voided_at IS NOT NULL FROM document_reads WHERE id = ?1",
                [read_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (id, reader, voided) = row.ok_or(Error::NotFound { what: "传阅记录", id: read_id })?;
        if voided {
            return Err(Error::InvalidTransition("该传阅记录已经作废".into()));
        }
        tx.execute(
            "UPDATE document_reads SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
            params![read_id, stamp.at_text(), reason],
        )?;
        history::record(tx, stamp, Entity::Document, id, Action::Void, Some(&json!({"reader": reader})), None, &format!("作废传阅记录“{reader}”：{reason}"))?;
        Ok(id)
    })?;
    detail(store.conn(), id)
}

/// 归档: date and volume. Archiving again (a corrected volume) keeps the earlier one in the history.
pub fn archive(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &ArchiveInput,
) -> Result<DocumentDetail> {
    crate::fields::check(&crate::fields::ARCHIVE, input, stamp.today())?;
    store.write(|tx| {
        let before = get(tx, id)?;
        if before.voided {
            return Err(Error::InvalidTransition("已作废的文件不能归档".into()));
        }
        let on = dates::parse_iso("archived_on", "归档日期", &input.archived_on)?;
        if on < before.date || on > stamp.today() {
            return Err(Error::validation(
                "archived_on",
                "归档日期应在收发文日期和今天之间",
            ));
        }
        let volume = input.volume.trim();
        if volume.is_empty() {
            return Err(Error::validation("volume", "请填写归档卷号"));
        }
        tx.execute(
            "UPDATE documents SET archived_on = ?2, volume = ?3 WHERE id = ?1",
            params![id, on.to_string(), volume],
        )?;
        let after = get(tx, id)?;
        history::record(
            tx,
            stamp,
            Entity::Document,
            id,
            Action::Update,
            Some(&json!(before)),
            Some(&json!(after)),
            "归档",
        )
    })?;
    detail(store.conn(), id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn document_numbers_in_the_forms_clerks_type() {
        let std = DocNumber::parse("县人大常〔2024〕12号").unwrap().unwrap();
        assert_eq!(
            (std.prefix.as_str(), std.year, std.seq),
            ("县人大常", 2024, 12)
        );
        for typed in [
            "县人大常[2024]12号",
            "县人大常(2024)12号",
            "县人大常（2024）12号",
            "县人大常【2024】12号",
            "县人大常〔2024〕第12号",
            " 县人大常 [２０２４] 12 ",
            "县人大常﹝2024﹞12号",
        ] {
            assert_eq!(
                DocNumber::parse(typed).unwrap().as_ref(),
                Some(&std),
                "{typed}"
            );
        }
        assert_eq!(std.text(), "县人大常〔2024〕12号");
        assert_eq!(
            DocNumber::parse("  ").unwrap(),
            None,
            "no number is allowed"
        );
        for bad in [
            "县人大常2024年12号",
            "县人大常〔24〕12号",
            "〔2024〕12号",
            "县人大常〔2024〕",
            "县人大常〔2024〕第零号",
            "县人大常〔1900〕3号",
        ] {
            let e = DocNumber::parse(bad).unwrap_err();
            assert!(e.contains("文号") || e.contains("年份"), "{bad}: {e}");
        }
    }

    proptest! {
        #[test]
        fn any_standard_number_reads_back_in_any_bracket_form(prefix in "[县市镇人大常委办政府]{1,8}", year in 1949i32..2100, seq in 1u32..100_000, form in 0usize..5) {
            let n = DocNumber { prefix, year, seq };
            let (o, c) = [("〔", "〕"), ("[", "]"), ("(", ")"), ("（", "）"), ("【", "】")][form];
            let typed = format!("{}{o}{}{c}{}号", n.prefix, n.year, n.seq);
            prop_assert_eq!(DocNumber::parse(&typed).unwrap(), Some(n.clone()));
            prop_assert_eq!(DocNumber::parse(&n.text()).unwrap().unwrap().key(), n.key());
        }
    }
}
