// The search engine option (issue 18, §5): the table's own index by default in
// every environment; `opensearch` is documented and refused at synthesis with
// the list of what it needs, until those constructs exist.
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, parseAppConfig } from '#config/schema';
import { OPENSEARCH_MISSING } from '#infra/aws/constructs/search';
import { OpinionDeskStage } from '#infra/aws/stage';
import { dev } from '#infra/config/dev';
import { loadAppConfig } from '#infra/config/index';

describe('search.engine', () => {
  it.each(ENVIRONMENTS)('%s searches with the table by default', (env) => {
    expect(loadAppConfig(env).search.engine).toBe('table');
  });

  it('is off (table) when a config leaves it out, and refuses an unknown engine', () => {
    const { search: _s, ...rest } = dev;
    expect(parseAppConfig(rest, 'test').search).toEqual({ engine: 'table' });
    expect(() => parseAppConfig({ ...dev, search: { engine: 'elastic' } }, 'test')).toThrow();
  });

  it("'opensearch' fails synthesis clearly, naming what is missing", () => {
    const config = parseAppConfig({ ...dev, search: { engine: 'opensearch' } }, 'test');
    expect(config.search.engine).toBe('opensearch');
    const build = () => new OpinionDeskStage(new App(), 'Search', { config });
    expect(build).toThrow(/search\.engine 'opensearch' \(dev\) is a documented option that is not built yet/);
    expect(build).toThrow(/OpenSearch Ingestion/);
    expect(OPENSEARCH_MISSING.length).toBeGreaterThan(0);
  });
});
