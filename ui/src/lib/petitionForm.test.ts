import { describe, expect, it } from 'vitest';
import type { Petition } from '../api/types';
import {
  checkPetitionForm, emptyPetitionForm, formFromPetition, isGroupVisit, petitionerNameWarnings, probeFromForm, probeKey,
  probeWorthAsking, toPetitionInput, toggleLink,
} from './petitionForm';

const filled = () => ({
  ...emptyPetitionForm('2026-03-20 09:30', '王干事'),
  petitioner_name: ' 张大山 ', phone: '138 0000 1111', request: '村道被占，要求恢复通行', category: 'rural_affairs' as const,
  people_count: 7,
});

describe('group visits', () => {
  it('starts at five people', () => {
    expect(isGroupVisit(4)).toBe(false);
    expect(isGroupVisit(5)).toBe(true);
    expect(isGroupVisit(null)).toBe(false);
  });
});

describe('checkPetitionForm', () => {
  it('asks for the essentials', () => {
    expect(checkPetitionForm(emptyPetitionForm('2026-03-20 09:30'))).toEqual({
      petitioner_name: '请填写姓名（不愿留名的请勾选“匿名”）', request: '请填写诉求', category: '请选择类别',
    });
    expect(checkPetitionForm(filled())).toEqual({});
  });
  it('needs no name when anonymous, a deputy when passed on by one, a valid ID number', () => {
    expect(checkPetitionForm({ ...filled(), anonymous: true, petitioner_name: '' })).toEqual({});
    expect(checkPetitionForm({ ...filled(), channel: 'deputy_referral' })).toEqual({ via_deputy_id: '请选择转交的代表' });
    expect(checkPetitionForm({ ...filled(), id_number: '110105194912310021' }).id_number).toContain('校验位');
    expect(checkPetitionForm({ ...filled(), received_at: '2026-03-20' }).received_at).toBeTruthy();
  });
});

describe('toPetitionInput', () => {
  it('trims and keeps identity', () => {
    const input = toPetitionInput({ ...filled(), id_number: '11010519491231002x', link_ids: [3, 3, 8] });
    expect(input).toMatchObject({
      petitioner_name: '张大山', phone: '138 0000 1111', id_number: '11010519491231002X', people_count: 7,
      receiver: '王干事', via_deputy_id: null, link_ids: [3, 8],
    });
  });
  it('sends no identity for an anonymous petition and no deputy outside referrals', () => {
    const input = toPetitionInput({ ...filled(), anonymous: true, sex: 'male', age: 50, via_deputy_id: 4 });
    expect(input).toMatchObject({ anonymous: true, petitioner_name: '', phone: '', sex: null, age: null, id_number: '', via_deputy_id: null });
    expect(toPetitionInput({ ...filled(), channel: 'deputy_referral', via_deputy_id: 4 }).via_deputy_id).toBe(4);
  });
});

describe('repeat detection probe', () => {
  it('sends what was typed, without spaces in the phone', () => {
    const p = probeFromForm(filled(), null);
    expect(p).toEqual({ petitioner_name: '张大山', phone: '13800001111', id_number: '', request: '村道被占，要求恢复通行', exclude_id: null });
    expect(probeFromForm({ ...filled(), anonymous: true }, 9)).toMatchObject({ petitioner_name: '', phone: '', exclude_id: 9 });
  });
  it('asks only when there is something to match', () => {
    const empty = probeFromForm(emptyPetitionForm('2026-03-20 09:30'), null);
    expect(probeWorthAsking(empty)).toBe(false);
    expect(probeWorthAsking({ ...empty, petitioner_name: '张' })).toBe(false);
    expect(probeWorthAsking({ ...empty, petitioner_name: '张三' })).toBe(true);
    expect(probeWorthAsking({ ...empty, phone: '1380000' })).toBe(true);
    expect(probeWorthAsking({ ...empty, request: '修路' })).toBe(false);
    expect(probeWorthAsking({ ...empty, request: '村道修缮' })).toBe(true);
    expect(probeKey(empty)).not.toBe(probeKey({ ...empty, phone: '1' }));
  });
  it('toggles links', () => {
    expect(toggleLink([1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggleLink([1, 2, 3], 2, false)).toEqual([1, 3]);
    expect(toggleLink([1], 1, true)).toEqual([1]);
  });
});

describe('formFromPetition', () => {
  it('fills identity only from a reveal', () => {
    const p = {
      id: 1, channel: 'visit', received_at: '2026-03-20 09:30:00', anonymous: false, petitioner: '张**', sex: 'male', age: 60,
      people_count: 7, request: '村道', facts: '', category: 'rural_affairs', receiver: '王', via_deputy: null,
      proposed_handling: '', instruction: '', confidential: false,
    } as unknown as Petition;
    expect(formFromPetition(p, null)).toMatchObject({ petitioner_name: '', phone: '', received_at: '2026-03-20 09:30', age: 60 });
    expect(formFromPetition(p, { petitioner_name: '张大山', phone: '1', address: '村', id_number: '' }))
      .toMatchObject({ petitioner_name: '张大山', phone: '1', address: '村' });
  });
});

describe('editing without unsealing', () => {
  it('sends the identity as null (kept by the core) and skips the identity checks', async () => {
    const { toPetitionInput, checkPetitionForm, emptyPetitionForm } = await import('./petitionForm');
    const m = { ...emptyPetitionForm('2026-03-20 09:30'), request: '修路', category: 'construction' as const };
    expect(checkPetitionForm(m).petitioner_name).toBeTruthy();
    expect(checkPetitionForm(m, true).petitioner_name).toBeUndefined();
    const input = toPetitionInput(m, true);
    expect([input.petitioner_name, input.phone, input.address, input.id_number]).toEqual([null, null, null, null]);
    expect(input.request).toBe('修路');
    const anon = toPetitionInput({ ...m, anonymous: true }, true);
    expect(anon.petitioner_name).toBe('');
  });
});

describe('petitionerNameWarnings', () => {
  const warn = (label: string) => `${label}中写有信访人姓名；导出给县里时会被替换为化名，如非必要请删去`;
  it('names each free-text field that holds the petitioner\'s name', () => {
    expect(petitionerNameWarnings({
      ...filled(), request: '张大山要求恢复通行', facts: '青山村张大山家门口', proposed_handling: '转农业办', instruction: '请联系张大山',
    })).toEqual({ request: warn('诉求'), facts: warn('事实与地点'), instruction: warn('领导批示') });
    expect(petitionerNameWarnings({ ...filled(), proposed_handling: '约张大山面谈' })).toEqual({ proposed_handling: warn('拟办意见') });
  });
  it('says nothing for a one-character name, an anonymous petition or text without the name', () => {
    expect(petitionerNameWarnings(filled())).toEqual({});
    expect(petitionerNameWarnings({ ...filled(), petitioner_name: '张', facts: '张家门口' })).toEqual({});
    expect(petitionerNameWarnings({ ...filled(), anonymous: true, facts: '张大山家门口' })).toEqual({});
    expect(petitionerNameWarnings({ ...filled(), petitioner_name: '', facts: '门口' })).toEqual({});
  });
});
