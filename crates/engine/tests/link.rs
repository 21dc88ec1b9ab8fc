//! Share links: every preset and arbitrary valid scenarios survive the round trip exactly; every kind of
//! malformed link is refused with its own error and a message saying what was wrong; nothing a link holds
//! can make decoding panic, take long or allocate much.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively; tests/in_browser.rs covers wasm

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;
use rollout_engine::link::{self, LinkError, MAX_JSON_BYTES, MAX_LINK_CHARS};
use rollout_engine::nasss::{Complexity, Nasss};
use rollout_engine::scenario::{Group, ScenarioError, Targeting};
use rollout_engine::{presets, run, Scenario};

// ---------------------------------------------------------------------------------------------------------
// Allocation accounting: a global allocator that counts this thread's live bytes and their peak, so a test
// can check how much decoding a zip bomb allocated.

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(change: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + change;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        note(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            // A moving realloc briefly holds both blocks: count the new one in full at the peak.
            note(new_size as isize);
            note(-(layout.size() as isize));
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Run `f` and return its result with the most bytes it had allocated at once (on this thread).
fn peak_bytes<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(start));
    let result = f();
    let peak = PEAK.with(Cell::get);
    (result, (peak - start).max(0) as usize)
}

// ---------------------------------------------------------------------------------------------------------
// An independent writer of the documented format: "s1." + base64url (no padding) of raw DEFLATE of JSON.

fn link_of_bytes(bytes: &[u8]) -> String {
    format!("s1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 6)))
}

fn link_of_value(value: &serde_json::Value) -> String {
    link_of_bytes(serde_json::to_string(value).unwrap().as_bytes())
}

fn preset(name: &str) -> Scenario {
    presets::preset(name).unwrap().scenario
}

fn same_bits(a: &Scenario, b: &Scenario) {
    assert_eq!(a, b);
    // Equal as JSON too: the shortest-decimal form tells apart every f64, -0.0 from 0.0 included.
    assert_eq!(serde_json::to_string(a).unwrap(), serde_json::to_string(b).unwrap());
}

// ---------------------------------------------------------------------------------------------------------
// Round trips.

#[test]
fn every_preset_round_trips_exactly() {
    for p in presets::all() {
        let text = link::encode(&p.scenario);
        same_bits(&link::decode(&text).unwrap(), &p.scenario);
        same_bits(&link::decode(&link::fragment_for(&p.scenario)).unwrap(), &p.scenario);
        assert_eq!(link::encode(&p.scenario), text, "{}: encoding is deterministic", p.name);
        assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)), "{}: URL-safe", p.name);
    }
}

#[test]
fn the_format_is_as_documented() {
    // A link written by the independent writer opens, and encode writes JSON the same way.
    let s = preset("heart-monitoring");
    let value = serde_json::to_value(&s).unwrap();
    same_bits(&link::decode(&link_of_value(&value)).unwrap(), &s);
    let text = link::encode(&s);
    let data = text.strip_prefix("s1.").unwrap();
    let compressed = URL_SAFE_NO_PAD.decode(data).unwrap();
    let json = miniz_oxide::inflate::decompress_to_vec(&compressed).unwrap();
    assert_eq!(json, serde_json::to_vec(&s).unwrap());
}

#[test]
fn links_are_short() {
    let mut changed = preset("heart-monitoring");
    changed.seed = 987_654_321;
    changed.replicates = 50;
    changed.levers.subsidy = Targeting::aimed(0.75, &["Q1 most deprived", "Q2"]);
    changed.levers.support.level = 0.6;
    changed.levers.funding.budget_per_1000_per_year = 4_250.0;
    changed.levers.review_capacity = 0.35;
    let changed_len = link::fragment_for(&changed).len();
    eprintln!("heart-monitoring with levers changed: {changed_len} characters with the #");
    assert!(changed_len < 2_000, "{changed_len}");
    for p in presets::all() {
        let json = serde_json::to_string(&p.scenario).unwrap().len();
        let len = link::fragment_for(&p.scenario).len();
        eprintln!("{:28} JSON {json:5} bytes, link {len:5} characters with the #", p.name);
        assert!(len < 2_000, "{}: {len}", p.name);
    }
}

