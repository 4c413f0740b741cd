//! The county's package check on any manifest and data file: a manifest or a refusal, never a
//! panic. The input is split into a manifest and one records file; a valid package from the
//! seed corpus mutates into near-misses of every kind.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (manifest, rest) = data.split_at(cut);
    std::fs::write(dir.path().join("manifest.json"), manifest).unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let records = rest.get(1..).unwrap_or_default();
    std::fs::write(dir.path().join("data/petitions.jsonl"), records).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let _ = taizhang_core::package::verify(dir.path(), today);
});
