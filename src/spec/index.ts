export { groupByPath } from './group.js';
export { assertUniqueNames, deriveName, isValidName, NAME_PATTERN, type NamedItem } from './names.js';
export { parseSpec } from './parse.js';
export { SpecError, type SecretRequest, type Selector } from './types.js';
