//! [`Study`]: one experiment on the page (a tornado, a sweep, a surface or a screening), its points as they
//! finish, and the cache of finished points that every later study reuses. Immutable once made, like a
//! `Run`: an arriving replicate makes a new `Study` that shares what did not change.
//!
//! A study belongs to the scenario it was started on. While the page's scenario is another one the study
//! is neither run nor shown (no stale result is ever drawn), and it resumes if the page comes back to that
//! scenario (Undo). Points run on the same seeds as the scenario (common random numbers).

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use rollout_engine::experiment::{coarse_to_fine, Design, PointResult};
use rollout_engine::Scenario;

use super::design::{design_for, StudyKind};
use crate::runner::{PointJobs, PointResponse};

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
    keys: Rc<Vec<u64>>,
    /// The order to run the points in (coarse to fine for grids).
    pub order: Rc<Vec<usize>>,
    /// Finished points, by design point.
    pub points: Rc<Vec<Option<Rc<PointResult>>>>,
    /// Replicates received of points not yet finished: point -> `[replicate]`.
    pending: Rc<BTreeMap<usize, Vec<Arrived>>>,
    /// How many points are finished.
    pub finished: usize,
    /// Points taken from the cache when the study started.
    pub reused: usize,
    /// Stopped by the user: kept and shown as far as it got, not run further.
    pub stopped: bool,
    /// Milliseconds the engine took in the workers for the replicates received (for the speed report).
    pub engine_ms: f64,
}

/// The cache key of a point: its scenario and what is read from it (FNV-1a over their JSON).
pub fn point_key(scenario: &Scenario, design: &Design) -> u64 {
    let text = serde_json::to_string(&(scenario, &design.responses)).expect("a scenario serialises");
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Study {
    /// A study of `kind` around `base`, with the points `cache` already holds filled in.
    pub fn new(id: u64, kind: StudyKind, base: Rc<Scenario>, cache: &PointCache) -> Result<Study, String> {
        let design = design_for(&kind, &base)?;
        let scenarios = (0..design.points.len())
            .map(|p| design.scenario_at(&base, p).map(Rc::new).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        let keys: Vec<u64> = scenarios.iter().map(|s| point_key(s, &design)).collect();
        let points: Vec<Option<Rc<PointResult>>> = keys
            .iter()
            .enumerate()
            .map(|(p, key)| {
                cache.get(key).map(|values| Rc::new(PointResult::from_replicates(&design, &scenarios[p], p, values)))
            })
            .collect();
        let finished = points.iter().flatten().count();
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
            finished,
            reused: finished,
            stopped: false,
            engine_ms: 0.0,
        })
    }

    /// Every point is finished.
    pub fn complete(&self) -> bool {
        self.finished == self.points.len()
    }

    /// The study belongs to `scenario` (so it may be shown).
    pub fn is_for(&self, scenario: &Scenario) -> bool {
        *self.base == *scenario
    }

    /// The workers should run it now: it belongs to `scenario`, is not stopped, and has points to go.
    pub fn wants_work(&self, scenario: &Scenario) -> bool {
        !self.stopped && !self.complete() && self.is_for(scenario)
    }

    /// The points still to run, in order, each with every replicate.
    pub fn jobs(&self) -> PointJobs {
        PointJobs {
            points: self
                .order
                .iter()
                .filter(|&&p| self.points[p].is_none())
                .map(|&p| (p as u32, self.scenarios[p].clone()))
                .collect(),
            replicates: self.base.replicates,
            responses: self.design.responses.clone(),
        }
    }

    /// This study with one more replicate, and the finished point's cache entry when it completes a point.
    /// `None` when the answer is not this study's, is for a finished point, or is already here.
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
        if slots.iter().any(Option::is_none) {
            return Some((next, None));
        }
        let values: Vec<Vec<Option<f64>>> = pending.remove(&point)?.into_iter().flatten().collect();
        let values = Rc::new(values);
        let result = PointResult::from_replicates(&self.design, &self.scenarios[point], point, &values);
        Rc::make_mut(&mut next.points)[point] = Some(Rc::new(result));
        next.finished += 1;
        Some((next, Some((self.keys[point], values))))
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
        let mut order: Vec<u32> = (0..jobs.points.len() as u32 * jobs.replicates).collect();
        if reverse {
            order.reverse();
        }
        for job in order {
            let (point, scenario) = &jobs.points[(job / jobs.replicates) as usize];
            let replicate = job % jobs.replicates;
            let values = point_replicate(&jobs.responses, scenario, replicate);
            let answer = PointResponse { study_id: study.id, job, point: *point, replicate, values, compute_ms: 0.0 };
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
        let study = Study::new(1, StudyKind::Tornado { swing: Swing::Quarter }, s.clone(), &cache).unwrap();
        assert_eq!((study.finished, study.complete()), (0, false));
        let done = run_all(study, &mut cache, true);
        assert!(done.complete());
        for (p, point) in done.points.iter().enumerate() {
            assert_eq!(**point.as_ref().unwrap(), run_point(&done.design, &s, p, &|| {}).unwrap(), "point {p}");
        }
        // A second study over the same points takes them all from the cache and has nothing to run.
        let again = Study::new(2, StudyKind::Tornado { swing: Swing::Quarter }, s, &cache).unwrap();
        assert!(again.complete() && again.jobs().points.is_empty());
        assert_eq!(again.reused, again.points.len());
        assert_eq!(again.finished_points(), done.finished_points());
    }

    #[test]
    fn answers_of_other_studies_and_bad_answers_are_dropped() {
        let s = Rc::new(small());
        let study = Study::new(3, StudyKind::Tornado { swing: Swing::Tenth }, s, &PointCache::new()).unwrap();
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
        let study = Study::new(1, StudyKind::Screening, s.clone(), &PointCache::new()).unwrap();
        assert!(study.wants_work(&s));
        let mut other = (*s).clone();
        other.levers.subsidy.level = 0.9;
        assert!(!study.wants_work(&other) && !study.is_for(&other));
        let mut stopped = study;
        stopped.stopped = true;
        assert!(!stopped.wants_work(&s) && stopped.is_for(&s));
    }
}
