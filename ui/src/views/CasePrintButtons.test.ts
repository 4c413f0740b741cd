// The form buttons on a case's page: 交办单 once assigned, 征询意见表 once replied, 登记回执 for any
// petition not voided, 受理告知书 once accepted, 延期告知书 while a live 延期 step stands; each opens
// the form dialog for that case.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Petition, PetitionDetail, PetitionStep, PrintRequest, Suggestion, SuggestionDetail } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: vi.fn() }));

import PetitionView from './PetitionView.vue';
import SuggestionView from './SuggestionView.vue';

const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
  id: 3, number: '20-3-005', number_label: '第二十届第三次会议 建议第5号', term_id: 1, session_no: 3, during_session: true,
  kind: 'suggestion', lead_deputy: { id: 4, name: '张三' }, by_presidium: false, co_signers: [],
  subject: '关于修建王家村进村道路的建议', content: '', category: 'transport', received_on: '2026-03-01',
  key_supervision: false, published: false, notes: '', profile: 'national@1', state: 'registered', state_label: '已登记',
  lead_unit: null, co_units: [], assigned_on: null, replied_on: null, reply_category: null, reply_category_label: null,
  round: 1, first_result: null, final_result: null, promised_on: null, promise_done_on: null, deadline: null,
  voided: false, void_reason: null, ...over,
});

const petition = (over: Partial<Petition> = {}): Petition => ({
  id: 7, number: '信访〔2026〕第17号', year: 2026, seq: 17, channel: 'visit', received_at: '2026-03-20 09:30:00',
  anonymous: false, petitioner: '张**', sex: null, age: null, phone_masked: '', address_masked: '', id_number_masked: null,
  people_count: 1, group_visit: false, co_visitors: [], request: '村道积水', facts: '', category: 'land', receiver: '刘秘书', via_deputy: null,
  proposed_handling: '', instruction: '', confidential: false, archive_volume: '', profile: 'national@1',
  state: 'registered', state_label: '已登记', unit: null, accepted_on: null, replied_on: null, resolved: null, evaluation: null,
  deadline: null, linked: [], voided: false, void_reason: null, ...over,
});

const step = (id: number, action: PetitionStep['action'], voided = false): PetitionStep => ({
  id, petition_id: 7, action, action_label: action === 'extend' ? '延期' : '告知受理', date: '2026-03-25', detail: {},
  summary: '', actor: '刘秘书', at: '2026-03-25 10:00:00', voided, void_reason: voided ? '录错' : null, voidable: false,
});

let sDetail: SuggestionDetail;
let pDetail: PetitionDetail;

