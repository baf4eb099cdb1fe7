/** Args every firewall component takes the same way: where its plan comes from, and peers. */
import { arg, argRecord } from "./argTypes";

export const firewallSourceFields = {
  layout: arg.object("give the layout as an object { name, profiles, groups, ... } (see examples/layouts)").optional(),
  plan: arg.object("give the plan object compile() returns, or JSON.parse of `kubeports plan --format json`").optional(),
};

export const peersArg = argRecord(
  arg.inputStringList('give the peer\'s CIDRs as a list, for example { admin: ["192.0.2.0/24"] } or { vpc: [vpc.cidrBlock] }'),
  "an object of peer name -> CIDR list",
  'for example { admin: ["192.0.2.0/24"] }',
);
