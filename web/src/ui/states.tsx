// The states every screen has: loading (a skeleton), empty, error (the
// problem's words), offline (the last data with its time), not found.
import type { ComponentChildren } from 'preact';
import { ApiProblem, NetworkError } from '../api/client';
import type { Load } from '../api/use-load';
import type { More } from '../api/use-more';
import { config } from '../config';
import { useI18n } from '../i18n';
import { dateTime } from '../time';

export const Skeleton = ({ lines = 3 }: { lines?: number }) => {
  const { t } = useI18n();
  return (
    <div class="skeleton" aria-busy="true" role="status">
      <span class="visually-hidden">{t.common.loading}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} class="skeleton-line" />
      ))}
    </div>
  );
};

export const Empty = ({ children }: { children: ComponentChildren }) => <p class="empty">{children}</p>;

export const NotFound = () => {
  const { t } = useI18n();
  return (
    <section class="card not-found" aria-labelledby="not-found-title">
      <h2 id="not-found-title">{t.common.notFoundTitle}</h2>
      <p>{t.common.notFound}</p>
      <a href="/">{t.common.goHome}</a>
    </section>
  );
};

/** The words for an error: the problem's detail, or what a failed network means. */
export const useErrorText = () => {
  const { t } = useI18n();
  return (error: unknown): string => {
    if (error instanceof NetworkError) return t.common.networkError;
    if (error instanceof ApiProblem) {
      if (error.status >= 500) return t.common.unexpected;
      return error.detail ?? error.title;
    }
    return t.common.unexpected;
  };
};

export const ErrorBox = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <div class="alert alert-error" role="alert">
      <p>{text(error)}</p>
      {onRetry ? (
        <button type="button" class="button" onClick={onRetry}>
          {t.common.retry}
        </button>
      ) : null}
    </div>
  );
};

export const StaleBanner = ({ savedAt }: { savedAt: string }) => {
  const { t, lang } = useI18n();
  return (
    <p class="alert alert-offline" role="status">
      {t.common.offline} {dateTime(savedAt, lang, config().timeZone, false)}.
    </p>
  );
};

/** Renders a Load: skeleton, not-found page for 404 (and 403: the API hides existence), error, or the data. */
export const LoadView = <T,>({
  load,
  lines,
  children,
}: {
  load: Load<T>;
  lines?: number;
  children: (data: T) => ComponentChildren;
}) => {
  if (load.state === 'loading') return <Skeleton {...(lines ? { lines } : {})} />;
  if (load.state === 'error') {
    if (load.error instanceof ApiProblem && (load.error.status === 404 || load.error.status === 403)) {
      return <NotFound />;
    }
    return <ErrorBox error={load.error} onRetry={load.reload} />;
  }
  return (
    <>
      {load.state === 'stale' ? <StaleBanner savedAt={load.savedAt} /> : null}
      {children(load.data)}
    </>
  );
};

/** The "load more" button under a cursor-paged list, with the error of the last try. */
export const LoadMore = ({
  more,
}: {
  more: Pick<More<unknown>, 'nextCursor' | 'loading' | 'error' | 'loadMore'>;
}) => {
  const { t } = useI18n();
  return (
    <>
      {more.error ? <ErrorBox error={more.error} onRetry={() => void more.loadMore()} /> : null}
      {more.nextCursor ? (
        <div class="load-more">
          <button type="button" class="button" disabled={more.loading} onClick={() => void more.loadMore()}>
            {more.loading ? t.common.loading : t.common.more}
          </button>
        </div>
      ) : null}
    </>
  );
};
