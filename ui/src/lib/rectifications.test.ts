// The review opinions' list filters through the URL, the form's checks (only what is missing) and the
// inputs it sends (one per row, shared activity and date), the dialogs' inputs, and the words shown.
import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import {
  RECTIFICATION_LIST, buildRectificationQuery, checkAssessForm, checkRectificationForm, checkReportForm, emptyRectificationForm,
  nextRoundText, rectificationFiltersFromQuery, rectificationFiltersToQuery, rectificationStateTag, shortText,
  toAssessmentInput, toRectificationInputs,
} from './rectifications';

describe('rectification list codec', () => {
  it('a fresh list has a clean URL and a clean URL is the fresh list', () => {
    expect(RECTIFICATION_LIST.toQuery(RECTIFICATION_LIST.defaults())).toEqual({});
    expect(RECTIFICATION_LIST.fromQuery({})).toEqual(RECTIFICATION_LIST.defaults());
    expect(buildRectificationQuery(RECTIFICATION_LIST.defaults())).toEqual({ page: 1, page_size: 20 });
  });

  it('keeps every filter through the URL and asks the core for it', () => {
    const f = {
      ...RECTIFICATION_LIST.defaults(), search: '路灯', year: 2026, state: 'awaiting_report' as const, overdue: true, unit_id: 3,
      include_voided: true, page: 2, page_size: 50,
    };
    const q = rectificationFiltersToQuery(f);
    expect(q).toEqual({
      search: '路灯', year: '2026', state: 'awaiting_report', overdue: '1', unit_id: '3', include_voided: '1', page: '2', page_size: '50',
    });
    expect(rectificationFiltersFromQuery(q as LocationQuery)).toEqual(f);
    expect(buildRectificationQuery(f)).toEqual({
      search: '路灯', year: 2026, state: 'awaiting_report', overdue: true, unit_id: 3, include_voided: true, page: 2, page_size: 50,
    });
  });

  it('reads the dashboard\'s links (?overdue=true, ?state=…) and ignores a state it does not know', () => {
    expect(rectificationFiltersFromQuery({ overdue: 'true' }).overdue).toBe(true);
    expect(rectificationFiltersFromQuery({ state: 'awaiting_assessment' }).state).toBe('awaiting_assessment');
    expect(rectificationFiltersFromQuery({ state: 'closed' }).state).toBeNull();
  });

  it('takes a cleared select (undefined) for no filter, not the text "undefined"', () => {
    const f = { ...RECTIFICATION_LIST.defaults(), unit_id: undefined as unknown as null, year: undefined as unknown as null };
    expect(rectificationFiltersToQuery(f)).toEqual({});
    expect(buildRectificationQuery(f)).toEqual({ page: 1, page_size: 20 });
  });
});

describe('提出审议意见 form', () => {
  it('asks for the date, and in each row for who rectifies and the opinion', () => {
    const m = emptyRectificationForm('2026-05-06');
    m.sent_on = null;
    m.rows.push({ unit_id: null, official: '张三（副镇长）', content: '  ' }, { unit_id: 4, official: '', content: '整改' });
    expect(checkRectificationForm(m)).toEqual({
      fields: { sent_on: '请选择送达日期' },
      rows: {
        0: { unit_id: '请选择负责整改的承办单位（或填写被评议的人员）', content: '请填写审议意见的内容' },
        // an official named is enough without a unit
        1: { content: '请填写审议意见的内容' },
      },
    });
  });

  it('treats a cleared unit (undefined) as none', () => {
    const m = emptyRectificationForm('2026-05-06');
    m.rows[0] = { unit_id: undefined as unknown as null, official: '', content: '整改' };
    expect(checkRectificationForm(m).rows[0]).toEqual({ unit_id: '请选择负责整改的承办单位（或填写被评议的人员）' });
  });

  it('sends one input per row with the shared activity, date and notes, text trimmed', () => {
    const m = emptyRectificationForm('2026-05-06');
    m.activity_id = 8;
    m.notes = ' 经主席团会议研究 ';
    m.rows = [
      { unit_id: 2, official: '', content: ' 路灯损坏未修 ' },
      { unit_id: null, official: ' 张三（副镇长） ', content: '值班制度不落实' },
    ];
    expect(toRectificationInputs(m)).toEqual([
      { activity_id: 8, unit_id: 2, official: '', content: '路灯损坏未修', sent_on: '2026-05-06', notes: '经主席团会议研究' },
      { activity_id: 8, unit_id: null, official: '张三（副镇长）', content: '值班制度不落实', sent_on: '2026-05-06', notes: '经主席团会议研究' },
    ]);
  });
});

describe('report and assessment dialogs', () => {
  it('asks for what is missing and sends the assessment as the core reads it', () => {
    expect(checkReportForm({ date: null, text: ' ' })).toEqual({ date: '请选择报送日期', text: '请填写整改情况报告的内容' });
    expect(checkAssessForm({ date: '2026-06-01', satisfaction: null, followup_id: null })).toEqual({ satisfaction: '请选择主席团的评价' });
    expect(toAssessmentInput({ date: '2026-06-01', satisfaction: 'dissatisfied', followup_id: 12 }))
      .toEqual({ date: '2026-06-01', satisfaction: 'dissatisfied', followup_id: 12 });
  });

  it('says that 不满意 opens the next round, numbered after the current one', () => {
    expect(nextRoundText(1)).toContain('开启第2轮');
    expect(nextRoundText(2)).toContain('开启第3轮');
    expect(nextRoundText(1)).toContain('自评价之日起重新计算');
  });
});

describe('display', () => {
  it('colours the states and shortens long opinions', () => {
    expect(rectificationStateTag('awaiting_report')).toBe('warning');
    expect(rectificationStateTag('rectified')).toBe('success');
    expect(shortText('一二三四五', 3)).toBe('一二三…');
    expect(shortText(' 短 ', 3)).toBe('短');
    // characters outside the BMP count as one
    expect(shortText('𠮷𠮷𠮷𠮷', 2)).toBe('𠮷𠮷…');
  });
});
