//! The suggestion's state machine. A case's state is the replay of its steps in the order they
//! were entered; each step is checked against the state it finds, so an illegal sequence can
//! never be stored, and voiding the last step simply replays one step fewer.
//!
//! ```text
//! registered ─decline→ not_accepted
//!     └─assign→ assigned ─return→ returned ─assign→ assigned
//!                  │ (extend)
//!                  └─reply→ replied ─evaluate→ evaluated ─close→ closed
//!                               ↑                  └─rehandle (after 不满意)→ rehandling ─reply→ replied
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::rules::SuggestionRules;
use crate::vocab::{MeetingStage, Satisfaction, SuggestionState, Vocab};
use crate::{Error, Result};

/// One step as the clerk enters it and as it is stored (JSON in `suggestion_steps.detail`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "SuggestionStepInput")]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Step {
    /// 不予立案
    Decline {
        date: NaiveDate,
        reason: String,
    },
    /// 交办 (or 重新交办 after a return)
    Assign {
        date: NaiveDate,
        lead_unit_id: i64,
        #[serde(default)]
        co_unit_ids: Vec<i64>,
    },
    /// 承办单位退回
    Return {
        date: NaiveDate,
        reason: String,
    },
    /// 延期: the reply period becomes `months` from the assignment.
    Extend {
        date: NaiveDate,
        months: u32,
        reason: String,
    },
    Reply {
        date: NaiveDate,
        signer: String,
        reply_category: String,
        #[serde(default)]
        text: String,
        #[serde(default)]
        attachment: String,
        #[serde(default)]
        promised_on: Option<NaiveDate>,
    },
    Evaluate {
        date: NaiveDate,
        attitude: Satisfaction,
        result: Satisfaction,
        #[serde(default)]
        comment: String,
    },
    Rehandle {
        date: NaiveDate,
        reason: String,
    },
    Close {
        date: NaiveDate,
        #[serde(default)]
        note: String,
    },
    Meeting {
        date: NaiveDate,
        stage: MeetingStage,
        #[serde(default)]
        note: String,
    },
    /// 承诺事项完成
    Fulfil {
        date: NaiveDate,
        #[serde(default)]
        note: String,
    },
}

/// The actions in the order the UI offers them.
pub const ACTIONS: &[&str] = &[
    "assign", "decline", "return", "extend", "reply", "evaluate", "rehandle", "close", "meeting",
    "fulfil",
];

impl Step {
    pub fn action(&self) -> &'static str {
        match self {
            Step::Decline { .. } => "decline",
            Step::Assign { .. } => "assign",
            Step::Return { .. } => "return",
            Step::Extend { .. } => "extend",
            Step::Reply { .. } => "reply",
            Step::Evaluate { .. } => "evaluate",
            Step::Rehandle { .. } => "rehandle",
            Step::Close { .. } => "close",
            Step::Meeting { .. } => "meeting",
            Step::Fulfil { .. } => "fulfil",
        }
    }
    pub fn date(&self) -> NaiveDate {
        match self {
            Step::Decline { date, .. }
            | Step::Assign { date, .. }
            | Step::Return { date, .. }
            | Step::Extend { date, .. }
            | Step::Reply { date, .. }
            | Step::Evaluate { date, .. }
            | Step::Rehandle { date, .. }
            | Step::Close { date, .. }
            | Step::Meeting { date, .. }
            | Step::Fulfil { date, .. } => *date,
        }
    }
}

pub fn action_label(action: &str) -> &'static str {
    match action {
        "decline" => "不予立案",
        "assign" => "交办",
        "return" => "退回",
        "extend" => "延期",
        "reply" => "答复",
        "evaluate" => "代表评价",
        "rehandle" => "重新办理",
        "close" => "办结",
        "meeting" => "与代表沟通",
        "fulfil" => "承诺事项完成",
        _ => "",
    }
}

/// What the steps so far established.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub state: SuggestionState,
    pub received_on: NaiveDate,
    pub lead_unit: Option<i64>,
    pub co_units: Vec<i64>,
    /// The current assignment's date (the reply period counts from it).
    pub assigned_on: Option<NaiveDate>,
    pub ever_assigned: bool,
    /// The reply period after an extension, in months from the assignment.
    pub extended_months: Option<u32>,
    pub returned_on: Option<NaiveDate>,
    pub rehandle_on: Option<NaiveDate>,
    pub first_replied_on: Option<NaiveDate>,
    pub replied_on: Option<NaiveDate>,
    pub reply_category: Option<String>,
    /// (attitude, result) of each evaluation, in order.
    pub evaluations: Vec<(Satisfaction, Satisfaction)>,
    pub round: u32,
    pub promised_on: Option<NaiveDate>,
    pub promise_done_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub last_date: NaiveDate,
}

