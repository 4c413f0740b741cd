// Label lookups. Option lists and their Chinese labels come from the core's `vocabulary`
// command; history actions and entity names have a local fallback here for the moment before the
// vocabulary has loaded.
import type { Choice, DeputyStatus, HistoryEntry } from '../api/types';

export function labelOf(choices: readonly Choice[] | null | undefined, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const c = choices?.find((x) => x.value === value);
  return c ? c.label : value;
}

export function labelsOf(choices: readonly Choice[] | null | undefined, values: readonly string[] | null | undefined): string {
  return (values ?? []).map((v) => labelOf(choices, v)).join('、');
}

const ACTION_LABELS: Record<HistoryEntry['action'], string> = {
  create: '新增',
  update: '修改',
  void: '作废',
  reveal: '查看身份信息',
  import: '导入',
  end: '结束',
};

const ENTITY_LABELS: Record<string, string> = {
  deputy: '代表',
  deputy_event: '代表变动',
  deputy_group: '代表小组',
  liaison_station: '代表联络站',
  constituency: '选区',
  term: '届次',
  presidium_post: '主席团职务',
  settings: '设置',
  roster: '花名册',
  backup: '备份',
  document: '文件登记',
  handling_unit: '承办单位',
  suggestion: '代表建议',
  petition: '来信来访',
  deed: '先进事迹',
};

export function actionLabel(action: string, vocab?: readonly Choice[] | null): string {
  const fromVocab = vocab?.find((c) => c.value === action);
  if (fromVocab) return fromVocab.label;
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function entityLabel(entity: string, vocab?: readonly Choice[] | null): string {
  const fromVocab = vocab?.find((c) => c.value === entity);
  if (fromVocab) return fromVocab.label;
  return ENTITY_LABELS[entity] ?? entity;
}

/** Fallback list for the 操作记录 entity filter. */
export function entityChoices(vocab?: readonly Choice[] | null): Choice[] {
  if (vocab && vocab.length) return [...vocab];
  return Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label, initials: '' }));
}

export type TagType = 'success' | 'warning' | 'info' | 'danger' | 'primary';

export function statusTagType(status: DeputyStatus | string): TagType {
  switch (status) {
    case 'in_office': return 'success';
    case 'suspended': return 'warning';
    case 'ended': return 'danger';
    default: return 'info';
  }
}

/** One history change as the clerk reads it: "工作单位及职务：镇农技站 → 镇政府". */
export function changeText(c: { label: string; field: string; before: string; after: string }): string {
  const name = c.label || c.field;
  const before = c.before === '' ? '（空）' : c.before;
  const after = c.after === '' ? '（空）' : c.after;
  return `${name}：${before} → ${after}`;
}
