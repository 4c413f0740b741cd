import { nextTick } from 'vue';
import {
  createRouter, createWebHashHistory, type RouteLocationNormalized, type RouteRecordRaw, type Router, type RouterScrollBehavior,
} from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '首页', nav: '/' } },
  { path: '/deputies', name: 'roster', component: () => import('./views/RosterView.vue'), meta: { title: '代表花名册', nav: '/deputies' } },
  { path: '/deputies/new', name: 'deputy-new', component: () => import('./views/DeputyFormView.vue'), meta: { title: '新增代表', nav: '/deputies' } },
  { path: '/deputies/import', name: 'roster-import', component: () => import('./views/ImportView.vue'), meta: { title: '导入花名册', nav: '/deputies' } },
  // queryState: the one-time ?event=… (a prefilled 登记变动 from the home page) is dropped from the
  // address once read, and that must not remount the page and close the form it opened.
  { path: '/deputies/:id(\\d+)', name: 'deputy', component: () => import('./views/DeputyView.vue'), meta: { title: '代表信息', nav: '/deputies', queryState: true } },
  { path: '/deputies/:id(\\d+)/edit', name: 'deputy-edit', component: () => import('./views/DeputyFormView.vue'), meta: { title: '修改代表信息', nav: '/deputies' } },
  // Casework. List routes keep their filters in the query (meta.queryState: the view follows
  // query changes itself instead of being re-created, so the search box keeps its focus).
  { path: '/suggestions', name: 'suggestions', component: () => import('./views/SuggestionsView.vue'), meta: { title: '代表建议', nav: '/suggestions', queryState: true } },
  { path: '/suggestions/new', name: 'suggestion-new', component: () => import('./views/SuggestionFormView.vue'), meta: { title: '登记建议', nav: '/suggestions' } },
  { path: '/suggestions/assign', name: 'suggestions-assign', component: () => import('./views/SuggestionAssignView.vue'), meta: { title: '批量交办', nav: '/suggestions' } },
  { path: '/suggestions/:id(\\d+)', name: 'suggestion', component: () => import('./views/SuggestionView.vue'), meta: { title: '建议详情', nav: '/suggestions' } },
  { path: '/suggestions/:id(\\d+)/edit', name: 'suggestion-edit', component: () => import('./views/SuggestionFormView.vue'), meta: { title: '修改建议', nav: '/suggestions' } },
  { path: '/petitions', name: 'petitions', component: () => import('./views/PetitionsView.vue'), meta: { title: '来信来访', nav: '/petitions', queryState: true } },
  { path: '/petitions/new', name: 'petition-new', component: () => import('./views/PetitionFormView.vue'), meta: { title: '登记信访', nav: '/petitions' } },
  { path: '/petitions/:id(\\d+)', name: 'petition', component: () => import('./views/PetitionView.vue'), meta: { title: '信访详情', nav: '/petitions' } },
  { path: '/petitions/:id(\\d+)/edit', name: 'petition-edit', component: () => import('./views/PetitionFormView.vue'), meta: { title: '修改信访登记', nav: '/petitions' } },
  // 各级文件登记簿: received and sent documents, one register each (?direction=sent)
  { path: '/documents', name: 'documents', component: () => import('./views/DocumentsView.vue'), meta: { title: '文件登记', nav: '/documents', queryState: true } },
  { path: '/documents/new', name: 'document-new', component: () => import('./views/DocumentFormView.vue'), meta: { title: '登记文件', nav: '/documents' } },
  { path: '/documents/:id(\\d+)', name: 'document', component: () => import('./views/DocumentView.vue'), meta: { title: '文件详情', nav: '/documents' } },
  { path: '/documents/:id(\\d+)/edit', name: 'document-edit', component: () => import('./views/DocumentFormView.vue'), meta: { title: '修改文件登记', nav: '/documents' } },
  // 代表先进事迹记录簿 (/deeds/new?suggestion=<id> starts from a suggestion's draft)
  { path: '/deeds', name: 'deeds', component: () => import('./views/DeedsView.vue'), meta: { title: '先进事迹', nav: '/deeds', queryState: true } },
  { path: '/deeds/new', name: 'deed-new', component: () => import('./views/DeedFormView.vue'), meta: { title: '登记先进事迹', nav: '/deeds' } },
  { path: '/deeds/:id(\\d+)', name: 'deed', component: () => import('./views/DeedView.vue'), meta: { title: '先进事迹详情', nav: '/deeds' } },
  { path: '/deeds/:id(\\d+)/edit', name: 'deed-edit', component: () => import('./views/DeedFormView.vue'), meta: { title: '修改先进事迹', nav: '/deeds' } },
  // 人民代表大会会议记录簿 (the sessions of the township congress)
  { path: '/sessions', name: 'sessions', component: () => import('./views/SessionsView.vue'), meta: { title: '人代会', nav: '/sessions', queryState: true } },
  { path: '/sessions/new', name: 'session-new', component: () => import('./views/SessionFormView.vue'), meta: { title: '登记人代会', nav: '/sessions' } },
  { path: '/sessions/:id(\\d+)', name: 'session', component: () => import('./views/SessionView.vue'), meta: { title: '人代会详情', nav: '/sessions' } },
  { path: '/sessions/:id(\\d+)/edit', name: 'session-edit', component: () => import('./views/SessionFormView.vue'), meta: { title: '修改人代会记录', nav: '/sessions' } },
  // 民生实事项目: a year's candidates (?year=, default this year), the vote at a session for a year at once
  { path: '/projects', name: 'projects', component: () => import('./views/ProjectsView.vue'), meta: { title: '民生实事', nav: '/projects', queryState: true } },
  { path: '/projects/new', name: 'project-new', component: () => import('./views/ProjectFormView.vue'), meta: { title: '新增候选项目', nav: '/projects' } },
  { path: '/projects/vote', name: 'project-vote', component: () => import('./views/ProjectVoteView.vue'), meta: { title: '录入票决结果', nav: '/projects' } },
  { path: '/projects/:id(\\d+)', name: 'project', component: () => import('./views/ProjectView.vue'), meta: { title: '民生实事项目', nav: '/projects' } },
  { path: '/projects/:id(\\d+)/edit', name: 'project-edit', component: () => import('./views/ProjectFormView.vue'), meta: { title: '修改候选项目', nav: '/projects' } },
  // 主席团会议记录簿
  { path: '/meetings', name: 'meetings', component: () => import('./views/MeetingsView.vue'), meta: { title: '主席团会议', nav: '/meetings', queryState: true } },
  { path: '/meetings/new', name: 'meeting-new', component: () => import('./views/MeetingFormView.vue'), meta: { title: '登记主席团会议', nav: '/meetings' } },
  { path: '/meetings/:id(\\d+)', name: 'meeting', component: () => import('./views/MeetingView.vue'), meta: { title: '会议详情', nav: '/meetings' } },
  { path: '/meetings/:id(\\d+)/edit', name: 'meeting-edit', component: () => import('./views/MeetingFormView.vue'), meta: { title: '修改会议记录', nav: '/meetings' } },
  // 代表小组活动记录簿
  { path: '/activities', name: 'activities', component: () => import('./views/ActivitiesView.vue'), meta: { title: '代表小组活动', nav: '/activities', queryState: true } },
  { path: '/activities/new', name: 'activity-new', component: () => import('./views/ActivityFormView.vue'), meta: { title: '登记小组活动', nav: '/activities' } },
  { path: '/activities/:id(\\d+)', name: 'activity', component: () => import('./views/ActivityView.vue'), meta: { title: '活动详情', nav: '/activities' } },
  { path: '/activities/:id(\\d+)/edit', name: 'activity-edit', component: () => import('./views/ActivityFormView.vue'), meta: { title: '修改活动记录', nav: '/activities' } },
  // 打印台账: the books typeset as PDF (preview, print, save), and the log of printouts
  { path: '/rectifications', name: 'rectifications', component: () => import('./views/RectificationsView.vue'), meta: { title: '审议意见整改', nav: '/rectifications', queryState: true } },
  { path: '/rectifications/new', name: 'rectification-new', component: () => import('./views/RectificationFormView.vue'), meta: { title: '提出审议意见', nav: '/rectifications' } },
  { path: '/rectifications/:id(\\d+)', name: 'rectification', component: () => import('./views/RectificationView.vue'), meta: { title: '审议意见', nav: '/rectifications' } },
  { path: '/evaluations', name: 'evaluations', component: () => import('./views/EvaluationsView.vue'), meta: { title: '评议测评', nav: '/evaluations', queryState: true } },
  { path: '/evaluations/new', name: 'evaluation-new', component: () => import('./views/EvaluationFormView.vue'), meta: { title: '登记评议', nav: '/evaluations' } },
  { path: '/evaluations/:id(\\d+)', name: 'evaluation', component: () => import('./views/EvaluationView.vue'), meta: { title: '评议结果', nav: '/evaluations' } },
  { path: '/duty-reports', name: 'duty-reports', component: () => import('./views/DutyReportsView.vue'), meta: { title: '代表述职', nav: '/duty-reports', queryState: true } },
  { path: '/station-duty', name: 'station-duty', component: () => import('./views/StationDutyView.vue'), meta: { title: '联络站值班', nav: '/station-duty' } },

  { path: '/print', name: 'print', component: () => import('./views/PrintView.vue'), meta: { title: '打印台账', nav: '/print' } },
  // 导出到U盘: a checked package of the books for the county; 县人大汇总: the county's copy imports them
  { path: '/export', name: 'export', component: () => import('./views/ExportView.vue'), meta: { title: '导出到U盘', nav: '/export' } },
  { path: '/county', name: 'county', component: () => import('./views/CountyView.vue'), meta: { title: '县人大汇总', nav: '/county' } },
  { path: '/handling-units', name: 'handling-units', component: () => import('./views/HandlingUnitsView.vue'), meta: { title: '承办单位', nav: '/handling-units' } },
  { path: '/casework-stats', name: 'casework-stats', component: () => import('./views/CaseworkStatsView.vue'), meta: { title: '办理统计', nav: '/casework-stats', queryState: true } },
  { path: '/groups', name: 'groups', component: () => import('./views/GroupsView.vue'), meta: { title: '代表小组与联络站', nav: '/groups' } },
  { path: '/units', name: 'units', component: () => import('./views/UnitsView.vue'), meta: { title: '选区与届次', nav: '/units' } },
  { path: '/stats', name: 'stats', component: () => import('./views/StatsView.vue'), meta: { title: '代表结构统计', nav: '/stats' } },
  { path: '/history', name: 'history', component: () => import('./views/HistoryView.vue'), meta: { title: '操作记录', nav: '/history' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: '设置', nav: '/settings' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

/** router-view key: one screen per address, except list screens whose query is their own state. */
export function viewKey(route: { path: string; fullPath: string; meta: Record<string | number | symbol, unknown> }): string {
  return route.meta.queryState ? route.path : route.fullPath;
}

// ---- every page opens at the top ----------------------------------------------------------------
// The pages scroll inside the layout's main area (App.vue's el-main, `.main`), not the window. The
// router's scrollBehavior moves the window only: a new page at the top, back and forward where it
// was. keepPageScroll does the same for the main area, which the router does not know.

/** The window: the top for a new page, the saved position on back and forward. */
export const scrollBehavior: RouterScrollBehavior = (_to, _from, saved) => saved ?? { top: 0 };

/** how long a back/forward waits for its page's content to be long enough for the saved position */
const RESTORE_TRIES = 20;
const RESTORE_EVERY_MS = 50;

/**
 * Every page opens with the main area at the top; back and forward return it to where that page
 * was left (once its content is long enough, for up to a second). A list screen whose filters
 * change in its address stays the same page (viewKey) and keeps its position. Returns the teardown.
 */
export function keepPageScroll(r: Router, area: () => HTMLElement | null | undefined): () => void {
  const positions = new Map<string, number>();
  let popped = false;
  let seq = 0;
  // the history tells of back and forward (the browser's buttons, router.back(), Alt+←) only
  const stopListening = r.options.history.listen(() => {
    popped = true;
  });
  const stopBefore = r.beforeEach((_to, from) => {
    const el = area();
    if (el && from.matched.length) positions.set(from.fullPath, el.scrollTop);
  });
  const stopAfter = r.afterEach((to: RouteLocationNormalized, from: RouteLocationNormalized, failure) => {
    const back = popped;
    popped = false;
    if (failure || (from.matched.length && viewKey(to) === viewKey(from) && !back)) return;
    const target = back ? positions.get(to.fullPath) ?? 0 : 0;
    const mine = ++seq;
    let tries = 0;
    const place = () => {
      const el = area();
      if (!el || mine !== seq) return;
      el.scrollTop = target;
      if (Math.abs(el.scrollTop - target) > 1 && ++tries < RESTORE_TRIES) setTimeout(place, RESTORE_EVERY_MS);
    };
    void nextTick(place);
  });
  return () => {
    stopListening();
    stopBefore();
    stopAfter();
  };
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior,
});
