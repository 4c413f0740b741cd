//! Writing the petitions book: registration (numbered per year, identity kept sealed), edits,
//! links between petitions, the recorded reveal of an identity, voiding, and the steps.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};
use serde_json::json;

use super::*;
use crate::book::{self, casebook};
use crate::history::{self, Action};
use crate::idcard::IdNumber;
use crate::{dates, names, Error, Result, Stamp, Store};

/// "2024-03-20 09:30" (or a date alone, taken as 00:00).
fn parse_received_at(text: &str) -> Result<NaiveDateTime> {
    let t = dates::normalize_width(text.trim()).replace('T', " ");
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&t, "%Y-%m-%d %H:%M:%S"))
        .or_else(|_| {
            NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight"))
        })
        .map_err(|_| {
            Error::validation(
                "received_at",
                format!("收到时间“{text}”格式不对，应为 2024-03-20 09:30"),
            )
        })
}

/// The identity a write will store: what the input gives, else (on update) what is stored.
struct Identity {
    name: String,
    phone: String,
    address: String,
    id_number: String,
    co_visitors: Vec<String>,
}

impl Identity {
    fn of(input: &PetitionInput, stored: Option<&PetitionRecord>) -> Identity {
        let pick = |given: &Option<String>, kept: Option<&str>| {
            given
                .clone()
                .unwrap_or_else(|| kept.unwrap_or_default().to_string())
        };
        Identity {
            name: pick(
                &input.petitioner_name,
                stored.map(|r| r.petitioner_name.as_str()),
            ),
            phone: pick(&input.phone, stored.map(|r| r.phone.as_str())),
            address: pick(&input.address, stored.map(|r| r.address.as_str())),
            id_number: pick(
                &input.id_number,
                stored.and_then(|r| r.id_number.as_deref()),
            ),
            co_visitors: input
                .co_visitors
                .clone()
                .unwrap_or_else(|| stored.map(|r| r.co_visitors.clone()).unwrap_or_default()),
        }
    }
}

fn phone_ok(phone: &str) -> bool {
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || "-+ ()".contains(c))
        && (7..=20).contains(&phone.len())
}

struct Valid {
    received_at: NaiveDateTime,
    name: String,
    id_number: Option<String>,
    /// As a JSON array, the stored form.
    co_visitors: String,
}

/// The other visitors' names, cleaned; refused when there are more names than other people,
/// a name is blank in the middle of the list, or names are given for an anonymous petition.
fn co_visitors(input: &PetitionInput, ident: &Identity) -> Result<Vec<String>> {
    let list: Vec<String> = ident
        .co_visitors
        .iter()
        .map(|n| names::clean(n))
        .filter(|n| !n.is_empty())
        .collect();
    if list.is_empty() {
        return Ok(list);
    }
    if input.anonymous {
        return Err(Error::validation(
            "co_visitors",
            "匿名信访不登记同行人员姓名，请清空或取消“匿名”",
        ));
    }
    let others = input.people_count - 1;
    if list.len() as i64 > others {
        return Err(Error::validation(
            "co_visitors",
            format!(
                "同行人员登记了 {} 人，但人数为 {} 人（除信访人外只有 {} 人），请核对人数",
                list.len(),
                input.people_count,
                others.max(0)
            ),
        ));
    }
    if let Some(n) = list
        .iter()
        .find(|n| n.chars().any(|c| c.is_ascii_digit()) || n.contains(['、', ',', '，']))
    {
        return Err(Error::validation(
            "co_visitors",
            format!("同行人员姓名“{n}”不对：每行填一个人的姓名，不能有数字或顿号"),
        ));
    }
    Ok(list)
}

