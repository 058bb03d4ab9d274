//! Keeping a vector's allocation from one article to the next when its items borrow
//! from the article.

/// Empties `v` and returns its allocation as a vector of another item type of the same
/// size and alignment (here: the same type with another lifetime). Collecting a vector's
/// own iterator reuses its allocation in place.
#[allow(clippy::unnecessary_filter_map)] // the item type changes, which `filter` cannot do
pub fn recycle<T, U>(v: Vec<T>) -> Vec<U> {
    v.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recycled_vectors_keep_their_allocation() {
        let text = String::from("borrowed");
        let mut v: Vec<&str> = Vec::with_capacity(100);
        v.push(&text);
        let w: Vec<&'static str> = recycle(v);
        assert!(w.is_empty());
        assert!(w.capacity() >= 100, "capacity {}", w.capacity());
    }
}
