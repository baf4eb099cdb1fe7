/**
 * `verify --against`: a firewall kubeports did not create, read from what the cloud CLIs print,
 * turned into the same resources the evaluators read. The input is a directory of JSON files
 * (or one JSON object with the same names as keys), one per command:
 *
 * - AWS: describe-security-groups (required), describe-instances, describe-launch-template-versions
 * - GCP: firewall-rules (required), instances, instance-templates
 * - Azure: nsg (one `az network nsg show`) or nsgs (`az network nsg list`) (required), nics
 * - any cloud: groups (optional): { "<node group>": ["<instance id or name, template or NIC name>", ...] }
 * - or a file `kubeports preview <stack> --format json` printed (resources of one cloud)
 *
 * Machines run as a node group by their `kubeports:group` tag / `kubeports-group` label or tag,
 * or as groups.json says.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Cloud } from "./cloudFirewall";
import { type CloudResource, list, obj, str, strings } from "./cloudResource";
import { cloudOf } from "./firewallFor";

/** A bad export: one line naming the file and what was expected. */
export class ExportInputError extends Error {
  constructor(readonly file: string, readonly expected: string) {
    super(`${file}: ${expected}`);
    this.name = "ExportInputError";
  }
}

export interface CloudExport {
  readonly cloud: Cloud;
  readonly label: string;
  readonly resources: CloudResource[];
  /** Machine name -> node group, from groups.json. */
  readonly groups: ReadonlyMap<string, string>;
}

const REQUIRED: Readonly<Record<Cloud, readonly string[]>> = { aws: ["describe-security-groups"], gcp: ["firewall-rules"], azure: ["nsg", "nsgs"] };
const EXPECTED = "a directory (or JSON object) of cloud CLI exports: describe-security-groups.json (AWS), firewall-rules.json (GCP) or nsg.json / nsgs.json (Azure)";

function readBundle(file: string, cwd: string): { label: string; parts: Map<string, unknown> } {
  const full = path.resolve(cwd, file);
  if (!existsSync(full)) throw new ExportInputError(file, `does not exist (expected ${EXPECTED})`);
  const parts = new Map<string, unknown>();
  const parse = (where: string, text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ExportInputError(where, "is not JSON (expected what the cloud CLI prints with --output json / --format=json / -o json)");
    }
  };
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).filter((n) => n.endsWith(".json")).sort()) {
      parts.set(name.replace(/\.json$/, ""), parse(path.join(file, name), readFileSync(path.join(full, name), "utf8")));
    }
  } else {
    const value = parse(file, readFileSync(full, "utf8"));
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new ExportInputError(file, `is not an object (expected ${EXPECTED})`);
    for (const [key, part] of Object.entries(value)) parts.set(key.replace(/\.json$/, ""), part);
  }
  return { label: file, parts };
}

function shapeError(bundle: string, part: string, expected: string): ExportInputError {
  return new ExportInputError(`${bundle}/${part}.json`, `expected ${expected}`);
}

const tagMap = (tags: unknown) => Object.fromEntries(list(tags).map(obj).flatMap((t) => (str(t.Key) ? [[str(t.Key)!, str(t.Value) ?? ""]] : [])));

function permissions(value: unknown): Record<string, unknown>[] {
  return list(value).map(obj).map((p) => ({
    protocol: p.IpProtocol,
    fromPort: p.FromPort,
    toPort: p.ToPort,
    cidrBlocks: list(p.IpRanges).map((r) => obj(r).CidrIp),
    ipv6CidrBlocks: list(p.Ipv6Ranges).map((r) => obj(r).CidrIpv6),
    prefixListIds: list(p.PrefixListIds).map((r) => obj(r).PrefixListId),
    securityGroups: list(p.UserIdGroupPairs).map((r) => obj(r).GroupId),
    description: [...list(p.IpRanges), ...list(p.Ipv6Ranges), ...list(p.UserIdGroupPairs)].map((r) => str(obj(r).Description)).find(Boolean),
  }));
}