#[test]
fn numbers_come_back_bit_for_bit() {
    // Values that serde_json's fast float parser reads back 1 ulp off; exact parsing is switched on.
    let mut s = preset("heart-monitoring");
    s.technology.device_cost = 1.129_077_416_068_807_7;
    s.technology.review_cost = 3.841_549_268_525_245_3;
    s.technology.support_cost = 1.995_395_364_978_446_2;
    let back = link::decode(&link::encode(&s)).unwrap();
    assert_eq!(back.technology.review_cost.to_bits(), s.technology.review_cost.to_bits());
    assert_eq!(back.technology.support_cost.to_bits(), s.technology.support_cost.to_bits());
    assert_eq!(back.technology.device_cost.to_bits(), s.technology.device_cost.to_bits());
}

#[test]
fn the_reopened_scenario_gives_the_same_numbers() {
    let mut s = preset("pilot-ends");
    s.agents = 600;
    s.months = 30;
    s.replicates = 2;
    s.levers.subsidy.level = 0.123_456_789_012_345_6;
    let back = link::decode(&link::fragment_for(&s)).unwrap();
    assert_eq!(run::run(&back).unwrap(), run::run(&s).unwrap());
}

// ---------------------------------------------------------------------------------------------------------
// Arbitrary valid scenarios: a strategy that perturbs a preset.

fn within(lo: f64, hi: f64) -> BoxedStrategy<f64> {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 8 => lo..=hi].boxed()
}

fn unit() -> BoxedStrategy<f64> {
    within(0.0, 1.0)
}

fn complexity() -> impl Strategy<Value = Complexity> {
    prop_oneof![Just(Complexity::Simple), Just(Complexity::Complicated), Just(Complexity::Complex)]
}

fn nasss() -> impl Strategy<Value = Nasss> {
    prop::array::uniform7(complexity()).prop_map(|[c, t, v, a, o, w, e]| Nasss {
        condition: c,
        technology: t,
        value_proposition: v,
        adopters: a,
        organisation: o,
        wider_system: w,
        embedding: e,
    })
}

/// A group's values (its name is set apart, to keep names unique).
fn group() -> impl Strategy<Value = Group> {
    let share = prop_oneof![Just(f64::MIN_POSITIVE), Just(1e6), 1e-9..=1e6f64];
    (share, within(0.0, 10.0), prop::array::uniform6(unit()), within(0.0, 5.0)).prop_map(
        |(share, need, [a, s, t, p, w, r], mortality)| Group {
            name: String::new(),
            mortality,
            share,
            need,
            access: a,
            skills: s,
            trust: t,
            ability_to_pay: p,
            within_group_contact: w,
            organisation_readiness: r,
        },
    )
}

