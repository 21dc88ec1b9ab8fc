//! The Web Worker binary: runs the engine off the main thread.

fn main() {
    console_error_panic_hook::set_once();
}
