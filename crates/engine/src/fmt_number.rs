//! Numbers in messages, in short form: `0.75`, `10000`, `2.2e-308`, `1e308`, never hundreds of digits.

/// `value` as a message shows it: the shortest exact form when that is short (at most 12 characters, no
/// exponent needed), otherwise scientific notation with at most 3 significant digits (`2.23e-308`,
/// `1e308`). NaN is `NaN`; infinities are `infinity` and `-infinity`.
///
/// ```
/// use rollout_engine::fmt_number::short;
/// assert_eq!(short(0.75), "0.75");
/// assert_eq!(short(10_000.0), "10000");
/// assert_eq!(short(f64::MIN_POSITIVE), "2.23e-308");
/// assert_eq!(short(1e308), "1e308");
/// assert_eq!(short(-1.5e-12), "-1.5e-12");
/// assert_eq!(short(f64::INFINITY), "infinity");
/// ```
pub fn short(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "infinity" } else { "-infinity" }.to_string();
    }
    let plain = format!("{value}");
    if plain.len() <= 12 {
        return plain;
    }
    let magnitude = value.abs();
    if (1e-3..1e12).contains(&magnitude) {
        // A long fraction such as 0.30000000000000004: six significant digits are plenty for a message.
        let digits = (5 - libm::floor(libm::log10(magnitude)) as i32).clamp(0, 15) as usize;
        let rounded = format!("{value:.digits$}");
        let trimmed =
            if rounded.contains('.') { rounded.trim_end_matches('0').trim_end_matches('.') } else { &rounded };
        return trimmed.to_string();
    }
    let scientific = format!("{value:.2e}");
    match scientific.split_once('e') {
        Some((mantissa, exponent)) => {
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            format!("{mantissa}e{exponent}")
        }
        None => scientific,
    }
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn every_number_is_short() {
        for value in
            [f64::MIN_POSITIVE, f64::MAX, -f64::MAX, 1e308, 1e-300, 0.1 + 0.2, 123_456_789.123_456_78, -4.5e-300]
        {
            let text = short(value);
            assert!(text.len() <= 12, "{value:e} printed as {text}");
            // Compare mantissas and exponents, so that f64::MAX (1.8e308, which rounds past it) compares too.
            let exact = format!("{value:e}");
            let (m, e) = exact.split_once('e').unwrap();
            let (short_m, short_e) = text.split_once('e').unwrap_or((&text, "0"));
            let scale = 10f64.powi(e.parse::<i32>().unwrap() - short_e.parse::<i32>().unwrap());
            let relative = (short_m.parse::<f64>().unwrap() - m.parse::<f64>().unwrap() * scale).abs()
                / short_m.parse::<f64>().unwrap().abs();
            assert!(relative < 1e-2, "{text} is not close to {value:e}");
        }
    }

    #[test]
    fn exact_short_values_are_unchanged() {
        for (value, text) in [(0.0, "0"), (1.0, "1"), (0.001, "0.001"), (1e6, "1000000"), (2.5, "2.5")] {
            assert_eq!(short(value), text);
        }
    }
}
