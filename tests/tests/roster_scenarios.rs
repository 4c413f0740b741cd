//! Roster scenarios on real database files: what a clerk does, and what must hold after.

use taizhang_core::roster::deputy::{self, DeputyQuery};
use taizhang_core::roster::org::{self, ConstituencyInput, DeputyGroupInput};
use taizhang_core::roster::stats::roster_stats;
use taizhang_core::roster::status::{self, DeputyEventInput, PresidiumPostInput};
use taizhang_core::vocab::*;
use taizhang_core::Store;
use taizhang_tests::*;

fn event(deputy_id: i64, kind: EventKind, date: &str, reason: &str) -> DeputyEventInput {
    DeputyEventInput {
        deputy_id,
        kind,
        date: date.into(),
        reason: reason.into(),
        notice_no: "青人大〔2023〕2号".into(),
        ground: None,
        votes_for: None,
        votes_total: None,
        confirm: None,
    }
}

/// Scene 8: a deputy resigns, leaves the presidium and the group leadership; months later a
/// by-election fills the seat. Statistics on any date count the right people, and all of it
/// survives closing and reopening the file.
#[test]
fn resignation_then_by_election_counts_the_right_people_on_every_date() {
    let (dir, mut store, _term) = store_with_term();
    let s = clerk(day(2021, 11, 20));
    let c3 = org::create_constituency(
        &mut store,
        &s,
        &ConstituencyInput {
            number: 3,
            name: "第3选区".into(),
            area: "石桥村".into(),
        },
    )
    .unwrap();
    let g = org::create_group(
        &mut store,
        &s,
        &DeputyGroupInput {
            name: "第一代表小组".into(),
            station_id: None,
            leader_id: None,
            deputy_leader_id: None,
            liaison_id: None,
        },
    )
    .unwrap();
    let mut ids = Vec::new();
    for (i, name) in ["王芳", "张三", "李强"].iter().enumerate() {
        let mut input = deputy_input(name);
        input.constituency_id = Some(c3.id);
        input.group_id = Some(g.id);
        input.sex = if i == 0 { Sex::Female } else { Sex::Male };
        ids.push(deputy::create(&mut store, &s, &input).unwrap().id);
    }
    let zhang = ids[1];
    status::add_post(
        &mut store,
        &s,
        &PresidiumPostInput {
            deputy_id: zhang,
            post: PresidiumPostKind::ViceChair,
            start_date: "2021-11-20".into(),
        },
    )
    .unwrap();
    org::update_group(
        &mut store,
        &s,
        g.id,
        &DeputyGroupInput {
            name: "第一代表小组".into(),
            station_id: None,
            leader_id: Some(zhang),
            deputy_leader_id: None,
            liaison_id: Some(ids[2]),
        },
    )
    .unwrap();

    let resign_day = clerk(day(2023, 3, 15));
    status::add_event(
        &mut store,
        &resign_day,
        &event(zhang, EventKind::Resignation, "2023-03-15", "工作调动"),
    )
    .unwrap();

    // Leaving ends the presidium post on that day and the group role.
    let posts = status::posts_of(store.conn(), zhang).unwrap();
    assert_eq!(
        posts[0].end_date,
        Some(day(2023, 3, 15)),
        "the vice chair post must end with the resignation"
    );
    let group = org::group(store.conn(), g.id, day(2023, 3, 16)).unwrap();
    assert_eq!(
        group.leader_id, None,
        "a deputy who left cannot stay group leader"
    );
    assert_eq!(group.liaison_id, Some(ids[2]), "other roles are untouched");
    assert!(status::presidium_on(store.conn(), day(2023, 3, 16))
        .unwrap()
        .is_empty());

    let by_day = clerk(day(2023, 9, 12));
    let mut newcomer = deputy_input("赵敏");
    newcomer.sex = Sex::Female;
    newcomer.constituency_id = Some(c3.id);
    newcomer.elected_on = "2023-09-12".into();
    newcomer.elected_how = ElectedHow::ByElection;
    let zhao = deputy::create(&mut store, &by_day, &newcomer).unwrap().id;
    let mut by = event(zhao, EventKind::ByElection, "2023-09-12", "");
    by.votes_for = Some(1320);
    by.votes_total = Some(1786);
    status::add_event(&mut store, &by_day, &by).unwrap();

    let count_on = |store: &Store, y, m, d| roster_stats(store.conn(), None, day(y, m, d)).unwrap();
    let before = count_on(&store, 2023, 3, 14);
    assert_eq!(
        (before.total, before.women.numerator),
        (3, 1),
        "before the resignation: 3 deputies, 1 woman"
    );
    let between = count_on(&store, 2023, 6, 1);
    assert_eq!(
        between.total, 2,
        "between resignation and by-election the seat is empty"
    );
    let after = count_on(&store, 2024, 1, 1);
    assert_eq!(
        (after.total, after.women.numerator, after.women.denominator),
        (3, 2, 3)
    );

    // Close the file and open it again: the data and its history are still there.
    drop(store);
    let store = Store::open(dir.path().join("taizhang.db")).unwrap();
    let d = deputy::detail(store.conn(), zhang, day(2024, 1, 1)).unwrap();
    assert_eq!(d.deputy.status, DeputyStatus::Ended);
    assert_eq!(d.events.len(), 1);
    assert!(
        d.history.iter().any(|h| h.note.contains("辞职")
            && h.actor == "测试秘书"
            && h.at == "2023-03-15 10:00:00"),
        "the resignation is in the deputy's history with who and when: {:?}",
        d.history.iter().map(|h| &h.note).collect::<Vec<_>>()
    );
    assert_eq!(count_on(&store, 2024, 1, 1).total, 3);
}

