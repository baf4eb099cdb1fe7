/**
 * The pull-request comment as a reviewer sees it: the Markdown diff of a realistic change to
 * the rancher-aws stack (a GPU worker pool added, the workload clients' peer widened to the
 * internet, the API clients' peer changed where no row uses it) rendered to HTML with `marked`
 * and its ```mermaid block drawn by the real mermaid library in Chromium, as GitHub does.
 * The screenshot goes to .out/report/; with KUBEPORTS_DOCS=1 it also replaces docs/pr-diff-rancher-aws.png.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { marked } from "marked";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMarkdown } from "../components/diff/diffMarkdown";
import { diffPlans } from "../components/diff/diffPlans";
import type { Lang } from "../components/i18n/lang";
import { editedCluster, ROOT, stackPlan } from "./diff-fixtures";

const CHROMIUM = "/usr/bin/chromium";
const MERMAID = path.join(ROOT, "node_modules/mermaid/dist/mermaid.min.js");
const OUT = path.join(ROOT, ".out/report");
const DOC = path.join(ROOT, "docs/pr-diff-rancher-aws.png");

/** The pull request: what a reviewer would see proposed for stacks/clusters/rancher-aws.yaml. */
export function rancherPullRequest(lang: Lang = "en"): string {
  const file = editedCluster("rancher-aws", (cluster) => {
    cluster.layout.groups["gpu-workers"] = { roles: ["worker"], cluster: "downstream" };
    cluster.machines["gpu-workers"] = { size: "g5.xlarge", image: "ami-0c7217cdde317cfec", count: 2, provisionedBy: "rancher" };
    cluster.layout.peers.workloadClients = ["0.0.0.0/0"];
    cluster.layout.peers.apiClients = ["198.51.100.0/23"];
  });
  const diff = diffPlans({ label: "main", plan: stackPlan("rancher-aws") }, { label: "gpu-pool", plan: stackPlan("rancher-aws", { "kubeports:clusterFile": file }) });
  return diffMarkdown(diff, lang);
}

/** What GitHub does with a comment: Markdown to HTML (a line break is a break, as in comments), ```mermaid blocks handed to mermaid. */
function html(markdown: string): string {
  const body = (marked.parse(markdown, { async: false, gfm: true, breaks: true }) as string).replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    (_, source: string) => `<pre class="mermaid">${source}</pre>`,
  );
  const css = `body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,"Noto Sans CJK KR","NanumGothic","Noto Sans",sans-serif;color:#1f2328;max-width:1000px;margin:24px auto;padding:0 16px}
    table{border-collapse:collapse;margin:8px 0 16px;display:block;overflow:auto}th,td{border:1px solid #d0d7de;padding:4px 10px;vertical-align:top}
    tr:nth-child(2n){background:#f6f8fa}code{background:#eff1f3;border-radius:4px;padding:1px 4px;font-size:85%}
    h1{border-bottom:1px solid #d8dee4;padding-bottom:6px}h2{border-bottom:1px solid #d8dee4;padding-bottom:4px;margin-top:28px}a{color:#0969da;text-decoration:none}pre.mermaid{background:#fff;text-align:center}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Rendering the report needs Chromium at ${CHROMIUM}; install it with: apt-get install chromium (.ci/run does this).`);
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface RenderedPage {
  mermaid: { initialize(config: Record<string, unknown>): void; run(options: { querySelector: string }): Promise<void> };
  document: { querySelectorAll(selector: string): { length: number } };
}

async function screenshot(markdown: string, name: string): Promise<{ diagrams: number; errors: number; links: number }> {
  const page = await browser.newPage({ viewport: { width: 1040, height: 900 } });
  try {
    await page.setContent(html(markdown));
    await page.addScriptTag({ path: MERMAID });
    const drawn = await page.evaluate(async () => {
      const w = globalThis as unknown as RenderedPage;
      w.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
      await w.mermaid.run({ querySelector: "pre.mermaid" });
      return {
        diagrams: w.document.querySelectorAll("pre.mermaid svg g.node").length > 0 ? w.document.querySelectorAll("pre.mermaid svg").length : 0,
        errors: w.document.querySelectorAll("svg .error-icon, svg .error-text").length,
        links: w.document.querySelectorAll("td a[href^='https://']").length,
      };
    });
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
    return drawn;
  } finally {
    await page.close();
  }
}

describe("the Markdown diff of a realistic pull request, rendered", () => {
  it("draws its Mermaid picture, links its sources and says who opened the internet", async () => {
    const markdown = rancherPullRequest();
    expect(markdown.match(/```mermaid\n/g)).toHaveLength(1);
    expect(markdown).toContain("this layout's peer: `peers.workloadClients[0]: 10.0.0.0/16 → 0.0.0.0/0`");
    expect(markdown).toContain("| `peers.apiClients[0]` | `198.51.100.0/24` | `198.51.100.0/23` | **no rule changed** |");
    const drawn = await screenshot(markdown, "pr-diff-rancher-aws");
    expect(drawn).toMatchObject({ diagrams: 1, errors: 0 });
    expect(drawn.links).toBeGreaterThan(20);
    if (process.env.KUBEPORTS_DOCS === "1") copyFileSync(path.join(OUT, "pr-diff-rancher-aws.png"), DOC);
  });

  it("renders in Korean too", async () => {
    const drawn = await screenshot(rancherPullRequest("ko"), "pr-diff-rancher-aws-ko");
    expect(drawn).toMatchObject({ diagrams: 1, errors: 0 });
  });
});
