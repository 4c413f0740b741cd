//! What goes on paper: each book and form as a print model (plain data), and the log of printouts.
//!
//! The core decides every word that is printed (which entries, in which order, masked or not, the
//! void reason, the Chinese date); `taizhang-typeset` only lays the model out on pages. So the
//! app and the CLI print the same thing, and this module is tested without a typesetter.
//!
//! Models hold no timestamp and nothing random: the same data and options give the same model, so
//! the PDF typeset from it is byte-identical and a reprint matches the archived copy.

mod books;
mod congress;
mod forms;
mod sheets;
mod supervision;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::history::{self, Action, Entity, Stamp};
use crate::{settings, Error, Result, Store};

pub use books::book;
pub use forms::form;

pub use crate::registry::BookKind;

/// The single-entry forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// 代表建议交办单, for the lead handling unit.
    Assignment,
    /// 代表建议办理情况征询意见表, for the lead deputy.
    Feedback,
    /// 信访事项受理告知书.
    Acceptance,
    /// 信访事项延期办理告知书.
    Extension,
    /// 信访事项登记回执, handed to the petitioner at registration.
    Receipt,
}

impl FormKind {
    pub const ALL: [FormKind; 5] = [
        FormKind::Assignment,
        FormKind::Feedback,
        FormKind::Acceptance,
        FormKind::Extension,
        FormKind::Receipt,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FormKind::Assignment => "assignment",
            FormKind::Feedback => "feedback",
            FormKind::Acceptance => "acceptance",
            FormKind::Extension => "extension",
            FormKind::Receipt => "receipt",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            FormKind::Assignment => "代表建议交办单",
            FormKind::Feedback => "代表建议办理情况征询意见表",
            FormKind::Acceptance => "信访事项受理告知书",
            FormKind::Extension => "信访事项延期办理告知书",
            FormKind::Receipt => "信访事项登记回执",
        }
    }

    /// The book the form is printed from.
    pub fn entity(self) -> Entity {
        match self {
            FormKind::Assignment | FormKind::Feedback => Entity::Suggestion,
            FormKind::Acceptance | FormKind::Extension | FormKind::Receipt => Entity::Petition,
        }
    }

    pub fn parse(code: &str) -> Result<FormKind> {
        FormKind::ALL
            .into_iter()
            .find(|f| f.code() == code)
            .ok_or_else(|| {
                Error::validation(
                    "form",
                    format!(
                        "没有名为“{code}”的表单，可选：{}",
                        FormKind::ALL.map(|f| f.code()).join("、")
                    ),
                )
            })
    }
}

/// Which entries a book printout covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "PrintPeriod")]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Period {
    Year {
        year: i32,
    },
    /// The term's number (第二十届 = 20).
    Term {
        number: i64,
    },
    Range {
        from: NaiveDate,
        to: NaiveDate,
    },
}

/// What the user chose for one printout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PrintRequest {
    pub target: Target,
    /// Print petitioners' identities in clear; needs a reason, which is recorded.
    #[serde(default)]
    pub reveal_reason: Option<String>,
    /// 卷号 on the cover.
    #[serde(default = "one")]
    pub volume: u32,
    /// PDF/A-2b for the archive.
    #[serde(default)]
    pub archival: bool,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    Book {
        book: BookKind,
        period: Period,
    },
    Form {
        form: FormKind,
        id: i64,
    },
    /// The same form for several entries, one after another (the 交办单 of a batch assignment),
    /// in the order given.
    Forms {
        form: FormKind,
        ids: Vec<i64>,
    },
    /// 督办清单: every open suggestion and petition with its deadline, grouped by handling unit,
    /// those not yet assigned under 未交办, as of the day it is printed.
    Supervision,
    /// The results of one evaluation (评议测评结果): a table of its objects in rank order, the
    /// office and date over the seal position.
    Evaluation {
        id: i64,
    },
}

