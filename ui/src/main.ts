// Entry point of the studio's web view: the frame, the shell's menu events, and files dropped on the window.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { Studio } from "./app";
import { Api } from "./ipc";
import "./style.css";

const root = document.getElementById("app");
if (root) {
  const studio = new Studio(new Api((cmd, args) => invoke(cmd, args)), root);
  void studio.start();
  void listen<string>("menu", (event) => studio.menu(event.payload));
  // macOS opens a double-clicked .trellis file in the running app: show it.
  void listen("engagement-opened", () => void studio.start());
  void getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === "drop") void studio.dropped(event.payload.paths);
  });
}
