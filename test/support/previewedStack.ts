/** Helpers for asserting on an offline stack preview. */
import path from "node:path";
import { previewStack, type PreviewResource, type StackPreview } from "../../components/preview/previewStack";

export const PROJECT = path.resolve(__dirname, "../..");

export function preview(stack: string): Promise<StackPreview> {
  return previewStack(stack, PROJECT);
}

export function ofType(preview: StackPreview, type: string): PreviewResource[] {
  return preview.resources.filter((resource) => resource.type === type);
}

export function named(preview: StackPreview, type: string, name: string): PreviewResource {
  const found = preview.resources.find((resource) => resource.type === type && resource.name === name);
  if (!found) throw new Error(`no ${type} named ${name}; have: ${ofType(preview, type).map((r) => r.name).join(", ")}`);
  return found;
}
