/**
 * Where each cited document lives on the web, in one place: seed file name -> the vendor's
 * public page (where it has one), and Rancher's Hugo shortcodes -> the rendered page that
 * prints their tables. Reports turn every source into a link with this; profiles keep citing
 * seeds by file name, so the seed tests still read the verbatim copies.
 */
import { OPERATOR_ACCESS } from "./dsl";

/** A seed document's public identity: its title, its page (where it has one) and its language. */
export interface DocumentInfo {
  /** The page's own title. */
  readonly title: string;
  /** The public page the seed is a copy of; absent when none could be found. */
  readonly url?: string;
  /** The page's language: Korean reports cite Korean pages where the seed has one. */
  readonly lang: "en" | "ko";
}

/** The five seeds (test/seeds/). Super Kubenetes' pages have no public address we could find. */
export const DOCUMENTS: Readonly<Record<string, DocumentInfo>> = {
  "000_d5e27fa0bf6b16e4.txt": { title: "Super Kubenetes: Port Requirements", lang: "en" },
  "001_3bf5a380ea63b531.txt": { title: "Super Kubenetes: 포트 요구 사항", lang: "ko" },
  // The seed is the page's text; the same page is published under /en/install/commercial/.
  "002_11a7d37e648c88ee.txt": { title: "DCE 5.0: Port Requirements", url: "https://docs.daocloud.io/en/install/commercial/port-requirements", lang: "en" },
  "003_28c0748e70da3eff.txt": { title: "Apinizer: Access and Port Requirements", url: "https://docs.apinizer.com/en/setup/access-and-port-requirements", lang: "en" },
  // rancher/docs content/rancher/v2.x/en/installation/requirements/ports/_index.md, rendered.
  "004_4e84222665e307a4.txt": { title: "Rancher v2.x: Port Requirements", url: "https://rancher.com/docs/rancher/v2.x/en/installation/requirements/ports/", lang: "en" },
};

/**
 * Sources that are no page: rows kubeports adds so every profile reads the same (operators'
 * SSH from the shared `admin` peer). They cite this instead of a vendor page, say so in their
 * note, and reports print the citation as words, never as a link to a page that lacks the row.
 */
export const NOT_A_PAGE: ReadonlySet<string> = new Set([OPERATOR_ACCESS]);

/** The rendered page that prints the table a Rancher shortcode stands for. */
const RANCHER_DOWNSTREAM =
  "https://ranchermanager.docs.rancher.com/getting-started/installation-and-upgrade/installation-requirements/port-requirements#downstream-kubernetes-cluster-nodes";

/** Rancher's port-table shortcodes (seed 004 cites them unexpanded) -> the page that renders them. */
export const SHORTCODES: Readonly<Record<string, {
  /** What the shortcode's table shows. */
  readonly title: string;
  /** The rendered page that shows it. */
  readonly url: string;
}>> = {
  "ports-iaas-nodes": { title: "Rancher: ports for nodes in node pools", url: RANCHER_DOWNSTREAM },
  "ports-custom-nodes": { title: "Rancher: ports for custom nodes", url: RANCHER_DOWNSTREAM },
  "ports-imported-hosted": { title: "Rancher: ports for hosted and imported clusters", url: RANCHER_DOWNSTREAM },
};

const SHORTCODE = /\(?\{\{<\s*([a-z0-9-]+)\s*>\}\}\)?/g;

/** A piece of source text: plain words, or words with the page they name. */
export type SourcePart = { readonly text: string; readonly url?: string };

/** A document name as a title and URL: a seed's public page, a URL as itself, anything else as text. */
export function documentRef(document: string): SourcePart {
  if (NOT_A_PAGE.has(document)) return { text: document };
  const seed = DOCUMENTS[document];
  if (seed) return seed.url ? { text: seed.title, url: seed.url } : { text: `${seed.title} (${document})` };
  if (/^https?:\/\//.test(document)) return { text: document.replace(/^https?:\/\//, "").replace(/[#?].*$/, "").replace(/\/$/, ""), url: document };
  return { text: document };
}

/** Row words with raw Hugo shortcodes (`{{< ports-iaas-nodes >}}`) turned into links to the rendered page. */
export function rowParts(row: string): SourcePart[] {
  const parts: SourcePart[] = [];
  let last = 0;
  for (const match of row.matchAll(SHORTCODE)) {
    const known = SHORTCODES[match[1]!];
    if (!known) continue;
    const before = row.slice(last, match.index).replace(/\s+$/, "");
    if (before) parts.push({ text: before });
    parts.push({ text: known.title, url: known.url });
    last = match.index! + match[0].length;
  }
  const rest = row.slice(last);
  if (rest.trim()) parts.push({ text: rest });
  return parts;
}
