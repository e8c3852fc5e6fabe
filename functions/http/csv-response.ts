// The HTTP answer of one CSV export part (shared/service/export.ts): the file
// headers, and a `Link: rel="next"` (plus `X-Export-Next`, easier to read
// from a script) when another part follows. The link repeats the request's
// own query with the next cursor, relative to the path, so it holds behind
// any domain or stage.

import type { HttpRequest, HttpResult } from '#http/handler';
import type { ExportPart } from '#service/export';

export const csvPartResult = (req: HttpRequest, part: ExportPart): HttpResult => {
  const headers: Record<string, string> = {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${part.filename}"`,
    'content-language': part.locale,
    'x-export-rows': String(part.rows),
  };
  if (part.nextCursor !== null) {
    const query = new URLSearchParams({ ...req.query, cursor: part.nextCursor });
    headers.link = `<${req.route.path}?${query.toString()}>; rel="next"`;
    headers['x-export-next'] = part.nextCursor;
  }
  return { status: 200, text: part.text, headers };
};
