// The studio's frame: the sidebar of views, the undo and redo bar, the error banner, and the
// routing between views. Menus, buttons and dropped files all end up in `Studio` methods.

import type { ApiError, History, Info } from "./bindings/trellis";
import type { Ctx, ViewId } from "./ctx";
import { button, el } from "./dom";
import { errorView, toApiError } from "./errors";
import type { Api } from "./ipc";
import { renderCoverage } from "./views/coverage";
import { renderExport } from "./views/export";
import { renderFindings } from "./views/findings";
import { renderHome } from "./views/home";
import { renderModel } from "./views/model";
import { renderWorkshop } from "./views/workshop";

/** Dispatched on `window` when another engagement is opened: views forget what they kept. */
export const ENGAGEMENT_CHANGED = "trellis:engagement-changed";

type Render = (root: HTMLElement, ctx: Ctx, arg?: string) => Promise<void>;

export const VIEWS: readonly { id: ViewId; label: string; key: string; render: Render }[] = [
  { id: "home", label: "Home", key: "1", render: renderHome },
  { id: "model", label: "Model", key: "2", render: renderModel },
  // Cytoscape is most of the bundle: loaded when the map is first shown, so the studio starts sooner.
  { id: "map", label: "Ecosystem map", key: "3", render: (root, ctx, arg) => import("./views/map").then((m) => m.renderMap(root, ctx, arg)) },
  { id: "coverage", label: "Coverage", key: "4", render: renderCoverage },
  { id: "findings", label: "Findings", key: "5", render: renderFindings },
  { id: "workshop", label: "Workshop", key: "6", render: renderWorkshop },
  { id: "export", label: "Export", key: "7", render: renderExport },
];

/** "<name> — Trellis", as the shell titles the window. */
export function windowTitle(info: Info | null): string {
  return info ? `${info.engagement.name} — Trellis` : "Trellis";
}

export class Studio implements Ctx {
  info: Info | null = null;
  private view: ViewId = "home";
  private readonly nav = new Map<ViewId, HTMLButtonElement>();
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly status = el("p", "status");
  private readonly banner = el("section", "banner");
  private readonly content = el("main", "view");
  private readonly engagementLine = el("p", "sidebar-engagement");
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every render: a slow view that lost the race does not draw over the new one. */
  private renders = 0;

  constructor(
    readonly api: Api,
    private readonly root: HTMLElement,
  ) {
    this.undoButton = button("↶ Undo", () => void this.undo(), "btn btn-quiet");
    this.redoButton = button("↷ Redo", () => void this.redo(), "btn btn-quiet");
    this.undoButton.title = "Undo the last change (Ctrl+Z)";
    this.redoButton.title = "Redo (Ctrl+Shift+Z)";
    this.undoButton.dataset["action"] = "undo";
    this.redoButton.dataset["action"] = "redo";
    this.banner.setAttribute("role", "alert");
    this.banner.hidden = true;
    this.content.id = "view";
    this.content.tabIndex = -1;
    this.status.setAttribute("role", "status");
    this.build();
  }

  private build(): void {
    const sidebar = el("nav", "sidebar");
    sidebar.setAttribute("aria-label", "Views");
    const brand = el("p", "brand", "Trellis");
    sidebar.append(brand, this.engagementLine);
    const list = el("ul", "nav-list");
    for (const v of VIEWS) {
      const b = button(v.label, () => this.go(v.id), "nav-item");
      b.dataset["view"] = v.id;
      b.title = `${v.label} (Ctrl+${v.key})`;
      this.nav.set(v.id, b);
      const li = el("li");
      li.append(b);
      list.append(li);
    }
    sidebar.append(list);
    const bar = el("div", "toolbar");
    bar.append(this.undoButton, this.redoButton, this.status);
    const main = el("div", "main");
    main.append(bar, this.banner, this.content);
    this.root.replaceChildren(sidebar, main);
    this.setHistory({ can_undo: false, can_redo: false });
  }

  /** Loads the open engagement (if any) and shows Home. */
  async start(): Promise<void> {
    try {
      this.info = await this.api.info();
      this.setHistory(await this.api.history());
    } catch (e) {
      this.info = null;
      const err = toApiError(e);
      // No engagement named on the command line is the normal start, not an error to shout about.
      if (err.code !== "no-engagement") this.fail(err);
    }
    this.refreshFrame();
    await this.show("home");
  }

  go(view: ViewId, arg?: string): void {
    void this.show(view, arg);
  }

