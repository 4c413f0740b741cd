import { describe, expect, it } from 'vitest';
import type { Choice } from '../api/types';
import { filterChoices } from './choiceFilter';

const c = (value: string, label: string, initials: string): Choice => ({ value, label, initials });
const CATEGORIES = [
  c('transport', '交通建设', 'jtjs'),
  c('agriculture', '农业农村', 'nync'),
  c('education', '教育', 'jy'),
  c('urban', '城乡建设', 'cxjs'),
  c('other', '其他', 'qt'),
  c('fallback', '其它', ''), // a UI-made list: no initials
];

describe('filterChoices', () => {
  it.each([
    ['', ['transport', 'agriculture', 'education', 'urban', 'other', 'fallback']],
    ['   ', ['transport', 'agriculture', 'education', 'urban', 'other', 'fallback']],
    ['交通', ['transport']],
    ['建设', ['transport', 'urban']],
    ['农', ['agriculture']],
    ['jt', ['transport']],
    ['JT', ['transport']],
    [' jtjs ', ['transport']],
    ['nc', ['agriculture']],
    ['js', ['transport', 'urban']],
    // initials that start with the text come before those that only contain it
    ['j', ['transport', 'education', 'urban']],
    ['q', ['other']],
    ['x', ['urban']],
    ['zz', []],
    ['其', ['other', 'fallback']],
  ])('%j → %j', (query, values) => {
    expect(filterChoices(CATEGORIES, query).map((x) => x.value)).toEqual(values);
  });

  it('puts a match at the start ahead of one inside, whatever the vocabulary order', () => {
    const list = [c('a', '城乡建设', 'cxjs'), c('b', '建设规划', 'jsgh')];
    expect(filterChoices(list, 'js').map((x) => x.value)).toEqual(['b', 'a']);
    expect(filterChoices(list, '建设').map((x) => x.value)).toEqual(['b', 'a']);
  });
});
