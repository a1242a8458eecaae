use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{self, Cli, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Tui(..)) => {
            eprintln!(
                "parallax: the interactive reader is not available yet; use --format json or --format markdown"
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("parallax: {e}");
            ExitCode::from(2)
        }
    }
}
