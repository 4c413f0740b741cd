// 代表述职 against a fake core: filters from the URL go into duty_reports_list, the rating cells
// (counts and the rate with both its counts), 登记述职 with the client's checks and the core's
// refusal of a rating above the voters present shown at the rating, 作废 with a reason, and the
// deputies who owe a report this term, each opening the dialog for that deputy.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ballots, Deputy, DutyReport, DutyReportInput, ReportOwed } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { todayIso } from '../lib/format';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DutyReportsView from './DutyReportsView.vue';

const ballots = (good: number, fair: number, poor: number): Ballots => {
  const valid = good + fair + poor;
  return {
    good, fair, poor, valid,
    rate: { numerator: good + fair, denominator: valid, percent: null },
    poor_share: { numerator: poor, denominator: valid, percent: null },
  };
};

const report = (id: number, over: Partial<DutyReport> = {}): DutyReport => ({
  id, number: `述职〔2026〕第${id}号`, year: 2026, seq: id, deputy_id: 11, deputy_name: '张三', term_id: 1,
  date: '2026-04-10', place: '青山村村委会', voters_present: 45, rating: ballots(30, 8, 2), notes: '', voided: false,
  void_reason: null, ...over,
});

const OWED: ReportOwed[] = [
  { deputy_id: 12, name: '李四', group_name: '第二代表小组', levels: ['township', 'county'], reports: 0, required: 1 },
  { deputy_id: 13, name: '王五', group_name: null, levels: ['township'], reports: 0, required: 1 },
];

const c = (value: string, label: string) => ({ value, label, initials: '' });
const VOCABULARY = { ...VOCAB, levels: [c('county', '县级'), c('township', '乡镇级')] };

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCABULARY,
    deputy_get: ({ id }) => ({ deputy: { id, name: '张三' } as Deputy, events: [], posts: [], history: [] }),
    duty_reports_list: () => ({
      items: [report(2), report(1, { deputy_id: 14, deputy_name: '赵六', rating: null, voided: true, void_reason: '重复登记' })],
      total: 2, page: 1, page_size: 20,
    }),
    duty_reports_owed: () => OWED,
    duty_report_create: ({ input }: { input: DutyReportInput }) => report(3, { deputy_id: input.deputy_id }),
    duty_report_void: ({ id }) => report(id, { voided: true }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

function type(id: string, text: string) {
  const el = (hook(id)!.tagName === 'INPUT' || hook(id)!.tagName === 'TEXTAREA' ? hook(id) : hook(id)!.querySelector('input')) as HTMLInputElement;
  el.value = text;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new Event('change'));
}

async function mountPage(path = '/duty-reports') {
  const r = await mountAt(path, '/duty-reports', DutyReportsView);
  await settle();
  return r;
}

