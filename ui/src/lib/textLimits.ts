// The core's text limits in the forms: every text input takes at most what the core accepts for its
// field (TEXT_LIMITS, keyed by the field's JSON name in the contract's *Input types). One-line inputs:
// `:maxlength="textMax('name')"`; textareas show the count too: `v-bind="textLimit('facts')"`.
import { TEXT_LIMITS, TEXT_LIMIT_DEFAULT } from '../bindings/constants';

/** The most characters the core takes in the text field `key`. */
export function textMax(key: string): number {
  return TEXT_LIMITS[key] ?? TEXT_LIMIT_DEFAULT;
}

/** For v-bind on an el-input (textareas): the core's limit, with the count shown ("12 / 2000"). */
export function textLimit(key: string): { maxlength: number; showWordLimit: true } {
  return { maxlength: textMax(key), showWordLimit: true };
}

