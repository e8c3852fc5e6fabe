// Boot: the runtime configuration, the language, then the app. The service
// worker keeps the app itself available offline (./sw.ts).
import { render } from 'preact';
import { setTokenSource } from './api/client';
import { App, preloadPage } from './app';
import { currentSession } from './auth/session';
import { loadConfig } from './config';
import { getLang, strings } from './i18n';
import { loadReference } from './reference';
import './styles.css';

const root = document.getElementById('app')!;
document.documentElement.lang = getLang();

// On a slow link every round trip counts: the page's chunk loads beside
// config.json (which index.html preloads), and /reference, which nearly every
// page needs, is asked for as soon as the API's address is known.
preloadPage(location.pathname);

loadConfig().then(
  () => {
    const session = currentSession();
    if (session) {
      setTokenSource(() => session.idToken);
      void loadReference().catch(() => undefined);
    }
    // Clear the boot placeholder first: Preact keeps existing DOM while a lazy page suspends the first render.
    root.replaceChildren();
    render(<App />, root);
  },
  (err: unknown) => {
    root.textContent = `${strings().common.unexpected} (${(err as Error).message})`;
  },
);

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  void navigator.serviceWorker.register('/sw.js').catch(() => {
    // Without a service worker the app works online; the offline queue still holds drafts.
  });
}
