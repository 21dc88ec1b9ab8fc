#!/usr/bin/env bash
# Installs missing tools, then runs every kind of test; exits non-zero if any fails.
#   1. native:   cargo test --workspace          (unit, integration and doc tests; e2e is feature-gated out)
#   2. wasm:     wasm-bindgen-test in headless Chromium, for rollout-lab and rollout-engine (no rayon)
#   3. e2e:      trunk build --release --offline, then tests/e2e in headless Chromium over WebDriver
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# wasm-bindgen-test: run wasm test binaries in headless Chromium through chromedriver. The runner itself adds
# --headless --no-sandbox --disable-dev-shm-usage; tests/webdriver.json adds the rest of the root-safe flags.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

declare -a summary=()
stage() {  # stage <title> <command...>: run with a banner and timing; stop at the first failure.
  local title="$1"; shift
  banner "$title"
  local start=$SECONDS
  if "$@"; then
    summary+=("PASS  $(printf '%4ss' $((SECONDS - start)))  $title")
  else
    summary+=("FAIL  $(printf '%4ss' $((SECONDS - start)))  $title")
    report; die "stage failed: $title"
  fi
}
report() { banner "Summary"; printf '%s\n' "${summary[@]}"; }

stage "1/5 native tests: cargo test --workspace (unit, integration, doc)" \
  cargo test --workspace
stage "2/5 wasm tests in headless Chromium: rollout-lab (tests/web.rs)" \
  cargo test --target wasm32-unknown-unknown -p rollout-lab
stage "3/5 wasm tests in headless Chromium: rollout-engine --no-default-features" \
  cargo test --target wasm32-unknown-unknown -p rollout-engine --no-default-features
stage "4/5 release build: trunk build --release --offline" \
  trunk build --release --offline
stage "5/5 end-to-end tests of dist/ in headless Chromium: cargo test --features e2e --test e2e" \
  cargo test -p rollout-lab --features e2e --test e2e
report
