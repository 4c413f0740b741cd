//! The export package for the county on real files: written under a temporary name and read back,
//! identities pseudonymised (stable across exports) unless included on purpose, every export
//! logged; and the county's check refusing a package that was tampered with, cut short, padded,
//! made by a newer version, or that points outside itself, each with its own message.

use std::path::{Path, PathBuf};

use serde_json::Value;
use taizhang_core::package::{self, ExportOptions, Manifest};
use taizhang_core::{demo, petitions, Error, Stamp, Store};
use taizhang_tests::*;

fn demo_store() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 1, today()).expect("demo");
    (dir, store)
}

fn year_options(include_identities: bool) -> ExportOptions {
    let y = chrono::Local::now().date_naive();
    ExportOptions {
        from: day(y.format("%Y").to_string().parse().unwrap(), 1, 1),
        to: day(y.format("%Y").to_string().parse().unwrap(), 12, 31),
        include_identities,
        with_pdf: false,
        scope: package::Scope::Full,
        books: None,
    }
}

fn stamp() -> Stamp {
    clerk_now()
}

fn lines(dir: &Path, book: &str) -> Vec<Value> {
    std::fs::read_to_string(dir.join(format!("data/{book}.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn all_text(dir: &Path) -> String {
    let mut s = String::new();
    for e in walk(dir) {
        if e.extension().is_some_and(|x| x == "json" || x == "jsonl") {
            s.push_str(&std::fs::read_to_string(e).unwrap());
        }
    }
    s
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn refused(dir: &Path) -> String {
    match package::verify(dir, today()) {
        Err(Error::Import(m)) => m,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn rewrite_manifest(dir: &Path, f: impl FnOnce(&mut Value)) {
    let p = dir.join("manifest.json");
    let mut m: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    f(&mut m);
    std::fs::write(&p, serde_json::to_string_pretty(&m).unwrap()).unwrap();
}

#[test]
fn a_package_holds_every_book_with_hashes_and_pseudonyms_and_is_logged() {
    let (dir, mut store) = demo_store();
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let out = package::export(&mut store, &stamp(), &stick, &year_options(false), &[]).unwrap();
    assert!(out
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("青山镇-"));
    // Only the finished folder is on the stick.
    let names: Vec<_> = std::fs::read_dir(&stick)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");

    let m: Manifest = package::verify(&out.path, today()).unwrap();
    assert_eq!(m, out.manifest);
    assert!(m.pseudonymised);
    assert_eq!(m.files.len(), 27,
        "thirteen books as JSON Lines (the seven, the sessions, the 民生实事 projects, review opinions, evaluations, duty reports, the station rota), eleven workbooks (the review-opinion ledger and the evaluations among them; duty reports and the rota have no printed book), the statistics workbook, the Popolo roster, the schema"
    );
    let petitions_file = m
        .files
        .iter()
        .find(|f| f.path == "data/petitions.jsonl")
        .unwrap();
    let rows = lines(&out.path, "petitions");
    assert_eq!(petitions_file.records, rows.len());
    assert!(!rows.is_empty());

    // No petitioner's phone or ID number is anywhere in the package, and no name in the petitions
    // (free text written by the clerk, such as a suggestion drafted from a voter's opinion, is
    // exported as written).
    let text = all_text(&out.path);
    let petitions_text = std::fs::read_to_string(out.path.join("data/petitions.jsonl")).unwrap();
    for r in &rows {
        let rec = petitions::record(store.conn(), r["id"].as_i64().unwrap()).unwrap();
        if !rec.anonymous {
            assert!(
                !petitions_text.contains(&rec.petitioner_name),
                "{} leaked",
                rec.petitioner_name
            );
            assert!(rec.phone.is_empty() || !text.contains(&rec.phone));
            if let Some(id) = rec.id_number.as_deref().filter(|i| !i.is_empty()) {
                assert!(!text.contains(id));
            }
            let p = r["petitioner"]["pseudonym"].as_str().unwrap();
            assert!(p.starts_with("P-") && p.len() == 14, "{p}");
            // A group visit's other visitors are sealed like the petitioner: nowhere in the
            // package, each replaced by a pseudonym.
            for name in &rec.co_visitors {
                assert!(!text.contains(name.as_str()), "{name} leaked");
            }
            let pseudonyms = r["petitioner"]["co_visitors"]
                .as_array()
                .map(|a| a.len())
                .unwrap_or(0);
            assert_eq!(pseudonyms, rec.co_visitors.len(), "{r}");
        }
    }
    assert!(
        rows.iter().any(|r| {
            r["petitioner"]["co_visitors"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        }),
        "the demo has a group visit that names its other visitors"
    );
    // The same petitioner gets the same pseudonym in the next export.
    let again = package::export(&mut store, &stamp(), &stick, &year_options(false), &[]).unwrap();
    assert_ne!(again.path, out.path, "a second folder, numbered");
    let second = lines(&again.path, "petitions");
    for (a, b) in rows.iter().zip(&second) {
        assert_eq!(a["id"], b["id"]);
        assert_eq!(a["petitioner"], b["petitioner"]);
    }
    assert_eq!(again.manifest.township_id, out.manifest.township_id);

    // The roster in Popolo's shape: every person a member of the congress, groups as organizations.
    let popolo: Value =
        serde_json::from_str(&std::fs::read_to_string(out.path.join("data/popolo.json")).unwrap())
            .unwrap();
    let persons = popolo["persons"].as_array().unwrap();
    assert!(!persons.is_empty());
    for p in persons {
        assert!(popolo["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["person_id"] == p["id"]
                && m["organization_id"] == "congress"
                && m["role"] == "代表"));
    }
    assert!(popolo["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["classification"] == "deputy group"));

    let log = package::exports(store.conn()).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].manifest_sha256, out.manifest_sha256);
    assert_eq!(log[0].path, again.path.display().to_string());
}

#[test]
fn identities_are_in_the_package_only_when_included_on_purpose() {
    let (dir, mut store) = demo_store();
    let out = package::export(&mut store, &stamp(), dir.path(), &year_options(true), &[]).unwrap();
    assert!(!out.manifest.pseudonymised);
    assert!(!out.manifest.excluded.iter().any(|e| e.contains("信访人")));
    let rows = lines(&out.path, "petitions");
    let named = rows
        .iter()
        .find(|r| r["petitioner"]["anonymous"] == false)
        .unwrap();
    let rec = petitions::record(store.conn(), named["id"].as_i64().unwrap()).unwrap();
    assert_eq!(named["petitioner"]["name"], rec.petitioner_name.as_str());
    let group = rows
        .iter()
        .find(|r| {
            r["petitioner"]["co_visitors"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        })
        .expect("the demo has a group visit naming its other visitors");
    let rec = petitions::record(store.conn(), group["id"].as_i64().unwrap()).unwrap();
    assert_eq!(
        group["petitioner"]["co_visitors"],
        serde_json::json!(rec.co_visitors),
        "included on purpose: the names as registered"
    );
}

#[test]
fn bad_packages_are_refused_each_with_its_own_message() {
    let (dir, mut store) = demo_store();
    let fresh = |store: &mut Store| {
        package::export(store, &stamp(), dir.path(), &year_options(false), &[])
            .unwrap()
            .path
    };

    let p = fresh(&mut store);
    let f = p.join("data/deeds.jsonl");
    let mut bytes = std::fs::read(&f).unwrap();
    bytes[10] ^= 0x01;
    std::fs::write(&f, &bytes).unwrap();
    assert!(refused(&p).contains("deeds.jsonl 的校验值与清单不符"));

    let p = fresh(&mut store);
    std::fs::remove_file(p.join("data/meetings.jsonl")).unwrap();
    assert!(refused(&p).contains("缺少文件 data/meetings.jsonl"));

    let p = fresh(&mut store);
    let f = p.join("data/suggestions.jsonl");
    let len = std::fs::metadata(&f).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&f)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    assert!(refused(&p).contains("suggestions.jsonl 的大小与清单不符"));

    let p = fresh(&mut store);
    std::fs::write(p.join("data/run.exe"), b"MZ").unwrap();
    assert!(refused(&p).contains("清单之外的文件 data/run.exe"));

    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| m["schema_version"] = 2.into());
    assert!(refused(&p).contains("版本为 2"));

    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| m["files"][0]["path"] = "../../etc/passwd".into());
    assert!(refused(&p).contains("不安全"));

    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| m["format"] = "something-else".into());
    assert!(refused(&p).contains("format 不符"));

    let p = fresh(&mut store);
    std::fs::remove_file(p.join("manifest.json")).unwrap();
    assert!(refused(&p).contains("缺少 manifest.json"));

    // A record without an id, with the hash made to match: the content check still refuses.
    let p = fresh(&mut store);
    let f = p.join("data/deeds.jsonl");
    let body = "{\"book\":\"deeds\",\"title\":\"无编号\"}\n";
    std::fs::write(&f, body).unwrap();
    let sum = {
        use sha2::Digest;
        sha2::Sha256::digest(body.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    rewrite_manifest(&p, |m| {
        for e in m["files"].as_array_mut().unwrap() {
            if e["path"] == "data/deeds.jsonl" {
                e["sha256"] = sum.clone().into();
                e["bytes"] = (body.len() as u64).into();
            }
        }
    });
    assert!(refused(&p).contains("deeds.jsonl 第 1 行不符合数据格式"));
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Makes the manifest's entry for `rel` match `bytes`, as a forger would.
fn relist(p: &Path, rel: &str, bytes: &[u8]) {
    let (sum, n) = (sha(bytes), bytes.len() as u64);
    rewrite_manifest(p, |m| {
        for e in m["files"].as_array_mut().unwrap() {
            if e["path"] == rel {
                e["sha256"] = sum.clone().into();
                e["bytes"] = n.into();
            }
        }
    });
}

#[test]
fn a_forged_package_is_refused_without_hanging_or_reading_outside_it() {
    let (dir, mut store) = demo_store();
    let fresh = |store: &mut Store| {
        package::export(store, &stamp(), dir.path(), &year_options(false), &[])
            .unwrap()
            .path
    };

    // A link to a file outside the package, with that file's hash listed: a link is never
    // followed, so /etc/passwd cannot be imported as a township's records.
    let p = fresh(&mut store);
    let target = dir.path().join("outside.jsonl");
    let body = b"{\"book\":\"deeds\",\"id\":1}\n";
    std::fs::write(&target, body).unwrap();
    std::fs::remove_file(p.join("data/deeds.jsonl")).unwrap();
    std::os::unix::fs::symlink(&target, p.join("data/deeds.jsonl")).unwrap();
    relist(&p, "data/deeds.jsonl", body);
    assert!(refused(&p).contains("链接"), "{}", refused(&p));

    // A pipe where a file should be: refused at once (the old check waited for a writer).
    let p = fresh(&mut store);
    std::fs::remove_file(p.join("data/deeds.jsonl")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(p.join("data/deeds.jsonl"))
        .status()
        .unwrap();
    assert!(made.success());
    let started = std::time::Instant::now();
    let why = refused(&p);
    assert!(why.contains("不是普通文件"), "{why}");
    assert!(
        started.elapsed().as_secs() < 10,
        "the check must not block on a pipe"
    );

    // A book's records removed and unlisted: the package would empty the county's copy.
    let p = fresh(&mut store);
    std::fs::remove_file(p.join("data/petitions.jsonl")).unwrap();
    rewrite_manifest(&p, |m| {
        m["files"]
            .as_array_mut()
            .unwrap()
            .retain(|e| e["path"] != "data/petitions.jsonl")
    });
    assert!(
        refused(&p).contains("缺少 data/petitions.jsonl"),
        "{}",
        refused(&p)
    );

    // Dates no export can carry: after it, every genuine package would look older.
    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| m["exported_at"] = "9999-12-31 23:59:00".into());
    assert!(refused(&p).contains("导出时间"), "{}", refused(&p));
    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| m["period_from"] = "2030-01-01".into());
    assert!(refused(&p).contains("期间"), "{}", refused(&p));

    // A file listed twice, an empty township id.
    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| {
        let first = m["files"][0].clone();
        m["files"].as_array_mut().unwrap().push(first)
    });
    assert!(refused(&p).contains("列了两次"), "{}", refused(&p));
    let p = fresh(&mut store);
    rewrite_manifest(&p, |m| m["township_id"] = "".into());
    assert!(refused(&p).contains("乡镇标识"), "{}", refused(&p));

    // The same id twice in a book, the hash made to match.
    let p = fresh(&mut store);
    let twice = b"{\"book\":\"deeds\",\"id\":1}\n{\"book\":\"deeds\",\"id\":1}\n";
    std::fs::write(p.join("data/deeds.jsonl"), twice).unwrap();
    relist(&p, "data/deeds.jsonl", twice);
    assert!(refused(&p).contains("重复"), "{}", refused(&p));
}

#[test]
fn a_full_package_that_would_remove_county_records_asks_first() {
    use taizhang_core::county;
    let (dir, mut store) = demo_store();
    let first = package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[])
        .unwrap()
        .path;
    let county_dir = tempfile::tempdir().unwrap();
    let mut county_db = Store::open(county_dir.path().join("county.db")).unwrap();
    county::import(&mut county_db, &stamp(), &first, false).unwrap();

    // A later package with one book's records cut to none, its manifest made consistent.
    let p = package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[])
        .unwrap()
        .path;
    std::fs::write(p.join("data/petitions.jsonl"), b"").unwrap();
    relist(&p, "data/petitions.jsonl", b"");
    rewrite_manifest(&p, |m| {
        for e in m["files"].as_array_mut().unwrap() {
            if e["path"] == "data/petitions.jsonl" {
                e["records"] = 0.into();
            }
        }
    });
    let count = |db: &Store| -> i64 {
        db.conn()
            .query_row("SELECT count(*) FROM county_records", [], |r| r.get(0))
            .unwrap()
    };
    let before = count(&county_db);
    let err = county::import(&mut county_db, &stamp(), &p, false).unwrap_err();
    assert_eq!(err.code(), "conflict", "{err}");
    assert!(
        err.to_string().contains("导入会删除"),
        "the county is told: {err}"
    );
    assert_eq!(
        count(&county_db),
        before,
        "nothing removed without the county's yes"
    );
    county::import(&mut county_db, &stamp(), &p, true).unwrap();
    assert!(
        count(&county_db) < before,
        "with the yes, the package replaces the copy"
    );
}

#[test]
fn an_export_to_a_missing_folder_writes_nothing_and_logs_nothing() {
    let (dir, mut store) = demo_store();
    let err = package::export(
        &mut store,
        &stamp(),
        &dir.path().join("no-stick"),
        &year_options(false),
        &[],
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: Some("dest"),
                ..
            }
        ),
        "{err}"
    );
    assert!(package::exports(store.conn()).unwrap().is_empty());
}

/// A township's package, exported from a demo office with its own name and seed.
fn township(name: &str, seed: u64) -> (tempfile::TempDir, Store, PathBuf) {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, seed, today()).expect("demo");
    let s = taizhang_core::settings::load(store.conn()).unwrap();
    taizhang_core::settings::save(
        &mut store,
        &stamp(),
        &taizhang_core::settings::Settings {
            township: name.into(),
            ..s
        },
    )
    .unwrap();
    let out = package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[]).unwrap();
    (dir, store, out.path)
}

