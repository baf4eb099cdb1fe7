/**
 * The steps Pulumi's engine runs for one `pulumi up`, from the resources before and after an
 * edit (the shape `kubeports preview --format json` prints, plus aliases and
 * deleteBeforeReplace). As the engine documents it:
 * - resources are matched by URN (type + logical name here); an `aliases` entry matches a
 *   resource under its old name, which is then updated in place, not deleted and re-created
 *   (pulumi.com/docs/iac/concepts/options/aliases);
 * - creates, updates and the create half of replacements run in registration order;
 * - a replacement creates the new resource before deleting the old one, unless the resource
 *   sets deleteBeforeReplace (pulumi.com/docs/iac/concepts/options/deletebeforereplace);
 * - deletes (removed resources and replaced old ones) run at the end, in reverse dependency
 *   order (pulumi/pulumi#1963, #9979: "schedules the deletion of resources at the very end").
 * A replaced resource gets a new cloud id, so resources that reference it change too; that is
 * followed to a fixed point. Mock ids come from logical names, so an aliased resource keeps its
 * old id.
 */
import type { PreviewResource } from "../preview/previewStack";
import { replacingInputs } from "./replaceInputs";

/** A resource as `kubeports preview --format json` prints it: the replay reads previews as they are. */
export type ReplayResource = PreviewResource;

export type StepOp = "same" | "create" | "update" | "replace" | "delete";

export interface EngineStep {
  readonly op: StepOp;
  readonly type: string;
  readonly name: string;
  /** The old logical name when an alias matched. */
  readonly from?: string;
  /** Inputs that changed (update, replace). */
  readonly changed?: readonly string[];
  /** Inputs that forced the replacement. */
  readonly because?: readonly string[];
  /** For the create / delete halves of a replacement. */
  readonly half?: "create-replacement" | "delete-replaced";
  /** The resource's form before and after this step (undefined when absent). */
  readonly before?: ReplayResource;
  readonly after?: ReplayResource;
}

const key = (type: string, name: string) => `${type}::${name}`;

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function rewrite(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, ids));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, ids)]));
  return value;
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => stable(before[k]) !== stable(after[k]));
}

interface Pair {
  readonly after: ReplayResource;
  readonly before?: ReplayResource;
}

/** The engine's steps for before -> after, in the order it runs them. */
export function engineSteps(before: readonly ReplayResource[], after: readonly ReplayResource[]): EngineStep[] {
  const byKey = new Map(before.map((resource) => [key(resource.type, resource.name), resource]));
  const matched = new Set<string>();
  const pairs: Pair[] = after.map((resource) => {
    const candidates = [resource.name, ...(resource.aliases ?? [])].map((name) => key(resource.type, name));
    const hit = candidates.find((candidate) => byKey.has(candidate) && !matched.has(candidate));
    if (hit === undefined) return { after: resource };
    matched.add(hit);
    return { after: resource, before: byKey.get(hit)! };
  });

  // Ids: a kept resource keeps its old id, a replaced one gets a new one; iterate to a fixed point.
  const replaced = new Set<string>();
  let resolved: ReplayResource[] = [];
  for (let round = 0; round < 20; round++) {
    const ids = new Map<string, string>();
    for (const pair of pairs) {
      if (!pair.before || pair.after.id === null || pair.before.id === null) continue;
      const k = key(pair.after.type, pair.after.name);
      ids.set(pair.after.id, replaced.has(k) ? `${pair.before.id}~replaced` : pair.before.id);
    }
    resolved = pairs.map((pair) => {
      const id = pair.after.id === null ? null : ids.get(pair.after.id) ?? pair.after.id;
      return { ...pair.after, id, inputs: rewrite(pair.after.inputs, ids) as Record<string, unknown> };
    });
    let grew = false;
    pairs.forEach((pair, index) => {
      if (!pair.before) return;
      const now = resolved[index]!;
      const k = key(now.type, now.name);
      if (replaced.has(k)) return;
      if (replacingInputs(now.type, pair.before.inputs, now.inputs, changedKeys(pair.before.inputs, now.inputs)).length > 0) {
        replaced.add(k);
        grew = true;
      }
    });
    if (!grew) break;
  }

  const steps: EngineStep[] = [];
  const laterDeletes: EngineStep[] = [];
  pairs.forEach((pair, index) => {
    const now = resolved[index]!;
    const old = pair.before;
    const from = old && old.name !== now.name ? { from: old.name } : {};
    if (!old) {
      steps.push({ op: "create", type: now.type, name: now.name, after: now });
      return;
    }
    const changed = changedKeys(old.inputs, now.inputs);
    if (replaced.has(key(now.type, now.name))) {
      const because = replacingInputs(now.type, old.inputs, now.inputs, changed);
      const base = { op: "replace" as const, type: now.type, name: now.name, ...from, changed, because: because.length > 0 ? because : ["a replaced resource it references"] };
      const deletion: EngineStep = { ...base, half: "delete-replaced", before: old };
      if (now.deleteBeforeReplace) steps.push(deletion);
      else laterDeletes.push(deletion);
      steps.push({ ...base, half: "create-replacement", after: now });
      return;
    }
    steps.push({ op: changed.length > 0 ? "update" : "same", type: now.type, name: now.name, ...from, ...(changed.length > 0 ? { changed } : {}), before: old, after: now });
  });

  // Deletes last, in reverse registration order (children before parents, dependents first).
  const matchedBefore = new Set(pairs.flatMap((pair) => (pair.before ? [pair.before] : [])));
  const order = new Map(before.map((resource, index) => [resource, index]));
  const deletes: EngineStep[] = [
    ...before.filter((resource) => !matchedBefore.has(resource)).map((resource): EngineStep => ({ op: "delete", type: resource.type, name: resource.name, before: resource })),
    ...laterDeletes,
  ];
  deletes.sort((a, b) => order.get(b.before!)! - order.get(a.before!)!);
  return [...steps, ...deletes];
}
