#!/usr/bin/env python3
"""The numpy peer of `rollout run --preset bass`: the same Bass agent-based model, vectorised.

One fully mixed group, everyone offered it from the start, no abandonment or deaths (the `bass` preset in
crates/engine/src/presets.rs). Each month every person who has not adopted adopts with probability
1 - exp(-(p + q w) / 12), where p and q are per year and w is the adopted share taken at mid-month by
extrapolating last month's change (as the engine's word of mouth does, crates/engine/src/model.rs). The
straightforward numpy form: one uniform draw per person per month, `|=` into a boolean array.

Prints the adopted share per month as CSV (month,adopted_share) so the two programs do comparable output
work. Used by benches/speed_report.py; needs numpy (pinned in scripts/setup.sh, installed into .venv/).
"""

import argparse
import math
import sys

import numpy as np


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--agents", type=int, default=1_000_000, help="people simulated")
    ap.add_argument("--months", type=int, default=120, help="horizon in months")
    ap.add_argument("--seed", type=int, default=1, help="seed of numpy's PCG64 generator")
    ap.add_argument("--innovation", type=float, default=0.03, help="p, per year")
    ap.add_argument("--imitation", type=float, default=0.38, help="q, per year")
    a = ap.parse_args()

    rng = np.random.default_rng(a.seed)
    adopted = np.zeros(a.agents, dtype=bool)
    share, previous = 0.0, 0.0
    out = ["month,adopted_share", "0,0"]
    for month in range(1, a.months + 1):
        mid = min(max(share + 0.5 * (share - previous), 0.0), 1.0)
        prob = -math.expm1(-(a.innovation + a.imitation * mid) / 12.0)
        adopted |= rng.random(a.agents) < prob
        previous, share = share, np.count_nonzero(adopted) / a.agents
        out.append(f"{month},{share:.6f}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
