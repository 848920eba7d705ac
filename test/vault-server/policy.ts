// Vault ACL evaluation: the rules of all of a token's policies are merged per path, the most
// specific matching path decides, and `deny` in it wins over everything else granted there.
// Priority follows https://developer.hashicorp.com/vault/docs/concepts/policies#priority-matching

export type Capability = 'read' | 'list' | 'create' | 'update' | 'delete' | 'sudo' | 'deny';

export interface PolicyRule {
  path: string;
  capabilities: Capability[];
}

interface CompiledRule {
  path: string;
  capabilities: Set<Capability>;
  pattern: RegExp;
}

export class Acl {
  private readonly rules: CompiledRule[] = [];

  constructor(
    policies: PolicyRule[][],
    readonly root: boolean,
  ) {
    const merged = new Map<string, Set<Capability>>();
    for (const rule of policies.flat()) {
      const capabilities = merged.get(rule.path) ?? new Set<Capability>();
      for (const capability of rule.capabilities) capabilities.add(capability);
      merged.set(rule.path, capabilities);
    }
    for (const [path, capabilities] of merged) {
      this.rules.push({
        path,
        capabilities: capabilities.has('deny') ? new Set(['deny']) : capabilities,
        pattern: compile(path),
      });
    }
  }

  allows(path: string, capability: Capability): boolean {
    if (this.root) return true;
    let best: CompiledRule | undefined;
    for (const rule of this.rules) {
      if (rule.pattern.test(path) && (!best || outranks(rule.path, best.path))) best = rule;
    }
    return best !== undefined && !best.capabilities.has('deny') && best.capabilities.has(capability);
  }

  /** Whether any rule grants something at or below `mountPath` (e.g. `secret/`): the test behind
   *  sys/internal/ui/mounts (Vault's hasMountAccess). */
  reachesMount(mountPath: string): boolean {
    if (this.root) return true;
    return this.rules.some(
      (rule) => rule.capabilities.size > 0 && !rule.capabilities.has('deny') && reachesUnder(rule.path, mountPath),
    );
  }
}

function compile(path: string): RegExp {
  const glob = path.endsWith('*');
  const body = glob ? path.slice(0, -1) : path;
  const source = body
    .split('/')
    .map((segment) => (segment === '+' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}${glob ? '' : '$'}`);
}

function firstWildcard(path: string): number {
  let offset = 0;
  for (const segment of path.split('/')) {
    if (segment === '+') return offset;
    offset += segment.length + 1;
  }
  return path.endsWith('*') ? path.length - 1 : Infinity;
}

const plusSegments = (path: string): number => path.split('/').filter((s) => s === '+').length;

/** True when rule path `a` has priority over `b`, in the order Vault documents. */
function outranks(a: string, b: string): boolean {
  const [wa, wb] = [firstWildcard(a), firstWildcard(b)];
  if (wa !== wb) return wa > wb;
  const [ga, gb] = [a.endsWith('*'), b.endsWith('*')];
  if (ga !== gb) return !ga;
  const [pa, pb] = [plusSegments(a), plusSegments(b)];
  if (pa !== pb) return pa < pb;
  if (a.length !== b.length) return a.length > b.length;
  return a > b;
}

/** Could `rulePath` match some path under `mountPath` (which ends in `/`)? */
function reachesUnder(rulePath: string, mountPath: string): boolean {
  const glob = rulePath.endsWith('*');
  const ruleSegments = (glob ? rulePath.slice(0, -1) : rulePath).split('/');
  const mountSegments = mountPath.split('/').slice(0, -1);
  if (!glob && ruleSegments.length <= mountSegments.length) return false;
  for (const [i, mountSegment] of mountSegments.entries()) {
    const ruleSegment = ruleSegments[i];
    if (ruleSegment === undefined) return false;
    if (ruleSegment === '+') continue;
    if (glob && i === ruleSegments.length - 1) return mountSegment.startsWith(ruleSegment);
    if (ruleSegment !== mountSegment) return false;
  }
  return true;
}
