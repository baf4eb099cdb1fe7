/**
 * The `rancher-nodes` EC2 security group that Rancher's AWS node driver creates, exactly as
 * the "Rancher AWS EC2 security group" table in seed 004 prints it, one entry per table row.
 * rancherNodesRules "driver" adds what rancher/machine's amazonec2 driver really opens today
 * (separate rows citing the code); rancherNodesAdminOnly moves SSH, Docker TLS and the API
 * from the world to the admin peer. Both are conditions on rows, so the table stays readable.
 * The world rows are kept because the vendor prescribes them; the plan warns about each.
 */
import type { Profile } from "../model/requirement";
import { cidrs, peer, role, source } from "./dsl";

const SEED = "004_4e84222665e307a4.txt";
const DRIVER = "https://github.com/rancher/machine/blob/master/drivers/amazonec2/amazonec2.go";
const at = source(SEED);
const driver = source(DRIVER);

const TABLE = "Rancher AWS EC2 security group table";
const world = cidrs("0.0.0.0/0 (rancher-nodes table)", "0.0.0.0/0");
const worldV6 = cidrs("::/0 (amazonec2 driver)", "::/0");
const group = role("rancherNode");

/** World rows the admin-only variant moves to the admin peer. */
const fromWorld = { rancherNodesAdminOnly: false } as const;
const fromAdmin = { rancherNodesAdminOnly: true } as const;
const driverWorld = { rancherNodesRules: "driver" } as const;
const driverWorldAdminMovable = { rancherNodesRules: "driver", rancherNodesAdminOnly: false } as const;