impl Facts {
    pub fn new(received_on: NaiveDate) -> Facts {
        Facts {
            state: SuggestionState::Registered,
            received_on,
            lead_unit: None,
            co_units: Vec::new(),
            assigned_on: None,
            ever_assigned: false,
            extended_months: None,
            returned_on: None,
            rehandle_on: None,
            first_replied_on: None,
            replied_on: None,
            reply_category: None,
            evaluations: Vec::new(),
            round: 1,
            promised_on: None,
            promise_done_on: None,
            closed_on: None,
            last_date: received_on,
        }
    }

    pub fn is_open(&self) -> bool {
        !matches!(
            self.state,
            SuggestionState::Closed | SuggestionState::NotAccepted
        )
    }
    pub fn first_result(&self) -> Option<Satisfaction> {
        self.evaluations.first().map(|e| e.1)
    }
    pub fn final_result(&self) -> Option<Satisfaction> {
        self.evaluations.last().map(|e| e.1)
    }
    pub fn promise_open(&self) -> bool {
        self.promised_on.is_some() && self.promise_done_on.is_none()
    }

    /// The actions the current state allows, in [`ACTIONS`] order.
    pub fn allowed(&self) -> Vec<&'static str> {
        ACTIONS
            .iter()
            .copied()
            .filter(|a| self.refusal(a).is_none())
            .collect()
    }

    /// Why `action` is not allowed now, in Chinese; None if it is.
    fn refusal(&self, action: &str) -> Option<String> {
        use SuggestionState::*;
        let s = self.state;
        let ok = match action {
            "decline" => s == Registered,
            "assign" => matches!(s, Registered | Returned),
            "return" | "extend" => s == Assigned,
            "reply" => matches!(s, Assigned | Rehandling),
            "evaluate" => s == Replied,
            "rehandle" => s == Evaluated && self.final_result() == Some(Satisfaction::Dissatisfied),
            "close" => s == Evaluated,
            "meeting" => !matches!(s, Registered | NotAccepted),
            "fulfil" => self.promise_open(),
            _ => false,
        };
        if ok {
            return None;
        }
        let label = action_label(action);
        Some(match action {
            "rehandle" if s == Evaluated => "只有代表评价为“不满意”时才能重新办理".to_string(),
            "fulfil" => "该建议没有未完成的承诺事项".to_string(),
            "close" if s == Replied => "请先登记代表对答复的评价，再办结".to_string(),
            _ => format!("当前状态为“{}”，不能{}", s.label(), label),
        })
    }

    /// Applies one step, or says in Chinese why it cannot follow the steps before it.
    pub fn apply(&mut self, step: &Step, rules: &SuggestionRules) -> Result<()> {
        if let Some(why) = self.refusal(step.action()) {
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
            Step::Decline { reason, .. } => {
                need(reason, "reason", "请填写不予立案的理由")?;
                self.state = SuggestionState::NotAccepted;
            }
            Step::Assign {
                lead_unit_id,
                co_unit_ids,
                ..
            } => {
                if co_unit_ids.contains(lead_unit_id) {
                    return Err(Error::validation(
                        "co_unit_ids",
                        "协办单位中不能再有主办单位",
                    ));
                }
                self.state = SuggestionState::Assigned;
                self.lead_unit = Some(*lead_unit_id);
                self.co_units = co_unit_ids.clone();
                self.assigned_on = Some(date);
                self.ever_assigned = true;
                self.extended_months = None;
                self.returned_on = None;
            }
            Step::Return { reason, .. } => {
                need(reason, "reason", "请填写退回理由")?;
                self.state = SuggestionState::Returned;
                self.returned_on = Some(date);
            }
            Step::Extend { months, reason, .. } => {
                need(reason, "reason", "请填写延期理由")?;
                let current = self.extended_months.unwrap_or(rules.reply.count);
                if *months <= current {
                    return Err(Error::validation(
                        "months",
                        format!("延期后的答复期限应长于现在的 {current} 个月"),
                    ));
                }
                if *months > rules.reply_max.count {
                    return Err(Error::validation(
                        "months",
                        format!(
                            "答复期限最长为交办之日起 {} 个月（{}）",
                            rules.reply_max.count, rules.reply_max.basis
                        ),
                    ));
                }
                self.extended_months = Some(*months);
            }
            Step::Reply {
                signer,
                reply_category,
                promised_on,
                ..
            } => {
                need(signer, "signer", "请填写答复签发人")?;
                if !rules
                    .reply_categories
                    .iter()
                    .any(|c| &c.code == reply_category)
                {
                    let list: Vec<&str> = rules
                        .reply_categories
                        .iter()
                        .map(|c| c.label.as_str())
                        .collect();
                    return Err(Error::validation(
                        "reply_category",
                        format!("请选择答复类别：{}", list.join("、")),
                    ));
                }
                if let Some(p) = promised_on {
                    if *p < date {
                        return Err(Error::validation(
                            "promised_on",
                            "承诺办结时间不能早于答复日期",
                        ));
                    }
                    self.promised_on = Some(*p);
                    self.promise_done_on = None;
                }
                self.state = SuggestionState::Replied;
                self.first_replied_on.get_or_insert(date);
                self.replied_on = Some(date);
                self.reply_category = Some(reply_category.clone());
            }
            Step::Evaluate {
                attitude, result, ..
            } => {
                self.state = SuggestionState::Evaluated;
                self.evaluations.push((*attitude, *result));
            }
            Step::Rehandle { reason, .. } => {
                need(reason, "reason", "请填写重新办理的要求")?;
                self.state = SuggestionState::Rehandling;
                self.rehandle_on = Some(date);
                self.round += 1;
            }
            Step::Close { .. } => {
                self.state = SuggestionState::Closed;
                self.closed_on = Some(date);
            }
            Step::Meeting { .. } => {}
            Step::Fulfil { .. } => {
                self.promise_done_on = Some(date);
            }
        }
        self.last_date = date;
        Ok(())
    }
}

