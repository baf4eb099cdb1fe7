/**
 * Every edit converges in one `pulumi up`: random edit sequences on every shipped stack's
 * layout and on catalog layouts, each transition replayed (components/replay) against the
 * resources the shells register, built from the pure translations. Edits: add or remove a
 * node group, a layout rule, a peer CIDR, a profile option; add a site peer and rename it (AWS
 * rule names carry CIDRs, not peer names; GCP and Azure re-create the peer's rules under new
 * names); on AWS also rename a node group and
 * the component through the rename path (previousName, renamedFrom) and move a group between
 * created and existingSecurityGroupId. No transition may be refused by the cloud, and no
 * security group may be replaced (machines are attached to it).
 */
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AwsFirewallOptions, AwsGroupOptions } from "../components/aws/awsSpec";
import type { AzureTranslateOptions } from "../components/azure/azureRuleSpec";
import { compile } from "../components/compiler/compile";
import { parseLayout } from "../components/layout/parseLayout";
import { KubeportsError } from "../components/model/errors";
import type { Layout } from "../components/model/layout";
import type { Plan } from "../components/model/plan";
import { replay, type ReplayResource } from "../components/replay/replay";
import { readClusterFile } from "../components/stackFiles/clusterFile";
import { catalogCases } from "./support/catalogLayouts";
import { awsResources, azureResources, gcpResources } from "./support/replayResources";

const STACKS = ["rancher-aws", "super-kubenetes-gcp", "dce5-azure", "apinizer-aws"];
const stackLayouts = STACKS.map((stack) => ({
  label: `stack ${stack}`,
  layout: parseLayout(readClusterFile(path.join(__dirname, "../stacks/clusters", `${stack}.yaml`)).layout, stack),
}));
const CASES = [...stackLayouts, ...catalogCases([{}, { groups: "split" }]).map((c) => ({ label: c.label, layout: c.layout }))];
const OPTIONS = ["monitoring", "offline", "nfs", "metallb", "kubeVip", "ha", "embeddedRegistry"] as const;

type Cloud = "aws" | "azure" | "gcp";

interface State {
  readonly layout: Layout;
  readonly component: string;
  readonly renamedFrom?: string;
  readonly groups: Readonly<Record<string, AwsGroupOptions>>;
  readonly existingIds: Readonly<Record<string, string>>;
  /** Azure: outbound rules too (restrictEgress) for sequences of even length, so outbound classes are replayed as well. */
  readonly restrictEgress: boolean;
}

interface Edit {
  readonly kind: string;
  readonly a: number;
  readonly b: number;
}

