//! [`Study`]: one experiment on the page (a tornado, a sweep, a surface or a screening), its points as they
//! finish, and the cache of finished points that every later study reuses. Immutable once made, like a
//! `Run`: an arriving replicate makes a new `Study` that shares what did not change.
//!
//! A study belongs to the scenario it was started on. While the page's scenario is another one the study
//! is neither run nor shown (no stale result is ever drawn), and it resumes if the page comes back to that
//! scenario (Undo). Points run on the same seeds as the scenario (common random numbers).

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use rollout_engine::experiment::{coarse_to_fine, replicate_values, Design, PointResult};
use rollout_engine::record::ReplicateResult;
use rollout_engine::Scenario;

use super::design::{design_for, StudyKind};
use crate::runner::{PointJob, PointJobs, PointResponse};

/// Each replicate's responses (`[replicate][response]`) of one point's scenario.
pub type PointValues = Rc<Vec<Vec<Option<f64>>>>;

/// Finished points by [`point_key`], for every study on the page.
pub type PointCache = HashMap<u64, PointValues>;

/// One replicate's responses, once it has arrived.
type Arrived = Option<Vec<Option<f64>>>;

/// One study: what was asked, the engine design, and the points finished so far.
#[derive(Clone, Debug)]
pub struct Study {
    pub id: u64,
    pub kind: StudyKind,
    pub design: Rc<Design>,
    /// The scenario the study was started on.
    pub base: Rc<Scenario>,
    /// Each design point's scenario.
    pub scenarios: Rc<Vec<Rc<Scenario>>>,
    /// Each point's cache key; points with the same key are the same scenario and run once.
    keys: Rc<Vec<u64>>,
    /// The order to run the points in (coarse to fine for grids).
    pub order: Rc<Vec<usize>>,
    /// Finished points, by design point.
    pub points: Rc<Vec<Option<Rc<PointResult>>>>,
    /// Replicates received of points not yet finished: point -> `[replicate]`.
    pending: Rc<BTreeMap<usize, Vec<Arrived>>>,
    /// Points that needed no run when the study started (from the cache or the scenario's own run).
    pub reused: usize,
    /// Stopped by the user: kept and shown as far as it got, not run further.
    pub stopped: bool,
    /// Milliseconds the engine took in the workers for the replicates received (for the speed report).
    pub engine_ms: f64,
    /// Replicates the workers ran for this study.
    pub replicates_run: u32,
}

