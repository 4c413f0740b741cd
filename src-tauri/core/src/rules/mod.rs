//! Rule profiles: the deadlines and lists that differ between provinces, kept as data
//! (`assets/rules/*.json`, versioned) rather than constants, so an office picks its province in
//! the settings and a county can check the rules against the text of its regulation.
//!
//! A case records the profile it was registered under ("zhejiang@1") and keeps it: switching the
//! office's profile changes open cases only when asked, after showing every due date that moves.

pub mod calendar;
pub mod deadline;
pub mod idcard;
pub mod names;
pub mod tally;
pub mod vocab;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::calendar::{Period, Unit};
use crate::{settings, Error, Result};

/// A period with its legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub unit: Unit,
    pub count: u32,
    pub basis: String,
}

impl Rule {
    pub fn period(&self) -> Period {
        Period {
            unit: self.unit,
            count: self.count,
        }
    }
    /// "7个工作日", "3个月", "15日"
    pub fn text(&self) -> String {
        format!("{}{}", self.count, self.unit.label())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct ReplyCategory {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct SuggestionRules {
    pub assign: Option<Rule>,
    pub return_within: Option<Rule>,
    pub reply: Rule,
    pub reply_max: Rule,
    pub rehandle: Option<Rule>,
    pub motion_min_cosigners: u32,
    pub reply_categories: Vec<ReplyCategory>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct PetitionRules {
    pub accept_notice: Rule,
    pub handle: Rule,
    pub extension_max: Rule,
    pub review_request: Rule,
    pub review_reply: Rule,
    pub re_review_request: Rule,
    pub re_review_reply: Rule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct RuleProfile {
    /// Format of the file; 1 is the only one so far.
    pub schema: u32,
    pub id: String,
    pub version: u32,
    pub name: String,
    pub description: String,
    pub sources: Vec<String>,
    pub suggestion: SuggestionRules,
    pub petition: PetitionRules,
    pub presidium: PresidiumRules,
    pub session: SessionRules,
    pub livelihood: LivelihoodRules,
    pub supervision: SupervisionRules,
}

/// How a vote on 民生实事 candidates adopts projects: the rules differ by province and county
/// (票决制 is set by each county's own 办法), so they are data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct LivelihoodRules {
    /// Votes for a candidate to be adopted, as a share of ALL deputies.
    pub majority: Share,
    /// At most this many adopted, in order of votes; None: every candidate with the majority.
    pub max_adopted: Option<u32>,
    pub basis: String,
}

/// Supervision between sessions: how long a handling unit has for its rectification report on
/// a review opinion, when an evaluation's result obliges the object to rectify, and how often a
/// deputy reports to the voters. The law gives no township figure for any of them (《监督法》
/// Art. 14 and 《代表法》 Art. 45 set no period), so each is the county's or township's own rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct SupervisionRules {
    /// The unit's rectification report on a review opinion, counted from the day it is sent.
    pub rectify: Rule,
    pub evaluation: EvaluationRules,
    pub duty_report: DutyReportRules,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct EvaluationRules {
    /// An object whose 不满意 (不称职) ballots are MORE than this share of its valid ballots must
    /// rectify: a review opinion is opened for it.
    pub unsatisfied_over: Fraction,
    /// ... and is evaluated again within this period of the evaluation.
    pub re_evaluate: Rule,
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct DutyReportRules {
    /// Reports to the voters each deputy of these levels gives at least once a term.
    pub per_term: u32,
    /// Level codes (`township`, `county`, …; a test keeps the shipped ones valid). Strings, not
    /// the vocabulary's type: the vocabulary reads the rules, so the rules cannot read it.
    pub levels: Vec<String>,
    pub basis: String,
}

/// A share written as a fraction (三分之一: 1/3), compared exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

impl Fraction {
    /// Is `n` out of `all` MORE than the share? Counted wide (no overflow on a damaged row).
    pub fn exceeded(self, n: i64, all: i64) -> bool {
        all > 0
            && i128::from(n) * i128::from(self.denominator)
                > i128::from(all) * i128::from(self.numerator)
    }
    /// "1/3": how the office writes it in a rule.
    pub fn text(self) -> String {
        format!("{}/{}", self.numerator, self.denominator)
    }
}

/// The checks shown on sessions of the congress (shown, never enforced: the book records what
/// happened). Shares are of ALL deputies holding a mandate on the first day, not of seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct SessionRules {
    /// Deputies present for the session to be held.
    pub quorum: Share,
    pub quorum_basis: String,
    /// Votes for a resolution, or for a candidate to be elected.
    pub majority: Share,
    pub majority_basis: String,
    /// Sessions a calendar year should have.
    pub per_year: u32,
    pub per_year_basis: String,
    /// Deputies told at least this long before the first day.
    pub notice: Rule,
    /// More ballots returned than issued voids the count.
    pub ballots_basis: String,
    /// 未经批准两次不出席: the ground the clerk may record.
    pub absent_twice_basis: String,
}

/// A share of all members of the presidium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Share {
    /// More than half (过半数).
    Half,
    /// Two thirds or more (三分之二以上).
    TwoThirds,
}

impl Share {
    /// Does `n` out of `all` reach the share? Counted wide, so a count read from a damaged row
    /// (the write paths bound them) cannot overflow.
    pub fn reached(self, n: i64, all: i64) -> bool {
        let (n, all) = (i128::from(n), i128::from(all));
        match self {
            Share::Half => n * 2 > all,
            Share::TwoThirds => n * 3 >= all * 2,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Share::Half => "过半数",
            Share::TwoThirds => "三分之二以上",
        }
    }
}

/// The checks shown on presidium meetings (never enforced: the book records what happened).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct PresidiumRules {
    /// Members present for the meeting to be held, as a share of all members.
    pub quorum: Share,
    pub quorum_basis: String,
    /// Votes for a decision to pass, as a share of all members (not of those present).
    pub decision: Share,
    pub decision_basis: String,
    /// At least one meeting in every quarter.
    pub quarterly: bool,
    pub quarterly_basis: String,
}

impl RuleProfile {
    /// What a case stores: "zhejiang@1".
    pub fn tag(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }
    pub fn reply_category_label(&self, code: &str) -> Option<&str> {
        self.suggestion
            .reply_categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.label.as_str())
    }

    /// Checks a profile file: counts in range, a non-empty category list with unique codes, the
    /// longest reply period not shorter than the normal one.
    pub fn from_json(text: &str) -> Result<RuleProfile> {
        let p: RuleProfile = serde_json::from_str(text)
            .map_err(|e| Error::Import(format!("办理规则文件格式不对：{e}")))?;
        let bad = |m: String| Err(Error::Import(format!("办理规则“{}”有误：{m}", p.name)));
        if p.schema != 1 {
            return bad(format!("不认识的规则格式版本 {}", p.schema));
        }
        if p.id.is_empty() || !p.id.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return bad("id 只能由小写英文字母组成".into());
        }
        let s = &p.suggestion;
        let all = [
            s.assign.as_ref(),
            s.return_within.as_ref(),
            Some(&s.reply),
            Some(&s.reply_max),
            s.rehandle.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain([
            &p.petition.accept_notice,
            &p.petition.handle,
            &p.petition.extension_max,
            &p.petition.review_request,
            &p.petition.review_reply,
            &p.petition.re_review_request,
            &p.petition.re_review_reply,
            &p.session.notice,
            &p.supervision.rectify,
            &p.supervision.evaluation.re_evaluate,
        ]);
        for r in all {
            if r.count == 0 || r.count > 366 {
                return bad(format!("期限“{}”不在 1 到 366 之间", r.text()));
            }
        }
        if s.reply_max.unit != Unit::Months || s.reply.unit != Unit::Months {
            return bad("建议答复期限应以月计".into());
        }
        if s.reply_max.count < s.reply.count {
            return bad("延期后的最长答复期限短于正常答复期限".into());
        }
        if p.petition.extension_max.unit != Unit::CalendarDays {
            return bad("信访延期上限应以日计".into());
        }
        if p.livelihood.max_adopted == Some(0) {
            return bad("民生实事项目的入选上限不能为 0（不设上限请写 null）".into());
        }
        let r = p.supervision.evaluation.unsatisfied_over;
        if r.denominator == 0 || r.numerator >= r.denominator {
            return bad("评议整改的不满意票比例应是小于 1 的分数".into());
        }
        if !(1..=10).contains(&p.supervision.duty_report.per_term)
            || p.supervision.duty_report.levels.is_empty()
        {
            return bad("代表述职每届次数应在 1 到 10 之间，并列出适用的代表层级".into());
        }
        if !(1..=12).contains(&p.session.per_year) {
            return bad("每年人代会次数应在 1 到 12 之间".into());
        }
        if s.reply_categories.is_empty() {
            return bad("答复类别不能为空".into());
        }
        let mut codes: Vec<&str> = s.reply_categories.iter().map(|c| c.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        if codes.len() != s.reply_categories.len() {
            return bad("答复类别的代码有重复".into());
        }
        Ok(p)
    }
}

const SHIPPED: &[&str] = &[
    include_str!("../../../../assets/rules/national.json"),
    include_str!("../../../../assets/rules/shanghai.json"),
    include_str!("../../../../assets/rules/zhejiang.json"),
];

/// The setting that names the office's profile.
const KEY: &str = "rule_profile";
pub const DEFAULT: &str = "national";

/// The profiles shipped with this build, national first.
pub fn shipped() -> &'static [RuleProfile] {
    static ALL: OnceLock<Vec<RuleProfile>> = OnceLock::new();
    ALL.get_or_init(|| {
        SHIPPED
            .iter()
            .map(|t| RuleProfile::from_json(t).expect("shipped rule profiles are valid (tested)"))
            .collect()
    })
}

pub fn get(id: &str) -> Result<&'static RuleProfile> {
    shipped()
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::validation("profile", format!("没有名为“{id}”的办理规则")))
}

