// The case page, for the desk and the assigned agency: title, status, agency,
// deadline (in the configured zone, overdue marked), its reports, its history
// as a timeline, and the actions its state allows the caller. An agency
// opening another agency's case gets the API's 404: the same "not found" page.

import { useCallback, useState } from 'preact/hooks';
import { mayAttachInStatus } from '#domain/file-kinds';
import { api, call, versionOf } from '../../api/client';
import { useLoad } from '../../api/use-load';
import type { Session } from '../../auth/session';
import { config } from '../../config';
import { FileCount } from '../../files/file-count';
import { FilesPanel } from '../../files/files-panel';
import { useI18n } from '../../i18n';
import { nameOf, type Reference, useReference } from '../../reference';
import { dateTime, formatNumber } from '../../time';
import { CaseStatusChip, ReportStatusChip, UrgencyBadge } from '../../ui/chips';
import { LoadView, Skeleton } from '../../ui/states';
import { CaseActions, type Shown } from './case-actions';
import { type ActionName, type Draft, isOverdue } from './case-model';
import { Timeline } from './case-timeline';
import { LadderPanel } from './escalation';
import './case.css';

const loadCase = async (id: string): Promise<Shown> => {
  const { data, response } = await call(api().GET('/cases/{id}', { params: { path: { id } } }));
  return { data, version: versionOf(response) ?? data.version };
};

export default function CasePage({ id, session }: { id: string; session: Session }) {
  const load = useLoad(`case:${id}`, () => loadCase(id));
  const reference = useReference();
  const setData = load.state === 'ready' || load.state === 'stale' ? load.setData : undefined;
  const refresh = useCallback(async () => {
    const fresh = await loadCase(id);
    setData?.(fresh);
    return fresh;
  }, [id, setData]);

  return (
    <LoadView load={load} lines={6}>
      {(shown) => (
        <CaseView
          shown={shown}
          session={session}
          reference={reference.state === 'ready' || reference.state === 'stale' ? reference.data : undefined}
          refresh={refresh}
        />
      )}
    </LoadView>
  );
}

