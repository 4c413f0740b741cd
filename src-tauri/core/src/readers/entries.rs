//! Every entry of a book dated within a period, voided ones included: what a printout, an export
//! package and its workbooks cover. One place, so a printed book and the exported one agree.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::store::Page;
use crate::{
    activities, deeds, documents, duty_reports, evaluations, meetings, petitions, projects,
    rectifications, sessions, stations, suggestions, Result,
};

/// The largest page a list serves.
const PAGE: Option<usize> = Some(500);

/// A book's list query, asked for every entry (voided ones included) one page at a time.
trait EveryPage: Clone {
    fn page(self, page: usize) -> Self;
}

macro_rules! every_page {
    ($($query:ty),+) => {$(
        impl EveryPage for $query {
            fn page(self, page: usize) -> Self {
                Self { include_voided: true, page: Some(page), page_size: PAGE, ..self }
            }
        }
    )+};
}

every_page!(
    suggestions::SuggestionQuery,
    petitions::PetitionQuery,
    deeds::DeedQuery,
    documents::DocumentQuery,
    meetings::MeetingQuery,
    activities::ActivityQuery,
    sessions::SessionQuery,
    projects::ProjectQuery,
    rectifications::RectificationQuery,
    evaluations::EvaluationQuery,
    duty_reports::DutyReportQuery
);

/// Every entry a query selects, through the book's own list (so filters and order are the
/// list's), every page in one vector.
fn every<Q: EveryPage, T>(query: Q, list: impl Fn(&Q) -> Result<Page<T>>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for n in 1.. {
        let p = list(&query.clone().page(n))?;
        let done = p.items.is_empty() || n * p.page_size >= p.total;
        out.extend(p.items);
        if done {
            break;
        }
    }
    Ok(out)
}

/// The day a petition came in.
pub fn petition_received_on(p: &petitions::Petition) -> NaiveDate {
    p.received_at.date()
}

/// Suggestions received in the period (and in the term, when given).
pub fn suggestions(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    term_id: Option<i64>,
    today: NaiveDate,
) -> Result<Vec<suggestions::Suggestion>> {
    let q = suggestions::SuggestionQuery {
        term_id,
        from: Some(from),
        to: Some(to),
        ..Default::default()
    };
    let mut list = every(q, |q| suggestions::list(conn, q, today))?;
    list.retain(|s| (from..=to).contains(&s.received_on));
    Ok(list)
}

/// Petitions received in the period.
pub fn petitions(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<petitions::Petition>> {
    let q = petitions::PetitionQuery {
        from: Some(from),
        to: Some(to),
        ..Default::default()
    };
    let mut list = every(q, |q| petitions::list(conn, q, today))?;
    list.retain(|p| (from..=to).contains(&petition_received_on(p)));
    Ok(list)
}

/// Deeds dated in the period.
pub fn deeds(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<deeds::Deed>> {
    let mut list = every(deeds::DeedQuery::default(), |q| deeds::list(conn, q))?;
    list.retain(|d| (from..=to).contains(&d.date));
    Ok(list)
}

/// Received and sent documents dated in the period.
pub fn documents(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<documents::Document>> {
    let q = documents::DocumentQuery {
        from: Some(from),
        to: Some(to),
        ..Default::default()
    };
    let mut list = every(q, |q| documents::list(conn, q))?;
    list.retain(|d| (from..=to).contains(&d.date));
    Ok(list)
}

/// Presidium meetings held in the period (and in the term, when given).
pub fn meetings(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    term_id: Option<i64>,
) -> Result<Vec<meetings::PresidiumMeeting>> {
    let q = meetings::MeetingQuery {
        term_id,
        ..Default::default()
    };
    let mut list = every(q, |q| meetings::list(conn, q))?;
    list.retain(|m| (from..=to).contains(&m.date));
    Ok(list)
}

/// Group activities held in the period.
pub fn activities(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<activities::GroupActivity>> {
    let mut list = every(activities::ActivityQuery::default(), |q| {
        activities::list(conn, q)
    })?;
    list.retain(|a| (from..=to).contains(&a.date));
    Ok(list)
}

/// Sessions of the congress opening in the period (of one term when given).
pub fn sessions(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    term_id: Option<i64>,
) -> Result<Vec<sessions::CongressSession>> {
    let q = sessions::SessionQuery {
        term_id,
        ..Default::default()
    };
    let mut list = every(q, |q| sessions::list(conn, q))?;
    list.retain(|s| (from..=to).contains(&s.first_day));
    Ok(list)
}

/// 民生实事 projects of the years the period touches: each year's own and those carried into it
/// unfinished (listed under the year they were voted), in number order.
pub fn projects(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<projects::LivelihoodProject>> {
    use chrono::Datelike;
    let mut list = every(projects::ProjectQuery::default(), |q| {
        projects::list(conn, q, today)
    })?;
    let years = from.year()..=to.year();
    list.retain(|p| years.contains(&p.year) || p.carried_to.is_some_and(|c| years.contains(&c)));
    list.sort_by_key(|p| (p.year, p.seq));
    Ok(list)
}

/// Review opinions first sent in the period, in number order.
pub fn rectifications(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<rectifications::Rectification>> {
    let mut list = every(rectifications::RectificationQuery::default(), |q| {
        rectifications::list(conn, q, today)
    })?;
    list.retain(|r| {
        r.rounds
            .first()
            .is_some_and(|k| (from..=to).contains(&k.sent_on))
    });
    list.sort_by_key(|r| (r.year, r.seq));
    Ok(list)
}

/// Evaluations held in the period, by date.
pub fn evaluations(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<evaluations::EvaluationEvent>> {
    let mut list = every(evaluations::EvaluationQuery::default(), |q| {
        evaluations::list(conn, q)
    })?;
    list.retain(|e| (from..=to).contains(&e.date));
    list.sort_by_key(|e| (e.date, e.id));
    Ok(list)
}

/// Deputies' duty reports given in the period, by date.
pub fn duty_reports(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<duty_reports::DutyReport>> {
    let mut list = every(duty_reports::DutyReportQuery::default(), |q| {
        duty_reports::list(conn, q)
    })?;
    list.retain(|r| (from..=to).contains(&r.date));
    list.sort_by_key(|r| (r.date, r.id));
    Ok(list)
}

/// The liaison stations' rota days in the period.
pub fn station_rota(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<stations::RotaDay>> {
    stations::rota_between(conn, from, to, today)
}
