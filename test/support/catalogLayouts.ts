/**
 * The whole catalog as layouts: per profile, the defaults and then each value of each option
 * the profile reads, one option at a time, with the CNI an option needs; in several shapes of
 * node groups. One generator for every catalog test and the bench, so they check the same cases.
 *
 * CNI overlays (profiles without roles) are documented to apply to a distribution's nodes, so
 * they ride on the upstream kubernetes profile, the way a user would use them.
 */
import type { Layout, NodeGroup } from "../../components/model/layout";
import type { ProfileId, RoleName } from "../../components/model/catalogTypes";
import { OPTION_INFO, type LayoutOptions, type OptionName } from "../../components/model/options";
import type { Profile } from "../../components/model/requirement";
import { slug } from "../../components/naming/stableName";
import { CATALOG, findProfile } from "../../components/profiles/catalog";

/**
 * How machines are grouped:
 * - `perRole`: one group per role (per cluster kind with `clustered`);
 * - `split`: every role in two groups (`<role>-a`, `<role>-b`), so traffic between two groups
 *   of the same role is exercised (two workers in different groups must still talk);
 * - `combined`: every Kubernetes role of a cluster in one group (so traffic between two nodes
 *   of the same group is exercised), other roles one group each.
 */
export type GroupShape = "perRole" | "split" | "combined";

export interface CatalogShape {
  /** Groups per cluster kind, for profiles that define kinds (DCE's global/worker, Rancher's). */
  readonly clustered?: boolean;
  /** Every peer gets an IPv6 CIDR beside its IPv4 one. */
  readonly dualStack?: boolean;
  readonly groups?: GroupShape;
}

export interface OptionMode {
  readonly label: string;
  readonly options: Partial<LayoutOptions>;
}

export interface CatalogCase {
  readonly profile: Profile;
  /** `<profile> <option=value>[ clustered][ dual-stack][ split|combined]`: stable, for test names. */
  readonly label: string;
  readonly mode: OptionMode;
  readonly shape: CatalogShape;
  readonly layout: Layout;
}

/** Options a value needs to be valid with (CNI-specific options name their CNI). */
export function companions(option: OptionName, value: unknown): Partial<LayoutOptions> {
  if (option === "calicoMode" || option === "calicoTypha") return { cni: "calico" };
  if (option === "ciliumTunnel" || option === "hubble") return { cni: "cilium" };
  if (option === "encryption" && value === "ipsec") return { cni: "cilium" };
  return {};
}

/** The defaults, then every value of every option the profile reads, one at a time. */
export function optionModes(profile: Profile): OptionMode[] {
  const modes: OptionMode[] = [{ label: "defaults", options: {} }];
  for (const option of profile.options) {
    for (const value of OPTION_INFO[option].values ?? [true, false]) {
      modes.push({ label: `${option}=${String(value)}`, options: { ...companions(option, value), [option]: value } as Partial<LayoutOptions> });
    }
  }
  return modes;
}

/** The profiles a layout for `profile` uses: overlays ride on the kubernetes profile. */
export function profilesOf(profile: Profile): Profile[] {
  if (Object.keys(profile.roles).length > 0) return [profile];
  const base = findProfile("kubernetes");
  if (!base) throw new Error(`overlay ${profile.id} needs the kubernetes profile`);
  return [base, profile];
}

/** The pod CIDRs every catalog layout gives (used only where the mode routes pod addresses). */
export const POD_CIDRS = ["10.244.0.0/16", "fd00:10:244::/56"];

export const groupName = (text: string): string => slug(text).slice(0, 32).replace(/-+$/, "");

function groupsFor(used: readonly Profile[], kinds: readonly string[], shape: GroupShape): Record<string, NodeGroup> {
  const roles = [...new Set(used.flatMap((p) => Object.keys(p.roles) as RoleName[]))];
  const kubernetes = new Set(used.flatMap((p) => Object.entries(p.roles).filter(([, r]) => r.kubernetes).map(([n]) => n)));
  const groups: Record<string, NodeGroup> = {};
  for (const kind of kinds.length > 0 ? kinds : [undefined]) {
    const prefix = kind ? `${kind}-` : "";
    const at = kind ? { cluster: kind } : {};
    if (shape === "combined") {
      const k8s = roles.filter((role) => kubernetes.has(role));
      if (k8s.length > 0) groups[groupName(`${prefix}nodes`)] = { roles: k8s, ...at };
      for (const role of roles.filter((r) => !kubernetes.has(r))) groups[groupName(`${prefix}${role}`)] = { roles: [role], ...at };
      continue;
    }
    for (const role of roles) {
      if (shape === "split") {
        groups[groupName(`${prefix}${role}`.slice(0, 30)) + "-a"] = { roles: [role], ...at };
        groups[groupName(`${prefix}${role}`.slice(0, 30)) + "-b"] = { roles: [role], ...at };
      } else groups[groupName(`${prefix}${role}`)] = { roles: [role], ...at };
    }
  }
  return groups;
}

/** A layout for one profile in one option mode and shape: groups as the shape says, CIDRs for every peer. */
export function catalogLayout(profile: Profile, mode: OptionMode, shape: CatalogShape = {}): Layout {
  const used = profilesOf(profile);
  const kinds = shape.clustered ? Object.keys(profile.clusterKinds ?? {}) : [];
  const peers = [...new Set(used.flatMap((p) => Object.keys(p.peers)))];
  return {
    name: groupName(`${profile.id}-${mode.label}`),
    profiles: used.map((p) => p.id as ProfileId),
    options: mode.options,
    ...(kinds.length > 0 ? { clusters: Object.fromEntries(kinds.map((kind) => [kind, { kind }])) } : {}),
    groups: groupsFor(used, kinds, shape.groups ?? "perRole"),
    peers: Object.fromEntries(
      peers.map((peer, i) => [peer, shape.dualStack ? [`10.${100 + i}.0.0/16`, `fd00:${(i + 1).toString(16)}::/48`] : [`10.${100 + i}.0.0/16`]]),
    ),

    // Pod-addressed modes (Calico BGP, Cilium native routing, IPv6 under IP-in-IP) need the pod CIDRs; other modes ignore them.
    podCidr: POD_CIDRS,
  };
}

function shapeLabel(shape: CatalogShape): string {
  return `${shape.clustered ? " clustered" : ""}${shape.dualStack ? " dual-stack" : ""}${shape.groups && shape.groups !== "perRole" ? ` ${shape.groups}` : ""}`;
}

/**
 * Every profile x option mode x shape. A `clustered` shape is skipped for profiles without
 * cluster kinds (it would repeat the unclustered case).
 */
export function catalogCases(shapes: readonly CatalogShape[] = [{}], profiles: readonly Profile[] = CATALOG): CatalogCase[] {
  return profiles.flatMap((profile) =>
    shapes
      .filter((shape) => !shape.clustered || profile.clusterKinds)
      .flatMap((shape) =>
        optionModes(profile).map((mode) => ({
          profile,
          label: `${profile.id} ${mode.label}${shapeLabel(shape)}`,
          mode,
          shape,
          layout: catalogLayout(profile, mode, shape),
        })),
      ),
  );
}
