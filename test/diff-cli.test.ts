/**
 * `kubeports diff`, run in-process: two stacks, a layout file and a stack against a git
 * revision, each format, --fail-on-world's exit code, and every way the arguments can be wrong.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { EXIT } from "../components/cli/run";
import { EXIT_WORLD_OPENED } from "../components/cli/commands/diff";
import { planJson } from "../components/reports/planJson";
import { cli, editedCluster, git, ROOT, scratch, scratchProject, stackPlan } from "./diff-fixtures";

const CLUSTER = path.join(ROOT, "stacks/clusters/super-kubenetes-gcp.yaml");
const EXAMPLE = path.join(ROOT, "examples/layouts/super-kubenetes.yaml");

/** A project whose stack `open` is `closed` with the admin peer set to the whole internet. */
const worldProject = scratchProject({
  closed: { cluster: CLUSTER },
  open: { cluster: CLUSTER, config: { "kubeports:adminCidrs": ["0.0.0.0/0"] } },
});

describe("kubeports diff <before> <after>: two stacks", () => {
  const withPort = editedCluster("super-kubenetes-gcp", (cluster) => {
    cluster.layout.rules = [{ id: "exporter", description: "node exporter", protocols: ["tcp"], ports: "9100-9101", from: [{ peer: "workloadClients" }], to: { role: "worker" } }];
  });
  const project = scratchProject({ base: { cluster: CLUSTER }, head: { cluster: withPort } });

  it("prints a Markdown summary and a per-group table with the added row", async () => {
    const { code, stdout, stderr } = await cli(["diff", "base", "head"], project);
    expect([code, stderr]).toEqual([0, ""]);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("# kubeports diff: `base` → `head`");
    expect(stdout).toContain("**1 flow added, 0 removed, 0 changed** in 1 node group.\n");
    expect(stdout).toContain("## Node group `workers` (changed)\n");
    expect(lines).toContain("| `+` | in | 9100-9101 | TCP | 10.10.0.0/16 (workloadClients) | node exporter | layout super-kubenetes-gcp: rules: exporter |");
    expect(stdout).not.toContain("## Opens to the internet");
  });

  it("prints JSON with the documented keys in order", async () => {
    const { code, stdout } = await cli(["diff", "base", "head", "--format", "json"], project);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["schema", "changed", "before", "after", "summary", "options", "peers", "groups", "warnings", "notes"]);
    expect(json.schema).toBe("kubeports.diff/v1");
    expect(json.before).toEqual({ label: "base", layout: "super-kubenetes-gcp" });
    const [group] = json.groups;
    expect(Object.keys(group)).toEqual(["name", "status", "rolesBefore", "rolesAfter", "changes"]);
    expect(Object.keys(group.changes[0])).toEqual(["change", "direction", "protocol", "aspects", "opensToWorld", "before", "after"]);
    expect(group.changes[0].after[0]).toMatchObject({ protocol: "tcp", ports: { from: 9100, to: 9101 }, peer: { kind: "cidr", cidr: "10.10.0.0/16" } });
    expect(stdout.endsWith("}\n")).toBe(true);
  });

  it("prints a Mermaid flowchart whose added edge is styled green", async () => {
    const { code, stdout } = await cli(["diff", "base", "head", "--format", "mermaid"], project);
    expect(code).toBe(0);
    expect(stdout.startsWith("flowchart LR\n")).toBe(true);
    expect(stdout).toContain('p_workloadClients -->|"+ TCP 9100-9101"| g_workers');
    expect(stdout).toContain("linkStyle 0 stroke:#16a34a,stroke-width:3px");
  });

  it("says there is no change, exit 0, for identical stacks", async () => {
    const same = await cli(["diff", "base", "base"], project);
    expect(same).toEqual({ code: 0, stdout: "# kubeports diff: `base` → `base`\n\nNo firewall changes.\n", stderr: "" });
    const json = await cli(["diff", "base", "base", "--format", "json"], project);
    expect([json.code, JSON.parse(json.stdout).changed, json.stderr]).toEqual([0, false, "kubeports: No firewall changes.\n"]);
  });

  it("compares a layout file with a stack", async () => {
    const { code, stdout } = await cli(["diff", EXAMPLE, "base", "--format", "json"], project);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).before.layout).toBe("kubesphere-lab");
  });
});

