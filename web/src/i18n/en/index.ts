import type { Catalogue } from '../catalogue';
import { briefings, summary } from './briefings';
import { cases } from './cases';
import { common } from './common';
import { desk } from './desk';
import { reporter } from './reporter';
import { webhooks } from './webhooks';

export const en: Catalogue = { common, reporter, desk, briefings, summary, cases, webhooks };
