// Typed calls to the shell's commands. The argument and result types are generated from Rust
// (bindings/trellis.ts); a command's name and argument names match src-tauri/src/commands/.

import type {
  Applied,
  Bank,
  BlueprintRequest,
  CellChannel,
  CellQuery,
  CoverageView,
  Edit,
  Exported,
  FindingQuery,
  FindingsView,
  History,
  Info,
  ItemKind,
  Links,
  Lists,
  LiveAction,
  LiveSession,
  ManualFinding,
  MapGraph,
  MapQuery,
  RecentEngagement,
  Response,
  ResponseSummary,
  TemplateInfo,
  Verdict,
  Withdrawn,
} from "./bindings/trellis";
import { toApiError } from "./errors";

/** Invokes a command; rejects with an ApiError. `invoke` of @tauri-apps/api in the app, a fake in tests. */
export type Call = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;

export class Api {
  constructor(private readonly raw: Call) {}

  private async call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
    try {
      return (await this.raw(cmd, args)) as T;
    } catch (e) {
      throw toApiError(e);
    }
  }

  // engagement
  info = () => this.call<Info>("engagement_info");
  open = (path: string) => this.call<Info>("engagement_open", { path });
  create = (path: string, template: string, client: string, today: string) =>
    this.call<Info>("engagement_create", { path, template, client, today });
  recent = () => this.call<RecentEngagement[]>("recent_engagements");
  templates = () => this.call<TemplateInfo[]>("templates");

  // model
  lists = () => this.call<Lists>("model_lists");
  links = (kind: ItemKind, id: string) => this.call<Links>("item_links", { kind, id });
  apply = (edit: Edit) => this.call<Applied>("apply_edit", { edit });
  history = () => this.call<History>("history");
  undo = () => this.call<History>("undo");
  redo = () => this.call<History>("redo");

  // map and coverage
  map = (query: MapQuery) => this.call<MapGraph>("map_graph", { query });
  coverage = () => this.call<CoverageView>("coverage_view");
  cell = (query: CellQuery) => this.call<CellChannel[]>("coverage_cell", { query });

  // findings
  findings = (query: FindingQuery) => this.call<FindingsView>("findings_view", { query });
  dispose = (key: string, verdict: Verdict | null, note: string) =>
    this.call<History>("dispose_finding", { key, verdict, note });
  putFinding = (finding: ManualFinding) => this.call<Applied>("put_manual_finding", { finding });
  removeFinding = (id: string) => this.call<History>("remove_manual_finding", { id });
  setSummary = (text: string) => this.call<History>("set_summary", { text });

  // workshop
  banks = () => this.call<Bank[]>("banks");
  answer = (response: Response) => this.call<History>("answer", { response });
  responses = () => this.call<ResponseSummary>("response_summary");
  withdraw = (respondent: string) => this.call<Withdrawn>("withdraw_answers", { respondent });

  // live session: the live server for participants' phones
  liveStart = (listen: string, bank: string | null) => this.call<LiveSession>("live_start", { listen, bank });
  liveStatus = () => this.call<LiveSession | null>("live_status");
  liveControl = (action: LiveAction) => this.call<LiveSession>("live_control", { action });
  liveStop = () => this.call<Info>("live_stop");

  // export
  exportJson = (path: string) => this.call<Exported>("export_json", { path });
  exportBlueprint = (path: string, request: BlueprintRequest) =>
    this.call<Exported>("export_blueprint", { path, request });
  layouts = () => this.call<string[]>("blueprint_layouts");
  openExported = (path: string) => this.call<null>("open_exported", { path });

  // native dialogs: each returns the chosen path, or null when cancelled
  chooseNewPath = (name: string) => this.call<string | null>("choose_new_path", { name });
  chooseEngagement = () => this.call<string | null>("choose_engagement");
  chooseExportPath = (kind: "pdf" | "json", name: string) =>
    this.call<string | null>("choose_export_path", { kind, name });
  chooseLogo = () => this.call<string | null>("choose_logo");
}

/** Today's date as `YYYY-MM-DD`, in local time: the core reads no clock, the studio passes it in. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
