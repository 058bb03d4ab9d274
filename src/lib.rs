//! dateline: a terminal reader for collections of news articles.
//!
//! The model (`article`, `entity`, `corpus`, `export`) knows nothing of the
//! terminal; `app` holds view state changed only by `update`; `ui` draws it;
//! `tui` runs the event loop.

pub mod app;
pub mod article;
pub mod assets;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod entity;
pub mod export;
mod kept;
pub mod keymap;
pub mod paths;
pub mod query;
pub mod sanitize;
pub mod session;
pub mod state;
pub mod tui;
pub mod ui;
