/**
 * A plan warning as Markdown in the report's language. World-open warnings say who opened the
 * flow from the plan's own attribution (`openedBy`): the vendor row with a link to its page, or
 * this layout's rule or peer with the layout line (and, in a diff, the line's old value). The
 * compiler's English sentence is the fallback for a warning without a flow or attribution.
 */
import type { Lang } from "../i18n/lang";
import type { Messages, OpenerParts } from "../i18n/messages.en";
import { internalServicesHit } from "../model/internalServices";
import type { AttributedWarning, Flow, Plan, WorldOpener } from "../model/plan";
import { formatPortRange } from "../model/ports";
import { documentRef } from "../profiles/documents";
import { code, escapeCell } from "./markdownText";
import { linkPart, localReason, rowText } from "./sourceLinks";

/** The ingress flow a warning is about, if the plan has it. */
export function warningFlow(warning: { readonly group: string; readonly flow: string }, plan: Plan): Flow | undefined {
  return plan.groups.find((group) => group.name === warning.group)?.ingress.find((f) => f.key === warning.flow);
}

/** An opener's layout line as a code span: `peers.admin[0]: 0.0.0.0/0`, or `... : 10.0.0.0/8 → 0.0.0.0/0` when `was` knows the old value. */
function lineText(opener: Exclude<WorldOpener, { kind: "vendor-row" }>, was: Readonly<Record<string, string>> | undefined, m: Messages): string {
  const before = was?.[opener.path];
  // A line that did not change (a new group behind a peer that was already the internet) shows its value alone.
  return code(before === undefined || before === opener.cidr ? `${opener.path}: ${opener.cidr}` : `${opener.path}: ${before || m.diff.unset} → ${opener.cidr}`);
}

export function openerParts(opener: WorldOpener, flow: Flow, m: Messages, lang: Lang, was?: Readonly<Record<string, string>>): OpenerParts {
  switch (opener.kind) {
    case "vendor-row": {
      const reason = flow.reasons.find((r) => r.profile === opener.profile && r.row === opener.row) ?? { ...opener, description: opener.row };
      const local = localReason(reason, lang);
      const source = `${linkPart(documentRef(local.document))}: ${rowText(local.documentRow)}`;
      return { kind: "vendor-row", row: code(`${opener.profile}/${opener.row}`), source };
    }
    case "layout-rule":
      return { kind: "layout-rule", rule: code(opener.rule), line: lineText(opener, was, m), ...(opener.acknowledged ? { acknowledged: escapeCell(opener.acknowledged) } : {}) };
    case "layout-peer":
      return {
        kind: "layout-peer",
        peer: code(opener.peer),
        line: lineText(opener, was, m),
        rows: opener.rows.map(code),
        ...(opener.acknowledged ? { acknowledged: escapeCell(opener.acknowledged) } : {}),
      };
  }
}

/**
 * Markdown text (already escaped). `was` maps an opener's layout path to its value on the
 * diff's before side ("" when the line did not exist), so the changed line reads old → new.
 */
export function warningText(warning: AttributedWarning, flow: Flow | undefined, m: Messages, lang: Lang = "en", was?: Readonly<Record<string, string>>): string {
  const original = escapeCell(warning.message);
  if (!flow || flow.peer.kind !== "cidr") return original;
  return m.plan.warning({
    code: warning.code,
    group: code(warning.group),
    what: `${flow.protocol.toUpperCase()}${flow.ports ? ` ${formatPortRange(flow.ports)}` : ""}`,
    cidr: flow.peer.cidr,
    openers: (warning.openedBy ?? []).map((opener) => openerParts(opener, flow, m, lang, was)),
    exposes: internalServicesHit(flow.protocol, flow.ports),
    original,
  });
}
