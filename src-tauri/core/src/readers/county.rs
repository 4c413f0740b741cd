//! County mode: export packages from many townships read into one database, each township kept
//! apart, and the figures the county asks for, per township and combined.
//!
//! A package is verified whole (`package::verify`) before anything is written; then it is read
//! in one transaction. The same package twice changes nothing; a newer one from the same township
//! replaces that township's records; an older one is refused. A package of changes (scope
//! `changes`) is merged into the township's records instead, and only on top of the export it
//! follows or a later one: a gap would leave the county with changes it never saw.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::history::{self, Action, Entity, Stamp};
use crate::package;
use crate::{Error, Result, Store};

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Imported,
    Updated,
    Unchanged,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Imported {
    pub township: String,
    pub township_id: String,
    pub outcome: Outcome,
    pub records: usize,
}

/// Verifies and imports one package.
/// Imports a township's package. A full package replaces what the county holds for that
/// township; where that would remove records the county has (a package cut short, a book
/// emptied by mistake), it is refused unless `allow_removal` says the county has looked.
pub fn import(
    store: &mut Store,
    stamp: &Stamp,
    dir: &Path,
    allow_removal: bool,
) -> Result<Imported> {
    let m = package::verify(dir, stamp.today())?;
    let manifest_bytes =
        crate::input::read_regular(&dir.join("manifest.json"), 4 * 1024 * 1024, "导出包")?;
    let sha: String = Sha256::digest(&manifest_bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let carried = m.data_books();
    let mut records: Vec<(String, i64, String)> = Vec::new();
    for f in m.files.iter().filter(|f| f.path.ends_with(".jsonl")) {
        let p = dir.join(&f.path);
        let text = crate::input::read_bounded(&p, package::MAX_FILE_BYTES, "导出包")?;
        for line in text.lines() {
            let v: Value = serde_json::from_str(line).expect("verified above");
            records.push((
                v["book"].as_str().expect("verified").to_string(),
                v["id"].as_i64().expect("verified"),
                line.to_string(),
            ));
        }
    }
    store.write(|tx| {
        let stored: Option<(String, String)> = tx
            .query_row(
                "SELECT manifest_sha256, exported_at FROM county_packages WHERE township_id = ?1",
                [&m.township_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let incremental = m.scope == package::Scope::Changes;
        let outcome = match &stored {
            Some((s, _)) if *s == sha => {
                return Ok(Imported {
                    township: m.township.clone(),
                    township_id: m.township_id.clone(),
                    outcome: Outcome::Unchanged,
                    records: 0,
                })
            }
            Some((_, at)) if *at > m.exported_at => {
                return Err(Error::conflict(
                    "package",
                    format!(
                        "{}的这个导出包（{}）比已导入的（{at}）更旧，未导入",
                        m.township, m.exported_at
                    ),
                ))
            }
            _ if incremental => {
                let since = m.since.clone().unwrap_or_default();
                match &stored {
                    Some((_, at)) if *at >= since => Outcome::Updated,
                    _ => {
                        return Err(Error::Import(format!(
                            "这是{}自 {since} 以来的变更包，县里还没有导入它接续的那次导出：\
                             请先导入该乡镇 {since} 的导出包，或请乡镇做一次完整导出",
                            m.township
                        )))
                    }
                }
            }
            Some(_) => Outcome::Updated,
            None => Outcome::Imported,
        };
        if !incremental && !allow_removal {
            let incoming: std::collections::HashSet<(&str, i64)> =
                records.iter().map(|(b, id, _)| (b.as_str(), *id)).collect();
            let mut stmt =
                tx.prepare("SELECT book, record_id FROM county_records WHERE township_id = ?1")?;
            let held: Vec<(String, i64)> = stmt
                .query_map([&m.township_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<(String, i64)>>>()?
                .into_iter()
                .filter(|(b, _)| carried.contains(b))
                .collect();
            let gone = held
                .iter()
                .filter(|(b, id)| !incoming.contains(&(b.as_str(), *id)))
                .count();
            if gone > 0 {
                return Err(Error::conflict(
                    "allow_removal",
                    format!(
                        "{}的这个导出包比县里已有的少 {gone} 条记录（共有 {} 条，包中 {} 条），导入会删除它们。\
                         请先向乡镇核实；确认无误后，勾选“允许删除记录”再导入",
                        m.township,
                        held.len(),
                        records.len()
                    ),
                ));
            }
        }
        // A package replaces the books it carries; a package of some books leaves the others.
        if !incremental {
            for book in &carried {
                tx.execute(
                    "DELETE FROM county_records WHERE township_id = ?1 AND book = ?2",
                    params![m.township_id, book],
                )?;
            }
        }
        tx.execute(
            "INSERT INTO county_packages (township_id, township, exported_at, period_from, period_to,
                 manifest_sha256, imported_at, imported_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (township_id) DO UPDATE SET township = excluded.township,
                 exported_at = excluded.exported_at, period_from = excluded.period_from,
                 period_to = excluded.period_to, manifest_sha256 = excluded.manifest_sha256,
                 imported_at = excluded.imported_at, imported_by = excluded.imported_by",
            params![
                m.township_id,
                m.township,
                m.exported_at,
                m.period_from.to_string(),
                m.period_to.to_string(),
                sha,
                stamp.at_text(),
                stamp.actor
            ],
        )?;
        let mut ins = tx.prepare(
            "INSERT INTO county_records (township_id, book, record_id, data) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (township_id, book, record_id) DO UPDATE SET data = excluded.data",
        )?;
        for (book, id, data) in &records {
            ins.execute(params![m.township_id, book, id, data])?;
        }
        let rowid: i64 = tx.query_row(
            "SELECT rowid FROM county_packages WHERE township_id = ?1",
            [&m.township_id],
            |r| r.get(0),
        )?;
        history::record(
            tx,
            stamp,
            Entity::CountyPackage,
            rowid,
            Action::Import,
            None,
            None,
            &format!(
                "导入{}{}（{} 至 {}，{} 条记录，清单 {}）",
                m.township,
                if incremental { "变更包" } else { "导出包" },
                m.period_from,
                m.period_to,
                records.len(),
                &sha[..12]
            ),
        )?;
        Ok(Imported {
            township: m.township.clone(),
            township_id: m.township_id.clone(),
            outcome,
            records: records.len(),
        })
    })
}

/// The county's figures for one township (or the total).
#[derive(Debug, Clone, Serialize, Default, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Figures {
    pub township: String,
    pub township_id: String,
    pub period: String,
    pub deputies_in_office: usize,
    pub suggestions_received: usize,
    pub suggestions_replied: usize,
    pub suggestions_closed: usize,
    /// Evaluated by the deputy (the denominator of 满意率, as in the township's own statistics).
    pub suggestions_evaluated: usize,
    /// Final evaluation 满意 or 基本满意.
    pub suggestions_satisfied: usize,
    pub petitions_received: usize,
    pub petitions_group_visits: usize,
    pub petitions_by_category: BTreeMap<String, usize>,
    pub activities: usize,
    pub voter_receptions: usize,
    pub meetings: usize,
    /// Sessions of the congress held, and attendance summed over them (present of expected): the
    /// attendance rate is `session_present / session_expected`.
    pub sessions: usize,
    pub session_expected: usize,
    pub session_present: usize,
    /// 民生实事: candidates voted, adopted, completed (完工 or 验收), and the deputies'
    /// evaluation summed (满意 and 基本满意 of all rated).
    pub projects_voted: usize,
    pub projects_adopted: usize,
    pub projects_completed: usize,
    pub project_ratings: usize,
    pub project_ratings_satisfied: usize,
    /// Supervision: inspections and law-enforcement checks the presidium organised; review
    /// opinions sent, rectified (assessed 满意/基本满意), reported on time in their first round;
    /// evaluations held, objects rated, objects below the threshold, and the ballots summed
    /// (满意 and 基本满意 of all valid); duty reports to the voters; station duty days rostered
    /// and attended.
    pub inspections: usize,
    pub rectifications_sent: usize,
    pub rectifications_rectified: usize,
    pub rectifications_on_time: usize,
    pub evaluations: usize,
    pub evaluation_objects: usize,
    pub evaluation_below_threshold: usize,
    pub evaluation_ballots: usize,
    pub evaluation_ballots_satisfied: usize,
    pub duty_reports: usize,
    pub station_duty_rostered: usize,
    pub station_duty_attended: usize,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.deputies_in_office += o.deputies_in_office;
        self.suggestions_received += o.suggestions_received;
        self.suggestions_replied += o.suggestions_replied;
        self.suggestions_closed += o.suggestions_closed;
        self.suggestions_evaluated += o.suggestions_evaluated;
        self.suggestions_satisfied += o.suggestions_satisfied;
        self.petitions_received += o.petitions_received;
        self.petitions_group_visits += o.petitions_group_visits;
        for (k, v) in &o.petitions_by_category {
            *self.petitions_by_category.entry(k.clone()).or_default() += v;
        }
        self.activities += o.activities;
        self.voter_receptions += o.voter_receptions;
        self.meetings += o.meetings;
        self.sessions += o.sessions;
        self.session_expected = self.session_expected.saturating_add(o.session_expected);
        self.session_present = self.session_present.saturating_add(o.session_present);
        self.projects_voted += o.projects_voted;
        self.projects_adopted += o.projects_adopted;
        self.projects_completed += o.projects_completed;
        self.project_ratings = self.project_ratings.saturating_add(o.project_ratings);
        self.project_ratings_satisfied = self
            .project_ratings_satisfied
            .saturating_add(o.project_ratings_satisfied);
        for (mine, theirs) in [
            (&mut self.inspections, o.inspections),
            (&mut self.rectifications_sent, o.rectifications_sent),
            (
                &mut self.rectifications_rectified,
                o.rectifications_rectified,
            ),
            (&mut self.rectifications_on_time, o.rectifications_on_time),
            (&mut self.evaluations, o.evaluations),
            (&mut self.evaluation_objects, o.evaluation_objects),
            (
                &mut self.evaluation_below_threshold,
                o.evaluation_below_threshold,
            ),
            (&mut self.evaluation_ballots, o.evaluation_ballots),
            (
                &mut self.evaluation_ballots_satisfied,
                o.evaluation_ballots_satisfied,
            ),
            (&mut self.duty_reports, o.duty_reports),
            (&mut self.station_duty_rostered, o.station_duty_rostered),
            (&mut self.station_duty_attended, o.station_duty_attended),
        ] {
            *mine = mine.saturating_add(theirs);
        }
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CountyStats {
    pub townships: Vec<Figures>,
    pub total: Figures,
}

/// Live (not voided) records of a book for a township.
fn live(conn: &Connection, township_id: &str, book: &str) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare(
        "SELECT data FROM county_records WHERE township_id = ?1 AND book = ?2 ORDER BY record_id",
    )?;
    let rows = stmt
        .query_map(params![township_id, book], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|t| serde_json::from_str::<Value>(&t).ok())
        .filter(|v| v["voided"] != true)
        .collect())
}

pub fn stats(conn: &Connection) -> Result<CountyStats> {
    let mut stmt = conn.prepare(
        "SELECT township_id, township, period_from, period_to FROM county_packages ORDER BY township, township_id",
    )?;
    let towns = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut townships = Vec::new();
    let mut total = Figures {
        township: "合计".into(),
        ..Default::default()
    };
    for (id, name, from, to) in towns {
        let sugg = live(conn, &id, "suggestions")?;
        let pets = live(conn, &id, "petitions")?;
        let acts = live(conn, &id, "activities")?;
        // A package from before the sessions book has none: counted as zero sessions.
        let held = live(conn, &id, "sessions")?;
        // A package is outside data: its counts are added without overflow, however large.
        let sum = |k: &str| -> usize {
            held.iter()
                .map(|s| usize::try_from(s[k].as_u64().unwrap_or(0)).unwrap_or(usize::MAX))
                .fold(0usize, usize::saturating_add)
        };
        let projects = live(conn, &id, "projects")?;
        let adopted: Vec<&Value> = projects
            .iter()
            .filter(|p| p["vote"]["adopted"] == true)
            .collect();
        let rated = |k: &str| -> usize {
            adopted
                .iter()
                .map(|p| {
                    usize::try_from(p["evaluation"][k].as_u64().unwrap_or(0)).unwrap_or(usize::MAX)
                })
                .fold(0usize, usize::saturating_add)
        };
        // Books a package from before supervision lacks are counted as empty.
        let opinions = live(conn, &id, "rectifications")?;
        let evaluated = live(conn, &id, "evaluations")?;
        let objects: Vec<&Value> = evaluated
            .iter()
            .flat_map(|e| e["objects"].as_array().into_iter().flatten())
            .collect();
        let ballots = |k: &str| -> usize {
            objects
                .iter()
                .map(|o| {
                    let n = |f: &str| o["ballots"][f].as_u64().unwrap_or(0);
                    let v = match k {
                        "valid" => n("valid"),
                        _ => n("good").saturating_add(n("fair")),
                    };
                    usize::try_from(v).unwrap_or(usize::MAX)
                })
                .fold(0usize, usize::saturating_add)
        };
        let rota = live(conn, &id, "station_rota")?;
        let mut by_category = BTreeMap::new();
        for p in &pets {
            *by_category
                .entry(p["category"].as_str().unwrap_or("other").to_string())
                .or_default() += 1;
        }
        let f = Figures {
            township: name,
            township_id: id.clone(),
            period: format!("{from} 至 {to}"),
            deputies_in_office: live(conn, &id, "deputies")?
                .iter()
                .filter(|d| d["status"] == "in_office")
                .count(),
            suggestions_received: sugg.len(),
            suggestions_replied: sugg.iter().filter(|s| !s["replied_on"].is_null()).count(),
            suggestions_closed: sugg.iter().filter(|s| s["state"] == "closed").count(),
            suggestions_evaluated: sugg.iter().filter(|s| !s["final_result"].is_null()).count(),
            suggestions_satisfied: sugg
                .iter()
                .filter(|s| {
                    s["final_result"] == "satisfied" || s["final_result"] == "basically_satisfied"
                })
                .count(),
            petitions_received: pets.len(),
            petitions_group_visits: pets.iter().filter(|p| p["group_visit"] == true).count(),
            petitions_by_category: by_category,
            activities: acts.len(),
            voter_receptions: acts
                .iter()
                .filter(|a| a["kind"] == "voter_reception")
                .count(),
            meetings: live(conn, &id, "meetings")?.len(),
            sessions: held.len(),
            session_expected: sum("expected"),
            session_present: sum("present"),
            projects_voted: projects.iter().filter(|p| !p["vote"].is_null()).count(),
            projects_adopted: adopted.len(),
            projects_completed: adopted
                .iter()
                .filter(|p| p["state"] == "completed" || p["state"] == "accepted")
                .count(),
            project_ratings: rated("denominator"),
            project_ratings_satisfied: rated("numerator"),
            inspections: acts
                .iter()
                .filter(|a| {
                    a["organiser"] == "presidium"
                        && (a["kind"] == "inspection" || a["kind"] == "law_enforcement_check")
                })
                .count(),
            rectifications_sent: opinions.len(),
            rectifications_rectified: opinions
                .iter()
                .filter(|r| r["state"] == "rectified")
                .count(),
            rectifications_on_time: opinions
                .iter()
                .filter(|r| {
                    !r["rounds"][0]["reported_on"].is_null()
                        && r["rounds"][0]["reported_late"] == false
                })
                .count(),
            evaluations: evaluated.len(),
            evaluation_objects: objects.len(),
            evaluation_below_threshold: objects
                .iter()
                .filter(|o| o["below_threshold"] == true)
                .count(),
            evaluation_ballots: ballots("valid"),
            evaluation_ballots_satisfied: ballots("good_and_fair"),
            duty_reports: live(conn, &id, "duty_reports")?.len(),
            station_duty_rostered: rota.len(),
            station_duty_attended: rota.iter().filter(|r| r["attendance"] == "present").count(),
        };
        total.add(&f);
        townships.push(f);
    }
    Ok(CountyStats { townships, total })
}
