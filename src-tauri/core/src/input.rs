//! Reading what the clerk (the UI, a script, the CLI) sends as JSON. serde's own messages are
//! English and name no field ("invalid type: string \"3\", expected i64 at line 1 column 226");
//! here every refusal names the field in Chinese, says what it should hold, and nothing is
//! read beyond a bound.

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

use crate::fields::{self, Bound, Form};
use crate::{Error, Result};

/// The largest JSON input read: far above any form (a document's text is 20,000 characters),
/// far below what would strain the office PC.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Reads `text` as the input of `form` (信访登记): a refusal names the field and the problem.
pub fn parse<T: DeserializeOwned>(form: &Form, text: &str) -> Result<T> {
    if text.len() as u64 > MAX_BYTES {
        return Err(too_large(form.what, text.len() as u64, MAX_BYTES));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Read as JSON first (nothing may follow it), then as the input: the second step's
    // refusal can point at the offending value even where serde's path is lost.
    let value: Value = serde_json::from_str(text).map_err(|e| syntax(form.what, &e))?;
    from_value(form, value)
}

/// The same for a value the IPC layer has already read as JSON.
pub fn from_value<T: DeserializeOwned>(form: &Form, value: Value) -> Result<T> {
    serde_path_to_error::deserialize(&value).map_err(|e| refusal(form, &value, e))
}

/// JSON given inline or as `@file.json` (the CLI's way), read within [`MAX_BYTES`].
pub fn parse_arg<T: DeserializeOwned>(form: &Form, arg: &str) -> Result<T> {
    match arg.strip_prefix('@') {
        Some(path) => {
            let text = read_bounded(Path::new(path), MAX_BYTES, form.what)?;
            parse(form, &text)
        }
        None => parse(form, arg),
    }
}

/// A text file read whole, refused (without reading it all) when larger than `max`, when it
/// is not a regular file (a link, a pipe, a device) and when it is not UTF-8 text.
pub fn read_bounded(path: &Path, max: u64, what: &str) -> Result<String> {
    let bytes = read_regular(path, max, what)?;
    String::from_utf8(bytes).map_err(|_| {
        Error::validation(
            "file",
            format!("{what}的文件不是 UTF-8 编码的文本，请用记事本另存为 UTF-8 后重试"),
        )
    })
}

/// The bytes of a regular file, at most `max` of them. A symbolic link is refused, not
/// followed (it could point at /etc/passwd or /dev/zero), and a pipe or device is refused
/// without blocking on it.
pub fn read_regular(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    let not_regular = || {
        Error::validation(
            "file",
            format!(
                "“{}”不是普通文件（可能是链接或设备），{what}拒绝读取",
                path.display()
            ),
        )
    };
    let meta = std::fs::symlink_metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.file_type().is_file() {
        return Err(not_regular());
    }
    let file = open_nonblocking(path)?;
    // Checked again on the opened file: it may have been swapped since.
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > max {
        return Err(too_large(what, meta.len(), max));
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(what, bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// Opens for reading without waiting for a writer (a FIFO put where a file should be).
fn open_nonblocking(path: &Path) -> Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        /// O_NONBLOCK on Linux (every architecture the office PCs use).
        const O_NONBLOCK: i32 = 0o4000;
        o.custom_flags(O_NONBLOCK);
    }
    o.open(path).map_err(|e| Error::io(path, e))
}

fn too_large(what: &str, size: u64, max: u64) -> Error {
    Error::validation(
        "file",
        format!(
            "{what}的内容太大（{}），最多 {}；长文请作为附件上传",
            human_size(size),
            human_size(max)
        ),
    )
}

/// "4.0 MB", "812 KB", "96 字节": a size as the clerk reads it.
pub fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / MB),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} 字节"),
    }
}

fn syntax(what: &str, e: &serde_json::Error) -> Error {
    let hint = if e.to_string().contains("recursion limit") {
        "嵌套层数过多".to_string()
    } else if e.to_string().contains("trailing") {
        format!("在第 {} 行第 {} 列之后还有多余的内容", e.line(), e.column())
    } else {
        format!("格式不对（第 {} 行第 {} 列附近）", e.line(), e.column())
    };
    Error::validation(
        "input",
        format!("{what}的 JSON {hint}，请检查括号、引号和逗号"),
    )
}

