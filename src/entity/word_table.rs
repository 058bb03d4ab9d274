//! A word → flags table tuned for the extractor's hot loop.
//!
//! Almost every word looked up is at most 12 bytes long. Such a word is packed with
//! its length and its flags into one 16-byte slot of an open-addressing table (linear
//! probing, at most half full), so a look-up hashes two integers, reads one slot (and
//! rarely the next few, in the same cache line mostly) and compares two integers: no
//! string comparison, no separate control bytes, no second memory access to the key.
//! Longer words go to an ordinary string table.

use rustc_hash::FxHashMap;

/// The longest word kept in the packed table.
const PACKED_MAX: usize = 12;

/// Bits of a slot's high word that hold the key: bytes 8 to 11, then the length.
const KEY_BITS: u64 = (1 << 36) - 1;

/// Bits of a slot's high word that hold the length (0 in an empty slot).
const LEN_BITS: u64 = 0xF << 32;

/// Where the flags start in a slot's high word.
const FLAGS_SHIFT: u32 = 36;

/// Word flags by word, with the short words packed (see the module documentation).
pub struct WordTable {
    /// Bytes 0 to 7 of a word, and its key bits ([`KEY_BITS`]) with its flags above them.
    slots: Vec<[u64; 2]>,
    /// Number of packed words.
    packed: usize,
    long: FxHashMap<&'static [u8], u32>,
}

impl Default for WordTable {
    fn default() -> Self {
        Self::with_capacity(0)
    }
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

/// `w`'s first eight bytes, and its next four with its length above them, if it has
/// 1 to [`PACKED_MAX`] bytes: distinct words give distinct keys, none with length 0.
#[inline]
fn pack(w: &[u8]) -> Option<(u64, u64)> {
    let n = w.len();
    if n == 0 || n > PACKED_MAX {
        return None;
    }
    let (lo, hi) = if n > 8 {
        (le_bytes(&w[..8]), le_bytes(&w[8..]))
    } else {
        (le_bytes(w), 0)
    };
    Some((lo, hi | (n as u64) << 32))
}

/// The home slot of a key in a table of `mask + 1` slots: the top bits of a
/// multiplicative hash, which every bit of the key reaches.
#[inline]
fn home(lo: u64, key: u64, mask: usize) -> usize {
    let h = (lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ key).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    (h >> 32) as usize & mask
}

/// The number of slots for `n` packed words: a power of two, at least twice `n`.
fn slots_for(n: usize) -> usize {
    (2 * n).next_power_of_two().max(16)
}

impl WordTable {
    /// An empty table with room for about `n` words.
    pub fn with_capacity(n: usize) -> Self {
        WordTable {
            slots: vec![[0; 2]; slots_for(n)],
            packed: 0,
            long: FxHashMap::default(),
        }
    }

    /// ORs `flags` into the entry of `w`. Flags take the 28 low bits.
    pub fn add(&mut self, w: &'static str, flags: u32) {
        assert!(
            flags >> (64 - FLAGS_SHIFT) == 0,
            "flags {flags:#x} too wide"
        );
        let Some((lo, key)) = pack(w.as_bytes()) else {
            *self.long.entry(w.as_bytes()).or_insert(0) |= flags;
            return;
        };
        let mask = self.slots.len() - 1;
        let mut i = home(lo, key, mask);
        loop {
            let slot = &mut self.slots[i];
            if slot[1] & LEN_BITS == 0 {
                *slot = [lo, key | u64::from(flags) << FLAGS_SHIFT];
                self.packed += 1;
                break;
            }
            if slot[0] == lo && slot[1] & KEY_BITS == key {
                slot[1] |= u64::from(flags) << FLAGS_SHIFT;
                return;
            }
            i = (i + 1) & mask;
        }
        if slots_for(self.packed) > self.slots.len() {
            self.rehash(slots_for(self.packed));
        }
    }

    /// Moves the packed words into a table of `size` slots.
    fn rehash(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![[0; 2]; size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|s| s[1] & LEN_BITS != 0) {
            let mut i = home(slot[0], slot[1] & KEY_BITS, mask);
            while self.slots[i][1] & LEN_BITS != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// The flags of `w`, if it is in the table.
    #[inline]
    pub fn get(&self, w: &[u8]) -> Option<u32> {
        let Some((lo, key)) = pack(w) else {
            return self.get_long(w);
        };
        let mask = self.slots.len() - 1;
        let mut i = home(lo, key, mask);
        // The table is at most half full, so an empty slot ends every probe.
        loop {
            let [slo, shi] = self.slots[i];
            if slo == lo && shi & KEY_BITS == key {
                return Some((shi >> FLAGS_SHIFT) as u32);
            }
            if shi & LEN_BITS == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The flags of a word too long to pack (or empty): rare, so kept out of line,
    /// which keeps the packed look-up small where it is inlined.
    #[cold]
    #[inline(never)]
    fn get_long(&self, w: &[u8]) -> Option<u32> {
        self.long.get(w).copied()
    }

    /// Frees the spare capacity after building.
    pub fn shrink_to_fit(&mut self) {
        if slots_for(self.packed) < self.slots.len() {
            self.rehash(slots_for(self.packed));
        }
        self.long.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packing spelled out byte by byte.
    fn naive(w: &[u8]) -> Option<(u64, u64)> {
        if w.is_empty() || w.len() > PACKED_MAX {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..w.len()].copy_from_slice(w);
        buf[12] = w.len() as u8;
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
        assert_ne!(pack(b"\0"), None);
    }

    #[test]
    fn short_and_long_words_are_found() {
        let mut t = WordTable::default();
        t.add("Wang", 1);
        t.add("Wang", 2);
        t.add("Internationalization", 4);
        t.add("twelve-bytes", 8);
        t.add("thirteen-byte", 16);
        t.add("", 32);
        assert_eq!(t.get(b"Wang"), Some(3));
        assert_eq!(t.get(b"Internationalization"), Some(4));
        assert_eq!(t.get(b"twelve-bytes"), Some(8));
        assert_eq!(t.get(b"thirteen-byte"), Some(16));
        assert_eq!(t.get(b""), Some(32));
        assert_eq!(t.get(b"Wan"), None);
        assert_eq!(t.get(b"Internationalisation"), None);
        assert_eq!(t.get(b"twelve-byteS"), None);
    }

    #[test]
    fn every_word_is_found_as_the_table_grows_and_shrinks() {
        let words: Vec<&'static str> = (0..5000u32)
            .map(|k| &*format!("w{}", k * 7919 % 100_003).leak())
            .collect();
        let mut t = WordTable::with_capacity(4);
        for (k, w) in words.iter().enumerate() {
            t.add(w, 1 << (k % 20));
        }
        t.shrink_to_fit();
        for (k, w) in words.iter().enumerate() {
            assert_eq!(t.get(w.as_bytes()), Some(1 << (k % 20)), "{w}");
        }
        assert_eq!(t.get(b"x1"), None);
        assert!(t.slots.len() <= slots_for(words.len()));
    }
}
