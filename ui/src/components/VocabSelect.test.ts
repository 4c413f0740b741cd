// The category select at the keyboard: typed pinyin initials narrow the list, and Enter takes the
// one match left (Element Plus's Enter takes the hovered option; the first match is hovered).
import { afterEach, describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { defineComponent, h, ref } from 'vue';
import { VOCAB, settle } from '../test/fixtures';
import VocabSelect from './VocabSelect.vue';

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
});

function mountSelect(filterable: boolean) {
  const value = ref<string | null>(null);
  wrapper = mount(defineComponent({
    render: () => h(VocabSelect, {
      modelValue: value.value,
      'onUpdate:modelValue': (v: string | null) => { value.value = v; },
      choices: VOCAB.suggestion_categories,
      testId: 'cat',
      filterable,
    }),
  }), { global: { plugins: [ElementPlus] }, attachTo: document.body });
  return value;
}

const input = () => document.querySelector<HTMLInputElement>('[data-test="cat"] input')!;
const shown = () => [...document.querySelectorAll<HTMLElement>('.popper-cat .el-select-dropdown__item')]
  .map((o) => o.textContent?.trim());

async function type(text: string) {
  input().focus();
  input().click();
  await settle();
  input().value = text;
  input().dispatchEvent(new Event('input'));
  await settle();
}

const key = (k: string) => input().dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k, bubbles: true }));

describe('VocabSelect', () => {
  it('narrows to the labels whose pinyin initials hold the typed letters, and Enter takes the one left', async () => {
    const value = mountSelect(true);
    await type('NY');
    expect(shown()).toEqual(['农业农村']);
    key('Enter');
    await settle();
    expect(value.value).toBe('agriculture');
  });

  it('narrows by part of the label too', async () => {
    const value = mountSelect(true);
    await type('教');
    expect(shown()).toEqual(['教育']);
    key('Enter');
    await settle();
    expect(value.value).toBe('education');
  });

  it('lists everything again when reopened, and shows the label of a value set from outside', async () => {
    const value = mountSelect(true);
    await type('jt');
    key('Enter');
    await settle();
    expect(value.value).toBe('transport');
    value.value = 'education';
    await settle();
    expect(document.querySelector('[data-test="cat"] .el-select__placeholder')?.textContent?.trim()).toBe('教育');
    input().click();
    await settle();
    expect(shown()).toEqual(['交通', '农业农村', '教育']);
  });

  it('lists every choice when not filterable', async () => {
    mountSelect(false);
    input().click();
    await settle();
    expect(shown()).toEqual(['交通', '农业农村', '教育']);
  });
});
