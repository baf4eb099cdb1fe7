/**
 * Azure NSG rules, standalone (network.SecurityRule) or inline (`securityRules` of
 * network.NetworkSecurityGroup). Only inbound allow rules let anything in; the check judges
 * each rule alone, so a higher-priority deny that shadows it is not taken into account.
 */
import { carriesPorts, modelProtocols, portTexts, trafficText } from "./cloudTraffic";
import { isAzureNetworkSecurityGroup, isAzureSecurityRule } from "./resourceTypes";
import type { IngressView, TrafficMatch, WorldSource } from "./ruleView";
import { azureWorldPrefix } from "./worldSources";

type Props = Record<string, unknown>;

function lower(value: unknown): string {
  return typeof value === "string" ? value.toLowerCase() : "";
}

function ruleView(where: string, rule: Props): IngressView | undefined {
  if (lower(rule.direction) !== "inbound" || lower(rule.access) !== "allow") return undefined;
  const written = Array.isArray(rule.destinationPortRanges) && rule.destinationPortRanges.length > 0
    ? (rule.destinationPortRanges as unknown[])
    : rule.destinationPortRange !== undefined ? [rule.destinationPortRange] : [];
  const ranges = portTexts(written);
  // Protocol "*" with ports is judged as TCP and UDP on those ports: port-less protocols
  // (ICMP, ESP, IP-in-IP) have no port to match. With "*" ports it is everything.
  const protocols = modelProtocols(rule.protocol).flatMap((p) => (p === "all" && ranges ? (["tcp", "udp"] as const) : [p]));
  const matches: TrafficMatch[] = protocols.flatMap((p) =>
    carriesPorts(p) && ranges ? ranges.map((ports) => ({ protocol: p, ports })) : [{ protocol: p }],
  );
  const sources = (): WorldSource[] => {
    const prefixes = [rule.sourceAddressPrefix, ...(Array.isArray(rule.sourceAddressPrefixes) ? rule.sourceAddressPrefixes : [])];
    return prefixes.flatMap((prefix) => azureWorldPrefix(prefix) ?? []);
  };
  const portText = ranges ? written.join(",") : undefined;
  const traffic = modelProtocols(rule.protocol).includes("all") && portText !== undefined
    ? `TCP and UDP ${portText} (protocol "${String(rule.protocol)}")`
    : trafficText(rule.protocol, portText, "protocol");
  return { cloud: "azure", where, traffic, matches, worldSources: sources };
}

export function azureIngressViews(type: string, props: Props): IngressView[] {
  if (isAzureSecurityRule(type)) return [ruleView("", props)].filter((view): view is IngressView => view !== undefined);
  if (isAzureNetworkSecurityGroup(type) && Array.isArray(props.securityRules)) {
    return props.securityRules.flatMap((rule: Props, index: number) => ruleView(`securityRules[${index}]${typeof rule.name === "string" ? ` (${rule.name})` : ""}: `, rule) ?? []);
  }
  return [];
}
