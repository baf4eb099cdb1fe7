/** GCP's limits on one rule, checked before anything is registered. Returns what is wrong. */
import { parseCidr } from "../model/cidr";
import { MAX_PORT, MIN_PORT } from "../model/ports";
import { MAX_DESCRIPTION } from "./gcpDescriptions";
import { GCP_NAME_RULE, isGcpName } from "./gcpNames";
import { POLICY_MAX_PRIORITY } from "./gcpPolicyPriorities";
import type { GcpRuleSpec } from "./gcpRuleSpec";

/** Protocols kubeports writes: names GCP documents, or IANA numbers. */
const PROTOCOL = /^(?:tcp|udp|icmp|esp|ah|sctp|all|\d{1,3})$/;
const PORTED = new Set(["tcp", "udp", "sctp"]);
export const MAX_FQDNS_PER_RULE = 100;
/** Source service accounts per rule (GCP's limit); kubeports holds source tags to the same. */
export const MAX_SOURCE_IDENTITIES = 10;

export function checkRule(rule: GcpRuleSpec): string[] {
  const problems: string[] = [];
  if (!isGcpName(rule.name)) problems.push(`name "${rule.name}" is not a valid GCP name (${GCP_NAME_RULE})`);
  if (rule.description.length > MAX_DESCRIPTION) problems.push(`description is ${rule.description.length} characters (GCP allows ${MAX_DESCRIPTION})`);
  const maxPriority = rule.layer === "vpc" ? 65535 : POLICY_MAX_PRIORITY;
  if (!Number.isInteger(rule.priority) || rule.priority < 0 || rule.priority > maxPriority) {
    problems.push(`priority ${rule.priority} is outside 0-${maxPriority}`);
  }
  if (rule.allows.length === 0) problems.push("has no protocol");
  for (const allow of rule.allows) {
    if (!PROTOCOL.test(allow.protocol) || (/^\d+$/.test(allow.protocol) && Number(allow.protocol) > 255)) {
      problems.push(`protocol "${allow.protocol}" is not a GCP protocol`);
    }
    if (allow.ports && !PORTED.has(allow.protocol)) problems.push(`protocol "${allow.protocol}" cannot carry ports`);
    for (const port of allow.ports ?? []) {
      const match = /^(\d+)(?:-(\d+))?$/.exec(port);
      const from = Number(match?.[1]);
      const to = Number(match?.[2] ?? match?.[1]);
      if (!match || from < MIN_PORT || to > MAX_PORT || from > to) problems.push(`port "${port}" is not a port or range within ${MIN_PORT}-${MAX_PORT}`);
    }
  }
  const peer = rule.peer;
  if (peer.kind === "ranges") {
    if (peer.ranges.length === 0) problems.push(rule.direction === "INGRESS" ? "ingress rule has no source" : "egress rule has no destination");
    const families = new Set(peer.ranges.map((cidr) => parseCidr(cidr).family));
    if (families.size > 1 || (families.size === 1 && !families.has(peer.family))) problems.push("mixes IPv4 and IPv6 ranges (GCP rules hold one family)");
  }
  if (peer.kind === "fqdns") {
    if (rule.layer !== "policy" || rule.direction !== "EGRESS") problems.push("host names are only possible as egress destinations of a network firewall policy rule");
    if (peer.fqdns.length === 0 || peer.fqdns.length > MAX_FQDNS_PER_RULE) problems.push(`has ${peer.fqdns.length} FQDNs (GCP allows 1-${MAX_FQDNS_PER_RULE} per rule)`);
  }
  if (peer.kind === "groups" && rule.direction !== "INGRESS") problems.push("GCP egress rules cannot name a destination group");
  if (peer.kind === "groups" && (peer.groups.length === 0 || peer.groups.length > MAX_SOURCE_IDENTITIES)) {
    problems.push(`has ${peer.groups.length} source groups (GCP allows 1-${MAX_SOURCE_IDENTITIES} service accounts per rule; kubeports holds tags to the same)`);
  }
  return problems;
}
