// Test helpers: a fake core behind the mocked `invoke`, the vocabulary the core sends, and mounting
// a view inside a real (memory) router. Used by the component tests only.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { defineComponent, h, type Component } from 'vue';
import { RouterView, createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import type { Vocabulary } from '../api/types';

const c = (value: string, label: string, initials = '') => ({ value, label, initials });

export const VOCAB: Vocabulary = {
  sexes: [c('male', '男'), c('female', '女')],
  ethnicities: [c('01', '汉族')],
  political_statuses: [c('masses', '群众')],
  educations: [], occupations: [], levels: [], elected_hows: [], presidium_posts: [], statuses: [], event_kinds: [],
  termination_grounds: [], orders: [],
  suggestion_kinds: [c('motion', '议案'), c('suggestion', '建议'), c('criticism', '批评'), c('opinion', '意见')],
  suggestion_categories: [c('transport', '交通', 'jt'), c('agriculture', '农业农村', 'nync'), c('education', '教育', 'jy')],
  suggestion_states: [c('registered', '已登记'), c('assigned', '已交办'), c('closed', '已办结')],
  satisfactions: [c('satisfied', '满意'), c('basically_satisfied', '基本满意'), c('dissatisfied', '不满意')],
  meeting_stages: [c('before', '办理前'), c('during', '办理中'), c('after', '办理后')],
  petition_channels: [c('letter', '来信'), c('visit', '来访'), c('phone', '电话'), c('online', '网上'),
    c('county_referral', '县里转办'), c('deputy_referral', '代表转交')],
  petition_categories: [c('land', '土地', 'td'), c('rural_affairs', '农村事务', 'ncsw')],
  petition_states: [c('registered', '已登记'), c('accepted', '已受理')],
  reply_manners: [c('written', '书面'), c('oral', '口头'), c('phone', '电话'), c('online', '网上')],
  reply_categories: [c('A', '已解决或采纳'), c('B', '列入年度计划'), c('C', '列入规划逐步解决'), c('D', '留作参考')],
  document_directions: [c('received', '收文'), c('sent', '发文')],
  issuer_levels: [c('central', '中央'), c('provincial', '省级'), c('city', '市级'), c('county', '县级'), c('township', '乡镇')],
  classifications: [c('public', '公开'), c('internal', '内部'), c('secret', '秘密')],
  urgencies: [c('normal', '平件'), c('urgent', '急件'), c('very_urgent', '特急')],
  deed_categories: [c('duty_performance', '依法履职'), c('serving_voters', '联系服务群众'), c('economic_development', '带头发展经济'),
    c('public_welfare', '公益慈善'), c('emergency', '急难险重'), c('social_governance', '基层治理'), c('other', '其他')],
  activity_kinds: [c('study', '学习培训'), c('inspection', '视察'), c('survey', '调研'), c('law_enforcement_check', '执法检查'),
    c('voter_reception', '接待选民'), c('duty_report', '述职'), c('special_report', '听取专项报告'),
    c('special_inquiry', '专题询问'), c('station_duty', '联络站值班'), c('other', '其他')],
  attendances: [c('present', '出席'), c('excused', '请假'), c('absent', '缺席')],
  session_kinds: [c('regular', '例会'), c('extraordinary', '临时会议')],
  session_item_kinds: [c('work_report', '政府工作报告'), c('presidium_report', '主席团工作报告'), c('budget', '财政预算及执行情况'),
    c('plan', '国民经济和社会发展计划'), c('suggestion_report', '代表建议办理情况报告'), c('livelihood', '民生实事项目'),
    c('election', '选举'), c('other', '其他')],
  outcome_kinds: [c('resolution', '决议'), c('decision', '决定')],
  elected_posts: [c('chair', '人民代表大会主席'), c('vice_chair', '人民代表大会副主席'), c('head', '乡镇长'), c('deputy_head', '副乡镇长')],
  project_sources: [c('voters', '群众意见'), c('suggestion', '代表建议'), c('government', '政府提出'), c('other', '其他')],
  milestone_kinds: [c('approval', '立项'), c('tender', '招投标'), c('start', '开工'), c('completion', '完工'), c('acceptance', '验收')],
  report_kinds: [c('progress', '进度报告'), c('inspection', '代表视察')],
  organisers: [c('group', '代表小组', 'dbxz'), c('presidium', '主席团', 'zxt'), c('station', '代表联络站', 'dblxz')],
  evaluation_kinds: [c('work', '工作评议', 'gzpy'), c('station', '站所评议', 'zspy'), c('duty', '述职评议', 'szpy'),
    c('livelihood', '民生实事满意度测评', 'msssmydcp')],
  history_actions: [],
  entities: [],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (args: any) => unknown;

/** A fake core: command name -> handler. An unexpected command fails the test loudly. */
export function fakeCore(handlers: Record<string, Handler>) {
  return async (cmd: string, args?: unknown) => {
    const h = handlers[cmd];
    if (!h) throw new Error(`unexpected command ${cmd}`);
    return h(args);
  };
}

/** Element Plus shows a form item's message shortly after its state changes; debounces wait too. */
export async function settle(ms = 150) {
  await flushPromises();
  await new Promise((r) => setTimeout(r, ms));
  await flushPromises();
}

/** The calls of one command on a vi.fn invoke mock. */
export function callsOf(invoke: { mock: { calls: unknown[][] } }, cmd: string): unknown[] {
  return invoke.mock.calls.filter((call) => call[0] === cmd).map((call) => call[1]);
}

/** Mount `component` at `path` inside a memory router (so useRoute/onBeforeRouteLeave work). */
export async function mountAt(path: string, pattern: string, component: Component, extra: RouteRecordRaw[] = []) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: pattern, component },
      ...extra,
      { path: '/:rest(.*)*', component: defineComponent({ render: () => h('div', { id: 'elsewhere' }) }) },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), {
    global: { plugins: [ElementPlus, router] },
    attachTo: document.body,
  });
  await flushPromises();
  const view = wrapper.findComponent(component);
  return { wrapper, router, view };
}

/** The form item around a hooked control, for inline error checks. */
export function formItemOf(testId: string): HTMLElement {
  const el = document.querySelector(`[data-test="${testId}"]`);
  if (!el) throw new Error(`no [data-test="${testId}"]`);
  const item = el.closest('.el-form-item');
  if (!item) throw new Error(`[data-test="${testId}"] is not in a form item`);
  return item as HTMLElement;
}
