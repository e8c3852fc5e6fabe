// "Export CSV" on the desk's inbox and case list: exports what the list shows
// (its filters, in the console's language). The API answers a long export in
// parts (docs/api.md "CSV export"): this fetches them in turn, following
// X-Export-Next, says how far it is, and saves one file (only the first part
// has the byte-order mark and the header row; the bytes are kept as sent).
import { useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorBox } from '../../ui/states';
import './export.css';

type Filters = Record<string, string | number | undefined>;
type Path = '/reports.csv' | '/cases.csv';

/** The most parts one export follows: far beyond a year at the default 5 000 rows a part. */
const MAX_PARTS = 200;

const filenameOf = (response: Response, fallback: string): string =>
  /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;

const save = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The list query without its page size: the export reads its own pages. */
const exportQuery = (filters: Filters, lang: string, cursor?: string): Record<string, string> => {
  const q: Record<string, string> = { lang };
  for (const [k, v] of Object.entries(filters))
    if (k !== 'limit' && k !== 'cursor' && v !== undefined) q[k] = String(v);
  if (cursor) q.cursor = cursor;
  return q;
};

export const ExportButton = ({ path, filters }: { path: Path; filters: Filters }) => {
  const { t, lang } = useI18n();
  const s = t.csvExport;
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy'; part: number; rows: number }
    | { kind: 'done'; rows: number; file: string }
    | { kind: 'failed'; error: unknown }
  >({ kind: 'idle' });

  const run = async () => {
    const parts: Blob[] = [];
    let rows = 0;
    let cursor: string | undefined;
    let file = `${path.slice(1)}`;
    try {
      for (let part = 1; part <= MAX_PARTS; part++) {
        setState({ kind: 'busy', part, rows });
        const { data, response } = await call(
          // The query is the list's own (typed there); the export adds lang and its cursor.
          api().GET(path, {
            params: { query: exportQuery(filters, lang, cursor) as never },
            parseAs: 'blob',
          }),
        );
        if (part === 1) file = filenameOf(response, file);
        parts.push(data as Blob);
        rows += Number(response.headers.get('x-export-rows') ?? 0);
        cursor = response.headers.get('x-export-next') ?? undefined;
        if (!cursor) break;
      }
      save(new Blob(parts, { type: 'text/csv;charset=utf-8' }), file);
      setState({ kind: 'done', rows, file });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <div class="export-csv">
      <button
        type="button"
        class="button"
        aria-label={path === '/reports.csv' ? s.reportsLabel : s.casesLabel}
        disabled={state.kind === 'busy'}
        onClick={() => void run()}
      >
        {s.button}
      </button>
      <p class="meta" role="status">
        {state.kind === 'busy'
          ? s.progress(state.part, state.rows)
          : state.kind === 'done'
            ? s.done(state.rows, state.file)
            : ''}
      </p>
      {state.kind === 'failed' ? (
        <div>
          <p>{s.failed}</p>
          <ErrorBox error={state.error} onRetry={() => void run()} />
        </div>
      ) : null}
    </div>
  );
};
