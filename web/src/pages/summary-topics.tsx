// The daily summary's movement: each topic of the day with its mark (new,
// rising, steady, cooling: a word and a sign, never colour alone) against the
// previous days' average, new and rising first as the email has them; and
// whether the recent clarifications worked.
import { formatDuration } from '#mail/format';
import { useI18n } from '../i18n';
import { nameOf, useReference } from '../reference';
import { day, formatNumber } from '../time';
import { splitTopics, type TrendMark } from './summary-model';

export interface Topic {
  kind: 'case' | 'source' | 'group' | 'area';
  key: string;
  title: string;
  category: string;
  area: string;
  caseId: string | null;
  reports: number;
  reach: number;
  /** The previous days' daily average. */
  baseline: { reports: number; reach: number };
  mark: TrendMark;
}

const MARK_SIGN: Record<TrendMark, string> = { new: '✦', rising: '▲', steady: '▬', cooling: '▼' };

export const MarkBadge = ({ mark }: { mark: TrendMark }) => {
  const { t } = useI18n();
  return (
    <span class={`mark mark-${mark}`}>
      <span aria-hidden="true">{MARK_SIGN[mark]} </span>
      {t.summary.mark[mark]}
    </span>
  );
};

/** Where a topic opens: its case, its group's first report, the inbox on its category and area that day. */
const topicHref = (topic: Topic, date: string): string | undefined => {
  if (topic.caseId) return `/cases/${topic.caseId}`;
  if (topic.kind === 'group') return `/reports/${topic.key}`;
  if (topic.kind === 'area')
    return `/inbox?${new URLSearchParams({ date, category: topic.category, area: topic.area })}`;
  return undefined;
};

const TopicItem = ({ topic, date }: { topic: Topic; date: string }) => {
  const { t, lang } = useI18n();
  const s = t.summary;
  const ref = useReference();
  const data = ref.state === 'ready' || ref.state === 'stale' ? ref.data : undefined;
  const href = topicHref(topic, date);
  return (
    <li class={`topic topic-${topic.mark}`}>
      <p class="topic-head">
        <MarkBadge mark={topic.mark} />{' '}
        {href ? <a href={href}>{topic.title}</a> : <strong>{topic.title}</strong>}
      </p>
      <p class="meta">
        {s.topicKind[topic.kind]} · {nameOf(data?.categories, topic.category, lang)} ·{' '}
        {nameOf(data?.areas, topic.area, lang)}
      </p>
      <p class="topic-figures">
        {s.topicReports(formatNumber(topic.reports, lang), formatNumber(topic.baseline.reports, lang))}
        {topic.reach > 0 || topic.baseline.reach > 0
          ? ` · ${s.topicReach(formatNumber(topic.reach, lang), formatNumber(topic.baseline.reach, lang))}`
          : ''}
      </p>
    </li>
  );
};

export const TopicsSection = ({ topics, date }: { topics: readonly Topic[]; date: string }) => {
  const { t } = useI18n();
  const s = t.summary;
  const { moving, rest } = splitTopics(topics);
  return (
    <section class="card" aria-labelledby="sum-topics">
      <h2 id="sum-topics">{s.topicsTitle}</h2>
      {topics.length === 0 ? (
        <p>{s.topicsNone}</p>
      ) : (
        <>
          <p class="meta">{s.topicsIntro}</p>
          {moving.length === 0 ? (
            <p>{s.topicsNoneMoving}</p>
          ) : (
            <ul class="list topic-list" aria-label={s.topicsMoving}>
              {moving.map((x) => (
                <TopicItem key={`${x.kind}:${x.key}`} topic={x} date={date} />
              ))}
            </ul>
          )}
          {rest.length > 0 ? (
            <details class="topic-rest">
              <summary>{s.topicsRest(rest.length)}</summary>
              <ul class="list topic-list">
                {rest.map((x) => (
                  <TopicItem key={`${x.kind}:${x.key}`} topic={x} date={date} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
};

/** A day's figures of a clarified case's topic. */
export interface ClarificationDay {
  date: string;
  reports: number;
  reach: number;
}

/** A case closed as clarified or corrected in the last 14 days: its topic before and after the official word. */
export interface Clarification {
  caseId: string;
  title: string;
  outcome: 'clarified' | 'corrected';
  firstReportAt: string;
  officialAt: string;
  secondsToOfficialWord: number;
  before: ClarificationDay[];
  after: ClarificationDay[];
}

const average = (days: readonly ClarificationDay[]) =>
  days.length ? days.reduce((n, d) => n + d.reports, 0) / days.length : 0;

const DayBars = ({ caption, days, max }: { caption: string; days: ClarificationDay[]; max: number }) => {
  const { t, lang } = useI18n();
  if (!days.length) return null;
  return (
    <div class="table-wrap">
      <table class="clar-days">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.summary.clarDay}</th>
            <th scope="col">{t.summary.count}</th>
            <th scope="col">{t.summary.clarReach}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{day(d.date, lang)}</th>
              <td>
                <span
                  class="clar-bar"
                  style={{ width: `${max ? (100 * d.reports) / max : 0}%` }}
                  aria-hidden="true"
                />{' '}
                {formatNumber(d.reports, lang)}
              </td>
              <td>{formatNumber(d.reach, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export const ClarificationsSection = ({ items }: { items: readonly Clarification[] }) => {
  const { t, lang } = useI18n();
  const s = t.summary;
  return (
    <section class="card" aria-labelledby="sum-clarifications">
      <h2 id="sum-clarifications">{s.clarTitle}</h2>
      {items.length === 0 ? (
        <p>{s.clarNone}</p>
      ) : (
        <>
          <p class="meta">{s.clarIntro}</p>
          <ul class="list">
            {items.map((c) => {
              const before = average(c.before);
              const after = average(c.after);
              const max = Math.max(1, ...c.before.map((d) => d.reports), ...c.after.map((d) => d.reports));
              return (
                <li key={c.caseId}>
                  <p class="topic-head">
                    <a href={`/cases/${c.caseId}`}>{c.title}</a> · {t.common.outcome[c.outcome]}
                  </p>
                  <p>
                    {s.clarEffect(formatNumber(before, lang), formatNumber(after, lang))}{' '}
                    <strong>{after < before ? s.clarLanded : s.clarNotYet}</strong>
                  </p>
                  <p class="meta">{s.clarTime(formatDuration(c.secondsToOfficialWord, lang))}</p>
                  <details>
                    <summary>{s.clarDays}</summary>
                    <DayBars caption={s.clarBefore} days={c.before} max={max} />
                    <DayBars caption={s.clarAfter} days={c.after} max={max} />
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
};
