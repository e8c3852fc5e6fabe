// HTTP adapter for the evidence file routes (docs/files.md): upload forms,
// confirms and lists, on reports and on cases.

import type { UploadFormView } from '#domain/files';
import { runtimeFileDeps } from '#functions/runtime-file-deps';
import { type HttpResult, httpHandler, type RouteImpls } from '#http/handler';
import { withRateLimit } from '#http/rate-limit';
import { type ConfirmAnswer, confirmUpload, listFiles, startUpload } from '#service/files';
import type { Deps } from '#shared/deps';

/** 201: the form; Location is where to confirm the upload once the file is POSTed. */
const uploadFormResult = (
  path: string,
  form: UploadFormView,
  params: Record<string, string>,
): HttpResult => ({
  status: 201,
  body: form,
  headers: { location: `${path.replace('{id}', params.id ?? '')}/${form.fileId}/confirm` },
});

/** 201 (stored now, Location: the owner's file list) or 200 (confirmed before). */
const confirmResult = (params: Record<string, string>, answer: ConfirmAnswer): HttpResult => ({
  status: answer.status,
  body: answer.file,
  ...(answer.status === 201
    ? { headers: { location: `/${answer.file.source.kind}s/${params.id ?? ''}/files` } }
    : {}),
});

/** The three routes of one owner kind: `/reports/{id}/files…` or `/cases/{id}/files…`. */
const ownerRoutes = (kind: 'report' | 'case'): RouteImpls => {
  const base = `/${kind}s/{id}/files`;
  return {
    [`POST ${base}`]: async (req, deps) =>
      uploadFormResult(
        req.route.path,
        await startUpload(deps, req.principal!, kind, req.params, req.body),
        req.params,
      ),
    [`POST ${base}/{fileId}/confirm`]: async (req, deps) =>
      confirmResult(req.params, await confirmUpload(deps, req.principal!, kind, req.params)),
    [`GET ${base}`]: async (req, deps) => ({
      status: 200,
      body: await listFiles(deps, req.principal!, kind, req.params),
    }),
  };
};

export const fileRoutes: RouteImpls = { ...ownerRoutes('report'), ...ownerRoutes('case') };

/** Its writes count against the caller's hourly limit. */
const limited = { rateLimit: withRateLimit };

export const createHandler = (deps: Deps) => httpHandler('files', fileRoutes, () => deps, limited);
export const handler = httpHandler('files', fileRoutes, runtimeFileDeps, limited);
