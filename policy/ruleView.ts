/**
 * One allow rule (or one entry of an inline rule list) reduced to what the policies judge:
 * the traffic it lets in, in the model's protocol terms, and its world sources. Each cloud's
 * reader builds these from raw resource inputs, so the checks never see a cloud's field names.
 */
import type { PortRange } from "../components/model/ports";
import type { Protocol } from "../components/model/protocol";

export type Cloud = "aws" | "gcp" | "azure";

/** A source that means "any address": a /0 CIDR, or Azure's `*` and `Internet`. */
export interface WorldSource {
  /** As the resource writes it. */
  readonly text: string;
  /** `any` for Azure's `*`/`Internet`, which cover both families. */
  readonly family: "ipv4" | "ipv6" | "any";
}

/** One protocol of the rule; no `ports` means every port. */
export interface TrafficMatch {
  readonly protocol: Protocol;
  readonly ports?: PortRange;
}

export interface IngressView {
  readonly cloud: Cloud;
  /** "" for a standalone rule; `ingress[2]: ` for an entry of an inline list. */
  readonly where: string;
  /** The traffic as the resource writes it, for messages: `tcp 2379-2380`, `all traffic (ipProtocol "-1")`. */
  readonly traffic: string;
  readonly matches: readonly TrafficMatch[];
  /**
   * Read only when needed: at preview a source can be unknown (another resource's output),
   * and a rule that touches no internal port must not fail on it.
   */
  readonly worldSources: () => readonly WorldSource[];
}
