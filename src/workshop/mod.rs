//! Workshop mode, for facilitators and teachers: presenting mode (one chart fills a projector screen, the
//! page chrome hidden, Esc leaves), stepping through the years, predict-then-reveal, facilitator notes per
//! preset (data in `data/workshops/`), and a printable handout. The offline service worker is
//! `assets/sw.js`, versioned at build time by `scripts/sw_version.sh`.
//!
//! Teams: each team's plan is an option (`state::options`); [`debrief`] ranks them.
//!
//! Pure and tested natively: [`state`] (the sub-state and its reducer), [`keys`], [`reveal`] (what the stage
//! draws), [`notes`], [`debrief::rank`]. Components: [`stage`] (one large chart and the guess), [`presenting`], [`notes_panel`],
//! [`handout`]; [`hooks`] (keys on the page, the player's clock).

pub mod debrief;
pub mod handout;
pub mod hooks;
pub mod keys;
pub mod notes;
pub mod notes_panel;
pub mod presenting;
pub mod reveal;
pub mod stage;
pub mod state;

pub use handout::{Handout, HandoutPage};
pub use hooks::{use_player, use_workshop_keys};
pub use notes_panel::NotesPanel;
pub use presenting::Presenting;
pub use state::{Guess, Workshop, WorkshopAction};
