/** A plan note as Markdown in the report's language: Korean notes are worded from the note's code and row, not its English sentence. */
import type { Lang } from "../i18n/lang";
import type { Messages } from "../i18n/messages.en";
import { koreanRow } from "../i18n/rows.ko";
import type { PlanNote } from "../model/plan";
import { code, escapeCell } from "./markdownText";

/** What the compiler's sentence names: the peer, the role or the hosts. */
const DETAIL: Readonly<Record<PlanNote["code"], RegExp>> = {
  "peer-unset": /peer "([^"]+)"/,
  "role-absent": /no node group has (.+?), so /,
  "egress-hosts": /outbound to (.+) by host name/,
  "installer-default": /^(options\.\S+ is [^,:]+)/,
};

export function noteText(note: PlanNote, m: Messages, lang: Lang): string {
  const description = lang === "ko" ? (koreanRow(note.profile, note.row)?.description ?? note.row) : note.row;
  const detail = DETAIL[note.code].exec(note.message)?.[1] ?? "";
  return m.plan.note(note.code, m.plan.noteWhere(note.profile, code(note.row)), escapeCell(note.message), escapeCell(description), escapeCell(detail));
}