/// The cache key of a point: its scenario and what is read from it (FNV-1a over their JSON).
pub fn point_key(scenario: &Scenario, design: &Design) -> u64 {
    let text = serde_json::to_string(&(scenario, &design.responses)).expect("a scenario serialises");
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Study {
    /// A study of `kind` around `base`, with the points `cache` already holds filled in, and the points that
    /// are `base` itself filled from `base_run` (the scenario's own replicates, in any order) when it has all
    /// of them: the same engine, seeds and responses, so the same numbers as running them again.
    pub fn new(
        id: u64,
        kind: StudyKind,
        base: Rc<Scenario>,
        cache: &PointCache,
        base_run: &[Rc<ReplicateResult>],
    ) -> Result<Study, String> {
        let design = design_for(&kind, &base)?;
        let scenarios = (0..design.points.len())
            .map(|p| design.scenario_at(&base, p).map(Rc::new).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        let keys: Vec<u64> = scenarios.iter().map(|s| point_key(s, &design)).collect();
        let mut known = cache.clone();
        if base_run.len() == base.replicates as usize {
            let mut sorted: Vec<&ReplicateResult> = base_run.iter().map(|r| &**r).collect();
            sorted.sort_by_key(|r| r.replicate);
            let values = sorted.iter().map(|r| replicate_values(&design.responses, &base, r)).collect();
            known.insert(point_key(&base, &design), Rc::new(values));
        }
        let points: Vec<Option<Rc<PointResult>>> = keys
            .iter()
            .enumerate()
            .map(|(p, key)| {
                known.get(key).map(|values| Rc::new(PointResult::from_replicates(&design, &scenarios[p], p, values)))
            })
            .collect();
        let reused = points.iter().flatten().count();
        Ok(Study {
            id,
            kind,
            order: Rc::new(coarse_to_fine(&design)),
            design: Rc::new(design),
            base,
            scenarios: Rc::new(scenarios),
            keys: Rc::new(keys),
            points: Rc::new(points),
            pending: Rc::default(),
            reused,
            stopped: false,
            engine_ms: 0.0,
            replicates_run: 0,
        })
    }

    /// How many points are finished.
    pub fn finished(&self) -> usize {
        self.points.iter().flatten().count()
    }

    /// Every point is finished.
    pub fn complete(&self) -> bool {
        self.points.iter().all(Option::is_some)
    }

    /// The study belongs to `scenario` (so it may be shown).
    pub fn is_for(&self, scenario: &Scenario) -> bool {
        *self.base == *scenario
    }

    /// The workers should run it now: it belongs to `scenario`, is not stopped, and has points to go.
    pub fn wants_work(&self, scenario: &Scenario) -> bool {
        !self.stopped && !self.complete() && self.is_for(scenario)
    }

    /// The replicates still to run, point by point in order: one point per distinct scenario (its twins
    /// are filled when it finishes), and no replicate that has already arrived.
    pub fn jobs(&self) -> PointJobs {
        let mut seen = std::collections::HashSet::new();
        let mut items = Vec::new();
        for &p in self.order.iter() {
            if self.points[p].is_some() || !seen.insert(self.keys[p]) {
                continue;
            }
            let arrived = self.pending.get(&p);
            for replicate in 0..self.base.replicates {
                if arrived.is_some_and(|a| a[replicate as usize].is_some()) {
                    continue;
                }
                items.push(PointJob { point: p as u32, replicate, scenario: self.scenarios[p].clone() });
            }
        }
        PointJobs { items, responses: self.design.responses.clone() }
    }

    /// This study with one more replicate, and the finished point's cache entry when it completes a point
    /// (and every twin of it). `None` when the answer is not this study's, is for a finished point, or is
    /// already here.
    pub fn with(&self, answer: &PointResponse) -> Option<(Study, Option<(u64, PointValues)>)> {
        let point = answer.point as usize;
        let replicates = self.base.replicates as usize;
        if answer.study_id != self.id
            || self.points.get(point)?.is_some()
            || answer.replicate as usize >= replicates
            || answer.values.len() != self.design.responses.len()
        {
            return None;
        }
        let mut next = self.clone();
        let pending = Rc::make_mut(&mut next.pending);
        let slots = pending.entry(point).or_insert_with(|| vec![None; replicates]);
        let slot = &mut slots[answer.replicate as usize];
        if slot.is_some() {
            return None;
        }
        *slot = Some(answer.values.clone());
        next.engine_ms += answer.compute_ms;
        next.replicates_run += 1;
        if slots.iter().any(Option::is_none) {
            return Some((next, None));
        }
        let values: Vec<Vec<Option<f64>>> = pending.remove(&point)?.into_iter().flatten().collect();
        let values = Rc::new(values);
        let key = self.keys[point];
        let points = Rc::make_mut(&mut next.points);
        for (q, slot) in points.iter_mut().enumerate() {
            if self.keys[q] == key && slot.is_none() {
                *slot = Some(Rc::new(PointResult::from_replicates(&self.design, &self.scenarios[q], q, &values)));
            }
        }
        Some((next, Some((key, values))))
    }

    /// Finished points in design order (the results table's rows).
    pub fn finished_points(&self) -> Vec<PointResult> {
        self.points.iter().flatten().map(|p| (**p).clone()).collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::experiments::design::Swing;
    use rollout_engine::experiment::{point_replicate, run_point};
    use rollout_engine::presets;

    pub(crate) fn small() -> Scenario {
        let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
        (s.agents, s.months, s.replicates) = (600, 24, 3);
        s
    }

    /// Runs every job of `study` as a worker would, in the given order of jobs, feeding each answer back.
    pub(crate) fn run_all(mut study: Study, cache: &mut PointCache, reverse: bool) -> Study {
        let jobs = study.jobs();
        let mut order: Vec<u32> = (0..jobs.items.len() as u32).collect();
        if reverse {
            order.reverse();
        }
        for job in order {
            let item = &jobs.items[job as usize];
            let values = point_replicate(&jobs.responses, &item.scenario, item.replicate);
            let answer = PointResponse {
                study_id: study.id,
                job,
                point: item.point,
                replicate: item.replicate,
                values,
                compute_ms: 0.0,
            };
            let (next, entry) = study.with(&answer).expect("a fresh answer is taken");
            assert!(study.with(&answer).is_some() && next.with(&answer).is_none(), "an answer counts once");
            if let Some((key, values)) = entry {
                cache.insert(key, values);
            }
            study = next;
        }
        study
    }

    #[test]
    fn points_run_in_pieces_in_any_order_equal_the_engines_sweep() {
        let s = Rc::new(small());
        let mut cache = PointCache::new();
        let study = Study::new(1, StudyKind::Tornado { swing: Swing::Quarter }, s.clone(), &cache, &[]).unwrap();
        assert_eq!((study.finished(), study.complete()), (0, false));
        // Levers at an end of their range give points equal to the base: each distinct scenario runs once.
        let distinct: std::collections::HashSet<u64> = study.keys.iter().copied().collect();
        assert_eq!(study.jobs().items.len(), distinct.len() * s.replicates as usize);
        let done = run_all(study, &mut cache, true);
        assert!(done.complete());
        for (p, point) in done.points.iter().enumerate() {
            assert_eq!(**point.as_ref().unwrap(), run_point(&done.design, &s, p, &|| {}).unwrap(), "point {p}");
        }
        // A second study over the same points takes them all from the cache and has nothing to run.
        let again = Study::new(2, StudyKind::Tornado { swing: Swing::Quarter }, s, &cache, &[]).unwrap();
        assert!(again.complete() && again.jobs().items.is_empty());
        assert_eq!(again.reused, again.points.len());
        assert_eq!(again.finished_points(), done.finished_points());
    }

    #[test]
    fn the_scenarios_own_run_fills_the_base_and_a_restart_asks_only_for_what_has_not_arrived() {
        let s = Rc::new(small());
        let run: Vec<Rc<ReplicateResult>> =
            (0..s.replicates).rev().map(|r| Rc::new(rollout_engine::model::run_replicate(&s, r))).collect();
        let kind = StudyKind::Tornado { swing: Swing::Quarter };
        let study = Study::new(1, kind.clone(), s.clone(), &PointCache::new(), &run).unwrap();
        assert!(study.points[0].is_some() && study.reused >= 1, "the base point is the scenario's own run");
        assert_eq!(*study.points[0].clone().unwrap(), run_point(&study.design, &s, 0, &|| {}).unwrap());
        // Half of a point's replicates arrive, then the pool restarts: only the rest is asked for.
        let jobs = study.jobs();
        let first = jobs.items[0].point;
        let mut part = study.clone();
        for item in jobs.items.iter().filter(|i| i.point == first && i.replicate % 2 == 0) {
            let values = point_replicate(&jobs.responses, &item.scenario, item.replicate);
            let answer =
                PointResponse { study_id: 1, job: 0, point: first, replicate: item.replicate, values, compute_ms: 0.0 };
            part = part.with(&answer).unwrap().0;
        }
        let again = part.jobs();
        assert!(again.items.iter().filter(|i| i.point == first).all(|i| i.replicate % 2 == 1));
        assert_eq!(again.items.len(), jobs.items.len() - s.replicates.div_ceil(2) as usize);
        let done = run_all(part, &mut PointCache::new(), false);
        assert!(done.complete());
        assert_eq!(
            *done.points[first as usize].clone().unwrap(),
            run_point(&done.design, &s, first as usize, &|| {}).unwrap()
        );
    }

    #[test]
    fn answers_of_other_studies_and_bad_answers_are_dropped() {
        let s = Rc::new(small());
        let study = Study::new(3, StudyKind::Tornado { swing: Swing::Tenth }, s, &PointCache::new(), &[]).unwrap();
        let n = study.design.responses.len();
        let answer = |study_id, replicate, values: usize| PointResponse {
            study_id,
            job: 0,
            point: 0,
            replicate,
            values: vec![Some(0.5); values],
            compute_ms: 0.0,
        };
        assert!(study.with(&answer(4, 0, n)).is_none(), "another study's");
        assert!(study.with(&answer(3, 9, n)).is_none(), "a replicate past the scenario's");
        assert!(study.with(&answer(3, 0, n + 1)).is_none(), "the wrong number of responses");
        assert!(study.with(&answer(3, 0, n)).is_some());
    }

    #[test]
    fn a_study_runs_only_for_its_own_scenario() {
        let s = Rc::new(small());
        let study = Study::new(1, StudyKind::Screening, s.clone(), &PointCache::new(), &[]).unwrap();
        assert!(study.wants_work(&s));
        let mut other = (*s).clone();
        other.levers.subsidy.level = 0.9;
        assert!(!study.wants_work(&other) && !study.is_for(&other));
        let mut stopped = study;
        stopped.stopped = true;
        assert!(!stopped.wants_work(&s) && stopped.is_for(&s));
    }
}
