/**
 * profiles + options + node groups + peer CIDRs -> plan. Pure: no Pulumi, no I/O. The same
 * layout always yields a byte-identical plan (groups, flows, reasons, notes sorted).
 */
import { parseCidr } from "../model/cidr";
import { conditionHolds } from "../model/conditions";
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import { PLAN_SCHEMA, type Plan, type PlanGroup, type PlanNote } from "../model/plan";
import { comparePortRanges } from "../model/ports";
import type { Profile } from "../model/requirement";
import { undocumentedModes } from "./documentedModes";
import { type ExpandableRow, type Expansion, expandRows } from "./expandRows";
import { type GroupInfo, indexGroups } from "./groupIndex";
import { mergeFlows } from "./mergeFlows";
import type { RawFlow } from "./rawFlow";
import { worldWarnings } from "./planWarnings";
import { checkLayout } from "./checkLayout";
import { layoutPodCidrs, podAddressedFamilies, POD_PEER } from "../connectivity/podRouting";
import {
  compareSupplements,
  completenessWarnings,
  missingFlows,
  strictIssues,
  supplementOf,
  supplementRawFlows,
} from "./completeness";

function fail(layout: { name?: unknown }, issues: readonly InputIssue[]): never {
  throw new KubeportsError(`Invalid layout "${String(layout.name ?? "")}"`, issues);
}

/** Validates `input` (any value: a parsed file, component args) and compiles it. */
export function compile(input: unknown): Plan {
  const { layout, profiles, options, installerNotes } = checkLayout(input);

  const rows = applicableRows(layout, profiles, options);
  const groups = indexGroups(layout, profiles);
  const optionalRoles = new Set(profiles.flatMap((p) => Object.entries(p.roles).filter(([, r]) => r.optional).map(([n]) => n)));
  const expansion = expandRows(rows, { layout, groups, optionalRoles });
  if (expansion.issues.length > 0) fail(layout, dedupeIssues(expansion.issues));

  // Bucket once: filtering every flow per group is quadratic in large estates.
  const flowsByGroup = new Map<string, RawFlow[]>();
  for (const flow of expansion.flows) {
    const list = flowsByGroup.get(flow.group);
    if (list) list.push(flow);
    else flowsByGroup.set(flow.group, [flow]);
  }
  const localByGroup = new Map<string, Expansion["local"]>();
  for (const probe of expansion.local) {
    const list = localByGroup.get(probe.group);
    if (list) list.push(probe);
    else localByGroup.set(probe.group, [probe]);
  }
  const buildGroup = (group: GroupInfo): PlanGroup => {
    const mine = flowsByGroup.get(group.name) ?? [];
    return {
      name: group.name,
      roles: [...group.roles].sort(),
      cluster: group.cluster,
      clusterKind: group.clusterKind,
      ingress: mergeFlows("ingress", mine.filter((flow) => flow.direction === "ingress")),
      egress: mergeFlows("egress", mine.filter((flow) => flow.direction === "egress")),
      local: localProbes(localByGroup.get(group.name) ?? []),
    };
  };
  let planGroups: PlanGroup[] = groups.map(buildGroup);

  const podCidrs = podAddressedFamilies(options).length > 0 ? layoutPodCidrs(layout) : [];
  const layoutPeers = Object.keys(layout.peers ?? {}).map((name) => ({ name, cidrs: layout.peers![name]!.map((cidr) => parseCidr(cidr).cidr) }));
  const peers = [...layoutPeers, ...(podCidrs.length > 0 ? [{ name: POD_PEER, cidrs: podCidrs }] : [])].sort((a, b) => a.name.localeCompare(b.name));
  const base = {
    schema: PLAN_SCHEMA as typeof PLAN_SCHEMA,
    layout: layout.name,
    profiles: profiles.map((p) => ({ id: p.id, title: p.title, document: p.document })),
    options,
    peers,
  };

  // Completeness: what the connectivity model requires and no row opens.
  const mode = layout.completeness ?? "supplement";
  const omittedBy = profiles.map((p) => p.id);
  const supplements = missingFlows({ ...base, groups: planGroups, warnings: [], notes: [], disagreements: [] })
    .map((missing) => supplementOf(missing, omittedBy))
    .sort(compareSupplements);
  if (mode === "strict" && supplements.length > 0) fail(layout, strictIssues(supplements));
  if (mode === "supplement" && supplements.length > 0) {
    const touched = new Set<string>();
    for (const raw of supplementRawFlows(supplements)) {
      touched.add(raw.group);
      const list = flowsByGroup.get(raw.group);
      if (list) list.push(raw);
      else flowsByGroup.set(raw.group, [raw]);
    }
    planGroups = groups.map((group, i) => (touched.has(group.name) ? buildGroup(group) : planGroups[i]!));
  }
  const documents = profiles.map((p) => `${p.id} (${p.document})`).join(", ");

  return {
    ...base,
    groups: planGroups,
    warnings: [
      ...undocumentedModes(profiles, options),
      ...worldWarnings(planGroups, { layout, profiles }),
      ...(mode === "strict" ? [] : completenessWarnings(supplements, mode, documents)),
    ],
    notes: dedupeNotes([...expansion.notes, ...installerNotes]),
    disagreements: profiles.flatMap((profile) =>
      profile.disagreements
        .filter((d) => d.rows.some((row) => expansion.applied.has(`${profile.id}/${row}`)))
        .map((d) => ({ profile: profile.id, id: d.id, rows: d.rows, says: d.says, other: d.other, otherSource: d.otherSource })),
    ),
    supplements: mode === "supplement" ? supplements : [],
  };
}

