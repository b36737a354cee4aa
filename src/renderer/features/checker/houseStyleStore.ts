// The desk's house style as the renderer holds it (loaded once, saved through 'checker:setConfig'), and the
// per-article ignores; both turned into the checker extension's configuration.
import {
  DEFAULT_HOUSE_STYLE,
  checkerFor,
  effectiveSettings,
  type ArticleIgnores,
  type HouseStyle,
} from '../../../core/checker';
import { call } from '../../bridge';
import type { CheckerConfig } from '../../editor/extensions/checker/plugin';
import { createValueStore } from '../shell/valueStore';

export const houseStyleStore = createValueStore<HouseStyle>(DEFAULT_HOUSE_STYLE);
let loading: Promise<HouseStyle> | null = null;

export function loadHouseStyle(): Promise<HouseStyle> {
  loading ??= call('checker:getConfig', {}).then((s) => {
    houseStyleStore.set(s);
    return s;
  });
  return loading;
}

export async function saveHouseStyle(patch: {
  settings?: HouseStyle['settings'];
  customRules?: HouseStyle['customRules'];
}): Promise<HouseStyle> {
  const s = await call('checker:setConfig', patch);
  houseStyleStore.set(s);
  return s;
}

export function checkerConfig(style: HouseStyle, ignores: ArticleIgnores, lang: 'ar' | 'en'): CheckerConfig {
  return {
    checker: checkerFor(style.customRules),
    settings: effectiveSettings(style, lang, ignores),
    ignored: new Set(ignores.findings),
  };
}
