//! `rollout equity TABLE.csv [--adverse] [--scale N]`: the WHO HEAT summary measures of health inequality
//! for one subgroup table, as a JSON object keyed by the measures' abbreviations (`null` where a measure
//! does not apply to that kind of dimension). The table format is described in
//! [`rollout_engine::equity::parse_table_csv`].

use rollout_engine::equity::{measures, parse_table_csv};
use std::path::Path;

/// Reads the CSV table at `path`, computes every measure for a favourable (or, with `adverse`, adverse)
/// indicator on `scale`, and returns pretty-printed JSON. The error is a single line fit for the terminal.
pub fn run(path: &Path, adverse: bool, scale: f64) -> Result<String, String> {
    let shown = path.display();
    let text = crate::input_file::read_text(path, rollout_engine::cost::MAX_TABLE_BYTES, "CSV table")?;
    let table = parse_table_csv(&text, adverse, scale).map_err(|e| format!("{shown}: {e}"))?;
    serde_json::to_string_pretty(&measures(&table)).map_err(|e| format!("cannot write JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::run;
    use std::path::PathBuf;

    fn write(name: &str, text: &[u8]) -> PathBuf {
        let path = std::env::temp_dir().join(format!("rollout-equity-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn equity_command_prints_measures_keyed_by_abbreviation() {
        let path = write(
            "ok.csv",
            b"subgroup,estimate,population,order\nQ1,20,78,1\nQ2,30,91,2\nQ3,40,162,3\nQ4,50,103,4\nQ5,60,105,5\n",
        );
        let out = run(&path, false, 100.0).unwrap();
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!((json["ACI"].as_f64().unwrap() - 7.3284202).abs() < 1e-6);
        assert_eq!(json["D"], 40.0);
        assert!(json["BGV"].is_null());
        assert!(out.contains('\n'), "pretty-printed");
        std::fs::remove_file(path).ok();
    }

    #[test]
    fn equity_command_errors_are_one_line() {
        let missing = std::env::temp_dir().join("rollout-equity-no-such-file.csv");
        let e = run(&missing, false, 100.0).unwrap_err();
        assert!(e.ends_with(": no such file"), "{e}");

        let path = write("bad.csv", b"subgroup,estimate,population\nA,20,10\nB,30,10\nC,40,-5\n");
        let e = run(&path, false, 100.0).unwrap_err();
        assert!(e.ends_with("row 3, column \"population\": -5 is negative; populations must be 0 or more"), "{e}");
        assert!(!e.contains('\n'));
        std::fs::remove_file(path).ok();

        let path = write("latin1.csv", b"subgroup,estimate,population\nS\xe3o Paulo,20,10\nB,30,10\n");
        assert!(run(&path, false, 100.0).unwrap_err().ends_with("not UTF-8 text; save the CSV table as UTF-8"));
        std::fs::remove_file(path).ok();
    }
}
