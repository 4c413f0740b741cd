// The deputy picker at the keyboard: initials then Enter take the first match, the very first
// search too (el-select leaves nothing hovered when the results come before its options); a
// narrower query and an allowed set (the deputies expected at a session); `picked` with the names.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import type { Deputy, DeputyRef, Id } from '../api/types';
import { callsOf, fakeCore, mountAt, settle } from '../test/fixtures';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import DeputyPicker from './DeputyPicker.vue';

const dep = (id: number, name: string, initials: string, group = '第一小组') =>
  ({ id, name, initials, pinyin: '', group_name: group, voided: false }) as unknown as Deputy;
const DEPUTIES = [dep(12, '李四', 'ls'), dep(13, '王五', 'ww'), dep(16, '孙七', 'ls', '第二小组')];

beforeEach(() => {
  document.body.innerHTML = '';
  invoke.mockReset();
  invoke.mockImplementation(fakeCore({
    deputies_list: ({ query }) => {
      const items = DEPUTIES.filter((d) => d.initials.startsWith(query.search));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
  }));
});

async function mountPicker(props: Record<string, unknown> = {}) {
  const value = ref<Id | null>(null);
  const picked: DeputyRef[][] = [];
  const Host = defineComponent({
    render: () => h(DeputyPicker, {
      testId: 'pk', modelValue: value.value, 'onUpdate:modelValue': (v: Id | Id[] | null) => (value.value = v as Id | null),
      onPicked: (list: DeputyRef[]) => picked.push(list), ...props,
    }),
  });
  await mountAt('/', '/', Host);
  return { value, picked };
}

async function typeThenEnter(text: string) {
  const input = document.querySelector<HTMLInputElement>('[data-test="pk"] input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settle(400);
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  await settle();
}

const offered = () => [...document.querySelectorAll<HTMLElement>('.popper-pk .el-select-dropdown__item')].map((o) => o.textContent?.trim());

describe('DeputyPicker', () => {
  it('takes the first match on Enter, from the first search on', async () => {
    const { value, picked } = await mountPicker();
    await typeThenEnter('ww');
    expect(value.value).toBe(13);
    expect(picked).toEqual([[{ id: 13, name: '王五' }]]);
    await typeThenEnter('ls');
    expect(value.value).toBe(12);
    expect(callsOf(invoke, 'deputies_list')).toEqual([
      { query: { search: 'ww', page_size: 20 } }, { query: { search: 'ls', page_size: 20 } },
    ]);
  });

  it('searches with the query given and offers only the deputies allowed', async () => {
    const { value } = await mountPicker({ query: { term_id: 2, on: '2026-03-10' }, only: [13, 16] });
    const input = document.querySelector<HTMLInputElement>('[data-test="pk"] input')!;
    input.focus();
    input.value = 'ls';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    expect(callsOf(invoke, 'deputies_list')).toEqual([{ query: { term_id: 2, on: '2026-03-10', search: 'ls', page_size: 20 } }]);
    expect(offered()).toEqual(['孙七']);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    await settle();
    expect(value.value).toBe(16);
  });

  it('leaves Ctrl+Enter to the form', async () => {
    const { value } = await mountPicker();
    const input = document.querySelector<HTMLInputElement>('[data-test="pk"] input')!;
    input.focus();
    input.value = 'ww';
    input.dispatchEvent(new Event('input'));
    await settle(400);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true }));
    await settle();
    expect(value.value).toBeNull();
  });
});
