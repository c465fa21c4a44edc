//! Where the chart readout goes for a key press, and where it sits so that it stays inside the frame.

/// What a key does to the readout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadoutMove {
    /// Show the readout at this position.
    To(usize),
    /// Close the readout.
    Close,
}

/// The readout's move for `key` (a `KeyboardEvent.key` value) from the position shown, if any, over
/// `n_positions`; `None` for a key the readout does not use. Right and Up go forward, Left and Down
/// back, Page Up and Page Down twelve at a time, Home and End to the ends, Escape closes. From a closed
/// readout, forward keys start at the first position and backward keys at the last.
pub fn readout_move(key: &str, current: Option<usize>, n_positions: usize) -> Option<ReadoutMove> {
    if n_positions == 0 {
        return (key == "Escape").then_some(ReadoutMove::Close);
    }
    let last_idx = n_positions - 1;
    let forward = |steps: usize| current.map_or(0, |idx| (idx + steps).min(last_idx));
    let back = |steps: usize| current.map_or(last_idx, |idx| idx.saturating_sub(steps));
    let to = match key {
        "ArrowRight" | "ArrowUp" => forward(1),
        "ArrowLeft" | "ArrowDown" => back(1),
        "PageUp" => forward(12),
        "PageDown" => back(12),
        "Home" => 0,
        "End" => last_idx,
        "Escape" => return Some(ReadoutMove::Close),
        _ => return None,
    };
    Some(ReadoutMove::To(to))
}

/// How far across the chart a position's centre is, as a percentage of the width (0 to 100). The
/// readout is placed there and shifted left by the same share of its own width, so it starts at the
/// cursor at the left edge, ends at it at the right edge, and never leaves the frame.
pub fn readout_share_percent(x_px: f64, width_px: f64) -> f64 {
    if width_px <= 0.0 {
        return 0.0;
    }
    (x_px / width_px * 100.0).clamp(0.0, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_the_readout_within_the_positions() {
        for (key, current, expected) in [
            ("ArrowRight", None, Some(ReadoutMove::To(0))),
            ("ArrowLeft", None, Some(ReadoutMove::To(29))),
            ("ArrowRight", Some(29), Some(ReadoutMove::To(29))),
            ("ArrowDown", Some(0), Some(ReadoutMove::To(0))),
            ("ArrowUp", Some(3), Some(ReadoutMove::To(4))),
            ("PageUp", Some(20), Some(ReadoutMove::To(29))),
            ("PageDown", Some(20), Some(ReadoutMove::To(8))),
            ("Home", Some(20), Some(ReadoutMove::To(0))),
            ("End", None, Some(ReadoutMove::To(29))),
            ("Escape", Some(5), Some(ReadoutMove::Close)),
            ("a", Some(5), None),
        ] {
            assert_eq!(
                readout_move(key, current, 30),
                expected,
                "{key} from {current:?}"
            );
        }
        assert_eq!(readout_move("Home", None, 0), None);
        assert_eq!(readout_move("Escape", None, 0), Some(ReadoutMove::Close));
    }

    #[test]
    fn the_readout_share_stays_between_the_edges() {
        assert_eq!(readout_share_percent(-10.0, 880.0), 0.0);
        assert_eq!(readout_share_percent(440.0, 880.0), 50.0);
        assert_eq!(readout_share_percent(900.0, 880.0), 100.0);
        assert_eq!(readout_share_percent(10.0, 0.0), 0.0);
    }
}
