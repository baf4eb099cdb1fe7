/**
 * Pulumi logical names for the AWS shell, derived only from what a resource is (kops style):
 * `${component}-${group}-in-tcp-6443-from-workers`. No list index ever appears, so adding a
 * rule adds one name and renames nothing.
 */
import { shortHash, slug } from "../naming/stableName";
import type { AwsMatch } from "./awsProtocol";
import type { RuleSource } from "./ruleSources";

/**
 * A CIDR as a name part, injective over canonical CIDRs: IPv4 dots and slash become hyphens
 * (10-0-0-0-8); IPv6 gets a prefix and hyphens for colons and slash (ipv6-2001-db8---32);
 * the two world ranges read as the AWS console says them.
 */
export function cidrNamePart(cidr: string, family: "ipv4" | "ipv6"): string {
  if (cidr === "0.0.0.0/0") return "anywhere-ipv4";
  if (cidr === "::/0") return "anywhere-ipv6";
  return family === "ipv4" ? cidr.replace(/[./]/g, "-") : `ipv6-${cidr.replace(/[:/]/g, "-")}`;
}

/** A peer name (free text in the layout) as a name part; hashed when nothing readable is left. */
export function peerNamePart(peer: string): string {
  return slug(peer) || shortHash(peer);
}

export function sourceNamePart(source: RuleSource): string {
  switch (source.kind) {
    case "group":
      return source.group;
    case "cidr":
      return cidrNamePart(source.cidr, source.family);
    case "prefixList":
      return `pl-${peerNamePart(source.peer)}`;
  }
}

/**
 * The names a rename leaves behind: the component's and node groups' previous names, so the
 * logical names they gave can be aliased (rules name the groups they come from too).
 */
export interface PreviousNames {
  readonly component?: string;
  /** Node group -> its previous name. */
  readonly groups: Readonly<Record<string, string>>;
}

/** A name and, when it was renamed, its previous one: the names a deployed resource may carry. */
function eitherName(current: string, previous: string | undefined): string[] {
  return previous !== undefined && previous !== current ? [previous, current] : [current];
}

/**
 * Every logical name a rename path can have left a group or rule with (component and node
 * groups renamed in one update or in separate ones), except the current one: its aliases.
 */
export function previousLogicalNames(current: string, previous: PreviousNames, build: (component: string, group: (name: string) => string) => string, names: { component: string; groups: readonly string[] }): string[] {
  const components = eitherName(names.component, previous.component);
  const groupChoices = names.groups.map((group) => eitherName(group, previous.groups[group]));
  const combos: Record<string, string>[] = [{}];
  names.groups.forEach((group, index) => {
    const next = combos.splice(0).flatMap((combo) => groupChoices[index]!.map((choice) => ({ ...combo, [group]: choice })));
    combos.push(...next);
  });
  const all = components.flatMap((component) => combos.map((combo) => build(component, (name) => combo[name] ?? name)));
  return [...new Set(all)].filter((name) => name !== current).sort();
}

export function securityGroupLogicalName(component: string, group: string): string {
  return `${component}-${group}`;
}

export function ruleLogicalName(component: string, group: string, direction: "ingress" | "egress", match: AwsMatch, source: RuleSource): string {
  const what = match.nameParts ? `${match.word}-${match.nameParts}` : match.word;
  const way = direction === "ingress" ? `in-${what}-from` : `out-${what}-to`;
  return `${component}-${group}-${way}-${sourceNamePart(source)}`;
}
