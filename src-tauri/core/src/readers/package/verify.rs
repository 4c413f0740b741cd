//! The county's check of a package, before anything of it is read into a database: only
//! regular files inside the package, every read bounded, a manifest that could be true.

use chrono::NaiveDate;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

use super::{
    hex, refuse, safe, FileEntry, Manifest, DATA_BOOKS, FORMAT, MAX_FILE_BYTES, SCHEMA_VERSION,
};
use crate::{Error, Result};

fn listed(dir: &Path, base: &Path, out: &mut BTreeSet<String>) -> Result<()> {
    for e in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let e = e.map_err(|e| Error::io(dir, e))?;
        let p = e.path();
        // The entry's own type: a link is not followed, and refused.
        let kind = e.file_type().map_err(|e| Error::io(&p, e))?;
        let rel = p
            .strip_prefix(base)
            .expect("under base")
            .to_string_lossy()
            .replace('\\', "/");
        if kind.is_symlink() {
            return Err(refuse(format!(
                "导出包中的 {rel} 是链接而不是文件，拒绝导入"
            )));
        }
        if kind.is_dir() {
            listed(&p, base, out)?;
        } else if kind.is_file() {
            out.insert(rel);
        } else {
            return Err(refuse(format!("导出包中的 {rel} 不是普通文件，拒绝导入")));
        }
    }
    Ok(())
}

/// One file of a package, read only if it is a regular file inside it, within its bound.
fn read_in(dir: &Path, rel: &str, max: u64) -> Result<Vec<u8>> {
    crate::input::read_regular(&dir.join(rel), max, "导出包").map_err(|e| match e {
        Error::Validation { message, .. } => refuse(format!("{rel}：{message}")),
        Error::Io { .. } => refuse(format!("缺少文件 {rel}")),
        other => other,
    })
}

/// The county's check of a package, all of it before anything is read into a database: the
/// manifest is there and of a known format and version, names a township, carries plausible
/// dates and lists each file once; every book's records file is there; every file it lists is
/// a regular file inside the package (no link is followed, no pipe waited on), not too large,
/// with its hash; nothing else is there; and every record is a JSON object of its file's book
/// with an id, each id once.
pub fn verify(dir: &Path, today: NaiveDate) -> Result<Manifest> {
    let mpath = dir.join("manifest.json");
    if std::fs::symlink_metadata(&mpath).is_err() {
        return Err(refuse(format!(
            "“{}”不是导出包：缺少 manifest.json",
            dir.display()
        )));
    }
    let bytes = read_in(dir, "manifest.json", 4 * 1024 * 1024)?;
    let text =
        String::from_utf8(bytes).map_err(|_| refuse("manifest.json 不是 UTF-8 文本".into()))?;
    let head: Value = serde_json::from_str(&text).map_err(|e| {
        refuse(format!(
            "manifest.json 不是有效的 JSON（第 {} 行）",
            e.line()
        ))
    })?;
    if head["format"] != FORMAT {
        return Err(refuse(
            "manifest.json 不是乡镇人大台账的导出包（format 不符）".into(),
        ));
    }
    match head["schema_version"].as_u64() {
        Some(v) if v == SCHEMA_VERSION as u64 => {}
        Some(v) if v > SCHEMA_VERSION as u64 => {
            return Err(refuse(format!(
                "导出包的数据格式版本为 {v}，本软件只认识到 {SCHEMA_VERSION}，请升级软件后再导入"
            )))
        }
        _ => return Err(refuse("manifest.json 的 schema_version 无效".into())),
    }
    let m: Manifest = crate::input::from_value(&MANIFEST, head)
        .map_err(|e| refuse(format!("manifest.json 内容不完整：{e}")))?;
    check_manifest(&m, today)?;
    let carried = m.data_books();
    if let Some(b) = carried.iter().find(|b| !DATA_BOOKS.contains(&b.as_str())) {
        return Err(refuse(format!(
            "清单中的台账“{b}”不是本软件的台账，拒绝导入"
        )));
    }
    let mut expected = BTreeSet::new();
    for f in &m.files {
        if !safe(&f.path) {
            return Err(refuse(format!(
                "清单中的文件名“{}”不安全（含 .. 或绝对路径），拒绝导入",
                f.path
            )));
        }
        if !expected.insert(f.path.clone()) {
            return Err(refuse(format!("清单中文件 {} 列了两次，拒绝导入", f.path)));
        }
        if f.bytes > MAX_FILE_BYTES {
            return Err(refuse(format!("文件 {} 过大（{} 字节）", f.path, f.bytes)));
        }
        let bytes = read_in(dir, &f.path, f.bytes)?;
        if bytes.len() as u64 != f.bytes {
            return Err(refuse(format!(
                "文件 {} 的大小与清单不符（可能被截断或修改）",
                f.path
            )));
        }
        if hex(&Sha256::digest(&bytes)) != f.sha256 {
            return Err(refuse(format!(
                "文件 {} 的校验值与清单不符（内容被修改或损坏）",
                f.path
            )));
        }
        if let Some(book) = f
            .path
            .strip_prefix("data/")
            .and_then(|p| p.strip_suffix(".jsonl"))
        {
            if !carried.iter().any(|b| b == book) {
                return Err(refuse(format!(
                    "导出包中有 {}，但清单没有说包含这本台账，拒绝导入",
                    f.path
                )));
            }
            check_records(f, book, bytes)?;
        }
    }
    if let Some(missing) = carried
        .iter()
        .map(|b| format!("data/{b}.jsonl"))
        .find(|p| !expected.contains(p))
    {
        return Err(refuse(format!(
            "导出包缺少 {missing}（每本台账都应有记录文件，没有记录时为空文件），包不完整，拒绝导入"
        )));
    }
    let mut present = BTreeSet::new();
    listed(dir, dir, &mut present)?;
    present.remove("manifest.json");
    if let Some(extra) = present.difference(&expected).next() {
        return Err(refuse(format!(
            "导出包中有清单之外的文件 {extra}，拒绝导入"
        )));
    }
    Ok(m)
}

