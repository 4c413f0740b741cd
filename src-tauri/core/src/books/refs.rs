//! References the case books show by name: deputies and handling units, loaded once per request
//! (shared by suggestions and petitions, and the books after them).

use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

use crate::names;
use crate::roster::org;
use crate::units::{self, UnitRef};
use crate::Result;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DeputyRef {
    pub id: i64,
    pub name: String,
}

/// Names the views need, loaded once per request. Pinyin is worked out only for deputies a
/// search actually compares, and then remembered.
pub struct Names {
    pub deputies: HashMap<i64, String>,
    pub units: HashMap<i64, String>,
    pub terms: HashMap<i64, i64>,
    pinyin: std::cell::RefCell<HashMap<i64, (String, String)>>,
}

impl Names {
    pub fn load(conn: &Connection) -> Result<Names> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM deputies")?;
        let deputies = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        let terms = org::terms(conn)?
            .into_iter()
            .map(|t| (t.id, t.number))
            .collect();
        Ok(Names {
            deputies,
            units: units::names(conn)?,
            terms,
            pinyin: Default::default(),
        })
    }
    pub fn deputy(&self, id: i64) -> DeputyRef {
        DeputyRef {
            id,
            name: self.deputies.get(&id).cloned().unwrap_or_default(),
        }
    }
    pub fn unit(&self, id: i64) -> UnitRef {
        UnitRef {
            id,
            name: self.units.get(&id).cloned().unwrap_or_default(),
        }
    }
    /// Does deputy `id` match a search by name, pinyin or initials?
    pub fn deputy_matches(&self, id: i64, query_lower: &str) -> bool {
        let Some(name) = self.deputies.get(&id) else {
            return false;
        };
        let mut cache = self.pinyin.borrow_mut();
        let (py, ini) = cache
            .entry(id)
            .or_insert_with(|| names::pinyin_and_initials(name));
        names::name_matches(name, py, ini, query_lower)
    }
}
