/**
 * The pack's policies, apart from the PolicyPack that serves them: constructing a PolicyPack
 * starts a gRPC server for the engine, so tests and other packs import this list instead.
 */
import type { Policies } from "@pulumi/policy";
import { descriptionPolicy } from "./descriptionPolicy";
import { internalPortsPolicy } from "./internalPortsPolicy";
import { quotaPolicy } from "./quotaPolicy";
import { rancherNodesPolicy } from "./rancherNodesPolicy";

export const kubeportsPolicies: Policies = [internalPortsPolicy, rancherNodesPolicy, descriptionPolicy, quotaPolicy];
