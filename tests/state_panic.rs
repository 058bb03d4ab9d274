//! A panic saves what the session recorded but had not saved yet.
//! One test in this binary: it replaces the process's panic hook.

mod support;

use dateline::app::{Action, App, CaptionMode, Command, SortOrder};
use dateline::session::{Session, install_panic_hook};

#[test]
fn a_panic_saves_the_recorded_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let corpus = support::fixture();
    let mut session = Session::open(&path, &[], &corpus).unwrap();
    let mut app = App::new(corpus).with_settings(
        session.marks().to_vec(),
        SortOrder::NewestFirst,
        CaptionMode::Alongside,
    );
    app.update(Action::Resize(60, 12));
    app.update(Action::Run(Command::Down)); // the harbour story, the longest
    app.update(Action::Run(Command::Open));
    session.record(&app).unwrap(); // opening an article saves at once
    app.update(Action::Run(Command::Down));
    app.update(Action::Run(Command::Down));
    session.record(&app).unwrap(); // scrolling alone is only recorded
    assert_eq!(app.scroll(), 2);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("\"scroll\": 0"), "{saved}");

    install_panic_hook(Some(&session));
    let result = std::panic::catch_unwind(|| panic!("a bug"));
    assert!(result.is_err());
    let _ = std::panic::take_hook();

    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("\"scroll\": 2"),
        "the panic hook saved the scroll: {saved}"
    );
}
