//! Counts that keep the entries they counted, so every figure on a report can be clicked
//! through to exactly those entries (the year-end report must be traceable).

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Counted {
    pub count: usize,
    pub ids: Vec<i64>,
}

impl Counted {
    pub fn of(ids: Vec<i64>) -> Counted {
        Counted {
            count: ids.len(),
            ids,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct CountedRatio {
    pub numerator: usize,
    pub denominator: usize,
    /// One decimal; None when there is nothing to divide by.
    pub percent: Option<f64>,
    pub numerator_ids: Vec<i64>,
    pub denominator_ids: Vec<i64>,
}

impl CountedRatio {
    /// `numerator` must be a subset of `denominator`.
    pub fn new(numerator: &Counted, denominator: &Counted) -> CountedRatio {
        debug_assert!(numerator.ids.iter().all(|i| denominator.ids.contains(i)));
        let r = Ratio::new(numerator.count, denominator.count);
        CountedRatio {
            numerator: numerator.count,
            denominator: denominator.count,
            percent: r.percent,
            numerator_ids: numerator.ids.clone(),
            denominator_ids: denominator.ids.clone(),
        }
    }
    /// "92.3%（24/26）"
    pub fn chinese(&self) -> String {
        Ratio::new(self.numerator, self.denominator).chinese()
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct CountedBucket {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub ids: Vec<i64>,
    pub share: Ratio,
}

/// Buckets in the given order of keys, each with its share of `total`; empty buckets kept, so a
/// report lists every category.
pub fn buckets(
    keys: &[(String, String)],
    of: impl Fn(&str) -> Vec<i64>,
    total: usize,
) -> Vec<CountedBucket> {
    keys.iter()
        .map(|(key, label)| {
            let ids = of(key);
            CountedBucket {
                key: key.clone(),
                label: label.clone(),
                count: ids.len(),
                share: Ratio::new(ids.len(), total),
                ids,
            }
        })
        .collect()
}
/// A rate: numerator, denominator and the percentage, so every rate can be checked by hand.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Ratio {
    pub numerator: usize,
    pub denominator: usize,
    /// Percentage rounded to one decimal; None when the denominator is zero.
    pub percent: Option<f64>,
}

impl Ratio {
    pub fn new(numerator: usize, denominator: usize) -> Ratio {
        let percent = (denominator > 0)
            .then(|| (numerator as f64 * 1000.0 / denominator as f64).round() / 10.0);
        Ratio {
            numerator,
            denominator,
            percent,
        }
    }
    /// "46.7%（28/60）"
    pub fn chinese(&self) -> String {
        match self.percent {
            Some(p) => format!("{p:.1}%（{}/{}）", self.numerator, self.denominator),
            None => format!("—（{}/{}）", self.numerator, self.denominator),
        }
    }
}

/// A vote of 满意 / 基本满意 / 不满意 (or 称职 / 基本称职 / 不称职) entered as counts: the rate
/// (满意 and 基本满意 of the valid ballots) and the share of 不满意, each with numerator and
/// denominator. Counts are bounded when written; a damaged row cannot overflow the sums.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct Ballots {
    pub good: i64,
    pub fair: i64,
    pub poor: i64,
    pub valid: i64,
    pub rate: Ratio,
    pub poor_share: Ratio,
}

impl Ballots {
    pub fn new(good: i64, fair: i64, poor: i64) -> Ballots {
        let n = |v: i64| usize::try_from(v.max(0)).unwrap_or(usize::MAX);
        let valid = good.saturating_add(fair).saturating_add(poor);
        Ballots {
            good,
            fair,
            poor,
            valid,
            rate: Ratio::new(n(good.saturating_add(fair)), n(valid)),
            poor_share: Ratio::new(n(poor), n(valid)),
        }
    }
}
