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

/// The one list of the commands the web view may invoke, each with the arguments it sends (by
/// name, as JSON) and what it gets back (its `Ok`; every `Err` is an `ApiError`). Declared once:
/// `handler` feeds it to `tauri::generate_handler!`, and `src-tauri/tests/bindings.rs` writes it
/// out as `ui/src/bindings/commands.ts`, which `ui/src/ipc.ts` is typed against.
///
/// `with_commands!(m)` calls the macro `m` with the list; the types are named as the caller
/// sees them (the bindings test imports them from `trellis`). The arguments must be the
/// function's own, in order, without the `State` and `AppHandle` Tauri supplies:
/// `tests/bindings.rs` (`the_command_list_matches_the_command_functions`) reads each function's
/// signature and fails when the list differs.
#[macro_export]
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            engagement::engagement_info() -> Info;
            engagement::engagement_open(path: String) -> Info;
            engagement::engagement_create(path: String, template: String, client: Option<String>, today: String) -> Info;
            engagement::recent_engagements() -> Vec<RecentEngagement>;
            engagement::templates() -> Vec<TemplateInfo>;
            model::model_lists() -> Lists;
            model::item_links(kind: ItemKind, id: String) -> Links;
            model::apply_edit(edit: Edit) -> Applied;
            model::history() -> History;
            model::undo() -> History;
            model::redo() -> History;
            map::map_graph(query: MapQuery) -> MapGraph;
            coverage::coverage_view() -> CoverageView;
            coverage::coverage_cell(query: CellQuery) -> Vec<CellChannel>;
            findings::findings_view(query: FindingQuery) -> FindingsView;
            findings::dispose_finding(key: String, verdict: Option<Verdict>, note: String) -> History;
            findings::put_manual_finding(finding: ManualFinding) -> Applied;
            findings::remove_manual_finding(id: String) -> History;
            findings::set_summary(text: String) -> History;
            workshop::banks() -> Vec<Bank>;
            workshop::answer(response: Response) -> History;
            workshop::response_summary() -> ResponseSummary;
            workshop::withdraw_answers(respondent: String) -> Withdrawn;
            live::live_start(listen: String, bank: Option<String>) -> LiveSession;
            live::live_status() -> Option<LiveSession>;
            live::live_control(action: LiveAction) -> LiveSession;
            live::live_stop() -> Info;
            export::export_json(path: String) -> Exported;
            export::export_blueprint(path: String, request: BlueprintRequest) -> Exported;
            export::blueprint_layouts() -> Vec<String>;
            export::open_exported(path: String) -> ();
            dialog::choose_new_path(name: String) -> Option<String>;
            dialog::choose_engagement() -> Option<String>;
            dialog::choose_export_path(kind: String, name: String) -> Option<String>;
            dialog::choose_logo() -> Option<String>;
        }
    };
}

/// The names in the command list, in its order.
macro_rules! names_of {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*) -> $result:ty;)+) => {
        &[$(stringify!($name)),+]
    };
}

/// The command list as Tauri's invoke handler.
macro_rules! handler_of {
    ($($module:ident::$name:ident($($arg:ident: $ty:ty),*) -> $result:ty;)+) => {
        tauri::generate_handler![$($module::$name),+]
    };
}

/// Every command's name, in the list's order.
pub const NAMES: &[&str] = with_commands!(names_of);

/// The handler that answers the web view's `invoke`, from the command list.
pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    with_commands!(handler_of)
}

/// Names the main window after the open engagement.
pub(crate) fn retitle<R: Runtime>(app: &AppHandle<R>, studio: &Studio) {
    if let Some(window) = app.get_webview_window("main") {
        // A title that cannot be set is cosmetic: the engagement is open all the same.
        let _ = window.set_title(&studio.window_title());
    }
}
