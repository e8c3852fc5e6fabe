// Response templates and case tags against DynamoDB Local: the template's
// versioned life (create, edit, retire, restore, history), what an agency may
// read, respond and close citing a template (checked on read and inside the
// case's transaction), and tags (kept by key, filtered mark-insensitively),
// with concurrent writers on one version.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest, Conflict, PreconditionFailed, PreconditionRequired } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { actOnCase, browseCases, readCase } from '#service/cases';
import { actOnTemplate, browseTemplates, createTemplateFor, readTemplate } from '#service/templates';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { anAssignedCase, anOpenCase } from '#test/support/given';

const desk: Principal = { sub: 'desk-tpl', roles: ['desk'] };
const agency: Principal = { sub: 'officer-tpl', roles: ['agency'], agencyId: 'transport-dept' };
let deps: Deps;

beforeAll(async () => {
  deps = (await testTable()).deps();
});

const aTemplate = (category = 'transport', title = 'Đã xác minh với đơn vị') =>
  createTemplateFor(deps, desk, {
    category,
    title,
    text: {
      vi: 'Cơ quan chức năng đã xác minh: thông tin không đúng.',
      en: 'The authority checked: it is untrue.',
    },
  });

const rejects = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
};

describe('response templates', () => {
  it('are created active at version 1, edited and retired with If-Match, each change in the history', async () => {
    const t = await aTemplate();
    expect(t).toMatchObject({ status: 'active', version: 1, category: 'transport' });
    const edited = await actOnTemplate(deps, desk, { id: t.id }, '"1"', {
      action: 'edit',
      title: 'Đã xác minh (bản sửa)',
    });
    expect(edited).toMatchObject({ version: 2, title: 'Đã xác minh (bản sửa)' });
    expect(
      await rejects(actOnTemplate(deps, desk, { id: t.id }, '"1"', { action: 'restore' })),
    ).toBeInstanceOf(PreconditionFailed);
    expect(
      await rejects(actOnTemplate(deps, desk, { id: t.id }, undefined, { action: 'restore' })),
    ).toBeInstanceOf(PreconditionRequired);
    const restoreActive = await rejects(
      actOnTemplate(deps, desk, { id: t.id }, '"2"', { action: 'restore' }),
    );
    expect(restoreActive).toBeInstanceOf(Conflict);
    await actOnTemplate(deps, desk, { id: t.id }, '"2"', { action: 'retire', reason: 'Quy trình mới' });
    const detail = await readTemplate(deps, desk, { id: t.id });
    expect(detail.status).toBe('retired');
    expect(detail.history.map((h) => [h.action, h.version, h.by])).toEqual([
      ['create', 1, 'desk-tpl'],
      ['edit', 2, 'desk-tpl'],
      ['retire', 3, 'desk-tpl'],
    ]);
    expect(detail.history[1]!.changes).toEqual({
      title: { before: 'Đã xác minh với đơn vị', after: 'Đã xác minh (bản sửa)' },
    });
    expect(detail.history[2]!.reason).toBe('Quy trình mới');
    // A retired template is restored before it is edited.
    expect(
      await rejects(actOnTemplate(deps, desk, { id: t.id }, '"3"', { action: 'edit', title: 'Khác hẳn' })),
    ).toBeInstanceOf(Conflict);
    expect((await actOnTemplate(deps, desk, { id: t.id }, '"3"', { action: 'restore' })).status).toBe(
      'active',
    );
  });

  it('lists by category newest first; an agency reads active ones only and no history', async () => {
    const a = await aTemplate('health', 'Mẫu y tế 1');
    const b = await aTemplate('health', 'Mẫu y tế 2');
    await actOnTemplate(deps, desk, { id: a.id }, '"1"', { action: 'retire', reason: 'Cũ' });
    const all = await browseTemplates(deps, desk, { category: 'health' });
    expect(all.items.map((t) => t.id)).toEqual([b.id, a.id]);
    const forAgency = await browseTemplates(deps, agency, { category: 'health' });
    expect(forAgency.items.map((t) => t.id)).toEqual([b.id]);
    expect((await browseTemplates(deps, agency, { category: 'health', status: 'retired' })).items).toEqual(
      [],
    );
    expect((await readTemplate(deps, agency, { id: b.id })).history).toEqual([]);
    await expect(readTemplate(deps, agency, { id: a.id })).rejects.toMatchObject({ status: 404 });
    await expect(createTemplateFor(deps, agency, { category: 'health' })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('ten concurrent edits on one version: exactly one is stored, the others are told to re-read', async () => {
    const t = await aTemplate('education', 'Giáo dục');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        actOnTemplate(deps, desk, { id: t.id }, '"1"', { action: 'edit', title: `Bản sửa số ${i}` }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as { status: number }).status).toBeOneOf([409, 412]);
    const detail = await readTemplate(deps, desk, { id: t.id });
    expect(detail.version).toBe(2);
    expect(detail.history).toHaveLength(2);
  });
});

describe('respond and close citing a template', () => {
  it('records the template and version on the case and in the history; the text sent is the body’s', async () => {
    const t = await aTemplate();
    const c = await anAssignedCase(deps, { agencyId: 'transport-dept' });
    const responded = await actOnCase(deps, agency, { id: c.caseId }, `"${c.version}"`, {
      action: 'respond',
      finding: 'Đã kiểm tra',
      response: 'Nội dung đã sửa sau khi chọn mẫu',
      template: { id: t.id, version: 1 },
    });
    expect(responded.responseTemplate).toEqual({ id: t.id, version: 1 });
    expect(responded.response).toBe('Nội dung đã sửa sau khi chọn mẫu');
    const closed = await actOnCase(deps, desk, { id: c.caseId }, `"${responded.version}"`, {
      action: 'close',
      outcome: 'unfounded',
      note: 'Theo mẫu',
      template: { id: t.id, version: 1 },
    });
    const detail = await readCase(deps, desk, { id: c.caseId });
    expect(
      detail.history.filter((h) => h.details.template).map((h) => [h.action, h.details.template]),
    ).toEqual([
      ['respond', { id: t.id, version: 1 }],
      ['close', { id: t.id, version: 1 }],
    ]);
    expect(closed.status).toBe('closed');
  });

  it('refuses an unknown template (400), an old version or a retired one (409), storing nothing', async () => {
    const t = await aTemplate();
    await actOnTemplate(deps, desk, { id: t.id }, '"1"', { action: 'edit', title: 'Bản mới hơn' });
    const c = await anAssignedCase(deps, { agencyId: 'transport-dept' });
    const respond = (template: { id: string; version: number }) =>
      rejects(
        actOnCase(deps, agency, { id: c.caseId }, `"${c.version}"`, {
          action: 'respond',
          finding: 'f',
          response: 'r',
          template,
        }),
      );
    expect(await respond({ id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', version: 1 })).toBeInstanceOf(BadRequest);
    const old = await respond({ id: t.id, version: 1 });
    expect(old).toBeInstanceOf(Conflict);
    expect((old as Conflict).extensions).toMatchObject({ templateVersion: 2, templateStatus: 'active' });
    await actOnTemplate(deps, desk, { id: t.id }, '"2"', { action: 'retire', reason: 'x' });
    expect(await respond({ id: t.id, version: 3 })).toBeInstanceOf(Conflict);
    expect((await readCase(deps, desk, { id: c.caseId })).version).toBe(c.version);
  });

  it('a template retired between the read and the write fails the case’s transaction (409), nothing stored', async () => {
    const t = await aTemplate();
    const c = await anAssignedCase(deps, { agencyId: 'transport-dept' });
    // The seam: retire the template just before the case's transaction is sent.
    const send = deps.db.send.bind(deps.db);
    const db = Object.create(deps.db) as Deps['db'];
    let retired = false;
    db.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand && !retired) {
        retired = true;
        await actOnTemplate(deps, desk, { id: t.id }, '"1"', { action: 'retire', reason: 'meanwhile' });
      }
      return send(command as never);
    }) as Deps['db']['send'];
    const err = await rejects(
      actOnCase({ ...deps, db }, agency, { id: c.caseId }, `"${c.version}"`, {
        action: 'respond',
        finding: 'f',
        response: 'r',
        template: { id: t.id, version: 1 },
      }),
    );
    expect(retired).toBe(true);
    expect(err).toBeInstanceOf(Conflict);
    expect((await readCase(deps, desk, { id: c.caseId })).status).toBe('verifying');
  });
});

describe('tags', () => {
  it('keep the first display form, match by key, and filter the list with or without marks', async () => {
    const c = await anOpenCase(deps);
    const tagged = await actOnCase(deps, desk, { id: c.caseId }, `"${c.version}"`, {
      action: 'tag',
      add: ['  Ngập   lụt ', 'ngap lut', 'Đường sá'],
    });
    expect(tagged.tags).toEqual(['Ngập lụt', 'Đường sá']);
    expect(tagged.status).toBe('open');
    const ids = async (tag: string) =>
      (await browseCases(deps, desk, { tag, limit: '100' })).items.map((x) => x.id);
    expect(await ids('NGAP LUT')).toContain(c.caseId);
    expect(await ids('duong sa')).toContain(c.caseId);
    expect(await ids('ngập')).not.toContain(c.caseId);
    const untagged = await actOnCase(deps, desk, { id: c.caseId }, `"${tagged.version}"`, {
      action: 'tag',
      remove: ['NGẬP LỤT'],
    });
    expect(untagged.tags).toEqual(['Đường sá']);
    expect(await ids('ngap lut')).not.toContain(c.caseId);
    const history = (await readCase(deps, desk, { id: c.caseId })).history.filter((h) => h.action === 'tag');
    expect(history.map((h) => h.details)).toEqual([
      { added: ['Ngập lụt', 'Đường sá'], removed: [] },
      { added: [], removed: ['Ngập lụt'] },
    ]);
  });

  it('are written by the desk only, at most 20 on a case, on any state', async () => {
    const c = await anAssignedCase(deps, { agencyId: 'transport-dept' });
    await expect(
      actOnCase(deps, agency, { id: c.caseId }, `"${c.version}"`, { action: 'tag', add: ['x'] }),
    ).rejects.toMatchObject({ status: 403 });
    const many = Array.from({ length: 21 }, (_, i) => `thẻ ${i}`);
    await expect(
      actOnCase(deps, desk, { id: c.caseId }, `"${c.version}"`, { action: 'tag', add: many }),
    ).rejects.toMatchObject({ status: 400 });
    const tagged = await actOnCase(deps, desk, { id: c.caseId }, `"${c.version}"`, {
      action: 'tag',
      add: many.slice(0, 20),
    });
    await expect(
      actOnCase(deps, desk, { id: c.caseId }, `"${tagged.version}"`, { action: 'tag', add: ['one more'] }),
    ).rejects.toBeInstanceOf(BadRequest);
    // The agency reads the tags of its own case, and may filter by them.
    expect((await readCase(deps, agency, { id: c.caseId })).tags).toHaveLength(20);
    const mine = await browseCases(deps, agency, { tag: 'THE 7' });
    expect(mine.items.map((x) => x.id)).toEqual([c.caseId]);
  });

  it('reach an agency with contacts masked, as the desk’s notes do', async () => {
    const c = await anAssignedCase(deps, { agencyId: 'transport-dept' });
    await actOnCase(deps, desk, { id: c.caseId }, `"${c.version}"`, {
      action: 'tag',
      add: ['gọi 0912 345 678'],
    });
    const seen = await readCase(deps, agency, { id: c.caseId });
    expect(seen.tags).toHaveLength(1);
    expect(seen.tags[0]).not.toContain('0912');
  });

  it('concurrent tag actions on one version: one is stored, the others get 412', async () => {
    const c = await anOpenCase(deps);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        actOnCase(deps, desk, { id: c.caseId }, `"${c.version}"`, { action: 'tag', add: [`nhãn ${i}`] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const final = await readCase(deps, desk, { id: c.caseId });
    expect(final.tags).toHaveLength(1);
    expect(final.version).toBe(c.version + 1);
  });
});
