import type { Catalogue } from '../catalogue';
import { briefings } from './briefings';
import { cases } from './cases';
import { common } from './common';
import { desk } from './desk';
import { reporter } from './reporter';

export const en: Catalogue = { common, reporter, desk, briefings, cases };
