/**
 * Stable NSG priorities for kubeports' allow rules.
 *
 * Priorities only decide which rule wins when an Allow and a Deny match the same packet. Every rule
 * placed here is an Allow, and kubeports' deny rules sit in a fixed band after all of them
 * (4087-4096), so the order among the allows never changes what passes: any assignment of unique
 * priorities in 100-4086 is correct. What matters is that the assignment is stable, because Azure refuses two rules with one priority in one direction and every
 * renumbering is an update that can race another rule's create. So:
 *
 * - each rule's identity (direction, sides, protocol; never a list position) is hashed to a
 *   sequence of candidate priorities in 100-4086, the range above kubeports' deny band;
 * - identities are placed in the order of their own hash (not of the input list), and each takes
 *   its first candidate that is neither reserved nor taken.
 *
 * Why this order: a rule's priority depends only on its identity and the identities placed before
 * it. Adding rule X leaves everything placed before X alone; X takes slot s; a later rule can
 * move only if its candidate sequence reaches s before its own old slot, and that is impossible
 * when s was free in the old assignment (the later rule would have taken it). So adding or
 * removing a rule renumbers no other rule unless the added rule lands on an occupied slot, which
 * happens with probability of about (rules placed after it) / 3987 (see test/azure-priorities).
 * Linear probing by list position would instead shift every rule after an insertion.
 *
 * Reserved priorities count as occupied, so adding a reserved band moves only the rules inside it.
 */
import { createHash } from "node:crypto";

export const MIN_PRIORITY = 100;
export const MAX_PRIORITY = 4096;
/** Where kubeports puts its deny rules: after every allow rule, below Azure's defaults (65000+). */
export const DENY_BAND: PriorityBand = { from: 4087, to: 4096 };
/** Allow rules live in 100-4086. */
export const ALLOW_MAX = DENY_BAND.from - 1;
export const ALLOW_SLOTS = ALLOW_MAX - MIN_PRIORITY + 1;

/** An inclusive range of priorities. */
export interface PriorityBand {
  /** First priority. */
  readonly from: number;
  /** Last priority. */
  readonly to: number;
}

/** Hashed candidates before falling back to a scan (only reached in a nearly full range). */
const HASHED_PROBES = 32;

function hashNumber(text: string): number {
  // 48 bits: exact in a double, and far more than the 3987 slots it is reduced to.
  return Number.parseInt(createHash("sha256").update(text).digest("hex").slice(0, 12), 16);
}

/** Candidate priorities for one identity: hashed ones, then every slot once from the first. */
function* candidates(identity: string): Generator<number> {
  const first = hashNumber(`${identity}#0`) % ALLOW_SLOTS;
  yield MIN_PRIORITY + first;
  for (let k = 1; k < HASHED_PROBES; k++) yield MIN_PRIORITY + (hashNumber(`${identity}#${k}`) % ALLOW_SLOTS);
  for (let step = 1; step < ALLOW_SLOTS; step++) yield MIN_PRIORITY + ((first + step) % ALLOW_SLOTS);
}

/** Priorities in the allow range that no reserved band covers. */
export function freeSlotCount(reserved: readonly PriorityBand[]): number {
  let count = 0;
  for (let p = MIN_PRIORITY; p <= ALLOW_MAX; p++) if (!reserved.some((band) => p >= band.from && p <= band.to)) count++;
  return count;
}

/** Identities are placed in this order (ties, which need a SHA-256 collision, fall back to the text). */
export function placementRank(identity: string): string {
  return createHash("sha256").update(identity).digest("hex");
}

/**
 * Identity -> priority for one direction of one NSG. The result depends on the set of
 * identities and the reserved bands only (never on input order). Callers check capacity with
 * freeSlotCount first; running out here is a bug.
 */
export function assignPriorities(identities: readonly string[], reserved: readonly PriorityBand[] = []): Map<string, number> {
  const unique = new Set(identities);
  if (unique.size !== identities.length) throw new Error("kubeports bug: duplicate rule identities given to assignPriorities");
  if (unique.size > freeSlotCount(reserved)) throw new RangeError(`kubeports bug: ${unique.size} rules for ${freeSlotCount(reserved)} free priorities`);

  const blocked = new Set<number>();
  for (const band of reserved) for (let p = Math.max(band.from, MIN_PRIORITY); p <= Math.min(band.to, ALLOW_MAX); p++) blocked.add(p);
  const order = [...unique].map((identity) => ({ identity, rank: placementRank(identity) }));
  order.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));

  const result = new Map<string, number>();
  for (const { identity } of order) {
    for (const priority of candidates(identity)) {
      if (blocked.has(priority)) continue;
      blocked.add(priority);
      result.set(identity, priority);
      break;
    }
  }
  return result;
}
