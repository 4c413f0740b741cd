//! The export package carried to the county on a USB stick: one folder with the books as JSON
//! Lines (a record per line, stable ids), the JSON Schema they follow, and a manifest naming the
//! township, period, what was included or pseudonymised, and the SHA-256 of every file.
//!
//! Written under a temporary folder name and renamed last, then read back and checked, so a full
//! or pulled stick never leaves a folder that looks complete. `verify` is the county's check,
//! also run on the township's own copy after writing.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub mod redact;
mod verify;
pub mod workbooks;

pub use verify::verify;

use crate::entries;
use crate::history::Stamp;
use crate::roster::{deputy, org};
use crate::vocab::{PresidiumPostKind, Vocab};
use crate::{petitions, settings, Error, Result, Store};

/// What this build writes and reads.
pub const FORMAT: &str = "taizhang-export";
pub const SCHEMA_VERSION: u32 = 1;
pub const SCHEMA_FILE: &str = "schema/taizhang-export-v1.schema.json";
const SCHEMA: &str = include_str!("../../../../../assets/export/taizhang-export-v1.schema.json");
/// No file in a package is larger (a county stick is not a place for a 4 GB file).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct FileEntry {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    /// Records in a JSON Lines file.
    #[serde(default)]
    pub records: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Manifest {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    pub township: String,
    /// Stable for the office across exports: the county keeps townships apart by it.
    pub township_id: String,
    pub exported_at: String,
    pub exported_by: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    /// Petitioners' identities and deputies' ID numbers replaced by stable pseudonyms.
    pub pseudonymised: bool,
    /// `changes`: data/*.jsonl hold only the records changed since `since`; the county merges
    /// them into what it holds. The workbooks always show the whole period.
    pub scope: Scope,
    /// For `changes`: when the export it follows was written (to the same folder).
    #[serde(default)]
    pub since: Option<String>,
    pub included: Vec<String>,
    pub excluded: Vec<String>,
    /// The data books the package carries (`data/BOOK.jsonl` each); none in packages written
    /// before the choice existed, which carry every book.
    #[serde(default)]
    #[ts(optional)]
    pub books: Option<Vec<String>>,
    pub files: Vec<FileEntry>,
}

impl Manifest {
    /// The data books this package carries. A manifest without the list was written before
    /// the list existed, when a package carried the seven books of that time (the books added
    /// since, from the sessions on, are always listed), so such a package is not refused for
    /// lacking a book that did not exist yet.
    pub fn data_books(&self) -> Vec<String> {
        self.books.clone().unwrap_or_else(|| {
            DATA_BOOKS[..BOOKS_BEFORE_THE_LIST]
                .iter()
                .map(|b| b.to_string())
                .collect()
        })
    }
}

/// What a package carries: every record of the period, or only the records that changed since
/// the last export to the same folder (a stick that goes back and forth carries little).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Full,
    Changes,
}

impl Scope {
    pub fn code(self) -> &'static str {
        match self {
            Scope::Full => "full",
            Scope::Changes => "changes",
        }
    }

    fn from_code(code: &str) -> Scope {
        if code == "changes" {
            Scope::Changes
        } else {
            Scope::Full
        }
    }
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportOptions {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Put petitioners' identities and ID numbers in clear (on purpose, for this export).
    #[serde(default)]
    pub include_identities: bool,
    /// Also put the printed books in as PDF (typeset by the caller, see `pdf_books`).
    #[serde(default)]
    pub with_pdf: bool,
    #[serde(default)]
    pub scope: Scope,
    /// Which books go in (the county sometimes asks for the roster and the statistics only):
    /// names of [`DATA_BOOKS`] and `statistics` (the statistics workbook). None: all of them.
    #[serde(default)]
    #[ts(optional)]
    pub books: Option<Vec<String>>,
}

