/**
 * Writes lib/api-client/schema.ts: the TypeScript types of the OpenAPI document, which the
 * typed client (lib/api-client/client.ts, openapi-fetch) checks every call against. Run it
 * after changing an API schema or operation: `npm run api:client`. A test fails while the
 * committed file differs from what this generates.
 *
 *   npx tsx scripts/generate-api-client.ts                   write lib/api-client/schema.ts
 *   npx tsx scripts/generate-api-client.ts --schema out.json also write the document as JSON
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import { openApiDocument } from "@/lib/openapi/document";

export const SCHEMA_TYPES_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "lib", "api-client", "schema.ts");

const HEADER = `${COMMENT_HEADER.trimEnd().replace(
  " */",
  " * Generated from lib/openapi/document.ts by scripts/generate-api-client.ts (npm run api:client).\n */",
)}\n\n`;

/** The types file's text, generated in memory from the current document. */
export async function generateApiClientTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}

async function main() {
  const args = process.argv.slice(2);
  const schemaOut = args[args.indexOf("--schema") + 1];
  if (args.includes("--schema") && schemaOut) {
    writeFileSync(schemaOut, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
    console.log(`wrote ${schemaOut}`);
  }
  writeFileSync(SCHEMA_TYPES_PATH, await generateApiClientTypes());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_TYPES_PATH)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
