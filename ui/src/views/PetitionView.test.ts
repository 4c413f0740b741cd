// 信访详情 against a fake core: the co-visitors of a group visit (同行人员) show masked with the rest
// of the identity, and in clear once 查看身份信息 (asked why, recorded) has read them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Petition, PetitionDetail } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import PetitionView from './PetitionView.vue';

const petition = (over: Partial<Petition> = {}): Petition => ({
  id: 7, number: '信访〔2026〕第17号', year: 2026, seq: 17, channel: 'visit', received_at: '2026-03-20 09:30:00',
  anonymous: false, petitioner: '张**', sex: null, age: null, phone_masked: '138****1111', address_masked: '', id_number_masked: null,
  people_count: 6, group_visit: true, co_visitors: ['钱**', '孙**'], request: '村道被占', facts: '', category: 'land',
  receiver: '刘秘书', via_deputy: null, proposed_handling: '', instruction: '', confidential: false, archive_volume: '',
  profile: 'national@1', state: 'registered', state_label: '已登记', unit: null, accepted_on: null, replied_on: null,
  resolved: null, evaluation: null, deadline: null, linked: [], voided: false, void_reason: null, ...over,
});

let detail: PetitionDetail;

beforeEach(() => {
  document.body.innerHTML = '';
  detail = { petition: petition(), steps: [], allowed: [], history: [] };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    petition_get: () => detail,
    opinion_source: () => null,
    rule_profile_get: () => { throw new Error('not needed'); },
    petition_reveal: () => ({ petitioner_name: '张大山', co_visitors: ['钱小二', '孙小三'], phone: '13800001111', address: '青山村', id_number: '' }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

async function mountPetition() {
  await mountAt('/petitions/7', '/petitions/:id', PetitionView);
  await settle();
}

describe('PetitionView 同行人员', () => {
  it('shows the co-visitors masked, then in clear once read with a reason', async () => {
    await mountPetition();
    expect(hook('petition-identity')?.textContent).toContain('同行人员：钱**、孙**');
    expect(hook('petition-co_visitors')?.textContent).toBe('钱**、孙**');
    expect(hook('petition-identity-co_visitors')).toBeNull();

    hook('petition-reveal')!.click();
    await settle();
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = '电话回访信访人';
    box.dispatchEvent(new Event('input'));
    await settle();
    document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'petition_reveal')).toEqual([{ id: 7, reason: '电话回访信访人' }]);
    expect(hook('petition-identity-name')?.textContent).toBe('张大山');
    expect(hook('petition-identity-co_visitors')?.textContent).toBe('钱小二、孙小三');
    expect(hook('petition-co_visitors')).toBeNull();
  });

  it('says nothing of co-visitors when none were named', async () => {
    detail.petition = petition({ people_count: 1, group_visit: false, co_visitors: [] });
    await mountPetition();
    expect(hook('petition-identity')?.textContent).not.toContain('同行人员');
    expect(hook('petition-co_visitors')).toBeNull();
  });
});
