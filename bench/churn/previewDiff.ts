/**
 * What a second run of a stack would do to the first run's resources, the way Pulumi decides
 * it: a resource is identified by type, parent and logical name. Created and deleted exclude
 * renames: a deleted and a created resource of one type whose inputs are equal once each
 * one's own name is blanked out (names often repeat inside inputs, such as tags).
 */
import type { PreviewResource } from "../../components/preview/previewStack";

export interface Churn {
  readonly created: number;
  readonly deleted: number;
  readonly updated: number;
  readonly renamed: number;
  /** "+type name", "-type name", "~type name", "type old -> new", sorted. */
  readonly changes: string[];
}

const identity = (r: PreviewResource) => `${r.type}|${r.parent ?? ""}|${r.name}`;
const shortType = (type: string) => type.split(":").pop() ?? type;

function withoutName(resource: PreviewResource): string {
  return `${resource.type}|${JSON.stringify(resource.inputs).split(resource.name).join("<name>")}`;
}

export function diffPreviews(before: readonly PreviewResource[], after: readonly PreviewResource[]): Churn {
  const old = new Map(before.map((r) => [identity(r), r]));
  const now = new Map(after.map((r) => [identity(r), r]));
  const created = after.filter((r) => !old.has(identity(r)));
  const deleted = before.filter((r) => !now.has(identity(r)));
  const updated = after.filter((r) => old.has(identity(r)) && JSON.stringify(old.get(identity(r))!.inputs) !== JSON.stringify(r.inputs));

  const renames: [PreviewResource, PreviewResource][] = [];
  const unmatched = new Map<string, PreviewResource[]>();
  for (const r of deleted) unmatched.set(withoutName(r), [...(unmatched.get(withoutName(r)) ?? []), r]);
  for (const r of created) {
    const candidates = unmatched.get(withoutName(r));
    const match = candidates?.shift();
    if (match) renames.push([match, r]);
  }
  const renamedNew = new Set(renames.map(([, r]) => r));
  const renamedOld = new Set(renames.map(([r]) => r));
  const changes = [
    ...created.filter((r) => !renamedNew.has(r)).map((r) => `+${shortType(r.type)} ${r.name}`),
    ...deleted.filter((r) => !renamedOld.has(r)).map((r) => `-${shortType(r.type)} ${r.name}`),
    ...updated.map((r) => `~${shortType(r.type)} ${r.name}`),
    ...renames.map(([from, to]) => `${shortType(from.type)} ${from.name} -> ${to.name}`),
  ].sort();
  return {
    created: created.length - renames.length,
    deleted: deleted.length - renames.length,
    updated: updated.length,
    renamed: renames.length,
    changes,
  };
}
