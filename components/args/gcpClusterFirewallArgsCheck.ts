/** GcpClusterFirewall's args, checked by type before anything is registered (JavaScript callers). */
import { arg, argObject, argRecord, checkArgs } from "./argTypes";
import { firewallSourceFields, peersArg } from "./sharedArgs";

export const gcpClusterFirewallArgsSchema = argObject(
  {
    ...firewallSourceFields,
    network: arg.inputString('give the VPC network\'s name or self link, for example network.selfLink or "default"'),
    project: arg.inputString('give the project id, for example "acme-prod"').optional(),
    peers: peersArg.optional(),
    useServiceAccounts: arg.boolean("set true to identify node groups by service account, false (default) for network tags").optional(),
    groups: argRecord(
      argObject(
        {
          tag: arg.string('give an existing network tag, for example "k8s-workers"').optional(),
          serviceAccountEmail: arg.inputString('give the service account email, for example "workers@my-project.iam.gserviceaccount.com"').optional(),
        },
        "an object { tag?, serviceAccountEmail? }",
        'for example { tag: "k8s-workers" }',
      ),
      "an object of node group name -> identity",
      'for example { workers: { tag: "k8s-workers" } }',
    ).optional(),
    namePrefix: arg.string('give a prefix unique in the project, for example the stack name "prod"').optional(),
    priority: arg.integer({ min: 0, max: 65535 }, "lower wins; default 1000").optional(),
    logging: arg.boolean("set true to log rule hits, false (default) not to").optional(),
    restrictEgress: arg.boolean("set true to deny egress but the plan's, false (default) for GCP's implied allow").optional(),
    nodeRanges: arg.stringList('give the node subnets\' CIDRs as a list, for example ["10.0.0.0/16"]').optional(),
    fqdnEgress: arg.boolean("set true to allow the plan's host names by FQDN rules (with restrictEgress and useServiceAccounts)").optional(),
  },
  "an object of GcpClusterFirewall args",
  "pass { network, layout } (see the README)",
);

export function checkGcpClusterFirewallArgs(name: string, args: unknown): void {
  checkArgs(gcpClusterFirewallArgsSchema, `Invalid arguments for GcpClusterFirewall "${name}"`, args);
}
