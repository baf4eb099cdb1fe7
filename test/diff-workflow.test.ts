/**
 * .github/workflows/kubeports-pr.yml: the YAML parses strictly, the jobs and steps GitHub will
 * run have the shape the README promises, and the two shell steps that carry logic (which
 * stacks changed; run the diff and keep its exit code) are executed for real against a
 * scratch git repository.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { git, ROOT, scratch, STACKS } from "./diff-fixtures";

const FILE = path.join(ROOT, ".github/workflows/kubeports-pr.yml");

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  permissions?: Record<string, string>;
  needs?: string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(): Workflow {
  const document = parseDocument(readFileSync(FILE, "utf8"), { uniqueKeys: true, strict: true, prettyErrors: true });
  expect(document.errors.map((e) => e.message)).toEqual([]);
  expect(document.warnings.map((w) => w.message)).toEqual([]);
  return document.toJS() as Workflow;
}

const workflow = load();
const steps = (job: string) => workflow.jobs[job]!.steps;
const step = (job: string, match: (s: Step) => boolean) => {
  const found = steps(job).find(match);
  expect(found, `a matching step in job ${job}`).toBeDefined();
  return found!;
};

describe("kubeports-pr.yml: structure", () => {
  it("runs on pull requests with permission to comment", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(Object.keys(workflow.jobs)).toEqual(["test", "changes", "diff", "preview"]);
  });

  it("gives every job a runner and every step exactly one of uses and run, actions pinned to a major version", () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job["runs-on"], name).toBe("ubuntu-latest");
      for (const s of job.steps) {
        expect([s.uses, s.run].filter((x) => x !== undefined), `${name}: ${JSON.stringify(s)}`).toHaveLength(1);
        if (s.uses) expect(s.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
      }
    }
  });

  it("uses only expression contexts GitHub knows, in balanced ${{ }}", () => {
    const text = readFileSync(FILE, "utf8");
    expect(text.split("${{").length).toBe(text.split("}}").length);
    const expressions = [...text.matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1]!.trim());
    expect(expressions.length).toBeGreaterThan(10);
    const contexts = new Set(expressions.flatMap((e) => [...e.replace(/'[^']*'/g, "").matchAll(/(?<![\w.-])([a-z_]+)\.[\w-]/gi)].map((m) => m[1]!)));
    expect([...contexts].filter((c) => !["github", "matrix", "needs", "secrets", "vars", "steps", "env", "runner"].includes(c))).toEqual([]);
    // `if:` values are expressions without ${{ }}; they may only use the same contexts.
    const conditions = Object.values(workflow.jobs).flatMap((job) => [job.if, ...job.steps.map((s) => s.if)]).filter((c): c is string => c !== undefined);
    for (const condition of conditions) expect(condition).toMatch(/^(needs|steps|matrix|github|vars)\./);
  });

  it("tests first: checkout with full history, Node 20, npm ci, npm test", () => {
    const test = steps("test");
    expect(test[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    expect(test[1]).toMatchObject({ uses: "actions/setup-node@v4", with: { "node-version": 20 } });
    expect(test.map((s) => s.run).filter((r) => r === "npm ci" || r === "npm test")).toEqual(["npm ci", "npm test"]);
  });

  it("diffs each changed stack against the base branch and keeps one comment per stack", () => {
    const job = workflow.jobs.diff!;
    expect(job.needs).toEqual(["test", "changes"]);
    expect(job.strategy!.matrix).toEqual({ include: "${{ fromJSON(needs.changes.outputs.stacks) }}" });
    expect(job.steps[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    const diff = step("diff", (s) => s.id === "diff");
    expect(diff.env).toEqual({ STACK: "${{ matrix.stack }}", BASE: "origin/${{ github.base_ref }}" });
    expect(diff.run).toContain('$KUBEPORTS diff "$STACK" --base "$BASE" --format markdown --fail-on-world');
    const comment = step("diff", (s) => s.uses?.startsWith("marocchino/sticky-pull-request-comment@") === true);
    expect(comment.with).toEqual({ header: "kubeports-diff-${{ matrix.stack }}", path: "${{ steps.diff.outputs.report }}" });
  });

  it("previews each changed stack with pulumi/actions@v6, commenting on the PR", () => {
    const job = workflow.jobs.preview!;
    expect(job.needs).toEqual(["test", "changes"]);
    const preview = step("preview", (s) => s.uses === "pulumi/actions@v6");
    expect(preview.with).toMatchObject({ command: "preview", "comment-on-pr": true, "github-token": "${{ secrets.GITHUB_TOKEN }}" });
    expect(String(preview.with!["stack-name"])).toContain("matrix.stack");
    expect(preview.env!.PULUMI_ACCESS_TOKEN).toBe("${{ secrets.PULUMI_ACCESS_TOKEN }}");
    // npm ci before the action: the program runs under tsx from node_modules.
    expect(job.steps.findIndex((s) => s.run === "npm ci")).toBeLessThan(job.steps.indexOf(preview));
    for (const cloud of ["aws", "gcp", "azure"]) expect(job.steps.some((s) => s.if === `matrix.cloud == '${cloud}'`), cloud).toBe(true);
  });
});

describe("kubeports-pr.yml: cloud credentials", () => {
  const text = readFileSync(FILE, "utf8");
  const credential = (cloud: string) => step("preview", (s) => s.if === `matrix.cloud == '${cloud}'`);

  it("writes nothing to $GITHUB_ENV, where every later step of the job could read it", () => {
    const scripts = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ""));
    expect(scripts.filter((run) => run.includes("GITHUB_ENV"))).toEqual([]);
  });

  it("keeps no cloud secret in GitHub: the only secrets are the Pulumi token and the job's own GITHUB_TOKEN", () => {
    const secrets = new Set([...text.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1]));
    expect([...secrets].sort()).toEqual(["GITHUB_TOKEN", "PULUMI_ACCESS_TOKEN"]);
  });

  it("lets only the preview job request an OIDC token", () => {
    expect(workflow.permissions).not.toHaveProperty("id-token");
    expect(workflow.jobs.preview!.permissions).toEqual({ contents: "read", "pull-requests": "write", "id-token": "write" });
    for (const [name, job] of Object.entries(workflow.jobs)) if (name !== "preview") expect(job.permissions, name).toBeUndefined();
  });

  it("assumes an AWS role through OIDC", () => {
    const aws = credential("aws");
    expect(aws.uses).toBe("aws-actions/configure-aws-credentials@v4");
    expect(aws.with).toMatchObject({ "role-to-assume": "${{ vars.AWS_ROLE_ARN }}", "aws-region": expect.any(String) });
    expect(Object.keys(aws.with!).filter((key) => /access-key|secret|session-token/.test(key))).toEqual([]);
  });

  it("authenticates to Google Cloud with workload identity federation", () => {
    const gcp = credential("gcp");
    expect(gcp.uses).toBe("google-github-actions/auth@v2");
    expect(gcp.with).toEqual({ workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}", service_account: "${{ vars.GCP_SERVICE_ACCOUNT }}" });
  });

  it("logs in to Azure with a federated credential, and the azure-native provider uses OIDC too", () => {
    const azure = credential("azure");
    expect(azure.uses).toBe("azure/login@v2");
    expect(azure.with).toEqual({ "client-id": "${{ vars.AZURE_CLIENT_ID }}", "tenant-id": "${{ vars.AZURE_TENANT_ID }}", "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}" });
    const preview = step("preview", (s) => s.uses === "pulumi/actions@v6");
    expect(preview.env!.ARM_USE_OIDC).toContain("'true'");
    expect(Object.keys(preview.env!).filter((key) => key.includes("SECRET"))).toEqual([]);
  });
});

/** A git repository holding this project's Pulumi.yaml and stacks on `main`, with origin/main pointing there. */
function stackRepo(): string {
  const repo = scratch("workflow");
  copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(repo, "Pulumi.yaml"));
  mkdirSync(path.join(repo, "stacks/clusters"), { recursive: true });
  for (const file of readdirSync(path.join(ROOT, "stacks")).filter((f) => f.endsWith(".yaml"))) copyFileSync(path.join(ROOT, "stacks", file), path.join(repo, "stacks", file));
  for (const file of readdirSync(path.join(ROOT, "stacks/clusters"))) copyFileSync(path.join(ROOT, "stacks/clusters", file), path.join(repo, "stacks/clusters", file));
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "stacks");
  git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
  git(repo, "checkout", "-qb", "pr");
  return repo;
}

