import type { InputIssue } from "../model/errors";
import type { Layout } from "../model/layout";
import { DEFAULT_OPTIONS, type Cni, type LayoutOptions, type OptionName } from "../model/options";
import type { Profile } from "../model/requirement";

/** Built-in defaults, then each profile's (first profile wins), then the layout's. */
export function resolveOptions(layout: Layout, profiles: readonly Profile[]): LayoutOptions {
  const fromProfiles: Partial<LayoutOptions> = {};
  for (const profile of [...profiles].reverse()) Object.assign(fromProfiles, profile.defaults);
  return { ...DEFAULT_OPTIONS, ...fromProfiles, ...layout.options };
}

/** Options that only mean something with one CNI. */
const CNI_SPECIFIC: readonly { option: OptionName; cnis: readonly Cni[] }[] = [
  { option: "calicoMode", cnis: ["calico"] },
  { option: "calicoTypha", cnis: ["calico"] },
  { option: "ciliumTunnel", cnis: ["cilium"] },
  { option: "hubble", cnis: ["cilium"] },
];

/** Option combinations that cannot describe one cluster. Only options the layout sets are checked. */
export function contradictoryOptions(layout: Layout, options: LayoutOptions): InputIssue[] {
  const set = layout.options ?? {};
  const issues: InputIssue[] = [];
  for (const { option, cnis } of CNI_SPECIFIC) {
    if (set[option] !== undefined && !cnis.includes(options.cni)) {
      issues.push({
        path: `layout.options.${option}`,
        message: `applies only with cni ${cnis.join(" or ")}, but cni is "${options.cni}" (remove ${option}, or set cni: ${cnis[0]})`,
      });
    }
  }
  if (options.encryption === "ipsec" && options.cni !== "cilium") {
    issues.push({
      path: "layout.options.encryption",
      message: `"ipsec" is Cilium's encryption, but cni is "${options.cni}" (use "wireguard", or set cni: cilium)`,
    });
  }
  if (options.encryption === "wireguard" && (options.cni === "weave" || options.cni === "none")) {
    issues.push({
      path: "layout.options.encryption",
      message: `"wireguard" needs a CNI that encrypts with WireGuard (calico, flannel, canal or cilium), but cni is "${options.cni}"`,
    });
  }
  if (set.rancherNodesAdminOnly && !(layout.peers?.admin?.length)) {
    issues.push({
      path: "layout.options.rancherNodesAdminOnly",
      message: "moves SSH, Docker TLS and the API to the admin peer, but layout.peers.admin is empty (add the admin CIDRs)",
    });
  }
  return issues;
}
