//! Placeholder until the equity module lands (being written alongside).
pub fn run(_path: &std::path::Path, _adverse: bool, _scale: f64) -> Result<String, String> {
    Err("equity: not built yet".into())
}
