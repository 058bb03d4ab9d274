//! The command-line commands over a collection: `dateline entities` (one
//! line per entity), `dateline mentions NAME` (a concordance, grep-style) and
//! `dateline export --jsonl`. Plain text for pipes, colour only on a
//! terminal, `--json` for one object per line; every message about the
//! input on standard error goes through [`sanitize`].

use crate::corpus::stream::Saving;
use crate::corpus::{Corpus, Diagnostic, Severity, load_saving};
use crate::entity::index::Entity;
use crate::entity::profile::{ConcordanceLine, Texts, concordance};
use crate::entity::{EntityId, EntityKind};
use crate::sanitize::sanitize;
use serde_json::json;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

/// How the output is decorated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to use ANSI colours (only when writing to a terminal).
    pub color: bool,
}

impl Style {
    /// Colour when standard output is a terminal and `NO_COLOR` is not set.
    pub fn for_stdout() -> Style {
        Style {
            color: io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    /// `text` between the escape sequence `sgr` and a reset, when colouring.
    fn paint(self, sgr: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The date as `YYYY-MM-DD`, or `-` when unknown.
fn date_text(date: Option<crate::article::Date>) -> String {
    date.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// The entities of `corpus` (of one kind, or all), most articles first.
pub fn ranked_entities(corpus: &Corpus, kind: Option<EntityKind>) -> Vec<EntityId> {
    let index = &corpus.index;
    let mut ids: Vec<EntityId> = (0..index.len() as EntityId)
        .filter(|&id| kind.is_none_or(|k| index.entity(id).kind == k))
        .collect();
    ids.sort_by(|&a, &b| {
        let (ea, eb) = (index.entity(a), index.entity(b));
        (eb.articles.len(), eb.mentions)
            .cmp(&(ea.articles.len(), ea.mentions))
            .then_with(|| ea.name.cmp(&eb.name))
    });
    ids
}

/// Writes one line per entity: articles, mentions, first and last date, kind
/// and name (last, so that the columns before it split on white space); with
/// `json`, one object per line.
pub fn write_entities(
    corpus: &Corpus,
    kind: Option<EntityKind>,
    json: bool,
    style: Style,
    out: &mut impl Write,
) -> io::Result<()> {
    let index = &corpus.index;
    for id in ranked_entities(corpus, kind) {
        let e: &Entity = index.entity(id);
        if json {
            let candidates: Vec<&str> = index
                .candidates(id)
                .iter()
                .map(|&c| index.entity(c).name.as_str())
                .collect();
            let obj = json!({
                "name": e.name,
                "kind": e.kind.as_str(),
                "aliases": e.aliases,
                "articles": e.articles.len(),
                "mentions": e.mentions,
                "first_date": e.first_date,
                "last_date": e.last_date,
                "candidates": candidates,
            });
            writeln!(out, "{obj}")?;
        } else {
            writeln!(
                out,
                "{:>6} {:>7}  {:<10}  {:<10}  {:<12}  {}",
                e.articles.len(),
                e.mentions,
                date_text(e.first_date),
                date_text(e.last_date),
                e.kind.as_str(),
                style.paint("1", &sanitize(&e.name)),
            )?;
        }
    }
    Ok(())
}

/// Writes every mention of entity `id`, oldest first: grep-style
/// `path:block:start: left [mention] right` lines (`title` for a mention in
/// the title), with `context` characters either side; with `json`, one object
/// per line.
pub fn write_mentions(
    corpus: &Corpus,
    id: EntityId,
    context: usize,
    json: bool,
    style: Style,
    out: &mut impl Write,
) -> io::Result<()> {
    let (name, kind) = (&corpus.index.entity(id).name, corpus.index.entity(id).kind);
    let mut texts = Texts::new(corpus);
    for line in concordance(corpus, id) {
        let article = &corpus.articles[line.article as usize];
        let ctx = line.context_in(texts.of(&line), context);
        if json {
            let obj = json!({
                "name": name,
                "kind": kind,
                "path": article.path(),
                "article": line.article,
                "date": line.date,
                "title": article.title(),
                "block": line.mention.block,
                "start": line.mention.start,
                "end": line.mention.end,
                "left": ctx.left,
                "mention": ctx.mention,
                "right": ctx.right,
            });
            writeln!(out, "{obj}")?;
        } else {
            writeln!(
                out,
                "{}:{}:{}: {}[{}]{}",
                style.paint("35", &sanitize(article.path())),
                style.paint("32", &block_text(&line)),
                style.paint("32", &line.mention.start.to_string()),
                sanitize(&ctx.left),
                style.paint("1;31", &sanitize(&ctx.mention)),
                sanitize(&ctx.right),
            )?;
        }
    }
    Ok(())
}

/// `title` or the block number of a concordance line.
fn block_text(line: &ConcordanceLine) -> String {
    line.mention
        .block
        .map_or_else(|| "title".to_string(), |b| b.to_string())
}

/// Loads `paths`, reporting problems on standard error; whether any input
/// failed, and the saved index still being written.
fn load_reporting(paths: &[String]) -> (Corpus, bool, Saving) {
    let (corpus, diagnostics, saving) = load_saving(paths);
    let mut stderr = io::stderr().lock();
    for d in &diagnostics {
        let _ = writeln!(stderr, "{}", sanitize(&d.to_string()));
    }
    let failed = diagnostics
        .iter()
        .any(|d: &Diagnostic| d.severity == Severity::Error);
    (corpus, failed, saving)
}

/// Ends a command with `status`, once the saved index is written. The
/// collection goes with the process: freeing 100,000 articles one by one
/// would only delay the exit.
fn end(status: ExitCode, corpus: Corpus, saving: Saving) -> ExitCode {
    drop(saving);
    std::mem::forget(corpus);
    status
}

/// The exit status after writing: a closed pipe (`| head`) is not an error.
fn finish(written: io::Result<()>, failed_inputs: bool) -> ExitCode {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: cannot write output: {e}");
            ExitCode::FAILURE
        }
        Ok(()) if failed_inputs => ExitCode::FAILURE,
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// `dateline export --jsonl PATH...`: every good article on standard output,
/// one line per problem on standard error; status 1 if any input failed.
pub fn export_command(paths: &[String]) -> ExitCode {
    let (corpus, failed, saving) = load_reporting(paths);
    let mut out = BufWriter::new(io::stdout().lock());
    let written = crate::export::write_jsonl(&corpus, &mut out).map(|problems| {
        let mut stderr = io::stderr().lock();
        for p in problems {
            let _ = writeln!(stderr, "dateline: warning: {}", sanitize(&p));
        }
    });
    end(finish(written, failed), corpus, saving)
}

/// `dateline entities [--kind K] [--json] PATH...`.
pub fn entities_command(paths: &[String], kind: Option<EntityKind>, json: bool) -> ExitCode {
    let (corpus, failed, saving) = load_reporting(paths);
    let mut out = BufWriter::new(io::stdout().lock());
    let written = write_entities(&corpus, kind, json, Style::for_stdout(), &mut out)
        .and_then(|()| out.flush());
    end(finish(written, failed), corpus, saving)
}

/// `dateline mentions NAME [--kind K] [--context N] [--json] PATH...`. An
/// unknown name is an error (status 1); a name of several entities, or an
/// ambiguous short name, is noted on standard error.
pub fn mentions_command(
    paths: &[String],
    (name, kind): (&str, Option<EntityKind>),
    context: usize,
    json: bool,
) -> ExitCode {
    let (corpus, failed, saving) = load_reporting(paths);
    let index = &corpus.index;
    let named = index.named(name);
    let of_kind: Vec<EntityId> = (named.iter().copied())
        .filter(|&id| kind.is_none_or(|k| index.entity(id).kind == k))
        .collect();
    let Some(&id) = of_kind.first() else {
        let what = kind.map_or(String::new(), |k| format!(" ({})", k.as_str()));
        eprintln!(
            "dateline: no entity named \"{}\"{what} in {} article(s); `dateline entities PATH...` lists them",
            sanitize(name),
            corpus.articles.len()
        );
        return ExitCode::FAILURE;
    };
    if kind.is_none() && named.len() > 1 {
        let each: Vec<String> = (named.iter())
            .map(|&n| {
                let e = index.entity(n);
                format!("a {} ({} articles)", e.kind.as_str(), e.articles.len())
            })
            .collect();
        eprintln!(
            "dateline: \"{}\" names {}; showing the {} (--kind chooses)",
            sanitize(&index.entity(id).name),
            each.join(" and "),
            index.entity(id).kind.as_str()
        );
    }
    let candidates = corpus.index.candidates(id);
    if !candidates.is_empty() {
        let names: Vec<String> = candidates
            .iter()
            .map(|&c| sanitize(&corpus.index.entity(c).name).into_owned())
            .collect();
        eprintln!(
            "dateline: \"{}\" could be any of {}; showing the mentions not linked to one of them",
            sanitize(&corpus.index.entity(id).name),
            names.join(", ")
        );
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let written = write_mentions(&corpus, id, context, json, Style::for_stdout(), &mut out)
        .and_then(|()| out.flush());
    end(finish(written, failed), corpus, saving)
}