/// The most entries one batch of forms prints: a township's largest session has ~200
/// suggestions; a longer list is a mistake, not a batch.
pub const MAX_BATCH: usize = 500;

impl PrintRequest {
    /// Refuses a period no office has (year 99999, a range running backwards), a volume
    /// number beyond a shelf and an over-long reason, before anything is read or typeset.
    pub fn check(&self, today: NaiveDate) -> Result<()> {
        if let Some(r) = &self.reveal_reason {
            crate::fields::check_text(&crate::fields::PLAIN, "reveal_reason", r)?;
        }
        if !(1..=999).contains(&self.volume) {
            return Err(Error::validation("volume", "卷号应在 1 到 999 之间"));
        }
        let (earliest, latest) = crate::fields::date_range(crate::fields::Bound::Happened, today)
            .expect("happened dates have a range");
        match &self.target {
            Target::Book {
                period: Period::Year { year },
                ..
            } => {
                if !(earliest.year()..=latest.year()).contains(year) {
                    return Err(Error::validation(
                        "year",
                        format!(
                            "年度 {year} 不在 {} 到 {} 之间，请核对",
                            earliest.year(),
                            latest.year()
                        ),
                    ));
                }
            }
            Target::Book {
                period: Period::Term { number },
                ..
            } => {
                if !(1..=99).contains(number) {
                    return Err(Error::validation(
                        "term",
                        format!("届次 {number} 不存在，应在 1 到 99 之间"),
                    ));
                }
            }
            Target::Book {
                period: Period::Range { from, to },
                ..
            } => {
                for (field, label, d) in [("from", "开始日期", from), ("to", "结束日期", to)]
                {
                    if !(earliest..=latest).contains(d) {
                        return Err(Error::validation(
                            field,
                            format!(
                                "{label}“{d}”不在合理范围内（{earliest} 至 {latest}），请核对年份"
                            ),
                        ));
                    }
                }
                if from > to {
                    return Err(Error::validation("to", "结束日期早于开始日期，请核对"));
                }
            }
            Target::Forms { ids, .. } => {
                if ids.is_empty() {
                    return Err(Error::validation("ids", "请选择要打印的条目"));
                }
                if ids.len() > MAX_BATCH {
                    return Err(Error::validation(
                        "ids",
                        format!(
                            "一次最多打印 {MAX_BATCH} 份表单（选择了 {} 份），请分批打印",
                            ids.len()
                        ),
                    ));
                }
                let mut seen = std::collections::HashSet::new();
                if let Some(dup) = ids.iter().find(|id| !seen.insert(**id)) {
                    return Err(Error::validation(
                        "ids",
                        format!("条目 {dup} 选择了两次，请核对"),
                    ));
                }
            }
            Target::Form { .. } | Target::Supervision | Target::Evaluation { .. } => {}
        }
        Ok(())
    }

    pub fn reveal(&self) -> Result<Option<&str>> {
        match self.reveal_reason.as_deref().map(str::trim) {
            None => Ok(None),
            Some("") => Err(Error::validation(
                "reveal_reason",
                "打印信访人身份信息须填写原因（将记入操作记录）",
            )),
            Some(r) => Ok(Some(r)),
        }
    }
}

/// Workflow 9, one book of the year-end set: the year's book as an archival PDF, and the file
/// name it is saved under in the chosen folder ("2026年 人民来信来访记录簿.pdf"), so the app and
/// the CLI fill the folder alike.
pub fn year_book(year: i32, book: BookKind) -> (String, PrintRequest) {
    (
        format!("{year}年 {}.pdf", book.title()),
        PrintRequest {
            target: Target::Book {
                book,
                period: Period::Year { year },
            },
            reveal_reason: None,
            volume: 1,
            archival: true,
        },
    )
}

