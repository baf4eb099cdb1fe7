/** `kubeports plan`, run in-process: each format, --out, and every way the input can be wrong. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT, run } from "../components/cli/run";
import { compile } from "../components/compiler/compile";
import { loadLayoutFile } from "../components/layout/loadLayoutFile";
import { planJson } from "../components/reports/planJson";
import { planMarkdown } from "../components/reports/planMarkdown";
import { planMermaid } from "../components/reports/planMermaid";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLE = "examples/layouts/super-kubenetes.yaml";
let dir: string;

async function cli(argv: string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

const examplePlan = () => compile(loadLayoutFile(EXAMPLE, ROOT).value);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kubeports-cli-"));
});

describe("kubeports plan: formats", () => {
  it("prints Markdown by default", async () => {
    const { code, stdout, stderr } = await cli(["plan", EXAMPLE]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe(planMarkdown(examplePlan()));
    expect(stdout).toContain("| 2379-2380 | TCP | itself | etcd | Super Kubenetes: Port Requirements (000_d5e27fa0bf6b16e4.txt): table row 2: etcd TCP 2379-2380 |");
  });

  it("prints JSON with --format json", async () => {
    const { code, stdout } = await cli(["plan", EXAMPLE, "--format", "json"]);
    expect(code).toBe(0);
    expect(stdout).toBe(planJson(examplePlan()));
    expect(JSON.parse(stdout).layout).toBe("kubesphere-lab");
  });

  it("prints Mermaid with --format mermaid", async () => {
    const { code, stdout } = await cli(["plan", "--format", "mermaid", EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toBe(planMermaid(examplePlan()));
    expect(stdout.startsWith("flowchart LR\n")).toBe(true);
  });

  it("resolves the layout path against the working directory", async () => {
    const { code, stdout } = await cli(["plan", "super-kubenetes.yaml", "--format", "json"], path.join(ROOT, "examples/layouts"));
    expect(code).toBe(0);
    expect(stdout).toBe(planJson(examplePlan()));
  });

  it("writes the report to --out, creating the directory, and says so on stderr", async () => {
    const { code, stdout, stderr } = await cli(["plan", path.join(ROOT, EXAMPLE), "--format", "json", "--out", "reports/plan.json"], dir);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe("kubeports: wrote json report to reports/plan.json\n");
    expect(readFileSync(path.join(dir, "reports/plan.json"), "utf8")).toBe(planJson(examplePlan()));
  });
});

describe("kubeports plan: errors and exit codes", () => {
  it("reports an invalid layout with every path: message line and its file position, no stack", async () => {
    const file = path.join(dir, "typo.yaml");
    const text = readFileSync(path.join(ROOT, EXAMPLE), "utf8").replace("roles: [worker]", "roles: [wroker]").replace("  admin:", "  admn:");
    writeFileSync(file, text);
    const { code, stdout, stderr } = await cli(["plan", "typo.yaml"], dir);
    expect(code).toBe(EXIT.input);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    /** 1-based line and column of the first occurrence of `needle` in the file. */
    const at = (needle: string) => {
      const index = text.split("\n").findIndex((l) => l.includes(needle));
      return `${index + 1}:${text.split("\n")[index]!.indexOf(needle) + 1}`;
    };
    expect(lines).toEqual([
      'kubeports: typo.yaml: Invalid layout "kubesphere-lab":',
      expect.stringMatching(/^ {2}- layout\.groups\.workers\.roles\[0\]: unknown role "wroker" .*did you mean "worker"\?\)$/),
      `    at typo.yaml:${at("wroker")}`,
      expect.stringMatching(/^ {2}- layout\.peers\.admn: unknown peer "admn"/),
      `    at typo.yaml:${at("admn")}`,
    ]);
    expect(stderr).not.toContain("    at Object.");
  });

  it("reports schema errors the same way", async () => {
    writeFileSync(path.join(dir, "value.yaml"), "name: x\nprofiles: [super-kubenetes]\noptions:\n  calicoMode: vxlann\ngroups:\n  w:\n    roles: [worker]\n");
    const { code, stderr } = await cli(["plan", "value.yaml"], dir);
    expect(code).toBe(EXIT.input);
    expect(stderr).toBe(
      'kubeports: value.yaml: Invalid layout "x":\n  - layout.options.calicoMode: invalid value "vxlann" (allowed: "ipip", "vxlan", "bgp")\n    at value.yaml:4:3\n',
    );
  });

  it("reports YAML syntax errors with file, line and column", async () => {
    writeFileSync(path.join(dir, "syntax.yaml"), "name: x\ngroups:\n  w: {roles: [worker]\n");
    const { code, stderr } = await cli(["plan", "syntax.yaml"], dir);
    expect(code).toBe(EXIT.input);
    expect(stderr).toMatch(/^kubeports: Invalid YAML in layout file "syntax\.yaml":\n {2}- syntax\.yaml:\d+:\d+: /);
  });

  it("names a layout that does not exist", async () => {
    const { code, stderr } = await cli(["plan", "missing.yaml"], dir);
    expect(code).toBe(EXIT.input);
    expect(stderr).toBe(
      'kubeports: Cannot find layout "missing.yaml":\n  - <layout>: "missing.yaml" is not the path of a .yaml, .yml or .json layout file, nor the name of a stack of the Pulumi project in or above the working directory (check the path; examples are in examples/layouts)\n',
    );
  });

  it("refuses an unknown format, listing the allowed ones", async () => {
    const { code, stdout, stderr } = await cli(["plan", EXAMPLE, "--format", "xml"]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe("");
    expect(stderr).toContain("error: option '--format <format>' argument 'xml' is invalid. Allowed choices are markdown, json, mermaid.");
  });

  it("asks for the layout argument", async () => {
    const { code, stderr } = await cli(["plan"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("error: missing required argument 'layout'");
  });

  it("refuses an unknown command", async () => {
    const { code, stderr } = await cli(["plna"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("error: unknown command 'plna'");
    expect(stderr).toContain("(Did you mean plan?)");
  });

  it("prints usage and exits 0 for --help", async () => {
    const { code, stdout } = await cli(["plan", "--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("Usage: kubeports plan [options] <layout>");
    expect(stdout.replace(/\s+/g, " ")).toContain('(choices: "markdown", "json", "mermaid", default: "markdown")');
  });

  it("reports an --out path it cannot write", async () => {
    writeFileSync(path.join(dir, "a-file"), "");
    const { code, stderr } = await cli(["plan", path.join(ROOT, EXAMPLE), "--out", "a-file/plan.md"], dir);
    expect(code).toBe(EXIT.input);
    expect(stderr).toMatch(/^kubeports: Cannot write the report:\n {2}- --out: cannot write "a-file\/plan\.md": .*\(choose a writable path\)\n$/);
  });
});
