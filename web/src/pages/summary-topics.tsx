// The daily summary's movement: each topic of the day with its mark (new,
// rising, steady, cooling: a word and a sign, never colour alone) against the
// previous days' average, new and rising first as the email has them; and
// whether the recent clarifications worked.
import { useI18n } from '../i18n';
import { nameOf, useReference } from '../reference';
import { formatNumber } from '../time';
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
