/**
 * Every layout in examples/layouts compiles, and every vendor profile in the catalog has one.
 * The examples are documentation: they must stay complete (every peer their rows use has
 * CIDRs) and commented (each top-level field says what it is for).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { loadLayoutFile } from "../components/layout/loadLayoutFile";
import { CATALOG } from "../components/profiles/catalog";

const DIR = path.resolve(__dirname, "../examples/layouts");
const FILES = readdirSync(DIR).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();

/** Vendor documents with an example each; upstream and CNI profiles are combined with these. */
const VENDOR_PROFILES = ["super-kubenetes", "dce5", "apinizer", "rancher", "rancher-nodes"];

describe("examples/layouts", () => {
  it("has one example per vendor profile in the catalog", () => {
    const registered = VENDOR_PROFILES.filter((id) => CATALOG.some((profile) => profile.id === id));
    expect(registered).toEqual(VENDOR_PROFILES);
    const covered = FILES.flatMap((file) => (loadLayoutFile(file, DIR).value as { profiles: string[] }).profiles);
    for (const id of registered) expect(covered, `an example using ${id}`).toContain(id);
    expect(FILES).toEqual(expect.arrayContaining(registered.map((id) => `${id}.yaml`)));
  });

  it.each(FILES)("%s compiles, opens something for every group and leaves no peer unset", (file) => {
    const plan = compile(loadLayoutFile(file, DIR).value);
    expect(plan.groups.length).toBeGreaterThan(0);
    for (const group of plan.groups) expect(group.ingress.length + group.egress.length, group.name).toBeGreaterThan(0);
    expect(plan.notes.filter((note) => note.code === "peer-unset")).toEqual([]);
  });

  it.each(FILES)("%s explains each top-level field in a comment above it", (file) => {
    const lines = readFileSync(path.join(DIR, file), "utf8").split("\n");
    const fields = lines.flatMap((line, index) => (/^[a-z]+:/.test(line) ? [index] : []));
    expect(fields.length).toBeGreaterThanOrEqual(3);
    for (const index of fields) expect(lines[index - 1], `comment above "${lines[index]}"`).toMatch(/^#/);
  });
});
