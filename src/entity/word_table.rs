//! A word → flags table tuned for the extractor's hot loop.
//!
//! Almost every word looked up is at most 15 bytes long. Such a word is packed with
//! its length into a 128-bit key held inside the table itself, so a look-up hashes two
//! integers and compares two integers: no string comparison and no second memory
//! access to the key's bytes. Longer words go to an ordinary string table.

use rustc_hash::FxHashMap;

/// The longest word kept in the packed table.
const PACKED_MAX: usize = 15;

/// Word flags by word, with the short words packed (see the module documentation).
#[derive(Default)]
pub struct WordTable {
    short: FxHashMap<(u64, u64), u32>,
    long: FxHashMap<&'static [u8], u32>,
}

/// Little-endian value of up to eight bytes.
#[inline]
fn le_bytes(b: &[u8]) -> u64 {
    match b.len() {
        8.. => u64::from_le_bytes(b[..8].try_into().unwrap_or([0; 8])),
        4..=7 => {
            // Two overlapping 4-byte reads; the bytes they share are equal, so OR joins them.
            let lo = u32::from_le_bytes(b[..4].try_into().unwrap_or([0; 4]));
            let hi = u32::from_le_bytes(b[b.len() - 4..].try_into().unwrap_or([0; 4]));
            u64::from(lo) | u64::from(hi) << (8 * (b.len() - 4))
        }
        _ => b.iter().rev().fold(0u64, |acc, &c| acc << 8 | u64::from(c)),
    }
}

/// `w`'s bytes in order with its length in the last byte, if it has at most
/// [`PACKED_MAX`] bytes: distinct words give distinct keys.
#[inline]
fn pack(w: &[u8]) -> Option<(u64, u64)> {
    let n = w.len();
    if n > PACKED_MAX {
        return None;
    }
    let (lo, hi) = if n > 8 {
        (le_bytes(&w[..8]), le_bytes(&w[8..]))
    } else {
        (le_bytes(w), 0)
    };
    Some((lo, hi | (n as u64) << 56))
}

impl WordTable {
    /// An empty table with room for about `n` words.
    pub fn with_capacity(n: usize) -> Self {
        WordTable {
            short: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            long: FxHashMap::default(),
        }
    }

    /// ORs `flags` into the entry of `w`.
    pub fn add(&mut self, w: &'static str, flags: u32) {
        match pack(w.as_bytes()) {
            Some(k) => *self.short.entry(k).or_insert(0) |= flags,
            None => *self.long.entry(w.as_bytes()).or_insert(0) |= flags,
        }
    }

    /// The flags of `w`, if it is in the table.
    #[inline]
    pub fn get(&self, w: &[u8]) -> Option<u32> {
        match pack(w) {
            Some(k) => self.short.get(&k).copied(),
            None => self.get_long(w),
        }
    }

    /// The flags of a word too long to pack: rare, so kept out of line, which
    /// keeps the packed look-up small where it is inlined.
    #[cold]
    #[inline(never)]
    fn get_long(&self, w: &[u8]) -> Option<u32> {
        self.long.get(w).copied()
    }

    /// Frees the spare capacity after building.
    pub fn shrink_to_fit(&mut self) {
        self.short.shrink_to_fit();
        self.long.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packing spelled out byte by byte.
    fn naive(w: &[u8]) -> Option<(u64, u64)> {
        if w.len() > PACKED_MAX {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..w.len()].copy_from_slice(w);
        buf[15] = w.len() as u8;
        Some((
            u64::from_le_bytes(buf[..8].try_into().unwrap()),
            u64::from_le_bytes(buf[8..].try_into().unwrap()),
        ))
    }

    #[test]
    fn packing_keeps_every_byte_and_the_length() {
        let src: Vec<u8> = (1..=20u8).map(|c| c.wrapping_mul(37) | 1).collect();
        for n in 0..=src.len() {
            assert_eq!(pack(&src[..n]), naive(&src[..n]), "length {n}");
        }
        // Zero bytes and lengths are told apart.
        assert_ne!(pack(b"ab"), pack(b"ab\0"));
        assert_ne!(pack(b""), pack(b"\0"));
    }

    #[test]
    fn short_and_long_words_are_found() {
        let mut t = WordTable::default();
        t.add("Wang", 1);
        t.add("Wang", 2);
        t.add("Internationalization", 4);
        t.add("fifteen-letters", 8);
        assert_eq!(t.get(b"Wang"), Some(3));
        assert_eq!(t.get(b"Internationalization"), Some(4));
        assert_eq!(t.get(b"fifteen-letters"), Some(8));
        assert_eq!(t.get(b"Wan"), None);
        assert_eq!(t.get(b"Internationalisation"), None);
        assert_eq!(t.get(b""), None);
    }
}
