//! Equity tables at scale and from any platform: 200,000 rows (duplicates found by hashing, not by
//! comparing every pair), populations too large to add up, and CR-only or CRLF line endings.

use rollout_engine::equity::{measures, parse_table_csv, TableError};

fn table(rows: usize, ordered: bool) -> String {
    let mut text =
        String::from(if ordered { "subgroup,estimate,population,order\n" } else { "subgroup,estimate,population\n" });
    for i in 0..rows {
        let estimate = 10.0 + (i % 97) as f64 * 0.5;
        let population = 100 + (i * 7919) % 1000;
        if ordered {
            text.push_str(&format!("g{i},{estimate},{population},{i}\n"));
        } else {
            text.push_str(&format!("g{i},{estimate},{population}\n"));
        }
    }
    text
}

#[test]
fn two_hundred_thousand_rows_are_read_and_measured() {
    for ordered in [false, true] {
        let text = table(200_000, ordered);
        let t = parse_table_csv(&text, false, 100.0).unwrap();
        assert_eq!(t.len(), 200_000);
        let m = measures(&t);
        // Unordered: highest minus lowest (58 - 10); ordered: last minus first (row 199,999 is 10 + 41).
        assert_eq!(m.d, Some(if ordered { 41.0 } else { 48.0 }));
    }
}

#[test]
fn a_duplicate_at_the_end_of_a_large_table_names_its_first_row() {
    let mut text = table(200_000, true);
    text.push_str("g123,20,100,200000\n");
    assert_eq!(
        parse_table_csv(&text, false, 100.0).unwrap_err(),
        TableError::DuplicateName { row: 200_001, name: "g123".into(), first_row: 124 }
    );
    let mut text = table(200_000, true);
    text.push_str("extra,20,100,5\n");
    assert!(matches!(
        parse_table_csv(&text, false, 100.0).unwrap_err(),
        TableError::DuplicateOrder { row: 200_001, order: 5, first_row: 6, .. }
    ));
}

#[test]
fn populations_that_overflow_are_reported_as_such() {
    let text = "subgroup,estimate,population\nA,20,1e308\nB,30,1e308\n";
    let e = parse_table_csv(text, false, 100.0).unwrap_err();
    assert_eq!(e, TableError::PopulationOverflow);
    assert!(e.to_string().contains("more than the largest number"), "{e}");
    let e = parse_table_csv("subgroup,estimate,population\nA,20,0\nB,30,0\n", false, 100.0).unwrap_err();
    assert_eq!(e, TableError::ZeroTotalPopulation);
}

#[test]
fn cr_only_and_crlf_line_endings_read_like_lf() {
    let lf = "subgroup,estimate,population,order\nQ1,20,78,1\nQ2,30,91,2\nQ3,40,162,3\n";
    let expected = measures(&parse_table_csv(lf, false, 100.0).unwrap());
    for text in [lf.replace('\n', "\r"), lf.replace('\n', "\r\n"), format!("\u{feff}{}", lf.replace('\n', "\r"))] {
        let got = parse_table_csv(&text, false, 100.0);
        assert!(got.is_ok(), "{text:?}: {got:?}");
        assert_eq!(measures(&got.unwrap()), expected);
    }
}

#[test]
fn numbers_in_table_messages_are_short() {
    let e = parse_table_csv("subgroup,estimate,population\nA,20,-2.2250738585072014e-308\nB,30,1\n", false, 100.0);
    assert_eq!(
        e.unwrap_err().to_string(),
        "row 1, column \"population\": -2.23e-308 is negative; populations must be 0 or more"
    );
}

#[test]
fn subgroup_names_in_messages_are_escaped_and_shortened() {
    let name = format!("\u{1b}[2J{}", "n".repeat(100_000));
    let text = format!("subgroup,estimate,population\n{name},20,1\n{name},30,1\n");
    let message = parse_table_csv(&text, false, 100.0).unwrap_err().to_string();
    assert!(message.starts_with("row 2, column \"subgroup\": \"\\u{1b}[2Jnnn"), "{message}");
    assert!(message.contains("… (100004 characters)\" already appears in row 1"), "{message}");
    assert!(message.len() < 200);
}
