/**
 * The Azure packing algorithm (components/azure/azurePacking) on random buckets: every end gets
 * exactly the ports it wants through the rules that list it; a class is keyed by standing rows
 * only, so a new end with the rows of an existing class joins it without changing any other rule's
 * identity, and a layout port for one end touches only that end's own rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packEnds, type PackedRule } from "../components/azure/azurePacking";
import type { Flow, Reason } from "../components/model/plan";
import { compactPortRanges, type PortRange } from "../components/model/ports";

/** Real dce5 rows: standing (no on/off option), feature (metallb) and a layout rule. */
const ROWS = [
  { profile: "dce5", row: "ssh" },
  { profile: "dce5", row: "kubelet" },
  { profile: "dce5", row: "apiserver" },
  { profile: "dce5", row: "metallb-metrics" },
  { profile: "layout", row: "site" },
];
const ENDS = ["a", "b", "c", "d", "e"];
const OPTIONS = { ported: true, groups: true, perRule: 10 };

const reason = (i: number): Reason => ({ ...ROWS[i]!, description: "", document: "", documentRow: "" });

interface RawFlow {
  readonly end: string;
  readonly rows: readonly number[];
  readonly ports: PortRange;
}

const flowArb = fc.record({
  end: fc.constantFrom(...ENDS),
  rows: fc.uniqueArray(fc.integer({ min: 0, max: ROWS.length - 1 }), { minLength: 1, maxLength: 3 }),
  ports: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 4 })).map(([from, length]) => ({ from, to: from + length })),
});

function flows(raw: readonly RawFlow[]): { end: string; flow: Flow }[] {
  return raw.map((f, i) => ({
    end: f.end,
    flow: { key: `f${i}`, protocol: "tcp", ports: f.ports, peer: { kind: "group", group: f.end }, reasons: f.rows.map(reason) },
  }));
}

function text(ranges: readonly PortRange[]): string {
  return compactPortRanges(ranges).map((r) => `${r.from}-${r.to}`).join(",");
}

/** End -> the ports every rule that lists it allows. */
function allowed(rules: readonly PackedRule[]): Map<string, string> {
  const ports = new Map<string, PortRange[]>();
  for (const rule of rules) for (const end of rule.ends) ports.set(end, [...(ports.get(end) ?? []), ...rule.ports]);
  return new Map([...ports].map(([end, list]) => [end, text(list)]));
}

function wanted(raw: readonly RawFlow[]): Map<string, string> {
  const ports = new Map<string, PortRange[]>();
  for (const f of raw) ports.set(f.end, [...(ports.get(f.end) ?? []), f.ports]);
  return new Map([...ports].map(([end, list]) => [end, text(list)]));
}

const identity = (rule: PackedRule) => (rule.kind === "class" ? `class ${rule.rows.join("+")} ${rule.part}` : `own ${rule.ends[0]}`);

describe("Azure packing", () => {
  it("allows every end exactly the ports it wants", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { maxLength: 14 }), (raw) => {
        const rules = packEnds(flows(raw), OPTIONS);
        expect(new Map([...allowed(rules)].sort())).toEqual(new Map([...wanted(raw)].sort()));
        // Classes list node groups that share every standing row; no two classes share a key.
        expect(new Set(rules.map(identity)).size).toBe(rules.length);
      }),
      { numRuns: 400 },
    );
  });

  it("an end with the flows of an existing end joins its rules: no identity goes, none but its own is new", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { minLength: 1, maxLength: 12 }), fc.nat(), (raw, pick) => {
        const model = raw[pick % raw.length]!.end;
        const copy = raw.filter((f) => f.end === model).map((f) => ({ ...f, end: "z" }));
        const before = new Set(packEnds(flows(raw), OPTIONS).map(identity));
        const after = new Set(packEnds(flows([...raw, ...copy]), OPTIONS).map(identity));
        expect([...before].filter((id) => !after.has(id))).toEqual([]);
        expect([...after].filter((id) => !before.has(id)).every((id) => id === "own z")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a layout port for one end changes no identity but that end's own rule, and no other rule's ports", () => {
    fc.assert(
      fc.property(fc.array(flowArb, { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 100, max: 120 }), (raw, pick, port) => {
        const end = raw[pick % raw.length]!.end;
        const before = packEnds(flows(raw), OPTIONS);
        const after = packEnds(flows([...raw, { end, rows: [ROWS.length - 1], ports: { from: port, to: port } }]), OPTIONS);
        const show = (rules: readonly PackedRule[]) => new Map(rules.map((rule) => [identity(rule), `${rule.ends.join(",")} ${text(rule.ports)}`]));
        const [old, now] = [show(before), show(after)];
        const changed = [...new Set([...old.keys(), ...now.keys()])].filter((id) => old.get(id) !== now.get(id));
        expect(changed).toEqual([`own ${end}`]);
      }),
      { numRuns: 300 },
    );
  });
});
