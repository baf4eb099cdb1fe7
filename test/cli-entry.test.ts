/** The real entry point, spawned once: main.ts runs, prints, and sets the exit code. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const MAIN = "components/cli/main.ts";

describe("components/cli/main.ts", () => {
  it("starts with a node shebang", () => {
    expect(readFileSync(path.join(ROOT, MAIN), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("runs `plan --format json` through npx tsx, then exits 1 on an invalid layout", () => {
    const ok = spawnSync("npx", ["tsx", MAIN, "plan", "examples/layouts/super-kubenetes.yaml", "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ schema: "kubeports.plan/v1", layout: "kubesphere-lab" });

    const bad = spawnSync("npx", ["tsx", MAIN, "plan", "does-not-exist.yaml"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain('kubeports: Cannot find layout "does-not-exist.yaml":');
  });
});
