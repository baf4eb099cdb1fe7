/**
 * The access every cluster needs, under the same peer names on every upstream profile:
 * `apiClients` reaches the Kubernetes API (6443) on the control plane, and `admin` reaches SSH
 * (22) on every node. SSH is in no vendor page: its row cites operator access and says so.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { formatPortRange } from "../components/model/ports";
import { OPERATOR_ACCESS } from "../components/profiles/dsl";
import { findProfile } from "../components/profiles/catalog";

const UPSTREAM = ["kubernetes", "rke2", "k3s"] as const;
const API = "198.51.100.0/24";
const ADMIN = "192.0.2.0/24";

function ingress(profile: string, group: string, peers: Record<string, string[]>): string[] {
  const plan = compile({ name: "lab", profiles: [profile], groups: { cp: { roles: profile === "kubernetes" ? ["controlPlane", "etcd"] : ["controlPlane"] }, workers: { roles: ["worker"] } }, peers });
  const flows = plan.groups.find((g) => g.name === group)!.ingress;
  return flows.filter((f) => f.peer.kind === "cidr").map((f) => `${f.protocol} ${f.ports ? formatPortRange(f.ports) : "-"} ${f.peer.kind === "cidr" ? f.peer.cidr : ""}`);
}

describe("common access peers on the upstream profiles", () => {
  it.each(UPSTREAM)("%s names the kubectl and SSH peers apiClients and admin", (id) => {
    expect(Object.keys(findProfile(id)!.peers)).toEqual(expect.arrayContaining(["apiClients", "admin"]));
  });

  it.each(UPSTREAM)("%s: apiClients reaches 6443 on the control plane only; admin reaches 22 on every node", (id) => {
    const peers = { apiClients: [API], admin: [ADMIN] };
    expect(ingress(id, "cp", peers)).toEqual(expect.arrayContaining([`tcp 6443 ${API}`, `tcp 22 ${ADMIN}`]));
    expect(ingress(id, "workers", peers)).toContain(`tcp 22 ${ADMIN}`);
    expect(ingress(id, "workers", peers)).not.toContain(`tcp 6443 ${API}`);
  });

  it.each(UPSTREAM)("%s opens nothing to outside networks while the peers are unset", (id) => {
    expect(ingress(id, "cp", {})).toEqual([]);
    expect(ingress(id, "workers", {})).toEqual([]);
  });

  it.each(UPSTREAM)("%s cites SSH as operator access and says in the row that no vendor page lists it", (id) => {
    const ssh = findProfile(id)!.rows.find((row) => row.id === "ssh")!;
    expect(ssh.source.document).toBe(OPERATOR_ACCESS);
    expect(ssh.note).toMatch(/^Not in the vendor page: operator access/);
    const api = findProfile(id)!.rows.find((row) => row.from.some((party) => "peer" in party && party.peer === "apiClients"))!;
    expect(api.source.document).toMatch(/^https:\/\//);
  });
});
