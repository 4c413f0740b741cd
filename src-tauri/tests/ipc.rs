//! The commands through Tauri's mock runtime, on a real database file: what the UI sends and
//! receives, including the shape of errors. Needs `--features taizhang/ipc-test`.
#![cfg(feature = "ipc-test")]

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

use taizhang_app::{commands, open_store, state::AppState};

fn window(db: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = mock_builder()
        .manage(AppState::new(db, open_store(db, true)))
        .invoke_handler(commands::handler())
        .build(mock_context(noop_assets()))
        .expect("mock app");
    let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    (app, w)
}

fn call(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn first_start_seeds_the_demo_and_lists_a_page_of_deputies() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let info = call(&w, "app_info", json!({})).unwrap();
    assert_eq!(info["township"], "青山镇");
    let page = call(
        &w,
        "deputies_list",
        json!({"query": {"search": "shan", "page_size": 50}}),
    )
    .unwrap();
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"单德胜"),
        "单 as a surname is shan: {names:?}"
    );
    let voc = call(&w, "vocabulary", json!({})).unwrap();
    assert_eq!(voc["ethnicities"].as_array().unwrap().len(), 56);
}

#[test]
fn a_bad_input_comes_back_as_code_field_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let before = call(
        &w,
        "deputies_list",
        json!({"query": {"include_voided": true}}),
    )
    .unwrap()["total"]
        .clone();
    let input = json!({
        "name": "张三", "sex": "male", "ethnicity": "01", "political_status": "masses",
        "occupation": "farmer", "elected_on": "2023-01-05", "elected_how": "general_election",
        "id_number": "110105194912310021"
    });
    let err = call(&w, "deputy_create", json!({"input": input})).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "id_number");
    assert!(err["message"].as_str().unwrap().contains("校验位"), "{err}");
    let after = call(
        &w,
        "deputies_list",
        json!({"query": {"include_voided": true}}),
    )
    .unwrap()["total"]
        .clone();
    assert_eq!(before, after);

    // A wrong JSON type and an impossible date come back as the core's refusal about the
    // field, in Chinese: never serde's English through Tauri's own argument error.
    let mut wrong = input.as_object().unwrap().clone();
    wrong.insert("elected_on".into(), json!(20230105));
    let err = call(&w, "deputy_create", json!({"input": wrong})).unwrap_err();
    assert_eq!(err["code"], "validation", "{err}");
    assert_eq!(err["field"], "elected_on", "{err}");
    let msg = err["message"].as_str().unwrap();
    assert!(
        msg.contains("当选日期") && !msg.contains("invalid type"),
        "{msg}"
    );
    let step = json!({"action": "accept", "date": "2026-02-30"});
    let err = call(&w, "petition_step", json!({"id": 1, "step": step})).unwrap_err();
    assert_eq!(err["field"], "date", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("告知受理日期"),
        "{err}"
    );

    let mut fixed = input.as_object().unwrap().clone();
    fixed.insert("id_number".into(), Value::Null);
    let d = call(&w, "deputy_create", json!({"input": fixed})).unwrap();
    let got = call(&w, "deputy_get", json!({"id": d["id"]})).unwrap();
    assert_eq!(got["history"][0]["action"], "create");
    let missing = call(&w, "deputy_get", json!({"id": 999_999})).unwrap_err();
    assert_eq!(missing["code"], "not_found");
}

