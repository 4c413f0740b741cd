//! Reading the roster's workbook within bounds: the file, its zip and the sheet cell by cell,
//! so a file made to exhaust memory is refused fast and in Chinese.

use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::Path;

use super::cell_text;
use crate::{Error, Result};

/// What a roster workbook may be and hold. A township's roster is a few hundred rows of some
/// twenty columns; the bounds leave room for ten times that and refuse, fast and in Chinese, a
/// file made to exhaust memory (one cell at XFD1048576 makes a naive reader allocate the whole
/// sheet; a zip of 1 MB may unpack to gigabytes).
pub mod limits {
    /// The file itself.
    pub const FILE_BYTES: u64 = 20 * 1024 * 1024;
    /// Parts inside the xlsx (a zip): how many, each and all together when unpacked.
    pub const PARTS: usize = 1_000;
    pub const PART_BYTES: u64 = 32 * 1024 * 1024;
    pub const UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
    /// The sheet read: rows, columns, cells with a value, characters in one cell.
    pub const ROWS: u32 = 20_000;
    pub const COLUMNS: u32 = 200;
    pub const CELLS: usize = 500_000;
    pub const CELL_CHARS: usize = 10_000;
}

fn too_big(name: &str, what: String) -> Error {
    Error::Import(format!(
        "“{name}”{what}，超出了花名册的合理大小，未导入。请只保留花名册一张表，删去多余的行列后另存为 xlsx 再试"
    ))
}

/// Unpacks every part of the xlsx into nothing, counting: the declared sizes of a zip can lie,
/// the bytes cannot. Stops at the first bound passed.
fn check_package(path: &Path, name: &str) -> Result<()> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| {
        Error::Import(format!(
            "“{name}”无法作为 Excel 文件打开，文件可能已损坏或只是改了扩展名"
        ))
    })?;
    if zip.len() > limits::PARTS {
        return Err(too_big(name, format!("内部有 {} 个部件", zip.len())));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|_| Error::Import(format!("“{name}”已损坏（第 {} 个部件无法读取）", i + 1)))?;
        let n = std::io::copy(
            &mut (&mut part).take(limits::PART_BYTES + 1),
            &mut std::io::sink(),
        )
        .map_err(|_| Error::Import(format!("“{name}”已损坏（部件无法解压）")))?;
        if n > limits::PART_BYTES {
            return Err(too_big(
                name,
                format!(
                    "的部件“{}”解压后超过 32 MB",
                    part.name().map(|n| n.to_string()).unwrap_or_default()
                ),
            ));
        }
        total += n;
        if total > limits::UNPACKED_BYTES {
            return Err(too_big(name, "解压后超过 64 MB".to_string()));
        }
    }
    Ok(())
}

pub(super) fn read_rows(path: &Path) -> Result<Vec<Vec<Data>>> {
    let name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !["xlsx", "xlsm"].contains(&ext.as_str()) {
        return Err(Error::Import(format!(
            "“{name}”不是 Excel 表格文件（xlsx）：请选择 .xlsx 文件（.xls、.et 或 .ods 请在 WPS 或 Excel 中“另存为”xlsx）"
        )));
    }
    let meta = std::fs::symlink_metadata(path)
        .map_err(|_| Error::Import(format!("找不到文件“{name}”")))?;
    if !meta.is_file() {
        return Err(Error::Import(format!("“{name}”不是普通文件")));
    }
    if meta.len() > limits::FILE_BYTES {
        return Err(too_big(
            name.as_str(),
            format!("有 {}", crate::input::human_size(meta.len())),
        ));
    }
    check_package(path, &name)?;
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| {
        Error::Import(format!(
            "“{name}”无法作为 Excel 文件打开，文件可能已损坏或只是改了扩展名（{e}）"
        ))
    })?;
    for sheet in wb.sheet_names() {
        let rows = read_sheet(&mut wb, &sheet, &name)?;
        if rows
            .iter()
            .any(|r| r.iter().any(|c| !cell_text(c).is_empty()))
        {
            return Ok(rows);
        }
    }
    Err(Error::Import(format!("“{name}”中没有任何数据")))
}

/// One sheet, cell by cell, into rows at their absolute positions, within [`limits`]: no
/// grid is allocated for positions nobody wrote in.
fn read_sheet<RS: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<RS>,
    sheet: &str,
    name: &str,
) -> Result<Vec<Vec<Data>>> {
    let unreadable =
        |e: calamine::XlsxError| Error::Import(format!("无法读取工作表“{sheet}”：{e}"));
    let mut cells = wb.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut rows: Vec<Vec<Data>> = Vec::new();
    let mut n = 0usize;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        let value: Data = cell.get_value().clone().into();
        if matches!(value, Data::Empty) {
            continue;
        }
        if r >= limits::ROWS || c >= limits::COLUMNS {
            return Err(too_big(
                name,
                format!("的工作表“{sheet}”在第 {} 行第 {} 列还有内容", r + 1, c + 1),
            ));
        }
        if let Data::String(s) = &value {
            if s.chars().count() > limits::CELL_CHARS {
                return Err(too_big(
                    name,
                    format!(
                        "的第 {} 行第 {} 列有超过 {} 个字的内容",
                        r + 1,
                        c + 1,
                        limits::CELL_CHARS
                    ),
                ));
            }
        }
        n += 1;
        if n > limits::CELLS {
            return Err(too_big(name, format!("有超过 {} 个单元格", limits::CELLS)));
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, Data::Empty);
        }
        row[c] = value;
    }
    Ok(rows)
}