const MANIFEST: crate::fields::Form = crate::fields::Form {
    what: "导出包清单",
    labels: &[],
};

/// What a manifest says about itself must be possible: a township by name and id, a period
/// that runs forward inside the office's dates, written no later than today (a manifest from
/// 9999 would make every genuine package after it look older).
fn check_manifest(m: &Manifest, today: NaiveDate) -> Result<()> {
    if m.township.trim().is_empty() || m.township_id.trim().is_empty() {
        return Err(refuse("清单没有写明乡镇名称或乡镇标识，拒绝导入".into()));
    }
    if m.township.chars().count() > 50 || m.township_id.chars().count() > 100 {
        return Err(refuse("清单中的乡镇名称或标识过长，拒绝导入".into()));
    }
    let earliest = crate::fields::earliest();
    if m.period_from < earliest
        || m.period_to < m.period_from
        || m.period_to > today + chrono::Days::new(366)
    {
        return Err(refuse(format!(
            "清单中的期间 {} 至 {} 不合理，拒绝导入",
            m.period_from, m.period_to
        )));
    }
    let at = crate::dates::Minute::parse(&m.exported_at).ok_or_else(|| {
        refuse(format!(
            "清单中的导出时间“{}”无法识别，拒绝导入",
            m.exported_at
        ))
    })?;
    if at.date() < earliest || at.date() > today + chrono::Days::new(1) {
        return Err(refuse(format!(
            "清单中的导出时间 {} 晚于今天（{today}）或早得不可能，请核对导出电脑的日期，拒绝导入",
            m.exported_at
        )));
    }
    Ok(())
}

/// Every line of `data/BOOK.jsonl`: a JSON object of that book with an id, each id once, as
/// many as the manifest counts.
fn check_records(f: &FileEntry, book: &str, bytes: Vec<u8>) -> Result<()> {
    if !DATA_BOOKS.contains(&book) {
        return Err(refuse(format!(
            "导出包中的 {} 不是本软件的台账文件",
            f.path
        )));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| refuse(format!("文件 {} 不是 UTF-8 文本", f.path)))?;
    let mut ids = std::collections::HashSet::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let bad = |why: &str| refuse(format!("文件 {} 第 {} 行{why}", f.path, i + 1));
        let v: Value = serde_json::from_str(line).map_err(|_| bad("不是有效的 JSON"))?;
        let Some(id) = v["id"].as_i64().filter(|_| v.is_object()) else {
            return Err(bad("不符合数据格式（缺少 id）"));
        };
        if v["book"] != book {
            return Err(bad(&format!("不属于{book}（book 不符）")));
        }
        if !ids.insert(id) {
            return Err(bad(&format!("的编号 {id} 重复")));
        }
        n += 1;
    }
    if n != f.records {
        return Err(refuse(format!(
            "文件 {} 有 {n} 条记录，清单写的是 {} 条，拒绝导入",
            f.path, f.records
        )));
    }
    Ok(())
}
