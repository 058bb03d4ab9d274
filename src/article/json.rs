//! JSON input: one object, an array of objects, or JSON Lines.
//!
//! A record has `title` and `text` (or `body`), optionally `date`, `captions`,
//! `source`, `url` and `id`. Its text goes through the same paragraph, caption
//! and dateline logic as a text file. dateline's own export (`path`, `blocks`,
//! `dateline`) reads back as the same articles.

use super::dateline::find_dateline;
use super::normalize::{Style, collapse_spaces, push_trimmed};
use super::parse::{block_of_paragraph, blocks_of_text, date_in_file_name};
use super::{Article, Block, BlockKind, Date, Dateline};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

/// A problem with one record or with the JSON of a whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// The record's index (0-based) in the file, or `None` for the file as a whole.
    pub record: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// Whether the record (or the rest of the file) was dropped, rather than read with a caveat.
    pub fatal: bool,
}

/// One input record. Unknown fields (`source`, `url`, `id`, `topics`…) are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    title: Option<String>,
    text: Option<String>,
    body: Option<String>,
    /// A string in one of the forms [`parse_date`] reads; anything else is noted and ignored.
    date: Option<Value>,
    #[serde(default)]
    captions: Option<Vec<CaptionRecord>>,
    /// From dateline's export: the article's original path.
    path: Option<String>,
    /// From dateline's export: the paragraphs, already split.
    blocks: Option<Vec<BlockRecord>>,
    /// From dateline's export.
    dateline: Option<DatelineRecord>,
}

/// A caption given separately from the text: a string or `{"text": …}`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum CaptionRecord {
    Text(String),
    Object { text: String },
}

#[derive(Debug, Deserialize)]
struct BlockRecord {
    kind: BlockKind,
    text: String,
}

#[derive(Debug, Deserialize)]
struct DatelineRecord {
    place: String,
    date: Option<String>,
    agency: Option<String>,
}

/// Parses a JSON input file. Each record becomes an article with path
/// `path#N` (N counts records from 0) unless the record names its own `path`.
/// Records that cannot be read and malformed JSON are reported; everything
/// before (and, in JSON Lines, after) them is still read.
pub fn parse_json(path: &str, text: &str) -> (Vec<Article>, Vec<RecordProblem>) {
    let mut out = Reader {
        path,
        articles: Vec::new(),
        problems: Vec::new(),
        next: 0,
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if is_json_lines(text) {
        read_lines(text, &mut out);
    } else if text.trim_start().starts_with('[') {
        read_array(text, &mut out);
    } else {
        read_values(text, 0, &mut out);
    }
    (out.articles, out.problems)
}

/// Whether `text` is JSON Lines: more than one line that is not blank, the
/// first of them a whole JSON value by itself.
fn is_json_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    match (lines.next(), lines.next()) {
        (Some(first), Some(_)) => serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok(),
        _ => false,
    }
}

/// Reads JSON Lines: each line a record (or an array of them) by itself, so
/// that a broken line, however it is broken, costs only its own record.
fn read_lines(text: &str, out: &mut Reader) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
        let line = &text[at..end];
        let next = (end + 1).min(text.len());
        if line.trim().is_empty() {
            at = next;
            continue;
        }
        let (value, used) = match serde_json::from_str::<Value>(line) {
            Ok(value) => (value, next - at),
            Err(e) => {
                // A record written over several lines is read whole.
                let mut stream = serde_json::Deserializer::from_str(&text[at..]).into_iter();
                match stream.next() {
                    Some(Ok(value)) => (value, stream.byte_offset()),
                    _ => {
                        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count();
                        out.malformed(line, &e);
                        out.next += 1;
                        at = next;
                        continue;
                    }
                }
            }
        };
        match value {
            Value::Array(items) => items.into_iter().for_each(|v| out.record(v)),
            value => out.record(value),
        }
        at += used;
    }
}

/// Reads a document that is one array, record by record as they come, so
/// that the records before a point where it breaks off are kept.
fn read_array(text: &str, out: &mut Reader) {
    struct Records<'r, 'a>(&'r mut Reader<'a>);
    impl<'de> serde::de::Visitor<'de> for Records<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array of records")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(value) = seq.next_element::<Value>()? {
                self.0.record(value);
            }
            Ok(())
        }
    }
    let mut json = serde_json::Deserializer::from_str(text);
    match serde::Deserializer::deserialize_seq(&mut json, Records(out)) {
        Err(e) => out.malformed(e.line(), &e),
        // Values after the array (arrays one after another) are read on.
        Ok(()) if json.end().is_err() => {
            let mut first = serde_json::Deserializer::from_str(text).into_iter::<IgnoredAny>();
            first.next();
            let after = first.byte_offset();
            let lines = memchr::memchr_iter(b'\n', &text.as_bytes()[..after]).count();
            read_values(&text[after..], lines, out);
        }
        Ok(()) => {}
    }
}