describe("kubeports diff --fail-on-world", () => {
  it(`exits ${EXIT_WORLD_OPENED} when a change opens a port to 0.0.0.0/0, after printing the report`, async () => {
    const { code, stdout, stderr } = await cli(["diff", "closed", "open", "--fail-on-world"], worldProject);
    expect(code).toBe(EXIT_WORLD_OPENED);
    expect(EXIT.worldOpened).toBe(EXIT_WORLD_OPENED);
    expect(stdout).toContain("## Opens to the internet\n");
    expect(stdout).toContain("| `masters` | 22 | TCP | **0.0.0.0/0 (admin)** (anywhere) | ssh |");
    expect(stdout).toContain("**2 changes open a port to the internet** (0.0.0.0/0 or ::/0).");
    expect(stderr).toBe("kubeports: 2 changes open a port to the internet (0.0.0.0/0 or ::/0); failing because of --fail-on-world (exit code 3)\n");
  });

  it("exits 0 without the flag, and with it when the change closes the opening", async () => {
    expect((await cli(["diff", "closed", "open"], worldProject)).code).toBe(0);
    expect((await cli(["diff", "open", "closed", "--fail-on-world"], worldProject)).code).toBe(0);
  });
});

describe("kubeports diff --base <rev>", () => {
  it("compares a layout file with its previous commit", async () => {
    const repo = scratch("git-layout");
    git(repo, "init", "-q");
    writeFileSync(path.join(repo, "readme.txt"), "before the layout existed\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "first");
    cpSync(EXAMPLE, path.join(repo, "layout.yaml"));
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "layout");
    writeFileSync(path.join(repo, "layout.yaml"), readFileSync(EXAMPLE, "utf8").replace('admin: ["192.0.2.0/24"]', 'admin: ["192.0.2.0/25"]'));
    git(repo, "commit", "-qam", "narrow admin");

    const { code, stdout, stderr } = await cli(["diff", "layout.yaml", "--base", "HEAD~1", "--format", "json"], repo);
    expect([code, stderr]).toEqual([0, ""]);
    const json = JSON.parse(stdout);
    expect(json.before).toEqual({ label: "HEAD~1:layout.yaml", layout: "kubesphere-lab" });
    expect(json.after.label).toBe("layout.yaml");
    const changes = json.groups.flatMap((g: { changes: { aspects: string[]; before: { peer: { cidr: string } }[]; after: { peer: { cidr: string } }[] }[] }) => g.changes);
    expect(changes.map((c: (typeof changes)[number]) => [c.aspects, c.before[0]!.peer.cidr, c.after[0]!.peer.cidr])).toEqual([
      [["peer"], "192.0.2.0/24", "192.0.2.0/25"],
      [["peer"], "192.0.2.0/24", "192.0.2.0/25"],
    ]);

    // Two commits back the file did not exist: everything in it is new.
    const fresh = await cli(["diff", "layout.yaml", "--base", "HEAD~2"], repo);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain("`HEAD~2:layout.yaml` does not exist there: every group and flow below is new.");
    expect(fresh.stdout).toContain("## Node group `masters` (added)");
  });

  it("compares a stack (its stack file and cluster file) with the last commit, uncommitted edits included", async () => {
    const repo = scratchProject({ gke: { cluster: CLUSTER } }, scratch("git-stack"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "stack");
    const clusterFile = path.join(repo, "stacks/clusters/gke.yaml");
    const cluster = parseYaml(readFileSync(clusterFile, "utf8"));
    cluster.layout.options.calicoMode = "vxlan";
    cluster.layout.profiles = ["super-kubenetes", "calico"];
    writeFileSync(clusterFile, stringifyYaml(cluster));

    const { code, stdout, stderr } = await cli(["diff", "gke", "--base", "HEAD", "--format", "json"], repo);
    expect([code, stderr]).toEqual([0, ""]);
    const json = JSON.parse(stdout);
    expect(json.before.label).toBe("gke@HEAD");
    expect(json.options).toEqual([{ name: "calicoMode", before: "ipip", after: "vxlan" }]);
    const masters = json.groups.find((g: { name: string }) => g.name === "masters");
    const summary = masters.changes
      .filter((c: { direction: string }) => c.direction === "ingress")
      .map((c: { change: string; protocol: string; after: { ports?: { from: number } }[] }) => `${c.change} ${c.protocol}${c.after[0]?.ports ? ` ${c.after[0].ports.from}` : ""}`);
    // "changed tcp 5473": Typha was a supplement (KubeKey's installer default), the calico page now documents it.
    expect([...new Set(summary)].sort()).toEqual(["added udp 4789", "changed tcp 5473", "removed ipip", "removed ipip94", "removed tcp"]);

    // The stack config at the revision is read too: a config change alone is a diff.
    const stackFile = path.join(repo, "stacks/Pulumi.gke.yaml");
    const config = parseYaml(readFileSync(stackFile, "utf8"));
    writeFileSync(clusterFile, readFileSync(CLUSTER, "utf8"));
    writeFileSync(stackFile, stringifyYaml({ config: { ...config.config, "kubeports:adminCidrs": ["0.0.0.0/0"] } }));
    const opened = await cli(["diff", "gke", "--base", "HEAD", "--fail-on-world"], repo);
    expect(opened.code).toBe(EXIT_WORLD_OPENED);
  });

  it("names an unknown revision and a directory outside git", async () => {
    const repo = scratch("git-empty");
    git(repo, "init", "-q");
    cpSync(EXAMPLE, path.join(repo, "layout.yaml"));
    const unknown = await cli(["diff", "layout.yaml", "--base", "no-such-branch"], repo);
    expect(unknown.code).toBe(EXIT.input);
    expect(unknown.stderr).toBe(
      'kubeports: Cannot read the base revision "no-such-branch":\n  - --base: unknown revision "no-such-branch" (give a commit, branch or tag git knows, such as HEAD~1 or origin/main; in CI fetch history with actions/checkout fetch-depth: 0)\n',
    );
    const outside = scratch("no-git");
    cpSync(EXAMPLE, path.join(outside, "layout.yaml"));
    const noGit = await cli(["diff", "layout.yaml", "--base", "HEAD"], outside);
    expect(noGit.code).toBe(EXIT.input);
    expect(noGit.stderr).toMatch(/^kubeports: Cannot read the base revision "HEAD":\n {2}- --base: .* is not inside a git repository .*run kubeports diff --base in a git checkout/);
  });

  it("names the revision in errors from the old file", async () => {
    const repo = scratch("git-bad");
    git(repo, "init", "-q");
    writeFileSync(path.join(repo, "layout.yaml"), readFileSync(EXAMPLE, "utf8").replace("roles: [worker]", "roles: [wroker]"));
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "typo");
    cpSync(EXAMPLE, path.join(repo, "layout.yaml"));
    const { code, stderr } = await cli(["diff", "layout.yaml", "--base", "HEAD"], repo);
    expect(code).toBe(EXIT.input);
    expect(stderr).toMatch(/^kubeports: HEAD:layout\.yaml: Invalid layout "kubesphere-lab":\n {2}- layout\.groups\.workers\.roles\[0\]: unknown role "wroker" .*\n {4}at HEAD:layout\.yaml:\d+:\d+\n$/);
  });
});

