// The small form dialogs (变动, 传阅, 选区 …) all close on 取消, save on the hooked button, and never
// close on a click beside them; Ctrl+Enter saves only where the view asks for it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mountAt, settle } from '../test/fixtures';
import FormDialog from './FormDialog.vue';

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function host(props: Record<string, unknown>, onSave: () => void) {
  const open = ref(true);
  const C = defineComponent({
    setup: () => () => h(FormDialog, {
      modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => { open.value = v; },
      title: '登记传阅', width: '480px', labelWidth: '90px', saving: false, saveTest: 'read-save', onSave, ...props,
    }, { default: () => h('input', { 'data-test': 'read-reader' }) }),
  });
  return { C, open };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('FormDialog', () => {
  it('shows the form, saves on the hooked button and closes on 取消', async () => {
    const onSave = vi.fn();
    const { C, open } = host({ saveText: '确定' }, onSave);
    await mountAt('/x', '/x', C);
    await settle();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('登记传阅');
    expect(hook('read-reader')?.closest('form')).not.toBeNull();
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog__footer button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['取消', '确定']);
    hook('read-save')!.click();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(open.value).toBe(true); // the view closes it once the core said yes
    buttons[0].click();
    await settle(0);
    expect(open.value).toBe(false);
  });

  it('saves on Ctrl+Enter only when asked to', async () => {
    const onSave = vi.fn();
    const { C } = host({}, onSave);
    await mountAt('/x', '/x', C);
    await settle();
    const enter = () => hook('read-reader')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    enter();
    expect(onSave).not.toHaveBeenCalled();
    expect(hook('read-save')?.textContent?.trim()).toBe('保存');

    document.body.innerHTML = '';
    const onSave2 = vi.fn();
    const second = host({ ctrlEnter: true }, onSave2);
    await mountAt('/x', '/x', second.C);
    await settle();
    enter();
    expect(onSave2).toHaveBeenCalledTimes(1);
  });
});

describe('FormButtons', () => {
  it('保存, the view\'s own buttons, then 取消 (or what the view calls it) and the Ctrl+Enter hint', async () => {
    const FormButtons = (await import('./FormButtons.vue')).default;
    const onSave = vi.fn();
    const onCancel = vi.fn();
    const Host = defineComponent({
      setup: () => () => h('form', [h(FormButtons, { name: 'deed', saving: false, cancelText: '完成', onSave, onCancel },
        { default: () => h('button', { 'data-test': 'deed-extra', type: 'button' }, '另存') })]),
    });
    await mountAt('/x', '/x', Host);
    const order = [...document.querySelectorAll('button')].map((b) => b.getAttribute('data-test'));
    expect(order).toEqual(['deed-save', 'deed-extra', 'deed-cancel']);
    expect(hook('deed-cancel')?.textContent?.trim()).toBe('完成');
    expect(document.querySelector('.keys')?.textContent).toBe('Ctrl+Enter 保存');
    hook('deed-save')!.click();
    hook('deed-cancel')!.click();
    expect([onSave.mock.calls.length, onCancel.mock.calls.length]).toEqual([1, 1]);
  });
});