/// What a package of these options carries: its data books (in [`DATA_BOOKS`] order) and
/// whether the statistics workbook goes in. An unknown name is refused, naming the choices.
pub fn chosen_books(o: &ExportOptions) -> Result<(Vec<&'static str>, bool)> {
    let Some(list) = &o.books else {
        return Ok((DATA_BOOKS.to_vec(), true));
    };
    for b in list {
        if b != STATISTICS && !DATA_BOOKS.contains(&b.as_str()) {
            return Err(Error::validation(
                "books",
                format!(
                    "没有名为“{b}”的台账，可选：{}、{STATISTICS}",
                    DATA_BOOKS.join("、")
                ),
            ));
        }
    }
    let books: Vec<&'static str> = DATA_BOOKS
        .iter()
        .copied()
        .filter(|d| list.iter().any(|b| b == d))
        .collect();
    let statistics = list.iter().any(|b| b == STATISTICS);
    if books.is_empty() && !statistics {
        return Err(Error::validation("books", "请至少选择一本台账或统计表"));
    }
    Ok((books, statistics))
}

/// The choice that stands for the statistics workbook.
pub const STATISTICS: &str = "statistics";

/// The printed book of a data book.
fn kind_of(book: &str) -> Option<crate::print::BookKind> {
    use crate::print::BookKind::*;
    Some(match book {
        "deputies" => Roster,
        "suggestions" => Suggestions,
        "petitions" => Petitions,
        "deeds" => Deeds,
        "documents" => Documents,
        "meetings" => Meetings,
        "activities" => Activities,
        "sessions" => Sessions,
        "projects" => Projects,
        "rectifications" => Rectifications,
        "evaluations" => Evaluations,
        _ => return None,
    })
}

/// A file made outside the core (the printed books, typeset by taizhang-typeset) to be written
/// into the package and listed in its manifest like the others.
pub struct ExtraFile {
    /// Relative path inside the package, e.g. `打印/人民来信来访记录簿.pdf`.
    pub path: String,
    pub bytes: Vec<u8>,
    pub what: String,
}

