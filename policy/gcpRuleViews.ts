/**
 * GCP VPC firewall rules: one view per `allows` entry, all sharing the rule's sources. Deny
 * rules, egress rules and disabled rules let nothing in.
 */
import { carriesPorts, modelProtocols, portTexts, trafficText } from "./cloudTraffic";
import { GCP_FIREWALL } from "./resourceTypes";
import type { IngressView, TrafficMatch, WorldSource } from "./ruleView";
import { worldCidrs } from "./worldSources";

type Props = Record<string, unknown>;

function nonEmpty(list: unknown): boolean {
  return Array.isArray(list) && list.length > 0;
}

/**
 * An INGRESS rule with no sourceRanges, sourceTags or sourceServiceAccounts applies to
 * 0.0.0.0/0: GCP fills that default in (terraform-provider-google#6789 tells how it bites).
 * Ranges and tags/accounts are ORed, so a world range opens the rule whatever the tags say.
 */
function gcpWorldSources(props: Props): WorldSource[] {
  if (!nonEmpty(props.sourceRanges) && !nonEmpty(props.sourceTags) && !nonEmpty(props.sourceServiceAccounts)) {
    return [{ text: "0.0.0.0/0 (no source given: GCP's default)", family: "ipv4" }];
  }
  return worldCidrs(props.sourceRanges);
}

export function gcpIngressViews(type: string, props: Props): IngressView[] {
  if (type !== GCP_FIREWALL) return [];
  const direction = typeof props.direction === "string" ? props.direction.toUpperCase() : "INGRESS";
  if (direction !== "INGRESS" || props.disabled === true || !Array.isArray(props.allows)) return [];
  return props.allows.map((allow: Props, index: number) => {
    const written = Array.isArray(allow.ports) ? (allow.ports as unknown[]) : [];
    const ranges = portTexts(written);
    const matches: TrafficMatch[] = modelProtocols(allow.protocol).flatMap((p) =>
      carriesPorts(p) && ranges ? ranges.map((ports) => ({ protocol: p, ports })) : [{ protocol: p }],
    );
    const where = (props.allows as unknown[]).length > 1 ? `allows[${index}]: ` : "";
    return {
      cloud: "gcp" as const,
      where,
      traffic: trafficText(allow.protocol, written.length > 0 ? written.join(",") : undefined, "protocol"),
      matches,
      worldSources: () => gcpWorldSources(props),
    };
  });
}
