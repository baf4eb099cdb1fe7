/** kubeports' version, from its package.json (found above this file in the source tree and in dist/). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "kubeports" && manifest.version) return manifest.version;
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
