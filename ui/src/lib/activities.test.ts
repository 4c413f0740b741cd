import { describe, expect, it } from 'vitest';
import type { ActivityKind, ActivityMember, GroupActivity, Opinion } from '../api/types';
import {
  ACTIVITY_FALLBACK_CHOICES, ACTIVITY_FIELDS, ACTIVITY_KINDS, activityFiltersFromQuery, activityFiltersToQuery, attendanceCell,
  attendanceLists, attendanceOf, attendanceSummary, attendanceSummaryText, attendanceTag, buildActivityQuery, canRaiseReview,
  canRemoveOpinion, checkActivityForm, defaultActivityFilters, emptyActivityForm, emptyOpinionRow, excusedText, expectedMembers,
  fewPresent, formFromActivity, kindChoicesFor, leaveReasonList, leaveReasonsOf, mergeAttendance, participantMembers,
  activityIdFromQuery, noticeDays, noticeHint, opinionCaseLocation, opinionIdFromQuery, opinionLocked, opinionSourceText, opinionsCell,
  PRESIDIUM_KINDS, reviewLocation, THEME_MAX, toActivityInput, turnedCount, votersError,
} from './activities';

/** Every kind the contract has (the compiler refuses a missing or unknown one). */
const EVERY_KIND: Record<ActivityKind, true> = {
  study: true, inspection: true, survey: true, law_enforcement_check: true, voter_reception: true, duty_report: true,
  special_report: true, special_inquiry: true, station_duty: true, other: true,
};
const ACTIVITY_KIND_CODES = Object.keys(EVERY_KIND);
import { TEXT_LIMITS } from '../bindings/constants';
import { formatDate } from './format';

const member = (deputy_id: number, name: string, attendance: ActivityMember['attendance'] = 'present', reason = ''): ActivityMember =>
  ({ deputy_id, name, attendance, reason });
const MEMBERS = [member(1, '张三'), member(2, '李四'), member(3, '王五'), member(4, '赵六')];

const opinion = (over: Partial<Opinion> = {}): Opinion => ({
  id: 31, seq: 1, source: '青山村村民', content: '村道破损', suggestion: null, petition: null, ...over,
});

const stored = (over: Partial<GroupActivity> = {}): GroupActivity => ({
  id: 5, number: '活动〔2026〕第5号', year: 2026, seq: 5, organiser: 'group', group_id: 2, group_name: '第二代表小组',
  station_id: null, organiser_name: '第二代表小组', kind: 'voter_reception',
  date: '2026-03-20', place: '青山代表联络站', notice_date: '2026-03-16', theme: '接待选民日',
  members: [member(1, '张三'), member(2, '李四', 'excused', '外出务工'), member(3, '王五', 'absent')],
  expected: 3, present: 1, excused: 1, absent: 1, higher_deputies: '县人大代表王某', record: '接待选民 12 人次',
  results: '当场答复 3 件', reported_on: '2026-03-25', voters_received: 12,
  opinions: [opinion(), opinion({ id: 32, seq: 2, content: '饮水', suggestion: { id: 9, number: '20-3-B002' } })],
  checks: [], notes: '', voided: false, void_reason: null, ...over,
});

describe('attendance', () => {
  it('turns the radio state into the excused and absent lists, in the members order', () => {
    const state = { 3: 'absent', 1: 'excused', 2: 'present', 4: 'excused' } as const;
    expect(attendanceLists(MEMBERS, state)).toEqual({ excused: [1, 4], absent: [3] });
    // a member without a state counts as present; a state for someone not listed is ignored
    expect(attendanceLists(MEMBERS.slice(0, 2), { 9: 'absent' })).toEqual({ excused: [], absent: [] });
  });

  it('counts expected, present, excused and absent', () => {
    const s = attendanceSummary(MEMBERS, { 2: 'excused', 4: 'absent' });
    expect(s).toEqual({ expected: 4, present: 2, excused: 1, absent: 1 });
    expect(attendanceSummaryText(s)).toBe('应到 4 人，出席 2 人，请假 1 人，缺席 1 人');
    expect(fewPresent(s)).toBe(true);
    expect(fewPresent(attendanceSummary(MEMBERS, { 4: 'absent' }))).toBe(false);
    expect(fewPresent(attendanceSummary([], {}))).toBe(false);
  });

  it('keeps the stored attendance of members still listed and drops the others', () => {
    const fresh = [member(2, '李四'), member(3, '王五'), member(5, '孙七')];
    expect(mergeAttendance(fresh, attendanceOf(stored().members))).toEqual({ 2: 'excused', 3: 'absent', 5: 'present' });
    expect(mergeAttendance(MEMBERS, {})).toEqual({ 1: 'present', 2: 'present', 3: 'present', 4: 'present' });
  });

  it('sends the leave reasons of members listed and marked 请假 with one typed, trimmed', () => {
    const reasons = { 1: ' 外出务工 ', 2: '生病', 3: '', 4: '出差', 9: '不在名单' };
    const state = { 1: 'excused', 2: 'present', 3: 'excused', 4: 'excused' } as const;
    expect(leaveReasonList(MEMBERS, state, reasons)).toEqual([
      { deputy_id: 1, reason: '外出务工' }, { deputy_id: 4, reason: '出差' },
    ]);
    expect(leaveReasonList(MEMBERS, state, {})).toEqual([]);
  });

  it('reads back the stored reasons and writes the excused members with theirs', () => {
    const members = [member(1, '张三', 'excused', '外出务工'), member(2, '李四', 'excused'), member(3, '王五', 'absent')];
    expect(leaveReasonsOf(members)).toEqual({ 1: '外出务工' });
    expect(excusedText(members)).toBe('张三（外出务工）、李四');
    expect(excusedText([member(1, '张三')])).toBe('');
  });

  it('colours the tags', () => {
    expect(['present', 'excused', 'absent', 'x'].map(attendanceTag)).toEqual(['success', 'warning', 'danger', 'info']);
  });
});