fn validate(
    conn: &Connection,
    input: &PetitionInput,
    ident: &Identity,
    today: NaiveDate,
) -> Result<Valid> {
    let received_at = parse_received_at(&input.received_at)?;
    if received_at.date() > today {
        return Err(Error::validation("received_at", "收到时间不能晚于今天"));
    }
    let name = names::clean(&ident.name);
    if input.anonymous {
        // An anonymous petition keeps no identity at all: a phone or an address typed before
        // the box was ticked would otherwise be stored (and sealed) against the petitioner's
        // wish. Refused, not dropped, so nothing typed changes silently.
        let typed = [
            ("petitioner_name", "姓名", input.petitioner_name.as_deref()),
            ("phone", "联系电话", input.phone.as_deref()),
            ("address", "住址", input.address.as_deref()),
            ("id_number", "身份证号码", input.id_number.as_deref()),
        ];
        if let Some((field, label, _)) = typed
            .iter()
            .find(|(_, _, v)| v.is_some_and(|v| !v.trim().is_empty()))
        {
            return Err(Error::validation(
                field,
                format!("匿名信访不登记身份信息，请清空“{label}”或取消“匿名”"),
            ));
        }
        if input.sex.is_some() || input.age.is_some() {
            let field = if input.sex.is_some() { "sex" } else { "age" };
            return Err(Error::validation(
                field,
                "匿名信访不登记性别和年龄，请清空或取消“匿名”",
            ));
        }
    }
    if !input.anonymous {
        if name.is_empty() {
            return Err(Error::validation(
                "petitioner_name",
                "请填写信访人姓名；不愿留名的，请勾选“匿名”",
            ));
        }
        if name.chars().count() > 30 || name.chars().any(|c| c.is_ascii_digit()) {
            return Err(Error::validation(
                "petitioner_name",
                "信访人姓名不能超过 30 个字，也不能有数字",
            ));
        }
    }
    if input.age.is_some_and(|a| !(0..=120).contains(&a)) {
        return Err(Error::validation("age", "年龄应在 0 到 120 之间"));
    }
    let phone = ident.phone.trim();
    if !phone.is_empty() && !phone_ok(phone) {
        return Err(Error::validation(
            "phone",
            format!("联系电话“{phone}”格式不对：只能有数字和短横线，7 到 20 位"),
        ));
    }
    let id_number = match ident.id_number.trim() {
        "" => None,
        t => Some(IdNumber::parse(t)?.as_str().to_string()),
    };
    if !(1..=10_000).contains(&input.people_count) {
        return Err(Error::validation(
            "people_count",
            "人数应在 1 到 10000 之间",
        ));
    }
    let request = input.request.trim();
    if request.is_empty() {
        return Err(Error::validation("request", "请填写信访诉求"));
    }
    if request.chars().count() > 5000 {
        return Err(Error::validation("request", "诉求不能超过 5000 字"));
    }
    if input.receiver.trim().chars().count() > 30 {
        return Err(Error::validation("receiver", "接待人不能超过 30 个字"));
    }
    match input.via_deputy_id {
        Some(d) => {
            let rec = crate::roster::deputy::record(conn, d).map_err(|_| {
                Error::validation("via_deputy_id", "转交代表：所选代表不存在，请重新选择")
            })?;
            if rec.voided_at.is_some() {
                return Err(Error::validation("via_deputy_id", "所选代表的登记已作废"));
            }
        }
        None if input.channel == PetitionChannel::DeputyReferral => {
            return Err(Error::validation(
                "via_deputy_id",
                "代表转交的信访件，请选择转交的代表",
            ));
        }
        None => {}
    }
    let co_visitors = co_visitors(input, ident)?;
    Ok(Valid {
        received_at,
        name: if input.anonymous { String::new() } else { name },
        id_number,
        co_visitors: serde_json::to_string(&co_visitors).expect("names serialise"),
    })
}

fn add_link(conn: &Connection, stamp: &Stamp, id: i64, other: i64, note: &str) -> Result<()> {
    if other == id {
        return Err(Error::validation("link_ids", "不能与自身关联"));
    }
    let o =
        record(conn, other).map_err(|_| Error::validation("link_ids", "要关联的信访件不存在"))?;
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM petition_links WHERE (petition_id = ?1 AND earlier_id = ?2) OR (petition_id = ?2 AND earlier_id = ?1))",
        params![id, other],
        |r| r.get(0),
    )?;
    if exists {
        return Ok(());
    }
    conn.execute(
        "INSERT INTO petition_links (petition_id, earlier_id, note, actor, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, other, note.trim(), stamp.actor, stamp.at_text()],
    )?;
    history::record(
        conn,
        stamp,
        Entity::Petition,
        id,
        Action::Update,
        None,
        Some(&json!({"linked": o.number})),
        &format!(
            "关联信访件{}{}",
            o.number,
            if note.trim().is_empty() {
                String::new()
            } else {
                format!("：{}", note.trim())
            }
        ),
    )
}

pub fn create(store: &mut Store, stamp: &Stamp, input: &PetitionInput) -> Result<Petition> {
    let id = store.write(|tx| create_in(tx, stamp, input))?;
    get(store.conn(), id, stamp.today())
}

pub(crate) fn create_in(conn: &Connection, stamp: &Stamp, input: &PetitionInput) -> Result<i64> {
    crate::fields::check(&crate::fields::PETITION, input, stamp.today())?;
    use chrono::Datelike;
    let ident = Identity::of(input, None);
    let v = validate(conn, input, &ident, stamp.today())?;
    let year = v.received_at.year();
    let seq = book::next_seq(conn, "petitions", &[("year", &year)])?;
    let number = format!("信访〔{year}〕第{seq}号");
    conn.execute(
        "INSERT INTO petitions (year, seq, number, channel, received_at, anonymous, petitioner_name, sex, age,
            address, phone, id_number, people_count, request, facts, category, receiver, via_deputy_id,
            proposed_handling, instruction, confidential, profile, co_visitors)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
        params![
            year,
            seq,
            number,
            input.channel,
            Minute::new(v.received_at),
            input.anonymous,
            v.name,
            input.sex,
            input.age,
            ident.address.trim(),
            ident.phone.trim(),
            v.id_number,
            input.people_count,
            input.request.trim(),
            input.facts.trim(),
            input.category,
            input.receiver.trim(),
            input.via_deputy_id,
            input.proposed_handling.trim(),
            input.instruction.trim(),
            input.confidential,
            rules::current(conn)?.tag(),
            v.co_visitors
        ],
    )?;
    let id = conn.last_insert_rowid();
    let rec = record(conn, id)?;
    book::record_created(conn, stamp, id, &rec)?;
    for other in &input.link_ids {
        add_link(conn, stamp, id, *other, "登记时关联")?;
    }
    Ok(id)
}

pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &PetitionInput,
) -> Result<Petition> {
    crate::fields::check(&crate::fields::PETITION, input, stamp.today())?;
    store.write(|tx| {
        let before = record(tx, id)?;
        if before.voided_at.is_some() {
            return Err(Error::InvalidTransition("已作废的信访件不能修改".into()));
        }
        let ident = Identity::of(input, Some(&before));
        let v = validate(tx, input, &ident, stamp.today())?;
        if chrono::Datelike::year(&v.received_at) != before.year {
            return Err(Error::validation(
                "received_at",
                format!("编号{}已按年份生成，收到时间不能改到其他年份；如登记错了，请作废后重新登记", before.number),
            ));
        }
        let first_step: Option<String> = tx.query_row(
            "SELECT min(date) FROM petition_steps WHERE petition_id = ?1 AND voided_at IS NULL",
            [id],
            |r| r.get(0),
        )?;
        if first_step.is_some_and(|d| d < v.received_at.date().to_string()) {
            return Err(Error::validation("received_at", "收到时间不能晚于已登记的办理环节"));
        }
        tx.execute(
            "UPDATE petitions SET channel = ?2, received_at = ?3, anonymous = ?4, petitioner_name = ?5, sex = ?6,
                age = ?7, address = ?8, phone = ?9, id_number = ?10, people_count = ?11, request = ?12, facts = ?13,
                category = ?14, receiver = ?15, via_deputy_id = ?16, proposed_handling = ?17, instruction = ?18,
                confidential = ?19, co_visitors = ?20 WHERE id = ?1",
            params![
                id,
                input.channel,
                Minute::new(v.received_at),
                input.anonymous,
                v.name,
                input.sex,
                input.age,
                ident.address.trim(),
                ident.phone.trim(),
                v.id_number,
                input.people_count,
                input.request.trim(),
                input.facts.trim(),
                input.category,
                input.receiver.trim(),
                input.via_deputy_id,
                input.proposed_handling.trim(),
                input.instruction.trim(),
                input.confidential,
                v.co_visitors
            ],
        )?;
        let after = record(tx, id)?;
        book::record_updated(tx, stamp, id, &before, &after)?;
        for other in &input.link_ids {
            add_link(tx, stamp, id, *other, "")?;
        }
        Ok(())
    })?;
    get(store.conn(), id, stamp.today())
}

pub fn void(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<Petition> {
    book::void::<PetitionRecord>(store, stamp, id, reason)?;
    get(store.conn(), id, stamp.today())
}

pub fn link(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    other: i64,
    note: &str,
) -> Result<PetitionDetail> {
    crate::fields::check_text(&crate::fields::PLAIN, "note", note)?;
    store.write(|tx| {
        record(tx, id)?;
        add_link(tx, stamp, id, other, note)
    })?;
    detail(store.conn(), id, stamp.today())
}

/// The petitioner's identity in clear, recorded in the history with who looked and why.
pub fn reveal(store: &mut Store, stamp: &Stamp, id: i64, reason: &str) -> Result<PetitionIdentity> {
    crate::fields::check_text(&crate::fields::PLAIN, "reason", reason)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation(
            "reason",
            "请填写查看信访人身份信息的原因（将记入操作记录）",
        ));
    }
    store.write(|tx| {
        let rec = record(tx, id)?;
        history::record(
            tx,
            stamp,
            Entity::Petition,
            id,
            Action::Reveal,
            None,
            None,
            &format!("查看信访人身份信息：{reason}"),
        )?;
        Ok(PetitionIdentity {
            co_visitors: rec.co_visitors,
            petitioner_name: rec.petitioner_name,
            phone: rec.phone,
            address: rec.address,
            id_number: rec.id_number.unwrap_or_default(),
        })
    })
}

pub fn step(store: &mut Store, stamp: &Stamp, id: i64, step: &Step) -> Result<PetitionDetail> {
    store.write(|tx| step_in(tx, stamp, id, step))?;
    detail(store.conn(), id, stamp.today())
}

pub(crate) fn step_in(conn: &Connection, stamp: &Stamp, id: i64, step: &Step) -> Result<()> {
    crate::fields::check(&crate::fields::PETITION_STEP, step, stamp.today())?;
    casebook::step_in::<Case>(conn, stamp, id, step)
}

pub fn void_step(
    store: &mut Store,
    stamp: &Stamp,
    step_id: i64,
    reason: &str,
) -> Result<PetitionDetail> {
    let id = casebook::void_step::<Case>(store, stamp, step_id, reason)?;
    detail(store.conn(), id, stamp.today())
}
