/** The machine and the versions every figure was measured with. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RSS_METHOD } from "./spawnMeasured";
import { REPO } from "./tsxChild";
import { compilers } from "./typecheck/compilers";

const PACKAGES = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/gcp", "@pulumi/azure-native", "tsx", "zod", "yaml"];

function version(dir: string): string | undefined {
  const manifest = path.join(dir, "package.json");
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version : undefined;
}

function commit(): string | undefined {
  const result = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average when the run started: other work on the machine slows every figure. */
  readonly loadAtStart: number;
  readonly rssMethod: string;
}

export interface Versions {
  readonly kubeports: string;
  readonly commit?: string;
  readonly typescript: Record<string, string>;
  readonly packages: Record<string, string>;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
    rssMethod: RSS_METHOD,
  };
}

export function versions(): Versions {
  const sha = commit();
  return {
    kubeports: version(REPO) ?? "unknown",
    ...(sha ? { commit: sha } : {}),
    typescript: Object.fromEntries(compilers().map((c) => [c.label, c.version ?? "not installed (npm ci --prefix bench/tools)"])),
    packages: Object.fromEntries(PACKAGES.map((name) => [name, version(path.join(REPO, "node_modules", name)) ?? "missing"])),
  };
}

export function loadNow(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
