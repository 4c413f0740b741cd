//! The petition's state machine under 《信访工作条例》: registered → accepted or declined (the
//! petitioner is told within 15 days) → assigned → replied (within 60 days, once extended by at
//! most 30) → review → re-review; return visits after a reply; archived at the end. As with
//! suggestions, the state is the replay of the steps, each checked when entered.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, Due, HolidayCalendar, Period, Unit};
use crate::rules::PetitionRules;
use crate::vocab::{PetitionState, ReplyManner, Satisfaction, Vocab};
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "PetitionStepInput")]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Step {
    Accept {
        date: NaiveDate,
        #[serde(default)]
        note: String,
    },
    Decline {
        date: NaiveDate,
        reason: String,
    },
    Assign {
        date: NaiveDate,
        unit_id: i64,
        #[serde(default)]
        note: String,
    },
    Extend {
        date: NaiveDate,
        days: u32,
        approver: String,
        reason: String,
        told_on: NaiveDate,
    },
    Reply {
        date: NaiveDate,
        manner: ReplyManner,
        result: String,
        resolved: bool,
    },
    ReviewRequest {
        date: NaiveDate,
        #[serde(default)]
        note: String,
    },
    ReviewReply {
        date: NaiveDate,
        result: String,
    },
    ReReviewRequest {
        date: NaiveDate,
        #[serde(default)]
        note: String,
    },
    ReReviewReply {
        date: NaiveDate,
        result: String,
    },
    ReturnVisit {
        date: NaiveDate,
        evaluation: Satisfaction,
        #[serde(default)]
        note: String,
    },
    Archive {
        date: NaiveDate,
        volume: String,
    },
}

pub const ACTIONS: &[&str] = &[
    "accept",
    "decline",
    "assign",
    "extend",
    "reply",
    "review_request",
    "review_reply",
    "re_review_request",
    "re_review_reply",
    "return_visit",
    "archive",
];

impl Step {
    pub fn action(&self) -> &'static str {
        match self {
            Step::Accept { .. } => "accept",
            Step::Decline { .. } => "decline",
            Step::Assign { .. } => "assign",
            Step::Extend { .. } => "extend",
            Step::Reply { .. } => "reply",
            Step::ReviewRequest { .. } => "review_request",
            Step::ReviewReply { .. } => "review_reply",
            Step::ReReviewRequest { .. } => "re_review_request",
            Step::ReReviewReply { .. } => "re_review_reply",
            Step::ReturnVisit { .. } => "return_visit",
            Step::Archive { .. } => "archive",
        }
    }
    pub fn date(&self) -> NaiveDate {
        match self {
            Step::Accept { date, .. }
            | Step::Decline { date, .. }
            | Step::Assign { date, .. }
            | Step::Extend { date, .. }
            | Step::Reply { date, .. }
            | Step::ReviewRequest { date, .. }
            | Step::ReviewReply { date, .. }
            | Step::ReReviewRequest { date, .. }
            | Step::ReReviewReply { date, .. }
            | Step::ReturnVisit { date, .. }
            | Step::Archive { date, .. } => *date,
        }
    }
}

pub fn action_label(action: &str) -> &'static str {
    match action {
        "accept" => "告知受理",
        "decline" => "不予受理",
        "assign" => "交办",
        "extend" => "延期",
        "reply" => "答复",
        "review_request" => "申请复查",
        "review_reply" => "复查意见",
        "re_review_request" => "申请复核",
        "re_review_reply" => "复核意见",
        "return_visit" => "回访",
        "archive" => "归档",
        _ => "",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub state: PetitionState,
    pub received_on: NaiveDate,
    pub accepted_on: Option<NaiveDate>,
    pub declined_on: Option<NaiveDate>,
    pub unit: Option<i64>,
    pub extension_days: u32,
    pub replied_on: Option<NaiveDate>,
    pub resolved: Option<bool>,
    pub review_requested_on: Option<NaiveDate>,
    pub re_review_requested_on: Option<NaiveDate>,
    pub evaluation: Option<Satisfaction>,
    pub archive_volume: Option<String>,
    pub last_date: NaiveDate,
}

impl Facts {
    pub fn new(received_on: NaiveDate) -> Facts {
        Facts {
            state: PetitionState::Registered,
            received_on,
            accepted_on: None,
            declined_on: None,
            unit: None,
            extension_days: 0,
            replied_on: None,
            resolved: None,
            review_requested_on: None,
            re_review_requested_on: None,
            evaluation: None,
            archive_volume: None,
            last_date: received_on,
        }
    }

    /// Still waiting for the office or a unit to act.
    pub fn is_open(&self) -> bool {
        use PetitionState::*;
        matches!(
            self.state,
            Registered | Accepted | Assigned | ReviewRequested | ReReviewRequested
        )
    }

