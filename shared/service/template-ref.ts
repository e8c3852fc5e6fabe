// A respond or close citing a template: it must exist, be active and be cited
// at its current version (docs/cases.md, "Response templates"); checked on
// read for a precise answer, and again inside the case's transaction.
import type { CaseAction } from '#domain/case';
import { BadRequest, Conflict } from '#domain/errors';
import { templateRefProblem } from '#domain/template';
import type { Deps } from '#shared/deps';
import type { TransactItem } from '#store/query';
import { getTemplate, templateStillCurrent } from '#store/templates';

/** The transaction's check on the cited template, or none when the action cites none. */
export const citedTemplateCheck = async (deps: Deps, action: CaseAction): Promise<TransactItem[]> => {
  if ((action.action !== 'respond' && action.action !== 'close') || !action.template) return [];
  const ref = action.template;
  const t = await getTemplate(deps, ref.id);
  const problem = templateRefProblem(t, ref);
  if (!t) throw new BadRequest('No such template.', [{ path: '/template/id', message: 'no such template' }]);
  if (problem) {
    throw new Conflict(`The template cannot be cited: ${problem}.`, {
      templateStatus: t.status,
      templateVersion: t.version,
    });
  }
  return [templateStillCurrent(deps, ref)];
};