const KINDS = ["addGroup", "removeGroup", "addRule", "removeRule", "addCidr", "removeCidr", "toggleOption", "addPeerRule", "renamePeer", "renameGroup", "renameComponent", "toggleExisting"] as const;
const CLOUD_KINDS: Record<Cloud, readonly string[]> = {
  aws: KINDS,
  // The rename path is AWS's (where a rename is refused); on Azure and GCP a rename is a new rule set.
  azure: KINDS.slice(0, 9),
  gcp: KINDS.slice(0, 9),
};

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** The layout and shell options after one edit, or undefined when the edit does not apply. */
function applyEdit(state: State, edit: Edit): State | undefined {
  const layout = state.layout;
  const groups = Object.keys(layout.groups);
  const g = pick(groups, edit.a)!;
  switch (edit.kind) {
    case "addGroup": {
      const name = `extra-${edit.b % 5}`;
      if (layout.groups[name]) return undefined;
      return { ...state, layout: { ...layout, groups: { ...layout.groups, [name]: layout.groups[g]! } } };
    }
    case "removeGroup": {
      if (groups.length < 2 || (layout.rules ?? []).some((rule) => JSON.stringify(rule).includes(`"${g}"`))) return undefined;
      const { [g]: _, ...rest } = layout.groups;
      const { [g]: __, ...options } = state.groups;
      return { ...state, layout: { ...layout, groups: rest }, groups: options };
    }
    case "addRule": {
      const to = pick(groups, edit.b)!;
      const id = `site-${edit.b % 7}`;
      if ((layout.rules ?? []).some((rule) => rule.id === id)) return undefined;
      const rule = { id, description: `site rule ${id}`, protocols: ["tcp" as const], ports: String(20000 + (edit.b % 7) * 11), from: [{ group: g }], to: { group: to } };
      return { ...state, layout: { ...layout, rules: [...(layout.rules ?? []), rule] } };
    }
    case "removeRule": {
      const rules = layout.rules ?? [];
      if (rules.length === 0) return undefined;
      const gone = rules[edit.a % rules.length]!;
      return { ...state, layout: { ...layout, rules: rules.filter((rule) => rule !== gone) } };
    }
    case "addCidr": {
      const peer = pick(Object.keys(layout.peers ?? {}), edit.a) ?? "admin";
      const cidr = `198.51.${100 + (edit.b % 50)}.0/24`;
      const cidrs = layout.peers?.[peer] ?? [];
      if (cidrs.includes(cidr)) return undefined;
      return { ...state, layout: { ...layout, peers: { ...(layout.peers ?? {}), [peer]: [...cidrs, cidr] } } };
    }
    case "removeCidr": {
      const peer = pick(Object.keys(layout.peers ?? {}).filter((p) => (layout.peers![p]!.length ?? 0) > 1), edit.a);
      if (!peer) return undefined;
      const cidrs = layout.peers![peer]!;
      return { ...state, layout: { ...layout, peers: { ...layout.peers, [peer]: cidrs.filter((_, i) => i !== edit.b % cidrs.length) } } };
    }
    case "toggleOption": {
      const option = pick(OPTIONS, edit.a)!;
      const options = { ...(layout.options ?? {}) } as Record<string, unknown>;
      options[option] = !(options[option] === true);
      return { ...state, layout: { ...layout, options } };
    }
    case "addPeerRule": {
      // A site peer only layout rules use: the kind of peer a layout can rename.
      const peer = `office-${edit.b % 3}`;
      if (layout.peers?.[peer]) return undefined;
      const rule = { id: `from-${peer}`, description: `ssh from ${peer}`, protocols: ["tcp" as const], ports: "22", from: [{ peer }], to: { group: g } };
      return { ...state, layout: { ...layout, peers: { ...(layout.peers ?? {}), [peer]: [`192.0.2.${(edit.b % 3) * 64}/26`] }, rules: [...(layout.rules ?? []), rule] } };
    }
    case "renamePeer": {
      const peer = pick(Object.keys(layout.peers ?? {}).filter((p) => p.startsWith("office-") && !p.endsWith("-renamed")), edit.a);
      if (!peer) return undefined;
      const name = `${peer}-renamed`;
      const rules = (layout.rules ?? []).map((rule) => JSON.parse(JSON.stringify(rule).replace(new RegExp(`"peer":"${peer}"`, "g"), `"peer":"${name}"`)));
      const peers = Object.fromEntries(Object.entries(layout.peers ?? {}).map(([k, v]) => [k === peer ? name : k, v]));
      return { ...state, layout: { ...layout, peers, rules } };
    }
    case "renameGroup": {
      // Once per group: previousName pins the first name (a second rename is a documented limit).
      if (state.groups[g]?.previousName !== undefined || state.groups[g]?.existing) return undefined;
      const name = `${g.slice(0, 24)}-renamed`;
      if (layout.groups[name]) return undefined;
      const rename = (text: string) => text.replace(new RegExp(`"group":"${g}"`, "g"), `"group":"${name}"`);
      const rules = (layout.rules ?? []).map((rule) => JSON.parse(rename(JSON.stringify(rule))));
      const groupsRenamed = Object.fromEntries(Object.entries(layout.groups).map(([k, v]) => [k === g ? name : k, v]));
      const { [g]: _, ...options } = state.groups;
      return { ...state, layout: { ...layout, groups: groupsRenamed, rules }, groups: { ...options, [name]: { previousName: g } } };
    }
    case "renameComponent":
      if (state.renamedFrom !== undefined) return undefined;
      return { ...state, component: `${state.component}-renamed`, renamedFrom: state.component };
    case "toggleExisting": {
      const given = state.groups[g] ?? {};
      if (given.previousName !== undefined) return undefined;
      const existing = !given.existing;
      const id = `sg-${(edit.b % 90 + 10).toString().padStart(17, "0")}`;
      if (existing && Object.values(state.existingIds).includes(id)) return undefined;
      const { [g]: _, ...ids } = state.existingIds;
      return { ...state, groups: { ...state.groups, [g]: existing ? { existing: true, existingId: id } : {} }, existingIds: existing ? { ...ids, [g]: id } : ids };
    }
  }
  return undefined;
}

const AZURE: Omit<AzureTranslateOptions, "prefix"> = { reserved: [], serviceTags: {}, allowIpInIpAsAnyProtocol: true, restrictEgress: false, allowVirtualNetworkInbound: false };

function resources(cloud: Cloud, plan: Plan, state: State): ReplayResource[] {
  if (cloud === "azure") return azureResources(plan, { ...AZURE, prefix: state.component, restrictEgress: state.restrictEgress });
  if (cloud === "gcp") return gcpResources(plan, state.component);
  const options: AwsFirewallOptions = { name: state.component, groups: state.groups, ...(state.renamedFrom ? { previousName: state.renamedFrom } : {}) };
  return awsResources(plan, options, state.existingIds);
}

