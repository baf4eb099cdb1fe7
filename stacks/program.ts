/**
 * The Pulumi program of this project (Pulumi.yaml `main`). It builds the layout the stack's
 * config chooses: `pulumi up` on a real cloud, `kubeports preview <stack>` under mocks.
 * Everything is validated (config, cluster file, layout, cloud limits) before the first
 * resource is registered.
 */
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { readClusterFile } from "../components/stackFiles/clusterFile";
import { configValue, readStackConfig } from "../components/stackFiles/stackConfig";
import { stackLayout } from "../components/stackFiles/stackLayout";
import { awsStack } from "./aws/awsStack";
import { gcpStack } from "./gcp/gcpStack";
import { azureStack } from "./azure/azureStack";

const projectDir = path.resolve(__dirname, "..");
const settings = new pulumi.Config("kubeports");
const config = readStackConfig((key) => configValue(settings.get(key)));
const cluster = readClusterFile(path.resolve(projectDir, config.clusterFile));
const layout = stackLayout(cluster, config);

const builders = { aws: awsStack, gcp: gcpStack, azure: azureStack } as const;

export = builders[config.cloud](layout, cluster, config);