/// serde's error, said in Chinese about the field it concerns: the path's last key, or (inside
/// a step, where serde loses the path) the key holding the value serde complained about.
fn refusal(form: &Form, value: &Value, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = e.path().to_string();
    let raw = e.into_inner().to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let variant = value.as_object().and_then(fields::variant);
    let key = last_key(&path)
        .map(str::to_string)
        .or_else(|| locate(value, &raw));
    let what = form.what;
    let named = |k: &str| {
        (
            fields::find(k).map(|f| f.key).unwrap_or("input"),
            form.label(variant, k),
        )
    };
    if let Some(name) = between(&raw, "missing field `", "`") {
        let (field, label) = named(name);
        return Error::validation(field, format!("{what}缺少“{label}”，请填写"));
    }
    if let Some(name) = between(&raw, "unknown field `", "`") {
        return Error::validation(
            "input",
            format!("{what}中有本软件不认识的项“{name}”，请删去"),
        );
    }
    let (field, label) = match key.as_deref() {
        Some(k) => named(k),
        None => ("input", "内容"),
    };
    let date_like = key
        .as_deref()
        .and_then(fields::find)
        .is_some_and(|f| matches!(f.bound, Bound::Happened | Bound::Planned | Bound::Born));
    let problem = if let Some(code) = between(&raw, "unknown variant `", "`") {
        format!("没有“{}”这一项，请从列表中选择", clip(code))
    } else if date_like && !raw.chars().any(is_han) {
        "不是有效日期，请按 2024-03-20 的格式填写（带时间的写 2024-03-20 09:30）".to_string()
    } else if raw.starts_with("invalid type") || raw.starts_with("invalid value") {
        format!("应为{}", expected(&raw))
    } else if raw.contains("invalid length") {
        "项数不对".to_string()
    } else if raw.chars().any(is_han) {
        // Our own deserialisers already speak Chinese; keep their words.
        format!("：{raw}")
    } else {
        "无法识别，请检查后重试".to_string()
    };
    Error::validation(field, format!("{what}的“{label}”{problem}"))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn clip(s: &str) -> String {
    s.chars().take(30).collect()
}

/// The key of `value` (an object, or objects inside it) that holds what serde complained
/// about: the literal its message quotes, or else the first date field that is not a date.
fn locate(value: &Value, raw: &str) -> Option<String> {
    let wanted = quoted_literal(raw);
    let mut date_suspect = None;
    fn visit(
        v: &Value,
        wanted: &Option<Value>,
        date_suspect: &mut Option<String>,
    ) -> Option<String> {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if wanted.as_ref().is_some_and(|w| same(w, v)) {
                        return Some(k.clone());
                    }
                    let is_date = fields::find(k).is_some_and(|f| {
                        matches!(f.bound, Bound::Happened | Bound::Planned | Bound::Born)
                    });
                    let readable = v.as_str().is_some_and(|s| {
                        chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
                            .is_ok()
                    });
                    if is_date && !readable && date_suspect.is_none() && !v.is_null() {
                        *date_suspect = Some(k.clone());
                    }
                    if let Some(found) = visit(v, wanted, date_suspect) {
                        return Some(found);
                    }
                }
                None
            }
            Value::Array(items) => items.iter().find_map(|v| visit(v, wanted, date_suspect)),
            _ => None,
        }
    }
    visit(value, &wanted, &mut date_suspect)
        .or(date_suspect)
        .or_else(|| quoting_key(value, raw))
}

/// Our own deserialisers (the vocabularies) quote the value they refused in Chinese
/// ("未知的满意度：good"): the key holding that value.
fn quoting_key(value: &Value, raw: &str) -> Option<String> {
    value.as_object()?.iter().find_map(|(k, v)| {
        let s = v.as_str().filter(|s| !s.is_empty() && k != "action")?;
        raw.contains(s).then(|| k.clone())
    })
}

/// Two JSON values equal as serde prints them (1 and 1.0 alike).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// The value serde's message quotes: `string "3"`, `integer `-1``, `floating point `2.5``,
/// `boolean `true``, `null`.
fn quoted_literal(raw: &str) -> Option<Value> {
    let rest = raw.split_once(": ")?.1;
    if let Some(s) = rest.strip_prefix("string \"") {
        return Some(Value::String(
            s.rsplit_once("\", expected").map(|(v, _)| v)?.to_string(),
        ));
    }
    if rest.starts_with("null") {
        return Some(Value::Null);
    }
    let lit = between(rest, "`", "`")?;
    serde_json::from_str(lit).ok()
}

