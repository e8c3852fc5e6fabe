// One report, in the caller's view: what the API returns and nothing more (a
// collaborator sees their own report, with the outcome and the evidence link
// once its case is closed; the desk sees everything, and the reports the API
// finds similar to it). Text stays as the API gives it: masked stays masked.
import { mayAttachInStatus } from '#domain/file-kinds';
import { api, call } from '../api/client';
import { useLoad } from '../api/use-load';
import type { Session } from '../auth/session';
import { config } from '../config';
import { FilesPanel } from '../files/files-panel';
import { useI18n } from '../i18n';
import { nameOf, useReference } from '../reference';
import { dateTime, formatNumber } from '../time';
import { CaseStatusChip, ReportStatusChip, similarReasonText, UrgencyBadge } from '../ui/chips';
import { Empty, LoadView } from '../ui/states';
import { similarReports } from './desk/similar';
import './reporter/reporter.css';

const fetchReport = async (id: string) =>
  (await call(api().GET('/reports/{id}', { params: { path: { id } } }))).data;

type Report = Awaited<ReturnType<typeof fetchReport>>;

/** Only http(s) links are made clickable; anything else is shown as text. */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

export default function ReportPage({ id, session }: { id: string; session: Session }) {
  const load = useLoad(`report:${id}`, () => fetchReport(id));
  return (
    <div class="reporter narrow">
      <LoadView load={load} lines={8}>
        {(report) => <ReportView report={report} session={session} />}
      </LoadView>
    </div>
  );
}

