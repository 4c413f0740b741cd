import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import type { MeetingMember, PresidiumMeeting, PresidiumRules } from '../api/types';
import {
  MEETING_FIELDS, agendaTitles, attendanceFromMembers, attendanceSummary, attendanceText, buildMeetingQuery,
  checkMeetingForm, defaultMeetingFilters, emptyAgendaItem, emptyMeetingForm, formFromMeeting, gapsText, hasProblems,
  keepPresider, majorityHint, meetingFiltersFromQuery, meetingFiltersToQuery, postLabel, quorumHint, shareReached,
  toMeetingInput, votesText, type MeetingFormModel,
} from './meetings';

const RULES: PresidiumRules = {
  quorum: 'half', quorum_basis: '须有过半数成员出席', decision: 'half', decision_basis: '以全体成员的过半数通过',
  quarterly: true, quarterly_basis: '每季度至少召开一次',
};
const TWO_THIRDS: PresidiumRules = { ...RULES, quorum: 'two_thirds', decision: 'two_thirds' };

const m = (deputy_id: number, name: string, post: MeetingMember['post'] = 'member', present = true, absence_reason = ''): MeetingMember =>
  ({ deputy_id, name, post, present, absence_reason });

const stored = (over: Partial<PresidiumMeeting> = {}): PresidiumMeeting => ({
  id: 3, number: '第二十届主席团第三次会议', term_id: 1, seq: 3, date: '2026-04-02', start_time: '14:30', place: '会议室',
  presider: { id: 1, name: '张三' }, recorder: '刘秘书', attendees: '镇长',
  members: [m(1, '张三', 'chair'), m(2, '李四', 'vice_chair', false, '生病'), m(3, '王五')],
  expected: 3, present: 2,
  agenda: [
    { seq: 1, title: '议题甲', discussion: '讨论', decision: '通过', votes_for: 2, votes_against: 0, votes_abstain: 0, passed: true },
    { seq: 2, title: '议题乙', discussion: '', decision: '通报', votes_for: null, votes_against: null, votes_abstain: null, passed: null },
  ],
  checks: [], notes: '备注', voided: false, void_reason: null, ...over,
});

const form = (over: Partial<MeetingFormModel> = {}): MeetingFormModel => ({
  ...emptyMeetingForm('2026-04-02'),
  attendance: attendanceFromMembers([m(1, '张三', 'chair'), m(2, '李四', 'vice_chair'), m(3, '王五')]),
  agenda: [{ ...emptyAgendaItem(), title: '议题' }],
  ...over,
});

describe('attendance', () => {
  it('takes everyone as present, and keeps the absences of members still listed', () => {
    const before = attendanceFromMembers([m(1, '张三'), m(2, '李四'), m(3, '王五')]);
    expect(before.every((r) => !r.absent)).toBe(true);
    before[1].absent = true;
    before[1].reason = '出差';
    before[2].absent = true;
    before[2].reason = '生病';
    // a new date: 王五 no longer a member, 赵六 is new
    const after = attendanceFromMembers([m(1, '张三'), m(2, '李四', 'vice_chair'), m(4, '赵六')], before);
    expect(after).toEqual([
      { deputy_id: 1, name: '张三', post: 'member', absent: false, reason: '' },
      { deputy_id: 2, name: '李四', post: 'vice_chair', absent: true, reason: '出差' },
      { deputy_id: 4, name: '赵六', post: 'member', absent: false, reason: '' },
    ]);
  });

  it('counts expected and present', () => {
    const rows = form().attendance;
    rows[0].absent = true;
    const s = attendanceSummary(rows);
    expect(s).toEqual({ expected: 3, present: 2, absent: 1 });
    expect(attendanceText(s)).toBe('应到 3 人，实到 2 人');
    expect(attendanceSummary([])).toEqual({ expected: 0, present: 0, absent: 0 });
  });

  it('keeps a present presider, else the chair if present, else nobody', () => {
    const rows = form().attendance;
    expect(keepPresider(2, rows, 1)).toBe(2);
    expect(keepPresider(null, rows, 1)).toBe(1);
    rows[1].absent = true;
    expect(keepPresider(2, rows, 1)).toBe(1);
    rows[0].absent = true;
    expect(keepPresider(2, rows, 1)).toBeNull();
    expect(keepPresider(9, rows, null)).toBeNull();
  });

  it('names the posts', () => {
    expect(['chair', 'vice_chair', 'member'].map(postLabel)).toEqual(['主席', '副主席', '主席团成员']);
  });
});

