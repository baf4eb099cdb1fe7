/**
 * Rancher's "Commonly Used Ports" table: ports "typically opened on your Kubernetes nodes,
 * regardless of what type of cluster it is", which the page offers instead of the precise
 * downstream tables "if security isn't a large concern". It is a profile of its own so the
 * table stays auditable and a layout opts in by listing `rancher-common-ports` (usually next
 * to `rancher`). One entry per table row in seed 004's order, then the rows the current page
 * adds (cited to that page). The table names no sources; each row's `note` says how they
 * were read. 9099 and 10254 are the page's "local traffic" probes.
 */
import type { Profile } from "../model/requirement";
import { nodes, peer, role, source } from "./dsl";

const SEED = "004_4e84222665e307a4.txt";
const CURRENT = "https://ranchermanager.docs.rancher.com/getting-started/installation-and-upgrade/installation-requirements/port-requirements#commonly-used-ports";
const at = source(SEED);
const now = source(CURRENT);
const TABLE = "Other Port Considerations, Commonly Used Ports";

const rancher = role("rancherServer", "rancher");
/** Node-driver nodes are the nodes of downstream clusters. */
const downstreamNodes = nodes("downstream");
const workloadSources = [peer("workloadClients"), peer("loadBalancer")];

export const rancherCommonPorts: Profile = {
  id: "rancher-common-ports",
  title: "Rancher commonly used ports (opt-in, broader than the per-cluster-type tables)",
  document: SEED,
  alsoSee: [CURRENT],
  roles: {
    rancherServer: { description: "Kubernetes node of the cluster running Rancher (source of node-driver SSH and Docker TLS)", kubernetes: true },
  },
  peers: {
    workloadClients: "clients of NodePort services",
    loadBalancer: "load balancer in front of NodePort services",
  },
  options: ["cni", "windows"],
  clusterKinds: {
    rancher: "cluster running the Rancher server",
    downstream: "downstream cluster managed by Rancher",
  },
  rows: [
    {
      id: "ssh", description: "Node driver SSH provisioning", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [rancher], to: downstreamNodes, source: at(`${TABLE} row 1: TCP 22 Node driver SSH provisioning`),
      note: "The node driver runs in the Rancher server and provisions downstream nodes.",
    },
    {
      id: "docker-tls", description: "Node driver Docker daemon TLS port", direction: "inbound", protocols: ["tcp"], ports: "2376",
      from: [rancher], to: downstreamNodes, source: at(`${TABLE} row 2: TCP 2376 Node driver Docker daemon TLS port`),
      note: "The node driver runs in the Rancher server and provisions downstream nodes.",
    },
    {
      id: "etcd-client", description: "etcd client requests", direction: "inbound", protocols: ["tcp"], ports: "2379",
      from: [nodes()], to: nodes(), source: at(`${TABLE} row 3: TCP 2379 etcd client requests`),
      note: "Opened on every node of a cluster, from that cluster's nodes, as the table intends.",
    },
    {
      id: "etcd-peer", description: "etcd peer communication", direction: "inbound", protocols: ["tcp"], ports: "2380",
      from: [nodes()], to: nodes(), source: at(`${TABLE} row 4: TCP 2380 etcd peer communication`),
    },
    {
      id: "vxlan", description: "Canal/Flannel VXLAN overlay networking", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [nodes()], to: nodes(), when: { cni: ["canal", "flannel"] }, source: at(`${TABLE} row 5: UDP 8472 Canal/Flannel VXLAN overlay networking`),
    },
    {
      id: "vxlan-windows", description: "Flannel VXLAN overlay networking on Windows cluster", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [nodes()], to: nodes(), when: { windows: true }, source: at(`${TABLE} row 6: UDP 4789 Flannel VXLAN overlay networking on Windows cluster`),
    },
    {
      id: "canal-health", description: "Canal/Flannel livenessProbe/readinessProbe", direction: "inbound", protocols: ["tcp"], ports: "9099",
      from: [nodes()], to: nodes(), localOnly: true, source: at(`${TABLE} row 7: TCP 9099 Canal/Flannel livenessProbe/readinessProbe`),
      note: "Local Node Traffic: \"Ports marked as local traffic (i.e., 9099 TCP) ... are executed on the node itself.\"",
    },
    {
      id: "monitoring", description: "Default port required by Monitoring to scrape metrics", direction: "inbound", protocols: ["tcp"], ports: "9796",
      from: [nodes()], to: nodes(), source: at(`${TABLE} row 8: TCP 9796 Default port required by Monitoring to scrape metrics`),
      note: "Rancher Monitoring's Prometheus runs on the cluster's nodes.",
    },
    {
      id: "weave-tcp", description: "Weave Port", direction: "inbound", protocols: ["tcp"], ports: "6783",
      from: [nodes()], to: nodes(), when: { cni: "weave" }, source: at(`${TABLE} row 9: TCP 6783 Weave Port`),
    },
    {
      id: "weave-udp", description: "Weave UDP Ports", direction: "inbound", protocols: ["udp"], ports: "6783-6784",
      from: [nodes()], to: nodes(), when: { cni: "weave" }, source: at(`${TABLE} row 10: UDP 6783-6784 Weave UDP Ports`),
    },
    {
      id: "kubelet", description: "kubelet API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [nodes()], to: nodes(), source: at(`${TABLE} row 11: TCP 10250 kubelet API`),
    },
    {
      id: "ingress-health", description: "Ingress controller livenessProbe/readinessProbe", direction: "inbound", protocols: ["tcp"], ports: "10254",
      from: [nodes()], to: nodes(), localOnly: true, source: at(`${TABLE} row 12: TCP 10254 Ingress controller livenessProbe/readinessProbe`),
      note: "A health probe; the downstream tables mark 10254 as local traffic to the node itself.",
    },
    {
      id: "nodeport", description: "NodePort port range", direction: "inbound", protocols: ["tcp", "udp"], ports: "30000-32767",
      from: workloadSources, to: nodes(), source: at(`${TABLE} row 13: TCP/UDP 30000-32767 NodePort port range`),
      note: "Sources as in the downstream tables: workload clients or a load balancer.",
    },

    // Rows the current version of the table adds.
    {
      id: "calico-bgp", description: "Calico BGP Port", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [nodes()], to: nodes(), when: { cni: "calico" }, source: now("Commonly Used Ports: TCP 179 Calico BGP Port"),
    },
    {
      id: "rancher-webhook", description: "Rancher webhook", direction: "inbound", protocols: ["tcp"], ports: ["8443", "9443"],
      from: [nodes()], to: nodes(), source: now("Commonly Used Ports: TCP 8443 Rancher webhook; TCP 9443 Rancher webhook"),
      note: "The webhook is called by the cluster's API server, which runs on its nodes.",
    },
    {
      id: "node-exporter", description: "Monitoring scrapes Linux node-exporters", direction: "inbound", protocols: ["tcp"], ports: "9100",
      from: [nodes()], to: nodes(), source: now("Commonly Used Ports: TCP 9100 Default port required by Monitoring to scrape metrics from Linux node-exporters"),
    },
  ],
  disagreements: [
    {
      id: "table-version",
      rows: ["monitoring", "calico-bgp", "rancher-webhook", "node-exporter"],
      says: "seed 004's table: 13 rows; 9796 is \"Default port required by Monitoring to scrape metrics\"",
      other: "the current table adds TCP 179 (Calico BGP), 8443 and 9443 (Rancher webhook) and 9100 (Linux node-exporter), and calls 9796 the Windows node-exporter port",
      otherSource: CURRENT,
    },
    {
      id: "vxlan-windows-port",
      rows: ["vxlan", "vxlan-windows"],
      says: "Flannel VXLAN on UDP 8472 (Linux) and 4789 (Windows)",
      other: "Calico and RKE2's Flannel use UDP 4789 on Linux as well",
      otherSource: "https://docs.rke2.io/install/requirements",
    },
  ],
};
