//! The demo township's presidium meetings: one a quarter through the current term, with one
//! quarter left without a meeting (so the check shows), absences, and a decision that fell short
//! of a majority of all members.

use chrono::{Datelike, Duration, NaiveDate};

use super::stamp;
use crate::meetings::{self, AbsenceInput, AgendaItemInput, MeetingInput};
use crate::roster::org;
use crate::{Result, Store};

const AGENDAS: &[&[(&str, &str, &str)]] = &[
    &[
        (
            "研究本季度代表小组活动安排",
            "各代表小组组长汇报上季度活动情况，讨论本季度视察调研主题。",
            "同意以“农村人居环境整治”为主题开展集中视察。",
        ),
        (
            "听取镇政府关于民生实事项目推进情况的通报",
            "分管副镇长通报十项民生实事进度，代表就道路硬化、饮水工程提出意见。",
            "请镇政府于下季度主席团会议前书面报告滞后项目整改情况。",
        ),
    ],
    &[
        (
            "审议代表建议办理情况督办方案",
            "对尚未办结的代表建议逐件分析，确定重点督办件。",
            "确定三件重点督办建议，由主席、副主席分别领衔督办。",
        ),
        (
            "研究接待选民日活动安排",
            "讨论各联络站接待时间和参加代表。",
            "每月第一个周五为接待选民日，各小组轮流进站。",
        ),
        (
            "讨论召开镇人代会有关筹备事项",
            "讨论会议议程草案、日程和代表培训安排。",
            "原则通过议程草案，提请人代会预备会议审议。",
        ),
    ],
    &[
        (
            "听取镇政府关于财政预算执行情况的报告",
            "财政所所长报告上半年预算执行情况。",
            "同意报告，要求严格控制一般性支出。",
        ),
        (
            "研究代表述职评议工作方案",
            "讨论述职代表名单和评议方式。",
            "确定六名代表年内向选民述职。",
        ),
    ],
    &[
        (
            "审议年度主席团工作报告（讨论稿）",
            "逐段讨论报告稿，补充代表活动和建议办理数据。",
            "修改后提请人代会审议。",
        ),
        (
            "研究补选代表有关事项",
            "讨论第三选区代表出缺后的补选安排。",
            "建议于下次人代会期间进行补选。",
        ),
    ],
];

pub(super) fn seed(store: &mut Store, today: NaiveDate) -> Result<usize> {
    let term = org::current_term(store.conn())?.expect("a current term");
    // A meeting in the second month of every quarter of the term up to today, except the
    // quarter of 200 days ago, which is left without one so the check shows.
    let gap = today - Duration::days(200);
    let quarter = |d: NaiveDate| (d.year(), d.month0() / 3);
    let mut n = 0;
    let (mut y, mut q) = quarter(term.start_date);
    loop {
        (y, q) = if q == 3 { (y + 1, 0) } else { (y, q + 1) };
        let on = NaiveDate::from_ymd_opt(y, q * 3 + 2, 6 + (n % 5) as u32).expect("a valid date");
        if on > today {
            break;
        }
        if quarter(on) == quarter(gap) {
            continue;
        }
        let i = n % AGENDAS.len();
        let draft = meetings::draft(store.conn(), on)?;
        let members = &draft.members;
        // Every fifth meeting one member is away; the third meeting's second item falls short
        // of a majority of all members (two against, two abstaining).
        let away = n % 5 == 1;
        let present = members.len() - usize::from(away);
        let absent = if away {
            let m = members.last().expect("a presidium");
            vec![AbsenceInput {
                deputy_id: m.deputy_id,
                reason: "外出学习，请假".into(),
            }]
        } else {
            Vec::new()
        };
        let agenda = AGENDAS[i]
            .iter()
            .enumerate()
            .map(|(k, (title, discussion, decision))| {
                let (against, abstain) = if n == 2 && k == 1 { (2, 2) } else { (0, 0) };
                AgendaItemInput {
                    title: title.to_string(),
                    discussion: discussion.to_string(),
                    decision: decision.to_string(),
                    votes_for: Some((present - against - abstain) as i64),
                    votes_against: Some(against as i64),
                    votes_abstain: Some(abstain as i64),
                }
            })
            .collect();
        meetings::create(
            store,
            &stamp(on.min(today - Duration::days(1)) + Duration::days(1)),
            &MeetingInput {
                date: on.to_string(),
                start_time: "09:00".into(),
                place: "镇人大主席团会议室".into(),
                presider_id: draft.presider_id,
                recorder: "镇人大办公室 李文".into(),
                attendees: "镇党委副书记、分管副镇长、镇人大办公室工作人员".into(),
                absent,
                agenda,
                notes: String::new(),
            },
        )?;
        n += 1;
    }
    Ok(n)
}
