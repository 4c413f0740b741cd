//! The single-entry forms, filled from the entry: the words offices use on them.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{chinese_upper, office, Form, FormKind};
use crate::calendar::HolidayCalendar;
use crate::dates::chinese;
use crate::deadline::{Deadline, DueStage};
use crate::petitions::{self, machine::Step as PetitionStep};
use crate::vocab::{SuggestionState, Vocab};
use crate::{suggestions, Error, Result};

/// The print model of a form for one entry. Refuses, naming why, when the entry has not reached
/// the step the form reports (an acceptance notice for a petition not accepted).
pub fn form(
    conn: &Connection,
    kind: FormKind,
    id: i64,
    reveal: bool,
    today: NaiveDate,
) -> Result<Form> {
    let office = office(conn)?;
    let form = match kind {
        FormKind::Assignment | FormKind::Feedback => {
            let s = suggestions::get(conn, id, today)?;
            if s.voided {
                return Err(Error::validation("id", "这条建议已作废，不能打印表单"));
            }
            let lead = if s.by_presidium {
                "主席团".to_string()
            } else {
                s.lead_deputy
                    .as_ref()
                    .map(|d| d.name.clone())
                    .unwrap_or_default()
            };
            let co_signers = s
                .co_signers
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>()
                .join("、");
            let co_units = s
                .co_units
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join("、");
            let Some(assigned_on) = s.assigned_on else {
                return Err(Error::validation(
                    "id",
                    format!(
                        "建议{}尚未交办，请先登记交办（承办单位和日期）",
                        s.number_label
                    ),
                ));
            };
            let unit = s
                .lead_unit
                .as_ref()
                .map(|u| u.name.clone())
                .unwrap_or_default();
            if kind == FormKind::Assignment {
                let cal = HolidayCalendar::for_office(conn)?;
                let rules = &crate::rules::of_case(&s.profile).suggestion;
                let due = Deadline::new(
                    &cal,
                    DueStage::Reply,
                    assigned_on,
                    &rules.reply,
                    None,
                    today,
                )?
                .due
                .date;
                let mut fields = vec![
                    ("建议编号".to_string(), s.number_label.clone()),
                    ("案由".to_string(), s.subject.clone()),
                    ("领衔代表".to_string(), lead.clone()),
                ];
                if !co_signers.is_empty() {
                    fields.push(("附议代表".to_string(), co_signers));
                }
                fields.extend([
                    ("类别".to_string(), s.category.label().to_string()),
                    ("主办单位".to_string(), unit.clone()),
                    (
                        "协办单位".to_string(),
                        if co_units.is_empty() {
                            "无".into()
                        } else {
                            co_units
                        },
                    ),
                    ("交办日期".to_string(), chinese(assigned_on)),
                    ("答复期限".to_string(), format!("{}前", chinese(due))),
                    (
                        "督办要求".to_string(),
                        if s.key_supervision {
                            "列为重点督办建议".into()
                        } else {
                            "一般".into()
                        },
                    ),
                ]);
                Form {
                    title: kind.title().to_string(),
                    number: s.number_label.clone(),
                    addressee: format!("{unit}："),
                    paragraphs: vec![
                        format!(
                            "现将{}提出的《{}》交由你单位办理。",
                            if s.by_presidium { lead.clone() } else { format!("{lead}代表") },
                            s.subject
                        ),
                        format!(
                            "请依照《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第五十一条的规定，认真研究办理，加强与代表的沟通联系，于{}前书面答复代表，同时抄送本主席团。不属于你单位职责范围的，请于收到之日起七个工作日内说明理由并退回。",
                            chinese(due)
                        ),
                    ],
                    fields,
                    choices: Vec::new(),
                    blank: None,
                    signatures: Vec::new(),
                    office,
                    date: chinese_upper(assigned_on),
                    issued: assigned_on,
                    footnote: format!("联系人：{}　　本单交承办单位一份，存档一份。", crate::settings::load(conn)?.operator),
                }
            } else {
                let Some(replied_on) = s.replied_on else {
                    return Err(Error::validation(
                        "id",
                        format!("建议{}尚未答复，答复后才能征询代表意见", s.number_label),
                    ));
                };
                let options = vec![
                    "满意".to_string(),
                    "基本满意".to_string(),
                    "不满意".to_string(),
                ];
                Form {
                    title: kind.title().to_string(),
                    number: s.number_label.clone(),
                    addressee: format!("{lead}{}：", if s.by_presidium { "" } else { "代表" }),
                    paragraphs: vec![format!(
                        "你提出的《{}》已由{}办理并于{}答复。为做好建议办理工作，请对办理情况提出意见，填写本表后送回乡镇人大主席团。",
                        s.subject,
                        unit,
                        chinese(replied_on)
                    )],
                    fields: vec![
                        ("建议编号".to_string(), s.number_label.clone()),
                        ("案由".to_string(), s.subject.clone()),
                        ("主办单位".to_string(), unit),
                        ("答复日期".to_string(), chinese(replied_on)),
                        (
                            "答复类别".to_string(),
                            s.reply_category_label.clone().unwrap_or_default(),
                        ),
                        (
                            "办理轮次".to_string(),
                            if s.state == SuggestionState::Rehandling || s.round > 1 {
                                format!("第{}轮办理", s.round)
                            } else {
                                "首次办理".to_string()
                            },
                        ),
                    ],
                    choices: vec![
                        ("对办理态度的评价".to_string(), options.clone()),
                        ("对办理结果的评价".to_string(), options),
                    ],
                    blank: Some("意见和建议".to_string()),
                    signatures: vec!["代表签名".to_string(), "日期".to_string()],
                    office,
                    date: chinese_upper(replied_on),
                    issued: replied_on,
                    footnote: "评价为“不满意”的，承办单位应在一个月内重新研究办理。".to_string(),
                }
            }
        }
        FormKind::Receipt => receipt(conn, id, reveal, today, office)?,
        FormKind::Acceptance | FormKind::Extension => {
            let case = petitions::case(conn, id)?;
            let rec = &case.rec;
            if rec.voided_at.is_some() {
                return Err(Error::validation("id", "这件信访已作废，不能打印告知书"));
            }
            let Some(accepted_on) = case.facts.accepted_on else {
                return Err(Error::validation(
                    "id",
                    format!("信访{}尚未受理，请先登记受理", rec.number),
                ));
            };
            let cal = HolidayCalendar::for_office(conn)?;
            let rules = &case.profile().petition;
            let due = case
                .facts
                .handle_due(rules, &cal)?
                .expect("accepted has a due date")
                .date;
            let who = addressee(rec, reveal);
            let received = chinese(rec.received_on());
            let matter = first_sentence(&rec.request);
            // The two notices differ in their body and date; the rest is the same letter.
            let (paragraphs, on) = if kind == FormKind::Acceptance {
                let body = vec![
                    format!(
                        "你（们）于{received}以{}形式反映的“{matter}”一事，本机关已收悉。",
                        rec.channel.label()
                    ),
                    format!(
                        "根据《信访工作条例》第三十二条的规定，经审查，该事项属于本机关职责范围，决定予以受理，受理日期为{}。本机关将自受理之日起六十日内（即{}前）办结，并书面答复你（们）。情况复杂的，经批准可以适当延长办理期限，延长期限不超过三十日，并将告知你（们）延期理由。",
                        chinese(accepted_on),
                        chinese(due)
                    ),
                ];
                (body, accepted_on)
            } else {
                let Some((on, days, reason)) = case
                    .steps
                    .iter()
                    .rev()
                    .filter(|s| s.void_reason.is_none())
                    .find_map(|s| match &s.step {
                        PetitionStep::Extend {
                            told_on,
                            days,
                            reason,
                            ..
                        } => Some((*told_on, *days, reason.clone())),
                        _ => None,
                    })
                else {
                    return Err(Error::validation(
                        "id",
                        format!(
                            "信访{}没有延期记录，请先登记延期（批准人、理由）",
                            rec.number
                        ),
                    ));
                };
                let body = vec![
                    format!(
                        "你（们）于{received}反映的“{matter}”一事，本机关已于{}受理。",
                        chinese(accepted_on)
                    ),
                    format!(
                        "因{}，该事项不能在规定期限内办结。根据《信访工作条例》第三十五条的规定，经批准，办理期限延长{}日，将于{}前办结并书面答复你（们）。",
                        reason.trim_end_matches('。'),
                        days,
                        chinese(due)
                    ),
                ];
                (body, on)
            };
            Form {
                title: kind.title().to_string(),
                number: rec.number.clone(),
                addressee: format!("{who}："),
                paragraphs: paragraphs
                    .into_iter()
                    .chain(["特此告知。".to_string()])
                    .collect(),
                fields: Vec::new(),
                choices: Vec::new(),
                blank: None,
                signatures: Vec::new(),
                office,
                date: chinese_upper(on),
                issued: on,
                footnote: format!("信访事项编号：{}", rec.number),
            }
        }
    };
    Ok(form)
}

