//! Work spread over threads (rayon) on large inputs, and only there: the one place
//! that chooses between the thread pool and the calling thread.
//!
//! [`Parallelism`] says from how many sentences a comparison's stages go parallel;
//! it travels with the comparison ([`crate::align::Params::parallelism`]), so a test
//! can force every stage down either path. A stage asks it once ([`Parallelism::over`])
//! and runs its loops through the [`Par`] it gets. Every helper gives on the pool
//! exactly what it gives on one thread: results are collected in the order of the
//! items, whatever way the work was split, so a stage's result never depends on the
//! path it took.

use std::ops::Range;

use rayon::prelude::*;

/// From how many sentences a comparison's work is spread over threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Parallelism {
    /// Work over at least this many sentences runs on the thread pool: 0 always,
    /// `usize::MAX` never.
    pub threshold: usize,
}

impl Parallelism {
    /// The default threshold. Below it, handing work to the thread pool (and waiting
    /// for it to be scheduled on a busy machine) costs more than it saves.
    pub const DEFAULT_THRESHOLD: usize = 2_000;
    /// Everything on the calling thread.
    pub const SERIAL: Parallelism = Parallelism {
        threshold: usize::MAX,
    };
    /// Everything on the thread pool, however small.
    pub const ALWAYS: Parallelism = Parallelism { threshold: 0 };

    /// How work over `sentences` sentences runs.
    pub(crate) fn over(self, sentences: usize) -> Par {
        Par {
            parallel: sentences >= self.threshold,
        }
    }
}

impl Default for Parallelism {
    fn default() -> Self {
        Parallelism {
            threshold: Self::DEFAULT_THRESHOLD,
        }
    }
}

/// A stage's choice, made once by [`Parallelism::over`]: its loops on the thread
/// pool, or on the calling thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Par {
    parallel: bool,
}

/// The items of a loop: anything that is both a rayon and a std iterable of the same
/// items (ranges, vectors, slices and references to them).
pub(crate) trait Items:
    IntoParallelIterator + IntoIterator<Item = <Self as IntoParallelIterator>::Item>
{
}

impl<T> Items for T where
    T: IntoParallelIterator + IntoIterator<Item = <T as IntoParallelIterator>::Item>
{
}

/// The item type of [`Items`].
type Item<I> = <I as IntoParallelIterator>::Item;

impl Par {
    /// On the thread pool if `parallel`: for work measured otherwise than in
    /// sentences (loading files, by their size).
    pub(crate) fn when(parallel: bool) -> Par {
        Par { parallel }
    }

    /// Whether the loops run on the thread pool.
    pub(crate) fn is_parallel(self) -> bool {
        self.parallel
    }

    /// `f` of each item, collected in order (into a `Vec`, or a pair of them).
    pub(crate) fn map<I, R, C>(self, items: I, f: impl Fn(Item<I>) -> R + Sync + Send) -> C
    where
        I: Items,
        R: Send,
        C: FromParallelIterator<R> + FromIterator<R>,
    {
        if self.parallel {
            items.into_par_iter().map(f).collect()
        } else {
            items.into_iter().map(f).collect()
        }
    }

    /// [`Par::map`] with a scratch value made by `init` (once on one thread, once per
    /// task on the pool) lent to each call.
    pub(crate) fn map_init<I, S, R, C>(
        self,
        items: I,
        init: impl Fn() -> S + Sync + Send,
        f: impl Fn(&mut S, Item<I>) -> R + Sync + Send,
    ) -> C
    where
        I: Items,
        R: Send,
        C: FromParallelIterator<R> + FromIterator<R>,
    {
        if self.parallel {
            items.into_par_iter().map_init(init, f).collect()
        } else {
            let mut scratch = init();
            items.into_iter().map(|x| f(&mut scratch, x)).collect()
        }
    }

