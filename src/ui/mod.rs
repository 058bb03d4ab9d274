//! Rendering the app state into a ratatui frame.
