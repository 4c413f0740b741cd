// The menu against a fake core: 导出到U盘 always, 县人大汇总 only in county mode, and the 设置 switch
// that turns county mode on (saved with the other settings, shown in the menu at once). And every page
// opens at the top of the main area (where the pages scroll), back and forward where it was left.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Settings } from './api/types';
import { VOCAB, callsOf, fakeCore, settle } from './test/fixtures';
import { scrollBehavior } from './router';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import App from './App.vue';
import SettingsView from './views/SettingsView.vue';
import { settings } from './state/app';

let stored: Partial<Settings>;

beforeEach(() => {
  document.body.innerHTML = '';
  settings.value = null;
  stored = { township: '城关镇', operator: '刘秘书', county_mode: false };
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    app_info: () => ({ app_version: '0.1.0', db_path: 'x.db', backup_dir: 'b', schema_version: 12, township: '城关镇', operator: '刘秘书' }),
    vocabulary: () => VOCAB,
    settings_get: () => stored,
    settings_save: ({ settings: s }: { settings: Settings }) => {
      stored = s;
      return s;
    },
    backups_list: () => [],
    backup_copy_status: () => ({ dir: '', last_copy: null, last_error: null, overdue: false }),
    rule_profiles: () => [],
    rule_profile_get: () => { throw { code: 'not_found', field: null, message: '没有办理规则' }; },
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function mountApp(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/settings', component: SettingsView, meta: { nav: '/settings' } },
      { path: '/:rest(.*)*', component: defineComponent({ render: () => h('div', { id: 'elsewhere' }) }) },
    ],
  });
  await router.push(path);
  await router.isReady();
  mount(App, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
  await flushPromises();
  await settle();
  return router;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const navTests = () => [...document.querySelectorAll<HTMLElement>('.menu [data-test^="nav-"]')].map((n) => n.dataset.test);

describe('App menu', () => {
  it('shows 导出到U盘 after 打印台账, and no 县人大汇总 outside county mode', async () => {
    await mountApp('/');
    const navs = navTests();
    expect(navs.indexOf('nav-export')).toBe(navs.indexOf('nav-print') + 1);
    expect(hook('nav-export')?.textContent).toContain('导出到U盘');
    expect(hook('nav-county')).toBeNull();
  });

  it('shows 人代会, then 民生实事, just before 主席团会议', async () => {
    await mountApp('/');
    const navs = navTests();
    expect(navs.indexOf('nav-projects')).toBe(navs.indexOf('nav-sessions') + 1);
    expect(navs.indexOf('nav-meetings')).toBe(navs.indexOf('nav-projects') + 1);
    expect(hook('nav-sessions')?.textContent).toContain('人代会');
    expect(hook('nav-projects')?.textContent).toContain('民生实事');
  });

  it('shows 县人大汇总 in county mode', async () => {
    stored = { ...stored, county_mode: true };
    await mountApp('/');
    expect(hook('nav-county')?.textContent).toContain('县人大汇总');
    expect(hook('nav-export')).not.toBeNull();
  });

  it('turns county mode on from 设置, saved with the other settings', async () => {
    delete stored.county_mode; // an older core: off
    await mountApp('/settings');
    expect(hook('settings-county-mode')?.classList.contains('is-checked')).toBe(false);
    hook('settings-county-mode')!.click();
    await settle();
    expect(hook('settings-county-mode')?.classList.contains('is-checked')).toBe(true);
    expect(hook('nav-county')).toBeNull(); // not before saving
    hook('settings-save')!.click();
    await settle();
    expect(callsOf(invoke, 'settings_save')).toEqual([{ settings: { township: '城关镇', operator: '刘秘书', county_mode: true } }]);
    expect(hook('nav-county')?.textContent).toContain('县人大汇总');

    hook('settings-county-mode')!.click();
    await settle();
    hook('settings-save')!.click();
    await settle();
    expect(callsOf(invoke, 'settings_save').at(-1)).toEqual({ settings: { township: '城关镇', operator: '刘秘书', county_mode: false } });
    expect(hook('nav-county')).toBeNull();
  });
});

describe('every page opens at the top', () => {
  const page = (id: string) => defineComponent({ render: () => h('div', { id }, id) });

  async function mountPages() {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/a', component: page('a') },
        { path: '/b', component: page('b') },
        // a list whose filters live in its address: the same screen while they change
        { path: '/list', component: page('list'), meta: { queryState: true } },
      ],
    });
    await router.push('/a');
    await router.isReady();
    mount(App, { global: { plugins: [ElementPlus, router] }, attachTo: document.body });
    await settle();
    // the pages scroll in the layout's main area, not in the window
    const main = hook('main-area')!;
    expect(main.tagName).toBe('MAIN');
    expect(main.contains(document.getElementById('a'))).toBe(true);
    return { router, main };
  }

  it('puts the next page at the top, though the last one was scrolled down', async () => {
    const { router, main } = await mountPages();
    main.scrollTop = 600;
    await router.push('/b');
    await settle();
    expect(document.getElementById('b')).not.toBeNull();
    expect(main.scrollTop).toBe(0);
  });

  it('returns to where a page was left on back and forward', async () => {
    const { router, main } = await mountPages();
    main.scrollTop = 600;
    await router.push('/b');
    await settle();
    main.scrollTop = 250;
    router.back();
    await settle();
    expect(document.getElementById('a')).not.toBeNull();
    expect(main.scrollTop).toBe(600);
    router.forward();
    await settle();
    expect(document.getElementById('b')).not.toBeNull();
    expect(main.scrollTop).toBe(250);
    // a page opened anew (not by back) is at the top again, wherever it was left
    await router.push('/a');
    await settle();
    expect(main.scrollTop).toBe(0);
  });

  it('keeps a list where it is while its filters change in the address, and opens it at the top from elsewhere', async () => {
    const { router, main } = await mountPages();
    await router.push('/list');
    await settle();
    main.scrollTop = 300;
    await router.replace('/list?category=transport');
    await settle();
    expect(main.scrollTop).toBe(300);
    await router.push('/b');
    await settle();
    main.scrollTop = 100;
    await router.push('/list?category=land');
    await settle();
    expect(main.scrollTop).toBe(0);
  });

  it('asks the same of the window: the top for a new page, the saved place on back and forward', () => {
    const to = {} as never;
    expect(scrollBehavior(to, to, null)).toEqual({ top: 0 });
    expect(scrollBehavior(to, to, { left: 0, top: 420 })).toEqual({ left: 0, top: 420 });
  });
});
