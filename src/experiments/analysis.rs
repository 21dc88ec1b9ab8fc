//! What a study shows, from its finished points: tornado bars, a sweep's line, a surface's cells and Morris
//! indices, each through the engine's own analysis (`experiment::tornado`, `morris_indices`,
//! `Estimate::from_samples`), so the page's numbers are `rollout analyse`'s; and the exports. Pure.

use std::rc::Rc;

use rollout_engine::estimate::{t_critical, Estimate};
use rollout_engine::experiment::{
    morris_indices, one_at_a_time, results_table, tornado, Design, MorrisIndex, PointResult, TornadoBar,
};

use super::design::{lever_label, Output};
use super::study::Study;

/// The index of `output` among a design's responses, if it recorded it.
pub fn response_index(design: &Design, output: &Output) -> Option<usize> {
    design.responses.iter().position(|r| r.to_string() == output.response)
}

/// A study's finished points, by design point (`None`: not finished yet).
pub type Points = [Option<Rc<PointResult>>];

/// One point's values of one response.
#[derive(Clone, Debug, PartialEq)]
pub enum Sample {
    /// The point has not finished.
    Waiting,
    /// Finished, but the output does not apply there in some replicate (shown as "n/a", never 0).
    NotApplicable,
    /// Each replicate's value.
    Values(Vec<f64>),
}

impl Sample {
    fn values(&self) -> Option<&Vec<f64>> {
        match self {
            Sample::Values(v) => Some(v),
            _ => None,
        }
    }
}

/// Each point's values of response `r`.
pub fn samples(points: &Points, r: usize) -> Vec<Sample> {
    points
        .iter()
        .map(|p| match p {
            None => Sample::Waiting,
            Some(p) => p
                .values
                .get(r)
                .and_then(|v| v.iter().copied().collect::<Option<Vec<f64>>>())
                .map_or(Sample::NotApplicable, Sample::Values),
        })
        .collect()
}

/// Tornado bars of response `r`. Once every point is in, exactly `rollout analyse --method tornado`'s (the
/// engine's `tornado`, largest swing first); until then, the levers whose base, low and high points are in,
/// each computed the same way, in lever order (so rows do not move under the pointer while it fills in).
pub fn tornado_bars(design: &Design, points: &Points, r: usize) -> Vec<TornadoBar> {
    let values = samples(points, r);
    if let Some(all) = values.iter().map(|v| v.values().cloned()).collect::<Option<Vec<Vec<f64>>>>() {
        return tornado(design, &all).unwrap_or_default();
    }
    let Some(base) = values.first().and_then(Sample::values) else { return Vec::new() };
    design
        .factors
        .iter()
        .enumerate()
        .filter_map(|(i, factor)| {
            let (low, high) = (values.get(2 * i + 1)?.values()?, values.get(2 * i + 2)?.values()?);
            let one = one_at_a_time(vec![factor.clone()]).ok()?;
            tornado(&one, &[base.clone(), low.clone(), high.clone()]).ok()?.pop()
        })
        .collect()
}

/// A sweep's line: (the point, the lever's value, mean and 95% interval) for each finished point where the
/// output applies, by value.
pub fn sweep_line(points: &Points, r: usize) -> Vec<(usize, f64, Estimate)> {
    let mut line: Vec<(usize, f64, Estimate)> = samples(points, r)
        .into_iter()
        .enumerate()
        .filter_map(|(p, v)| {
            let v = v.values()?.clone();
            let x = points[p].as_ref()?.factor_values.first().copied()?;
            Some((p, x, Estimate::from_samples(&v, t_critical(v.len()))))
        })
        .collect();
    line.sort_by(|a, b| a.1.total_cmp(&b.1));
    line
}

/// One cell of a surface.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The design point.
    pub point: usize,
    /// The two levers' values.
    pub x: f64,
    pub y: f64,
    /// Mean and 95% interval, once the point is finished (and the output applies there).
    pub value: Option<Estimate>,
    /// The point is finished but the output does not apply there.
    pub not_applicable: bool,
    /// Until it is finished, the mean of the nearest finished point (drawn faint, so the shape shows early).
    pub nearby: Option<f64>,
}

/// A surface's cells, `levels` x `levels`, in design order (the second lever changing fastest).
pub fn surface_cells(design: &Design, points: &Points, r: usize, levels: usize) -> Vec<Cell> {
    let values = samples(points, r);
    let means: Vec<Option<Estimate>> =
        values.iter().map(|v| v.values().map(|v| Estimate::from_samples(v, t_critical(v.len())))).collect();
    let at = |p: usize| (p / levels, p % levels);
    let finished: Vec<usize> = (0..means.len()).filter(|&p| means[p].is_some()).collect();
    (0..means.len())
        .map(|p| {
            let waiting = values[p] == Sample::Waiting;
            let nearby = if waiting {
                let (i, j) = at(p);
                finished
                    .iter()
                    .min_by_key(|&&q| {
                        let (a, b) = at(q);
                        (a.abs_diff(i).pow(2) + b.abs_diff(j).pow(2), q)
                    })
                    .and_then(|&q| means[q].map(|e| e.mean))
            } else {
                None
            };
            let point = &design.points[p];
            Cell {
                point: p,
                x: point.first().copied().flatten().unwrap_or(f64::NAN),
                y: point.get(1).copied().flatten().unwrap_or(f64::NAN),
                value: means[p],
                not_applicable: values[p] == Sample::NotApplicable,
                nearby,
            }
        })
        .collect()
}

