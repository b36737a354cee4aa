// Workflow: statuses and moves as data, roles, approval gates and the state the UI shows.
export * from './moves';
export * from './gates';
export * from './state';
