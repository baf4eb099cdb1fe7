/**
 * Super Kubenetes "Port Requirements" (a KubeSphere/KubeKey install guide), one entry per
 * table row in the document's order. The table names services and ports but not who talks
 * to whom; each row's `note` says how the parties were read.
 * Seeds: 000_d5e27fa0bf6b16e4.txt (English) and 001_3bf5a380ea63b531.txt (Korean, same table).
 */
import type { Profile, Provenance } from "../model/requirement";
import { nodes, peer, role, source } from "./dsl";

const SEED = "000_d5e27fa0bf6b16e4.txt";
const at = source(SEED);
const KOREAN = "001_3bf5a380ea63b531.txt";
const 표 = source(KOREAN);

export const superKubenetes: Profile = {
  id: "super-kubenetes",
  title: "Super Kubenetes (KubeSphere/KubeKey) port requirements",
  document: SEED,
  alsoSee: ["001_3bf5a380ea63b531.txt"],
  roles: {
    controlPlane: { description: "master node (API server, scheduler, controller manager)", kubernetes: true },
    etcd: { description: "etcd member (often the masters themselves)", kubernetes: true },
    worker: { description: "worker node", kubernetes: true },
    registry: { description: "node serving the offline registry (5000) and apt mirror (5080)", kubernetes: false, optional: true },
    nfsServer: { description: "NFS server the cluster mounts storage from", kubernetes: false, optional: true },
  },
  peers: {
    admin: "operators' networks (SSH for KubeKey, kubectl)",
    apiClients: "kubectl and other Kubernetes API clients",
    workloadClients: "clients of NodePort services",
  },
  options: ["cni", "calicoMode", "offline", "nfs"],
  defaults: { cni: "calico", calicoMode: "ipip" },
  // The table has bgp and ipip rows and no VXLAN port.
  documentedModes: [{ option: "calicoMode", values: ["ipip", "bgp"], when: { cni: "calico" } }],
  rows: [
    {
      id: "ssh", description: "ssh", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [nodes(), peer("admin")], to: nodes(), source: at("table row 1: ssh TCP 22"),
      note: "KubeKey connects over SSH from the installer host (a node or an admin machine).",
    },
    {
      id: "etcd", description: "etcd", direction: "inbound", protocols: ["tcp"], ports: "2379-2380",
      from: [role("controlPlane"), role("etcd")], to: role("etcd"), source: at("table row 2: etcd TCP 2379-2380"),
      note: "Clients of etcd are the API servers; peers are the other etcd members.",
    },
    {
      id: "apiserver", description: "apiserver", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [nodes(), peer("apiClients")], to: role("controlPlane"), source: at("table row 3: apiserver TCP 6443"),
    },
    {
      id: "calico", description: "calico", direction: "inbound", protocols: ["tcp"], ports: "9099-9100",
      from: [nodes()], to: nodes(), when: { cni: "calico" }, source: at("table row 4: calico TCP 9099-9100"),
      note: "Kept as documented; see disagreement calico-9100.",
    },
    {
      id: "bgp", description: "bgp", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoMode: ["ipip", "bgp"] }, source: at("table row 5: bgp TCP 179"),
    },
    {
      id: "nodeport", description: "nodeport", direction: "inbound", protocols: ["tcp"], ports: "30000-32767",
      from: [nodes(), peer("workloadClients")], to: nodes(), source: at("table row 6: nodeport TCP 30000-32767"),
    },
    {
      id: "master", description: "master", direction: "inbound", protocols: ["tcp"], ports: "10250-10258",
      from: [nodes()], to: role("controlPlane"), source: at("table row 7: master TCP 10250-10258"),
      note: "The row is named master; kubelet 10250 on workers is not in this table.",
    },
    {
      id: "dns-tcp", description: "dns", direction: "inbound", protocols: ["tcp"], ports: "53",
      from: [nodes()], to: nodes(), source: at("table row 8: dns TCP 53"),
    },
    {
      id: "dns-udp", description: "dns", direction: "inbound", protocols: ["udp"], ports: "53",
      from: [nodes()], to: nodes(), source: at("table row 9: dns UDP 53"),
    },
    {
      id: "local-registry", description: "local-registry (offline environment)", direction: "inbound", protocols: ["tcp"], ports: "5000",
      from: [nodes()], to: role("registry"), when: { offline: true }, source: at("table row 10: local-registry TCP 5000"),
    },
    {
      id: "local-apt", description: "local-apt (offline environment)", direction: "inbound", protocols: ["tcp"], ports: "5080",
      from: [nodes()], to: role("registry"), when: { offline: true }, source: at("table row 11: local-apt TCP 5080"),
    },
    {
      id: "rpcbind", description: "rpcbind (NFS)", direction: "inbound", protocols: ["tcp"], ports: "111",
      from: [nodes()], to: role("nfsServer"), when: { nfs: true }, source: at("table row 12: rpcbind TCP 111"),
      note: "NFS clients (the nodes) reach rpcbind on the NFS server.",
    },
    {
      id: "ipip", description: "ipip (IPENCAP)", direction: "inbound", protocols: ["ipip"],
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoMode: "ipip" }, source: at("table row 13: ipip IPENCAP / IPIP"),
    },
    {
      id: "ipip-94", description: "ipip (IPIP, protocol 94)", direction: "inbound", protocols: ["ipip94"],
      from: [nodes()], to: nodes(), when: { cni: "calico", calicoMode: "ipip" },
      source: at("table row 13 and note: enable both IPENCAP and IPIP"),
      note: "The note asks for IPIP as well as IPENCAP; /etc/protocols numbers ipip 94.",
    },
    {
      id: "metrics-server", description: "metrics-server", direction: "inbound", protocols: ["tcp"], ports: "8443",
      from: [nodes()], to: nodes(), source: at("table row 14: metrics-server TCP 8443"),
    },
  ],
  disagreements: [
    {
      id: "master-10259", rows: ["master"],
      says: "master ports 10250-10258",
      other: "kube-scheduler listens on 10259, outside the documented range",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "calico-9100", rows: ["calico"],
      says: "calico TCP 9099-9100",
      other: "Calico uses 9099 (Felix health, local only); 9100 is node-exporter, not Calico",
      otherSource: "https://docs.tigera.io/calico/latest/reference/felix/configuration",
    },
    {
      id: "nodeport-udp", rows: ["nodeport"],
      says: "NodePort TCP 30000-32767 only",
      other: "Kubernetes NodePort services also use UDP 30000-32767",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "ipip-94", rows: ["ipip", "ipip-94"],
      says: "enable both IPENCAP and IPIP",
      other: "Calico's IP-in-IP tunnel is IP protocol 4 (IPENCAP) only; protocol 94 is not used",
      otherSource: "https://docs.tigera.io/calico/latest/getting-started/kubernetes/requirements",
    },
  ],
};