#[test]
fn the_county_figures_equal_each_townships_own_and_add_up() {
    use taizhang_core::county::{self, Outcome};
    use taizhang_core::suggestions::stats::{compute, StatsQuery};
    let (_a_dir, a_store, a_pkg) = township("青山镇", 1);
    let (_b_dir, b_store, b_pkg) = township("河口乡", 2);
    let (_c_dir, mut county_db) = temp_store();

    let first = county::import(&mut county_db, &stamp(), &a_pkg, false).unwrap();
    assert_eq!(first.outcome, Outcome::Imported);
    county::import(&mut county_db, &stamp(), &b_pkg, false).unwrap();
    let before = count(&county_db, "county_records");
    let again = county::import(&mut county_db, &stamp(), &a_pkg, false).unwrap();
    assert_eq!(again.outcome, Outcome::Unchanged);
    assert_eq!(
        count(&county_db, "county_records"),
        before,
        "re-import changes nothing"
    );

    let stats = county::stats(county_db.conn()).unwrap();
    assert_eq!(stats.townships.len(), 2, "each township kept apart");
    let o = year_options(false);
    let today = chrono::Local::now().date_naive();
    for (store, name) in [(&a_store, "青山镇"), (&b_store, "河口乡")] {
        let own = compute(
            store.conn(),
            &StatsQuery {
                from: Some(o.from),
                to: Some(o.to),
                ..Default::default()
            },
            today,
        )
        .unwrap();
        let f = stats.townships.iter().find(|f| f.township == name).unwrap();
        assert_eq!(
            f.suggestions_received, own.received.count,
            "{name} received"
        );
        assert_eq!(f.suggestions_replied, own.replied.count, "{name} replied");
        assert_eq!(f.suggestions_closed, own.closed.count, "{name} closed");
        assert_eq!(
            (f.suggestions_satisfied, f.suggestions_evaluated),
            (
                own.satisfaction_rate.numerator,
                own.satisfaction_rate.denominator
            ),
            "{name} 满意率"
        );
        assert!(f.deputies_in_office > 0 && f.petitions_received > 0 && f.activities > 0);
        // The sessions the township's own book holds in the period, with their attendance.
        let held: Vec<_> = taizhang_core::entries::sessions(store.conn(), o.from, o.to, None)
            .unwrap()
            .into_iter()
            .filter(|s| !s.voided)
            .collect();
        assert!(!held.is_empty(), "{name} held sessions this year");
        assert_eq!(
            (f.sessions, f.session_expected, f.session_present),
            (
                held.len(),
                held.iter().map(|s| s.expected).sum(),
                held.iter().map(|s| s.present).sum()
            ),
            "{name} sessions and attendance"
        );
    }
    let sum = |g: fn(&county::Figures) -> usize| stats.townships.iter().map(g).sum::<usize>();
    assert_eq!(
        stats.total.suggestions_received,
        sum(|f| f.suggestions_received)
    );
    assert_eq!(
        stats.total.petitions_received,
        sum(|f| f.petitions_received)
    );
    assert_eq!(
        stats.total.deputies_in_office,
        sum(|f| f.deputies_in_office)
    );
    assert_eq!(stats.total.sessions, sum(|f| f.sessions));
    assert_eq!(stats.total.session_present, sum(|f| f.session_present));

    // A tampered package is refused with nothing imported; a newer one from a township updates it.
    let (_d_dir, mut d_store) = temp_store();
    demo::seed(&mut d_store, 3, today).unwrap();
    let d_pkg = package::export(&mut d_store, &stamp(), _d_dir.path(), &o, &[])
        .unwrap()
        .path;
    let f = d_pkg.join("data/petitions.jsonl");
    let mut bytes = std::fs::read(&f).unwrap();
    bytes[3] ^= 1;
    std::fs::write(&f, bytes).unwrap();
    let records = count(&county_db, "county_records");
    assert!(county::import(&mut county_db, &stamp(), &d_pkg, false).is_err());
    assert_eq!(count(&county_db, "county_records"), records);
    assert_eq!(county::stats(county_db.conn()).unwrap().townships.len(), 2);

    let mut a_store = a_store;
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let newer = package::export(&mut a_store, &stamp(), _a_dir.path(), &o, &[])
        .unwrap()
        .path;
    assert_eq!(
        county::import(&mut county_db, &stamp(), &newer, false)
            .unwrap()
            .outcome,
        Outcome::Updated
    );
    assert_eq!(county::stats(county_db.conn()).unwrap().townships.len(), 2);
    // The older one after the newer: refused.
    let err = county::import(&mut county_db, &stamp(), &a_pkg, false).unwrap_err();
    assert!(err.to_string().contains("更旧"), "{err}");
}

