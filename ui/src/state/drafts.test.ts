import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, reactive } from 'vue';
import { SITTING_DAYS, useDraft, useSittingList, type Draft, type DraftOptions } from './drafts';

type Form = { subject: string; ids: number[]; date: string | null; secret: string };
const blank = (): Form => ({ subject: '', ids: [], date: '2026-03-20', secret: '' });

const KEY = 'taizhang.draft.test';
let scopes: ReturnType<typeof effectScope>[] = [];

/** A form's setup, as a component would run it (the watch lives in the scope, as in a component). */
function open(opts: Partial<DraftOptions<Form>> = {}): { model: Form; draft: Draft; close(): void } {
  const scope = effectScope();
  scopes.push(scope);
  const model = reactive(blank());
  const draft = scope.run(() => useDraft('test', model, { enabled: true, ...opts }))!;
  return { model, draft, close: () => scope.stop() };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  for (const s of scopes) s.stop();
  scopes = [];
});

describe('useDraft', () => {
  it('keeps nothing while the form is blank, and the form as typed once it is not', async () => {
    const { model, draft } = open();
    expect(draft.start()).toBe(false);
    model.date = '2026-03-20';
    await nextTick();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    model.subject = '关于修缮村道的建议';
    model.ids.push(11);
    await nextTick();
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toMatchObject({ subject: '关于修缮村道的建议', ids: [11] });
    // typed back to blank: nothing kept
    model.subject = '';
    model.ids.pop();
    await nextTick();
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('puts the kept draft over the defaults when the form opens again, and says so', async () => {
    const first = open();
    first.draft.start();
    first.model.subject = '关于修缮村道的建议';
    first.model.date = '2026-03-18';
    await nextTick();
    first.close();

    const again = open();
    expect(again.draft.restored.value).toBe(false);
    expect(again.draft.start()).toBe(true);
    expect(again.draft.restored.value).toBe(true);
    expect(again.model).toMatchObject({ subject: '关于修缮村道的建议', date: '2026-03-18', ids: [] });
  });

  it('清空 puts the blank form back and keeps nothing', async () => {
    let discarded = 0;
    const first = open();
    first.draft.start();
    first.model.subject = '半句话';
    await nextTick();
    const again = open({ onDiscard: () => { discarded += 1; } });
    again.draft.start();
    again.draft.discard();
    await nextTick();
    expect(again.model).toEqual(blank());
    expect(again.draft.restored.value).toBe(false);
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(discarded).toBe(1);
  });

  it('forgets the draft after a save, and the next form\'s defaults count as blank', async () => {
    const { model, draft } = open();
    draft.start();
    model.subject = '已保存的一件';
    await nextTick();
    expect(sessionStorage.getItem(KEY)).not.toBeNull();
    // 继续登记下一件: the session fields stay, the rest is cleared
    Object.assign(model, { subject: '', date: '2026-03-21' });
    draft.clear();
    await nextTick();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    model.subject = '下一件';
    await nextTick();
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toMatchObject({ subject: '下一件', date: '2026-03-21' });
  });

  it('does nothing when editing or starting from another entry', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ subject: '别的草稿' }));
    const { model, draft } = open({ enabled: false });
    expect(draft.start()).toBe(false);
    expect(model.subject).toBe('');
    model.subject = '修改已有的一件';
    await nextTick();
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual({ subject: '别的草稿' });
  });

  it('never writes an omitted field, nor takes back a field the form does not have', async () => {
    const first = open({ omit: ['secret'] });
    first.draft.start();
    first.model.secret = '330102199001011234';
    await nextTick();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    first.model.subject = '有内容';
    await nextTick();
    expect(sessionStorage.getItem(KEY)).not.toContain('330102');
    sessionStorage.setItem(KEY, JSON.stringify({ subject: '旧草稿', stranger: 1, secret: 'x' }));
    const again = open({ omit: ['secret'] });
    again.draft.start();
    expect(again.model).toEqual({ ...blank(), subject: '旧草稿' });
  });

  it('survives a broken stored value', () => {
    sessionStorage.setItem(KEY, '{not json');
    const { draft } = open();
    expect(draft.start()).toBe(false);
  });
});

describe('useSittingList', () => {
  const SKEY = 'taizhang.sitting.s';
  it('keeps the list, newest first, for the session week', () => {
    const list = useSittingList<{ id: number }>('s', true, () => '2026-03-20');
    list.add({ id: 1 });
    list.add({ id: 2 });
    expect(list.items.value).toEqual([{ id: 2 }, { id: 1 }]);
    expect(useSittingList<{ id: number }>('s', true, () => '2026-03-20').items.value).toEqual([{ id: 2 }, { id: 1 }]);
  });

  it(`drops entries older than ${SITTING_DAYS} days`, () => {
    sessionStorage.setItem(SKEY, JSON.stringify([
      { on: '2026-03-27', item: { id: 3 } }, { on: '2026-03-20', item: { id: 2 } }, { on: '2026-03-19', item: { id: 1 } },
    ]));
    const list = useSittingList<{ id: number }>('s', true, () => '2026-03-27');
    expect(list.items.value).toEqual([{ id: 3 }, { id: 2 }]);
    list.add({ id: 4 });
    expect(JSON.parse(sessionStorage.getItem(SKEY)!).map((d: { item: { id: number } }) => d.item.id)).toEqual([4, 3, 2]);
  });

  it('is empty and not kept when disabled', () => {
    sessionStorage.setItem(SKEY, JSON.stringify([{ on: '2026-03-20', item: { id: 1 } }]));
    const list = useSittingList<{ id: number }>('s', false, () => '2026-03-20');
    expect(list.items.value).toEqual([]);
    list.add({ id: 9 });
    expect(JSON.parse(sessionStorage.getItem(SKEY)!)).toEqual([{ on: '2026-03-20', item: { id: 1 } }]);
  });
});
