// Every date and time field reads what the clerk types the way people write it, shows what it
// understood, and when it cannot read it says so on the field and keeps the text: the value is
// never silently replaced, and the form around it does not save.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus, { ElForm, ElFormItem, ElInput } from 'element-plus';
import { defineComponent, h, reactive, ref } from 'vue';
import { createFieldErrors } from '../api/errors';
import { useFormSave } from '../state/formSave';
import { settle } from '../test/fixtures';
import DateField from './DateField.vue';
import DateInput from './DateInput.vue';
import DateTimeField from './DateTimeField.vue';
import FormDialog from './FormDialog.vue';

const thisYear = new Date().getFullYear();
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const todayText = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
});

/** A form like the books' ones: a date field under an el-form-item bound to the form's errors. */
function mountForm(initial: string | null = '2026-12-04', field: 'date' | 'datetime' = 'date') {
  const submit = vi.fn(async () => undefined);
  const Harness = defineComponent({
    setup() {
      const model = reactive({ when: initial as string | null, title: '' });
      const errors = createFieldErrors(['when', 'title'], () => model);
      const { run } = useFormSave(errors, '.harness .is-error');
      const changes = ref<(string | null)[]>([]);
      const save = () => run({}, submit);
      return { model, errors, save, changes };
    },
    render() {
      const Field = field === 'date' ? DateField : DateTimeField;
      return h('div', { class: 'harness' }, [
        h(ElForm, {}, () => [
          h(ElFormItem, { label: '日期', error: this.errors.when }, () => [
            h(Field, {
              modelValue: this.model.when,
              'onUpdate:modelValue': (v: string | null) => { this.model.when = v; },
              onChange: (v: string | null) => this.changes.push(v),
              testId: 'when',
              clearable: false,
            }),
          ]),
          h(ElFormItem, { label: '标题', error: this.errors.title }, () => [
            h(ElInput, {
              modelValue: this.model.title,
              'onUpdate:modelValue': (v: string) => { this.model.title = v; },
              'data-test': 'title',
            }),
          ]),
        ]),
        h('button', { 'data-test': 'save', onClick: () => this.save() }, '保存'),
      ]);
    },
  });
  wrapper = mount(Harness, { global: { plugins: [ElementPlus] }, attachTo: document.body });
  const vm = wrapper.vm as unknown as {
    model: { when: string | null; title: string }; errors: Record<string, string>; changes: (string | null)[];
  };
  return { vm, submit };
}

function input(id = 'when'): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(`[data-test="${id}"]`);
  if (!el) throw new Error(`no [data-test="${id}"]`);
  return el;
}

/** Types like the clerk (and the WebDriver test): clear, type, then Tab (blur) or Enter. */
async function type(text: string, end: 'tab' | 'enter' = 'tab', id = 'when') {
  const el = input(id);
  el.focus();
  el.dispatchEvent(new FocusEvent('focus'));
  el.value = text;
  el.dispatchEvent(new Event('input'));
  await settle(0);
  if (end === 'enter') el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  else {
    el.blur();
    el.dispatchEvent(new FocusEvent('blur'));
  }
  await settle();
}

