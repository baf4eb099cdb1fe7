/**
 * Where a distribution's own installer picks a different default than the vendor page (or
 * kubeports) assumes, an option the layout leaves unset resolves to the installer's default,
 * with the installer's source, and the plan says so (note `installer-default`).
 */
import { conditionHolds } from "../model/conditions";
import type { Layout } from "../model/layout";
import type { LayoutOptions, OptionName } from "../model/options";
import type { PlanNote } from "../model/plan";
import type { Condition, Provenance } from "../model/requirement";
import { source } from "../profiles/dsl";

export interface InstallerDefault {
  /** The profile whose clusters this installer builds. */
  readonly profile: string;
  readonly installer: string;
  readonly option: OptionName;
  readonly value: LayoutOptions[OptionName];
  readonly when?: Condition;
  readonly why: string;
  readonly source: Provenance;
}

const RKE2_CALICO = source("https://github.com/rancher/rke2-charts/blob/main/packages/rke2-calico/generated-changes/patch/templates/crs/custom-resources.yaml.patch");
const TYPHA = source("https://docs.tigera.io/calico/latest/network-policy/comms/reduce-nodes");
const KUBESPRAY = source("https://github.com/kubernetes-sigs/kubespray/blob/master/roles/network_plugin/calico_defaults/defaults/main.yml");
const KUBEKEY = source("https://github.com/kubesphere/kubekey/blob/master/pkg/plugins/network/modules.go");

export const INSTALLER_DEFAULTS: readonly InstallerDefault[] = [
  {
    profile: "rke2", installer: "RKE2 (rke2-calico chart)", option: "calicoMode", value: "vxlan", when: { cni: "calico" },
    why: "RKE2's Calico chart creates its IP pools with VXLAN encapsulation and BGP disabled",
    source: RKE2_CALICO("ipPools: encapsulation \"VXLAN\" for clusterCIDRv4 and clusterCIDRv6; values.yaml: calicoNetwork.bgp: Disabled"),
  },
  {
    profile: "rke2", installer: "RKE2 (rke2-calico chart)", option: "calicoTypha", value: true, when: { cni: "calico" },
    why: "RKE2 installs Calico with the Tigera operator, and operator-based installations always include Typha (TCP 5473, on any node)",
    source: TYPHA("Tell if you have installed Typha, Operator tab: \"Operator based installations always include Typha.\""),
  },
  {
    profile: "dce5", installer: "Kubean (Kubespray)", option: "calicoMode", value: "vxlan", when: { cni: "calico" },
    why: "Kubean deploys clusters with Kubespray, whose Calico default is VXLAN (calico_vxlan_mode: Always, calico_ipip_mode: Never)",
    source: KUBESPRAY("calico_ipip_mode: Never; calico_vxlan_mode: Always (\"by default we enable vxlan\")"),
  },
  {
    profile: "super-kubenetes", installer: "KubeKey", option: "calicoTypha", value: true, when: { cni: "calico" },
    why:
      "KubeKey turns Typha on when the cluster has more than 50 Kubernetes nodes (TyphaEnabled: hosts > 50); kubeports cannot count machines, " +
      "so TCP 5473 is opened between the nodes and the cluster keeps working as it grows (set calicoTypha: false for a cluster that stays at 50 nodes or fewer)",
    source: KUBEKEY("DeployNetworkPluginModule, GenerateCalico: \"TyphaEnabled\": len(GetHostsByRole(common.K8s)) > 50"),
  },
];

/**
 * Applies the installer defaults of the layout's profiles to options the layout leaves unset.
 * Entries are applied in order, each against the options so far, so a condition sees earlier results.
 */
export function applyInstallerDefaults(layout: Layout, options: LayoutOptions): { options: LayoutOptions; notes: PlanNote[] } {
  const set = layout.options ?? {};
  let resolved = options;
  const notes: PlanNote[] = [];
  for (const entry of INSTALLER_DEFAULTS) {
    if (!(layout.profiles as readonly string[]).includes(entry.profile) || set[entry.option] !== undefined) continue;
    if (!conditionHolds(entry.when, resolved) || resolved[entry.option] === entry.value) continue;
    const before = resolved[entry.option];
    resolved = { ...resolved, [entry.option]: entry.value };
    notes.push({
      code: "installer-default",
      profile: entry.profile,
      row: `options.${entry.option}`,
      message:
        `options.${entry.option} is ${JSON.stringify(entry.value)}, not ${JSON.stringify(before)}: ${entry.why} ` +
        `(${entry.installer}: ${entry.source.document}, ${entry.source.row}); set options.${entry.option} to choose otherwise`,
    });
  }
  return { options: resolved, notes };
}
