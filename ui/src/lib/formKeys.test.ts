// Every form at the keyboard, alike: the first field has the focus when the form opens (radio buttons
// and check boxes keep their default and are passed over; a date takes it without popping its
// calendar over the form), and Ctrl+Enter saves from any field — a select, a radio and a date
// included, which keep a plain listener on the form from ever hearing the key. A date's typed text is
// read before the save, and one that cannot be read stops it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus, { ElForm, ElFormItem, ElInput, ElOption, ElRadioButton, ElRadioGroup, ElSelect } from 'element-plus';
import { defineComponent, h, reactive, withDirectives } from 'vue';
import { createFieldErrors } from '../api/errors';
import DateField from '../components/DateField.vue';
import { useFormSave } from '../state/formSave';
import { settle } from '../test/fixtures';
import { firstField, focusFirstField, vFormKeys } from './formKeys';

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
});

const hook = <T extends HTMLElement = HTMLElement>(id: string) => {
  const el = document.querySelector<T>(`[data-test="${id}"]`);
  if (!el) throw new Error(`no [data-test="${id}"]`);
  return el;
};

type Model = { direction: string; unit: string | null; when: string | null; notes: string };

/**
 * A book's form in small: 收发 (radio buttons, with a default), then a select, a date, a textarea;
 * saved through useFormSave like every form page. `dateFirst` puts the date before the select.
 */
function mountForm(opts: { dateFirst?: boolean } = {}) {
  const submit = vi.fn(async () => undefined);
  /** what the form held each time it saved */
  const seen: Model[] = [];
  const formBubble = vi.fn();
  const Harness = defineComponent({
    setup() {
      const model = reactive<Model>({ direction: 'received', unit: null, when: '2026-12-04', notes: '' });
      const errors = createFieldErrors(['when'], () => model);
      const { run } = useFormSave(errors, '.harness .is-error');
      const save = () => {
        seen.push({ ...model });
        return run({}, submit);
      };
      return { model, save };
    },
    render() {
      const m = this.model;
      const date = h(ElFormItem, { label: '日期' }, () => [
        h(DateField, { modelValue: m.when, 'onUpdate:modelValue': (v: string | null) => { m.when = v; }, testId: 'when', clearable: false }),
      ]);
      const select = h(ElFormItem, { label: '单位' }, () => [
        h(ElSelect, { modelValue: m.unit, 'onUpdate:modelValue': (v: string) => { m.unit = v; }, 'data-test': 'unit', teleported: false }, () => [
          h(ElOption, { label: '镇财政所', value: 'finance' }),
          h(ElOption, { label: '镇交通办', value: 'transport' }),
        ]),
      ]);
      return h('div', { class: 'harness' }, [
        withDirectives(h(ElForm, { onKeydown: formBubble }, () => [
          h(ElFormItem, { label: '收发' }, () => [
            h(ElRadioGroup, { modelValue: m.direction, 'onUpdate:modelValue': (v: string | number | boolean | undefined) => { m.direction = String(v); }, 'data-test': 'direction' }, () => [
              h(ElRadioButton, { value: 'received', 'data-test': 'direction-received' }, () => '收文'),
              h(ElRadioButton, { value: 'sent', 'data-test': 'direction-sent' }, () => '发文'),
            ]),
          ]),
          ...(opts.dateFirst ? [date, select] : [select, date]),
          h(ElFormItem, { label: '备注' }, () => [
            h(ElInput, { modelValue: m.notes, 'onUpdate:modelValue': (v: string) => { m.notes = v; }, type: 'textarea', 'data-test': 'notes' }),
          ]),
        ]), [[vFormKeys, this.save]]),
      ]);
    },
  });
  wrapper = mount(Harness, { global: { plugins: [ElementPlus] }, attachTo: document.body });
  return { submit, seen, formBubble };
}

function ctrlEnter(el: Element, init: KeyboardEventInit = {}) {
  const e = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, ...init });
  el.dispatchEvent(e);
  return e;
}

/** the date's calendar is showing (its popup is there and not hidden) */
const calendarShown = () => {
  const p = document.querySelector<HTMLElement>('.popper-when');
  return !!p && p.style.display !== 'none';
};