beforeEach(() => {
  document.body.innerHTML = '';
  sDetail = { suggestion: suggestion(), steps: [], allowed: [], history: [] };
  pDetail = { petition: petition(), steps: [], allowed: [], history: [] };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    suggestion_get: () => sDetail,
    petition_get: () => pDetail,
    opinion_source: () => null,
    rule_profile_get: () => { throw new Error('not needed'); },
    print_preview: ({ page }) => ({ page, pages: 1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 210, height_mm: 297 }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const disabled = (id: string) => hook(id)!.hasAttribute('disabled');
const lastRequest = () => (callsOf(invoke, 'print_preview').at(-1) as { request: PrintRequest }).request;

async function mountSuggestion() {
  await mountAt('/suggestions/3', '/suggestions/:id', SuggestionView);
  await settle();
}

async function mountPetition() {
  await mountAt('/petitions/7', '/petitions/:id', PetitionView);
  await settle();
}

describe('SuggestionView form buttons', () => {
  it('are disabled before assignment and reply', async () => {
    await mountSuggestion();
    expect(hook('suggestion-print-assignment')?.textContent?.trim()).toBe('打印交办单');
    expect(hook('suggestion-print-feedback')?.textContent?.trim()).toBe('打印征询意见表');
    expect(disabled('suggestion-print-assignment')).toBe(true);
    expect(disabled('suggestion-print-feedback')).toBe(true);
  });

  it('enable 交办单 once assigned and 征询意见表 once replied, each opening its form', async () => {
    sDetail.suggestion = suggestion({ state: 'assigned', assigned_on: '2026-03-05' });
    await mountSuggestion();
    expect(disabled('suggestion-print-assignment')).toBe(false);
    expect(disabled('suggestion-print-feedback')).toBe(true);
    hook('suggestion-print-assignment')!.click();
    await settle();
    expect(hook('form-print-dialog')).not.toBeNull();
    expect(lastRequest()).toEqual({ target: { kind: 'form', form: 'assignment', id: 3 }, reveal_reason: null, volume: 1, archival: false });
    expect(hook('form-reveal')).toBeNull();
  });

  it('enable both once replied', async () => {
    sDetail.suggestion = suggestion({ state: 'replied', assigned_on: '2026-03-05', replied_on: '2026-05-20' });
    await mountSuggestion();
    expect(disabled('suggestion-print-assignment')).toBe(false);
    expect(disabled('suggestion-print-feedback')).toBe(false);
    hook('suggestion-print-feedback')!.click();
    await settle();
    expect(lastRequest().target).toEqual({ kind: 'form', form: 'feedback', id: 3 });
  });
});

describe('PetitionView form buttons', () => {
  it('are disabled before acceptance and without an extension', async () => {
    await mountPetition();
    expect(disabled('petition-print-acceptance')).toBe(true);
    expect(disabled('petition-print-extension')).toBe(true);
  });

  it('print the 登记回执 from registration on, masked unless asked, and no longer an HTML page', async () => {
    await mountPetition();
    expect(document.querySelector('.print-only')).toBeNull();
    expect(hook('petition-print-receipt')?.textContent?.trim()).toBe('打印登记回执');
    expect(disabled('petition-print-receipt')).toBe(false);
    hook('petition-print-receipt')!.click();
    await settle();
    expect(hook('form-print-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('信访事项登记回执');
    expect(lastRequest()).toEqual({ target: { kind: 'form', form: 'receipt', id: 7 }, reveal_reason: null, volume: 1, archival: false });
    hook('form-reveal')!.querySelector('input')!.click();
    await settle();
    expect(lastRequest()).toEqual({ target: { kind: 'form', form: 'receipt', id: 7 }, reveal_reason: '送达信访人', volume: 1, archival: false });
  });

  it('do not print a voided petition\'s 登记回执', async () => {
    pDetail.petition = petition({ voided: true, void_reason: '重复登记' });
    await mountPetition();
    expect(disabled('petition-print-receipt')).toBe(true);
  });

  it('enable 受理告知书 once accepted, masked unless asked', async () => {
    pDetail.petition = petition({ state: 'accepted', accepted_on: '2026-03-25' });
    pDetail.steps = [step(1, 'accept')];
    await mountPetition();
    expect(disabled('petition-print-acceptance')).toBe(false);
    expect(disabled('petition-print-extension')).toBe(true);
    hook('petition-print-acceptance')!.click();
    await settle();
    expect(lastRequest()).toEqual({ target: { kind: 'form', form: 'acceptance', id: 7 }, reveal_reason: null, volume: 1, archival: false });
    hook('form-reveal')!.querySelector('input')!.click();
    await settle();
    expect(lastRequest().reveal_reason).toBe('送达信访人');
  });

  it('enable 延期告知书 only while the extension step is live', async () => {
    pDetail.petition = petition({ state: 'assigned', accepted_on: '2026-03-25' });
    pDetail.steps = [step(1, 'accept'), step(2, 'extend', true)];
    await mountPetition();
    expect(disabled('petition-print-extension')).toBe(true);
    document.body.innerHTML = '';

    pDetail.steps = [step(1, 'accept'), step(2, 'extend')];
    await mountPetition();
    expect(disabled('petition-print-extension')).toBe(false);
    hook('petition-print-extension')!.click();
    await settle();
    expect(lastRequest().target).toEqual({ kind: 'form', form: 'extension', id: 7 });
  });
});
