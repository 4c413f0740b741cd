// 县人大汇总 against a fake core: importing several package folders one after another (a refused one
// shown with the core's message, the others still imported), the figures per township with 合计
// refreshed afterwards, the petitions by category, and checking a package without importing it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountyFigures, CountyImported, CountyStats, PackageManifest } from '../api/types';
import { VOCAB, callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: (options: unknown) => invoke('plugin:dialog|open', { options }) }));

import CountyView from './CountyView.vue';

const figures = (township: string, over: Partial<CountyFigures> = {}): CountyFigures => ({
  township, township_id: `id-${township}`, period: '2026-01-01 至 2026-06-30',
  deputies_in_office: 0, suggestions_received: 0, suggestions_replied: 0, suggestions_closed: 0, suggestions_evaluated: 0, suggestions_satisfied: 0,
  petitions_received: 0, petitions_group_visits: 0, petitions_by_category: {}, activities: 0, voter_receptions: 0, meetings: 0,
  sessions: 0, session_expected: 0, session_present: 0,
  projects_voted: 0, projects_adopted: 0, projects_completed: 0, project_ratings: 0, project_ratings_satisfied: 0,
  inspections: 0, rectifications_sent: 0, rectifications_rectified: 0, rectifications_on_time: 0,
  evaluations: 0, evaluation_objects: 0, evaluation_below_threshold: 0, evaluation_ballots: 0, evaluation_ballots_satisfied: 0,
  duty_reports: 0, station_duty_rostered: 0, station_duty_attended: 0,
  ...over,
});
const CHENGGUAN = figures('城关镇', {
  deputies_in_office: 45, suggestions_received: 12, suggestions_replied: 10, suggestions_closed: 8, suggestions_evaluated: 8, suggestions_satisfied: 7,
  petitions_received: 5, petitions_group_visits: 1, petitions_by_category: { land: 3, rural_affairs: 2 },
  activities: 6, voter_receptions: 2, meetings: 4, sessions: 2, session_expected: 120, session_present: 114,
  projects_voted: 12, projects_adopted: 10, projects_completed: 4, project_ratings: 20, project_ratings_satisfied: 18,
  inspections: 3, rectifications_sent: 9, rectifications_rectified: 5, rectifications_on_time: 7,
  evaluations: 2, evaluation_objects: 11, evaluation_below_threshold: 1, evaluation_ballots: 50, evaluation_ballots_satisfied: 44,
  duty_reports: 13, station_duty_rostered: 24, station_duty_attended: 21,
});
const HEKOU = figures('河口乡', {
  deputies_in_office: 30, suggestions_received: 4, suggestions_replied: 1, suggestions_closed: 0, suggestions_evaluated: 0, suggestions_satisfied: 0,
  petitions_received: 1, petitions_by_category: { land: 1 }, activities: 2, voter_receptions: 1, meetings: 2,
  inspections: 1, rectifications_sent: 4, rectifications_rectified: 1, rectifications_on_time: 3,
  evaluations: 1, evaluation_objects: 4, evaluation_below_threshold: 2, evaluation_ballots: 30, evaluation_ballots_satisfied: 20,
  duty_reports: 8, station_duty_rostered: 10, station_duty_attended: 6,
});
const TOTAL = figures('合计', {
  township_id: '', period: '', deputies_in_office: 75, suggestions_received: 16, suggestions_replied: 11, suggestions_closed: 8, suggestions_evaluated: 8,
  suggestions_satisfied: 7, petitions_received: 6, petitions_group_visits: 1, petitions_by_category: { land: 4, rural_affairs: 2 },
  activities: 8, voter_receptions: 3, meetings: 6, sessions: 2, session_expected: 120, session_present: 114,
  projects_voted: 12, projects_adopted: 10, projects_completed: 4, project_ratings: 20, project_ratings_satisfied: 18,
  inspections: 4, rectifications_sent: 13, rectifications_rectified: 6, rectifications_on_time: 10,
  evaluations: 3, evaluation_objects: 15, evaluation_below_threshold: 3, evaluation_ballots: 80, evaluation_ballots_satisfied: 64,
  duty_reports: 21, station_duty_rostered: 34, station_duty_attended: 27,
});
const manifest = (township: string): PackageManifest => ({
  format: 'taizhang-package', schema_version: 12, app_version: '0.1.0', township, township_id: `id-${township}`,
  exported_at: '2026-06-30 17:05:00', exported_by: '刘秘书', period_from: '2026-01-01', period_to: '2026-06-30',
  pseudonymised: true, included: [], excluded: [], scope: 'full', since: null,
  files: [{ path: 'suggestions.csv', sha256: '00', bytes: 10, records: 12 }, { path: 'petitions.csv', sha256: '01', bytes: 10, records: 5 }],
});
const REMOVAL = {
  code: 'conflict', field: 'allow_removal',
  message: '城关镇的这个导出包比县里已有的少 12 条记录（共有 293 条，包中 281 条），导入会删除它们。请先向乡镇核实；确认无误后，勾选“允许删除记录”再导入',
};
const TAMPERED = { code: 'import', field: null, message: '导出包已被改动：petitions.csv 的校验值不符，未导入' };