const CaseView = ({
  shown,
  session,
  reference,
  refresh,
}: {
  shown: Shown;
  session: Session;
  reference: Reference | undefined;
  refresh: () => Promise<Shown>;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const c = shown.data;
  const overdue = isOverdue(c);
  const daysLate = c.dueAt ? Math.floor((Date.now() - Date.parse(c.dueAt)) / 86_400_000) : 0;
  const [preset, setPreset] = useState<{ action: ActionName; fields: Draft; at: number } | null>(null);
  // A report can be unlinked while the case is not closed and keeps another report (the API's rule).
  const canUnlink = session.role === 'desk' && c.status !== 'closed' && c.reportIds.length > 1;

  return (
    <article class="case-page" aria-labelledby="case-title">
      <header class="card case-head">
        <p class="meta">{t.cases.caseId(c.id)}</p>
        <h1 id="case-title">{c.title}</h1>
        <p class="row">
          <CaseStatusChip status={c.status} />
          {c.priority !== 'normal' ? (
            <span class={`badge badge-${c.priority}`}>{t.common.priority[c.priority]}</span>
          ) : null}
          {overdue ? <span class="badge badge-overdue">{t.common.overdue}</span> : null}
          {c.briefingId ? <span class="chip">{t.cases.onBriefing}</span> : null}
        </p>
        {c.mergedInto ? (
          <p class="alert alert-info case-merged-into">
            {t.cases.mergedInto} <a href={`/cases/${c.mergedInto}`}>{t.cases.caseId(c.mergedInto)}</a>
          </p>
        ) : null}
        {c.tags.length > 0 ? (
          <ul class="row case-tags" aria-label={t.tags.label}>
            {c.tags.map((tag) => (
              <li key={tag} class="chip chip-tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        <dl class="case-facts">
          <div>
            <dt>{t.cases.agency}</dt>
            <dd>
              {c.agencyId ? nameOf(reference?.agencies, c.agencyId, lang) : t.cases.notAssigned}
              {!c.agencyId && c.suggestedAgencyId ? (
                <span class="meta">
                  {' '}
                  · {t.cases.suggested(nameOf(reference?.agencies, c.suggestedAgencyId, lang))}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t.cases.due}</dt>
            <dd class={overdue ? 'case-overdue' : undefined}>
              {c.dueAt ? <time dateTime={c.dueAt}>{dateTime(c.dueAt, lang, zone)}</time> : t.cases.noDue}
              {overdue ? <span> · {t.cases.overdueBy(daysLate)}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t.cases.openedAt}</dt>
            <dd>
              <time dateTime={c.openedAt}>{dateTime(c.openedAt, lang, zone)}</time>
            </dd>
          </div>
        </dl>
      </header>

      <div class="columns">
        <div>
          <section class="card" aria-labelledby="case-summary-title">
            <h2 id="case-summary-title">{t.cases.summary}</h2>
            <p class="case-text">{c.summary}</p>
            {c.finding ? (
              <>
                <h3>{t.cases.finding}</h3>
                <p class="case-text">{c.finding}</p>
              </>
            ) : null}
            {c.response ? (
              <>
                <h3>{t.cases.response}</h3>
                <p class="case-text">{c.response}</p>
              </>
            ) : null}
            {c.outcome ? (
              <>
                <h3>{t.cases.outcome}</h3>
                <p>
                  {t.common.outcome[c.outcome]}
                  {c.evidenceUrl ? (
                    <>
                      {' · '}
                      <a href={c.evidenceUrl} rel="noopener noreferrer" target="_blank">
                        {t.cases.evidence}
                      </a>
                    </>
                  ) : null}
                </p>
              </>
            ) : null}
          </section>
          <Reports
            shown={shown}
            role={session.role}
            reference={reference}
            onUnlink={
              canUnlink
                ? (reportId) => setPreset({ action: 'unlink-report', fields: { reportId }, at: Date.now() })
                : undefined
            }
          />
        </div>
        <div>
          {reference ? (
            <CaseActions
              key={c.id}
              shown={shown}
              role={session.role}
              reference={reference}
              refresh={refresh}
              preset={preset}
            />
          ) : (
            <Skeleton />
          )}
          {/* Beside the actions (the agency's respond form): attaching never changes the case's version. */}
          <FilesPanel
            owner={{ kind: 'case', id: c.id }}
            canAttach={canAttachToCase(c.status, session.role)}
            fileCount={(c as { fileCount?: number }).fileCount}
            reportIds={c.reportIds}
            linkReports={session.role === 'desk'}
          />
          {reference ? <LadderPanel c={c} reference={reference} /> : null}
          <section class="card" aria-labelledby="case-history-title">
            <h2 id="case-history-title">{t.cases.history}</h2>
            <Timeline history={c.history} reference={reference} caseId={c.id} />
          </section>
        </div>
      </div>
    </article>
  );
};

/** The desk attaches while the case is not closed; its agency while verifying or responded (the API's own rule). */
const canAttachToCase = (status: string, role: Session['role']): boolean =>
  (role === 'desk' || role === 'agency') && mayAttachInStatus('case', status, role);

type ReportView = Awaited<ReturnType<typeof loadReport>>;
const loadReport = async (id: string) =>
  (await call(api().GET('/reports/{id}', { params: { path: { id } } }))).data;

/**
 * The case's reports. The desk reads each one (GET /reports/{id}); the API
 * shows reports to the desk only, so an agency sees the case's own (masked)
 * title and summary above and the count here.
 */
const Reports = ({
  shown,
  role,
  reference,
  onUnlink,
}: {
  shown: Shown;
  role: Session['role'];
  reference: Reference | undefined;
  /** Opens the unlink form for one report (the desk, on a case that allows it). */
  onUnlink?: (reportId: string) => void;
}) => {
  const { t } = useI18n();
  const ids = shown.data.reportIds;
  return (
    <section class="card" aria-labelledby="case-reports-title">
      <h2 id="case-reports-title">{t.cases.reports(shown.data.reportCount)}</h2>
      {role === 'desk' ? (
        <DeskReports ids={ids} reference={reference} onUnlink={onUnlink} />
      ) : (
        <p class="muted">{t.cases.reportsAgency}</p>
      )}
    </section>
  );
};

const DeskReports = ({
  ids,
  reference,
  onUnlink,
}: {
  ids: string[];
  reference: Reference | undefined;
  onUnlink?: (reportId: string) => void;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const load = useLoad(`case-reports:${ids.join(',')}`, () =>
    Promise.all(
      ids.map((id) =>
        loadReport(id).then(
          (r): ReportView | { id: string } => r,
          () => ({ id }),
        ),
      ),
    ),
  );
  return (
    <LoadView load={load} lines={ids.length}>
      {(reports) => (
        <ul class="list">
          {reports.map((r) =>
            'title' in r ? (
              <li key={r.id} class={r.urgency === 'critical' ? 'list-urgent' : undefined}>
                <p class="row case-report-head">
                  <UrgencyBadge urgency={r.urgency} />
                  <a href={`/reports/${r.id}`}>{r.title}</a>
                  <FileCount item={r} />
                  {onUnlink ? (
                    <button
                      type="button"
                      class="button case-unlink"
                      aria-label={t.cases.unlinkLabel(r.title)}
                      onClick={() => onUnlink(r.id)}
                    >
                      {t.cases.unlink}
                    </button>
                  ) : null}
                </p>
                <p class="meta">
                  <ReportStatusChip status={r.status} /> {nameOf(reference?.categories, r.category, lang)} ·{' '}
                  {nameOf(reference?.areas, r.area, lang)} · {t.common.channel[r.channel]} ·{' '}
                  <time dateTime={r.observedAt}>{dateTime(r.observedAt, lang, zone, false)}</time> ·{' '}
                  {t.cases.sources(r.sourceUrls.length)}
                  {r.reach !== undefined ? ` · ${t.cases.reach(formatNumber(r.reach, lang))}` : ''}
                </p>
              </li>
            ) : (
              <li key={r.id}>
                <a href={`/reports/${r.id}`}>{t.cases.reportUnavailable(r.id)}</a>
              </li>
            ),
          )}
        </ul>
      )}
    </LoadView>
  );
};