fn need(text: &str, field: &'static str, message: &str) -> Result<()> {
    if text.trim().is_empty() {
        Err(Error::validation(field, message))
    } else {
        Ok(())
    }
}

/// Replays `steps` from registration (they were each checked when stored).
pub fn replay<'a>(
    received_on: NaiveDate,
    steps: impl IntoIterator<Item = &'a Step>,
    rules: &SuggestionRules,
) -> Facts {
    let mut f = Facts::new(received_on);
    for s in steps {
        // A stored sequence was valid when written; if a later rule change (a profile switch)
        // makes a step invalid, the replay keeps what it had rather than losing the case.
        let _ = f.apply(s, rules);
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;
    use Satisfaction::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }
    fn r() -> &'static SuggestionRules {
        &rules::get("national").unwrap().suggestion
    }
    fn cat() -> String {
        r().reply_categories[0].code.clone()
    }
    fn assign(m: u32, day: u32) -> Step {
        Step::Assign {
            date: d(m, day),
            lead_unit_id: 1,
            co_unit_ids: vec![2],
        }
    }
    fn reply(m: u32, day: u32) -> Step {
        Step::Reply {
            date: d(m, day),
            signer: "王镇长".into(),
            reply_category: cat(),
            text: String::new(),
            attachment: String::new(),
            promised_on: None,
        }
    }
    fn eval(m: u32, day: u32, result: Satisfaction) -> Step {
        Step::Evaluate {
            date: d(m, day),
            attitude: Satisfied,
            result,
            comment: String::new(),
        }
    }

    #[test]
    fn the_full_road_with_a_dissatisfied_round() {
        let mut f = Facts::new(d(3, 1));
        assert_eq!(f.allowed(), vec!["assign", "decline"]);
        f.apply(&assign(3, 5), r()).unwrap();
        assert_eq!(f.allowed(), vec!["return", "extend", "reply", "meeting"]);
        f.apply(&reply(5, 20), r()).unwrap();
        f.apply(&eval(5, 25, Dissatisfied), r()).unwrap();
        assert_eq!(f.allowed(), vec!["rehandle", "close", "meeting"]);
        f.apply(
            &Step::Rehandle {
                date: d(5, 26),
                reason: "再协调".into(),
            },
            r(),
        )
        .unwrap();
        assert_eq!((f.state, f.round), (SuggestionState::Rehandling, 2));
        f.apply(&reply(6, 20), r()).unwrap();
        f.apply(&eval(6, 22, Satisfied), r()).unwrap();
        assert_eq!(
            (f.first_result(), f.final_result()),
            (Some(Dissatisfied), Some(Satisfied))
        );
        assert!(f.allowed().contains(&"close") && !f.allowed().contains(&"rehandle"));
        f.apply(
            &Step::Close {
                date: d(6, 30),
                note: String::new(),
            },
            r(),
        )
        .unwrap();
        assert!(!f.is_open());
        assert_eq!(f.allowed(), vec!["meeting"]);
        assert_eq!(f.first_replied_on, Some(d(5, 20)));
        assert_eq!(f.replied_on, Some(d(6, 20)));
    }

    #[test]
    fn every_illegal_transition_is_refused_with_a_message_and_changes_nothing() {
        let states: Vec<(&str, Vec<Step>)> = vec![
            ("registered", vec![]),
            (
                "not_accepted",
                vec![Step::Decline {
                    date: d(3, 2),
                    reason: "不属于本级职权".into(),
                }],
            ),
            ("assigned", vec![assign(3, 5)]),
            (
                "returned",
                vec![
                    assign(3, 5),
                    Step::Return {
                        date: d(3, 8),
                        reason: "非本单位职责".into(),
                    },
                ],
            ),
            ("replied", vec![assign(3, 5), reply(4, 1)]),
            (
                "evaluated",
                vec![assign(3, 5), reply(4, 1), eval(4, 3, Satisfied)],
            ),
            (
                "closed",
                vec![
                    assign(3, 5),
                    reply(4, 1),
                    eval(4, 3, Satisfied),
                    Step::Close {
                        date: d(4, 5),
                        note: String::new(),
                    },
                ],
            ),
        ];
        let candidates = |day: u32| -> Vec<Step> {
            vec![
                Step::Decline {
                    date: d(7, day),
                    reason: "x".into(),
                },
                Step::Assign {
                    date: d(7, day),
                    lead_unit_id: 3,
                    co_unit_ids: vec![],
                },
                Step::Return {
                    date: d(7, day),
                    reason: "x".into(),
                },
                Step::Extend {
                    date: d(7, day),
                    months: 6,
                    reason: "x".into(),
                },
                reply(7, day),
                eval(7, day, Satisfied),
                Step::Rehandle {
                    date: d(7, day),
                    reason: "x".into(),
                },
                Step::Close {
                    date: d(7, day),
                    note: String::new(),
                },
            ]
        };
        let legal: &[(&str, &[&str])] = &[
            ("registered", &["decline", "assign"]),
            ("not_accepted", &[]),
            ("assigned", &["return", "extend", "reply"]),
            ("returned", &["assign"]),
            ("replied", &["evaluate"]),
            ("evaluated", &["close"]),
            ("closed", &[]),
        ];
        for (name, steps) in &states {
            let base = replay(d(3, 1), steps, r());
            assert_eq!(base.state.code(), *name);
            let ok = legal.iter().find(|(n, _)| n == name).unwrap().1;
            for step in candidates(1) {
                let mut f = base.clone();
                let res = f.apply(&step, r());
                if ok.contains(&step.action()) {
                    assert!(res.is_ok(), "{name} + {}: {res:?}", step.action());
                } else {
                    let e = res.expect_err(&format!("{name} + {} must be refused", step.action()));
                    assert_eq!(e.code(), "invalid_transition", "{e}");
                    assert!(!e.to_string().is_empty());
                    assert_eq!(f, base, "a refused step changes nothing");
                }
            }
        }
    }

    #[test]
    fn rehandling_needs_a_dissatisfied_evaluation() {
        let mut f = replay(
            d(3, 1),
            &[assign(3, 5), reply(4, 1), eval(4, 3, BasicallySatisfied)],
            r(),
        );
        let e = f
            .apply(
                &Step::Rehandle {
                    date: d(4, 4),
                    reason: "x".into(),
                },
                r(),
            )
            .unwrap_err();
        assert!(e.to_string().contains("不满意"), "{e}");
    }

    #[test]
    fn extension_is_bounded_by_the_profile_and_never_shortens() {
        let mut f = replay(d(3, 1), &[assign(3, 5)], r());
        let ext = |m| Step::Extend {
            date: d(4, 1),
            months: m,
            reason: "涉及面广".into(),
        };
        assert_eq!(f.apply(&ext(3), r()).unwrap_err().field(), Some("months"));
        assert_eq!(f.apply(&ext(7), r()).unwrap_err().field(), Some("months"));
        f.apply(&ext(6), r()).unwrap();
        assert_eq!(f.extended_months, Some(6));
        assert!(
            f.apply(&ext(5), r()).is_err(),
            "an extension never shortens"
        );
    }

    #[test]
    fn dates_go_forward_and_reply_categories_come_from_the_profile() {
        let mut f = replay(d(3, 1), &[assign(3, 5)], r());
        assert_eq!(
            f.apply(&reply(3, 4), r()).unwrap_err().field(),
            Some("date")
        );
        let bad = Step::Reply {
            date: d(4, 1),
            signer: "王".into(),
            reply_category: "Z".into(),
            text: String::new(),
            attachment: String::new(),
            promised_on: None,
        };
        assert_eq!(
            f.apply(&bad, r()).unwrap_err().field(),
            Some("reply_category")
        );
    }

    #[test]
    fn a_promise_is_followed_until_fulfilled() {
        let promised = Step::Reply {
            date: d(4, 1),
            signer: "王".into(),
            reply_category: cat(),
            text: String::new(),
            attachment: String::new(),
            promised_on: Some(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
        };
        let mut f = replay(
            d(3, 1),
            &[
                assign(3, 5),
                promised,
                eval(4, 3, Satisfied),
                Step::Close {
                    date: d(4, 5),
                    note: String::new(),
                },
            ],
            r(),
        );
        assert!(
            f.promise_open() && !f.is_open(),
            "closed, promise still open"
        );
        assert!(f.allowed().contains(&"fulfil"));
        f.apply(
            &Step::Fulfil {
                date: d(12, 1),
                note: "道路已修通".into(),
            },
            r(),
        )
        .unwrap();
        assert!(!f.promise_open());
    }

    fn any_step(kind: u8, day: u32, result: u8) -> Step {
        let date = d(1, 1) + chrono::Duration::days(day as i64);
        let sat = [Satisfied, BasicallySatisfied, Dissatisfied][result as usize % 3];
        match kind % 10 {
            0 => Step::Decline {
                date,
                reason: "x".into(),
            },
            1 => Step::Assign {
                date,
                lead_unit_id: 1,
                co_unit_ids: vec![],
            },
            2 => Step::Return {
                date,
                reason: "x".into(),
            },
            3 => Step::Extend {
                date,
                months: 4 + result as u32 % 3,
                reason: "x".into(),
            },
            4 => reply_on(date),
            5 => Step::Evaluate {
                date,
                attitude: sat,
                result: sat,
                comment: String::new(),
            },
            6 => Step::Rehandle {
                date,
                reason: "x".into(),
            },
            7 => Step::Close {
                date,
                note: String::new(),
            },
            8 => Step::Meeting {
                date,
                stage: MeetingStage::During,
                note: String::new(),
            },
            _ => Step::Fulfil {
                date,
                note: String::new(),
            },
        }
    }
    fn reply_on(date: NaiveDate) -> Step {
        Step::Reply {
            date,
            signer: "王".into(),
            reply_category: cat(),
            text: String::new(),
            attachment: String::new(),
            promised_on: None,
        }
    }

    proptest::proptest! {
        /// Whatever the clerk tries, in any order: a step is accepted exactly when `allowed`
        /// offered it (and its date does not go back); a refused step changes nothing; and
        /// replaying the accepted steps from scratch gives the same case.
        #[test]
        fn allowed_apply_and_replay_agree(tries in proptest::collection::vec((0u8..10, 0u32..400, 0u8..3), 0..40)) {
            let mut f = Facts::new(d(1, 1));
            let mut kept = Vec::new();
            let mut days: Vec<u32> = tries.iter().map(|t| t.1).collect();
            days.sort();
            for ((kind, _, result), day) in tries.iter().zip(days) {
                let s = any_step(*kind, day, *result);
                let offered = f.allowed().contains(&s.action());
                let before = f.clone();
                match f.apply(&s, r()) {
                    Ok(()) => {
                        proptest::prop_assert!(offered, "{} accepted but not offered", s.action());
                        kept.push(s);
                    }
                    Err(e) => {
                        proptest::prop_assert_eq!(&f, &before);
                        if e.code() == "invalid_transition" {
                            proptest::prop_assert!(!offered);
                        }
                    }
                }
            }
            proptest::prop_assert_eq!(replay(d(1, 1), &kept, r()), f.clone());
            proptest::prop_assert!(f.round as usize == 1 + kept.iter().filter(|s| s.action() == "rehandle").count());
        }
    }

    #[test]
    fn steps_round_trip_as_tagged_json() {
        let s = assign(3, 5);
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["action"], "assign");
        assert_eq!(v["date"], "2025-03-05");
        assert_eq!(serde_json::from_value::<Step>(v).unwrap(), s);
    }
}
