// Typed calls to the shell's commands. The names, arguments and results come from the shell's
// command list (bindings/commands.ts, generated with the types of bindings/trellis.ts): a
// misspelt name or a wrong argument is a type error, not a runtime "internal".

import type { Command, Commands } from "./bindings/commands";
import type {
  BlueprintRequest,
  CellQuery,
  Edit,
  FindingQuery,
  ItemKind,
  LiveAction,
  ManualFinding,
  MapQuery,
  Response,
  Verdict,
} from "./bindings/trellis";
import { toApiError } from "./errors";

/** Invokes a command by name; rejects with what the shell sent. `invoke` of @tauri-apps/api in the app, a fake in tests. */
export type Call = <K extends Command>(cmd: K, args?: Commands[K]["args"]) => Promise<unknown>;

/** The arguments `Api.call` takes for a command: none for a command without any. */
type ArgsOf<K extends Command> = Commands[K]["args"] extends Record<string, never> ? [] : [args: Commands[K]["args"]];

export class Api {
  constructor(private readonly raw: Call) {}

  private async call<K extends Command>(cmd: K, ...args: ArgsOf<K>): Promise<Commands[K]["result"]> {
    try {
      return (await this.raw(cmd, ...args)) as Commands[K]["result"];
    } catch (e) {
      throw toApiError(e);
    }
  }

  // engagement
  info = () => this.call("engagement_info");
  open = (path: string) => this.call("engagement_open", { path });
  create = (path: string, template: string, client: string, today: string) =>
    this.call("engagement_create", { path, template, client, today });
  recent = () => this.call("recent_engagements");
  templates = () => this.call("templates");

  // model
  lists = () => this.call("model_lists");
  links = (kind: ItemKind, id: string) => this.call("item_links", { kind, id });
  apply = (edit: Edit) => this.call("apply_edit", { edit });
  history = () => this.call("history");
  undo = () => this.call("undo");
  redo = () => this.call("redo");

  // map and coverage
  map = (query: MapQuery) => this.call("map_graph", { query });
  coverage = () => this.call("coverage_view");
  cell = (query: CellQuery) => this.call("coverage_cell", { query });

  // findings
  findings = (query: FindingQuery) => this.call("findings_view", { query });
  dispose = (key: string, verdict: Verdict | null, note: string) =>
    this.call("dispose_finding", { key, verdict, note });
  putFinding = (finding: ManualFinding) => this.call("put_manual_finding", { finding });
  removeFinding = (id: string) => this.call("remove_manual_finding", { id });
  setSummary = (text: string) => this.call("set_summary", { text });

  // workshop
  banks = () => this.call("banks");
  answer = (response: Response) => this.call("answer", { response });
  responses = () => this.call("response_summary");
  withdraw = (respondent: string) => this.call("withdraw_answers", { respondent });

  // live session: the live server for participants' phones
  liveStart = (listen: string, bank: string | null) => this.call("live_start", { listen, bank });
  liveStatus = () => this.call("live_status");
  liveControl = (action: LiveAction) => this.call("live_control", { action });
  liveStop = () => this.call("live_stop");

  // export
  exportJson = (path: string) => this.call("export_json", { path });
  exportBlueprint = (path: string, request: BlueprintRequest) =>
    this.call("export_blueprint", { path, request });
  layouts = () => this.call("blueprint_layouts");
  openExported = (path: string) => this.call("open_exported", { path });

  // native dialogs: each returns the chosen path, or null when cancelled
  chooseNewPath = (name: string) => this.call("choose_new_path", { name });
  chooseEngagement = () => this.call("choose_engagement");
  chooseExportPath = (kind: "pdf" | "json", name: string) =>
    this.call("choose_export_path", { kind, name });
  chooseLogo = () => this.call("choose_logo");
}

/** Today's date as `YYYY-MM-DD`, in local time: the core reads no clock, the studio passes it in. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
