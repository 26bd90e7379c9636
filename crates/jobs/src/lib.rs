//! One function over many items on a few threads, results in input order.
//!
//! The command line's `annotate --jsonl --jobs N` and the Python package's
//! `annotate_many(..., jobs=N)` both annotate a batch of texts whose sizes
//! vary a lot (a brief is 300 bytes, a feature 30 KB), so threads take the
//! next item from a shared counter rather than a fixed share of the batch:
//! no thread idles while another still has a long queue. Each thread owns a
//! state (the command line's options, which a record may change) for the
//! whole batch, so nothing is cloned per item. Scoped standard threads: no
//! pool to keep alive, no dependency, and a batch costs a few microseconds
//! of thread start-up against milliseconds of annotation.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of threads "every core" means here: what the system grants
/// this process, 1 when it cannot tell.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// `f` applied to every item, in input order, on one thread per state
/// (at most one per item). With one state, or one item, everything runs on
/// the calling thread; with no state, nothing runs (callers pass at least one).
pub fn map_ordered<T, S, R, F>(items: &[T], states: &mut [S], f: F) -> Vec<R>
where
    T: Sync,
    S: Send,
    R: Send,
    F: Fn(&mut S, &T) -> R + Sync,
{
    let threads = states.len().min(items.len());
    if threads <= 1 {
        return match states.first_mut() {
            Some(state) => items.iter().map(|item| f(state, item)).collect(),
            None => Vec::new(),
        };
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = states[..threads]
            .iter_mut()
            .map(|state| {
                let (next, f) = (&next, &f);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(state, item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.join() {
                Ok(mine) => mine,
                // A panic in `f` is the caller's to see, as if it had run here.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let mut states = vec![0usize; threads];
            // Uneven work, so that threads finish out of order.
            let out = map_ordered(&items, &mut states, |seen, &n| {
                *seen += 1;
                (0..(n % 7) * 1000).fold(n, |a, b| a.wrapping_add(b % 3))
            });
            let expected: Vec<u64> = items
                .iter()
                .map(|&n| (0..(n % 7) * 1000).fold(n, |a, b| a.wrapping_add(b % 3)))
                .collect();
            assert_eq!(out, expected, "{threads} threads");
            assert_eq!(states.iter().sum::<usize>(), items.len(), "each item once");
        }
    }

    #[test]
    fn each_thread_keeps_its_own_state() {
        let items: Vec<usize> = (0..100).collect();
        let mut states: Vec<Vec<usize>> = vec![Vec::new(); 4];
        let out = map_ordered(&items, &mut states, |mine, &i| {
            mine.push(i);
            i * 2
        });
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        let mut all: Vec<usize> = states.concat();
        all.sort_unstable();
        assert_eq!(all, items);
    }

    #[test]
    fn no_items_no_states() {
        let none: Vec<u8> = map_ordered(&[] as &[u8], &mut [(); 4], |_, &b| b);
        assert!(none.is_empty());
        let none: Vec<u8> = map_ordered(&[1u8, 2], &mut [] as &mut [()], |_, &b| b);
        assert!(none.is_empty());
        assert!(all_cores() >= 1);
    }

    #[test]
    #[should_panic(expected = "item 3")]
    fn a_panic_reaches_the_caller() {
        let items: Vec<usize> = (0..10).collect();
        map_ordered(&items, &mut [(); 2], |_, &i| {
            assert!(i != 3, "item 3");
            i
        });
    }
}