    /// The `Some` values of `f` over the items, in order.
    pub(crate) fn filter_map<I, R, C>(
        self,
        items: I,
        f: impl Fn(Item<I>) -> Option<R> + Sync + Send,
    ) -> C
    where
        I: Items,
        R: Send,
        C: FromParallelIterator<R> + FromIterator<R>,
    {
        if self.parallel {
            items.into_par_iter().filter_map(f).collect()
        } else {
            items.into_iter().filter_map(f).collect()
        }
    }

    /// `f` on each item, with a scratch value made by `init` (see [`Par::map_init`]).
    pub(crate) fn for_each_init<I, S>(
        self,
        items: I,
        init: impl Fn() -> S + Sync + Send,
        f: impl Fn(&mut S, Item<I>) + Sync + Send,
    ) where
        I: Items,
    {
        if self.parallel {
            items.into_par_iter().for_each_init(init, f);
        } else {
            let mut scratch = init();
            items.into_iter().for_each(|x| f(&mut scratch, x));
        }
    }

    /// `f` of each item, summed by `add` from `zero` (in order on one thread; `add`
    /// must be associative with `zero` its identity, so the pool's sum is the same).
    pub(crate) fn map_reduce<I, R>(
        self,
        items: I,
        f: impl Fn(Item<I>) -> R + Sync + Send,
        zero: impl Fn() -> R + Sync + Send,
        add: impl Fn(R, R) -> R + Sync + Send,
    ) -> R
    where
        I: Items,
        R: Send,
    {
        if self.parallel {
            items.into_par_iter().map(f).reduce(zero, add)
        } else {
            items.into_iter().map(f).fold(zero(), add)
        }
    }

    /// `a()` and `b()`, side by side on the pool.
    pub(crate) fn join<A: Send, B: Send>(
        self,
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        if self.parallel {
            rayon::join(a, b)
        } else {
            (a(), b())
        }
    }

    /// Sorts `v` (an unstable sort: only for items whose equal ones are alike).
    pub(crate) fn sort_unstable<T: Ord + Send>(self, v: &mut [T]) {
        if self.parallel {
            v.par_sort_unstable();
        } else {
            v.sort_unstable();
        }
    }

    /// `0..n` cut into the ranges worked on as one: blocks of `size` on the pool (so
    /// that threads share the work), the whole on one thread.
    pub(crate) fn blocks(self, n: usize, size: usize) -> Vec<Range<usize>> {
        if self.parallel {
            (0..n).step_by(size).map(|s| s..(s + size).min(n)).collect()
        } else {
            std::iter::once(0..n).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_paths_give_the_same() {
        for p in [Parallelism::ALWAYS, Parallelism::SERIAL] {
            let par = p.over(10);
            assert_eq!(par.is_parallel(), p == Parallelism::ALWAYS);
            let squares: Vec<usize> = par.map(0..100usize, |x| x * x);
            assert_eq!(squares, (0..100).map(|x| x * x).collect::<Vec<_>>());
            let (a, b): (Vec<usize>, Vec<usize>) = par.map(&squares, |&x| (x, x + 1));
            assert_eq!((a[3], b[3]), (9, 10));
            let odd: Vec<usize> = par.filter_map(&squares, |&x| (x % 2 == 1).then_some(x));
            assert_eq!(odd.len(), 50);
            let sum = par.map_reduce(&squares, |&x| x, || 0, |a, b| a + b);
            assert_eq!(sum, squares.iter().sum::<usize>());
            let mut v = vec![5, 3, 9, 1];
            par.sort_unstable(&mut v);
            assert_eq!(v, [1, 3, 5, 9]);
            assert_eq!(par.join(|| 1, || 2), (1, 2));
            let blocks = par.blocks(10, 4);
            assert_eq!(blocks.first().map(|r| r.start), Some(0));
            assert_eq!(blocks.last().map(|r| r.end), Some(10));
        }
        assert!(!Parallelism::default().over(1_999).is_parallel());
        assert!(Parallelism::default().over(2_000).is_parallel());
    }
}
