// The header's queue badge for a collaborator ("⟳ 1 chờ gửi"), linking to the
// queue on the report form, in the app shell's header (web/src/app.tsx) on every
// page of a collaborator. It loads the queue module only when rendered, and
// starts the queue's sender, so a waiting report goes out when the network
// returns whichever page is open.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

export const QueueBadge = () => {
  const { t } = useI18n();
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    let live = true;
    let off = () => {};
    void Promise.all([import('./queue'), import('./queue-logic')]).then(([q, logic]) => {
      if (!live) return;
      const load = () =>
        void q.items().then(
          (l) => live && setWaiting(logic.waitingCount(l)),
          () => undefined,
        );
      load();
      off = q.subscribe(load);
      q.startQueue();
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  if (!waiting) return null;
  return (
    <a class="queue-badge" href="/send#queue">
      ⟳ {t.reporter.waitingBadge(waiting)}
    </a>
  );
};
