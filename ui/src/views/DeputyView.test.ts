// 代表详情, the 履职档案 card against a fake core: the per-year table with its 合计 row (with the
// presidium meetings, group and presidium activities, voter receptions, station duty and duty reports), the lists
// (the activities with who organised each, the reports to the voters with their rating),
// the "not yet recorded" note, and that changing the period reloads deputy_record with from/to.
// 登记变动 with a back-dated end that later records contradict: the core's clash shown in the
// dialog, then corrected (a new date) or confirmed with a reason. The sessions of the congress in
// the record (attendance, posts won), and the flag of a deputy absent twice without approval:
// 登记终止代表资格 opens 登记变动 prefilled (also from the home page's address), 不提请 asks why.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AbsentTwice, Deputy, DeputyEventInput, DutyRecord, RecordYear, SessionChecks } from '../api/types';
import { TEXT_LIMITS } from '../bindings/constants';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DeputyView from './DeputyView.vue';
import DateField from '../components/DateField.vue';
import { reloadVocabulary } from '../state/app';

const deputy: Deputy = {
  id: 7, term_id: 1, term_label: '第二十届', name: '张伟', pinyin: 'zhang wei', initials: 'zw',
  sex: 'male', ethnicity: '01', ethnicity_label: '汉族', birth_date: '1975-03', political_status: 'masses',
  education: null, work_unit_post: '', occupation: 'farmer', constituency_id: null, constituency_name: null,
  group_id: null, group_name: null, levels: ['township'], elected_on: '2021-10-20', elected_how: 'general_election',
  card_no: '', phone: '', address: '', returned_overseas: false, grassroots: true, id_number_masked: null, notes: '',
  status: 'in_office', presidium_post: null, voided: false, void_reason: null,
} as Deputy;

const year = (y: number, led: number, cosigned: number): RecordYear => ({
  year: y, suggestions_led: led, suggestions_cosigned: cosigned, motions: led ? 1 : 0, satisfied: led,
  deeds: y === 2023 ? 1 : 0, petitions_passed_on: 1, events: 0,
  // on the presidium from 2023 on; the group met 4 times a year
  meetings_expected: y >= 2023 ? 4 : 0, meetings_attended: y >= 2023 ? 3 : 0,
  activities_expected: 4, activities_attended: y === 2024 ? 2 : 4, activities_excused: y === 2024 ? 1 : 0,
  voter_receptions: y === 2024 ? 1 : 2,
  // on a station's rota three days in 2024 (one excused, one missed) and two in 2025; one report to the voters in 2024
  station_duty_expected: y === 2024 ? 3 : y === 2025 ? 2 : 0, station_duty_attended: y === 2024 ? 1 : y === 2025 ? 2 : 0,
  station_duty_missed: y === 2024 ? 1 : 0, duty_reports: y === 2024 ? 1 : 0,
  // two sessions of the congress a year; in 2024 one missed without approval
  sessions_expected: 2, sessions_attended: y === 2024 ? 1 : 2, sessions_excused: 0, sessions_absent: y === 2024 ? 1 : 0,
});

