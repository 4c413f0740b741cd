// 审议意见 against a fake core: the facts with the links to where it came from, the report awaited now
// with its due date and how it was counted, the rounds (a late report marked 逾期, the assessment and
// the follow-up inspection), 登记整改情况报告 (the input as the core reads it, a refusal under its
// field), 主席团评价 (explaining that 不满意 opens the next round), voiding, and the history.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RectificationDetail } from '../api/types';
import { todayIso } from '../lib/format';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { rectification, rectifyDeadline, round } from '../test/supervision';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import RectificationView from './RectificationView.vue';

/** sent after an evaluation, reported late and found unsatisfactory, now in its second round and overdue */
const SECOND_ROUND = rectification(7, {
  evaluation: { id: 5, number: '评议〔2026〕第5号' }, object_seq: 2, overdue: true,
  rounds: [
    round(1, {
      reported_on: '2026-05-20', report: '已更换路灯 12 盏', reported_late: true, assessed_on: '2026-06-02',
      satisfaction: 'dissatisfied', followup: { id: 9, number: '活动〔2026〕第9号' },
    }),
    round(2, { sent_on: '2026-06-02', deadline: rectifyDeadline('2026-06-02', '2026-08-03', { days_left: -3, overdue: true }) }),
  ],
  deadline: rectifyDeadline('2026-06-02', '2026-08-03', { days_left: -3, overdue: true }),
});

/** reported in its first round, waiting for the presidium */
const REPORTED = rectification(7, {
  state: 'awaiting_assessment', state_label: '待主席团评价', deadline: null,
  rounds: [round(1, { reported_on: '2026-04-20', report: '已修复' })],
});

let current: RectificationDetail;
let refuse: { code: string; field: string | null; message: string } | null;

beforeEach(() => {
  document.body.innerHTML = '';
  refuse = null;
  current = {
    rectification: SECOND_ROUND,
    history: [{
      id: 1, entity: 'rectification', entity_id: 7, entity_label: '整改〔2026〕第7号', action: 'create', actor: '刘秘书',
      at: '2026-03-10 09:00:00', before: null, after: null, changes: [], note: '提出审议意见',
    }],
  };
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    rectification_get: () => current,
    rectification_report: () => {
      if (refuse) throw refuse;
      return current.rectification;
    },
    rectification_assess: () => current.rectification,
    rectification_void: ({ reason }) => {
      current = { ...current, rectification: { ...current.rectification, voided: true, void_reason: reason } };
      return current.rectification;
    },
    activities_list: () => ({ items: [], total: 0, page: 1, page_size: 20 }),
  }));
  invoke.mockClear();
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const inRound = (n: number, id: string) =>
  document.querySelector<HTMLElement>(`[data-test="rectification-round"][data-round="${n}"] [data-test="${id}"]`);

async function mountPage() {
  const r = await mountAt('/rectifications/7', '/rectifications/:id(\\d+)', RectificationView);
  await settle();
  return r;
}

