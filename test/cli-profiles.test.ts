/** `kubeports profiles`, run in-process. */
import { describe, expect, it } from "vitest";
import { run } from "../components/cli/run";
import { CATALOG } from "../components/profiles/catalog";

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd: process.cwd(), stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

describe("kubeports profiles", () => {
  it("lists every catalog profile with its document, roles, peers and options", async () => {
    const { code, stdout, stderr } = await cli("profiles");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const headings = stdout.split("\n").filter((line) => /^\S/.test(line)).map((line) => line.split(":")[0]);
    expect(headings).toEqual(CATALOG.map((profile) => profile.id));
    expect(stdout).toContain(
      [
        "super-kubenetes: Super Kubenetes (KubeSphere/KubeKey) port requirements",
        "  document:      000_d5e27fa0bf6b16e4.txt (also 001_3bf5a380ea63b531.txt)",
        "  roles:         controlPlane, etcd, worker, registry (optional), nfsServer (optional)",
        "  peers:         admin, apiClients, workloadClients",
        "  options:       cni=calico, calicoMode=ipip, offline=false, nfs=false",
      ].join("\n"),
    );
    expect(stdout).toContain("  cluster kinds: global, worker\n");
  });

  it("prints JSON with --format json", async () => {
    const { code, stdout } = await cli("profiles", "--format", "json");
    expect(code).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const profiles = JSON.parse(stdout) as { id: string; document: string; roles: { name: string; optional: boolean }[]; options: { name: string; default: unknown; values?: unknown[] }[]; peers: { name: string }[] }[];
    expect(profiles.map((p) => p.id)).toEqual(CATALOG.map((p) => p.id));
    const dce = profiles.find((p) => p.id === "dce5")!;
    expect(dce.document).toBe("002_11a7d37e648c88ee.txt");
    expect(dce.roles).toContainEqual({ name: "bootstrap", description: expect.any(String), kubernetes: false, optional: true });
    // A profile's own defaults show: DCE assumes MetalLB.
    expect(dce.options).toContainEqual({ name: "metallb", description: expect.any(String), default: true });
    expect(dce.options).toContainEqual({ name: "cni", description: expect.any(String), values: ["calico", "flannel", "canal", "cilium", "weave", "none"], default: "calico" });
    expect(dce.peers.map((p) => p.name)).toEqual(["admin", "apiClients", "workloadClients", "consoleUsers"]);
  });

  it("refuses an unknown format, listing the allowed ones", async () => {
    const { code, stdout, stderr } = await cli("profiles", "--format", "yaml");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("'yaml' is invalid. Allowed choices are text, json.");
  });
});
