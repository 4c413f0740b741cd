// 联络站值班 against a fake core: the first station's rota over this month and the ones either side,
// each day's state (未登记 red, 已登记 with its activity, 计划) and deputies (with attendance once
// recorded), another station or span read again; 排班 for a date that already has a rota shows its
// deputies, and taking one off asks why before station_rota_set; 登记值班情况 sends the rostered
// deputies' 请假 / 缺席, the voters received, the record and the opinions to station_duty, a core
// refusal staying in the dialog; the counts per station and per deputy.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deputy, DutyInput, RotaDay, RotaInput, RotaQuery } from '../api/types';
import { VOCAB, callsOf, fakeCore, formItemOf, mountAt, settle } from '../test/fixtures';
import { todayIso } from '../lib/format';
import { defaultSpan } from '../lib/stationDuty';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import StationDutyView from './StationDutyView.vue';

/** today moved by `n` days, as an ISO date */
function shift(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return todayIso(d);
}

const PAST = shift(-3);
const RECORDED = shift(-10);
const AHEAD = shift(5);

const rd = (deputy_id: number, name: string, attendance: RotaDay['deputies'][number]['attendance'] = null) =>
  ({ rota_id: 100 + deputy_id, deputy_id, name, attendance });

const DAYS: RotaDay[] = [
  {
    station_id: 1, station_name: '青山代表联络站', date: RECORDED, deputies: [rd(11, '张三', 'present'), rd(12, '李四', 'excused')],
    duty: { id: 55, number: '活动〔2026〕第55号' }, voters_received: 17, state: 'recorded',
  },
  { station_id: 1, station_name: '青山代表联络站', date: PAST, deputies: [rd(13, '王五'), rd(14, '赵六')], duty: null, voters_received: null, state: 'unrecorded' },
  { station_id: 1, station_name: '青山代表联络站', date: AHEAD, deputies: [rd(11, '张三')], duty: null, voters_received: null, state: 'planned' },
];

const STATIONS = [
  { id: 1, name: '青山代表联络站', address: '青山村', convener: '', schedule: '每月10日' },
  { id: 2, name: '绿水代表联络站', address: '', convener: '', schedule: '' },
];

const dep = (id: number, name: string, initials: string) =>
  ({ id, name, initials, pinyin: '', group_name: '第一代表小组', voided: false }) as unknown as Deputy;
const DEPUTIES = [dep(15, '孙七', 'sq'), dep(13, '王五', 'ww')];

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    stations_list: () => STATIONS,
    deputies_list: ({ query }) => {
      const items = DEPUTIES.filter((d) => d.initials.startsWith(query.search));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
    station_rota: ({ query }: { query: RotaQuery }) => (query.station_id === 1
      ? DAYS.filter((d) => (!query.from || d.date >= query.from) && (!query.to || d.date <= query.to))
      : []),
    station_rota_set: ({ input }: { input: RotaInput }) => ({ ...DAYS[1], date: input.date, deputies: [] }),
    station_duty: () => ({ id: 56, number: '活动〔2026〕第56号' }),
    station_duty_counts: () => ({
      per_station: [{ id: 1, name: '青山代表联络站', rostered: 5, attended: 1, excused: 1, missed: 0, unrecorded: 2, voters_received: 17 }],
      per_deputy: [
        { id: 11, name: '张三', rostered: 2, attended: 1, excused: 0, missed: 0, unrecorded: 0, voters_received: 0 },
        { id: 13, name: '王五', rostered: 1, attended: 0, excused: 0, missed: 0, unrecorded: 1, voters_received: 0 },
      ],
    }),
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const inRow = (row: HTMLElement, id: string) => [...row.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];

interface Vm {
  stationId: number | null;
  span: { from: string; to: string };
  rotaForm: { date: string | null; deputy_ids: number[]; reason: string };
}

async function mountPage() {
  const { view, router } = await mountAt('/station-duty', '/station-duty', StationDutyView);
  await settle();
  return { vm: view.vm as unknown as Vm, router };
}

function type(id: string, text: string) {
  const h = hook(id)!;
  const el = (h.tagName === 'INPUT' || h.tagName === 'TEXTAREA' ? h : h.querySelector('input')) as HTMLInputElement;
  el.value = text;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new Event('change'));
}

function choose(id: string) {
  hook(id)!.querySelector('input')!.click();
}

const rowOf = (date: string) => hooks('rota-day-row').find((r) => r.querySelector(`[data-date="${date}"]`))!;

