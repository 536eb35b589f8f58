// Entry point of the studio's web view: asks the shell for the open engagement and shows it.

import { invoke } from "@tauri-apps/api/core";
import "./style.css";
import type { Info } from "./types";
import { renderError, renderInfo, toApiError } from "./view";

async function start(root: HTMLElement): Promise<void> {
  try {
    const info = await invoke<Info>("engagement_info");
    renderInfo(root, info);
  } catch (e) {
    renderError(root, toApiError(e));
  }
}

const root = document.getElementById("app");
if (root) {
  void start(root);
}
