//! Stage timings for profiling: with `PARALLAX_STAGES` set in the environment, each
//! `mark` prints the time since the previous mark (and since the process's first mark)
//! and the CPU time used meanwhile, to stderr. Without it, a mark costs one relaxed load.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Instant;

/// 0: not looked up yet, 1: off, 2: on.
static STATE: AtomicU8 = AtomicU8::new(0);
static LAST: Mutex<Option<(Instant, Instant, usize)>> = Mutex::new(None);

/// CPU time (user + system) of the process so far, in milliseconds, and its peak
/// resident memory in MiB.
#[cfg(unix)]
fn usage() -> (usize, usize) {
    // SAFETY: `getrusage` fills the struct it is given, zeroed here.
    let u = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut u);
        u
    };
    let ms = |t: libc::timeval| t.tv_sec as usize * 1000 + t.tv_usec as usize / 1000;
    // Kilobytes on Linux (bytes on macOS, which reads larger here).
    (ms(u.ru_utime) + ms(u.ru_stime), u.ru_maxrss as usize >> 10)
}

#[cfg(not(unix))]
fn usage() -> (usize, usize) {
    (0, 0)
}

fn on() -> bool {
    match STATE.load(Ordering::Relaxed) {
        0 => {
            let on = std::env::var_os("PARALLAX_STAGES").is_some();
            STATE.store(if on { 2 } else { 1 }, Ordering::Relaxed);
            on
        }
        s => s == 2,
    }
}

/// Notes that stage `name` has just ended.
pub fn mark(name: &str) {
    if !on() {
        return;
    }
    let (now, (cpu, peak)) = (Instant::now(), usage());
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    let (first, prev, prev_cpu) = last.unwrap_or((now, now, cpu));
    eprintln!(
        "stage {name:<12} {:7.1} ms  cpu {:4} ms  peak {peak:4} MiB  (at {:7.1} ms)",
        (now - prev).as_secs_f64() * 1e3,
        cpu - prev_cpu,
        (now - first).as_secs_f64() * 1e3
    );
    *last = Some((first, now, cpu));
}
