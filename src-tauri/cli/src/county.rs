//! `taizhang-cli export`, `verify PACKAGE` and `county`: the package for the county on a USB
//! stick, its check, and county mode's import and figures.

use clap::Subcommand;
use std::path::{Path, PathBuf};
use taizhang_core::{dates, Error, Result, Stamp, Store};

use crate::print_json;

#[derive(Subcommand)]
pub(crate) enum CountyCmd {
    /// Verify and import packages (each all or nothing; the same one twice changes nothing).
    Import {
        #[arg(required = true)]
        packages: Vec<PathBuf>,
        /// Import a full package even where it holds fewer records than the county has.
        #[arg(long)]
        allow_removal: bool,
        #[arg(long)]
        json: bool,
    },
    /// Figures per township and combined.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

/// What `export` was asked for.
pub(crate) struct ExportArgs {
    pub out: PathBuf,
    pub from: String,
    pub to: String,
    pub include_identities: bool,
    pub with_pdf: bool,
    pub changes: bool,
    pub books: Option<String>,
}

pub(crate) fn verify(dir: &Path, today: chrono::NaiveDate, json: bool) -> Result<()> {
    let m = taizhang_core::package::verify(dir, today)?;
    if json {
        print_json(&m);
    } else {
        println!(
            "导出包完好：{}，{} 至 {}，{} 个文件，{}",
            m.township,
            m.period_from,
            m.period_to,
            m.files.len(),
            if m.pseudonymised {
                "身份信息已化名"
            } else {
                "含身份信息"
            }
        );
    }
    Ok(())
}

pub(crate) fn run(store: &mut Store, stamp: &Stamp, c: CountyCmd) -> Result<()> {
    match c {
        CountyCmd::Import {
            packages,
            allow_removal,
            json,
        } => {
            let mut done = Vec::new();
            let mut failed = 0;
            for p in &packages {
                match taizhang_core::county::import(store, stamp, p, allow_removal) {
                    Ok(r) => {
                        if !json {
                            let what = match r.outcome {
                                taizhang_core::county::Outcome::Imported => "已导入",
                                taizhang_core::county::Outcome::Updated => "已更新",
                                taizhang_core::county::Outcome::Unchanged => "已导入过，未作修改",
                            };
                            println!("{}：{what}（{} 条记录）", r.township, r.records);
                        }
                        done.push(r);
                    }
                    Err(e) => {
                        eprintln!("{}：{e}", p.display());
                        failed += 1;
                    }
                }
            }
            if json {
                print_json(&done);
            }
            if failed > 0 {
                return Err(Error::Import(format!("{failed} 个导出包未导入")));
            }
        }
        CountyCmd::Stats { json } => {
            let s = taizhang_core::county::stats(store.conn())?;
            if json {
                print_json(&s);
            } else {
                println!("| 乡镇 | 在任代表 | 建议 | 已答复 | 已办结 | 满意 | 信访 | 集体访 | 小组活动 | 接待选民 | 主席团会议 | 人代会 | 人代会出席 |");
                println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
                for f in s.townships.iter().chain(std::iter::once(&s.total)) {
                    println!(
                        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}/{} |",
                        f.township,
                        f.deputies_in_office,
                        f.suggestions_received,
                        f.suggestions_replied,
                        f.suggestions_closed,
                        f.suggestions_satisfied,
                        f.petitions_received,
                        f.petitions_group_visits,
                        f.activities,
                        f.voter_receptions,
                        f.meetings,
                        f.sessions,
                        f.session_present,
                        f.session_expected
                    );
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn export(store: &mut Store, stamp: &Stamp, a: ExportArgs, json: bool) -> Result<()> {
    let ExportArgs {
        out,
        from,
        to,
        include_identities,
        with_pdf,
        changes,
        books,
    } = a;
    use taizhang_core::package::Scope;
    let o = taizhang_core::package::ExportOptions {
        from: dates::parse_iso("from", "开始日期", &from)?,
        to: dates::parse_iso("to", "结束日期", &to)?,
        include_identities,
        with_pdf,
        scope: if changes { Scope::Changes } else { Scope::Full },
        books: books.map(|b| crate::casework::split(&b).map(str::to_string).collect()),
    };
    let r = taizhang_typeset::Typesetter::standard().export(store, stamp, &out, &o)?;
    if json {
        print_json(&r);
    } else {
        println!(
            "已导出并校验：{}（{} 个文件，清单 SHA-256 {}）",
            r.path.display(),
            r.manifest.files.len(),
            r.manifest_sha256
        );
    }
    Ok(())
}
