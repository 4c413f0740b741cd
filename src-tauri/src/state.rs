//! The one store behind a mutex. A store that failed to open is kept as its error, so every
//! command answers with that message instead of the window failing blank.

use std::sync::Mutex;
use taizhang_core::clock::SystemClock;
use taizhang_core::{settings, Error, Result, Stamp, Store};

pub struct AppState {
    store: Mutex<std::result::Result<Store, String>>,
}

impl AppState {
    pub fn new(opened: Result<Store>) -> AppState {
        if let Err(e) = &opened {
            eprintln!("taizhang: 无法打开数据文件：{e}");
        }
        AppState {
            store: Mutex::new(opened.map_err(|e| e.to_string())),
        }
    }

    /// Runs `f` with the store and a stamp naming the operator from settings, at the time of the
    /// app's one clock (the computer's).
    pub fn with<T>(&self, f: impl FnOnce(&mut Store, &Stamp) -> Result<T>) -> Result<T> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let store = guard
            .as_mut()
            .map_err(|msg| Error::Migration(msg.clone()))?;
        let stamp = Stamp::by(settings::load(store.conn())?.operator, &SystemClock);
        f(store, &stamp)
    }
}