export const rancherNodes: Profile = {
  id: "rancher-nodes",
  title: "Rancher rancher-nodes EC2 security group (node driver)",
  document: SEED,
  alsoSee: [DRIVER],
  roles: {
    rancherNode: { description: "EC2 instance in the rancher-nodes security group (every role of a node-driver cluster)", kubernetes: true },
  },
  peers: {
    admin: "operators' networks; with rancherNodesAdminOnly, the only source of SSH, Docker TLS and the Kubernetes API",
  },
  options: ["rancherNodesRules", "rancherNodesAdminOnly"],
  // The node driver's clusters use RKE's default network provider, Canal (its VXLAN rows are 8472 and 4789 here).
  defaults: { cni: "canal" },
  rows: [
    {
      id: "ssh", description: "SSH", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [world], to: group, when: fromWorld, source: at(`${TABLE} row 1: SSH TCP 22 0.0.0.0/0 Inbound`),
    },
    {
      id: "ssh-admin", description: "SSH (admin only)", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [peer("admin")], to: group, when: fromAdmin, source: at(`${TABLE} row 1: SSH TCP 22 0.0.0.0/0 Inbound`),
      note: "rancherNodesAdminOnly: the documented world source replaced by the admin peer.",
    },
    {
      id: "http", description: "HTTP", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: [world], to: group, source: at(`${TABLE} row 2: HTTP TCP 80 0.0.0.0/0 Inbound`),
    },
    {
      id: "https", description: "Custom TCP Rule 443", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [world], to: group, source: at(`${TABLE} row 3: Custom TCP Rule TCP 443 0.0.0.0/0 Inbound`),
    },
    {
      id: "docker-tls", description: "Custom TCP Rule 2376 (Docker daemon TLS)", direction: "inbound", protocols: ["tcp"], ports: "2376",
      from: [world], to: group, when: fromWorld, source: at(`${TABLE} row 4: Custom TCP Rule TCP 2376 0.0.0.0/0 Inbound`),
    },
    {
      id: "docker-tls-admin", description: "Custom TCP Rule 2376 (Docker daemon TLS, admin only)", direction: "inbound", protocols: ["tcp"], ports: "2376",
      from: [peer("admin")], to: group, when: fromAdmin, source: at(`${TABLE} row 4: Custom TCP Rule TCP 2376 0.0.0.0/0 Inbound`),
      note: "rancherNodesAdminOnly: the documented world source replaced by the admin peer.",
    },
    {
      id: "etcd", description: "Custom TCP Rule 2379-2380 (etcd)", direction: "inbound", protocols: ["tcp"], ports: "2379-2380",
      from: [group], to: group, source: at(`${TABLE} row 5: Custom TCP Rule TCP 2379-2380 sg-xxx (rancher-nodes) Inbound`),
    },
    {
      id: "vxlan-4789", description: "Custom UDP Rule 4789 (VXLAN)", direction: "inbound", protocols: ["udp"], ports: "4789",
      from: [group], to: group, source: at(`${TABLE} row 6: Custom UDP Rule UDP 4789 sg-xxx (rancher-nodes) Inbound`),
    },
    {
      id: "kube-api", description: "Custom TCP Rule 6443 (Kubernetes API)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [world], to: group, when: fromWorld, source: at(`${TABLE} row 7: Custom TCP Rule TCP 6443 0.0.0.0/0 Inbound`),
    },
    {
      id: "kube-api-admin", description: "Custom TCP Rule 6443 (Kubernetes API, admin only)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [peer("admin"), group], to: group, when: fromAdmin, source: at(`${TABLE} row 7: Custom TCP Rule TCP 6443 0.0.0.0/0 Inbound`),
      note: "rancherNodesAdminOnly: the documented world source replaced by the admin peer plus the group itself, which the world covered (kubelets and pods reach the API server).",
    },
    {
      id: "vxlan-8472", description: "Custom UDP Rule 8472 (Canal/Flannel VXLAN)", direction: "inbound", protocols: ["udp"], ports: "8472",
      from: [group], to: group, source: at(`${TABLE} row 8: Custom UDP Rule UDP 8472 sg-xxx (rancher-nodes) Inbound`),
    },
    {
      id: "kubelet", description: "Custom TCP Rule 10250-10252 (kubelet, scheduler, controller manager)", direction: "inbound", protocols: ["tcp"], ports: "10250-10252",
      from: [group], to: group, source: at(`${TABLE} row 9: Custom TCP Rule TCP 10250-10252 sg-xxx (rancher-nodes) Inbound`),
    },
    {
      id: "kube-proxy", description: "Custom TCP Rule 10256 (kube-proxy health)", direction: "inbound", protocols: ["tcp"], ports: "10256",
      from: [group], to: group, source: at(`${TABLE} row 10: Custom TCP Rule TCP 10256 sg-xxx (rancher-nodes) Inbound`),
    },
    {
      id: "nodeport-tcp", description: "Custom TCP Rule 30000-32767 (NodePort)", direction: "inbound", protocols: ["tcp"], ports: "30000-32767",
      from: [world], to: group, source: at(`${TABLE} row 11: Custom TCP Rule TCP 30000-32767 0.0.0.0/0 Inbound`),
    },
    {
      id: "nodeport-udp", description: "Custom UDP Rule 30000-32767 (NodePort)", direction: "inbound", protocols: ["udp"], ports: "30000-32767",
      from: [world], to: group, source: at(`${TABLE} row 12: Custom UDP Rule UDP 30000-32767 0.0.0.0/0 Inbound`),
    },
    {
      id: "egress-all", description: "All traffic", direction: "outbound", protocols: ["all"],
      from: [group], to: world, source: at(`${TABLE} row 13: All traffic All All 0.0.0.0/0 Outbound`),
    },

    // What amazonec2.go's ingressPermissions/egressPermissions add beyond the table.
    {
      id: "driver-rancher-webhook", description: "Rancher webhook (driver)", direction: "inbound", protocols: ["tcp"], ports: "8443",
      from: [world, worldV6], to: group, when: driverWorld, source: driver("ingressPermissions: addDualStack(tcp, rancherWebhookPort 8443)"),
    },
    {
      id: "driver-ssh-ipv6", description: "SSH from ::/0 (driver)", direction: "inbound", protocols: ["tcp"], ports: "22",
      from: [worldV6], to: group, when: driverWorldAdminMovable, source: driver("ingressPermissions: addDualStack(tcp, sshPort 22), IPv6 half"),
    },
    {
      id: "driver-docker-tls-ipv6", description: "Docker daemon TLS from ::/0 (driver)", direction: "inbound", protocols: ["tcp"], ports: "2376",
      from: [worldV6], to: group, when: driverWorldAdminMovable, source: driver("ingressPermissions: addDualStack(tcp, dockerPort 2376), IPv6 half"),
    },
    {
      id: "driver-kube-api-ipv6", description: "Kubernetes API from ::/0 (driver)", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [worldV6], to: group, when: driverWorldAdminMovable, source: driver("ingressPermissions: addDualStack(tcp, kubeApiPort 6443), IPv6 half"),
    },
    {
      id: "driver-http-ipv6", description: "HTTP from ::/0 (driver)", direction: "inbound", protocols: ["tcp"], ports: "80",
      from: [worldV6], to: group, when: driverWorld, source: driver("ingressPermissions: addDualStack(tcp, httpPort 80), IPv6 half"),
    },
    {
      id: "driver-https-ipv6", description: "HTTPS from ::/0 (driver)", direction: "inbound", protocols: ["tcp"], ports: "443",
      from: [worldV6], to: group, when: driverWorld, source: driver("ingressPermissions: addDualStack(tcp, httpsPort 443), IPv6 half"),
    },
    {
      id: "driver-nodeport-tcp-ipv6", description: "NodePort TCP from ::/0 (driver)", direction: "inbound", protocols: ["tcp"], ports: "30000-32767",
      from: [worldV6], to: group, when: driverWorld, source: driver("ingressPermissions: addDualStack(tcp, nodePorts 30000-32767), IPv6 half"),
    },
    {
      id: "driver-nodeport-udp-ipv6", description: "NodePort UDP from ::/0 (driver)", direction: "inbound", protocols: ["udp"], ports: "30000-32767",
      from: [worldV6], to: group, when: driverWorld, source: driver("ingressPermissions: addDualStack(udp, nodePorts 30000-32767), IPv6 half"),
    },
    {
      id: "driver-rke2-supervisor", description: "RKE2 supervisor (driver)", direction: "inbound", protocols: ["tcp"], ports: "9345",
      from: [group], to: group, when: driverWorld, source: driver("ingressPermissions: addGroupRule(tcp, supervisorPort 9345)"),
    },
    {
      id: "driver-calico-typha", description: "Calico Typha (driver)", direction: "inbound", protocols: ["tcp"], ports: "5473",
      from: [group], to: group, when: driverWorld, source: driver("ingressPermissions: addGroupRule(tcp, typhaPorts 5473)"),
    },
    {
      id: "driver-node-exporter", description: "node-exporter (driver)", direction: "inbound", protocols: ["tcp"], ports: "9796",
      from: [group], to: group, when: driverWorld, source: driver("ingressPermissions: addGroupRule(tcp, nodeExporter 9796)"),
    },
    {
      id: "driver-calico-bgp", description: "Calico BGP (driver)", direction: "inbound", protocols: ["tcp"], ports: "179",
      from: [group], to: group, when: driverWorld, source: driver("ingressPermissions: addGroupRule(tcp, calicoPort 179)"),
    },
    {
      id: "driver-egress-all-ipv6", description: "All traffic to ::/0 (driver)", direction: "outbound", protocols: ["all"],
      from: [group], to: worldV6, when: driverWorld, source: driver("egressPermissions: IPv6 allow all to ::/0"),
    },
  ],
  disagreements: [
    {
      id: "docs-older-than-driver",
      rows: ["ssh", "http", "https", "docker-tls", "kube-api", "nodeport-tcp", "nodeport-udp", "etcd", "kubelet", "egress-all"],
      says: "the docs table: 12 inbound rules and all outbound traffic, IPv4 (0.0.0.0/0) only",
      other: "the amazonec2 driver that creates the group also opens TCP 8443 to the world, TCP 9345, 5473, 9796 and 179 within the group, every world rule from ::/0 too, and egress to ::/0 (rancherNodesRules: driver)",
      otherSource: DRIVER,
    },
    {
      id: "scheduler-ports",
      rows: ["kubelet"],
      says: "TCP 10250-10252 within the group (kubelet, kube-scheduler and kube-controller-manager insecure ports)",
      other: "current Kubernetes serves kube-scheduler on 10259 and kube-controller-manager on 10257; 10251/10252 were the removed insecure ports; neither the table nor the driver opens 10257/10259",
      otherSource: "https://kubernetes.io/docs/reference/networking/ports-and-protocols/",
    },
    {
      id: "world-internal",
      rows: ["ssh", "docker-tls", "kube-api"],
      says: "SSH 22, Docker daemon TLS 2376 and the Kubernetes API 6443 open to 0.0.0.0/0",
      other: "Rancher's own port tables need 22/2376 only from the Rancher server nodes and 6443 only from cluster nodes and API clients (rancherNodesAdminOnly narrows them to the admin peer)",
      otherSource: SEED,
    },
  ],
};
