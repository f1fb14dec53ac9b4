//! Re-anchoring annotations when the text file changed. Offsets are chars.
