//! The text around the data: finding the fragment, and reading and checking the format label (`s1.`).

use super::{LinkError, FORMAT_VERSION, MAX_LINK_CHARS};

/// The format label a link of the current format starts with: `s` (for scenario), the format number and
/// a dot.
pub(super) fn label() -> String {
    format!("s{FORMAT_VERSION}.")
}

/// Cut `text` down to the link's data, after its label.
///
/// Refuses long text before looking at it. Accepts the fragment with or without its `#`, or a whole
/// address (everything up to the first `#` is dropped), and drops white space anywhere (a link wrapped
/// over two lines by an email program still opens). Returns the data (base64url) and its offset in the
/// cleaned fragment, so that a bad character can be pointed to.
pub(super) fn split(text: &str) -> Result<(String, usize), LinkError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { length: text.len(), max: MAX_LINK_CHARS });
    }
    let fragment = match text.find('#') {
        Some(hash) => &text[hash + 1..],
        None => text,
    };
    let cleaned: String = fragment.chars().filter(|c| !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return Err(LinkError::Empty);
    }
    let unknown = || LinkError::UnknownFormat { start: cleaned.chars().take(12).collect() };
    let (name, data) = cleaned.split_once('.').ok_or_else(unknown)?;
    let digits = name.strip_prefix('s').ok_or_else(unknown)?;
    // At most 9 digits, so the number fits a u32; a format 0 never existed.
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(unknown());
    }
    let format: u32 = digits.parse().map_err(|_| unknown())?;
    if format == 0 {
        return Err(unknown());
    }
    if format > FORMAT_VERSION {
        return Err(LinkError::NewerFormat { found: format, supported: FORMAT_VERSION });
    }
    let offset = name.chars().count() + 1;
    Ok((data.to_string(), offset))
}
