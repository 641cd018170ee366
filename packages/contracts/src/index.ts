export * from './activities.js';
export * from './contests.js';
export * from './enums.js';
export * from './errors.js';
export * from './names.js';
export * from './plans.js';
export * from './progress.js';
export * from './schemas.js';