function type(id: string, text: string) {
  const input = hook(id) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

async function confirmBox(text: string) {
  const box = document.querySelector<HTMLInputElement>('.el-message-box input')!;
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await settle();
  document.querySelectorAll<HTMLElement>('.el-message-box__btns button')[1].click();
  await settle(400);
}

describe('RectificationView', () => {
  it('shows the facts, where it came from, the report awaited and every round', async () => {
    await mountPage();
    expect(callsOf(invoke, 'rectification_get')).toEqual([{ id: 7 }]);
    expect(hook('rectification-title')?.textContent).toBe('整改〔2026〕第7号　镇建设办');
    expect(hook('rectification-state')?.textContent?.trim()).toBe('待报送整改情况');
    expect(hook('rectification-overdue')?.textContent?.trim()).toBe('已逾期');
    expect(hook('rectification-activity-link')?.getAttribute('href')).toContain('/activities/8');
    expect(hook('rectification-evaluation-link')?.getAttribute('href')).toContain('/evaluations/5');
    expect(hook('rectification-content')?.textContent).toContain('青山村路灯损坏多处');

    // the report awaited now: its due date, late, and how it was counted
    expect(hook('rectification-deadline')?.dataset.overdue).toBe('true');
    expect(hook('rectification-deadline-date')?.textContent).toBe('2026年8月3日');
    expect(hook('rectification-deadline-left')?.textContent).toBe('逾期3天');
    expect(hook('rectification-deadline')?.textContent).toContain('依据：《某县审议意见办理办法》第八条');

    expect(hooks('rectification-round').map((r) => r.dataset.round)).toEqual(['1', '2']);
    expect(inRound(1, 'round-sent')?.textContent).toBe('2026年3月10日');
    expect(inRound(1, 'round-due')?.textContent).toBe('2026年5月11日');
    expect(inRound(1, 'round-basis')?.textContent).toBe('依据：《某县审议意见办理办法》第八条');
    // a report after its due date is marked, as the core says
    expect(inRound(1, 'round-reported')?.textContent).toBe('2026年5月20日');
    expect(inRound(1, 'round-late')?.textContent?.trim()).toBe('逾期');
    expect(inRound(1, 'round-report')?.textContent).toBe('已更换路灯 12 盏');
    expect(inRound(1, 'round-satisfaction')?.textContent?.trim()).toBe('不满意');
    expect(inRound(1, 'round-followup')?.getAttribute('href')).toContain('/activities/9');
    expect(inRound(2, 'round-sent')?.textContent).toBe('2026年6月2日');
    expect(inRound(2, 'round-reported')?.textContent).toBe('尚未报送');
    expect(inRound(2, 'round-late')).toBeNull();
    expect(inRound(2, 'round-satisfaction')?.textContent).toBe('尚未评价');

    // the reasoning of a round's due date on request
    expect(inRound(2, 'round-explanation')).toBeNull();
    hook('round-explain-2')!.click();
    await settle();
    expect(inRound(2, 'round-explanation')?.textContent).toBe('自2026-06-02送达之日起2个月，至2026-08-03');
    expect(inRound(1, 'round-explanation')).toBeNull();

    // while a report is awaited only that can be entered
    expect(hook('rectification-report')).not.toBeNull();
    expect(hook('rectification-assess')).toBeNull();
    expect(hook('history-table')?.textContent).toContain('刘秘书');
  });

  it('登记整改情况报告 sends the date and text, and shows the core\'s refusal under the date', async () => {
    await mountPage();
    hook('rectification-report')!.click();
    await settle();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('登记整改情况报告');
    // nothing typed: the form says so, the core is not asked
    hook('report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'rectification_report')).toEqual([]);
    expect(formItemOf('report-field-text').textContent).toContain('请填写整改情况报告的内容');

    refuse = { code: 'validation', field: 'date', message: '报送日期2026年5月1日早于审议意见送达日期2026年6月2日，请核对' };
    type('report-field-text', ' 已更换全部损坏路灯 ');
    hook('report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'rectification_report')).toEqual([{ id: 7, input: { date: todayIso(), text: '已更换全部损坏路灯' } }]);
    expect(formItemOf('report-field-date').textContent).toContain('早于审议意见送达日期2026年6月2日');

    refuse = null;
    hook('report-save')!.click();
    await settle();
    expect(callsOf(invoke, 'rectification_report')).toHaveLength(2);
    expect(callsOf(invoke, 'rectification_get')).toHaveLength(2); // read again
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已登记整改情况报告');
  });

  it('主席团评价 explains that 不满意 opens the next round, and sends the assessment', async () => {
    current = { ...current, rectification: REPORTED };
    await mountPage();
    expect(hook('rectification-report')).toBeNull();
    hook('rectification-assess')!.click();
    await settle();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('主席团评价');
    expect(hook('assess-next-round')?.textContent).toContain('评价为“不满意”的，退回重新整改，开启第2轮');
    // the scale is the core's satisfaction vocabulary
    expect(hooks('assess-field-satisfaction')[0].querySelectorAll('.el-radio-button').length).toBe(3);
    hook('assess-save')!.click();
    await settle();
    expect(callsOf(invoke, 'rectification_assess')).toEqual([]);
    expect(formItemOf('assess-field-satisfaction').textContent).toContain('请选择主席团的评价');

    hook('assess-field-satisfaction-dissatisfied')!.querySelector('input')!.click();
    await settle();
    hook('assess-save')!.click();
    await settle();
    expect(callsOf(invoke, 'rectification_assess')).toEqual([
      { id: 7, input: { date: todayIso(), satisfaction: 'dissatisfied', followup_id: null } },
    ]);
    expect(document.querySelector('.el-message--success')?.textContent).toContain('开启第2轮整改');
  });

  it('voids with a reason and shows it', async () => {
    await mountPage();
    hook('rectification-void')!.click();
    await settle();
    expect(document.querySelector('.el-message-box')?.textContent).toContain('作废后该审议意见仍保留在台账中');
    await confirmBox('单位填错');
    expect(callsOf(invoke, 'rectification_void')).toEqual([{ id: 7, reason: '单位填错' }]);
    expect(hook('rectification-voided')?.textContent).toContain('作废原因：单位填错');
    expect(hook('rectification-void')?.hasAttribute('disabled')).toBe(true);
    // a voided opinion takes no report
    expect(hook('rectification-report')).toBeNull();
  });
});
