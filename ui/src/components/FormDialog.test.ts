// The small form dialogs (变动, 传阅, 选区 …) all close on 取消, save on the hooked button, and never
// close on a click beside them; Ctrl+Enter saves from any field, and each time one opens the first
// field has the focus.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ElOption, ElSelect } from 'element-plus';
import { defineComponent, h, ref, type VNode } from 'vue';
import { mountAt, settle } from '../test/fixtures';
import FormDialog from './FormDialog.vue';

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

function host(props: Record<string, unknown>, onSave: () => void, fields: () => VNode[] = () => [h('input', { 'data-test': 'read-reader' })]) {
  const open = ref(true);
  const C = defineComponent({
    setup: () => () => h(FormDialog, {
      modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => { open.value = v; },
      title: '登记传阅', width: '480px', labelWidth: '90px', saving: false, saveTest: 'read-save', onSave, ...props,
    }, { default: fields }),
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

  it('saves on Ctrl+Enter from any field, a select too (which keeps Enter from a plain listener)', async () => {
    const onSave = vi.fn();
    const { C } = host({}, onSave, () => [
      h('input', { 'data-test': 'read-reader' }),
      h(ElSelect, { modelValue: null, 'data-test': 'read-kind' }, () => [h(ElOption, { label: '传阅', value: 'read' })]),
    ]);
    await mountAt('/x', '/x', C);
    await settle();
    const enter = (el: Element) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    enter(hook('read-reader')!);
    enter(hook('read-kind')!.querySelector('input')!);
    expect(onSave).toHaveBeenCalledTimes(2);
  });

  it('puts the focus in the first field each time it opens', async () => {
    const { C, open } = host({}, vi.fn(), () => [
      h('input', { 'data-test': 'read-first' }),
      h('input', { 'data-test': 'read-second' }),
    ]);
    await mountAt('/x', '/x', C);
    await settle();
    // not the dialog's own first move (its frame, or the close button): the first field, to type at once
    expect(document.activeElement).toBe(hook('read-first'));
    hook('read-second')!.focus();
    open.value = false;
    await settle();
    open.value = true;
    await settle();
    expect(document.activeElement).toBe(hook('read-first'));
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
