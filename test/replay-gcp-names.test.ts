/**
 * GCP firewall names are unique per project: two stacks that deploy one cluster file into one
 * project must not collide. The shipped GCP stack prefixes names with the stack name
 * (kubeports:namePrefix overrides it); GcpClusterFirewall takes the prefix as `namePrefix`.
 */
import { describe, expect, it } from "vitest";
import { GcpClusterFirewall } from "../components/gcp/gcpClusterFirewall";
import type { Layout } from "../components/model/layout";
import { installRecordingMocks, settle } from "../components/preview/recordingMocks";
import { replay, type ReplayResource } from "../components/replay/replay";

const layout: Layout = {
  name: "lab",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["203.0.113.0/24"] },
};

/** One stack's resources; logical names carry the stack, as URNs do. */
async function stackResources(stack: string, namePrefix?: string): Promise<ReplayResource[]> {
  const recorder = await installRecordingMocks();
  new GcpClusterFirewall("lab", { layout, network: "k8s", project: "acme", ...(namePrefix ? { namePrefix } : {}) });
  await settle();
  return recorder.resources.filter((r) => r.custom).map(({ type, name, id, parent, inputs }) => ({ type, name: `${stack}/${name}`, id, parent, inputs }));
}

describe("GCP firewall names are unique per project", () => {
  it("two stacks of one layout in one project collide without a prefix of their own", async () => {
    const [one, two] = [await stackResources("staging"), await stackResources("prod")];
    expect(replay([], [...one, ...two]).conflict?.refusal).toBe("GCP alreadyExists");
  });

  it("with one namePrefix per stack (the shipped stacks use the stack name) they do not", async () => {
    const [one, two] = [await stackResources("staging", "lab-staging"), await stackResources("prod", "lab-prod")];
    expect(replay([], [...one, ...two]).conflict).toBeUndefined();
    for (const resource of [...one, ...two].filter((r) => r.type === "gcp:compute/firewall:Firewall")) {
      expect(String(resource.inputs.name).length).toBeLessThanOrEqual(63);
    }
  });

  it("an invalid namePrefix is refused before anything is registered, naming the argument", () => {
    expect(() => new GcpClusterFirewall("lab", { layout, network: "k8s", namePrefix: "42" })).toThrow(/args\.namePrefix/);
  });
});