/// Spoils one field of a valid input.
type Breaker = Box<dyn Fn(&mut deputy::DeputyInput)>;

#[test]
fn bad_input_names_the_field_and_writes_nothing() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    let cases: Vec<(Breaker, &str)> = vec![
        (Box::new(|i| i.name = "  ".into()), "name"),
        (
            Box::new(|i| i.id_number = Some("110105194912310021".into())),
            "id_number",
        ),
        (
            Box::new(|i| i.birth_date = Some("1975-02-30".into())),
            "birth_date",
        ),
        (
            Box::new(|i| i.birth_date = Some("2010-01".into())),
            "birth_date",
        ),
        (
            Box::new(|i| i.elected_on = "2019-01-01".into()),
            "elected_on",
        ),
        (Box::new(|i| i.phone = "电话号码".into()), "phone"),
        (Box::new(|i| i.group_id = Some(999)), "group_id"),
        // The standard's example number belongs to a woman born 1949-12-31.
        (
            Box::new(|i| {
                i.id_number = Some("11010519491231002X".into());
                i.birth_date = Some("1949-12".into());
            }),
            "sex",
        ),
        (
            Box::new(|i| {
                i.id_number = Some("11010519491231002X".into());
                i.sex = Sex::Female;
            }),
            "birth_date",
        ),
    ];
    let history_before = count(&store, "history");
    for (break_it, field) in cases {
        let mut input = deputy_input("张三");
        break_it(&mut input);
        let err = deputy::create(&mut store, &s, &input).expect_err(field);
        assert_eq!(err.field(), Some(field), "{err}");
        assert!(
            err.to_string()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "message in Chinese: {err}"
        );
    }
    assert_eq!(count(&store, "deputies"), 0, "no bad input may leave a row");
    assert_eq!(count(&store, "history"), history_before);
}

#[test]
fn duplicate_card_or_id_number_in_a_term_is_refused() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    let mut a = deputy_input("王芳");
    a.sex = Sex::Female;
    a.birth_date = Some("1949-12".into());
    a.card_no = "101".into();
    a.id_number = Some("11010519491231002X".into());
    deputy::create(&mut store, &s, &a).unwrap();
    let mut b = deputy_input("李四");
    b.card_no = "101".into();
    assert_eq!(
        deputy::create(&mut store, &s, &b).unwrap_err().field(),
        Some("card_no")
    );
    let mut c = a.clone();
    c.card_no = "102".into();
    assert_eq!(
        deputy::create(&mut store, &s, &c).unwrap_err().field(),
        Some("id_number")
    );
}

