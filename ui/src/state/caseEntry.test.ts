// A suggestion's or petition's page: the case, then the rule profile its deadlines follow, the
// opinion it came from; a step recorded by mistake is voided with a reason (the petition book asks
// for 理由) and the page shows the core's recomputed case.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { fakeCore, mountAt, settle, VOCAB } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import * as api from '../api/commands';
import type { PetitionAction, PetitionDetail } from '../api/types';
import { useCaseEntry, type CaseEntry } from './caseEntry';

const detailOf = (state: string) => ({ petition: { id: 3, profile: 'zhejiang@1', state }, steps: [], allowed: [], history: [] });

let page: CaseEntry<PetitionDetail, PetitionAction>;
const Host = defineComponent({
  setup() {
    page = useCaseEntry<PetitionDetail, PetitionAction>({
      book: 'petition', fetch: api.petitionGet, profileOf: (d) => d.petition.profile, voidStep: api.petitionStepVoid,
      reasonWording: { required: '请填写理由' },
    });
    return () => h('div');
  },
});

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    petition_get: () => detailOf('accepted'),
    rule_profile_get: ({ id }) => ({ id, petition: { extension_max: { count: 30 } } }),
    opinion_source: () => ({ activity_id: 5, activity_number: '2026-3', opinion_id: 8 }),
    petition_step_void: () => detailOf('registered'),
  }));
});

afterEach(async () => {
  document.querySelectorAll<HTMLButtonElement>('.el-message-box__headerbtn').forEach((b) => b.click());
  await settle(300);
});

describe('useCaseEntry', () => {
  it('reads the case, its rule profile (by id, without the version) and where it came from', async () => {
    await mountAt('/petitions/3', '/petitions/:id', Host);
    await settle();
    expect(page.detail.value?.petition.id).toBe(3);
    expect(invoke).toHaveBeenCalledWith('rule_profile_get', { id: 'zhejiang' });
    expect(page.profile.value?.id).toBe('zhejiang');
    expect(invoke).toHaveBeenCalledWith('opinion_source', { entity: 'petition', id: 3 });
    expect(page.origin.value).not.toBeNull();
  });

  it('opens the step dialog and the print dialog for what was asked', async () => {
    await mountAt('/petitions/3', '/petitions/:id', Host);
    page.openStep('accept' as PetitionAction);
    expect([page.stepOpen.value, page.stepAction.value]).toEqual([true, 'accept']);
    page.openPrint('petition_acceptance' as never);
    expect([page.printOpen.value, page.printForm.value]).toEqual([true, 'petition_acceptance']);
  });

  it('voids a step with a reason and shows the recomputed case', async () => {
    await mountAt('/petitions/3', '/petitions/:id', Host);
    await settle();
    const done = page.voidStep({ id: 12, action_label: '受理' });
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('确定作废这条“受理”记录？');
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')[1].click();
    await settle(100);
    expect(document.querySelector('.el-message-box')?.textContent).toContain('请填写理由');
    input.value = '登记错了';
    input.dispatchEvent(new Event('input'));
    await settle(50);
    document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')[1].click();
    await done;
    expect(invoke).toHaveBeenCalledWith('petition_step_void', { stepId: 12, reason: '登记错了' });
    expect(page.detail.value?.petition.state).toBe('registered');
  });
});
