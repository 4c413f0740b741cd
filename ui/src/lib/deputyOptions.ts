// The deputy picker's option labels. The clerk finds deputies by pinyin initials, so two deputies
// whose initials (or names) are the same come up together — 张三 and 张山 for "zs" — and must be
// told apart: then each shows its group (代表小组) beside the name.
import type { Id } from '../api/types';

export interface DeputyOption {
  id: Id;
  name: string;
  /** pinyin initials as the core sends them; '' when not known (a deputy shown before any search) */
  initials: string;
  /** the group name, else the work unit or constituency: what tells two namesakes apart */
  group: string;
}

/** Each option's label: the name, or "张三（第一小组）" when another option shares its initials or name. */
export function deputyOptionLabels(options: readonly DeputyOption[]): Map<Id, string> {
  const names = new Map<string, number>();
  const initials = new Map<string, number>();
  for (const o of options) {
    names.set(o.name, (names.get(o.name) ?? 0) + 1);
    if (o.initials) initials.set(o.initials, (initials.get(o.initials) ?? 0) + 1);
  }
  const out = new Map<Id, string>();
  for (const o of options) {
    const twin = (names.get(o.name) ?? 0) > 1 || (o.initials !== '' && (initials.get(o.initials) ?? 0) > 1);
    out.set(o.id, twin && o.group ? `${o.name}（${o.group}）` : o.name);
  }
  return out;
}
