/**
 * Tags on every group and rule: which node group, which documents the rules come from, and
 * who manages them, so a console reader can trace any rule back to its vendor table. User
 * tags are checked against EC2's tag limits before anything is registered.
 */
import type { InputIssue } from "../model/errors";
import { stableName } from "../naming/stableName";
import { TAG_KEY_MAX, TAG_VALUE_MAX, TAGS_PER_RESOURCE_MAX } from "./awsText";

export const TAG_NAME = "Name";
export const TAG_MANAGED_BY = "managed-by";
export const TAG_NODE_GROUP = "kubeports:node-group";
export const TAG_SOURCES = "kubeports:sources";
const OWN_KEYS = [TAG_NAME, TAG_MANAGED_BY, TAG_NODE_GROUP, TAG_SOURCES];

/** A tag value within 256 characters; longer ones keep a prefix and a hash of the whole. */
export function tagValue(text: string): string {
  return stableName(text, TAG_VALUE_MAX);
}

export function kubeportsTags(name: string, group: string, documents: readonly string[], user: Readonly<Record<string, string>>): Record<string, string> {
  return {
    ...user,
    [TAG_NAME]: tagValue(name),
    [TAG_MANAGED_BY]: "kubeports",
    [TAG_NODE_GROUP]: group,
    [TAG_SOURCES]: tagValue([...new Set(documents)].sort().join(" ")),
  };
}

/** `extraKeys`: keys a component adds itself (the rancher-nodes marker tag). */
export function checkUserTags(tags: Readonly<Record<string, string>> | undefined, path: string, extraKeys: readonly string[] = []): InputIssue[] {
  if (!tags) return [];
  const issues: InputIssue[] = [];
  const reserved = [...OWN_KEYS, ...extraKeys];
  for (const [key, value] of Object.entries(tags)) {
    const at = `${path}.${key}`;
    if (reserved.includes(key)) issues.push({ path: at, message: `kubeports sets this tag itself (reserved: ${reserved.join(", ")}); use another key` });
    if (key.length === 0 || key.length > TAG_KEY_MAX) issues.push({ path: at, message: `tag keys are 1-${TAG_KEY_MAX} characters (this one has ${key.length}); shorten it` });
    if (/^aws:/i.test(key)) issues.push({ path: at, message: `the "aws:" prefix is reserved by AWS; use another key` });
    if (typeof value !== "string") issues.push({ path: at, message: `expected a string, got ${JSON.stringify(value)}` });
    else if (value.length > TAG_VALUE_MAX) issues.push({ path: at, message: `tag values are at most ${TAG_VALUE_MAX} characters (this one has ${value.length}); shorten it` });
  }
  const room = TAGS_PER_RESOURCE_MAX - reserved.length;
  const count = Object.keys(tags).length;
  if (count > room) issues.push({ path, message: `${count} tags given, but EC2 allows ${TAGS_PER_RESOURCE_MAX} per resource and kubeports adds ${reserved.length}; give at most ${room}` });
  return issues;
}
