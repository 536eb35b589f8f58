// Generated from the command list (`with_commands!` in src-tauri/src/commands/mod.rs) by
// src-tauri/tests/bindings.rs. Do not edit: change the list, then run
// `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.

import type { Applied, Bank, BlueprintRequest, CellChannel, CellQuery, CoverageView, Edit, Exported, FindingQuery, FindingsView, History, Info, ItemKind, Links, Lists, LiveAction, LiveSession, ManualFinding, MapGraph, MapQuery, RecentEngagement, Response, ResponseSummary, TemplateInfo, Verdict, Withdrawn } from "./trellis";

/** Every command the shell handles: the arguments the web view sends, and what it answers. */
export type Commands = {
  engagement_info: { args: Record<string, never>; result: Info };
  engagement_open: { args: { path: string }; result: Info };
  engagement_create: { args: { path: string; template: string; client: string | null; today: string }; result: Info };
  recent_engagements: { args: Record<string, never>; result: Array<RecentEngagement> };
  templates: { args: Record<string, never>; result: Array<TemplateInfo> };
  model_lists: { args: Record<string, never>; result: Lists };
  item_links: { args: { kind: ItemKind; id: string }; result: Links };
  apply_edit: { args: { edit: Edit }; result: Applied };
  history: { args: Record<string, never>; result: History };
  undo: { args: Record<string, never>; result: History };
  redo: { args: Record<string, never>; result: History };
  map_graph: { args: { query: MapQuery }; result: MapGraph };
  coverage_view: { args: Record<string, never>; result: CoverageView };
  coverage_cell: { args: { query: CellQuery }; result: Array<CellChannel> };
  findings_view: { args: { query: FindingQuery }; result: FindingsView };
  dispose_finding: { args: { key: string; verdict: Verdict | null; note: string }; result: History };
  put_manual_finding: { args: { finding: ManualFinding }; result: Applied };
  remove_manual_finding: { args: { id: string }; result: History };
  set_summary: { args: { text: string }; result: History };
  banks: { args: Record<string, never>; result: Array<Bank> };
  answer: { args: { response: Response }; result: History };
  response_summary: { args: Record<string, never>; result: ResponseSummary };
  withdraw_answers: { args: { respondent: string }; result: Withdrawn };
  live_start: { args: { listen: string; bank: string | null }; result: LiveSession };
  live_status: { args: Record<string, never>; result: LiveSession | null };
  live_control: { args: { action: LiveAction }; result: LiveSession };
  live_stop: { args: Record<string, never>; result: Info };
  export_json: { args: { path: string }; result: Exported };
  export_blueprint: { args: { path: string; request: BlueprintRequest }; result: Exported };
  blueprint_layouts: { args: Record<string, never>; result: Array<string> };
  open_exported: { args: { path: string }; result: null };
  choose_new_path: { args: { name: string }; result: string | null };
  choose_engagement: { args: Record<string, never>; result: string | null };
  choose_export_path: { args: { kind: string; name: string }; result: string | null };
  choose_logo: { args: Record<string, never>; result: string | null };
};

/** A command's name. */
export type Command = keyof Commands;

/** Every command's name, in the list's order. */
export const COMMANDS: readonly Command[] = [
  "engagement_info",
  "engagement_open",
  "engagement_create",
  "recent_engagements",
  "templates",
  "model_lists",
  "item_links",
  "apply_edit",
  "history",
  "undo",
  "redo",
  "map_graph",
  "coverage_view",
  "coverage_cell",
  "findings_view",
  "dispose_finding",
  "put_manual_finding",
  "remove_manual_finding",
  "set_summary",
  "banks",
  "answer",
  "response_summary",
  "withdraw_answers",
  "live_start",
  "live_status",
  "live_control",
  "live_stop",
  "export_json",
  "export_blueprint",
  "blueprint_layouts",
  "open_exported",
  "choose_new_path",
  "choose_engagement",
  "choose_export_path",
  "choose_logo",
];
