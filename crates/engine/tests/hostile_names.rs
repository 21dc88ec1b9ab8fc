//! Names are checked on their raw form by one rule, wherever a scenario comes from (file, `--set`, the
//! app's form, a share link), and a name in a message is escaped and shortened.

use rollout_engine::{link, presets, scenario::set_dotted, Scenario};

fn base() -> Scenario {
    presets::preset("heart-monitoring").unwrap().scenario
}

/// The scenario with group 0 renamed, without any check.
fn renamed(name: &str) -> Scenario {
    let mut s = base();
    let old = std::mem::replace(&mut s.groups.list[0].name, name.to_string());
    for t in [&mut s.levers.subsidy, &mut s.levers.support, &mut s.levers.connectivity] {
        for n in t.groups.iter_mut().filter(|n| **n == old) {
            *n = name.to_string();
        }
    }
    s
}

/// Every way in refuses `name` with one line naming `groups.list.0.name`; returns the file's message.
fn refused_everywhere(name: &str) -> String {
    let s = renamed(name);
    let form = s.validate().unwrap_err().to_string();
    let file = Scenario::from_json(&serde_json::to_string(&s).unwrap()).unwrap_err().to_string();
    let link = link::decode(&link::encode(&s)).unwrap_err().to_string();
    let set = set_dotted(&base(), "groups.list.0.name", name).map(|_| ()).unwrap_err().to_string();
    for message in [&form, &file, &link, &set] {
        assert!(message.contains("groups.list.0.name"), "{message}");
        assert!(!message.contains('\n') && !message.contains('\u{1b}'), "{message:?}");
        assert!(message.chars().count() < 300, "{message}");
    }
    file
}

#[test]
fn padded_names_are_measured_before_trimming() {
    let padded = format!("{}x", " ".repeat(100_000));
    let message = refused_everywhere(&padded);
    assert!(message.contains("100001 characters is too long; allowed 1 to 40"), "{message}");
    refused_everywhere(" Q1");
    refused_everywhere("Q1 ");
    refused_everywhere(&"y".repeat(41));
    assert!(renamed(&"y".repeat(40)).validate().is_ok(), "40 characters is still allowed");
}

#[test]
fn control_and_invisible_characters_are_refused() {
    for name in ["Q1\nQ2", "Q1\u{1b}[31m", "tab\tbed", "\u{202e}evil", "zero\u{200b}width", "bell\u{7}"] {
        let message = refused_everywhere(name);
        assert!(message.contains("invisible or control character"), "{message}");
    }
    assert!(renamed("Ünïcödé: 5–10 yrs (Māori)").validate().is_ok());
}

#[test]
fn all_is_reserved_in_any_case() {
    for name in ["all", "All", "ALL"] {
        assert!(refused_everywhere(name).contains("is reserved"));
    }
    assert!(renamed("all ages").validate().is_ok());
}

#[test]
fn scenario_names_follow_the_same_rule() {
    let mut s = base();
    for bad in [String::new(), " ".repeat(5), "a\u{1b}b".to_string(), "z".repeat(81), " padded".to_string()] {
        s.name = bad;
        let message = s.validate().unwrap_err().to_string();
        assert!(message.starts_with("name: "), "{message}");
    }
    s.name = "All".to_string();
    assert!(s.validate().is_ok(), "only group names are reserved");
}

#[test]
fn names_in_messages_are_escaped_and_shortened() {
    let mut s = base();
    let hostile = format!("\u{1b}[2J{}", "n".repeat(5_000));
    s.levers.support.groups = vec![hostile];
    let message = s.validate().unwrap_err().to_string();
    assert!(message.starts_with("levers.support.groups.0: \"\\u{1b}[2Jnnn"), "{message}");
    assert!(message.contains("… (5004 characters)"), "{message}");
    assert!(message.len() < 200, "{message}");
}

#[test]
fn targeting_lists_are_bounded_and_name_each_group_once() {
    let mut s = base();
    let first = s.groups.list[0].name.clone();
    s.levers.subsidy.groups = vec![first.clone(), first.clone()];
    assert!(s.validate().unwrap_err().to_string().contains("is listed twice"));
    s.levers.subsidy.groups = vec![first; 1_000_000];
    let message = s.validate().unwrap_err().to_string();
    assert!(message.starts_with("levers.subsidy.groups: names 1000000 groups; a scenario with 5 groups"), "{message}");
}
