#!/usr/bin/env bash
# A plain Slurm job array for clusters without Snakemake: one array task per chunk.
#
#   rollout design sobol --factor ... --points 1024 --out design.json     # once, on the login node
#   sbatch --array=0-99 workflow/slurm/sweep-array.sh design.json sweep "--preset heart-monitoring"
#   # when every task has finished (or: sbatch --dependency=afterok:JOBID workflow/slurm/merge.sh ...):
#   rollout merge sweep --out results.csv
#
# The number of chunks is the array's size. A task that was pre-empted or failed can simply be submitted
# again (the same --array range, or just its index): chunks already written are skipped, and `rollout merge`
# names any point still missing.
#SBATCH --job-name=rollout-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --output=rollout-sweep-%A_%a.log
set -euo pipefail
design="${1:?usage: sbatch --array=0-N sweep-array.sh DESIGN.json OUT_DIR [\"SCENARIO ARGS\"]}"
out="${2:?the sweep folder}"
scenario="${3:-}"
chunks="${CHUNKS:-${SLURM_ARRAY_TASK_COUNT:?run as a job array: sbatch --array=0-N}}"
export RAYON_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}"
# shellcheck disable=SC2086 # the scenario arguments are meant to split into words
exec "${ROLLOUT:-rollout}" sweep "$design" $scenario --chunk "${SLURM_ARRAY_TASK_ID}/${chunks}" --out "$out"