fn targeting(names: Vec<String>) -> impl Strategy<Value = Targeting> {
    let n = names.len();
    (unit(), prop::sample::subsequence(names, 0..=n)).prop_map(|(level, groups)| Targeting {
        level,
        groups,
        ..Targeting::off()
    })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    // Unique group names from a small alphabet (with a non-ASCII letter), never blank nor padded.
    let names = prop::collection::btree_set("[abQ1é]([abQ1é ]{0,2}[abQ1é])?", 1..=8)
        .prop_map(|s| s.into_iter().collect::<Vec<_>>());
    (prop::sample::select(presets::all()), names)
        .prop_flat_map(|(preset, names)| {
            let n = names.len();
            (
                (Just(preset.scenario), Just(names.clone()), prop::collection::vec(group(), n), any::<bool>()),
                (
                    any::<u64>(),
                    1..=50_000u32,
                    1..=600u32,
                    1..=1_000u32,
                    "[A-Za-z]([A-Za-z0-9 ,.'é-]{0,39}[A-Za-z0-9])?",
                    "\\PC{0,60}",
                ),
                (within(0.0, 5.0), within(0.0, 10.0), within(0.0, 5.0), unit()),
                (1..=10_000u32, unit(), within(0.0, 5.0), within(0.0, 10.0), unit(), unit(), unit()),
                (within(0.0, 5.0), within(0.0, 5.0)),
                (within(0.0, 1e4), unit(), within(0.0, 10.0), within(0.0, 10.0), within(0.0, 10.0), within(0.0, 10.0)),
                (unit(), within(0.0, 1e4), within(0.0, 1e4), within(0.0, 1e4)),
                (within(0.0, 1e6), within(0.0, 50.0), any::<bool>()),
                (targeting(names.clone()), targeting(names.clone()), targeting(names)),
                (within(0.0, 5.0), unit(), unit()),
                (0..=600u32, 0..=600u32, within(1.0, 10.0), within(1.0, 5.0)),
                nasss(),
            )
        })
        .prop_map(|(base, top, diffusion, orgs, disc, tech, tech2, funding, targets, levers, shock, nasss)| {
            let (mut s, names, groups, ordered) = base;
            (s.seed, s.agents, s.months, s.replicates, s.name, s.narrative) = top;
            let d = &mut s.diffusion;
            (d.innovation, d.imitation, d.campaign, d.readoption) = diffusion;
            s.groups.ordered = ordered;
            s.groups.list = names.into_iter().zip(groups).map(|(name, g)| Group { name, ..g }).collect();
            let o = &mut s.organisations;
            (o.count, o.initial_offering, o.innovation, o.imitation) = (orgs.0, orgs.1, orgs.2, orgs.3);
            (o.unfunded_adoption, o.local_share, o.review_hours) = (orgs.4, orgs.5, orgs.6 * 300.0);
            o.list_size = 1.0 + orgs.6 * 5_000.0;
            (o.discontinuation_funded, o.discontinuation_unfunded) = disc;
            let t = &mut s.technology;
            (t.device_cost, t.personal_share, t.abandonment) = (tech.0, tech.1, tech.2);
            (t.unreviewed_abandonment, t.unsupported_abandonment, t.cost_abandonment) = (tech.3, tech.4, tech.5);
            (t.effect, t.review_cost, t.support_cost, t.connectivity_cost) = tech2;
            let l = &mut s.levers;
            (l.funding.budget_per_1000_per_year, l.funding.years, l.funding.recurrent) = funding;
            (l.subsidy, l.support, l.connectivity) = targets;
            (l.review_capacity, l.streamlined_procurement, l.ecosystem_collaboration) = levers;
            (l.shock.start_month, l.shock.months, l.shock.referral, l.shock.acceptance) = shock;
            s.nasss = nasss;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_valid_scenarios_round_trip_exactly(s in scenario()) {
        prop_assert_eq!(s.validate(), Ok(()));
        let text = link::encode(&s);
        let back = link::decode(&text);
        prop_assert!(back.is_ok(), "{:?}", back);
        same_bits(&back.unwrap(), &s);
        prop_assert_eq!(link::decode(&format!("#{text}")).unwrap(), s);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Whatever the input, the decoder returns an error and does not panic.

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_is_refused(text in any::<String>()) {
        prop_assert!(link::decode(&text).is_err());
    }

    #[test]
    fn arbitrary_text_after_the_label_is_refused(text in "#?s1\\.[A-Za-z0-9_=.%-]{0,300}") {
        prop_assert!(link::decode(&text).is_err());
    }

    #[test]
    fn arbitrary_bytes_after_the_label_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..3_000)) {
        let text = format!("s1.{}", URL_SAFE_NO_PAD.encode(&bytes));
        prop_assert!(link::decode(&text).is_err());
    }

    #[test]
    fn arbitrary_bytes_deflated_after_the_label_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..3_000)) {
        let result = link::decode(&link_of_bytes(&bytes));
        prop_assert!(matches!(result, Err(LinkError::Json(_))), "{:?}", result);
    }

    #[test]
    fn a_changed_character_never_panics(at in any::<prop::sample::Index>(), to in "[A-Za-z0-9_-]") {
        let text = link::encode(&preset("targeted-support"));
        let at = 3 + at.index(text.len() - 3);
        let changed = format!("{}{}{}", &text[..at], to, &text[at + 1..]);
        // Usually an error; when the change only touches unused bits or a byte of no consequence, the same
        // scenario may come back. It must never panic.
        let _ = link::decode(&changed);
    }
}