#[test]
fn casework_commands_follow_the_contract_and_keep_identity_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let voc = call(&w, "vocabulary", json!({})).unwrap();
    assert!(
        !voc["reply_categories"].as_array().unwrap().is_empty(),
        "reply categories come from the office's profile"
    );
    let units = call(&w, "handling_units_list", json!({"includeInactive": true})).unwrap();
    assert!(units.as_array().unwrap().len() >= 5);

    let board = call(&w, "dashboard", json!({"within": 7})).unwrap();
    assert!(
        !board["overdue"].as_array().unwrap().is_empty(),
        "the demo has overdue cases"
    );
    assert!(board["overdue"][0]["explanation"]
        .as_str()
        .unwrap()
        .contains("到期日"));

    // An illegal step is refused as invalid_transition, with a Chinese message.
    let open = call(
        &w,
        "suggestions_list",
        json!({"query": {"state": "registered", "page_size": 1}}),
    )
    .unwrap();
    let id = open["items"][0]["id"].as_i64().unwrap();
    let err = call(
        &w,
        "suggestion_step",
        json!({"id": id, "step": {"action": "close", "date": "2026-01-05", "note": ""}}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_transition");
    assert!(err["message"].as_str().unwrap().contains("不能"));

    // Petition lists never carry a petitioner's full name; a reveal does, and is recorded.
    let page = call(&w, "petitions_list", json!({"query": {"page_size": 100}})).unwrap();
    let named = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| !p["anonymous"].as_bool().unwrap() && !p["confidential"].as_bool().unwrap())
        .unwrap()
        .clone();
    let masked = named["petitioner"].as_str().unwrap();
    assert!(masked.contains('*'), "{masked}");
    let pid = named["id"].as_i64().unwrap();
    let who = call(
        &w,
        "petition_reveal",
        json!({"id": pid, "reason": "回访需要联系"}),
    )
    .unwrap();
    let name = who["petitioner_name"].as_str().unwrap();
    assert!(!name.contains('*') && name.chars().next() == masked.chars().next());
    let detail = call(&w, "petition_get", json!({"id": pid})).unwrap();
    assert!(detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["action"] == "reveal" && h["note"].as_str().unwrap().contains("回访需要联系")));
    assert!(
        !detail.to_string().contains(name),
        "the detail view stays masked"
    );

    // Switching the rule profile: the preview lists moved dates and changes nothing; the switch
    // changes the office's profile and with it the reply categories offered.
    let preview = call(
        &w,
        "rule_profile_preview",
        json!({"id": "zhejiang", "applyToOpen": true}),
    )
    .unwrap();
    assert_eq!(
        (preview["from"].as_str(), preview["to"].as_str()),
        (Some("shanghai"), Some("zhejiang"))
    );
    assert!(
        !preview["changes"].as_array().unwrap().is_empty(),
        "open cases under 上海 rules would move"
    );
    let profiles = call(&w, "rule_profiles", json!({})).unwrap();
    assert!(profiles
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == "shanghai" && p["current"] == true));
    call(
        &w,
        "rule_profile_switch",
        json!({"id": "zhejiang", "applyToOpen": false}),
    )
    .unwrap();
    let voc = call(&w, "vocabulary", json!({})).unwrap();
    assert_eq!(voc["reply_categories"][0]["value"], "A");
    assert_eq!(
        call(&w, "rule_profile_get", json!({"id": null})).unwrap()["id"],
        "zhejiang"
    );

    // A closed, well-judged suggestion becomes a deed through the draft command.
    let closed = call(
        &w,
        "suggestions_list",
        json!({"query": {"state": "closed", "page_size": 100}}),
    )
    .unwrap();
    let deeds = call(&w, "deeds_list", json!({"query": {"page_size": 500}})).unwrap();
    let turned: Vec<Value> = deeds["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["suggestion"].get("id").cloned())
        .collect();
    let good = closed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["final_result"] == "satisfied" && !turned.contains(&s["id"]))
        .unwrap()
        .clone();
    let draft = call(
        &w,
        "deed_draft_from_suggestion",
        json!({"suggestionId": good["id"]}),
    )
    .unwrap();
    assert_eq!(draft["suggestion_id"], good["id"]);
    let deed = call(&w, "deed_create", json!({"input": draft})).unwrap();
    assert_eq!(deed["suggestion"]["number"], good["number"]);
    let again = call(
        &w,
        "deed_draft_from_suggestion",
        json!({"suggestionId": good["id"]}),
    )
    .unwrap_err();
    assert_eq!(
        (again["code"].as_str(), again["field"].as_str()),
        (Some("conflict"), Some("suggestion_id"))
    );

    let stats = call(&w, "suggestion_stats", json!({"query": {}})).unwrap();
    let r = &stats["reply_rate"];
    assert_eq!(
        r["numerator"].as_u64().unwrap() as usize,
        r["numerator_ids"].as_array().unwrap().len()
    );
}

