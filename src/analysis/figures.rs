//! The topic of a figure (deaths, seizures, staff…), read from the words of its metric, for grouping the dataset's other figures.

use crate::closed_set::ClosedSet;

/// What a figure is about. The dataset does not say, so it is read from the words of the figure's
/// metric by the rules in `FigureTopic::of` (the first that matches); the topic only groups figures
/// and never changes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureTopic {
    Crossings,
    Deaths,
    Enforcement,
    Staff,
    Partners,
    Other,
}

impl ClosedSet for FigureTopic {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("crossings", FigureTopic::Crossings),
        ("deaths", FigureTopic::Deaths),
        ("enforcement", FigureTopic::Enforcement),
        ("staff", FigureTopic::Staff),
        ("partners", FigureTopic::Partners),
        ("other", FigureTopic::Other),
    ];

    fn label(self) -> &'static str {
        match self {
            FigureTopic::Crossings => "Crossings and boats",
            FigureTopic::Deaths => "Deaths",
            FigureTopic::Enforcement => "Seizures, disruptions and sanctions",
            FigureTopic::Staff => "Staff and budgets",
            FigureTopic::Partners => "Returns and partners",
            FigureTopic::Other => "Other",
        }
    }
}

/// The words of a metric that place it in a topic, checked in this order.
const TOPIC_WORDS: &[(FigureTopic, &[&str])] = &[
    (FigureTopic::Deaths, &["deaths"]),
    (
        FigureTopic::Enforcement,
        &[
            "seized",
            "seizures",
            "intercepted",
            "interceptions",
            "disruptions",
            "investigations",
            "sanctions",
            "profit",
        ],
    ),
    (
        FigureTopic::Staff,
        &["officers", "staff", "investigators", "personnel", "budget"],
    ),
    (
        FigureTopic::Partners,
        &[
            "returned",
            "returns",
            "brought",
            "summit",
            "countries",
            "interpol",
            "transits",
            "exports",
            "europol",
        ],
    ),
    (
        FigureTopic::Crossings,
        &["arrivals", "boats", "boat", "red_days", "crossings"],
    ),
];

impl FigureTopic {
    /// The topic of a metric, by the first rule in `TOPIC_WORDS` with one of its words.
    pub fn of(metric: &str) -> FigureTopic {
        let words: Vec<&str> = metric.split('_').collect();
        let joined = format!("_{metric}_");
        TOPIC_WORDS
            .iter()
            .find(|(_, topic_words)| {
                topic_words.iter().any(|word| {
                    if word.contains('_') {
                        joined.contains(&format!("_{word}_"))
                    } else {
                        words.contains(word)
                    }
                })
            })
            .map_or(FigureTopic::Other, |(topic, _)| *topic)
    }
}
