/**
 * Size limits of one layout, checked before the work they bound: the file size before the YAML
 * parser reads it, the counts before the schema walks every entry. Each is far above any
 * real cluster (a cloud firewall holds a few hundred rules) and keeps a mistaken or hostile
 * input from costing minutes.
 */
import type { InputIssue } from "../model/errors";

export const LAYOUT_LIMITS = {
  /** Bytes of a layout file. */
  fileBytes: 1024 * 1024,
  /** Node groups: compile time grows linearly, and the bench compiles 30,000 groups in seconds. */
  groups: 50_000,
  /** Entries of `rules`. */
  rules: 1_000,
  /** Named peers, and CIDRs in one peer. */
  peers: 1_000,
} as const;

function count(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === "object" && value !== null) return Object.keys(value).length;
  return 0;
}

/** Counts over the limits in a parsed layout value (anything: the schema checks the rest). */
export function layoutLimitIssues(input: unknown, root = "layout"): InputIssue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const layout = input as Record<string, unknown>;
  const issues: InputIssue[] = [];
  const over = (field: "groups" | "rules" | "peers", limit: number, what: string) => {
    const n = count(layout[field]);
    if (n > limit) issues.push({ path: `${root}.${field}`, message: `${n} ${what} is more than the ${limit} one layout may hold (split the layout, or merge entries)` });
  };
  over("groups", LAYOUT_LIMITS.groups, "node groups");
  over("rules", LAYOUT_LIMITS.rules, "rules");
  over("peers", LAYOUT_LIMITS.peers, "peers");
  if (typeof layout.peers === "object" && layout.peers !== null) {
    for (const [name, cidrs] of Object.entries(layout.peers)) {
      if (Array.isArray(cidrs) && cidrs.length > LAYOUT_LIMITS.peers) {
        issues.push({ path: `${root}.peers.${name}`, message: `${cidrs.length} CIDRs is more than the ${LAYOUT_LIMITS.peers} one peer may hold (summarise them into wider prefixes)` });
      }
    }
  }
  return issues;
}
