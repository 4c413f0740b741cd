//! The one store behind a mutex. A store that failed to open is kept as its error, so every
//! command answers with that message instead of the window failing blank.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use taizhang_core::backup::{self, BackupInfo};
use taizhang_core::clock::SystemClock;
use taizhang_core::{settings, Error, Result, Stamp, Store};

pub struct AppState {
    path: PathBuf,
    store: Mutex<std::result::Result<Store, String>>,
}

impl AppState {
    pub fn new(path: &Path, opened: Result<Store>) -> AppState {
        if let Err(e) = &opened {
            eprintln!("taizhang: 无法打开数据文件：{e}");
        }
        AppState {
            path: path.to_path_buf(),
            store: Mutex::new(opened.map_err(|e| e.to_string())),
        }
    }

    /// Restores from a backup: through the open store (its data copied aside first), or, when
    /// the file could not be opened (damaged), by replacing the file and opening it again.
    /// Returns where the data before the restore was kept.
    pub fn restore(&self, from: &Path) -> Result<Option<BackupInfo>> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_mut() {
            Ok(store) => {
                let stamp = Stamp::by(settings::load(store.conn())?.operator, &SystemClock);
                backup::restore(store, from, &stamp).map(Some)
            }
            Err(_) => {
                let stamp = Stamp::by(settings::DEFAULT_OPERATOR, &SystemClock);
                let kept = backup::restore_file(&self.path, from, &stamp)?;
                *guard = Ok(Store::open(&self.path)?);
                Ok(kept.map(|k| BackupInfo {
                    path: k.display().to_string(),
                    size: std::fs::metadata(&k).map(|m| m.len()).unwrap_or(0),
                    created_at: stamp.at_text(),
                }))
            }
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
