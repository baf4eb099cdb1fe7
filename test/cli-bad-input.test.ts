/**
 * Every way a layout can be wrong, through the CLI as a user meets it (`kubeports plan <file>
 * --out <file>`, in-process): exit 1, one "path: message" line per problem naming what to do,
 * no stack trace, nothing on stdout and no report written. One case per documented error of the
 * layout file, schema, references, rules, options and limits.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify as yamlText } from "yaml";
import { EXIT, run } from "../components/cli/run";
import { compile } from "../components/compiler/compile";
import { LAYOUT_LIMITS } from "../components/layout/layoutLimits";
import { KubeportsError } from "../components/model/errors";
import { STACK_LINE } from "./support/stackTrace";

/** YAML text without anchors, so repeated objects stay plain copies as a user would write them. */
const stringify = (value: unknown) => yamlText(value, { aliasDuplicateObjects: false });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kubeports-bad-"));
  mkdirSync(path.join(dir, "a-directory.yaml"));
});

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd: dir, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}


const BASE = {
  name: "lab",
  profiles: ["super-kubenetes"],
  options: { offline: true, nfs: true },
  groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["192.0.2.0/24"], apiClients: ["192.0.2.0/24"], workloadClients: ["10.0.0.0/8"] },
};
type Layoutish = Record<string, unknown>;
const withRule = (rule: Layoutish, base: Layoutish = BASE): Layoutish => ({ ...base, rules: [rule] });
const RULE = { id: "metrics", description: "metrics", protocols: ["tcp"], ports: "9100", from: [{ group: "masters" }], to: { group: "workers" } };
const ETCD_FROM_WORLD = { ...RULE, id: "etcd-world", ports: "2379-2380", from: [{ cidrs: ["0.0.0.0/0"], label: "anywhere" }] };
const withPeer = (name: string, cidrs: unknown): Layoutish => ({ ...BASE, peers: { ...BASE.peers, [name]: cidrs } });

interface Case {
  /** What is wrong. */
  readonly name: string;
  /** The file's text, or a value written as YAML. */
  readonly text?: string;
  readonly layout?: unknown;
  /** The file name (default: case.yaml). */
  readonly file?: string;
  /** `path: ` of the message line, and words of the message the user acts on (value, allowed, fix). */
  readonly path: string;
  readonly says: readonly string[];
}

