// Checks one HTTP exchange against the OpenAPI document: the operation must
// declare the status (a catch-all `default` does not count), the content type
// must be one it declares, the body must validate against that schema
// (JSON Schema 2020-12, with ajv), and required response headers must be there.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export interface Exchange {
  method: string;
  /** The request path, without the query. */
  path: string;
  status: number;
  /** Response headers (any case). */
  headers: Record<string, string>;
  body: string;
}

interface ResponseObject {
  description?: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema: Record<string, unknown> }>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

export interface CheckResult {
  /** `METHOD /template`, or null when no operation has this method and path. */
  operation: string | null;
  violations: string[];
}

// ajv-formats is CommonJS: its default export is the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const templateRegex = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );

export const createOpenApiChecker = (doc: OpenApiDocument) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  // Literal paths before templated ones, as API Gateway matches them.
  const templates = Object.keys(doc.paths)
    .map((t) => ({ template: t, regex: templateRegex(t), params: (t.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);

  const validatorFor = (key: string, schema: Record<string, unknown>): ValidateFunction => {
    let v = validators.get(key);
    if (!v) {
      // Local $refs (#/components/...) resolve against this root.
      v = ajv.compile({ ...schema, components: doc.components });
      validators.set(key, v);
    }
    return v;
  };

  return (ex: Exchange): CheckResult => {
    const method = ex.method.toLowerCase();
    const match = templates.find((t) => t.regex.test(ex.path) && doc.paths[t.template]?.[method]);
    if (!match) return { operation: null, violations: [] };
    const operation = `${ex.method.toUpperCase()} ${match.template}`;
    const op = doc.paths[match.template]![method]!;
    const declared = op.responses[String(ex.status)];
    if (!declared) {
      const listed = Object.keys(op.responses).filter((k) => k !== 'default');
      return {
        operation,
        violations: [`status ${ex.status} is not declared (declared: ${listed.join(', ')})`],
      };
    }
    const violations: string[] = [];
    const headers = Object.fromEntries(Object.entries(ex.headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const [name, h] of Object.entries(declared.headers ?? {})) {
      if (h.required && headers[name.toLowerCase()] === undefined)
        violations.push(`header ${name} is required on ${ex.status} but absent`);
    }
    const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!declared.content) {
      if (ex.body.length > 0) violations.push(`${ex.status} declares no body, got ${ex.body.length} bytes`);
      return { operation, violations };
    }
    const media = declared.content[contentType];
    if (!media) {
      violations.push(
        `content type "${contentType}" is not declared for ${ex.status} (declared: ${Object.keys(declared.content).join(', ')})`,
      );
      return { operation, violations };
    }
    // A body that is not JSON (the reference page's HTML) is checked as a string.
    const isJson = contentType === 'application/json' || contentType.endsWith('+json');
    let body: unknown = ex.body;
    try {
      if (isJson) body = JSON.parse(ex.body);
    } catch {
      violations.push(`the ${ex.status} body is not JSON`);
      return { operation, violations };
    }
    const validate = validatorFor(`${operation} ${ex.status} ${contentType}`, media.schema);
    if (!validate(body)) {
      for (const e of validate.errors ?? [])
        violations.push(
          `body${e.instancePath || '/'} ${e.message ?? 'is not valid'} ${JSON.stringify(e.params)}`,
        );
    }
    return { operation, violations };
  };
};
