/**
 * Stable NSG priorities for kubeports' allow rules, safe for Pulumi's order of work.
 *
 * Priorities only decide which rule wins when an Allow and a Deny match the same packet. Every rule
 * placed here is an Allow, and kubeports' deny rules sit in a fixed band after all of them
 * (4087-4096), so any assignment of unique priorities in 100-4086 is correct. What matters is
 * how an edit moves them: Azure refuses two rules with one priority in one direction
 * (SecurityRuleConflict), and `pulumi up` runs in-place updates in program order but deletes
 * only at the end. A surviving rule that moves onto the priority of a rule deleted in the same
 * update is refused, and the update is wedged. (The previous scheme, first free candidate in
 * hash order, did exactly that on removals: test/azure-priorities.test.ts keeps the case.)
 *
 * The guarantee here: an edit that only adds identities or only removes them (per NSG and
 * direction) never puts a rule onto a priority another rule held before the edit. An edit that
 * does both can give a new identity the slot of a removed one (stateless: nothing here knows the
 * old set), which the engine replay in `kubeports diff --steps` reports. azureRules makes the
 * common edits one-sided by construction: a rule's identity is (direction, group, protocol, and
 * either its standing rows or its one other end), never its ports or member list, so port edits
 * and feature toggles are mostly in-place updates and adding or removing a CIDR, group, peer or
 * layout rule only adds or only removes identities. How:
 *
 * - levels with disjoint slots (LEVELS below): at level k, each rule still unplaced proposes one
 *   slot, hashed from its own identity (reserved and pinned slots are configuration, not other
 *   rules, and are skipped or void the proposal);
 * - a slot proposed by exactly one rule is that rule's; a slot proposed by two or more is given
 *   to none of them (burned), and they all go on to level k+1.
 *
 * Removing a rule only removes proposals, so every other rule stays or rises to an earlier
 * level, onto a slot that was burned, i.e. empty, before. Adding a rule only adds proposals, so a
 * rule is pushed deeper only when the newcomer proposes its slot, and it never lands on a slot
 * someone held (that holder still proposes it, so it would be burned). Pins never move.
 * With hundreds of rules in one direction, rules that collide at every level fall back to the
 * first free slot (and lose the guarantee); the engine replay in `kubeports diff` still checks.
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

/**
 * Level 0 proposes one slot in the whole allow range, with the formula kubeports has always used
 * for a rule's first choice (so upgrading keeps every rule that sat there), but a proposal that
 * falls into DEEP_BAND or a reserved or pinned slot is void. Levels 1-5 live in DEEP_BAND only,
 * in disjoint bands of 300, 150, 75, 40 and 35 slots, so no two levels ever propose one slot.
 */
export const DEEP_BAND: PriorityBand = { from: 3487, to: ALLOW_MAX };
export const LEVELS: readonly PriorityBand[] = (() => {
  const bands: PriorityBand[] = [{ from: MIN_PRIORITY, to: ALLOW_MAX }];
  let from = DEEP_BAND.from;
  for (const size of [300, 150, 75, 40]) {
    bands.push({ from, to: from + size - 1 });
    from += size;
  }
  bands.push({ from, to: ALLOW_MAX });
  return bands;
})();

/** Two rules (identities) that propose the same slot at every level. */
export class PriorityCollision extends Error {
  constructor(readonly identities: readonly [string, string], readonly freeSlot: number | undefined) {
    super(`kubeports: rules ${identities[0]} and ${identities[1]} propose the same priority at every level`);
  }
}

function hashNumber(text: string): number {
  // 48 bits: exact in a double, and far more than any band it is reduced to.
  return Number.parseInt(createHash("sha256").update(text).digest("hex").slice(0, 12), 16);
}

