/**
 * AWS security group ingress, as the three shapes the provider offers: vpc.SecurityGroupIngressRule
 * (one source), legacy ec2.SecurityGroupRule with `type: "ingress"` (CIDR lists), and the inline
 * `ingress` list of ec2.SecurityGroup (CIDR lists per entry).
 */
import { carriesPorts, modelProtocols, trafficText } from "./cloudTraffic";
import { present } from "./known";
import { AWS_INGRESS_RULE, AWS_LEGACY_RULE, AWS_SECURITY_GROUP } from "./resourceTypes";
import type { IngressView, TrafficMatch, WorldSource } from "./ruleView";
import { worldCidr, worldCidrs } from "./worldSources";

type Props = Record<string, unknown>;

/**
 * AWS ignores ports for `-1` and numbered protocols (all ports), and writes "all TCP" as
 * 0-65535; a missing or negative port on TCP/UDP is read as every port.
 */
function awsView(where: string, protocol: unknown, fromPort: unknown, toPort: unknown, field: string, worldSources: () => WorldSource[]): IngressView {
  const known = typeof fromPort === "number" && typeof toPort === "number" && fromPort >= 0 && toPort >= fromPort;
  const ports = known ? { from: fromPort, to: toPort } : undefined;
  const matches: TrafficMatch[] = modelProtocols(protocol).map((p) => (carriesPorts(p) && ports ? { protocol: p, ports } : { protocol: p }));
  const portText = ports ? (ports.from === ports.to ? `${ports.from}` : `${ports.from}-${ports.to}`) : undefined;
  return { cloud: "aws", where, traffic: trafficText(protocol, portText, field), matches, worldSources };
}

/** Legacy rules and inline entries share `protocol`, `cidrBlocks` and `ipv6CidrBlocks`. */
function listView(where: string, entry: Props): IngressView {
  return awsView(where, entry.protocol, entry.fromPort, entry.toPort, "protocol", () => [...worldCidrs(entry.cidrBlocks), ...worldCidrs(entry.ipv6CidrBlocks)]);
}

export function awsIngressViews(type: string, props: Props): IngressView[] {
  if (type === AWS_INGRESS_RULE) {
    // Only the CIDR fields are read: a referenced group's id is unknown at preview and says nothing about the world.
    const sources = (): WorldSource[] => [
      ...(present(props, "cidrIpv4") ? [worldCidr(props.cidrIpv4)] : []),
      ...(present(props, "cidrIpv6") ? [worldCidr(props.cidrIpv6)] : []),
    ].filter((source): source is WorldSource => source !== undefined);
    return [awsView("", props.ipProtocol, props.fromPort, props.toPort, "ipProtocol", sources)];
  }
  if (type === AWS_LEGACY_RULE) return props.type === "ingress" ? [listView("", props)] : [];
  if (type === AWS_SECURITY_GROUP && Array.isArray(props.ingress)) {
    return props.ingress.map((entry: Props, index: number) => listView(`ingress[${index}]: `, entry));
  }
  return [];
}
