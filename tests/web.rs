//! In-browser tests of the app (wasm-bindgen-test in headless Chromium): mount it and use its form the
//! way a person would, through DOM events. Workers are not served here; the end-to-end tests cover runs.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::until;

/// Mounts the app and waits for its form.
async fn mounted() -> (web_sys::Document, Element) {
    let (document, host) = mount();
    assert!(until(|| host.query_selector("#preset").unwrap().is_some()).await, "the app did not render");
    assert!(until(|| host.query_selector(".groups-table tbody tr").unwrap().is_some()).await, "no groups table");
    (document, host)
}

fn mount() -> (web_sys::Document, Element) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 1200px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<rollout_lab::app::App>::with_root(host.clone()).render();
    (document, host)
}

/// The input with DOM id `id` in this test's own app (`host`): the page may hold another test's app too.
fn input(host: &Element, id: &str) -> HtmlInputElement {
    host.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}")).dyn_into().unwrap()
}

fn type_into(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    field.dispatch_event(&Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_page_offers_every_preset_and_every_nasss_domain() {
    let (_, host) = mounted().await;
    let picker: HtmlSelectElement = host.query_selector("#preset").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(picker.length(), rollout_engine::presets::NAMES.len() as u32);
    assert_eq!(picker.value(), rollout_engine::presets::DEFAULT);
    let headings = host.query_selector_all(".domain summary h2").unwrap().length();
    assert_eq!(headings, rollout_lab::levers::Domain::ALL.len() as u32);
    let narrative = host.query_selector("#narrative").unwrap().unwrap().text_content().unwrap();
    assert!(narrative.contains("heart failure"), "{narrative}");
    host.remove();
}

#[wasm_bindgen_test]
async fn an_invalid_group_value_shows_a_message_at_the_field_and_a_fix_clears_it() {
    let (_, host) = mounted().await;
    let access = input(&host, "group-groups-list-0-access");
    type_into(&access, "1.5");
    let invalid = || input(&host, "group-groups-list-0-access").get_attribute("aria-invalid");
    assert!(until(|| invalid().as_deref() == Some("true")).await, "the field was not marked invalid");
    let access = input(&host, "group-groups-list-0-access");
    assert_eq!(access.value(), "1.5", "what the user typed stays in the field");
    assert_eq!(access.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message =
        access.parent_element().unwrap().query_selector(".field-error").unwrap().expect("a message at the field");
    assert_eq!(message.text_content().unwrap(), "groups.list.0.access: 1.5 is out of range; allowed 0 to 1");
    type_into(&access, "0.6");
    until(|| host.query_selector(".field-error").unwrap().is_none()).await;
    assert!(host.query_selector(".field-error").unwrap().is_none());
    assert_eq!(input(&host, "group-groups-list-0-access").value(), "0.6");
    host.remove();
}

#[wasm_bindgen_test]
async fn adding_a_group_adds_a_row_and_a_target_box() {
    let (_, host) = mounted().await;
    let rows = || host.query_selector_all(".groups-table tbody tr").unwrap().length();
    assert_eq!(rows(), 5);
    host.query_selector("#add-group").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    until(|| rows() == 6).await;
    assert_eq!(rows(), 6);
    assert_eq!(input(&host, "group-groups-list-5-name").value(), "Group 6");
    let boxes = host.query_selector_all("#lever-levers-support .target").unwrap().length();
    assert_eq!(boxes, 6, "the new group can be targeted");
    host.remove();
}

#[wasm_bindgen_test]
async fn large_text_mode_switches_on_and_off() {
    let (_, host) = mounted().await;
    let button: web_sys::HtmlElement = host.query_selector("#large-text").unwrap().unwrap().dyn_into().unwrap();
    let large = || host.query_selector(".app.large").unwrap().is_some();
    let pressed = || button.get_attribute("aria-pressed").as_deref() == Some("true");
    button.click();
    // The page and its top bar are separate components: wait for both to show the switch.
    until(|| large() && pressed()).await;
    assert!(large());
    assert!(pressed(), "the button does not say it is pressed");
    button.click();
    until(|| !large()).await;
    assert!(!large());
    host.remove();
}
