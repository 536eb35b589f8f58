//! The `trellis` command: parses arguments and calls the core's `api`; nothing else lives here.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
