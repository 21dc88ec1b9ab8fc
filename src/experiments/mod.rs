//! Experiments in the browser: which lever matters most (a tornado), one lever over its range (a sweep),
//! two levers together (a surface) and every lever screened at once (Morris), run by the engine's
//! experiment module in the page's worker pool, one replicate of one point per message.
//!
//! - [`design`]: the outputs a study shows and the engine design of each kind of study, from the levers;
//! - [`study`]: [`Study`], its finished points and the cache every later study reuses;
//! - [`state`]: [`Studies`] in `AppState`, [`StudyAction`] and its pure reducer;
//! - [`analysis`]: tornado bars, sweep lines, surface cells and Morris indices of the finished points,
//!   and the exports (the CLI's results table, design and analysis);
//! - components: [`StudyPanel`] (picker, progress, stop, exports) and one view per kind.

pub mod analysis;
pub mod design;
mod panel;
pub mod state;
pub mod study;
mod views;

pub use panel::StudyPanel;
pub use state::{apply, Studies, StudyAction};
pub use study::Study;
