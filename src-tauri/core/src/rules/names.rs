//! Personal names: pinyin for search, and the official order 按姓氏笔画为序.
//!
//! Surnames are read differently from the same characters elsewhere (单 is Shàn, not dān; 曾 is
//! Zēng, not céng), so the surname is split off first and read from its own table. Stroke counts
//! and stroke orders come from `assets/hanzi/` (Unihan kTotalStrokes and a stroke-order list,
//! see `assets/hanzi/extract.py`).

use pinyin::ToPinyin;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Two-character surnames; a name starting with one of these (and longer than two characters)
/// has a two-character surname.
const COMPOUND_SURNAMES: &[(&str, &str)] = &[
    ("欧阳", "ou yang"),
    ("司马", "si ma"),
    ("上官", "shang guan"),
    ("诸葛", "zhu ge"),
    ("东方", "dong fang"),
    ("皇甫", "huang fu"),
    ("尉迟", "yu chi"),
    ("公孙", "gong sun"),
    ("慕容", "mu rong"),
    ("长孙", "zhang sun"),
    ("令狐", "ling hu"),
    ("夏侯", "xia hou"),
    ("司徒", "si tu"),
    ("端木", "duan mu"),
    ("独孤", "du gu"),
    ("南宫", "nan gong"),
    ("万俟", "mo qi"),
    ("闻人", "wen ren"),
    ("宇文", "yu wen"),
    ("澹台", "tan tai"),
    ("呼延", "hu yan"),
    ("申屠", "shen tu"),
    ("轩辕", "xuan yuan"),
    ("司空", "si kong"),
];

/// Single-character surnames whose surname reading differs from the character's common reading.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
    ('区', "ou"),
    ('仇', "qiu"),
    ('查', "zha"),
    ('朴', "piao"),
    ('盖', "ge"),
    ('乐', "yue"),
    ('翟', "zhai"),
    ('缪', "miao"),
    ('覃', "qin"),
    ('召', "shao"),
    ('秘', "bi"),
    ('种', "chong"),
    ('繁', "po"),
    ('句', "gou"),
    ('华', "hua"),
    ('任', "ren"),
    ('纪', "ji"),
    ('薄', "bo"),
    ('员', "yun"),
    ('朝', "chao"),
    ('折', "she"),
    ('宓', "fu"),
    ('便', "pian"),
    ('过', "guo"),
    ('都', "du"),
    ('尉', "wei"),
    ('谌', "chen"),
    ('隗', "wei"),
    ('能', "nai"),
    ('颉', "xie"),
    ('黑', "he"),
    ('卜', "bu"),
    ('重', "chong"),
    ('那', "na"),
    ('乜', "nie"),
    ('柏', "bai"),
    ('葛', "ge"),
    ('洗', "xian"),
    ('冼', "xian"),
    ('祭', "zhai"),
    ('厍', "she"),
    ('贲', "ben"),
    ('蕃', "pi"),
    ('莘', "shen"),
    ('訾', "zi"),
    ('曲', "qu"),
    ('仉', "zhang"),
    ('相', "xiang"),
    ('长', "chang"),
    ('沈', "shen"),
    ('石', "shi"),
    ('车', "che"),
    ('阚', "kan"),
    ('恽', "yun"),
    ('藏', "zang"),
    ('缴', "jiao"),
    ('逄', "pang"),
    ('传', "chuan"),
    ('哈', "ha"),
    ('尕', "ga"),
    ('吕', "lv"),
    ('率', "shuai"),
    ('参', "can"),
    ('郇', "xun"),
    ('楼', "lou"),
    ('的', "di"),
    ('令', "ling"),
    ('宁', "ning"),
    ('殷', "yin"),
    ('弗', "fu"),
    ('蛾', "yi"),
    ('阿', "a"),
    ('应', "ying"),
    ('银', "yin"),
    ('禚', "zhuo"),
];

