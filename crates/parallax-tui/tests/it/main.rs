//! The reader's integration tests, in one test binary: the view model, screens
//! snapshotted over `TestBackend`, and notes.

mod support;
mod tui_notes;
mod tui_snapshots;
mod tui_view;