fn changes_options() -> ExportOptions {
    ExportOptions {
        scope: package::Scope::Changes,
        books: None,
        ..year_options(false)
    }
}

fn records_in(m: &Manifest) -> usize {
    m.files
        .iter()
        .filter(|f| f.path.ends_with(".jsonl"))
        .map(|f| f.records)
        .sum()
}

#[test]
fn a_package_of_changes_carries_only_what_changed_and_the_county_merges_it() {
    use taizhang_core::county::{self, Outcome};
    let (dir, mut store) = demo_store();
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();

    // Changes to a folder never exported to: nothing to compare with, nothing written.
    let err = package::export(&mut store, &stamp(), &stick, &changes_options(), &[]).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Validation {
                field: Some("scope"),
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&stick).unwrap().count(), 0);

    let full = package::export(&mut store, &stamp(), &stick, &year_options(false), &[]).unwrap();
    assert_eq!(full.manifest.scope, package::Scope::Full);
    let in_full = records_in(&full.manifest);
    assert!(in_full > 100, "{in_full}");

    // Nothing changed since: an empty package of changes, following the full one.
    let none = package::export(&mut store, &stamp(), &stick, &changes_options(), &[]).unwrap();
    assert_eq!(none.manifest.scope, package::Scope::Changes);
    assert_eq!(
        none.manifest.since.as_deref(),
        Some(full.manifest.exported_at.as_str())
    );
    assert_eq!(records_in(&none.manifest), 0);

    // Void one suggestion: the next package of changes carries that one record.
    let first = lines(&full.path, "suggestions")
        .into_iter()
        .find(|s| s["voided"] == false)
        .unwrap();
    let id = first["id"].as_i64().unwrap();
    taizhang_core::suggestions::void(&mut store, &stamp(), id, "重复登记").unwrap();
    let one = package::export(&mut store, &stamp(), &stick, &changes_options(), &[]).unwrap();
    assert_eq!(records_in(&one.manifest), 1);
    let changed = lines(&one.path, "suggestions");
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["id"], id);
    assert_eq!(changed[0]["voided"], true);
    assert_eq!(
        one.manifest.since.as_deref(),
        Some(none.manifest.exported_at.as_str()),
        "each follows the last export to the folder"
    );
    let log = package::exports(store.conn()).unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].scope, package::Scope::Changes);
    assert_eq!(
        log[0].destination,
        stick.canonicalize().unwrap().display().to_string()
    );

    // The county: a package of changes without the export it follows is refused, nothing kept.
    let (_c, mut alone) = temp_store();
    let err = county::import(&mut alone, &stamp(), &one.path, false).unwrap_err();
    assert!(err.to_string().contains("变更包"), "{err}");
    assert_eq!(count(&alone, "county_records"), 0);
    assert_eq!(count(&alone, "county_packages"), 0);

    // Full, then the two packages of changes, equals a fresh full export of the same office.
    let (_m, mut merged) = temp_store();
    county::import(&mut merged, &stamp(), &full.path, false).unwrap();
    county::import(&mut merged, &stamp(), &none.path, false).unwrap();
    let r = county::import(&mut merged, &stamp(), &one.path, false).unwrap();
    assert_eq!((r.outcome, r.records), (Outcome::Updated, 1));
    let elsewhere = dir.path().join("other");
    std::fs::create_dir(&elsewhere).unwrap();
    let fresh =
        package::export(&mut store, &stamp(), &elsewhere, &year_options(false), &[]).unwrap();
    let (_f, mut whole) = temp_store();
    county::import(&mut whole, &stamp(), &fresh.path, false).unwrap();
    let records = |s: &Store| -> Vec<(String, i64, String)> {
        let mut st = s
            .conn()
            .prepare("SELECT book, record_id, data FROM county_records ORDER BY book, record_id")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(records(&merged), records(&whole));
    let figures = |s: &Store| {
        let mut v = serde_json::to_value(county::stats(s.conn()).unwrap()).unwrap();
        v["townships"][0]["period"] = Value::Null;
        v["total"]["period"] = Value::Null;
        v
    };
    assert_eq!(figures(&merged), figures(&whole));
    // Voiding one suggestion shows in the county's figures.
    let full_only = {
        let (_x, mut s) = temp_store();
        county::import(&mut s, &stamp(), &full.path, false).unwrap();
        county::stats(s.conn()).unwrap().total.suggestions_received
    };
    assert_eq!(
        county::stats(merged.conn())
            .unwrap()
            .total
            .suggestions_received
            + 1,
        full_only
    );
}

