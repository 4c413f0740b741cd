// A date or time the clerk typed that could not be read keeps its text and its error on the field
// (DateInput.vue); the field's value is still the last one read. Whatever saves the form around it
// must not save meanwhile: the form provides a guard (useFormSave, FormDialog, StepDialog do), each
// date input reports to the nearest one, and the save asks `blocked()` first.
import { getCurrentInstance, inject, onBeforeUnmount, provide, reactive, type InjectionKey } from 'vue';

export interface DateGuard {
  /** the message of every field holding text it could not read */
  readonly problems: Map<symbol, string>;
  /** some date field of this form holds text it could not read */
  blocked(): boolean;
}

const DATE_GUARD: InjectionKey<DateGuard> = Symbol('dateGuard');

/** A guard for the date inputs inside the calling component (outside a component: a bare one). */
export function provideDateGuard(): DateGuard {
  const problems = reactive(new Map<symbol, string>());
  const guard: DateGuard = { problems, blocked: () => problems.size > 0 };
  if (getCurrentInstance()) provide(DATE_GUARD, guard);
  return guard;
}

/** For a date input: report its problem (a message) or its being fine (null) to the form around it. */
export function useDateGuard(): (problem: string | null) => void {
  const guard = getCurrentInstance() ? inject(DATE_GUARD, null) : null;
  const id = Symbol('date-input');
  const report = (problem: string | null) => {
    if (!guard) return;
    if (problem) guard.problems.set(id, problem);
    else guard.problems.delete(id);
  };
  if (getCurrentInstance()) onBeforeUnmount(() => report(null));
  return report;
}
