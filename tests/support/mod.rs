//! Helpers shared by the in-browser tests (`tests/web*.rs`).

use std::time::Duration;

/// Waits until `done()` holds, checking every 10 ms for up to 5 s; returns whether it did. Tests wait on
/// what they expect to see, never for a fixed time.
pub async fn until(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..500 {
        if done() {
            return true;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    done()
}
