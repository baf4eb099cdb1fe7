/**
 * The raw per-row flows of a layout, before exact merging: what a naive translation turns into
 * one rule each. The applicable rows are chosen as compile() chooses them (its helper is
 * private) with the options compile() resolved (installer defaults included); the expansion
 * itself is the compiler's own expandRows, plus the connectivity model's supplements, which a
 * naive translation would also have to open.
 */
import { conditionHolds } from "../../components/model/conditions";
import { type ExpandableRow, expandRows } from "../../components/compiler/expandRows";
import { indexGroups } from "../../components/compiler/groupIndex";
import type { RawFlow } from "../../components/compiler/rawFlow";
import { compile } from "../../components/compiler/compile";
import { supplementRawFlows } from "../../components/compiler/completeness";
import type { LayoutOptions } from "../../components/model/options";
import { resolveProfiles } from "../../components/compiler/validateLayout";
import { parseLayout } from "../../components/layout/parseLayout";
import type { Layout } from "../../components/model/layout";

function applicableRows(layout: Layout, options: LayoutOptions): ExpandableRow[] {
  const { profiles } = resolveProfiles(layout);
  const reason = (profile: string, row: string, description: string, document: string, documentRow: string) => ({ profile, row, description, document, documentRow });
  const fromProfiles = profiles.flatMap((profile) =>
    profile.rows
      .filter((row) => conditionHolds(row.when, options))
      .map((row): ExpandableRow => ({ ...row, profile: profile.id, reason: reason(profile.id, row.id, row.description, row.source.document, row.source.row), path: "layout.groups" })),
  );
  const custom = (layout.rules ?? []).map((rule, index): ExpandableRow => ({
    ...rule,
    profile: "layout",
    reason: reason("layout", rule.id, rule.description, `layout ${layout.name}`, `rules[${index}]`),
    path: `layout.rules[${index}]`,
  }));
  return [...fromProfiles, ...custom];
}

/** Every raw flow of a layout compile() accepts (call compile first: this does not validate). */
export function rawFlows(input: Layout): RawFlow[] {
  const layout = parseLayout(input);
  const { profiles } = resolveProfiles(layout);
  const optionalRoles = new Set(profiles.flatMap((p) => Object.entries(p.roles).filter(([, r]) => r.optional).map(([name]) => name)));
  const plan = compile(input);
  const rows = expandRows(applicableRows(layout, plan.options), { layout, groups: indexGroups(layout, profiles), optionalRoles }).flows;
  return [...rows, ...supplementRawFlows(plan.supplements ?? [])];
}

/** "profile/row" of every row that contributes at least one raw flow. */
export function contributingRows(layout: Layout): Set<string> {
  return new Set(rawFlows(layout).map((flow) => `${flow.reason.profile}/${flow.reason.row}`));
}