const CASES: readonly Case[] = [
  // The file
  { name: "no such file", file: "missing.yaml", path: "<layout>", says: ['"missing.yaml" is not the path of a .yaml', "check the path"] },
  { name: "a directory", file: "a-directory.yaml", path: "a-directory.yaml", says: ["is a directory", "give the path to a .yaml"] },
  { name: "empty file", text: "# nothing\n", path: "case.yaml", says: ["the file has no content", "see examples/layouts"] },
  { name: "two YAML documents", text: `${stringify(BASE)}---\nname: b\n`, path: "case.yaml:", says: ["holds 2 YAML documents", 'remove the "---" separators'] },
  { name: "YAML syntax error", text: "name: x\ngroups:\n  w: {roles: [worker]\n", path: "case.yaml:", says: [""] },
  { name: "alias without anchor", text: `${stringify(BASE)}rules: *nothing\n`, path: "case.yaml:", says: ['alias "*nothing" has no anchor', "define the anchor first"] },
  {
    name: "merge key of a list",
    text: `${stringify({ ...BASE, groups: undefined })}groups:\n  masters: &m [1]\n  workers:\n    <<: *m\n    roles: [worker]\n`,
    path: "case.yaml:",
    says: ['a "<<" merge key takes a mapping', "point the alias at a mapping"],
  },
  {
    name: "alias bomb",
    text: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    path: "case.yaml",
    says: ["alias"],
  },
  { name: "file over the size limit", text: `name: big\n# ${"x".repeat(LAYOUT_LIMITS.fileBytes)}\n`, path: "case.yaml", says: ["bytes is more than the 1048576 bytes (1 MiB)", "split the layout"] },
  // Limits on counts
  {
    name: "too many rules",
    layout: { ...BASE, rules: Array.from({ length: LAYOUT_LIMITS.rules + 1 }, (_, i) => ({ ...RULE, id: `r${i}` })) },
    path: "layout.rules",
    says: ["1001 rules is more than the 1000", "split the layout"],
  },
  { name: "too many peers", layout: { ...BASE, peers: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`p${i}`, ["192.0.2.0/24"]])) }, path: "layout.peers", says: ["1001 peers"] },
  // Schema
  { name: "not a mapping", text: "- a\n- b\n", path: "layout", says: ["expected object"] },
  { name: "unknown top-level field", layout: { ...BASE, group: {} }, path: "layout", says: ['unknown field "group"', 'did you mean "groups"?'] },
  { name: "missing name", layout: { ...BASE, name: undefined }, path: "layout.name", says: ["expected string, got nothing"] },
  { name: "empty profile list", layout: { ...BASE, profiles: [] }, path: "layout.profiles", says: ["list at least one profile", "kubeports profiles"] },
  { name: "no groups", layout: { ...BASE, groups: {} }, path: "layout.groups", says: ["define at least one node group"] },
  { name: "group without roles", layout: { ...BASE, groups: { ...BASE.groups, w2: { roles: [] } } }, path: "layout.groups.w2.roles", says: ["give the group at least one role"] },
  { name: "invalid group name", layout: { ...BASE, groups: { ...BASE.groups, Workers_2: { roles: ["worker"] } } }, path: "layout.groups.Workers_2", says: ['invalid name "Workers_2"', 'for example "workers"'] },
  { name: "invalid option value", layout: { ...BASE, options: { calicoMode: "vxlann" } }, path: "layout.options.calicoMode", says: ['invalid value "vxlann"', '"vxlan"'] },
  { name: "unknown option", layout: { ...BASE, options: { ofline: true } }, path: "layout.options", says: ['unknown field "ofline"', 'did you mean "offline"?'] },
  { name: "option of the wrong type", layout: { ...BASE, options: { nfs: "yes" } }, path: "layout.options.nfs", says: ["expected boolean", '"yes"'] },
  { name: "invalid cluster name", layout: { ...BASE, clusters: { Prod: { kind: "default" } } }, path: "layout.clusters.Prod", says: ['invalid name "Prod"', "group-name rules"] },
  { name: "peer with no CIDRs", layout: withPeer("admin", []), path: "layout.peers.admin", says: ["give at least one CIDR, or leave the peer out"] },
  { name: "peer not a list", layout: withPeer("admin", "192.0.2.0/24"), path: "layout.peers.admin", says: ["expected array", '"192.0.2.0/24"'] },
  { name: "rule id with capitals", layout: withRule({ ...RULE, id: "Metrics" }), path: "layout.rules[0].id", says: ["lower-case letters, digits and hyphens"] },
  { name: "rule with unknown protocol", layout: withRule({ ...RULE, protocols: ["tpc"] }), path: "layout.rules[0].protocols[0]", says: ['invalid value "tpc"', '"tcp"'] },
  { name: "rule port out of range", layout: withRule({ ...RULE, ports: "70000" }), path: "layout.rules[0].ports", says: ['"70000" is outside 1-65535', "ports must be within 1-65535"] },
  { name: "rule port not a number", layout: withRule({ ...RULE, ports: "http" }), path: "layout.rules[0].ports", says: ['"http" is not a port or port range', '"443"'] },
  { name: "rule with an ICMP type above 255", layout: withRule({ ...RULE, protocols: ["icmp"], ports: undefined, icmp: { type: 300 } }), path: "layout.rules[0].icmp.type", says: ["300 is too big", "at most 255"] },
  { name: "rule party of no known shape", layout: withRule({ ...RULE, to: { groop: "workers" } }), path: "layout.rules[0].to", says: ["must be one of", '{ group: "<group>" }'] },
  { name: "empty allowInternet", layout: withRule({ ...ETCD_FROM_WORLD, allowInternet: "  " }), path: "layout.rules[0].allowInternet", says: ["give the reason in words", "or remove allowInternet"] },
  // CIDR notation
  { name: "octal-looking IPv4", layout: withPeer("admin", ["192.168.010.0/24"]), path: "layout.peers.admin[0]", says: ["leading zero", 'write "192.168.10.0/24" if you meant decimal', '"192.168.8.0/24" if you meant octal'] },
  { name: "hex IPv4", layout: withPeer("admin", ["0xC0.0.2.0/24"]), path: "layout.peers.admin[0]", says: ["not dotted-decimal", 'write "192.0.2.0/24"'] },
  { name: "integer IPv4", layout: withPeer("admin", ["3221225984/24"]), path: "layout.peers.admin[0]", says: ["not dotted-decimal", 'write "192.0.2.0/24"'] },
  { name: "shorthand IPv4", layout: withPeer("admin", ["10.1/16"]), path: "layout.peers.admin[0]", says: ["shorthand", "not accepted", "a.b.c.d/n"] },
  { name: "host bits set", layout: withPeer("admin", ["10.0.0.5/8"]), path: "layout.peers.admin[0]", says: ["has host bits set", 'did you mean "10.0.0.0/8"?'] },
  { name: "no prefix length", layout: withPeer("admin", ["192.0.2.7"]), path: "layout.peers.admin[0]", says: ["has no prefix length", 'write "192.0.2.7/32"'] },
  { name: "prefix length too long", layout: withPeer("admin", ["10.0.0.0/33"]), path: "layout.peers.admin[0]", says: ["prefix length 33", "0-32"] },
  { name: "prefix length with a leading zero", layout: withPeer("admin", ["10.0.0.0/08"]), path: "layout.peers.admin[0]", says: ['write "10.0.0.0/8"'] },
  { name: "octet above 255", layout: withPeer("admin", ["256.0.0.0/8"]), path: "layout.peers.admin[0]", says: ["octet above 255"] },
  { name: "IPv6 zone index", layout: withPeer("admin", ["fe80::%eth0/64"]), path: "layout.peers.admin[0]", says: ["zone index", "remove it"] },
  { name: "invalid IPv6", layout: withPeer("admin", ["2001:db8::g/48"]), path: "layout.peers.admin[0]", says: ["is not an IPv6 address", "2001:db8::/48"] },
  { name: "spaces around a CIDR", layout: withPeer("admin", [" 192.0.2.0/24"]), path: "layout.peers.admin[0]", says: ['write "192.0.2.0/24"'] },
  { name: "not a CIDR at all", layout: withPeer("admin", ["office"]), path: "layout.peers.admin[0]", says: ['"office" is not a CIDR', "a.b.c.d/n"] },
  { name: "bad CIDR in a rule", layout: withRule({ ...RULE, from: [{ cidrs: ["10.1/16"], label: "lab" }] }), path: "layout.rules[0].from[0].cidrs[0]", says: ["shorthand"] },
  // Profiles and references
  { name: "unknown profile", layout: { ...BASE, profiles: ["super-kubernetes"] }, path: "layout.profiles[0]", says: ['unknown profile "super-kubernetes"', 'did you mean "super-kubenetes"?'] },
  { name: "profile listed twice", layout: { ...BASE, profiles: ["super-kubenetes", "super-kubenetes"] }, path: "layout.profiles[1]", says: ["listed twice", "list each profile once"] },
  { name: "unknown role", layout: { ...BASE, groups: { ...BASE.groups, workers: { roles: ["wroker"] } } }, path: "layout.groups.workers.roles[0]", says: ['unknown role "wroker"', 'did you mean "worker"?'] },
  { name: "role listed twice", layout: { ...BASE, groups: { ...BASE.groups, workers: { roles: ["worker", "worker"] } } }, path: "layout.groups.workers.roles[1]", says: ["listed twice", "list it once"] },
  { name: "undeclared cluster", layout: { ...BASE, groups: { ...BASE.groups, workers: { roles: ["worker"], cluster: "prod" } } }, path: "layout.groups.workers.cluster", says: ['unknown cluster "prod"', "declare it under layout.clusters"] },
  { name: "unknown cluster kind", layout: { ...BASE, clusters: { prod: { kind: "prod" } } }, path: "layout.clusters.prod.kind", says: ['unknown cluster kind "prod"', "known: default"] },
  { name: "peer no row uses", layout: withPeer("admn", ["192.0.2.0/24"]), path: "layout.peers.admn", says: ['unknown peer "admn"', 'did you mean "admin"?'] },
  { name: "needed role without a group", layout: { ...BASE, groups: { workers: { roles: ["worker"] } } }, path: "layout.groups", says: ["needs a node group with", "add \""] },
  // Layout rules
  { name: "rule names an unknown group", layout: withRule({ ...RULE, to: { group: "wokers" } }), path: "layout.rules[0]", says: ['unknown group "wokers"', 'did you mean "workers"?'] },
  { name: "rule names an unknown role", layout: withRule({ ...RULE, to: { role: "wroker" } }), path: "layout.rules[0]", says: ['unknown role "wroker"', 'did you mean "worker"?'] },
  { name: "TCP rule without ports", layout: withRule({ ...RULE, ports: undefined }), path: "layout.rules[0].ports", says: ["need ports", '"8080"'] },
  { name: "ports on a port-less protocol", layout: withRule({ ...RULE, protocols: ["icmp"] }), path: "layout.rules[0].ports", says: ["gives ports", "remove ports"] },
  { name: "rule between two outside parties", layout: withRule({ ...RULE, from: [{ peer: "admin" }], to: { peer: "apiClients" } }), path: "layout.rules[0].to", says: ["connects two outside parties", "one end must be a role"] },
  { name: "duplicate rule id", layout: { ...BASE, rules: [RULE, { ...RULE, ports: "9101" }] }, path: "layout.rules[1].id", says: ['rule id "metrics" is already used by layout.rules[0]', "give each rule its own id"] },
  { name: "rule peer misspelt", layout: withRule({ ...RULE, from: [{ peer: "admn" }] }), path: "layout.rules[0].from[0].peer", says: ['names peer "admn", which layout.peers does not define', 'did you mean "admin"?', "correct the name"] },
  { name: "rule peer unset", layout: withRule({ ...RULE, from: [{ peer: "monitoring" }] }), path: "layout.rules[0].from[0].peer", says: ['names peer "monitoring"', "would open nothing", "peers: { monitoring:"] },
  { name: "rule peer declared without CIDRs", layout: withRule({ ...RULE, from: [{ peer: "admin" }] }, withPeer("admin", [])), path: "layout.rules[0].from[0].peer", says: ["has no CIDRs", "give layout.peers.admin at least one CIDR"] },
  { name: "rule opens etcd to 0.0.0.0/0", layout: withRule(ETCD_FROM_WORLD), path: "layout.rules[0].from[0].cidrs[0]", says: ["opens etcd", "to 0.0.0.0/0, the whole internet", 'allowInternet: "<why>"'] },
  { name: "rule opens the kubelet to ::/0", layout: withRule({ ...ETCD_FROM_WORLD, ports: "10250", from: [{ cidrs: ["::/0"], label: "v6" }] }), path: "layout.rules[0].from[0].cidrs[0]", says: ["opens kubelet", "to ::/0"] },
  { name: "rule opens VXLAN to the world", layout: withRule({ ...ETCD_FROM_WORLD, protocols: ["udp"], ports: "4789" }), path: "layout.rules[0].from[0].cidrs[0]", says: ["opens VXLAN"] },
  { name: "rule opens IP-in-IP to the world", layout: withRule({ ...ETCD_FROM_WORLD, protocols: ["ipip"], ports: undefined }), path: "layout.rules[0].from[0].cidrs[0]", says: ["opens IP-in-IP"] },
  { name: "rule opens BGP through a world peer", layout: withRule({ ...RULE, ports: "179", from: [{ peer: "admin" }] }, withPeer("admin", ["0.0.0.0/0"])), path: "layout.peers.admin", says: ["would open Calico BGP", "allowInternet"] },
  { name: "stale allowInternet", layout: withRule({ ...RULE, allowInternet: "old lab" }), path: "layout.rules[0].allowInternet", says: ["opens nothing to 0.0.0.0/0 or ::/0", "remove allowInternet"] },
  // Option combinations
  { name: "option of another CNI", layout: { ...BASE, options: { cni: "flannel", calicoMode: "vxlan" } }, path: "layout.options.calicoMode", says: ["applies only with cni calico", "remove calicoMode"] },
  { name: "ipsec without cilium", layout: { ...BASE, options: { encryption: "ipsec" } }, path: "layout.options.encryption", says: ["Cilium's encryption", 'use "wireguard"'] },
  { name: "wireguard with weave", layout: { ...BASE, options: { cni: "weave", encryption: "wireguard" } }, path: "layout.options.encryption", says: ["needs a CNI that encrypts with WireGuard"] },
  {
    name: "admin-only rancher-nodes without admin",
    layout: { name: "rn", profiles: ["rancher-nodes"], options: { rancherNodesAdminOnly: true }, groups: { "rancher-nodes": { roles: ["rancherNode"] } } },
    path: "layout.options.rancherNodesAdminOnly",
    says: ["layout.peers.admin is empty", "add the admin CIDRs"],
  },
];

