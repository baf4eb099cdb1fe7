/**
 * Port arithmetic: compactPortRanges and mergeFlows must never widen or narrow what is
 * allowed, only reduce the number of rules. Property tests on small port domains (so ranges
 * collide often), plus the examples a reader checks by eye.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareFlows, mergeFlows } from "../components/compiler/mergeFlows";
import type { RawFlow, RawPeer } from "../components/compiler/rawFlow";
import type { Flow, Reason } from "../components/model/plan";
import { compactPortRanges, type PortRange } from "../components/model/ports";
import { hasPorts, type Protocol } from "../components/model/protocol";

const MAX = 40;

const rangeArb: fc.Arbitrary<PortRange> = fc
  .tuple(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 0, max: 6 }))
  .map(([from, width]) => ({ from, to: Math.min(MAX, from + width) }));

function expand(ranges: readonly PortRange[]): number[] {
  const ports = new Set<number>();
  for (const range of ranges) for (let port = range.from; port <= range.to; port += 1) ports.add(port);
  return [...ports].sort((a, b) => a - b);
}

function expectDisjointAndSorted(ranges: readonly PortRange[]): void {
  for (let i = 1; i < ranges.length; i += 1) {
    // Strictly after the previous range plus one: neither overlapping nor touching.
    expect(ranges[i]!.from).toBeGreaterThan(ranges[i - 1]!.to + 1);
  }
  for (const range of ranges) expect(range.from).toBeLessThanOrEqual(range.to);
}

describe("compactPortRanges", () => {
  it("merges touching ranges: 2379-2380 + 2381 -> 2379-2381", () => {
    expect(compactPortRanges([{ from: 2381, to: 2381 }, { from: 2379, to: 2380 }])).toEqual([{ from: 2379, to: 2381 }]);
  });

  it("keeps 22 and 24 apart (23 is not allowed)", () => {
    expect(compactPortRanges([{ from: 24, to: 24 }, { from: 22, to: 22 }])).toEqual([
      { from: 22, to: 22 },
      { from: 24, to: 24 },
    ]);
  });

  it("absorbs contained and duplicate ranges", () => {
    expect(compactPortRanges([{ from: 30000, to: 32767 }, { from: 30080, to: 30080 }, { from: 30000, to: 32767 }])).toEqual([{ from: 30000, to: 32767 }]);
  });

  it("returns nothing for nothing", () => {
    expect(compactPortRanges([])).toEqual([]);
  });

  it("allows exactly the ports of its input", () => {
    fc.assert(fc.property(fc.array(rangeArb, { maxLength: 12 }), (ranges) => {
      expect(expand(compactPortRanges(ranges))).toEqual(expand(ranges));
    }));
  });

  it("is sorted, with no two ranges overlapping or touching", () => {
    fc.assert(fc.property(fc.array(rangeArb, { maxLength: 12 }), (ranges) => {
      expectDisjointAndSorted(compactPortRanges(ranges));
    }));
  });

  it("is idempotent and ignores input order", () => {
    fc.assert(fc.property(fc.array(rangeArb, { maxLength: 12 }), fc.integer(), (ranges, seed) => {
      const once = compactPortRanges(ranges);
      expect(compactPortRanges(once)).toEqual(once);
      const shuffled = [...ranges].sort((a, b) => ((a.from * 31 + a.to + seed) % 7) - ((b.from * 31 + b.to + seed) % 7));
      expect(compactPortRanges(shuffled)).toEqual(once);
    }));
  });
});

const PEERS: readonly RawPeer[] = [
  { kind: "group", group: "masters" },
  { kind: "group", group: "workers" },
  { kind: "cidr", cidr: "192.0.2.0/24", family: "ipv4", world: false, name: "admin" },
  { kind: "cidr", cidr: "192.0.2.0/24", family: "ipv4", world: false, name: "apiClients" },
  { kind: "cidr", cidr: "0.0.0.0/0", family: "ipv4", world: true, name: "anywhere" },
  { kind: "host", host: "registry.example.com" },
];
const PROTOCOLS: readonly Protocol[] = ["tcp", "udp", "icmp", "ipip"];

function reason(row: string): Reason {
  return { profile: "test", row, description: `row ${row}`, document: "test.txt", documentRow: `row ${row}` };
}

const rawFlowArb: fc.Arbitrary<RawFlow> = fc
  .record({
    peer: fc.constantFrom(...PEERS),
    protocol: fc.constantFrom(...PROTOCOLS),
    ports: rangeArb,
    icmpType: fc.constantFrom(0, 8),
    row: fc.constantFrom("a", "b", "c", "d"),
  })
  .map(({ peer, protocol, ports, icmpType, row }) => ({
    group: "masters",
    direction: "ingress" as const,
    peer,
    protocol,
    ...(hasPorts(protocol) ? { ports } : {}),
    ...(protocol === "icmp" ? { icmp: { type: icmpType } } : {}),
    reason: reason(row),
  }));

/** The address a peer stands for; peer names do not change what is allowed. */
function address(peer: RawPeer | Flow["peer"]): string {
  return peer.kind === "cidr" ? `cidr:${peer.cidr}` : peer.kind === "group" ? `group:${peer.group}` : `host:${peer.host}`;
}

