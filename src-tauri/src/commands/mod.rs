//! The commands the web view invokes over IPC, one module per area of the studio. Each takes the
//! state, calls the core's `api`, and maps a core error to `{code, message}`.
//!
//! Commands that touch the engagement are `async`: Tauri runs those off the main thread, so a slow
//! one (diagnosing 130,000 links) never freezes the window.

pub mod coverage;
pub mod dialog;
pub mod engagement;
pub mod export;
pub mod findings;
pub mod live;
pub mod map;
pub mod model;
pub mod workshop;

use crate::state::Studio;
use tauri::{AppHandle, Manager, Runtime};

/// Names the main window after the open engagement.
pub(crate) fn retitle<R: Runtime>(app: &AppHandle<R>, studio: &Studio) {
    if let Some(window) = app.get_webview_window("main") {
        // A title that cannot be set is cosmetic: the engagement is open all the same.
        let _ = window.set_title(&studio.window_title());
    }
}
