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
        .manage(AppState::new(open_store(db, true)))
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

    let mut fixed = input.as_object().unwrap().clone();
    fixed.insert("id_number".into(), Value::Null);
    let d = call(&w, "deputy_create", json!({"input": fixed})).unwrap();
    let got = call(&w, "deputy_get", json!({"id": d["id"]})).unwrap();
    assert_eq!(got["history"][0]["action"], "create");
    let missing = call(&w, "deputy_get", json!({"id": 999_999})).unwrap_err();
    assert_eq!(missing["code"], "not_found");
}
