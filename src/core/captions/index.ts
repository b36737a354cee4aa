// Photos' captions, credits and dates: house style, metadata mapping and the caption rules.
export * from './style';
export * from './dates';
export * from './metadata';
export * from './rules';