describe('notice', () => {
  it('counts the days between notice and activity', () => {
    expect(noticeDays('2026-03-20', '2026-03-17')).toBe(3);
    expect(noticeDays('2026-03-01', '2026-02-27')).toBe(2);
    expect(noticeDays('2026-03-20', null)).toBeNull();
    expect(noticeDays(null, '2026-03-17')).toBeNull();
  });

  it('hints when fewer than three days ahead, not otherwise', () => {
    expect(noticeHint('2026-03-20', '2026-03-18')).toBe('通知日期距活动只有 2 天，一般应提前三天通知代表');
    expect(noticeHint('2026-03-20', '2026-03-20')).toContain('一般应提前三天通知代表');
    expect(noticeHint('2026-03-20', '2026-03-17')).toBe('');
    expect(noticeHint('2026-03-20', '2026-03-21')).toBe(''); // after the date: an error, not a hint
    expect(noticeHint('2026-03-20', null)).toBe('');
  });
});

describe('activity form', () => {
  it('round-trips a stored activity, opinions with their ids', () => {
    const m = formFromActivity(stored());
    expect(m.opinions.map((o) => [o.id, o.turned])).toEqual([[31, null], [32, '建议 20-3-B002']]);
    const input = toActivityInput(m, stored().members);
    expect(input).toEqual({
      organiser: 'group', group_id: 2, station_id: null, participants: [],
      kind: 'voter_reception', date: '2026-03-20', place: '青山代表联络站', notice_date: '2026-03-16',
      theme: '接待选民日', excused: [2], absent: [3], leave_reasons: [{ deputy_id: 2, reason: '外出务工' }], higher_deputies: '县人大代表王某', record: '接待选民 12 人次',
      results: '当场答复 3 件', reported_on: '2026-03-25', voters_received: 12,
      opinions: [{ id: 31, source: '青山村村民', content: '村道破损' }, { id: 32, source: '青山村村民', content: '饮水' }],
      notes: '',
    });
    expect(Object.keys(input).sort()).toEqual([...ACTIVITY_FIELDS].sort());
  });

  it('sends a presidium\'s activity with its participants as the expected, and no group even when one was chosen first', () => {
    const m = {
      ...emptyActivityForm('2026-05-10'), organiser: 'presidium' as const, group_id: 2, kind: 'inspection' as const, theme: '视察村道',
      participants: [{ id: 31, name: '县代表甲' }, { id: 12, name: '李四' }, { id: 40, name: '另组丙' }],
      attendance: { 12: 'excused', 40: 'absent' } as const, leave_reasons: { 12: '住院' },
    };
    const members = expectedMembers(m, MEMBERS);
    // exactly the participants, in the order chosen, not the group's members
    expect(members.map((x) => [x.deputy_id, x.name])).toEqual([[31, '县代表甲'], [12, '李四'], [40, '另组丙']]);
    const input = toActivityInput(m, members);
    expect(input).toMatchObject({
      organiser: 'presidium', group_id: null, station_id: null, participants: [31, 12, 40],
      excused: [12], absent: [40], leave_reasons: [{ deputy_id: 12, reason: '住院' }], voters_received: null,
    });
    expect(checkActivityForm(m, '2026-05-10')).toEqual({});
  });

  it('reads a presidium\'s participants back from its members, names and marks kept', () => {
    const a = stored({
      organiser: 'presidium', group_id: null, group_name: '', organiser_name: '镇人大主席团', kind: 'inspection',
      members: [member(31, '县代表甲'), member(12, '李四', 'excused', '住院')], voters_received: null,
    });
    const m = formFromActivity(a);
    expect(m.participants).toEqual([{ id: 31, name: '县代表甲' }, { id: 12, name: '李四' }]);
    expect(m.attendance).toEqual({ 31: 'present', 12: 'excused' });
    expect(toActivityInput(m, expectedMembers(m, [])))
      .toMatchObject({ organiser: 'presidium', group_id: null, participants: [31, 12], excused: [12], voters_received: null });
  });

  it('keeps a station\'s duty as recorded: its station and its rota\'s deputies go back unchanged', () => {
    const a = stored({
      organiser: 'station', group_id: null, group_name: '', station_id: 4, organiser_name: '青山代表联络站', kind: 'station_duty',
      members: [member(11, '张三'), member(14, '赵六', 'absent')], voters_received: 9,
    });
    const m = formFromActivity(a);
    const input = toActivityInput(m, expectedMembers(m, MEMBERS));
    expect(input).toMatchObject({
      organiser: 'station', group_id: null, station_id: 4, participants: [11, 14], kind: 'station_duty', absent: [14], voters_received: 9,
    });
    // a group's entry never sends a station or participants, even if the model held some
    const g = { ...formFromActivity(stored()), station_id: 4, participants: [{ id: 1, name: '张三' }] };
    expect(toActivityInput(g, MEMBERS)).toMatchObject({ organiser: 'group', group_id: 2, station_id: null, participants: [] });
  });

  it('lists the participants as members, all present', () => {
    expect(participantMembers([{ id: 3, name: '王五' }])).toEqual([{ deputy_id: 3, name: '王五', attendance: 'present', reason: '' }]);
    expect(expectedMembers({ organiser: 'group', participants: [{ id: 3, name: '王五' }] }, MEMBERS)).toEqual(MEMBERS);
  });

  it('checks the presidium\'s participants and kind, and the count of voters received', () => {
    const m = { ...emptyActivityForm('2026-05-10'), organiser: 'presidium' as const, kind: 'voter_reception' as const, theme: '接待' };
    expect(checkActivityForm(m, '2026-05-10')).toEqual({
      participants: '请选择参加活动的代表（可选任何小组、任何层级的代表）',
      kind: '主席团组织的活动请从所列类型中选择',
    });
    const g = { ...emptyActivityForm('2026-05-10'), group_id: 1, kind: 'study' as const, theme: '学习', voters_received: -1 };
    expect(checkActivityForm(g, '2026-05-10')).toEqual({ voters_received: '接待群众人次应在 0 到 100000 之间' });
    expect(votersError(null)).toBe('');
    expect(votersError(0)).toBe('');
    expect(votersError(100000)).toBe('');
    expect(votersError(100001)).not.toBe('');
    expect(votersError(2.5)).not.toBe('');
  });

  it('offers the presidium its own kinds, a station only its duty, a group every kind', () => {
    const all = ACTIVITY_FALLBACK_CHOICES.activity_kinds;
    expect(kindChoicesFor('presidium', all).map((c) => c.label))
      .toEqual(['学习培训', '视察', '调研', '执法检查', '述职', '听取专项报告', '专题询问', '其他']);
    expect(kindChoicesFor('presidium', all).map((c) => c.value).sort()).toEqual([...PRESIDIUM_KINDS].sort());
    expect(kindChoicesFor('station', all).map((c) => c.value)).toEqual(['station_duty']);
    expect(kindChoicesFor('group', all)).toEqual(all);
    // the fallback and the closed set know every kind the core has
    expect([...ACTIVITY_KINDS].sort()).toEqual([...ACTIVITY_KIND_CODES].sort());
    expect(all.map((c) => c.value).sort()).toEqual([...ACTIVITY_KIND_CODES].sort());
  });

  it('offers a review opinion after an inspection, a special report, a law enforcement check, a survey, a special inquiry', () => {
    expect(ACTIVITY_KINDS.filter(canRaiseReview)).toEqual(['inspection', 'survey', 'law_enforcement_check', 'special_report', 'special_inquiry']);
    expect(reviewLocation(77)).toEqual({ path: '/rectifications/new', query: { activity: '77' } });
  });

  it('sends new opinions with a null id, text trimmed, empty dates as null', () => {
    const m = { ...emptyActivityForm('2026-03-20'), group_id: 2, kind: 'study' as const, theme: ' 学习 ', notice_date: '' };
    m.opinions = [{ ...emptyOpinionRow(), source: ' 村民 ', content: ' 路灯 ' }];
    const input = toActivityInput(m, MEMBERS);
    expect(input).toMatchObject({ theme: '学习', notice_date: null, reported_on: null, excused: [], absent: [], leave_reasons: [] });
    expect(input.opinions).toEqual([{ id: null, source: '村民', content: '路灯' }]);
  });

  it('checks what the clerk can fix at once', () => {
    const e = checkActivityForm(emptyActivityForm(null), '2026-03-20');
    expect(Object.keys(e).sort()).toEqual(['date', 'group_id', 'kind', 'theme']);
    const m = {
      ...emptyActivityForm('2026-03-21'), group_id: 1, kind: 'study' as const, theme: 'x', notice_date: '2026-03-22',
      reported_on: '2026-03-01', opinions: [{ ...emptyOpinionRow(), content: '有' }, emptyOpinionRow()],
    };
    expect(checkActivityForm(m, '2026-03-20')).toEqual({
      date: '活动日期不能晚于今天（计划中的活动请在开展后登记）',
      notice_date: '通知日期不能晚于活动日期',
      reported_on: '报主席团日期不能早于活动日期',
      opinions: '请填写第2条意见的内容（不需要的空行请删去）',
    });
    expect(checkActivityForm({ ...m, date: '2026-03-20', theme: '字'.repeat(THEME_MAX + 1), notice_date: null, reported_on: null, opinions: [] }, '2026-03-20'))
      .toEqual({ theme: `活动主题不能超过 ${TEXT_LIMITS.theme} 个字` });
  });

  it('lets only new opinion rows be removed, and locks turned ones', () => {
    const [open, turned] = formFromActivity(stored()).opinions;
    expect(canRemoveOpinion(open)).toBe(false);
    expect(canRemoveOpinion(emptyOpinionRow())).toBe(true);
    expect(opinionLocked(open)).toBe(false);
    expect(opinionLocked(turned)).toBe(true);
  });
});

