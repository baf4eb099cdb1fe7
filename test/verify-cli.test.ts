/**
 * `kubeports verify`, run in-process: a stack's preview, a layout on each cloud, a blocked flow's
 * exit code, JSON, and `--against` on realistic exports of the three clouds' CLIs
 * (test/fixtures/verify, shapes documented in its README), with every documented bad input.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_BLOCKED } from "../components/cli/commands/verify";
import { EXIT, run } from "../components/cli/run";

const ROOT = path.resolve(__dirname, "..");
const LAYOUT = "test/fixtures/verify/layout.yaml";
const FIXTURES = "test/fixtures/verify";

async function cli(argv: string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

describe("kubeports verify: what kubeports builds", () => {
  it("passes a shipped stack's preview and exits 0", async () => {
    const { code, stdout, stderr } = await cli(["verify", "apinizer-aws"]);
    expect([code, stderr.slice(0, 2000)]).toEqual([EXIT.ok, ""]);
    expect(stdout).toContain("Evaluated: stack apinizer-aws (offline preview).");
    expect(stdout).toMatch(/\d+ needed flows, 0 blocked/);
    expect(stdout).toContain("| workers | masters | udp 8472 | passes | apinizer-aws-masters-out-all-to-anywhere-ipv4<br>apinizer-aws-workers-in-udp-8472-from-masters |");
  }, 30_000);

  it("refuses --cloud that is not the stack's cloud", async () => {
    const { code, stderr } = await cli(["verify", "super-kubenetes-gcp", "--cloud", "aws"]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toContain("--cloud aws was given, but stack super-kubenetes-gcp builds gcp resources");
  }, 30_000);

  it.each(["aws", "gcp", "azure"])("passes a layout file translated for %s", async (cloud) => {
    const { code, stdout } = await cli(["verify", LAYOUT, "--cloud", cloud]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`(${cloud} translation). 14 needed flows, 0 blocked.`);
  });

  it("takes the Azure component's IP-in-IP opt-in for a layout the component would otherwise refuse", async () => {
    const refused = await cli(["verify", "examples/layouts/super-kubenetes.yaml", "--cloud", "azure"]);
    expect(refused.code).toBe(EXIT.input);
    expect(refused.stderr).toContain("allowIpInIpAsAnyProtocol: true");
    const { code, stdout } = await cli(["verify", "examples/layouts/super-kubenetes.yaml", "--cloud", "azure", "--allow-ip-in-ip-as-any-protocol"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/\| masters \| workers \| ipip \| passes \| [^|]*Outbound Allow/);
  });

  it("prints the matrix as JSON (schema kubeports.verify/v1) with each flow's rules and origins", async () => {
    const { code, stdout } = await cli(["verify", LAYOUT, "--cloud", "gcp", "--format", "json"]);
    expect(code).toBe(EXIT.ok);
    const body = JSON.parse(stdout) as { schema: string; blocked: number; flows: { key: string; verdict: string; rules: string[]; origins: { id: string }[] }[] };
    expect(body.schema).toBe("kubeports.verify/v1");
    const vxlan = body.flows.find((f) => f.key === "udp:8472:group:workers->workers")!;
    expect(vxlan.verdict).toBe("passes");
    expect(vxlan.origins).toContainEqual(expect.objectContaining({ id: "flannel/vxlan" }));
    expect(vxlan.rules).toContain("lab-workers-in-from-masters-workers (allow, priority 1000)");
  });

  it("exits 4 when a flow is blocked, as run.ts's EXIT table says", () => {
    expect(EXIT.blocked).toBe(EXIT_BLOCKED);
  });

  it("needs --cloud for a layout file (usage error, exit 2)", async () => {
    const { code, stderr } = await cli(["verify", LAYOUT]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("needs --cloud (aws, gcp, azure)");
  });
});

describe("kubeports verify --against: a firewall kubeports did not create", () => {
  it("AWS: a worker-to-worker VXLAN flow the security groups drop is blocked (exit 4), and world SSH is open wider", async () => {
    const { code, stdout } = await cli(["verify", LAYOUT, "--against", `${FIXTURES}/aws`]);
    expect(code).toBe(EXIT.blocked);
    expect(stdout).toContain("14 needed flows, 1 blocked.");
    expect(stdout).toContain("| workers | workers | udp 8472 | **blocked** | udp 8472 from Instance i-0b00000000000001 to Instance i-0b00000000000001: no ingress rule of sg-0f9e8d7c6b5a40312");
    expect(stdout).toContain("| lab-masters ingress[4] (ssh from anywhere) | masters | tcp 22 | 0.0.0.0/0 | open to the whole internet; no document asks for it |");
  });

  it("GCP: a deny rule at a lower priority number blocks etcd between masters; default-allow-ssh is open wider", async () => {
    const { code, stdout } = await cli(["verify", LAYOUT, "--against", `${FIXTURES}/gcp`, "--format", "json"]);
    expect(code).toBe(EXIT.blocked);
    const body = JSON.parse(stdout) as { flows: { key: string; verdict: string; blocked?: string }[]; wide: { rule: string; from: string; world: boolean }[] };
    expect(body.flows.filter((f) => f.verdict === "blocked").map((f) => f.key)).toEqual(["tcp:2379-2380:group:masters->masters"]);
    expect(body.flows.find((f) => f.verdict === "blocked")!.blocked).toContain("deny-etcd-from-anywhere (deny, priority 900)");
    expect(body.wide).toContainEqual(expect.objectContaining({ rule: "default-allow-ssh", from: "0.0.0.0/0", world: true }));
  });

  it("Azure: every needed flow passes the NSG (exit 0); RDP from the Internet and any-protocol rules are open wider", async () => {
    const { code, stdout } = await cli(["verify", LAYOUT, "--against", `${FIXTURES}/azure`]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("14 needed flows, 0 blocked.");
    expect(stdout).toContain("| rdp-from-internet | workers | tcp 3389 | 0.0.0.0/0 | open to the whole internet; no document asks for it |");
    expect(stdout).toContain("| workers-from-nodes | workers | all protocols | group workers |");
  });

  it("reads one JSON object holding the exports by name, and a groups map for untagged machines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kubeports-verify-"));
    const groups = JSON.parse(JSON.stringify(await import("./fixtures/verify/aws/describe-instances.json"))) as { default?: unknown };
    const instances = (groups.default ?? groups) as { Reservations: { Instances: { Tags: unknown[] }[] }[] };
    for (const r of instances.Reservations) for (const i of r.Instances) i.Tags = [];
    const sgs = await import("./fixtures/verify/aws/describe-security-groups.json");
    writeFileSync(path.join(dir, "bundle.json"), JSON.stringify({ "describe-security-groups": sgs.default ?? sgs, "describe-instances": instances, groups: { masters: ["i-0a00000000000001"], workers: ["i-0b00000000000001", "i-0b00000000000002"] } }));
    const { code, stdout } = await cli(["verify", path.join(ROOT, LAYOUT), "--against", "bundle.json"], dir);
    expect(code).toBe(EXIT.blocked);
    expect(stdout).toContain("14 needed flows, 1 blocked.");
  });

  it("reads a saved `kubeports preview --format json` as the firewall to audit", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kubeports-verify-"));
    const saved = await cli(["preview", "super-kubenetes-gcp", "--format", "json"]);
    writeFileSync(path.join(dir, "preview.json"), saved.stdout);
    const { code, stdout } = await cli(["verify", "super-kubenetes-gcp", "--against", path.join(dir, "preview.json")]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/\(gcp export\)\. \d+ needed flows, 0 blocked\./);
    // The stack's own world-open rows are what the plan asks for: nothing is wider.
    expect(stdout).not.toContain("Open wider");
  }, 30_000);

  it.each([
    ["aws-wrong-shape", "aws-wrong-shape/describe-security-groups.json: expected the output of `aws ec2 describe-security-groups --output json` (an object with a SecurityGroups list)"],
    ["unknown-cloud", "unknown-cloud: unknown cloud export (has firewall.json; expected a directory (or JSON object) of cloud CLI exports"],
    ["aws-unattached", "aws-unattached: Instance i-0b00000000000002 is attached to no firewall group"],
    ["missing", "missing: does not exist"],
  ])("a bad export (%s) gets a one-line error naming the file and what was expected (exit 1)", async (name, message) => {
    const { code, stdout, stderr } = await cli(["verify", LAYOUT, "--against", `${FIXTURES}/${name}`]);
    expect(code).toBe(EXIT.input);
    expect(stdout).toBe("");
    expect(stderr).toContain(`kubeports: ${FIXTURES}/${message}`);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--cloud names the export's cloud; an export of another cloud is an unknown format", async () => {
    const { code, stderr } = await cli(["verify", LAYOUT, "--against", `${FIXTURES}/gcp`, "--cloud", "azure"]);
    expect(code).toBe(EXIT.input);
    expect(stderr).toContain("unknown cloud export (has firewall-rules.json, instances.json; expected nsg.json or nsgs.json)");
  });
});
