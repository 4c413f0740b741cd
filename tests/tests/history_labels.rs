//! 修改记录 speaks Chinese: every field of every book's history has its label, and no stored
//! code (voter_reception, received, in_office…) reaches the clerk as it is stored.

use taizhang_core::{demo, registry};
use taizhang_tests::*;

fn looks_like_a_code(v: &str) -> bool {
    v.len() > 1
        && v.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        && v.chars().any(|c| c.is_ascii_lowercase())
}

#[test]
fn every_field_and_code_in_the_office_history_has_a_chinese_label() {
    let (_dir, mut store) = temp_store();
    demo::seed(&mut store, 2, today()).unwrap();
    let mut page = 1;
    let mut seen = 0;
    let mut missing = std::collections::BTreeSet::new();
    loop {
        let p = registry::history(store.conn(), None, None, page, 500).unwrap();
        for e in &p.items {
            for c in &e.changes {
                seen += 1;
                if taizhang_core::fields::find(&c.field).is_none() || c.label == c.field {
                    missing.insert(format!("{}: field {}", e.entity, c.field));
                }
                for v in [&c.before, &c.after] {
                    if looks_like_a_code(v) {
                        missing.insert(format!("{}: {} = {v}", e.entity, c.field));
                    }
                }
            }
        }
        if p.items.len() < 500 {
            break;
        }
        page += 1;
    }
    assert!(
        seen > 100,
        "the demo's history has changes to read ({seen})"
    );
    assert!(missing.is_empty(), "unlabelled in 修改记录: {missing:#?}");
}
