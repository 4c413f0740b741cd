//! The roster importer on any file named .xlsx: a preview or a refusal, within its bounds,
//! never a panic or an allocation the size of the sheet's last cell.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use taizhang_core::Store;

struct Office {
    _dir: tempfile::TempDir,
    store: Store,
}

fn office() -> &'static std::sync::Mutex<Office> {
    static OFFICE: OnceLock<std::sync::Mutex<Office>> = OnceLock::new();
    OFFICE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("t.db")).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        taizhang_core::demo::seed(&mut store, 1, today).unwrap();
        std::sync::Mutex::new(Office { _dir: dir, store })
    })
}

fuzz_target!(|data: &[u8]| {
    let o = office().lock().unwrap_or_else(|p| p.into_inner());
    let file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
    std::fs::write(file.path(), data).unwrap();
    let _ = taizhang_core::roster::import::preview(o.store.conn(), file.path(), None);
});