/** Every (peer address, protocol, icmp, port) a set of flows allows. */
function allowed(flows: readonly { peer: RawPeer | Flow["peer"]; protocol: Protocol; ports?: PortRange; icmp?: { type: number } }[]): string[] {
  const out = new Set<string>();
  for (const flow of flows) {
    const head = `${address(flow.peer)}|${flow.protocol}|${flow.icmp?.type ?? ""}`;
    if (!flow.ports) out.add(head);
    else for (const port of expand([flow.ports])) out.add(`${head}|${port}`);
  }
  return [...out].sort();
}

/** Flows back to raw flows, one per (peer name, reason), to merge a second time. */
function unmerge(flows: readonly Flow[]): RawFlow[] {
  return flows.flatMap((flow) =>
    flow.reasons.flatMap((r) => {
      const peers: RawPeer[] =
        flow.peer.kind === "cidr"
          ? flow.peer.peers.map((name) => ({ kind: "cidr", cidr: (flow.peer as { cidr: string }).cidr, family: "ipv4", world: (flow.peer as { world: boolean }).world, name }))
          : [flow.peer];
      return peers.map((peer) => ({
        group: "masters",
        direction: "ingress" as const,
        peer,
        protocol: flow.protocol,
        ...(flow.ports ? { ports: flow.ports } : {}),
        ...(flow.icmp ? { icmp: flow.icmp } : {}),
        reason: r,
      }));
    }),
  );
}

