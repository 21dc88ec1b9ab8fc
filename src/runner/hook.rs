//! [`use_run_pool`]: a [`RunPool`] that lives as long as the component.

use std::rc::Rc;

use yew::prelude::*;

use super::pool::RunPool;
use super::protocol::WorkerResponse;

/// The component's [`RunPool`], created on first render with [`RunPool::default_size`] workers and shut
/// down (workers ended) when the component unmounts. `on_response` receives every fresh answer of the
/// current run; the latest callback passed is the one used, so a closure rebuilt on each render is fine.
///
/// ```text
/// let state = use_reducer(State::default);
/// let pool = use_run_pool({
///     let state = state.clone();
///     Callback::from(move |r: ReplicateResponse| state.dispatch(Action::Replicate(r)))
/// });
/// // later, e.g. in an effect on the scenario: pool.start(run_id, &scenario)
/// ```
#[hook]
pub fn use_run_pool(on_response: Callback<WorkerResponse>) -> Rc<RunPool> {
    let pool = {
        let first = on_response.clone();
        use_memo((), move |_| RunPool::new(first))
    };
    pool.set_on_response(on_response);
    {
        let pool = pool.clone();
        use_effect_with((), move |_| move || pool.shutdown());
    }
    pool
}
