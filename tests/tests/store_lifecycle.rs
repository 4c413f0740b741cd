//! The database file over its life: upgrades from every earlier schema with data in it, backups
//! (automatic, rotated, before a migration, before a restore) and a restore that is tested.

use rusqlite::Connection;
use taizhang_core::store::{migrate_to, user_version, SCHEMA_VERSION};
use taizhang_core::{backup, demo, settings, Store};
use taizhang_tests::*;

/// Rows that are valid at each schema version: what an office on that version would have.
/// Index = the version the rows are written at. Add one when a migration is added.
const DATA_AT_VERSION: &[&str] = &[
    // 0: an empty file.
    "",
    // 1: settings and history only.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');",
    // 2: the roster schema; a liaison station the casework schema must leave alone.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO liaison_stations (name, address) VALUES ('旧联络站', '老街1号');",
    // 3: casework; a handling unit the document register must leave alone.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO handling_units (name) VALUES ('旧承办单位');",
    // 4: the document register.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO documents (direction, year, seq, number, date, title, classification, urgency)
       VALUES ('received', 2024, 1, '收文〔2024〕第1号', '2024-01-05', '旧文件', 'public', 'normal');",
    // 5: the deeds book; a deed the meeting and activity books must leave alone.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO deeds (year, seq, number, date, category, title)
       VALUES (2019, 1, '事迹〔2019〕第1号', '2019-05-01', 'other', '旧事迹');",
    // 6: before the printout log; 007 copies the history table into one that allows 'print', so
    // the one history row here has an id, before/after and a note that must come through intact.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (id, entity, entity_id, action, actor, at, before, after, note)
       VALUES (41, 'petition', 7, 'reveal', '老秘书', '2020-01-02 09:00:00', '{\"a\":1}', '{\"a\":2}', '查看身份信息：复查');",
    // 7: a printout logged, before the export log.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('suggestion', 3, 'print', '老秘书', '2020-01-02 09:00:00', '打印代表建议交办单');
     INSERT INTO printouts (at, actor, what, target, archival, pages, sha256)
       VALUES ('2020-01-02 09:00:00', '老秘书', '代表建议交办单', '{}', 0, 1, 'ab');",
    // 8: an export logged, before county mode.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO exports (at, actor, path, period_from, period_to, pseudonymised, files, manifest_sha256)
       VALUES ('2020-01-02 09:00:00', '老秘书', '/media/u/旧镇-20200102-01', '2019-01-01', '2019-12-31', 1, 8, 'ab');",
    // 9: a township's package imported in county mode, before incremental exports.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO exports (at, actor, path, period_from, period_to, pseudonymised, files, manifest_sha256)
       VALUES ('2020-01-02 09:00:00', '老秘书', '/media/u/旧镇-20200102-01', '2019-01-01', '2019-12-31', 1, 8, 'ab');
     INSERT INTO county_packages (township_id, township, exported_at, period_from, period_to, manifest_sha256, imported_at, imported_by)
       VALUES ('T-1', '旧镇', '2020-01-02 09:00:00', '2019-01-01', '2019-12-31', 'ab', '2020-01-03 09:00:00', '县人大');
     INSERT INTO county_records (township_id, book, record_id, data) VALUES ('T-1', 'suggestions', 1, '{\"book\":\"suggestions\",\"id\":1}');",
    // 10: an export of changes logged, before a status event's effects were recorded.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO exports (at, actor, path, destination, period_from, period_to, pseudonymised, files, manifest_sha256, scope, since)
       VALUES ('2020-01-02 09:00:00', '老秘书', '/media/u/旧镇-20200102-01', '/media/u', '2019-01-01', '2019-12-31', 1, 8, 'ab', 'changes', '2019-12-01 09:00:00');",
    // 11: a group visit registered before its other visitors could be named.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO petitions (year, seq, number, channel, received_at, petitioner_name, people_count, request, category, profile)
       VALUES (2020, 1, '信访〔2020〕第1号', 'visit', '2020-01-02 09:00', '赵老汉', 6, '旧的集体访', 'construction', 'national@1');",
    // 12: before the sessions book; a term the sessions will be numbered in.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO terms (number, start_date, end_date) VALUES (5, '1998-01-01', '2002-12-31');",
    // 13: a session recorded before the 民生实事 book; the projects voted there come later.
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO terms (id, number, start_date, end_date) VALUES (7, 5, '1998-01-01', '2002-12-31');
     INSERT INTO congress_sessions (term_id, seq, number, kind, first_day, last_day)
       VALUES (7, 1, '第五届人民代表大会第一次会议', 'regular', '1998-03-10', '1998-03-11');",
    // 14: a group activity with its attendance, an opinion turned into nothing yet and a
    // project's inspection pointing at it, before activities could be organised by the
    // presidium (the table is rebuilt: every row and every reference to it must survive).
    "INSERT INTO settings (key, value) VALUES ('township', '旧镇'), ('operator', '老秘书');
     INSERT INTO history (entity, entity_id, action, actor, at, note) VALUES ('settings', 0, 'update', '老秘书', '2020-01-02 09:00:00', '');
     INSERT INTO terms (id, number, start_date, end_date) VALUES (7, 5, '1998-01-01', '2002-12-31');
     INSERT INTO deputy_groups (id, name) VALUES (3, '东片小组');
     INSERT INTO deputies (id, term_id, name, sex, ethnicity, political_status, occupation, group_id, levels, elected_on, elected_how)
       VALUES (11, 7, '钱代表', 'male', '01', 'masses', 'farmer', 3, 'township', '1998-01-01', 'general_election');
     INSERT INTO group_activities (id, year, seq, number, group_id, kind, date, theme)
       VALUES (21, 1999, 4, '活动〔1999〕第4号', 3, 'inspection', '1999-05-06', '视察村道');
     INSERT INTO activity_attendance (activity_id, deputy_id, attendance, reason) VALUES (21, 11, 'excused', '外出');
     INSERT INTO activity_opinions (activity_id, seq, source, content) VALUES (21, 1, '某村村民', '修路');
     INSERT INTO livelihood_projects (id, year, seq, number, title, source) VALUES (5, 1999, 1, '民生实事〔1999〕第1号', '村道硬化', 'voters');
     INSERT INTO project_reports (project_id, date, kind, text, activity_id, actor, at)
       VALUES (5, '1999-05-06', 'inspection', '视察', 21, '老秘书', '1999-05-06 10:00:00');",
];

