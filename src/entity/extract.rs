//! Finding and linking the entities of one article.

use super::Entities;
use super::link::{self, Item, LinkScratch};
use super::recycle::recycle;
use super::spans::{self, Cand, Scratch};
use crate::article::Article;
use std::cell::RefCell;

/// Words of sports reporting from which an article counts as a sports report.
const SPORTS_WORDS: u32 = 6;

/// Buffers kept from one article to the next: the span finder's, its candidates, the
/// (emptied) allocation of the linker's item list, and the linker's.
type Buffers = (Scratch, Vec<Cand>, Vec<Item<'static>>, LinkScratch);

thread_local! {
    static SCRATCH: RefCell<Buffers> = RefCell::new(Default::default());
}

/// Starts building the word lists the extractor needs on a worker thread, so
/// that they are ready, or nearly, when the first article is extracted: the
/// inputs can be listed and read meanwhile.
pub fn prepare() {
    rayon::spawn(|| {
        super::gazetteer::lexicon();
    });
}

/// Finds the people, organizations and places of `article`, each with its linked mentions.
pub fn extract(article: &Article) -> Entities {
    let mut found = Entities::default();
    extract_into(article, &mut found);
    found
}

/// [`extract`] into `found` (emptied first), reusing its allocations.
pub(crate) fn extract_into(article: &Article, found: &mut Entities) {
    SCRATCH.with_borrow_mut(|(scratch, cands, spare, linking)| {
        let mut items: Vec<Item> = recycle(std::mem::take(spare));
        let segments = std::iter::once((None, article.title.as_str())).chain(
            article
                .blocks
                .iter()
                .enumerate()
                .map(|(i, b)| (Some(i), b.text.as_str())),
        );
        for (block, text) in segments {
            let dateline = match (&article.dateline, block) {
                (Some(d), Some(i)) if d.block == i => d.len,
                _ => 0,
            };
            let at = spans::Place {
                title: block.is_none(),
                dateline,
            };
            cands.clear();
            spans::find(text, at, scratch, cands);
            items.extend(cands.iter().map(|&cand| Item {
                block: block.map(|i| i as u32),
                cand,
                text: &text[cand.start as usize..cand.end as usize],
            }));
        }
        let sport = scratch.take_sport() >= SPORTS_WORDS;
        link::entities(&mut items, sport, linking, found);
        *spare = recycle(items);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse::parse_text;
    use crate::entity::EntityKind;

    fn names(text: &str) -> Vec<(String, EntityKind, Vec<String>, usize)> {
        let a = parse_text("t.txt", text);
        extract(&a)
            .to_vec()
            .into_iter()
            .map(|e| (e.name, e.kind, e.aliases, e.mentions.len()))
            .collect()
    }

    fn has(
        found: &[(String, EntityKind, Vec<String>, usize)],
        name: &str,
        kind: EntityKind,
    ) -> bool {
        found.iter().any(|e| e.0 == name && e.1 == kind)
    }

    #[test]
    fn the_agency_of_a_dateline_is_no_alias_of_the_place_before_it() {
        let found = names(
            "Blasts hit embassies\n\nNAIROBI, Kenya (AP) _ Rescuers searched the rubble in Kenya.\n\nThe Korean Central News Agency (KCNA) said nothing.",
        );
        let kenya = found.iter().find(|e| e.0 == "Kenya").expect("Kenya");
        assert!(kenya.2.is_empty(), "{found:?}");
        assert_eq!(kenya.3, 2, "{found:?}");
        let kcna = found.iter().find(|e| e.0 == "Korean Central News Agency");
        assert_eq!(kcna.map(|e| e.2.clone()), Some(vec!["KCNA".to_string()]));
    }

    #[test]
    fn buffers_kept_from_an_article_do_not_change_the_next() {
        // The long article leaves more names, people and links in the thread's buffers
        // than the short one has: `Smith` is a person there, not in the short article.
        let long = parse_text(
            "a.txt",
            " date 2025-01-02 Talks\n\nBEIJING, Jan. 2 (Xinhua) -- Chinese President \
             Xi Jinping and Premier Li Qiang met Andy Warhol Foundation staff and the \
             Communist Party of China (CPC) in Beijing, Hotan and Aksu. Xi said the CPC and \
             Xinhua News Agency would help. John Smith met Mary Smith; Smith left.\n",
        );
        let short = parse_text(
            "b.txt",
            " date 2025-01-03 Visit\n\nKevin De Bruyne met Wang Huning in Geneva. \
             Wang and De Bruyne spoke. De Bruyne thanked Smith Kline.\n",
        );
        let short_first = extract(&short);
        let long_first = extract(&long);
        assert!(long_first.len() > short_first.len(), "{long_first:?}");
        assert_eq!(extract(&short), short_first);
        assert_eq!(extract(&long), long_first);
        assert_eq!(extract(&short), short_first);
    }

    #[test]
    fn a_place_is_not_short_for_a_longer_place_ending_in_it() {
        let f = names(
            " date 2025-01-02 Floods\n\nTEHRAN, Jan. 2 (Xinhua) -- Rain flooded villages in Northern Iran on Tuesday, Iran said. Hotan City and Hotan were spared.\n",
        );
        let count = |name: &str| f.iter().find(|e| e.0 == name).map(|e| e.3);
        assert_eq!(count("Iran"), Some(1), "{f:?}");
        assert_eq!(count("Northern Iran"), Some(1), "{f:?}");
        assert_eq!(count("Hotan City"), Some(2), "{f:?}");
    }

    #[test]
    fn titles_and_possessives_are_cut_off() {
        let f = names(
            " date 2024-01-02 Talks\n\nU.S. President Donald Trump met China's envoy in Beijing. Trump said more.\n",
        );
        assert!(has(&f, "Donald Trump", EntityKind::Person), "{f:?}");
        assert!(has(&f, "China", EntityKind::Place), "{f:?}");
        let trump = f.iter().find(|e| e.0 == "Donald Trump").unwrap();
        assert_eq!(trump.3, 2, "Trump links to Donald Trump: {f:?}");
        assert!(!f.iter().any(|e| e.0.contains("President")), "{f:?}");
    }

    #[test]
    fn acronym_in_parentheses_links_to_its_expansion() {
        let f = names(
            " date 2024-01-02 T\n\nThe Korean Central News Agency (KCNA) said so. Later KCNA added more.\n",
        );
        let e = f
            .iter()
            .find(|e| e.0 == "Korean Central News Agency")
            .expect("org found");
        assert_eq!(e.1, EntityKind::Organization);
        assert_eq!(e.3, 3, "{f:?}");
        assert!(e.2.contains(&"KCNA".to_string()));
    }

    #[test]
    fn a_name_written_with_odd_spacing_still_takes_its_surname() {
        // Two spaces, or a tab, inside the full name: the surname alone still links to it.
        for gap in ["  ", "\t"] {
            let f = names(&format!(
                " date 2024-01-02 T\n\nOfficials said Maria{gap}Lopez visited the plant. Lopez said output rose.\n"
            ));
            let lopez = f
                .iter()
                .find(|e| e.0 == "Maria Lopez")
                .expect("person found");
            assert_eq!(lopez.1, EntityKind::Person, "{f:?}");
            assert_eq!(lopez.3, 2, "{gap:?}: {f:?}");
            assert_eq!(f.len(), 1, "{gap:?}: {f:?}");
        }
    }

    #[test]
    fn ambiguous_surname_is_left_alone() {
        let f = names(" date 2024-01-02 T\n\nJohn Smith met Mary Smith. Smith left early.\n");
        let smith = f.iter().find(|e| e.0 == "Smith").expect("own entity");
        assert_eq!(smith.1, EntityKind::Person);
        assert_eq!(smith.3, 1);
    }

    #[test]
    fn headed_names_stay_whole() {
        let f = names(
            " date 2024-01-02 T\n\nShe studied at the University of Southern Indiana and worked at the Andy Warhol Foundation for the Visual Arts.\n",
        );
        assert!(
            has(
                &f,
                "University of Southern Indiana",
                EntityKind::Organization
            ),
            "{f:?}"
        );
        assert!(
            has(
                &f,
                "Andy Warhol Foundation for the Visual Arts",
                EntityKind::Organization
            ),
            "{f:?}"
        );
        assert!(!f.iter().any(|e| e.1 == EntityKind::Person), "{f:?}");
    }

    #[test]
    fn credits_name_the_agency_and_the_photographer() {
        let f = names(
            " date 2024-01-02 T\n\nA farmer works in a field in Hebei Province, July 8, 2025. (Xinhua/Zhang Wei)\n\nBody text.\n",
        );
        assert!(has(&f, "Zhang Wei", EntityKind::Person), "{f:?}");
        assert!(has(&f, "Xinhua", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "Hebei Province", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn names_listed_with_a_known_place_are_places() {
        let f =
            names(" date 2024-01-02 T\n\nThe team visited Aksu, Qorgan and Yulong last week.\n");
        for town in ["Aksu", "Qorgan", "Yulong"] {
            assert!(has(&f, town, EntityKind::Place), "{town}: {f:?}");
        }
    }

    #[test]
    fn countries_are_teams_in_a_sports_report() {
        let text = " date 2024-01-02 T\n\nSweden beat Panama 2-0. The striker scored two goals after a penalty; \
                    the goalkeeper saved another penalty and the referee sent off a defender.\n\nThe match was played in Sochi.\n";
        let f = names(text);
        assert!(has(&f, "Sweden", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "Panama", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "Sochi", EntityKind::Place), "{f:?}");
        let plain = names(" date 2024-01-02 T\n\nSweden and Panama signed a trade deal.\n");
        assert!(has(&plain, "Sweden", EntityKind::Place), "{plain:?}");
    }

    #[test]
    fn sentence_openers_and_nationalities_are_no_entities() {
        let f = names(
            " date 2024-01-02 T\n\nThe Chinese delegation arrived. However, Greater efforts are needed, Afghans said.\n",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn common_words_before_a_name_are_cut_off() {
        let f = names(
            " date 2024-01-02 T\n\nThe court ruled. Naming Maria Lopez his guardian was wrong. \
             Top-ranked Roger Federer won. Chancellor of the Exchequer Nigel Lawson spoke. Net profit rose. Vice Premiers Wu Yi and Zeng Peiyan spoke.\n",
        );
        for name in ["Maria Lopez", "Roger Federer", "Wu Yi", "Nigel Lawson"] {
            assert!(has(&f, name, EntityKind::Person), "{name}: {f:?}");
        }
        assert!(
            !f.iter()
                .any(|e| ["Naming", "Top", "Premiers", "Exchequer", "Net"]
                    .iter()
                    .any(|w| e.0.contains(w))),
            "{f:?}"
        );
    }

    #[test]
    fn common_nouns_after_a_title_name_no_person() {
        let f = names(
            " date 2024-01-02 T\n\nOfficials said the Treasurer Borrowing Requirement grew.\n",
        );
        assert!(!f.iter().any(|e| e.1 == EntityKind::Person), "{f:?}");
    }

    #[test]
    fn cities_diseases_and_meetings_get_their_kind() {
        let f = names(
            " date 2024-01-02 T\n\nDelegates met in Geneva. The White House said AIDS and HIV \
             remain a threat. The Joint Ministerial Meeting ended as Senior Officials left. \
             The Soviet Union collapsed.\n",
        );
        assert!(has(&f, "Geneva", EntityKind::Place), "{f:?}");
        assert!(has(&f, "White House", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "Soviet Union", EntityKind::Place), "{f:?}");
        for bad in ["AIDS", "HIV", "Meeting", "Officials"] {
            assert!(!f.iter().any(|e| e.0.contains(bad)), "{bad}: {f:?}");
        }
    }
}
