//! Work over a list done in two halves at once, on two threads, when there is enough of it to be
//! worth a thread (every row's diff, a long row's line breaks, a search over every row of a large
//! pair). Results come back in the list's order, as a plain map would give them.

/// Below this much work (in bytes of text, say) one thread does it all.
const WORTH_A_THREAD: usize = 1 << 19;

/// Whether `total` work (in bytes of text) is enough to be worth a second thread.
pub(crate) fn worth_a_thread(total: usize) -> bool {
    total >= WORTH_A_THREAD
}

/// `a` and `b` at once, `b` on a thread of its own; a panic in either goes on in the caller.
pub(crate) fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|s| {
        let b = s.spawn(b);
        let a = a();
        (a, b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}

/// `f` of every item, in order; when the items' `weight`s add up to enough, the list is cut where
/// half the weight lies before and the two halves are done at once.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], weight: impl Fn(&T) -> usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_owned(items.iter().collect(), |t| weight(t), f)
}

/// [`map`] over items taken by value: each is dropped once `f` is done with it (a row's paired
/// sentences, which weigh as much as its text, are not all kept to the end).
pub(crate) fn map_owned<T: Send, R: Send>(
    mut items: Vec<T>,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let weights: Vec<usize> = items.iter().map(weight).collect();
    let total: usize = weights.iter().sum();
    if !worth_a_thread(total) {
        return items.into_iter().map(&f).collect();
    }
    let second = items.split_off(cut_at(&weights, total));
    let f = &f;
    let (mut out, later) = join(
        move || items.into_iter().map(f).collect::<Vec<R>>(),
        move || second.into_iter().map(f).collect::<Vec<R>>(),
    );
    out.extend(later);
    out
}

/// Where to cut a list of `weights` (adding up to `total`) so that half the weight lies before.
fn cut_at(weights: &[usize], total: usize) -> usize {
    let mut before = 0;
    weights
        .iter()
        .position(|&w| {
            before += w;
            before * 2 >= total
        })
        .map_or(weights.len(), |k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_come_back_whole_and_in_order() {
        // Uneven weights, enough of them to be cut in two; and too little to be.
        let items: Vec<usize> = (0..200).map(|k| (k * 7919) % 9000).collect();
        assert!(items.iter().sum::<usize>() >= WORTH_A_THREAD);
        let plain: Vec<usize> = items.iter().map(|x| x * 2).collect();
        assert_eq!(map(&items, |&x| x, |x| x * 2), plain);
        assert_eq!(map(&items[..3], |&x| x, |x| x * 2), plain[..3]);
        // One item holding all the weight.
        let mut heavy = vec![1; 10];
        heavy[9] = WORTH_A_THREAD;
        assert_eq!(map(&heavy, |&x| x, |&x| x), heavy);
        assert!(map(&[] as &[usize], |&x| x, |&x| x).is_empty());
        assert_eq!(map_owned(items.clone(), |&x| x, |x| x * 2), plain);
        assert_eq!(map_owned(heavy.clone(), |&x| x, |x| x), heavy);
    }
}
