//! Lays out the core's print models (`taizhang_core::print::Document`) on pages with Typst, and
//! writes PDF (optionally PDF/A-2b) or SVG pages for the preview.
//!
//! Reproducible by construction: the Typst world sees only the template, the model as
//! `/data.json`, and an explicit, ordered list of font files; it has no clock (`today()` is
//! `None`) and the PDF gets no timestamp and a fixed identifier. Same model + same fonts = same
//! bytes.
//!
//! Kept out of the core crate so the ~170 crates Typst brings are not linked into every core test.

mod fonts;
mod world;

use std::path::Path;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};
use taizhang_core::package::{self, ExportOptions, Exported, ExtraFile};
use taizhang_core::print::{self, Document, PrintRequest, Printout};
use taizhang_core::{Error, Result, Stamp, Store};
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use fonts::Fonts;
use world::PrintWorld;

/// A typeset PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub sha256: String,
}

/// One preview page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PreviewPage {
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    /// The page as SVG (glyphs as paths: it shows exactly what prints).
    pub svg: String,
    /// Page size in millimetres, for the print stylesheet.
    pub width_mm: f64,
    pub height_mm: f64,
}

/// The typesetter: fonts loaded once, and the last laid-out document kept for page-by-page
/// preview (the app asks for one page at a time).
pub struct Typesetter {
    fonts: Fonts,
    last: Mutex<Option<(String, Arc<PagedDocument>)>>,
}

impl Typesetter {
    pub fn new(fonts: Fonts) -> Typesetter {
        Typesetter {
            fonts,
            last: Mutex::new(None),
        }
    }

    /// With the office's fonts and the bundled fallback (see [`Fonts::standard`]).
    pub fn standard() -> Typesetter {
        Typesetter::new(Fonts::standard())
    }

    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// Lays the model out, reusing the last layout when the model is the same.
    fn layout(&self, doc: &Document) -> Result<Arc<PagedDocument>> {
        let data = serde_json::to_string(doc).expect("print models serialise");
        if let Some((key, paged)) = self.last.lock().expect("not poisoned").as_ref() {
            if *key == data {
                return Ok(paged.clone());
            }
        }
        self.fonts.check_coverage(doc)?;
        let world = PrintWorld::new(&self.fonts, template(doc), data.clone());
        let warned = typst::compile::<PagedDocument>(&world);
        let paged = warned
            .output
            .map_err(|errs| Error::Print(world::describe("排版失败", &errs)))?;
        let paged = Arc::new(paged);
        // Typst memoises layout across compilations; in a long-running app that memory would
        // only grow. Keep what the last few layouts used (as Typst's own watch mode does).
        typst::comemo::evict(10);
        *self.last.lock().expect("not poisoned") = Some((data, paged.clone()));
        Ok(paged)
    }

    /// Drops every cached layout, so the next one starts cold (benchmarks; freeing memory).
    pub fn forget_layouts(&self) {
        *self.last.lock().expect("not poisoned") = None;
        typst::comemo::evict(0);
    }

    /// The PDF of a model. `archival` writes PDF/A-2b (every glyph embedded, checked).
    pub fn pdf(&self, doc: &Document, archival: bool) -> Result<Pdf> {
        let paged = self.layout(doc)?;
        let standards = if archival {
            PdfStandards::new(&[PdfStandard::A_2b]).expect("A-2b alone is a valid set")
        } else {
            PdfStandards::default()
        };
        let options = PdfOptions {
            ident: Smart::Custom(ident(doc)),
            timestamp: None,
            standards,
            ..PdfOptions::default()
        };
        let bytes = typst_pdf::pdf(&paged, &options)
            .map_err(|errs| Error::Print(world::describe("生成 PDF 失败", &errs)))?;
        let sha256 = hex(&Sha256::digest(&bytes));
        Ok(Pdf {
            bytes,
            pages: paged.pages().len(),
            sha256,
        })
    }

    /// One page of the preview as SVG.
    pub fn page(&self, doc: &Document, page: usize) -> Result<PreviewPage> {
        let paged = self.layout(doc)?;
        let pages = paged.pages().len();
        let p = paged
            .pages()
            .get(page.max(1) - 1)
            .ok_or_else(|| Error::validation("page", format!("只有 {pages} 页")))?;
        let size = p.frame.size();
        Ok(PreviewPage {
            page: page.max(1),
            pages,
            svg: typst_svg::svg(p, &typst_svg::SvgOptions::default()),
            width_mm: size.x.to_mm(),
            height_mm: size.y.to_mm(),
        })
    }

    /// Typesets a request and writes the PDF to `out` (temp name, then rename, so a failed
    /// write never leaves a file that looks complete), then records the printout.
    pub fn save(
        &self,
        store: &mut Store,
        stamp: &Stamp,
        req: &PrintRequest,
        out: &Path,
    ) -> Result<(Pdf, Printout)> {
        let doc = print::model(store.conn(), req, stamp.today())?;
        let pdf = self.pdf(&doc, req.archival)?;
        write_atomically(out, &pdf.bytes)?;
        let logged = print::record(
            store,
            stamp,
            req,
            pdf.pages,
            &pdf.sha256,
            &out.display().to_string(),
        )?;
        Ok((pdf, logged))
    }

    /// Writes an export package (`core::package::export`), with the printed books as PDF/A in it
    /// when asked for: typeset from the same models as a printout, hashed in the manifest.
    pub fn export(
        &self,
        store: &mut Store,
        stamp: &Stamp,
        dest: &Path,
        o: &ExportOptions,
    ) -> Result<Exported> {
        let mut pdfs = Vec::new();
        if o.with_pdf {
            for (path, req) in package::pdf_books(o) {
                let doc = print::model(store.conn(), &req, stamp.today())?;
                let pdf = self.pdf(&doc, req.archival)?;
                pdfs.push(ExtraFile {
                    what: format!(
                        "打印版 {}（{} 页）",
                        path.trim_start_matches("打印/"),
                        pdf.pages
                    ),
                    path,
                    bytes: pdf.bytes,
                });
            }
        }
        package::export(store, stamp, dest, o, &pdfs)
    }

    /// Records a printout sent to the printer: the log row with the hash of the PDF the same
    /// request saves (so a printed sheet can be matched to a saved copy).
    pub fn record_printed(
        &self,
        store: &mut Store,
        stamp: &Stamp,
        req: &PrintRequest,
    ) -> Result<Printout> {
        let doc = print::model(store.conn(), req, stamp.today())?;
        let pdf = self.pdf(&doc, req.archival)?;
        print::record(store, stamp, req, pdf.pages, &pdf.sha256, "")
    }
}

fn template(doc: &Document) -> &'static str {
    match doc {
        Document::Book(_) => include_str!("../../../assets/print/book.typ"),
        Document::Minutes(_) => include_str!("../../../assets/print/minutes.typ"),
        Document::Form(_) | Document::Forms(_) => include_str!("../../../assets/print/form.typ"),
        Document::Sheet(_) => include_str!("../../../assets/print/sheet.typ"),
    }
}

/// A stable PDF identifier: the same document keeps the same id across reprints.
fn ident(doc: &Document) -> String {
    let data = serde_json::to_string(doc).expect("print models serialise");
    format!("taizhang-{}", &hex(&Sha256::digest(data.as_bytes()))[..32])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".taizhang-print-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    // A temp file is private (0600); the saved PDF is an ordinary file like any other.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io(out, e))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Error::io(out, e))?;
    tmp.persist(out).map_err(|e| Error::io(out, e.error))?;
    Ok(())
}