    pub fn allowed(&self, rules: &PetitionRules) -> Vec<&'static str> {
        ACTIONS
            .iter()
            .copied()
            .filter(|a| self.permits(a, rules))
            .collect()
    }

    fn permits(&self, action: &str, rules: &PetitionRules) -> bool {
        use PetitionState::*;
        let s = self.state;
        match action {
            "accept" | "decline" => s == Registered,
            "assign" | "reply" => matches!(s, Accepted | Assigned),
            "extend" => {
                matches!(s, Accepted | Assigned) && self.extension_days < rules.extension_max.count
            }
            "review_request" => s == Replied,
            "review_reply" => s == ReviewRequested,
            "re_review_request" => s == Reviewed,
            "re_review_reply" => s == ReReviewRequested,
            "return_visit" => matches!(s, Replied | Reviewed | ReReviewed),
            "archive" => matches!(s, Replied | Reviewed | ReReviewed | Declined),
            _ => false,
        }
    }

    pub fn apply(&mut self, step: &Step, rules: &PetitionRules) -> Result<()> {
        if !self.permits(step.action(), rules) {
            let why = if step.action() == "extend" && self.extension_days > 0 {
                format!(
                    "已延期 {} 日，延期合计不得超过 {} 日（{}）",
                    self.extension_days, rules.extension_max.count, rules.extension_max.basis
                )
            } else {
                format!(
                    "当前状态为“{}”，不能{}",
                    self.state.label(),
                    action_label(step.action())
                )
            };
            return Err(Error::InvalidTransition(why));
        }
        let date = step.date();
        if date < self.last_date {
            return Err(Error::validation(
                "date",
                format!(
                    "日期不能早于上一环节（{}）",
                    crate::dates::chinese(self.last_date)
                ),
            ));
        }
        match step {
            Step::Accept { .. } => {
                self.state = PetitionState::Accepted;
                self.accepted_on = Some(date);
            }
            Step::Decline { reason, .. } => {
                need(reason, "reason", "请填写不予受理的理由")?;
                self.state = PetitionState::Declined;
                self.declined_on = Some(date);
            }
            Step::Assign { unit_id, .. } => {
                self.state = PetitionState::Assigned;
                self.unit = Some(*unit_id);
            }
            Step::Extend {
                days,
                approver,
                reason,
                told_on,
                ..
            } => {
                need(approver, "approver", "请填写批准延期的负责人")?;
                need(reason, "reason", "请填写延期理由")?;
                let left = rules.extension_max.count - self.extension_days;
                if *days == 0 || *days > left {
                    return Err(Error::validation(
                        "days",
                        format!(
                            "延期天数应为 1 到 {left} 日（{}）",
                            rules.extension_max.basis
                        ),
                    ));
                }
                if *told_on < date {
                    return Err(Error::validation(
                        "told_on",
                        "告知信访人延期理由的日期不能早于批准延期的日期",
                    ));
                }
                self.extension_days += days;
            }
            Step::Reply {
                result, resolved, ..
            } => {
                need(result, "result", "请填写办理结果")?;
                self.state = PetitionState::Replied;
                self.replied_on = Some(date);
                self.resolved = Some(*resolved);
            }
            Step::ReviewRequest { .. } => {
                self.state = PetitionState::ReviewRequested;
                self.review_requested_on = Some(date);
            }
            Step::ReviewReply { result, .. } => {
                need(result, "result", "请填写复查意见")?;
                self.state = PetitionState::Reviewed;
            }
            Step::ReReviewRequest { .. } => {
                self.state = PetitionState::ReReviewRequested;
                self.re_review_requested_on = Some(date);
            }
            Step::ReReviewReply { result, .. } => {
                need(result, "result", "请填写复核意见")?;
                self.state = PetitionState::ReReviewed;
            }
            Step::ReturnVisit { evaluation, .. } => {
                self.evaluation = Some(*evaluation);
            }
            Step::Archive { volume, .. } => {
                need(volume, "volume", "请填写归档卷号")?;
                self.state = PetitionState::Archived;
                self.archive_volume = Some(volume.trim().to_string());
            }
        }
        self.last_date = date;
        Ok(())
    }

    /// The handling due date (60 days from acceptance, plus any extension), once accepted.
    pub fn handle_due(&self, rules: &PetitionRules, cal: &HolidayCalendar) -> Result<Option<Due>> {
        let Some(start) = self.accepted_on else {
            return Ok(None);
        };
        let due = calendar::due(cal, start, rules.handle.period())?;
        if self.extension_days == 0 {
            return Ok(Some(due));
        }
        let ext = calendar::extend(
            cal,
            &due,
            Period {
                unit: Unit::CalendarDays,
                count: self.extension_days,
            },
        )?;
        Ok(Some(Due {
            explanation: format!(
                "{} 经批准延期{}日：{}",
                due.explanation, self.extension_days, ext.explanation
            ),
            start,
            period: rules.handle.period(),
            ..ext
        }))
    }
}

fn need(text: &str, field: &'static str, message: &str) -> Result<()> {
    if text.trim().is_empty() {
        Err(Error::validation(field, message))
    } else {
        Ok(())
    }
}

