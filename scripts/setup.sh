#!/usr/bin/env bash
# Installs what `serve.sh` and `test.sh` need, skipping whatever is already there at the right version:
#   rustup target wasm32-unknown-unknown, trunk 0.21.14, wasm-bindgen-cli = Cargo.lock's wasm-bindgen,
#   Debian chromium + chromium-driver (+ pkg-config, libssl-dev, npm if missing),
#   wasm-opt from npm binaryen 132 under .tools/ (Debian's binaryen 108 can't parse modern Rust wasm),
#   axe-core (pinned, for the e2e accessibility test) under .tools/
#   Snakemake 9.27.1 + snakemake-executor-plugin-slurm 2.8.0 in the project-local venv .venv/ (from PyPI),
#   numpy 2.4.6 there too (the numpy peer of the Bass model, benches/bass_numpy.py).
# Idempotent: a second run only checks versions. Needs only package registries (crates.io, apt, npm, PyPI).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------------------
apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
command -v pkg-config >/dev/null || apt_packages+=(pkg-config)          # openssl-sys (fantoccini)
dpkg -s libssl-dev >/dev/null 2>&1 || apt_packages+=(libssl-dev)
command -v npm >/dev/null || apt_packages+=(npm)                         # for binaryen's wasm-opt
if [ ${#apt_packages[@]} -gt 0 ]; then
  info "apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -q
  sudo_if_needed apt-get install -y -q --no-install-recommends "${apt_packages[@]}" </dev/null
else
  info "ok: chromium, chromedriver, pkg-config, libssl-dev, npm"
fi

# --- Rust wasm target ------------------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  info "ok: rustup target wasm32-unknown-unknown"
else
  info "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- trunk -----------------------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  info "ok: trunk $TRUNK_VERSION"
else
  info "cargo install trunk $TRUNK_VERSION (found: ${have_trunk:-none}; takes ~8 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner), exactly Cargo.lock's version -----
want_wb="$(wasm_bindgen_version)"
[ -n "$want_wb" ] || die "no wasm-bindgen entry in Cargo.lock"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" = "$want_wb" ] && [ "$have_runner" = "$want_wb" ]; then
  info "ok: wasm-bindgen-cli $want_wb"
else
  info "cargo install wasm-bindgen-cli $want_wb (found: ${have_wb:-none})"
  # Not --locked: the CLI's own lock file pins dependencies that no longer build on current Rust.
  cargo install wasm-bindgen-cli --version "$want_wb" --force
fi

# --- wasm-opt from npm binaryen (under .tools/, found by trunk through PATH) -----------------------
have_opt="$(wasm-opt --version 2>/dev/null | sed -n 's/.*(version_\([0-9]*\)).*/\1/p' || true)"
if [ "$have_opt" = "${BINARYEN_VERSION%%.*}" ] && [ -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
  info "ok: wasm-opt version_$have_opt (.tools/, npm binaryen $BINARYEN_VERSION)"
else
  info "npm install binaryen@$BINARYEN_VERSION into .tools/"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" </dev/null
  "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version | grep -q "version_${BINARYEN_VERSION%%.*}" \
    || die "wasm-opt from npm binaryen $BINARYEN_VERSION does not report version_${BINARYEN_VERSION%%.*}"
fi

# --- axe-core (accessibility checks injected by tests/e2e/accessibility.rs), under .tools/ --------------
axe_json="$TOOLS_DIR/node_modules/axe-core/package.json"
have_axe="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$axe_json" 2>/dev/null || true)"
if [ "$have_axe" = "$AXE_CORE_VERSION" ] && [ -f "$TOOLS_DIR/node_modules/axe-core/axe.min.js" ]; then
  info "ok: axe-core $have_axe (.tools/)"
else
  info "npm install axe-core@$AXE_CORE_VERSION into .tools/"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "axe-core@$AXE_CORE_VERSION" </dev/null
  [ -f "$TOOLS_DIR/node_modules/axe-core/axe.min.js" ] || die "axe-core $AXE_CORE_VERSION has no axe.min.js"
fi

# --- Snakemake and its Slurm executor plugin (workflow/), in the project-local venv .venv/ ------------
SNAKEMAKE_VERSION="9.27.1"
SLURM_PLUGIN_VERSION="2.8.0"
VENV="$ROOT/.venv"
have_sm="$("$VENV/bin/snakemake" --version 2>/dev/null || true)"
have_plugin="$("$VENV/bin/pip" show snakemake-executor-plugin-slurm 2>/dev/null | sed -n 's/^Version: //p' || true)"
if [ "$have_sm" = "$SNAKEMAKE_VERSION" ] && [ "$have_plugin" = "$SLURM_PLUGIN_VERSION" ]; then
  info "ok: snakemake $SNAKEMAKE_VERSION, snakemake-executor-plugin-slurm $SLURM_PLUGIN_VERSION (.venv/)"
else
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "Snakemake $SNAKEMAKE_VERSION needs Python 3.11 or newer"
  if [ ! -x "$VENV/bin/pip" ] && ! python3 -m venv "$VENV"; then
    info "apt-get install python3-venv"
    sudo_if_needed apt-get install -y -q --no-install-recommends python3-venv </dev/null
    python3 -m venv "$VENV"
  fi
  info "pip install snakemake $SNAKEMAKE_VERSION and snakemake-executor-plugin-slurm $SLURM_PLUGIN_VERSION into .venv/"
  "$VENV/bin/pip" install -q --disable-pip-version-check \
    "snakemake==$SNAKEMAKE_VERSION" "snakemake-executor-plugin-slurm==$SLURM_PLUGIN_VERSION" </dev/null
fi

# --- numpy, for the speed report's numpy peer (benches/bass_numpy.py, benches/speed_report.py) ---------
NUMPY_VERSION="2.4.6"
have_numpy="$("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)' 2>/dev/null || true)"
if [ "$have_numpy" = "$NUMPY_VERSION" ]; then
  info "ok: numpy $NUMPY_VERSION (.venv/)"
else
  info "pip install numpy $NUMPY_VERSION into .venv/ (found: ${have_numpy:-none})"
  "$VENV/bin/pip" install -q --disable-pip-version-check "numpy==$NUMPY_VERSION" </dev/null
fi

info "all tools present"
