/**
 * Reports that tell the truth: a world-open warning names who opened the port (the vendor row
 * that prints 0.0.0.0/0, this layout's rule, or this layout's peer, with the layout line and,
 * in a diff, its old value); a peer change that moves no rule is listed as such; the Markdown
 * carries the Mermaid picture GitHub draws; every source is a link to the vendor's page.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { diffJson } from "../components/diff/diffJson";
import { diffMarkdown } from "../components/diff/diffMarkdown";
import { diffMermaid } from "../components/diff/diffMermaid";
import { diffPlans } from "../components/diff/diffPlans";
import { messagesFor } from "../components/i18n/lang";
import type { AttributedWarning } from "../components/model/plan";
import { CATALOG } from "../components/profiles/catalog";
import { documentRef, DOCUMENTS, NOT_A_PAGE, SHORTCODES } from "../components/profiles/documents";
import { planJson } from "../components/reports/planJson";
import { planMarkdown } from "../components/reports/planMarkdown";
import { planMermaid } from "../components/reports/planMermaid";
import { warningFlow, warningText } from "../components/reports/warningText";
import { editedCluster, ROOT, stackPlan, STACKS } from "./diff-fixtures";

const kubesphere = (admin: string[], extra: Record<string, unknown> = {}) => ({
  name: "lab",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin, apiClients: ["198.51.100.0/24"] },
  ...extra,
});

describe("world-open warnings say who opened the port", () => {
  it("a vendor row that prints 0.0.0.0/0: the row, its document and a link to the vendor's page", () => {
    const plan = compile({ name: "nodes", profiles: ["rancher-nodes"], groups: { nodes: { roles: ["rancherNode"] } } });
    const http = plan.warnings.find((w) => w.flow === "in:tcp:80:cidr:0.0.0.0/0")!;
    expect(http.openedBy).toEqual([
      { kind: "vendor-row", profile: "rancher-nodes", row: "http", document: "004_4e84222665e307a4.txt", documentRow: expect.any(String) },
    ]);
    expect(http.message).toMatch(/because the vendor document prescribes it: rancher-nodes row http, 004_4e84222665e307a4.txt/);
    expect(planMarkdown(plan)).toContain("the vendor document prescribes it (row `rancher-nodes/http`: [Rancher v2.x: Port Requirements](https://rancher.com/docs/rancher/v2.x/en/installation/requirements/ports/)");
  });

  it("this layout's peer set to 0.0.0.0/0: the peer's line and the rows that only name it, never the vendor", () => {
    const plan = compile(kubesphere(["0.0.0.0/0"]));
    const ssh = plan.warnings.find((w) => w.group === "masters" && w.flow === "in:tcp:22:cidr:0.0.0.0/0")!;
    expect(ssh.openedBy).toEqual([{ kind: "layout-peer", peer: "admin", path: "peers.admin[0]", cidr: "0.0.0.0/0", rows: ["super-kubenetes/ssh"] }]);
    expect(ssh.message).not.toContain("vendor document prescribes");
    expect(ssh.message).toContain("because this layout sets peers.admin[0]: 0.0.0.0/0, and super-kubenetes/ssh names peer admin.");
    const text = planMarkdown(plan);
    expect(text).toContain("`masters` accepts TCP 22 from 0.0.0.0/0: this layout's peer `admin` is the internet (`peers.admin[0]: 0.0.0.0/0`); the vendor rows only name the peer: `super-kubenetes/ssh`.");
    expect(text).not.toMatch(/world-open[^\n]*vendor document prescribes/);
    expect(JSON.parse(planJson(plan)).warnings[0].openedBy).toEqual([{ kind: "layout-peer", peer: "admin", path: "peers.admin[0]", cidr: "0.0.0.0/0", rows: ["super-kubenetes/ssh"] }]);
  });

  it("this layout's own rule with 0.0.0.0/0 in its cidrs: the rule and the line", () => {
    const plan = compile(
      kubesphere(["192.0.2.0/24"], {
        rules: [{ id: "web", description: "public web", protocols: ["tcp"], ports: "8080", from: [{ cidrs: ["10.1.0.0/16", "0.0.0.0/0"], label: "anyone" }], to: { role: "worker" } }],
      }),
    );
    const web = plan.warnings.find((w) => w.flow === "in:tcp:8080:cidr:0.0.0.0/0")!;
    expect(web.openedBy).toEqual([{ kind: "layout-rule", rule: "web", path: "rules[0].from[0].cidrs[1]", cidr: "0.0.0.0/0" }]);
    expect(planMarkdown(plan, "ko")).toContain("이 레이아웃의 자체 규칙 `web`이(가) 엽니다(`rules[0].from[0].cidrs[1]: 0.0.0.0/0`)");
  });

  it("both, on one flow: the vendor row first, then this layout's rule", () => {
    const plan = compile({
      name: "nodes",
      profiles: ["rancher-nodes"],
      groups: { nodes: { roles: ["rancherNode"] } },
      rules: [{ id: "web", description: "our web", protocols: ["tcp"], ports: "80", from: [{ cidrs: ["0.0.0.0/0"], label: "web clients" }], to: { group: "nodes" } }],
    });
    const http = plan.warnings.find((w) => w.flow === "in:tcp:80:cidr:0.0.0.0/0")!;
    expect(http.openedBy!.map((o) => o.kind)).toEqual(["vendor-row", "layout-rule"]);
  });

  it("shows a layout's reason for opening it on purpose (allowInternet), in every language", () => {
    const plan = compile(kubesphere(["0.0.0.0/0"]));
    const warning: AttributedWarning = { ...plan.warnings[0]!, openedBy: plan.warnings[0]!.openedBy!.map((o) => ({ ...o, acknowledged: "public bastion, MFA enforced" })) };
    const flow = warningFlow(warning, plan);
    expect(warningText(warning, flow, messagesFor("en"), "en")).toContain("(acknowledged: \"public bastion, MFA enforced\")");
    expect(warningText(warning, flow, messagesFor("ko"), "ko")).toContain("(의도적으로 허용함: \"public bastion, MFA enforced\")");
  });

  it("in a diff, the changed layout line: old value → new value", () => {
    const before = compile(kubesphere(["10.0.0.0/8"]));
    const after = compile(kubesphere(["0.0.0.0/0"]));
    const diff = diffPlans({ label: "main", plan: before }, { label: "pr", plan: after });
    expect(diff.warnings.added[0]!.was).toEqual({ "peers.admin[0]": "10.0.0.0/8" });
    const text = diffMarkdown(diff);
    expect(text).toContain("this layout's peer: `peers.admin[0]: 10.0.0.0/8 → 0.0.0.0/0`");
    expect(text).toContain("this layout's peer `admin` is the internet (`peers.admin[0]: 10.0.0.0/8 → 0.0.0.0/0`)");
    expect(text).not.toContain("vendor document prescribes");
  });

  it("in a diff where the peer was already the internet (a new group behind it), the line without an arrow", () => {
    const before = compile(kubesphere(["0.0.0.0/0"], { groups: { masters: { roles: ["controlPlane", "etcd"] } } }));
    const after = compile(kubesphere(["0.0.0.0/0"]));
    const diff = diffPlans({ label: "main", plan: before }, { label: "pr", plan: after });
    const workers = diff.warnings.added.find((w) => w.group === "workers")!;
    expect(workers.was).toEqual({ "peers.admin[0]": "0.0.0.0/0" });
    expect(diffMarkdown(diff)).toContain("this layout's peer `admin` is the internet (`peers.admin[0]: 0.0.0.0/0`)");
    expect(diffMarkdown(diff)).not.toContain("0.0.0.0/0 → 0.0.0.0/0");
  });
});

describe("peer-only changes", () => {
  it("a peer no row uses changes: listed with 'no rule changed', though the firewall is the same", () => {
    // rancher-aws names apiClients, but its rows (authorized cluster endpoint, hosted clusters) are off.
    const file = editedCluster("rancher-aws", (cluster) => {
      cluster.layout.peers.apiClients = ["198.51.100.0/23", "203.0.113.0/24"];
    });
    const diff = diffPlans({ label: "main", plan: stackPlan("rancher-aws") }, { label: "pr", plan: stackPlan("rancher-aws", { "kubeports:clusterFile": file }) });
    expect(diff.changed).toBe(false);
    expect(diff.peers).toEqual([{ name: "apiClients", before: ["198.51.100.0/24"], after: ["198.51.100.0/23", "203.0.113.0/24"], flowChanges: 0 }]);
    const text = diffMarkdown(diff);
    expect(text).toContain("No firewall changes.");
    expect(text).toContain("| `peers.apiClients[0]` | `198.51.100.0/24` | `198.51.100.0/23` | **no rule changed** |");
    expect(text).toContain("| `peers.apiClients[1]` | (unset) | `203.0.113.0/24` | **no rule changed** |");
    expect(diffMarkdown(diff, "ko")).toContain("**바뀐 규칙 없음**");
    expect(JSON.parse(diffJson(diff)).peers).toEqual([{ name: "apiClients", before: ["198.51.100.0/24"], after: ["198.51.100.0/23", "203.0.113.0/24"], flowChanges: 0 }]);
  });

  it("a peer that moves rules says how many", () => {
    const diff = diffPlans({ label: "a", plan: compile(kubesphere(["192.0.2.0/24"])) }, { label: "b", plan: compile(kubesphere(["192.0.3.0/24"])) });
    expect(diff.peers).toEqual([{ name: "admin", before: ["192.0.2.0/24"], after: ["192.0.3.0/24"], flowChanges: 2 }]);
    expect(diffMarkdown(diff)).toContain("| `peers.admin[0]` | `192.0.2.0/24` | `192.0.3.0/24` | 2 rule changes |");
  });
});

describe("the Mermaid picture in the Markdown", () => {
  const fenced = (text: string) => /\n```mermaid\n([\s\S]*?)\n```\n/.exec(text)?.[1];

  it("the diff embeds the diff picture as a ```mermaid block", () => {
    const diff = diffPlans({ label: "a", plan: compile(kubesphere(["192.0.2.0/24"])) }, { label: "b", plan: compile(kubesphere(["0.0.0.0/0"])) });
    expect(fenced(diffMarkdown(diff))).toBe(diffMermaid(diff).trimEnd());
    expect(fenced(diffMarkdown(diff, "ko"))).toBe(diffMermaid(diff, "ko").trimEnd());
  });

  it.each(STACKS)("the plan of %s embeds its picture and a port matrix of every group", (stack) => {
    const plan = stackPlan(stack);
    const text = planMarkdown(plan);
    expect(fenced(text)).toBe(planMermaid(plan).trimEnd());
    const matrix = text.slice(text.indexOf("### Port matrix"));
    expect(matrix.split("\n").find((line) => line.startsWith("|  |"))).toBe(`|  | ${plan.groups.map((g) => `\`${g.name}\``).join(" | ")} |`);
  });
});

describe("sources are links to the vendor's pages", () => {
  it("every seed document has an entry, and every one with a public page links it", () => {
    const seeds = readdirSync(path.join(ROOT, "test/seeds")).filter((file) => file.endsWith(".txt"));
    expect(Object.keys(DOCUMENTS).sort()).toEqual(seeds.sort());
    const cited = new Set(CATALOG.flatMap((profile) => [profile.document, ...profile.rows.map((row) => row.source.document)]));
    for (const document of cited) expect(document in DOCUMENTS || NOT_A_PAGE.has(document) || /^https:\/\//.test(document), document).toBe(true);
  });

  it("a row that cites no page (kubeports' own addition) says so in its note and is never linked", () => {
    const own = CATALOG.flatMap((profile) => profile.rows.filter((row) => NOT_A_PAGE.has(row.source.document)));
    expect(own.length).toBeGreaterThan(0);
    for (const row of own) expect(row.note, row.id).toMatch(/^Not in the vendor page/);
    for (const document of NOT_A_PAGE) expect(documentRef(document)).toEqual({ text: document });
  });

  it.each(STACKS)("%s: no raw Hugo shortcode or bare seed file name in a source cell; every cell starts with a link", (stack) => {
    const text = planMarkdown(stackPlan(stack));
    expect(text).not.toContain("{{<");
    const groups = text.slice(text.indexOf("## Node group"), text.indexOf("## Warnings"));
    const rows = groups.split("\n").filter((line) => /^\| [0-9-]/.test(line));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const source = row.split(" | ").at(-1)!;
      if (source.startsWith("layout ")) continue;
      // Super Kubenetes' seeds have no public page: their title and file name, not a link.
      if (source.startsWith("Super Kubenetes")) continue;
      expect(source, row).toMatch(/^\[[^\]]+\]\(https:\/\/[^)]+\)/);
    }
  });

  it("Rancher's shortcodes become links to the rendered page", () => {
    const text = planMarkdown(stackPlan("rancher-aws"));
    expect(text).toContain(`[${SHORTCODES["ports-iaas-nodes"]!.title}](${SHORTCODES["ports-iaas-nodes"]!.url})`);
  });
});
