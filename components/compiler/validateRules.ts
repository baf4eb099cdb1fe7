/**
 * Checks of the layout's own rules beyond the schema: ids are unique (reports and resource
 * names key on them), every named peer has CIDRs (else the rule would silently open nothing),
 * and a rule that opens a Kubernetes-internal port to the whole internet says why.
 */
import { parseCidr } from "../model/cidr";
import type { InputIssue } from "../model/errors";
import { internalServicesHit } from "../model/internalServices";
import type { CustomRule, Layout } from "../model/layout";
import { formatPortRange, parsePortSpec, type PortRange } from "../model/ports";
import { hasPorts, type Protocol } from "../model/protocol";
import type { Party } from "../model/requirement";
import { knownList } from "../model/suggest";
import { isGroupParty } from "./groupIndex";

function worldCidr(text: string): string | undefined {
  try {
    const parsed = parseCidr(text);
    return parsed.world ? parsed.cidr : undefined;
  } catch {
    return undefined; // the schema reports it
  }
}

/** Internal services the rule's protocols and ports reach, with the ports in words. */
function internalHits(rule: CustomRule): { services: string[]; what: string } {
  const parts = rule.protocols.flatMap((protocol): { protocol: Protocol; ports?: PortRange }[] => {
    if (!hasPorts(protocol)) return [{ protocol }];
    if (rule.ports === undefined) return []; // "needs ports" is reported elsewhere
    try {
      return parsePortSpec(rule.ports).map((ports) => ({ protocol, ports }));
    } catch {
      return [];
    }
  });
  const hits = parts.filter((part) => internalServicesHit(part.protocol, part.ports).length > 0);
  return {
    services: [...new Set(hits.flatMap((part) => internalServicesHit(part.protocol, part.ports)))],
    what: hits.map((part) => `${part.protocol.toUpperCase()}${part.ports ? ` ${formatPortRange(part.ports)}` : ""}`).join(", "),
  };
}

function peerIssue(layout: Layout, rule: CustomRule, name: string, path: string): InputIssue | undefined {
  const set = Object.entries(layout.peers ?? {}).filter(([, cidrs]) => cidrs.length > 0).map(([peer]) => peer);
  if (set.includes(name)) return undefined;
  const declared = layout.peers?.[name] !== undefined;
  return {
    path,
    message: declared
      ? `rule "${rule.id}" names peer "${name}", which has no CIDRs, so the rule would open nothing; give layout.peers.${name} at least one CIDR`
      : `rule "${rule.id}" names peer "${name}", which layout.peers does not define, so the rule would open nothing ${knownList(name, set)}; ` +
        `correct the name, or add peers: { ${name}: ["192.0.2.0/24"] } with its real CIDRs`,
  };
}

export function validateRules(layout: Layout): InputIssue[] {
  const issues: InputIssue[] = [];
  const firstIndex = new Map<string, number>();
  (layout.rules ?? []).forEach((rule, index) => {
    const path = `layout.rules[${index}]`;
    const first = firstIndex.get(rule.id);
    if (first === undefined) firstIndex.set(rule.id, index);
    else issues.push({ path: `${path}.id`, message: `rule id "${rule.id}" is already used by layout.rules[${first}] (give each rule its own id)` });

    const parties: [Party, string][] = [...rule.from.map((party, i): [Party, string] => [party, `${path}.from[${i}]`]), [rule.to, `${path}.to`]];
    for (const [party, partyPath] of parties) {
      if ("peer" in party) {
        const issue = peerIssue(layout, rule, party.peer, `${partyPath}.peer`);
        if (issue) issues.push(issue);
      }
    }
    issues.push(...worldIssues(layout, rule, path));
  });
  return issues;
}

/**
 * An inbound rule from 0.0.0.0/0 or ::/0 (written in `cidrs`, or through a peer) that reaches
 * an internal service needs `allowInternet: "<reason>"`; an allowInternet on a rule that opens
 * nothing to the internet is stale and refused, so the acknowledgement always means something.
 */
function worldIssues(layout: Layout, rule: CustomRule, path: string): InputIssue[] {
  if (!isGroupParty(rule.to)) return [];
  const worldSources = rule.from.flatMap((party, i) => {
    if ("cidrs" in party) return party.cidrs.flatMap((text, k) => (worldCidr(text) ? [{ cidr: worldCidr(text)!, path: `${path}.from[${i}].cidrs[${k}]` }] : []));
    if ("peer" in party) return (layout.peers?.[party.peer] ?? []).flatMap((text) => (worldCidr(text) ? [{ cidr: worldCidr(text)!, path: `${path}.from[${i}].peer` }] : []));
    return [];
  });
  if (rule.allowInternet !== undefined) {
    return worldSources.length > 0 ? [] : [{ path: `${path}.allowInternet`, message: `rule "${rule.id}" acknowledges an internet opening, but opens nothing to 0.0.0.0/0 or ::/0 (remove allowInternet)` }];
  }
  const { services, what } = internalHits(rule);
  if (services.length === 0) return [];
  // Peers with a world CIDR are reported once, by the compiler's peer check, with the same fix; cidrs here.
  return worldSources
    .filter((source) => !source.path.endsWith(".peer"))
    .map((source) => ({
      path: source.path,
      message:
        `rule "${rule.id}" opens ${services.join(", ")} (${what}) to ${source.cidr}, the whole internet; ` +
        `give the networks that need it, or acknowledge it on the rule with allowInternet: "<why>"`,
    }));
}
