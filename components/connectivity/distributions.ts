/**
 * Which distribution a profile's clusters run, and which of the profile's roles play the
 * model's parts: the control plane (API server), etcd members, and the cluster's nodes. A
 * profile may describe two clusters (Rancher: the cluster running Rancher, and the downstream
 * clusters it manages), each with its own binding, chosen by options and cluster kind.
 */
import type { Condition } from "../model/requirement";
import { source } from "../profiles/dsl";
import type { DistributionId, ModelRequirement } from "./model";

export interface Binding {
  readonly distribution: DistributionId;
  /** Roles whose groups run the API server (RKE2/K3s: the servers). */
  readonly controlPlane: readonly string[];
  /** Roles whose groups run etcd members. */
  readonly etcd: readonly string[];
  /** Roles of the cluster's Kubernetes nodes (kubelet, overlay); etcd-only hosts of kubeadm and KubeKey are not nodes. */
  readonly nodes: readonly string[];
  /** Only clusters of these kinds (and groups without a declared cluster). */
  readonly clusterKinds?: readonly string[];
  readonly when?: Condition;
  /** Requirements only this profile's clusters have (a load balancer in front of the Rancher server). */
  readonly extra?: readonly ModelRequirement[];
}

const RANCHER = source("004_4e84222665e307a4.txt");

/** A load balancer in front of the Rancher server forwards HTTP and HTTPS to the server nodes. */
const rancherBehindLoadBalancer: readonly ModelRequirement[] = [
  {
    id: "rancher-lb-http", description: "Rancher load balancer to the Rancher server (HTTP)", protocol: "tcp", ports: "80",
    from: { peer: "rancherLoadBalancer" }, to: { part: "controlPlane" }, when: { rancherBehindLoadBalancer: true },
    source: RANCHER("Rancher Nodes, RKE tab, inbound row 1: TCP 80 from Load Balancer/Reverse Proxy"),
  },
  {
    id: "rancher-lb-https", description: "Rancher load balancer to the Rancher server (HTTPS)", protocol: "tcp", ports: "443",
    from: { peer: "rancherLoadBalancer" }, to: { part: "controlPlane" }, when: { rancherBehindLoadBalancer: true },
    source: RANCHER("Rancher Nodes, RKE tab, inbound row 2: TCP 443 from Load Balancer/Reverse Proxy"),
  },
];

const stacked = (distribution: DistributionId): Binding => ({
  distribution,
  controlPlane: ["controlPlane"],
  etcd: ["controlPlane"],
  nodes: ["controlPlane", "worker"],
});

/**
 * Profile id -> the clusters it describes. Overlay profiles (CNIs) describe none: they ride on
 * these. Rancher as a single Docker container has no second node, and hosted or imported
 * downstream clusters are networked by their provider, so neither has a binding.
 */
export const BINDINGS: Readonly<Record<string, readonly Binding[]>> = {
  // kubeadm's external etcd members run etcd (and a kubelet for its static pod), but do not join as nodes.
  kubernetes: [{ distribution: "kubeadm", controlPlane: ["controlPlane"], etcd: ["etcd"], nodes: ["controlPlane", "worker"] }],
  // Apinizer installs with kubeadm; its masters run etcd (stacked).
  apinizer: [stacked("kubeadm")],
  // As with kubeadm, a group with only the etcd role is an etcd member, not a Kubernetes node.
  "super-kubenetes": [{ distribution: "kubekey", controlPlane: ["controlPlane"], etcd: ["etcd"], nodes: ["controlPlane", "worker"] }],
  // DCE 5.0 deploys every cluster through Kubean, with etcd on the control plane.
  dce5: [stacked("kubean")],
  rke2: [stacked("rke2")],
  k3s: [stacked("k3s")],
  rancher: [
    {
      distribution: "k3s", controlPlane: ["rancherServer"], etcd: ["rancherServer"], nodes: ["rancherServer", "rancherAgent"],
      clusterKinds: ["rancher"], when: { rancherInstall: "k3s" }, extra: rancherBehindLoadBalancer,
    },
    // Rancher on RKE: every node of the Rancher cluster has all three RKE roles.
    {
      distribution: "rke1", controlPlane: ["rancherServer"], etcd: ["rancherServer"], nodes: ["rancherServer"],
      clusterKinds: ["rancher"], when: { rancherInstall: "rke" }, extra: rancherBehindLoadBalancer,
    },
    // Node-pool and custom downstream clusters are RKE clusters with Rancher's node roles.
    {
      distribution: "rke1", controlPlane: ["controlPlane"], etcd: ["etcd"], nodes: ["etcd", "controlPlane", "worker"],
      clusterKinds: ["downstream"], when: { downstream: ["nodePools", "custom"] },
    },
  ],
  // Every node a node driver creates carries the rancher-nodes group, whatever its RKE roles.
  "rancher-nodes": [{ distribution: "rke1", controlPlane: ["rancherNode"], etcd: ["rancherNode"], nodes: ["rancherNode"] }],
};
