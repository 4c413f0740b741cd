// App-wide data loaded once: app info (header), vocabulary (all option lists), the office settings
// (county_mode decides whether the menu shows 县人大汇总).
import { computed, ref } from 'vue';
import * as api from '../api/commands';
import type { AppInfo, Settings, Vocabulary } from '../api/types';
import { reportError } from '../api/errors';

export const appInfo = ref<AppInfo | null>(null);

const EMPTY_VOCAB: Vocabulary = {
  sexes: [], ethnicities: [], political_statuses: [], educations: [], occupations: [], levels: [],
  elected_hows: [], presidium_posts: [], statuses: [], event_kinds: [], termination_grounds: [], orders: [],
  suggestion_kinds: [], suggestion_categories: [], suggestion_states: [], satisfactions: [], meeting_stages: [],
  petition_channels: [], petition_categories: [], petition_states: [], reply_manners: [], reply_categories: [],
  document_directions: [], issuer_levels: [], classifications: [], urgencies: [],
  deed_categories: [], activity_kinds: [], attendances: [],
  session_kinds: [], session_item_kinds: [], outcome_kinds: [], elected_posts: [],
  project_sources: [], milestone_kinds: [], report_kinds: [], organisers: [], evaluation_kinds: [],
  history_actions: [], entities: [],
};

/** Always an object (empty lists until loaded), so templates never break. */
export const vocab = ref<Vocabulary>({ ...EMPTY_VOCAB });
export const vocabLoaded = ref(false);

let vocabPromise: Promise<void> | null = null;

export function loadVocabulary(): Promise<void> {
  if (!vocabPromise) {
    vocabPromise = api.vocabulary().then(
      (v) => {
        vocab.value = { ...EMPTY_VOCAB, ...v };
        vocabLoaded.value = true;
      },
      (e) => {
        vocabPromise = null; // try again on the next screen
        reportError(e);
      },
    );
  }
  return vocabPromise;
}

/** Load the vocabulary again (e.g. after the rule profile changed its reply categories). */
export function reloadVocabulary(): Promise<void> {
  vocabPromise = null;
  return loadVocabulary();
}

export async function loadAppInfo(): Promise<void> {
  try {
    appInfo.value = await api.appInfo();
  } catch (e) {
    reportError(e);
  }
}

/** The office settings as last read or saved (null until loaded). */
export const settings = ref<Settings | null>(null);
/** This copy is the county's: the menu shows 县人大汇总. */
export const countyMode = computed(() => settings.value?.county_mode === true);

/** Settings from the core; an older core without county_mode counts as false. */
export function settingsWithDefaults(s: Partial<Settings> & Pick<Settings, 'township' | 'operator'>): Settings {
  return { township: s.township ?? '', operator: s.operator ?? '', county_mode: s.county_mode === true };
}

export async function loadSettings(): Promise<void> {
  try {
    settings.value = settingsWithDefaults(await api.settingsGet());
  } catch (e) {
    reportError(e);
  }
}
