/**
 * The whole catalog in every documented option value, one group per role: the same cases the
 * catalog tests check (test/support/catalogLayouts.ts is the one generator for both).
 */
import type { Layout } from "../../components/model/layout";
import { catalogCases } from "../../test/support/catalogLayouts";

export function catalogLayouts(): Layout[] {
  return catalogCases([{ dualStack: true }]).map((c) => c.layout);
}
