/**
 * The engine replay: the steps one `pulumi up` runs for an edit (engineSteps), applied one at a
 * time to a model of the cloud, with each cloud's refusals checked after every step
 * (cloudFacts). The first refused step is what wedges a real update: the engine stops there,
 * and every retry stops there again.
 *
 * Sources (engine order and options in engineSteps.ts, replacement inputs in replaceInputs.ts):
 * - Pulumi, aliases: pulumi.com/docs/iac/concepts/options/aliases ("the resource is updated
 *   in-place"; a component's aliases carry to its children's identity)
 * - Pulumi, deleteBeforeReplace: pulumi.com/docs/iac/concepts/options/deletebeforereplace
 *   ("By default ... Pulumi creates new instances of resources before deleting old ones")
 * - Pulumi engine: deletes are scheduled at the end of the update (pulumi/pulumi#1963, #9979)
 * - pulumi-aws (terraform-provider-aws): vpc_security_group.go (name, name_prefix, description,
 *   vpc_id ForceNew), vpc_security_group_ingress_rule.go (security_group_id RequiresReplace,
 *   other fields via ModifySecurityGroupRules)
 * - pulumi-gcp (terraform-provider-google): resource_compute_firewall.go (name, network ForceNew)
 *
 * Updates are checked conservatively: a resource's new form must not collide with any
 * resource's form from before the update (the engine's registration order is not in the
 * preview, so a value may only move onto a slot nobody held before). Old forms of updated
 * resources leave the model when the creates and updates are done, before the deletes.
 */
import { AWS_SECURITY_GROUP, MACHINE_TYPES, cloudFacts, referencedStrings, type FactOptions } from "./cloudFacts";
import { engineSteps, type EngineStep, type ReplayResource } from "./engineSteps";

export type { EngineStep, ReplayResource, StepOp } from "./engineSteps";

export interface ReplayConflict {
  /** Index into `steps` of the step the cloud refuses. */
  readonly step: number;
  /** The cloud's error ("AWS InvalidPermission.Duplicate", "Azure SecurityRuleConflict", ...). */
  readonly refusal: string;
  /** The resource the refused step creates, updates or deletes. */
  readonly resource: string;
  /** The resource it conflicts with. */
  readonly other: string;
  readonly message: string;
}

export interface ReplayResult {
  readonly steps: readonly EngineStep[];
  /** The first refused step, or undefined: the update converges. */
  readonly conflict?: ReplayConflict;
}

type Holders = Map<string, Map<string, { count: number; label: string }>>;

class CloudModel {
  private readonly holders: Holders = new Map();
  constructor(private readonly options: FactOptions) {}

  add(identity: string, label: string, resource: ReplayResource): { refusal: string; other: string; what: string } | undefined {
    const facts = cloudFacts(resource.type, resource.inputs, this.options);
    let found: { refusal: string; other: string; what: string } | undefined;
    for (const fact of facts.unique) {
      const others = [...this.hold(fact.key, identity, label).entries()].filter(([id]) => id !== identity);
      if (!found && others.length > 0) found = { refusal: fact.refusal, other: others[0]![1].label, what: fact.what };
    }
    for (const fact of facts.counted) {
      const all = this.hold(fact.key, identity, label);
      if (!found && all.size > fact.limit) found = { refusal: fact.refusal, other: `${all.size - 1} other rules`, what: fact.what };
    }
    return found;
  }

  remove(identity: string, resource: ReplayResource): void {
    const facts = cloudFacts(resource.type, resource.inputs, this.options);
    for (const fact of [...facts.unique, ...facts.counted]) {
      const map = this.holders.get(fact.key);
      const entry = map?.get(identity);
      if (!map || !entry) continue;
      if (--entry.count === 0) map.delete(identity);
    }
  }

  private hold(key: string, identity: string, label: string): Map<string, { count: number; label: string }> {
    const map = this.holders.get(key) ?? new Map<string, { count: number; label: string }>();
    this.holders.set(key, map);
    const entry = map.get(identity);
    if (entry) entry.count++;
    else map.set(identity, { count: 1, label });
    return map;
  }
}

const id = (prefix: string, resource: { type: string; name: string }) => `${prefix}:${resource.type}::${resource.name}`;

/** Replays before -> after; stops at the first step a cloud would refuse. */
export function replay(before: readonly ReplayResource[], after: readonly ReplayResource[], options: FactOptions = {}): ReplayResult {
  const steps = engineSteps(before, after);
  const model = new CloudModel(options);
  for (const resource of before) model.add(id("old", resource), resource.name, resource);

  // Machines that exist before and after the update keep their network interfaces in the groups they had.
  const afterNames = new Set(after.flatMap((resource) => [resource.name, ...(resource.aliases ?? [])].map((name) => `${resource.type}::${name}`)));
  const machines = before.filter((resource) => MACHINE_TYPES.has(resource.type) && afterNames.has(`${resource.type}::${resource.name}`));
  const attachedTo = (groupId: string | null) => (groupId === null ? undefined : machines.find((machine) => referencedStrings(machine.inputs).has(groupId)));

  const updated: EngineStep[] = [];
  const isRemoval = (step: EngineStep) => step.op === "delete" || step.half === "delete-replaced";
  // The delete phase: the trailing run of removals (a deleteBeforeReplace removal comes earlier).
  let lastWork = steps.length - 1;
  while (lastWork >= 0 && isRemoval(steps[lastWork]!)) lastWork--;
  let deleting = false;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    const conflict = (refusal: string, other: string, what: string): ReplayResult => ({
      steps,
      conflict: { step: index, refusal, resource: step.name, other, message: `${refusal}: ${describe(step)} conflicts with ${other}: ${what}` },
    });
    const removing = isRemoval(step);
    if (removing && !deleting && index > lastWork) {
      // Creates and updates are done: the old forms of updated resources are gone.
      for (const done of updated) model.remove(id("old", done.before!), done.before!);
      deleting = true;
    }
    if (removing) {
      const old = step.before!;
      if (old.type === AWS_SECURITY_GROUP) {
        const machine = attachedTo(old.id);
        if (machine) return conflict("AWS DependencyViolation", machine.name, `security group ${old.name} (${old.id}) is still attached to the machines ${machine.name} launched, so it cannot be deleted`);
      }
      model.remove(id("old", old), old);
      continue;
    }
    if (step.op === "same") continue;
    const now = step.after!;
    const identity = step.op === "update" ? id("old", step.before!) : id("new", now);
    const hit = model.add(identity, step.op === "replace" ? `${now.name} (replacement)` : now.name, now);
    if (hit) return conflict(hit.refusal, hit.other, hit.what);
    if (step.op === "update") updated.push(step);
  }
  return { steps };
}

function describe(step: EngineStep): string {
  const what = step.half === "create-replacement" ? "creating the replacement of" : step.half === "delete-replaced" ? "deleting the replaced" : step.op === "create" ? "creating" : step.op === "update" ? "updating" : "deleting";
  return `${what} ${step.name}${step.from ? ` (was ${step.from})` : ""}`;
}
