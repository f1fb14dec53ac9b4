//! Output names for imports and exports: relative paths made from names read out of files, so
//! that nothing is ever written outside the chosen folder.

use std::path::PathBuf;

/// A relative output path from a name read from a file: `..`, roots and empty parts are dropped so
/// that an import never writes outside its folder.
pub fn safe_relative(name: &str) -> PathBuf {
    name.split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_climb_out_of_the_folder() {
        assert_eq!(safe_relative("../../etc/x.txt"), PathBuf::from("etc/x.txt"));
        assert_eq!(
            safe_relative("/abs\\win/./a.txt"),
            PathBuf::from("abs/win/a.txt")
        );
    }
}
