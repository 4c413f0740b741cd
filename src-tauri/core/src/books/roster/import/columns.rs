//! The columns of an office's roster sheet: the fields a column can hold, the header wordings
//! offices use for each, and how a header is recognised.

use crate::dates::normalize_width;

/// Fields a column can map to, with the header wordings seen in offices' sheets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Seq,
    Name,
    Sex,
    Ethnicity,
    BirthDate,
    PoliticalStatus,
    Education,
    WorkUnitPost,
    Occupation,
    Constituency,
    Group,
    Levels,
    ElectedOn,
    ElectedHow,
    CardNo,
    Phone,
    Address,
    IdNumber,
    ReturnedOverseas,
    Grassroots,
    Notes,
}

pub(super) const HEADERS: &[(Field, &str, &[&str])] = &[
    (Field::Seq, "seq", &["序号", "编号", "序"]),
    (Field::Name, "name", &["姓名", "代表姓名", "名字"]),
    (Field::Sex, "sex", &["性别"]),
    (Field::Ethnicity, "ethnicity", &["民族"]),
    (
        Field::BirthDate,
        "birth_date",
        &["出生年月", "出生日期", "出生年月日", "出生时间", "生日"],
    ),
    (
        Field::PoliticalStatus,
        "political_status",
        &["政治面貌", "党派", "党派面貌"],
    ),
    (
        Field::Education,
        "education",
        &["学历", "文化程度", "文化", "学历学位"],
    ),
    (
        Field::WorkUnitPost,
        "work_unit_post",
        &[
            "工作单位及职务",
            "单位职务",
            "工作单位和职务",
            "工作单位",
            "单位及职务",
            "职务",
        ],
    ),
    (
        Field::Occupation,
        "occupation",
        &[
            "职业类别",
            "职业",
            "代表构成",
            "身份类别",
            "代表结构",
            "构成",
        ],
    ),
    (
        Field::Constituency,
        "constituency_id",
        &["选区", "所在选区", "选区名称", "选举单位"],
    ),
    (
        Field::Group,
        "group_id",
        &["代表小组", "所在小组", "小组", "所属小组", "代表组"],
    ),
    (
        Field::Levels,
        "levels",
        &["代表层级", "层级", "兼任上级代表", "是否上级代表"],
    ),
    (Field::ElectedOn, "elected_on", &["当选日期", "当选时间"]),
    (Field::ElectedHow, "elected_how", &["当选方式", "产生方式"]),
    (
        Field::CardNo,
        "card_no",
        &["代表证号", "代表证编号", "代表证号码"],
    ),
    (
        Field::Phone,
        "phone",
        &["联系电话", "电话", "手机", "手机号码", "联系方式"],
    ),
    (
        Field::Address,
        "address",
        &["通讯地址", "住址", "家庭住址", "地址"],
    ),
    (
        Field::IdNumber,
        "id_number",
        &["身份证号码", "身份证号", "公民身份号码", "身份证"],
    ),
    (
        Field::ReturnedOverseas,
        "returned_overseas",
        &["归侨侨眷", "是否归侨侨眷"],
    ),
    (
        Field::Grassroots,
        "grassroots",
        &["基层代表", "是否基层代表", "一线代表"],
    ),
    (Field::Notes, "notes", &["备注"]),
];

pub(super) const REQUIRED: &[Field] = &[
    Field::Name,
    Field::Sex,
    Field::Ethnicity,
    Field::PoliticalStatus,
];

pub(super) fn header_key(text: &str) -> String {
    let t = normalize_width(text);
    let t = t.split(['(', '（']).next().unwrap_or("");
    t.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != ':' && *c != '：')
        .collect()
}

pub(super) fn field_of(header: &str) -> Option<Field> {
    let k = header_key(header);
    HEADERS
        .iter()
        .find(|(_, _, names)| names.contains(&k.as_str()))
        .map(|(f, _, _)| *f)
}

pub(super) fn field_code(f: Field) -> &'static str {
    HEADERS
        .iter()
        .find(|(x, _, _)| *x == f)
        .map(|(_, c, _)| *c)
        .unwrap_or("")
}

/// "A", "B", ..., "Z", "AA".
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}
