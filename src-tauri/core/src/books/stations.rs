//! Liaison station duty (联络站进站接待): each station's rota (which deputies are on duty on which
//! day, 接待计划表), and each day's duty once held, recorded as an activity organised by the
//! station: the rostered deputies' attendance (出席 / 请假 / 缺席), the voters received and their
//! opinions, which become suggestions or petitions as any activity's do. Counts per deputy and
//! per station for any period feed the duty record, the statistics and the county.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::activities::{self, ActivityInput, CaseLink, GroupActivity, LeaveReason, OpinionInput};
use crate::history::{self, Action, Entity, Stamp};
use crate::roster::{deputy, org};
use crate::vocab::*;
use crate::{dates, Error, Result, Store};

/// The longest span a rota is read or counted over at once (ten years).
pub const MAX_SPAN_DAYS: i64 = 3_660;

/// Sets who is on duty at a station on a day: deputies added are put on the rota, deputies left
/// out are taken off it (the row voided with the reason).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RotaInput {
    pub station_id: i64,
    pub date: String,
    pub deputy_ids: Vec<i64>,
    /// Why deputies were taken off (调整值班表 when not given).
    #[serde(default)]
    pub reason: String,
}

/// A day's duty held: who of the rota came, the voters received and their opinions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DutyInput {
    pub station_id: i64,
    pub date: String,
    #[serde(default)]
    pub excused: Vec<i64>,
    #[serde(default)]
    pub absent: Vec<i64>,
    #[serde(default)]
    pub leave_reasons: Vec<LeaveReason>,
    #[serde(default)]
    pub voters_received: Option<i64>,
    #[serde(default)]
    pub record: String,
    #[serde(default)]
    pub opinions: Vec<OpinionInput>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RotaDeputy {
    pub rota_id: i64,
    pub deputy_id: i64,
    pub name: String,
    /// Once the duty is recorded.
    pub attendance: Option<Attendance>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum DutyState {
    /// Today or ahead.
    Planned,
    /// Passed and not yet recorded.
    Unrecorded,
    Recorded,
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RotaDay {
    pub station_id: i64,
    pub station_name: String,
    pub date: NaiveDate,
    pub deputies: Vec<RotaDeputy>,
    /// The activity recording the day's duty.
    pub duty: Option<CaseLink>,
    pub voters_received: Option<i64>,
    pub state: DutyState,
}

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export, optional_fields = nullable)]
#[serde(default)]
pub struct RotaQuery {
    pub station_id: Option<i64>,
    pub deputy_id: Option<i64>,
    /// From and to (ISO dates); by default thirty days back to sixty ahead.
    pub from: Option<String>,
    pub to: Option<String>,
}

fn span(q: &RotaQuery, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let from =
        dates::parse_optional("from", "开始日期", &q.from)?.unwrap_or(today - Duration::days(30));
    let to = dates::parse_optional("to", "结束日期", &q.to)?.unwrap_or(today + Duration::days(60));
    check_span(from, to)?;
    Ok((from, to))
}

fn check_span(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::validation("to", "结束日期不能早于开始日期"));
    }
    if (to - from).num_days() > MAX_SPAN_DAYS {
        return Err(Error::validation("to", "一次最多查看十年的值班表"));
    }
    Ok(())
}

/// The rota days of a span, by date then station; a day of a recorded duty carries it.
pub fn rota(conn: &Connection, q: &RotaQuery, today: NaiveDate) -> Result<Vec<RotaDay>> {
    let (from, to) = span(q, today)?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.station_id, s.name, r.date, r.deputy_id, d.name
         FROM station_rota r JOIN liaison_stations s ON s.id = r.station_id JOIN deputies d ON d.id = r.deputy_id
         WHERE r.voided_at IS NULL AND r.date BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR r.station_id = ?3)
           AND (?4 IS NULL OR (r.station_id, r.date) IN
                (SELECT station_id, date FROM station_rota WHERE deputy_id = ?4 AND voided_at IS NULL))
         ORDER BY r.date, r.station_id, r.id",
    )?;
    let rows = stmt
        .query_map(
            params![from.to_string(), to.to_string(), q.station_id, q.deputy_id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out: Vec<RotaDay> = Vec::new();
    for (rota_id, station_id, station_name, date, deputy_id, name) in rows {
        let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default();
        if !out
            .last()
            .is_some_and(|d| d.station_id == station_id && d.date == date)
        {
            out.push(RotaDay {
                station_id,
                station_name,
                date,
                deputies: Vec::new(),
                duty: None,
                voters_received: None,
                state: DutyState::Planned,
            });
        }
        if let Some(day) = out.last_mut() {
            day.deputies.push(RotaDeputy {
                rota_id,
                deputy_id,
                name,
                attendance: None,
            });
        }
    }
    for day in &mut out {
        match recorded(conn, day.station_id, day.date)? {
            Some(a) => {
                for d in &mut day.deputies {
                    d.attendance = a
                        .members
                        .iter()
                        .find(|m| m.deputy_id == d.deputy_id)
                        .map(|m| m.attendance);
                }
                day.duty = Some(CaseLink {
                    id: a.id,
                    number: a.number,
                });
                day.voters_received = a.voters_received;
                day.state = DutyState::Recorded;
            }
            None if day.date < today => day.state = DutyState::Unrecorded,
            None => {}
        }
    }
    Ok(out)
}

/// The duty recorded for a station's day, if any (not voided).
fn recorded(conn: &Connection, station_id: i64, date: NaiveDate) -> Result<Option<GroupActivity>> {
    let id: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM group_activities WHERE organiser = 'station' AND station_id = ?1 AND date = ?2
               AND voided_at IS NULL ORDER BY id LIMIT 1",
        )?
        .query_row(params![station_id, date.to_string()], |r| r.get(0))
        .ok();
    id.map(|id| activities::get(conn, id)).transpose()
}