/// Who a petition's letter is addressed to: masked unless the print reveals identities.
fn addressee(rec: &petitions::PetitionRecord, reveal: bool) -> String {
    if rec.anonymous {
        "信访人".to_string()
    } else if reveal {
        rec.petitioner_name.clone()
    } else {
        petitions::mask_name(&rec.petitioner_name)
    }
}

/// 信访事项登记回执: what was registered, under which number, and by when the petitioner hears
/// whether it is accepted (the acceptance-notice deadline of the case's rule profile).
fn receipt(
    conn: &Connection,
    id: i64,
    reveal: bool,
    today: NaiveDate,
    office: String,
) -> Result<Form> {
    let case = petitions::case(conn, id)?;
    let rec = &case.rec;
    if rec.voided_at.is_some() {
        return Err(Error::validation("id", "这件信访已作废，不能打印回执"));
    }
    let cal = HolidayCalendar::for_office(conn)?;
    let rule = &case.profile().petition.accept_notice;
    let due = Deadline::new(
        &cal,
        DueStage::AcceptNotice,
        rec.received_on(),
        rule,
        None,
        today,
    )?
    .due
    .date;
    let received = rec.received_on();
    let mut paragraphs = vec![format!(
        "你（们）于{}以{}形式反映的“{}”一事，本机关已登记，登记编号为{}。",
        chinese(received),
        rec.channel.label(),
        first_sentence(&rec.request),
        rec.number
    )];
    paragraphs.push(format!(
        "本机关将于{}前告知你（们）是否受理。查询办理情况时，请提供登记编号。",
        chinese(due)
    ));
    let mut fields = vec![
        ("登记编号".to_string(), rec.number.clone()),
        (
            "登记时间".to_string(),
            format!(
                "{} {}",
                chinese(received),
                rec.received_at.at().format("%H:%M")
            ),
        ),
        ("来访形式".to_string(), rec.channel.label().to_string()),
        ("人数".to_string(), format!("{}人", rec.people_count)),
        (
            "告知期限".to_string(),
            format!("{}前告知是否受理", chinese(due)),
        ),
    ];
    if !rec.receiver.trim().is_empty() {
        fields.push(("接待人".to_string(), rec.receiver.trim().to_string()));
    }
    Ok(Form {
        title: FormKind::Receipt.title().to_string(),
        number: rec.number.clone(),
        addressee: format!("{}：", addressee(rec, reveal)),
        paragraphs,
        fields,
        choices: Vec::new(),
        blank: None,
        signatures: Vec::new(),
        office,
        date: chinese_upper(received),
        issued: received,
        footnote: "本回执由信访人收执。".to_string(),
    })
}

/// The request up to its first full stop, so the notice names the matter in one line.
fn first_sentence(text: &str) -> String {
    let t = text.trim();
    let cut = t
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '；' | '\n'))
        .map(|(i, _)| &t[..i])
        .unwrap_or(t);
    let s: String = cut.chars().take(60).collect();
    if cut.chars().count() > 60 {
        format!("{s}……")
    } else {
        s
    }
}
