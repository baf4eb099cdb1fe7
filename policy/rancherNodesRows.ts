/**
 * The world rules Rancher prescribes for its `rancher-nodes` EC2 group, read from the
 * rancher-nodes profile (the docs table, plus the amazonec2 driver's rows), not copied: a
 * profile fix changes what the policy recognises. None of them reaches an internal service
 * (2376 is Docker TLS, not Kubernetes), so a rancher-nodes rule that does is not one of these
 * and stays a mandatory violation.
 */
import type { PortRange } from "../components/model/ports";
import { parsePortSpec } from "../components/model/ports";
import { rancherNodes } from "../components/profiles/rancherNodes";
import { worldCidr } from "./worldSources";

/** The group name rancher/machine's amazonec2 driver fills; the profile is named after it. */
export const RANCHER_NODES_GROUP = rancherNodes.id;

export interface PrescribedWorldRule {
  readonly protocol: "tcp" | "udp";
  readonly ports: PortRange;
  readonly family: "ipv4" | "ipv6";
  /** What the row calls the service ("SSH", "Custom TCP Rule 443"). */
  readonly service: string;
  /** Document and row, as the profile cites them. */
  readonly citation: string;
  /** From the driver's code rather than the docs table. */
  readonly byDriver: boolean;
  /** kubeports' RancherNodesSecurityGroup `adminCidrs` moves this rule to the admin networks. */
  readonly adminCidrsMoves: boolean;
}

export const RANCHER_NODES_WORLD_RULES: readonly PrescribedWorldRule[] = rancherNodes.rows.flatMap((row) => {
  if (row.direction !== "inbound" || row.ports === undefined) return [];
  const families = row.from.flatMap((party) => ("cidrs" in party ? party.cidrs.flatMap((cidr) => worldCidr(cidr)?.family ?? []) : []));
  const ranges = parsePortSpec(row.ports);
  return row.protocols.flatMap((protocol) =>
    protocol !== "tcp" && protocol !== "udp"
      ? []
      : families.flatMap((family) =>
          family === "any"
            ? []
            : ranges.map((ports) => ({
                protocol,
                ports,
                family,
                service: row.description,
                citation: `${row.source.document}, ${row.source.row}`,
                byDriver: row.source.document !== rancherNodes.document,
                adminCidrsMoves: row.when?.rancherNodesAdminOnly === false,
              })),
        ),
  );
});
