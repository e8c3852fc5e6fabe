// The app shell: one header (product, page title, the role's navigation, the
// language switch, the user and sign-out), the routes, and sign-in around them.
// Each role's pages are separate chunks, loaded when first opened: a
// collaborator's phone downloads the report form, not the desk's screens.
import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { setTokenSource } from './api/client';
import { clearReadCache } from './api/use-load';
import { completeSignIn, currentSession, type Role, type Session, signIn, signOut } from './auth/session';
import { config } from './config';
import { type Catalogue, setLang, useI18n } from './i18n';
import { QueueBadge } from './offline/badge';
import { nameOf, useReference } from './reference';
import { timeZoneLabel } from './time';
import { ErrorBox, NotFound, Skeleton } from './ui/states';

const chunks = {
  send: () => import('./pages/reporter/send'),
  myReports: () => import('./pages/reporter/my-reports'),
  report: () => import('./pages/report'),
  inbox: () => import('./pages/desk/inbox'),
  cases: () => import('./pages/cases/list'),
  case: () => import('./pages/cases/case'),
  briefings: () => import('./pages/briefings/list'),
  briefing: () => import('./pages/briefings/briefing'),
  summary: () => import('./pages/summary'),
  templates: () => import('./pages/templates/list'),
  template: () => import('./pages/templates/template'),
  webhooks: () => import('./pages/webhooks/webhooks'),
};
const Send = lazy(chunks.send);
const MyReports = lazy(chunks.myReports);
const ReportPage = lazy(chunks.report);
const Inbox = lazy(chunks.inbox);
const Cases = lazy(chunks.cases);
const CasePage = lazy(chunks.case);
const Briefings = lazy(chunks.briefings);
const BriefingPage = lazy(chunks.briefing);
const Summary = lazy(chunks.summary);
const Templates = lazy(chunks.templates);
const TemplatePage = lazy(chunks.template);
const Webhooks = lazy(chunks.webhooks);

const CHUNK_OF: [RegExp, keyof typeof chunks][] = [
  [/^\/send\/?$/, 'send'],
  [/^\/my-reports\/?$/, 'myReports'],
  [/^\/reports\/[^/]+$/, 'report'],
  [/^\/inbox\/?$/, 'inbox'],
  [/^\/cases\/?$/, 'cases'],
  [/^\/cases\/[^/]+$/, 'case'],
  [/^\/briefings\/?$/, 'briefings'],
  [/^\/briefings\/[^/]+$/, 'briefing'],
  [/^\/summary\/?$/, 'summary'],
  [/^\/templates\/?$/, 'templates'],
  [/^\/templates\/[^/]+$/, 'template'],
  [/^\/webhooks\/?$/, 'webhooks'],
];

/**
 * Starts loading the chunk of the page at `path` (main.tsx calls it at boot, beside
 * config.json): on a slow link the page's code then arrives with the app's, not
 * one round trip after it. The lazy route gets the same module.
 */
export const preloadPage = (path: string): void => {
  const hit = CHUNK_OF.find(([re]) => re.test(path));
  if (hit) void chunks[hit[1]]().catch(() => undefined);
};

type NavKey = keyof Catalogue['common']['nav'];
const NAV: Record<Role, { href: string; key: NavKey }[]> = {
  reporter: [
    { href: '/send', key: 'send' },
    { href: '/my-reports', key: 'myReports' },
  ],
  desk: [
    { href: '/inbox', key: 'inbox' },
    { href: '/cases', key: 'cases' },
    { href: '/briefings', key: 'briefings' },
    { href: '/summary', key: 'summary' },
    { href: '/templates', key: 'templates' },
    { href: '/webhooks', key: 'webhooks' },
  ],
  agency: [{ href: '/cases', key: 'myCases' }],
};

/** Where each role starts. */
export const HOME: Record<Role, string> = { reporter: '/send', desk: '/inbox', agency: '/cases' };

/** Which roles may open which pages (the API decides what they see there). */
const ALLOWED: Record<string, readonly Role[]> = {
  home: ['reporter', 'desk', 'agency'],
  send: ['reporter'],
  myReports: ['reporter'],
  report: ['reporter', 'desk', 'agency'],
  inbox: ['desk'],
  cases: ['desk', 'agency'],
  case: ['desk', 'agency'],
  briefings: ['desk'],
  briefing: ['desk'],
  summary: ['desk'],
  templates: ['desk'],
  template: ['desk'],
  webhooks: ['desk'],
};