/// The model a typesetter lays out: a book or a form, with the office's heading.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export, rename = "PrintDocument")]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Document {
    Book(Book),
    Minutes(Minutes),
    Form(Form),
    Forms(FormSet),
    Sheet(Sheet),
}

/// Several forms printed as one job, each starting on a new page.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FormSet {
    /// 代表建议交办单（共12份）
    pub title: String,
    pub office: String,
    pub forms: Vec<Form>,
    /// The PDF's document date: the latest form's.
    pub issued: NaiveDate,
}

/// A one-off list on landscape A4 with no cover (督办清单): a title, lines under it, then a
/// table per section whose header repeats on every page.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Sheet {
    pub office: String,
    pub title: String,
    /// 截至2026年12月5日：已逾期3件…
    pub lines: Vec<String>,
    pub columns: Vec<Column>,
    pub sections: Vec<Section>,
    /// Under the table (逾期单位…).
    pub footnote: String,
    /// The date in Chinese numerals, printed with the office over the seal position when the
    /// sheet is a result the office issues (评议结果); None for a working list.
    pub signed: Option<String>,
    pub issued: NaiveDate,
}

/// The cover and running header common to every book.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Cover {
    /// 某某镇人民代表大会主席团
    pub office: String,
    pub title: String,
    /// 2026年度 / 第二十届 / 2026年1月1日至2026年6月30日
    pub period: String,
    pub volume: u32,
    pub entries: usize,
    pub voided: usize,
    /// 起止日期 of the entries, or empty when there are none.
    pub span: String,
    /// Said on the cover when identities are printed in clear.
    pub identity: String,
    /// The PDF's document date: the last entry's date (the period's first day when empty), so
    /// it comes from the data and a reprint carries the same date.
    pub issued: NaiveDate,
}

/// A tabular book: sections (a group, a month, a session), each a table.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export, rename = "PrintBook")]
pub struct Book {
    pub cover: Cover,
    pub landscape: bool,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Section {
    pub title: String,
    /// Lines under the title (组长、联络员…).
    pub lines: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Column {
    pub title: &'static str,
    /// Relative width.
    pub width: u32,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export, rename = "PrintRow")]
pub struct Row {
    /// Entry number first; never empty.
    pub cells: Vec<String>,
    /// The void reason: the row prints struck through with it.
    pub void: Option<String>,
}

/// Presidium meeting minutes: one meeting per page group, with signature lines.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Minutes {
    pub cover: Cover,
    pub meetings: Vec<MeetingPages>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MeetingPages {
    pub number: String,
    /// Label / value pairs: 时间, 地点, 主持人…
    pub fields: Vec<(String, String)>,
    pub agenda: Vec<AgendaPrint>,
    pub notes: String,
    pub void: Option<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AgendaPrint {
    pub title: String,
    pub discussion: String,
    pub decision: String,
    /// 赞成7票，反对0票，弃权1票，通过 (empty when not voted).
    pub votes: String,
}

/// A single-entry form on A4 in the formal style.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Form {
    pub title: String,
    /// 文号.
    pub number: String,
    /// 某某单位： / 某某同志：
    pub addressee: String,
    pub paragraphs: Vec<String>,
    /// A bordered table of label / value pairs (may be empty).
    pub fields: Vec<(String, String)>,
    /// Tick boxes: a question and its options (征询意见表).
    pub choices: Vec<(String, Vec<String>)>,
    /// A blank bordered box for handwriting, with its label.
    pub blank: Option<String>,
    /// Signature lines under the body (代表签名).
    pub signatures: Vec<String>,
    pub office: String,
    /// 二〇二六年十一月二十三日
    pub date: String,
    /// A note at the foot (送达、回执说明).
    pub footnote: String,
    /// The PDF's document date (the date on the form).
    pub issued: NaiveDate,
}

/// The model for a request as of `today`, with nothing written (preview).
pub fn model(conn: &Connection, req: &PrintRequest, today: NaiveDate) -> Result<Document> {
    req.check(today)?;
    let reveal = req.reveal()?.is_some();
    match &req.target {
        Target::Book { book: b, period } => book(conn, *b, period, req.volume, reveal, today),
        Target::Form { form: f, id } => Ok(Document::Form(form(conn, *f, *id, reveal, today)?)),
        Target::Forms { form: f, ids } => {
            let forms = ids
                .iter()
                .map(|id| form(conn, *f, *id, reveal, today))
                .collect::<Result<Vec<_>>>()?;
            Ok(Document::Forms(FormSet {
                title: format!("{}（共{}份）", f.title(), forms.len()),
                office: office(conn)?,
                issued: forms.iter().map(|f| f.issued).max().unwrap_or(today),
                forms,
            }))
        }
        Target::Supervision => Ok(Document::Sheet(sheets::supervision(conn, today)?)),
        Target::Evaluation { id } => Ok(Document::Sheet(supervision::evaluation(conn, *id)?)),
    }
}

/// One saved or printed PDF, as the log lists it.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Printout {
    pub id: i64,
    pub at: String,
    pub actor: String,
    /// 人民来信来访记录簿（2026年度） / 代表建议交办单 建议20-3-B007
    pub what: String,
    pub target: Value,
    pub reveal_reason: Option<String>,
    pub archival: bool,
    pub pages: i64,
    pub sha256: String,
    /// Where it was saved; empty when sent to the printer.
    pub path: String,
}

