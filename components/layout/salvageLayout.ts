/**
 * The parts of a layout that passed the schema, kept where they were, so reference checks
 * (unknown roles, peers, clusters, rule ids) can run on a layout that also has schema errors
 * and a user sees every problem at once. Only used to find more problems; never compiled.
 */
import type { ProfileId, RoleName } from "../model/catalogTypes";
import type { CustomRule, Layout, NodeGroup } from "../model/layout";
import { GROUP_NAME, layoutSchema } from "./schema";

export interface SalvagedLayout {
  readonly layout: Layout;
  /** Every profile entry is a string: role and peer names can be judged. */
  readonly profilesComplete: boolean;
  /** The options passed the schema: option combinations can be judged. */
  readonly optionsValid: boolean;
  /** Peer names that rules failing the schema still mention: not "unused". */
  readonly peersOfInvalidRules: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The valid items of a list at their own indexes (a sparse array), so issue paths such as
 * `layout.rules[3]` stay right; forEach, map and flatMap skip the holes.
 */
function keepAtIndex<T>(list: readonly unknown[], keep: (item: unknown) => T | undefined): T[] {
  const kept: T[] = [];
  list.forEach((item, index) => {
    const value = keep(item);
    if (value !== undefined) kept[index] = value;
  });
  return kept;
}

const nonEmptyString = (item: unknown) => (typeof item === "string" && item.length > 0 ? item : undefined);

function partyPeers(party: unknown): string[] {
  return isRecord(party) && typeof party.peer === "string" ? [party.peer] : [];
}

export function salvageLayout(input: unknown): SalvagedLayout | undefined {
  if (!isRecord(input)) return undefined;
  const shape = layoutSchema.shape;
  const profiles = Array.isArray(input.profiles) ? keepAtIndex(input.profiles, nonEmptyString) : [];
  const options = shape.options.safeParse(input.options);
  const clusterEntries = Object.entries(isRecord(input.clusters) ? input.clusters : {});
  // A misspelt cluster name would make every group in it "unknown": judge group clusters only when the names are valid.
  const clusterNamesValid = clusterEntries.every(([name]) => GROUP_NAME.test(name));
  const clusters = Object.fromEntries(
    clusterEntries.flatMap(([name, cluster]) => (isRecord(cluster) && typeof cluster.kind === "string" ? [[name, { kind: cluster.kind }]] : [])),
  );
  const groups: Record<string, NodeGroup> = {};
  for (const [name, group] of Object.entries(isRecord(input.groups) ? input.groups : {})) {
    const roles = isRecord(group) && Array.isArray(group.roles) ? keepAtIndex(group.roles, nonEmptyString) : [];
    const cluster = clusterNamesValid && isRecord(group) && typeof group.cluster === "string" ? group.cluster : undefined;
    groups[name] = { roles: roles as RoleName[], ...(cluster !== undefined ? { cluster } : {}) };
  }
  const peers = Object.fromEntries(
    Object.entries(isRecord(input.peers) ? input.peers : {}).map(([name, cidrs]) => [
      name,
      Array.isArray(cidrs) ? cidrs.filter((cidr): cidr is string => typeof cidr === "string") : [],
    ]),
  );
  const ruleSchema = shape.rules.unwrap().element;
  const rawRules = Array.isArray(input.rules) ? input.rules : [];
  const rules = keepAtIndex(rawRules, (rule) => {
    const parsed = ruleSchema.safeParse(rule);
    return parsed.success ? (parsed.data as CustomRule) : undefined;
  });
  const peersOfInvalidRules = rawRules
    .filter((rule, index) => rules[index] === undefined && isRecord(rule))
    .flatMap((rule) => [...(Array.isArray(rule.from) ? rule.from.flatMap(partyPeers) : []), ...partyPeers(rule.to)]);
  return {
    layout: {
      name: typeof input.name === "string" ? input.name : "",
      profiles: profiles as ProfileId[],
      ...(options.success && options.data ? { options: options.data } : {}),
      clusters,
      groups,
      peers,
      rules,
    },
    profilesComplete: Array.isArray(input.profiles) && input.profiles.length > 0 && input.profiles.every((id) => nonEmptyString(id) !== undefined),
    optionsValid: options.success,
    peersOfInvalidRules,
  };
}