function itemError(id = 'when'): string {
  const item = input(id).closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

function hint(id = 'when'): string {
  return document.querySelector(`[data-test="${id}-hint"]`)?.textContent?.trim() ?? '';
}

describe('DateField: dates typed the way people write them', () => {
  it('reads 2026.3.5, shows it written out and what it understood', async () => {
    const { vm } = mountForm();
    await type('2026.3.5');
    expect(vm.model.when).toBe('2026-03-05');
    expect(input().value).toBe('2026-03-05');
    expect(hint()).toBe('已识别为 2026年3月5日');
    expect(itemError()).toBe('');
    expect(vm.changes).toEqual(['2026-03-05']);
  });

  it('reads 3月5日 as this year, with Enter', async () => {
    const { vm } = mountForm();
    await type('3月5日', 'enter');
    expect(vm.model.when).toBe(`${thisYear}-03-05`);
    expect(input().value).toBe(`${thisYear}-03-05`);
    expect(hint()).toBe(`已识别为 ${thisYear}年3月5日`);
  });

  it('takes 2024-03-20 as the WebDriver test types it, with no hint to add', async () => {
    const { vm } = mountForm();
    await type('2024-03-20', 'enter');
    expect(vm.model.when).toBe('2024-03-20');
    expect(hint()).toBe('');
  });

  it('says what it cannot read on the field and keeps the text and the value', async () => {
    const { vm, submit } = mountForm();
    await type('2026.13.5');
    expect(input().value).toBe('2026.13.5');
    expect(vm.model.when).toBe('2026-12-04');
    expect(vm.changes).toEqual([]);
    expect(itemError()).toBe('“2026.13.5”不是真实存在的日期：月份应为 1 到 12');
    expect(hint()).toBe('');
    // the form does not save meanwhile
    (document.querySelector('[data-test="save"]') as HTMLButtonElement).click();
    await settle();
    expect(submit).not.toHaveBeenCalled();
    expect(input().value).toBe('2026.13.5');
    expect(itemError()).toContain('不是真实存在的日期');
  });

  it('clears the error as soon as the date is corrected, and saves then', async () => {
    const { vm, submit } = mountForm();
    await type('2026-02-30');
    expect(itemError()).toBe('“2026-02-30”不是真实存在的日期：2026年2月只有28天');
    await type('2026-02-28');
    expect(itemError()).toBe('');
    expect(vm.model.when).toBe('2026-02-28');
    (document.querySelector('[data-test="save"]') as HTMLButtonElement).click();
    await settle();
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('keeps its error when the form sets and clears messages on save', async () => {
    const { vm } = mountForm();
    await type('abc');
    vm.errors.when = '请选择日期';
    await settle();
    expect(itemError()).toContain('无法识别“abc”');
    vm.errors.when = '';
    await settle();
    expect(itemError()).toContain('无法识别“abc”');
  });

  it('refuses an empty required date instead of putting back the old one', async () => {
    const { vm } = mountForm();
    await type('');
    expect(input().value).toBe('');
    expect(vm.model.when).toBe('2026-12-04');
    expect(itemError()).toBe('请填写日期，如 2026-03-05');
  });

  it('shows a value set by the form (a reset) and drops an unread text', async () => {
    const { vm } = mountForm();
    await type('2026.13.5');
    vm.model.when = '2025-01-02';
    await settle();
    expect(input().value).toBe('2025-01-02');
    expect(itemError()).toBe('');
  });

  it('opens a calendar whose picked day is set', async () => {
    const { vm } = mountForm('2026-03-05');
    const el = input();
    el.focus();
    el.dispatchEvent(new FocusEvent('focus'));
    await settle();
    const popper = document.querySelector('.popper-when');
    expect(popper).not.toBeNull();
    const panel = wrapper!.findComponent({ name: 'ElDatePickerPanel' });
    expect(panel.exists()).toBe(true);
    panel.vm.$emit('update:modelValue', '2026-03-18');
    await settle();
    expect(vm.model.when).toBe('2026-03-18');
    expect(input().value).toBe('2026-03-18');
  });
});

describe('DateTimeField: the petition received time', () => {
  it('reads "2026.12.4 9:30"', async () => {
    const { vm } = mountForm('2026-12-01 08:00', 'datetime');
    await type('2026.12.4 9:30');
    expect(vm.model.when).toBe('2026-12-04 09:30');
    expect(input().value).toBe('2026-12-04 09:30');
    expect(hint()).toBe('已识别为 2026年12月4日 09:30');
  });

  it('reads "9点30" as today', async () => {
    const { vm } = mountForm('2026-12-01 08:00', 'datetime');
    await type('9点30', 'enter');
    expect(vm.model.when).toBe(`${todayText} 09:30`);
  });

  it('refuses 25:00 and keeps it', async () => {
    const { vm } = mountForm('2026-12-01 08:00', 'datetime');
    await type('25:00');
    expect(vm.model.when).toBe('2026-12-01 08:00');
    expect(input().value).toBe('25:00');
    expect(itemError()).toBe('“25:00”不是有效的时间：小时应为 0 到 23');
  });
});

describe('DateInput outside a form item (a filter bar)', () => {
  it('shows its own error under the box and no change for the list', async () => {
    const changes: (string | null)[] = [];
    wrapper = mount(DateInput, {
      props: { modelValue: '2026-01-01', testId: 'from', block: false, onChange: (v: string | null) => changes.push(v) },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await type('2026.3.32', 'enter', 'from');
    expect(document.querySelector('[data-test="from-error"]')?.textContent).toBe('“2026.3.32”不是真实存在的日期：2026年3月只有31天');
    expect(changes).toEqual([]);
    await type('2026.3.31', 'enter', 'from');
    expect(document.querySelector('[data-test="from-error"]')).toBeNull();
    expect(changes).toEqual(['2026-03-31']);
  });

  it('reads a birth date to the month', async () => {
    wrapper = mount(DateInput, {
      props: { modelValue: null, kind: 'partial', testId: 'birth', 'onUpdate:modelValue': (v: string | null) => wrapper!.setProps({ modelValue: v }) },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await type('1975年3月', 'tab', 'birth');
    expect(input('birth').value).toBe('1975-03');
    expect(hint('birth')).toBe('已识别为 1975年3月');
  });
});

describe('FormDialog with a date that could not be read', () => {
  it('does not save', async () => {
    const onSave = vi.fn();
    const Harness = defineComponent({
      setup() {
        const open = ref(true);
        const date = ref<string | null>('2026-03-01');
        return { open, date };
      },
      render() {
        return h(FormDialog, {
          modelValue: this.open, title: 't', width: '400px', labelWidth: '80px', saving: false, saveTest: 'dlg-save', onSave,
        }, () => [
          h(ElFormItem, { label: '日期' }, () => [
            h(DateField, { modelValue: this.date, 'onUpdate:modelValue': (v: string | null) => { this.date = v; }, testId: 'dlg-date' }),
          ]),
        ]);
      },
    });
    wrapper = mount(Harness, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    await type('2026.2.29', 'tab', 'dlg-date');
    (document.querySelector('[data-test="dlg-save"]') as HTMLButtonElement).click();
    await settle();
    expect(onSave).not.toHaveBeenCalled();
    await type('2026.3.1', 'tab', 'dlg-date');
    (document.querySelector('[data-test="dlg-save"]') as HTMLButtonElement).click();
    await settle();
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
