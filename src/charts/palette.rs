//! The colours lines are drawn in.

/// The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), in its usual order:
/// blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, black.
pub const OKABE_ITO: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xB2),
    (0xE6, 0x9F, 0x00),
    (0x00, 0x9E, 0x73),
    (0xCC, 0x79, 0xA7),
    (0x56, 0xB4, 0xE9),
    (0xD5, 0x5E, 0x00),
    (0xF0, 0xE4, 0x42),
    (0x00, 0x00, 0x00),
];

/// The colours lines are drawn in: Okabe–Ito without the yellow, which is too faint on white (and on
/// projectors). [`ChartSeries::colour`](super::spec::ChartSeries::colour) indexes this list, wrapping round
/// after seven.
pub const LINE_PALETTE: [(u8, u8, u8); 7] =
    [OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3], OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[7]];

/// The RGB colour of palette index `colour` (deterministic: the same group index always gets the same colour).
pub fn series_rgb(colour: usize) -> (u8, u8, u8) {
    LINE_PALETTE[colour % LINE_PALETTE.len()]
}

/// The CSS hex string (`#0072B2`) of palette index `colour`, for HTML swatches.
pub fn series_css(colour: usize) -> String {
    let (r, g, b) = series_rgb(colour);
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_is_okabe_ito_without_yellow_and_wraps() {
        assert_eq!(series_rgb(0), (0, 114, 178));
        assert_eq!(series_css(1), "#E69F00");
        assert_eq!(series_rgb(6), (0, 0, 0));
        assert_eq!(series_rgb(7), series_rgb(0));
        assert!(!LINE_PALETTE.contains(&(0xF0, 0xE4, 0x42)));
    }
}