#[test]
fn pinyin_initials_find_deputies_and_orders_follow_strokes() {
    let (_dir, mut store, term) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    for name in ["张三", "曾华", "单雄", "王芳", "丁一", "李强", "欧阳秀"] {
        deputy::create(&mut store, &s, &deputy_input(name)).unwrap();
    }
    let find = |q: &str| -> Vec<String> {
        let query = DeputyQuery {
            search: Some(q.into()),
            term_id: Some(term),
            ..Default::default()
        };
        deputy::list(store.conn(), &query, s.today())
            .unwrap()
            .items
            .into_iter()
            .map(|d| d.name)
            .collect()
    };
    assert_eq!(find("zs"), vec!["张三"]);
    assert_eq!(
        find("zengh"),
        vec!["曾华"],
        "曾 as a surname reads zeng, not ceng"
    );
    assert_eq!(find("shanx"), vec!["单雄"], "单 as a surname reads shan");
    assert_eq!(find("oyx"), vec!["欧阳秀"]);
    assert!(
        find("ch").is_empty(),
        "曾 must not be found as ceng/chan readings"
    );

    let all = DeputyQuery {
        term_id: Some(term),
        order: Some(RosterOrder::Stroke),
        ..Default::default()
    };
    let names: Vec<String> = deputy::list(store.conn(), &all, s.today())
        .unwrap()
        .items
        .into_iter()
        .map(|d| d.name)
        .collect();
    // 丁2 王4 李7 张7 欧8 单8 曾12; 李 (横...) before 张 (折...), 欧 (横...) before 单 (点...).
    assert_eq!(
        names,
        vec!["丁一", "王芳", "李强", "张三", "欧阳秀", "单雄", "曾华"]
    );
    let py = DeputyQuery {
        order: Some(RosterOrder::Pinyin),
        ..all
    };
    let names: Vec<String> = deputy::list(store.conn(), &py, s.today())
        .unwrap()
        .items
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(
        names,
        vec!["丁一", "李强", "欧阳秀", "单雄", "王芳", "曾华", "张三"]
    );
}

#[test]
fn illegal_status_changes_are_refused_with_a_reason() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    let id = deputy::create(&mut store, &s, &deputy_input("张三"))
        .unwrap()
        .id;
    let e = status::add_event(
        &mut store,
        &s,
        &event(id, EventKind::Resumption, "2024-04-01", ""),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_transition");
    let mut term = event(id, EventKind::Termination, "2024-04-01", "迁出");
    assert_eq!(
        status::add_event(&mut store, &s, &term)
            .unwrap_err()
            .field(),
        Some("ground"),
        "termination needs a ground"
    );
    term.ground = Some(TerminationGround::MovedAway);
    status::add_event(&mut store, &s, &term).unwrap();
    let again = status::add_event(
        &mut store,
        &s,
        &event(id, EventKind::Resignation, "2024-04-20", "辞职"),
    )
    .unwrap_err();
    assert_eq!(
        again.code(),
        "invalid_transition",
        "nothing follows the end of a mandate"
    );
    let earlier = status::add_event(
        &mut store,
        &s,
        &event(id, EventKind::Suspension, "2024-03-01", "x"),
    )
    .unwrap_err();
    assert_eq!(
        earlier.field(),
        Some("date"),
        "events dated before an existing one are out of order"
    );
    let future = status::add_event(
        &mut store,
        &s,
        &event(id, EventKind::Suspension, "2024-06-01", "x"),
    )
    .unwrap_err();
    assert_eq!(future.field(), Some("date"));
    assert_eq!(count(&store, "deputy_events"), 1);
}

#[test]
fn voiding_keeps_the_row_and_removes_it_from_counts() {
    let (_dir, mut store, term) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    let a = deputy::create(&mut store, &s, &deputy_input("张三")).unwrap();
    deputy::create(&mut store, &s, &deputy_input("李四")).unwrap();
    assert_eq!(
        deputy::void(&mut store, &s, a.id, " ").unwrap_err().field(),
        Some("reason")
    );
    let voided = deputy::void(&mut store, &s, a.id, "重复录入").unwrap();
    assert!(voided.voided && voided.void_reason.as_deref() == Some("重复录入"));
    assert_eq!(
        count(&store, "deputies"),
        2,
        "a voided row stays in the book"
    );
    assert_eq!(
        roster_stats(store.conn(), None, s.today()).unwrap().total,
        1
    );
    let q = DeputyQuery {
        term_id: Some(term),
        ..Default::default()
    };
    assert_eq!(deputy::list(store.conn(), &q, s.today()).unwrap().total, 1);
    let q = DeputyQuery {
        include_voided: true,
        ..q
    };
    assert_eq!(deputy::list(store.conn(), &q, s.today()).unwrap().total, 2);
    assert!(
        deputy::update(&mut store, &s, a.id, &deputy_input("张三")).is_err(),
        "a voided entry is not edited"
    );
    let last = taizhang_core::registry::last_change(
        store.conn(),
        taizhang_core::history::Entity::Deputy,
        a.id,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (last.action.as_str(), last.note.as_str()),
        ("void", "重复录入")
    );
    assert!(
        store
            .conn()
            .execute("DELETE FROM deputies WHERE id = ?1", [a.id])
            .is_err(),
        "the file itself refuses deletes"
    );
}

