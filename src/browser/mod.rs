//! The browser services the page uses, each a thin wrapper over web-sys: the address fragment and
//! history (share links, back and forward), the clipboard, downloads and reading a chosen file.

pub mod clipboard;
pub mod files;
pub mod history;
