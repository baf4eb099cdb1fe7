/**
 * The whole catalog in every documented option value, the way the catalog tests build it
 * (test/aws-all-profiles.test.ts, test/gcp-catalog.test.ts): per profile, the defaults and
 * then each value of each option the profile reads, one option at a time, with the CNI an
 * option needs. A group per role (per cluster kind where the profile has kinds), an IPv4 and
 * an IPv6 CIDR per peer; CNI overlays, which define no roles, ride on the kubernetes profile.
 */
import type { Layout, NodeGroup } from "../../components/model/layout";
import { OPTION_INFO, type LayoutOptions, type OptionName } from "../../components/model/options";
import type { Profile } from "../../components/model/requirement";
import { slug } from "../../components/naming/stableName";
import { CATALOG, findProfile } from "../../components/profiles/catalog";

function companions(option: OptionName, value: unknown): Partial<LayoutOptions> {
  if (option === "calicoMode" || option === "calicoTypha") return { cni: "calico" };
  if (option === "ciliumTunnel" || option === "hubble") return { cni: "cilium" };
  if (option === "encryption" && value === "ipsec") return { cni: "cilium" };
  return {};
}

function optionModes(profile: Profile): { label: string; options: Partial<LayoutOptions> }[] {
  const modes: { label: string; options: Partial<LayoutOptions> }[] = [{ label: "defaults", options: {} }];
  for (const option of profile.options) {
    for (const value of OPTION_INFO[option].values ?? [true, false]) {
      modes.push({ label: `${option}=${String(value)}`, options: { ...companions(option, value), [option]: value } as Partial<LayoutOptions> });
    }
  }
  return modes;
}

function profilesOf(profile: Profile): Profile[] {
  if (Object.keys(profile.roles).length > 0) return [profile];
  const base = findProfile("kubernetes");
  if (!base) throw new Error(`overlay ${profile.id} needs the kubernetes profile`);
  return [base, profile];
}

function layoutFor(profile: Profile, label: string, options: Partial<LayoutOptions>): Layout {
  const used = profilesOf(profile);
  const roles = [...new Set(used.flatMap((p) => Object.keys(p.roles)))];
  const kinds = Object.keys(profile.clusterKinds ?? {});
  const groups: Record<string, NodeGroup> = {};
  const name = (text: string) => slug(text).slice(0, 32).replace(/-+$/, "");
  if (kinds.length === 0) for (const role of roles) groups[name(role)] = { roles: [role] };
  for (const kind of kinds) for (const role of roles) groups[name(`${kind}-${role}`)] = { roles: [role], cluster: kind };
  const peers = [...new Set(used.flatMap((p) => Object.keys(p.peers)))];
  return {
    name: name(`${profile.id}-${label}`),
    profiles: used.map((p) => p.id),
    options,
    ...(kinds.length > 0 ? { clusters: Object.fromEntries(kinds.map((kind) => [kind, { kind }])) } : {}),
    groups,
    peers: Object.fromEntries(peers.map((peer, i) => [peer, [`10.${100 + i}.0.0/16`, `fd00:${(i + 1).toString(16)}::/48`]])),
  };
}

export function catalogLayouts(): Layout[] {
  return CATALOG.flatMap((profile) => optionModes(profile).map((mode) => layoutFor(profile, mode.label, mode.options)));
}