function awsResources(label: string, parts: ReadonlyMap<string, unknown>): CloudResource[] {
  const groups = obj(parts.get("describe-security-groups")).SecurityGroups;
  if (!Array.isArray(groups)) {
    throw shapeError(label, "describe-security-groups", "the output of `aws ec2 describe-security-groups --output json` (an object with a SecurityGroups list)");
  }
  const resources: CloudResource[] = groups.map(obj).map((g) => ({
    type: "aws:ec2/securityGroup:SecurityGroup",
    name: str(g.GroupName) ?? str(g.GroupId) ?? "?",
    id: str(g.GroupId) ?? null,
    inputs: { ingress: permissions(g.IpPermissions), egress: permissions(g.IpPermissionsEgress) },
  }));
  if (parts.has("describe-instances")) {
    const reservations = obj(parts.get("describe-instances")).Reservations;
    if (!Array.isArray(reservations)) {
      throw shapeError(label, "describe-instances", "the output of `aws ec2 describe-instances --output json` (an object with a Reservations list)");
    }
    for (const instance of reservations.flatMap((r) => list(obj(r).Instances)).map(obj)) {
      const id = str(instance.InstanceId) ?? "?";
      const ip = str(instance.PrivateIpAddress);
      const attached = [...list(instance.SecurityGroups), ...list(instance.NetworkInterfaces).flatMap((n) => list(obj(n).Groups))];
      const sgs = attached.map((g) => str(obj(g).GroupId)).filter((x): x is string => !!x);
      if (ip) resources.push({ type: "aws:ec2/subnet:Subnet", name: `${id}-address`, id: `address-${id}`, inputs: { cidrBlock: `${ip}/32` } });
      const inputs = { vpcSecurityGroupIds: [...new Set(sgs)], tags: tagMap(instance.Tags), ...(ip ? { subnetId: `address-${id}` } : {}) };
      resources.push({ type: "aws:ec2/instance:Instance", name: id, id, inputs });
    }
  }
  if (parts.has("describe-launch-template-versions")) {
    const versions = obj(parts.get("describe-launch-template-versions")).LaunchTemplateVersions;
    if (!Array.isArray(versions)) {
      const expected = "the output of `aws ec2 describe-launch-template-versions --output json` (an object with a LaunchTemplateVersions list)";
      throw shapeError(label, "describe-launch-template-versions", expected);
    }
    for (const version of versions.map(obj)) {
      const data = obj(version.LaunchTemplateData);
      resources.push({
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        name: str(version.LaunchTemplateName) ?? str(version.LaunchTemplateId) ?? "?",
        id: str(version.LaunchTemplateId) ?? null,
        inputs: {
          vpcSecurityGroupIds: strings(data.SecurityGroupIds),
          networkInterfaces: list(data.NetworkInterfaces).map((n) => ({ securityGroups: strings(obj(n).Groups) })),
          tagSpecifications: list(data.TagSpecifications).map((t) => ({ resourceType: obj(t).ResourceType, tags: tagMap(obj(t).Tags) })),
        },
      });
    }
  }
  return resources;
}

function gcpMachine(type: string, m: Readonly<Record<string, unknown>>): CloudResource {
  const p = { ...m, ...obj(m.properties) };
  const ip = list(p.networkInterfaces).map((n) => str(obj(n).networkIP)).find(Boolean);
  const name = str(m.name) ?? "?";
  return {
    type,
    name,
    id: null,
    inputs: {
      tags: strings(obj(p.tags).items),
      serviceAccounts: list(p.serviceAccounts).map((a) => ({ email: obj(a).email })),
      labels: obj(p.labels),
      networkInterfaces: ip ? [{ subnetwork: `address/${name}` }] : [],
    },
  };
}

function gcpResources(label: string, parts: ReadonlyMap<string, unknown>): CloudResource[] {
  const rules = parts.get("firewall-rules");
  if (!Array.isArray(rules)) throw shapeError(label, "firewall-rules", "the output of `gcloud compute firewall-rules list --format=json` (a list of firewall rules)");
  const resources: CloudResource[] = rules.map(obj).map((r) => ({ type: "gcp:compute/firewall:Firewall", name: str(r.name) ?? "?", id: null, inputs: r }));
  for (const [part, type] of [["instances", "gcp:compute/instance:Instance"], ["instance-templates", "gcp:compute/instanceTemplate:InstanceTemplate"]] as const) {
    if (!parts.has(part)) continue;
    const items = parts.get(part);
    if (!Array.isArray(items)) throw shapeError(label, part, `the output of \`gcloud compute ${part} list --format=json\` (a list)`);
    for (const item of items.map(obj)) {
      const machine = gcpMachine(type, item);
      resources.push(machine);
      const ip = list({ ...item, ...obj(item.properties) }.networkInterfaces).map((n) => str(obj(n).networkIP)).find(Boolean);
      if (ip) resources.push({ type: "gcp:compute/subnetwork:Subnetwork", name: `${machine.name}-address`, id: `address/${machine.name}`, inputs: { ipCidrRange: `${ip}/32` } });
    }
  }
  return resources;
}

