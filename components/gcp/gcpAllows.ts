/**
 * Plan flows -> the `allows` list of one GCP rule: one entry per protocol, every port range of
 * that protocol in one `ports` list (["22", "30000-32767"]). Exact: the allowed set is the union
 * of the flows, never widened, except ICMP types, which VPC firewall rules cannot filter.
 */
import type { Flow } from "../model/plan";
import { compactPortRanges, formatPortRange, type PortRange } from "../model/ports";
import { hasPorts, type Protocol } from "../model/protocol";

/** An IP family: GCP keeps IPv4 and IPv6 ranges in separate rules. */
export type GcpFamily = "ipv4" | "ipv6";

/** One entry of a rule's `allows`/`denies`, or of a policy rule's `layer4Configs`. */
export interface GcpAllow {
  /** "tcp", "udp", "icmp", "58" (ICMPv6), an IANA number, or "all". */
  readonly protocol: string;
  /** Ports and ranges ("22", "30000-32767"); absent for every port. */
  readonly ports?: readonly string[];
}

/**
 * The family a rule's peer restricts traffic to. Rules between node groups (tags or service
 * accounts) are not tied to a family: they carry ICMPv6 too when the cluster is dual stack.
 */
export type RuleFamily = GcpFamily | "groups";

/** Order of entries in a rule, so the same flows always give the same list. */
const ORDER = ["all", "tcp", "udp", "icmp", "58", "4", "94", "esp"];

/**
 * GCP's protocol for a plan protocol. IP-in-IP is written as its number "4" (the `ipip` keyword
 * is not documented as 4), IANA 94 as "94"; ICMP towards IPv6 ranges is ICMPv6, protocol 58.
 */
export function gcpProtocols(protocol: Protocol, family: RuleFamily, dualStack: boolean): string[] {
  switch (protocol) {
    case "icmp":
      if (family === "ipv6") return ["58"];
      if (family === "groups" && dualStack) return ["icmp", "58"];
      return ["icmp"];
    case "ipip":
      return ["4"];
    case "ipip94":
      return ["94"];
    case "tcp":
    case "udp":
    case "esp":
    case "all":
      return [protocol];
  }
}

/** Flows -> allows. `all` subsumes every other entry; a port-less TCP/UDP flow means every port. */
export function allowsFor(flows: readonly Pick<Flow, "protocol" | "ports">[], family: RuleFamily, dualStack: boolean): GcpAllow[] {
  const byProtocol = new Map<string, PortRange[] | "every">();
  for (const flow of flows) {
    for (const protocol of gcpProtocols(flow.protocol, family, dualStack)) {
      const known = byProtocol.get(protocol);
      if (!hasPorts(flow.protocol) || !flow.ports || known === "every") {
        byProtocol.set(protocol, "every");
      } else {
        byProtocol.set(protocol, [...(known ?? []), flow.ports]);
      }
    }
  }
  return orderAllows(
    [...byProtocol.entries()].map(([protocol, ports]) =>
      ports === "every" ? { protocol } : { protocol, ports: compactPortRanges(ports).map(formatPortRange) },
    ),
  );
}

/** Entries in a fixed protocol order; `all` subsumes every other entry. */
export function orderAllows(allows: readonly GcpAllow[]): GcpAllow[] {
  if (allows.some((allow) => allow.protocol === "all")) return [{ protocol: "all" }];
  return [...allows].sort((a, b) => ORDER.indexOf(a.protocol) - ORDER.indexOf(b.protocol));
}

/** Text that is equal exactly when two allow lists are. */
export function allowsKey(allows: readonly GcpAllow[]): string {
  return allows.map((allow) => `${allow.protocol}${allow.ports ? `:${allow.ports.join(",")}` : ""}`).join(" ");
}