describe("mergeFlows", () => {
  const etcd = (ports: PortRange, row: string): RawFlow => ({
    group: "masters",
    direction: "ingress",
    peer: { kind: "group", group: "masters" },
    protocol: "tcp",
    ports,
    reason: reason(row),
  });

  it("merges 2379-2380 and 2381 from the same peer into one flow with both reasons", () => {
    const flows = mergeFlows("ingress", [etcd({ from: 2379, to: 2380 }, "etcd"), etcd({ from: 2381, to: 2381 }, "etcd-metrics")]);
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ key: "in:tcp:2379-2381:group:masters", ports: { from: 2379, to: 2381 } });
    expect(flows[0]!.reasons.map((r) => r.row)).toEqual(["etcd", "etcd-metrics"]);
  });

  it("keeps 22 and 24 apart, each with its own reason", () => {
    const flows = mergeFlows("ingress", [etcd({ from: 24, to: 24 }, "b"), etcd({ from: 22, to: 22 }, "a")]);
    expect(flows.map((flow) => [flow.key, flow.reasons.map((r) => r.row)])).toEqual([
      ["in:tcp:22:group:masters", ["a"]],
      ["in:tcp:24:group:masters", ["b"]],
    ]);
  });

  it("never merges across peers, protocols or ICMP types", () => {
    const flows = mergeFlows("egress", [
      etcd({ from: 80, to: 80 }, "a"),
      { ...etcd({ from: 81, to: 81 }, "b"), peer: { kind: "group", group: "workers" } },
      { ...etcd({ from: 81, to: 81 }, "c"), protocol: "udp" },
      { group: "masters", direction: "egress", peer: { kind: "group", group: "masters" }, protocol: "icmp", icmp: { type: 8 }, reason: reason("d") },
      { group: "masters", direction: "egress", peer: { kind: "group", group: "masters" }, protocol: "icmp", icmp: { type: 0 }, reason: reason("e") },
    ]);
    expect(flows.map((flow) => flow.key).sort()).toEqual([
      "out:icmp:icmp-0-any:group:masters",
      "out:icmp:icmp-8-any:group:masters",
      "out:tcp:80:group:masters",
      "out:tcp:81:group:workers",
      "out:udp:81:group:masters",
    ]);
  });

  it("gives one CIDR flow the names of every peer that resolved to it", () => {
    const flows = mergeFlows("ingress", [
      { ...etcd({ from: 6443, to: 6443 }, "a"), peer: PEERS[3]! },
      { ...etcd({ from: 6443, to: 6443 }, "b"), peer: PEERS[2]! },
    ]);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.peer).toEqual({ kind: "cidr", cidr: "192.0.2.0/24", family: "ipv4", peers: ["admin", "apiClients"], world: false });
  });

  it("allows exactly what its input allows", () => {
    fc.assert(fc.property(fc.array(rawFlowArb, { maxLength: 25 }), (raw) => {
      expect(allowed(mergeFlows("ingress", raw))).toEqual(allowed(raw));
    }));
  });

  it("is sorted, with unique keys and no two flows of one peer and protocol overlapping or touching", () => {
    fc.assert(fc.property(fc.array(rawFlowArb, { maxLength: 25 }), (raw) => {
      const flows = mergeFlows("ingress", raw);
      for (let i = 1; i < flows.length; i += 1) expect(compareFlows(flows[i - 1]!, flows[i]!)).toBeLessThan(0);
      expect(new Set(flows.map((flow) => flow.key)).size).toBe(flows.length);
      const buckets = new Map<string, PortRange[]>();
      for (const flow of flows) {
        if (!flow.ports) continue;
        const bucket = `${address(flow.peer)}|${flow.protocol}`;
        buckets.set(bucket, [...(buckets.get(bucket) ?? []), flow.ports]);
      }
      for (const ranges of buckets.values()) expectDisjointAndSorted([...ranges].sort((a, b) => a.from - b.from));
    }));
  });

  it("keeps every reason on a flow that covers the reason's ports", () => {
    fc.assert(fc.property(fc.array(rawFlowArb, { maxLength: 25 }), (raw) => {
      const flows = mergeFlows("ingress", raw);
      for (const input of raw) {
        const covering = flows.filter(
          (flow) =>
            address(input.peer) === address(flow.peer) &&
            flow.protocol === input.protocol &&
            flow.icmp?.type === input.icmp?.type &&
            (!input.ports || (flow.ports!.from <= input.ports.from && input.ports.to <= flow.ports!.to)),
        );
        expect(covering).toHaveLength(1);
        expect(covering[0]!.reasons).toContainEqual(input.reason);
        if (input.peer.kind === "cidr") expect(covering[0]!.peer).toMatchObject({ peers: expect.arrayContaining([input.peer.name]) });
      }
    }));
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.array(rawFlowArb, { maxLength: 25 }), (raw) => {
      const once = mergeFlows("ingress", raw);
      expect(mergeFlows("ingress", unmerge(once))).toEqual(once);
    }));
  });

  it("does not depend on input order", () => {
    fc.assert(fc.property(fc.array(rawFlowArb, { maxLength: 25 }), (raw) => {
      expect(mergeFlows("ingress", [...raw].reverse())).toEqual(mergeFlows("ingress", raw));
    }));
  });
});