async function expectRefused(c: Case) {
  const file = c.file ?? "case.yaml";
  if (c.text !== undefined || c.layout !== undefined) writeFileSync(path.join(dir, file), c.text ?? stringify(c.layout));
  const out = `out-${file}.md`;
  const { code, stdout, stderr } = await cli(["plan", file, "--out", out]);
  expect(code, stderr).toBe(EXIT.input);
  expect(stdout).toBe("");
  expect(stderr.startsWith("kubeports: ")).toBe(true);
  expect(stderr).not.toMatch(STACK_LINE);
  expect(stderr).not.toContain("internal error");
  const line = stderr.split("\n").find((l) => l.startsWith(`  - ${c.path}`) && c.says.every((words) => l.includes(words)));
  expect(line, `no line "  - ${c.path}..." saying ${JSON.stringify(c.says)} in:\n${stderr}`).toBeDefined();
  expect(existsSync(path.join(dir, out))).toBe(false);
}

describe("kubeports plan refuses bad input with exit 1, the path, what to do, no stack trace and no report", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await expectRefused(c);
  });
});

describe("the CLI's other inputs fail the same way", () => {
  const ROOT = path.resolve(__dirname, "..");
  const EXAMPLE = path.join(ROOT, "examples/layouts/super-kubenetes.yaml");
  const cases: readonly [string, string[], "root" | "tmp", string, string][] = [
    ["unknown stack", ["preview", "rancher-awz"], "root", "  - stack: ", 'did you mean "rancher-aws"?'],
    ["no Pulumi project", ["preview", "rancher-aws"], "tmp", "  - --project: no Pulumi.yaml in ", "or give --project <dir>"],
    ["unknown base revision", ["diff", EXAMPLE, "--base", "no-such-rev-xyz"], "root", "  - --base: ", "give a commit, branch or tag git knows"],
    ["unwritable --out", ["plan", EXAMPLE, "--out", "blocker/report.md"], "tmp", "  - --out: ", "choose a writable path"],
  ];
  it.each(cases)("%s", async (_name, argv, where, line, fix) => {
    writeFileSync(path.join(dir, "blocker"), "a file where --out wants a directory\n");
    let stdout = "";
    let stderr = "";
    const code = await run(argv, { cwd: where === "root" ? ROOT : dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    expect([code, stdout]).toEqual([EXIT.input, ""]);
    expect(stderr).toContain(line);
    expect(stderr).toContain(fix);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

describe("count limits hold for layouts given as values (component args) too", () => {
  // Through the CLI this file would spend seconds in the YAML parser; the check itself runs before the schema.
  it("refuses more node groups than the limit, naming layout.groups", () => {
    const groups = Object.fromEntries(Array.from({ length: LAYOUT_LIMITS.groups + 1 }, (_, i) => [`g${i}`, { roles: ["worker"] }]));
    const error = (() => {
      try {
        compile({ ...BASE, groups });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(KubeportsError);
    expect((error as KubeportsError).issues).toEqual([
      { path: "layout.groups", message: `${LAYOUT_LIMITS.groups + 1} node groups is more than the ${LAYOUT_LIMITS.groups} one layout may hold (split the layout, or merge entries)` },
    ]);
  });
});

describe("every problem of a layout comes in one pass", () => {
  it("reports schema errors and reference errors together", async () => {
    const layout = {
      ...BASE,
      options: { calicoMode: "vxlann" },
      groups: { ...BASE.groups, workers: { roles: ["wroker"] } },
      peers: { ...BASE.peers, admin: ["10.1/16"] },
      rules: [RULE, { ...RULE, to: { group: "wokers" } }, { ...RULE, id: "x", from: [{ peer: "admn" }] }],
    };
    writeFileSync(path.join(dir, "many.yaml"), stringify(layout));
    const { code, stderr } = await cli(["plan", "many.yaml", "--out", "many.md"]);
    expect(code).toBe(EXIT.input);
    const paths = stderr.split("\n").filter((l) => l.startsWith("  - ")).map((l) => l.slice(4, l.indexOf(": ")));
    expect(paths.sort()).toEqual(
      ["layout.options.calicoMode", "layout.peers.admin[0]", "layout.groups.workers.roles[0]", "layout.rules[1].id", "layout.rules[1]", "layout.rules[2].from[0].peer"].sort(),
    );
    expect(existsSync(path.join(dir, "many.md"))).toBe(false);
  });
});

describe("what is accepted", () => {
  it("takes YAML merge keys", async () => {
    const text = `${stringify({ ...BASE, groups: undefined })}groups:\n  masters: &node { roles: [controlPlane, etcd] }\n  workers:\n    <<: *node\n    roles: [worker]\n`;
    writeFileSync(path.join(dir, "merge.yaml"), text);
    writeFileSync(path.join(dir, "plain.yaml"), stringify(BASE));
    const merged = await cli(["plan", "merge.yaml", "--format", "json"]);
    const plain = await cli(["plan", "plain.yaml", "--format", "json"]);
    expect([merged.code, merged.stderr]).toEqual([0, ""]);
    expect(merged.stdout).toBe(plain.stdout);
  });

  it("takes upper-case, uncompressed IPv6 and prints it in RFC 5952 form", async () => {
    writeFileSync(path.join(dir, "v6.yaml"), stringify(withPeer("admin", ["2001:DB8:0:0::/48"])));
    const { code, stdout } = await cli(["plan", "v6.yaml", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).peers).toContainEqual({ name: "admin", cidrs: ["2001:db8::/48"] });
  });

  it("opens an internal port to the internet when the rule says why, and every report shows the reason", async () => {
    const reason = "lab cluster, no data, torn down nightly";
    writeFileSync(path.join(dir, "ack.yaml"), stringify(withRule({ ...ETCD_FROM_WORLD, allowInternet: reason })));
    const json = await cli(["plan", "ack.yaml", "--format", "json"]);
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout);
    const warning = plan.warnings.find((w: { flow: string }) => w.flow === "in:tcp:2379-2380:cidr:0.0.0.0/0");
    expect(warning).toMatchObject({ code: "world-open-internal", group: "workers", allowInternet: [reason] });
    expect(warning.message).toContain(`The layout allows it: "${reason}".`);
    const flow = plan.groups.find((g: { name: string }) => g.name === "workers").ingress.find((f: { key: string }) => f.key === warning.flow);
    expect(flow.reasons).toEqual([expect.objectContaining({ profile: "layout", row: "etcd-world", allowInternet: reason })]);
    for (const lang of ["en", "ko"]) {
      const markdown = await cli(["plan", "ack.yaml", "--lang", lang]);
      expect(markdown.code).toBe(0);
      expect(markdown.stdout).toContain(`"${reason}"`);
    }
    writeFileSync(path.join(dir, "before.yaml"), stringify(BASE));
    const diff = await cli(["diff", "before.yaml", "ack.yaml"]);
    expect(diff.stdout).toContain(`"${reason}"`);
  });
});