describe("kubeports diff: usage errors", () => {
  it("asks for a second argument or --base", async () => {
    const { code, stderr } = await cli(["diff", "rancher-aws"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("error: diff compares two layouts or stacks: give both (kubeports diff old.yaml new.yaml), or one with --base <rev>");
  });

  it("refuses --base with two arguments", async () => {
    const { code, stderr } = await cli(["diff", "rancher-aws", "apinizer-aws", "--base", "HEAD"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("error: --base HEAD compares one layout or stack with itself at HEAD: give one argument, or drop --base to compare two");
  });

  it("lists the languages for an unknown --lang", async () => {
    const { code, stderr } = await cli(["diff", "rancher-aws", "apinizer-aws", "--lang", "fr"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, ko.");
  });

  it("names an argument that is neither a file nor a stack", async () => {
    const { code, stderr } = await cli(["diff", "rancher-awz", "rancher-aws"]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toContain('kubeports: Cannot find layout "rancher-awz":\n  - <layout>: "rancher-awz" is not the path of a .yaml, .yml or .json layout file, nor the name of a stack');
  });
});

describe("kubeports plan <stack>", () => {
  it("compiles a stack name as the Pulumi program would", async () => {
    const { code, stdout, stderr } = await cli(["plan", "rancher-aws", "--format", "json"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe(planJson(stackPlan("rancher-aws")));
  });

  it("finds the project from a subdirectory", async () => {
    const { code, stdout } = await cli(["plan", "dce5-azure", "--format", "json"], path.join(ROOT, "stacks/clusters"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).layout).toBe("dce5-azure");
  });
});
