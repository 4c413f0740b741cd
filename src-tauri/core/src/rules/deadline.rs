//! The deadline a case is under now: which stage, under which rule, and the due date with its
//! reasoning. Derived on every read from the case's steps, its rule profile and the office's
//! holiday calendar, so a newly loaded calendar year corrects every due date at once.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::calendar::{self, Due, HolidayCalendar, Period};
use crate::rules::Rule;
use crate::Result;

/// The stages a case can be waiting in, each with a legal deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ts_rs::TS)]
#[ts(export)]
#[ts(rename_all = "snake_case")]
pub enum DueStage {
    /// suggestion registered, not yet assigned
    Assign,
    /// suggestion returned by a unit, to be assigned again
    Reassign,
    Reply,
    Rehandle,
    AcceptNotice,
    Handle,
    ReviewReply,
    ReReviewReply,
    /// a review opinion's rectification report (审议意见整改情况报告)
    Rectify,
}

impl DueStage {
    pub fn code(self) -> &'static str {
        match self {
            DueStage::Assign => "assign",
            DueStage::Reassign => "reassign",
            DueStage::Reply => "reply",
            DueStage::Rehandle => "rehandle",
            DueStage::AcceptNotice => "accept_notice",
            DueStage::Handle => "handle",
            DueStage::ReviewReply => "review_reply",
            DueStage::ReReviewReply => "re_review_reply",
            DueStage::Rectify => "rectify",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DueStage::Assign => "交办",
            DueStage::Reassign => "重新交办",
            DueStage::Reply => "答复",
            DueStage::Rehandle => "重新办理答复",
            DueStage::AcceptNotice => "告知是否受理",
            DueStage::Handle => "办理答复",
            DueStage::ReviewReply => "复查答复",
            DueStage::ReReviewReply => "复核答复",
            DueStage::Rectify => "报送整改情况",
        }
    }
}

impl Serialize for DueStage {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Deadline {
    pub stage: DueStage,
    pub stage_label: &'static str,
    pub basis: String,
    pub due: Due,
    /// Calendar days from today to the due date; negative when overdue.
    pub days_left: i64,
    pub overdue: bool,
    pub extended: bool,
}

impl Deadline {
    /// `rule` counted from `start`; `period` overrides the rule's own period (an extension).
    pub fn new(
        cal: &HolidayCalendar,
        stage: DueStage,
        start: NaiveDate,
        rule: &Rule,
        period: Option<Period>,
        today: NaiveDate,
    ) -> Result<Deadline> {
        let due = calendar::due(cal, start, period.unwrap_or(rule.period()))?;
        let mut d = Deadline::from_due(stage, rule.basis.clone(), due, today);
        d.extended = period.is_some_and(|p| p != rule.period());
        Ok(d)
    }

    pub fn from_due(stage: DueStage, basis: String, due: Due, today: NaiveDate) -> Deadline {
        let days_left = (due.date - today).num_days();
        Deadline {
            stage,
            stage_label: stage.label(),
            basis,
            due,
            days_left,
            overdue: days_left < 0,
            extended: false,
        }
    }
}
