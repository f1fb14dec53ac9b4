//! The sidecar file `<file>.ann.ron`: format version 1, stable order, parsing with clear errors, migration.
