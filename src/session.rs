//! The link between a running reader and its lasting state ([`crate::state`]):
//! where the user was is restored at start; read marks, bookmarks and the
//! position are recorded as they change and saved — at once when a mark, the
//! open article or the active entity changes (while a collection loads, once
//! it is loaded), at quit for the scroll position, and from the panic hook
//! when the reader crashes.

use crate::app::{Action, App};
use crate::corpus::Corpus;
use crate::state::{ArticleKey, Marks, Place, Resolver, StateError, Store, collection_key};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// The state of one collection in one run of the reader.
#[derive(Debug)]
pub struct Session {
    /// Shared with the panic hook.
    store: Arc<Mutex<Store>>,
    collection: String,
    /// Identity of each article, by corpus index.
    keys: Vec<ArticleKey>,
    /// Makes the articles' paths absolute for their keys.
    resolver: Resolver,
    /// The marks last handed to the store, by corpus index.
    marks: Vec<Marks>,
    /// The place last handed to the store.
    place: Place,
}

impl Session {
    /// Opens the state file at `path` for the collection read from `inputs`.
    pub fn open(path: &Path, inputs: &[String], corpus: &Corpus) -> Result<Session, StateError> {
        let store = Store::open(path)?;
        let collection = collection_key(inputs);
        let place = store.place(&collection).cloned().unwrap_or_default();
        let mut session = Session {
            store: Arc::new(Mutex::new(store)),
            collection,
            keys: Vec::new(),
            resolver: Resolver::default(),
            marks: Vec::new(),
            place,
        };
        session.learn(corpus);
        Ok(session)
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Computes the keys and reads the marks of articles not seen yet (the
    /// reader calls it as articles arrive, before handing it their marks).
    pub fn learn(&mut self, corpus: &Corpus) {
        let new = &corpus.articles[self.keys.len().min(corpus.articles.len())..];
        let keys: Vec<ArticleKey> = new
            .iter()
            .map(|a| self.resolver.key(a.path(), a.text_hash(), a.listed()))
            .collect();
        let store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        self.marks.extend(keys.iter().map(|k| store.marks(k)));
        drop(store);
        self.keys.extend(keys);
    }

    /// How many articles' keys and saved marks are known.
    pub fn learned(&self) -> usize {
        self.keys.len()
    }

    /// Unreadable state files that were moved aside, for warnings.
    pub fn moved_aside(&self) -> Vec<PathBuf> {
        self.store().moved_aside().to_vec()
    }

    /// The saved marks of every article learned, by corpus index.
    pub fn marks(&self) -> &[Marks] {
        &self.marks
    }

    /// The action that returns to where the last session in this collection
    /// was, when it was anywhere.
    pub fn restore(&self, corpus: &Corpus) -> Option<Action> {
        let article = self.place.article.as_ref().and_then(|key| {
            let i = self.keys.iter().position(|k| k == key)?;
            Some(i as u32)
        });
        let entity = self
            .place
            .entity
            .as_deref()
            .and_then(|name| corpus.index.find(name));
        (article.is_some() || entity.is_some()).then_some(Action::Restore {
            article,
            scroll: self.place.scroll,
            at: self.place.at,
            entity,
        })
    }

    /// Records the app's marks and position; saves when a mark, the open
    /// article or the active entity changed (not for scrolling alone).
    pub fn record(&mut self, app: &App) -> Result<(), StateError> {
        let corpus = app.corpus();
        if corpus.articles.len() > self.keys.len() {
            self.learn(corpus);
        }
        let mut store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let mut save = false;
        for (i, (key, saved)) in self.keys.iter().zip(&mut self.marks).enumerate() {
            let now = app.marks(i as u32);
            if now != *saved {
                store.set_read(key, now.read);
                store.set_bookmarked(key, now.bookmarked);
                *saved = now;
                save = true;
            }
        }
        let place = Place {
            article: app.open().and_then(|a| self.keys.get(a as usize)).cloned(),
            scroll: app.scroll(),
            at: app.reading_position(),
            entity: app.active().map(|id| corpus.index.entity(id).name.clone()),
        };
        if place != self.place {
            save |= place.article != self.place.article || place.entity != self.place.entity;
            store.set_place(&self.collection, place.clone());
            self.place = place;
        }
        if save { store.save() } else { Ok(()) }
    }

    /// Saves everything recorded (at quit).
    pub fn save(&self) -> Result<(), StateError> {
        self.store().save()
    }

    /// Where the state is saved.
    pub fn path(&self) -> PathBuf {
        self.store().path().to_path_buf()
    }
}

/// Adds to the panic hook (which restores the terminal and prints the panic)
/// saving `session`'s state and saying where to report the crash.
pub fn install_panic_hook(session: Option<&Session>) {
    let store = session.map(|s| Arc::clone(&s.store));
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        // The lock is free unless the panic happened while saving.
        if let Some(Ok(mut store)) = store.as_ref().map(|s| s.try_lock()) {
            match store.save() {
                Ok(()) => eprintln!(
                    "dateline: your reading state is saved in {}",
                    store.path().display()
                ),
                Err(e) => eprintln!("dateline: could not save the reading state: {e}"),
            }
        }
        eprintln!(
            "dateline: this is a bug; please report it, with the message above, at {REPORT_TO}"
        );
    }));
}

/// Where crashes are reported.
const REPORT_TO: &str = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(url) if !url.is_empty() => url,
    _ => "the dateline issue tracker",
};
