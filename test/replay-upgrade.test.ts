/**
 * Upgrading kubeports converges: for every shipped stack, the preview of the last released
 * version (test/fixtures/released/, generated at d7a4d76) replayed against the current code's
 * preview: no step the cloud refuses, nothing replaced, every resource machines are attached to
 * (AWS security groups, Azure NSGs and ASGs) still there under its name, and for every resource
 * that persists under the same name, the inputs that force a replacement (group names and
 * descriptions, GCP names and networks, Azure NSG and rule names) unchanged, so a wording change
 * cannot slip into a release. Rules may be renamed by a release (packing changes which rules
 * exist): those are created and deleted, and the replay proves the cloud accepts that order.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupDescription, groupName } from "../components/aws/awsDescriptions";
import { azureName } from "../components/azure/azureNames";
import { gcpName } from "../components/gcp/gcpNames";
import { previewStack, type PreviewResource, type StackPreview } from "../components/preview/previewStack";
import { REPLACE_INPUTS } from "../components/replay/replaceInputs";
import { replay } from "../components/replay/replay";

const STACKS = ["rancher-aws", "super-kubenetes-gcp", "dce5-azure", "apinizer-aws"];
const released = (stack: string) => JSON.parse(readFileSync(path.join(__dirname, "fixtures/released", `${stack}.json`), "utf8")) as StackPreview;

/** Types machines (NICs, instances, subnets) are attached to: deleting one detaches them. */
const ATTACHED = new Set(["aws:ec2/securityGroup:SecurityGroup", "azure-native:network:NetworkSecurityGroup", "azure-native:network:ApplicationSecurityGroup"]);

/** type::name -> the inputs that force a replacement, for resources of the types REPLACE_INPUTS covers. */
function replacing(resources: readonly PreviewResource[]): Map<string, Record<string, unknown>> {
  return new Map(resources.filter((r) => REPLACE_INPUTS[r.type]).map((r) => [`${r.type}::${r.name}`, Object.fromEntries(REPLACE_INPUTS[r.type]!.map((key) => [key, r.inputs[key]]))]));
}

describe("upgrading kubeports converges in one pulumi up", () => {
  for (const stack of STACKS) {
    it(`${stack}: the released preview replays onto the current one; replace-forcing inputs are pinned`, async () => {
      const before = released(stack).resources;
      const current = (await previewStack(stack)).resources;
      const result = replay(before, current);
      expect(result.conflict?.message).toBeUndefined();
      expect(result.steps.filter((step) => step.op === "replace").map((step) => step.name)).toEqual([]);
      const now = replacing(current);
      const kept = [...replacing(before)].filter(([key]) => now.has(key));
      for (const [key, inputs] of kept) expect(now.get(key), key).toEqual(inputs);
      // Something is pinned on every stack (the groups, NSGs and ASGs at least).
      expect(kept.length).toBeGreaterThan(0);
      const attached = (resources: readonly PreviewResource[]) => resources.filter((r) => ATTACHED.has(r.type)).map((r) => `${r.type}::${r.name}`).sort();
      expect(attached(current)).toEqual(expect.arrayContaining(attached(before)));
    }, 60_000);
  }

  it("the texts behind replace-forcing inputs keep their released wording", () => {
    const issues: never[] = [];
    expect(groupName("workers", {}, { name: "prod" }, issues)).toBe("prod-workers");
    expect(groupDescription("workers", { name: "prod" }, issues)).toBe("kubeports node group workers (prod)");
    expect(azureName("prod", "nsg")).toBe("prod-nsg");
    expect(azureName("prod", "workers")).toBe("prod-workers");
    expect(gcpName("prod", "workers", "in-from", "masters")).toBe("prod-workers-in-from-masters");
    expect(issues).toEqual([]);
  });
});
