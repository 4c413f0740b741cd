//! Every entry of a book dated within a period, voided ones included: what a printout, an export
//! package and its workbooks cover. One place, so a printed book and the exported one agree.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::store::Page;
use crate::{activities, deeds, documents, meetings, petitions, suggestions, Result};

/// The largest page a list serves.
const PAGE: Option<usize> = Some(500);

/// Every page of a list, in one vector.
fn all<T>(mut page: impl FnMut(usize) -> Result<Page<T>>) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for n in 1.. {
        let p = page(n)?;
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
    let mut list = all(|page| {
        suggestions::list(
            conn,
            &suggestions::SuggestionQuery {
                term_id,
                from: Some(from),
                to: Some(to),
                include_voided: true,
                page: Some(page),
                page_size: PAGE,
                ..Default::default()
            },
            today,
        )
    })?;
    list.retain(|s| s.received_on >= from && s.received_on <= to);
    Ok(list)
}

/// Petitions received in the period.
pub fn petitions(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<petitions::Petition>> {
    let mut list = all(|page| {
        petitions::list(
            conn,
            &petitions::PetitionQuery {
                from: Some(from),
                to: Some(to),
                include_voided: true,
                page: Some(page),
                page_size: PAGE,
                ..Default::default()
            },
            today,
        )
    })?;
    list.retain(|p| (from..=to).contains(&petition_received_on(p)));
    Ok(list)
}

pub fn deeds(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<deeds::Deed>> {
    let mut list = all(|page| {
        deeds::list(
            conn,
            &deeds::DeedQuery {
                include_voided: true,
                page: Some(page),
                page_size: PAGE,
                ..Default::default()
            },
        )
    })?;
    list.retain(|d| d.date >= from && d.date <= to);
    Ok(list)
}

/// Received and sent documents dated in the period.
pub fn documents(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<documents::Document>> {
    let mut list = all(|page| {
        documents::list(
            conn,
            &documents::DocumentQuery {
                from: Some(from),
                to: Some(to),
                include_voided: true,
                page: Some(page),
                page_size: PAGE,
                ..Default::default()
            },
        )
    })?;
    list.retain(|d| d.date >= from && d.date <= to);
    Ok(list)
}

/// Presidium meetings held in the period (and in the term, when given).
pub fn meetings(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    term_id: Option<i64>,
) -> Result<Vec<meetings::PresidiumMeeting>> {
    let mut list = all(|page| {
        meetings::list(
            conn,
            &meetings::MeetingQuery {
                term_id,
                include_voided: true,
                page: Some(page),
                page_size: PAGE,
                ..Default::default()
            },
        )
    })?;
    list.retain(|m| m.date >= from && m.date <= to);
    Ok(list)
}

pub fn activities(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<activities::GroupActivity>> {
    let mut list = all(|page| {
        activities::list(
            conn,
            &activities::ActivityQuery {
                include_voided: true,
                page: Some(page),
                page_size: PAGE,
                ..Default::default()
            },
        )
    })?;
    list.retain(|a| a.date >= from && a.date <= to);
    Ok(list)
}
