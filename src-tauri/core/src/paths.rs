//! Where the data lives. The app and the CLI must agree, so both ask here.

use std::path::PathBuf;

/// Environment variable that overrides the database path (tests, portable installs).
pub const DB_ENV: &str = "TAIZHANG_DB";

/// `$TAIZHANG_DB`, else the user's data directory: `~/.local/share/taizhang/taizhang.db` on
/// Linux, `%APPDATA%\taizhang\taizhang.db` on Windows.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("taizhang")
        .join("taizhang.db")
}