describe('display', () => {
  it('writes the attendance and opinions cells', () => {
    expect(attendanceCell(stored())).toEqual({ ratio: '1/3', excused: '请假 1' });
    expect(attendanceCell(stored({ excused: 0 })).excused).toBe('');
    expect(turnedCount(stored().opinions)).toBe(1);
    expect(opinionsCell(stored().opinions)).toBe('2 条，已转 1');
    expect(opinionsCell([opinion()])).toBe('1 条');
    expect(opinionsCell([])).toBe('—');
  });

  it('names the source of a case', () => {
    expect(opinionSourceText({ activity_number: '活动〔2026〕第5号', theme: '接待选民日', date: '2026-03-20', opinion_seq: 2 }, formatDate))
      .toBe('来源：活动〔2026〕第5号 接待选民日（2026年3月20日）第2条意见');
  });

  it('goes from an opinion to a new case and back', () => {
    expect(opinionCaseLocation('suggestions', 31, 5)).toEqual({ path: '/suggestions/new', query: { opinion: '31', activity: '5' } });
    expect(opinionIdFromQuery({ opinion: '31' })).toBe(31);
    expect(activityIdFromQuery({ opinion: '31', activity: '5' })).toBe(5);
    expect(activityIdFromQuery({ opinion: '31' })).toBeNull();
    expect(opinionIdFromQuery({ opinion: 'x' })).toBeNull();
    expect(opinionIdFromQuery({})).toBeNull();
  });
});