use serde_json::Value;

/// Records a printout: the log row, and in the entries' history a form printed or identities
/// shown, all in one transaction. Called after the PDF exists, with its hash and page count.
pub fn record(
    store: &mut Store,
    stamp: &Stamp,
    req: &PrintRequest,
    pages: usize,
    sha256: &str,
    path: &str,
) -> Result<Printout> {
    let reveal = req.reveal()?.map(str::to_string);
    let doc = model(store.conn(), req, stamp.today())?;
    let what = match &doc {
        Document::Book(b) => format!("{}（{}）", b.cover.title, b.cover.period),
        Document::Minutes(m) => format!("{}（{}）", m.cover.title, m.cover.period),
        Document::Form(f) => format!("{} {}", f.title, f.number),
        Document::Forms(f) => {
            let numbers: Vec<&str> = f.forms.iter().map(|f| f.number.as_str()).collect();
            match numbers.len() {
                0..=3 => format!("{} {}", f.title, numbers.join("、")),
                _ => format!("{} {}等", f.title, numbers[..3].join("、")),
            }
        }
        Document::Sheet(s) => format!("{}（{}）", s.title, crate::dates::chinese(s.issued)),
    };
    let revealed_petitions = match &req.target {
        Target::Book {
            book: BookKind::Petitions,
            period,
        } if reveal.is_some() => books::petition_ids(store.conn(), period, stamp.today())?,
        Target::Form { form, id } if form.entity() == Entity::Petition && reveal.is_some() => {
            vec![*id]
        }
        Target::Forms { form, ids } if form.entity() == Entity::Petition && reveal.is_some() => {
            ids.clone()
        }
        _ => Vec::new(),
    };
    // Each entry a form was printed for says so in its history.
    let printed_forms: Vec<(FormKind, i64)> = match &req.target {
        Target::Form { form, id } => vec![(*form, *id)],
        Target::Forms { form, ids } => ids.iter().map(|id| (*form, *id)).collect(),
        _ => Vec::new(),
    };
    let target = serde_json::to_value(&req.target).expect("target serialises");
    store.write(|tx| {
        tx.execute(
            "INSERT INTO printouts (at, actor, what, target, reveal_reason, archival, pages, sha256, path)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                stamp.at_text(),
                stamp.actor,
                what,
                target.to_string(),
                reveal,
                req.archival,
                pages as i64,
                sha256,
                path
            ],
        )?;
        let id = tx.last_insert_rowid();
        for (form, entry) in &printed_forms {
            history::record(
                tx,
                stamp,
                form.entity(),
                *entry,
                Action::Print,
                None,
                Some(&json!({ "form": form.code(), "sha256": sha256 })),
                &format!("打印{}", form.title()),
            )?;
        }
        // An evaluation's results issued under the office's seal say so in its history.
        if let Target::Evaluation { id: entry } = &req.target {
            history::record(
                tx,
                stamp,
                Entity::Evaluation,
                *entry,
                Action::Print,
                None,
                Some(&json!({ "form": "evaluation_results", "sha256": sha256 })),
                "打印评议结果",
            )?;
        }
        for pid in &revealed_petitions {
            history::record(
                tx,
                stamp,
                Entity::Petition,
                *pid,
                Action::Reveal,
                None,
                None,
                &format!(
                    "打印{}时显示身份信息：{}",
                    what,
                    reveal.as_deref().unwrap_or_default()
                ),
            )?;
        }
        printout(tx, id)
    })
}