/// A name as stored: full-width letters made ASCII and every space removed ("王　芳", padded
/// to line up with three-character names in a spreadsheet, is 王芳). Minority names keep "·".
pub fn clean(name: &str) -> String {
    crate::dates::normalize_width(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The surname and the given name.
pub fn split_name(name: &str) -> (&str, &str) {
    let name = name.trim();
    if name.chars().count() > 2 {
        if let Some((s, _)) = COMPOUND_SURNAMES.iter().find(|(s, _)| name.starts_with(s)) {
            return name.split_at(s.len());
        }
    }
    match name.char_indices().nth(1) {
        Some((i, _)) => name.split_at(i),
        None => (name, ""),
    }
}

/// Syllables of a name in plain pinyin, surname read as a surname: 单雄信 -> ["shan","xiong","xin"].
pub fn syllables(name: &str) -> Vec<String> {
    let (surname, given) = split_name(name);
    let mut out: Vec<String> = Vec::new();
    if let Some((_, r)) = COMPOUND_SURNAMES.iter().find(|(s, _)| *s == surname) {
        out.extend(r.split(' ').map(String::from));
    } else {
        for c in surname.chars() {
            match SURNAME_READINGS.iter().find(|(s, _)| *s == c) {
                Some((_, r)) => out.push((*r).to_string()),
                None => out.extend(char_syllable(c)),
            }
        }
    }
    for c in given.chars() {
        out.extend(char_syllable(c));
    }
    out
}

fn char_syllable(c: char) -> Option<String> {
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    match s.to_pinyin().next().flatten() {
        Some(p) => Some(p.plain().replace('ü', "v")),
        None if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase().to_string()),
        None => None,
    }
}

/// The initials of a phrase read word by word (no surname readings): "jtjs" for 交通建设.
/// Latin letters and digits are kept as typed, lower-cased; other characters are skipped.
pub fn text_initials(text: &str) -> String {
    text.chars()
        .filter_map(char_syllable)
        .filter_map(|s| s.chars().next())
        .collect()
}

/// "zhang san" and "zs" for 张三.
pub fn pinyin_and_initials(name: &str) -> (String, String) {
    let syl = syllables(name);
    let initials = syl.iter().filter_map(|s| s.chars().next()).collect();
    (syl.join(" "), initials)
}

/// Does a search text match this name? Chinese text matches by substring; Latin letters match
/// the initials ("zs"), the start of the syllables ("zhangs", "zhang s") or the full pinyin.
pub fn name_matches(name: &str, pinyin: &str, initials: &str, query: &str) -> bool {
    let q = crate::dates::normalize_width(query).trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    if name.contains(&q) {
        return true;
    }
    if !q.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
        return false;
    }
    let q: String = q.chars().filter(|c| *c != ' ').collect();
    if initials.contains(&q) {
        return true;
    }
    let syl: Vec<&str> = pinyin.split(' ').collect();
    // Any run of syllables, the last one possibly cut short: "zhangs", "sanfeng", "zhangsanf".
    (0..syl.len()).any(|start| matches_from(&syl[start..], &q))
}

fn matches_from(syl: &[&str], q: &str) -> bool {
    let Some((first, rest)) = syl.split_first() else {
        return q.is_empty();
    };
    if q.is_empty() {
        return true;
    }
    if first.starts_with(q) {
        return true;
    }
    match q.strip_prefix(first) {
        Some(tail) => matches_from(rest, tail),
        // An initial only for this syllable: "zsf" style mixed with full syllables, "zhangsf".
        None => q.starts_with(&first[..1]) && matches_from(rest, &q[1..]),
    }
}

struct StrokeData {
    count: HashMap<char, u8>,
    order: HashMap<char, &'static str>,
}

fn stroke_data() -> &'static StrokeData {
    static DATA: OnceLock<StrokeData> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut count = HashMap::with_capacity(100_000);
        for line in include_str!("../../../../assets/hanzi/strokes.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((n, chars)) = line.split_once('\t') {
                if let Ok(n) = n.parse::<u8>() {
                    count.extend(chars.chars().map(|c| (c, n)));
                }
            }
        }
        let mut order = HashMap::with_capacity(10_000);
        for line in include_str!("../../../../assets/hanzi/stroke_order.txt").lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some((c, seq)) = line.split_once('\t') {
                if let Some(c) = c.chars().next() {
                    order.insert(c, seq);
                }
            }
        }
        StrokeData { count, order }
    })
}

/// Total strokes of a character, if known.
pub fn strokes(c: char) -> Option<u8> {
    stroke_data().count.get(&c).copied()
}

