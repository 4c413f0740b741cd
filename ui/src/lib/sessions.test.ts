import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import type { AbsentTwice, CongressSession, SessionMember, Term } from '../api/types';
import { formatDate } from './format';
import {
  SESSION_FIELDS, STANDARD_ITEMS, absentTwiceText, attendanceCell, ballotsText, buildSessionQuery, checkSessionForm,
  countText, defaultSessionFilters, electedPostText, electionTitle, emptyCandidate, emptyElection, emptyItem,
  emptySessionForm, eventPrefillFromQuery, exceptionsFromMembers, formFromSession, hasProblems, keepExceptions,
  markException, missingStandardItems, sessionCount, sessionDays, sessionFiltersFromQuery, sessionFiltersToQuery,
  sessionOrdinals, standardItems, termOn, terminationLocation, terminationReason, toSessionInput,
  type ElectionRow, type SessionFormModel,
} from './sessions';

const member = (deputy_id: number, name: string, attendance: SessionMember['attendance'] = 'present', reason = '', approved_by = ''): SessionMember =>
  ({ deputy_id, name, attendance, reason, approved_by });

const stored = (over: Partial<CongressSession> = {}): CongressSession => ({
  id: 4, number: '第二十届人民代表大会第四次会议', term_id: 1, seq: 4, kind: 'regular',
  first_day: '2026-03-10', last_day: '2026-03-11', place: '镇政府大会堂', notified_on: '2026-03-01',
  presiders: '张三', attendees: '镇长 王某', expected: 4, present: 2, excused: 1, absent: 1,
  members: [member(1, '张三'), member(2, '李四', 'excused', '住院', '张三'), member(3, '王五', 'absent'), member(5, '赵六')],
  items: [
    { seq: 1, kind: 'work_report', title: '审议政府工作报告', outcome: '批准', outcome_kind: 'resolution', votes_for: 2, votes_against: 0, votes_abstain: 0, passed: true },
    { seq: 2, kind: 'other', title: '通报', outcome: '', outcome_kind: null, votes_for: null, votes_against: null, votes_abstain: null, passed: null },
  ],
  elections: [{
    seq: 1, post: 'head', by_election: true, competitive: true, places: 1,
    ballots_issued: 2, ballots_returned: 2, ballots_valid: 2, ballots_invalid: 0, void: false,
    candidates: [
      { seq: 1, name: '张三', deputy_id: 1, votes: 2, elected: true },
      { seq: 2, name: '外乡人', deputy_id: null, votes: 0, elected: false },
    ],
  }],
  checks: [], deputy_events: [], notes: '', voided: false, void_reason: null, ...over,
});

const election = (over: Partial<ElectionRow> = {}): ElectionRow => ({
  ...emptyElection(), post: 'head', places: 1, ballots_issued: 50, ballots_returned: 50, ballots_valid: 49, ballots_invalid: 1,
  candidates: [{ name: '张三', deputy_id: 1, votes: 40 }], ...over,
});

const form = (over: Partial<SessionFormModel> = {}): SessionFormModel => ({ ...emptySessionForm('2026-03-10'), ...over });

