/**
 * One test per documented layout error: each names the exact input path and checks that the
 * message says the value given, what is allowed and how to fix it.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import { type InputIssue, KubeportsError } from "../components/model/errors";

/** A valid super-kubenetes layout each test breaks in one place. */
const base = {
  name: "validation",
  profiles: ["super-kubenetes"],
  groups: {
    masters: { roles: ["controlPlane", "etcd"] },
    workers: { roles: ["worker"] },
  },
};

/** A valid DCE 5.0 layout with a global cluster, for cluster checks. */
const dce = {
  name: "validation-dce",
  profiles: ["dce5"],
  clusters: { global: { kind: "global" } },
  groups: {
    masters: { roles: ["controlPlane"], cluster: "global" },
    workers: { roles: ["worker"], cluster: "global" },
  },
};

function issuesOf(input: unknown): readonly InputIssue[] {
  try {
    compile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(KubeportsError);
    return (error as KubeportsError).issues;
  }
  throw new Error("compile() accepted a layout that should be rejected");
}

/** The only issue is at `path` and its message contains every part. */
function expectOnlyIssue(input: unknown, path: string, ...parts: string[]): void {
  const issues = issuesOf(input);
  expect(issues.map((issue) => issue.path)).toEqual([path]);
  for (const part of parts) expect(issues[0]!.message).toContain(part);
}

