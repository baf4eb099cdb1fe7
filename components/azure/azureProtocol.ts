/**
 * Plan protocols as NSG protocols. NSG rules name Tcp, Udp, Icmp, Esp, Ah or "*" and take no
 * protocol numbers, so IP-in-IP (4) and IP protocol 94 cannot be expressed except as "*"; Calico
 * documents that Azure's network drops IP-in-IP anyway and recommends VXLAN there.
 */
import type { InputIssue } from "../model/errors";
import type { Flow, Plan, Reason } from "../model/plan";
import type { Protocol } from "../model/protocol";
import type { AzureProtocol } from "./azureRuleSpec";

const NAMED: Partial<Record<Protocol, AzureProtocol>> = { tcp: "Tcp", udp: "Udp", icmp: "Icmp", esp: "Esp", all: "*" };

const TUNNEL_NAME: Partial<Record<Protocol, string>> = { ipip: "IP-in-IP (IP protocol 4)", ipip94: "IP protocol 94" };

/** The NSG protocol for a flow, or undefined for IP-in-IP without the opt-in. */
export function azureProtocol(protocol: Protocol, allowIpInIpAsAnyProtocol: boolean): AzureProtocol | undefined {
  const named = NAMED[protocol];
  if (named) return named;
  return allowIpInIpAsAnyProtocol ? "*" : undefined;
}

/** Where a user fixes the row behind an IP-in-IP flow. */
function fixPath(plan: Plan, reason: Reason): string {
  if (reason.profile === "layout") return `layout.rules["${reason.row}"]`;
  return plan.options.cni === "calico" && plan.options.calicoMode === "ipip" ? "layout.options.calicoMode" : "layout.profiles";
}

/** One issue per documented row that needs IP-in-IP, naming the row and both ways out. */
export function tunnelIssues(plan: Plan, flows: readonly Flow[]): InputIssue[] {
  const byRow = new Map<string, InputIssue>();
  for (const flow of flows) {
    const what = TUNNEL_NAME[flow.protocol];
    if (!what) continue;
    for (const reason of flow.reasons) {
      const key = `${reason.profile}/${reason.row}/${flow.protocol}`;
      if (byRow.has(key)) continue;
      const row = reason.profile === "layout" ? `layout rule "${reason.row}"` : `${reason.profile} row "${reason.row}"`;
      byRow.set(key, {
        path: fixPath(plan, reason),
        message:
          `${row} (${reason.description}) needs ${what}, which Azure NSG rules cannot name (only Tcp, Udp, Icmp, Esp, Ah or *) ` +
          `and Azure's network drops anyway; run Calico in VXLAN mode (options.calicoMode: vxlan, UDP 4789 between nodes), ` +
          `or set allowIpInIpAsAnyProtocol: true to open every protocol between these nodes instead`,
      });
    }
  }
  return [...byRow.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, issue]) => issue);
}