let imported: CountyFigures[];
let picked: string | string[] | null;

beforeEach(() => {
  document.body.innerHTML = '';
  imported = [];
  picked = ['E:\\城关镇人大台账-2026-06-30', 'E:\\河口乡-坏包', 'F:\\河口乡人大台账-2026-06-30'];
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    vocabulary: () => VOCAB,
    'plugin:dialog|open': () => picked,
    county_stats: (): CountyStats => (imported.length === 2
      ? { townships: imported, total: TOTAL }
      : { townships: imported, total: { ...figures('合计'), ...imported[0] } }),
    county_import: ({ path, allowRemoval }: { path: string; allowRemoval: boolean }): CountyImported => {
      if (path.includes('坏包')) throw TAMPERED;
      if (path.includes('少了') && !allowRemoval) throw REMOVAL;
      const f = path.includes('城关镇') ? CHENGGUAN : HEKOU;
      imported = [...imported, f];
      return { township: f.township, township_id: f.township_id, outcome: f === HEKOU ? 'updated' : 'imported', records: 40 };
    },
    package_verify: ({ path }: { path: string }) => {
      if (path.includes('坏包')) throw TAMPERED;
      // a package of the roster and the suggestions only (the manifest names its books)
      if (path.includes('部分')) return { ...manifest('河口乡'), books: ['suggestions', 'deputies'] };
      return manifest('城关镇');
    },
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function mountView() {
  const res = await mountAt('/county', '/county', CountyView);
  await settle();
  return res;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const hooks = (id: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${id}"]`)];
const cells = (tr: HTMLElement) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim());
const bodyRows = (id: string) => [...hook(id)!.querySelectorAll<HTMLElement>('tr.el-table__row')];

describe('CountyView', () => {
  it('says when nothing has been imported yet', async () => {
    await mountView();
    expect(callsOf(invoke, 'county_stats')).toHaveLength(1);
    expect(hook('county-stats')).toBeNull();
    expect(hook('county-stats-empty')?.textContent).toContain('还没有导入任何乡镇的导出包');
    expect(hook('county-results')).toBeNull();
  });

  it('imports every chosen folder, shows a refused one with its reason, then the figures with 合计', async () => {
    await mountView();
    hook('county-import')!.click();
    await settle();

    expect(callsOf(invoke, 'plugin:dialog|open')).toEqual([{ options: { directory: true, multiple: true, title: '选择乡镇导出包（文件夹）' } }]);
    // one after another, in the order chosen; the refused one does not stop the third
    // removals are not allowed unless the clerk says so (none of these asks)
    expect(callsOf(invoke, 'county_import')).toEqual([
      { path: 'E:\\城关镇人大台账-2026-06-30', allowRemoval: false }, { path: 'E:\\河口乡-坏包', allowRemoval: false },
      { path: 'F:\\河口乡人大台账-2026-06-30', allowRemoval: false },
    ]);
    expect(document.querySelector('.el-message-box')).toBeNull();

    const rows = hooks('county-result-row');
    expect(rows).toHaveLength(3);
    expect(cells(rows[0])).toEqual(['E:\\城关镇人大台账-2026-06-30', '城关镇', '已导入', '40']);
    expect(cells(rows[1])).toEqual(['E:\\河口乡-坏包', '—', TAMPERED.message, '']);
    expect(rows[1].querySelector('[data-test="county-result"]')?.classList.contains('failed')).toBe(true);
    expect(rows[0].querySelector('[data-test="county-result"]')?.classList.contains('failed')).toBe(false);
    expect(cells(rows[2])).toEqual(['F:\\河口乡人大台账-2026-06-30', '河口乡', '已更新', '40']);
    expect(hook('county-results-summary')?.textContent).toContain('共 3 个导出包：成功 2 个，未导入 1 个');
    expect(document.querySelector('.el-message--error')).toBeNull(); // no toast per package

    // the figures, refreshed after the imports
    expect(callsOf(invoke, 'county_stats')).toHaveLength(2);
    expect(hook('county-stats-empty')).toBeNull();
    const stats = bodyRows('county-stats');
    expect(stats.map((r) => cells(r)[0])).toEqual(['城关镇', '河口乡', '合计']);
    // … then 监督: 视察/执法检查; 审议意见 提出, 已整改, 按期报送率; 评议 次数, 对象, 低于规定, 测评满意率; 代表述职;
    // 联络站值班 出席, 排班
    expect(cells(stats[0])).toEqual(['城关镇', '2026-01-01 至 2026-06-30', '45', '12', '10', '8', '8', '7', '87.5%', '5', '1', '6', '2', '4',
      '2', '95.0%（114/120）', '12', '10', '4', '90.0%（18/20）',
      '3', '9', '5', '77.8%（7/9）', '2', '11', '1', '88.0%（44/50）', '13', '21', '24']);
    expect(cells(stats[1])).toEqual(['河口乡', '2026-01-01 至 2026-06-30', '30', '4', '1', '0', '0', '0', '—', '1', '0', '2', '1', '2', '0', '—', '0', '0', '0', '—',
      '1', '4', '1', '75.0%（3/4）', '1', '4', '2', '66.7%（20/30）', '8', '6', '10']);
    expect(cells(stats[2])).toEqual(['合计', '', '75', '16', '11', '8', '8', '7', '87.5%', '6', '1', '8', '3', '6',
      '2', '95.0%（114/120）', '12', '10', '4', '90.0%（18/20）',
      '4', '13', '6', '76.9%（10/13）', '3', '15', '3', '80.0%（64/80）', '21', '27', '34']);
    // the two supervision rates: reported on time of those sent, satisfied ballots of the valid ones
    expect(hooks('county-rectification-on-time').map((e) => e.textContent)).toEqual(['77.8%（7/9）', '75.0%（3/4）', '76.9%（10/13）']);
    expect(hooks('county-evaluation-rating').map((e) => e.textContent)).toEqual(['88.0%（44/50）', '66.7%（20/30）', '80.0%（64/80）']);
    // 人代会, 民生实事 and 监督 under their group headers (a header row per level)
    const headRows = [...hook('county-stats')!.querySelectorAll('thead tr')]
      .map((tr) => [...tr.querySelectorAll('th')].map((th) => th.textContent?.trim()));
    expect(headRows[0].slice(-3)).toEqual(['人代会', '民生实事', '监督']);
    expect(headRows[1]).toEqual(['召开', '出席率', '票决', '入选', '完工', '测评满意率', '视察/执法检查', '审议意见', '评议', '代表述职', '联络站值班']);
    expect(headRows[2]).toEqual(['提出', '已整改', '按期报送率', '次数', '对象', '低于规定', '测评满意率', '出席', '排班']);
    expect(stats[2].classList.contains('total-row')).toBe(true);
    expect(stats[0].classList.contains('total-row')).toBe(false);

    // 信访分类: categories as rows, townships as columns
    const heads = [...hook('county-categories')!.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(heads).toEqual(['类别', '城关镇', '河口乡', '合计']);
    expect(bodyRows('county-categories').map(cells)).toEqual([['土地', '3', '1', '4'], ['农村事务', '2', '0', '2']]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    picked = null;
    await mountView();
    hook('county-import')!.click();
    await settle();
    expect(callsOf(invoke, 'county_import')).toEqual([]);
    expect(callsOf(invoke, 'county_stats')).toHaveLength(1);
    expect(hook('county-results')).toBeNull();
  });

  it('checks a package without importing it', async () => {
    picked = 'E:\\城关镇人大台账-2026-06-30';
    await mountView();
    hook('county-verify')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|open') as { options: { directory: boolean; multiple: boolean } }[];
    expect(dialog.options).toMatchObject({ directory: true, multiple: false });
    expect(callsOf(invoke, 'package_verify')).toEqual([{ path: 'E:\\城关镇人大台账-2026-06-30' }]);
    expect(callsOf(invoke, 'county_import')).toEqual([]);
    const box = hook('county-verify-result')!;
    expect(box.textContent).toContain('校验通过');
    expect(box.textContent).toContain('城关镇');
    expect(box.textContent).toContain('2026年6月30日 17:05');
    expect(box.textContent).toContain('2026年1月1日 至 2026年6月30日');
    expect(box.textContent).toContain('12'); // schema version
    expect(box.textContent).toContain('已以化名代替个人信息');
    // written before the books could be chosen: every one
    expect(hook('county-verify-books')?.textContent).toBe('全部台账及统计表');
    expect(hook('county-verify-error')).toBeNull();

    picked = 'E:\\河口乡-部分台账';
    hook('county-verify')!.click();
    await settle();
    expect(hook('county-verify-books')?.textContent).toBe('代表花名册、代表建议');

    picked = 'E:\\河口乡-坏包';
    hook('county-verify')!.click();
    await settle();
    expect(hook('county-verify-error')?.textContent).toContain(TAMPERED.message);
    expect(hook('county-verify-result')?.textContent).not.toContain('校验通过');
  });

  describe('a full package that would remove records the county holds', () => {
    const box = () => document.querySelector<HTMLElement>('.el-message-box');
    const boxButtons = () => [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')];
    afterEach(() => document.querySelectorAll<HTMLButtonElement>('.el-message-box__headerbtn').forEach((b) => b.click()));

    it('asks first, with the count from the core, and imports with removals allowed only after 允许删除记录并导入', async () => {
      picked = ['E:\\城关镇-少了'];
      await mountView();
      hook('county-import')!.click();
      await settle();

      // refused once, nothing imported yet; the clerk is shown how many records would go
      expect(callsOf(invoke, 'county_import')).toEqual([{ path: 'E:\\城关镇-少了', allowRemoval: false }]);
      expect(box()?.textContent).toContain('少 12 条记录（共有 293 条，包中 281 条），导入会删除它们');
      expect(box()?.textContent).toContain('E:\\城关镇-少了');
      // the window has no 勾选 box: the core's command-line advice is not shown
      expect(box()?.textContent).not.toContain('勾选');
      expect(boxButtons().map((b) => b.textContent?.trim())).toEqual(['不导入', '允许删除记录并导入']);

      boxButtons()[1].click();
      await settle();
      expect(callsOf(invoke, 'county_import')).toEqual([
        { path: 'E:\\城关镇-少了', allowRemoval: false }, { path: 'E:\\城关镇-少了', allowRemoval: true },
      ]);
      const [row] = hooks('county-result-row');
      expect(cells(row)).toEqual(['E:\\城关镇-少了', '城关镇', '已导入', '40']);
      expect(hook('county-results-summary')?.textContent).toContain('共 1 个导出包：成功 1 个');
    });

    it('imports nothing when the clerk says 不导入, says so in the row, and goes on with the next folder', async () => {
      picked = ['E:\\城关镇-少了', 'F:\\河口乡人大台账-2026-06-30'];
      await mountView();
      hook('county-import')!.click();
      await settle();
      boxButtons()[0].click();
      await settle();

      // never called with allowRemoval: true; the next folder is still imported
      expect(callsOf(invoke, 'county_import')).toEqual([
        { path: 'E:\\城关镇-少了', allowRemoval: false }, { path: 'F:\\河口乡人大台账-2026-06-30', allowRemoval: false },
      ]);
      const rows = hooks('county-result-row');
      expect(rows).toHaveLength(2);
      const result = rows[0].querySelector('[data-test="county-result"]')!;
      expect(result.textContent).toContain('少 12 条记录');
      expect(result.textContent).toContain('未导入');
      expect(result.classList.contains('failed')).toBe(true);
      expect(cells(rows[1])[2]).toBe('已更新');
      expect(hook('county-results-summary')?.textContent).toContain('成功 1 个，未导入 1 个');
    });
  });
});
