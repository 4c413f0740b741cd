// The roster marks a deputy absent twice without approval from the sessions of the congress
// (代表法 Art. 62) beside the name, from the core's session checks; the decision is taken on the
// deputy's page. A failed check leaves the list as it is (a hint only). Likewise 未述职: a deputy
// who has not yet reported to the voters this term, from one duty_reports_owed call a page load.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deputy, ReportOwed, SessionChecks } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import RosterView from './RosterView.vue';

const dep = (id: number, name: string) =>
  ({ id, name, initials: '', pinyin: '', group_name: '第一小组', voided: false, status: 'in_office', levels: [] }) as unknown as Deputy;

let checks: SessionChecks | Error;
let owed: ReportOwed[] | Error;

beforeEach(() => {
  document.body.innerHTML = '';
  checks = {
    absent_twice: [{
      deputy: { id: 13, name: '王五' }, term_id: 1, ground: 'absent_twice', basis: '《代表法》第六十二条',
      sessions: [
        { id: 9, number: '第二十届人民代表大会第九次会议', term_id: 1, seq: 9, first_day: '2025-12-15', last_day: '2025-12-16' },
        { id: 10, number: '第二十届人民代表大会第十次会议', term_id: 1, seq: 10, first_day: '2026-03-10', last_day: '2026-03-11' },
      ],
    }],
    short_years: [],
  };
  owed = [
    { deputy_id: 12, name: '李四', group_name: '第一小组', levels: ['township'], reports: 0, required: 1 },
    { deputy_id: 99, name: '不在本页', group_name: null, levels: ['county'], reports: 0, required: 1 },
  ];
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    deputies_list: () => ({ items: [dep(12, '李四'), dep(13, '王五'), dep(14, '赵六')], total: 3, page: 1, page_size: 20 }),
    duty_reports_owed: () => {
      if (owed instanceof Error) throw owed;
      return owed;
    },
    terms_list: () => [],
    groups_list: () => [],
    constituencies_list: () => [],
    session_checks: () => {
      if (checks instanceof Error) throw checks;
      return checks;
    },
  }));
});

const rowsOf = () => [...document.querySelectorAll<HTMLElement>('.el-table__body-wrapper tr')];

describe('RosterView', () => {
  it('marks the deputy absent twice without approval, and only that one', async () => {
    await mountAt('/deputies', '/deputies', RosterView);
    await settle();
    const marked = rowsOf().filter((r) => r.querySelector('[data-test="deputy-absent-twice"]'));
    expect(marked.map((r) => r.querySelector('[data-test="deputy-name"]')?.textContent)).toEqual(['王五']);
  });

  it('marks who has not yet reported this term, asking the core once for the page, not per row', async () => {
    await mountAt('/deputies', '/deputies', RosterView);
    await settle();
    const marked = rowsOf().filter((r) => r.querySelector('[data-test="deputy-not-reported"]'));
    expect(marked.map((r) => r.querySelector('[data-test="deputy-name"]')?.textContent)).toEqual(['李四']);
    expect(document.querySelector('[data-test="deputy-not-reported"]')?.textContent).toBe('未述职');
    expect(document.querySelector('[data-test="deputy-not-reported"]')?.getAttribute('title')).toContain('已述职 0 次，应述职 1 次');
    expect(callsOf(invoke, 'duty_reports_owed')).toEqual([undefined]);
  });

  it('shows the list unmarked when the checks cannot be read', async () => {
    checks = new Error('busy');
    owed = new Error('busy');
    await mountAt('/deputies', '/deputies', RosterView);
    await settle();
    expect(document.querySelectorAll('[data-test="deputy-name"]').length).toBeGreaterThan(0);
    expect(document.querySelector('[data-test="deputy-absent-twice"]')).toBeNull();
    expect(document.querySelector('[data-test="deputy-not-reported"]')).toBeNull();
  });
});
