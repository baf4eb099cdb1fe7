/**
 * The "Why" and "Source" cells as Markdown: every document a link to the vendor's page (seeds by
 * their public URL, raw Rancher shortcodes by the rendered page), every row description in the
 * report's language. Super Kubenetes rows in Korean cite the Korean page in its own words.
 */
import { supplementOmittedBy } from "../compiler/completeness";
import type { Lang } from "../i18n/lang";
import { koreanRow } from "../i18n/rows.ko";
import type { Reason } from "../model/plan";
import { documentRef, rowParts, type SourcePart } from "../profiles/documents";
import { escapeCell } from "./markdownText";

/** `[text](url)`, the text escaped for a table cell; plain escaped text without a URL. */
export function linkPart(part: SourcePart): string {
  const text = escapeCell(part.text).replace(/([[\]])/g, "\\$1");
  return part.url ? `[${text}](${part.url.replace(/\)/g, "%29").replace(/ /g, "%20")})` : text;
}

/** Row words and links in reading order: a space between them, none before punctuation. */
export function rowText(row: string): string {
  return rowParts(row).reduce((out, part, index) => {
    const text = linkPart(part);
    if (index === 0) return text;
    return /^[,.;:)]/.test(part.text) ? `${out}${text}` : `${out} ${text}`;
  }, "");
}

/** The reason as the report's language cites it: description, document and row words. */
export function localReason(reason: Reason, lang: Lang): Pick<Reason, "description" | "document" | "documentRow"> {
  if (lang === "ko") {
    const ko = koreanRow(reason.profile, reason.row);
    if (ko) {
      // A supplement says, in Korean too, which profiles left the requirement out.
      const omittedBy = supplementOmittedBy(reason);
      const description = omittedBy ? `${ko.description} (보충: ${omittedBy.join(", ")}에 없음)` : ko.description;
      return { description, document: ko.source?.document ?? reason.document, documentRow: ko.source?.row ?? reason.documentRow };
    }
  }
  return reason;
}

/** Row descriptions, each once, in reason order, in `lang`. */
export function whyLines(reasons: readonly Reason[], lang: Lang): string[] {
  return [...new Set(reasons.map((reason) => escapeCell(localReason(reason, lang).description)))];
}

/** One line per document: the document as a link, then its rows (shortcodes as links). */
export function sourceLines(reasons: readonly Reason[], lang: Lang): string[] {
  const byDocument = new Map<string, string[]>();
  for (const reason of reasons) {
    const local = localReason(reason, lang);
    const rows = byDocument.get(local.document) ?? [];
    if (!rows.includes(local.documentRow)) rows.push(local.documentRow);
    byDocument.set(local.document, rows);
  }
  return [...byDocument].map(([document, rows]) => `${linkPart(documentRef(document))}: ${rows.map(rowText).join("; ")}`);
}

/** A document name as a Markdown link (or text when it has no public page). */
export function documentLink(document: string): string {
  return linkPart(documentRef(document));
}
