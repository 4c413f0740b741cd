// A list opened for one deputy (?deputy_id=…) names the deputy in its picker; a failed read leaves
// the picker to say "代表 #id" rather than breaking the list.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';

const { invoke } = vi.hoisted(() => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

import { fakeCore } from '../test/fixtures';
import { useDeputyInitial } from './deputyInitial';

function run(id: number | null) {
  let result: ReturnType<typeof useDeputyInitial> | null = null;
  mount(defineComponent({
    setup() {
      result = useDeputyInitial(() => id);
      return () => h('div');
    },
  }));
  return () => result!.value;
}

beforeEach(() => {
  invoke.mockReset();
});

describe('useDeputyInitial', () => {
  it('reads the deputy once the list opens and offers the name', async () => {
    invoke.mockResolvedValue({ deputy: { id: 7, name: '张三' } });
    const initial = run(7);
    await flushPromises();
    expect(invoke).toHaveBeenCalledWith('deputy_get', { id: 7 });
    expect(initial()).toEqual([{ id: 7, name: '张三' }]);
  });

  it('asks nothing without a deputy filter', async () => {
    const initial = run(null);
    await flushPromises();
    expect(invoke).not.toHaveBeenCalled();
    expect(initial()).toEqual([]);
  });

  it('stays empty when the deputy cannot be read', async () => {
    invoke.mockImplementation(fakeCore({ deputy_get: () => { throw { code: 'not_found', message: '没有该代表' }; } }));
    const initial = run(7);
    await flushPromises();
    expect(initial()).toEqual([]);
  });
});
