// Vite builds the studio's web view into dist/, which the Tauri shell embeds (frontendDist).
import { defineConfig } from "vite";

export default defineConfig({
  // Tauri prints its own output; keep Vite's visible.
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK 2.40+ (Debian 12 and later) and the WebKit of current macOS.
    target: "safari16",
  },
});
