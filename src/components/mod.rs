//! The page's pieces. Each takes what it shows as props and reports user intent as [`Action`]s through
//! a `dispatch` callback; none holds simulation state of its own.
//!
//! [`Action`]: crate::state::Action

mod difference_table;
mod groups_editor;
mod lever_control;
mod levers_panel;
mod outcomes_card;
mod toolbar;
mod top_bar;
mod value;

pub use difference_table::DifferenceTable;
pub use groups_editor::GroupsEditor;
pub use lever_control::LeverControl;
pub use levers_panel::LeversPanel;
pub use outcomes_card::{optional, percent, OutcomesCard};
pub use toolbar::Toolbar;
pub use top_bar::TopBar;
pub use value::{field_text, value_at};