/** The slot an identity proposes at one level, from its own hash only (undefined: void). */
function proposal(identity: string, level: number, blocked: ReadonlySet<number>): number | undefined {
  if (level === 0) {
    const slot = MIN_PRIORITY + (hashNumber(`${identity}#0`) % ALLOW_SLOTS);
    return blocked.has(slot) || (slot >= DEEP_BAND.from && slot <= DEEP_BAND.to) ? undefined : slot;
  }
  const band = LEVELS[level]!;
  const size = band.to - band.from + 1;
  for (let i = 0; i < 64; i++) {
    const slot = band.from + (hashNumber(`${identity}#${level}#${i}`) % size);
    if (!blocked.has(slot)) return slot;
  }
  return undefined;
}

/** Priorities in the allow range that no reserved band covers. */
export function freeSlotCount(reserved: readonly PriorityBand[]): number {
  let count = 0;
  for (let p = MIN_PRIORITY; p <= ALLOW_MAX; p++) if (!reserved.some((band) => p >= band.from && p <= band.to)) count++;
  return count;
}

/**
 * Identity -> priority for one direction of one NSG. Depends on the set of identities, the
 * reserved bands and the pins only (never on input order). Pinned identities keep their pinned
 * priority. Throws PriorityCollision when two rules collide at every level.
 */
export function assignPriorities(
  identities: readonly string[],
  reserved: readonly PriorityBand[] = [],
  pinned: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const unique = new Set(identities);
  if (unique.size !== identities.length) throw new Error("kubeports bug: duplicate rule identities given to assignPriorities");
  if (unique.size > freeSlotCount(reserved)) throw new RangeError(`kubeports bug: ${unique.size} rules for ${freeSlotCount(reserved)} free priorities`);

  const blocked = new Set<number>();
  for (const band of reserved) for (let p = Math.max(band.from, MIN_PRIORITY); p <= Math.min(band.to, ALLOW_MAX); p++) blocked.add(p);
  const result = new Map<string, number>();
  for (const identity of [...unique].sort()) {
    const pin = pinned.get(identity);
    if (pin === undefined) continue;
    result.set(identity, pin);
    blocked.add(pin);
  }

  let open = [...unique].filter((identity) => !result.has(identity)).sort();
  let lastCollision: string[] | undefined;
  for (let level = 0; level < LEVELS.length && open.length > 0; level++) {
    const bids = new Map<number, string[]>();
    for (const identity of open) {
      const slot = proposal(identity, level, blocked);
      if (slot !== undefined) bids.set(slot, [...(bids.get(slot) ?? []), identity]);
    }
    for (const [slot, bidders] of bids) {
      if (bidders.length === 1) result.set(bidders[0]!, slot);
      else lastCollision = bidders;
    }
    open = open.filter((identity) => !result.has(identity));
  }
  if (open.length === 0) return result;
  // Beyond the last level (only with hundreds of rules in one direction): the first free slot
  // from each rule's own hash, in hash order. Placement here may move on later edits.
  const taken = new Set([...blocked, ...result.values()]);
  const ranked = open.map((identity) => ({ identity, rank: createHash("sha256").update(identity).digest("hex") })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  for (const { identity } of ranked) {
    const start = hashNumber(`${identity}#overflow`) % ALLOW_SLOTS;
    for (let step = 0; step < ALLOW_SLOTS; step++) {
      const slot = MIN_PRIORITY + ((start + step) % ALLOW_SLOTS);
      if (taken.has(slot)) continue;
      taken.add(slot);
      result.set(identity, slot);
      break;
    }
    if (!result.has(identity)) {
      const pair = lastCollision ?? [identity, identity];
      throw new PriorityCollision([pair[0]!, pair[1] ?? pair[0]!], freePriority(blocked, result));
    }
  }
  return result;
}

/** A priority nobody uses, to suggest as a pin. */
function freePriority(blocked: ReadonlySet<number>, taken: ReadonlyMap<string, number>): number | undefined {
  const used = new Set(taken.values());
  for (let p = ALLOW_MAX; p >= MIN_PRIORITY; p--) if (!blocked.has(p) && !used.has(p)) return p;
  return undefined;
}
