// Which fetched values travel together as user:password (docker's auth string, HTTP
// basic auth), so that base64 form can be masked whole. Pure.

const USER_KEYS = /^(user(name)?|login|access[_-]?key([_-]?id)?)$/i;
const PASSWORD_KEYS = /^(pass(word)?|secret([_-]?(access[_-]?)?key)?|token|api[_-]?key)$/i;

export interface Pair {
  readonly user: string;
  readonly password: string;
  readonly name: string;
}

/** Pairs values read from the same secret whose keys name a user and a password. */
export function credentialPairs(items: readonly { source: string; name: string; value: string }[]): Pair[] {
  const bySecret = new Map<string, { key: string; name: string; value: string }[]>();
  for (const item of items) {
    const [secret = '', key = ''] = item.source.split('#');
    const list = bySecret.get(secret) ?? [];
    list.push({ key: key.split('.').pop() ?? key, name: item.name, value: item.value });
    bySecret.set(secret, list);
  }
  const pairs: Pair[] = [];
  for (const list of bySecret.values()) {
    for (const u of list.filter((i) => USER_KEYS.test(i.key))) {
      for (const p of list.filter((i) => PASSWORD_KEYS.test(i.key)))
        pairs.push({ user: u.value, password: p.value, name: p.name });
    }
  }
  return pairs;
}
