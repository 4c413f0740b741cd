//! Importing the rosters counties and offices actually keep, and refusing the bad ones whole.

use taizhang_core::idcard::check_char;
use taizhang_core::roster::deputy::{self, DeputyQuery};
use taizhang_core::roster::export::{export_roster, ExportOptions};
use taizhang_core::roster::import::{commit, preview};
use taizhang_core::roster::org::{self, TermInput};
use taizhang_core::vocab::RosterOrder;
use taizhang_tests::Cell::{Date, Number, Text};
use taizhang_tests::*;

fn id_for(birth: &str, seq: u32) -> String {
    let body = format!("330521{birth}{seq:03}");
    format!("{body}{}", check_char(&body))
}

/// A county's sheet: a title row, wording variants, its own column order, every date spelling.
#[test]
fn a_county_sheet_with_title_row_variants_and_odd_dates_imports_whole() {
    let (dir, mut store, term) = store_with_term();
    let path = dir.path().join("县里的花名册.xlsx");
    let id_wang = id_for("19750312", 2); // even 17th digit: female
    let rows = vec![
        vec![Text("青山镇第二十届人大代表花名册")],
        vec![
            Text("序号"),
            Text("代表姓名"),
            Text("民族"),
            Text("党派"),
            Text("性别"),
            Text("出生日期"),
            Text("单位职务"),
            Text("选区"),
            Text("代表小组"),
            Text("学历"),
            Text("身份证号"),
            Text("备注（其他）"),
        ],
        vec![
            Number(1.0),
            Text("王芳"),
            Text("汉族"),
            Text("中共党员"),
            Text("女"),
            Date(day(1975, 3, 12)),
            Text("青山村党支部书记"),
            Text("第3选区"),
            Text("第一代表小组"),
            Text("大专"),
            Text(&id_wang),
            Text(""),
        ],
        vec![
            Number(2.0),
            Text("单雄"),
            Text("畲"),
            Text("群众"),
            Text("男"),
            Text("1975.03"),
            Text("种粮大户"),
            Text("第3选区"),
            Text("第一代表小组"),
            Text("初中"),
            Text(""),
            Text(""),
        ],
        vec![
            Number(3.0),
            Text("曾堃"),
            Text("回族"),
            Text("预备党员"),
            Text("男"),
            Number(1968.11),
            Text("镇卫生院医生"),
            Text("第4选区"),
            Text("第二代表小组"),
            Text("本科"),
            Text(""),
            Text(""),
        ],
        vec![
            Number(4.0),
            Text("李丽"),
            Text("汉"),
            Text("共青团员"),
            Text("女"),
            Text("1990-3"),
            Text("镇中心小学教师"),
            Text("第4选区"),
            Text("第二代表小组"),
            Text("研究生"),
            Text(""),
            Text(""),
        ],
        vec![
            Number(5.0),
            Text("赵敏"),
            Text("汉族"),
            Text("九三学社"),
            Text("女"),
            Text("1985年7月"),
            Text("个体工商户"),
            Text("第4选区"),
            Text("第二代表小组"),
            Text("高中"),
            Text(""),
            Text(""),
        ],
        vec![
            Number(6.0),
            Text("钱　进"),
            Text("汉族"),
            Text("群众"),
            Text("男"),
            Text("１９７０．０５"),
            Text("机械厂工人"),
            Text("第５选区"),
            Text(""),
            Text(""),
            Text(""),
            Text(""),
        ],
    ];
    write_sheet(&path, &rows);
    let p = preview(store.conn(), &path, None).unwrap();
    assert!(
        p.problems.is_empty(),
        "a good sheet has no problems: {:?}",
        p.problems
    );
    assert_eq!(
        (p.header_row, p.valid_rows, p.term_id),
        (2, 6, term),
        "the title row is skipped"
    );
    assert_eq!(
        p.will_create.constituencies,
        vec!["第3选区", "第4选区", "第5选区"],
        "full-width digits normalised"
    );
    assert_eq!(p.will_create.groups, vec!["第一代表小组", "第二代表小组"]);
    assert_eq!(count(&store, "deputies"), 0, "a preview writes nothing");

    let r = commit(&mut store, &clerk(day(2024, 5, 1)), &path, None, false).unwrap();
    assert_eq!(
        (r.imported, r.created_constituencies, r.created_groups),
        (6, 3, 2)
    );
    let q = DeputyQuery {
        term_id: Some(term),
        page_size: Some(100),
        ..Default::default()
    };
    let all = deputy::list(store.conn(), &q, day(2024, 5, 1))
        .unwrap()
        .items;
    let birth = |name: &str| {
        all.iter()
            .find(|d| d.name == name)
            .unwrap()
            .birth_date
            .unwrap()
            .to_string()
    };
    assert_eq!(birth("王芳"), "1975-03-12", "an Excel date cell");
    assert_eq!(birth("单雄"), "1975-03");
    assert_eq!(
        birth("曾堃"),
        "1968-11",
        "a year.month typed into a number cell"
    );
    assert_eq!(birth("李丽"), "1990-03");
    assert_eq!(birth("赵敏"), "1985-07");
    assert_eq!(
        birth("钱进"),
        "1970-05",
        "full-width digits; the ideographic space inside the name is dropped"
    );
    let wang = all.iter().find(|d| d.name == "王芳").unwrap();
    assert_eq!(
        wang.id_number_masked.as_deref(),
        Some(taizhang_core::idcard::mask(&id_wang).as_str())
    );
    assert_eq!(wang.ethnicity_label, "汉族");
    let c5 = org::constituencies(store.conn())
        .unwrap()
        .into_iter()
        .find(|c| c.name == "第5选区")
        .unwrap();
    assert_eq!(
        c5.number, 5,
        "the constituency number is read from its name"
    );
    let h = taizhang_core::registry::last_change(
        store.conn(),
        taizhang_core::history::Entity::Deputy,
        wang.id,
    )
    .unwrap()
    .unwrap();
    assert_eq!(h.action, "import");
    assert!(h.note.contains("县里的花名册.xlsx"));
}

