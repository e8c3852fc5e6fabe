import type { Catalogue } from '../catalogue';

export const reporter: Catalogue['reporter'] = {};
