// The sessions list (人代会): filters from the URL go into sessions_list, the cells (number, 会期,
// 类型, 出席 with 请假 and 缺席, the warning tag when the core has checks), the years short of
// sessions above the list, and a filter change goes into the URL and reloads.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CongressSession, SessionChecks } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import SessionsView from './SessionsView.vue';

const session = (id: number, over: Partial<CongressSession> = {}): CongressSession => ({
  id, number: `第二十届人民代表大会第${'一二三四五'[id - 1]}次会议`, term_id: 1, seq: id, kind: 'regular',
  first_day: '2026-03-10', last_day: '2026-03-11', place: '镇政府大会堂', notified_on: '2026-03-01', presiders: '', attendees: '',
  members: [], expected: 60, present: 57, excused: 2, absent: 1,
  items: [
    { seq: 1, kind: 'work_report', title: '审议政府工作报告', outcome: '', outcome_kind: 'resolution', votes_for: 55, votes_against: 1, votes_abstain: 1, passed: true },
    { seq: 2, kind: 'budget', title: '审查财政预算', outcome: '', outcome_kind: 'resolution', votes_for: 56, votes_against: 0, votes_abstain: 1, passed: true },
  ],
  elections: [], checks: [], deputy_events: [], notes: '', voided: false, void_reason: null, ...over,
});

let checks: SessionChecks | Error;

beforeEach(() => {
  document.body.innerHTML = '';
  checks = {
    absent_twice: [],
    short_years: [{ year: 2025, held: 1, expected: 2, text: '2025年举行人代会 1 次，少于每年 2 次（《地方组织法》第十四条）' }],
  };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    session_checks: () => {
      if (checks instanceof Error) throw checks;
      return checks;
    },
    sessions_list: () => ({
      items: [
        session(1),
        session(2, {
          kind: 'extraordinary', first_day: '2026-07-01', last_day: '2026-07-01', present: 38, excused: 0, absent: 22, items: [],
          checks: ['出席 38 人，未达到全体代表 60 人的三分之二，会议不能举行（《地方组织法》第十四条）'], voided: true, void_reason: '重复',
        }),
      ],
      total: 2, page: 1, page_size: 20,
    }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

describe('SessionsView', () => {
  it('reads the filters from the URL and shows the cells', async () => {
    await mountAt('/sessions?year=2026&include_voided=1&search=预算', '/sessions', SessionsView);
    await settle();
    expect(callsOf(invoke, 'sessions_list')[0]).toEqual({
      query: { page: 1, page_size: 20, year: 2026, include_voided: true, search: '预算' },
    });
    expect(hooks('session-row').map((r) => r.dataset.id)).toEqual(['1', '2']);
    const links = hooks('session-link');
    expect(links[0].textContent).toBe('第二十届人民代表大会第一次会议');
    expect(links[0].getAttribute('href')).toContain('/sessions/1');
    expect(hooks('session-days').map((c) => c.textContent)).toEqual(['2026年3月10日至2026年3月11日', '2026年7月1日']);
    expect(hooks('session-kind').map((c) => c.textContent)).toEqual(['例会', '临时会议']);
    expect(hooks('session-attendance').map((c) => c.textContent)).toEqual(['57/60（请假 2，缺席 1）', '38/60（缺席 22）']);
    expect(hooks('session-agenda').map((c) => c.textContent)).toEqual(['审议政府工作报告、审查财政预算', '—']);
    // the warning mark only where the core found something
    expect(hooks('session-checks-tag')).toHaveLength(1);
    expect(hooks('session-row')[1].querySelector('[data-test="session-checks-tag"]')?.textContent?.trim()).toBe('1 项');
    expect(hooks('session-row')[1].classList.contains('voided')).toBe(true);
    expect(hooks('session-row')[1].textContent).toContain('已作废');
  });

  it('warns above the list of the ended years short of sessions, as the core words it', async () => {
    await mountAt('/sessions', '/sessions', SessionsView);
    await settle();
    expect(callsOf(invoke, 'session_checks')).toHaveLength(1);
    const warnings = hooks('session-short-year');
    expect(warnings.map((w) => w.dataset.year)).toEqual(['2025']);
    expect(warnings[0].textContent).toContain('2025年举行人代会 1 次，少于每年 2 次');
  });

  it('shows the list without the warning when the checks cannot be read', async () => {
    checks = new Error('boom');
    await mountAt('/sessions', '/sessions', SessionsView);
    await settle();
    expect(hook('session-short-year')).toBeNull();
    expect(hooks('session-row')).toHaveLength(2);
    expect(document.querySelector('.el-message--error')).toBeNull();
  });

  it('puts a filter into the URL and reloads, and 登记人代会 opens the form', async () => {
    const { router } = await mountAt('/sessions', '/sessions', SessionsView);
    await settle();
    hook('sessions-include-voided')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/sessions?include_voided=1');
    expect(callsOf(invoke, 'sessions_list').at(-1)).toEqual({ query: { page: 1, page_size: 20, include_voided: true } });
    hook('session-new')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/sessions/new');
  });
});
