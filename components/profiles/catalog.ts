/** The catalog: every profile kubeports ships. */
import type { Profile } from "../model/requirement";
import { superKubenetes } from "./superKubenetes";
import { dce5 } from "./dce5";
import { apinizer } from "./apinizer";
import { rancher } from "./rancher";
import { rancherCommonPorts } from "./rancherCommonPorts";
import { rancherNodes } from "./rancherNodes";
import { kubernetes } from "./kubernetes";
import { rke2 } from "./rke2";
import { k3s } from "./k3s";
import { calico } from "./cni/calico";
import { flannel } from "./cni/flannel";
import { canal } from "./cni/canal";
import { cilium } from "./cni/cilium";
import { weave } from "./cni/weave";

/** Every profile kubeports ships, in the order `kubeports profiles` lists them. */
export const CATALOG: readonly Profile[] = [
  superKubenetes,
  dce5,
  apinizer,
  rancher,
  rancherCommonPorts,
  rancherNodes,
  kubernetes,
  rke2,
  k3s,
  calico,
  flannel,
  canal,
  cilium,
  weave,
];

/** The catalog profile with this id, or undefined. */
export function findProfile(id: string): Profile | undefined {
  return CATALOG.find((profile) => profile.id === id);
}