fn printout(conn: &Connection, id: i64) -> Result<Printout> {
    Ok(conn.query_row(
        "SELECT id, at, actor, what, target, reveal_reason, archival, pages, sha256, path
         FROM printouts WHERE id = ?1",
        [id],
        |r| {
            Ok(Printout {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                what: r.get(3)?,
                target: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or(Value::Null),
                reveal_reason: r.get(5)?,
                archival: r.get(6)?,
                pages: r.get(7)?,
                sha256: r.get(8)?,
                path: r.get(9)?,
            })
        },
    )?)
}

/// The printout log, newest first.
pub fn printouts(conn: &Connection, limit: usize) -> Result<Vec<Printout>> {
    let mut stmt = conn.prepare("SELECT id FROM printouts ORDER BY id DESC LIMIT ?1")?;
    let ids = stmt
        .query_map([limit as i64], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    ids.into_iter().map(|id| printout(conn, id)).collect()
}

/// 某某镇人民代表大会主席团 (or 乡镇人民代表大会主席团 before the township is set).
fn office(conn: &Connection) -> Result<String> {
    let township = settings::load(conn)?.township;
    let township = if township.trim().is_empty() {
        "乡镇".to_string()
    } else {
        township.trim().to_string()
    };
    Ok(format!("{township}人民代表大会主席团"))
}

/// 二〇二六年十一月二十三日: the date under a form's seal, written out as offices still do.
pub fn chinese_upper(d: NaiveDate) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let year: String = d
        .year()
        .to_string()
        .chars()
        .map(|c| DIGITS[c.to_digit(10).expect("a digit") as usize])
        .collect();
    fn small(n: u32) -> String {
        const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        match n {
            1..=9 => D[n as usize].to_string(),
            10 => "十".to_string(),
            11..=19 => format!("十{}", D[(n - 10) as usize]),
            _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        }
    }
    format!("{year}年{}月{}日", small(d.month()), small(d.day()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_chinese_numerals() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(chinese_upper(d(2026, 11, 23)), "二〇二六年十一月二十三日");
        assert_eq!(chinese_upper(d(2020, 1, 10)), "二〇二〇年一月十日");
        assert_eq!(chinese_upper(d(2009, 12, 31)), "二〇〇九年十二月三十一日");
        assert_eq!(chinese_upper(d(2024, 2, 20)), "二〇二四年二月二十日");
        assert_eq!(chinese_upper(d(2024, 3, 1)), "二〇二四年三月一日");
    }

    #[test]
    fn names_parse_back() {
        for b in BookKind::ALL {
            assert_eq!(BookKind::parse(b.code()).unwrap(), b);
        }
        for f in FormKind::ALL {
            assert_eq!(FormKind::parse(f.code()).unwrap(), f);
        }
        let e = BookKind::parse("ledger").unwrap_err();
        assert!(e.to_string().contains("roster"), "{e}");
    }
}
