use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{self, Cli, Outcome};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let overrides = cli.reader_overrides();
    match cli::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Tui(comparison, pivot)) => {
            match parallax::tui::run(comparison, pivot, overrides) {
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
