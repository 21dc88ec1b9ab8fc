//! A millisecond clock that works on the page, in a Web Worker (both have a global `performance`) and
//! natively (tests).

#[cfg(target_arch = "wasm32")]
mod clock {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // `performance` is a global in both windows and workers, so no `window()` is needed.
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;
    }

    pub fn now_ms() -> f64 {
        performance_now()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod clock {
    use std::sync::OnceLock;
    use std::time::Instant;

    pub fn now_ms() -> f64 {
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

/// Milliseconds since an arbitrary origin (fixed per thread or worker), sub-millisecond where the platform allows.
pub fn now_ms() -> f64 {
    clock::now_ms()
}
