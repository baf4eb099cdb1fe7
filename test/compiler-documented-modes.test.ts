/**
 * A mode the layout's documents do not cover is said out loud: Super Kubenetes documents
 * Calico IP-in-IP and BGP only, so with calicoMode vxlan its plan has no VXLAN port.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";

const layout = {
  name: "sk",
  profiles: ["super-kubenetes"],
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
};

const udpPorts = (plan: ReturnType<typeof compile>) =>
  plan.groups.find((g) => g.name === "workers")!.ingress.filter((f) => f.protocol === "udp").map((f) => f.ports!.from);

describe("documented modes", () => {
  it("warns when no profile in the layout documents the chosen mode, naming the profiles that do", () => {
    // completeness: warn shows the documents as written; by default the model supplements the port.
    const plan = compile({ ...layout, options: { calicoMode: "vxlan" }, completeness: "warn" });
    const warning = plan.warnings.find((w) => w.code === "mode-undocumented");
    expect(warning).toMatchObject({ group: "*", flow: "option:calicoMode=vxlan" });
    expect(warning!.message).toContain('super-kubenetes (000_d5e27fa0bf6b16e4.txt) documents only "ipip", "bgp"');
    expect(warning!.message).toContain("calico");
    expect(udpPorts(plan)).not.toContain(4789);
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: "incomplete", group: "workers", flow: "requirement:calico-vxlan" }));
  });

  it("by default the missing mode's ports come from the connectivity model, as supplements", () => {
    const plan = compile({ ...layout, options: { calicoMode: "vxlan" } });
    expect(udpPorts(plan)).toContain(4789);
    expect(plan.supplements).toContainEqual(expect.objectContaining({ requirement: "calico-vxlan", group: "workers", from: { kind: "group", group: "workers" } }));
  });

  it("is satisfied by adding a profile with the mode's rows, which opens its ports", () => {
    const plan = compile({ ...layout, profiles: ["super-kubenetes", "calico"], options: { calicoMode: "vxlan" } });
    expect(plan.warnings.filter((w) => w.code === "mode-undocumented")).toEqual([]);
    expect(udpPorts(plan)).toContain(4789);
  });

  it("says nothing for documented modes or when the mode does not apply", () => {
    for (const options of [{}, { calicoMode: "bgp" }, { cni: "flannel" }] as const) {
      expect(compile({ ...layout, options, podCidr: "10.244.0.0/16" }).warnings.filter((w) => w.code === "mode-undocumented")).toEqual([]);
    }
  });
});