describe('rules', () => {
  it('half means more than half, two thirds means two thirds or more', () => {
    expect(shareReached('half', 2, 4)).toBe(false);
    expect(shareReached('half', 3, 4)).toBe(true);
    expect(shareReached('half', 2, 3)).toBe(true);
    expect(shareReached('two_thirds', 5, 9)).toBe(false);
    expect(shareReached('two_thirds', 6, 9)).toBe(true);
    expect(shareReached('two_thirds', 4, 7)).toBe(false);
    expect(shareReached('two_thirds', 5, 7)).toBe(true);
  });

  it('hints a decision short of the majority of ALL members expected, not of those present', () => {
    const voted = (votes_for: number | null) => ({ voted: true, votes_for });
    expect(majorityHint(voted(2), 4, RULES)).toBe('赞成票未过全体成员半数，按规定决定未获通过');
    expect(majorityHint(voted(3), 4, RULES)).toBeNull();
    // 3 of 3 present is unanimous, yet 3 of 7 members is not a majority
    expect(majorityHint(voted(3), 7, RULES)).not.toBeNull();
    expect(majorityHint(voted(4), 7, RULES)).toBeNull();
    expect(majorityHint(voted(5), 9, TWO_THIRDS)).toBe('赞成票未达全体成员三分之二，按规定决定未获通过');
    expect(majorityHint(voted(6), 9, TWO_THIRDS)).toBeNull();
    // no vote, no count yet, no rules: nothing to say
    expect(majorityHint({ voted: false, votes_for: 0 }, 9, RULES)).toBeNull();
    expect(majorityHint(voted(null), 9, RULES)).toBeNull();
    expect(majorityHint(voted(0), 9, null)).toBeNull();
  });

  it('hints a missing quorum', () => {
    expect(quorumHint(2, 4, RULES)).toContain('实到 2 人，未达到全体成员 4 人的过半数');
    expect(quorumHint(2, 4, RULES)).toContain('须有过半数成员出席');
    expect(quorumHint(3, 4, RULES)).toBeNull();
    expect(quorumHint(5, 9, TWO_THIRDS)).toContain('三分之二以上');
    expect(quorumHint(6, 9, TWO_THIRDS)).toBeNull();
    expect(quorumHint(0, 0, RULES)).toBeNull();
    expect(quorumHint(1, 4, null)).toBeNull();
  });
});

