// Fact checking: what is stored and shown (sources, reviews, comments, audit) and the fact-check report.
export * from './model';
export * from './report';
export { htmlToText, type HtmlText } from './htmlText';