#[test]
fn every_truncation_of_a_link_is_refused_as_incomplete() {
    for p in presets::all() {
        let text = link::fragment_for(&p.scenario);
        for len in 0..text.len() {
            match link::decode(&text[..len]) {
                Err(LinkError::Empty | LinkError::UnknownFormat { .. } | LinkError::Truncated) => {}
                other => panic!("{} cut to {len}: {other:?}", p.name),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Each kind of malformed link: its own variant, and a message saying what was wrong.

fn message(text: &str) -> (LinkError, String) {
    let e = link::decode(text).unwrap_err();
    let m = e.to_string();
    (e, m)
}

#[test]
fn each_malformed_kind_has_its_own_error_and_message() {
    let good = link::encode(&preset("heart-monitoring"));
    let mut messages = Vec::new();

    for empty in ["", "#", "  #  \n", "https://example.org/rollout/#"] {
        let (e, m) = message(empty);
        assert_eq!(e, LinkError::Empty);
        assert!(m.contains("nothing after the \"#\""), "{m}");
    }
    messages.push(message("#").1);

    let (e, m) = message(&"A".repeat(MAX_LINK_CHARS + 1));
    assert_eq!(e, LinkError::TooLong { length: MAX_LINK_CHARS + 1, max: MAX_LINK_CHARS });
    assert!(m.contains("too long"), "{m}");
    messages.push(m);

    for unknown in ["hello", "#x1.AAAA", "s.AAAA", "s0.AAAA", "S1.AAAA", "s1x.AAAA", "s1234567890.AAAA"] {
        let (e, m) = message(unknown);
        assert!(matches!(e, LinkError::UnknownFormat { .. }), "{unknown}: {e:?}");
        assert!(m.contains("not a Rollout Lab link") && m.contains("\"s1.\""), "{m}");
    }
    let (_, m) = message("#hello");
    assert!(m.contains("\"hello\""), "{m}");
    messages.push(m);

    let (e, m) = message(&format!("#s2.{}", &good[3..]));
    assert_eq!(e, LinkError::NewerFormat { found: 2, supported: 1 });
    assert!(m.contains("made by a newer version of Rollout Lab"), "{m}");
    messages.push(m);

    let (e, m) = message("#s1.abc%20def");
    assert_eq!(e, LinkError::BadCharacter { character: '%', position: 7 });
    assert!(m.contains("changed or damaged") && m.contains("'%'") && m.contains("character 7"), "{m}");
    messages.push(m);
    assert!(matches!(message(&format!("{good}.")).0, LinkError::BadCharacter { character: '.', .. }));
    let accented = format!("{}é{}", &good[..50], &good[50..]);
    assert_eq!(message(&accented).0, LinkError::BadCharacter { character: 'é', position: 51 });

    for cut in ["s1.", "s1.A", &good[..good.len() - 1], &good[..200]] {
        assert_eq!(message(cut).0, LinkError::Truncated, "{cut}");
    }
    let (_, m) = message(&good[..200]);
    assert!(m.contains("incomplete"), "{m}");
    messages.push(m);

    // 0xff starts a block of the reserved type 3; a valid stream followed by more data is damaged too.
    let (e, m) = message(&format!("s1.{}", URL_SAFE_NO_PAD.encode([0xff; 12])));
    assert_eq!(e, LinkError::Corrupt);
    assert!(m.contains("damaged") && m.contains("cannot be unpacked"), "{m}");
    messages.push(m);
    let mut extra = miniz_oxide::deflate::compress_to_vec(&serde_json::to_vec(&preset("bass")).unwrap(), 6);
    extra.extend_from_slice(b"more");
    assert_eq!(message(&format!("s1.{}", URL_SAFE_NO_PAD.encode(extra))).0, LinkError::Corrupt);

    let (e, m) = message(&link_of_bytes(&vec![b' '; MAX_JSON_BYTES + 1]));
    assert_eq!(e, LinkError::TooLarge { max: MAX_JSON_BYTES });
    assert!(m.contains("more than 256 KB"), "{m}");
    messages.push(m);

    let (e, m) = message(&link_of_bytes(b"these are not the numbers you are looking for"));
    assert!(matches!(e, LinkError::Json(_)), "{e:?}");
    assert!(m.contains("not a Rollout Lab scenario"), "{m}");
    messages.push(m);
    let mut value = serde_json::to_value(preset("bass")).unwrap();
    value["levers"]["magic"] = 1.into();
    let (e, m) = message(&link_of_value(&value));
    assert!(matches!(e, LinkError::Json(_)) && m.contains("unknown field `magic`"), "{m}");
    let mut value = serde_json::to_value(preset("bass")).unwrap();
    value.as_object_mut().unwrap().remove("seed");
    let (_, m) = message(&link_of_value(&value));
    assert!(m.contains("missing field `seed`"), "{m}");

    let mut value = serde_json::to_value(preset("bass")).unwrap();
    value["version"] = 3.into();
    let (e, m) = message(&link_of_value(&value));
    assert_eq!(e, LinkError::NewerScenario { found: 3, supported: 2 });
    assert!(m.contains("made by a newer version of Rollout Lab") && m.contains("scenario version 3"), "{m}");
    messages.push(m);

    let mut value = serde_json::to_value(preset("bass")).unwrap();
    value["version"] = 0.into();
    let (e, m) = message(&link_of_value(&value));
    assert!(matches!(e, LinkError::Migration { from: 0, .. }), "{e:?}");
    assert!(m.contains("older version") && m.contains("levers.funding.budget_per_1000_per_year"), "{m}");
    messages.push(m);

    let mut s = preset("heart-monitoring");
    s.groups.list[2].access = 1.5;
    let (e, m) = message(&link_of_value(&serde_json::to_value(&s).unwrap()));
    assert!(matches!(e, LinkError::Invalid(ScenarioError::OutOfRange { .. })), "{e:?}");
    assert!(m.ends_with("groups.list.2.access: 1.5 is out of range; allowed 0 to 1."), "{m}");
    assert!(std::error::Error::source(&e).is_some());
    messages.push(m);

    // Twelve kinds, twelve different messages, each a sentence that ends properly.
    assert_eq!(messages.len(), 12);
    for (i, m) in messages.iter().enumerate() {
        assert!(m.ends_with('.'), "{m}");
        assert!(!messages[..i].contains(m), "{m}");
    }
}

// ---------------------------------------------------------------------------------------------------------
// Bounded work.

#[test]
fn an_oversized_input_is_refused_quickly_and_without_allocating() {
    let huge = format!("#s1.{}", "A".repeat(50_000_000));
    let started = Instant::now();
    let (result, peak) = peak_bytes(|| link::decode(&huge));
    assert_eq!(result.unwrap_err(), LinkError::TooLong { length: huge.len(), max: MAX_LINK_CHARS });
    assert!(started.elapsed() < Duration::from_millis(50), "{:?}", started.elapsed());
    assert_eq!(peak, 0);
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    // 10 MB of spaces deflates to about 10 KB: under the length limit, so only the output bound stops it.
    let bomb = link_of_bytes(&vec![b' '; 10 * 1024 * 1024]);
    assert!(bomb.len() <= MAX_LINK_CHARS, "{}", bomb.len());
    let started = Instant::now();
    let (result, peak) = peak_bytes(|| link::decode(&bomb));
    let elapsed = started.elapsed();
    assert_eq!(result.unwrap_err(), LinkError::TooLarge { max: MAX_JSON_BYTES });
    eprintln!("zip bomb: link {} characters, peak allocation {peak} bytes, {elapsed:?}", bomb.len());
    assert!(peak < 4 * MAX_JSON_BYTES, "{peak}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

// ---------------------------------------------------------------------------------------------------------
// Migration from the pre-release draft format (scenario version 0).

/// The scenario with the open cohort switched off, as a version 1 scenario migrates.
fn closed(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    for g in &mut s.groups.list {
        g.mortality = 0.0;
    }
    s.technology.mortality_effect = 0.0;
    s.cohort.discharge_share = 0.0;
    s.levers.shock.procurement = 0.0;
    // Review capacity as version 1 held it (a share of the list), read back as clinician time.
    let share = version_1_review_share(&s);
    s.organisations.review_hours = share * 100.0 * 30.0 / 60.0;
    s.organisations.list_size = 100.0;
    s.technology.review_minutes = 30.0;
    s
}

/// Version 1's `organisations.review_capacity`: the share of the list that can be reviewed, at most 1.
fn version_1_review_share(s: &Scenario) -> f64 {
    s.review_capacity_share().min(1.0)
}

/// A scenario written as version 1: no open cohort.
fn as_version_1(s: &Scenario) -> serde_json::Value {
    let mut value = serde_json::to_value(s).unwrap();
    value["version"] = 1.into();
    for g in value["groups"]["list"].as_array_mut().unwrap() {
        g.as_object_mut().unwrap().remove("mortality");
    }
    value["technology"].as_object_mut().unwrap().remove("mortality_effect");
    value["technology"].as_object_mut().unwrap().remove("review_minutes");
    value["levers"]["shock"].as_object_mut().unwrap().remove("procurement");
    let organisations = value["organisations"].as_object_mut().unwrap();
    organisations.remove("review_hours");
    organisations.remove("list_size");
    organisations.insert("review_capacity".into(), version_1_review_share(s).into());
    value.as_object_mut().unwrap().remove("cohort");
    value
}

/// A scenario written as version 0: the budget for the whole population, under its old name.
fn as_version_0(s: &Scenario) -> serde_json::Value {
    let mut value = as_version_1(s);
    value["version"] = 0.into();
    let funding = value["levers"]["funding"].as_object_mut().unwrap();
    let per_1000 = funding.remove("budget_per_1000_per_year").unwrap().as_f64().unwrap();
    funding.insert("budget_per_year".into(), (per_1000 * s.agents as f64 / 1000.0).into());
    value
}

#[test]
fn a_version_0_link_opens_after_migration() {
    for p in presets::all() {
        let text = link_of_value(&as_version_0(&p.scenario));
        // Budgets and agent counts of the presets are round numbers, so the conversion is exact.
        same_bits(&link::decode(&text).unwrap(), &closed(&p.scenario));
    }
    let mut s = preset("pilot-ends");
    s.agents = 1_234;
    s.levers.funding.budget_per_1000_per_year = 3_333.3;
    let back = link::decode(&link_of_value(&as_version_0(&s))).unwrap();
    assert!((back.levers.funding.budget_per_1000_per_year - 3_333.3).abs() < 1e-9);
    assert_eq!(back.version, 2);
    // After migration the scenario is validated like any other.
    let mut s = preset("pilot-ends");
    s.levers.funding.budget_per_1000_per_year = 2e6;
    let e = link::decode(&link_of_value(&as_version_0(&s))).unwrap_err();
    assert!(e.to_string().contains("levers.funding.budget_per_1000_per_year"), "{e}");
}

#[test]
fn a_version_1_link_opens_with_a_closed_cohort_and_a_note_that_the_model_changed() {
    for p in presets::all() {
        let text = link_of_value(&as_version_1(&p.scenario));
        let (back, note) = link::decode_with_note(&text).unwrap();
        same_bits(&back, &closed(&p.scenario));
        let note = note.expect("an old link gets a note");
        assert!(note.contains("model has changed"), "{note}");
    }
    let (_, note) = link::decode_with_note(&link::encode(&preset("pilot-ends"))).unwrap();
    assert_eq!(note, None);
    // A version 1 scenario cannot already hold a version 2 field.
    let mut value = as_version_1(&preset("bass"));
    value["cohort"] = serde_json::json!({ "discharge_share": 0.5 });
    let (e, m) = message(&link_of_value(&value));
    assert!(matches!(e, LinkError::Migration { from: 1, .. }), "{e:?}");
    assert!(m.contains("cohort"), "{m}");
}

#[test]
fn migration_refuses_a_version_0_scenario_it_cannot_convert() {
    let mut value = as_version_0(&preset("bass"));
    value["agents"] = 0.into();
    let (e, m) = message(&link_of_value(&value));
    assert!(matches!(e, LinkError::Migration { from: 0, .. }), "{e:?}");
    assert!(m.contains("agents"), "{m}");
    let mut value = as_version_0(&preset("bass"));
    value["levers"]["funding"]["budget_per_year"] = "lots".into();
    let (_, m) = message(&link_of_value(&value));
    assert!(m.contains("levers.funding.budget_per_year: must be a number"), "{m}");
}

// ---------------------------------------------------------------------------------------------------------
// The limits leave room for the largest scenarios.

#[test]
fn the_largest_scenarios_fit_the_limits() {
    // 64 groups with 40-character names that compress badly, full-precision numbers everywhere, every
    // targeting list naming every group, and a 2,000-character narrative.
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut s = preset("heart-monitoring");
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éü".chars().collect();
    let text = |n: usize, next: &mut dyn FnMut() -> u64| -> String {
        (0..n).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect()
    };
    let unit = |next: &mut dyn FnMut() -> u64| (next() >> 11) as f64 / (1u64 << 53) as f64;
    s.groups.list = (0..64)
        .map(|_| Group {
            name: text(40, &mut next),
            share: unit(&mut next) + 0.01,
            need: unit(&mut next) * 10.0,
            access: unit(&mut next),
            skills: unit(&mut next),
            trust: unit(&mut next),
            ability_to_pay: unit(&mut next),
            within_group_contact: unit(&mut next),
            organisation_readiness: unit(&mut next),
            mortality: unit(&mut next),
        })
        .collect();
    let names: Vec<String> = s.groups.list.iter().map(|g| g.name.clone()).collect();
    for t in [&mut s.levers.subsidy, &mut s.levers.support, &mut s.levers.connectivity] {
        *t = Targeting { level: unit(&mut next), groups: names.clone(), ..Targeting::off() };
    }
    s.name = text(80, &mut next);
    s.narrative = text(2_000, &mut next);
    s.validate().unwrap();
    let json = serde_json::to_string(&s).unwrap().len();
    let text = link::fragment_for(&s);
    eprintln!("largest scenario: JSON {json} bytes, link {} characters", text.len());
    assert!(json * 4 < MAX_JSON_BYTES, "{json}");
    assert!(text.len() < MAX_LINK_CHARS, "{}", text.len());
    same_bits(&link::decode(&text).unwrap(), &s);
}