describe('the exceptions to "everyone present"', () => {
  it('marks a deputy 请假 or 缺席, changes the mark without losing the reason', () => {
    let rows = markException([], member(2, '李四'), 'excused');
    expect(rows).toEqual([{ deputy_id: 2, name: '李四', attendance: 'excused', reason: '', approved_by: '' }]);
    rows = markException(rows, member(3, '王五'), 'absent');
    rows[0].reason = '住院';
    rows = markException(rows, member(2, '李四'), 'absent');
    expect(rows.map((r) => [r.deputy_id, r.attendance, r.reason])).toEqual([[2, 'absent', '住院'], [3, 'absent', '']]);
  });

  it('counts 应到, 出席, 请假, 缺席 from the exceptions and says it', () => {
    const c = sessionCount(60, [{ attendance: 'excused' }, { attendance: 'excused' }, { attendance: 'absent' }]);
    expect(c).toEqual({ expected: 60, present: 57, excused: 2, absent: 1 });
    expect(countText(c)).toBe('应到 60 人，出席 57 人，请假 2 人，缺席 1 人');
    expect(sessionCount(3, [])).toEqual({ expected: 3, present: 3, excused: 0, absent: 0 });
  });

  it('rebuilds the exceptions of a stored session, and keeps those still expected on a new date', () => {
    const rows = exceptionsFromMembers(stored().members);
    expect(rows).toEqual([
      { deputy_id: 2, name: '李四', attendance: 'excused', reason: '住院', approved_by: '张三' },
      { deputy_id: 3, name: '王五', attendance: 'absent', reason: '', approved_by: '' },
    ]);
    expect(keepExceptions([member(1, '张三'), member(2, '李 四')], rows)).toEqual([
      { deputy_id: 2, name: '李 四', attendance: 'excused', reason: '住院', approved_by: '张三' },
    ]);
  });

  it('finds the term a date falls in', () => {
    const terms: Term[] = [
      { id: 1, number: 19, label: '第十九届', start_date: '2016-10-01', end_date: '2021-09-30', is_current: false },
      { id: 2, number: 20, label: '第二十届', start_date: '2021-10-01', end_date: null, is_current: true },
    ];
    expect(termOn(terms, '2020-03-01')?.id).toBe(1);
    expect(termOn(terms, '2026-03-10')?.id).toBe(2);
    expect(termOn(terms, '2010-01-01')).toBeNull();
    expect(termOn(terms, null)).toBeNull();
  });
});

describe('the form', () => {
  it('starts as a regular session today with nobody excepted and no agenda', () => {
    expect(emptySessionForm('2026-03-10')).toEqual({
      kind: 'regular', first_day: '2026-03-10', last_day: null, notified_on: null, place: '', presiders: '', attendees: '',
      exceptions: [], items: [], elections: [], notes: '',
    });
    expect(SESSION_FIELDS).toContain('attendance');
  });

  it('adds the standard agenda of a regular session on request, without repeating what is there', () => {
    expect(standardItems().map((i) => i.kind)).toEqual(STANDARD_ITEMS.map((s) => s.kind));
    expect(standardItems().every((i) => i.title && i.outcome_kind === 'resolution' && !i.voted)).toBe(true);
    const missing = missingStandardItems([{ kind: 'work_report' }, { kind: 'other' }]);
    expect(missing.map((i) => i.kind)).toEqual(['presidium_report', 'budget', 'plan', 'suggestion_report']);
  });

  it('turns a stored session back into the form (a one-day session has no 闭幕日期)', () => {
    const f = formFromSession(stored());
    expect(f.last_day).toBe('2026-03-11');
    expect(f.exceptions.map((r) => r.deputy_id)).toEqual([2, 3]);
    expect(f.items[0]).toMatchObject({ kind: 'work_report', voted: true, votes_for: 2 });
    expect(f.items[1]).toMatchObject({ voted: false, votes_for: null });
    expect(f.elections[0].candidates).toEqual([{ name: '张三', deputy_id: 1, votes: 2 }, { name: '外乡人', deputy_id: null, votes: 0 }]);
    expect(formFromSession(stored({ last_day: '2026-03-10' })).last_day).toBeNull();
    // and back to the same input the core stored it from
    const input = toSessionInput(f);
    expect(input.attendance).toEqual([
      { deputy_id: 2, attendance: 'excused', reason: '住院', approved_by: '张三' },
      { deputy_id: 3, attendance: 'absent', reason: '', approved_by: '' },
    ]);
    expect(input.elections[0]).toEqual({
      post: 'head', by_election: true, competitive: true, places: 1, ballots_issued: 2, ballots_returned: 2, ballots_valid: 2,
      ballots_invalid: 0, candidates: [{ name: '张三', deputy_id: 1, votes: 2 }, { name: '外乡人', deputy_id: null, votes: 0 }],
    });
  });

  it('sends only the exceptions, trimmed, no votes unless voted, an empty 闭幕日期 for one day', () => {
    const input = toSessionInput(form({
      last_day: '2026-03-10', place: ' 大会堂 ', notified_on: null,
      exceptions: [
        { deputy_id: 2, name: '李四', attendance: 'excused', reason: ' 住院 ', approved_by: ' 张三 ' },
        { deputy_id: 3, name: '王五', attendance: 'absent', reason: '', approved_by: '不该有' },
      ],
      items: [
        { ...emptyItem('budget', ' 预算 '), voted: true, votes_for: 50, votes_against: 1, votes_abstain: 0 },
        { ...emptyItem('other', '通报'), voted: false, votes_for: 9, votes_against: 9, votes_abstain: 9 },
      ],
    }));
    expect(input).toEqual({
      kind: 'regular', first_day: '2026-03-10', last_day: '', place: '大会堂', notified_on: null, presiders: '', attendees: '',
      attendance: [
        { deputy_id: 2, attendance: 'excused', reason: '住院', approved_by: '张三' },
        { deputy_id: 3, attendance: 'absent', reason: '', approved_by: '' },
      ],
      items: [
        { kind: 'budget', title: '预算', outcome: '', outcome_kind: null, votes_for: 50, votes_against: 1, votes_abstain: 0 },
        { kind: 'other', title: '通报', outcome: '', outcome_kind: null, votes_for: null, votes_against: null, votes_abstain: null },
      ],
      elections: [], notes: '',
    });
  });
});

