//! The native menus (File, Edit, View, Help) with the usual shortcuts. A choice is forwarded to the
//! web view as a `menu` event carrying the item's id, so that menus, buttons and keys share one path.

use tauri::menu::{AboutMetadata, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The views, in the order of the View menu and the sidebar, with their shortcuts.
pub const VIEWS: &[(&str, &str, &str)] = &[
    ("view:home", "Home", "CmdOrCtrl+1"),
    ("view:model", "Model", "CmdOrCtrl+2"),
    ("view:map", "Ecosystem map", "CmdOrCtrl+3"),
    ("view:coverage", "Coverage", "CmdOrCtrl+4"),
    ("view:findings", "Findings", "CmdOrCtrl+5"),
    ("view:workshop", "Workshop", "CmdOrCtrl+6"),
    ("view:export", "Export", "CmdOrCtrl+7"),
];

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, key: Option<&str>| {
        let b = MenuItemBuilder::with_id(id, text);
        match key {
            Some(k) => b.accelerator(k).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("file:new", "New Engagement…", Some("CmdOrCtrl+N"))?)
        .item(&item("file:open", "Open…", Some("CmdOrCtrl+O"))?)
        .item(&item("file:save", "Save", Some("CmdOrCtrl+S"))?)
        .separator()
        .item(&item("file:export", "Export…", Some("CmdOrCtrl+E"))?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("edit:undo", "Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item("edit:redo", "Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&PredefinedMenuItem::cut(app, None)?)
        .item(&PredefinedMenuItem::copy(app, None)?)
        .item(&PredefinedMenuItem::paste(app, None)?)
        .item(&PredefinedMenuItem::select_all(app, None)?)
        .build()?;
    let mut view = SubmenuBuilder::new(app, "View");
    for (id, text, key) in VIEWS {
        view = view.item(&item(id, text, Some(key))?);
    }
    let about = AboutMetadata {
        name: Some("Trellis".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some("Design learning ecosystems.".into()),
        ..Default::default()
    };
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item("help:shortcuts", "Keyboard Shortcuts", Some("F1"))?)
        .item(&PredefinedMenuItem::about(app, Some("About Trellis"), Some(about))?)
        .build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &view.build()?, &help]).build()
}

/// Forwards a menu choice to the web view.
pub fn forward<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    // Nothing to do if no web view listens (it is still loading): the choice is simply dropped.
    let _ = app.emit("menu", event.id().0.as_str());
}
