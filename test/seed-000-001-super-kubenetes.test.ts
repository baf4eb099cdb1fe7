/**
 * Seeds 000 (English) and 001 (Korean): the Super Kubenetes port table, transcribed below
 * and checked three ways: against the seed HTML itself, English against Korean, and against
 * plans compiled from realistic layouts.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../components/compiler/compile";
import type { Layout } from "../components/model/layout";
import type { LayoutOptions } from "../components/model/options";
import type { Plan } from "../components/model/plan";
import { findProfile } from "../components/profiles/catalog";
import { superKubenetesKorean } from "../components/profiles/superKubenetes";
import { planMarkdown } from "../components/reports/planMarkdown";
import {
  type DocRow, type End, cidr, expand, expectAllowed, expectEveryFlowCites, expectNotAllowed, group, readSeed,
} from "./seedTables";

const ENGLISH = "000_d5e27fa0bf6b16e4.txt";
const KOREAN = "001_3bf5a380ea63b531.txt";

type LayoutKey = "calicoIpipOffline" | "calicoVxlan" | "flannel";
type Party = "every node" | "masters" | "etcd" | "registry" | "nfs" | "admin" | "apiClients" | "workloadClients";

/** The table as printed (Service, Protocol, Start Port, End Port, Notes) plus who talks to whom. */
interface TableRow extends Omit<DocRow<Party, LayoutKey>, "label" | "ports"> {
  readonly service: string;
  readonly start: string;
  readonly end: string;
  readonly notes: string;
}

const TABLE: readonly TableRow[] = [
  { service: "ssh", protocol: "TCP", start: "22", end: "", notes: "", from: ["every node", "admin"], to: ["every node"] },
  { service: "etcd", protocol: "TCP", start: "2379", end: "2380", notes: "", from: ["masters", "etcd"], to: ["etcd"] },
  { service: "apiserver", protocol: "TCP", start: "6443", end: "", notes: "", from: ["every node", "apiClients"], to: ["masters"] },
  {
    service: "calico", protocol: "TCP", start: "9099", end: "9100", notes: "", from: ["every node"], to: ["every node"],
    in: ["calicoIpipOffline", "calicoVxlan"],
  },
  { service: "bgp", protocol: "TCP", start: "179", end: "", notes: "", from: ["every node"], to: ["every node"], in: ["calicoIpipOffline"] },
  {
    service: "nodeport", protocol: "TCP", start: "30000", end: "32767", notes: "",
    from: ["every node", "workloadClients"], to: ["every node"],
  },
  { service: "master", protocol: "TCP", start: "10250", end: "10258", notes: "", from: ["every node"], to: ["masters"] },
  { service: "dns", protocol: "TCP", start: "53", end: "", notes: "", from: ["every node"], to: ["every node"] },
  { service: "dns", protocol: "UDP", start: "53", end: "", notes: "", from: ["every node"], to: ["every node"] },
  {
    service: "local-registry", protocol: "TCP", start: "5000", end: "", notes: "For the offline environment",
    from: ["every node"], to: ["registry"], in: ["calicoIpipOffline"],
  },
  {
    service: "local-apt", protocol: "TCP", start: "5080", end: "", notes: "For the offline environment",
    from: ["every node"], to: ["registry"], in: ["calicoIpipOffline"],
  },
  {
    service: "rpcbind", protocol: "TCP", start: "111", end: "", notes: "Required if NFS is used",
    from: ["every node"], to: ["nfs"], in: ["calicoIpipOffline"],
  },
  {
    service: "ipip", protocol: "IPENCAP / IPIP", start: "", end: "", notes: "Calico needs to allow the ipip protocol",
    from: ["every node"], to: ["every node"], in: ["calicoIpipOffline"],
  },
  { service: "metrics-server", protocol: "TCP", start: "8443", end: "", notes: "", from: ["every node"], to: ["every node"] },
];

/** The note under the table: "enable both IPENCAP and IPIP protocol" (IPIP is protocol 94 in /etc/protocols). */
const NOTE_ROWS: readonly DocRow<Party, LayoutKey>[] = [
  { label: "note: IPIP", protocol: "IPIP (94)", ports: "", from: ["every node"], to: ["every node"], in: ["calicoIpipOffline"] },
];

