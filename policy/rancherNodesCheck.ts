/**
 * Advisory: the world rules Rancher prescribes, on the group named `rancher-nodes`. They are
 * what the vendor says to open, so they are not violations, but each is still the internet
 * reaching the nodes, and most have a narrower option. Only exact matches count (same
 * protocol, ports and family): rules on other groups and world rules Rancher does not
 * prescribe get no advice here. No prescribed rule reaches an internal service (see
 * rancherNodesRows), so a rancher-nodes rule that does stays the mandatory policy's.
 */
import { awsIngressViews } from "./awsRuleViews";
import { known } from "./known";
import { RANCHER_NODES_GROUP, RANCHER_NODES_WORLD_RULES, type PrescribedWorldRule } from "./rancherNodesRows";
import type { IngressView, WorldSource } from "./ruleView";
import { AWS_SECURITY_GROUP } from "./resourceTypes";
import { groupsWithStandaloneRules, securityGroupLookup } from "./securityGroups";
import type { StackFinding, StackResource } from "./stackResource";

function prescribed(view: IngressView, source: WorldSource): PrescribedWorldRule | undefined {
  const [match, ...rest] = view.matches;
  if (!match || rest.length > 0 || !match.ports) return undefined;
  return RANCHER_NODES_WORLD_RULES.find(
    (rule) => rule.protocol === match.protocol && rule.family === source.family && rule.ports.from === match.ports!.from && rule.ports.to === match.ports!.to,
  );
}

function advice(rule: PrescribedWorldRule): string {
  if (rule.adminCidrsMoves) {
    return `Restrict it to your admin networks: kubeports' RancherNodesSecurityGroup does that with adminCidrs, and the node template's "Security group read-only" keeps the driver from adding the world rule back.`;
  }
  return `It serves ${rule.service}; if only load balancers or known clients need it, restrict the source to them (adminCidrs does not move it).`;
}

function message(view: IngressView, source: WorldSource, rule: PrescribedWorldRule): string {
  const who = rule.byDriver ? "what Rancher's amazonec2 node driver opens" : "what Rancher's docs prescribe";
  return `${view.where}${view.traffic} from ${source.text} on the ${RANCHER_NODES_GROUP} group is ${who} (${rule.citation}), and still open to the internet. ${advice(rule)}`;
}

export function rancherNodesAdvice(resources: readonly StackResource[]): StackFinding[] {
  const groupOf = securityGroupLookup(resources);
  const mirrored = groupsWithStandaloneRules(resources, groupOf);
  return resources.flatMap((resource) => {
    const group = groupOf(resource);
    if (group?.awsName !== RANCHER_NODES_GROUP) return [];
    if (resource.type === AWS_SECURITY_GROUP && mirrored.has(group.key)) return [];
    // A rule whose traffic or sources are unknown at preview is judged at `pulumi up`.
    const findings = known(() =>
      awsIngressViews(resource.type, resource.props).flatMap((view) =>
        view.worldSources().flatMap((source) => {
          const rule = prescribed(view, source);
          return rule ? [{ message: message(view, source, rule), urn: resource.urn }] : [];
        }),
      ),
    );
    return findings ?? [];
  });
}