/// Reads one JSON value after another (a single object, or objects one
/// after the other); a broken one that starts on the line of the error is
/// skipped and reading goes on with the next line, any other error ends
/// the file. `lines_before`: the file's lines before `text`, for the line
/// numbers reported.
fn read_values(text: &str, lines_before: usize, out: &mut Reader) {
    let mut offset = 0;
    let mut line_base = lines_before;
    while offset < text.len() {
        let rest = &text[offset..];
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        let failure = loop {
            match stream.next() {
                None => break None,
                Some(Ok(Value::Array(items))) => items.into_iter().for_each(|v| out.record(v)),
                Some(Ok(value)) => out.record(value),
                Some(Err(e)) => break Some((e, stream.byte_offset())),
            }
        };
        let Some((e, value_start)) = failure else {
            break;
        };
        let line = line_base + e.line();
        out.malformed(line, &e);
        let value_at = rest.len() - rest[value_start..].trim_start().len();
        let start_line = 1 + memchr::memchr_iter(b'\n', &rest.as_bytes()[..value_at]).count();
        let next_line = memchr::memchr(b'\n', &rest.as_bytes()[value_at..]);
        match next_line {
            Some(nl) if start_line == e.line() => {
                offset += value_at + nl + 1;
                line_base = line;
                out.next += 1;
            }
            _ => break,
        }
    }
}

/// serde_json's message without its own ` at line L column C` suffix.
fn describe(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

struct Reader<'a> {
    path: &'a str,
    articles: Vec<Article>,
    problems: Vec<RecordProblem>,
    next: usize,
}

impl Reader<'_> {
    /// Notes malformed JSON at `line` (from 1) of the file, where `e` says.
    fn malformed(&mut self, line: usize, e: &serde_json::Error) {
        self.problems.push(RecordProblem {
            record: None,
            message: format!(
                "malformed JSON at line {line} column {}: {}",
                e.column(),
                describe(e)
            ),
            fatal: true,
        });
    }

    fn record(&mut self, value: Value) {
        let index = self.next;
        self.next += 1;
        let problem = |message: String, fatal| RecordProblem {
            record: Some(index),
            message,
            fatal,
        };
        if !value.is_object() {
            self.problems
                .push(problem("record is not a JSON object".into(), true));
            return;
        }
        let record = match Record::deserialize(value) {
            Ok(r) => r,
            Err(e) => {
                self.problems
                    .push(problem(format!("bad record: {e}"), true));
                return;
            }
        };
        let date = match &record.date {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(value) => {
                let d = value.as_str().and_then(parse_date);
                if d.is_none() {
                    self.problems
                        .push(problem(format!("unrecognized date {value}"), false));
                }
                d
            }
        };
        match article_of(record, date, || format!("{}#{index}", self.path)) {
            Some(article) => self.articles.push(article),
            None => self
                .problems
                .push(problem("record has neither title nor text".into(), true)),
        }
    }
}

/// The article a record describes; `None` when it has neither title nor text.
fn article_of(
    record: Record,
    date: Option<Date>,
    path: impl FnOnce() -> String,
) -> Option<Article> {
    let exported = record.blocks.is_some();
    let raw_title = record.title.as_deref().unwrap_or("");
    let mut title = String::new();
    push_trimmed(
        &mut title,
        "",
        raw_title,
        if exported {
            Style::PLAIN
        } else {
            Style::of(raw_title)
        },
    );
    collapse_spaces(&mut title);
    let captions = record.captions.unwrap_or_default();
    let mut blocks = match (record.blocks, record.text.or(record.body)) {
        (Some(blocks), _) => blocks
            .into_iter()
            .filter_map(|b| block_of_record(b, Style::PLAIN))
            .collect(),
        (None, Some(text)) => blocks_of_text(&text),
        (None, None) => Vec::new(),
    };
    // Separate captions go first, as in the text format where they lead.
    let captions = captions.into_iter().filter_map(|c| {
        let (CaptionRecord::Text(text) | CaptionRecord::Object { text }) = c;
        let style = Style::of(&text);
        block_of_record(
            BlockRecord {
                kind: BlockKind::Caption,
                text,
            },
            style,
        )
    });
    blocks.splice(0..0, captions);
    if title.is_empty() && blocks.is_empty() {
        return None;
    }
    let found = find_dateline(&blocks);
    let dateline = if exported {
        // Trust the export's dateline; find where it stands in the blocks.
        record.dateline.map(|d| {
            let (block, len) = found
                .filter(|f| f.place == d.place)
                .map_or((0, 0), |f| (f.block, f.len));
            Dateline {
                place: d.place,
                date: d.date,
                agency: d.agency,
                block,
                len,
            }
        })
    } else {
        found
    };
    let path = record.path.unwrap_or_else(path);
    let date = date.or_else(|| date_in_file_name(&path));
    Some(Article {
        path,
        date,
        title,
        dateline,
        blocks,
    })
}

