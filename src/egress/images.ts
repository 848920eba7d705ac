// Which registries a build talks to: the images a Dockerfile pulls (FROM, COPY --from,
// RUN --mount=from=, the # syntax= frontend), the tags it pushes, registry caches and
// docker-image:// build contexts. Pure: text in, image references out.
import { parseDockerfile } from '../docker/dockerfile/index.js';

export interface PulledImages {
  /** Image references as BuildKit resolves them (global ARG defaults and build-args applied). */
  readonly images: readonly string[];
  /** References that still hold a variable after substitution: their registry is unknown. */
  readonly unresolved: readonly string[];
}

/** The images a Dockerfile pulls. Stage names and `scratch` pull nothing. */
export function pulledImages(text: string, buildArgs: ReadonlyMap<string, string>): PulledImages {
  const parsed = parseDockerfile(text);
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const refs: string[] = [];
  const syntax = parsed.directives.find((d) => d.name === 'syntax');
  if (syntax) refs.push(syntax.value);
  let seenFrom = false;
  for (const ins of parsed.instructions) {
    const words = ins.args.trim().split(/\s+/).filter(Boolean);
    if (ins.keyword === 'ARG' && !seenFrom) {
      // Only ARGs before the first FROM can appear in a FROM line.
      for (const word of words) {
        const [name = '', ...rest] = word.split('=');
        const given = buildArgs.get(name);
        if (given !== undefined) args.set(name, given);
        else if (rest.length > 0) args.set(name, unquote(rest.join('=')));
      }
    } else if (ins.keyword === 'FROM') {
      seenFrom = true;
      const [image, as, stage] = words.filter((w) => !w.startsWith('--'));
      if (image) refs.push(substitute(image, args));
      if (as?.toLowerCase() === 'as' && stage) stages.add(stage.toLowerCase());
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD' || ins.keyword === 'RUN') {
      for (const from of fromFlags(words)) refs.push(substitute(from, args));
    }
  }
  const images: string[] = [];
  const unresolved: string[] = [];
  for (const ref of refs) {
    if (ref === 'scratch' || stages.has(ref.toLowerCase()) || /^\d+$/.test(ref)) continue;
    (ref.includes('$') ? unresolved : images).push(ref);
  }
  return { images: [...new Set(images)], unresolved: [...new Set(unresolved)] };
}

/** `COPY --from=X`, `RUN --mount=type=bind,from=X`: X, when it is not a stage (checked by the caller). */
function fromFlags(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (!word.startsWith('--')) continue;
    const copy = /^--from=(.+)$/.exec(word);
    if (copy?.[1]) out.push(copy[1]);
    const mount = /^--mount=(.+)$/.exec(word);
    for (const field of mount?.[1]?.split(',') ?? []) {
      const m = /^from=(.+)$/.exec(field);
      if (m?.[1]) out.push(m[1]);
    }
  }
  return out;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** $NAME, ${NAME}, ${NAME:-default}, ${NAME-default}; an unknown name stays as it is. */
function substitute(word: string, args: ReadonlyMap<string, string>): string {
  return word.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
      const value = args.get(braced ?? bare ?? '');
      if (value !== undefined && value !== '') return value;
      return fallback ?? whole;
    },
  );
}

/**
 * The registry host of an image reference, as docker normalizes it: the first
 * component when it has a dot or a port or is localhost, else Docker Hub.
 */
export function registryOf(ref: string): string {
  const slash = ref.indexOf('/');
  if (slash < 0) return 'docker.io';
  const first = ref.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

/** `type=registry,ref=REF` of --cache-from/--cache-to: REF. */
export function registryCacheRef(spec: string): string | undefined {
  const fields = spec.split(',');
  // buildx: no type= means registry, and a lone word is the ref.
  const type = fields.find((f) => f.startsWith('type='))?.slice(5) ?? 'registry';
  if (type !== 'registry') return undefined;
  const lone = fields.length === 1 && !spec.includes('=') ? spec : undefined;
  return fields.find((f) => f.startsWith('ref='))?.slice(4) ?? lone;
}
