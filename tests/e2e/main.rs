//! End-to-end tests of the release build (`dist/`) in real headless Chromium, over WebDriver.
//!
//! Built only with the `e2e` feature (`required-features` in Cargo.toml), so `cargo test --workspace` skips
//! it; `scripts/test.sh` builds `dist/` with `trunk build --release --offline`, then runs
//! `cargo test -p rollout-lab --features e2e --test e2e`. It needs `dist/`, `/usr/bin/chromedriver` and
//! `/usr/bin/chromium` (override with `E2E_DIST`, `CHROMEDRIVER`, `CHROME_BIN`) and fails with a clear
//! message when one is missing. To add a page test: a new file here, a `mod` line below, and
//! `let s = Session::open("/").await; ...; s.finish().await;`.
#![cfg(not(target_arch = "wasm32"))]

mod server;
mod session;
mod webdriver;

mod accessibility;
mod compare;
mod first_page;
mod first_screen;
mod harness;
mod share;
mod studies;
mod wasm_speed;
mod workshop;
mod worth_it;
