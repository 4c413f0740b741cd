//! `taizhang-cli bench`: a large office generated, then the clerk's waits timed on it.

use chrono::NaiveDate;
use clap::Subcommand;
use taizhang_core::{demo, Result, Store};

use crate::{print_json, printing};

#[derive(Subcommand)]
pub(crate) enum BenchCmd {
    /// Fill an EMPTY database with twenty years of a large office.
    Generate {
        #[arg(long, default_value_t = 20)]
        years: i32,
        #[arg(long, default_value_t = 1_000)]
        suggestions_per_year: usize,
        #[arg(long, default_value_t = 2_500)]
        petitions_per_year: usize,
        #[arg(long, default_value_t = 1_500)]
        documents_per_year: usize,
        #[arg(long, default_value_t = 500)]
        activities_per_year: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Time the clerk's operations on the database; prints a table (or JSON).
    Run {
        #[arg(long, default_value_t = 20)]
        runs: usize,
        #[arg(long)]
        json: bool,
    },
}

pub(crate) fn run(mut store: Store, today: NaiveDate, c: BenchCmd) -> Result<()> {
    match c {
        BenchCmd::Generate {
            years,
            suggestions_per_year,
            petitions_per_year,
            documents_per_year,
            activities_per_year,
            seed,
        } => {
            let t = std::time::Instant::now();
            let scale = demo::large::Scale {
                years,
                suggestions_per_year,
                petitions_per_year,
                documents_per_year,
                activities_per_year,
                ..Default::default()
            };
            let s = demo::large::generate(&mut store, &scale, seed, today)?;
            println!(
                "已生成：{} 届 {} 名代表，{} 件代表建议，{} 件信访，{} 件文件，{} 次主席团会议，{} 次小组活动，{} 次人代会，{} 个民生实事项目，{} 个办理环节（{:.1} 秒）",
                s.terms,
                s.deputies,
                s.suggestions,
                s.petitions,
                s.documents,
                s.meetings,
                s.activities,
                s.sessions,
                s.projects,
                s.steps,
                t.elapsed().as_secs_f64()
            );
        }
        BenchCmd::Run { runs, json } => {
            let path = store.path().to_path_buf();
            drop(store);
            let out = std::env::temp_dir();
            let mut r = taizhang_core::bench::run(&path, today, runs.max(1), &out)?;
            r.rows
                .extend(printing::bench_rows(&path, today, runs.clamp(1, 5))?);
            let peak_with_print = taizhang_core::bench::peak_rss_mb();
            if json {
                print_json(&r);
            } else {
                println!(
                    "数据库 {:.1} MB：{} 名代表，{} 件代表建议，{} 件信访，{} 件文件，{} 次主席团会议，{} 次小组活动",
                    r.db_bytes as f64 / 1_048_576.0,
                    r.deputies,
                    r.suggestions,
                    r.petitions,
                    r.documents,
                    r.meetings,
                    r.activities
                );
                println!("| 操作 | 次数 | p50 (ms) | p99 (ms) |\n|---|---|---|---|");
                for row in &r.rows {
                    println!(
                        "| {} | {} | {} | {} |",
                        row.what, row.runs, row.p50_ms, row.p99_ms
                    );
                }
                if let Some(m) = r.peak_rss_mb {
                    println!("| 峰值内存 (VmHWM)，打印之前 | | {m} MB | |");
                }
                if let Some(m) = peak_with_print {
                    println!("| 峰值内存 (VmHWM)，含打印 | | {m} MB | |");
                }
            }
        }
    }
    Ok(())
}
