// Who may use an owner's files, in which statuses a file may be attached, and
// what an upload request is refused for: the pure rules of domain/files.ts
// the files API applies (integration: test/integration/files.test.ts).
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '#domain/case';
import {
  caseFileActor,
  fileViewBase,
  mayAttachInStatus,
  mayUseReportFiles,
  type StoredFile,
  uploadRequestIssues,
  uploadRequestSchema,
} from '#domain/files';
import { REPORT_STATUSES } from '#domain/report';

const reporter = { sub: 'alice', roles: ['reporter' as const] };
const desk = { sub: 'dana', roles: ['desk' as const] };
const agency = { sub: 'olga', roles: ['agency' as const], agencyId: 'health-dept' };

describe("a report's files", () => {
  it('are its own reporter’s and the desk’s, no one else’s', () => {
    expect(mayUseReportFiles(reporter, { submittedBy: 'alice' })).toBe(true);
    expect(mayUseReportFiles(desk, { submittedBy: 'alice' })).toBe(true);
    expect(mayUseReportFiles({ ...reporter, sub: 'bob' }, { submittedBy: 'alice' })).toBe(false);
    // An agency user whose sub matches still is no reporter.
    expect(mayUseReportFiles({ ...agency, sub: 'alice' }, { submittedBy: 'alice' })).toBe(false);
  });

  it('take files while new or linked, never once dismissed', () => {
    expect(REPORT_STATUSES.filter((s) => mayAttachInStatus('report', s))).toEqual(['new', 'linked']);
  });
});

describe("a case's files", () => {
  it('are the desk’s and the assigned agency’s only', () => {
    expect(caseFileActor(desk, { agencyId: null })).toBe('desk');
    expect(caseFileActor(agency, { agencyId: 'health-dept' })).toBe('agency');
    expect(caseFileActor(agency, { agencyId: 'transport-dept' })).toBeNull();
    expect(caseFileActor(agency, { agencyId: null })).toBeNull();
    expect(caseFileActor({ roles: ['agency'] }, { agencyId: undefined })).toBeNull();
    expect(caseFileActor(reporter, { agencyId: 'health-dept' })).toBeNull();
  });

  it('take the desk’s until closed, the agency’s only while verifying or responded', () => {
    expect(CASE_STATUSES.filter((s) => mayAttachInStatus('case', s, 'desk'))).toEqual([
      'open',
      'verifying',
      'responded',
    ]);
    expect(CASE_STATUSES.filter((s) => mayAttachInStatus('case', s, 'agency'))).toEqual([
      'verifying',
      'responded',
    ]);
  });
});

describe('an upload request', () => {
  const limits = { maxBytes: 1000, types: ['image/jpeg', 'application/pdf'] };

  it('is strict: an unknown field, a missing size or a size that is not a whole number is a 400', () => {
    expect(uploadRequestSchema.safeParse({ name: 'a.jpg', type: 'image/jpeg', size: 10 }).success).toBe(true);
    for (const bad of [
      { name: 'a.jpg', type: 'image/jpeg', size: 10, extra: 1 },
      { name: 'a.jpg', type: 'image/jpeg' },
      { name: 'a.jpg', type: 'image/jpeg', size: 1.5 },
      { name: 'a.jpg', type: 'image/jpeg', size: 0 },
      { name: '', type: 'image/jpeg', size: 10 },
    ])
      expect(uploadRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('names each field over the environment’s limits (a 422), and nothing when taken', () => {
    expect(uploadRequestIssues({ name: 'a', type: 'image/jpeg', size: 1000 }, limits)).toEqual([]);
    expect(
      uploadRequestIssues({ name: 'a', type: 'image/png', size: 1001 }, limits).map((i) => i.path),
    ).toEqual(['/type', '/size']);
  });
});

describe('a file as readers see it', () => {
  it('says where it came from and who attached it as a role, without its links', () => {
    const f: StoredFile = {
      id: 'F1',
      owner: { kind: 'case', id: 'C1' },
      name: 'dinh-chinh.pdf',
      type: 'application/pdf',
      size: 10,
      sha256: 'ab',
      pages: 2,
      thumbnail: false,
      uploadedBy: 'agency',
      createdAt: '2026-12-06T00:00:00.000Z',
    };
    expect(fileViewBase(f)).toEqual({
      id: 'F1',
      name: 'dinh-chinh.pdf',
      type: 'application/pdf',
      size: 10,
      sha256: 'ab',
      pages: 2,
      uploadedBy: 'agency',
      createdAt: '2026-12-06T00:00:00.000Z',
      source: { kind: 'case', id: 'C1' },
    });
  });
});
