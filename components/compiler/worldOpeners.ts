/**
 * Who opened a world flow: for each row behind it, the party that put 0.0.0.0/0 or ::/0 there.
 * A vendor row that prints the CIDR prescribes it; a vendor row that names a peer only asks for
 * that peer, and this layout's peer value is what opens it; a layout rule's own `cidrs` open it
 * on the layout's word. Read from the rows and the layout, never guessed from labels.
 */
import { parseCidr } from "../model/cidr";
import type { Layout } from "../model/layout";
import type { Flow, WorldOpener } from "../model/plan";
import type { Party, Profile } from "../model/requirement";

export interface OpenerContext {
  readonly layout: Layout;
  readonly profiles: readonly Profile[];
}

const ORDER: Readonly<Record<WorldOpener["kind"], number>> = { "vendor-row": 0, "layout-rule": 1, "layout-peer": 2 };

function sameCidr(text: string, cidr: string): boolean {
  try {
    return parseCidr(text).cidr === cidr;
  } catch {
    return false;
  }
}

export function worldOpeners(flow: Flow, ctx: OpenerContext): WorldOpener[] {
  if (flow.peer.kind !== "cidr") return [];
  const cidr = flow.peer.cidr;
  const openers: WorldOpener[] = [];
  const peerOpener = (party: Party, rowRef: string, acknowledged?: string) => {
    if (!("peer" in party)) return;
    const index = (ctx.layout.peers?.[party.peer] ?? []).findIndex((text) => sameCidr(text, cidr));
    if (index < 0) return;
    const path = `peers.${party.peer}[${index}]`;
    const existing = openers.find((o) => o.kind === "layout-peer" && o.path === path);
    if (existing && existing.kind === "layout-peer") {
      if (!existing.rows.includes(rowRef)) (existing.rows as string[]).push(rowRef);
      return;
    }
    openers.push({ kind: "layout-peer", peer: party.peer, path, cidr, rows: [rowRef], ...(acknowledged ? { acknowledged } : {}) });
  };

  for (const reason of flow.reasons) {
    if (reason.profile === "layout") {
      const index = (ctx.layout.rules ?? []).findIndex((rule) => rule.id === reason.row);
      const rule = ctx.layout.rules?.[index];
      if (!rule) continue;
      rule.from.forEach((party, j) => {
        if ("cidrs" in party) {
          const k = party.cidrs.findIndex((text) => sameCidr(text, cidr));
          const ack = rule.allowInternet ? { acknowledged: rule.allowInternet } : {};
          if (k >= 0) openers.push({ kind: "layout-rule", rule: rule.id, path: `rules[${index}].from[${j}].cidrs[${k}]`, cidr, ...ack });
        } else peerOpener(party, `layout/${rule.id}`, rule.allowInternet);
      });
      continue;
    }
    const row = ctx.profiles.find((p) => p.id === reason.profile)?.rows.find((r) => r.id === reason.row);
    if (!row) continue;
    for (const party of row.from) {
      if ("cidrs" in party && party.cidrs.some((text) => sameCidr(text, cidr))) {
        if (!openers.some((o) => o.kind === "vendor-row" && o.profile === reason.profile && o.row === reason.row)) {
          openers.push({ kind: "vendor-row", profile: reason.profile, row: reason.row, document: reason.document, documentRow: reason.documentRow });
        }
      } else peerOpener(party, `${reason.profile}/${reason.row}`);
    }
  }
  return openers.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * The openers in one English clause each, for the compiler's warning message. A layout's
 * acknowledgement is said once, after them ("The layout allows it: ..."), not per opener.
 */
export function openerText(opener: WorldOpener): string {
  switch (opener.kind) {
    case "vendor-row":
      return `the vendor document prescribes it: ${opener.profile} row ${opener.row}, ${opener.document} (${opener.documentRow})`;
    case "layout-rule":
      return `this layout's own rule ${opener.rule} sets ${opener.path}: ${opener.cidr}`;
    case "layout-peer":
      return `this layout sets ${opener.path}: ${opener.cidr}, and ${opener.rows.join(", ")} ${opener.rows.length === 1 ? "names" : "name"} peer ${opener.peer}`;
  }
}
