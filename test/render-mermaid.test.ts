/**
 * The Mermaid diagrams really render: the plan of every stack and the diff of real stack
 * pairs go through the real `mermaid` library in headless Chromium (the same code GitHub runs
 * for ```mermaid blocks), and any parse or render error fails the test. Each rendered SVG
 * must hold one drawn node per declared node and one drawn edge per declared edge, and is
 * saved as .out/diagrams/<name>.png for a person to look at.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMermaid } from "../components/diff/diffMermaid";
import { diffPlans } from "../components/diff/diffPlans";
import type { Lang } from "../components/i18n/lang";
import { compile } from "../components/compiler/compile";
import { planMermaid } from "../components/reports/planMermaid";
import { editedCluster, ROOT, stackPlan, STACKS } from "./diff-fixtures";

const CHROMIUM = "/usr/bin/chromium";
const MERMAID = path.join(ROOT, "node_modules/mermaid/dist/mermaid.min.js");
const OUT = path.join(ROOT, ".out/diagrams");

/** What the page holds once mermaid.min.js has run; the test project has no DOM types. */
interface MermaidPage {
  mermaid: {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
  };
  document: {
    body: { innerHTML: string };
    querySelectorAll(selector: string): { length: number };
    querySelector(selector: string): { getBoundingClientRect(): { width: number; height: number } } | null;
  };
}