describe("layout validation errors", () => {
  it("the base layouts are valid", () => {
    expect(() => compile(base)).not.toThrow();
    expect(() => compile(dce)).not.toThrow();
  });

  it("unknown profile, with did-you-mean", () => {
    expectOnlyIssue({ ...base, profiles: ["super-kubenets"] }, "layout.profiles[0]", 'unknown profile "super-kubenets"', "known: ", "dce5", 'did you mean "super-kubenetes"?');
  });

  it("duplicate profile", () => {
    expectOnlyIssue({ ...base, profiles: ["super-kubenetes", "super-kubenetes"] }, "layout.profiles[1]", 'profile "super-kubenetes" is listed twice', "list each profile once");
  });

  it("empty profile list", () => {
    expectOnlyIssue({ ...base, profiles: [] }, "layout.profiles", "list at least one profile", "kubeports profiles");
  });

  it("unknown role, with did-you-mean", () => {
    const input = { ...base, groups: { ...base.groups, workers: { roles: ["wroker"] } } };
    expectOnlyIssue(input, "layout.groups.workers.roles[0]", 'unknown role "wroker"', "known: controlPlane, etcd, nfsServer, registry, worker", 'did you mean "worker"?');
  });

  it("duplicate role in a group", () => {
    const input = { ...base, groups: { ...base.groups, workers: { roles: ["worker", "worker"] } } };
    expectOnlyIssue(input, "layout.groups.workers.roles[1]", 'role "worker" is listed twice', "list it once");
  });

  it("group without roles", () => {
    const input = { ...base, groups: { ...base.groups, spare: { roles: [] } } };
    expectOnlyIssue(input, "layout.groups.spare.roles", "give the group at least one role");
  });

  it("unknown cluster", () => {
    const input = { ...dce, groups: { ...dce.groups, workers: { roles: ["worker"], cluster: "globl" } } };
    expectOnlyIssue(input, "layout.groups.workers.cluster", 'unknown cluster "globl"', "known: global", 'did you mean "global"?', "declare it under layout.clusters");
  });

  it("unknown cluster kind", () => {
    const input = { ...dce, clusters: { global: { kind: "globl" } } };
    expectOnlyIssue(input, "layout.clusters.global.kind", 'unknown cluster kind "globl"', "known: default, global, worker", 'did you mean "global"?');
  });

  it("invalid cluster name", () => {
    const input = { ...dce, clusters: { Global: { kind: "global" } } };
    expectOnlyIssue(input, "layout.clusters.Global", 'invalid name "Global"', "group-name rules");
  });

  it("unknown peer, with did-you-mean", () => {
    expectOnlyIssue(
      { ...base, peers: { admn: ["192.0.2.0/24"] } },
      "layout.peers.admn",
      'unknown peer "admn"',
      "no row of the chosen profiles uses it",
      "known: admin, apiClients, workloadClients",
      'did you mean "admin"?',
    );
  });

  it("peer without CIDRs", () => {
    expectOnlyIssue({ ...base, peers: { admin: [] } }, "layout.peers.admin", "give at least one CIDR, or leave the peer out");
  });

  it("invalid CIDR", () => {
    expectOnlyIssue({ ...base, peers: { admin: ["10.0.0.0/33"] } }, "layout.peers.admin[0]", '"10.0.0.0/33" has prefix length 33', "IPv4 allows 0-32");
  });

  it("CIDR with host bits suggests the network", () => {
    expectOnlyIssue({ ...base, peers: { admin: ["10.1.2.3/8"] } }, "layout.peers.admin[0]", '"10.1.2.3/8" has host bits set', 'did you mean "10.0.0.0/8"?');
  });

  it("IPv6 CIDR with host bits suggests the network", () => {
    expectOnlyIssue({ ...base, peers: { admin: ["2001:db8::1/48"] } }, "layout.peers.admin[0]", 'did you mean "2001:db8::/48"?');
  });

  it("invalid group name", () => {
    const input = { ...base, groups: { ...base.groups, Workers_1: { roles: ["worker"] } } };
    expectOnlyIssue(input, "layout.groups.Workers_1", 'invalid name "Workers_1"', "lower-case letters, digits and hyphens", 'for example "workers"');
  });

  it("empty groups", () => {
    expectOnlyIssue({ ...base, groups: {} }, "layout.groups", "define at least one node group");
  });

  it("unknown top-level field, with did-you-mean", () => {
    const { groups, ...rest } = base;
    const issues = issuesOf({ ...rest, group: groups });
    const unknown = issues.find((issue) => issue.path === "layout");
    expect(unknown?.message).toContain('unknown field "group"');
    expect(unknown?.message).toContain('did you mean "groups"?');
  });

  it("missing layout name", () => {
    const { name: _name, ...rest } = base;
    expectOnlyIssue(rest, "layout.name", "expected string, got nothing");
  });

  it("unknown option, with did-you-mean", () => {
    expectOnlyIssue({ ...base, options: { calicoMod: "vxlan" } }, "layout.options", 'unknown field "calicoMod"', "known: apinizerWorkerPort", 'did you mean "calicoMode"?');
  });

  it("invalid option value lists the allowed values", () => {
    expectOnlyIssue({ ...base, options: { calicoMode: "vxlann" } }, "layout.options.calicoMode", 'invalid value "vxlann"', 'allowed: "ipip", "vxlan", "bgp"');
  });

  it("boolean option given as text", () => {
    expectOnlyIssue({ ...base, options: { offline: "yes" } }, "layout.options.offline", 'expected boolean, got "yes"');
  });

  it("numeric option outside its values", () => {
    expectOnlyIssue({ ...base, options: { apinizerWorkerPort: 8080 } }, "layout.options.apinizerWorkerPort", "invalid value 8080", "allowed: 30080, 30090");
  });

  describe("contradictory options", () => {
    it("calicoMode with cni flannel", () => {
      expectOnlyIssue(
        { ...base, options: { cni: "flannel", calicoMode: "vxlan" } },
        "layout.options.calicoMode",
        "applies only with cni calico",
        'cni is "flannel"',
        "remove calicoMode, or set cni: calico",
      );
    });

    it("hubble without cilium", () => {
      expectOnlyIssue({ ...base, options: { hubble: true } }, "layout.options.hubble", "applies only with cni cilium", 'cni is "calico"');
    });

    it("ipsec without cilium", () => {
      expectOnlyIssue({ ...base, options: { encryption: "ipsec" } }, "layout.options.encryption", `"ipsec" is Cilium's encryption`, 'cni is "calico"', 'use "wireguard", or set cni: cilium');
    });

    it("wireguard with weave", () => {
      expectOnlyIssue({ ...base, options: { cni: "weave", encryption: "wireguard" } }, "layout.options.encryption", '"wireguard" needs a CNI that encrypts with WireGuard', 'cni is "weave"');
    });

    it("rancherNodesAdminOnly without an admin peer", () => {
      const input = { name: "nodes", profiles: ["rancher-nodes"], options: { rancherNodesAdminOnly: true }, groups: { nodes: { roles: ["rancherNode"] } } };
      expectOnlyIssue(input, "layout.options.rancherNodesAdminOnly", "layout.peers.admin is empty", "add the admin CIDRs");
    });
  });

  it("a row whose non-optional role has no node group", () => {
    const issues = issuesOf({ ...base, groups: { masters: { roles: ["controlPlane"] }, workers: { roles: ["worker"] } } });
    expect(issues).toEqual([
      {
        path: "layout.groups",
        message: expect.stringMatching(/^super-kubenetes row "etcd" \(etcd\) needs a node group with role "etcd"; add "etcd" to the roles of a group in layout\.groups$/),
      },
    ]);
  });

  it("an optional role without a group is a note, not an error", () => {
    const plan = compile({ ...base, options: { offline: true } });
    expect(plan.notes.filter((note) => note.code === "role-absent").map((note) => note.row)).toEqual(["local-apt", "local-registry"]);
  });

  describe("layout.rules", () => {
    const rule = { id: "exporter", description: "node exporter", protocols: ["tcp"], ports: "9100", from: [{ nodes: true }], to: { role: "worker" } };

    it("a valid rule compiles and merges with the profile's touching rows", () => {
      const plan = compile({ ...base, rules: [rule] });
      const workers = plan.groups.find((group) => group.name === "workers")!;
      // Calico's documented 9099-9100 already covers 9100: one flow, both reasons.
      const self = workers.ingress.find((flow) => flow.key === "in:tcp:9099-9100:group:workers");
      expect(self?.reasons.map((r) => `${r.profile}/${r.row}`)).toEqual(["layout/exporter", "super-kubenetes/calico"]);
      expect(self?.reasons[0]?.documentRow).toBe("rules: exporter");
    });

    it("port above 65535", () => {
      expectOnlyIssue({ ...base, rules: [{ ...rule, ports: "70000" }] }, "layout.rules[0].ports", '"70000" is outside 1-65535', "ports must be within 1-65535");
    });

    it("port 0", () => {
      expectOnlyIssue({ ...base, rules: [{ ...rule, ports: ["0-22"] }] }, "layout.rules[0].ports", '"0-22" is outside 1-65535');
    });

    it("range that runs backwards", () => {
      expectOnlyIssue({ ...base, rules: [{ ...rule, ports: "9200-9100" }] }, "layout.rules[0].ports", '"9200-9100"', "runs backwards");
    });

    it("text that is not a port", () => {
      expectOnlyIssue({ ...base, rules: [{ ...rule, ports: "http" }] }, "layout.rules[0].ports", '"http" is not a port or port range', 'use "443" or "30000-32767"');
    });

    it("tcp rule without ports", () => {
      const { ports: _ports, ...portless } = rule;
      expectOnlyIssue({ ...base, rules: [portless] }, "layout.rules[0].ports", 'rule "exporter" uses tcp, which need ports', 'for example "8080"');
    });

    it("ports on a protocol without ports", () => {
      expectOnlyIssue({ ...base, rules: [{ ...rule, protocols: ["icmp"] }] }, "layout.rules[0].ports", 'rule "exporter" gives ports, but icmp has none', "remove ports");
    });

    it("rule naming an unknown role", () => {
      expectOnlyIssue({ ...base, rules: [{ ...rule, to: { role: "wroker" } }] }, "layout.rules[0]", 'rule "exporter" names unknown role "wroker"', 'did you mean "worker"?');
    });

    it("rule between two outside parties", () => {
      const input = { ...base, peers: { scraper: ["10.9.0.0/16"] }, rules: [{ ...rule, from: [{ peer: "scraper" }], to: { hosts: ["metrics.example.com"] } }] };
      expectOnlyIssue(input, "layout.rules[0].to", 'rule "exporter" connects two outside parties', "one end must be a role");
    });

    it("world peer on an internal row is refused", () => {
      const input = {
        ...base,
        peers: { backup: ["0.0.0.0/0"] },
        rules: [{ ...rule, id: "etcd-backup", description: "etcd backup", ports: "2379", from: [{ peer: "backup" }], to: { role: "etcd" } }],
      };
      expectOnlyIssue(input, "layout.peers.backup", "0.0.0.0/0 would open etcd", "TCP 2379", 'layout row "etcd-backup"', "give the backup network's real CIDRs");
    });

    it("world peer on a non-internal row is allowed, with a warning", () => {
      const input = { ...base, peers: { workloadClients: ["0.0.0.0/0"] } };
      const plan = compile(input);
      const world = plan.warnings.filter((warning) => warning.code.startsWith("world-open"));
      expect(world.map((warning) => [warning.code, warning.group, warning.flow])).toEqual([
        ["world-open", "masters", "in:tcp:30000-32767:cidr:0.0.0.0/0"],
        ["world-open", "workers", "in:tcp:30000-32767:cidr:0.0.0.0/0"],
      ]);
    });
  });

  it("collects every problem before failing", () => {
    const input = {
      ...base,
      groups: { ...base.groups, workers: { roles: ["wroker"] } },
      peers: { admn: ["192.0.2.0/24"] },
      options: { cni: "flannel", calicoMode: "vxlan" },
    };
    expect(issuesOf(input).map((issue) => issue.path)).toEqual(["layout.groups.workers.roles[0]", "layout.peers.admn", "layout.options.calicoMode"]);
  });

  function messageOf(input: unknown): string {
    try {
      compile(input);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("compile() accepted a layout that should be rejected");
  }

  it("the error message lists every schema problem as path: message", () => {
    const message = messageOf({ ...base, peers: { admin: ["10.1.2.3/8"] }, options: { calicoMode: "vxlann" } });
    expect(message.split("\n")[0]).toBe('Invalid layout "validation":');
    expect(message).toContain('\n  - layout.options.calicoMode: invalid value "vxlann"');
    expect(message).toContain('\n  - layout.peers.admin[0]: "10.1.2.3/8" has host bits set');
  });

  it("the error message names the layout for reference problems", () => {
    const message = messageOf({ ...base, peers: { admn: ["192.0.2.0/24"] } });
    expect(message.split("\n")).toEqual(['Invalid layout "validation":', expect.stringMatching(/^  - layout\.peers\.admn: unknown peer "admn"/)]);
  });
});