describe('meeting form', () => {
  it('round-trips a stored meeting', () => {
    const input = toMeetingInput(formFromMeeting(stored()));
    expect(input).toEqual({
      date: '2026-04-02', start_time: '14:30', place: '会议室', presider_id: 1, recorder: '刘秘书', attendees: '镇长',
      absent: [{ deputy_id: 2, reason: '生病' }],
      agenda: [
        { title: '议题甲', discussion: '讨论', decision: '通过', votes_for: 2, votes_against: 0, votes_abstain: 0 },
        { title: '议题乙', discussion: '', decision: '通报', votes_for: null, votes_against: null, votes_abstain: null },
      ],
      notes: '备注',
    });
    expect(Object.keys(input).sort()).toEqual([...MEETING_FIELDS].sort());
    expect(formFromMeeting(stored()).agenda.map((a) => a.voted)).toEqual([true, false]);
  });

  it('trims text and sends no votes for an item not voted on', () => {
    const f = form({ place: ' 会议室 ', start_time: ' 09:30 ' });
    f.agenda[0] = { ...f.agenda[0], title: ' 议题 ', voted: false, votes_for: 3, votes_against: 0, votes_abstain: 0 };
    f.attendance[2].absent = true;
    f.attendance[2].reason = ' 出差 ';
    const input = toMeetingInput(f);
    expect(input.place).toBe('会议室');
    expect(input.start_time).toBe('09:30');
    expect(input.absent).toEqual([{ deputy_id: 3, reason: '出差' }]);
    expect(input.agenda[0]).toEqual({ title: '议题', discussion: '', decision: '', votes_for: null, votes_against: null, votes_abstain: null });
  });

  it('passes a complete form', () => {
    const p = checkMeetingForm(form());
    expect(hasProblems(p)).toBe(false);
  });

  it('wants a date, a readable time, a reason for each absence and a present presider', () => {
    const f = form({ date: null, start_time: '9点半', presider_id: 2 });
    f.attendance[1].absent = true;
    const p = checkMeetingForm(f);
    expect(p.fields.date).toBe('请选择会议日期');
    expect(p.fields.start_time).toBeTruthy();
    expect(p.absences).toEqual({ 2: '请填写缺席原因' });
    expect(p.fields.absent).toContain('李四');
    expect(p.fields.presider_id).toBe('主持人应为出席会议的主席团成员');
    expect(checkMeetingForm(form({ start_time: '9:05' })).fields.start_time).toBeUndefined();
    expect(checkMeetingForm(form({ start_time: '24:00' })).fields.start_time).toBeTruthy();
  });

  it('wants an agenda item with a title, and all three counts of a vote within those present', () => {
    expect(checkMeetingForm(form({ agenda: [] })).fields.agenda).toBe('请至少登记一项议题');
    const f = form();
    f.agenda = [
      { ...emptyAgendaItem(), title: '  ' },
      { ...emptyAgendaItem(), title: '甲', voted: true, votes_for: 2, votes_against: null, votes_abstain: 0 },
      { ...emptyAgendaItem(), title: '乙', voted: true, votes_for: 2, votes_against: 1, votes_abstain: 0 },
      { ...emptyAgendaItem(), title: '丙', voted: false, votes_for: 9, votes_against: null, votes_abstain: null },
    ];
    f.attendance[0].absent = true;
    f.attendance[0].reason = '出差';
    const p = checkMeetingForm(f);
    expect(p.agenda[0]).toEqual({ title: '请填写议题名称' });
    expect(p.agenda[1].votes).toContain('三项请都填写');
    expect(p.agenda[2].votes).toBe('票数合计 3 票，超过了出席的 2 人');
    expect(p.agenda[3]).toBeUndefined();
    expect(p.fields).toEqual({});
  });
});

describe('display', () => {
  it('writes the votes, the titles and the gaps', () => {
    expect(votesText({ votes_for: 5, votes_against: 1, votes_abstain: 0 })).toBe('赞成 5 票，反对 1 票，弃权 0 票');
    expect(votesText({ votes_for: null, votes_against: null, votes_abstain: null })).toBe('');
    expect(agendaTitles([{ title: '甲' }, { title: '乙' }])).toBe('甲、乙');
    expect(agendaTitles([{ title: '一二三四五' }, { title: '六七八' }], 6)).toBe('一二三四五、…');
    expect(gapsText([])).toBe('');
    expect(gapsText([
      { year: 2026, quarter: 1, label: '2026年第一季度' }, { year: 2026, quarter: 2, label: '2026年第二季度' },
    ])).toBe('以下季度没有召开主席团会议：2026年第一季度、2026年第二季度');
  });
});

describe('list filters', () => {
  it('reads and writes the URL, and builds the query', () => {
    const q: LocationQuery = { search: ' 督办 ', year: '2026', include_voided: '1', page: '2', page_size: '50' };
    const f = meetingFiltersFromQuery(q);
    expect(f).toEqual({ search: '督办', year: 2026, include_voided: true, page: 2, page_size: 50 });
    expect(meetingFiltersToQuery(f)).toEqual({ search: '督办', year: '2026', include_voided: '1', page: '2', page_size: '50' });
    expect(buildMeetingQuery(f)).toEqual({ search: '督办', year: 2026, include_voided: true, page: 2, page_size: 50 });
    expect(meetingFiltersFromQuery({ year: '12', page_size: '7' })).toEqual(defaultMeetingFilters());
    expect(meetingFiltersToQuery(defaultMeetingFilters())).toEqual({});
    expect(buildMeetingQuery(defaultMeetingFilters())).toEqual({ page: 1, page_size: 20 });
  });
});
