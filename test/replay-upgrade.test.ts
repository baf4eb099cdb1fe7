/**
 * Upgrading kubeports converges: for every shipped stack, the preview of the last released
 * version (test/fixtures/released/, generated at d7a4d76) replayed against the current code's
 * preview: no step the cloud refuses, and no security group attached to machines replaced.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { previewStack, type StackPreview } from "../components/preview/previewStack";
import { replay } from "../components/replay/replay";

const STACKS = ["rancher-aws", "super-kubenetes-gcp", "dce5-azure", "apinizer-aws"];
const released = (stack: string) => JSON.parse(readFileSync(path.join(__dirname, "fixtures/released", `${stack}.json`), "utf8")) as StackPreview;

describe("upgrading kubeports converges in one pulumi up", () => {
  for (const stack of STACKS) {
    it(`${stack}: the released preview replays onto the current one with no refused step`, async () => {
      const current = await previewStack(stack);
      const result = replay(released(stack).resources, current.resources);
      expect(result.conflict?.message).toBeUndefined();
      const replacedGroups = result.steps.filter((step) => step.op === "replace" && step.type === "aws:ec2/securityGroup:SecurityGroup");
      expect(replacedGroups.map((step) => step.name)).toEqual([]);
    }, 60_000);
  }
});
