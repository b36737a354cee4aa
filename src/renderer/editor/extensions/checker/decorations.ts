// Pure builder of the checker's decorations: an underline coloured by category (never a font change, so the
// Arabic letters under it keep joining), and the finding the card is open on drawn a little stronger.
import { Decoration } from '@tiptap/pm/view';
import type { Category, Severity } from '../../../../core/checker';

export type DecoratedFinding = {
  id: string;
  from: number;
  to: number;
  ruleId: string;
  category: Category;
  severity: Severity;
};
export type FindingSpec = { findingId: string };

export function findingDecoration(f: DecoratedFinding, active: boolean): Decoration {
  const cls = `chk-finding chk-${f.category} chk-sev-${f.severity}${active ? ' chk-active' : ''}`;
  const spec: FindingSpec = { findingId: f.id };
  return Decoration.inline(
    f.from,
    f.to,
    { class: cls, 'data-finding-id': f.id, 'data-category': f.category, 'data-rule': f.ruleId },
    spec,
  );
}

export function findingDecorations(items: readonly DecoratedFinding[], active: string | null): Decoration[] {
  return items.filter((f) => f.to > f.from).map((f) => findingDecoration(f, f.id === active));
}
