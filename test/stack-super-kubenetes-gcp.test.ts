/** The super-kubenetes-gcp stack offline: Calico IP-in-IP, offline registry node, NFS server. */
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { StackPreview } from "../components/preview/previewStack";
import { stackPlanLayout } from "../components/stackFiles/stackPlanLayout";
import { PROJECT, named, ofType, preview } from "./support/previewedStack";

const FW = "gcp:compute/firewall:Firewall";
const IT = "gcp:compute/instanceTemplate:InstanceTemplate";

let stack: StackPreview;
beforeAll(async () => {
  stack = await preview("super-kubenetes-gcp");
});

type Allow = { protocol: string; ports?: string[] };
const allows = (name: string) => (named(stack, FW, name).inputs.allows as Allow[]);

describe("super-kubenetes-gcp", () => {
  it("exports the firewall plan's warnings", () => {
    const planned = compile(stackPlanLayout(PROJECT, "super-kubenetes-gcp").layout).warnings.map((w) => w.message);
    const exported = stack.outputs.warnings as string[];
    expect(exported).toEqual(planned);
  });

  it("creates a custom-mode network with the configured subnetwork", () => {
    expect(ofType(stack, "gcp:compute/network:Network")[0]!.inputs.autoCreateSubnetworks).toBe(false);
    expect(ofType(stack, "gcp:compute/subnetwork:Subnetwork")[0]!.inputs).toMatchObject({ ipCidrRange: "10.10.0.0/16", region: "asia-northeast3" });
  });

  it("carries IP-in-IP (protocol 4, and 94 as the page's note asks) between the nodes", () => {
    // Masters and workers send the same overlay traffic, so one rule per target lists both as sources.
    for (const name of ["super-kubenetes-gcp-masters-in-from-masters-workers", "super-kubenetes-gcp-workers-in-from-masters-workers"]) {
      const protocols = allows(name).map((a) => a.protocol);
      expect(protocols, name).toEqual(expect.arrayContaining(["4", "94"]));
    }
    const rule = named(stack, FW, "super-kubenetes-gcp-workers-in-from-masters-workers");
    expect(rule.inputs).toMatchObject({
      direction: "INGRESS",
      sourceTags: ["super-kubenetes-gcp-masters", "super-kubenetes-gcp-workers"],
      targetTags: ["super-kubenetes-gcp-workers"],
    });
  });

  it("opens the offline registry (5000) and apt mirror (5080) on the registry node, rpcbind on the NFS server", () => {
    const registry = allows("super-kubenetes-gcp-registry-in-from-masters-workers").find((a) => a.protocol === "tcp")!;
    expect(registry.ports).toEqual(["5000", "5080"]);
    const nfs = allows("super-kubenetes-gcp-nfs-in-from-masters-workers").find((a) => a.protocol === "tcp")!;
    expect(nfs.ports).toEqual(["111"]);
  });

  it("lets the admin network SSH in and nothing internal in from outside", () => {
    // 203.0.113.0/24 is both admin (SSH) and apiClients (the API) in the cluster file.
    const admin = named(stack, FW, "super-kubenetes-gcp-masters-in-from-admin-apiclients-v4");
    expect(admin.inputs.sourceRanges).toEqual(["203.0.113.0/24"]);
    expect(admin.inputs.allows).toEqual([{ protocol: "tcp", ports: ["22", "6443"] }]);
    for (const rule of ofType(stack, FW)) expect(rule.inputs.sourceRanges ?? [], rule.name).not.toContain("0.0.0.0/0");
  });

  it("puts each group's network tag on its instance template and starts every group in a managed instance group", () => {
    for (const group of ["masters", "workers", "registry", "nfs"]) {
      expect(named(stack, IT, `super-kubenetes-gcp-${group}`).inputs.tags).toEqual([`super-kubenetes-gcp-${group}`]);
    }
    const managers = ofType(stack, "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager");
    expect(Object.fromEntries(managers.map((m) => [m.name, m.inputs.targetSize]))).toEqual({
      "super-kubenetes-gcp-masters": 3,
      "super-kubenetes-gcp-nfs": 1,
      "super-kubenetes-gcp-registry": 1,
      "super-kubenetes-gcp-workers": 3,
    });
  });

  it("exports every group's tags", () => {
    expect(Object.keys(stack.outputs.targetTags as object).sort()).toEqual(["masters", "nfs", "registry", "workers"]);
  });
});
