// The daily summary's movement: each topic of the day with its mark (new,
// rising, steady, cooling: a word and a sign, never colour alone) against the
// previous days' average, new and rising first as the email has them; and
// whether the recent clarifications worked.
import { formatDuration } from '#mail/format';
import type { paths } from '../api/client';
import { config } from '../config';
import { useI18n } from '../i18n';
import { nameOf, useReference } from '../reference';
import { dateTime, day, formatNumber, localDay } from '../time';
import { splitTopics, type TrendMark } from './summary-model';

type DailySummary = paths['/summaries/daily']['get']['responses'][200]['content']['application/json'];
export type Topic = DailySummary['topics'][number];

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

type Clarification = DailySummary['clarifications'][number];

const DayBars = ({ c }: { c: Clarification }) => {
  const { t, lang } = useI18n();
  const s = t.summary;
  if (!c.days.length) return null;
  const max = Math.max(1, ...c.days.map((d) => d.reports));
  const wordDay = localDay(new Date(c.officialAt), config().timeZone);
  return (
    <div class="table-wrap">
      <table class="clar-days">
        <caption>{s.clarDays}</caption>
        <thead>
          <tr>
            <th scope="col">{s.clarDay}</th>
            <th scope="col">{s.count}</th>
            <th scope="col">{s.clarReach}</th>
          </tr>
        </thead>
        <tbody>
          {c.days.map((d) => (
            <tr key={d.date} class={d.date === wordDay ? 'clar-word-day' : undefined}>
              <th scope="row">
                {day(d.date, lang)}
                {d.date === wordDay ? <span class="meta"> · {s.clarWordDay}</span> : null}
              </th>
              <td>
                <span class="clar-bar" style={{ width: `${(100 * d.reports) / max}%` }} aria-hidden="true" />{' '}
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
            {items.map((c) => (
              <li key={c.caseId} class="clarification">
                <p class="topic-head">
                  <span class={`mark verdict-${c.verdict}`}>{s.verdict[c.verdict]}</span>{' '}
                  <a href={`/cases/${c.caseId}`}>{c.title}</a>
                </p>
                <p class="meta">
                  {t.common.outcome[c.outcome]}
                  {c.agencyName ? ` · ${c.agencyName}` : ''} ·{' '}
                  {s.clarOfficialAt(dateTime(c.officialAt, lang, config().timeZone, false))}
                </p>
                <p>
                  {s.clarEffect(
                    formatNumber(c.before.reportsPerDay, lang),
                    formatNumber(c.after.reportsPerDay, lang),
                  )}
                </p>
                {c.secondsToOfficialWord !== null ? (
                  <p class="meta">{s.clarTime(formatDuration(c.secondsToOfficialWord, lang))}</p>
                ) : null}
                <details>
                  <summary>{s.clarDays}</summary>
                  <DayBars c={c} />
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
