//! Cost of sanitizing text, which happens for every line drawn.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::sanitize::sanitize;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let clean = "HOTAN, Xinjiang, July 9 (Xinhua) -- China's top political advisor has called for \
                 sustained efforts in pairing assistance, saying the work is of great importance. "
        .repeat(4);
    let unicode = "“Pairing assistance” — 对口援疆 — is a long-term task, he said, citing Ürümqi and Kashgar. "
        .repeat(4);
    let hostile = "Title\x1b]0;owned\x07 body \x1b[2J text \x1b]52;c;aGVsbG8=\x07 more \u{202E}txt \u{9b}31m. "
        .repeat(4);
    let mut group = c.benchmark_group("sanitize");
    for (name, text) in [
        ("clean", &clean),
        ("unicode", &unicode),
        ("hostile", &hostile),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| sanitize(black_box(text)).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