pub fn replay<'a>(
    received_on: NaiveDate,
    steps: impl IntoIterator<Item = &'a Step>,
    rules: &PetitionRules,
) -> Facts {
    let mut f = Facts::new(received_on);
    for s in steps {
        let _ = f.apply(s, rules);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).unwrap()
    }
    fn r() -> &'static PetitionRules {
        &rules::get("national").unwrap().petition
    }
    fn accept(m: u32, day: u32) -> Step {
        Step::Accept {
            date: d(m, day),
            note: String::new(),
        }
    }
    fn reply(m: u32, day: u32) -> Step {
        Step::Reply {
            date: d(m, day),
            manner: ReplyManner::Written,
            result: "已修复".into(),
            resolved: true,
        }
    }
    fn extend(days: u32) -> Step {
        Step::Extend {
            date: d(4, 1),
            days,
            approver: "李书记".into(),
            reason: "需多部门会商".into(),
            told_on: d(4, 2),
        }
    }

    #[test]
    fn the_road_through_review_and_re_review() {
        let mut f = Facts::new(d(3, 1));
        assert_eq!(f.allowed(r()), vec!["accept", "decline"]);
        for s in [
            accept(3, 5),
            Step::Assign {
                date: d(3, 6),
                unit_id: 1,
                note: String::new(),
            },
            reply(4, 20),
            Step::ReviewRequest {
                date: d(5, 10),
                note: String::new(),
            },
            Step::ReviewReply {
                date: d(6, 1),
                result: "维持".into(),
            },
            Step::ReReviewRequest {
                date: d(6, 10),
                note: String::new(),
            },
            Step::ReReviewReply {
                date: d(7, 1),
                result: "维持".into(),
            },
            Step::ReturnVisit {
                date: d(7, 5),
                evaluation: Satisfaction::BasicallySatisfied,
                note: String::new(),
            },
            Step::Archive {
                date: d(7, 6),
                volume: "2024-信-03".into(),
            },
        ] {
            f.apply(&s, r())
                .unwrap_or_else(|e| panic!("{}: {e}", s.action()));
        }
        assert_eq!(f.state, PetitionState::Archived);
        assert_eq!(f.evaluation, Some(Satisfaction::BasicallySatisfied));
        assert!(f.allowed(r()).is_empty());
    }

    #[test]
    fn illegal_steps_are_refused_and_change_nothing() {
        let base = replay(d(3, 1), &[accept(3, 2)], r());
        for s in [
            accept(3, 3),
            Step::ReviewRequest {
                date: d(3, 3),
                note: String::new(),
            },
            Step::Archive {
                date: d(3, 3),
                volume: "1".into(),
            },
            Step::ReturnVisit {
                date: d(3, 3),
                evaluation: Satisfaction::Satisfied,
                note: String::new(),
            },
        ] {
            let mut f = base.clone();
            let e = f.apply(&s, r()).unwrap_err();
            assert_eq!(e.code(), "invalid_transition", "{}", s.action());
            assert_eq!(f, base);
        }
        let declined = replay(
            d(3, 1),
            &[Step::Decline {
                date: d(3, 2),
                reason: "不属于本机关职权".into(),
            }],
            r(),
        );
        assert_eq!(declined.allowed(r()), vec!["archive"]);
        assert!(!declined.is_open());
    }

    #[test]
    fn extension_is_at_most_thirty_days_in_total_and_needs_approver_and_notice() {
        let mut f = replay(d(3, 1), &[accept(3, 2)], r());
        assert_eq!(f.apply(&extend(31), r()).unwrap_err().field(), Some("days"));
        let mut no_approver = extend(10);
        if let Step::Extend { approver, .. } = &mut no_approver {
            approver.clear();
        }
        assert_eq!(
            f.apply(&no_approver, r()).unwrap_err().field(),
            Some("approver")
        );
        f.apply(&extend(20), r()).unwrap();
        assert_eq!(f.apply(&extend(11), r()).unwrap_err().field(), Some("days"));
        f.apply(&extend(10), r()).unwrap();
        assert!(!f.allowed(r()).contains(&"extend"));
        let e = f.apply(&extend(1), r()).unwrap_err();
        assert!(e.to_string().contains("30"), "{e}");
    }

    #[test]
    fn handling_due_counts_sixty_days_then_the_extension() {
        let cal = HolidayCalendar::official();
        // Accepted 2024-03-05: 60 days → 2024-05-04, inside the 劳动节 holiday (May 1–5) → Monday May 6.
        let mut f = replay(d(3, 1), &[accept(3, 5)], r());
        let due = f.handle_due(r(), cal).unwrap().unwrap();
        assert_eq!(due.date, d(5, 6), "{}", due.explanation);
        f.apply(&extend(30), r()).unwrap();
        let ext = f.handle_due(r(), cal).unwrap().unwrap();
        assert!(ext.date > due.date);
        assert!(ext.explanation.contains("延期30日"), "{}", ext.explanation);
    }
}
