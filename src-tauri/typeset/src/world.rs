//! The smallest Typst world that can print a book: one template, one data file, fixed fonts.

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::Fonts;

pub(crate) struct PrintWorld<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a valid virtual path"),
    )
    .intern()
}

impl<'a> PrintWorld<'a> {
    pub(crate) fn new(fonts: &'a Fonts, template: &str, data: String) -> PrintWorld<'a> {
        PrintWorld {
            library: LazyHash::new(Library::default()),
            fonts,
            main: Source::new(file_id("/main.typ"), template.to_string()),
            data_id: file_id("/data.json"),
            data: Bytes::from_string(data),
        }
    }
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index)
    }

    /// No clock: a printout never depends on the day it is made.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Typst's messages, joined, for an error the clerk can pass on.
pub(crate) fn describe(what: &str, errs: &[SourceDiagnostic]) -> String {
    let details: Vec<String> = errs
        .iter()
        .map(|e| {
            let mut s = e.message.to_string();
            for h in &e.hints {
                s.push_str(&format!("（{}）", h.v));
            }
            s
        })
        .collect();
    format!("{what}：{}", details.join("；"))
}