/// The deputies on a station's rota for a day (not voided), in the order they were put on it.
fn rostered(conn: &Connection, station_id: i64, date: NaiveDate) -> Result<Vec<(i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, deputy_id FROM station_rota WHERE station_id = ?1 AND date = ?2 AND voided_at IS NULL ORDER BY id",
        )?
        .query_map(params![station_id, date.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn station_name(conn: &Connection, station_id: i64) -> Result<String> {
    org::station(conn, station_id)
        .map(|s| s.name)
        .map_err(|_| Error::validation("station_id", "所选代表联络站不存在"))
}

/// Sets the rota of one station's day. A deputy must hold office on the day; a day whose duty
/// is already recorded is changed through its activity record instead.
pub fn set_rota(store: &mut Store, stamp: &Stamp, input: &RotaInput) -> Result<RotaDay> {
    crate::fields::check(&crate::fields::STATION_DUTY, input, stamp.today())?;
    let date = dates::parse_iso("date", "值班日期", input.date.trim())?;
    if (date - stamp.today()).num_days() > 366 {
        return Err(Error::validation("date", "值班表最多排到一年以后"));
    }
    let station = station_name(store.conn(), input.station_id)?;
    store.write(|tx| {
        if recorded(tx, input.station_id, date)?.is_some() {
            return Err(Error::InvalidTransition(format!(
                "{station}{}的值班情况已登记，请在该次活动记录中修改出席情况",
                dates::chinese(date)
            )));
        }
        deputy::require_in_office(tx, &input.deputy_ids, date, "deputy_ids", "值班代表", "date")?;
        let reason = match input.reason.trim() {
            "" => "调整值班表",
            r => r,
        };
        let now = rostered(tx, input.station_id, date)?;
        let snapshot = |deputy_id: i64| {
            json!({"station": station, "date": date, "deputy": deputy::record(tx, deputy_id).map(|d| d.name).unwrap_or_default()})
        };
        for (rota_id, deputy_id) in &now {
            if !input.deputy_ids.contains(deputy_id) {
                tx.execute(
                    "UPDATE station_rota SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
                    params![rota_id, stamp.at_text(), reason],
                )?;
                history::record(
                    tx,
                    stamp,
                    Entity::StationRota,
                    *rota_id,
                    Action::Void,
                    Some(&snapshot(*deputy_id)),
                    None,
                    reason,
                )?;
            }
        }
        for id in &input.deputy_ids {
            if now.iter().any(|(_, d)| d == id) {
                continue;
            }
            tx.execute(
                "INSERT INTO station_rota (station_id, date, deputy_id) VALUES (?1, ?2, ?3)",
                params![input.station_id, date.to_string(), id],
            )?;
            let rota_id = tx.last_insert_rowid();
            history::record(
                tx,
                stamp,
                Entity::StationRota,
                rota_id,
                Action::Create,
                None,
                Some(&snapshot(*id)),
                "",
            )?;
        }
        Ok(())
    })?;
    let q = RotaQuery {
        station_id: Some(input.station_id),
        deputy_id: None,
        from: Some(date.to_string()),
        to: Some(date.to_string()),
    };
    Ok(rota(store.conn(), &q, stamp.today())?
        .into_iter()
        .next()
        .unwrap_or(RotaDay {
            station_id: input.station_id,
            station_name: station,
            date,
            deputies: Vec::new(),
            duty: None,
            voters_received: None,
            state: DutyState::Planned,
        }))
}

/// Records a day's duty as an activity organised by the station, with the rota's deputies
/// expected. A day without a rota, or already recorded, is refused.
pub fn record_duty(store: &mut Store, stamp: &Stamp, input: &DutyInput) -> Result<GroupActivity> {
    crate::fields::check(&crate::fields::STATION_DUTY, input, stamp.today())?;
    let date = dates::parse_iso("date", "值班日期", input.date.trim())?;
    let station = org::station(store.conn(), input.station_id)
        .map_err(|_| Error::validation("station_id", "所选代表联络站不存在"))?;
    store.write(|tx| {
        if let Some(a) = recorded(tx, input.station_id, date)? {
            return Err(Error::validation(
                "date",
                format!(
                    "{}{}的值班已登记为{}，请修改该次活动记录",
                    station.name,
                    dates::chinese(date),
                    a.number
                ),
            ));
        }
        let rota = rostered(tx, input.station_id, date)?;
        if rota.is_empty() {
            return Err(Error::validation(
                "date",
                format!(
                    "{}{}没有排班，请先在值班表中安排值班代表",
                    station.name,
                    dates::chinese(date)
                ),
            ));
        }
        activities::create_in(
            tx,
            stamp,
            &ActivityInput {
                organiser: Organiser::Station,
                group_id: None,
                station_id: Some(input.station_id),
                participants: rota.iter().map(|(_, d)| *d).collect(),
                kind: ActivityKind::StationDuty,
                date: date.to_string(),
                place: station.address.clone(),
                notice_date: None,
                theme: format!("{}进站接待选民", station.name),
                excused: input.excused.clone(),
                absent: input.absent.clone(),
                leave_reasons: input.leave_reasons.clone(),
                higher_deputies: String::new(),
                record: input.record.clone(),
                results: String::new(),
                reported_on: None,
                voters_received: input.voters_received,
                opinions: input.opinions.clone(),
                notes: input.notes.clone(),
            },
        )
    })
}

/// Duty counted for one station or one deputy in a period.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DutyCount {
    pub id: i64,
    pub name: String,
    /// Days on the rota in the period (recorded or not).
    pub rostered: usize,
    pub attended: usize,
    pub excused: usize,
    pub missed: usize,
    /// Rota days passed and not yet recorded.
    pub unrecorded: usize,
    pub voters_received: i64,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct DutyCounts {
    pub per_station: Vec<DutyCount>,
    pub per_deputy: Vec<DutyCount>,
}

/// The rota days of any period, read ten years at a time (a twenty-year office's export).
pub fn rota_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<RotaDay>> {
    let mut out = Vec::new();
    let mut start = from;
    while start <= to {
        let end = to.min(start + Duration::days(MAX_SPAN_DAYS));
        out.extend(rota(
            conn,
            &RotaQuery {
                from: Some(start.to_string()),
                to: Some(end.to_string()),
                ..Default::default()
            },
            today,
        )?);
        match end.succ_opt() {
            Some(next) => start = next,
            None => break,
        }
    }
    Ok(out)
}

/// Station duty in a period, per station and per deputy (deputies by name).
pub fn counts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<DutyCounts> {
    if to < from {
        return Err(Error::validation("to", "结束日期不能早于开始日期"));
    }
    let days = rota_between(conn, from, to, today)?;
    let mut per_station: Vec<DutyCount> = Vec::new();
    let mut per_deputy: Vec<DutyCount> = Vec::new();
    fn entry<'a>(list: &'a mut Vec<DutyCount>, id: i64, name: &str) -> &'a mut DutyCount {
        let i = match list.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                list.push(DutyCount {
                    id,
                    name: name.to_string(),
                    ..Default::default()
                });
                list.len() - 1
            }
        };
        &mut list[i]
    }
    for day in &days {
        let s = entry(&mut per_station, day.station_id, &day.station_name);
        s.rostered += day.deputies.len();
        s.voters_received = s
            .voters_received
            .saturating_add(day.voters_received.unwrap_or(0));
        for d in &day.deputies {
            let att = d.attendance;
            let s = entry(&mut per_station, day.station_id, &day.station_name);
            bump(s, att, day.state);
            let p = entry(&mut per_deputy, d.deputy_id, &d.name);
            p.rostered += 1;
            bump(p, att, day.state);
        }
    }
    per_station.sort_by_key(|c| c.id);
    per_deputy.sort_by(|a, b| b.rostered.cmp(&a.rostered).then(a.id.cmp(&b.id)));
    Ok(DutyCounts {
        per_station,
        per_deputy,
    })
}

fn bump(c: &mut DutyCount, att: Option<Attendance>, state: DutyState) {
    match att {
        Some(Attendance::Present) => c.attended += 1,
        Some(Attendance::Excused) => c.excused += 1,
        Some(Attendance::Absent) => c.missed += 1,
        None if state == DutyState::Unrecorded => c.unrecorded += 1,
        None => {}
    }
}