function applicableRows(layout: Layout, profiles: readonly Profile[], options: Plan["options"]): ExpandableRow[] {
  const fromProfiles = profiles.flatMap((profile) =>
    profile.rows
      .filter((row) => conditionHolds(row.when, options))
      .map((row): ExpandableRow => ({
        ...row,
        profile: profile.id,
        reason: { profile: profile.id, row: row.id, description: row.description, document: row.source.document, documentRow: row.source.row },
        path: "layout.groups",
      })),
  );
  const custom = (layout.rules ?? []).map((rule, index): ExpandableRow => ({
    ...rule,
    profile: "layout",
    reason: {
      profile: "layout",
      row: rule.id,
      description: rule.description,
      document: `layout ${layout.name}`,
      documentRow: `rules: ${rule.id}`,
      ...(rule.allowInternet !== undefined ? { allowInternet: rule.allowInternet } : {}),
    },
    path: `layout.rules[${index}]`,
  }));
  return [...fromProfiles, ...custom];
}

function localProbes(probes: ReturnType<typeof expandRows>["local"]): PlanGroup["local"] {
  const byKey = new Map<string, PlanGroup["local"][number]>();
  for (const probe of probes) {
    const key = `${probe.protocol}|${probe.ports?.from}|${probe.ports?.to}`;
    const existing = byKey.get(key);
    const reasons = [...(existing?.reasons ?? []), probe.reason];
    byKey.set(key, { protocol: probe.protocol, ...(probe.ports ? { ports: probe.ports } : {}), reasons });
  }
  return [...byKey.values()].sort((a, b) =>
    a.ports && b.ports ? comparePortRanges(a.ports, b.ports) : a.protocol.localeCompare(b.protocol),
  );
}

function dedupeNotes(notes: readonly PlanNote[]): PlanNote[] {
  const byKey = new Map(notes.map((note) => [`${note.code}|${note.profile}|${note.row}|${note.message}`, note]));
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, note]) => note);
}

function dedupeIssues(issues: readonly InputIssue[]): InputIssue[] {
  const byKey = new Map(issues.map((issue) => [`${issue.path}|${issue.message}`, issue]));
  return [...byKey.values()];
}
