#!/usr/bin/env bash
# The experiment workflow for real: workflow/Snakefile on its tiny default design with `snakemake --cores 2`
# (design -> 3 chunk jobs -> merge -> tornado), then a dry run with the Slurm profile. Needs .venv/ from
# setup.sh and a built rollout (ROLLOUT, default target/debug/rollout, built if missing).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
snakemake="$ROOT/.venv/bin/snakemake"
[ -x "$snakemake" ] || die "no .venv/bin/snakemake; run scripts/setup.sh"
rollout="${ROLLOUT:-target/debug/rollout}"
[ -x "$rollout" ] || cargo build -q -p rollout-cli
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

"$snakemake" -s workflow/Snakefile --cores 2 --quiet rules --config rollout="$rollout" out="$scratch/local"
[ "$(ls "$scratch/local/chunks" | grep -c '^chunk-')" -eq 3 ] || die "expected 3 chunk files"
# 7 points x 5 responses x (4 replicates + mean), and the header.
[ "$(wc -l < "$scratch/local/results.csv")" -eq $((1 + 7 * 5 * 5)) ] || die "results.csv has the wrong number of rows"
grep -q '^Tornado of active_share_gap' "$scratch/local/analysis.txt" || die "no tornado in analysis.txt"
[ "$(grep -c '^levers\.' "$scratch/local/analysis.txt")" -eq 3 ] || die "the tornado should have 3 bars"
cat "$scratch/local/analysis.txt"
# A second run has nothing to do.
"$snakemake" -s workflow/Snakefile --cores 2 --config rollout="$rollout" out="$scratch/local" 2>&1 | grep -q 'Nothing to be done' \
  || die "a finished workflow should have nothing left to do"

"$snakemake" -s workflow/Snakefile --profile workflow/profiles/slurm --dry-run --quiet rules \
  --config rollout="$rollout" out="$scratch/slurm" chunks=100 | tee "$scratch/dry.txt"
grep -Eq 'chunk +100' "$scratch/dry.txt" || die "the Slurm dry run should plan 100 chunk jobs"
info "workflow: local run and Slurm dry run passed"