describe('checkSessionForm', () => {
  it('passes a plain session', () => {
    expect(hasProblems(checkSessionForm(form()))).toBe(false);
    expect(hasProblems(checkSessionForm(form({ elections: [election()] })))).toBe(false);
  });

  it('wants the 开幕日期, dates in order, and a reason for each leave', () => {
    const p = checkSessionForm(form({
      first_day: '2026-03-10', last_day: '2026-03-09', notified_on: '2026-03-11',
      exceptions: [
        { deputy_id: 2, name: '李四', attendance: 'excused', reason: ' ', approved_by: '' },
        { deputy_id: 3, name: '王五', attendance: 'absent', reason: '', approved_by: '' },
        { deputy_id: 4, name: '赵六', attendance: 'excused', reason: '', approved_by: '' },
      ],
    }));
    expect(p.fields).toEqual({
      last_day: '闭幕日期早于开幕日期，请核对',
      notified_on: '通知代表日期不能晚于开幕日期',
      attendance: '请填写李四、赵六的请假原因',
    });
    expect(p.exceptions).toEqual({ 2: '请填写请假原因', 4: '请填写请假原因' });
    expect(checkSessionForm(form({ first_day: null })).fields.first_day).toBe('请选择开幕日期');
  });

  it('wants each item\'s name, and all three counts of a vote', () => {
    const p = checkSessionForm(form({
      items: [
        emptyItem('other'),
        { ...emptyItem('budget', '预算'), voted: true, votes_for: 5, votes_against: null, votes_abstain: 0 },
        { ...emptyItem('plan', '计划'), voted: true, votes_for: -1, votes_against: 0, votes_abstain: 0 },
      ],
    }));
    expect(p.items).toEqual({
      0: { title: '请填写议程名称' },
      1: { votes: '赞成、反对、弃权三项请都填写（没有表决请取消勾选）' },
      2: { votes: '票数不能为负数' },
    });
  });

  it('wants an election whole, its ballots adding up, and 差额 / 等额 as the candidates say', () => {
    const one = (over: Partial<ElectionRow>) => checkSessionForm(form({ elections: [election(over)] })).elections[0];
    expect(one({ post: null })).toBe('请选择选举的职务');
    expect(one({ places: null })).toBe('请填写应选人数');
    expect(one({ ballots_valid: null })).toBe('请填写发出、收回、有效、无效选票数');
    expect(one({ ballots_invalid: 2 })).toBe('有效票 49 张与无效票 2 张之和应等于收回的 50 张');
    expect(one({ candidates: [] })).toBe('请登记候选人');
    expect(one({ candidates: [emptyCandidate()] })).toBe('请填写每位候选人的姓名');
    expect(one({ candidates: [{ name: '张三', deputy_id: null, votes: null }] })).toBe('请填写每位候选人的得票数');
    expect(one({ competitive: true })).toBe('差额选举的候选人（1 人）应多于应选人数（1 人）');
    expect(one({ candidates: [{ name: '甲', deputy_id: null, votes: 30 }, { name: '乙', deputy_id: null, votes: 19 }] }))
      .toBe('等额选举的候选人（2 人）应等于应选人数（1 人）；候选人多于应选人数请选“差额”');
    expect(one({ competitive: true, candidates: [{ name: '甲', deputy_id: null, votes: 30 }, { name: '乙', deputy_id: null, votes: 19 }] }))
      .toBeUndefined();
  });
});

