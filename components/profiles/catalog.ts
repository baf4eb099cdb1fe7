/** Every profile kubeports ships, in the order `kubeports profiles` lists them. */
import type { Profile } from "../model/requirement";
import { superKubenetes } from "./superKubenetes";

export const CATALOG: readonly Profile[] = [
  superKubenetes,
];

export function findProfile(id: string): Profile | undefined {
  return CATALOG.find((profile) => profile.id === id);
}