function record(from: string, to: string): DutyRecord {
  const years = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(year(y, y % 2 ? 2 : 1, 3));
  return {
    deputy, from, to,
    suggestions_led: [{
      id: 31, number: '建议〔2023〕第5号', subject: '关于修缮村道的建议', kind: 'suggestion', received_on: '2023-03-02',
      state: 'closed', state_label: '已办结', final_result: 'basically_satisfied',
    }],
    suggestions_cosigned: [],
    deeds: [{ id: 4, number: '事迹〔2023〕第1号', date: '2023-08-01', title: '抗洪抢险', honour: '' }],
    petitions_passed_on: [{ id: 9, number: '信访〔2024〕第3号', received_at: '2024-05-06 10:00', request: '修桥', state: 'accepted', state_label: '已受理' }],
    events: [],
    posts: [],
    meetings: [
      { id: 3, number: '第二十届主席团第三次会议', date: '2024-03-12', present: true, absence_reason: '' },
      { id: 4, number: '第二十届主席团第四次会议', date: '2024-06-20', present: false, absence_reason: '外出学习' },
    ],
    activities: [
      {
        id: 21, number: '活动〔2024〕第2号', date: '2024-04-15', organiser: 'group', organiser_name: '第一代表小组', kind: 'voter_reception',
        theme: '接待选民日', attendance: 'present',
      },
      {
        id: 22, number: '活动〔2024〕第5号', date: '2024-09-10', organiser: 'presidium', organiser_name: '镇人大主席团', kind: 'survey',
        theme: '农村饮水调研', attendance: 'excused',
      },
    ],
    sessions: [
      { id: 2, number: '第二十届人民代表大会第二次会议', first_day: '2023-03-01', attendance: 'present', reason: '' },
      { id: 4, number: '第二十届人民代表大会第四次会议', first_day: '2024-03-10', attendance: 'absent', reason: '' },
      { id: 5, number: '第二十届人民代表大会第五次会议', first_day: '2024-12-20', attendance: 'excused', reason: '因病住院' },
    ],
    elections_won: [
      { session_id: 2, number: '第二十届人民代表大会第二次会议', first_day: '2023-03-01', post: 'vice_chair', by_election: true, votes: 48 },
    ],
    duty_reports: [{
      id: 3, number: '述职〔2024〕第3号', year: 2024, seq: 3, deputy_id: 7, deputy_name: '张伟', term_id: 1, date: '2024-11-05',
      place: '青山村村委会', voters_present: 45, notes: '', voided: false, void_reason: null,
      rating: {
        good: 30, fair: 8, poor: 2, valid: 40, rate: { numerator: 38, denominator: 40, percent: 95 },
        poor_share: { numerator: 2, denominator: 40, percent: 5 },
      },
    }],
    by_year: years,
    not_yet_recorded: [],
  };
}

const NO_CHECKS: SessionChecks = { absent_twice: [], short_years: [] };

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    deputy_get: () => ({ deputy, events: [], posts: [], history: [] }),
    deeds_list: () => ({ items: [], total: 0, page: 1, page_size: 100 }),
    deputy_record: ({ from, to }) => record(from ?? '2021-10-20', to ?? '2026-10-19'),
    session_checks: () => NO_CHECKS,
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

async function mountPage() {
  const r = await mountAt('/deputies/7', '/deputies/:id(\\d+)', DeputyView);
  await settle();
  return r;
}

