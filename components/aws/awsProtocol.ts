/**
 * How one plan protocol (+ ports or ICMP match) is spelled in an AWS security group rule.
 * AWS wants names for tcp/udp/icmp/icmpv6, IANA numbers as strings for the rest, "-1" for
 * all, ports only on tcp/udp/icmp(v6), and ICMPv6 (a different protocol with different type
 * numbers) for IPv6 CIDRs.
 */
import type { PortRange } from "../model/ports";
import { PROTOCOL_NUMBER, type IcmpMatch, type Protocol } from "../model/protocol";

/** What a rule sends to AWS, plus the words its logical name and summary use. */
export interface AwsMatch {
  readonly ipProtocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** Protocol word for names and summaries: tcp, udp, icmp, icmpv6, ipip, ipip94, esp, all. */
  readonly word: string;
  /** Ports (or ICMP type/code) in the logical name: "6443", "30000-32767", "all", "8-0"; empty when none apply. */
  readonly nameParts: string;
  /** The same for people: "6443", "all ports", "type 8 code any". */
  readonly label: string;
}

const ALL_PORTS: PortRange = { from: 0, to: 65535 };

function portsMatch(protocol: "tcp" | "udp", ports: PortRange | undefined): AwsMatch {
  // A row without ports means every port: AWS writes "All TCP" as 0-65535.
  const range = ports ?? ALL_PORTS;
  const all = range.from === ALL_PORTS.from && range.to === ALL_PORTS.to;
  const text = range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
  return {
    ipProtocol: protocol,
    fromPort: range.from,
    toPort: range.to,
    word: protocol,
    nameParts: all ? "all" : text,
    label: all ? "all ports" : text,
  };
}

function icmpMatch(word: "icmp" | "icmpv6", icmp: IcmpMatch | undefined): AwsMatch {
  const ipProtocol = word === "icmp" ? "icmp" : "icmpv6";
  if (!icmp) return { ipProtocol, fromPort: -1, toPort: -1, word, nameParts: "", label: "any type" };
  const code = icmp.code ?? -1;
  return {
    ipProtocol,
    fromPort: icmp.type,
    toPort: code,
    word,
    nameParts: icmp.code === undefined ? `${icmp.type}` : `${icmp.type}-${icmp.code}`,
    label: `type ${icmp.type} code ${icmp.code ?? "any"}`,
  };
}

/**
 * ICMPv4 messages and their ICMPv6 counterparts (RFC 4443), keyed "type/code" or "type/any".
 * Destination unreachable "any" includes fragmentation-needed, which IPv6 calls packet too big.
 */
const ICMPV6_EQUIVALENT: Readonly<Record<string, readonly IcmpMatch[]>> = {
  "0/any": [{ type: 129 }],
  "0/0": [{ type: 129, code: 0 }],
  "8/any": [{ type: 128 }],
  "8/0": [{ type: 128, code: 0 }],
  "3/any": [{ type: 1 }, { type: 2, code: 0 }],
  "3/0": [{ type: 1, code: 0 }],
  "3/1": [{ type: 1, code: 3 }],
  "3/3": [{ type: 1, code: 4 }],
  "3/4": [{ type: 2, code: 0 }],
  "3/13": [{ type: 1, code: 1 }],
  "11/any": [{ type: 3 }],
  "11/0": [{ type: 3, code: 0 }],
  "11/1": [{ type: 3, code: 1 }],
  "12/any": [{ type: 4 }],
};

export type AwsMatchResult = { readonly matches: readonly AwsMatch[] } | { readonly problem: string };

function icmpv6Matches(icmp: IcmpMatch | undefined, peer: string): AwsMatchResult {
  if (!icmp) return { matches: [icmpMatch("icmpv6", undefined)] };
  const v6 = ICMPV6_EQUIVALENT[`${icmp.type}/${icmp.code ?? "any"}`];
  if (!v6) {
    return {
      problem: `ICMP type ${icmp.type} code ${icmp.code ?? "any"} has no ICMPv6 counterpart kubeports knows (known: echo 8/0, echo reply 0, destination unreachable 3, time exceeded 11, parameter problem 12), so it cannot be opened for ${peer}; add a rule for the ICMPv6 type you need${peer === "an IPv6 CIDR" ? ", or give the peer only IPv4 CIDRs for this row" : ""}`,
    };
  }
  return { matches: v6.map((match) => icmpMatch("icmpv6", match)) };
}

/**
 * The AWS spelling(s) of one flow. `family` is the peer's address family, or "group" for a
 * security group reference: it matches members' IPv4 and IPv6 addresses alike, except that
 * ICMP and ICMPv6 are different protocols, so "group-dual" (a dual-stack cluster) gets both.
 */
export function awsMatches(protocol: Protocol, ports: PortRange | undefined, icmp: IcmpMatch | undefined, family: "ipv4" | "ipv6" | "group" | "group-dual"): AwsMatchResult {
  switch (protocol) {
    case "tcp":
    case "udp":
      return { matches: [portsMatch(protocol, ports)] };
    case "icmp": {
      if (family === "ipv6") return icmpv6Matches(icmp, "an IPv6 CIDR");
      const v4 = icmpMatch("icmp", icmp);
      if (family !== "group-dual") return { matches: [v4] };
      const v6 = icmpv6Matches(icmp, "the IPv6 half of a dual-stack cluster (options.ipv6)");
      return "problem" in v6 ? v6 : { matches: [v4, ...v6.matches] };
    }
    case "all":
      // "-1" means every protocol and port; AWS rejects ports on it.
      return { matches: [{ ipProtocol: "-1", word: "all", nameParts: "", label: "all traffic" }] };
    default:
      // Numbered protocols have no ports; the API opens the whole protocol.
      return { matches: [{ ipProtocol: String(PROTOCOL_NUMBER[protocol]), word: protocol, nameParts: "", label: `IP protocol ${PROTOCOL_NUMBER[protocol]}` }] };
  }
}