#[test]
fn id_numbers_are_masked_everywhere_and_a_reveal_is_recorded() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    let mut input = deputy_input("王芳");
    input.sex = Sex::Female;
    input.birth_date = Some("1949-12-31".into());
    input.id_number = Some("11010519491231002x".into());
    let d = deputy::create(&mut store, &s, &input).unwrap();
    assert_eq!(d.id_number_masked.as_deref(), Some("110***********002X"));
    let json =
        serde_json::to_string(&deputy::detail(store.conn(), d.id, s.today()).unwrap()).unwrap();
    assert!(
        !json.contains("11010519491231002X"),
        "neither the view nor its history may carry the plain number"
    );
    let plain = deputy::reveal_id_number(&mut store, &s, d.id).unwrap();
    assert_eq!(plain.as_deref(), Some("11010519491231002X"));
    let last = taizhang_core::registry::last_change(
        store.conn(),
        taizhang_core::history::Entity::Deputy,
        d.id,
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("reveal", "测试秘书")
    );
}

#[test]
fn an_edit_records_before_and_after_and_keeps_the_id_number_unless_asked() {
    let (_dir, mut store, _) = store_with_term();
    let s = clerk(day(2024, 5, 1));
    let mut input = deputy_input("王芳");
    input.sex = Sex::Female;
    input.birth_date = Some("1949-12".into());
    input.id_number = Some("11010519491231002X".into());
    let d = deputy::create(&mut store, &s, &input).unwrap();
    let mut edit = input.clone();
    edit.id_number = None;
    edit.phone = "0571-88886666".into();
    edit.levels = vec![Level::County];
    let after = deputy::update(&mut store, &s, d.id, &edit).unwrap();
    assert_eq!(
        after.id_number_masked, d.id_number_masked,
        "None keeps the stored number"
    );
    assert_eq!(after.levels, vec![Level::County, Level::Township]);
    let h = taizhang_core::registry::last_change(
        store.conn(),
        taizhang_core::history::Entity::Deputy,
        d.id,
    )
    .unwrap()
    .unwrap();
    let labels: Vec<&str> = h.changes.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, vec!["代表层级", "联系电话"]);
    assert_eq!(h.changes[0].after, "县级、乡镇级");
    edit.id_number = Some(String::new());
    assert_eq!(
        deputy::update(&mut store, &s, d.id, &edit)
            .unwrap()
            .id_number_masked,
        None,
        "\"\" removes it"
    );
}

