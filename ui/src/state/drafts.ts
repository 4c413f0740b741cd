// Half-filled work is kept. A new entry's form is written to sessionStorage as the clerk types
// (it lives as long as the window, a reload included) and taken back when the same form opens
// again as a new entry, with the line "已恢复未保存的草稿 · 清空" (components/DraftNotice.vue).
// Editing an entry or starting from another one (an opinion, a suggestion) keeps no draft: the
// form's content there comes from the core. A save forgets the draft.
// The 本次已登记 list of the session week is kept the same way, each entry with its day.
import { ref, watch, type Ref } from 'vue';
import type { IsoDate } from '../api/types';
import { todayIso } from '../lib/format';

const DRAFT_PREFIX = 'taizhang.draft.';
const SITTING_PREFIX = 'taizhang.sitting.';
/** how long an entry stays in a 本次已登记 list: the session week */
export const SITTING_DAYS = 7;

function read(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    /* storage full or unavailable: the draft is simply not kept */
  }
}

export interface Draft {
  /** the form opened on a kept draft: the notice shows until the draft is saved or discarded */
  restored: Ref<boolean>;
  /**
   * Call once the new form's defaults are in: they are the blank form from now on (nothing is kept
   * while the form equals them), and a kept draft is put over them. True when one was.
   */
  start(): boolean;
  /** After a save (or 继续登记下一件): nothing kept, and the form as it is now is the blank one. */
  clear(): void;
  /** 清空: the form back to its blank and nothing kept. */
  discard(): void;
}

export interface DraftOptions<T> {
  /** false when editing or starting from another entry: then the draft does nothing */
  enabled: boolean;
  /** fields never written to storage (a petitioner's ID number) */
  omit?: readonly (keyof T)[];
  /** after 清空, e.g. to clear the form's error messages */
  onDiscard?: () => void;
}

export function useDraft<T extends object>(name: string, model: T, opts: DraftOptions<T>): Draft {
  const key = DRAFT_PREFIX + name;
  const omit = new Set<PropertyKey>(opts.omit ?? []);
  const restored = ref(false);
  /** the blank form, whole (for 清空) and as kept (to compare); null before start() */
  let blank: string | null = null;
  let blankKept: string | null = null;

  const kept = () => JSON.stringify(Object.fromEntries(Object.entries(model).filter(([k]) => !omit.has(k))));

  if (opts.enabled) {
    watch(kept, (now) => {
      if (blankKept === null) return;
      write(key, now === blankKept ? null : now);
    });
  }

  function start(): boolean {
    if (!opts.enabled) return false;
    blank = JSON.stringify(model);
    blankKept = kept();
    const stored = read(key);
    if (!stored || typeof stored !== 'object') return false;
    // only the form's own fields: a draft of an older shape cannot add strange ones
    const fields = Object.fromEntries(Object.entries(stored).filter(([k]) => k in model && !omit.has(k)));
    Object.assign(model, fields);
    restored.value = true;
    return true;
  }

  function clear() {
    if (!opts.enabled) return;
    write(key, null);
    blank = JSON.stringify(model);
    blankKept = kept();
    restored.value = false;
  }

  function discard() {
    if (!opts.enabled || blank === null) return;
    Object.assign(model, JSON.parse(blank));
    write(key, null);
    restored.value = false;
    opts.onDiscard?.();
  }

  return { restored, start, clear, discard };
}

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

interface Dated<T> { on: IsoDate; item: T }

export interface SittingList<T> {
  /** newest first */
  items: Ref<T[]>;
  add(item: T): void;
}

/**
 * A 本次已登记 list that survives leaving the page: entries added today or in the last
 * SITTING_DAYS days, newest first. `enabled` false: an empty list that is not kept.
 */
export function useSittingList<T>(name: string, enabled: boolean, today: () => IsoDate = todayIso): SittingList<T> {
  const key = SITTING_PREFIX + name;
  const stored = enabled ? read(key) : null;
  let dated: Dated<T>[] = Array.isArray(stored)
    ? (stored as Dated<T>[]).filter((d) => d && typeof d.on === 'string' && daysBetween(d.on, today()) <= SITTING_DAYS)
    : [];
  const items = ref(dated.map((d) => d.item)) as Ref<T[]>;

  function add(item: T) {
    dated = [{ on: today(), item }, ...dated];
    items.value = dated.map((d) => d.item);
    if (enabled) write(key, JSON.stringify(dated));
  }

  return { items, add };
}
