//! Resident ID numbers (公民身份号码, GB 11643-1999): 17 digits and a check character computed
//! with ISO 7064 MOD 11-2. Stored whole, shown masked: the number identifies a person for life.

use chrono::NaiveDate;

use crate::{Error, Result};

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// A validated 18-character ID number (upper-case X).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber(String);

impl IdNumber {
    /// Validates length, digits, the birth date inside it and the check character.
    pub fn parse(text: &str) -> Result<Self> {
        let t: String = crate::dates::normalize_width(text).trim().to_uppercase();
        let field = "id_number";
        if t.len() != 18 || !t.is_ascii() {
            return Err(Error::validation(
                field,
                format!("身份证号码应为 18 位，“{t}”有 {} 位", t.chars().count()),
            ));
        }
        let (body, last) = t.split_at(17);
        if !body.chars().all(|c| c.is_ascii_digit())
            || !(last.chars().all(|c| c.is_ascii_digit() || c == 'X'))
        {
            return Err(Error::validation(
                field,
                "身份证号码前 17 位应为数字，最后一位为数字或 X",
            ));
        }
        if birth_in(&t).is_none() {
            return Err(Error::validation(
                field,
                format!("身份证号码中的出生日期“{}”不存在", &t[6..14]),
            ));
        }
        let expected = check_char(body);
        if !last.starts_with(expected) {
            return Err(Error::validation(
                field,
                "身份证号码校验位不正确，请核对是否输错了某一位",
            ));
        }
        Ok(IdNumber(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date encoded in positions 7-14.
    pub fn birth_date(&self) -> NaiveDate {
        birth_in(&self.0).expect("validated on parse")
    }

    /// 1 = male for odd, 0 = female for even, by the 17th digit.
    pub fn is_female(&self) -> bool {
        self.0.as_bytes()[16].is_multiple_of(2)
    }

    /// "110***********1234": region prefix and last four only.
    pub fn masked(&self) -> String {
        mask(&self.0)
    }
}

/// Masks any stored ID text the same way, even one that would not validate today.
pub fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

/// The check character for 17 digits.
pub fn check_char(body17: &str) -> char {
    let sum: u32 = body17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    CHECK[(sum % 11) as usize]
}

fn birth_in(t: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(t.get(6..14)?, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The worked example of GB 11643-1999 Annex.
    const VALID: &str = "11010519491231002X";

    #[test]
    fn accepts_the_standards_example_and_masks_it() {
        let id = IdNumber::parse(VALID).unwrap();
        assert_eq!(id.masked(), "110***********002X");
        assert_eq!(
            id.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert!(id.is_female());
        assert_eq!(
            IdNumber::parse(&VALID.to_lowercase()).unwrap().as_str(),
            VALID,
            "lower-case x accepted"
        );
    }

    #[test]
    fn refuses_a_wrong_check_digit_naming_the_field() {
        let e = IdNumber::parse("110105194912310021").unwrap_err();
        assert_eq!(e.field(), Some("id_number"));
        assert!(e.to_string().contains("校验位"));
    }

    #[test]
    fn refuses_an_impossible_birth_date() {
        let body = "11010519490231002";
        let id = format!("{body}{}", check_char(body));
        assert!(IdNumber::parse(&id)
            .unwrap_err()
            .to_string()
            .contains("出生日期"));
    }

    proptest! {
        #[test]
        fn changing_any_one_digit_is_caught(pos in 0usize..17, delta in 1u32..10) {
            let mut chars: Vec<char> = VALID.chars().collect();
            let d = chars[pos].to_digit(10).unwrap();
            chars[pos] = char::from_digit((d + delta) % 10, 10).unwrap();
            let changed: String = chars.into_iter().collect();
            // A changed digit either breaks the birth date or the check character: never silently valid.
            prop_assert!(IdNumber::parse(&changed).is_err());
        }
    }
}