describe('the first field has the focus when a form opens', () => {
  it('passes over the radio buttons (they keep their default) to the select', async () => {
    mountForm();
    await settle();
    // the select's own box: the clerk can pick with the keys at once
    expect(document.activeElement).toBe(hook('unit').querySelector('input'));
    // the select heard it (its focus ring shows): the focus came once it was listening
    expect(hook('unit').querySelector('.el-select__wrapper')?.classList.contains('is-focused')).toBe(true);
  });

  it('puts it in a date without opening the calendar over the form; a click opens it', async () => {
    mountForm({ dateFirst: true });
    await settle();
    expect(document.activeElement).toBe(hook('when'));
    expect(calendarShown()).toBe(false); // the fields below stay in sight
    hook('when').click();
    await settle();
    expect(calendarShown()).toBe(true);
  });

  it('finds no field among disabled, read-only, hidden, radio and check boxes', () => {
    const root = document.createElement('form');
    root.innerHTML = `
      <input type="radio"><input type="checkbox"><input type="hidden"><input disabled>
      <input readonly class="shown-only"><div style="display: none"><input class="hidden-away"></div>
      <textarea class="the-one"></textarea><input class="second">`;
    document.body.appendChild(root);
    expect(firstField(root)?.className).toBe('the-one');
    expect(focusFirstField(root)).toBe(true);
    expect(document.activeElement?.className).toBe('the-one');
    expect(focusFirstField(null)).toBe(false);
  });
});

describe('Ctrl+Enter saves from any field', () => {
  it('from a select, which keeps Enter from the form: saved, and no option picked on the way', async () => {
    const { submit, formBubble } = mountForm();
    await settle();
    const e = ctrlEnter(hook('unit').querySelector('input')!);
    await settle();
    expect(submit).toHaveBeenCalledTimes(1);
    expect(e.defaultPrevented).toBe(true);
    // caught on its way down: the form's own (bubbling) listener never heard it, nor did the select
    expect(formBubble).not.toHaveBeenCalled();
    expect((wrapper!.vm as unknown as { model: Model }).model.unit).toBeNull();
  });

  it('from a radio button and from the textarea', async () => {
    const { submit } = mountForm();
    await settle();
    ctrlEnter(hook('direction-sent').querySelector('input')!);
    await settle();
    ctrlEnter(hook('notes'));
    await settle();
    expect(submit).toHaveBeenCalledTimes(2);
  });

  it('reads a date typed in the box first (as Tab would): the form saves the date as read', async () => {
    const { submit, seen } = mountForm();
    await settle();
    const box = hook<HTMLInputElement>('when');
    box.focus();
    box.value = '2026.3.5';
    box.dispatchEvent(new Event('input'));
    await settle();
    expect(calendarShown()).toBe(true); // the clerk's own focus opened it
    ctrlEnter(box);
    await settle();
    expect(seen.map((m) => m.when)).toEqual(['2026-03-05']);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(box.value).toBe('2026-03-05');
    expect(calendarShown()).toBe(false); // closed, as Enter closes it
  });

  it('does not save a date that cannot be read: the text stays with its reason', async () => {
    const { submit } = mountForm();
    await settle();
    const box = hook<HTMLInputElement>('when');
    box.focus();
    box.value = '2026.13.5';
    box.dispatchEvent(new Event('input'));
    await settle(0);
    ctrlEnter(box);
    await settle();
    expect(submit).not.toHaveBeenCalled();
    expect(box.value).toBe('2026.13.5');
    expect(document.querySelector('[data-test="when-error"]')?.textContent).toContain('2026.13.5');
  });

  it('saves once for a held-down key, and not on a plain Enter or while an input method composes', async () => {
    const { submit } = mountForm();
    await settle();
    const notes = hook('notes');
    ctrlEnter(notes);
    ctrlEnter(notes, { repeat: true });
    ctrlEnter(notes, { repeat: true });
    notes.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    ctrlEnter(notes, { isComposing: true });
    await settle();
    expect(submit).toHaveBeenCalledTimes(1);
  });
});
