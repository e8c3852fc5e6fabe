// The desk's Webhooks page (read-only, docs/webhooks.md): the endpoints this
// environment sends case events to (id, host, events; never the secret) and
// each one's latest deliveries, from GET /webhooks. What to change lives in
// config; this page answers "did the chat group get it, and if not, why".
import { api, call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { dateTime } from '../../time';
import { Empty, LoadView } from '../../ui/states';

const load = async () => (await call(api().GET('/webhooks', { params: { query: { limit: 20 } } }))).data;

type Endpoint = Awaited<ReturnType<typeof load>>['endpoints'][number];

const EndpointCard = ({ e }: { e: Endpoint }) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const titleId = `webhook-${e.id}`;
  return (
    <section class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {e.id} <span class="meta">{e.host}</span>
      </h2>
      <p class="meta">
        {t.webhooks.events}: {e.events.join(', ')}
      </p>
      {e.deliveries.length === 0 ? (
        <Empty>{t.webhooks.noDeliveries}</Empty>
      ) : (
        // Scrolls sideways on a phone; each row's case link takes the keyboard into it.
        <div class="table-wrap">
          <table>
            <caption>{t.webhooks.recent}</caption>
            <thead>
              <tr>
                <th scope="col">{t.webhooks.colAt}</th>
                <th scope="col">{t.webhooks.colEvent}</th>
                <th scope="col">{t.webhooks.colCase}</th>
                <th scope="col">{t.webhooks.colState}</th>
                <th scope="col">{t.webhooks.colAttempts}</th>
                <th scope="col">{t.webhooks.colLastError}</th>
              </tr>
            </thead>
            <tbody>
              {e.deliveries.map((d) => (
                <tr key={d.webhookId} class={`webhook-${d.state}`}>
                  <td>
                    <time dateTime={d.at}>{dateTime(d.at, lang, zone, false)}</time>
                  </td>
                  <td>
                    <code>{d.type}</code>
                  </td>
                  <td>
                    <a href={`/cases/${d.caseId}`}>{d.caseId}</a>
                  </td>
                  <td>
                    {t.webhooks.state[d.state]}
                    {d.state === 'failed' && d.nextAttemptAt ? (
                      <span class="meta">
                        {' '}
                        · {t.webhooks.nextAttempt(dateTime(d.nextAttemptAt, lang, zone, false))}
                      </span>
                    ) : null}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

export default function Webhooks() {
  const { t } = useI18n();
  const loaded = useLoad('webhooks', load);
  return (
    <div class="webhooks-page">
      <h1 class="page-title">{t.webhooks.title}</h1>
      <LoadView load={loaded}>
        {(v) => (
          <>
            <p>{t.webhooks.intro(v.maxAttempts)}</p>
            {v.endpoints.length === 0 ? (
              <Empty>{t.webhooks.none}</Empty>
            ) : (
              v.endpoints.map((e) => <EndpointCard key={e.id} e={e} />)
            )}
          </>
        )}
      </LoadView>
    </div>
  );
}
