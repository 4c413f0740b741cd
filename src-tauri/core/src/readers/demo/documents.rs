//! The demo township's document register: a year of documents received from the county and the
//! township and sent by the congress, circulated to the chair and vice chairs, the older ones
//! archived, one registration voided as a duplicate.

use chrono::{Datelike, Duration, NaiveDate};

use super::{stamp, Rng};
use crate::documents::{self, ArchiveInput, DocumentInput, DocumentReadInput};
use crate::vocab::*;
use crate::{Result, Store};

const RECEIVED: &[(&str, IssuerLevel, &str, &str)] = &[
    (
        "县人大常委会",
        IssuerLevel::County,
        "县人大常",
        "关于开展代表联络站规范化建设的通知",
    ),
    (
        "县人大常委会",
        IssuerLevel::County,
        "县人大常",
        "关于做好代表建议督办工作的通知",
    ),
    (
        "县人大常委会办公室",
        IssuerLevel::County,
        "县人大办",
        "关于报送乡镇人大年度工作总结的通知",
    ),
    (
        "县人大常委会",
        IssuerLevel::County,
        "县人大常",
        "关于组织开展“代表活动月”活动的意见",
    ),
    (
        "县委办公室",
        IssuerLevel::County,
        "县委办",
        "关于加强新时代乡镇人大工作的实施意见",
    ),
    (
        "县人民政府办公室",
        IssuerLevel::County,
        "县政办",
        "关于印发民生实事项目票决制实施办法的通知",
    ),
    (
        "市人大常委会办公室",
        IssuerLevel::City,
        "市人大办",
        "关于开展代表履职培训的通知",
    ),
    (
        "镇党委",
        IssuerLevel::Township,
        "青委",
        "关于镇人大主席团成员分工的通知",
    ),
    (
        "镇人民政府",
        IssuerLevel::Township,
        "青政",
        "关于代表建议办理情况的报告",
    ),
    (
        "省人大常委会办公厅",
        IssuerLevel::Provincial,
        "省人大办",
        "关于学习贯彻代表法的通知",
    ),
];
const SENT: &[&str] = &[
    "关于召开镇第二十届人民代表大会第六次会议的通知",
    "关于交办代表建议的通知",
    "关于开展代表接待选民活动的通知",
    "关于镇人大主席团上半年工作情况的报告",
    "关于调整代表小组的通知",
    "关于开展民生实事项目视察的通知",
];

pub(super) fn seed(store: &mut Store, rng: &mut Rng, today: NaiveDate) -> Result<usize> {
    let mut n = 0;
    let mut counters = std::collections::HashMap::new();
    let readers = ["镇人大主席", "镇人大副主席", "镇人大专职副主席"];
    for i in 0..40i64 {
        let on = today - Duration::days(360 - i * 9);
        let (issuer, level, code, title) = RECEIVED[i as usize % RECEIVED.len()];
        let seq = counters.entry((code, on.year())).or_insert(0);
        *seq += 3 + rng.below(9) as u32;
        let brackets = [("〔", "〕"), ("[", "]"), ("(", ")")][i as usize % 3];
        let d = documents::create(
            store,
            &stamp(on),
            &DocumentInput {
                direction: DocumentDirection::Received,
                date: on.to_string(),
                issuer: issuer.into(),
                issuer_level: Some(level),
                doc_number: format!("{code}{}{}{}{}号", brackets.0, on.year(), brackets.1, seq),
                title: title.into(),
                classification: if i % 9 == 4 {
                    Classification::Internal
                } else {
                    Classification::Public
                },
                urgency: if i % 7 == 3 {
                    Urgency::Urgent
                } else {
                    Urgency::Normal
                },
                copies: 1 + rng.below(3) as i64,
                attachments: if i % 4 == 0 {
                    "附件1份".into()
                } else {
                    String::new()
                },
                instruction: if i % 3 == 0 {
                    "请主席团成员传阅，办公室抓好落实。".into()
                } else {
                    String::new()
                },
                handler: "林晓燕".into(),
                signed_by: "林晓燕".into(),
                sent_to: String::new(),
                reply_doc_number: String::new(),
                notes: String::new(),
            },
        )?;
        n += 1;
        for (k, r) in readers.iter().enumerate().take(1 + i as usize % 3) {
            let read_on = on + Duration::days(1 + k as i64);
            if read_on <= today {
                documents::read(
                    store,
                    &stamp(read_on),
                    d.id,
                    &DocumentReadInput {
                        reader: r.to_string(),
                        read_on: read_on.to_string(),
                        note: String::new(),
                    },
                )?;
            }
        }
        if on < today - Duration::days(90) {
            let at = on + Duration::days(20);
            documents::archive(
                store,
                &stamp(at),
                d.id,
                &ArchiveInput {
                    archived_on: at.to_string(),
                    volume: format!("{}-文书-{:02}", at.year(), 1 + at.month0() / 3),
                },
            )?;
        }
    }
    for (i, title) in SENT.iter().cycle().take(14).enumerate() {
        let on = today - Duration::days(350 - i as i64 * 25);
        let seq = counters.entry(("青人大", on.year())).or_insert(0);
        *seq += 1;
        documents::create(
            store,
            &stamp(on),
            &DocumentInput {
                direction: DocumentDirection::Sent,
                date: on.to_string(),
                issuer: String::new(),
                issuer_level: None,
                doc_number: format!("青人大〔{}〕{}号", on.year(), seq),
                title: title.to_string(),
                classification: Classification::Public,
                urgency: Urgency::Normal,
                copies: 20 + rng.below(40) as i64,
                attachments: String::new(),
                instruction: String::new(),
                handler: "林晓燕".into(),
                signed_by: String::new(),
                sent_to: "各代表小组、镇人民政府各办（所、站）".into(),
                reply_doc_number: String::new(),
                notes: String::new(),
            },
        )?;
        n += 1;
    }
    // A slip: the same county document registered twice; the second is voided.
    let first = documents::list(
        store.conn(),
        &documents::DocumentQuery {
            direction: Some(DocumentDirection::Received),
            page_size: Some(1),
            ..Default::default()
        },
    )?
    .items;
    if let Some(d) = first.first() {
        let on = d.date;
        let again = documents::create(
            store,
            &stamp(on),
            &DocumentInput {
                direction: DocumentDirection::Received,
                date: on.to_string(),
                issuer: d.issuer.clone(),
                issuer_level: d.issuer_level,
                doc_number: String::new(),
                title: d.title.clone(),
                classification: d.classification,
                urgency: d.urgency,
                copies: 1,
                attachments: String::new(),
                instruction: String::new(),
                handler: String::new(),
                signed_by: String::new(),
                sent_to: String::new(),
                reply_doc_number: String::new(),
                notes: String::new(),
            },
        )?;
        documents::void(
            store,
            &stamp(on),
            again.id,
            &format!("与{}重复登记", d.number),
        )?;
        n += 1;
    }
    Ok(n)
}
