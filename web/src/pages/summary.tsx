// The daily summary for any day, on screen: the same sections as the email the
// leadership gets at 07:00 (shared/mail/daily-summary-email.ts), each item linking to
// its report, case or briefing. The day is in the address (`?date=`), so a
// link can be shared; yesterday in the configured zone by default. A day that
// has not ended is the API's to refuse: its message is shown.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDuration } from '#mail/format';
import { api, call, type paths } from '../api/client';
import { useLoad } from '../api/use-load';
import { config } from '../config';
import { useI18n } from '../i18n';
import { nameOf, useReference } from '../reference';
import { dateTime, day, formatNumber, timeZoneLabel } from '../time';
import { CaseStatusChip, UrgencyBadge } from '../ui/chips';
import { Field } from '../ui/field';
import { LoadView } from '../ui/states';
import { isDay, yesterdayIn } from './summary-model';
import { ClarificationsSection, TopicsSection } from './summary-topics';
import './briefings/briefings.css';

type DailySummary = paths['/summaries/daily']['get']['responses'][200]['content']['application/json'];

const Section = ({ id, title, children }: { id: string; title: string; children: ComponentChildren }) => (
  <section class="card" aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    {children}
  </section>
);

const CountTable = ({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) => {
  const { t, lang } = useI18n();
  if (!rows.length) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.summary.item}</th>
            <th scope="col">{t.summary.count}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{formatNumber(r.count, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const SummaryView = ({ s }: { s: DailySummary }) => {
  const { t, lang } = useI18n();
  const ref = useReference();
  const refData = ref.state === 'ready' || ref.state === 'stale' ? ref.data : undefined;
  const zone = s.timeZone;
  const when = (iso: string) => dateTime(iso, lang, zone, false);
  const category = (id: string) => nameOf(refData?.categories, id, lang);
  const area = (id: string) => nameOf(refData?.areas, id, lang);
  const overdueCount = s.cases.overdueByAgency.reduce((n, a) => n + a.cases.length, 0);
  const closedByOutcome = Object.entries(s.cases.closed.byOutcome).filter(([, n]) => n > 0) as [
    keyof typeof t.common.outcome,
    number,
  ][];
  const figures: [string, number][] = [
    [t.summary.figureNewReports, s.reports.total],
    [t.summary.figureUrgent, s.reports.urgentCount],
    [t.summary.figureOpened, s.cases.opened],
    [t.summary.figureClosed, s.cases.closed.total],
    [t.summary.figureOverdue, overdueCount],
    [t.summary.figureDueSoon, s.cases.dueSoon.length],
  ];

  return (
    <div class="summary-view">
      <section class="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t.summary.heading(day(s.date, lang))}</h2>
        <p class="meta">{t.summary.generated(dateTime(s.generatedAt, lang, zone))}</p>
        <dl class="summary-figures" aria-label={t.summary.figures}>
          {figures.map(([label, n]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatNumber(n, lang)}</dd>
            </div>
          ))}
        </dl>
        {s.quiet ? <p class="alert alert-info">{t.summary.quietLead}</p> : null}
      </section>

      <TopicsSection topics={s.topics} date={s.date} />
      <ClarificationsSection items={s.clarifications} />

      <Section id="sum-overdue" title={t.summary.overdueTitle}>
        {s.cases.overdueByAgency.length === 0 ? (
          <p>{t.summary.overdueNone}</p>
        ) : (
          <>
            <p class="meta">{t.summary.overdueIntro}</p>
            {s.cases.overdueByAgency.map((a) => (
              <div key={a.agencyId}>
                <h3>
                  {a.agencyName} · {t.summary.cases(a.cases.length)}
                </h3>
                <ul class="list">
                  {a.cases.map((c) => (
                    <li key={c.id} class="list-urgent">
                      <a href={`/cases/${c.id}`}>{c.title}</a>
                      <p class="meta">
                        <span class="badge badge-overdue">{t.summary.daysOverdue(c.daysOverdue)}</span>
                        {c.dueAt ? ` ${t.common.due(when(c.dueAt))}` : ''}
                      </p>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </Section>

      <Section id="sum-hot" title={t.summary.hotTitle}>
        {s.hotIssues.length === 0 ? (
          <p>{t.summary.none}</p>
        ) : (
          <ul class="list">
            {s.hotIssues.map((h) => (
              <li key={`${h.kind}:${h.key}`}>
                {h.caseId ? <a href={`/cases/${h.caseId}`}>{h.title}</a> : <strong>{h.title}</strong>}
                <p class="meta">
                  {category(h.category)} · {area(h.area)} · {t.summary.reports(h.reportCount)}
                  {h.reach > 0 ? ` · ${t.summary.reach(formatNumber(h.reach, lang))}` : ''}
                  {h.reasons.length ? ` · ${h.reasons.map((r) => t.summary.hotReason[r]).join(', ')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="sum-urgent" title={t.summary.urgentTitle}>
        {s.reports.urgent.length === 0 ? (
          <p>{t.summary.none}</p>
        ) : (
          <ul class="list">
            {s.reports.urgent.map((r) => (
              <li key={r.id} class={r.urgency === 'critical' ? 'list-urgent' : undefined}>
                <div class="row">
                  <UrgencyBadge urgency={r.urgency} />
                  <a href={`/reports/${r.id}`}>{r.title}</a>
                </div>
                <p class="meta">
                  {category(r.category)} · {area(r.area)} ·{' '}
                  {r.observedAt
                    ? t.summary.observed(when(r.observedAt))
                    : t.summary.submitted(when(r.submittedAt))}
                </p>
                {r.excerpt ? <p>{r.excerpt}</p> : null}
                {r.caseId ? (
                  <p class="row">
                    <a href={`/cases/${r.caseId}`}>{t.summary.openCase}</a>
                    {r.caseStatus ? <CaseStatusChip status={r.caseStatus} /> : null}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {s.reports.urgentCount > s.reports.urgent.length ? (
          <p class="meta">{t.summary.urgentMore(s.reports.urgentCount - s.reports.urgent.length)}</p>
        ) : null}
      </Section>

      <Section id="sum-reports" title={t.summary.reportsTitle}>
        <p>{t.summary.reports(s.reports.total)}</p>
        <CountTable
          caption={t.summary.byCategory}
          rows={s.reports.byCategory.map((c) => ({ label: category(c.id), count: c.count }))}
        />
        <CountTable
          caption={t.summary.byArea}
          rows={s.reports.byArea.map((c) => ({ label: area(c.id), count: c.count }))}
        />
        {s.reports.total > 0 ? (
          <CountTable
            caption={t.summary.bySentiment}
            rows={(['negative', 'neutral', 'positive'] as const).map((k) => ({
              label: t.common.sentiment[k],
              count: s.reports.bySentiment[k],
            }))}
          />
        ) : null}
      </Section>

      <Section id="sum-cases" title={t.summary.casesTitle}>
        <dl class="briefing-facts">
          <dt>{t.summary.opened}</dt>
          <dd>{formatNumber(s.cases.opened, lang)}</dd>
          <dt>{t.summary.closed}</dt>
          <dd>{formatNumber(s.cases.closed.total, lang)}</dd>
        </dl>
        <CountTable
          caption={t.summary.closedByOutcome}
          rows={closedByOutcome.map(([k, n]) => ({ label: t.common.outcome[k], count: n }))}
        />
        <CountTable
          caption={t.summary.openByStatus}
          rows={(['open', 'verifying', 'responded'] as const).map((k) => ({
            label: t.common.caseStatus[k],
            count: s.cases.openByStatus[k],
          }))}
        />
        <h3>{t.summary.dueSoonTitle}</h3>
        {s.cases.dueSoon.length === 0 ? (
          <p>{t.summary.none}</p>
        ) : (
          <ul class="list">
            {s.cases.dueSoon.map((c) => (
              <li key={c.id}>
                <a href={`/cases/${c.id}`}>{c.title}</a>
                <p class="meta">
                  {c.agencyName ?? t.summary.unassigned}
                  {c.dueAt ? ` · ${t.common.due(when(c.dueAt))}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {s.cases.responseTimeByAgency.length ? (
        <Section id="sum-response" title={t.summary.responseTitle}>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.summary.responseAgency}</th>
                  <th scope="col">{t.summary.responseClosed}</th>
                  <th scope="col">{t.summary.responseMedian}</th>
                </tr>
              </thead>
              <tbody>
                {s.cases.responseTimeByAgency.map((a) => (
                  <tr key={a.agencyId}>
                    <th scope="row">{a.agencyName}</th>
                    <td>{formatNumber(a.closedCount, lang)}</td>
                    <td>
                      {a.medianResponseSeconds === null ? '—' : formatDuration(a.medianResponseSeconds, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="meta">{t.summary.responseNote}</p>
        </Section>
      ) : null}

      <Section id="sum-briefings" title={t.summary.briefingsTitle}>
        {s.briefings.length === 0 ? (
          <p>{t.summary.none}</p>
        ) : (
          <ul class="list">
            {s.briefings.map((b) => (
              <li key={b.id}>
                <a href={`/briefings/${b.id}`}>{b.title}</a>{' '}
                <span class={`chip chip-kind-${b.kind}`}>{t.briefings.kind[b.kind]}</span>
                <p class="meta">
                  {dateTime(b.startsAt, lang, zone)}
                  {b.location ? ` · ${b.location}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
};

export default function Summary() {
  const { t } = useI18n();
  const { query, route } = useLocation();
  const zone = config().timeZone;
  const date = isDay(query.date) ? query.date : yesterdayIn(zone);
  const [typed, setTyped] = useState(date);
  // Back and forward change the day in the address: the picker follows.
  useEffect(() => setTyped(date), [date]);
  const load = useLoad(
    `summary:${date}`,
    async () => (await call(api().GET('/summaries/daily', { params: { query: { date } } }))).data,
  );
  return (
    <div class="summary-page">
      <h1 class="page-title">{t.summary.title}</h1>
      <form
        class="card summary-day"
        onSubmit={(e) => {
          e.preventDefault();
          if (isDay(typed)) route(`/summary?date=${typed}`);
        }}
      >
        <Field
          id="summary-date"
          label={t.summary.pickDay}
          hint={t.summary.pickDayHint(timeZoneLabel(zone, new Date().toISOString()))}
        >
          <input type="date" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="button button-primary">
          {t.summary.show}
        </button>
      </form>
      <LoadView load={load} lines={8}>
        {(s) => <SummaryView s={s} />}
      </LoadView>
    </div>
  );
}