/// A text stored before the field limits existed (a 40,000-character 领导批示) once made every
/// export fail with Excel's limit; it is cut in its cell with a note, whole in the data file.
#[test]
fn an_over_long_stored_text_never_blocks_an_export() {
    let (dir, mut store) = demo_store();
    let long = "批".repeat(40_000);
    let id: i64 = store
        .conn()
        .query_row("SELECT max(id) FROM documents", [], |r| r.get(0))
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE documents SET instruction = ?1 WHERE id = ?2",
            rusqlite::params![long, id],
        )
        .unwrap();
    let out = package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[])
        .expect("the export succeeds");
    let whole = lines(&out.path, "documents")
        .into_iter()
        .any(|v| v.to_string().contains(&long));
    assert!(whole, "the data file keeps the full text");
    assert!(package::verify(&out.path, today()).is_ok());
    let cut = taizhang_core::package::workbooks::fit(&long);
    assert!(
        cut.chars().count() < 32_767 && cut.contains("原文 40000 字"),
        "{}",
        cut.len()
    );
}

/// A voter's name copied by the clerk into a suggestion made from an opinion leaves in no
/// pseudonymised package, neither in the data files nor in the workbooks.
#[test]
fn an_identity_copied_into_another_text_is_pseudonymised_too() {
    use taizhang_core::activities;
    let (dir, mut store) = demo_store();
    let year = today().format("%Y").to_string();
    let opinion: i64 = store
        .conn()
        .query_row(
            "SELECT o.id FROM activity_opinions o JOIN group_activities a ON a.id = o.activity_id
             WHERE a.voided_at IS NULL AND o.suggestion_id IS NULL AND o.petition_id IS NULL
               AND a.date LIKE ?1 || '%' ORDER BY a.date LIMIT 1",
            [&year],
            |r| r.get(0),
        )
        .expect("the demo has an open opinion this year");
    store
        .conn()
        .execute(
            "UPDATE activity_opinions SET source = '诸葛选民' WHERE id = ?1",
            [opinion],
        )
        .unwrap();
    let draft = activities::suggestion_draft(store.conn(), opinion).unwrap();
    assert!(
        draft.content.contains("诸葛选民"),
        "the draft copies the source"
    );
    activities::to_suggestion(&mut store, &stamp(), opinion, &draft).unwrap();

    let out = package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[]).unwrap();
    assert!(
        !all_text(&out.path).contains("诸葛选民"),
        "no data file carries the voter's name"
    );
    for x in walk(&out.path)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
    {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&x).unwrap()).unwrap();
        for i in 0..z.len() {
            let mut part = z.by_index(i).unwrap();
            let mut s = String::new();
            use std::io::Read;
            let _ = part.read_to_string(&mut s);
            assert!(
                !s.contains("诸葛选民"),
                "{} carries the voter's name",
                x.display()
            );
        }
    }
    // With identities included on purpose, the name is there.
    let with = package::export(&mut store, &stamp(), dir.path(), &year_options(true), &[]).unwrap();
    assert!(all_text(&with.path).contains("诸葛选民"));
}