const ReportView = ({ report: r, session }: { report: Report; session: Session }) => {
  const { t, lang } = useI18n();
  const reference = useReference();
  const ref = reference.state === 'ready' || reference.state === 'stale' ? reference.data : undefined;
  const zone = config().timeZone;
  const full = 'submittedBy' in r ? r : undefined;
  const own = 'outcome' in r || !full ? (r as Extract<Report, { outcome?: unknown }>) : undefined;
  const caseStatus = useCaseStatus(session.role === 'desk' ? r.caseId : undefined);
  return (
    <>
      <div class="page-title">
        <h1>{r.title}</h1>
        <ReportStatusChip status={r.status} />
        <UrgencyBadge urgency={r.urgency} />
      </div>
      <section class="card" aria-labelledby="report-details">
        <h2 id="report-details">{t.reporter.details}</h2>
        <p class="report-summary">{r.summary}</p>
        <dl class="report-fields">
          <dt>{t.reporter.category}</dt>
          <dd>{nameOf(ref?.categories, r.category, lang)}</dd>
          <dt>{t.reporter.area}</dt>
          <dd>{nameOf(ref?.areas, r.area, lang)}</dd>
          <dt>{t.reporter.channel}</dt>
          <dd>{t.common.channel[r.channel]}</dd>
          <dt>{t.reporter.sentiment}</dt>
          <dd>{t.common.sentiment[r.sentiment]}</dd>
          <dt>{t.reporter.urgency}</dt>
          <dd>{t.common.urgency[r.urgency]}</dd>
          <dt>{t.reporter.observed}</dt>
          <dd>{dateTime(r.observedAt, lang, zone)}</dd>
          <dt>{t.reporter.submittedAt}</dt>
          <dd>{dateTime(r.submittedAt, lang, zone)}</dd>
          {r.reach !== undefined ? (
            <>
              <dt>{t.reporter.reach}</dt>
              <dd>{formatNumber(r.reach, lang)}</dd>
            </>
          ) : null}
          {full ? (
            <>
              <dt>{t.reporter.submittedBy}</dt>
              <dd>{full.submittedBy}</dd>
            </>
          ) : null}
          {r.caseId ? (
            <>
              <dt>{t.reporter.caseRef}</dt>
              <dd>
                {session.role === 'reporter' ? r.caseId : <a href={`/cases/${r.caseId}`}>{r.caseId}</a>}
                {caseStatus ? (
                  <>
                    {' '}
                    <CaseStatusChip status={caseStatus} />
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {full?.dismissReason ? (
            <>
              <dt>{t.reporter.dismissReason}</dt>
              <dd>{full.dismissReason}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t.reporter.sources}</h3>
        {r.sourceUrls.length ? (
          <ul class="report-sources">
            {r.sourceUrls.map((u) => (
              <li key={u}>
                {isWebLink(u) ? (
                  <a href={u} rel="noopener noreferrer nofollow" target="_blank">
                    {u}
                  </a>
                ) : (
                  u
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p class="meta">{t.reporter.noSources}</p>
        )}
      </section>
      {own ? (
        <section class="card" aria-labelledby="report-outcome">
          <h2 id="report-outcome">{t.reporter.outcomeTitle}</h2>
          {own.outcome ? (
            <dl class="report-fields">
              <dt>{t.reporter.outcome}</dt>
              <dd>{t.common.outcome[own.outcome]}</dd>
              {own.response ? (
                <>
                  <dt>{t.reporter.response}</dt>
                  <dd class="report-summary">{own.response}</dd>
                </>
              ) : null}
              {own.evidenceUrl ? (
                <>
                  <dt>{t.reporter.evidence}</dt>
                  <dd>
                    {isWebLink(own.evidenceUrl) ? (
                      <a href={own.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                        {t.reporter.openEvidence}
                      </a>
                    ) : (
                      own.evidenceUrl
                    )}
                  </dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{r.caseId ? t.reporter.pending : t.reporter.notInCase}</p>
          )}
        </section>
      ) : null}
      <FilesPanel
        owner={{ kind: 'report', id: r.id }}
        canAttach={canAttachToReport(r, session) && caseStatus !== 'closed'}
        fileCount={(r as { fileCount?: number }).fileCount}
      />
      {session.role === 'desk' ? <SimilarReports id={r.id} /> : null}
      {session.role === 'reporter' ? (
        <p>
          <a href="/my-reports">{t.reporter.backToList}</a>
        </p>
      ) : null}
    </>
  );
};

/**
 * The status of the desk's report's case: the desk's report view names the case
 * but not where it stands, so the case is read (a collaborator's view shows the
 * outcome instead). Undefined while loading or when the read failed: attaching
 * is then offered and the API decides.
 */
const useCaseStatus = (caseId: string | null | undefined) => {
  const load = useLoad(`report-case-status:${caseId ?? '-'}`, async () =>
    caseId ? (await call(api().GET('/cases/{id}', { params: { path: { id: caseId } } }))).data.status : null,
  );
  return load.state === 'ready' || load.state === 'stale' ? (load.data ?? undefined) : undefined;
};

/** Files go on a report until it is dismissed or its case is closed (an outcome shows that); the API decides again. */
const canAttachToReport = (r: Report, session: Session): boolean =>
  (session.role === 'reporter' || session.role === 'desk') &&
  mayAttachInStatus('report', r.status) &&
  !('outcome' in r && r.outcome);

/** The desk's similar reports: same link or nearly the same words, each with why and where it stands. */
const SimilarReports = ({ id }: { id: string }) => {
  const { t, lang } = useI18n();
  const load = useLoad(`report-similar:${id}`, () => similarReports(id));
  return (
    <section class="card" aria-labelledby="report-similar">
      <h2 id="report-similar">{t.reporter.similarTitle}</h2>
      <LoadView load={load} lines={3}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t.reporter.similarNone}</Empty>
          ) : (
            <>
              <p class="meta">{t.reporter.similarIntro}</p>
              <ul class="list similar-list">
                {items.map((s) => (
                  <li key={s.id}>
                    <a href={`/reports/${s.id}`}>{s.title}</a> <ReportStatusChip status={s.status} />
                    <p class="meta">
                      {similarReasonText(t, lang, s.reason, s.score)} ·{' '}
                      {t.reporter.similarSubmitted(dateTime(s.submittedAt, lang, config().timeZone, false))}
                      {s.caseId ? (
                        <>
                          {' · '}
                          <a href={`/cases/${s.caseId}`}>{t.reporter.similarCase}</a>
                        </>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </LoadView>
    </section>
  );
};