const PARTIES: Record<Party, readonly End[]> = {
  "every node": [group("masters"), group("etcd"), group("workers")],
  masters: [group("masters")],
  etcd: [group("etcd")],
  registry: [group("registry")],
  nfs: [group("nfs")],
  admin: [cidr("192.168.10.0/24")],
  apiClients: [cidr("10.20.0.0/16")],
  workloadClients: [cidr("10.30.0.0/16")],
};

const OPTIONS: Record<LayoutKey, Partial<LayoutOptions>> = {
  calicoIpipOffline: { cni: "calico", calicoMode: "ipip", offline: true, nfs: true },
  calicoVxlan: { cni: "calico", calicoMode: "vxlan" },
  flannel: { cni: "flannel" },
};

/** Disagreement ids the profile records, by the rows each layout turns on. */
const DISAGREEMENTS: Record<LayoutKey, readonly string[]> = {
  calicoIpipOffline: ["calico-9100", "ipip-94", "master-10259", "nodeport-udp"],
  calicoVxlan: ["calico-9100", "master-10259", "nodeport-udp"],
  flannel: ["master-10259", "nodeport-udp"],
};

function layout(key: LayoutKey): Layout {
  return {
    name: `super-kubenetes-${key}`,
    completeness: "warn", podCidr: ["10.244.0.0/16", "fd00:10:244::/56"], // the vendor table as written: the model only reports
    profiles: ["super-kubenetes"],
    options: OPTIONS[key],
    groups: {
      masters: { roles: ["controlPlane"] },
      etcd: { roles: ["etcd"] },
      workers: { roles: ["worker"] },
      registry: { roles: ["registry"] },
      nfs: { roles: ["nfsServer"] },
    },
    peers: { admin: ["192.168.10.0/24"], apiClients: ["10.20.0.0/16"], workloadClients: ["10.30.0.0/16"] },
  };
}

const LAYOUTS = Object.keys(OPTIONS) as LayoutKey[];
const plans = Object.fromEntries(LAYOUTS.map((key) => [key, compile(layout(key))])) as Record<LayoutKey, Plan>;

function asDocRow(row: TableRow): DocRow<Party, LayoutKey> {
  return { ...row, label: `${row.service} ${row.protocol}`, ports: row.end ? `${row.start}-${row.end}` : row.start };
}
const DOC_ROWS = [...TABLE.map(asDocRow), ...NOTE_ROWS];

/** The <td> texts of each <tbody> row of a seed. */
function tableCells(text: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(text)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) => [...tr[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((td) => td[1]!.trim()));
}

describe("seed 000/001: the documents", () => {
  const english = tableCells(readSeed(ENGLISH));

  it("the English table is the one transcribed here, row by row", () => {
    expect(english).toHaveLength(14);
    expect(english).toEqual(TABLE.map((r) => [r.service, r.protocol, "allow", r.start, r.end, r.notes]));
  });

  it("the Korean page has the same 14 rows", () => {
    expect(tableCells(readSeed(KOREAN))).toEqual(english);
  });

  it("both pages ask for IPENCAP and IPIP in the note under the table", () => {
    expect(readSeed(ENGLISH)).toContain("enable both IPENCAP and IPIP protocol");
    expect(readSeed(KOREAN)).toContain("IPENCAP 및 IPIP 프로토콜을 모두 활성화");
  });

  it("the profile cites both seeds", () => {
    const profile = findProfile("super-kubenetes");
    expect(profile?.document).toBe(ENGLISH);
    expect(profile?.alsoSee).toContain(KOREAN);
    expect(plans.flannel.profiles).toEqual([expect.objectContaining({ id: "super-kubenetes", document: ENGLISH })]);
  });
});

