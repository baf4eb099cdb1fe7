/** Rule descriptions: who, what and the documented rows behind it, within GCP's 2048 characters. */
import type { Flow, Reason } from "../model/plan";
import type { GcpPeer } from "./gcpRuleSpec";

export const MAX_DESCRIPTION = 2048;

function peerText(peer: GcpPeer): string {
  if (peer.kind === "groups") return `node group${peer.groups.length > 1 ? "s" : ""} ${peer.groups.join(", ")}`;
  if (peer.kind === "ranges") return `${peer.label} (${peer.ranges.join(", ")})`;
  return peer.fqdns.join(", ");
}

function uniqueReasons(flows: readonly Flow[]): Reason[] {
  const byKey = new Map<string, Reason>();
  for (const flow of flows) for (const reason of flow.reasons) byKey.set(`${reason.profile}/${reason.row}`, reason);
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, reason]) => reason);
}

/**
 * "kubeports demo: workers accepts from node group masters. Rows: apinizer/m2w-kubelet (Kubelet API); ...".
 * When the rows do not fit, the list ends in "and N more" rather than being cut mid-word.
 */
export function describeRule(layout: string, group: string, direction: "INGRESS" | "EGRESS", peer: GcpPeer, flows: readonly Flow[]): string {
  const head = `kubeports ${layout}: ${group} ${direction === "INGRESS" ? "accepts from" : "sends to"} ${peerText(peer)}.`;
  const rows = uniqueReasons(flows).map((r) => `${r.profile}/${r.row} (${r.description})`);
  if (rows.length === 0) return fit(head);
  let text = `${head} Rows: ${rows.join("; ")}`;
  for (let shown = rows.length - 1; text.length > MAX_DESCRIPTION && shown >= 0; shown--) {
    text = `${head} Rows: ${[...rows.slice(0, shown), `and ${rows.length - shown} more`].join("; ")}`;
  }
  return fit(text);
}

/** Last resort for a head that is itself too long (thousands of CIDRs or host names). */
function fit(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 3)}...`;
}
