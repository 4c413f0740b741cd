//! Identities copied into other texts. A pseudonymised package replaces a petitioner's name and
//! a voter's name where they are stored, but the clerk copies them too: a suggestion made from
//! a voter's opinion carries "反映人：诸葛选民" in its content. Every text of a pseudonymised
//! package passes through [`Redactor::text`], which replaces each identity the office holds,
//! wherever it stands, with the same pseudonym the identity gets where it is stored.

use aho_corasick::{AhoCorasick, MatchKind};
use rusqlite::Connection;
use serde_json::Value;
use std::collections::HashSet;

use crate::Result;

pub struct Redactor {
    finder: Option<AhoCorasick>,
    pseudonyms: Vec<String>,
}

impl Redactor {
    /// Nothing to replace (a package with identities, on purpose).
    pub fn none() -> Redactor {
        Redactor {
            finder: None,
            pseudonyms: Vec::new(),
        }
    }

    /// Every identity the office holds: petitioners' names, phones, addresses and ID numbers,
    /// voters' names on opinions, deputies' ID numbers. A name that is also a deputy's (public,
    /// on every printout) is left, and so is anything under two characters.
    pub fn for_office(
        conn: &Connection,
        pseudonym: impl Fn(&str, &str) -> String,
    ) -> Result<Redactor> {
        let public: HashSet<String> = query(conn, "SELECT name FROM deputies")?
            .into_iter()
            .collect();
        let mut found: Vec<(String, String)> = Vec::new();
        let mut add = |kind: &str, values: Vec<String>| {
            for v in values {
                let v = v.trim().to_string();
                if v.chars().count() >= 2 && !public.contains(&v) {
                    found.push((pseudonym(kind, &v), v));
                }
            }
        };
        add("S", query(conn, "SELECT source FROM activity_opinions")?);
        add(
            "P",
            query(
                conn,
                "SELECT petitioner_name FROM petitions WHERE NOT anonymous",
            )?,
        );
        add(
            "P",
            query(
                conn,
                "SELECT v.value FROM petitions p, json_each(p.co_visitors) v WHERE NOT p.anonymous",
            )?,
        );
        add(
            "T",
            query(conn, "SELECT phone FROM petitions WHERE NOT anonymous")?,
        );
        add(
            "A",
            query(conn, "SELECT address FROM petitions WHERE NOT anonymous")?,
        );
        add(
            "I",
            query(conn, "SELECT id_number FROM petitions WHERE NOT anonymous")?,
        );
        add("I", query(conn, "SELECT id_number FROM deputies")?);
        found.sort_by(|a, b| a.1.cmp(&b.1));
        found.dedup_by(|a, b| a.1 == b.1);
        if found.is_empty() {
            return Ok(Redactor::none());
        }
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(found.iter().map(|(_, v)| v))
            .map_err(|e| crate::Error::Import(format!("无法建立身份信息替换表：{e}")))?;
        Ok(Redactor {
            finder: Some(finder),
            pseudonyms: found.into_iter().map(|(p, _)| p).collect(),
        })
    }

    /// `text` with every identity replaced by its pseudonym.
    pub fn text(&self, text: &str) -> String {
        match &self.finder {
            Some(f) => f.replace_all(text, &self.pseudonyms),
            None => text.to_string(),
        }
    }

    /// Every string inside a record, redacted in place.
    pub fn value(&self, v: &mut Value) {
        if self.finder.is_none() {
            return;
        }
        match v {
            Value::String(s) => *s = self.text(s),
            Value::Array(items) => items.iter_mut().for_each(|i| self.value(i)),
            Value::Object(map) => map.values_mut().for_each(|i| self.value(i)),
            _ => {}
        }
    }
}

/// The non-empty texts of one column (a table missing in an old schema gives none).
fn query(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, Option<String>>(0))?;
    let mut out = Vec::new();
    for r in rows {
        if let Some(s) = r?.filter(|s| !s.trim().is_empty()) {
            out.push(s);
        }
    }
    Ok(out)
}
