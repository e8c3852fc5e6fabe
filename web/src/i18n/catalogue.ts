// One string catalogue per language: web/src/i18n/vi/* (the source, Vietnamese is
// the default) and web/src/i18n/en/*, one file per area of the console. English
// must have every key Vietnamese has (the type says so). Components never hold
// literal text: they read it from here.
import { briefings, summary } from './vi/briefings';
import { cases } from './vi/cases';
import { common } from './vi/common';
import { desk } from './vi/desk';
import { escalation } from './vi/escalation';
import { csvExport } from './vi/export';
import { files } from './vi/files';
import { reporter } from './vi/reporter';
import { tags, templates } from './vi/templates';
import { webhooks } from './vi/webhooks';

export const vi = {
  common,
  reporter,
  desk,
  briefings,
  summary,
  cases,
  templates,
  tags,
  csvExport,
  escalation,
  webhooks,
  files,
};
export type Catalogue = typeof vi;
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
