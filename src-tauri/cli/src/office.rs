//! `taizhang-cli history`, `backup`, `backups`, `restore` and `verify`: the office's own records
//! of what happened, and the ways back.

use std::path::Path;
use taizhang_core::{backup, history, Error, Result, Stamp, Store};

use crate::print_json;

pub(crate) fn history(
    store: &Store,
    entity: Option<String>,
    id: Option<i64>,
    limit: usize,
    json: bool,
) -> Result<()> {
    let entity = entity.as_deref().map(history::Entity::parse).transpose()?;
    let page = taizhang_core::registry::history(store.conn(), entity, id, 1, limit)?;
    if json {
        print_json(&page.items);
    } else {
        for h in page.items {
            let changes: Vec<String> = h
                .changes
                .iter()
                .map(|c| format!("{}：{} → {}", c.label, c.before, c.after))
                .collect();
            println!(
                "{}  {}  {}#{}  {}  {} {}",
                h.at,
                h.actor,
                h.entity,
                h.entity_id,
                h.action,
                h.note,
                changes.join("；")
            );
        }
    }
    Ok(())
}

pub(crate) fn backup(store: &Store, stamp: &Stamp, json: bool) -> Result<()> {
    let b = backup::backup_now(store, stamp)?;
    if json {
        print_json(&b);
    } else {
        println!("已备份到：{}", b.path);
    }
    Ok(())
}

pub(crate) fn backups(store: &Store, json: bool) -> Result<()> {
    let list = backup::list(store)?;
    if json {
        print_json(&list);
    } else {
        for b in list {
            println!("{}  {:>10} 字节  {}", b.created_at, b.size, b.path);
        }
    }
    Ok(())
}

pub(crate) fn restore(db: &Path, stamp: &Stamp, file: &Path, show: bool, json: bool) -> Result<()> {
    if show {
        let c = backup::contents(file)?;
        if json {
            print_json(&c);
        } else {
            println!("备份文件：{}（{}，{} 字节）", c.path, c.created_at, c.size);
            println!("结构版本：{}", c.schema_version);
            if let Some(at) = &c.last_change {
                println!("最后修改：{at}");
            }
            for (what, n) in &c.entries {
                println!("  {what}：{n}");
            }
        }
        return Ok(());
    }
    let (kept, damaged) = backup::restore_at(db, file, stamp)?;
    if json {
        print_json(&serde_json::json!({ "restored_from": file, "kept": kept, "damaged": damaged }));
        return Ok(());
    }
    match (kept, damaged) {
        (Some(k), false) => println!(
            "已从 {} 恢复。恢复前的数据已备份到：{}",
            file.display(),
            k.display()
        ),
        (Some(k), true) => println!(
            "已从 {} 恢复。原数据文件无法打开，已原样保存在：{}",
            file.display(),
            k.display()
        ),
        (None, _) => println!("已从 {} 恢复。", file.display()),
    }
    Ok(())
}

pub(crate) fn backup_location(
    store: &mut Store,
    stamp: &Stamp,
    dir: Option<String>,
    json: bool,
) -> Result<()> {
    let s = match dir {
        Some(d) => backup::set_copy_dir(store, stamp, &d)?,
        None => backup::copy_status(store, stamp.today())?,
    };
    if json {
        print_json(&s);
        return Ok(());
    }
    if s.dir.is_empty() {
        println!("未设置备份位置（备份只在本机）");
        return Ok(());
    }
    println!("备份位置：{}", s.dir);
    println!("最近一次复制：{}", s.last_copy.as_deref().unwrap_or("从未"));
    if let Some(e) = &s.last_error {
        println!("上次复制失败：{e}");
    }
    if s.overdue {
        println!(
            "已超过 {} 天没有复制到备份位置，请插好U盘",
            backup::COPY_EVERY_DAYS
        );
    }
    Ok(())
}

pub(crate) fn verify(store: &Store, json: bool) -> Result<()> {
    let r = backup::verify(store)?;
    if json {
        print_json(&r);
    } else {
        println!("数据文件：{}", r.path);
        println!("结构版本：{}", r.schema_version);
        println!("完整性：{}", r.integrity);
        println!("外键问题：{} 处", r.foreign_key_problems);
    }
    let stale: Vec<i64> = taizhang_core::suggestions::projection_mismatches(store.conn())?
        .into_iter()
        .chain(taizhang_core::petitions::projection_mismatches(
            store.conn(),
        )?)
        .collect();
    if !stale.is_empty() {
        eprintln!("办理状态与办理环节不一致的案件：{stale:?}");
    }
    let files = taizhang_core::attachments::check_all(store)?;
    for f in &files {
        eprintln!("{f}");
    }
    if !r.ok || !stale.is_empty() || !files.is_empty() {
        return Err(Error::Import("数据库检查未通过，请用最近的备份恢复".into()));
    }
    if !json {
        println!("检查通过");
    }
    Ok(())
}
