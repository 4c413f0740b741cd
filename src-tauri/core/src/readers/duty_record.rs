//! The deputy's duty record (履职档案): for any period, what the books hold about one deputy:
//! suggestions led and co-signed with their outcome, exemplary deeds, petitions passed on, status
//! events and presidium posts, presidium meetings and group activities attended or missed (voter
//! receptions among them), sessions of the congress attended, excused or missed and the elections
//! won there, with counts per year as a county asks for.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::activities::{self, Participation};
use crate::deeds::{self, DeedQuery};
use crate::meetings::{self, Attended};
use crate::petitions;
use crate::roster::deputy::{self, Deputy};
use crate::roster::org;
use crate::roster::status::{self, DeputyEvent, PresidiumPost};
use crate::sessions::{self, ElectionWon, SessionAttended};
use crate::suggestions;
use crate::vocab::*;
use crate::{Error, Result};

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecordSuggestion {
    pub id: i64,
    pub number: String,
    pub subject: String,
    pub kind: SuggestionKind,
    pub received_on: NaiveDate,
    pub state: SuggestionState,
    pub state_label: &'static str,
    pub final_result: Option<Satisfaction>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecordDeed {
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub title: String,
    pub honour: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecordPetition {
    pub id: i64,
    pub number: String,
    pub received_at: crate::dates::Minute,
    pub request: String,
    pub state: PetitionState,
    pub state_label: &'static str,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
pub struct RecordYear {
    pub year: i32,
    pub suggestions_led: usize,
    pub suggestions_cosigned: usize,
    pub motions: usize,
    pub satisfied: usize,
    pub deeds: usize,
    pub petitions_passed_on: usize,
    pub events: usize,
    /// Presidium meetings held while the deputy sat on the presidium, and those attended.
    pub meetings_expected: usize,
    pub meetings_attended: usize,
    /// Group activities of the deputy's group while in office, attended, excused.
    pub activities_expected: usize,
    pub activities_attended: usize,
    pub activities_excused: usize,
    pub voter_receptions: usize,
    /// Days on a liaison station's duty rota recorded as held, and how the deputy stood.
    pub station_duty_expected: usize,
    pub station_duty_attended: usize,
    pub station_duty_missed: usize,
    /// Duty reports to the voters (代表述职).
    pub duty_reports: usize,
    /// Sessions of the congress held while the deputy held a mandate, attended, excused, absent.
    pub sessions_expected: usize,
    pub sessions_attended: usize,
    pub sessions_excused: usize,
    pub sessions_absent: usize,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DutyRecord {
    pub deputy: Deputy,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub suggestions_led: Vec<RecordSuggestion>,
    pub suggestions_cosigned: Vec<RecordSuggestion>,
    pub deeds: Vec<RecordDeed>,
    pub petitions_passed_on: Vec<RecordPetition>,
    pub events: Vec<DeputyEvent>,
    pub posts: Vec<PresidiumPost>,
    pub meetings: Vec<Attended>,
    pub activities: Vec<Participation>,
    /// Sessions of the congress and how the deputy stood at each.
    pub sessions: Vec<SessionAttended>,
    /// Elections at the sessions the deputy won (posts the congress gave).
    pub elections_won: Vec<ElectionWon>,
    /// Reports to the voters of the constituency (代表述职).
    pub duty_reports: Vec<crate::duty_reports::DutyReport>,
    pub by_year: Vec<RecordYear>,
    /// Duties no book of the app records yet (empty since the sessions book came).
    pub not_yet_recorded: Vec<&'static str>,
}

/// The record of `id` from `from` to `to` (default: the deputy's term, up to today).
pub fn record(
    conn: &Connection,
    id: i64,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<DutyRecord> {
    let view = deputy::view(conn, id, today)?;
    let term = org::term(conn, view.term_id)?;
    let from = from.unwrap_or(term.start_date);
    let to = to.unwrap_or_else(|| term.end_date.unwrap_or(today).min(today));
    if to < from {
        return Err(Error::validation("to", "结束日期不能早于开始日期"));
    }
    let within = |d: NaiveDate| d >= from && d <= to;

    let mut led = Vec::new();
    let mut cosigned = Vec::new();
    let cases = suggestions::cases(
        conn,
        &suggestions::RowFilter {
            deputy_id: Some(id),
            from: Some(from),
            to: Some(to),
            ..Default::default()
        },
    )?;
    for c in cases.iter().rev() {
        let r = RecordSuggestion {
            id: c.rec.id,
            number: c.rec.number.clone(),
            subject: c.rec.subject.clone(),
            kind: c.rec.kind,
            received_on: c.rec.received_on,
            state: c.facts.state,
            state_label: c.facts.state.label(),
            final_result: c.facts.final_result(),
        };
        if c.rec.lead_deputy_id == Some(id) {
            led.push(r);
        } else {
            cosigned.push(r);
        }
    }
    let deeds: Vec<RecordDeed> = deeds::list(
        conn,
        &DeedQuery {
            deputy_id: Some(id),
            page_size: Some(500),
            ..Default::default()
        },
    )?
    .items
    .into_iter()
    .filter(|d| within(d.date))
    .rev()
    .map(|d| RecordDeed {
        id: d.id,
        number: d.number,
        date: d.date,
        title: d.title,
        honour: d.honour,
    })
    .collect();
    let passed_on: Vec<RecordPetition> = petitions::cases(
        conn,
        &petitions::RowFilter {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        },
    )?
    .into_iter()
    .filter(|c| c.rec.via_deputy_id == Some(id))
    .rev()
    .map(|c| RecordPetition {
        id: c.rec.id,
        number: c.rec.number.clone(),
        received_at: c.rec.received_at,
        request: c.rec.request.clone(),
        state: c.facts.state,
        state_label: c.facts.state.label(),
    })
    .collect();
    let events: Vec<DeputyEvent> = status::events_of(conn, id)?
        .into_iter()
        .filter(|e| !e.voided && within(e.date))
        .collect();
    let posts: Vec<PresidiumPost> = status::posts_of(conn, id)?
        .into_iter()
        .filter(|p| p.start_date <= to && p.end_date.is_none_or(|e| e >= from))
        .collect();

    let meetings = meetings::attended_by(conn, id, from, to)?;
    let held = sessions::attended_by(conn, id, from, to)?;
    let elections_won = sessions::elections_won(conn, id, from, to)?;
    let at_sessions = |year: i32, want: Option<Attendance>| {
        held.iter()
            .filter(|s| s.first_day.year() == year && want.is_none_or(|w| s.attendance == w))
            .count()
    };
    let activities = activities::participation(conn, id, from, to)?;
    let reports = crate::duty_reports::of_deputy(conn, id, from, to)?;
    // Station duty is counted apart from the group's and the presidium's activities.
    let station = |year: i32, want: Option<Attendance>| {
        activities
            .iter()
            .filter(|a| {
                a.organiser == Organiser::Station
                    && a.date.year() == year
                    && want.is_none_or(|w| a.attendance == w)
            })
            .count()
    };
    let activity_in =
        |a: &&Participation, year: i32| a.organiser != Organiser::Station && a.date.year() == year;

    let good = |s: &RecordSuggestion| {
        matches!(
            s.final_result,
            Some(Satisfaction::Satisfied | Satisfaction::BasicallySatisfied)
        )
    };
    let attended = |year: i32| {
        activities
            .iter()
            .filter(move |a| activity_in(a, year) && a.attendance == Attendance::Present)
    };
    let by_year = (from.year()..=to.year())
        .map(|year| {
            let led_y: Vec<&RecordSuggestion> = led
                .iter()
                .filter(|s| s.received_on.year() == year)
                .collect();
            let co_y: Vec<&RecordSuggestion> = cosigned
                .iter()
                .filter(|s| s.received_on.year() == year)
                .collect();
            RecordYear {
                year,
                suggestions_led: led_y.len(),
                suggestions_cosigned: co_y.len(),
                motions: led_y
                    .iter()
                    .chain(&co_y)
                    .filter(|s| s.kind == SuggestionKind::Motion)
                    .count(),
                satisfied: led_y.iter().chain(&co_y).filter(|s| good(s)).count(),
                deeds: deeds.iter().filter(|d| d.date.year() == year).count(),
                petitions_passed_on: passed_on
                    .iter()
                    .filter(|p| p.received_at.year() == year)
                    .count(),
                events: events.iter().filter(|e| e.date.year() == year).count(),
                meetings_expected: meetings.iter().filter(|m| m.date.year() == year).count(),
                meetings_attended: meetings
                    .iter()
                    .filter(|m| m.date.year() == year && m.present)
                    .count(),
                activities_expected: activities.iter().filter(|a| activity_in(a, year)).count(),
                activities_attended: attended(year).count(),
                activities_excused: activities
                    .iter()
                    .filter(|a| activity_in(a, year) && a.attendance == Attendance::Excused)
                    .count(),
                voter_receptions: attended(year)
                    .filter(|a| a.kind == ActivityKind::VoterReception)
                    .count(),
                station_duty_expected: station(year, None),
                station_duty_attended: station(year, Some(Attendance::Present)),
                station_duty_missed: station(year, Some(Attendance::Absent)),
                duty_reports: reports.iter().filter(|r| r.date.year() == year).count(),
                sessions_expected: at_sessions(year, None),
                sessions_attended: at_sessions(year, Some(Attendance::Present)),
                sessions_excused: at_sessions(year, Some(Attendance::Excused)),
                sessions_absent: at_sessions(year, Some(Attendance::Absent)),
            }
        })
        .collect();
    Ok(DutyRecord {
        deputy: view,
        from,
        to,
        suggestions_led: led,
        suggestions_cosigned: cosigned,
        deeds,
        petitions_passed_on: passed_on,
        events,
        posts,
        meetings,
        activities,
        sessions: held,
        elections_won,
        duty_reports: reports,
        by_year,
        not_yet_recorded: Vec::new(),
    })
}
