// The three steps of attaching one file, through the typed client where the
// API is called: ask for an upload form (POST …/files with the kind the bytes
// show), send the file straight to storage with that form (an XHR, for the
// progress bar: fetch has no upload progress), and ask the server to check
// and clean it (POST …/files/{fileId}/confirm). Also the list of files.
import { ApiProblem, api, call, NetworkError } from '../api/client';
import type { Failure, FileView, Owner, Step } from './attach-model';

export interface UploadForm {
  fileId: string;
  upload: { url: string; fields: Record<string, string> };
  expiresAt: string;
}

/** A step that did not go through, with what the console needs to say and to retry. */
export class StepFailed extends Error {
  constructor(
    readonly step: Step,
    readonly failure: Failure,
    /** The API's problem (its `detail` is shown), when it was one. */
    readonly problem?: ApiProblem,
  ) {
    super(`${step} failed`);
    this.name = 'StepFailed';
  }
}

const failureOf = (err: unknown): { failure: Failure; problem?: ApiProblem } => {
  if (err instanceof ApiProblem) {
    // File refusals name themselves with a `code` (docs/files.md): upload-missing, file-limit, …
    const code = typeof err.body.code === 'string' ? err.body.code : undefined;
    return { failure: { kind: 'problem', status: err.status, code }, problem: err };
  }
  if (err instanceof NetworkError) return { failure: { kind: 'network' } };
  throw err;
};

const step = async <T>(name: Step, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (err) {
    const { failure, problem } = failureOf(err);
    throw new StepFailed(name, failure, problem);
  }
};

export const startUpload = (
  owner: Owner,
  body: { name: string; type: string; size: number },
): Promise<UploadForm> =>
  step('start', async () => {
    const params = { path: { id: owner.id } };
    const { data } =
      owner.kind === 'report'
        ? await call(api().POST('/reports/{id}/files', { params, body }))
        : await call(api().POST('/cases/{id}/files', { params, body }));
    return data;
  });

export const confirmUpload = (owner: Owner, fileId: string): Promise<FileView> =>
  step('confirm', async () => {
    const params = { path: { id: owner.id, fileId } };
    const { data } =
      owner.kind === 'report'
        ? await call(api().POST('/reports/{id}/files/{fileId}/confirm', { params }))
        : await call(api().POST('/cases/{id}/files/{fileId}/confirm', { params }));
    return data;
  });

export const listFiles = async (owner: Owner): Promise<FileView[]> => {
  const params = { path: { id: owner.id } };
  const { data } =
    owner.kind === 'report'
      ? await call(api().GET('/reports/{id}/files', { params }))
      : await call(api().GET('/cases/{id}/files', { params }));
  return data.items;
};

/**
 * POSTs the upload form to storage: its fields in order, then the file last (S3
 * ignores fields after it). `onProgress` gets 0..1 as the bytes go out.
 */
export const sendToStorage = (
  form: UploadForm['upload'],
  file: Blob,
  onProgress: (share: number) => void,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(form.fields)) data.append(k, v);
    data.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new StepFailed('upload', { kind: 'storage', status: xhr.status }));
    };
    xhr.onerror = () => reject(new StepFailed('upload', { kind: 'network' }));
    xhr.ontimeout = xhr.onerror;
    xhr.send(data);
  });
