/**
 * The diff as stable JSON (schema `kubeports.diff/v1`; components/diff/DIFF_JSON.md describes
 * each field): 2-space indent, a trailing newline, keys in the order below, flows, warnings
 * and notes written exactly as the plan JSON writes them. Same diff -> byte-identical text.
 *
 * ```
 * { schema, changed,
 *   before: { label, layout|null }, after: { label, layout|null },
 *   summary: { groupsAdded, groupsRemoved, groupsChanged, flowsAdded, flowsRemoved, flowsChanged,
 *              warningsAdded, warningsRemoved, opensToWorld },
 *   options: [{ name, before, after }],
 *   peers: [{ name, before|null, after|null, flowChanges }],
 *   groups: [{ name, status, rolesBefore|null, rolesAfter|null, changes: [Change] }],
 *   warnings: { added: [Warning], removed: [Warning] },
 *   notes: { added: [Note], removed: [Note] } }
 * Change = { change, direction, protocol, aspects, opensToWorld, before: [Flow], after: [Flow] }
 * Flow, Warning, Note = as in kubeports.plan/v1
 * ```
 */
import { orderFlow, orderNote, orderWarning } from "../reports/planJson";
import type { FlowChange, GroupDiff, PlanDiff } from "./planDiff";

function change(c: FlowChange) {
  return {
    change: c.change,
    direction: c.direction,
    protocol: c.protocol,
    aspects: [...c.aspects],
    opensToWorld: c.opensToWorld,
    before: c.before.map(orderFlow),
    after: c.after.map(orderFlow),
  };
}

function group(g: GroupDiff) {
  return {
    name: g.name,
    status: g.status,
    rolesBefore: g.rolesBefore ? [...g.rolesBefore] : null,
    rolesAfter: g.rolesAfter ? [...g.rolesAfter] : null,
    changes: g.changes.map(change),
  };
}

export function orderDiff(diff: PlanDiff) {
  const s = diff.summary;
  return {
    schema: diff.schema,
    changed: diff.changed,
    before: { label: diff.before.label, layout: diff.before.layout },
    after: { label: diff.after.label, layout: diff.after.layout },
    summary: {
      groupsAdded: s.groupsAdded,
      groupsRemoved: s.groupsRemoved,
      groupsChanged: s.groupsChanged,
      flowsAdded: s.flowsAdded,
      flowsRemoved: s.flowsRemoved,
      flowsChanged: s.flowsChanged,
      warningsAdded: s.warningsAdded,
      warningsRemoved: s.warningsRemoved,
      opensToWorld: s.opensToWorld,
    },
    options: diff.options.map((o) => ({ name: o.name, before: o.before, after: o.after })),
    peers: diff.peers.map((p) => ({ name: p.name, before: p.before ? [...p.before] : null, after: p.after ? [...p.after] : null, flowChanges: p.flowChanges })),
    groups: diff.groups.map(group),
    warnings: { added: diff.warnings.added.map(orderWarning), removed: diff.warnings.removed.map(orderWarning) },
    notes: { added: diff.notes.added.map(orderNote), removed: diff.notes.removed.map(orderNote) },
  };
}

export function diffJson(diff: PlanDiff): string {
  return `${JSON.stringify(orderDiff(diff), null, 2)}\n`;
}
