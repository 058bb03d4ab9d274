//! Room a thread keeps from one use to the next (a read buffer, a parser),
//! so that work done over and over allocates nothing.

use std::cell::RefCell;
use std::thread::LocalKey;

/// Runs `f` with the thread's `kept` value, then lets `bound` trim what is
/// kept for the next use. When `f` is already using it further up the
/// stack, `f` gets a fresh value instead.
pub(crate) fn with_kept<T: Default + 'static, R>(
    kept: &'static LocalKey<RefCell<T>>,
    f: impl FnOnce(&mut T) -> R,
    bound: impl FnOnce(&mut T),
) -> R {
    kept.with(|cell| match cell.try_borrow_mut() {
        Ok(mut value) => {
            let result = f(&mut value);
            bound(&mut value);
            result
        }
        Err(_) => f(&mut T::default()),
    })
}

/// `bound` for a buffer: dropped when it grew beyond `most` bytes.
pub(crate) fn at_most(most: usize) -> impl FnOnce(&mut Vec<u8>) {
    move |buffer| {
        if buffer.capacity() > most {
            *buffer = Vec::new();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static KEPT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn room_is_kept_up_to_its_bound_and_a_nested_use_gets_its_own() {
        with_kept(&KEPT, |b| b.extend_from_slice(b"abc"), at_most(1024));
        let nested = with_kept(
            &KEPT,
            |outer| {
                let inner = with_kept(&KEPT, |inner| inner.len(), at_most(1024));
                (outer.len(), inner)
            },
            at_most(1024),
        );
        assert_eq!(nested, (3, 0));
        with_kept(&KEPT, |b| b.resize(4096, 0), at_most(1024));
        assert_eq!(with_kept(&KEPT, |b| b.capacity(), at_most(1024)), 0);
    }
}
