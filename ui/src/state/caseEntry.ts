// One suggestion's or petition's page: the entry (useDetail), the rule profile its deadlines
// follow, the group-activity opinion it came from, the step dialog, voiding a step recorded by
// mistake, and the print dialog. What differs between the two books is passed in.
import { onMounted, ref, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import * as api from '../api/commands';
import { reportError } from '../api/errors';
import type { FormKind, Id, OpinionSource, PetitionDetail, RuleProfile, SuggestionDetail } from '../api/types';
import { profileId } from '../lib/casework';
import { askReason, type ReasonPrompt } from '../lib/prompts';
import { loadVocabulary } from './app';
import { loadProfile } from './casework';
import { useDetail, type Detail } from './detail';

export interface CaseEntryOptions<D> {
  book: 'suggestion' | 'petition';
  fetch: (id: Id) => Promise<D>;
  /** the rule profile tag of the case, e.g. "zhejiang@1" */
  profileOf: (d: D) => string;
  voidStep: (stepId: Id, reason: string) => Promise<D>;
  /** the prompt's wording where the book has its own (信访: 请填写理由) */
  reasonWording?: Partial<ReasonPrompt>;
}

export interface CaseEntry<D, A> extends Detail<D> {
  profile: Ref<RuleProfile | null>;
  origin: Ref<OpinionSource | null>;
  stepOpen: Ref<boolean>;
  stepAction: Ref<A | null>;
  openStep(a: A): void;
  onStepDone(d: SuggestionDetail | PetitionDetail): void;
  voidStep(step: { id: number; action_label: string }): Promise<void>;
  printOpen: Ref<boolean>;
  printForm: Ref<FormKind | null>;
  openPrint(form: FormKind): void;
}

export function useCaseEntry<D, A>(o: CaseEntryOptions<D>): CaseEntry<D, A> {
  const entry = useDetail(o.fetch);
  const profile = ref<RuleProfile | null>(null);
  const origin = ref<OpinionSource | null>(null);
  const stepOpen = ref(false);
  const stepAction = ref(null) as Ref<A | null>;
  const printOpen = ref(false);
  const printForm = ref<FormKind | null>(null);

  /** read the entry, then the rule profile its deadlines follow */
  async function load() {
    await entry.load();
    const d = entry.detail.value;
    if (entry.failed.value || !d) return;
    void loadProfile(profileId(o.profileOf(d))).then((p) => {
      profile.value = p;
    });
  }

  async function loadOrigin() {
    try {
      origin.value = await api.opinionSource(o.book, entry.id);
    } catch {
      /* only a note on the page: the case itself still shows */
    }
  }

  onMounted(() => {
    void loadVocabulary();
    void load();
    void loadOrigin();
  });

  async function voidStep(step: { id: number; action_label: string }) {
    const reason = await askReason({
      title: '作废办理记录',
      message: `确定作废这条“${step.action_label}”记录？作废后仍保留（划线显示），案件状态按其余记录重新计算。`,
      ...o.reasonWording,
    });
    if (!reason) return;
    try {
      entry.detail.value = await o.voidStep(step.id, reason);
      ElMessage.success('已作废');
    } catch (e) {
      reportError(e);
    }
  }

  return {
    ...entry,
    load,
    profile,
    origin,
    stepOpen,
    stepAction,
    openStep(a: A) {
      stepAction.value = a;
      stepOpen.value = true;
    },
    onStepDone(d: SuggestionDetail | PetitionDetail) {
      entry.detail.value = d as D;
    },
    voidStep,
    printOpen,
    printForm,
    openPrint(form: FormKind) {
      printForm.value = form;
      printOpen.value = true;
    },
  };
}
