// 办理统计's tables: every number opens exactly the entries it counts, with a title saying what
// they are, for suggestions and petitions alike.
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mountAt, settle } from '../test/fixtures';
import StatsTables from './StatsTables.vue';

const hook = (id: string) => document.querySelector<HTMLElement>(`[data-test="${id}"]`);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('StatsTables', () => {
  it('buckets: label, count opening its entries under a title, and the share', async () => {
    const Host = defineComponent({
      setup: () => () => h(StatsTables, {
        book: 'petitions', testId: 'cstats-p-by-channel', itemTest: 'cstats-p-channel', label: '来源',
        title: (l: string) => `2026年 ${l}`,
        buckets: [{ key: 'letter', label: '来信', count: 2, ids: [4, 9], share: { numerator: 2, denominator: 8, percent: 25 } }],
      }),
    });
    const { router } = await mountAt('/stats', '/stats', Host);
    await settle();
    const table = hook('cstats-p-by-channel')!;
    expect(table.textContent).toContain('来源');
    expect(table.textContent).toContain('来信');
    const count = hook('cstats-p-channel-letter')!;
    expect(count.textContent).toBe('2');
    count.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/petitions');
    expect(router.currentRoute.value.query).toMatchObject({ ids: '4,9', title: '2026年 来源 来信' });
  });

  it('rates: each indicator with its rate and how it is computed', async () => {
    const Host = defineComponent({
      setup: () => () => h(StatsTables, {
        book: 'suggestions', testId: 'cstats-s-rates', itemTest: 'cstats-s', title: (l: string) => l,
        rates: [{ key: 'reply_rate', label: '办复率', formula: '已答复 / 应答复',
          r: { numerator: 24, denominator: 26, percent: 92.3, numerator_ids: [1], denominator_ids: [1, 2] } }],
      }),
    });
    await mountAt('/stats', '/stats', Host);
    await settle();
    expect(hook('cstats-s-rates')?.textContent).toContain('已答复 / 应答复');
    expect(hook('cstats-s-reply_rate')?.textContent).toBe('92.3%（24/26）');
  });
});
