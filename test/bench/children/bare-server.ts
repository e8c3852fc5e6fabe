// Child process of the HTTP benchmark, the baseline: a bare node:http server
// that parses the JSON body and stores it with one PutItem, through the same
// document client settings as the handlers. No auth, no validation, no
// idempotency, no duplicate lookup, no transaction. The item carries the same
// index keys as a report, so DynamoDB Local does the same index work.
//
// Mode `transact` (a diagnostic, not the issue's baseline): the same three
// items our submission writes (report, URL entry, idempotency record) in one
// TransactWriteItems, with nothing else around it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Report } from '#domain/report';
import { createDocumentClient } from '#store/client';
import { toReportItem } from '#store/reports';

const { endpoint, tableName, mode } = JSON.parse(process.argv[2] ?? '{}') as {
  endpoint: string;
  tableName: string;
  mode?: 'put' | 'transact';
};
const db = createDocumentClient({ region: 'ap-southeast-1', endpoint, timeoutMs: 10_000 });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = new Date().toISOString();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const report = {
      ...body,
      id: ulid(),
      status: 'new',
      caseId: null,
      submittedBy: 'bench-reporter',
      submittedAt: now,
      updatedAt: now,
      version: 1,
    } as Report;
    const item = toReportItem(report, { urlHashes: [] });
    const write: Promise<unknown> =
      mode === 'transact'
        ? db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: {
                      pk: `IDEM#${report.id}`,
                      sk: 'IDEM',
                      bodyHash: report.id,
                      response: { status: 201, body: report },
                    },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
                {
                  Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
                },
                {
                  Put: {
                    TableName: tableName,
                    Item: {
                      pk: `URL#${report.id}`,
                      sk: `REPORT#${report.id}`,
                      entity: 'report-url',
                      reportId: report.id,
                    },
                  },
                },
              ],
            }),
          )
        : db.send(new PutCommand({ TableName: tableName, Item: item }));
    write.then(
      () => {
        const out = JSON.stringify(report);
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
        res.end(out);
      },
      () => {
        res.writeHead(503);
        res.end();
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`BENCH ${JSON.stringify({ url: `http://127.0.0.1:${port}` })}`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
