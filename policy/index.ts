/**
 * The kubeports policy pack: `pulumi preview --policy-pack ./policy` runs this file, and the
 * PolicyPack constructor serves the policies to the engine (see README.md).
 */
import { PolicyPack } from "@pulumi/policy";
import { kubeportsPolicies } from "./policies";

new PolicyPack("kubeports", { policies: kubeportsPolicies });
