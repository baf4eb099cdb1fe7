/**
 * Typed layouts never drift from the catalog: the generated TypeScript types and the layout
 * JSON Schema are what `npm run generate` writes today; a misspelt profile id, role or option
 * value fails to type-check; and the JSON Schema accepts every shipped layout and rejects typos.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import ts from "typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CATALOG_TYPES_FILE, LAYOUT_SCHEMA_FILE, catalogTypesSource, layoutJsonSchema, layoutJsonSchemaText } from "../components/layout/catalogArtifacts";
import { PROFILE_IDS } from "../components/model/catalogTypes";
import { CATALOG } from "../components/profiles/catalog";

const ROOT = path.resolve(__dirname, "..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("generated from the catalog", () => {
  it("components/model/catalogTypes.ts is what `npm run generate` writes (run it after changing a profile)", () => {
    expect(read(CATALOG_TYPES_FILE)).toBe(catalogTypesSource());
  });

  it("layout.schema.json is what `npm run generate` writes (run it after changing a profile or option)", () => {
    expect(read(LAYOUT_SCHEMA_FILE)).toBe(layoutJsonSchemaText());
  });

  it("lists every profile id", () => {
    expect([...PROFILE_IDS]).toEqual(CATALOG.map((p) => p.id));
  });
});

/** Type-checks one program against the repository's sources; returns the error messages. */
function typeErrors(source: string): string[] {
  const file = path.join(ROOT, "test", "__typed_layout_fixture__.ts");
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName && path.resolve(d.file.fileName) === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("typed layouts", () => {
  const header = `import { defineLayout, type Layout } from "../components/model/layout";\n`;

  it("type-checks a correct layout", () => {
    expect(typeErrors(`${header}export const ok: Layout = { name: "lab", profiles: ["kubernetes", "calico"], options: { cni: "calico", calicoMode: "vxlan" }, groups: { cp: { roles: ["controlPlane", "etcd"] } }, peers: { apiClients: ["10.0.0.0/8"] } };\n`)).toEqual([]);
  });

  it("fails on a misspelt profile id, naming the id", () => {
    const errors = typeErrors(`${header}export const typo: Layout = { name: "lab", profiles: ["kubernets"], groups: { cp: { roles: ["controlPlane"] } } };\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Type '"kubernets"' is not assignable to type .*"kubernetes"/);
  });

  it("fails on a misspelt role and an option value that does not exist", () => {
    expect(typeErrors(`${header}export const role: Layout = { name: "lab", profiles: ["kubernetes"], groups: { cp: { roles: ["contrlPlane"] } } };\n`)[0]).toMatch(/"contrlPlane"/);
    expect(typeErrors(`${header}export const mode: Layout = { name: "lab", profiles: ["kubernetes"], options: { calicoMode: "ipipp" }, groups: { cp: { roles: ["etcd"] } } };\n`)[0]).toMatch(/"ipipp"/);
  });

  it("narrows roles to the listed profiles with defineLayout", () => {
    // "rancherNode" is a catalog role, but not one of k3s.
    const errors = typeErrors(`${header}export const narrow = defineLayout({ name: "lab", profiles: ["k3s"], groups: { cp: { roles: ["rancherNode"] } } });\n`);
    expect(errors.join("\n")).toMatch(/"rancherNode"/);
    expect(typeErrors(`${header}export const fine = defineLayout({ name: "lab", profiles: ["k3s"], groups: { cp: { roles: ["controlPlane"] } } });\n`)).toEqual([]);
  });
});

describe("layout JSON Schema", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(layoutJsonSchema());
  const examples = readdirSync(path.join(ROOT, "examples", "layouts")).filter((f) => f.endsWith(".yaml"));
  const stacks = readdirSync(path.join(ROOT, "stacks", "clusters")).filter((f) => f.endsWith(".yaml"));

  it.each(examples)("accepts examples/layouts/%s, which names the schema for editors", (file) => {
    const text = read(path.join("examples", "layouts", file));
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../layout.schema.json");
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(stacks)("accepts the layout of stacks/clusters/%s", (file) => {
    const cluster = parse(read(path.join("stacks", "clusters", file))) as { layout: unknown };
    expect(validate(cluster.layout), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a misspelt profile id, role and option value, and unknown fields", () => {
    const base = { name: "lab", profiles: ["kubernetes"], groups: { cp: { roles: ["controlPlane", "etcd"] } } };
    expect(validate(base)).toBe(true);
    for (const bad of [
      { ...base, profiles: ["kubernets"] },
      { ...base, groups: { cp: { roles: ["contrlPlane"] } } },
      { ...base, options: { calicoMode: "ipipp" } },
      { ...base, groupz: {} },
      { ...base, peers: { admin: ["not a cidr"] } },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