/** Runs one step's `run` script as GitHub does (bash -eo pipefail), returning what it wrote to $GITHUB_OUTPUT. */
function runStep(script: string, repo: string, env: Record<string, string>): Record<string, string> {
  const temp = scratch("runner");
  const output = path.join(temp, "output");
  writeFileSync(output, "");
  const file = path.join(temp, "step.sh");
  writeFileSync(file, script);
  execFileSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
    cwd: repo,
    env: { ...process.env, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: path.join(temp, "summary"), NODE_PATH: path.join(ROOT, "node_modules"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return Object.fromEntries(readFileSync(output, "utf8").trim().split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

describe("kubeports-pr.yml: the steps' scripts, run", () => {
  const changedStacks = (repo: string) => JSON.parse(runStep(step("changes", (s) => s.id === "stacks").run!, repo, { BASE_REF: "main" }).stacks!);

  it("picks the stack whose cluster file changed, with its cloud", () => {
    const repo = stackRepo();
    const file = path.join(repo, "stacks/clusters/rancher-aws.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("count: 3, provisionedBy: rancher }", "count: 5, provisionedBy: rancher }"));
    git(repo, "commit", "-qam", "more etcd");
    expect(changedStacks(repo)).toEqual([{ stack: "rancher-aws", cloud: "aws" }]);
  });

  it("picks the stack whose stack file changed, every stack when components change, none for docs", () => {
    const repo = stackRepo();
    writeFileSync(path.join(repo, "notes.md"), "docs only\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "docs");
    expect(changedStacks(repo)).toEqual([]);

    const stackFile = path.join(repo, "stacks/Pulumi.dce5-azure.yaml");
    writeFileSync(stackFile, readFileSync(stackFile, "utf8").replace("eastasia", "koreacentral"));
    git(repo, "commit", "-qam", "region");
    expect(changedStacks(repo)).toEqual([{ stack: "dce5-azure", cloud: "azure" }]);

    mkdirSync(path.join(repo, "components/model"), { recursive: true });
    writeFileSync(path.join(repo, "components/model/ports.ts"), "export {};\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "code");
    expect(changedStacks(repo).map((s: { stack: string }) => s.stack)).toEqual([...STACKS]);
  });

  it("runs the diff, keeps exit code 3 as an output rather than a failure, and writes the report", () => {
    const repo = stackRepo();
    const stackFile = path.join(repo, "stacks/Pulumi.super-kubenetes-gcp.yaml");
    writeFileSync(stackFile, `${readFileSync(stackFile, "utf8")}  kubeports:adminCidrs: ["0.0.0.0/0"]\n`);
    git(repo, "commit", "-qam", "open ssh");
    const outputs = runStep(step("diff", (s) => s.id === "diff").run!, repo, {
      STACK: "super-kubenetes-gcp",
      BASE: "origin/main",
      KUBEPORTS: `${path.join(ROOT, "node_modules/.bin/tsx")} ${path.join(ROOT, "components/cli/main.ts")}`,
    });
    expect(outputs["opens-to-world"]).toBe("true");
    const report = readFileSync(outputs.report!, "utf8");
    expect(report.startsWith("# kubeports diff: `super-kubenetes-gcp@origin/main` → `super-kubenetes-gcp`\n")).toBe(true);
    expect(report).toContain("## Opens to the internet");
  });
});
