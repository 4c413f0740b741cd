// The step dialog against a fake core: the right fields for each action, the checks before the
// call, the exact step variant sent, and a core error under its field.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { nextTick } from 'vue';
import { TEXT_LIMITS } from '../bindings/constants';
import { callsOf, fakeCore, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import StepDialog from './StepDialog.vue';

const UNITS = [
  { id: 1, name: '镇农业农村办', contact: '', phone: '', active: true },
  { id: 2, name: '镇财政所', contact: '', phone: '', active: true },
  { id: 3, name: '镇交通办', contact: '', phone: '', active: true },
];
const ctx = { today: '2026-04-01', maxMonths: 6, replyMonths: 3, maxExtensionDays: 30 };

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    handling_units_list: () => UNITS,
    suggestion_step: ({ id }) => ({ suggestion: { id }, steps: [], allowed: [], history: [] }),
    petition_step: ({ id }) => ({ petition: { id }, steps: [], allowed: [], history: [] }),
  }));
});

function open(book: 'suggestions' | 'petitions', action: string) {
  const wrapper = mount(StepDialog, {
    props: { modelValue: true, book, caseId: 5, action, ctx, state: 'replied', caseLabel: '20-3-005' },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  });
  return wrapper;
}

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);
const stepFieldIds = () =>
  [...document.querySelectorAll('[data-test^="step-field-"]')]
    .map((e) => e.getAttribute('data-test')!)
    .filter((id) => !/-(satisfied|basically_satisfied|dissatisfied|true|false|before|during|after|written|oral|phone|online)$/.test(id));

describe('StepDialog', () => {
  it('shows exactly the fields of the suggestion action', async () => {
    open('suggestions', 'evaluate');
    await settle();
    expect(hook('step-dialog')?.dataset.action).toBe('evaluate');
    expect(stepFieldIds().sort()).toEqual(['step-field-attitude', 'step-field-comment', 'step-field-date', 'step-field-result']);
    expect(hook('step-field-date')?.tagName).toBe('INPUT');
    expect((hook('step-field-date') as HTMLInputElement).value).toBe('2026-04-01');
    expect(hook('step-field-comment')?.tagName).toBe('TEXTAREA');
    for (const v of ['satisfied', 'basically_satisfied', 'dissatisfied']) {
      expect(hook(`step-field-result-${v}`), v).not.toBeNull();
    }
    expect(hook('step-submit')?.tagName).toBe('BUTTON');
  });

  it('asks for units when assigning, and for the reply category when replying', async () => {
    const w = open('suggestions', 'assign');
    await settle();
    expect(stepFieldIds().sort()).toEqual(['step-field-co_unit_ids', 'step-field-date', 'step-field-lead_unit_id']);
    expect(hook('step-field-lead_unit_id')?.classList.contains('el-select')).toBe(true);
    w.unmount();
    document.body.innerHTML = '';
    open('suggestions', 'reply');
    await settle();
    expect(stepFieldIds().sort()).toEqual([
      'step-field-attachment', 'step-field-date', 'step-field-promised_on', 'step-field-reply_category', 'step-field-signer', 'step-field-text',
    ]);
  });

  it('gives each text field the limit of the core, with the count under a textarea', async () => {
    open('suggestions', 'reply');
    await settle();
    const text = hook('step-field-text') as HTMLTextAreaElement;
    expect(text.tagName).toBe('TEXTAREA');
    expect(text.maxLength).toBe(TEXT_LIMITS.text);
    expect(text.parentElement?.querySelector('.el-input__count')?.textContent?.trim()).toBe(`0 / ${TEXT_LIMITS.text}`);
    expect((hook('step-field-signer') as HTMLInputElement).maxLength).toBe(TEXT_LIMITS.signer);
    expect((hook('step-field-attachment') as HTMLInputElement).maxLength).toBe(TEXT_LIMITS.attachment);
  });

  it('shows the petition extension fields with its limit', async () => {
    open('petitions', 'extend');
    await settle();
    expect(stepFieldIds().sort()).toEqual([
      'step-field-approver', 'step-field-date', 'step-field-days', 'step-field-reason', 'step-field-told_on',
    ]);
    expect(document.body.textContent).toContain('延期不得超过 30 日');
  });

  it('does not call the core until the evaluation is chosen, then sends the evaluate variant', async () => {
    const w = open('suggestions', 'evaluate');
    await settle();
    hook('step-submit')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_step')).toHaveLength(0);
    expect(document.body.textContent).toContain('请选择评价');

    hook('step-field-attitude-satisfied')!.querySelector('input')!.click();
    hook('step-field-result-dissatisfied')!.querySelector('input')!.click();
    await nextTick();
    hook('step-submit')!.click();
    await settle();
    expect(callsOf(invoke, 'suggestion_step')).toEqual([{
      id: 5,
      step: { action: 'evaluate', date: '2026-04-01', attitude: 'satisfied', result: 'dissatisfied', comment: '' },
    }]);
    expect(w.emitted('done')?.[0]?.[1]).toBe('evaluate');
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false]);
  });

  it('opens with the focus in its first field (a date: no calendar over the form), and Ctrl+Enter on a choice submits', async () => {
    open('suggestions', 'evaluate');
    await settle();
    expect(document.activeElement).toBe(hook('step-field-date'));
    const calendar = document.querySelector<HTMLElement>('.popper-step-field-date');
    expect(!calendar || calendar.style.display === 'none').toBe(true);

    hook('step-field-attitude-satisfied')!.querySelector('input')!.click();
    hook('step-field-result-basically_satisfied')!.querySelector('input')!.click();
    await nextTick();
    // a radio keeps every key to itself: only a listener catching the key on its way down hears it
    hook('step-field-result-basically_satisfied')!.querySelector('input')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    await settle();
    expect(callsOf(invoke, 'suggestion_step')).toEqual([{
      id: 5,
      step: { action: 'evaluate', date: '2026-04-01', attitude: 'satisfied', result: 'basically_satisfied', comment: '' },
    }]);
  });

  it('puts the core error under the field it names', async () => {
    invoke.mockImplementation(fakeCore({
      handling_units_list: () => UNITS,
      suggestion_step: () => Promise.reject({ code: 'validation', field: 'reason', message: '请说明代表不满意的具体问题' }),
    }));
    open('suggestions', 'rehandle');
    await settle();
    const reason = hook('step-field-reason') as HTMLTextAreaElement;
    reason.value = '不';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    hook('step-submit')!.click();
    await settle();
    const item = reason.closest('.el-form-item')!;
    expect(item.classList.contains('is-error')).toBe(true);
    expect(item.textContent).toContain('请说明代表不满意的具体问题');
  });

  it('sends the petition reply with a boolean resolved', async () => {
    open('petitions', 'reply');
    await settle();
    const result = hook('step-field-result') as HTMLTextAreaElement;
    result.value = '已协调恢复通行';
    result.dispatchEvent(new Event('input'));
    hook('step-field-manner-oral')!.querySelector('input')!.click();
    hook('step-field-resolved-true')!.querySelector('input')!.click();
    await nextTick();
    hook('step-submit')!.click();
    await settle();
    expect(callsOf(invoke, 'petition_step')).toEqual([{
      id: 5, step: { action: 'reply', date: '2026-04-01', manner: 'oral', result: '已协调恢复通行', resolved: true },
    }]);
  });
});
