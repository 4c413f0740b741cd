// 附件 against a fake core: the list (size, voided rows with their reason once shown), 添加附件
// through the dialog plugin (cancelled = nothing; refused = the core's message), 打开 and 作废.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import type { Attachment } from '../api/types';
import { callsOf, fakeCore, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
// the dialog plugin goes through the same fake core, as 'plugin:dialog|open' (what the plugin itself invokes)
vi.mock('@tauri-apps/plugin-dialog', () => ({ open: (options: unknown) => invoke('plugin:dialog|open', { options }) }));

import AttachmentList from './AttachmentList.vue';

const file = (id: number, over: Partial<Attachment> = {}): Attachment => ({
  id, entity: 'presidium_meeting', entity_id: 12, sha256: 'ab'.repeat(32), name: `会议记录${id}.pdf`, size: 2_621_440,
  media_type: 'application/pdf', added_at: '2026-04-02 10:15:00', added_by: '刘秘书', voided: false, void_reason: null, ...over,
});

let stored: Attachment[];
let picked: string | null;

beforeEach(() => {
  document.body.innerHTML = '';
  stored = [file(1), file(2, { name: '现场照片.jpg', size: 350_000, voided: true, void_reason: '传错了' })];
  picked = 'D:\\扫描\\签到表.pdf';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    attachments_list: ({ includeVoided }) => stored.filter((a) => includeVoided || !a.voided),
    'plugin:dialog|open': () => picked,
    attachment_add: ({ path }) => {
      const a = file(3, { name: String(path).split('\\').pop()!, size: 1024 });
      stored = [...stored, a];
      return a;
    },
    attachment_open: () => null,
    attachment_void: ({ id, reason }) => {
      stored = stored.map((a) => (a.id === id ? { ...a, voided: true, void_reason: reason } : a));
      return stored.find((a) => a.id === id);
    },
  }));
});

async function mountList(readonly = false) {
  const wrapper = mount(AttachmentList, {
    props: { entity: 'presidium_meeting', entityId: 12, readonly },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  });
  await flushPromises();
  await settle();
  return wrapper;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const names = () => [...document.querySelectorAll<HTMLElement>('[data-test="attachment-name"]')].map((e) => e.textContent);
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-test="attachment-row"]')];

describe('AttachmentList', () => {
  it('lists the files of the entry, voided ones only when asked, struck through with the reason', async () => {
    await mountList();
    expect(callsOf(invoke, 'attachments_list')[0]).toEqual({ entity: 'presidium_meeting', entityId: 12, includeVoided: false });
    expect(names()).toEqual(['会议记录1.pdf']);
    expect(rows()[0].textContent).toContain('2.5 MB');
    expect(rows()[0].textContent).toContain('2026年4月2日 10:15');
    expect(rows()[0].textContent).toContain('刘秘书');

    hook('attachments-show-voided')!.querySelector('input')!.click();
    await settle();
    expect(callsOf(invoke, 'attachments_list').at(-1)).toEqual({ entity: 'presidium_meeting', entityId: 12, includeVoided: true });
    expect(names()).toEqual(['会议记录1.pdf', '现场照片.jpg']);
    expect(rows().map((r) => r.classList.contains('voided'))).toEqual([false, true]);
    expect(rows()[1].textContent).toContain('已作废：传错了');
    expect(rows()[1].textContent).toContain('341.8 KB');
    expect(rows()[1].querySelector('[data-test="attachment-void"]')).toBeNull();
  });

  it('adds the file picked in the dialog, with the accepted kinds as filters', async () => {
    await mountList();
    hook('attachment-add')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|open') as { options: { multiple: boolean; filters: { name: string; extensions: string[] }[] } }[];
    expect(dialog.options.multiple).toBe(false);
    expect(dialog.options.filters).toEqual([
      { name: '扫描件与照片', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'ofd'] },
      { name: '文档', extensions: ['doc', 'docx', 'xls', 'xlsx', 'wps', 'txt'] },
    ]);
    expect(callsOf(invoke, 'attachment_add')).toEqual([{ entity: 'presidium_meeting', entityId: 12, path: 'D:\\扫描\\签到表.pdf' }]);
    expect(names()).toEqual(['会议记录1.pdf', '签到表.pdf']);
  });

  it('does nothing when the dialog is cancelled, and shows the core refusing a file', async () => {
    await mountList();
    picked = null;
    hook('attachment-add')!.click();
    await settle();
    expect(callsOf(invoke, 'attachment_add')).toHaveLength(0);

    picked = 'D:\\视频.mp4';
    invoke.mockImplementation(fakeCore({
      'plugin:dialog|open': () => picked,
      attachment_add: () => { throw { code: 'validation', field: 'file', message: '“视频.mp4”的类型不能作为附件' }; },
    }));
    hook('attachment-add')!.click();
    await settle();
    expect(document.querySelector('.el-message--error')?.textContent).toContain('“视频.mp4”的类型不能作为附件');
  });

  it('opens a file and voids one with a reason', async () => {
    await mountList();
    hook('attachment-open')!.click();
    await settle();
    expect(callsOf(invoke, 'attachment_open')).toEqual([{ id: 1 }]);

    hook('attachment-void')!.click();
    await settle();
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!;
    input.value = '不是这次会议的';
    input.dispatchEvent(new Event('input'));
    await settle(50);
    document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')[1].click();
    await settle(400);
    expect(callsOf(invoke, 'attachment_void')).toEqual([{ id: 1, reason: '不是这次会议的' }]);
    expect(names()).toEqual([]);
  });

  it('read-only: no adding, no voiding', async () => {
    await mountList(true);
    expect(hook('attachment-add')).toBeNull();
    expect(hook('attachment-void')).toBeNull();
    expect(hook('attachment-open')).not.toBeNull();
  });
});