/** Resources for a state, or undefined when kubeports refuses it before registering anything. */
function build(cloud: Cloud, state: State): ReplayResource[] | undefined {
  try {
    return resources(cloud, compile(state.layout), state);
  } catch (error) {
    if (error instanceof KubeportsError) return undefined;
    throw error;
  }
}

const editArb = (cloud: Cloud) => fc.record({ kind: fc.constantFrom(...CLOUD_KINDS[cloud]), a: fc.nat(1000), b: fc.nat(1000) });

const AZURE_RULE = "azure-native:network:SecurityRule";
/**
 * Azure edits the replay checks but kubeports cannot guarantee by construction: an option can add
 * one rule and remove another in the same NSG direction (README, "What an edit does to your cloud").
 */
const AZURE_CHECKED_ONLY = new Set(["toggleOption"]);

/** "name -> priority" for every rule step that lands on a priority another rule held before. */
function takenSlots(before: readonly ReplayResource[], steps: readonly { op: string; name: string; after?: ReplayResource }[]): string[] {
  const slot = (r: ReplayResource) => `${String(r.inputs.networkSecurityGroupName)}|${String(r.inputs.direction)}|${String(r.inputs.priority)}`;
  const held = new Map(before.filter((r) => r.type === AZURE_RULE).map((r) => [slot(r), r.name]));
  return steps.flatMap((step) => {
    if ((step.op !== "create" && step.op !== "update") || !step.after) return [];
    const holder = held.get(slot(step.after));
    return holder !== undefined && holder !== step.name ? [`${step.name} -> ${slot(step.after)} (held by ${holder})`] : [];
  });
}

const RENAMES = new Set(["renameGroup", "renameComponent", "renamePeer"]);

/** Transitions replayed per cloud and edit kind: every kind must really run, not be skipped. */
const replayed = new Map<string, number>();

function checkSequence(cloud: Cloud, caseIndex: number, edits: readonly Edit[]): void {
  const start = CASES[caseIndex % CASES.length]!;
  let state: State = { layout: start.layout, component: "lab", groups: {}, existingIds: {}, restrictEgress: edits.length % 2 === 0 };
  let current = build(cloud, state);
  fc.pre(current !== undefined);
  for (const edit of edits) {
    const next = applyEdit(state, edit);
    if (!next) continue;
    const after = build(cloud, next);
    if (!after) continue;
    const result = replay(current!, after);
    const where = `${cloud} ${start.label}: ${edit.kind}`;
    expect(result.conflict?.message, where).toBeUndefined();
    expect(result.steps.filter((step) => step.op === "replace" && step.type === "aws:ec2/securityGroup:SecurityGroup").map((step) => step.name), where).toEqual([]);
    // The rename path: on AWS a rename touches nothing but tags and descriptions (machines stay
    // attached to their groups, no rule is re-created).
    if (cloud === "aws" && RENAMES.has(edit.kind)) {
      expect(result.steps.filter((step) => step.op !== "same" && step.op !== "update").map((step) => `${step.op} ${step.name}`), where).toEqual([]);
    }
    if (cloud === "azure" && !AZURE_CHECKED_ONLY.has(edit.kind)) {
      // The guarantee itself, stronger than "the replay found no conflict": the edit only
      // creates or only deletes rules (the levelled priorities are proved safe for those), and
      // no rule is created on, or moved to, a priority another rule held before the edit.
      const rules = result.steps.filter((step) => step.type === AZURE_RULE);
      const ops = new Set(rules.map((step) => step.op));
      expect(ops.has("create") && ops.has("delete"), `${where}: creates and deletes rules`).toBe(false);
      expect(takenSlots(current!, rules), where).toEqual([]);
    }
    replayed.set(`${cloud} ${edit.kind}`, (replayed.get(`${cloud} ${edit.kind}`) ?? 0) + 1);
    state = next;
    current = after;
  }
}

describe("every edit converges in one pulumi up", () => {
  for (const cloud of ["aws", "azure", "gcp"] as const) {
    it(`${cloud}: random edit sequences on the stacks and the catalog replay with no refused step`, () => {
      // Every shipped stack first, then catalog cases.
      for (let i = 0; i < stackLayouts.length; i++) {
        fc.assert(fc.property(fc.array(editArb(cloud), { minLength: 1, maxLength: 6 }), (edits) => checkSequence(cloud, i, edits)), { numRuns: 12, seed: 13 + i });
      }
      fc.assert(
        fc.property(fc.nat(CASES.length - 1), fc.array(editArb(cloud), { minLength: 1, maxLength: 5 }), (index, edits) => checkSequence(cloud, index, edits)),
        { numRuns: 45, seed: 13 },
      );
      expect(CLOUD_KINDS[cloud].filter((kind) => !replayed.get(`${cloud} ${kind}`))).toEqual([]);
    }, 60_000);
  }
});