let browser: Browser;
let page: Page;
let renders = 0;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Rendering the Mermaid diagrams needs Chromium at ${CHROMIUM}, which is missing. Install it with: sudo apt-get install chromium (Debian/Ubuntu; .ci/run does this). The test never downloads a browser.`);
  }
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.setContent("<!doctype html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => {
    (globalThis as unknown as MermaidPage).mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default" });
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Declared nodes and edges, counted from the source text the way the diagram functions write them. */
function declared(text: string): { nodes: number; edges: number } {
  const lines = text.split("\n").map((line) => line.trim());
  return {
    nodes: lines.filter((line) => /^[A-Za-z0-9_]+(\[|\(|\(\[)"/.test(line)).length,
    edges: lines.filter((line) => /^[A-Za-z0-9_]+ (<?-->|<?-\.->|<?==>)\|"/.test(line)).length,
  };
}

/** Renders `text` with mermaid in the page, checks what was drawn, and saves a PNG of it. */
async function render(name: string, text: string): Promise<{ nodes: number; edges: number; width: number; height: number }> {
  renders += 1;
  const drawn = await page.evaluate(
    async ({ id, source }) => {
      const w = globalThis as unknown as MermaidPage;
      w.document.body.innerHTML = "";
      const { svg } = await w.mermaid.render(id, source);
      w.document.body.innerHTML = svg;
      const box = w.document.querySelector("svg")!.getBoundingClientRect();
      return {
        nodes: w.document.querySelectorAll("svg g.node").length,
        edges: w.document.querySelectorAll("svg path.flowchart-link").length,
        errors: w.document.querySelectorAll("svg .error-icon, svg .error-text").length,
        width: box.width,
        height: box.height,
      };
    },
    { id: `diagram${renders}`, source: text },
  );
  expect(drawn.errors, `${name}: mermaid drew its error picture`).toBe(0);
  await page.locator("svg").first().screenshot({ path: path.join(OUT, `${name}.png`) });
  return drawn;
}

async function expectRenders(name: string, text: string): Promise<void> {
  const drawn = await render(name, text);
  const want = declared(text);
  expect(want.edges, `${name}: the source declares edges`).toBeGreaterThan(0);
  expect({ nodes: drawn.nodes, edges: drawn.edges }, name).toEqual(want);
  expect(drawn.width).toBeGreaterThan(100);
  expect(drawn.height).toBeGreaterThan(50);
}

describe("plan --format mermaid renders for every stack", () => {
  it.each(STACKS)("%s", async (stack) => {
    await expectRenders(`plan-${stack}`, planMermaid(stackPlan(stack)));
  });

  it("renders in Korean too (dce5-azure, clusters as subgraphs)", async () => {
    const lang: Lang = "ko";
    await expectRenders("plan-dce5-azure-ko", planMermaid(stackPlan("dce5-azure"), lang));
  });
});

/** DCE 5.0 with ten node groups: a global cluster and two worker clusters with several pools each. */
export const TEN_GROUPS = {
  name: "dce5-ten-groups",
  profiles: ["dce5"],
  options: { cni: "calico", calicoMode: "vxlan", metallb: true, insight: true },
  clusters: { global: { kind: "global" }, prod: { kind: "worker" }, stage: { kind: "worker" } },
  groups: {
    bootstrap: { roles: ["bootstrap"] },
    registry: { roles: ["registry"] },
    "global-masters": { roles: ["controlPlane"], cluster: "global" },
    "global-workers": { roles: ["worker"], cluster: "global" },
    "prod-masters": { roles: ["controlPlane"], cluster: "prod" },
    "prod-general": { roles: ["worker"], cluster: "prod" },
    "prod-gpu": { roles: ["worker"], cluster: "prod" },
    "stage-masters": { roles: ["controlPlane"], cluster: "stage" },
    "stage-general": { roles: ["worker"], cluster: "stage" },
    "stage-gpu": { roles: ["worker"], cluster: "stage" },
  },
  peers: { admin: ["203.0.113.0/24"], apiClients: ["203.0.113.0/24"], consoleUsers: ["198.51.100.0/24"], workloadClients: ["10.20.0.0/16"] },
};

describe("a plan of ten node groups stays readable", () => {
  it("says what every group of a cluster exchanges once, and draws one arrow per cluster where all its groups agree", async () => {
    const plan = compile(TEN_GROUPS);
    const text = planMermaid(plan);
    const arrows = text.split("\n").filter((line) => / <?-->\|"/.test(line));
    // One arrow per (sender, receiver) pair would be 90 labelled arrows; the picture draws fewer than 40.
    const pairs = new Set(plan.groups.flatMap((g) => g.ingress.map((f) => `${JSON.stringify(f.peer.kind === "group" ? f.peer.group : f.peer)}>${g.name}`)));
    expect(pairs.size).toBe(90);
    expect(arrows.length).toBeLessThan(25);
    expect(text).toContain('clusters_all <-->|"global, prod, stage → bootstrap: TCP 443, 8081, 9000<br>bootstrap → global, prod, stage: TCP 22"| g_bootstrap');
    expect(text).toContain('cluster_prod <-->|"prod → global: TCP 4317, 8006, 8480, 9200<br>global → prod: TCP 22"| cluster_global');
    expect(text).toMatch(/all_prod\["every group ↔ every group/);
    await expectRenders("plan-dce5-ten-groups", text);
  });

  it("in Korean too", async () => {
    const text = planMermaid(compile(TEN_GROUPS), "ko");
    expect(text).toContain("모든 그룹 ↔ 모든 그룹(자기 자신 포함)");
    await expectRenders("plan-dce5-ten-groups-ko", text);
  });
});

describe("diff --format mermaid renders for real stack pairs", () => {
  const diagram = (before: ReturnType<typeof stackPlan>, after: ReturnType<typeof stackPlan>) =>
    diffMermaid(diffPlans({ label: "before", plan: before }, { label: "after", plan: after }));

  it("super-kubenetes-gcp: Calico IP-in-IP -> VXLAN (added and removed edges)", async () => {
    const vxlan = editedCluster("super-kubenetes-gcp", (cluster) => {
      cluster.layout.options.calicoMode = "vxlan";
      cluster.layout.profiles = ["super-kubenetes", "calico"];
    });
    const text = diagram(stackPlan("super-kubenetes-gcp"), stackPlan("super-kubenetes-gcp", { "kubeports:clusterFile": vxlan }));
    expect(text).toContain("-.->");
    expect(text).toContain("-->");
    await expectRenders("diff-super-kubenetes-gcp-vxlan", text);
  });

  it("super-kubenetes-gcp: admin opened to 0.0.0.0/0 (changed edges, world peer)", async () => {
    const text = diagram(stackPlan("super-kubenetes-gcp"), stackPlan("super-kubenetes-gcp", { "kubeports:adminCidrs": '["0.0.0.0/0"]' }));
    expect(text).toContain("==>");
    expect(text).toMatch(/class .* world$/m);
    await expectRenders("diff-super-kubenetes-gcp-world", text);
  });

  it("apinizer-aws: the kube-api load balancer widened to 6443-6444", async () => {
    const widened = editedCluster("apinizer-aws", (cluster) => {
      cluster.loadBalancers["kube-api"].ports = [6443, 6444];
    });
    await expectRenders("diff-apinizer-aws-widened", diagram(stackPlan("apinizer-aws"), stackPlan("apinizer-aws", { "kubeports:clusterFile": widened })));
  });

  it("rancher-aws -> apinizer-aws: every group removed and added", async () => {
    await expectRenders("diff-rancher-to-apinizer", diagram(stackPlan("rancher-aws"), stackPlan("apinizer-aws")));
  });

  it("no change: a single node saying so", async () => {
    const text = diagram(stackPlan("rancher-aws"), stackPlan("rancher-aws"));
    const drawn = await render("diff-none", text);
    expect([drawn.nodes, drawn.edges]).toEqual([1, 0]);
  });
});

describe("the renderer itself", () => {
  it("fails on a syntax error, so a passing render means something", async () => {
    await expect(render("broken", 'flowchart LR\n  a["x"] -->|"y"| ((\n')).rejects.toThrow(/Parse error/);
  });
});
