// My reports: the collaborator's own reports, newest first, with their status,
// paging with the API's cursor; each opens its report page. Reports still
// waiting in the offline queue are pointed to, not mixed in.
import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { startQueue } from '../../offline/queue';
import { waitingCount } from '../../offline/queue-logic';
import { nameOf, useReference } from '../../reference';
import { dateTime } from '../../time';
import { ReportStatusChip, UrgencyBadge } from '../../ui/chips';
import { Empty, ErrorBox, LoadView } from '../../ui/states';
import { useQueue } from './queue-view';
import './reporter.css';
import { FileCount } from '../../files/file-count';

const PAGE = 20;

const fetchPage = async (cursor?: string) =>
  (await call(api().GET('/reports', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })))
    .data;

type Page = Awaited<ReturnType<typeof fetchPage>>;

export default function MyReports() {
  const { t, lang } = useI18n();
  const first = useLoad('my-reports', () => fetchPage());
  const reference = useReference();
  const queue = useQueue();
  const [more, setMore] = useState<{ items: Page['items']; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  useEffect(() => startQueue(), []);
  const ref = reference.state === 'ready' || reference.state === 'stale' ? reference.data : undefined;
  const waiting = queue ? waitingCount(queue) : 0;
  const zone = config().timeZone;

  return (
    <div class="reporter">
      <div class="page-title">
        <h1>{t.reporter.myReportsTitle}</h1>
      </div>
      {waiting ? (
        <p class="alert alert-warn">
          {t.reporter.queuedNote(waiting)} <a href="/send#queue">{t.reporter.openQueue}</a>
        </p>
      ) : null}
      <LoadView load={first} lines={6}>
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const cursor = more ? more.nextCursor : page.nextCursor;
          if (!items.length) return <Empty>{t.reporter.myReportsEmpty}</Empty>;
          return (
            <section class="card">
              <ul class="list">
                {items.map((r) => (
                  <li key={r.id} class={r.urgency === 'critical' ? 'list-urgent' : undefined}>
                    <p class="row">
                      <a href={`/reports/${r.id}`}>
                        <strong>{r.title}</strong>
                      </a>
                      <ReportStatusChip status={r.status} />
                      <UrgencyBadge urgency={r.urgency} />
                      <FileCount item={r} />
                    </p>
                    <p class="meta">
                      {nameOf(ref?.categories, r.category, lang)} · {nameOf(ref?.areas, r.area, lang)} ·{' '}
                      {t.reporter.submittedAt} {dateTime(r.submittedAt, lang, zone, false)}
                    </p>
                  </li>
                ))}
              </ul>
              {moreError ? <ErrorBox error={moreError} /> : null}
              {cursor ? (
                <button
                  type="button"
                  class="button"
                  disabled={loadingMore}
                  aria-busy={loadingMore}
                  onClick={() => {
                    setLoadingMore(true);
                    setMoreError(undefined);
                    fetchPage(cursor).then(
                      (next) => {
                        setMore({
                          items: [...(more?.items ?? []), ...next.items],
                          nextCursor: next.nextCursor,
                        });
                        setLoadingMore(false);
                      },
                      (err: unknown) => {
                        setMoreError(err);
                        setLoadingMore(false);
                      },
                    );
                  }}
                >
                  {loadingMore ? t.common.loading : t.common.more}
                </button>
              ) : null}
            </section>
          );
        }}
      </LoadView>
    </div>
  );
}
