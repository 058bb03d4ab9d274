//! Prints the entities found in article files: `cargo run --example entities -- FILE...`.

use dateline::article::parse::parse_text;
use dateline::entity::extract;

fn main() {
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("entities: {path}: {e}");
                continue;
            }
        };
        let article = parse_text(&path, &text);
        println!("== {path}");
        for e in extract(&article).to_vec() {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!("  (also {})", e.aliases.join(", "))
            };
            println!(
                "  {:<12} {:<45} {:>3}{aliases}",
                e.kind.as_str(),
                e.name,
                e.mentions.len()
            );
        }
    }
}
