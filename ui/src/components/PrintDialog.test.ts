// The print dialog of any request: nothing typeset while closed; open, the panel of the books
// (first page, 打印, 另存为PDF under the file title), with the wider dialog for a landscape list.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import type { PrintRequest } from '../api/types';
import { callsOf, fakeCore, settle } from '../test/fixtures';
import { supervisionRequest } from '../lib/printing';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: (options: unknown) => invoke('plugin:dialog|save', { options }) }));

import PrintDialog from './PrintDialog.vue';

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    print_preview: ({ page }) => ({ page, pages: 3, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width_mm: 297, height_mm: 210 }),
    'plugin:dialog|save': () => null,
  }));
});

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

async function mountDialog(modelValue: boolean, request: PrintRequest | null = supervisionRequest()) {
  const wrapper = mount(PrintDialog, {
    props: { modelValue, request, title: '代表建议和信访事项督办清单', fileTitle: '督办清单-2026-03-01', landscape: true, testId: 'x-print' },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  });
  await flushPromises();
  await settle();
  return wrapper;
}

describe('PrintDialog', () => {
  it('typesets nothing while closed', async () => {
    await mountDialog(false);
    expect(callsOf(invoke, 'print_preview')).toHaveLength(0);
  });

  it('shows the request in the panel of the books', async () => {
    await mountDialog(true);
    expect(hook('x-print')?.classList.contains('el-dialog')).toBe(true);
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('代表建议和信访事项督办清单');
    expect(callsOf(invoke, 'print_preview')).toEqual([{ request: supervisionRequest(), page: 1 }]);
    expect(hook('preview-page-label')?.textContent).toContain('第 1 页 / 共 3 页');
    expect(hook('preview-print')).not.toBeNull();
    hook('preview-save')!.click();
    await settle();
    const [dialog] = callsOf(invoke, 'plugin:dialog|save') as { options: { defaultPath: string } }[];
    expect(dialog.options.defaultPath).toBe('督办清单-2026-03-01.pdf');
  });

  it('waits for a request', async () => {
    await mountDialog(true, null);
    expect(hook('preview')).toBeNull();
    expect(callsOf(invoke, 'print_preview')).toHaveLength(0);
  });
});
