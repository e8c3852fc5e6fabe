// Powertools singletons. Logs carry ids and outcomes, never report text,
// tokens or email addresses.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'opinion-desk' });