/// The last named key of a path such as `agenda[2].title` or `.received_at`.
fn last_key(path: &str) -> Option<&str> {
    path.rsplit(['.', '['])
        .map(|p| p.trim_end_matches(']'))
        .find(|p| !p.is_empty() && !p.chars().all(|c| c.is_ascii_digit()) && *p != "?")
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// What serde expected, in words: "expected i64" -> 数字.
fn expected(raw: &str) -> &'static str {
    let want = raw.rsplit("expected ").next().unwrap_or("");
    let want = want.split(" at line").next().unwrap_or(want);
    if [
        "i64", "u64", "i32", "u32", "usize", "u8", "u16", "i16", "f64", "integer", "number",
    ]
    .iter()
    .any(|t| want.contains(t))
    {
        "数字"
    } else if want.contains("bool") {
        "是或否（true / false）"
    } else if want.contains("sequence") || want.contains("array") {
        "列表"
    } else if want.contains("map") || want.contains("struct") {
        "一组内容（对象）"
    } else if want.contains("date") || want.contains("time") {
        "日期（如 2024-03-20）"
    } else {
        "文字"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Probe {
        date: NaiveDate,
        people_count: i64,
        anonymous: bool,
        #[serde(default)]
        link_ids: Vec<i64>,
    }

    fn refuse(json: &str) -> Error {
        parse::<Probe>(&fields::PETITION, json).unwrap_err()
    }

    fn english(s: &str) -> bool {
        [
            "invalid type",
            "expected",
            "at line",
            "out of range",
            "missing field",
        ]
        .iter()
        .any(|w| s.contains(w))
    }

    #[test]
    fn a_wrong_type_names_the_field_in_chinese() {
        let e = refuse(r#"{"date":"2026-01-02","people_count":"3","anonymous":false}"#);
        assert_eq!(e.field(), Some("people_count"), "the form marks the field");
        assert!(
            e.to_string().contains("人数") && e.to_string().contains("数字"),
            "{e}"
        );
        assert!(
            !english(&e.to_string()),
            "no serde English reaches the clerk: {e}"
        );
    }

    #[test]
    fn an_impossible_date_is_a_date_problem_of_its_field() {
        for bad in ["2026-02-30", "2026-13-01", "10000-01-01", "yesterday", ""] {
            let e = refuse(&format!(
                r#"{{"date":"{bad}","people_count":1,"anonymous":false}}"#
            ));
            assert_eq!(e.field(), Some("date"), "{bad}");
            assert!(e.to_string().contains("日期"), "{bad}: {e}");
            assert!(!english(&e.to_string()), "{e}");
        }
    }

    #[test]
    fn missing_fields_broken_json_and_depth_are_said_in_chinese() {
        let e = refuse(r#"{"date":"2026-01-02","anonymous":false}"#);
        assert!(e.to_string().contains("缺少“人数”"), "{e}");
        let e = refuse(r#"{"date": "#);
        assert!(e.to_string().contains("JSON"), "{e}");
        assert!(!english(&e.to_string()), "{e}");
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let e = refuse(&deep);
        assert!(!english(&e.to_string()), "{e}");
        let e = refuse(
            r#"{"date":"2026-01-02","people_count":1,"anonymous":false,"link_ids":[1,"x"]}"#,
        );
        assert_eq!(
            e.field(),
            Some("link_ids"),
            "an element is named by its list: {e}"
        );
    }

    #[test]
    fn an_oversized_input_is_refused_before_it_is_read() {
        let big = " ".repeat(MAX_BYTES as usize + 1);
        let e = parse::<Probe>(&fields::PETITION, &big).unwrap_err();
        assert!(
            e.to_string().contains("太大") && e.to_string().contains("4.0 MB"),
            "{e}"
        );
    }

    #[derive(Debug, Deserialize)]
    #[serde(tag = "action", rename_all = "snake_case")]
    #[allow(dead_code)]
    enum StepProbe {
        Extend { date: NaiveDate, days: u32 },
    }

    #[test]
    fn inside_a_step_the_field_is_found_by_its_value() {
        // serde loses the path inside an internally tagged enum; the refusal must still
        // name the field the clerk typed, with the label of that step's form.
        let e = parse::<StepProbe>(
            &fields::PETITION_STEP,
            r#"{"action":"extend","date":"2026-01-02","days":"10"}"#,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("days"), "{e}");
        assert!(
            e.to_string().contains("延长天数") && e.to_string().contains("数字"),
            "{e}"
        );
        let e = parse::<StepProbe>(
            &fields::PETITION_STEP,
            r#"{"action":"extend","date":"2026-02-30","days":1}"#,
        )
        .unwrap_err();
        assert_eq!(e.field(), Some("date"), "{e}");
        assert!(
            e.to_string().contains("批准日期"),
            "the extend form's date: {e}"
        );
    }

    #[test]
    fn nothing_may_follow_the_json() {
        let e = parse::<Probe>(
            &fields::PETITION,
            r#"{"date":"2026-01-02","people_count":1,"anonymous":false} xyz"#,
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("多余"),
            "a pasted tail is refused, not ignored: {e}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_an_error() {
        let ok = parse::<Probe>(
            &fields::PETITION,
            "\u{feff}{\"date\":\"2026-01-02\",\"people_count\":1,\"anonymous\":false}",
        );
        assert!(ok.is_ok(), "Windows Notepad writes a BOM: {ok:?}");
    }
}