/// Morris indices of response `r` over the trajectories finished so far (two or more, up to the first
/// where the output does not apply), with how many.
pub fn screening(design: &Design, points: &Points, r: usize) -> Option<(u32, Vec<MorrisIndex>)> {
    let per = design.factors.len() + 1;
    let values = samples(points, r);
    let done = values.chunks(per).take_while(|t| t.iter().all(|v| v.values().is_some())).count() as u32;
    let design = design.first_trajectories(done).ok()?;
    let values: Vec<Vec<f64>> =
        values.into_iter().take(design.points.len()).filter_map(|v| v.values().cloned()).collect();
    let mut rows = morris_indices(&design, &values).ok()?;
    rows.sort_by(|a, b| b.mu_star.total_cmp(&a.mu_star));
    Some((done, rows))
}

/// The results table of the finished points, byte for byte what `rollout sweep` then `rollout merge`
/// write for the same design and scenario once every point is in.
pub fn results_csv(study: &Study) -> Result<String, String> {
    results_table::to_text(&study.design, &study.finished_points())
}

/// The design as `rollout design` writes it.
pub fn design_json(study: &Study) -> String {
    format!("{}\n", study.design.to_json_pretty())
}

fn number(x: f64) -> String {
    results_table::number(Some(x))
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<String, String> {
    let mut w = results_table::writer(Vec::new());
    w.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        w.write_record(row).map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// The tornado's bars as CSV, in the engine's units and `rollout analyse --format json`'s numbers.
pub fn tornado_csv(bars: &[TornadoBar]) -> Result<String, String> {
    let header = [
        "lever",
        "factor",
        "low",
        "high",
        "at_low",
        "at_low_lo",
        "at_low_hi",
        "at_base",
        "at_base_lo",
        "at_base_hi",
        "at_high",
        "at_high_lo",
        "at_high_hi",
        "difference",
        "difference_lo",
        "difference_hi",
    ];
    let rows = bars
        .iter()
        .map(|b| {
            let mut row = vec![lever_label(&b.factor), b.factor.clone(), number(b.low), number(b.high)];
            for e in [&b.at_low, &b.at_base, &b.at_high, &b.difference] {
                row.extend([number(e.mean), number(e.lo), number(e.hi)]);
            }
            row
        })
        .collect();
    csv(&header, rows)
}

/// A sweep's or surface's finished points as CSV: the levers' values, then the output's mean and 95%
/// interval (engine units; empty where it does not apply), in design order.
pub fn points_csv(study: &Study, r: usize) -> Result<String, String> {
    let mut header: Vec<&str> = vec!["point"];
    header.extend(study.design.factors.iter().map(|f| f.key.as_str()));
    header.extend(["mean", "lo", "hi"]);
    let rows = samples(&study.points, r)
        .into_iter()
        .enumerate()
        .filter_map(|(p, v)| {
            let e = v.values().map(|v| Estimate::from_samples(v, t_critical(v.len())));
            let mut row = vec![p.to_string()];
            row.extend(study.points[p].as_ref()?.factor_values.iter().map(|&x| number(x)));
            row.extend(
                [e.map(|e| e.mean), e.map(|e| e.lo), e.map(|e| e.hi)].map(|x| x.map(number).unwrap_or_default()),
            );
            Some(row)
        })
        .collect();
    csv(&header, rows)
}

/// Morris indices as CSV.
pub fn screening_csv(rows: &[MorrisIndex]) -> Result<String, String> {
    let header = ["lever", "factor", "mu_star", "mu_star_lo", "mu_star_hi", "mu", "sigma"];
    let rows = rows
        .iter()
        .map(|m| {
            vec![
                lever_label(&m.factor),
                m.factor.clone(),
                number(m.mu_star),
                number(m.mu_star_lo),
                number(m.mu_star_hi),
                number(m.mu),
                number(m.sigma),
            ]
        })
        .collect();
    csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiments::design::{StudyKind, Swing, OUTPUTS, SURFACE_LEVELS};
    use crate::experiments::study::tests::{run_all, small};
    use crate::experiments::study::PointCache;

    fn values(study: &Study, r: usize) -> Vec<Vec<f64>> {
        samples(&study.points, r).into_iter().map(|v| v.values().unwrap().clone()).collect()
    }

    #[test]
    fn finished_tornado_bars_are_the_engines_tornado() {
        let s = Rc::new(small());
        let mut cache = PointCache::new();
        let study = Study::new(1, StudyKind::Tornado { swing: Swing::Quarter }, s, &cache, &[]).unwrap();
        assert!(tornado_bars(&study.design, &study.points, 0).is_empty(), "nothing before the base point");
        let done = run_all(study, &mut cache, false);
        for output in &OUTPUTS {
            let r = response_index(&done.design, output).unwrap();
            let engine = tornado(&done.design, &values(&done, r)).unwrap();
            assert_eq!(tornado_bars(&done.design, &done.points, r), engine, "{}", output.id);
            // Part-way (the last point missing), the bars in are the engine's, in lever order.
            let mut part = (*done.points).clone();
            *part.last_mut().unwrap() = None;
            let bars = tornado_bars(&done.design, &part, r);
            assert_eq!(bars.len(), done.design.factors.len() - 1);
            for (bar, factor) in bars.iter().zip(&done.design.factors) {
                assert_eq!(Some(bar), engine.iter().find(|b| b.factor == factor.key), "{}", factor.key);
            }
        }
        let csv = tornado_csv(&tornado_bars(&done.design, &done.points, 0)).unwrap();
        assert_eq!(csv.lines().count(), done.design.factors.len() + 1);
        assert!(results_csv(&done).unwrap().starts_with("point,levers."));
    }

    #[test]
    fn a_part_finished_surface_shows_finished_cells_and_fills_the_rest_from_the_nearest() {
        let s = Rc::new(small());
        let kind = StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.support.level".into() };
        let mut study = Study::new(1, kind, s.clone(), &PointCache::new(), &[]).unwrap();
        // Finish only the first four points in the study's order (the corners), by hand.
        let jobs = study.jobs();
        for item in jobs.items.iter().take(4 * s.replicates as usize) {
            let values = rollout_engine::experiment::point_replicate(&jobs.responses, &item.scenario, item.replicate);
            let answer = crate::runner::PointResponse {
                study_id: 1,
                job: 0,
                point: item.point,
                replicate: item.replicate,
                values,
                compute_ms: 0.0,
            };
            study = study.with(&answer).unwrap().0;
        }
        let cells = surface_cells(&study.design, &study.points, 0, SURFACE_LEVELS as usize);
        assert_eq!(cells.len(), 100);
        let finished: Vec<usize> = cells.iter().filter(|c| c.value.is_some()).map(|c| c.point).collect();
        assert_eq!(finished, vec![0, 9, 90, 99], "the corners first");
        assert!(cells.iter().all(|c| c.value.is_some() || c.nearby.is_some()), "every cell shows something");
        assert_eq!(cells[1].nearby, cells[0].value.map(|e| e.mean), "cell 1 is nearest the corner at 0");
        assert_eq!((cells[0].x, cells[0].y, cells[99].x, cells[99].y), (0.0, 0.0, 1.0, 1.0));
    }

    #[test]
    fn screening_shows_once_two_trajectories_are_in_and_matches_the_engine_when_all_are() {
        let s = Rc::new(small());
        let mut cache = PointCache::new();
        let study = Study::new(1, StudyKind::Screening, s, &cache, &[]).unwrap();
        assert!(screening(&study.design, &study.points, 0).is_none());
        let done = run_all(study, &mut cache, false);
        let (trajectories, rows) = screening(&done.design, &done.points, 0).unwrap();
        assert_eq!(trajectories, crate::experiments::design::SCREENING_TRAJECTORIES);
        let mut engine = morris_indices(&done.design, &values(&done, 0)).unwrap();
        engine.sort_by(|a, b| b.mu_star.total_cmp(&a.mu_star));
        assert_eq!(rows, engine);
        assert!(screening_csv(&rows).unwrap().contains("Nothing (noise floor),dummy,"));
    }

    #[test]
    fn a_point_where_the_output_does_not_apply_is_not_applicable_never_zero_or_waiting() {
        let s = Rc::new(small());
        let mut cache = PointCache::new();
        let study = Study::new(1, StudyKind::Sweep { lever: "levers.subsidy.level".into() }, s, &cache, &[]).unwrap();
        let mut done = run_all(study, &mut cache, false);
        // Make point 3's first replicate not applicable, as a response can be.
        let points = Rc::make_mut(&mut done.points);
        let mut p3 = (**points[3].as_ref().unwrap()).clone();
        p3.values[0][0] = None;
        points[3] = Some(Rc::new(p3));
        let samples = samples(&done.points, 0);
        assert_eq!(samples[3], Sample::NotApplicable);
        assert!(sweep_line(&done.points, 0).iter().all(|(p, _, _)| *p != 3), "left out of the line");
        let csv = points_csv(&done, 0).unwrap();
        let row = csv.lines().find(|l| l.starts_with("3,")).unwrap();
        assert!(row.ends_with(",,,"), "empty, not 0: {row}");
    }
}
