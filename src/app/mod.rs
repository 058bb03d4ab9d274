//! Application state and its pure `update(Action)`; no terminal code here.
