use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{self, Cli, Outcome};

// A comparison makes millions of small allocations and frees them in bulk: with the
// system allocator, a tenth of the run went to page faults and freeing (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the position in v3's `mi_option_e`; the sys
/// crate names only v2's options).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory freed by one stage is given back after 100 ms rather than mimalloc's
    // second: reused within a stage, returned between them. With the default, the
    // peak of 8 sources of 1 MB varied from 265 to 310 MB; with this, 225 to 230 MB.
    // SAFETY: sets a number mimalloc reads when it next purges; no memory is touched.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 100) };
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
