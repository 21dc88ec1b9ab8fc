//! The page binary: installs a panic hook that logs to the console, then mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<rollout_lab::app::App>::new().render();
}
