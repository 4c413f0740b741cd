// The frame of every entry's page and its shared pieces: back to the book, 重试 after a failed
// read, the title line's 修改/作废 (off once voided) and the voided banner with the reason.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DetailPage from './DetailPage.vue';
import EntryActions from './EntryActions.vue';
import VoidedAlert from './VoidedAlert.vue';
import { useDetail, type Detail } from '../state/detail';

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
});

describe('DetailPage', () => {
  it('goes back to the book, and offers 重试 only when reading failed', async () => {
    const failed = ref(true);
    const onRetry = vi.fn();
    const Host = defineComponent({
      setup: () => () => h(DetailPage, {
        loading: false, failed: failed.value, back: '/deeds', backLabel: '返回先进事迹', failedTitle: '未能读取这条先进事迹', onRetry,
      }, { default: () => h('span', { 'data-test': 'entry' }, '内容') }),
    });
    const { router } = await mountAt('/deeds/7', '/deeds/:id', Host);
    expect(document.querySelector('.el-result')?.textContent).toContain('未能读取这条先进事迹');
    expect(document.querySelector('.el-result')?.textContent).toContain('请返回列表后重试');
    document.querySelector<HTMLButtonElement>('.el-result button')!.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
    failed.value = false;
    await settle(0);
    expect(document.querySelector('.el-result')).toBeNull();
    expect(hook('entry')?.textContent).toBe('内容');
    const back = document.querySelector<HTMLButtonElement>('.back button')!;
    expect(back.textContent).toBe('← 返回先进事迹');
    back.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/deeds');
  });
});

describe('EntryActions and VoidedAlert', () => {
  it('edit and void while the entry stands; both off and the reason shown once voided', async () => {
    const entry = ref({ voided: false, void_reason: null as string | null });
    const onVoid = vi.fn();
    const Host = defineComponent({
      setup: () => () => h('div', [
        h('div', { class: 'page-title' }, [h(EntryActions, { name: 'deed', voided: entry.value.voided, editTo: '/deeds/7/edit', onVoid })]),
        h(VoidedAlert, { name: 'deed', entry: entry.value, noun: '该登记' }),
      ]),
    });
    const { router } = await mountAt('/deeds/7', '/deeds/:id', Host);
    expect(hook('deed-voided')).toBeNull();
    hook('deed-void')!.click();
    expect(onVoid).toHaveBeenCalledTimes(1);
    hook('deed-edit')!.click();
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/deeds/7/edit');

    await router.push('/deeds/7');
    entry.value = { voided: true, void_reason: '重复登记' };
    await settle(0);
    expect((hook('deed-edit') as HTMLButtonElement).disabled).toBe(true);
    expect((hook('deed-void') as HTMLButtonElement).disabled).toBe(true);
    expect(hook('deed-voided')?.textContent).toContain('该登记已作废。作废原因：重复登记');
    entry.value = { voided: true, void_reason: '' };
    await settle(0);
    expect(hook('deed-voided')?.textContent).toContain('作废原因：未填写');
  });
});

describe('useDetail', () => {
  it('reads the entry of the route, and marks a failed read without dropping what was shown', async () => {
    let fail = false;
    invoke.mockImplementation(fakeCore({
      deed_get: ({ id }) => {
        if (fail) throw { code: 'io', message: '读取失败' };
        return { deed: { id } };
      },
    }));
    let got: Detail<unknown> | null = null;
    const Host = defineComponent({
      setup() {
        got = useDetail((id) => invoke('deed_get', { id }));
        return () => h('div');
      },
    });
    await mountAt('/deeds/7', '/deeds/:id', Host);
    const d = got as unknown as Detail<{ deed: { id: number } }>;
    expect(d.id).toBe(7);
    expect(d.loading.value).toBe(true); // nothing read yet: the page shows the spinner
    await d.load();
    expect(d.detail.value).toEqual({ deed: { id: 7 } });
    expect([d.loading.value, d.failed.value]).toEqual([false, false]);
    fail = true;
    await d.load();
    await flushPromises();
    expect(d.failed.value).toBe(true);
    expect(d.detail.value).toEqual({ deed: { id: 7 } });
  });
});

describe('EntryFoot', () => {
  it("lists the entry's attachments (no adding once voided) and its history", async () => {
    const EntryFoot = (await import('./EntryFoot.vue')).default;
    invoke.mockImplementation(fakeCore({ attachments_list: () => [] }));
    const Host = defineComponent({
      setup: () => () => h(EntryFoot, { entity: 'deed', entityId: 7, readonly: true, history: [] }),
    });
    await mountAt('/deeds/7', '/deeds/:id', Host);
    await settle();
    expect(invoke).toHaveBeenCalledWith('attachments_list', { entity: 'deed', entityId: 7, includeVoided: false });
    expect(hook('attachment-add')).toBeNull();
    expect(hook('history-table')).not.toBeNull();
    expect([...document.querySelectorAll('.el-card__header')].map((e) => e.textContent?.trim())).toEqual(['附件', '修改记录']);
  });
});