describe("seed 001: the Korean rows cite the Korean page in its own words", () => {
  const korean = readSeed(KOREAN);
  const cells = tableCells(korean);
  const profile = findProfile("super-kubenetes")!;

  it("every profile row has a Korean citation of 001, and no other row does", () => {
    expect(Object.keys(superKubenetesKorean).sort()).toEqual(profile.rows.map((row) => row.id).sort());
    for (const [id, row] of Object.entries(superKubenetesKorean)) expect(row.source.document, id).toBe(KOREAN);
  });

  it.each(profile.rows.map((row) => [row.id, row] as const))("%s: the Korean citation names the same 001 table row as the English one names in 000", (id) => {
    const english = /table row (\d+)/.exec(profile.rows.find((row) => row.id === id)!.source.row)![1]!;
    const citation = superKubenetesKorean[id]!.source.row;
    const number = /^표 (\d+)행/.exec(citation)?.[1];
    expect(number, citation).toBe(english);
    // The row's service, protocol and ports as 001 prints them.
    const [service, protocol, , start, end, notes] = cells[Number(number) - 1]!;
    const printed = `${service} ${protocol}${start ? ` ${end ? `${start}-${end}` : start}` : ""}`;
    expect(citation, citation).toContain(printed);
    if (notes && id !== "ipip" && id !== "ipip-94") expect(citation).toContain(notes);
  });

  it("quotes the Korean note verbatim where a row rests on it", () => {
    const quoted = [...Object.values(superKubenetesKorean)].flatMap((row) => [...row.source.row.matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
    expect(quoted.length).toBeGreaterThan(0);
    for (const quote of quoted) expect(korean.replace(/\s+/g, " "), quote).toContain(quote);
  });

  it("a Korean plan cites 001 in Korean for every Super Kubenetes row, and 000 nowhere", () => {
    const markdown = planMarkdown(plans.calicoIpipOffline, "ko");
    const groupTables = markdown.slice(markdown.indexOf("## 노드 그룹"), markdown.indexOf("## 경고"));
    expect(groupTables).not.toContain(ENGLISH);
    expect(groupTables).toContain(`Super Kubenetes: 포트 요구 사항 (${KOREAN}): 표 2행: etcd TCP 2379-2380`);
    expect(groupTables).toContain(`표 13행 ipip IPENCAP / IPIP와 참고: "소스 IP에 대해 IPENCAP 및 IPIP 프로토콜을 모두 활성화해야 합니다"`);
    expect(groupTables).toContain("| local-registry (오프라인 환경) |");
  });
});

describe.each(LAYOUTS)("seed 000 rows in layout %s", (key) => {
  const plan = plans[key];

  it.each(DOC_ROWS.filter((row) => !row.in || row.in.includes(key)).map((row) => [row.label, row]))(
    "%s is allowed",
    (_label, row) => {
      for (const e of expand(row, PARTIES)) expectAllowed(plan, e, ENGLISH);
    },
  );

  const off = DOC_ROWS.filter((row) => row.in && !row.in.includes(key));
  if (off.length > 0) {
    it.each(off.map((row) => [row.label, row]))("%s is not opened (its option is off)", (_label, row) => {
      for (const e of expand(row, PARTIES)) expectNotAllowed(plan, e);
    });
  }

  it("every flow cites the English seed", () => {
    expectEveryFlowCites(plan, ENGLISH);
  });

  it("carries the disagreements of the rows it applies", () => {
    expect(plan.disagreements.map((d) => d.id).sort()).toEqual([...DISAGREEMENTS[key]].sort());
  });
});

describe("seed 000: conditional rows", () => {
  it("offline registry ports and rpcbind appear nowhere without offline and nfs", () => {
    const ports = plans.calicoVxlan.groups.flatMap((g) => [...g.ingress, ...g.egress]).flatMap((f) => (f.ports ? [f.ports] : []));
    for (const port of [5000, 5080, 111]) {
      expect(ports.filter((p) => p.from <= port && port <= p.to), `port ${port}`).toEqual([]);
    }
  });

  it("no IP-in-IP of either number outside Calico IP-in-IP mode", () => {
    for (const key of ["calicoVxlan", "flannel"] as const) {
      const protocols = plans[key].groups.flatMap((g) => g.ingress.map((f) => f.protocol));
      expect(protocols).not.toContain("ipip");
      expect(protocols).not.toContain("ipip94");
    }
  });

  it("every disagreement the profile records shows up in some layout", () => {
    const seen = new Set(LAYOUTS.flatMap((key) => plans[key].disagreements.map((d) => d.id)));
    expect([...seen].sort()).toEqual(findProfile("super-kubenetes")!.disagreements.map((d) => d.id).sort());
  });
});