/// The print requests for the package's PDFs: every book for the export's period, masked or
/// not as the export is.
pub fn pdf_books(o: &ExportOptions) -> Vec<(String, crate::print::PrintRequest)> {
    let books = chosen_books(o).map(|(b, _)| b).unwrap_or_default();
    crate::print::BookKind::ALL
        .into_iter()
        .filter(|k| books.iter().any(|b| kind_of(b) == Some(*k)))
        .map(|book| {
            (
                format!("打印/{}.pdf", book.title()),
                crate::print::PrintRequest {
                    target: crate::print::Target::Book {
                        book,
                        period: crate::print::Period::Range {
                            from: o.from,
                            to: o.to,
                        },
                    },
                    reveal_reason: o
                        .include_identities
                        .then(|| "导出到县人大（含身份信息）".to_string()),
                    volume: 1,
                    archival: true,
                },
            )
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Exported {
    pub path: PathBuf,
    pub manifest: Manifest,
    pub manifest_sha256: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A per-office secret, made once: pseudonyms are stable for the office and cannot be turned
/// back into names by someone who only has the package.
fn office_secret(conn: &Connection, stamp: &Stamp) -> Result<String> {
    if let Some(s) = settings::get(conn, "export_secret")? {
        return Ok(s);
    }
    // The standard library's per-process random hash keys (seeded by the operating system)
    // make the secret unguessable; the rest only separates offices made in the same instant.
    let random = || {
        use std::hash::{BuildHasher, Hasher};
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    let seed = format!(
        "{}|{}|{}|{:x}{:x}",
        stamp.at_text(),
        std::process::id(),
        conn.path().unwrap_or_default(),
        random(),
        random()
    );
    let secret = hex(&Sha256::digest(seed.as_bytes()));
    settings::set(conn, "export_secret", &secret)?;
    Ok(secret)
}

fn pseudonym(secret: &str, kind: &str, text: &str) -> String {
    let h = Sha256::digest(format!("{secret}|{kind}|{}", text.trim()).as_bytes());
    format!("{kind}-{}", &hex(&h)[..12])
}

/// The books as records, each a JSON object with a stable `id` and its `book`.
fn records(
    conn: &Connection,
    o: &ExportOptions,
    secret: &str,
    today: NaiveDate,
) -> Result<Vec<(&'static str, Vec<Value>)>> {
    let mut out = Vec::new();

    let mut roster = Vec::new();
    for term in org::terms(conn)? {
        if term.start_date > o.to || term.end_date.is_some_and(|e| e < o.from) {
            continue;
        }
        for d in deputy::term_views(conn, term.id, o.to.min(today))? {
            let rec = deputy::record(conn, d.id)?;
            let mut v = serde_json::to_value(&d).expect("serialises");
            let id_number = rec.id_number.clone().unwrap_or_default();
            v["id_number"] = match (id_number.is_empty(), o.include_identities) {
                (true, _) => Value::Null,
                (false, true) => json!(id_number),
                (false, false) => json!(pseudonym(secret, "ID", &id_number)),
            };
            if let Some(obj) = v.as_object_mut() {
                obj.remove("id_number_masked");
            }
            roster.push(v);
        }
    }
    out.push(("deputies", roster));

    let sugg = entries::suggestions(conn, o.from, o.to, None, today)?;
    out.push((
        "suggestions",
        sugg.iter()
            .map(|s| serde_json::to_value(s).expect("serialises"))
            .collect(),
    ));

    let pets = entries::petitions(conn, o.from, o.to, today)?;
    let mut rows = Vec::new();
    for p in pets {
        let rec = petitions::record(conn, p.id)?;
        let mut v = serde_json::to_value(&p).expect("serialises");
        let obj = v.as_object_mut().expect("an object");
        for k in [
            "petitioner",
            "phone_masked",
            "address_masked",
            "id_number_masked",
            "co_visitors",
        ] {
            obj.remove(k);
        }
        let who = if rec.anonymous {
            json!({"anonymous": true})
        } else if o.include_identities {
            json!({"anonymous": false, "name": rec.petitioner_name, "phone": rec.phone,
                   "address": rec.address, "id_number": rec.id_number,
                   "co_visitors": rec.co_visitors})
        } else if !rec.co_visitors.is_empty() {
            // The other visitors each get the pseudonym their name gets in any text.
            let key = format!(
                "{}|{}",
                rec.petitioner_name,
                rec.id_number.clone().unwrap_or(rec.phone.clone())
            );
            json!({"anonymous": false, "pseudonym": pseudonym(secret, "P", &key),
                   "co_visitors": rec.co_visitors.iter().map(|n| pseudonym(secret, "P", n)).collect::<Vec<_>>()})
        } else {
            let key = format!(
                "{}|{}",
                rec.petitioner_name,
                rec.id_number.clone().unwrap_or(rec.phone.clone())
            );
            json!({"anonymous": false, "pseudonym": pseudonym(secret, "P", &key)})
        };
        obj.insert("petitioner".into(), who);
        rows.push(v);
    }
    out.push(("petitions", rows));

    let list_deeds = entries::deeds(conn, o.from, o.to)?;
    out.push((
        "deeds",
        list_deeds
            .iter()
            .map(|d| serde_json::to_value(d).expect("serialises"))
            .collect(),
    ));
    let docs = entries::documents(conn, o.from, o.to)?;
    out.push((
        "documents",
        docs.iter()
            .map(|d| serde_json::to_value(d).expect("serialises"))
            .collect(),
    ));
    let meets = entries::meetings(conn, o.from, o.to, None)?;
    out.push((
        "meetings",
        meets
            .iter()
            .map(|m| serde_json::to_value(m).expect("serialises"))
            .collect(),
    ));
    let acts = entries::activities(conn, o.from, o.to)?;
    // Who raised an opinion at a voter reception is a voter's name (and becomes the petitioner
    // when the opinion is turned into a petition): pseudonymised like a petitioner.
    let acts: Vec<Value> = acts
        .iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).expect("serialises");
            if !o.include_identities {
                for op in v["opinions"].as_array_mut().into_iter().flatten() {
                    let src = op["source"].as_str().unwrap_or_default().to_string();
                    if !src.is_empty() {
                        op["source"] = json!(pseudonym(secret, "S", &src));
                    }
                }
            }
            v
        })
        .collect();
    out.push(("activities", acts));
    let held = entries::sessions(conn, o.from, o.to, None)?;
    out.push((
        "sessions",
        held.iter()
            .map(|s| serde_json::to_value(s).expect("serialises"))
            .collect(),
    ));
    let voted = entries::projects(conn, o.from, o.to, today)?;
    out.push((
        "projects",
        voted
            .iter()
            .map(|p| serde_json::to_value(p).expect("serialises"))
            .collect(),
    ));
    out.push((
        "rectifications",
        entries::rectifications(conn, o.from, o.to, today)?
            .iter()
            .map(|r| serde_json::to_value(r).expect("serialises"))
            .collect(),
    ));
    out.push((
        "evaluations",
        entries::evaluations(conn, o.from, o.to)?
            .iter()
            .map(|e| serde_json::to_value(e).expect("serialises"))
            .collect(),
    ));
    out.push((
        "duty_reports",
        entries::duty_reports(conn, o.from, o.to)?
            .iter()
            .map(|r| serde_json::to_value(r).expect("serialises"))
            .collect(),
    ));
    // One record per deputy on a day's rota (stable ids: the rota rows'), with how the deputy
    // stood once the duty was recorded.
    let mut rota = Vec::new();
    for day in entries::station_rota(conn, o.from, o.to, today)? {
        for d in &day.deputies {
            rota.push(json!({
                "id": d.rota_id, "station_id": day.station_id, "station_name": day.station_name,
                "date": day.date, "deputy_id": d.deputy_id, "deputy_name": d.name,
                "attendance": d.attendance, "state": day.state,
                "duty": day.duty.as_ref().map(|a| a.number.clone()),
                "voters_received": day.voters_received, "voided": false,
            }));
        }
    }
    out.push(("station_rota", rota));
    let red = redactor(conn, o, secret)?;
    for (_, rows) in &mut out {
        rows.iter_mut().for_each(|r| red.value(r));
    }
    Ok(out)
}

/// What replaces identities copied into other texts (none when they are included on purpose).
fn redactor(conn: &Connection, o: &ExportOptions, secret: &str) -> Result<redact::Redactor> {
    if o.include_identities {
        return Ok(redact::Redactor::none());
    }
    redact::Redactor::for_office(conn, |kind, text| pseudonym(secret, kind, text))
}

/// The roster in the shape of the Popolo standard (persons, organizations, posts, memberships,
/// terms as legislative-period events), so tools made for legislatures' data can read it. Ids are
/// the township's stable ids, prefixed by kind.
fn popolo(conn: &Connection, o: &ExportOptions, township: &str, today: NaiveDate) -> Result<Value> {
    let congress = json!({"id": "congress", "name": format!("{township}人民代表大会"), "classification": "legislature"});
    let mut organizations = vec![congress];
    let mut persons = Vec::new();
    let mut memberships = Vec::new();
    let mut events = Vec::new();
    let mut seen_groups = BTreeSet::new();
    for term in org::terms(conn)? {
        if term.start_date > o.to || term.end_date.is_some_and(|e| e < o.from) {
            continue;
        }
        events.push(json!({
            "id": format!("term-{}", term.id), "name": term.label(), "classification": "legislative period",
            "start_date": term.start_date, "end_date": term.end_date, "organization_id": "congress",
        }));
        for g in org::groups(conn, o.to.min(today))? {
            if seen_groups.insert(g.id) {
                organizations.push(json!({
                    "id": format!("group-{}", g.id), "name": g.name, "classification": "deputy group",
                    "parent_id": "congress",
                }));
            }
        }
        for d in deputy::term_views(conn, term.id, o.to.min(today))? {
            if d.voided {
                continue;
            }
            let person = format!("person-{}", d.id);
            persons.push(json!({
                "id": person, "name": d.name,
                "gender": match d.sex.code() { "male" => "male", "female" => "female", _ => "other" },
                "birth_date": d.birth_date.map(|b| match b.day {
                    Some(day) => format!("{:04}-{:02}-{day:02}", b.year, b.month),
                    None => format!("{:04}-{:02}", b.year, b.month),
                }),
                "identifiers": [{"scheme": "代表证号", "identifier": d.card_no}],
            }));
            memberships.push(json!({
                "person_id": person, "organization_id": "congress", "role": "代表",
                "legislative_period_id": format!("term-{}", term.id), "start_date": d.elected_on,
                "on_behalf_of_id": Value::Null, "label": d.status.label(),
            }));
            if let Some(g) = d.group_id {
                memberships.push(json!({
                    "person_id": person, "organization_id": format!("group-{g}"), "role": "组员",
                    "legislative_period_id": format!("term-{}", term.id),
                }));
            }
            if let Some(post) = d.presidium_post {
                memberships.push(json!({
                    "person_id": person, "organization_id": "congress", "role": post.label(),
                    "post_id": format!("presidium-{}", post.code()),
                    "legislative_period_id": format!("term-{}", term.id),
                }));
            }
        }
    }
    let posts: Vec<Value> = PresidiumPostKind::ALL
        .iter()
        .map(|p| json!({"id": format!("presidium-{}", p.code()), "label": p.label(), "organization_id": "congress"}))
        .collect();
    Ok(
        json!({"persons": persons, "organizations": organizations, "posts": posts,
              "memberships": memberships, "events": events}),
    )
}

fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<FileEntry> {
    let path = dir.join(rel);
    // One level, never the whole chain: when the stick is pulled out mid-write, the package's
    // folder is gone and this must fail, not quietly make a new one where the stick was.
    if let Some(parent) = path.parent().filter(|p| *p != dir) {
        match std::fs::create_dir(parent) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                return Err(Error::io(parent, e))
            }
            _ => {}
        }
    }
    let mut f = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io(&path, e))?;
    Ok(FileEntry {
        path: rel.to_string(),
        sha256: hex(&Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
        records: 0,
    })
}

