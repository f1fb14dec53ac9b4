//! Fuzzes the sidecar loader: any bytes must give a sidecar or an error, never a panic; whatever
//! loads must validate and save without panicking, and what is saved must load again.
#![no_main]

use hamish::model::{validate, Schema};
use hamish::store::sidecar::{from_ron_str, to_ron_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(sidecar) = from_ron_str(text, "fuzz.ann.ron") {
        let _ = validate(&sidecar.set, &Schema::fact_checking(), sidecar.text.chars);
        let saved = to_ron_string(&sidecar);
        assert!(from_ron_str(&saved, "again.ann.ron").is_ok());
    }
});
