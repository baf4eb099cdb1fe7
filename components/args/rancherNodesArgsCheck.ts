/** RancherNodesSecurityGroup's args, checked by type before anything is registered (JavaScript callers). */
import { arg, argObject, argRecord, checkArgs } from "./argTypes";

export const rancherNodesArgsSchema = argObject(
  {
    vpcId: arg.inputString('give the VPC id, for example vpc.id or "vpc-0123456789abcdef0"'),
    driverRules: arg.boolean("set true for the node driver's current rules, false (default) for the documented table").optional(),
    adminCidrs: arg.stringList('give your admin networks as a list, for example ["192.0.2.0/24"]').optional(),
    renamedFrom: arg.string('give the component\'s name before a rename, for example "rancher-nodes"').optional(),
    tags: argRecord(arg.string('tag values are strings, for example { team: "platform" }'), "an object of tag name -> value", 'for example { team: "platform" }').optional(),
  },
  "an object of RancherNodesSecurityGroup args",
  "pass { vpcId } (see the README)",
);

export function checkRancherNodesArgs(name: string, args: unknown): void {
  checkArgs(rancherNodesArgsSchema, `Invalid RancherNodesSecurityGroup "${name}"`, args);
}
