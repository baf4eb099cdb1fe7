import type { PortRange } from "../model/ports";
import type { IcmpMatch, Protocol } from "../model/protocol";

/** One end of a required flow: a node group of the plan, or a named peer (a load balancer in front of a server). */
export type RequiredEndpoint =
  | {
      /** A node group of the plan. */
      readonly kind: "group";
      /** The group's name. */
      readonly group: string;
    }
  | {
      /** A named peer of the layout. */
      readonly kind: "peer";
      /** The peer's name. */
      readonly peer: string;
    };

/**
 * One thing a cluster needs between its own machines whatever a vendor page says (kubelet from
 * the control plane, the overlay between any two nodes, etcd peers, ...), from the connectivity
 * model. `from` equal to `to` means two machines of the same group.
 */
export interface RequiredFlow {
  /** Requirement id in the connectivity model, stable (for example "kubelet", "overlay-flannel-vxlan"). */
  readonly requirement: string;
  /** What the flow is for. */
  readonly description: string;
  /** The upstream page that states the requirement. */
  readonly source: string;
  /** The sender. */
  readonly from: RequiredEndpoint;
  /** Always a node group of the plan. */
  readonly to: string;
  /** The protocol. */
  readonly protocol: Protocol;
  /** The port range, for TCP and UDP. */
  readonly ports?: PortRange;
  /** ICMP type and code (Cilium's health pings); absent for other protocols. */
  readonly icmp?: IcmpMatch;
  /** The row or section of `source` that states it. */
  readonly sourceRow?: string;
  /** The distribution whose requirement this is (kubeadm, kubekey, kubean, rke1, rke2, k3s). */
  readonly distribution?: string;
  /** The plan cluster the flow is inside. */
  readonly cluster?: string;
  /** With a peer source: only that peer's CIDRs of this family (IPv6 pod addresses, for example). */
  readonly family?: "ipv4" | "ipv6";
}