#[test]
fn demo_township_is_deterministic_and_has_a_realistic_term() {
    let (_d1, mut a) = temp_store();
    let (_d2, mut b) = temp_store();
    let sa = taizhang_core::demo::seed(&mut a, 7, today()).unwrap();
    taizhang_core::demo::seed(&mut b, 7, today()).unwrap();
    let names = |s: &Store| -> Vec<(String, String)> {
        let mut stmt = s
            .conn()
            .prepare("SELECT name, coalesce(id_number, '') FROM deputies ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        names(&a),
        names(&b),
        "the same seed gives the same township"
    );
    assert_eq!((sa.groups, sa.constituencies, sa.terms), (7, 20, 2));
    let stats = roster_stats(a.conn(), None, day(2026, 6, 1)).unwrap();
    assert!(
        (55..=62).contains(&stats.total),
        "about 60 deputies in office, got {}",
        stats.total
    );
    let kinds: Vec<String> = a
        .conn()
        .prepare("SELECT DISTINCT kind FROM deputy_events")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for k in [
        "resignation",
        "termination",
        "suspension",
        "resumption",
        "by_election",
    ] {
        assert!(kinds.iter().any(|x| x == k), "the demo term has a {k}");
    }
    assert!(
        taizhang_core::demo::seed(&mut a, 7, today()).is_err(),
        "the demo never lands on top of real data"
    );
}

/// A wrong resignation voided, the right one entered: the post and the group role the wrong
/// one ended come back, so nothing is left ending on the voided event's date.
#[test]
fn voiding_a_resignation_undoes_what_it_ended() {
    let (_dir, mut store, _term) = store_with_term();
    let s = clerk(day(2021, 11, 20));
    let g = org::create_group(
        &mut store,
        &s,
        &DeputyGroupInput {
            name: "第二代表小组".into(),
            station_id: None,
            leader_id: None,
            deputy_leader_id: None,
            liaison_id: None,
        },
    )
    .unwrap();
    let mut input = deputy_input("钱进");
    input.group_id = Some(g.id);
    let qian = deputy::create(&mut store, &s, &input).unwrap().id;
    let mut other = deputy_input("孙立");
    other.group_id = Some(g.id);
    let sun = deputy::create(&mut store, &s, &other).unwrap().id;
    status::add_post(
        &mut store,
        &s,
        &PresidiumPostInput {
            deputy_id: qian,
            post: PresidiumPostKind::Chair,
            start_date: "2021-11-20".into(),
        },
    )
    .unwrap();
    let roles = |leader, liaison| DeputyGroupInput {
        name: "第二代表小组".into(),
        station_id: None,
        leader_id: leader,
        deputy_leader_id: None,
        liaison_id: liaison,
    };
    org::update_group(&mut store, &s, g.id, &roles(Some(qian), Some(qian))).unwrap();

    let wrong = status::add_event(
        &mut store,
        &clerk(day(2026, 12, 4)),
        &event(qian, EventKind::Resignation, "2026-06-15", "工作调动"),
    )
    .unwrap();
    assert!(status::posts_of(store.conn(), qian).unwrap()[0]
        .end_date
        .is_some());

    // Meanwhile another deputy became liaison: that appointment stands.
    org::update_group(&mut store, &s, g.id, &roles(None, Some(sun))).unwrap();

    status::void_event(&mut store, &clerk(day(2026, 12, 5)), wrong.id, "日期录错").unwrap();
    let post = &status::posts_of(store.conn(), qian).unwrap()[0];
    assert_eq!(
        post.end_date, None,
        "the chair post ended by the voided event is open again"
    );
    let group = org::group(store.conn(), g.id, day(2026, 12, 5)).unwrap();
    assert_eq!(
        group.leader_id,
        Some(qian),
        "the leader role it cleared is given back"
    );
    assert_eq!(
        group.liaison_id,
        Some(sun),
        "a role someone else was given since is not taken from them"
    );
    let h = taizhang_core::history::rows(
        store.conn(),
        Some(taizhang_core::history::Entity::Deputy),
        Some(qian),
        1,
        50,
    )
    .unwrap();
    assert!(
        h.items.iter().any(|r| r.note.contains("未恢复")),
        "the history says which role was not given back"
    );

    // The right resignation ends the post on its own date.
    status::add_event(
        &mut store,
        &clerk(day(2026, 12, 5)),
        &event(qian, EventKind::Resignation, "2026-11-30", "工作调动"),
    )
    .unwrap();
    assert_eq!(
        status::posts_of(store.conn(), qian).unwrap()[0].end_date,
        Some(day(2026, 11, 30))
    );
}

/// A resignation dated before records where the deputy still acted in office is shown the
/// clash before anything is saved; it stands only with the clerk's reason, kept in the history.
#[test]
fn a_back_dated_resignation_shows_the_later_records_it_contradicts() {
    let (_dir, mut store) = temp_store();
    taizhang_core::demo::seed(&mut store, 1, today()).unwrap();
    // A deputy in office who led a suggestion; the resignation is dated the day before it.
    let (deputy_id, received): (i64, String) = store
        .conn()
        .query_row(
            "SELECT s.lead_deputy_id, s.received_on FROM suggestions s JOIN deputies d ON d.id = s.lead_deputy_id
              WHERE s.voided_at IS NULL AND d.voided_at IS NULL AND s.received_on > d.elected_on
                AND NOT EXISTS (SELECT 1 FROM deputy_events e WHERE e.deputy_id = d.id AND e.voided_at IS NULL)
              ORDER BY s.received_on DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let on = chrono::NaiveDate::parse_from_str(&received, "%Y-%m-%d").unwrap()
        - chrono::Duration::days(1);
    let before = count(&store, "deputy_events");
    let mut input = event(
        deputy_id,
        EventKind::Resignation,
        &on.to_string(),
        "工作调动",
    );
    let e = status::add_event(&mut store, &clerk_now(), &input).unwrap_err();
    assert_eq!(e.code(), "conflict", "{e}");
    assert_eq!(e.field(), Some("date"), "the form marks the date");
    assert!(
        e.to_string().contains("领衔代表建议"),
        "the clash is named: {e}"
    );
    assert_eq!(count(&store, "deputy_events"), before, "nothing saved");
    let shown = status::clashes(store.conn(), deputy_id, on).unwrap();
    assert!(shown.iter().any(|c| c.book == "suggestions"), "{shown:?}");

    input.confirm = Some("县人大常委会公告日期在前，建议系辞职前提交".into());
    status::add_event(&mut store, &clerk_now(), &input).unwrap();
    let h = taizhang_core::history::rows(
        store.conn(),
        Some(taizhang_core::history::Entity::Deputy),
        Some(deputy_id),
        1,
        50,
    )
    .unwrap();
    assert!(
        h.items
            .iter()
            .any(|r| r.note.contains("经确认登记") && r.note.contains("公告日期在前")),
        "the reason is in the history"
    );
}
