/**
 * `npm run bench -- --smoke` runs every benchmark section once, small, and writes its results
 * to a temp directory. The figures must be sane: what the lead reads in bench/RESULTS.md comes
 * from the same code at full size.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Results } from "../bench/results";

const REPO = path.resolve(__dirname, "..");
const COMMITTED = path.join(REPO, "bench", "RESULTS.md");
const out = mkdtempSync(path.join(tmpdir(), "kubeports-bench-test-"));
const committedBefore = existsSync(COMMITTED) ? statSync(COMMITTED).mtimeMs : undefined;
let results: Results;

beforeAll(() => {
  execFileSync(process.execPath, ["--import", "tsx", "bench/run.ts", "--smoke", "--out", out], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  results = JSON.parse(readFileSync(path.join(out, "results.json"), "utf8")) as Results;
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("bench --smoke", () => {
  it("writes RESULTS.md and results.json to the given directory, never to bench/", () => {
    expect(results.mode).toBe("smoke");
    expect(readFileSync(path.join(out, "RESULTS.md"), "utf8")).toMatch(/^# kubeports benchmark results/);
    expect(existsSync(COMMITTED) ? statSync(COMMITTED).mtimeMs : undefined).toBe(committedBefore);
  });

  it("records the machine and both TypeScript versions", () => {
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.memoryGb).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.versions.typescript["TypeScript 6"]).toMatch(/^6\./);
    expect(Object.keys(results.versions.typescript)).toEqual(["TypeScript 6", "TypeScript 7"]);
  });

  it("never counts fewer AWS rules than the lower bound, nor fewer GCP or Azure rules than the achievable packing", () => {
    const run = results.ruleCounts.stacks.filter((row) => row.resources !== null);
    expect(run.map((row) => row.stack)).toEqual(["apinizer-aws"]);
    for (const row of results.ruleCounts.stacks) {
      // AWS: a true lower bound, so nothing beats it. GCP and Azure: the smaller of two exact
      // packings, one of which is the translators' own.
      expect(row.translator).toBeGreaterThanOrEqual(row.bound.total);
      if (row.cloud === "aws") expect(row.naive.total).toBeGreaterThanOrEqual(row.bound.total);
      if (row.resources !== null) expect(row.resources).toBe(row.translator);
    }
  });

  it("translates every stack's layout for every cloud, or says why it cannot", () => {
    expect(results.ruleCounts.crossCloud).toHaveLength(4 * 3);
    for (const cell of results.ruleCounts.crossCloud) {
      if ("notExpressible" in cell) {
        expect(cell.cloud).toBe("azure");
        expect(cell.notExpressible).toMatch(/IP/);
      } else {
        expect(cell.bound.total).toBeGreaterThan(0);
        if (cell.cloud === "aws") expect(cell.naivePerBound).toBeGreaterThanOrEqual(1);
        expect(cell.translatorPerBound).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("adds a port on AWS as one new rule, and renames nothing", () => {
    const [stack] = results.churn;
    expect(stack?.edits.map((edit) => edit.id)).toEqual(["add-port"]);
    const add = stack!.edits[0]!;
    if ("skipped" in add) throw new Error(`add-port skipped: ${add.skipped}`);
    expect(add.churn).toMatchObject({ created: 1, deleted: 0, renamed: 0 });
    for (const edit of stack!.edits) if (!("skipped" in edit)) expect(edit.churn.renamed).toBe(0);
  });

  it("times compiles, previews and the CLI as ratios to references of the same run", () => {
    expect(results.compile.catalog.layouts).toBeGreaterThan(100);
    expect(results.compile.catalog.perReference.median).toBeGreaterThan(1);
    expect(results.compile.synthetic.map((w) => w.groups)).toEqual([100, 1000]);
    expect(results.compile.growth[0]!.per10x.median).toBeGreaterThan(1);
    expect(results.preview.stacks).toHaveLength(1);
    expect(results.preview.stacks[0]!.resources).toBeGreaterThan(results.ruleCounts.stacks[0]!.resources ?? 0);
    expect(results.preview.stacks[0]!.perReference.median).toBeGreaterThan(1);
    // Smoke runs no type-check (tsc on a cloud SDK takes longer than the whole smoke run) and say so.
    expect(results.typecheck.clouds).toEqual([]);
    expect(results.typecheck.skipped).toEqual(["this run type-checks no cloud (smoke)"]);
    if (!("skipped" in results.cli)) expect(results.cli.ratio.median).toBeGreaterThan(1);
  });
});
