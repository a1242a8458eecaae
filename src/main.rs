use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{self, Cli, Outcome};

// A comparison makes millions of small allocations and frees them in bulk: with the
// system allocator, a tenth of the run went to page faults and freeing (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let overrides = cli.reader_overrides();
    match cli::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Tui(comparison, pivot, review)) => {
            match parallax::tui::run(*comparison, pivot, Some(review), overrides) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("parallax: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Err(e) => {
            eprintln!("parallax: {e}");
            ExitCode::from(2)
        }
    }
}
