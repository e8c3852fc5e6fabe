import type { Catalogue } from '../catalogue';

export const briefings: Catalogue['briefings'] = {};
