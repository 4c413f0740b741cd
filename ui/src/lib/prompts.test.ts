// The shared reason prompt and leave guard: every book relies on them, and the end-to-end tests
// drive the very same Element Plus box (`.el-message-box input`, second button confirms).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { settle, mountAt } from '../test/fixtures';
import { TEXT_LIMITS } from '../bindings/constants';
import { askReason, confirmLeave, guardUnsaved, reasonValidator, voidWithReason } from './prompts';

const box = () => document.querySelector<HTMLElement>('.el-message-box');
const input = () => document.querySelector<HTMLInputElement>('.el-message-box input')!;
const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')];

async function type(text: string) {
  input().value = text;
  input().dispatchEvent(new Event('input'));
  await settle(50);
}

afterEach(async () => {
  // close whatever box a test left open, so the next test finds only its own
  document.querySelectorAll<HTMLButtonElement>('.el-message-box__headerbtn').forEach((b) => b.click());
  await settle(400);
  document.body.innerHTML = '';
});

describe('reasonValidator', () => {
  it('refuses blanks, since a voided entry must say why', () => {
    const v = reasonValidator('请填写原因');
    expect(v('')).toBe('请填写原因');
    expect(v('   ')).toBe('请填写原因');
    expect(v(' 重复登记 ')).toBe(true);
  });

  it('refuses a reason longer than the core takes (void_reason unless another is named)', () => {
    const v = reasonValidator('请填写原因');
    expect(v('字'.repeat(TEXT_LIMITS.void_reason))).toBe(true);
    expect(v('字'.repeat(TEXT_LIMITS.void_reason + 1))).toBe(`原因不能超过 ${TEXT_LIMITS.void_reason} 个字`);
    expect(reasonValidator('请填写原因', 4)('电话回访了')).toBe('原因不能超过 4 个字');
  });
});

describe('askReason', () => {
  it('shows an Element Plus prompt with the void wording by default and returns the trimmed reason', async () => {
    const answer = askReason({ title: '作废会议记录', message: '确定作废“第1次”？' });
    await settle();
    expect(box()?.textContent).toContain('作废会议记录');
    expect(box()?.textContent).toContain('确定作废“第1次”？');
    expect(input().placeholder).toBe('请填写原因（必填）');
    // 取消 first, the confirm button second: the e2e tests click [1]
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['取消', '确定作废']);
    await type('  日期登记错误 ');
    buttons()[1].click();
    expect(await answer).toBe('日期登记错误');
  });

  it('keeps the box open on an empty reason, with the required message', async () => {
    let done = false;
    const answer = askReason({ title: '作废', message: '?', required: '请填写作废原因' }).then((r) => {
      done = true;
      return r;
    });
    await settle();
    await type('  ');
    buttons()[1].click();
    await settle(100);
    expect(done).toBe(false);
    expect(box()?.textContent).toContain('请填写作废原因');
    await type('登记错人');
    buttons()[1].click();
    expect(await answer).toBe('登记错人');
  });

  it('returns null when cancelled, so the caller voids nothing', async () => {
    const answer = askReason({ title: '作废附件', message: '?' });
    await settle();
    buttons()[0].click();
    expect(await answer).toBeNull();
  });

  it('lets another action ask for a reason in its own words (查看身份信息)', async () => {
    const answer = askReason({ title: '查看身份信息', message: '请填写查看理由：', confirm: '查看', placeholder: '如 电话回访信访人' });
    await settle();
    expect(input().placeholder).toBe('如 电话回访信访人');
    expect(buttons()[1].textContent?.trim()).toBe('查看');
    await type('电话回访');
    buttons()[1].click();
    expect(await answer).toBe('电话回访');
  });
});

describe('confirmLeave and guardUnsaved', () => {
  it('confirmLeave: 离开 leaves, 继续填写 stays', async () => {
    let answer = confirmLeave();
    await settle();
    expect(box()?.textContent).toContain('填写的内容还没有保存，确定离开？');
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['继续填写', '离开']);
    buttons()[1].click();
    expect(await answer).toBe(true);
    await settle(400);
    answer = confirmLeave();
    await settle();
    buttons()[0].click();
    expect(await answer).toBe(false);
  });

  it('guardUnsaved asks only when something would be lost, and stays on the form when told to', async () => {
    let clean = true;
    const Form = defineComponent({
      setup() {
        guardUnsaved(() => clean);
        return () => h('div', { id: 'form' });
      },
    });
    const { router } = await mountAt('/form', '/form', Form);
    await router.push('/elsewhere');
    expect(router.currentRoute.value.path).toBe('/elsewhere');
    expect(box()).toBeNull();

    await router.push('/form');
    await settle();
    clean = false;
    const leaving = router.push('/elsewhere');
    await settle();
    expect(box()?.textContent).toContain('确定离开');
    buttons()[0].click(); // 继续填写
    await leaving;
    expect(router.currentRoute.value.path).toBe('/form');
  });
});

describe('voidWithReason', () => {
  it('voids with the reason typed and says so', async () => {
    const act = vi.fn(async (_reason: string) => undefined);
    const result = voidWithReason({ title: '作废先进事迹', message: '确定作废？' }, act);
    await settle();
    await type('重复登记');
    buttons()[1].click();
    expect(await result).toBe(true);
    expect(act).toHaveBeenCalledWith('重复登记');
    await settle();
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已作废');
  });

  it('voids nothing when cancelled', async () => {
    const act = vi.fn(async (_reason: string) => undefined);
    const result = voidWithReason({ title: '作废', message: '?' }, act);
    await settle();
    buttons()[0].click();
    expect(await result).toBe(false);
    expect(act).not.toHaveBeenCalled();
  });

  it('shows a refusal of the core instead of throwing it', async () => {
    const refuse = vi.fn(async () => {
      throw { code: 'validation', field: null, message: '已归档的文件不能作废' };
    });
    const result = voidWithReason({ title: '作废', message: '?' }, refuse);
    await settle();
    await type('错了');
    buttons()[1].click();
    expect(await result).toBe(false);
    await settle();
    expect(document.querySelector('.el-message--error')?.textContent).toContain('已归档的文件不能作废');
  });
});
