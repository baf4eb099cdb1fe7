/**
 * A layout that picks a mode its documents say nothing about gets a plan warning: the plan
 * lacks the mode's ports (Super Kubenetes with Calico VXLAN opens no UDP 4789), which would
 * otherwise go unnoticed until the overlay fails.
 */
import type { PlanWarning } from "../model/plan";
import type { LayoutOptions } from "../model/options";
import type { Profile } from "../model/requirement";
import { CATALOG } from "../profiles/catalog";
import { conditionHolds } from "../model/conditions";

/** Whether `profile` has rows for `option` = `value` (a row whose condition names that value). */
function hasRowsFor(profile: Profile, option: string, value: unknown): boolean {
  return profile.rows.some((row) => {
    const expected = (row.when as Record<string, unknown> | undefined)?.[option];
    return Array.isArray(expected) ? expected.includes(value) : expected === value;
  });
}

export function undocumentedModes(profiles: readonly Profile[], options: LayoutOptions): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const profile of profiles) {
    for (const mode of profile.documentedModes ?? []) {
      const value = options[mode.option];
      if (!conditionHolds(mode.when, options) || mode.values.includes(value)) continue;
      if (profiles.some((other) => other !== profile && hasRowsFor(other, mode.option, value))) continue;
      const providers = CATALOG.filter((other) => hasRowsFor(other, mode.option, value)).map((other) => other.id);
      warnings.push({
        code: "mode-undocumented",
        group: "*",
        flow: `option:${mode.option}=${String(value)}`,
        message:
          `${profile.id} (${profile.document}) documents only ${mode.values.map((v) => JSON.stringify(v)).join(", ")}, so options.${mode.option} ${JSON.stringify(value)} opens none of that mode's ports; ` +
          (providers.length > 0 ? `add a profile with those rows to layout.profiles (${providers.join(", ")}), or use ${JSON.stringify(mode.values[0])}` : `use ${JSON.stringify(mode.values[0])}`),
      });
    }
  }
  return warnings;
}
