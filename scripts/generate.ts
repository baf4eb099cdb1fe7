/** `npm run generate`: writes the catalog's TypeScript types and the layout JSON Schema. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CATALOG_TYPES_FILE, LAYOUT_SCHEMA_FILE, catalogTypesSource, layoutJsonSchemaText } from "../components/layout/catalogArtifacts";

const root = path.resolve(__dirname, "..");
for (const [file, text] of [[CATALOG_TYPES_FILE, catalogTypesSource()], [LAYOUT_SCHEMA_FILE, layoutJsonSchemaText()]] as const) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  console.log(`wrote ${file}`);
}
