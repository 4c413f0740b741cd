import { beforeEach, describe, expect, it, vi } from 'vitest';

const { messageError } = vi.hoisted(() => ({ messageError: vi.fn() }));
vi.mock('element-plus', () => ({ ElMessage: { error: messageError } }));

import { reactive, ref } from 'vue';
import {
  asAppError, clearFieldErrors, clearWhenEdited, createFieldErrors, errorText, reportError,
} from './errors';

beforeEach(() => messageError.mockClear());

const shown = () => (messageError.mock.calls.at(-1)?.[0] as { message: string }).message;

describe('asAppError', () => {
  it('recognises the AppError shape', () => {
    expect(asAppError({ code: 'validation', field: 'name', message: '请填写姓名' }))
      .toEqual({ code: 'validation', field: 'name', message: '请填写姓名' });
  });
  it('accepts an AppError that arrives as a JSON string', () => {
    expect(asAppError('{"code":"not_found","field":null,"message":"找不到该代表"}'))
      .toEqual({ code: 'not_found', field: null, message: '找不到该代表' });
  });
  it('rejects other values', () => {
    expect(asAppError('boom')).toBeNull();
    expect(asAppError(new Error('x'))).toBeNull();
    expect(asAppError({ message: 'no code' })).toBeNull();
    expect(asAppError(null)).toBeNull();
  });
});

describe('asAppError and the entry a refusal names', () => {
  it('keeps the id of the entry the core names, so the UI never reads it out of the message', () => {
    const e = asAppError({ code: 'conflict', field: 'doc_number', message: '…已登记为收文〔2026〕第3号…', entry: 3 });
    expect(e?.entry).toBe(3);
    expect(asAppError({ code: 'validation', field: 'name', message: '请填写姓名' })).not.toHaveProperty('entry');
    expect(asAppError({ code: 'conflict', field: null, message: 'x', entry: 'three' })).not.toHaveProperty('entry');
  });
});

describe('errorText', () => {
  it('shows the Chinese message of an AppError as is', () => {
    expect(errorText({ code: 'conflict', field: null, message: '代表证号已被使用' })).toBe('代表证号已被使用');
  });
  it('prefixes unexpected rejections', () => {
    expect(errorText('Command deputy_get not found')).toBe('操作失败：Command deputy_get not found');
    expect(errorText(new TypeError('bad'))).toBe('操作失败：TypeError: bad');
    expect(errorText(undefined)).toBe('操作失败：undefined');
  });
  it('never shows a raw object', () => {
    expect(errorText({ message: 'disk full' })).toBe('操作失败：disk full');
    expect(errorText('{"code":"io","field":null,"message":"无法写入文件"}')).toBe('无法写入文件');
  });
});

describe('reportError', () => {
  it('puts a field error under the form item when the form shows that field', () => {
    const form = createFieldErrors(['name', 'id_number']);
    const where = reportError({ code: 'validation', field: 'id_number', message: '身份证号码校验位不正确' }, form);
    expect(where).toBe('field');
    expect(form.id_number).toBe('身份证号码校验位不正确');
    expect(form.name).toBe('');
    expect(messageError).not.toHaveBeenCalled();
  });
  it('maps a prefixed field name to the form key', () => {
    const form = createFieldErrors(['name']);
    expect(reportError({ code: 'validation', field: 'input.name', message: '请填写姓名' }, form)).toBe('field');
    expect(form.name).toBe('请填写姓名');
  });
  it('falls back to a message when no form is open', () => {
    expect(reportError({ code: 'validation', field: 'name', message: '请填写姓名' })).toBe('message');
    expect(shown()).toBe('请填写姓名');
  });
  it('falls back to a message when the form does not show that field', () => {
    const form = createFieldErrors(['name']);
    expect(reportError({ code: 'validation', field: 'term_id', message: '届次不存在' }, form)).toBe('message');
    expect(shown()).toBe('届次不存在');
    expect(form.name).toBe('');
  });
  it('shows unexpected rejections with the prefix', () => {
    reportError(new Error('oops'));
    expect(shown()).toBe('操作失败：Error: oops');
  });
  it('clears all field errors', () => {
    const form = createFieldErrors(['a', 'b']);
    form.a = 'x';
    clearFieldErrors(form);
    expect(form).toEqual({ a: '', b: '' });
  });
});

describe('a message goes when its field is changed', () => {
  it('clears only the changed field, at once', () => {
    const model = reactive({ name: '', date: null as string | null, ids: [] as number[] });
    const form = createFieldErrors(['name', 'date', 'ids'], () => model);
    Object.assign(form, { name: '请填写姓名', date: '请选择日期', ids: '请选择代表' });
    model.name = '张';
    expect(form).toEqual({ name: '', date: '请选择日期', ids: '请选择代表' });
    model.ids.push(3);
    expect(form.ids).toBe('');
    expect(form.date).toBe('请选择日期');
  });
  it('leaves a message set after the change (the next save checks again)', () => {
    const model = reactive({ name: '' });
    const form = createFieldErrors(['name'], () => model);
    model.name = '张三';
    form.name = '姓名已存在';
    expect(form.name).toBe('姓名已存在');
  });
  it('follows a field kept under another name, and errors held in a ref', () => {
    const endDate = ref<string | null>('2026-01-01');
    const errors = ref<Record<string, string>>({ date: '结束日期不能早于开始日期' });
    clearWhenEdited(() => errors.value, () => ({ date: endDate.value }));
    endDate.value = '2026-02-01';
    expect(errors.value.date).toBe('');
  });
});
