import type { Catalogue } from '../catalogue';
import { briefings, summary } from './briefings';
import { cases } from './cases';
import { common } from './common';
import { desk } from './desk';
import { escalation } from './escalation';
import { csvExport } from './export';
import { files } from './files';
import { reporter } from './reporter';
import { tags, templates } from './templates';
import { webhooks } from './webhooks';

export const en: Catalogue = {
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
