//! Roster import from the spreadsheets counties and offices make themselves.
//!
//! Copes with: a title row above the header, header wording variants, columns in any order,
//! full-width characters, dates as Excel dates or as text in the spellings offices use, and
//! grouped sheets where a row holding only "第一代表小组" starts a group. Every problem is named
//! by row and column. [`commit`] writes nothing unless every row is valid, or the clerk chose to
//! skip the bad rows; it is one transaction, so a failure half-way leaves the database as it was.

mod columns;
mod sheet;

use calamine::Data;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::dates::{normalize_width, PartialDate};
use crate::history::{Action, Stamp};
use crate::idcard::IdNumber;
use crate::roster::deputy::{self, DeputyInput};
use crate::roster::org::{self, ConstituencyInput, DeputyGroupInput, Term};
use crate::vocab::*;
use crate::{Error, Result, Store};

pub use columns::column_letter;
use columns::*;
pub use sheet::limits;
use sheet::read_rows;

/// Largest file accepted: far above any township's roster, well below what would stall the app.
pub const MAX_ROWS: usize = 20_000;

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct ImportProblem {
    pub row: usize,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportRowPreview {
    pub row: usize,
    pub name: String,
    pub sex: String,
    pub birth_date: String,
    pub constituency: String,
    pub group: String,
    pub ok: bool,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ColumnMapping {
    pub column: String,
    pub header: String,
    pub field: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default, ts_rs::TS)]
#[ts(export)]
pub struct WillCreate {
    pub constituencies: Vec<String>,
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportPreview {
    pub file: String,
    pub header_row: usize,
    pub columns: Vec<ColumnMapping>,
    pub rows: Vec<ImportRowPreview>,
    pub problems: Vec<ImportProblem>,
    pub valid_rows: usize,
    pub invalid_rows: usize,
    pub will_create: WillCreate,
    pub term_id: i64,
    pub term_label: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportResult {
    pub imported: usize,
    pub skipped_rows: Vec<usize>,
    pub created_constituencies: usize,
    pub created_groups: usize,
}

/// One data row, read and checked.
struct Parsed {
    row: usize,
    input: DeputyInput,
    constituency: Option<String>,
    group: Option<String>,
    problems: Vec<ImportProblem>,
}

struct Sheet {
    header_row: usize,
    columns: Vec<ColumnMapping>,
    rows: Vec<Parsed>,
}

fn cell_text(c: &Data) -> String {
    let s = match c {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.into(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(_) => String::new(),
    };
    normalize_width(&s).trim().to_string()
}

fn find_header(rows: &[Vec<Data>]) -> Option<usize> {
    rows.iter()
        .take(10)
        .enumerate()
        .filter(|(_, r)| {
            r.iter()
                .any(|c| field_of(&cell_text(c)) == Some(Field::Name))
        })
        .max_by_key(|(i, r)| {
            (
                r.iter()
                    .filter(|c| field_of(&cell_text(c)).is_some())
                    .count(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}

fn yes_no(t: &str) -> Option<bool> {
    match t {
        "" | "否" | "N" | "n" | "0" | "×" | "无" | "不是" => Some(false),
        "是" | "Y" | "y" | "1" | "√" | "✓" | "有" => Some(true),
        _ => None,
    }
}

fn parse_sheet(rows: &[Vec<Data>], term: &Term) -> Result<Sheet> {
    let header_row = find_header(rows).ok_or_else(|| {
        Error::Import(
            "没有找到表头：前 10 行中没有“姓名”列。请确认第一张有数据的工作表是花名册".into(),
        )
    })?;
    let mut columns = Vec::new();
    let mut col_of: HashMap<Field, usize> = HashMap::new();
    for (i, c) in rows[header_row].iter().enumerate() {
        let header = cell_text(c);
        if header.is_empty() {
            continue;
        }
        let field = field_of(&header);
        if let Some(f) = field {
            if let Some(prev) = col_of.insert(f, i) {
                return Err(Error::Import(format!(
                    "表头“{header}”重复：{}列和{}列是同一项，请删去其中一列后再导入",
                    column_letter(prev),
                    column_letter(i)
                )));
            }
        }
        columns.push(ColumnMapping {
            column: column_letter(i),
            header,
            field: field.map(|f| field_code(f).to_string()),
        });
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|f| !col_of.contains_key(f))
        .map(|f| {
            HEADERS
                .iter()
                .find(|(x, _, _)| x == f)
                .map(|(_, _, n)| n[0])
                .unwrap_or("")
        })
        .collect();
    if !missing.is_empty() {
        return Err(Error::Import(format!(
            "表头中缺少必需的列：{}",
            missing.join("、")
        )));
    }
    let data_rows = rows.len().saturating_sub(header_row + 1);
    if data_rows > MAX_ROWS {
        return Err(Error::Import(format!(
            "文件有 {data_rows} 行，超过了 {MAX_ROWS} 行的上限，请确认选择的是花名册"
        )));
    }

    let mut parsed = Vec::new();
    let mut section_group: Option<String> = None;
    for (i, row) in rows.iter().enumerate().skip(header_row + 1) {
        let excel_row = i + 1;
        let texts: Vec<String> = row.iter().map(cell_text).collect();
        let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        let get = |f: Field| {
            col_of
                .get(&f)
                .and_then(|c| texts.get(*c))
                .cloned()
                .unwrap_or_default()
        };
        if get(Field::Name).is_empty() && filled.len() == 1 {
            // A section row such as "第一代表小组（组长：王芳）" in a grouped sheet.
            let t = filled[0];
            if t.contains("小组") || t.contains("代表组") {
                section_group = Some(t.split(['(', '（']).next().unwrap_or(t).trim().to_string());
            }
            continue;
        }
        parsed.push(parse_row(
            excel_row,
            row,
            &texts,
            &col_of,
            term,
            section_group.as_deref(),
        ));
    }
    Ok(Sheet {
        header_row: header_row + 1,
        columns,
        rows: parsed,
    })
}

fn parse_row(
    excel_row: usize,
    cells: &[Data],
    texts: &[String],
    col_of: &HashMap<Field, usize>,
    term: &Term,
    section_group: Option<&str>,
) -> Parsed {
    let mut problems = Vec::new();
    let col = |f: Field| col_of.get(&f).copied();
    let get = |f: Field| {
        col(f)
            .and_then(|c| texts.get(c))
            .cloned()
            .unwrap_or_default()
    };
    let mut problem = |f: Field, msg: String| {
        let column = col(f).map(|c| {
            let header = HEADERS
                .iter()
                .find(|(x, _, _)| *x == f)
                .map(|(_, _, n)| n[0])
                .unwrap_or("");
            format!("{}（{header}）", column_letter(c))
        });
        problems.push(ImportProblem {
            row: excel_row,
            column,
            message: msg,
        });
    };

    let name = get(Field::Name);
    if name.is_empty() {
        problem(Field::Name, "姓名为空".into());
    }
    let sex = match Sex::from_text(&get(Field::Sex)) {
        Some(s) => s,
        None => {
            problem(
                Field::Sex,
                format!("性别“{}”应为“男”或“女”", get(Field::Sex)),
            );
            Sex::Male
        }
    };
    let ethnicity = match Ethnicity::from_text(&get(Field::Ethnicity)) {
        Some(e) => e,
        None => {
            problem(
                Field::Ethnicity,
                format!("民族“{}”不在 56 个民族名称中", get(Field::Ethnicity)),
            );
            Ethnicity::HAN
        }
    };
    fn vocab_cell<V: Vocab>(t: &str, problem: &mut dyn FnMut(String)) -> Option<V> {
        if t.is_empty() {
            return None;
        }
        let v = V::from_text(t);
        if v.is_none() {
            let known: Vec<&str> = V::ALL.iter().map(|v| v.label()).collect();
            problem(format!(
                "{}“{t}”无法识别，可填：{}",
                V::WHAT,
                known.join("、")
            ));
        }
        v
    }
    let political = get(Field::PoliticalStatus);
    let political_status = if political.is_empty() {
        problem(Field::PoliticalStatus, "政治面貌为空".into());
        PoliticalStatus::Masses
    } else {
        vocab_cell::<PoliticalStatus>(&political, &mut |m| problem(Field::PoliticalStatus, m))
            .unwrap_or(PoliticalStatus::Masses)
    };
    let education = vocab_cell::<Education>(&get(Field::Education), &mut |m| {
        problem(Field::Education, m)
    });
    let occupation = vocab_cell::<Occupation>(&get(Field::Occupation), &mut |m| {
        problem(Field::Occupation, m)
    })
    .unwrap_or(Occupation::Other);
    let elected_how = vocab_cell::<ElectedHow>(&get(Field::ElectedHow), &mut |m| {
        problem(Field::ElectedHow, m)
    })
    .unwrap_or(ElectedHow::GeneralElection);

    let date_cell =
        |f: Field, label: &str, problem: &mut dyn FnMut(Field, String)| -> Option<PartialDate> {
            let c = col(f)?;
            let raw = cells.get(c)?;
            let text = texts.get(c).cloned().unwrap_or_default();
            if text.is_empty() {
                return None;
            }
            let r = match raw {
                Data::DateTime(d) => PartialDate::from_number(d.as_f64().floor()),
                Data::Float(v) => PartialDate::from_number(*v),
                Data::Int(v) => PartialDate::parse(&v.to_string())
                    .or_else(|_| PartialDate::from_number(*v as f64)),
                _ => PartialDate::parse(&text),
            };
            match r {
                Ok(d) => Some(d),
                Err(p) => {
                    problem(f, p.message(label, &text));
                    None
                }
            }
        };
    let birth_date = date_cell(Field::BirthDate, "出生年月", &mut |f, m| problem(f, m));
    let elected_on = date_cell(Field::ElectedOn, "当选日期", &mut |f, m| problem(f, m));
    let elected_on = match elected_on {
        Some(PartialDate {
            year,
            month,
            day: Some(d),
        }) => NaiveDate::from_ymd_opt(year, month, d).unwrap_or(term.start_date),
        Some(p @ PartialDate { day: None, .. }) => {
            problem(Field::ElectedOn, format!("当选日期“{p}”缺少日"));
            term.start_date
        }
        None => term.start_date,
    };

    let mut levels = vec![Level::Township];
    for part in get(Field::Levels)
        .split(['、', ',', '，', '/', ' ', ';', '；'])
        .filter(|p| !p.is_empty())
    {
        match Level::from_text(part.trim_end_matches("代表").trim_end_matches("人大")) {
            Some(l) => levels.push(l),
            None => problem(
                Field::Levels,
                format!("代表层级“{part}”无法识别，可填：全国、省、市、县、乡镇"),
            ),
        }
    }
    let flag = |f: Field, label: &str, problem: &mut dyn FnMut(Field, String)| -> bool {
        let t = get(f);
        yes_no(&t).unwrap_or_else(|| {
            problem(f, format!("{label}“{t}”应填“是”或“否”"));
            false
        })
    };
    let returned_overseas = flag(Field::ReturnedOverseas, "归侨侨眷", &mut |f, m| {
        problem(f, m)
    });
    let grassroots = match col(Field::Grassroots) {
        Some(_) => flag(Field::Grassroots, "基层代表", &mut |f, m| problem(f, m)),
        None => matches!(
            occupation,
            Occupation::Worker | Occupation::Farmer | Occupation::Professional
        ),
    };
    let id_text = get(Field::IdNumber);
    if !id_text.is_empty() {
        if let Err(e) = IdNumber::parse(&id_text) {
            problem(Field::IdNumber, e.to_string());
        }
    }
    let constituency = Some(get(Field::Constituency)).filter(|s| !s.is_empty());
    let group = Some(get(Field::Group))
        .filter(|s| !s.is_empty())
        .or(section_group.map(String::from));

    let input = DeputyInput {
        term_id: Some(term.id),
        name,
        sex,
        ethnicity,
        birth_date: birth_date.map(|b| b.to_string()),
        political_status,
        education,
        work_unit_post: get(Field::WorkUnitPost),
        occupation,
        constituency_id: None,
        group_id: None,
        levels,
        elected_on: elected_on.to_string(),
        elected_how,
        card_no: get(Field::CardNo),
        phone: get(Field::Phone),
        address: get(Field::Address),
        returned_overseas,
        grassroots,
        id_number: Some(id_text).filter(|s| !s.is_empty()),
        notes: get(Field::Notes),
    };
    Parsed {
        row: excel_row,
        input,
        constituency,
        group,
        problems,
    }
}

/// Checks that need the whole file or the database: the core's own validation of each row,
/// duplicates inside the file, and clashes with deputies already in the term.
fn cross_check(conn: &Connection, sheet: &mut Sheet, term: &Term) -> Result<()> {
    let mut seen_id: HashMap<String, usize> = HashMap::new();
    let mut seen_card: HashMap<String, usize> = HashMap::new();
    let existing = deputy::records_of_term(conn, term.id)?;
    let live: Vec<_> = existing.iter().filter(|d| d.voided_at.is_none()).collect();
    for p in &mut sheet.rows {
        if p.problems.is_empty() {
            if let Err(e) = deputy::validate(conn, &p.input, None) {
                p.problems.push(ImportProblem {
                    row: p.row,
                    column: e.field().map(|f| f.to_string()),
                    message: e.to_string(),
                });
            }
        }
        if let Some(id) = p
            .input
            .id_number
            .as_deref()
            .and_then(|t| IdNumber::parse(t).ok())
        {
            let key = id.as_str().to_string();
            if let Some(first) = seen_id.insert(key.clone(), p.row) {
                p.problems.push(problem_at(
                    p.row,
                    "身份证号码",
                    format!("身份证号码与第 {first} 行重复"),
                ));
            } else if let Some(d) = live.iter().find(|d| d.id_number.as_deref() == Some(&key)) {
                p.problems.push(problem_at(
                    p.row,
                    "身份证号码",
                    format!("该身份证号码已登记为本届代表{}", d.name),
                ));
            }
        }
        let card = p.input.card_no.trim().to_string();
        if !card.is_empty() {
            if let Some(first) = seen_card.insert(card.clone(), p.row) {
                p.problems.push(problem_at(
                    p.row,
                    "代表证号",
                    format!("代表证号与第 {first} 行重复"),
                ));
            } else if let Some(d) = live.iter().find(|d| d.card_no == card) {
                p.problems.push(problem_at(
                    p.row,
                    "代表证号",
                    format!("代表证号{card}已属于本届代表{}", d.name),
                ));
            }
        }
    }
    Ok(())
}

fn problem_at(row: usize, column: &str, message: String) -> ImportProblem {
    ImportProblem {
        row,
        column: Some(column.to_string()),
        message,
    }
}

fn pick_term(conn: &Connection, term_id: Option<i64>) -> Result<Term> {
    match term_id {
        Some(id) => org::term(conn, id),
        None => org::current_term(conn)?.ok_or_else(|| {
            Error::Import("还没有届次：请先在“选区与届次”中添加本届，再导入花名册".into())
        }),
    }
}

fn will_create(conn: &Connection, sheet: &Sheet, only_ok: bool) -> Result<WillCreate> {
    let known_c: HashSet<String> = org::constituencies(conn)?
        .into_iter()
        .map(|c| c.name)
        .collect();
    let known_g: HashSet<String> = org::group_names(conn)?.into_values().collect();
    let mut out = WillCreate::default();
    for p in sheet
        .rows
        .iter()
        .filter(|p| !only_ok || p.problems.is_empty())
    {
        if let Some(c) = &p.constituency {
            if !known_c.contains(c) && !out.constituencies.contains(c) {
                out.constituencies.push(c.clone());
            }
        }
        if let Some(g) = &p.group {
            if !known_g.contains(g) && !out.groups.contains(g) {
                out.groups.push(g.clone());
            }
        }
    }
    Ok(out)
}

fn load(conn: &Connection, path: &Path, term_id: Option<i64>) -> Result<(Term, Sheet)> {
    let term = pick_term(conn, term_id)?;
    let rows = read_rows(path)?;
    let mut sheet = parse_sheet(&rows, &term)?;
    if sheet.rows.is_empty() {
        return Err(Error::Import("表头下面没有任何代表数据".into()));
    }
    cross_check(conn, &mut sheet, &term)?;
    Ok((term, sheet))
}

/// Reads and checks the file; writes nothing.
pub fn preview(conn: &Connection, path: &Path, term_id: Option<i64>) -> Result<ImportPreview> {
    let (term, sheet) = load(conn, path, term_id)?;
    let will_create = will_create(conn, &sheet, false)?;
    let problems: Vec<ImportProblem> = sheet.rows.iter().flat_map(|p| p.problems.clone()).collect();
    let invalid_rows = sheet.rows.iter().filter(|p| !p.problems.is_empty()).count();
    Ok(ImportPreview {
        file: path.display().to_string(),
        header_row: sheet.header_row,
        columns: sheet.columns,
        valid_rows: sheet.rows.len() - invalid_rows,
        invalid_rows,
        rows: sheet
            .rows
            .iter()
            .map(|p| ImportRowPreview {
                row: p.row,
                name: p.input.name.clone(),
                sex: p.input.sex.label().to_string(),
                birth_date: p.input.birth_date.clone().unwrap_or_default(),
                constituency: p.constituency.clone().unwrap_or_default(),
                group: p.group.clone().unwrap_or_default(),
                ok: p.problems.is_empty(),
            })
            .collect(),
        problems,
        will_create,
        term_id: term.id,
        term_label: term.label(),
    })
}

/// Imports the file in one transaction. With problems and `skip_bad` false, nothing is written.
pub fn commit(
    store: &mut Store,
    stamp: &Stamp,
    path: &Path,
    term_id: Option<i64>,
    skip_bad: bool,
) -> Result<ImportResult> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    store.write(|tx| {
        let (_term, sheet) = load(tx, path, term_id)?;
        let bad: Vec<usize> = sheet.rows.iter().filter(|p| !p.problems.is_empty()).map(|p| p.row).collect();
        if !bad.is_empty() && !skip_bad {
            let n: usize = sheet.rows.iter().map(|p| p.problems.len()).sum();
            return Err(Error::Import(format!(
                "文件中有 {} 行共 {n} 处问题，未导入任何数据。请修改文件后重新导入，或选择跳过有问题的行",
                bad.len()
            )));
        }
        let good: Vec<&Parsed> = sheet.rows.iter().filter(|p| p.problems.is_empty()).collect();
        if good.is_empty() {
            return Err(Error::Import("没有可以导入的行".into()));
        }
        let create = will_create(tx, &sheet, true)?;
        let mut constituency_ids: HashMap<String, i64> =
            org::constituencies(tx)?.into_iter().map(|c| (c.name, c.id)).collect();
        let mut taken: HashSet<i64> = org::constituencies(tx)?.into_iter().map(|c| c.number).collect();
        for name in &create.constituencies {
            // The number in the name ("第5选区") when it is free, else the next free one.
            let number = match parse_constituency_number(name).filter(|n| !taken.contains(n)) {
                Some(n) => n,
                None => taken.iter().max().copied().unwrap_or(0) + 1,
            };
            taken.insert(number);
            let input = ConstituencyInput { number, name: name.clone(), area: String::new() };
            let id = org::insert_constituency(tx, stamp, &input, Action::Import)?;
            constituency_ids.insert(name.clone(), id);
        }
        let mut group_ids: HashMap<String, i64> = org::group_names(tx)?.into_iter().map(|(id, n)| (n, id)).collect();
        for name in &create.groups {
            let input = DeputyGroupInput { name: name.clone(), station_id: None, leader_id: None, deputy_leader_id: None, liaison_id: None };
            let id = org::insert_group(tx, stamp, &input, Action::Import, stamp.today())?;
            group_ids.insert(name.clone(), id);
        }
        let note = format!("从“{file_name}”导入");
        for p in &good {
            let mut input = p.input.clone();
            input.constituency_id = p.constituency.as_ref().and_then(|c| constituency_ids.get(c).copied());
            input.group_id = p.group.as_ref().and_then(|g| group_ids.get(g).copied());
            let valid = deputy::validate(tx, &input, None)
                .map_err(|e| Error::Import(format!("第 {} 行：{e}（未导入任何数据）", p.row)))?;
            deputy::insert(tx, stamp, &input, &valid, Action::Import, &note)
                .map_err(|e| Error::Import(format!("第 {} 行：{e}（未导入任何数据）", p.row)))?;
        }
        Ok(ImportResult {
            imported: good.len(),
            skipped_rows: bad,
            created_constituencies: create.constituencies.len(),
            created_groups: create.groups.len(),
        })
    })
}

/// "第3选区" or "3选区" or "第三选区" -> 3.
fn parse_constituency_number(name: &str) -> Option<i64> {
    let digits: String = name
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if let Ok(n) = digits.parse::<i64>() {
        return Some(n);
    }
    let t = name.trim_start_matches('第');
    (1..=99).find(|n| t.starts_with(&format!("{}选区", org::chinese_number(*n))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_variants_map_to_one_field() {
        for (h, f) in [
            ("出生年月", Field::BirthDate),
            ("出生日期", Field::BirthDate),
            ("出生年月（年.月）", Field::BirthDate),
            ("政治面貌", Field::PoliticalStatus),
            ("党派", Field::PoliticalStatus),
            ("工作单位及职务", Field::WorkUnitPost),
            ("单位职务", Field::WorkUnitPost),
            (" 姓　名 ", Field::Name),
            ("*姓名", Field::Name),
        ] {
            assert_eq!(field_of(h), Some(f), "{h}");
        }
        assert_eq!(field_of("爱好"), None);
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn constituency_numbers_are_read_from_names() {
        assert_eq!(parse_constituency_number("第3选区"), Some(3));
        assert_eq!(parse_constituency_number("第十二选区"), Some(12));
        assert_eq!(parse_constituency_number("青山村选区"), None);
    }
}
