//! The page's pieces. Each takes what it shows as props and reports user intent as [`Action`]s through
//! a `dispatch` callback; none holds simulation state of its own.
//!
//! [`Action`]: crate::state::Action

mod chart_picker;
mod difference_table;
mod estimate;
mod fit_check;
mod groups_editor;
mod headline;
mod help_popup;
mod history_buttons;
mod lever_control;
mod levers_panel;
mod options_panel;
mod outcomes_card;
mod toolbar;
mod top_bar;
mod value;
mod what_binds;
mod worth_it;

pub use chart_picker::{chart_in_slot, ChartPicker};
pub use difference_table::DifferenceTable;
pub use estimate::estimate;
pub use fit_check::{fit_lines, FitCheck, FitLine};
pub use groups_editor::GroupsEditor;
pub use headline::{figures, gap, Figure, Headline};
pub use help_popup::HelpPopup;
pub use history_buttons::HistoryButtons;
pub use lever_control::LeverControl;
pub use levers_panel::{LeversPanel, LeversPanelProps};
pub use options_panel::{OptionRow, OptionsPanel};
pub use outcomes_card::OutcomesCard;
pub use toolbar::Toolbar;
pub use top_bar::TopBar;
pub use value::{field_text, value_at};
pub use what_binds::{binding_line, lever_signs, LeverSign, WhatBinds};
pub use worth_it::{cost_per_text, WorthIt};
