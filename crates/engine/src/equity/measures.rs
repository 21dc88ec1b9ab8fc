//! All summary measures at once, with HEAT's rules on which apply to which kind of dimension.

use super::{attributable, best_performing, entropy, mean_difference, ordered, pairwise, variance, SubgroupTable};

/// Every HEAT summary measure for one table; `None` where a measure does not apply to this kind of
/// dimension or is undefined for these numbers (e.g. a ratio with a zero denominator). Never 0 for "n/a".
///
/// Which apply (HEAT Plus; Hosseinpoor et al. 2018, Glob Health Action 11:1440783, table 2):
/// - every table: D, R, PAR, PAF;
/// - ordered dimension with more than 2 subgroups: ACI, RCI, SII, RII;
/// - non-ordered dimension with more than 2 subgroups: BGV, BGSD, COV, MDMU, MDMW, IDISU, IDISW, MDBU,
///   MDBW, TI, MLD.
///
/// Units: D, ACI, SII, BGSD, MDMU, MDMW, MDBU, MDBW and PAR are in the indicator's unit; BGV in its square;
/// COV, IDISU, IDISW and PAF in percent of the mean; R, RII and RCI have no unit (RCI as a fraction, as
/// `healthequal` returns it); TI and MLD are multiplied by 1000.
///
/// Serialises to a JSON object keyed by the upper-case abbreviations, `null` where `None`.
///
/// ```
/// use rollout_engine::equity::{measures, Subgroup, SubgroupTable, TableOptions};
/// let rows = (1..=5).map(|q| Subgroup::new(format!("Q{q}"), 10.0 * q as f64 + 10.0, 100.0).with_order(q)).collect();
/// let m = measures(&SubgroupTable::new(rows, TableOptions::default()).unwrap());
/// assert_eq!(m.d, Some(40.0));
/// assert!(m.sii.unwrap() > 0.0 && m.bgv.is_none());
/// let json = serde_json::to_value(&m).unwrap();
/// assert_eq!(json["D"], 40.0);
/// assert!(json["BGV"].is_null());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Measures {
    /// Difference.
    #[serde(rename = "D")]
    pub d: Option<f64>,
    /// Ratio.
    #[serde(rename = "R")]
    pub r: Option<f64>,
    /// Absolute concentration index.
    #[serde(rename = "ACI")]
    pub aci: Option<f64>,
    /// Relative concentration index.
    #[serde(rename = "RCI")]
    pub rci: Option<f64>,
    /// Slope index of inequality.
    #[serde(rename = "SII")]
    pub sii: Option<f64>,
    /// Relative index of inequality.
    #[serde(rename = "RII")]
    pub rii: Option<f64>,
    /// Between-group variance.
    #[serde(rename = "BGV")]
    pub bgv: Option<f64>,
    /// Between-group standard deviation.
    #[serde(rename = "BGSD")]
    pub bgsd: Option<f64>,
    /// Coefficient of variation.
    #[serde(rename = "COV")]
    pub cov: Option<f64>,
    /// Mean difference from mean, unweighted.
    #[serde(rename = "MDMU")]
    pub mdmu: Option<f64>,
    /// Mean difference from mean, weighted.
    #[serde(rename = "MDMW")]
    pub mdmw: Option<f64>,
    /// Index of disparity, unweighted.
    #[serde(rename = "IDISU")]
    pub idisu: Option<f64>,
    /// Index of disparity, weighted.
    #[serde(rename = "IDISW")]
    pub idisw: Option<f64>,
    /// Mean difference from best-performing subgroup, unweighted.
    #[serde(rename = "MDBU")]
    pub mdbu: Option<f64>,
    /// Mean difference from best-performing subgroup, weighted.
    #[serde(rename = "MDBW")]
    pub mdbw: Option<f64>,
    /// Theil index (× 1000).
    #[serde(rename = "TI")]
    pub ti: Option<f64>,
    /// Mean log deviation (× 1000).
    #[serde(rename = "MLD")]
    pub mld: Option<f64>,
    /// Population attributable risk.
    #[serde(rename = "PAR")]
    pub par: Option<f64>,
    /// Population attributable fraction.
    #[serde(rename = "PAF")]
    pub paf: Option<f64>,
}

impl Measures {
    /// The abbreviations, in the order of [`Measures::entries`].
    pub const NAMES: [&'static str; 19] = [
        "D", "R", "ACI", "RCI", "SII", "RII", "BGV", "BGSD", "COV", "MDMU", "MDMW", "IDISU", "IDISW", "MDBU", "MDBW",
        "TI", "MLD", "PAR", "PAF",
    ];

    /// (abbreviation, value) for every measure, in a fixed order.
    pub fn entries(&self) -> [(&'static str, Option<f64>); 19] {
        let v = [
            self.d, self.r, self.aci, self.rci, self.sii, self.rii, self.bgv, self.bgsd, self.cov, self.mdmu,
            self.mdmw, self.idisu, self.idisw, self.mdbu, self.mdbw, self.ti, self.mld, self.par, self.paf,
        ];
        std::array::from_fn(|i| (Self::NAMES[i], v[i]))
    }
}

/// Computes every measure for `table`, applying HEAT's applicability rules (see [`Measures`]).
///
/// Allocation-light and closed-form except SII/RII, whose logistic fit takes a handful of Newton steps
/// (capped at 30), so it is cheap enough to call per simulated month per replicate.
pub fn measures(table: &SubgroupTable) -> Measures {
    let finite = |v: f64| v.is_finite().then_some(v);
    let mut m = Measures {
        d: finite(pairwise::difference(table)),
        r: pairwise::ratio(table),
        par: finite(attributable::par(table)),
        paf: attributable::paf(table).and_then(finite),
        ..Measures::default()
    };
    if table.len() <= 2 {
        return m;
    }
    if table.is_ordered() {
        m.aci = ordered::aci(table).and_then(finite);
        m.rci = ordered::rci(table).and_then(finite);
        (m.sii, m.rii) = ordered::sii_rii(table);
    } else {
        m.bgv = finite(variance::bgv(table));
        m.bgsd = finite(variance::bgsd(table));
        m.cov = variance::cov(table).and_then(finite);
        m.mdmu = finite(mean_difference::mdmu(table));
        m.mdmw = finite(mean_difference::mdmw(table));
        m.idisu = mean_difference::idisu(table).and_then(finite);
        m.idisw = mean_difference::idisw(table).and_then(finite);
        m.mdbu = finite(best_performing::mdbu(table));
        m.mdbw = finite(best_performing::mdbw(table));
        m.ti = entropy::theil(table);
        m.mld = entropy::mean_log_deviation(table);
    }
    m
}
