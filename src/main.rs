use std::process::ExitCode;

use clap::Parser;
mod cli;

use cli::{Cli, Outcome};

// A comparison makes millions of small allocations and frees them in bulk: with the
// system allocator, a tenth of the run went to page faults and freeing. jemalloc
// reuses freed memory for objects of other sizes, so a run touches fewer fresh pages
// than with mimalloc (peak at 2 × 1 MB 110 → 60 MB), and fresh pages are what cost
// most on a virtual machine (BENCHMARKS.md). Behind the default feature `jemalloc`.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts: its memory in huge pages where the system
/// allows them on request, one page fault per 2 MiB instead of per 4 KiB.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: Conf = Conf(c"thp:always,metadata_thp:always".as_ptr());

/// A C string jemalloc finds by name (a thin pointer, which `&CStr` is not).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[repr(transparent)]
struct Conf(*const std::ffi::c_char);

// SAFETY: the pointer is to a string constant, never written.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
unsafe impl Sync for Conf {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let overrides = cli.reader_overrides();
    match cli::run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Tui(comparison, pivot, review)) => {
            match parallax_tui::terminal::run(*comparison, pivot, Some(review), overrides) {
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
