//! Packing bytes into link-safe text and back: raw DEFLATE, then base64url without padding.
//!
//! Unpacking is bounded whatever the text holds: the output grows in steps up to [`MAX_JSON_BYTES`] and
//! decompression stops there, so a small link that would expand to gigabytes (a "zip bomb") costs at most
//! that much memory and time proportional to it.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::{LinkError, MAX_JSON_BYTES};

/// DEFLATE level: 10 is miniz's slowest and smallest. A scenario is a few kilobytes, so it takes well
/// under a millisecond.
const LEVEL: u8 = 10;

/// Reads what [`URL_SAFE_NO_PAD`] writes, and also the same with `=` padding or with nonzero unused bits in
/// the last character (which only a damaged link has; decompression then reports it).
const READ: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Compress `bytes` with raw DEFLATE and write them in base64url without padding.
pub(super) fn pack(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, LEVEL))
}

/// Undo [`pack`]: `data` is the text after the label; `offset` is its position in the fragment, for
/// pointing at a bad character.
pub(super) fn unpack(data: &str, offset: usize) -> Result<Vec<u8>, LinkError> {
    let body = data.trim_end_matches('=');
    let base64url = |c: &char| c.is_ascii_alphanumeric() || *c == '-' || *c == '_';
    if let Some((i, character)) = body.chars().enumerate().find(|(_, c)| !base64url(c)) {
        return Err(LinkError::BadCharacter { character, position: offset + i + 1 });
    }
    if body.is_empty() {
        return Err(LinkError::Truncated);
    }
    // Every character is in the alphabet, so the only possible failure is a length no whole number of
    // bytes has (4n + 1 characters): the link was cut short.
    let compressed = READ.decode(body).map_err(|_| LinkError::Truncated)?;
    inflate(&compressed)
}

/// Raw DEFLATE decompression into at most [`MAX_JSON_BYTES`], rejecting truncated, damaged and oversized
/// streams and any bytes after the end of the stream.
fn inflate(mut input: &[u8]) -> Result<Vec<u8>, LinkError> {
    // The whole output stays in one buffer, so back-references never need a separate window. Without
    // the "has more input" flag, running out of input is reported as FailedCannotMakeProgress.
    let flags = miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; input.len().saturating_mul(4).clamp(1024, MAX_JSON_BYTES)];
    let mut state = Box::<DecompressorOxide>::default();
    let mut written = 0;
    loop {
        let (status, read, wrote) = decompress(&mut state, input, &mut out, written, flags);
        written += wrote;
        input = input.get(read..).ok_or(LinkError::Corrupt)?;
        match status {
            TINFLStatus::Done if input.is_empty() => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::Done => return Err(LinkError::Corrupt),
            TINFLStatus::HasMoreOutput if out.len() < MAX_JSON_BYTES => {
                let grown = out.len().saturating_mul(2).min(MAX_JSON_BYTES);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(LinkError::TooLarge { max: MAX_JSON_BYTES }),
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => return Err(LinkError::Truncated),
            _ => return Err(LinkError::Corrupt),
        }
    }
}