/// The profile a case stored ("zhejiang@1"): the shipped profile of that id. A later version
/// of the same province's file replaces an earlier one (the file is corrected, not the law).
pub fn of_case(tag: &str) -> &'static RuleProfile {
    let id = tag.split('@').next().unwrap_or(DEFAULT);
    get(id).unwrap_or_else(|_| &shipped()[0])
}

/// The office's current profile.
pub fn current(conn: &Connection) -> Result<&'static RuleProfile> {
    let id = settings::get(conn, KEY)?.unwrap_or_else(|| DEFAULT.to_string());
    Ok(get(&id).unwrap_or(&shipped()[0]))
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RuleProfileSummary {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub description: String,
    pub current: bool,
}

pub fn summaries(conn: &Connection) -> Result<Vec<RuleProfileSummary>> {
    let cur = current(conn)?.id.clone();
    Ok(shipped()
        .iter()
        .map(|p| RuleProfileSummary {
            id: p.id.clone(),
            version: p.version,
            name: p.name.clone(),
            description: p.description.clone(),
            current: p.id == cur,
        })
        .collect())
}

/// Writes the office's profile setting inside the caller's transaction.
pub(crate) fn set_current(conn: &Connection, id: &str) -> Result<()> {
    get(id)?;
    settings::set(conn, KEY, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_profiles_load_and_differ() {
        let all = shipped();
        assert_eq!(all[0].id, DEFAULT);
        assert!(all.len() >= 3, "national and at least two provinces");
        for p in all {
            assert!(!p.sources.is_empty(), "{} names its sources", p.id);
            assert_eq!(p.petition.handle.count, 60, "《信访工作条例》 is national");
            assert_eq!(p.petition.accept_notice.count, 15);
            assert_eq!(p.suggestion.reply.count, 3, "代表法: three months");
        }
        let sh = get("shanghai").unwrap();
        let zj = get("zhejiang").unwrap();
        let nat = get("national").unwrap();
        assert_ne!(sh.suggestion, zj.suggestion, "the provinces' rules differ");
        assert_ne!(nat.suggestion, zj.suggestion);
        assert_ne!(nat.suggestion, sh.suggestion);
        assert!(
            nat.suggestion.assign.is_none(),
            "no national assignment limit"
        );
    }

    #[test]
    fn a_bad_profile_file_is_refused_with_the_reason() {
        let mut v: serde_json::Value = serde_json::from_str(SHIPPED[0]).unwrap();
        v["suggestion"]["reply_max"]["count"] = 2.into();
        let e = RuleProfile::from_json(&v.to_string()).unwrap_err();
        assert!(e.to_string().contains("最长答复期限"), "{e}");

        let mut v: serde_json::Value = serde_json::from_str(SHIPPED[0]).unwrap();
        v["suggestion"]["reply_categories"] = serde_json::json!([]);
        assert!(RuleProfile::from_json(&v.to_string()).is_err());

        let mut v: serde_json::Value = serde_json::from_str(SHIPPED[0]).unwrap();
        v["surprise"] = 1.into();
        assert!(
            RuleProfile::from_json(&v.to_string()).is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn shares_hold_at_the_edges_and_never_overflow() {
        assert!(Share::Half.reached(16, 30) && !Share::Half.reached(15, 30));
        assert!(Share::TwoThirds.reached(20, 30) && !Share::TwoThirds.reached(19, 30));
        // a count from a damaged row: an answer, not a panic
        assert!(Share::Half.reached(i64::MAX, 30));
        assert!(!Share::TwoThirds.reached(1, i64::MAX));
    }

    #[test]
    fn a_case_keeps_the_profile_it_was_registered_under() {
        assert_eq!(of_case("zhejiang@1").id, "zhejiang");
        assert_eq!(of_case("nowhere@9").id, DEFAULT);
    }
}
