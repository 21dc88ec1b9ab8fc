//! Every number and estimate the page prints, written one way: a proper minus sign (U+2212), thousands
//! separators, percentages to one decimal, pounds whole, and an estimate as "mean (lower–upper)". Pure Rust,
//! tested natively. Components show an estimate inside `<span class="estimate">`, which the style sheet
//! keeps on one line, so a number is never split from its interval.

use rollout_engine::estimate::{Estimate, PartialEstimate};

/// How a kind of value is written: a chart's y axis, a table column, an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueFormat {
    /// A fraction shown as a percentage: 0.1234 → "12.3%".
    Percent,
    /// A plain number with this many decimals and thousands separators: "1,234.5".
    Number { decimals: usize },
    /// Pounds sterling, whole pounds: "£12,345".
    Currency,
}

/// The minus sign used in displayed numbers (U+2212; screen readers say "minus").
const MINUS: &str = "\u{2212}";

/// What an outcome that does not apply shows (it is never shown as 0).
pub const NOT_APPLICABLE: &str = "not applicable";

impl ValueFormat {
    /// A value as shown to people: "12.3%", "1,234.5", "£12,345"; "n/a" when not finite.
    pub fn format(self, value: f64) -> String {
        match self {
            _ if !value.is_finite() => "n/a".into(),
            ValueFormat::Percent => format!("{}%", grouped(value * 100.0, 1)),
            ValueFormat::Number { decimals } => grouped(value, decimals),
            ValueFormat::Currency => money(value, 0),
        }
    }

    /// A mean with its 95% interval: "12.3% (11.8–12.9%)", "£1,200 (£1,100–£1,300)", "4.2 (3.9–4.5)".
    /// When the interval is a single value (one replicate) only the mean is shown.
    pub fn format_estimate(self, e: &Estimate) -> String {
        let mean = self.format(e.mean);
        if self.format(e.lo) == mean && self.format(e.hi) == mean {
            return mean;
        }
        let (lo, hi) = match self {
            ValueFormat::Percent => (grouped(e.lo * 100.0, 1), self.format(e.hi)),
            _ => (self.format(e.lo), self.format(e.hi)),
        };
        format!("{mean} ({lo}\u{2013}{hi})")
    }

    /// [`ValueFormat::format_estimate`], or "not applicable" when there is no estimate (never 0).
    pub fn format_optional(self, e: Option<&Estimate>) -> String {
        e.map_or_else(|| NOT_APPLICABLE.to_string(), |e| self.format_estimate(e))
    }

    /// A value defined in only some replicates (abandonment when somebody started, sustainability when funding
    /// ended...): its estimate over those replicates, with "in k of n runs" when some were left out, or "not
    /// applicable" when none had it (never 0).
    pub fn format_partial(self, e: Option<&PartialEstimate>, replicates: u32) -> String {
        match e {
            None => NOT_APPLICABLE.to_string(),
            Some(p) if p.replicates < replicates => {
                format!("{} in {} of {replicates} runs", self.format_estimate(&p.estimate()), p.replicates)
            }
            Some(p) => self.format_estimate(&p.estimate()),
        }
    }

    /// [`ValueFormat::format_change`], or "not applicable" when there is no difference to show.
    pub fn format_optional_change(self, e: Option<&Estimate>) -> String {
        e.map_or_else(|| NOT_APPLICABLE.to_string(), |e| self.format_change(e))
    }

    /// A difference with its 95% interval, signed: "+3.2 (+2.9 to +3.6)", "−£1,200 (−£2,000 to +£400)".
    /// Shares are written in percentage points, without a % sign; a value that rounds to zero has no sign.
    pub fn format_change(self, e: &Estimate) -> String {
        let signed = |v: f64| {
            let text = match self {
                ValueFormat::Percent if v.is_finite() => grouped(v * 100.0, 1),
                _ => self.format(v),
            };
            let nonzero = text.chars().any(|c| c.is_ascii_digit() && c != '0');
            if v > 0.0 && nonzero {
                format!("+{text}")
            } else {
                text
            }
        };
        format!("{} ({} to {})", signed(e.mean), signed(e.lo), signed(e.hi))
    }

    /// An axis tick label: as many decimals as the tick spacing `step` needs (so 0.05 → "5%", 0.025 → "2.5%").
    pub fn format_tick(self, value: f64, step: f64) -> String {
        match self {
            ValueFormat::Percent => {
                let d = decimals_for(step * 100.0).max(decimals_for(value * 100.0).min(2));
                format!("{}%", grouped(value * 100.0, d))
            }
            ValueFormat::Number { .. } => {
                let d = decimals_for(step).max(decimals_for(value).min(3));
                grouped(value, d)
            }
            ValueFormat::Currency => {
                let d = if step >= 1.0 { 0 } else { decimals_for(step).min(2) };
                money(value, d)
            }
        }
    }

    /// A value for a CSV/TSV cell: no unit, no thousands separator, ASCII minus; percentages as percent
    /// (12.345), with a couple more decimals than the display so spreadsheets keep the precision.
    pub fn format_plain(self, value: f64) -> String {
        if !value.is_finite() {
            return String::new();
        }
        let (v, d) = match self {
            ValueFormat::Percent => (value * 100.0, 3),
            ValueFormat::Number { decimals } => (value, decimals + 2),
            ValueFormat::Currency => (value, 2),
        };
        let s = format!("{:.*}", d, v);
        if s.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
            format!("{:.*}", d, 0.0)
        } else {
            s
        }
    }

    /// The unit of [`ValueFormat::format_plain`] values, for CSV headers: "%", "£" or "".
    pub fn plain_unit(self) -> &'static str {
        match self {
            ValueFormat::Percent => "%",
            ValueFormat::Number { .. } => "",
            ValueFormat::Currency => "£",
        }
    }
}

