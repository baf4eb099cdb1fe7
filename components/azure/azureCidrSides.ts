/**
 * Which rule side a CIDR belongs to. A CIDR's membership is the set of peer names (and document
 * labels) that resolved to it anywhere in the plan; it decides whether the CIDR is written as a
 * service tag. Each untagged CIDR gets rules of its own (azureRules never packs CIDRs together), so
 * a CIDR joining or leaving a peer never renames a rule.
 *
 * A peer mapped to a service tag (serviceTags) is written as the tag instead of its CIDRs, e.g.
 * a load balancer peer as AzureLoadBalancer. 0.0.0.0/0 stays 0.0.0.0/0 unless mapped: Azure's
 * Internet tag excludes the virtual network, peered networks and on-premises ranges, so it is
 * narrower than what a vendor means by "anywhere".
 */
import type { InputIssue } from "../model/errors";
import type { Plan } from "../model/plan";
import { knownList } from "../model/suggest";
import type { AzureFamily } from "./azureRuleSpec";

export interface CidrSide {
  /** Identity of the side: equal keys share a rule. */
  readonly key: string;
  /** Readable part of rule names. */
  readonly label: string;
  readonly tag?: string;
  readonly peers: readonly string[];
}

const FAMILY_SUFFIX: Record<AzureFamily, string> = { ipv4: "v4", ipv6: "v6" };

/** CIDR -> sorted names that resolved to it, over every flow of every group. */
export function cidrMemberships(plan: Plan): Map<string, string[]> {
  const names = new Map<string, Set<string>>();
  for (const group of plan.groups) {
    for (const flow of [...group.ingress, ...group.egress]) {
      if (flow.peer.kind !== "cidr") continue;
      const set = names.get(flow.peer.cidr) ?? new Set<string>();
      for (const name of flow.peer.peers) set.add(name);
      names.set(flow.peer.cidr, set);
    }
  }
  return new Map([...names].map(([cidr, set]) => [cidr, [...set].sort()]));
}

/** serviceTags keys must be peers or labels the plan knows. */
export function serviceTagIssues(plan: Plan, memberships: ReadonlyMap<string, readonly string[]>, serviceTags: Readonly<Record<string, string>>): InputIssue[] {
  const known = [...new Set([...plan.peers.map((peer) => peer.name), ...[...memberships.values()].flat()])];
  return Object.keys(serviceTags)
    .filter((name) => !known.includes(name))
    .map((name) => ({
      path: `args.serviceTags.${name}`,
      message: `unknown peer "${name}": no flow of the plan comes from or goes to it ${knownList(name, known)}; a tagged peer still needs CIDRs in the layout's peers (they document what the tag stands for)`,
    }));
}

/** The side of one CIDR, or an issue when its peers disagree about service tags. */
export function cidrSide(
  cidr: string,
  family: AzureFamily,
  memberships: ReadonlyMap<string, readonly string[]>,
  serviceTags: Readonly<Record<string, string>>,
): CidrSide | InputIssue {
  const peers = memberships.get(cidr) ?? [];
  const tags = [...new Set(peers.map((name) => serviceTags[name]))];
  if (tags.length === 1 && tags[0] === undefined) {
    return { key: `peers:${JSON.stringify(peers)}:${family}`, label: `${peers.join("-")}-${FAMILY_SUFFIX[family]}`, peers };
  }
  if (tags.length === 1 && tags[0] !== undefined) {
    return { key: `tag:${tags[0]}`, label: `tag-${tags[0]}`, tag: tags[0], peers };
  }
  const tagged = peers.filter((name) => serviceTags[name] !== undefined);
  const describe = (name: string) => `${name} (${serviceTags[name] === undefined ? "no tag" : `tag ${serviceTags[name]}`})`;
  return {
    path: `args.serviceTags.${tagged[0]}`,
    message:
      `CIDR ${cidr} belongs to peers ${peers.map(describe).join(", ")}; one rule side holds a service tag or CIDRs, not both, ` +
      `so give these peers separate CIDRs, or map all of them to the same tag`,
  };
}
