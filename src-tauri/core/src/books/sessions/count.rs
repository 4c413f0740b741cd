//! Counting an election held at a session, as 《地方组织法》 Art. 25 and 29 and 《选举法》 Art. 44
//! say: a count with more ballots returned than issued is void; a candidate needs the votes of
//! more than half of ALL deputies; when more candidates reach that than there are places, those
//! with most votes are elected, and a tie at the last place elects nobody for it (a second
//! ballot among the tied is needed). Pure, so the rule is tested on known answers.

use crate::rules::Share;

/// What one count decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// More ballots returned than issued: the count is void and nobody is elected.
    pub void: bool,
    /// Indices (into the candidates given) of those elected, most votes first.
    pub elected: Vec<usize>,
    /// Candidates who reached the majority but tied at the last place.
    pub tied: Vec<usize>,
}

/// Counts `votes` (one entry per candidate) for `places` places among `all` deputies.
pub fn count(
    issued: i64,
    returned: i64,
    votes: &[i64],
    places: usize,
    all: i64,
    majority: Share,
) -> Outcome {
    if returned > issued {
        return Outcome {
            void: true,
            elected: Vec::new(),
            tied: Vec::new(),
        };
    }
    let mut qualified: Vec<usize> = (0..votes.len())
        .filter(|i| majority.reached(votes[*i], all))
        .collect();
    qualified.sort_by(|a, b| votes[*b].cmp(&votes[*a]).then(a.cmp(b)));
    if qualified.len() <= places {
        return Outcome {
            void: false,
            elected: qualified,
            tied: Vec::new(),
        };
    }
    // More qualified than places: the last place's votes decide; all who share them when they
    // straddle the boundary are tied and none of them is elected by this count.
    let boundary = votes[qualified[places - 1]];
    let above: Vec<usize> = qualified
        .iter()
        .copied()
        .filter(|i| votes[*i] > boundary)
        .collect();
    let at: Vec<usize> = qualified
        .iter()
        .copied()
        .filter(|i| votes[*i] == boundary)
        .collect();
    if above.len() + at.len() <= places {
        let mut elected = above;
        elected.extend(at);
        return Outcome {
            void: false,
            elected,
            tied: Vec::new(),
        };
    }
    Outcome {
        void: false,
        elected: above,
        tied: at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_counts() {
        // 45 deputies: 23 is more than half.
        let c = |v: &[i64], places| count(40, 40, v, places, 45, Share::Half);
        assert_eq!(
            c(&[23], 1).elected,
            vec![0],
            "23 of 45 is a majority of all"
        );
        assert!(
            c(&[22], 1).elected.is_empty(),
            "22 of 45 is not, even of 40 voting"
        );
        assert_eq!(c(&[30, 25], 1).elected, vec![0], "competitive: most votes");
        assert_eq!(c(&[25, 30, 24], 2).elected, vec![1, 0]);
        let tie = c(&[30, 30, 10], 1);
        assert!(tie.elected.is_empty() && tie.tied == vec![0, 1], "{tie:?}");
        let partial = c(&[35, 30, 30], 2);
        assert_eq!((partial.elected, partial.tied), (vec![0], vec![1, 2]));
        let void = count(40, 41, &[40], 1, 45, Share::Half);
        assert!(
            void.void && void.elected.is_empty(),
            "more returned than issued"
        );
    }

    proptest! {
        /// Whatever the numbers: never more elected than places, every one elected has a
        /// majority of all, and nobody with more votes than an elected candidate is left out.
        #[test]
        fn never_more_than_places_and_always_the_strongest(
            votes in proptest::collection::vec(0i64..60, 1..8),
            places in 1usize..4,
            all in 1i64..60,
        ) {
            let o = count(100, 100, &votes, places, all, Share::Half);
            prop_assert!(o.elected.len() <= places);
            for &e in &o.elected {
                prop_assert!(votes[e] * 2 > all);
                for (i, v) in votes.iter().enumerate() {
                    if *v > votes[e] && v * 2 > all {
                        prop_assert!(o.elected.contains(&i), "{i} beat {e} but was not elected");
                    }
                }
            }
            prop_assert!(o.elected.iter().all(|e| !o.tied.contains(e)));
        }
    }
}
