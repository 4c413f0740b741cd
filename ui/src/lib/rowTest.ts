// Element Plus tables cannot put attributes on their rows. This directive gives every body row
// of the table it sits on `data-test="<value>"`, and `data-id="<id>"` when the row's class
// carries `row-id-<id>` (set with :row-class-name). It keeps doing so as rows re-render.
import type { Directive } from 'vue';

const observers = new WeakMap<HTMLElement, MutationObserver>();

export function tagRows(root: HTMLElement, testId: string): void {
  root.querySelectorAll<HTMLTableRowElement>('tr.el-table__row').forEach((tr) => {
    if (tr.dataset.test !== testId) tr.dataset.test = testId;
    const m = /(?:^|\s)row-id-(\d+)(?:\s|$)/.exec(tr.className);
    if (m && tr.dataset.id !== m[1]) tr.dataset.id = m[1];
  });
}

export const vRowTest: Directive<HTMLElement, string> = {
  mounted(el, binding) {
    tagRows(el, binding.value);
    const obs = new MutationObserver(() => tagRows(el, binding.value));
    obs.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    observers.set(el, obs);
  },
  updated(el, binding) {
    tagRows(el, binding.value);
  },
  unmounted(el) {
    observers.get(el)?.disconnect();
    observers.delete(el);
  },
};

/**
 * A list row's classes: clickable, `row-id-<id>` for the directive above, `voided` (struck
 * through) and `row-overdue` (red) when the entry carries a deadline that has passed.
 */
export function listRowClass(row: { id: number; voided?: boolean; deadline?: { overdue: boolean } | null }): string {
  const late = row.deadline?.overdue ? ' row-overdue' : '';
  return `clickable-row row-id-${row.id}${row.voided ? ' voided' : ''}${late}`;
}
