import { describe, expect, it } from 'vitest';
import type { Deputy } from '../api/types';
import { emptyDeputyForm, formFromDeputy, toDeputyInput, withTownship } from './deputyForm';

const filled = () => ({
  ...emptyDeputyForm(7),
  name: ' 张三 ', sex: 'male' as const, political_status: 'cpc_member' as const, occupation: 'farmer' as const,
  elected_on: '2021-12-28', birth_date: '1975年3月',
});

describe('toDeputyInput', () => {
  it('trims text, normalises the birth date and keeps township level', () => {
    const input = toDeputyInput({ ...filled(), levels: ['county'] }, 'create');
    expect(input.name).toBe('张三');
    expect(input.birth_date).toBe('1975-03');
    expect(input.levels).toEqual(['county', 'township']);
    expect(input.term_id).toBe(7);
    expect(input.id_number).toBeNull();
  });
  it('sends an empty birth date as null', () => {
    expect(toDeputyInput({ ...filled(), birth_date: '' }, 'create').birth_date).toBeNull();
  });
  it('on edit: empty ID keeps the stored one, the clear box removes it, a typed one replaces it', () => {
    expect(toDeputyInput({ ...filled(), id_number: '' }, 'edit').id_number).toBeNull();
    expect(toDeputyInput({ ...filled(), id_number: '', clear_id_number: true }, 'edit').id_number).toBe('');
    expect(toDeputyInput({ ...filled(), id_number: '11010519491231002x' }, 'edit').id_number).toBe('11010519491231002X');
  });
  it('on create the clear box means nothing', () => {
    expect(toDeputyInput({ ...filled(), clear_id_number: true }, 'create').id_number).toBeNull();
  });
});

describe('formFromDeputy', () => {
  it('never puts the masked ID number into the input', () => {
    const d = {
      id: 1, term_id: 2, term_label: '第二十届', name: '李四', pinyin: 'li si', initials: 'ls', sex: 'female',
      ethnicity: '03', ethnicity_label: '回族', birth_date: null, political_status: 'masses', education: null,
      work_unit_post: '', occupation: 'worker', constituency_id: null, constituency_name: null, group_id: 4,
      group_name: '第一小组', levels: ['county'], elected_on: '2021-12-28', elected_how: 'by_election', card_no: '',
      phone: '', address: '', returned_overseas: false, grassroots: true, id_number_masked: '110***********1234',
      notes: '', status: 'in_office', presidium_post: null, voided: false, void_reason: null,
    } as Deputy;
    const m = formFromDeputy(d);
    expect(m.id_number).toBe('');
    expect(m.birth_date).toBe('');
    expect(m.levels).toEqual(['county', 'township']);
    expect(m.group_id).toBe(4);
  });
});

describe('withTownship', () => {
  it('orders levels from national down and adds township once', () => {
    expect(withTownship(['township', 'national', 'county', 'township'])).toEqual(['national', 'county', 'township']);
  });
});
