export { checkDockerfile, type CheckOptions, type Finding, type Rule, type Severity } from './check.js';
export { parseDockerfile, type Instruction, type ParsedDockerfile } from './parse.js';
export type { Directive } from './directives.js';
