//! Writes a synthetic engagement file at ESCO scale for whole-process benchmarks: `cargo run --release --example synthetic_engagement -- OUT.trellis [esco|esco-channels]`.

use trellis::model::synthetic::{self, Sizes};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: synthetic_engagement OUT.trellis [esco|esco-channels]");
        std::process::exit(2);
    };
    let sizes = match args.next().as_deref() {
        None | Some("esco-channels") => Sizes {
            roles: 3_039,
            competencies: 13_492,
            requires: 128_987,
            channels: 500,
            develops: 40_000,
            reaches: 80_000,
        },
        Some("esco") => Sizes::ESCO,
        Some(other) => {
            eprintln!("unknown size `{other}`: esco or esco-channels");
            std::process::exit(2);
        }
    };
    let model = synthetic::model(sizes);
    if let Err(e) = trellis::store::Store::create(out.as_ref(), &model) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    eprintln!("wrote {out}: {} roles, {} requires", model.roles.len(), model.requires.len());
}
