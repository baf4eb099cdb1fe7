/**
 * The pure pieces of the AWS shell, with property tests where arithmetic is involved:
 * prefix-list splitting (never widens, never loses a port), CIDR name
 * parts (injective), text cleaning (never emits a character AWS rejects), ICMPv6 mapping.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { awsMatches } from "../components/aws/awsProtocol";
import { cidrNamePart } from "../components/aws/awsNames";
import { ruleWeight } from "../components/aws/awsQuota";
import { cleanText, fitDescription, RULE_DESCRIPTION_CHARS } from "../components/aws/awsText";
import { union } from "../components/model/portSets";
import { sourcedRules, type PrefixListPeer } from "../components/aws/ruleSources";
import { parseCidr } from "../components/model/cidr";
import type { Flow } from "../components/model/plan";
import type { PortRange } from "../components/model/ports";

const SMALL = 40;
const range = fc.tuple(fc.integer({ min: 1, max: SMALL }), fc.integer({ min: 0, max: 6 })).map(([from, len]): PortRange => ({ from, to: Math.min(SMALL, from + len) }));
const ranges = fc.array(range, { maxLength: 6 });

function ports(list: readonly PortRange[]): Set<number> {
  const out = new Set<number>();
  for (const r of list) for (let p = r.from; p <= r.to; p++) out.add(p);
  return out;
}

describe("prefix-list splitting", () => {
  const CIDRS = ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"];
  const PEERS = ["a", "b", "c"];
  /** A random assignment: each peer owns some CIDRs and gets some TCP ranges from the group. */
  const scenario = fc.record({
    owners: fc.array(fc.subarray(CIDRS, { minLength: 1 }), { minLength: 3, maxLength: 3 }),
    grants: fc.array(ranges, { minLength: 3, maxLength: 3 }),
    lists: fc.subarray(PEERS),
  });

  /** Builds merged per-CIDR flows the way the compiler does (one flow per contiguous run). */
  function flowsFor(owners: string[][], grants: PortRange[][]): Flow[] {
    return CIDRS.flatMap((cidr) => {
      const mine = PEERS.flatMap((peer, i) => (owners[i]!.includes(cidr) ? grants[i]!.map((r) => ({ r, peer })) : []));
      return union(mine.map((m) => m.r)).map((run): Flow => ({
        key: `in:tcp:${run.from}-${run.to}:cidr:${cidr}`,
        protocol: "tcp",
        ports: run,
        peer: { kind: "cidr", cidr, family: "ipv4", world: false, peers: [...new Set(mine.filter((m) => m.r.from <= run.to && run.from <= m.r.to).map((m) => m.peer))].sort() },
        reasons: [{ profile: "p", row: "r", description: "d", document: "doc", documentRow: "row" }],
      }));
    });
  }

  it("gives every CIDR exactly the ports the plan gives it, whichever peers use prefix lists", () => {
    fc.assert(
      fc.property(scenario, ({ owners, grants, lists }) => {
        const flows = flowsFor(owners, grants);
        const prefixLists: PrefixListPeer[] = lists.map((name) => ({ name, cidrs: owners[PEERS.indexOf(name)]!, family: "ipv4" }));
        const rules = sourcedRules(flows, prefixLists);
        for (const cidr of CIDRS) {
          const planned = ports(flows.filter((f) => f.peer.kind === "cidr" && f.peer.cidr === cidr).map((f) => f.ports!));
          const granted = ports(
            rules
              .filter((r) => (r.source.kind === "cidr" && r.source.cidr === cidr) || (r.source.kind === "prefixList" && prefixLists.find((l) => l.name === (r.source as { peer: string }).peer)!.cidrs.includes(cidr)))
              .map((r) => r.ports!),
          );
          expect(granted).toEqual(planned);
        }
        // No CIDR rule duplicates a port its prefix lists already carry.
        for (const rule of rules.filter((r) => r.source.kind === "cidr")) {
          const cidr = (rule.source as { cidr: string }).cidr;
          const viaLists = ports(rules.filter((r) => r.source.kind === "prefixList" && prefixLists.find((l) => l.name === (r.source as { peer: string }).peer)!.cidrs.includes(cidr)).map((r) => r.ports!));
          expect([...ports([rule.ports!])].some((p) => viaLists.has(p))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("carries a peer's ports on one rule per range when its CIDRs get nothing else", () => {
    const flows = flowsFor([["10.0.0.0/16", "10.1.0.0/16"], [], []], [[{ from: 22, to: 22 }, { from: 30, to: 32 }], [], []]);
    const rules = sourcedRules(flows, [{ name: "a", cidrs: ["10.0.0.0/16", "10.1.0.0/16"], family: "ipv4" }]);
    expect(rules.map((r) => `${r.source.kind} ${r.ports!.from}-${r.ports!.to}`)).toEqual(["prefixList 22-22", "prefixList 30-32"]);
  });
});

describe("CIDR name parts", () => {
  const v4 = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, len]) => parseCidr(`${ip}/${len}`.replace(/^(.*)\/(\d+)$/, (_m, a: string, l: string) => networkV4(a, Number(l)))).cidr);
  const v6 = fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([ip, len]) => networkV6(ip, len));

  it("are injective over canonical CIDRs of both families and contain only name-safe characters", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(v4, v6), { maxLength: 20 }), (list) => {
        const unique = [...new Set(list)];
        const names = unique.map((cidr) => cidrNamePart(cidr, cidr.includes(":") ? "ipv6" : "ipv4"));
        expect(new Set(names).size).toBe(unique.length);
        for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
      }),
    );
  });

  it("read like the examples", () => {
    expect(cidrNamePart("10.0.0.0/8", "ipv4")).toBe("10-0-0-0-8");
    expect(cidrNamePart("0.0.0.0/0", "ipv4")).toBe("anywhere-ipv4");
    expect(cidrNamePart("::/0", "ipv6")).toBe("anywhere-ipv6");
    expect(cidrNamePart("2001:db8::/32", "ipv6")).toBe("ipv6-2001-db8---32");
  });
});

