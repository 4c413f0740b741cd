//! The 文号 parser and the bracket normaliser: any text gives a number or a refusal, and a
//! number it gives reads back to the same number.
#![no_main]
use libfuzzer_sys::fuzz_target;
use taizhang_core::documents::{normalise_brackets, DocNumber};

fuzz_target!(|text: &str| {
    let _ = normalise_brackets(text);
    if let Ok(Some(n)) = DocNumber::parse(text) {
        let again = DocNumber::parse(&n.text()).expect("a parsed number reads back");
        assert_eq!(again.map(|a| a.key()), Some(n.key()));
    }
    let _ = taizhang_core::dates::PartialDate::parse(text);
    let _ = taizhang_core::dates::Minute::parse(text);
});