/**
 * The same rows as the Korean page (001) prints and words them, for Korean reports: the table
 * keeps its English cells (서비스 names, "For the offline environment"), the page's own Korean is
 * its introduction and its note on IPENCAP and IPIP, quoted where a row rests on it.
 */
export const superKubenetesKorean: Readonly<Record<string, { readonly description: string; readonly source: Provenance }>> = {
  ssh: { description: "ssh", source: 표("표 1행: ssh TCP 22") },
  etcd: { description: "etcd", source: 표("표 2행: etcd TCP 2379-2380") },
  apiserver: { description: "apiserver", source: 표("표 3행: apiserver TCP 6443") },
  calico: { description: "calico", source: 표("표 4행: calico TCP 9099-9100") },
  bgp: { description: "bgp", source: 표("표 5행: bgp TCP 179") },
  nodeport: { description: "nodeport", source: 표("표 6행: nodeport TCP 30000-32767") },
  master: { description: "master", source: 표("표 7행: master TCP 10250-10258") },
  "dns-tcp": { description: "dns", source: 표("표 8행: dns TCP 53") },
  "dns-udp": { description: "dns", source: 표("표 9행: dns UDP 53") },
  "local-registry": { description: "local-registry (오프라인 환경)", source: 표("표 10행: local-registry TCP 5000, For the offline environment") },
  "local-apt": { description: "local-apt (오프라인 환경)", source: 표("표 11행: local-apt TCP 5080, For the offline environment") },
  rpcbind: { description: "rpcbind (NFS 사용 시)", source: 표("표 12행: rpcbind TCP 111, Required if NFS is used") },
  ipip: { description: "ipip (IPENCAP, 프로토콜 4)", source: 표("표 13행: ipip IPENCAP / IPIP") },
  "ipip-94": {
    description: "ipip (IPIP, 프로토콜 94)",
    source: 표("표 13행 ipip IPENCAP / IPIP와 참고: \"소스 IP에 대해 IPENCAP 및 IPIP 프로토콜을 모두 활성화해야 합니다\""),
  },
  "metrics-server": { description: "metrics-server", source: 표("표 14행: metrics-server TCP 8443") },
};