describe('list filters', () => {
  it('reads the URL, dropping what is not valid', () => {
    expect(activityFiltersFromQuery({
      search: ' 村道 ', year: '2026', organiser: 'presidium', group_id: '2', kind: 'survey', include_voided: '1', page: '3',
    })).toEqual({
      search: '村道', year: 2026, organiser: 'presidium', group_id: 2, kind: 'survey', include_voided: true, page: 3, page_size: 20,
    });
    expect(activityFiltersFromQuery({ year: '12', kind: 'party', organiser: 'county', group_id: '-1', page_size: '7' }))
      .toEqual(defaultActivityFilters());
  });

  it('writes only what differs from the defaults and builds the query', () => {
    const f = { ...defaultActivityFilters(), year: 2026, kind: 'study' as const, page_size: 50 };
    expect(activityFiltersToQuery(f)).toEqual({ year: '2026', kind: 'study', page_size: '50' });
    expect(activityFiltersToQuery(defaultActivityFilters())).toEqual({});
    expect(buildActivityQuery({ ...f, search: '  a   b ', group_id: 3, include_voided: true }))
      .toEqual({ page: 1, page_size: 50, search: 'a b', year: 2026, group_id: 3, kind: 'study', include_voided: true });
    const byStation = { ...defaultActivityFilters(), organiser: 'station' as const };
    expect(activityFiltersToQuery(byStation)).toEqual({ organiser: 'station' });
    expect(buildActivityQuery(byStation)).toEqual({ page: 1, page_size: 20, organiser: 'station' });
    expect(buildActivityQuery(defaultActivityFilters())).toEqual({ page: 1, page_size: 20 });
  });
});