/// Writes a package for the period into `dest` and checks it by reading it back. The folder is
/// named for the township, the day and a sequence (青山镇-20261123-01).
pub fn export(
    store: &mut Store,
    stamp: &Stamp,
    dest: &Path,
    o: &ExportOptions,
    extra: &[ExtraFile],
) -> Result<Exported> {
    if o.from > o.to {
        return Err(Error::validation("to", "结束日期不能早于开始日期"));
    }
    if !dest.is_dir() {
        return Err(Error::validation(
            "dest",
            format!(
                "找不到导出位置“{}”，请重新选择文件夹或插好 U 盘",
                dest.display()
            ),
        ));
    }
    let secret = store.write(|tx| office_secret(tx, stamp))?;
    let conn = store.conn();
    // One name per folder, however it was reached, so the next export finds its baseline.
    let destination = dest
        .canonicalize()
        .unwrap_or_else(|_| dest.to_path_buf())
        .display()
        .to_string();
    let (since, baseline) = match o.scope {
        Scope::Full => (None, HashMap::new()),
        Scope::Changes => {
            let since: String = conn
                .query_row(
                    "SELECT at FROM exports WHERE destination = ?1 ORDER BY id DESC LIMIT 1",
                    [&destination],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| {
                    Error::validation(
                        "scope",
                        "这个位置还没有导出过，无从比较变更：请先做一次完整导出",
                    )
                })?;
            (Some(since), baseline(conn, &destination)?)
        }
    };
    let township = settings::load(conn)?.township;
    let township = if township.trim().is_empty() {
        "乡镇".to_string()
    } else {
        township
    };
    let township_id = pseudonym(&secret, "T", "township");
    let day = stamp.today().format("%Y%m%d").to_string();
    let name = (1..100)
        .map(|n| format!("{township}-{day}-{n:02}"))
        .find(|n| !dest.join(n).exists() && !dest.join(format!(".{n}.part")).exists())
        .ok_or_else(|| Error::validation("dest", "今天在该位置已导出 99 次，请换一个文件夹"))?;
    let (books, statistics) = chosen_books(o)?;
    let part = dest.join(format!(".{name}.part"));
    let result = (|| -> Result<(Manifest, Vec<Written>)> {
        std::fs::create_dir(&part).map_err(|e| Error::io(&part, e))?;
        let mut files = Vec::new();
        let mut included = Vec::new();
        let mut digests = Vec::new();
        for (book, rows) in records(conn, o, &secret, stamp.today())?
            .into_iter()
            .filter(|(b, _)| books.contains(b))
        {
            let mut text = String::new();
            let mut n = 0;
            for r in &rows {
                let mut line = json!({"book": book});
                line.as_object_mut()
                    .expect("object")
                    .extend(r.as_object().cloned().unwrap_or_default());
                let line = line.to_string();
                let digest = hex(&Sha256::digest(line.as_bytes()));
                let id = r["id"].as_i64().unwrap_or_default();
                let unchanged = baseline.get(&(book.to_string(), id)) == Some(&digest);
                digests.push((book, id, digest));
                if !unchanged {
                    text.push_str(&line);
                    text.push('\n');
                    n += 1;
                }
            }
            let mut entry = write_file(&part, &format!("data/{book}.jsonl"), text.as_bytes())?;
            entry.records = n;
            included.push(match o.scope {
                Scope::Full => format!("{book}（{n} 条）"),
                Scope::Changes => format!("{book}（{n} 条有变更，共 {} 条）", rows.len()),
            });
            files.push(entry);
        }
        let red = redactor(conn, o, &secret)?;
        for kind in books.iter().filter_map(|b| kind_of(b)) {
            let (bytes, n) = workbooks::book(conn, kind, o, stamp.today(), &red)?;
            let mut entry = write_file(&part, &format!("表格/{}.xlsx", kind.title()), &bytes)?;
            entry.records = n;
            files.push(entry);
        }
        if statistics {
            files.push(write_file(
                &part,
                "表格/统计表.xlsx",
                &workbooks::statistics(conn, o, stamp.today())?,
            )?);
        }
        included.push(if statistics {
            "所选台账及统计表（Excel）".into()
        } else {
            "所选台账（Excel）".into()
        });
        if books.contains(&"deputies") {
            let popolo = popolo(conn, o, &township, stamp.today())?;
            files.push(write_file(
                &part,
                "data/popolo.json",
                serde_json::to_string_pretty(&popolo)
                    .expect("serialises")
                    .as_bytes(),
            )?);
            included.push("代表名册（Popolo 格式）".into());
        }
        for x in extra {
            if !safe(&x.path) || !x.path.ends_with(".pdf") {
                return Err(Error::validation(
                    "extra",
                    format!("不能写入导出包的文件名：{}", x.path),
                ));
            }
            files.push(write_file(&part, &x.path, &x.bytes)?);
            included.push(x.what.clone());
        }
        files.push(write_file(&part, SCHEMA_FILE, SCHEMA.as_bytes())?);
        let manifest = Manifest {
            format: FORMAT.into(),
            schema_version: SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            township: township.clone(),
            township_id: township_id.clone(),
            exported_at: stamp.at_text(),
            exported_by: stamp.actor.clone(),
            period_from: o.from,
            period_to: o.to,
            pseudonymised: !o.include_identities,
            scope: o.scope,
            since: since.clone(),
            books: Some(books.iter().map(|b| b.to_string()).collect()),
            included,
            excluded: if o.include_identities {
                vec!["附件文件".into()]
            } else {
                vec![
                    "信访人身份信息（以化名代替）".into(),
                    "代表身份证号码（以化名代替）".into(),
                    "附件文件".into(),
                ]
            },
            files,
        };
        let text = serde_json::to_string_pretty(&manifest).expect("serialises");
        write_file(&part, "manifest.json", text.as_bytes())?;
        Ok((manifest, digests))
    })();
    let (manifest, digests) = match result {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&part);
            return Err(e);
        }
    };
    let final_dir = dest.join(&name);
    std::fs::rename(&part, &final_dir).map_err(|e| {
        let _ = std::fs::remove_dir_all(&part);
        Error::io(&final_dir, e)
    })?;
    // Read back from the stick: only a package that verifies is reported as done, and one that
    // does not is taken away, so no complete-looking folder is left behind.
    let read = verify(&final_dir, stamp.today()).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(&final_dir);
    })?;
    let manifest_bytes =
        std::fs::read(final_dir.join("manifest.json")).map_err(|e| Error::io(&final_dir, e))?;
    let manifest_sha256 = hex(&Sha256::digest(&manifest_bytes));
    store.write(|tx| {
        tx.execute(
            "INSERT INTO exports (at, actor, path, period_from, period_to, pseudonymised, files,
                 manifest_sha256, destination, scope, since)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                stamp.at_text(),
                stamp.actor,
                final_dir.display().to_string(),
                o.from.to_string(),
                o.to.to_string(),
                read.pseudonymised,
                read.files.len() as i64,
                manifest_sha256,
                destination,
                o.scope.code(),
                since
            ],
        )?;
        // The folder's baseline is now what this package holds (with the unchanged records it
        // left out): the next export there carries what changes after this one.
        tx.execute(
            "DELETE FROM export_baselines WHERE destination = ?1",
            [&destination],
        )?;
        let mut ins = tx.prepare(
            "INSERT INTO export_baselines (destination, book, record_id, sha256) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (book, id, digest) in &digests {
            ins.execute(params![destination, book, id, digest])?;
        }
        Ok(())
    })?;
    Ok(Exported {
        path: final_dir,
        manifest,
        manifest_sha256,
    })
}

