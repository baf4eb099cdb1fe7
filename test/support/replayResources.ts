/** The property tests replay what the shells register for a layout: one builder, in components/replay. */
export { awsResources, azureResources, gcpResources } from "../../components/replay/layoutResources";
