/** The evaluator for a cloud, and which cloud a set of resources belongs to. */
import { AwsFirewall } from "./awsFirewall";
import { AzureFirewall } from "./azureFirewall";
import type { Cloud, CloudFirewall, Machine } from "./cloudFirewall";
import type { CloudResource } from "./cloudResource";
import { GcpFirewall } from "./gcpFirewall";

/** `groups`: machine name -> node group, over what the machines' tags say (verify --against's groups.json). */
export function firewallFor(cloud: Cloud, resources: readonly CloudResource[], groups: ReadonlyMap<string, string> = new Map()): CloudFirewall {
  const Evaluator = cloud === "aws" ? AwsFirewall : cloud === "gcp" ? GcpFirewall : AzureFirewall;
  const found = new Evaluator(resources);
  if (groups.size === 0) return found;
  const machines: Machine[] = found.machines.map((m) => (groups.has(m.name) ? { ...m, group: groups.get(m.name) } : m));
  return new Evaluator(resources, machines);
}

const PREFIX: Readonly<Record<string, Cloud>> = { "aws:": "aws", "gcp:": "gcp", "azure-native:": "azure" };

/** The cloud whose resources these are (by type prefix); undefined when none or several. */
export function cloudOf(resources: readonly CloudResource[]): Cloud | undefined {
  const clouds = new Set(resources.flatMap((r) => Object.entries(PREFIX).filter(([prefix]) => r.type.startsWith(prefix)).map(([, cloud]) => cloud)));
  return clouds.size === 1 ? [...clouds][0] : undefined;
}