fn assert_refused_whole(store: &taizhang_core::Store, err: &taizhang_core::Error, needle: &str) {
    assert_eq!(err.code(), "import", "{err}");
    assert!(
        err.to_string().contains(needle),
        "message should mention “{needle}”: {err}"
    );
    assert_eq!(count(store, "deputies"), 0, "nothing written");
    assert_eq!(count(store, "constituencies"), 0, "nothing written");
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused() {
    let (dir, mut store, _) = store_with_term();
    let fake = dir.path().join("花名册.xlsx");
    std::fs::write(&fake, "姓名,性别\n张三,男\n").unwrap();
    let e = commit(&mut store, &clerk(day(2024, 5, 1)), &fake, None, false).unwrap_err();
    assert_refused_whole(&store, &e, "无法作为 Excel 文件打开");
    let txt = dir.path().join("花名册.txt");
    std::fs::write(&txt, "x").unwrap();
    assert_refused_whole(
        &store,
        &preview(store.conn(), &txt, None).unwrap_err(),
        "不是 Excel 表格文件",
    );
    let missing = dir.path().join("没有这个文件.xlsx");
    assert_refused_whole(
        &store,
        &preview(store.conn(), &missing, None).unwrap_err(),
        "找不到文件",
    );
}

#[test]
fn empty_sheets_and_header_only_sheets_are_refused() {
    let (dir, store, _) = store_with_term();
    let empty = dir.path().join("empty.xlsx");
    write_sheet(&empty, &[]);
    assert_refused_whole(
        &store,
        &preview(store.conn(), &empty, None).unwrap_err(),
        "没有任何数据",
    );
    let header_only = dir.path().join("header.xlsx");
    write_sheet(
        &header_only,
        &text_rows(&[&["姓名", "性别", "民族", "政治面貌"]]),
    );
    assert_refused_whole(
        &store,
        &preview(store.conn(), &header_only, None).unwrap_err(),
        "没有任何代表数据",
    );
    let no_header = dir.path().join("noheader.xlsx");
    write_sheet(&no_header, &text_rows(&[&["张三", "男"], &["李四", "女"]]));
    assert_refused_whole(
        &store,
        &preview(store.conn(), &no_header, None).unwrap_err(),
        "没有找到表头",
    );
    let missing_cols = dir.path().join("cols.xlsx");
    write_sheet(
        &missing_cols,
        &text_rows(&[&["姓名", "性别"], &["张三", "男"]]),
    );
    assert_refused_whole(
        &store,
        &preview(store.conn(), &missing_cols, None).unwrap_err(),
        "民族、政治面貌",
    );
}

#[test]
fn a_duplicated_header_names_both_columns() {
    let (dir, store, _) = store_with_term();
    let path = dir.path().join("dup.xlsx");
    write_sheet(
        &path,
        &text_rows(&[
            &["姓名", "性别", "民族", "政治面貌", "出生年月", "出生日期"],
            &["张三", "男", "汉族", "群众", "1970.01", "1970.01"],
        ]),
    );
    let e = preview(store.conn(), &path, None).unwrap_err();
    assert_refused_whole(&store, &e, "E列和F列");
}

#[test]
fn bad_rows_are_named_by_row_and_column_and_block_the_whole_import() {
    let (dir, mut store, _) = store_with_term();
    let path = dir.path().join("bad.xlsx");
    let good_id = id_for("19800101", 1);
    let mut bad_id = good_id.clone();
    bad_id.replace_range(17.., if good_id.ends_with('1') { "2" } else { "1" });
    write_sheet(
        &path,
        &text_rows(&[
            &["姓名", "性别", "民族", "政治面貌", "出生年月", "身份证号码"],
            &["张三", "男", "汉族", "群众", "1980.01", &good_id],
            &["李四", "男", "汉族", "群众", "1975-02-30", ""],
            &["王五", "男", "汉族", "群众", "1980.01", &bad_id],
            &["赵六", "未知", "火星族", "党员", "1980.01", ""],
            &["孙七", "男", "汉族", "群众", "1975.13", ""],
            &["周八", "男", "汉族", "群众", "1980.01", &good_id],
        ]),
    );
    let p = preview(store.conn(), &path, None).unwrap();
    assert_eq!((p.valid_rows, p.invalid_rows), (1, 5), "{:?}", p.problems);
    let at = |row: usize| {
        p.problems
            .iter()
            .filter(|x| x.row == row)
            .map(|x| format!("{} {}", x.column.clone().unwrap_or_default(), x.message))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(
        at(3).contains("E（出生年月）") && at(3).contains("不是真实存在的日期"),
        "{}",
        at(3)
    );
    assert!(
        at(4).contains("F（身份证号码）") && at(4).contains("校验位"),
        "{}",
        at(4)
    );
    assert!(
        at(5).contains("B（性别）") && at(5).contains("C（民族）"),
        "{}",
        at(5)
    );
    assert!(at(6).contains("1975.13"), "{}", at(6));
    assert!(at(7).contains("与第 2 行重复"), "{}", at(7));

    let e = commit(&mut store, &clerk(day(2024, 5, 1)), &path, None, false).unwrap_err();
    assert_refused_whole(&store, &e, "未导入任何数据");

    // The clerk explicitly drops the bad rows.
    let r = commit(&mut store, &clerk(day(2024, 5, 1)), &path, None, true).unwrap();
    assert_eq!(
        (r.imported, r.skipped_rows.clone()),
        (1, vec![3, 4, 5, 6, 7])
    );
    assert_eq!(count(&store, "deputies"), 1);
}

#[test]
fn ambiguous_number_dates_are_flagged_not_guessed() {
    let (dir, store, _) = store_with_term();
    let path = dir.path().join("amb.xlsx");
    write_sheet(
        &path,
        &[
            vec![
                Text("姓名"),
                Text("性别"),
                Text("民族"),
                Text("政治面貌"),
                Text("出生年月"),
            ],
            vec![
                Text("张三"),
                Text("男"),
                Text("汉族"),
                Text("群众"),
                Number(1975.1),
            ],
        ],
    );
    let p = preview(store.conn(), &path, None).unwrap();
    assert_eq!(p.invalid_rows, 1);
    assert!(p.problems[0].message.contains("歧义"), "{:?}", p.problems);
}

/// 10,000 rows import in one transaction; one bad row at the very end leaves nothing behind.
#[test]
fn ten_thousand_rows_import_whole_or_not_at_all() {
    let (dir, mut store, _) = store_with_term();
    let header: Vec<&str> = vec![
        "姓名",
        "性别",
        "民族",
        "政治面貌",
        "出生年月",
        "选区",
        "代表小组",
    ];
    let names: Vec<String> = (0..10_000)
        .map(|i| format!("代表{}", chinese_digits(i)))
        .collect();
    let constituencies: Vec<String> = (0..10_000)
        .map(|i| format!("第{}选区", i % 40 + 1))
        .collect();
    let mut rows: Vec<Vec<Cell>> = vec![header.iter().map(|h| Text(h)).collect()];
    for i in 0..10_000 {
        rows.push(vec![
            Text(&names[i]),
            Text("男"),
            Text("汉族"),
            Text("群众"),
            Text("1970.05"),
            Text(&constituencies[i]),
            Text("第一代表小组"),
        ]);
    }
    let good = dir.path().join("big.xlsx");
    write_sheet(&good, &rows);
    rows.push(vec![
        Text("最后一行"),
        Text("男"),
        Text("汉族"),
        Text("群众"),
        Text("1970.02.30"),
        Text("第1选区"),
        Text("第一代表小组"),
    ]);
    let bad = dir.path().join("big-bad.xlsx");
    write_sheet(&bad, &rows);

    let s = clerk(day(2024, 5, 1));
    let e = commit(&mut store, &s, &bad, None, false).unwrap_err();
    assert_refused_whole(&store, &e, "1 行共 1 处问题");
    let r = commit(&mut store, &s, &good, None, false).unwrap();
    assert_eq!(
        (r.imported, r.created_constituencies, r.created_groups),
        (10_000, 40, 1)
    );
    assert_eq!(count(&store, "deputies"), 10_000);
}

fn chinese_digits(mut n: usize) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let mut s = Vec::new();
    loop {
        s.push(D[n % 10]);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.into_iter().rev().collect()
}

/// What the app exports, the app imports back: the 花名册 layout (title, subtitle, group
/// section rows) is read as a grouped sheet.
#[test]
fn an_exported_roster_imports_into_a_fresh_database() {
    let (dir, mut demo) = temp_store();
    taizhang_core::demo::seed(&mut demo, 11, today()).unwrap();
    let on = day(2026, 6, 1);
    let path = dir.path().join("花名册.xlsx");
    let opts = ExportOptions {
        term_id: None,
        on,
        order: RosterOrder::Stroke,
        with_id_numbers: true,
    };
    let exported = export_roster(demo.conn(), &path, &opts).unwrap();

    let (_d2, mut fresh) = temp_store();
    org::create_term(
        &mut fresh,
        &clerk(day(2021, 11, 20)),
        &TermInput {
            number: 20,
            start_date: "2021-11-20".into(),
            end_date: None,
        },
    )
    .unwrap();
    let p = preview(fresh.conn(), &path, None).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.header_row, 3);
    assert_eq!(p.valid_rows, exported.count);
    assert_eq!(
        p.will_create.groups.len(),
        7,
        "group sections come back as groups"
    );
    commit(&mut fresh, &clerk(day(2026, 6, 1)), &path, None, false).unwrap();

    let names = |s: &taizhang_core::Store| -> Vec<(String, Option<String>, Option<String>)> {
        let q = DeputyQuery {
            page_size: Some(500),
            order: Some(RosterOrder::Pinyin),
            ..Default::default()
        };
        deputy::list(s.conn(), &q, on)
            .unwrap()
            .items
            .into_iter()
            .filter(|d| taizhang_core::roster::org::holds_office(d.status))
            .map(|d| {
                (
                    d.name,
                    d.group_name,
                    d.birth_date.map(|b| format!("{}-{:02}", b.year, b.month)),
                )
            })
            .collect()
    };
    assert_eq!(
        names(&fresh),
        names(&demo),
        "name, group and birth month survive the round trip"
    );
}

/// Files made to exhaust memory are refused fast, in Chinese, and nothing is written: one cell
/// at the sheet's last position (a naive reader allocates 17 billion cells for it), and a
/// small zip that unpacks to far more than any roster.
#[test]
fn a_workbook_built_to_exhaust_memory_is_refused_fast() {
    let (dir, store, term) = store_with_term();
    let before = count(&store, "deputies");

    let far = dir.path().join("far.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "姓名").unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save(&far).unwrap();

    let bomb = dir.path().join("bomb.xlsx");
    {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/sharedStrings.xml", opts).unwrap();
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..100 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    assert!(
        std::fs::metadata(&bomb).unwrap().len() < 2 * 1024 * 1024,
        "the bomb is small on disk"
    );

    for (file, needle) in [(&far, "第 1048576 行"), (&bomb, "解压后超过")] {
        let started = std::time::Instant::now();
        let err = preview(store.conn(), file, Some(term)).unwrap_err();
        assert_eq!(err.code(), "import", "{err}");
        assert!(
            err.to_string().contains(needle),
            "{}: {err}",
            file.display()
        );
        assert!(
            started.elapsed().as_secs() < 30,
            "refused without reading the whole of it"
        );
    }
    assert_eq!(count(&store, "deputies"), before, "nothing written");
}
