//! Every JSON input the app takes, read by the core's reader: a value or a refusal, never a
//! panic; and the field checks run on whatever it accepted.
#![no_main]
use libfuzzer_sys::fuzz_target;
use taizhang_core::{activities, deeds, documents, fields, input, meetings, petitions};
use taizhang_core::{duty_reports, evaluations, rectifications, stations};
use taizhang_core::{projects, roster, sessions, suggestions};

fn try_one<T: serde::de::DeserializeOwned + serde::Serialize>(form: &fields::Form, text: &str) {
    if let Ok(v) = input::parse::<T>(form, text) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let _ = fields::check(form, &v, today);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match which % 22 {
        0 => try_one::<petitions::PetitionInput>(&fields::PETITION, text),
        1 => try_one::<petitions::Step>(&fields::PETITION_STEP, text),
        2 => try_one::<suggestions::SuggestionInput>(&fields::SUGGESTION, text),
        3 => try_one::<suggestions::Step>(&fields::SUGGESTION_STEP, text),
        4 => try_one::<documents::DocumentInput>(&fields::DOCUMENT, text),
        5 => try_one::<deeds::DeedInput>(&fields::DEED, text),
        6 => try_one::<meetings::MeetingInput>(&fields::MEETING, text),
        7 => try_one::<activities::ActivityInput>(&fields::ACTIVITY, text),
        8 => try_one::<sessions::SessionInput>(&fields::SESSION, text),
        9 => try_one::<projects::ProjectInput>(&fields::PROJECT, text),
        10 => try_one::<projects::VoteInput>(&fields::PROJECT, text),
        11 => try_one::<projects::MilestoneInput>(&fields::PROJECT, text),
        12 => try_one::<projects::ReportInput>(&fields::PROJECT_REPORT, text),
        13 => try_one::<projects::EvaluationInput>(&fields::PROJECT_EVALUATION, text),
        14 => try_one::<rectifications::RectificationInput>(&fields::RECTIFICATION, text),
        15 => try_one::<rectifications::RectificationReportInput>(&fields::RECTIFICATION, text),
        16 => try_one::<rectifications::AssessmentInput>(&fields::RECTIFICATION, text),
        17 => try_one::<evaluations::EvaluationEventInput>(&fields::EVALUATION, text),
        18 => try_one::<duty_reports::DutyReportInput>(&fields::DUTY_REPORT, text),
        19 => try_one::<stations::RotaInput>(&fields::STATION_DUTY, text),
        20 => try_one::<stations::DutyInput>(&fields::STATION_DUTY, text),
        _ => try_one::<roster::deputy::DeputyInput>(&fields::DEPUTY, text),
    }
});
