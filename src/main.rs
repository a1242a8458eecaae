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

/// Inputs from this size on give freed memory back sooner (see `main`).
const LARGE_INPUT: u64 = 4 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // mimalloc keeps freed memory a second before giving it back, so that the next
    // stage reuses it without faulting pages in again. On large inputs that let the
    // peak grow (8 sources of 1 MB: 265 to 310 MB); there memory freed by one stage is
    // given back after 100 ms instead (227 to 256 MB), which costs small inputs 7%.
    let bytes: u64 = cli
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    if bytes >= LARGE_INPUT {
        // SAFETY: sets a number mimalloc reads when it next purges; no memory is touched.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 100) };
    }
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
