use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    crossread::cli::run(crossread::cli::Cli::parse())
}
