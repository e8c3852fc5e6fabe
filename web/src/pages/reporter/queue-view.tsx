// The offline queue on screen: what waits (and why it has not gone yet), what
// the API refused and why (edit or discard), and what has been sent since.
import { useEffect, useState } from 'preact/hooks';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { discard, flush, items, type QueueItem, subscribe } from '../../offline/queue';
import { dateTime } from '../../time';
import { Duplicates } from './duplicates';

/** The queue's items, kept current across tabs. */
export const useQueue = (): QueueItem[] | undefined => {
  const [list, setList] = useState<QueueItem[]>();
  useEffect(() => {
    let live = true;
    const load = () =>
      void items().then(
        (l) => live && setList(l.sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
        () => live && setList([]),
      );
    load();
    const off = subscribe(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return list;
};

const Why = ({ item }: { item: QueueItem }) => {
  const { t, lang } = useI18n();
  const e = item.lastError;
  const reason =
    e === undefined
      ? undefined
      : e.status === undefined
        ? t.reporter.noAnswer
        : e.status >= 500
          ? t.reporter.serverError(e.status)
          : (e.detail ?? String(e.status));
  return (
    <p class="meta">
      {t.reporter.attempts(item.attempts)}
      {reason ? ` · ${reason}` : ''}
      {item.attempts
        ? ` · ${t.reporter.nextTry(dateTime(new Date(item.nextAttemptAt).toISOString(), lang, config().timeZone, false))}`
        : ''}
    </p>
  );
};

export const QueueView = ({ list, onEdit }: { list: QueueItem[]; onEdit: (item: QueueItem) => void }) => {
  const { t, lang } = useI18n();
  const [sending, setSending] = useState(false);
  if (!list.length) return null;
  const waiting = list.filter((i) => i.state === 'waiting').length;
  return (
    <section class="card queue" aria-labelledby="queue-title" id="queue">
      <div class="page-title">
        <h2 id="queue-title">{t.reporter.queueTitle}</h2>
        {waiting ? (
          <button
            type="button"
            class="button"
            disabled={sending}
            onClick={() => {
              setSending(true);
              void flush(true).finally(() => setSending(false));
            }}
          >
            {sending ? t.reporter.sending : t.reporter.sendNow}
          </button>
        ) : null}
      </div>
      <p class="meta">{t.reporter.queueIntro}</p>
      <ul class="list">
        {list.map((item) => (
          <li key={item.key} class={`queue-item queue-${item.state}`}>
            <p class="queue-head">
              <strong>{item.title}</strong>{' '}
              <span class={`chip queue-chip-${item.state}`}>
                {item.state === 'waiting'
                  ? t.reporter.waiting
                  : item.state === 'failed'
                    ? t.reporter.failed
                    : t.reporter.sent}
              </span>
            </p>
            <p class="meta">{dateTime(item.createdAt, lang, config().timeZone, false)}</p>
            {item.state === 'waiting' ? <Why item={item} /> : null}
            {item.state === 'failed' ? (
              <div class="alert alert-error">
                <p>{t.reporter.failedHelp}</p>
                <p>{item.lastError?.detail}</p>
                {item.lastError?.errors?.length ? (
                  <ul>
                    {item.lastError.errors.map((e) => (
                      <li key={e.path}>{e.message}</li>
                    ))}
                  </ul>
                ) : null}
                <div class="row">
                  <button type="button" class="button" onClick={() => onEdit(item)}>
                    {t.reporter.edit}
                  </button>
                  <button
                    type="button"
                    class="button button-danger"
                    onClick={() => {
                      if (confirm(t.reporter.discardConfirm)) void discard(item.key);
                    }}
                  >
                    {t.reporter.discard}
                  </button>
                </div>
              </div>
            ) : null}
            {item.state === 'sent' && item.reportId ? (
              <>
                <div class="row">
                  <a href={`/reports/${item.reportId}`}>{t.reporter.viewReport}</a>
                  <button type="button" class="link-button" onClick={() => void discard(item.key)}>
                    {t.reporter.hide}
                  </button>
                </div>
                <Duplicates items={item.duplicates ?? []} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
};