#[test]
fn meeting_activity_and_attachment_commands_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let today = chrono::Local::now().date_naive().to_string();
    let draft = call(&w, "meeting_draft", json!({"date": today})).unwrap();
    let members = draft["members"].as_array().unwrap();
    assert!(!members.is_empty(), "the demo presidium");
    let away = members.last().unwrap()["deputy_id"].clone();
    let input = json!({
        "date": today, "start_time": "09:00", "place": "会议室", "presider_id": draft["presider_id"],
        "recorder": "办公室", "attendees": "", "notes": "",
        "absent": [{"deputy_id": away, "reason": ""}],
        "agenda": [{"title": "议题", "discussion": "", "decision": "", "votes_for": null, "votes_against": null, "votes_abstain": null}]
    });
    let err = call(&w, "meeting_create", json!({"input": input})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("validation"), Some("absent"))
    );
    let mut fixed = input.clone();
    fixed["absent"][0]["reason"] = json!("请假");
    let m = call(&w, "meeting_create", json!({"input": fixed})).unwrap();
    assert_eq!(m["number"], draft["number"]);
    assert_eq!(
        m["present"].as_i64().unwrap() + 1,
        m["expected"].as_i64().unwrap()
    );
    let gaps = call(&w, "meeting_gaps", json!({"termId": null})).unwrap();
    assert!(gaps.as_array().is_some());

    let open = call(
        &w,
        "activities_list",
        json!({"query": {"kind": "voter_reception", "page_size": 100}}),
    )
    .unwrap();
    let opinion = open["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["opinions"].as_array().unwrap().clone())
        .find(|o| o["suggestion"].is_null() && o["petition"].is_null())
        .expect("an open opinion in the demo");
    let sdraft = call(
        &w,
        "opinion_suggestion_draft",
        json!({"opinionId": opinion["id"]}),
    )
    .unwrap();
    let s = call(
        &w,
        "opinion_to_suggestion",
        json!({"opinionId": opinion["id"], "input": sdraft}),
    )
    .unwrap();
    let src = call(
        &w,
        "opinion_source",
        json!({"entity": "suggestion", "id": s["id"]}),
    )
    .unwrap();
    assert_eq!(src["content"], opinion["content"]);
    let again = call(
        &w,
        "opinion_suggestion_draft",
        json!({"opinionId": opinion["id"]}),
    )
    .unwrap_err();
    assert_eq!(again["code"], "conflict");

    let file = dir.path().join("签字页.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let a = call(
        &w,
        "attachment_add",
        json!({"entity": "presidium_meeting", "entityId": m["id"], "path": file.to_string_lossy()}),
    )
    .unwrap();
    assert_eq!(a["media_type"], "image/png");
    let list = call(
        &w,
        "attachments_list",
        json!({"entity": "presidium_meeting", "entityId": m["id"], "includeVoided": false}),
    )
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn print_commands_preview_save_and_log_and_refuse_a_reveal_without_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let year = chrono::Local::now()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap();
    let request = json!({
        "target": {"kind": "book", "book": "deeds", "period": {"by": "year", "year": year}},
        "reveal_reason": null, "volume": 2, "archival": false
    });
    let page = call(&w, "print_preview", json!({"request": request, "page": 2})).unwrap();
    assert_eq!(page["page"], 2);
    assert!(page["pages"].as_u64().unwrap() >= 3);
    assert!(page["svg"].as_str().unwrap().starts_with("<svg"));
    assert!(
        page["width_mm"].as_f64().unwrap() > page["height_mm"].as_f64().unwrap(),
        "landscape"
    );

    let out = dir.path().join("deeds.pdf");
    let logged = call(
        &w,
        "print_save",
        json!({"request": request, "path": out.display().to_string()}),
    )
    .unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    assert_eq!(logged["pages"], page["pages"]);
    let log = call(&w, "printouts_list", json!({"limit": 10})).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["path"], out.display().to_string());

    let reveal = json!({
        "target": {"kind": "book", "book": "petitions", "period": {"by": "year", "year": year}},
        "reveal_reason": " ", "volume": 1, "archival": false
    });
    let err = call(&w, "print_preview", json!({"request": reveal, "page": 1})).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "reveal_reason");
}

