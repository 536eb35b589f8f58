//! Trellis Studio shell: opens the engagement named on the command line and serves it to the web view.

pub mod commands;
pub mod state;

use state::Studio;
use std::path::PathBuf;
use tauri::Manager;

/// Runs the studio on the engagement file named by the first command-line argument.
pub fn run() {
    let studio = Studio::open(std::env::args_os().nth(1).map(PathBuf::from));
    let title = studio.window_title();
    let result = tauri::Builder::default()
        .manage(studio)
        .invoke_handler(tauri::generate_handler![commands::engagement::engagement_info])
        .setup(move |app| {
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&title)?;
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("trellis-studio: {e}");
        std::process::exit(1);
    }
}
