//! The Tauri shell. It opens the store, seeds the demo township on a first run (unless
//! `--no-demo` or `TAIZHANG_NO_DEMO=1`), takes the daily automatic backup, and registers the
//! commands. No SQL and no business rule lives here: see taizhang-core.

pub mod commands;
pub mod state;

use state::AppState;
use taizhang_core::clock::{Clock, SystemClock};
use taizhang_core::{backup, demo, paths, Stamp, Store};

/// Opens the database at `path`, seeding the demo on a fresh file when `seed_demo` is set.
pub fn open_store(path: &std::path::Path, seed_demo: bool) -> taizhang_core::Result<Store> {
    let mut store = Store::open(path)?;
    if let Some(b) = &store.open_report().backup {
        eprintln!(
            "taizhang: 数据库结构已升级，升级前的数据已备份到 {}",
            b.display()
        );
    }
    let fresh: i64 = taizhang_core::roster::org::terms(store.conn())?.len() as i64;
    if fresh == 0 && seed_demo {
        let s = demo::seed(&mut store, 2024, SystemClock.today())?;
        eprintln!(
            "taizhang: 首次运行，已装入演示数据（{}，{} 名代表）",
            s.township, s.deputies
        );
    }
    match backup::automatic(&store, &Stamp::by("自动备份", &SystemClock)) {
        Ok(Some(b)) => eprintln!("taizhang: 自动备份 {}", b.path),
        Ok(None) => {}
        Err(e) => eprintln!("taizhang: 自动备份失败：{e}"),
    }
    Ok(store)
}

use tauri::Manager;

pub fn run() {
    let no_demo = std::env::args().any(|a| a == "--no-demo")
        || std::env::var_os("TAIZHANG_NO_DEMO").is_some_and(|v| v == "1");
    let path = paths::default_db_path();
    eprintln!("taizhang: 数据文件 {}", path.display());
    let state = AppState::new(&path, open_store(&path, !no_demo));
    tauri::Builder::default()
        // First, so a second launch only brings the running window forward: two copies of
        // the app on one database would each hold its own view of the data.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running the taizhang window");
}