#[test]
fn export_and_county_commands_write_verify_import_and_count() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let year = chrono::Local::now().format("%Y").to_string();
    let options = json!({"from": format!("{year}-01-01"), "to": format!("{year}-12-31"), "include_identities": false});
    let drives = call(&w, "export_drives", json!({})).unwrap();
    assert!(drives.is_array());
    let out = call(
        &w,
        "export_package",
        json!({"dest": stick.display().to_string(), "options": options}),
    )
    .unwrap();
    let path = out["path"].as_str().unwrap().to_string();
    assert!(out["manifest"]["pseudonymised"].as_bool().unwrap());
    let log = call(&w, "exports_list", json!({})).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 1);
    let m = call(&w, "package_verify", json!({"path": path})).unwrap();
    assert_eq!(m["township"], "青山镇");
    let imported = call(&w, "county_import", json!({"path": path})).unwrap();
    assert_eq!(imported["outcome"], "imported");
    let stats = call(&w, "county_stats", json!({})).unwrap();
    assert_eq!(stats["townships"].as_array().unwrap().len(), 1);

    let err = call(
        &w,
        "export_package",
        json!({"dest": dir.path().join("gone").display().to_string(), "options": options}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "validation");
    assert_eq!(err["field"], "dest");
}

#[test]
fn session_and_project_commands_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let today = chrono::Local::now().date_naive();
    // The demo's sessions are in the past: today is free.
    let draft = call(&w, "session_draft", json!({"date": today.to_string()})).unwrap();
    let members = draft["members"].as_array().unwrap();
    assert!(members.len() > 10, "every deputy in office is expected");
    let who = members[0]["deputy_id"].clone();
    let input = json!({
        "kind": "regular", "first_day": today.to_string(), "last_day": "", "place": "会议室",
        "notified_on": null, "presiders": "", "attendees": "", "notes": "",
        "attendance": [{"deputy_id": who, "attendance": "excused", "reason": "", "approved_by": ""}],
        "items": [], "elections": []
    });
    // 请假 without a reason: refused on the attendance, nothing written.
    let err = call(&w, "session_create", json!({"input": input})).unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("validation"), Some("attendance"))
    );
    let mut fixed = input.clone();
    fixed["attendance"][0]["reason"] = json!("住院");
    let s = call(&w, "session_create", json!({"input": fixed})).unwrap();
    assert_eq!(s["number"], draft["number"]);
    assert_eq!(s["excused"], 1);
    // Today's session is in progress: a new suggestion is made under its number.
    let running = call(&w, "session_in_progress", json!({})).unwrap();
    assert_eq!(running["id"], s["id"]);
    let checks = call(&w, "session_checks", json!({})).unwrap();
    assert!(
        !checks["absent_twice"].as_array().unwrap().is_empty(),
        "the demo's deputy absent twice"
    );

    // 民生实事: a candidate for next year, voted at today's session, adopted by a majority of all.
    let year = chrono::Datelike::year(&today) + 1;
    let p = call(
        &w,
        "project_create",
        json!({"input": {"year": year, "title": "村道硬化", "source": "voters"}}),
    )
    .unwrap();
    let present = s["present"].as_i64().unwrap();
    let vote = |votes_for: i64| {
        json!({"input": {"year": year, "session_id": s["id"], "ballots_issued": present,
            "ballots_returned": present, "candidates": [{"project_id": p["id"], "votes_for": votes_for,
            "votes_against": 0, "votes_abstain": 0}]}})
    };
    let err = call(&w, "project_vote", vote(present + 1)).unwrap_err();
    assert_eq!(err["field"], "candidates", "more votes than ballots: {err}");
    let voted = call(&w, "project_vote", vote(present)).unwrap();
    assert_eq!(voted[0]["vote"]["adopted"], true);
    assert_eq!(voted[0]["state"], "adopted");
    let late = call(&w, "projects_late", json!({})).unwrap();
    assert!(late.as_array().is_some());
}

