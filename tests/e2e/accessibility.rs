//! axe-core (the npm package, installed into `.tools/` by `scripts/setup.sh`) run in the page: no serious or
//! critical violation on the default page, nor in Large text.

use serde_json::Value;

use crate::session::{repo_root, Session};

/// axe-core's script, from `.tools/node_modules/axe-core/axe.min.js`.
fn axe_source() -> String {
    let path = repo_root().join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("e2e: no axe-core at {} ({e}); run bash scripts/setup.sh", path.display()))
}

/// Injects axe-core and returns its serious and critical violations as "rule: target, target" lines.
pub(crate) async fn serious_violations(session: &Session) -> Vec<String> {
    session.client.execute(&axe_source(), vec![]).await.expect("inject axe-core");
    let script = "const done = arguments[arguments.length - 1]; \
        axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations \
          .filter(v => v.impact === 'serious' || v.impact === 'critical') \
          .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')))) \
          .catch(e => done(['axe failed: ' + e]));";
    let out = session.client.execute_async(script, vec![]).await.expect("run axe-core");
    out.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_serious_or_critical_violation_in_normal_and_large_text() {
    let session = Session::open("/").await;
    session
        .wait_for_complete_run(
            rollout_engine::presets::preset(rollout_engine::presets::DEFAULT).unwrap().scenario.replicates,
        )
        .await;
    let normal = serious_violations(&session).await;
    session.wait_for("#large-text").await.click().await.unwrap();
    session.wait_for(".app.large").await;
    let large = serious_violations(&session).await;
    assert!(normal.is_empty() && large.is_empty(), "axe-core: normal text {normal:#?}\nlarge text {large:#?}");
    session.finish().await;
}
