//! What a study shows, from its finished points: tornado bars, a sweep's line, a surface's cells and Morris
//! indices, each through the engine's own analysis (`experiment::tornado`, `morris_indices`,
//! `Estimate::from_samples`), so the page's numbers are `rollout analyse`'s; and the exports. Pure.

use rollout_engine::estimate::{t_critical, Estimate};
use rollout_engine::experiment::{morris_indices, one_at_a_time, results_table, tornado, MorrisIndex, TornadoBar};

use super::design::{lever_label, Output};
use super::study::Study;

/// The index of `output` among the study's responses, if it recorded it.
pub fn response_index(study: &Study, output: &Output) -> Option<usize> {
    study.design.responses.iter().position(|r| r.to_string() == output.response)
}

/// Each point's replicate values of response `r`: `None` until the point is finished, or where the output
/// does not apply in some replicate.
fn samples(study: &Study, r: usize) -> Vec<Option<Vec<f64>>> {
    study
        .points
        .iter()
        .map(|p| p.as_ref().and_then(|p| p.values.get(r)?.iter().copied().collect::<Option<Vec<f64>>>()))
        .collect()
}

/// Tornado bars of response `r` for the levers whose base, low and high points are all finished, largest
/// swing first, exactly as `rollout analyse --method tornado` gives them once all are in.
pub fn tornado_bars(study: &Study, r: usize) -> Vec<TornadoBar> {
    let values = samples(study, r);
    let Some(base) = values.first().cloned().flatten() else { return Vec::new() };
    let mut bars: Vec<TornadoBar> = study
        .design
        .factors
        .iter()
        .enumerate()
        .filter_map(|(i, factor)| {
            let (low, high) = (values.get(2 * i + 1)?.clone()?, values.get(2 * i + 2)?.clone()?);
            let one = one_at_a_time(vec![factor.clone()]).ok()?;
            tornado(&one, &[base.clone(), low, high]).ok()?.pop()
        })
        .collect();
    // The engine's order: the largest absolute difference first, ties in lever order.
    bars.sort_by(|a, b| b.difference.mean.abs().total_cmp(&a.difference.mean.abs()));
    bars
}

/// A sweep's line: (the lever's value, mean and 95% interval) for each finished point, by value.
pub fn sweep_line(study: &Study, r: usize) -> Vec<(f64, Estimate)> {
    let mut line: Vec<(f64, Estimate)> = samples(study, r)
        .into_iter()
        .enumerate()
        .filter_map(|(p, v)| {
            let v = v?;
            let x = study.points[p].as_ref()?.factor_values.first().copied()?;
            Some((x, Estimate::from_samples(&v, t_critical(v.len()))))
        })
        .collect();
    line.sort_by(|a, b| a.0.total_cmp(&b.0));
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
    /// Mean and 95% interval, once the point is finished.
    pub value: Option<Estimate>,
    /// Until then, the mean of the nearest finished point (drawn faint, so the shape shows early).
    pub nearby: Option<f64>,
}

/// A surface's cells, `levels` x `levels`, in design order (the second lever changing fastest).
pub fn surface_cells(study: &Study, r: usize, levels: usize) -> Vec<Cell> {
    let means: Vec<Option<Estimate>> =
        samples(study, r).into_iter().map(|v| v.map(|v| Estimate::from_samples(&v, t_critical(v.len())))).collect();
    let at = |p: usize| (p / levels, p % levels);
    let finished: Vec<usize> = (0..means.len()).filter(|&p| means[p].is_some()).collect();
    (0..means.len())
        .map(|p| {
            let values = &study.design.points[p];
            let nearby = if means[p].is_some() {
                None
            } else {
                let (i, j) = at(p);
                finished
                    .iter()
                    .min_by_key(|&&q| {
                        let (a, b) = at(q);
                        (a.abs_diff(i).pow(2) + b.abs_diff(j).pow(2), q)
                    })
                    .and_then(|&q| means[q].map(|e| e.mean))
            };
            Cell {
                point: p,
                x: values.first().copied().flatten().unwrap_or(f64::NAN),
                y: values.get(1).copied().flatten().unwrap_or(f64::NAN),
                value: means[p],
                nearby,
            }
        })
        .collect()
}

