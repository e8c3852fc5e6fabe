// The console's API types, generated from the same OpenAPI document the API
// serves at /openapi.json (shared/http/openapi.ts), with openapi-typescript.
// `npm run gen:api` writes web/src/api/schema.d.ts; test/unit/console-api-types.test.ts
// fails when that file is stale. The document is built from the dev config: the
// configured lists (categories, areas, agencies) are strings in the types, and the
// console reads their values from /reference at run time, so one build serves every
// environment.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApi } from '#http/openapi';
import { loadAppConfig } from '#infra/config/index';

export const API_TYPES_FILE = fileURLToPath(new URL('./src/api/schema.d.ts', import.meta.url));

const HEADER = `// Generated from the OpenAPI document by web/api-types.ts (npm run gen:api). Do not edit.\n`;

export const generateApiTypes = async (): Promise<string> => {
  const doc = buildOpenApi(loadAppConfig('dev'));
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${API_TYPES_FILE}`);
}
