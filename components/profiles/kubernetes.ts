/**
 * Upstream Kubernetes "Ports and Protocols" (kubeadm defaults), one entry per table row in
 * the page's order: the control plane table, then the worker node table. "Self" sources are
 * the node itself: where that is the only source, the row is local only. etcd is its own
 * role; on kubeadm's stacked topology give it to the control-plane group too.
 */
import type { Profile } from "../model/requirement";
import { nodes, operatorSsh, peer, role, source } from "./dsl";

const PAGE = "https://kubernetes.io/docs/reference/networking/ports-and-protocols/";
const at = source(PAGE);

export const kubernetes: Profile = {
  id: "kubernetes",
  title: "Kubernetes ports and protocols (kubeadm)",
  document: PAGE,
  roles: {
    controlPlane: { description: "control plane node (kube-apiserver, kube-scheduler, kube-controller-manager)", kubernetes: true },
    etcd: { description: "etcd member (the control-plane nodes on kubeadm's stacked topology)", kubernetes: true },
    worker: { description: "worker node", kubernetes: true },
  },
  peers: {
    apiClients: "kubectl and other Kubernetes API clients",
    admin: "operators' networks (SSH to every node)",
    loadBalancer: "load balancers that health-check kube-proxy",
    workloadClients: "clients of NodePort services",
  },
  options: [],
  rows: [
    {
      id: "apiserver", description: "Kubernetes API server", direction: "inbound", protocols: ["tcp"], ports: "6443",
      from: [nodes(), peer("apiClients")], to: role("controlPlane"), source: at("Control plane: TCP Inbound 6443 Kubernetes API server, used by All"),
      note: "\"All\" read as every node of the cluster plus the API clients peer.",
    },
    {
      id: "etcd", description: "etcd server client API", direction: "inbound", protocols: ["tcp"], ports: "2379-2380",
      from: [role("controlPlane"), role("etcd")], to: role("etcd"), source: at("Control plane: TCP Inbound 2379-2380 etcd server client API, used by kube-apiserver, etcd"),
    },
    {
      id: "kubelet-controlplane", description: "Kubelet API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: role("controlPlane"), source: at("Control plane: TCP Inbound 10250 Kubelet API, used by Self, Control plane"),
    },
    {
      id: "kube-scheduler", description: "kube-scheduler", direction: "inbound", protocols: ["tcp"], ports: "10259",
      from: [role("controlPlane")], to: role("controlPlane"), localOnly: true, source: at("Control plane: TCP Inbound 10259 kube-scheduler, used by Self"),
    },
    {
      id: "kube-controller-manager", description: "kube-controller-manager", direction: "inbound", protocols: ["tcp"], ports: "10257",
      from: [role("controlPlane")], to: role("controlPlane"), localOnly: true, source: at("Control plane: TCP Inbound 10257 kube-controller-manager, used by Self"),
    },
    {
      id: "kubelet-worker", description: "Kubelet API", direction: "inbound", protocols: ["tcp"], ports: "10250",
      from: [role("controlPlane")], to: role("worker"), source: at("Worker node(s): TCP Inbound 10250 Kubelet API, used by Self, Control plane"),
    },
    {
      id: "kube-proxy", description: "kube-proxy", direction: "inbound", protocols: ["tcp"], ports: "10256",
      from: [peer("loadBalancer")], to: role("worker"), source: at("Worker node(s): TCP Inbound 10256 kube-proxy, used by Self, Load balancers"),
    },
    {
      id: "nodeport-tcp", description: "NodePort Services", direction: "inbound", protocols: ["tcp"], ports: "30000-32767",
      from: [nodes(), peer("workloadClients")], to: role("worker"), source: at("Worker node(s): TCP Inbound 30000-32767 NodePort Services, used by All"),
      note: "\"All\" read as every node of the cluster plus the workload clients peer.",
    },
    {
      id: "nodeport-udp", description: "NodePort Services", direction: "inbound", protocols: ["udp"], ports: "30000-32767",
      from: [nodes(), peer("workloadClients")], to: role("worker"), source: at("Worker node(s): UDP Inbound 30000-32767 NodePort Services, used by All"),
      note: "\"All\" read as every node of the cluster plus the workload clients peer.",
    },
    operatorSsh("Kubernetes"),
  ],
  disagreements: [],
};