/// Morris indices of response `r` over the trajectories finished so far (two or more), with how many.
pub fn screening(study: &Study, r: usize) -> Option<(u32, Vec<MorrisIndex>)> {
    let per = study.design.factors.len() + 1;
    let values = samples(study, r);
    let done = values.chunks(per).take_while(|t| t.iter().all(Option::is_some)).count() as u32;
    let design = study.design.first_trajectories(done).ok()?;
    let values: Vec<Vec<f64>> = values.into_iter().take(design.points.len()).map(Option::unwrap).collect();
    let mut rows = morris_indices(&design, &values).ok()?;
    rows.sort_by(|a, b| b.mu_star.total_cmp(&a.mu_star));
    Some((done, rows))
}

/// The results table of the finished points, byte for byte what `rollout sweep` then `rollout merge`
/// write for the same design and scenario once every point is in.
pub fn results_csv(study: &Study) -> String {
    results_table::to_text(&study.design, &study.finished_points()).unwrap_or_default()
}

/// The design as `rollout design` writes it.
pub fn design_json(study: &Study) -> String {
    format!("{}\n", study.design.to_json_pretty())
}

fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut w = results_table::writer(Vec::new());
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The tornado's bars as CSV, in the engine's units and `rollout analyse --format json`'s numbers.
pub fn tornado_csv(bars: &[TornadoBar]) -> String {
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
/// interval (engine units), in design order.
pub fn points_csv(study: &Study, r: usize) -> String {
    let mut header: Vec<&str> = vec!["point"];
    header.extend(study.design.factors.iter().map(|f| f.key.as_str()));
    header.extend(["mean", "lo", "hi"]);
    let rows = samples(study, r)
        .into_iter()
        .enumerate()
        .filter_map(|(p, v)| {
            let v = v?;
            let e = Estimate::from_samples(&v, t_critical(v.len()));
            let mut row = vec![p.to_string()];
            row.extend(study.points[p].as_ref()?.factor_values.iter().map(|&x| number(x)));
            row.extend([number(e.mean), number(e.lo), number(e.hi)]);
            Some(row)
        })
        .collect();
    csv(&header, rows)
}

/// Morris indices as CSV.
pub fn screening_csv(rows: &[MorrisIndex]) -> String {
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
    use std::rc::Rc;

    fn values(study: &Study, r: usize) -> Vec<Vec<f64>> {
        samples(study, r).into_iter().map(Option::unwrap).collect()
    }

    #[test]
    fn finished_tornado_bars_are_the_engines_tornado() {
        let s = Rc::new(small());
        let mut cache = PointCache::new();
        let study = Study::new(1, StudyKind::Tornado { swing: Swing::Quarter }, s, &cache).unwrap();
        assert!(tornado_bars(&study, 0).is_empty(), "nothing before the base point");
        let done = run_all(study, &mut cache, false);
        for output in &OUTPUTS {
            let r = response_index(&done, output).unwrap();
            assert_eq!(tornado_bars(&done, r), tornado(&done.design, &values(&done, r)).unwrap(), "{}", output.id);
        }
        let csv = tornado_csv(&tornado_bars(&done, 0));
        assert_eq!(csv.lines().count(), done.design.factors.len() + 1);
        assert!(results_csv(&done).starts_with("point,levers."));
    }

    #[test]
    fn a_part_finished_surface_shows_finished_cells_and_fills_the_rest_from_the_nearest() {
        let s = Rc::new(small());
        let kind = StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.support.level".into() };
        let mut study = Study::new(1, kind, s, &PointCache::new()).unwrap();
        // Finish only the first four points in the study's order (the corners), by hand.
        let jobs = study.jobs();
        for (point, scenario) in jobs.points.iter().take(4) {
            for replicate in 0..jobs.replicates {
                let values = rollout_engine::experiment::point_replicate(&jobs.responses, scenario, replicate);
                let answer = crate::runner::PointResponse {
                    study_id: 1,
                    job: 0,
                    point: *point,
                    replicate,
                    values,
                    compute_ms: 0.0,
                };
                study = study.with(&answer).unwrap().0;
            }
        }
        let cells = surface_cells(&study, 0, SURFACE_LEVELS as usize);
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
        let study = Study::new(1, StudyKind::Screening, s, &cache).unwrap();
        assert!(screening(&study, 0).is_none());
        let done = run_all(study, &mut cache, false);
        let (trajectories, rows) = screening(&done, 0).unwrap();
        assert_eq!(trajectories, crate::experiments::design::SCREENING_TRAJECTORIES);
        let mut engine = morris_indices(&done.design, &values(&done, 0)).unwrap();
        engine.sort_by(|a, b| b.mu_star.total_cmp(&a.mu_star));
        assert_eq!(rows, engine);
        assert!(screening_csv(&rows).contains("Nothing (noise floor),dummy,"));
    }
}