/// A record as written: its book, id and the SHA-256 of its line.
type Written = (&'static str, i64, String);

fn baseline(conn: &Connection, destination: &str) -> Result<HashMap<(String, i64), String>> {
    let mut stmt = conn
        .prepare("SELECT book, record_id, sha256 FROM export_baselines WHERE destination = ?1")?;
    let rows = stmt
        .query_map([destination], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn refuse(message: String) -> Error {
    Error::Import(message)
}

/// A relative path of plain names, no `..`, nothing absolute: a manifest cannot point outside
/// its package.
fn safe(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./、（）".contains(c))
}

/// How many of [`DATA_BOOKS`] (the first ones) existed before a manifest listed its books.
const BOOKS_BEFORE_THE_LIST: usize = 7;

/// The books whose records a package carries, one `data/BOOK.jsonl` each (an empty book is
/// an empty file): a package without one of them is damaged, not a township with none.
pub const DATA_BOOKS: &[&str] = &[
    "deputies",
    "suggestions",
    "petitions",
    "deeds",
    "documents",
    "meetings",
    "activities",
    "sessions",
    "projects",
    "rectifications",
    "evaluations",
    "duty_reports",
    "station_rota",
];

/// One export in the office's log.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportLogEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    /// The package folder.
    pub path: String,
    /// The folder chosen (holding the package): incremental exports follow the last one here.
    pub destination: String,
    pub period_from: String,
    pub period_to: String,
    pub pseudonymised: bool,
    pub files: i64,
    pub manifest_sha256: String,
    pub scope: Scope,
    pub since: Option<String>,
}

/// Exports recorded in this office, newest first.
pub fn exports(conn: &Connection) -> Result<Vec<ExportLogEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, path, destination, period_from, period_to, pseudonymised, files,
                manifest_sha256, scope, since
         FROM exports ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(ExportLogEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                path: r.get(3)?,
                destination: r.get(4)?,
                period_from: r.get(5)?,
                period_to: r.get(6)?,
                pseudonymised: r.get(7)?,
                files: r.get(8)?,
                manifest_sha256: r.get(9)?,
                scope: Scope::from_code(&r.get::<_, String>(10)?),
                since: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A disk the app can see, for choosing where to export.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Drive {
    pub name: String,
    pub mount_point: String,
    pub removable: bool,
    pub total_bytes: u64,
    pub available_bytes: u64,
}

/// The mounted disks, removable ones (USB sticks) first. sysinfo knows which are removable on
/// Windows and Linux.
pub fn drives() -> Vec<Drive> {
    let Ok(disks) = sysinfo::Disks::new_with_refreshed_list() else {
        return Vec::new();
    };
    let mut out: Vec<Drive> = disks
        .iter()
        .map(|d| Drive {
            name: d.name().to_string_lossy().to_string(),
            mount_point: d.mount_point().display().to_string(),
            removable: d.is_removable(),
            total_bytes: d.total_space(),
            available_bytes: d.available_space(),
        })
        .filter(|d| d.total_bytes > 0)
        .collect();
    out.sort_by(|a, b| {
        b.removable
            .cmp(&a.removable)
            .then(a.mount_point.cmp(&b.mount_point))
    });
    out
}
