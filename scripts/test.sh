#!/usr/bin/env bash
# Installs missing tools, then runs every kind of test; exits non-zero if any fails.
#   1. native:   cargo test --workspace          (unit, integration and doc tests; e2e is feature-gated out)
# All stages run even after a failure (so one report shows everything); the exit status is 1 if any failed.
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
failed=0
stage() {  # stage <title> <command...>: run with a banner and timing; record PASS/FAIL and carry on.
  local title="$1"; shift
  banner "$title"
  local start=$SECONDS status=0
  "$@" || status=$?
  local verdict=PASS
  [ "$status" -eq 0 ] || { verdict="FAIL"; failed=1; }
  summary+=("$verdict  $(printf '%4ss' $((SECONDS - start)))  $title")
  return "$status"
}

stage "1/5 native tests: cargo test --workspace (unit, integration, doc)" \
  cargo test --workspace --no-fail-fast || true
stage "2/5 wasm tests in headless Chromium: rollout-lab (tests/web.rs)" \
  cargo test --target wasm32-unknown-unknown -p rollout-lab --lib --bins --tests --no-fail-fast || true
stage "3/5 wasm tests in headless Chromium: rollout-engine --no-default-features" \
  cargo test --target wasm32-unknown-unknown -p rollout-engine --no-default-features --lib --bins --tests --no-fail-fast || true
if stage "4/5 release build: trunk build --release --offline" trunk build --release --offline; then
  stage "5/5 end-to-end tests of dist/ in headless Chromium: cargo test --features e2e --test e2e" \
    cargo test -p rollout-lab --features e2e --test e2e || true
else
  summary+=("FAIL     -  5/5 end-to-end tests: not run, the release build failed")
fi

banner "Summary"
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || die "some test stages failed (see FAIL above)"
info "all test stages passed"
