/**
 * Every problem of one layout in one pass: size limits first (they bound the work), then the
 * schema and the references together. Where the schema fails, references are checked on the
 * parts that passed it (salvageLayout), so a typo in one place does not hide an unknown role
 * in another. Throws one KubeportsError with everything, or returns the valid layout.
 */
import { KubeportsError, type InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import type { LayoutOptions } from "../model/options";
import type { PlanNote } from "../model/plan";
import { applyInstallerDefaults } from "../connectivity/installerDefaults";
import { podCidrIssues } from "../connectivity/podRouting";
import type { Profile } from "../model/requirement";
import { formatZodIssues } from "../layout/formatZodIssues";
import { layoutLimitIssues } from "../layout/layoutLimits";
import { salvageLayout } from "../layout/salvageLayout";
import { layoutSchema } from "../layout/schema";
import { contradictoryOptions, resolveOptions } from "./resolveOptions";
import { resolveProfiles, validateReferences } from "./validateLayout";
import { validateRules } from "./validateRules";

export interface CheckedLayout {
  readonly layout: Layout;
  readonly profiles: Profile[];
  /** Options resolved: the layout's, then installer defaults for what it leaves unset, then the profiles' and kubeports' defaults. */
  readonly options: LayoutOptions;
  /** One `installer-default` note per option an installer's documented default decided. */
  readonly installerNotes: readonly PlanNote[];
}

function fail(name: unknown, issues: readonly InputIssue[]): never {
  const byKey = new Map(issues.map((issue) => [`${issue.path}|${issue.message}`, issue]));
  throw new KubeportsError(`Invalid layout "${typeof name === "string" ? name : ""}"`, [...byKey.values()]);
}

export function checkLayout(input: unknown): CheckedLayout {
  const name = typeof input === "object" && input !== null ? (input as { name?: unknown }).name : undefined;
  const limits = layoutLimitIssues(input);
  if (limits.length > 0) fail(name, limits);

  const parsed = layoutSchema.safeParse(input, { reportInput: true });
  if (parsed.success) {
    const layout = parsed.data as Layout;
    const { profiles, issues } = resolveProfiles(layout);
    if (issues.length > 0) fail(name, issues);
    const installer = applyInstallerDefaults(layout, resolveOptions(layout, profiles));
    const options = installer.options;
    const checks = [
      ...validateReferences(layout, profiles),
      ...validateRules(layout),
      ...contradictoryOptions(layout, options),
      ...podCidrIssues(layout, options),
    ];
    if (checks.length > 0) fail(name, checks);
    return { layout, profiles, options, installerNotes: installer.notes };
  }

  const issues = formatZodIssues("layout", parsed.error);
  const salvaged = salvageLayout(input);
  if (salvaged) {
    const { layout, profilesComplete, optionsValid, peersOfInvalidRules } = salvaged;
    const resolved = resolveProfiles(layout);
    issues.push(...resolved.issues, ...validateRules(layout));
    // Roles, peers and kinds come from the profiles: judge them only when every profile is known.
    if (profilesComplete && resolved.issues.length === 0) {
      issues.push(...validateReferences(layout, resolved.profiles, peersOfInvalidRules));
      if (optionsValid) issues.push(...contradictoryOptions(layout, resolveOptions(layout, resolved.profiles)));
    }
  }
  fail(name, issues);
}
