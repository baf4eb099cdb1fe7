/**
 * kubeports: Kubernetes vendors' port-requirement pages as cloud firewall rules.
 *
 * Data flows one way: a {@link Layout} (profiles, options, node groups, peers) is compiled by
 * {@link compile} into a {@link Plan}; a cloud component turns the plan into firewall
 * resources; the reports render the same plan for review.
 *
 * This entry point is cloud-neutral: it loads no cloud SDK and not even `@pulumi/pulumi`, so
 * tools and CLIs that only compile or report pay for no provider. The cloud components live
 * at one subpath per cloud (`kubeports/aws`, `kubeports/gcp`, `kubeports/azure`), and each
 * subpath loads only its own cloud SDK, which is an optional peer dependency: an AWS-only
 * program installs `@pulumi/pulumi` and `@pulumi/aws`, nothing else.
 *
 * @packageDocumentation
 */

// The pure core: layouts in, plans out. No Pulumi, no cloud SDK.
export { compile } from "./compiler/compile";
export { requiredFlows } from "./connectivity/requiredFlows";
export type { RequiredEndpoint, RequiredFlow } from "./connectivity/requiredFlow";
export { parseLayout } from "./layout/parseLayout";
export { loadLayoutFile, type FilePosition, type LayoutFile } from "./layout/loadLayoutFile";
export { KubeportsError, type InputIssue } from "./model/errors";
export { COMPLETENESS_MODES, defineLayout, type Completeness, type CustomRule, type Layout, type LayoutPeers, type NodeGroup } from "./model/layout";
export { PROFILE_IDS, type PeerName, type PeerOf, type ProfileId, type ProfileOptions, type ProfilePeers, type ProfileRoles, type RoleName, type RoleOf } from "./model/catalogTypes";
// Types the cloud components share (type-only: this entry still loads no SDK).
export type { ClusterFirewallOutputs } from "./firewall/firewallOutputs";
export type { FirewallWarning, LayoutInput, PeerCidrInputs } from "./firewall/peerInputs";
export {
  CALICO_MODES,
  CILIUM_TUNNELS,
  CNIS,
  DEFAULT_OPTIONS,
  DOWNSTREAM_KINDS,
  ENCRYPTIONS,
  OPTION_INFO,
  type OptionInfo,
  RANCHER_INSTALLS,
  RANCHER_NODES_RULES,
  type CalicoMode,
  type CiliumTunnel,
  type Cni,
  type DownstreamKind,
  type Encryption,
  type LayoutOptions,
  type OptionName,
  type RancherInstall,
  type RancherNodesRules,
} from "./model/options";
export {
  PLAN_SCHEMA,
  type Flow,
  type FlowPeer,
  type LocalProbe,
  type NoteCode,
  type Plan,
  type PlanDisagreement,
  type PlanGroup,
  type PlanNote,
  type PlanSupplement,
  type PlanWarning,
  type AttributedWarning,
  type Reason,
  type WarningCode,
  type WorldOpener,
} from "./model/plan";
export { compactPortRanges, formatPortRange, parsePortSpec, MAX_PORT, MIN_PORT, type PortRange } from "./model/ports";
export { PROTOCOLS, type IcmpMatch, type Protocol } from "./model/protocol";
export type { ClusterScope, Condition, Disagreement, DocumentedMode, Party, Profile, Provenance, RequirementRow, RoleInfo } from "./model/requirement";

// The profiles: one per vendor document.
export { CATALOG, findProfile } from "./profiles/catalog";
export { DOCUMENTS, SHORTCODES, type DocumentInfo } from "./profiles/documents";

// Reports of a plan, and of the difference between two plans, for review.
export { planJson } from "./reports/planJson";
export { planMarkdown } from "./reports/planMarkdown";
export { planMermaid } from "./reports/planMermaid";
export { PLAN_FORMATS, PLAN_REPORTS, type PlanFormat } from "./reports/planReports";
export { diffPlans, type DiffInput } from "./diff/diffPlans";
export { DIFF_FORMATS, DIFF_REPORTS, type DiffFormat } from "./diff/diffReports";
export { DIFF_SCHEMA, type ChangeAspect, type Direction as FlowDirection, type DiffSide, type DiffSummary, type DiffWarning, type FlowChange, type GroupDiff, type OptionChange, type PeerChange, type PlanDiff } from "./diff/planDiff";
export { LANGS, type Lang } from "./i18n/lang";

// The cloud components are at kubeports/aws, kubeports/gcp and kubeports/azure (not here, so
// that importing this entry loads no cloud SDK).
