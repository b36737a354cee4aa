// Tags: the controlled vocabulary, Arabic-aware name matching and suggestions from an article's text.
export * from './vocabulary';
export { VocabularyMatcher, wordForms, type Match } from './match';
export { peopleAfterTitles, type PersonMention } from './names';
export { suggestTags, type SuggestOptions, type TagSuggestion } from './suggest';