describe('DeputyView 履职档案', () => {
  it('loads the whole term and shows the years table with its 合计 row', async () => {
    await mountPage();
    expect(callsOf(invoke, 'deputy_record')).toEqual([{ id: 7, from: null, to: null }]);
    expect(hook('duty-record')).not.toBeNull();

    const rows = hooks('duty-record-year');
    expect(rows.map((r) => r.dataset.year)).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    const cells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(cells(rows[0])).toEqual(['2021年', '2', '3', '1', '2', '0', '1', '0', '2/2', '—', '4/4', '2', '—', '0']);
    expect(cells(rows[2])).toEqual(['2023年', '2', '3', '1', '2', '1', '1', '0', '2/2', '3/4', '4/4', '2', '—', '0']);
    expect(cells(rows[3])).toEqual(['2024年', '1', '3', '1', '1', '0', '1', '0', '1/2（缺席 1）', '3/4', '2/4（请假 1）', '1', '1/3（请假 1，缺席 1）', '1']);
    expect(cells(rows[4]).slice(-2)).toEqual(['2/2', '0']);
    const head = hook('duty-record-years')?.querySelector('thead')?.textContent;
    for (const h of ['满意（含基本满意）', '人代会', '主席团会议', '小组及主席团活动', '接待选民', '联络站值班', '述职']) expect(head).toContain(h);
    expect(rows[3].querySelector('[data-col="station_duty"]')?.textContent).toBe('1/3（请假 1，缺席 1）');
    expect(rows[3].querySelector('[data-col="duty_reports"]')?.textContent).toBe('1');
    expect(rows[3].querySelector('[data-col="activities"]')?.textContent).toBe('2/4（请假 1）');
    // 合计: led 2+1+2+1+2+1, co-signed 6×3, motions 6, satisfied 9, one deed, six petitions, no events,
    // meetings 4 years × 3/4, activities 5×4 + 2 of 24 with one excused, receptions 5×2 + 1
    // sessions 6 years × 2 with one missed, station duty 1/3 + 2/2, one report
    expect(cells(hook('duty-record-total')!)).toEqual([
      '合计', '9', '18', '6', '9', '1', '6', '0', '11/12（缺席 1）', '12/16', '22/24（请假 1）', '11', '3/5（请假 1，缺席 1）', '1',
    ]);

    expect(hook('duty-record-period')?.textContent).toBe('2021年10月20日 至 2026年10月19日');
    const led = hook('duty-record-led')!;
    expect(led.textContent).toContain('建议〔2023〕第5号');
    expect(led.textContent).toContain('2023年3月2日');
    expect(led.textContent).toContain('已办结');
    expect(led.textContent).toContain('基本满意');
    expect(led.querySelector('a')?.getAttribute('href')).toContain('/suggestions/31');
    expect(hook('duty-record-led-row')?.dataset.id).toBe('31');
    expect(hook('duty-record-cosigned')?.textContent).toContain('无');
    expect(hook('duty-record-deeds')?.querySelector('a')?.getAttribute('href')).toContain('/deeds/4');
    expect(hook('duty-record-petitions')?.querySelector('a')?.getAttribute('href')).toContain('/petitions/9');
    expect(hook('duty-record-events')?.textContent).toContain('无');
    expect(hook('duty-record-posts')?.textContent).toContain('无');
    // every duty is recorded now (the sessions book came): no "not yet recorded" note at all
    expect(hook('duty-record-pending')).toBeNull();

    const meetings = hook('duty-record-meetings')!;
    expect(hooks('duty-record-meeting-row').map((r) => r.dataset.id)).toEqual(['3', '4']);
    expect(meetings.textContent).toContain('第二十届主席团第三次会议');
    expect(meetings.textContent).toContain('2024年6月20日');
    expect(meetings.querySelector('a')?.getAttribute('href')).toContain('/meetings/3');
    const inRows = (row: string, tag: string) => hooks(row).map((r) => r.querySelector<HTMLElement>(`[data-test="${tag}"]`)!);
    expect(inRows('duty-record-meeting-row', 'duty-record-meeting-attendance').map((t) => t.dataset.value)).toEqual(['present', 'absent']);
    expect(hooks('duty-record-meeting-row')[1].textContent).toContain('缺席');
    expect(hooks('duty-record-meeting-row')[1].textContent).toContain('外出学习');

    const activities = hook('duty-record-activities')!;
    expect(hooks('duty-record-activity-row').map((r) => r.dataset.id)).toEqual(['21', '22']);
    expect(activities.querySelector('a')?.getAttribute('href')).toContain('/activities/21');
    expect(hooks('duty-record-activity-row')[0].textContent).toContain('接待选民日');
    expect(hooks('duty-record-activity-row')[1].textContent).toContain('调研');
    expect(inRows('duty-record-activity-row', 'duty-record-activity-attendance').map((t) => [t.dataset.value, t.textContent?.trim()]))
      .toEqual([['present', '出席'], ['excused', '请假']]);
    // who organised each: the group, or the presidium that invited the deputy
    expect(inRows('duty-record-activity-row', 'duty-record-activity-organiser').map((t) => t.textContent))
      .toEqual(['第一代表小组', '镇人大主席团']);

    // the reports to the voters, each with the voters' rating and its rate
    expect(hooks('duty-record-duty-report-row').map((r) => r.dataset.id)).toEqual(['3']);
    const report = hooks('duty-record-duty-report-row')[0];
    expect(report.textContent).toContain('述职〔2024〕第3号');
    expect(report.textContent).toContain('2024年11月5日');
    expect(report.textContent).toContain('青山村村委会');
    expect(hook('duty-record-duty-report-rating')?.textContent).toBe('满意 30，基本满意 8，不满意 2，满意率 95.0%（38/40）');
    expect(hook('duty-record-duty-report-number')?.getAttribute('href')).toBe('/duty-reports?deputy_id=7');

    // the sessions of the congress, each with how the deputy stood, and the post the congress gave
    const sessions = hook('duty-record-sessions')!;
    expect(hooks('duty-record-session-row').map((r) => r.dataset.id)).toEqual(['2', '4', '5']);
    expect(sessions.querySelector('a')?.getAttribute('href')).toContain('/sessions/2');
    expect(sessions.textContent).toContain('2024年3月10日');
    expect(inRows('duty-record-session-row', 'duty-record-session-attendance').map((t) => [t.dataset.value, t.textContent?.trim()]))
      .toEqual([['present', '出席'], ['absent', '缺席'], ['excused', '请假']]);
    expect(hooks('duty-record-session-row')[2].textContent).toContain('原因：因病住院');
    expect(hooks('duty-record-election-row').map((r) => r.dataset.id)).toEqual(['2']);
    expect(hook('duty-record-election-post')?.textContent).toBe('人民代表大会副主席（补选）');
    expect(hook('duty-record-elections')?.textContent).toContain('48');
    expect(hook('duty-record-elections')?.querySelector('a')?.getAttribute('href')).toContain('/sessions/2');
  });

  it('reloads deputy_record with from/to when the period changes', async () => {
    const { view } = await mountPage();
    expect(hook('duty-record-from')?.tagName).toBe('INPUT');
    expect(hook('duty-record-to')?.tagName).toBe('INPUT');
    const [from, to] = view.findAllComponents(DateField).filter((c) =>
      ['duty-record-from', 'duty-record-to'].includes(c.props('testId') as string));

    from.vm.$emit('update:modelValue', '2023-01-01');
    await settle();
    expect(callsOf(invoke, 'deputy_record').at(-1)).toEqual({ id: 7, from: '2023-01-01', to: null });

    to.vm.$emit('update:modelValue', '2024-12-31');
    await settle();
    expect(callsOf(invoke, 'deputy_record').at(-1)).toEqual({ id: 7, from: '2023-01-01', to: '2024-12-31' });
    expect(hooks('duty-record-year').map((r) => r.dataset.year)).toEqual(['2023', '2024']);

    from.vm.$emit('update:modelValue', null);
    await settle();
    expect(callsOf(invoke, 'deputy_record').at(-1)).toEqual({ id: 7, from: null, to: '2024-12-31' });
  });

  it('hides the pending note when every duty is recorded, and prints', async () => {
    invoke.mockImplementation(fakeCore({
      vocabulary: () => VOCAB,
      deputy_get: () => ({ deputy, events: [], posts: [], history: [] }),
      deeds_list: () => ({ items: [], total: 0, page: 1, page_size: 100 }),
      deputy_record: () => ({ ...record('2025-01-01', '2025-12-31'), not_yet_recorded: [] }),
    }));
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await mountPage();
    expect(hook('duty-record-pending')).toBeNull();
    hook('duty-record-print')!.click();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});

// ---- 登记变动: a back-dated end that later records contradict ------------------------------------

const CLASH = '辞职日期为2026年6月15日，但该代表此后还有 3 条履职记录：领衔代表建议20-6-005（2026年7月1日）、'
  + '出席小组活动活动〔2026〕第4号（2026年7月8日）、附议代表建议20-6-009（2026年8月2日）。请核对日期；如日期无误，请填写确认理由后再保存';

describe('DeputyView 登记变动 with later records', () => {
  beforeEach(async () => {
    invoke.mockImplementation(fakeCore({
      vocabulary: () => ({ ...VOCAB, event_kinds: [{ value: 'resignation', label: '辞职' }, { value: 'by_election', label: '补选' }] }),
      deputy_get: () => ({ deputy, events: [], posts: [], history: [] }),
      deeds_list: () => ({ items: [], total: 0, page: 1, page_size: 100 }),
      deputy_record: ({ from, to }) => record(from ?? '2021-10-20', to ?? '2026-10-19'),
      // the core: an end dated before later records is refused until a reason confirms it
      deputy_event_add: ({ input }: { input: DeputyEventInput }) => {
        if (input.date < '2026-07-01' && !input.confirm?.trim()) throw { code: 'conflict', field: 'date', message: CLASH };
        return { id: 1, deputy_id: 7, kind: input.kind, date: input.date, reason: input.reason, notice_no: input.notice_no };
      },
    }));
    await reloadVocabulary(); // the kinds of change (the app keeps the vocabulary once loaded)
  });

  const dialogShown = () => {
    const overlay = hook('event-save')?.closest<HTMLElement>('.el-overlay');
    return !!overlay && overlay.style.display !== 'none';
  };

  /** 登记变动 → 辞职 on 2026.6.15 → 保存: refused with the clash */
  async function resignBackDated() {
    await mountPage();
    hook('event-add')!.click();
    await settle();
    document.querySelector<HTMLElement>('.popper-event-kind [data-test="option-resignation"]')!.click();
    await settle();
    await typeDate('2026.6.15');
    hook('event-save')!.click();
    await settle();
  }

  async function typeDate(text: string) {
    const box = hook('event-date') as HTMLInputElement;
    box.focus();
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await settle(0);
    box.blur();
    await settle();
  }

  async function typeReason(text: string) {
    const reason = hook('event-confirm-reason') as HTMLTextAreaElement;
    reason.value = text;
    reason.dispatchEvent(new Event('input'));
    await settle();
  }

  it('sends a resignation\'s acceptance vote when typed, and none when left empty', async () => {
    await mountPage();
    hook('event-add')!.click();
    await settle();
    document.querySelector<HTMLElement>('.popper-event-kind [data-test="option-resignation"]')!.click();
    await settle();
    // the two counts show for a resignation (选举法 Art. 55: accepted by a majority of all deputies)
    const forBox = hook('event-votes_for')!.querySelector('input')!;
    const totalBox = hook('event-votes_total')!.querySelector('input')!;
    for (const [box, v] of [[forBox, '16'], [totalBox, '29']] as const) {
      box.value = v;
      box.dispatchEvent(new Event('input'));
      box.dispatchEvent(new Event('change'));
    }
    await settle();
    await typeDate('2026.3.10');
    hook('event-save')!.click();
    await settle();
    const [sent] = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    expect([sent.input.kind, sent.input.votes_for, sent.input.votes_total]).toEqual(['resignation', 16, 29]);
  });

  it('shows the clash in the dialog with a field for the reason, instead of an error that only says no', async () => {
    await resignBackDated();
    expect(callsOf(invoke, 'deputy_event_add')).toHaveLength(1);
    expect(dialogShown()).toBe(true); // what was typed is still there
    const alert = hook('event-clash-alert')!;
    // a warning, in the dialog, with the later records the core listed
    expect(alert.matches('.el-alert--warning') || !!alert.querySelector(':scope > .el-alert--warning')).toBe(true);
    expect(alert.textContent).toContain('领衔代表建议20-6-005（2026年7月1日）');
    expect(alert.textContent).toContain('如日期无误，请填写确认理由后再保存');
    // said once: not again under the date, not in a message that fades
    expect(formItemOf('event-date').classList.contains('is-error')).toBe(false);
    expect(document.querySelector('.el-message--error')).toBeNull();
    const reason = hook('event-confirm-reason') as HTMLTextAreaElement;
    expect(reason.tagName).toBe('TEXTAREA');
    expect(reason.maxLength).toBe(TEXT_LIMITS.reason);
    expect(hook('event-confirm-save')?.textContent?.trim()).toBe('确认并保存');
  });

  it('确认并保存 asks for the reason, then sends the same event with it', async () => {
    await resignBackDated();
    const [first] = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    hook('event-confirm-save')!.click();
    await settle();
    expect(callsOf(invoke, 'deputy_event_add')).toHaveLength(1); // no reason: nothing sent
    expect(formItemOf('event-confirm-reason').textContent).toContain('请填写确认理由');

    await typeReason('辞职书落款日期为6月15日，后续建议系代为提交');
    hook('event-confirm-save')!.click();
    await settle();
    const calls = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    expect(calls).toHaveLength(2);
    expect(calls[1].input).toEqual({ ...first.input, confirm: '辞职书落款日期为6月15日，后续建议系代为提交' });
    expect(first.input.date).toBe('2026-06-15');
    expect(dialogShown()).toBe(false);
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已登记');
  });

  it('Ctrl+Enter in the reason confirms too: the reason is the confirmation', async () => {
    await resignBackDated();
    await typeReason('以辞职书日期为准');
    hook('event-confirm-reason')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    const calls = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    expect(calls.map((c) => c.input.confirm)).toEqual([undefined, '以辞职书日期为准']);
    expect(dialogShown()).toBe(false);
  });

  it('hides the clash when the date is corrected, and saves the corrected date without a reason', async () => {
    await resignBackDated();
    await typeReason('先写了一半');
    await typeDate('2026.8.15');
    // the clerk corrected the date: the clash no longer stands, nor does its reason go out
    expect(hook('event-clash-alert')).toBeNull();
    expect(hook('event-confirm-reason')).toBeNull();
    hook('event-save')!.click();
    await settle();
    const calls = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    expect(calls).toHaveLength(2);
    expect(calls[1].input.date).toBe('2026-08-15');
    expect(calls[1].input).not.toHaveProperty('confirm');
    expect(dialogShown()).toBe(false);
  });

  it('a date corrected and saved in one Ctrl+Enter goes without the reason written for the old one', async () => {
    await resignBackDated();
    await typeReason('为旧日期写的理由');
    const box = hook('event-date') as HTMLInputElement;
    box.focus();
    box.value = '2026.6.20'; // still before the later records: the core must be asked again, not told "confirmed"
    box.dispatchEvent(new Event('input'));
    await settle(0);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await settle();
    const calls = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    expect(calls.map((c) => [c.input.date, c.input.confirm])).toEqual([['2026-06-15', undefined], ['2026-06-20', undefined]]);
    expect(hook('event-clash-alert')).not.toBeNull(); // refused again, shown again
  });

  it('a new 登记变动 starts without the last one\'s clash or reason', async () => {
    await resignBackDated();
    await typeReason('上一次的理由');
    document.querySelector<HTMLElement>('.el-dialog__footer button')!.click(); // 取消
    await settle();
    hook('event-add')!.click();
    await settle();
    expect(hook('event-clash-alert')).toBeNull();
    document.querySelector<HTMLElement>('.popper-event-kind [data-test="option-resignation"]')!.click();
    await settle();
    await typeDate('2026.6.15');
    hook('event-save')!.click();
    await settle();
    expect((hook('event-confirm-reason') as HTMLTextAreaElement).value).toBe('');
  });

  it('登记变动 sits in the page header beside 编辑 and 作废, and the tab keeps its own', async () => {
    await mountPage();
    const header = hook('event-add')!.closest('.page-title')!;
    expect([...header.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['编辑', '登记变动', '作废']);
    hook('event-add')!.click();
    await settle();
    expect(dialogShown()).toBe(true);
    document.querySelector<HTMLElement>('.el-dialog__footer button')!.click(); // 取消
    await settle();
    expect(dialogShown()).toBe(false);
    expect(hook('event-add-in-tab')?.textContent?.trim()).toBe('登记变动');
    hook('event-add-in-tab')!.click();
    await settle();
    expect(dialogShown()).toBe(true);
  });
});

// ---- 未经批准两次不出席人代会 ----------------------------------------------------------------------

const FLAG: AbsentTwice = {
  deputy: { id: 7, name: '张伟' }, term_id: 1, ground: 'absent_twice',
  basis: '《代表法》（2025年修正）第六十二条第三项：未经批准两次不出席本级人民代表大会会议的，代表资格终止',
  sessions: [
    { id: 2, number: '第二十届人民代表大会第二次会议', term_id: 1, seq: 2, first_day: '2023-03-01', last_day: '2023-03-01' },
    { id: 4, number: '第二十届人民代表大会第四次会议', term_id: 1, seq: 4, first_day: '2024-03-10', last_day: '2024-03-11' },
  ],
};
const REASON = '未经批准两次不出席人代会（第二十届人民代表大会第二次会议、第二十届人民代表大会第四次会议）';

describe('DeputyView 未经批准两次不出席人代会', () => {
  let flags: AbsentTwice[];

  beforeEach(async () => {
    flags = [{ ...FLAG, deputy: { id: 99, name: '别人' } }, FLAG];
    invoke.mockImplementation(fakeCore({
      vocabulary: () => ({
        ...VOCAB,
        event_kinds: [{ value: 'termination', label: '终止', initials: '' }, { value: 'resignation', label: '辞职', initials: '' }],
        termination_grounds: [{ value: 'absent_twice', label: '未经批准两次不出席本级人民代表大会会议', initials: '' }],
      }),
      deputy_get: () => ({ deputy, events: [], posts: [], history: [] }),
      deeds_list: () => ({ items: [], total: 0, page: 1, page_size: 100 }),
      deputy_record: ({ from, to }) => record(from ?? '2021-10-20', to ?? '2026-10-19'),
      session_checks: () => ({ absent_twice: flags, short_years: [] }),
      session_dismiss_absence: ({ deputyId }) => {
        flags = flags.filter((f) => f.deputy.id !== deputyId);
        return null;
      },
      deputy_event_add: ({ input }: { input: DeputyEventInput }) => {
        flags = flags.filter((f) => f.deputy.id !== input.deputy_id);
        return { id: 1, deputy_id: 7, kind: input.kind, date: input.date, reason: input.reason, notice_no: '' };
      },
    }));
    await reloadVocabulary();
  });

  const dialogShown = () => {
    const overlay = hook('event-save')?.closest<HTMLElement>('.el-overlay');
    return !!overlay && overlay.style.display !== 'none';
  };

  it('flags this deputy with the sessions missed and the basis, and records nothing by itself', async () => {
    await mountPage();
    const flag = hook('absent-twice')!;
    expect(hooks('absent-twice')).toHaveLength(1); // only this deputy's
    expect(flag.dataset.id).toBe('7');
    expect(hook('absent-twice-text')?.textContent).toBe('未经批准两次不出席人代会：第二次、第四次会议');
    expect(hook('absent-twice-basis')?.textContent).toContain('第六十二条第三项');
    expect(callsOf(invoke, 'deputy_event_add')).toHaveLength(0);
    expect(dialogShown()).toBe(false);
  });

  it('登记终止代表资格 opens 登记变动 prefilled; saving records the event and the flag goes', async () => {
    const { view } = await mountPage();
    hook('absent-twice-terminate')!.click();
    await settle();
    expect(dialogShown()).toBe(true);
    const form = (view.vm as unknown as { eventForm: Record<string, unknown> }).eventForm;
    expect(form).toMatchObject({ kind: 'termination', ground: 'absent_twice', reason: REASON });
    expect(hook('event-kind')?.textContent).toContain('终止');
    expect(hook('event-ground')?.textContent).toContain('未经批准两次不出席本级人民代表大会会议');
    expect((hook('event-reason') as HTMLTextAreaElement).value).toBe(REASON);
    hook('event-save')!.click();
    await settle();
    const [call] = callsOf(invoke, 'deputy_event_add') as { input: DeputyEventInput }[];
    expect(call.input).toMatchObject({ deputy_id: 7, kind: 'termination', ground: 'absent_twice', reason: REASON });
    expect(hook('absent-twice')).toBeNull();
  });

  it('opens 登记变动 prefilled from the address the home page links to, once', async () => {
    const query = `event=termination&ground=absent_twice&reason=${encodeURIComponent(REASON)}`;
    const { view, router } = await mountAt(`/deputies/7?${query}`, '/deputies/:id(\\d+)', DeputyView);
    await settle();
    expect(dialogShown()).toBe(true);
    expect((view.vm as unknown as { eventForm: Record<string, unknown> }).eventForm)
      .toMatchObject({ kind: 'termination', ground: 'absent_twice', reason: REASON });
    expect(router.currentRoute.value.fullPath).toBe('/deputies/7');
    expect(callsOf(invoke, 'deputy_event_add')).toHaveLength(0);
  });

  it('不提请 asks the reason, tells the core, and the flag goes', async () => {
    await mountPage();
    hook('absent-twice-dismiss')!.click();
    await settle();
    const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    box.value = '事后补办了请假手续';
    box.dispatchEvent(new Event('input'));
    await settle();
    document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'session_dismiss_absence')).toEqual([{ deputyId: 7, reason: '事后补办了请假手续' }]);
    expect(hook('absent-twice')).toBeNull();
    expect(callsOf(invoke, 'deputy_event_add')).toHaveLength(0);
  });
});
