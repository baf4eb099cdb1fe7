/** The cluster file's layout with the stack's config applied: what the firewall compiles. */
import type { CustomRule, Layout } from "../model/layout";
import { parseLayout } from "../layout/parseLayout";
import { findProfile } from "../profiles/catalog";
import type { ClusterFile } from "./clusterFile";
import { loadBalancerRules } from "./loadBalancerRules";
import type { StackConfig } from "./stackConfig";

export function stackLayout(cluster: ClusterFile, config: StackConfig): Layout {
  const layout = parseLayout(cluster.layout, `${config.clusterFile}.layout`);
  // adminCidrs feeds the layout only where a profile has admin rows (Rancher uses it for rancher-nodes).
  const usesAdmin = layout.profiles.some((id) => findProfile(id)?.peers.admin !== undefined);
  const peers = { ...layout.peers, ...(config.adminCidrs && usesAdmin ? { admin: config.adminCidrs } : {}) };
  const options = { ...layout.options, ...(config.rancherInstall ? { rancherInstall: config.rancherInstall } : {}) };
  const rules: CustomRule[] = [...(layout.rules ?? []), ...loadBalancerRules(config.cloud, config.networkCidr, cluster.loadBalancers)];
  return { ...layout, options, peers, rules };
}
