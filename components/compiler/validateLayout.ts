/** Cross-reference checks the schema cannot do: names the chosen profiles must know. */
import type { InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import type { Party, Profile } from "../model/requirement";
import { knownList } from "../model/suggest";
import { findProfile, CATALOG } from "../profiles/catalog";
import { DEFAULT_CLUSTER, isGroupParty } from "./groupIndex";

export function resolveProfiles(layout: Layout): { profiles: Profile[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const profiles: Profile[] = [];
  const seen = new Set<string>();
  layout.profiles.forEach((id, index) => {
    const path = `layout.profiles[${index}]`;
    if (seen.has(id)) return issues.push({ path, message: `profile "${id}" is listed twice (list each profile once)` });
    seen.add(id);
    const profile = findProfile(id);
    if (!profile) {
      return issues.push({ path, message: `unknown profile "${id}" ${knownList(id, CATALOG.map((p) => p.id))}` });
    }
    profiles.push(profile);
  });
  return { profiles, issues };
}

/** `alsoUsedPeers`: peer names used elsewhere (rules that failed the schema), so not reported as unused. */
export function validateReferences(layout: Layout, profiles: readonly Profile[], alsoUsedPeers: readonly string[] = []): InputIssue[] {
  const issues: InputIssue[] = [];
  const roles = [...new Set(profiles.flatMap((p) => Object.keys(p.roles)))];
  const kinds = [...new Set([DEFAULT_CLUSTER, ...profiles.flatMap((p) => Object.keys(p.clusterKinds ?? {}))])];
  const rulePeers = (layout.rules ?? []).flatMap((rule) => [...rule.from, rule.to]).flatMap((party) => ("peer" in party ? [party.peer] : []));
  const peers = [...new Set([...profiles.flatMap((p) => Object.keys(p.peers)), ...rulePeers, ...alsoUsedPeers])];

  for (const [name, cluster] of Object.entries(layout.clusters ?? {})) {
    if (!kinds.includes(cluster.kind)) {
      issues.push({ path: `layout.clusters.${name}.kind`, message: `unknown cluster kind "${cluster.kind}" ${knownList(cluster.kind, kinds)}` });
    }
  }
  for (const [name, group] of Object.entries(layout.groups)) {
    group.roles.forEach((role, index) => {
      if (!roles.includes(role)) {
        issues.push({ path: `layout.groups.${name}.roles[${index}]`, message: `unknown role "${role}" ${knownList(role, roles)}` });
      } else if (group.roles.indexOf(role) !== index) {
        issues.push({ path: `layout.groups.${name}.roles[${index}]`, message: `role "${role}" is listed twice (list it once)` });
      }
    });
    // Undeclared cluster names would silently split a cluster on a typo, so every name used must be declared.
    if (group.cluster !== undefined && !(group.cluster in (layout.clusters ?? {}))) {
      const declared = Object.keys(layout.clusters ?? {});
      issues.push({
        path: `layout.groups.${name}.cluster`,
        message: `unknown cluster "${group.cluster}" ${knownList(group.cluster, declared)}; declare it under layout.clusters, e.g. clusters: { ${group.cluster}: { kind: ${kinds[1] ?? DEFAULT_CLUSTER} } }`,
      });
    }
  }
  for (const name of Object.keys(layout.peers ?? {})) {
    if (!peers.includes(name)) {
      issues.push({ path: `layout.peers.${name}`, message: `unknown peer "${name}": no row of the chosen profiles uses it ${knownList(name, peers)}` });
    }
  }
  (layout.rules ?? []).forEach((rule, index) => {
    const path = `layout.rules[${index}]`;
    [...rule.from, rule.to].forEach((party: Party) => {
      if ("group" in party && !(party.group in layout.groups)) {
        issues.push({ path, message: `rule "${rule.id}" names unknown group "${party.group}" ${knownList(party.group, Object.keys(layout.groups))}` });
      }
      if ("role" in party && !roles.includes(party.role)) {
        issues.push({ path, message: `rule "${rule.id}" names unknown role "${party.role}" ${knownList(party.role, roles)}` });
      }
    });
    const ported = rule.protocols.filter((p) => p === "tcp" || p === "udp");
    if (ported.length > 0 && rule.ports === undefined) {
      issues.push({ path: `${path}.ports`, message: `rule "${rule.id}" uses ${ported.join(" and ")}, which need ports (for example "8080" or "30000-32767")` });
    }
    if (rule.ports !== undefined && ported.length === 0) {
      issues.push({ path: `${path}.ports`, message: `rule "${rule.id}" gives ports, but ${rule.protocols.join(", ")} has none (remove ports, or use tcp/udp)` });
    }
    if (!isGroupParty(rule.to) && !rule.from.some(isGroupParty)) {
      issues.push({ path: `${path}.to`, message: `rule "${rule.id}" connects two outside parties; one end must be a role, a group or { nodes: true }` });
    }
  });
  return issues;
}