  private async show(view: ViewId, arg?: string): Promise<void> {
    if (view !== "home" && !this.info) view = "home";
    this.view = view;
    for (const [id, b] of this.nav) {
      if (id === view) b.setAttribute("aria-current", "page");
      else b.removeAttribute("aria-current");
    }
    const render = VIEWS.find((v) => v.id === view)?.render ?? renderHome;
    const ticket = ++this.renders;
    const target = el("div", "view-body");
    target.dataset["view"] = view;
    try {
      await render(target, this, arg);
    } catch (e) {
      this.fail(e);
    }
    if (ticket !== this.renders) return;
    this.content.replaceChildren(target);
    this.content.dataset["view"] = view;
  }

  /** Shows the current view again with fresh data. */
  refresh(): void {
    void this.show(this.view);
  }

  async edited(history: History): Promise<void> {
    this.setHistory(history);
    this.hideBanner();
    try {
      this.info = await this.api.info();
    } catch (e) {
      this.fail(e);
    }
    this.refreshFrame();
    this.notify("Saved");
  }

  opened(info: Info): void {
    this.info = info;
    // Views keep their filters and selection between visits; another engagement starts them afresh.
    window.dispatchEvent(new Event(ENGAGEMENT_CHANGED));
    this.hideBanner();
    this.refreshFrame();
    void this.api.history().then((h) => this.setHistory(h), (e) => this.fail(e));
    this.go("model");
  }

  async undo(): Promise<void> {
    if (!this.info) return;
    try {
      await this.edited(await this.api.undo());
      this.notify("Undone");
      this.refresh();
    } catch (e) {
      this.fail(e);
    }
  }

  async redo(): Promise<void> {
    if (!this.info) return;
    try {
      await this.edited(await this.api.redo());
      this.notify("Redone");
      this.refresh();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Opens a `.trellis` file (from the Open dialog, the recent list, or a drop on the window). */
  async openPath(path: string): Promise<void> {
    try {
      this.opened(await this.api.open(path));
    } catch (e) {
      this.fail(e);
    }
  }

  /** Files dropped on the window: opens the first `.trellis` one, or says what it expects. */
  async dropped(paths: readonly string[]): Promise<void> {
    const file = paths.find((p) => p.toLowerCase().endsWith(".trellis"));
    if (file) await this.openPath(file);
    else this.notify("Drop a .trellis engagement file to open it");
  }

  fail(e: unknown): void {
    const err: ApiError = toApiError(e);
    const view = errorView(err.code);
    const panel = el("div", "error");
    panel.dataset["code"] = err.code;
    const close = button("Dismiss", () => this.hideBanner(), "btn btn-quiet");
    panel.append(el("h2", "error-title", view.title), el("p", "error-advice", view.advice));
    panel.append(el("pre", "error-message", err.message), close);
    this.banner.replaceChildren(panel);
    this.banner.hidden = false;
    // An item that is gone (undone elsewhere) leaves the view stale: show it as it now is.
    if (err.code === "not-in-model") this.refresh();
  }

  private hideBanner(): void {
    this.banner.hidden = true;
    this.banner.replaceChildren();
  }

  notify(text: string): void {
    this.status.textContent = text;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => (this.status.textContent = ""), 4000);
  }

  private setHistory(h: History): void {
    this.undoButton.disabled = !h.can_undo;
    this.redoButton.disabled = !h.can_redo;
  }

  private refreshFrame(): void {
    document.title = windowTitle(this.info);
    this.engagementLine.textContent = this.info ? this.info.engagement.name : "No engagement open";
    for (const [id, b] of this.nav) b.disabled = id !== "home" && !this.info;
  }

  /** A native menu choice, forwarded by the shell as its item id. */
  menu(id: string): void {
    if (id.startsWith("view:")) {
      const view = VIEWS.find((v) => `view:${v.id}` === id);
      if (view) this.go(view.id);
      return;
    }
    switch (id) {
      case "edit:undo":
        void this.undo();
        break;
      case "edit:redo":
        void this.redo();
        break;
      case "file:save":
        this.notify("Every change is saved as you make it");
        break;
      case "file:new":
        this.go("home", "new");
        break;
      case "file:open":
        void this.api.chooseEngagement().then((p) => (p ? this.openPath(p) : undefined), (e) => this.fail(e));
        break;
      case "file:export":
        this.go("export");
        break;
      case "help:shortcuts":
        this.notify("Ctrl+1…7 views · Ctrl+Z undo · Ctrl+Shift+Z redo · Ctrl+N new · Ctrl+O open · Ctrl+E export");
        break;
    }
  }
}