/// A block of an exported article, normalized like any paragraph; the credit
/// of a caption is found again in its text.
fn block_of_record(b: BlockRecord, style: Style) -> Option<Block> {
    let mut text = String::with_capacity(b.text.len());
    if !push_trimmed(&mut text, "", &b.text, style) {
        return None;
    }
    let mut block = block_of_paragraph(text);
    if b.kind == BlockKind::Body {
        block.credit = None;
    }
    block.kind = b.kind;
    Some(block)
}

const MONTH_ABBR: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// A record's date: ISO (`2025-07-10`, `2025-07-10T08:00:00Z`), the
/// Reuters-21578 form `26-FEB-1987 15:01:01.79`, or `20251107`.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(Date::parse_iso) {
        return Some(d);
    }
    // DD-MON-YYYY
    let mut parts = s.split(['-', ' ']);
    let day = parts.next()?;
    if let (Some(mon), Some(year)) = (parts.next(), parts.next()) {
        let month = MONTH_ABBR.iter().position(|m| m.eq_ignore_ascii_case(mon));
        if let (Some(m), Ok(day), Ok(year)) = (month, day.trim().parse::<u8>(), year.parse::<u16>())
        {
            return Date::new(year, m as u8 + 1, day);
        }
    }
    (s.len() == 8).then(|| date_in_file_name(s)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<Article> {
        let (articles, problems) = parse_json("in.json", text);
        assert!(problems.is_empty(), "{problems:?}");
        articles
    }

    #[test]
    fn one_object_an_array_and_json_lines() {
        let one = ok(r#"{"title": "T", "text": "Body."}"#);
        assert_eq!(
            (one.len(), one[0].path.as_str(), one[0].title.as_str()),
            (1, "in.json#0", "T")
        );
        let arr = ok(r#"[{"title": "A", "text": "x"}, {"title": "B", "body": "y"}]"#);
        assert_eq!(
            arr.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(),
            ["A", "B"]
        );
        assert_eq!(arr[1].blocks[0].text, "y");
        let lines =
            ok("{\"title\": \"A\", \"text\": \"x\"}\n\n{\"title\": \"B\", \"text\": \"y\"}\n");
        assert_eq!(
            lines.iter().map(|a| a.path.as_str()).collect::<Vec<_>>(),
            ["in.json#0", "in.json#1"]
        );
    }

    #[test]
    fn record_text_gets_paragraphs_captions_and_dateline() {
        let text = "A caption. (Xinhua/Pang Xinglei)\n\nHOTAN, Xinjiang, July 9 (Xinhua) -- Wang\nsaid.\n\nMore.";
        let rec = serde_json::json!({"title": "T\n", "text": text, "date": "2025-07-10", "id": 7, "url": "u", "source": "s"});
        let a = &ok(&rec.to_string())[0];
        assert_eq!(a.title, "T");
        assert_eq!(a.date, Date::new(2025, 7, 10));
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Caption, BlockKind::Body, BlockKind::Body]
        );
        assert_eq!(
            a.blocks[1].text,
            "HOTAN, Xinjiang, July 9 (Xinhua) -- Wang said."
        );
        let d = a.dateline.as_ref().unwrap();
        assert_eq!((d.place.as_str(), d.block), ("HOTAN, Xinjiang", 1));
    }

    #[test]
    fn separate_captions_lead_the_blocks() {
        let a = &ok(
            r#"{"title": "T", "text": "Body.", "captions": ["Photo. (Reuters/Jane Doe)", {"text": "No credit"}]}"#,
        )[0];
        assert_eq!(a.blocks.len(), 3);
        assert_eq!(
            a.blocks[0].credit.as_ref().unwrap().text,
            "Reuters/Jane Doe"
        );
        assert_eq!(
            (a.blocks[1].kind, a.blocks[1].credit.is_none()),
            (BlockKind::Caption, true)
        );
        assert_eq!(a.blocks[2].kind, BlockKind::Body);
    }

    #[test]
    fn dates_in_several_forms() {
        assert_eq!(
            parse_date("26-FEB-1987 15:01:01.79"),
            Date::new(1987, 2, 26)
        );
        assert_eq!(parse_date(" 3-mar-1987"), Date::new(1987, 3, 3));
        assert_eq!(parse_date("2025-07-10T08:00:00Z"), Date::new(2025, 7, 10));
        assert_eq!(parse_date("20051102"), Date::new(2005, 11, 2));
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("31-XYZ-1987"), None);
    }

    #[test]
    fn record_without_title_or_text_is_reported_by_index() {
        let (articles, problems) = parse_json(
            "in.json",
            r#"[{"title": "A"}, {"id": "99", "date": "26-FEB-1987"}, {"text": "c"}]"#,
        );
        assert_eq!(articles.len(), 2);
        assert_eq!(
            problems,
            [RecordProblem {
                record: Some(1),
                message: "record has neither title nor text".into(),
                fatal: true
            }]
        );
    }

    #[test]
    fn bad_records_and_dates_are_reported_and_the_rest_read() {
        let input = r#"[{"title": 5}, "text", {"title": "B", "date": "soon"}, {"title": "C", "date": 1987}]"#;
        let (articles, problems) = parse_json("in.json", input);
        assert_eq!(articles.len(), 2);
        let got: Vec<_> = problems.iter().map(|p| (p.record, p.fatal)).collect();
        assert_eq!(
            got,
            [
                (Some(0), true),
                (Some(1), true),
                (Some(2), false),
                (Some(3), false)
            ]
        );
        assert_eq!(problems[2].message, "unrecognized date \"soon\"");
        assert_eq!(problems[3].message, "unrecognized date 1987");
    }

    #[test]
    fn malformed_json_lines_report_the_line_and_keep_the_others() {
        let text = "{\"title\": \"A\"}\n{\"title\": \"B\",,}\n{\"title\": \"C\"}\n";
        let (articles, problems) = parse_json("in.jsonl", text);
        assert_eq!(
            articles
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>(),
            ["A", "C"]
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .message
                .starts_with("malformed JSON at line 2 column"),
            "{problems:?}"
        );
        assert_eq!(articles[1].path, "in.jsonl#2");
    }

    #[test]
    fn a_truncated_array_is_reported_and_the_records_before_kept() {
        let (articles, problems) = parse_json("in.json", "[{\"title\": \"A\"},\n {\"title\"");
        assert_eq!(titles(&articles), ["A"]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("line 2"), "{problems:?}");
        let (articles, problems) = parse_json("in.json", "[{\"title\": \"A\"}] x");
        assert_eq!(titles(&articles), ["A"]);
        assert!(
            problems[0].message.contains("malformed JSON at line 1"),
            "{problems:?}"
        );
    }

    #[test]
    fn records_over_several_lines_and_arrays_in_a_row_are_all_read() {
        let mixed = "{\"title\": \"A\"}\n{\n  \"title\": \"B\"\n}\n{\"title\": \"C\"}\n";
        let (articles, problems) = parse_json("in.jsonl", mixed);
        assert_eq!((titles(&articles), problems), (vec!["A", "B", "C"], vec![]));
        let arrays = "[\n {\"title\": \"A\"}\n]\n[\n {\"title\": \"B\"}\n]\n";
        let (articles, problems) = parse_json("in.json", arrays);
        assert_eq!((titles(&articles), problems), (vec!["A", "B"], vec![]));
        let (_, problems) = parse_json("in.json", "[{\"title\": \"A\"}]\n\n{\"title\",\n");
        assert!(problems[0].message.contains("line 3"), "{problems:?}");
    }

    #[test]
    fn a_json_lines_record_cut_inside_a_string_costs_only_itself() {
        let text = "{\"title\": \"A\", \"text\": \"a\"}\n{\"title\": \"B\", \"text\": \"cut he\n{\"title\": \"C\", \"text\": \"c\"}\n\n{\"title\": \"D\"}\n";
        let (articles, problems) = parse_json("in.jsonl", text);
        assert_eq!(titles(&articles), ["A", "C", "D"]);
        assert_eq!(articles[1].path, "in.jsonl#2");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.starts_with("malformed JSON at line 2 "),
            "{problems:?}"
        );
    }

    fn titles(articles: &[Article]) -> Vec<&str> {
        articles.iter().map(|a| a.title.as_str()).collect()
    }
}
