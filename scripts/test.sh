#!/usr/bin/env bash
# Installs missing tools, then runs every kind of test; exits non-zero if any fails.
#   1. lint:     cargo fmt --check, cargo clippy (native and the app's wasm target) and cargo doc, warnings denied
#   2. native:   cargo test --workspace          (unit, integration and doc tests; e2e is feature-gated out)
#   3. workflow: workflow/Snakefile run for real with snakemake --cores 2, and a Slurm-profile dry run
#   4. wasm:     wasm-bindgen-test in headless Chromium, for rollout-lab and rollout-engine (no rayon)
#   5. e2e:      trunk build --release --offline, then tests/e2e in headless Chromium over WebDriver
# All stages run even after a failure (so one report shows everything); the exit status is 1 if any failed.
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

# cargo test for wasm32 in the browser; also fails when no #[wasm_bindgen_test] ran at all, since plain #[test]s
# are silently skipped on wasm ("no tests to run!") and a stage that tests nothing must not pass.
wasm_tests() {
  local log; log="$(mktemp)"
  local status=0
  cargo test --target wasm32-unknown-unknown --lib --bins --tests --no-fail-fast "$@" 2>&1 | tee "$log" || status=$?
  local ran
  ran="$(sed -n 's/^test result: .* \([0-9][0-9]*\) passed; \([0-9][0-9]*\) failed.*/\1 \2/p' "$log" | awk '{n += $1 + $2} END {print n + 0}')"
  rm -f "$log"
  if [ "$status" -eq 0 ] && [ "$ran" -eq 0 ]; then
    printf '[test] ERROR: no #[wasm_bindgen_test] ran for: %s (plain #[test]s do not run on wasm; add tests with wasm_bindgen_test_configure!(run_in_browser))\n' "$*" >&2
    return 1
  fi
  return "$status"
}

# Formatting, lints and docs, warnings denied; every check runs, the stage fails if any did.
lint() {
  local status=0
  cargo fmt --all --check || status=1
  cargo clippy --workspace --all-targets -- -D warnings || status=1
  cargo clippy --target wasm32-unknown-unknown -p rollout-lab --all-targets -- -D warnings || status=1
  RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps || status=1
  return "$status"
}

stage "1/7 lint: cargo fmt --check, cargo clippy -D warnings (native, app on wasm), cargo doc -D warnings" \
  lint || true
stage "2/7 native tests: cargo test --workspace (unit, integration, doc)" \
  cargo test --workspace --no-fail-fast || true
stage "3/7 experiment workflow: snakemake --cores 2 on a tiny design, and a Slurm dry run" \
  bash scripts/workflow_test.sh || true
stage "4/7 wasm tests in headless Chromium: rollout-lab (tests/web.rs)" \
  wasm_tests -p rollout-lab || true
stage "5/7 wasm tests in headless Chromium: rollout-engine --no-default-features" \
  wasm_tests -p rollout-engine --no-default-features || true
if stage "6/7 release build: trunk build --release --offline" trunk build --release --offline; then
  stage "7/7 end-to-end tests of dist/ in headless Chromium: cargo test --features e2e --test e2e" \
    cargo test -p rollout-lab --features e2e --test e2e || true
else
  summary+=("FAIL     -  7/7 end-to-end tests: not run, the release build failed")
fi

banner "Summary"
printf '%s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || die "some test stages failed (see FAIL above)"
info "all test stages passed"