/// Sort key of one character under 笔画序: stroke count, then the stroke types in writing order
/// (横1 竖2 撇3 点4 折5), then the code point so the order is total. A character whose stroke
/// order is unknown (rare ones) follows the known ones of its count; one with no count goes last.
fn char_key(c: char) -> (u8, bool, &'static str, u32) {
    let d = stroke_data();
    let order = d.order.get(&c).copied();
    (
        d.count.get(&c).copied().unwrap_or(u8::MAX),
        order.is_none(),
        order.unwrap_or(""),
        c as u32,
    )
}

/// Orders names 按姓氏笔画为序: the surname first (so all 王 stand together), then the given
/// name, each character by [`char_key`].
pub fn stroke_cmp(a: &str, b: &str) -> Ordering {
    let (sa, ga) = split_name(a);
    let (sb, gb) = split_name(b);
    let key = |s: &str| s.chars().map(char_key).collect::<Vec<_>>();
    key(sa).cmp(&key(sb)).then_with(|| key(ga).cmp(&key(gb)))
}

/// Orders by pinyin (surname reading included), then by strokes to break ties.
pub fn pinyin_cmp(a: &str, b: &str) -> Ordering {
    syllables(a)
        .cmp(&syllables(b))
        .then_with(|| stroke_cmp(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_are_read_as_surnames() {
        for (name, expected) in [
            ("单雄信", "shan xiong xin"),
            ("曾国藩", "zeng guo fan"),
            ("解缙", "xie jin"),
            ("区小红", "ou xiao hong"),
            ("仇英", "qiu ying"),
            ("查良镛", "zha liang yong"),
            ("朴正义", "piao zheng yi"),
            ("欧阳修", "ou yang xiu"),
            ("尉迟恭", "yu chi gong"),
            ("长孙无忌", "zhang sun wu ji"),
            ("吕丽", "lv li"),
        ] {
            assert_eq!(pinyin_and_initials(name).0, expected, "{name}");
        }
    }

    #[test]
    fn a_category_label_reads_word_by_word() {
        // 单 in 单位 is dān, not the surname Shàn: a label is not a name.
        assert_eq!(text_initials("交通建设"), "jtjs");
        assert_eq!(text_initials("单位建设（其他）"), "dwjsqt");
        assert_eq!(text_initials("5G网络"), "5gwl");
    }

    #[test]
    fn initials_find_the_name() {
        let (py, ini) = pinyin_and_initials("张三丰");
        assert_eq!(ini, "zsf");
        for q in [
            "zs",
            "zsf",
            "sf",
            "zhang",
            "zhangs",
            "zhangsan",
            "sanfeng",
            "zhang san",
            "张三",
            "ＺＳ",
        ] {
            assert!(
                name_matches("张三丰", &py, &ini, q),
                "{q} should match 张三丰"
            );
        }
        for q in ["ls", "zhangsi", "王", "zx"] {
            assert!(
                !name_matches("张三丰", &py, &ini, q),
                "{q} should not match 张三丰"
            );
        }
    }

    #[test]
    fn compound_surname_only_when_name_is_long_enough() {
        assert_eq!(split_name("欧阳修"), ("欧阳", "修"));
        assert_eq!(
            split_name("欧阳"),
            ("欧", "阳"),
            "a two-character name is surname + given name"
        );
        assert_eq!(split_name("王"), ("王", ""));
    }

    #[test]
    fn stroke_counts_come_from_the_data_file() {
        assert_eq!(strokes('一'), Some(1));
        assert_eq!(strokes('王'), Some(4));
        assert_eq!(strokes('曾'), Some(12));
        assert_eq!(strokes('堃'), Some(11));
        assert!(
            strokes('𠮷').is_some(),
            "names use characters outside the BMP"
        );
    }

    #[test]
    fn names_sort_by_surname_strokes_then_given_name() {
        // 丁(2) 王(4) 刘(6) 李(7) 张(7) 曾(12): 李 before 张 because 李 starts with 横 and 张 with 折.
        let mut names = vec!["曾华", "张伟", "李强", "王芳", "丁一", "刘洋", "王丽"];
        names.sort_by(|a, b| stroke_cmp(a, b));
        assert_eq!(
            names,
            vec!["丁一", "王芳", "王丽", "刘洋", "李强", "张伟", "曾华"]
        );
    }
}
