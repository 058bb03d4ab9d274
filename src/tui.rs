//! Terminal setup and restore, the event loop.
