// Casework data many screens share, loaded once and refreshed when it changes:
// the handling units (selects everywhere) and the rule profiles (deadlines, extension limits).
import { computed, ref } from 'vue';
import * as api from '../api/commands';
import type { HandlingUnit, RuleProfile } from '../api/types';
import { reportError } from '../api/errors';

/** All handling units, inactive ones included (an old case may name one). */
export const units = ref<HandlingUnit[]>([]);
export const activeUnits = computed(() => units.value.filter((u) => u.active));

let unitsPromise: Promise<void> | null = null;

export function loadUnits(force = false): Promise<void> {
  if (force || !unitsPromise) {
    unitsPromise = api.unitsList(true).then(
      (list) => {
        units.value = list;
      },
      (e) => {
        unitsPromise = null;
        reportError(e);
      },
    );
  }
  return unitsPromise;
}

const profiles = new Map<string, Promise<RuleProfile | null>>();

/**
 * A rule profile by id (null = the office's current one). Cached; a failure resolves to null so
 * screens fall back to the usual national limits instead of breaking.
 */
export function loadProfile(id: string | null): Promise<RuleProfile | null> {
  const key = id ?? '';
  let p = profiles.get(key);
  if (!p) {
    p = api.ruleProfileGet(id).catch(() => {
      profiles.delete(key);
      return null;
    });
    profiles.set(key, p);
  }
  return p;
}

/** After the office switched its profile. */
export function forgetProfiles(): void {
  profiles.clear();
}
