/**
 * Rule descriptions within Azure's 140 characters. The name already says direction, protocol and
 * both sides, so the description says why: the documented rows behind the rule.
 */
import { AZURE_DESCRIPTION_MAX } from "./azureNames";

/** Drops whole items (ending in "+N more") rather than cutting one mid-word. */
function fitList(head: string, items: readonly string[]): string {
  for (let shown = items.length; shown >= 0; shown--) {
    const rest = items.length - shown;
    const listed = [...items.slice(0, shown), ...(rest > 0 ? [`+${rest} more`] : [])];
    const text = listed.length > 0 ? `${head} ${listed.join(", ")}` : head;
    if (text.length <= AZURE_DESCRIPTION_MAX) return text;
  }
  return `${head.slice(0, AZURE_DESCRIPTION_MAX - 3)}...`;
}

/** "kubeports demo rows: super-kubenetes/apiserver, super-kubenetes/ssh, +2 more". */
export function describeAllow(layout: string, reasons: readonly string[]): string {
  return fitList(`kubeports ${layout} rows:`, reasons);
}

export function describeDeny(layout: string, direction: "Inbound" | "Outbound", groups: readonly string[]): string {
  const head = direction === "Inbound" ? `kubeports ${layout}: deny other VirtualNetwork inbound to` : `kubeports ${layout}: deny other outbound from`;
  return fitList(head, groups);
}
