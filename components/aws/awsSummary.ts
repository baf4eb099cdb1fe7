/** The review summary's wording: peers as people read them, host-name egress and why. */
import type { PlanGroup, Reason } from "../model/plan";
import type { AwsHostEgress } from "./awsSpec";
import type { RuleSource } from "./ruleSources";

/** "profile/row: description (document, row in the document)". */
export function reasonLine(r: Reason): string {
  return `${r.profile}/${r.row}: ${r.description} (${r.document}, ${r.documentRow})`;
}

export function peerLabel(group: string, source: RuleSource): string {
  switch (source.kind) {
    case "group":
      return source.group === group ? `self (${group})` : `group ${source.group}`;
    case "cidr":
      return source.world ? `${source.cidr} (anywhere)` : source.peers.length > 0 ? `${source.cidr} (${source.peers.join(", ")})` : source.cidr;
    case "prefixList":
      return `prefix list of ${source.peer}`;
  }
}

export function hostEgress(group: PlanGroup, mode: string): AwsHostEgress[] {
  return group.egress.flatMap((flow): AwsHostEgress[] => {
    if (flow.peer.kind !== "host") return [];
    const allowed = mode === "allow-all";
    return [
      {
        host: flow.peer.host,
        protocol: flow.protocol,
        ports: flow.ports ? (flow.ports.from === flow.ports.to ? `${flow.ports.from}` : `${flow.ports.from}-${flow.ports.to}`) : "all",
        allowed,
        note: allowed
          ? "allowed by the allow-all egress rules"
          : mode === "unchanged"
            ? "security groups cannot match host names; the existing group's own egress rules decide"
            : "security groups cannot match host names and restrictEgress is on: allow it through a proxy, an egress firewall with FQDN rules, or a peer with the host's CIDRs",
        reasons: flow.reasons.map(reasonLine),
      },
    ];
  });
}

