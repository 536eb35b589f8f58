//! Trellis Studio shell: opens the engagement named on the command line and serves it to the web view.

pub mod commands;
pub mod menu;
pub mod state;

use state::Studio;
use std::path::PathBuf;
use tauri::{Builder, Manager, Runtime};

/// The studio's state and commands on a builder: the app, and the headless tests, start here.
pub fn studio<R: Runtime>(builder: Builder<R>, studio: Studio) -> Builder<R> {
    builder.manage(studio).invoke_handler(commands::handler())
}

/// Runs the studio on the engagement file named by the first command-line argument.
pub fn run() {
    let opened = Studio::open(std::env::args_os().nth(1).map(PathBuf::from));
    let result = studio(Builder::default(), opened)
        .plugin(tauri_plugin_dialog::init())
        .menu(menu::build)
        .on_menu_event(menu::forward)
        .setup(|app| {
            let studio = app.state::<Studio>();
            if let Ok(dir) = app.path().app_config_dir() {
                studio.keep_recent_in(dir.join("recent.json"));
            }
            commands::retitle(app.handle(), &studio);
            Ok(())
        })
        .build(tauri::generate_context!());
    match result {
        Ok(app) => app.run(on_event),
        Err(e) => {
            eprintln!("trellis-studio: {e}");
            std::process::exit(1);
        }
    }
}

/// macOS hands a double-clicked `.trellis` file to the running app as an event, not an argument:
/// it is opened like the Open command does, and the web view is told to show it.
fn on_event<R: Runtime>(app: &tauri::AppHandle<R>, event: tauri::RunEvent) {
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    if let tauri::RunEvent::Opened { urls } = &event {
        use tauri::Emitter;
        if let Some(path) = urls.iter().find_map(|u| u.to_file_path().ok()) {
            let studio = app.state::<Studio>();
            let _ = studio.replace(trellis::api::Session::open(&path));
            commands::retitle(app, &studio);
            let _ = app.emit("engagement-opened", ());
        }
    }
    let _ = (app, event);
}
