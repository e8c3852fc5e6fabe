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
    // Preact's render() keeps what is already in the container: drop the boot placeholder (100vh tall).
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
