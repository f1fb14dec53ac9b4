//! A highlight colour, written in files as `"#rrggbb"` so people can read and edit it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An sRGB colour without alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Colour {
    /// Parses `#rrggbb` (the `#` is optional); `None` for anything else.
    pub fn parse_hex(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#').unwrap_or(s);
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self {
            r: byte(0)?,
            g: byte(2)?,
            b: byte(4)?,
        })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse_hex(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "colour {s:?} is not of the form \"#rrggbb\" (six hex digits)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_and_rejects_bad_input() {
        let c = Colour::parse_hex("#D62728").unwrap();
        assert_eq!((c.r, c.g, c.b), (0xd6, 0x27, 0x28));
        assert_eq!(c.to_string(), "#d62728");
        assert_eq!(Colour::parse_hex("d62728"), Some(c));
        assert_eq!(Colour::parse_hex("#d6272"), None);
        assert_eq!(Colour::parse_hex("#gg2728"), None);
        assert_eq!(Colour::parse_hex("#ءء27"), None);
    }
}