/// The petitioner's own name, phone and ID number typed into the free text of the entry
/// leave in no pseudonymised package (issue: the manifest said identities were replaced).
#[test]
fn a_petitioners_identity_typed_into_free_text_is_replaced() {
    let (dir, mut store) = demo_store();
    let year = today().format("%Y").to_string();
    let (id, name, phone): (i64, String, String) = store
        .conn()
        .query_row(
            "SELECT id, petitioner_name, phone FROM petitions
              WHERE NOT anonymous AND voided_at IS NULL AND length(petitioner_name) >= 2
                AND length(phone) >= 7 AND received_at LIKE ?1 || '%'
                AND petitioner_name NOT IN (SELECT name FROM deputies) LIMIT 1",
            [&year],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE petitions SET facts = ?2, proposed_handling = ?3 WHERE id = ?1",
            rusqlite::params![
                id,
                format!("{name}反映村道损坏，联系电话{phone}"),
                format!("请与{name}联系")
            ],
        )
        .unwrap();
    let out = package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[]).unwrap();
    let text = all_text(&out.path);
    assert!(
        !text.contains(&name),
        "the name typed into the facts is replaced"
    );
    assert!(!text.contains(&phone), "so is the phone");
}

/// The county asks for the roster and the statistics only: the package carries those, its
/// manifest says which books, the check requires exactly them, and the county's import
/// replaces those books and leaves the others it holds.
#[test]
fn a_package_of_chosen_books_carries_them_and_replaces_only_them() {
    use taizhang_core::county;
    let (dir, mut store) = demo_store();
    let full =
        package::export(&mut store, &stamp(), dir.path(), &year_options(false), &[]).unwrap();
    let some = ExportOptions {
        books: Some(vec!["deputies".into(), "statistics".into()]),
        ..year_options(false)
    };
    let out = package::export(&mut store, &stamp(), dir.path(), &some, &[]).unwrap();
    assert_eq!(out.manifest.books, Some(vec!["deputies".to_string()]));
    let names: Vec<String> = out.manifest.files.iter().map(|f| f.path.clone()).collect();
    assert!(
        names.contains(&"data/deputies.jsonl".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"表格/统计表.xlsx".to_string()), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n == "data/petitions.jsonl" || n.contains("来信来访")),
        "no other book goes in: {names:?}"
    );
    assert!(package::verify(&out.path, today()).is_ok());

    let county_dir = tempfile::tempdir().unwrap();
    let mut county_db = Store::open(county_dir.path().join("county.db")).unwrap();
    county::import(&mut county_db, &stamp(), &full.path, false).unwrap();
    let held = |db: &Store, book: &str| -> i64 {
        db.conn()
            .query_row(
                "SELECT count(*) FROM county_records WHERE book = ?1",
                [book],
                |r| r.get(0),
            )
            .unwrap()
    };
    let petitions_before = held(&county_db, "petitions");
    assert!(petitions_before > 0);
    county::import(&mut county_db, &stamp(), &out.path, false).unwrap();
    assert_eq!(
        held(&county_db, "petitions"),
        petitions_before,
        "a package of the roster leaves the county's petitions as they were"
    );

    // A records file the manifest does not declare is refused.
    let p = package::export(&mut store, &stamp(), dir.path(), &some, &[])
        .unwrap()
        .path;
    let body = b"{\"book\":\"petitions\",\"id\":1}\n";
    std::fs::write(p.join("data/petitions.jsonl"), body).unwrap();
    rewrite_manifest(&p, |m| {
        m["files"].as_array_mut().unwrap().push(serde_json::json!({
            "path": "data/petitions.jsonl", "sha256": sha(body), "bytes": body.len(), "records": 1
        }))
    });
    assert!(refused(&p).contains("没有说包含"), "{}", refused(&p));

    // An unknown book is refused before anything is written.
    let bad = ExportOptions {
        books: Some(vec!["everything".into()]),
        ..year_options(false)
    };
    let e = package::export(&mut store, &stamp(), dir.path(), &bad, &[]).unwrap_err();
    assert_eq!(e.field(), Some("books"), "{e}");
}