describe('StationDutyView', () => {
  it('reads the first station\'s rota over this month and the ones either side, and shows each day\'s state', async () => {
    await mountPage();
    const span = defaultSpan(todayIso());
    expect(callsOf(invoke, 'station_rota')).toEqual([{ query: { station_id: 1, from: span.from, to: span.to } }]);
    expect(callsOf(invoke, 'station_duty_counts')).toEqual([{ from: span.from, to: span.to }]);
    expect(hook('station-duty-station-info')?.textContent).toContain('每月10日');

    // ten days back and five ahead always fall in the span
    expect(hooks('rota-date').map((d) => d.dataset.date)).toEqual([RECORDED, PAST, AHEAD]);

    const recorded = rowOf(RECORDED);
    expect(inRow(recorded, 'rota-state')[0].textContent?.trim()).toBe('已登记');
    expect(inRow(recorded, 'rota-duty-link')[0].getAttribute('href')).toBe('/activities/55');
    expect(inRow(recorded, 'rota-duty-link')[0].textContent).toBe('活动〔2026〕第55号');
    expect(inRow(recorded, 'rota-voters')[0].textContent).toBe('17');
    // attendance on each deputy once recorded
    expect(inRow(recorded, 'rota-deputy').map((t) => [t.textContent?.trim(), t.dataset.value])).toEqual([
      ['张三（出席）', 'present'], ['李四（请假）', 'excused'],
    ]);
    // recorded: changed through its activity, not here
    expect(inRow(recorded, 'rota-record')).toHaveLength(0);
    expect(inRow(recorded, 'rota-change')).toHaveLength(0);

    const unrecorded = rowOf(PAST);
    const state = inRow(unrecorded, 'rota-state')[0];
    expect(state.textContent?.trim()).toBe('未登记');
    expect(state.classList.contains('el-tag--danger')).toBe(true);
    expect(inRow(unrecorded, 'rota-deputy').map((t) => [t.textContent?.trim(), t.dataset.value])).toEqual([['王五', ''], ['赵六', '']]);
    expect(inRow(unrecorded, 'rota-record')).toHaveLength(1);
    expect(inRow(unrecorded, 'rota-change')).toHaveLength(1);

    const ahead = rowOf(AHEAD);
    expect(inRow(ahead, 'rota-state')[0].textContent?.trim()).toBe('计划');
    expect(inRow(ahead, 'rota-record')).toHaveLength(0); // not yet come
    expect(inRow(ahead, 'rota-change')).toHaveLength(1);
  });

  it('reads another station\'s rota, and the rota and counts again for another span', async () => {
    const { vm } = await mountPage();
    vm.stationId = 2;
    await settle();
    expect(callsOf(invoke, 'station_rota').at(-1)).toMatchObject({ query: { station_id: 2 } });
    expect(hook('station-duty-rota')?.textContent).toContain('这段时间没有排班');
    vm.span.from = '2025-01-01';
    vm.span.to = '2025-12-31';
    await settle();
    expect(callsOf(invoke, 'station_rota').at(-1)).toEqual({ query: { station_id: 2, from: '2025-01-01', to: '2025-12-31' } });
    expect(callsOf(invoke, 'station_duty_counts').at(-1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    // a span that ends before it begins is said, and not asked for
    const before = invoke.mock.calls.length;
    vm.span.to = '2024-12-31';
    await settle();
    expect(hook('station-duty-span-error')?.textContent).toBe('结束日期不能早于开始日期');
    expect(invoke.mock.calls.length).toBe(before);
  });

  it('asks why before taking a deputy off a day\'s rota, then sets it', async () => {
    const { vm } = await mountPage();
    inRow(rowOf(PAST), 'rota-change')[0].click();
    await settle();
    expect(hook('rota-field-deputy_ids')?.textContent).toContain('王五');
    expect(hook('rota-field-deputy_ids')?.textContent).toContain('赵六');
    expect(hook('rota-removed')).toBeNull();
    vm.rotaForm.deputy_ids = [13];
    await settle();
    expect(hook('rota-removed')?.textContent).toBe('将从值班表中调出：赵六');
    hook('rota-save')!.click();
    await settle();
    expect(callsOf(invoke, 'station_rota_set')).toHaveLength(0);
    expect(formItemOf('rota-field-reason').textContent).toContain('请填写调整原因');
    type('rota-field-reason', '外出学习');
    await settle();
    hook('rota-save')!.click();
    await settle();
    expect(callsOf(invoke, 'station_rota_set')).toEqual([{ input: { station_id: 1, date: PAST, deputy_ids: [13], reason: '外出学习' } }]);
    // the rota and the counts read again
    expect(callsOf(invoke, 'station_rota')).toHaveLength(2);
    expect(callsOf(invoke, 'station_duty_counts')).toHaveLength(2);
  });

  it('排班 for a date that already has a rota shows its deputies; adding one needs no reason', async () => {
    const { vm } = await mountPage();
    hook('station-duty-rota-add')!.click();
    await settle();
    vm.rotaForm.date = PAST;
    await settle();
    expect(callsOf(invoke, 'station_rota').at(-1)).toEqual({ query: { station_id: 1, from: PAST, to: PAST } });
    expect(vm.rotaForm.deputy_ids).toEqual([13, 14]);
    const input = document.querySelector<HTMLInputElement>('[data-test="rota-field-deputy_ids"] input')!;
    input.focus();
    input.value = 'sq';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    await settle();
    expect(hook('rota-removed')).toBeNull();
    hook('rota-save')!.click();
    await settle();
    expect(callsOf(invoke, 'station_rota_set')).toEqual([{ input: { station_id: 1, date: PAST, deputy_ids: [13, 14, 15], reason: '' } }]);
  });

  it('records a day\'s duty: who came, the voters received, the record and an opinion', async () => {
    await mountPage();
    inRow(rowOf(PAST), 'rota-record')[0].click();
    await settle();
    expect(hooks('duty-attendance-row').map((r) => [r.dataset.id, r.dataset.value])).toEqual([['13', 'present'], ['14', 'present']]);
    choose('duty-attendance-14-excused');
    await settle();
    type('duty-leave-reason-14', '生病');
    type('duty-field-voters_received', '23');
    type('duty-field-record', '接待群众 23 人次');
    hook('duty-opinion-add')!.click();
    await settle();
    type('duty-opinion-source-0', '青山村村民');
    type('duty-opinion-content-0', '村口路灯坏了');
    await settle();
    expect(hook('duty-attendance-summary')?.textContent).toBe('应到 2 人，出席 1 人，请假 1 人，缺席 0 人');
    hook('duty-save')!.click();
    await settle();
    expect((callsOf(invoke, 'station_duty') as { input: DutyInput }[])).toEqual([{
      input: {
        station_id: 1, date: PAST, excused: [14], absent: [], leave_reasons: [{ deputy_id: 14, reason: '生病' }], voters_received: 23,
        record: '接待群众 23 人次', opinions: [{ id: null, source: '青山村村民', content: '村口路灯坏了' }], notes: '',
      },
    }]);
    expect(callsOf(invoke, 'station_rota')).toHaveLength(2);
  });

  it('keeps the dialog open with the core\'s refusal shown under 出席情况', async () => {
    await mountPage();
    inRow(rowOf(PAST), 'rota-record')[0].click();
    await settle();
    invoke.mockImplementationOnce(async (cmd: string) => {
      if (cmd !== 'station_duty') throw new Error(cmd);
      throw { code: 'validation', field: 'participants', message: '参加人员：赵六在当日不是在任代表' };
    });
    hook('duty-save')!.click();
    await settle();
    expect(formItemOf('duty-attendance').querySelector('.el-form-item__error')?.textContent).toContain('赵六在当日不是在任代表');
    expect(hook('duty-save')).not.toBeNull();
    expect(callsOf(invoke, 'station_rota')).toHaveLength(1);
  });

  it('counts the span per station and per deputy', async () => {
    await mountPage();
    const stations = hook('station-duty-counts-stations')!;
    const cells = [...stations.querySelectorAll('tbody tr td')].map((c) => c.textContent?.trim());
    expect(cells).toEqual(['青山代表联络站', '5', '1', '1', '0', '2', '17']);
    const deputies = [...hook('station-duty-counts-deputies')!.querySelectorAll('tbody tr')]
      .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent?.trim()));
    expect(deputies).toEqual([['张三', '2', '1', '0', '0', '0'], ['王五', '1', '0', '0', '0', '1']]);
  });

  it('says when there is no station yet', async () => {
    invoke.mockImplementation(fakeCore({ vocabulary: () => VOCAB, stations_list: () => [], station_duty_counts: () => ({ per_station: [], per_deputy: [] }) }));
    await mountPage();
    expect(hook('station-duty-no-stations')?.textContent).toContain('还没有代表联络站');
    expect(callsOf(invoke, 'station_rota')).toHaveLength(0);
  });
});