const Header = ({ session }: { session: Session }) => {
  const { t, lang } = useI18n();
  const { path } = useLocation();
  const env = config().environment;
  const reference = useReference();
  const agencies =
    reference.state === 'ready' || reference.state === 'stale' ? reference.data.agencies : undefined;
  return (
    <header class="header">
      <a class="skip-link" href="#main">
        {t.common.skipToContent}
      </a>
      <div class="header-row">
        <a class="brand" href={HOME[session.role]}>
          {t.common.brand}
          {env !== 'prod' ? <span class="env">{env}</span> : null}
        </a>
        <div class="header-tools">
          {session.role === 'reporter' ? <QueueBadge /> : null}
          <button
            type="button"
            class="link-button"
            lang={t.common.switchToLang}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {t.common.switchTo}
          </button>
          <span class="user" title={session.name}>
            {t.common.role[session.role]}
            {session.agency ? ` · ${nameOf(agencies, session.agency, lang)}` : ''}
          </span>
          <button
            type="button"
            class="link-button"
            onClick={() => {
              clearReadCache();
              void signOut();
            }}
          >
            {t.common.signOut}
          </button>
        </div>
      </div>
      <nav aria-label={t.common.nav.label}>
        <ul class="nav">
          {NAV[session.role].map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={path.startsWith(item.href) ? 'page' : undefined}>
                {t.common.nav[item.key]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
};

const Footer = () => {
  const { t } = useI18n();
  const zone = config().timeZone;
  return (
    <footer class="footer">
      <p>{t.common.timesIn(timeZoneLabel(zone, new Date().toISOString()))}</p>
    </footer>
  );
};

/** The signed-in session, for the route components below. */
const SessionContext = createContext<Session | null>(null);

/**
 * A route's component: the page for the roles allowed, anyone else gets the
 * same "not found" the API gives. Defined once per route at module level, so a
 * change of URL (a filter in the query) re-renders a page and never remounts
 * it: focus and typed text stay.
 */
const page =
  (name: string, render: (session: Session, params: { id?: string }) => ComponentChildren) =>
  (params: { id?: string }) => {
    const session = useContext(SessionContext);
    if (!session) return null;
    return ALLOWED[name]?.includes(session.role) ? render(session, params) : <NotFound />;
  };

const SendRoute = page('send', () => <Send />);
const MyReportsRoute = page('myReports', () => <MyReports />);
const ReportRoute = page('report', (session, { id }) => <ReportPage id={id ?? ''} session={session} />);
const InboxRoute = page('inbox', () => <Inbox />);
const CasesRoute = page('cases', (session) => <Cases session={session} />);
const CaseRoute = page('case', (session, { id }) => <CasePage id={id ?? ''} session={session} />);
const BriefingsRoute = page('briefings', () => <Briefings />);
const BriefingRoute = page('briefing', (_, { id }) => <BriefingPage id={id ?? ''} />);
const SummaryRoute = page('summary', () => <Summary />);
const TemplatesRoute = page('templates', () => <Templates />);
const TemplateRoute = page('template', (_, { id }) => <TemplatePage id={id ?? ''} />);
const WebhooksRoute = page('webhooks', () => <Webhooks />);

const Home = ({ session }: { session: Session }) => {
  const { route } = useLocation();
  useEffect(() => route(HOME[session.role], true), [route, session.role]);
  return <Skeleton />;
};

const HomeRoute = page('home', (session) => <Home session={session} />);

const SignInPage = () => {
  const { t } = useI18n();
  const { query } = useLocation();
  return (
    <main id="main" class="main narrow">
      <section class="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t.common.signInTitle}</h1>
        <p>{t.common.signInIntro}</p>
        {query.expired ? <p class="alert alert-info">{t.common.sessionExpired}</p> : null}
        <button type="button" class="button button-primary" onClick={() => void signIn(query.return ?? '/')}>
          {t.common.signIn}
        </button>
      </section>
    </main>
  );
};

const Callback = ({ onSession }: { onSession: (s: Session) => void }) => {
  const { t } = useI18n();
  const { route } = useLocation();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    completeSignIn().then(
      ({ session, returnTo }) => {
        onSession(session);
        route(returnTo === '/' ? HOME[session.role] : returnTo, true);
      },
      (err: unknown) => setError(err),
    );
  }, [onSession, route]);
  return (
    <main id="main" class="main narrow">
      {error ? (
        <section class="card">
          <h1>{t.common.signInFailed}</h1>
          <ErrorBox error={error} />
          <a href="/sign-in">{t.common.signIn}</a>
        </section>
      ) : (
        <p role="status">{t.common.signingIn}</p>
      )}
    </main>
  );
};

const Routes = () => {
  const [session, setSession] = useState<Session | null>(() => currentSession());
  const { path, url, route } = useLocation();
  setTokenSource(() => session?.idToken);

  useEffect(() => {
    if (!session && path !== '/sign-in' && path !== '/auth/callback') {
      route(`/sign-in?return=${encodeURIComponent(url)}`, true);
    }
  }, [session, path, url, route]);

  if (path === '/auth/callback') return <Callback onSession={setSession} />;
  if (!session) return <SignInPage />;

  return (
    <SessionContext.Provider value={session}>
      <Header session={session} />
      <main id="main" class="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={HomeRoute} />
            <Route path="/sign-in" component={HomeRoute} />
            <Route path="/send" component={SendRoute} />
            <Route path="/my-reports" component={MyReportsRoute} />
            <Route path="/reports/:id" component={ReportRoute} />
            <Route path="/inbox" component={InboxRoute} />
            <Route path="/cases" component={CasesRoute} />
            <Route path="/cases/:id" component={CaseRoute} />
            <Route path="/briefings" component={BriefingsRoute} />
            <Route path="/briefings/:id" component={BriefingRoute} />
            <Route path="/summary" component={SummaryRoute} />
            <Route path="/templates" component={TemplatesRoute} />
            <Route path="/templates/:id" component={TemplateRoute} />
            <Route path="/webhooks" component={WebhooksRoute} />
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </main>
      <Footer />
    </SessionContext.Provider>
  );
};

export const App = () => (
  <LocationProvider>
    <Routes />
  </LocationProvider>
);