describe('DutyReportsView', () => {
  it('reads the filters from the URL and shows each report with its rating and rate', async () => {
    await mountPage('/duty-reports?year=2026&deputy_id=11&search=青山');
    expect(callsOf(invoke, 'duty_reports_list')[0]).toEqual({
      query: { page: 1, page_size: 20, search: '青山', year: 2026, deputy_id: 11 },
    });
    // the deputy filter shows the name, not the id
    expect(callsOf(invoke, 'deputy_get')).toEqual([{ id: 11 }]);
    expect(hooks('duty-report-row').map((r) => r.dataset.id)).toEqual(['2', '1']);
    expect(hooks('duty-report-number').map((n) => n.textContent)).toEqual(['述职〔2026〕第2号', '述职〔2026〕第1号']);
    expect(hooks('duty-report-voters').map((n) => n.textContent)).toEqual(['45', '45']);
    expect(hooks('duty-report-rating').map((n) => n.textContent)).toEqual(['满意 30，基本满意 8，不满意 2', '未测评']);
    // 满意 and 基本满意 of the valid ballots, both counts shown
    expect(hooks('duty-report-rate').map((n) => n.textContent)).toEqual(['95.0%（38/40）', '—']);
    expect(hooks('duty-report-deputy-link').map((a) => a.getAttribute('href'))).toEqual(['/deputies/11', '/deputies/14']);
    // the voided one is struck through, shows why, and cannot be voided again
    expect(hooks('duty-report-row')[1].classList.contains('voided')).toBe(true);
    expect(hook('duty-report-void-reason')?.textContent).toBe('作废原因：重复登记');
    expect(hooks('duty-report-void')).toHaveLength(1);
  });

  it('puts a filter into the URL and reloads', async () => {
    const { router } = await mountPage();
    hook('duty-reports-include-voided')!.querySelector('input')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/duty-reports?include_voided=1');
    expect(callsOf(invoke, 'duty_reports_list').at(-1)).toEqual({ query: { page: 1, page_size: 20, include_voided: true } });
  });

  it('lists who has not yet reported this term, read once, with their groups, levels and counts', async () => {
    await mountPage();
    expect(callsOf(invoke, 'duty_reports_owed')).toHaveLength(1);
    expect(hook('duty-reports-owed')?.textContent).toContain('本届尚未述职的代表（2 人）');
    const rows = hooks('duty-report-owed-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['12', '13']);
    expect(rows[0].textContent).toContain('第二代表小组');
    expect(rows[0].textContent).toContain('乡镇级、县级'); // the levels by their labels, as the core lists them
    expect(rows[1].textContent).toContain('—');
    expect(hooks('duty-report-owed-count').map((n) => n.textContent)).toEqual(['0/1', '0/1']);
  });

  it('registers a report for a deputy who owes one, then reads the list and the owed again', async () => {
    await mountPage();
    hooks('duty-report-owed-add')[0].click();
    await settle();
    // the dialog is for 李四, by name
    expect(hook('duty-report-field-deputy_id')?.textContent).toContain('李四');
    type('duty-report-field-place', '青山村村委会');
    type('duty-report-field-voters_present', '40');
    type('duty-report-field-good', '30');
    type('duty-report-field-fair', '8');
    type('duty-report-field-poor', '2');
    await settle();
    hook('duty-report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'duty_report_create')).toEqual([{
      input: { deputy_id: 12, date: todayIso(), place: '青山村村委会', voters_present: 40, good: 30, fair: 8, poor: 2, notes: '' },
    }]);
    expect(callsOf(invoke, 'duty_reports_list')).toHaveLength(2);
    expect(callsOf(invoke, 'duty_reports_owed')).toHaveLength(2);
  });

  it('checks the deputy and the voters present first, and shows the core\'s refusal of the rating at the rating', async () => {
    await mountPage();
    hook('duty-report-add')!.click();
    await settle();
    hook('duty-report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'duty_report_create')).toHaveLength(0);
    expect(formItemOf('duty-report-field-deputy_id').textContent).toContain('请选择述职的代表');
    expect(formItemOf('duty-report-field-voters_present').textContent).toContain('请填写到会选民人数');

    hooks('duty-report-owed-add')[1].click(); // 王五
    await settle();
    type('duty-report-field-voters_present', '10');
    type('duty-report-field-good', '9');
    type('duty-report-field-fair', '2');
    type('duty-report-field-poor', '1');
    await settle();
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'duty_report_create') throw new Error(cmd);
      throw { code: 'validation', field: 'good', message: '满意、基本满意、不满意合计 12 票，多于到会选民 10 人' };
    });
    hook('duty-report-save')!.click();
    await settle();
    const item = formItemOf('duty-report-field-rating');
    expect(item.querySelector('.el-form-item__error')?.textContent).toContain('合计 12 票，多于到会选民 10 人');
    // the dialog stays open with what was typed
    expect((hook('duty-report-field-good')!.querySelector('input') as HTMLInputElement).value).toBe('9');
    expect(callsOf(invoke, 'duty_reports_owed')).toHaveLength(1);
  });

  it('voids a report with the reason asked for', async () => {
    await mountPage();
    hook('duty-report-void')!.click();
    await settle();
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = '日期录错';
    box.dispatchEvent(new Event('input'));
    await settle();
    [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].at(-1)!.click();
    await settle(400);
    expect(callsOf(invoke, 'duty_report_void')).toEqual([{ id: 2, reason: '日期录错' }]);
    expect(callsOf(invoke, 'duty_reports_list')).toHaveLength(2);
    expect(callsOf(invoke, 'duty_reports_owed')).toHaveLength(2);
  });
});
