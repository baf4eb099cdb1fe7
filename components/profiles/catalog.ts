/** Every profile kubeports ships, in the order `kubeports profiles` lists them. */
import type { Profile } from "../model/requirement";
import { superKubenetes } from "./superKubenetes";
import { dce5 } from "./dce5";
import { apinizer } from "./apinizer";

export const CATALOG: readonly Profile[] = [
  superKubenetes,
  dce5,
  apinizer,
];

export function findProfile(id: string): Profile | undefined {
  return CATALOG.find((profile) => profile.id === id);
}