#[test]
fn a_packages_huge_counts_are_summed_without_overflow() {
    use taizhang_core::county;
    // A township's package is outside data: its records pass the check whatever their counts
    // (the hashes are made to match), and the county's figures must still come out.
    let (_a, _store, pkg) = township("青山镇", 1);
    let rel = "data/sessions.jsonl";
    let text = std::fs::read_to_string(pkg.join(rel)).unwrap();
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v["expected"] = u64::MAX.into();
            v["present"] = u64::MAX.into();
            v.to_string()
        })
        .collect();
    assert!(!lines.is_empty(), "the demo holds a session in the year");
    // a second record (a new id) so that the sum of two such counts would overflow
    let mut twin: Value = serde_json::from_str(&lines[0]).unwrap();
    twin["id"] = 999_999.into();
    let mut lines = lines;
    lines.push(twin.to_string());
    let body = lines.join("\n") + "\n";
    std::fs::write(pkg.join(rel), &body).unwrap();
    relist(&pkg, rel, body.as_bytes());
    let n = lines.len();
    rewrite_manifest(&pkg, |m| {
        for e in m["files"].as_array_mut().unwrap() {
            if e["path"] == rel {
                e["records"] = n.into();
            }
        }
    });
    let (_c, mut county_db) = temp_store();
    county::import(&mut county_db, &stamp(), &pkg, false).unwrap();
    let stats = county::stats(county_db.conn()).unwrap();
    assert_eq!(
        stats.townships[0].session_expected,
        usize::MAX,
        "saturated, not wrapped"
    );
    assert_eq!(stats.total.session_present, usize::MAX);
}
