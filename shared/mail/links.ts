// Links in emails. They open the console (web/) when `links.consoleUrl` is set
// (CDK sets it per Stage, the local stack to its console), at the console's
// own routes `/cases/<id>` and `/reports/<id>`; without a console URL a link
// names the API resource (`<apiUrl>/cases/<id>`, `<apiUrl>/reports/<id>`),
// which a signed-in reader can open with their token. No base URL known: no
// link (never "undefined").
import type { AppConfig } from '#config/schema';

type Resource = 'cases' | 'reports';

const trimmed = (url: string | undefined): string | null => {
  const u = url?.trim().replace(/\/+$/, '');
  return u ? u : null;
};

const linkTo = (config: Pick<AppConfig, 'links'>, kind: Resource, id: string): string | null => {
  const base = trimmed(config.links?.consoleUrl) ?? trimmed(config.links?.apiUrl);
  return base && id ? `${base}/${kind}/${encodeURIComponent(id)}` : null;
};

/** The case as its reader opens it: in the console, else the API resource; null when no URL is known. */
export const caseLink = (config: Pick<AppConfig, 'links'>, id: string): string | null =>
  linkTo(config, 'cases', id);

/** The report, in the console, else the API resource; null when no URL is known. */
export const reportLink = (config: Pick<AppConfig, 'links'>, id: string): string | null =>
  linkTo(config, 'reports', id);
