/**
 * Two plans -> what changed: per node group the flows added, removed and changed, groups
 * added and removed, warnings and notes added and removed, options that differ. Pure: the
 * plans are compared as compiled, nothing is recompiled or re-derived here.
 */
import { OPTION_INFO, type OptionName } from "../model/options";
import type { AttributedWarning, Plan, PlanGroup, PlanNote, PlanWarning } from "../model/plan";
import { warningFlow } from "../reports/warningText";
import { diffFlows } from "./diffFlows";
import { DIFF_SCHEMA, type DiffSide, type FlowChange, type GroupDiff, type OptionChange, type DiffWarning, type PeerChange, type PlanDiff } from "./planDiff";

/** One side of a diff: a plan (or none) and what to call it. */
export interface DiffInput {
  /** What the user compared: a file, a stack, a revision. */
  readonly label: string;
  /** Undefined for a side that does not exist (a stack added since the base revision). */
  readonly plan: Plan | undefined;
}

function groupChanges(before: PlanGroup | undefined, after: PlanGroup | undefined): FlowChange[] {
  return [
    ...diffFlows("ingress", before?.ingress ?? [], after?.ingress ?? []),
    ...diffFlows("egress", before?.egress ?? [], after?.egress ?? []),
  ];
}

function diffGroups(before: readonly PlanGroup[], after: readonly PlanGroup[]): GroupDiff[] {
  const beforeByName = new Map(before.map((group) => [group.name, group]));
  const afterNames = new Set(after.map((group) => group.name));
  const diffs: GroupDiff[] = [];
  for (const group of after) {
    const old = beforeByName.get(group.name);
    const changes = groupChanges(old, group);
    const rolesChanged = old !== undefined && old.roles.join(",") !== group.roles.join(",");
    if (old && changes.length === 0 && !rolesChanged) continue;
    diffs.push({ name: group.name, status: old ? "changed" : "added", rolesBefore: old ? old.roles : null, rolesAfter: group.roles, changes });
  }
  for (const group of before) {
    if (afterNames.has(group.name)) continue;
    diffs.push({ name: group.name, status: "removed", rolesBefore: group.roles, rolesAfter: null, changes: groupChanges(group, undefined) });
  }
  return diffs;
}

function diffOptions(before: Plan | undefined, after: Plan | undefined): OptionChange[] {
  if (!before || !after) return [];
  return (Object.keys(OPTION_INFO) as OptionName[])
    .filter((name) => before.options[name] !== after.options[name])
    .map((name) => ({ name, before: before.options[name], after: after.options[name] }));
}

/** Items of `after` whose key `before` lacks, in `after`'s order. */
function missingFrom<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): T[] {
  const keys = new Set(before.map(key));
  return after.filter((item) => !keys.has(key(item)));
}

const warningKey = (w: PlanWarning) => `${w.code}|${w.group}|${w.flow}`;
const noteKey = (n: PlanNote) => `${n.code}|${n.profile}|${n.row}|${n.message}`;

/** Peers whose CIDR lists differ; each counts the flow changes whose flows carry its name. */
function diffPeers(before: Plan | undefined, after: Plan | undefined, changes: readonly FlowChange[]): PeerChange[] {
  if (!before || !after) return [];
  const cidrs = (plan: Plan, name: string) => plan.peers.find((p) => p.name === name)?.cidrs ?? null;
  const names = [...new Set([...before.peers, ...after.peers].map((p) => p.name))].sort();
  return names.flatMap((name): PeerChange[] => {
    const was = cidrs(before, name);
    const now = cidrs(after, name);
    if ((was ?? []).join(",") === (now ?? []).join(",") && (was === null) === (now === null)) return [];
    const names = (change: FlowChange) => [...change.before, ...change.after].some((f) => f.peer.kind === "cidr" && f.peer.peers.includes(name));
    return [{ name, before: was, after: now, flowChanges: changes.filter(names).length }];
  });
}

/**
 * Each opener's layout line on the before side: a peer's CIDR at that index, a rule's CIDRs
 * from the before plan's flows of that rule ("" when the line was not there).
 */
function beforeLines(warning: AttributedWarning, before: Plan | undefined): Record<string, string> | undefined {
  if (!warning.openedBy || warning.openedBy.length === 0) return undefined;
  const was: Record<string, string> = {};
  for (const opener of warning.openedBy) {
    if (opener.kind === "layout-peer") {
      const index = Number(/\[(\d+)\]$/.exec(opener.path)?.[1] ?? 0);
      was[opener.path] = before?.peers.find((p) => p.name === opener.peer)?.cidrs[index] ?? "";
    } else if (opener.kind === "layout-rule") {
      const flows = (before?.groups ?? []).flatMap((g) => g.ingress).filter((f) => f.peer.kind === "cidr" && f.reasons.some((r) => r.profile === "layout" && r.row === opener.rule));
      was[opener.path] = [...new Set(flows.map((f) => (f.peer.kind === "cidr" ? f.peer.cidr : "")))].sort().join(", ");
    }
  }
  return was;
}

function side(input: DiffInput): DiffSide {
  return { label: input.label, layout: input.plan?.layout ?? null };
}

/** What changed from `before` to `after`: groups, flows, options, warnings and notes. */
export function diffPlans(before: DiffInput, after: DiffInput): PlanDiff {
  const groups = diffGroups(before.plan?.groups ?? [], after.plan?.groups ?? []);
  const withSubject = (plan: Plan) => (w: AttributedWarning) => ({ ...w, subject: warningFlow(w, plan) });
  const withWas = (w: DiffWarning): DiffWarning => {
    const was = before.plan ? beforeLines(w, before.plan) : undefined;
    return was ? { ...w, was } : w;
  };
  const warnings = {
    added: after.plan ? missingFrom(before.plan?.warnings ?? [], after.plan.warnings, warningKey).map(withSubject(after.plan)).map(withWas) : [],
    removed: before.plan ? missingFrom(after.plan?.warnings ?? [], before.plan.warnings, warningKey).map(withSubject(before.plan)) : [],
  };
  const notes = {
    added: missingFrom(before.plan?.notes ?? [], after.plan?.notes ?? [], noteKey),
    removed: missingFrom(after.plan?.notes ?? [], before.plan?.notes ?? [], noteKey),
  };
  const changes = groups.flatMap((group) => group.changes);
  const peers = diffPeers(before.plan, after.plan, changes);
  const count = (kind: FlowChange["change"]) => changes.filter((c) => c.change === kind).length;
  const summary = {
    groupsAdded: groups.filter((g) => g.status === "added").length,
    groupsRemoved: groups.filter((g) => g.status === "removed").length,
    groupsChanged: groups.filter((g) => g.status === "changed").length,
    flowsAdded: count("added"),
    flowsRemoved: count("removed"),
    flowsChanged: count("changed"),
    warningsAdded: warnings.added.length,
    warningsRemoved: warnings.removed.length,
    opensToWorld: changes.filter((c) => c.opensToWorld).length,
  };
  return {
    schema: DIFF_SCHEMA,
    changed: groups.length > 0 || warnings.added.length > 0 || warnings.removed.length > 0,
    before: side(before),
    after: side(after),
    summary,
    options: diffOptions(before.plan, after.plan),
    peers,
    groups,
    warnings,
    notes,
  };
}