#[test]
fn supervision_commands_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = window(&dir.path().join("t.db"));
    let today = chrono::Local::now().date_naive();
    // The demo's late review opinion is in the overdue filter, with its deadline reasoning.
    let late = call(
        &w,
        "rectifications_list",
        json!({"query": {"overdue": true}}),
    )
    .unwrap();
    let first = &late["items"][0];
    assert_eq!(first["overdue"], true, "{late}");
    assert!(first["deadline"]["due"]["explanation"]
        .as_str()
        .unwrap()
        .contains("到期日"));
    // A report dated in the future is refused on its field, nothing written.
    let id = first["id"].clone();
    let future = (today + chrono::Duration::days(3)).to_string();
    let err = call(
        &w,
        "rectification_report",
        json!({"id": id, "input": {"date": future, "text": "已整改"}}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("validation"), Some("date"))
    );
    let same = call(&w, "rectification_get", json!({"id": id})).unwrap();
    assert_eq!(same["rectification"]["state"], "awaiting_report");
    let done = call(
        &w,
        "rectification_report",
        json!({"id": id, "input": {"date": today.to_string(), "text": "已整改"}}),
    )
    .unwrap();
    assert_eq!(done["state"], "awaiting_assessment");
    assert_eq!(done["rounds"][0]["reported_late"], true);

    // An evaluation by a count of voters: a ballot count above them is refused on `objects`.
    let units = call(&w, "handling_units_list", json!({})).unwrap();
    let unit = units[0]["id"].clone();
    let input = |poor: i64| {
        json!({"input": {"kind": "work", "date": today.to_string(), "title": "部门工作评议",
            "voters": 20, "objects": [{"unit_id": unit, "good": 10, "fair": 2, "poor": poor}]}})
    };
    let err = call(&w, "evaluation_create", input(9)).unwrap_err();
    assert_eq!(err["field"], "objects", "21 ballots from 20 voters: {err}");
    let e = call(&w, "evaluation_create", input(8)).unwrap();
    assert_eq!(
        e["objects"][0]["below_threshold"], true,
        "8 of 20 is over one third"
    );
    assert!(e["objects"][0]["rectification"]["number"]
        .as_str()
        .unwrap()
        .starts_with("整改"));

    // Duty reports owed, the rota and its counts answer in their documented shapes.
    let owed = call(&w, "duty_reports_owed", json!({})).unwrap();
    assert!(owed.as_array().is_some_and(|o| !o.is_empty()));
    let rota = call(&w, "station_rota", json!({"query": {}})).unwrap();
    assert!(
        rota.as_array()
            .unwrap()
            .iter()
            .any(|d| d["state"] == "unrecorded"),
        "the demo's last past duty is not recorded yet"
    );
    let from = (today - chrono::Duration::days(90)).to_string();
    let counts = call(
        &w,
        "station_duty_counts",
        json!({"from": from, "to": today.to_string()}),
    )
    .unwrap();
    assert!(counts["per_station"][0]["missed"].as_u64().unwrap() >= 1);
}
