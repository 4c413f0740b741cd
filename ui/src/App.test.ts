// The menu against a fake core: 导出到U盘 always, 县人大汇总 only in county mode, and the 设置 switch
// that turns county mode on (saved with the other settings, shown in the menu at once).
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Settings } from './api/types';
import { VOCAB, callsOf, fakeCore, settle } from './test/fixtures';

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
