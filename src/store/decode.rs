//! Loading text files: encodings, BOMs, binary and size checks. Offsets are chars of the decoded text.