describe('display', () => {
  it('writes the days, the attendance cell, an election\'s title and ballots', () => {
    expect(sessionDays(stored(), formatDate)).toBe('2026年3月10日至2026年3月11日');
    expect(sessionDays(stored({ last_day: '2026-03-10' }), formatDate)).toBe('2026年3月10日');
    expect(attendanceCell(stored())).toBe('2/4（请假 1，缺席 1）');
    expect(attendanceCell({ present: 60, expected: 60, excused: 0, absent: 0 })).toBe('60/60');
    expect(attendanceCell({ present: 58, expected: 60, excused: 2, absent: 0 })).toBe('58/60（请假 2）');
    expect(electionTitle(stored().elections[0], '乡镇长')).toBe('选举乡镇长（差额，补选）');
    expect(electionTitle({ post: 'chair', competitive: false, by_election: false }, '人民代表大会主席')).toBe('选举人民代表大会主席（等额）');
    expect(ballotsText(stored().elections[0])).toBe('发出 2 张，收回 2 张，有效 2 张，无效 0 张');
    expect(electedPostText({ by_election: true }, '乡镇长')).toBe('乡镇长（补选）');
    expect(electedPostText({ by_election: false }, '乡镇长')).toBe('乡镇长');
  });
});

describe('a deputy absent twice without approval', () => {
  const flag: AbsentTwice = {
    deputy: { id: 9, name: '钱七' }, term_id: 1, ground: 'absent_twice', basis: '《代表法》第六十二条第三项',
    sessions: [
      { id: 2, number: '第二十届人民代表大会第二次会议', term_id: 1, seq: 2, first_day: '2024-03-01', last_day: '2024-03-01' },
      { id: 4, number: '第二十届人民代表大会第四次会议', term_id: 1, seq: 4, first_day: '2025-03-01', last_day: '2025-03-02' },
    ],
  };

  it('names the sessions missed', () => {
    expect(sessionOrdinals(flag.sessions)).toBe('第二次、第四次会议');
    expect(absentTwiceText(flag)).toBe('未经批准两次不出席人代会：第二次、第四次会议');
    expect(terminationReason(flag)).toBe('未经批准两次不出席人代会（第二十届人民代表大会第二次会议、第二十届人民代表大会第四次会议）');
  });

  it('opens the deputy page with 登记变动 prefilled, and reads that address back', () => {
    const to = terminationLocation(flag);
    expect(to).toEqual({
      path: '/deputies/9',
      query: { event: 'termination', ground: 'absent_twice', reason: terminationReason(flag) },
    });
    expect(eventPrefillFromQuery(to.query as LocationQuery)).toEqual({ kind: 'termination', ground: 'absent_twice', reason: terminationReason(flag) });
    expect(eventPrefillFromQuery({})).toBeNull();
    expect(eventPrefillFromQuery({ event: 'termination', ground: 'made_up' })).toBeNull();
    expect(eventPrefillFromQuery({ event: 'resignation', ground: 'absent_twice' })).toBeNull();
  });
});

describe('the list\'s filters', () => {
  it('round-trip through the URL and build the core\'s query', () => {
    const f = { ...defaultSessionFilters(), search: ' 第四次 ', year: 2026, include_voided: true, page: 2 };
    const q = sessionFiltersToQuery(f);
    expect(q).toEqual({ search: '第四次', year: '2026', include_voided: '1', page: '2' });
    expect(sessionFiltersFromQuery(q as LocationQuery)).toEqual({ ...f, search: '第四次' });
    expect(buildSessionQuery(f)).toEqual({ page: 2, page_size: 20, search: '第四次', year: 2026, include_voided: true });
    expect(buildSessionQuery(defaultSessionFilters())).toEqual({ page: 1, page_size: 20 });
    expect(sessionFiltersToQuery(defaultSessionFilters())).toEqual({});
  });
});
