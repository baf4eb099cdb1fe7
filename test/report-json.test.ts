/** The JSON report: stable bytes, fixed key order, and nothing lost on the way. */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Plan } from "../components/model/plan";
import { planJson } from "../components/reports/planJson";

const layout = {
  name: "json-report",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["192.0.2.0/24", "2001:db8::/48"] },
  rules: [
    { id: "ping", description: "echo request", protocols: ["icmp"], icmp: { type: 8 }, from: [{ peer: "admin" }], to: { role: "worker" } },
    { id: "unreachable", description: "fragmentation needed", protocols: ["icmp"], icmp: { type: 3, code: 4 }, from: [{ nodes: true }], to: { nodes: true } },
  ],
};

/** The same value with every object's keys in reverse insertion order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)])) as T;
}

describe("planJson", () => {
  const plan = compile(layout);
  const text = planJson(plan);
  const parsed = JSON.parse(text) as Plan;

  it("round-trips: parsing the text gives the plan back", () => {
    expect(parsed).toEqual(plan);
  });

  it("is byte-identical across two compiles", () => {
    expect(planJson(compile(structuredClone(layout)))).toBe(text);
  });

  it("does not depend on the key order of the plan's objects", () => {
    expect(planJson(reverseKeys(plan))).toBe(text);
  });

  it("uses a 2-space indent and ends with one newline", () => {
    expect(text.startsWith('{\n  "schema": "kubeports.plan/v1",\n  "layout": "json-report",\n')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("writes keys in the documented order", () => {
    expect(Object.keys(parsed)).toEqual(["schema", "layout", "profiles", "options", "groups", "peers", "warnings", "notes", "disagreements", "supplements"]);
    const workers0 = parsed.supplements!.find((s) => s.group === "workers" && s.requirement === "kubelet")!;
    expect(Object.keys(workers0)).toEqual(["requirement", "description", "source", "sourceRow", "group", "from", "protocol", "ports", "omittedBy"]);
    const masters = parsed.groups[0]!;
    expect(Object.keys(masters)).toEqual(["name", "roles", "cluster", "clusterKind", "ingress", "egress", "local"]);
    const ssh = masters.ingress.find((flow) => flow.key === "in:tcp:22:cidr:192.0.2.0/24")!;
    expect(Object.keys(ssh)).toEqual(["key", "protocol", "ports", "peer", "reasons"]);
    expect(Object.keys(ssh.peer)).toEqual(["kind", "cidr", "family", "peers", "world"]);
    expect(Object.keys(ssh.reasons[0]!)).toEqual(["profile", "row", "description", "document", "documentRow"]);
    expect(Object.keys(parsed.options)).toEqual(Object.keys(parsed.options).sort());
    expect(Object.keys(parsed.disagreements[0]!)).toEqual(["profile", "id", "rows", "says", "other", "otherSource"]);
    expect(Object.keys(parsed.notes[0]!)).toEqual(["code", "profile", "row", "message"]);
  });

  it("leaves absent fields out and keeps ICMP matches", () => {
    const workers = parsed.groups.find((g) => g.name === "workers")!;
    const ipip = workers.ingress.find((flow) => flow.protocol === "ipip")!;
    expect(Object.keys(ipip)).toEqual(["key", "protocol", "peer", "reasons"]);
    const ping = workers.ingress.find((flow) => flow.key === "in:icmp:icmp-8-any:cidr:192.0.2.0/24")!;
    expect(ping.icmp).toEqual({ type: 8 });
    const unreachable = workers.ingress.find((flow) => flow.key === "in:icmp:icmp-3-4:group:masters")!;
    expect(unreachable.icmp).toEqual({ type: 3, code: 4 });
    expect(text).not.toContain("null");
  });

  it("keeps IPv6 peers as their own flows", () => {
    const masters = parsed.groups.find((g) => g.name === "masters")!;
    expect(masters.ingress.find((flow) => flow.key === "in:tcp:22:cidr:2001:db8::/48")?.peer).toEqual({
      kind: "cidr",
      cidr: "2001:db8::/48",
      family: "ipv6",
      peers: ["admin"],
      world: false,
    });
  });
});