#[test]
fn every_earlier_schema_with_data_migrates_to_the_latest_keeping_the_data() {
    assert_eq!(
        DATA_AT_VERSION.len() as i64,
        SCHEMA_VERSION,
        "add the data of the newest earlier version here"
    );
    for from in 0..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("taizhang.db");
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, from as usize).unwrap();
        conn.execute_batch(DATA_AT_VERSION[from as usize]).unwrap();
        drop(conn);

        let store = Store::open(&path).unwrap();
        assert_eq!(
            user_version(store.conn()).unwrap(),
            SCHEMA_VERSION,
            "from v{from}"
        );
        let report = store.open_report().clone();
        assert_eq!(report.from_version, from);
        if from >= 1 {
            let s = settings::load(store.conn()).unwrap();
            assert_eq!(
                (s.township.as_str(), s.operator.as_str()),
                ("旧镇", "老秘书"),
                "settings survive v{from}"
            );
            assert_eq!(
                taizhang_core::registry::history(store.conn(), None, None, 1, 10)
                    .unwrap()
                    .total,
                1,
                "history survives v{from}"
            );
            // The copy taken before migrating is the old file, readable, at the old version.
            let b = report
                .backup
                .expect("a backup before migrating existing data");
            let old = Connection::open(&b).unwrap();
            assert_eq!(user_version(&old).unwrap(), from);
            let township: String = old
                .query_row(
                    "SELECT value FROM settings WHERE key = 'township'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(township, "旧镇");
        } else {
            assert!(report.backup.is_none(), "a new file has nothing to back up");
        }
        if from == 6 {
            let row: (i64, String, String, String, String) = store
                .conn()
                .query_row(
                    "SELECT id, action, before, after, note FROM history WHERE entity = 'petition'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .unwrap();
            assert_eq!(
                row,
                (
                    41,
                    "reveal".into(),
                    r#"{"a":1}"#.into(),
                    r#"{"a":2}"#.into(),
                    "查看身份信息：复查".into()
                )
            );
            // The copied table is still append-only.
            assert!(store
                .conn()
                .execute("DELETE FROM history WHERE id = 41", [])
                .is_err());
        }
        if from == 8 || from == 9 {
            // An earlier export's folder is recovered from its path, as a full export.
            let row: (String, String) = store
                .conn()
                .query_row("SELECT destination, scope FROM exports", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .unwrap();
            assert_eq!(row, ("/media/u".into(), "full".into()));
            assert!(store
                .conn()
                .execute("UPDATE exports SET files = 0", [])
                .is_err());
        }
        if from == 11 {
            // The group visit reads with no other visitors named, its petitioner intact.
            let id: i64 = store
                .conn()
                .query_row("SELECT id FROM petitions", [], |r| r.get(0))
                .unwrap();
            let rec = taizhang_core::petitions::record(store.conn(), id).unwrap();
            assert_eq!(
                (rec.petitioner_name.as_str(), rec.co_visitors.len()),
                ("赵老汉", 0)
            );
        }
        if from == 12 {
            // The term is kept and its sessions book starts empty, numbered from one.
            let n: i64 = store
                .conn()
                .query_row("SELECT count(*) FROM congress_sessions", [], |r| r.get(0))
                .unwrap();
            let t: i64 = store
                .conn()
                .query_row("SELECT number FROM terms", [], |r| r.get(0))
                .unwrap();
            assert_eq!((n, t), (0, 5));
        }
        if from == 13 {
            let s = taizhang_core::sessions::list(store.conn(), &Default::default()).unwrap();
            assert_eq!(s.items.len(), 1, "the session is kept");
            let n: i64 = store
                .conn()
                .query_row("SELECT count(*) FROM livelihood_projects", [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0);
        }
        if from == 14 {
            // The rebuilt activities table keeps the activity's id, number, group and values,
            // organised by its group; attendance, opinion and the project's reference still
            // point at it, and it is still never deleted.
            let a = taizhang_core::activities::get(store.conn(), 21).unwrap();
            assert_eq!(
                (a.number.as_str(), a.group_id, a.theme.as_str(), a.excused),
                ("活动〔1999〕第4号", Some(3), "视察村道", 1)
            );
            assert_eq!(a.organiser, taizhang_core::vocab::Organiser::Group);
            assert_eq!(a.opinions.len(), 1);
            assert_eq!(a.members[0].reason, "外出");
            let linked: i64 = store
                .conn()
                .query_row(
                    "SELECT activity_id FROM project_reports WHERE project_id = 5",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(linked, 21);
            assert!(store
                .conn()
                .execute("DELETE FROM group_activities WHERE id = 21", [])
                .is_err());
        }
        // And the upgraded file works: the demo fills one without deputies (it refuses a
        // roster it would mix with), and every file passes the integrity check.
        let mut store = store;
        if count(&store, "deputies") == 0 {
            demo::seed(&mut store, 1, today()).unwrap();
        }
        assert!(backup::verify(&store).unwrap().ok);
    }
}

#[test]
fn restore_brings_back_the_backup_and_keeps_a_copy_of_what_it_replaced() {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let s = clerk(day(2026, 6, 1));
    let b = backup::backup_now(&store, &s).unwrap();
    let before = count(&store, "deputies");
    let first: i64 = store
        .conn()
        .query_row("SELECT min(id) FROM deputies", [], |r| r.get(0))
        .unwrap();
    taizhang_core::roster::deputy::void(&mut store, &s, first, "误操作").unwrap();
    settings::save(
        &mut store,
        &s,
        &settings::Settings {
            township: "改错了".into(),
            operator: "办公室".into(),
            county_mode: false,
        },
    )
    .unwrap();

    let later = clerk(day(2026, 6, 2));
    let safety = backup::restore(&mut store, std::path::Path::new(&b.path), &later).unwrap();
    assert_eq!(settings::load(store.conn()).unwrap().township, "青山镇");
    let voided: Option<String> = store
        .conn()
        .query_row(
            "SELECT voided_at FROM deputies WHERE id = ?1",
            [first],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(voided, None, "the void after the backup is undone");
    assert_eq!(count(&store, "deputies"), before);
    // The replaced state is kept and restorable too.
    let safety_conn = Connection::open(&safety.path).unwrap();
    let t: String = safety_conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'township'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(t, "改错了");
    // Reopening the file after a restore sees the restored data.
    drop(store);
    let store = Store::open(dir.path().join("taizhang.db")).unwrap();
    assert_eq!(settings::load(store.conn()).unwrap().township, "青山镇");
}

#[test]
fn restore_refuses_files_that_are_not_backups_and_changes_nothing() {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let s = clerk(day(2026, 6, 1));
    let n = count(&store, "deputies");
    let not_db = dir.path().join("not.db");
    std::fs::write(&not_db, "hello").unwrap();
    let empty_db = dir.path().join("empty.db");
    Connection::open(&empty_db)
        .unwrap()
        .execute_batch("CREATE TABLE x (a)")
        .unwrap();
    let newer = dir.path().join("newer.db");
    backup::copy_database(store.conn(), &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    for (file, code) in [
        (&not_db, "import"),
        (&empty_db, "import"),
        (&newer, "schema_too_new"),
        (&dir.path().join("missing.db"), "import"),
    ] {
        let e = backup::restore(&mut store, file, &s).unwrap_err();
        assert_eq!(e.code(), code, "{}: {e}", file.display());
    }
    assert_eq!(count(&store, "deputies"), n);
    assert!(backup::verify(&store).unwrap().ok);
}

#[test]
fn automatic_backups_run_once_a_day_and_keep_the_newest() {
    let (_dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let total = backup::KEEP_AUTOMATIC + 5;
    for i in 0..total {
        let d = day(2026, 1, 1) + chrono::Duration::days(i as i64);
        assert!(
            backup::automatic(&store, &clerk(d)).unwrap().is_some(),
            "first start of day {i} backs up"
        );
        assert!(
            backup::automatic(&store, &clerk(d)).unwrap().is_none(),
            "a second start that day does not"
        );
    }
    let autos: Vec<String> = backup::list(&store)
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .filter(|p| p.contains("auto-"))
        .collect();
    assert_eq!(autos.len(), backup::KEEP_AUTOMATIC);
    assert!(
        autos.iter().any(|p| p.contains("auto-20260119")),
        "the newest is kept"
    );
    assert!(
        !autos.iter().any(|p| p.contains("auto-20260101")),
        "the oldest is gone"
    );
    let manual = backup::backup_now(&store, &clerk(day(2026, 2, 1))).unwrap();
    assert!(std::path::Path::new(&manual.path).exists());
    backup::check_backup_file(std::path::Path::new(&manual.path)).unwrap();
}

#[test]
fn another_programs_database_or_a_broken_backup_is_refused_and_the_data_keeps_working() {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let s = clerk(day(2026, 6, 1));
    let n = count(&store, "petitions");

    // Another program's file: it has a `history` table and a plausible user_version, which
    // the old check took for a backup (and every later command then failed).
    let alien = dir.path().join("alien.db");
    let c = Connection::open(&alien).unwrap();
    c.execute_batch(
        "CREATE TABLE history (id INTEGER PRIMARY KEY, what TEXT); PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(c);
    // Our own backup with one book's table dropped.
    let dropped = dir.path().join("dropped.db");
    backup::copy_database(store.conn(), &dropped).unwrap();
    let c = Connection::open(&dropped).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF; DROP TABLE petition_links;")
        .unwrap();
    drop(c);
    // A file marked as another application's.
    let foreign = dir.path().join("foreign.db");
    backup::copy_database(store.conn(), &foreign).unwrap();
    Connection::open(&foreign)
        .unwrap()
        .pragma_update(None, "application_id", 0x1234_5678)
        .unwrap();

    for file in [&alien, &dropped, &foreign] {
        let e = backup::restore(&mut store, file, &s).unwrap_err();
        assert_eq!(e.code(), "import", "{}: {e}", file.display());
        assert!(
            backup::contents(file).is_err(),
            "nor is it described as a backup"
        );
    }
    assert_eq!(count(&store, "petitions"), n, "nothing was replaced");
    assert!(backup::verify(&store).unwrap().ok);
    // The books still work after the refusals.
    let page = taizhang_core::petitions::list(store.conn(), &Default::default(), today()).unwrap();
    assert!(page.total > 0);
}

#[test]
fn a_database_too_damaged_to_open_is_restored_from_a_good_backup() {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let good = backup::backup_now(&store, &clerk(day(2026, 6, 1))).unwrap();
    let n = count(&store, "suggestions");
    let db = dir.path().join("taizhang.db");
    drop(store);
    // Several kinds of damage to the header, each of which makes opening fail.
    for (at, bytes) in [
        (0usize, &b"garbage garbage!"[..]),
        (16, &[0u8, 0][..]),
        (28, &[0xff; 4][..]),
    ] {
        let mut raw = std::fs::read(&db).unwrap();
        raw[at..at + bytes.len()].copy_from_slice(bytes);
        std::fs::write(&db, &raw).unwrap();
        let _ = std::fs::remove_file(dir.path().join("taizhang.db-wal"));
        let kept = backup::restore_file(
            &db,
            std::path::Path::new(&good.path),
            &clerk(day(2026, 6, 2)),
        )
        .unwrap()
        .expect("the damaged file is kept aside");
        assert_eq!(
            std::fs::read(&kept).unwrap(),
            raw,
            "the damaged file is kept byte for byte, for whoever tries to rescue it"
        );
        let store = Store::open(&db).unwrap();
        assert_eq!(count(&store, "suggestions"), n, "the backup's data is back");
        assert!(backup::verify(&store).unwrap().ok);
    }
}

#[test]
fn backups_in_the_same_second_never_overwrite_each_other() {
    let (_dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let s = clerk(day(2026, 6, 1));
    let a = backup::backup_now(&store, &s).unwrap();
    let id: i64 = store
        .conn()
        .query_row("SELECT min(id) FROM deputies", [], |r| r.get(0))
        .unwrap();
    let first = taizhang_core::roster::deputy::void(&mut store, &s, id, "误操作").unwrap();
    let b = backup::backup_now(&store, &s).unwrap();
    assert_ne!(
        a.path, b.path,
        "two backups at the same second keep two files"
    );
    let voided_in = |p: &str| -> Option<String> {
        Connection::open(p)
            .unwrap()
            .query_row(
                "SELECT voided_at FROM deputies WHERE id = ?1",
                [first.id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(
        voided_in(&a.path).is_none(),
        "the first holds the state before the write"
    );
    assert!(
        voided_in(&b.path).is_some(),
        "the write between them is in the second"
    );
    // A restore's safety copy in that same second is a third file.
    let safety = backup::restore(&mut store, std::path::Path::new(&a.path), &s).unwrap();
    assert!(safety.path != a.path && safety.path != b.path);
    assert!(voided_in(&safety.path).is_some());
}

#[test]
fn backups_are_copied_to_the_second_place_and_a_missing_stick_is_reported() {
    let (_dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let stick = tempfile::tempdir().unwrap();
    let s = clerk(day(2026, 6, 1));
    let dir_before_stick = backup::backup_now(&store, &clerk(day(2026, 5, 31))).unwrap();
    backup::contents(std::path::Path::new(&dir_before_stick.path)).unwrap();
    let st = backup::set_copy_dir(&mut store, &s, stick.path().to_str().unwrap()).unwrap();
    assert!(st.last_copy.is_some() && st.last_error.is_none(), "{st:?}");
    let copies: Vec<_> = std::fs::read_dir(stick.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "only the copy made on choosing: {copies:?}"
    );
    backup::check_backup_file(&copies[0]).expect("the copy is a sound backup");

    // The stick pulled out: the daily backup still lands at home, the failure is shown.
    let gone = stick.path().to_path_buf();
    drop(stick);
    let later = clerk(day(2026, 6, 10));
    assert!(backup::automatic(&store, &later).unwrap().is_some());
    let st = backup::copy_status(&store, later.today()).unwrap();
    assert!(st.last_error.is_some(), "the failure is recorded: {st:?}");
    assert!(st.overdue, "nine days without a copy is overdue");
    assert!(!gone.exists());

    // Choosing a folder that is not there is refused, naming the field.
    let e = backup::set_copy_dir(&mut store, &later, "/no/such/stick").unwrap_err();
    assert_eq!(e.field(), Some("backup_copy_dir"));

    // A restore brings back the data of a day, not that day's settings of this computer: a
    // backup taken before the stick was chosen must not make the app forget the stick.
    let plain = dir_before_stick;
    backup::restore(&mut store, std::path::Path::new(&plain.path), &later).unwrap();
    let st = backup::copy_status(&store, later.today()).unwrap();
    assert_eq!(
        st.dir,
        gone.display().to_string(),
        "the backup location survives a restore"
    );
    let names: Vec<String> = std::fs::read_dir(backup::dir_for(store.path()))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with("-wal") || n.ends_with("-shm")),
        "reading a backup leaves nothing beside it: {names:?}"
    );
}

#[test]
fn every_automatic_backup_restores_and_shows_what_it_holds_first() {
    let (dir, mut store) = temp_store();
    demo::seed(&mut store, 3, today()).unwrap();
    let mut taken = Vec::new();
    for i in 0..4i64 {
        let d = day(2026, 3, 1) + chrono::Duration::days(i);
        let s = clerk(d);
        let b = backup::automatic(&store, &s)
            .unwrap()
            .expect("first start of the day");
        taken.push((b.path.clone(), count(&store, "history")));
        // A day's work after the backup.
        let unit = taizhang_core::units::HandlingUnitInput {
            name: format!("第{i}天新增的承办单位"),
            contact: String::new(),
            phone: String::new(),
            active: true,
        };
        taizhang_core::units::create(&mut store, &s, &unit).unwrap();
    }
    for (path, changes) in &taken {
        let c = backup::contents(std::path::Path::new(path)).unwrap();
        let shown = c.entries.iter().find(|(w, _)| w == "修改记录").unwrap().1;
        assert_eq!(
            shown, *changes,
            "what the restore screen shows is what the backup holds"
        );
        backup::restore(
            &mut store,
            std::path::Path::new(path),
            &clerk(day(2026, 3, 9)),
        )
        .unwrap();
        assert_eq!(count(&store, "history"), *changes, "{path}");
        assert!(backup::verify(&store).unwrap().ok);
    }
    drop(store);
    assert!(Store::open(dir.path().join("taizhang.db")).is_ok());
}