function azureResources(label: string, parts: ReadonlyMap<string, unknown>): CloudResource[] {
  const single = parts.get("nsg");
  const nsgs = parts.has("nsgs") ? parts.get("nsgs") : single === undefined ? undefined : [single];
  if (!Array.isArray(nsgs) || nsgs.some((n) => !obj(n).securityRules && !obj(obj(n).properties).securityRules)) {
    throw shapeError(label, parts.has("nsgs") ? "nsgs" : "nsg", "the output of `az network nsg show -o json` (an object with securityRules) or `az network nsg list -o json` (a list of them)");
  }
  const resources: CloudResource[] = [];
  for (const raw of nsgs.map(obj)) {
    const nsg = { ...raw, ...obj(raw.properties) };
    const id = str(nsg.id) ?? `/nsg/${str(nsg.name)}`;
    resources.push({ type: "azure-native:network:NetworkSecurityGroup", name: str(nsg.name) ?? "?", id, inputs: { securityRules: list(nsg.securityRules) } });
    for (const subnet of list(nsg.subnets).map(obj)) {
      if (str(subnet.id)) resources.push({ type: "azure-native:network:Subnet", name: str(subnet.id)!, id: str(subnet.id)!, inputs: { networkSecurityGroup: { id } } });
    }
  }
  if (parts.has("nics")) {
    const nics = parts.get("nics");
    if (!Array.isArray(nics)) throw shapeError(label, "nics", "the output of `az network nic list -o json` (a list of network interfaces)");
    for (const nic of nics.map(obj)) {
      const n = { ...nic, ...obj(nic.properties) };
      const configs = list(n.ipConfigurations).map((c) => ({ ...obj(c), ...obj(obj(c).properties) }));
      const name = str(n.name) ?? "?";
      const ip = configs.map((c) => str(c.privateIPAddress) ?? str(c.privateIpAddress)).find(Boolean);
      // The NIC's address stands for its subnet here; the subnet's NSG still applies through the NSG's subnets list.
      const subnetId = str(obj(configs[0]?.subnet).id);
      if (ip) resources.push({ type: "azure-native:network:Subnet", name: `${name}-address`, id: `address/${name}`, inputs: { addressPrefix: `${ip}/32`, ...nsgOfSubnet(resources, subnetId) } });
      resources.push({
        type: "azure-native:network:NetworkInterface",
        name,
        id: str(n.id) ?? null,
        inputs: { tags: obj(n.tags), networkSecurityGroup: obj(n.networkSecurityGroup), ipConfigurations: configs.map((c) => ({ applicationSecurityGroups: list(c.applicationSecurityGroups), subnet: { id: ip ? `address/${name}` : subnetId } })) },
      });
    }
  }
  return resources;
}

function nsgOfSubnet(resources: readonly CloudResource[], subnetId: string | undefined): Record<string, unknown> {
  const subnet = resources.find((r) => r.type === "azure-native:network:Subnet" && subnetId && r.id?.toLowerCase() === subnetId.toLowerCase());
  return subnet ? { networkSecurityGroup: subnet.inputs.networkSecurityGroup } : {};
}

function groupMap(label: string, value: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (value === undefined) return map;
  if (!value || typeof value !== "object" || Array.isArray(value) || Object.values(value).some((v) => !Array.isArray(v))) {
    throw shapeError(label, "groups", 'an object of node group -> list of machine names or ids, e.g. { "workers": ["i-0123456789abcdef0"] }');
  }
  for (const [group, names] of Object.entries(value as Record<string, unknown[]>)) for (const name of strings(names)) map.set(name, group);
  return map;
}

/** `kubeports preview --format json` output: its resources as they are. */
function previewResources(label: string, value: unknown): CloudResource[] {
  const items = list(value).map(obj);
  if (items.some((r) => typeof r.type !== "string" || typeof r.name !== "string")) throw new ExportInputError(label, "has resources without type and name (expected what `kubeports preview <stack> --format json` prints)");
  return items.map((r) => ({ type: str(r.type)!, name: str(r.name)!, id: str(r.id) ?? null, inputs: obj(r.inputs) }));
}

/** Reads an export; `cloud` when the user gave --cloud, else recognised from the file names. */
export function readCloudExport(file: string, cwd: string, cloud?: Cloud): CloudExport {
  const { label, parts } = readBundle(file, cwd);
  if (parts.has("resources") && parts.has("stack")) {
    const resources = previewResources(label, parts.get("resources"));
    const found = cloudOf(resources);
    if (!found || (cloud && cloud !== found)) throw new ExportInputError(file, `holds no resources of ${cloud ?? "exactly one cloud"} (expected what \`kubeports preview <stack> --format json\` prints for one stack)`);
    return { cloud: found, label, resources, groups: new Map() };
  }
  const found = (Object.keys(REQUIRED) as Cloud[]).filter((c) => REQUIRED[c].some((part) => parts.has(part)));
  const chosen = cloud ?? (found.length === 1 ? found[0] : undefined);
  if (!chosen || !found.includes(chosen)) {
    const have = [...parts.keys()].map((k) => `${k}.json`).join(", ") || "nothing";
    throw new ExportInputError(file, `unknown cloud export (has ${have}; expected ${cloud ? REQUIRED[cloud].map((p) => `${p}.json`).join(" or ") : EXPECTED})`);
  }
  const read = chosen === "aws" ? awsResources : chosen === "gcp" ? gcpResources : azureResources;
  return { cloud: chosen, label, resources: read(label, parts), groups: groupMap(label, parts.get("groups")) };
}
