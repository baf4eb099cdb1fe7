/**
 * The text AWS shows for groups and rules: rule descriptions built from the plan's reasons,
 * group names and group descriptions, all within AWS's character sets and lengths. Text that
 * cannot be made to fit becomes an issue pointing at the field that holds it.
 */
import type { InputIssue } from "../model/errors";
import type { Plan, Reason } from "../model/plan";
import type { AwsFirewallOptions, AwsGroupOptions } from "./awsSpec";
import {
  GROUP_DESCRIPTION_MAX,
  GROUP_NAME_MAX,
  GROUP_TEXT_CHARS,
  RULE_DESCRIPTION_CHARS,
  cleanText,
  describeChars,
  fitDescription,
} from "./awsText";

/** Where a reason's text comes from, so an error points at the text to change. */
function reasonPath(reason: Reason, field: "description" | "document"): string {
  if (reason.profile === "layout") return field === "description" ? `layout.rules["${reason.row}"].description` : "layout.name";
  return `profiles.${reason.profile}.rows.${reason.row}.${field === "description" ? "description" : "source.document"}`;
}

function clean(text: string, path: string, allowed: RegExp, issues: InputIssue[]): string {
  const result = cleanText(text, allowed);
  if (result.rejected.length > 0) {
    issues.push({
      path,
      message: `"${text}" has characters AWS does not accept in security group text: ${describeChars(result.rejected)} (allowed: a-z A-Z 0-9, space and ._-:/()#,@[]+=${allowed === GROUP_TEXT_CHARS ? "&" : ""};{}!$*); write it in ASCII`,
    });
  }
  return result.text;
}

/** "etcd, apiserver (super-kubenetes 000_d5e27fa0bf6b16e4.txt); ..." within AWS's set and 255 characters. */
export function ruleDescription(plan: Plan, reasons: readonly Reason[], issues: InputIssue[]): string {
  const entries = new Map<string, string[]>();
  for (const reason of reasons) {
    const description = clean(reason.description, reasonPath(reason, "description"), RULE_DESCRIPTION_CHARS, issues);
    const document = clean(reason.document, reasonPath(reason, "document"), RULE_DESCRIPTION_CHARS, issues);
    // Layout rules already say "layout <name>" in their document.
    const where = reason.profile === "layout" ? document : `${clean(reason.profile, `plan.profiles.${reason.profile}`, RULE_DESCRIPTION_CHARS, issues)} ${document}`;
    const list = entries.get(where) ?? [];
    if (!list.includes(description)) list.push(description);
    entries.set(where, list);
  }
  const text = [...entries].map(([where, descriptions]) => `${descriptions.join(", ")} (${where})`).join("; ");
  return fitDescription(text || `kubeports plan ${plan.layout}`);
}

export function groupName(group: string, given: AwsGroupOptions, options: AwsFirewallOptions, issues: InputIssue[]): string {
  const explicit = given.name !== undefined;
  const name = given.name ?? `${options.name}-${group}`;
  const path = explicit ? `args.groups.${group}.name` : "name";
  const fix = explicit ? "choose another name" : `rename the component or set args.groups.${group}.name`;
  if (name.length === 0 || name.length > GROUP_NAME_MAX) issues.push({ path, message: `security group name "${name}" must be 1-${GROUP_NAME_MAX} characters (it has ${name.length}); ${fix}` });
  if (/^sg-/i.test(name)) issues.push({ path, message: `security group name "${name}" starts with "sg-", which AWS reserves for group ids; ${fix}` });
  const bad = [...new Set([...name].filter((char) => !GROUP_TEXT_CHARS.test(char)))];
  if (bad.length > 0) issues.push({ path, message: `security group name "${name}" has characters AWS rejects: ${describeChars(bad)} (allowed: a-z A-Z 0-9, space and ._-:/()#,@[]+=&;{}!$*); ${fix}` });
  return name;
}

/** Never mentions roles or options: AWS replaces a group whose description changes. */
export function groupDescription(group: string, options: AwsFirewallOptions, issues: InputIssue[]): string {
  const text = clean(`kubeports node group ${group} (${options.name})`, "name", GROUP_TEXT_CHARS, issues);
  return text.slice(0, GROUP_DESCRIPTION_MAX);
}
