//! Which fonts a printout may use: the 公文 fonts of the office PC when installed (宋体, 仿宋,
//! 黑体, 楷体), then the OFL fonts shipped in `assets/fonts` so that no character prints as a
//! blank box. Only these files are loaded, in a fixed order, so the output does not change when
//! someone installs an unrelated font.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use taizhang_core::print::Document;
use taizhang_core::{Error, Result};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The office fonts, by file name as Windows installs them (also found on Linux when copied
/// into a font directory).
const OFFICE_FILES: &[&str] = &[
    "simsun.ttc",
    "simsun.ttf",
    "simfang.ttf",
    "simhei.ttf",
    "simkai.ttf",
];

pub struct Fonts {
    files: Vec<PathBuf>,
    fonts: Vec<Font>,
    book: LazyHash<FontBook>,
}

impl Fonts {
    /// Loads every face of the given files, in order; unreadable files are skipped (listed by
    /// [`Fonts::files`] only when loaded).
    pub fn from_files(paths: &[PathBuf]) -> Fonts {
        let mut files = Vec::new();
        let mut fonts = Vec::new();
        for p in paths {
            let Ok(data) = std::fs::read(p) else { continue };
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() > before {
                files.push(p.clone());
            }
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Fonts { files, fonts, book }
    }

    /// The office fonts found on this machine, then the bundled fallback. The bundled directory
    /// is the first of: `$TAIZHANG_FONTS`, the given directories (the app's resource dir),
    /// `fonts/` beside the executable, and the source tree's `assets/fonts`.
    pub fn standard_with(bundled: &[PathBuf]) -> Fonts {
        let mut paths = office_fonts();
        let mut dirs: Vec<PathBuf> = Vec::new();
        if let Some(d) = std::env::var_os("TAIZHANG_FONTS") {
            dirs.push(d.into());
        }
        dirs.extend(bundled.iter().cloned());
        if let Some(exe_dir) = std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(Path::to_path_buf))
        {
            dirs.push(exe_dir.join("fonts"));
        }
        dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/fonts"));
        if let Some(dir) = dirs.into_iter().find(|d| !font_files_in(d).is_empty()) {
            paths.extend(font_files_in(&dir));
        }
        Fonts::from_files(&paths)
    }

    pub fn standard() -> Fonts {
        Fonts::standard_with(&[])
    }

    /// The files loaded, in the order fonts are tried.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Family names, in load order, each once.
    pub fn families(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.fonts
            .iter()
            .map(|f| f.info().family.clone())
            .filter(|f| seen.insert(f.clone()))
            .collect()
    }

    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    pub(crate) fn get(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    /// Characters of `text` that no loaded font has a glyph for.
    pub fn uncovered(&self, text: &str) -> Vec<char> {
        let mut missing = BTreeSet::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() {
                continue;
            }
            if !self
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(c as u32))
            {
                missing.insert(c);
            }
        }
        missing.into_iter().collect()
    }

    /// Refuses a model with a character no font can draw: without this, Typst prints an empty
    /// box for it and says nothing (a name on a ledger page would silently lose a character).
    pub(crate) fn check_coverage(&self, doc: &Document) -> Result<()> {
        let mut text = String::new();
        collect_text(&serde_json::to_value(doc).expect("serialises"), &mut text);
        let missing = self.uncovered(&text);
        if missing.is_empty() {
            return Ok(());
        }
        let list: String = missing
            .iter()
            .map(|c| format!("“{c}”(U+{:04X})", *c as u32))
            .collect::<Vec<_>>()
            .join("、");
        Err(Error::Print(format!(
            "以下字符在已安装的字体中都没有字形，打印出来会是空白方框：{list}。请把含有这些字的字体文件（如花园明朝 HanaMinB.ttf）放入字体目录后重试。"
        )))
    }
}

fn collect_text(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_text(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_text(x, out)),
        _ => {}
    }
}

fn font_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc"))
        })
        .collect();
    files.sort();
    files
}

/// The 公文 fonts installed on this machine, in [`OFFICE_FILES`] order.
fn office_fonts() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(win) = std::env::var_os("WINDIR") {
        dirs.push(PathBuf::from(win).join("Fonts"));
    }
    if let Some(local) = std::env::var_os("LOCALAPPDATA") {
        dirs.push(PathBuf::from(local).join("Microsoft/Windows/Fonts"));
    }
    for d in ["/usr/share/fonts", "/usr/local/share/fonts"] {
        dirs.push(d.into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(&home).join(".local/share/fonts"));
        dirs.push(PathBuf::from(&home).join(".fonts"));
    }
    let mut found: Vec<(usize, PathBuf)> = Vec::new();
    for d in dirs {
        walk(&d, 0, &mut |p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_ascii_lowercase);
            if let Some(i) = name.and_then(|n| OFFICE_FILES.iter().position(|f| *f == n)) {
                if !found.iter().any(|(j, _)| *j == i) {
                    found.push((i, p.to_path_buf()));
                }
            }
        });
    }
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

fn walk(dir: &Path, depth: usize, f: &mut impl FnMut(&Path)) {
    if depth > 4 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, depth + 1, f);
        } else {
            f(&p);
        }
    }
}