/// The fewest decimals (0..=6) that write `step` exactly (to 1e-6 relative): 5 → 0, 0.5 → 1, 2.5 → 1, 0.25 → 2.
pub(crate) fn decimals_for(step: f64) -> usize {
    let step = step.abs();
    if !step.is_finite() || step == 0.0 {
        return 0;
    }
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() <= 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(6)
}

/// `value` rounded to `decimals`, with thousands separators and a proper minus sign; "n/a" if not finite.
fn grouped(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", decimals, value.abs());
    let negative = value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + 4);
    if negative {
        out.push_str(MINUS);
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// "£12,345", "−£1,200"; "n/a" if not finite.
fn money(value: f64, decimals: usize) -> String {
    let g = grouped(value, decimals);
    match g.strip_prefix(MINUS) {
        Some(rest) => format!("{MINUS}£{rest}"),
        None if g == "n/a" => g,
        None => format!("£{g}"),
    }
}

/// An x value as written in labels and tables: whole numbers without decimals ("37"), others to 2 dp.
pub fn format_x(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    if (x - x.round()).abs() < 1e-9 {
        grouped(x.round(), 0).replace(',', "")
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn est(mean: f64, lo: f64, hi: f64) -> Estimate {
        Estimate { mean, lo, hi }
    }

    #[test]
    fn formats_values() {
        assert_eq!(ValueFormat::Percent.format(0.1234), "12.3%");
        assert_eq!(ValueFormat::Percent.format(0.0), "0.0%");
        assert_eq!(ValueFormat::Percent.format(-0.00001), "0.0%", "no negative zero");
        assert_eq!(ValueFormat::Percent.format(-0.051), "\u{2212}5.1%");
        assert_eq!(ValueFormat::Percent.format(f64::NAN), "n/a");
        assert_eq!(ValueFormat::Number { decimals: 1 }.format(1234.56), "1,234.6");
        assert_eq!(ValueFormat::Number { decimals: 0 }.format(999.4), "999");
        assert_eq!(ValueFormat::Number { decimals: 2 }.format(1234567.0), "1,234,567.00");
        assert_eq!(ValueFormat::Currency.format(12345.4), "£12,345");
        assert_eq!(ValueFormat::Currency.format(-1200.0), "\u{2212}£1,200");
        assert_eq!(ValueFormat::Currency.format(0.2), "£0");
        assert_eq!(ValueFormat::Currency.format(f64::INFINITY), "n/a");
    }

    #[test]
    fn formats_estimates_with_intervals() {
        assert_eq!(ValueFormat::Percent.format_estimate(&est(0.123, 0.118, 0.129)), "12.3% (11.8\u{2013}12.9%)");
        assert_eq!(
            ValueFormat::Currency.format_estimate(&est(1200.0, 1100.0, 1300.0)),
            "£1,200 (£1,100\u{2013}£1,300)"
        );
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_estimate(&est(4.2, 3.9, 4.5)), "4.2 (3.9\u{2013}4.5)");
        // One replicate: the interval is the value, so just the value.
        assert_eq!(ValueFormat::Percent.format_estimate(&est(0.5, 0.5, 0.5)), "50.0%");
        assert_eq!(
            ValueFormat::Percent.format_estimate(&est(-0.02, -0.03, -0.01)),
            "\u{2212}2.0% (\u{2212}3.0\u{2013}\u{2212}1.0%)"
        );
        assert_eq!(ValueFormat::Percent.format_optional(None), "not applicable");
    }

    #[test]
    fn formats_changes_signed_with_one_minus_sign() {
        assert_eq!(ValueFormat::Percent.format_change(&est(0.032, 0.029, 0.036)), "+3.2 (+2.9 to +3.6)");
        assert_eq!(ValueFormat::Percent.format_change(&est(-0.01, -0.02, 0.0)), "\u{2212}1.0 (\u{2212}2.0 to 0.0)");
        assert_eq!(
            ValueFormat::Percent.format_change(&est(0.0004, -0.0001, 0.0)),
            "0.0 (0.0 to 0.0)",
            "no signed zero"
        );
        assert_eq!(
            ValueFormat::Currency.format_change(&est(-1200.0, -2000.0, 400.0)),
            "\u{2212}£1,200 (\u{2212}£2,000 to +£400)"
        );
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_change(&est(2.0, 1.5, 2.5)), "+2.0 (+1.5 to +2.5)");
    }

    #[test]
    fn tick_labels_use_the_decimals_the_step_needs() {
        assert_eq!(ValueFormat::Percent.format_tick(0.05, 0.05), "5%");
        assert_eq!(ValueFormat::Percent.format_tick(0.025, 0.025), "2.5%");
        assert_eq!(ValueFormat::Percent.format_tick(0.3, 0.1), "30%");
        assert_eq!(ValueFormat::Number { decimals: 3 }.format_tick(2000.0, 500.0), "2,000");
        assert_eq!(ValueFormat::Number { decimals: 0 }.format_tick(0.2, 0.1), "0.2");
        assert_eq!(ValueFormat::Currency.format_tick(50000.0, 10000.0), "£50,000");
    }

    #[test]
    fn plain_values_for_spreadsheets() {
        assert_eq!(ValueFormat::Percent.format_plain(0.12345), "12.345");
        assert_eq!(ValueFormat::Percent.format_plain(-0.0000001), "0.000");
        assert_eq!(ValueFormat::Currency.format_plain(-1234.5), "-1234.50");
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_plain(2.0), "2.000");
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_plain(f64::NAN), "");
    }
}
