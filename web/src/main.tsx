// Boot: the runtime configuration, the language, then the app. The service
// worker keeps the app itself available offline (./sw.ts).
import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import { getLang, strings } from './i18n';
import './styles.css';

const root = document.getElementById('app')!;
document.documentElement.lang = getLang();

loadConfig().then(
  () => {
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
