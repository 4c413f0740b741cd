import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '首页', nav: '/' } },
  { path: '/deputies', name: 'roster', component: () => import('./views/RosterView.vue'), meta: { title: '代表花名册', nav: '/deputies' } },
  { path: '/deputies/new', name: 'deputy-new', component: () => import('./views/DeputyFormView.vue'), meta: { title: '新增代表', nav: '/deputies' } },
  { path: '/deputies/import', name: 'roster-import', component: () => import('./views/ImportView.vue'), meta: { title: '导入花名册', nav: '/deputies' } },
  { path: '/deputies/:id(\\d+)', name: 'deputy', component: () => import('./views/DeputyView.vue'), meta: { title: '代表信息', nav: '/deputies' } },
  { path: '/deputies/:id(\\d+)/edit', name: 'deputy-edit', component: () => import('./views/DeputyFormView.vue'), meta: { title: '修改代表信息', nav: '/deputies' } },
  { path: '/groups', name: 'groups', component: () => import('./views/GroupsView.vue'), meta: { title: '代表小组与联络站', nav: '/groups' } },
  { path: '/units', name: 'units', component: () => import('./views/UnitsView.vue'), meta: { title: '选区与届次', nav: '/units' } },
  { path: '/stats', name: 'stats', component: () => import('./views/StatsView.vue'), meta: { title: '代表结构统计', nav: '/stats' } },
  { path: '/history', name: 'history', component: () => import('./views/HistoryView.vue'), meta: { title: '操作记录', nav: '/history' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: '设置', nav: '/settings' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});
