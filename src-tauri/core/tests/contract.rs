//! The constants the UI shares with the core, generated from the core into
//! `ui/src/bindings/constants.ts`: the closed sets of codes the lists accept in their address, the
//! group-visit threshold, page sizes, and the national profile's periods the step dialog falls
//! back on. The UI imports them instead of keeping copies; this test fails when the committed
//! file is stale. To regenerate:
//! `TAIZHANG_WRITE_BINDINGS=1 cargo test -p taizhang-core --test contract`.

use std::fmt::Write;
use std::path::Path;

use taizhang_core::petitions::GROUP_VISIT;
use taizhang_core::store::{PAGE_SIZE, PAGE_SIZE_MAX};
use taizhang_core::vocab::*;

fn codes<V: Vocab>(out: &mut String, name: &str) {
    let list: Vec<String> = V::ALL.iter().map(|v| format!("'{}'", v.code())).collect();
    writeln!(
        out,
        "/** {}: every code, in the core's order. */\nexport const {name} = [{}] as const;",
        V::WHAT,
        list.join(", ")
    )
    .unwrap();
}

fn render() -> String {
    let mut out = String::from(
        "// Generated from taizhang-core by src-tauri/core/tests/contract.rs. Do not edit: change the core\n\
         // and run `TAIZHANG_WRITE_BINDINGS=1 cargo test -p taizhang-core --test contract`.\n\n",
    );
    codes::<SuggestionKind>(&mut out, "SUGGESTION_KIND_CODES");
    codes::<SuggestionCategory>(&mut out, "SUGGESTION_CATEGORY_CODES");
    codes::<SuggestionState>(&mut out, "SUGGESTION_STATE_CODES");
    codes::<PetitionChannel>(&mut out, "PETITION_CHANNEL_CODES");
    codes::<PetitionCategory>(&mut out, "PETITION_CATEGORY_CODES");
    codes::<PetitionState>(&mut out, "PETITION_STATE_CODES");
    let national = taizhang_core::rules::get("national").expect("the national profile ships");
    writeln!(
        out,
        "\n/** Five or more people make a group visit (集体访). */\nexport const GROUP_VISIT_MIN = {GROUP_VISIT};\n\
         /** A list's page when none is asked for, and the largest it serves. */\n\
         export const PAGE_SIZE = {PAGE_SIZE};\nexport const PAGE_SIZE_MAX = {PAPE_MAX};\n\
         /** The national profile's periods, for a step dialog opened before the case's own profile is known. */\n\
         export const NATIONAL_REPLY_MONTHS = {};\nexport const NATIONAL_REPLY_MAX_MONTHS = {};\n\
         export const NATIONAL_EXTENSION_MAX_DAYS = {};",
        national.suggestion.reply.count,
        national.suggestion.reply_max.count,
        national.petition.extension_max.count,
        PAPE_MAX = PAGE_SIZE_MAX,
    )
    .unwrap();
    out
}

#[test]
fn the_uis_constants_are_the_cores() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings/constants.ts");
    let want = render();
    if std::env::var_os("TAIZHANG_WRITE_BINDINGS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/bindings/constants.ts is stale: run `TAIZHANG_WRITE_BINDINGS=1 cargo test -p taizhang-core --test contract` and commit it"
    );
}
