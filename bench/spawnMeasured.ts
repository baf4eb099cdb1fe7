/**
 * Runs a command to completion and measures its wall time and peak resident memory (the
 * largest RSS of the process or any of its descendants). GNU time (`/usr/bin/time -v`) reads
 * it from the kernel's rusage; without it, /proc is polled every 20 ms (may miss short peaks).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Measured {
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

const GNU_TIME = "/usr/bin/time";

export const RSS_METHOD = existsSync(GNU_TIME)
  ? "GNU time -v (kernel rusage: peak RSS of the process tree's largest process)"
  : "/proc/<pid>/status VmHWM polled every 20 ms over the process tree";

function failure(command: string, args: readonly string[], status: number | null, stderr: string): Error {
  return new Error(`${command} ${args.join(" ")} exited with ${status}:\n${stderr.slice(-2000)}`);
}

export async function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<Measured> {
  return existsSync(GNU_TIME) ? withGnuTime(command, args, options) : withProcPolling(command, args, options);
}

function withGnuTime(command: string, args: readonly string[], options: RunOptions): Measured {
  const dir = mkdtempSync(path.join(tmpdir(), "kubeports-time-"));
  const report = path.join(dir, "time.txt");
  try {
    const started = performance.now();
    const result = spawnSync(GNU_TIME, ["-v", "-o", report, command, ...args], { ...options, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    if (result.status !== 0) throw failure(command, args, result.status, `${result.stderr}${existsSync(report) ? readFileSync(report, "utf8") : ""}`);
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, "utf8"));
    if (!kb) throw new Error(`${GNU_TIME} printed no maximum resident set size`);
    return { wallMs, peakRssMb: Number(kb[1]) / 1024, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS (kB) so far of `pid` and every descendant, from /proc. */
function treeHighWater(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let peak = 0;
  const visit = (id: number) => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"));
      peak = Math.max(peak, Number(hwm?.[1] ?? 0));
    } catch {
      // Gone already.
    }
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return peak;
}

function withProcPolling(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peakKb = 0;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setInterval(() => (peakKb = Math.max(peakKb, treeHighWater(child.pid!))), 20);
    child.on("error", reject);
    child.on("close", (status) => {
      clearInterval(timer);
      if (status !== 0) return reject(failure(command, args, status, stderr));
      resolve({ wallMs: performance.now() - started, peakRssMb: peakKb / 1024, stdout, stderr });
    });
  });
}