describe("text for AWS", () => {
  it("either yields text in AWS's rule-description set or names the characters it cannot", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const { text: out, rejected } = cleanText(text);
        if (rejected.length === 0) expect(out).toMatch(RULE_DESCRIPTION_CHARS);
        for (const char of rejected) expect(text.normalize("NFC")).toContain(char);
      }),
    );
  });

  it("transliterates accents and symbols", () => {
    const clean = cleanText("Überprüfung ↔ Knoten: «etcd» & <API> 50% → ok");
    expect(clean).toEqual({ text: "Uberprufung to/from Knoten: etcd and (API) 50 percent to ok", rejected: [] });
    expect(cleanText("a ≈ b").rejected).toEqual(["≈"]);
  });

  it("fits descriptions into 255 characters at a word boundary", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 80 }), (words) => {
        const text = words.join(" ");
        const fitted = fitDescription(text);
        expect(fitted.length).toBeLessThanOrEqual(255);
        if (text.length <= 255) expect(fitted).toBe(text);
        else expect(fitted.endsWith(" ... (truncated)")).toBe(true);
      }),
    );
  });
});

describe("AWS protocol spelling and quota weights", () => {
  it("maps ICMP echo to ICMPv6 echo and refuses types without a counterpart", () => {
    expect(awsMatches("icmp", undefined, { type: 8, code: 0 }, "ipv6")).toEqual({ matches: [expect.objectContaining({ ipProtocol: "icmpv6", fromPort: 128, toPort: 0 })] });
    expect(awsMatches("icmp", undefined, { type: 3 }, "ipv6")).toEqual({ matches: [expect.objectContaining({ fromPort: 1, toPort: -1 }), expect.objectContaining({ fromPort: 2, toPort: 0 })] });
    expect(awsMatches("icmp", undefined, { type: 8 }, "group")).toEqual({ matches: [expect.objectContaining({ ipProtocol: "icmp", fromPort: 8, toPort: -1 })] });
    expect(awsMatches("icmp", undefined, { type: 13 }, "ipv6")).toHaveProperty("problem");
  });

  it("opens all TCP ports as 0-65535 when a row gives none, and never sends ports with -1 or numbered protocols", () => {
    expect(awsMatches("tcp", undefined, undefined, "ipv4")).toEqual({ matches: [expect.objectContaining({ fromPort: 0, toPort: 65535, nameParts: "all" })] });
    for (const protocol of ["all", "ipip", "ipip94", "esp"] as const) {
      const [match] = (awsMatches(protocol, undefined, undefined, "ipv4") as { matches: object[] }).matches;
      expect(match).not.toHaveProperty("fromPort");
    }
  });

  it("counts a group reference in both families, a CIDR in its own, a prefix list as its entries", () => {
    expect(ruleWeight({ kind: "group", group: "a" })).toEqual({ ipv4: 1, ipv6: 1 });
    expect(ruleWeight({ kind: "cidr", cidr: "::/0", family: "ipv6", world: true, peers: [] })).toEqual({ ipv4: 0, ipv6: 1 });
    expect(ruleWeight({ kind: "prefixList", peer: "p", family: "ipv4", entries: 7 })).toEqual({ ipv4: 7, ipv6: 0 });
  });
});

function networkV4(address: string, length: number): string {
  const value = address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  const network = (value & mask) >>> 0;
  return `${[24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join(".")}/${length}`;
}

function networkV6(address: string, length: number): string {
  // Let the project's own parser canonicalise; zero the host bits first via BigInt.
  const full = expandV6(address);
  const value = full.split(":").reduce((acc, part) => (acc << 16n) + BigInt(parseInt(part, 16)), 0n);
  const mask = length === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - length)) - 1n);
  const network = value & mask;
  const groups = Array.from({ length: 8 }, (_, i) => ((network >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return parseCidr(`${groups.join(":")}/${length}`).cidr;
}

function expandV6(address: string): string {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const parts = v4[1]!.split(".").map(Number);
    text = text.replace(v4[1]!, `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`);
  }
  const [head, tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = text.includes("::") ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...fill, ...right].join(":");
}
