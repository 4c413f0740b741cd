import { describe, expect, it } from 'vitest';
import type { Petition } from '../api/types';
import {
  asksCoVisitors, checkPetitionForm, coVisitorNames, coVisitorText, emptyPetitionForm, formFromPetitionInput, formFromPetition, isGroupVisit, petitionerNameWarnings, probeFromForm, probeKey,
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
    expect(formFromPetition(p, null).co_visitors).toBe('');
    expect(formFromPetition(p, { petitioner_name: '张大山', co_visitors: ['钱一', '孙二'], phone: '1', address: '村', id_number: '' }))
      .toMatchObject({ petitioner_name: '张大山', phone: '1', address: '村', co_visitors: '钱一\n孙二' });
  });
});

describe('editing without unsealing', () => {
  it('sends the identity as null (kept by the core) and skips the identity checks', async () => {
    const { toPetitionInput, checkPetitionForm, emptyPetitionForm } = await import('./petitionForm');
    const m = { ...emptyPetitionForm('2026-03-20 09:30'), request: '修路', category: 'construction' as const };
    expect(checkPetitionForm(m).petitioner_name).toBeTruthy();
    expect(checkPetitionForm(m, true).petitioner_name).toBeUndefined();
    const input = toPetitionInput(m, true);
    expect([input.petitioner_name, input.phone, input.address, input.id_number, input.co_visitors])
      .toEqual([null, null, null, null, null]);
    expect(input.request).toBe('修路');
    const anon = toPetitionInput({ ...m, anonymous: true }, true);
    expect(anon.petitioner_name).toBe('');
    expect(anon.co_visitors).toEqual([]);
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

describe('同行人员 (co-visitors)', () => {
  it('reads one name a line, and a list typed on one line', () => {
    expect(coVisitorNames('')).toEqual([]);
    expect(coVisitorNames(' 钱一 \n\n孙二\r\n')).toEqual(['钱一', '孙二']);
    expect(coVisitorNames('钱一、孙二，李三,周四；吴五')).toEqual(['钱一', '孙二', '李三', '周四', '吴五']);
    expect(coVisitorNames('阿卜杜·热合曼')).toEqual(['阿卜杜·热合曼']);
    expect(coVisitorText(['钱一', '孙二'])).toBe('钱一\n孙二');
    expect(coVisitorText(null)).toBe('');
  });
  it('is asked from two people on, never for an anonymous petition, and stays while names are typed', () => {
    const m = filled();
    expect(asksCoVisitors({ ...m, people_count: 1 })).toBe(false);
    expect(asksCoVisitors({ ...m, people_count: 2 })).toBe(true);
    expect(asksCoVisitors({ ...m, people_count: 1, co_visitors: '钱一' })).toBe(true);
    expect(asksCoVisitors({ ...m, anonymous: true, people_count: 7 })).toBe(false);
  });
  it('refuses more names than other people, and digits, in the core\'s words', () => {
    expect(checkPetitionForm({ ...filled(), people_count: 3, co_visitors: '钱一\n孙二' })).toEqual({});
    expect(checkPetitionForm({ ...filled(), people_count: 2, co_visitors: '钱一\n孙二' }).co_visitors)
      .toBe('同行人员登记了 2 人，但人数为 2 人（除信访人外只有 1 人），请核对人数');
    expect(checkPetitionForm({ ...filled(), people_count: 1, co_visitors: '钱一' }).co_visitors)
      .toBe('同行人员登记了 1 人，但人数为 1 人（除信访人外只有 0 人），请核对人数');
    expect(checkPetitionForm({ ...filled(), co_visitors: '钱一2' }).co_visitors)
      .toBe('同行人员姓名“钱一2”不对：每行填一个人的姓名，不能有数字或顿号');
    expect(checkPetitionForm({ ...filled(), co_visitors: '钱'.repeat(31) }).co_visitors)
      .toBe(`同行人员姓名“${'钱'.repeat(31)}”太长：有 31 个字，最多 30 个字（每行填一个人的姓名）`);
    // anonymous: the names are not sent, so not checked
    expect(checkPetitionForm({ ...filled(), anonymous: true, people_count: 1, co_visitors: '钱一' })).toEqual({});
  });
  it('sends the names on create, none for an anonymous petition, null (kept) on an edit not unsealed', () => {
    expect(toPetitionInput({ ...filled(), co_visitors: '钱一\n 孙二 ' }).co_visitors).toEqual(['钱一', '孙二']);
    expect(toPetitionInput(filled()).co_visitors).toEqual([]);
    expect(toPetitionInput({ ...filled(), anonymous: true, co_visitors: '钱一' }).co_visitors).toEqual([]);
    expect(toPetitionInput({ ...filled(), co_visitors: '' }, true).co_visitors).toBeNull();
    // an edit whose identity was read sends what the clerk left (cleared = none)
    expect(toPetitionInput({ ...filled(), co_visitors: '' }, false).co_visitors).toEqual([]);
  });
  it('takes the names of an opinion\'s draft', () => {
    const d = toPetitionInput({ ...filled(), co_visitors: '钱一' });
    expect(formFromPetitionInput(d).co_visitors).toBe('钱一');
    expect(formFromPetitionInput({ ...d, co_visitors: null }).co_visitors).toBe('');
  });
  it('warns when a free-text field holds a co-visitor\'s name', () => {
    const m = { ...filled(), co_visitors: '钱小二\n孙' };
    expect(petitionerNameWarnings({ ...m, facts: '与钱小二一同来访', request: '孙家门口' })).toEqual({
      facts: '事实与地点中写有同行人员姓名；导出给县里时会被替换为化名，如非必要请删去',
    });
    expect(petitionerNameWarnings({ ...m, facts: '张大山与钱小二' }).facts).toContain('写有信访人姓名');
    expect(petitionerNameWarnings({ ...m, anonymous: true, facts: '钱小二' })).toEqual({});
  });
});
