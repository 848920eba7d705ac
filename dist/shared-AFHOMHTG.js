import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  WILDCARDS,
  normalizeKey,
  require_jsonata
} from "./shared-74JYLPT2.js";
import {
  __toESM
} from "./shared-BDLR4YRK.js";

// src/compat/select.ts
var import_jsonata = __toESM(require_jsonata(), 1);
async function selectCompat(req, data, readPath, opts) {
  const { selector } = req.selector;
  const one = async (expression, name, outputName, shown) => {
    const raw = await evaluate(expression, data, req.line);
    const value = opts.encoding === void 0 ? raw : Buffer.from(raw, opts.encoding).toString();
    return { name, outputName, value, source: `${readPath}#${shown}`, line: req.line };
  };
  if (!WILDCARDS.has(selector)) return [await one(selector, req.name ?? "", req.outputName ?? "", selector)];
  const upper = selector === "*";
  const selected = [];
  for (const key of Object.keys(data)) {
    const expression = key.includes(".") ? `\`${key}\`` : key;
    const name = normalizeKey(`${req.name ?? ""}${key}`, upper);
    if (name === "")
      throw new Error(
        `secrets line ${req.line}: key "${key}" of ${readPath} gives no usable name; select it with \`| NAME\`.`
      );
    selected.push(await one(expression, name, normalizeKey(`${req.outputName ?? ""}${key}`, false), key));
  }
  return selected;
}
async function evaluate(selector, data, line) {
  const expression = `data.${selector.includes(".") ? selector : `"${selector}"`}`;
  let result;
  try {
    result = await (0, import_jsonata.default)(expression).evaluate({ data });
  } catch (err) {
    const code = err.code;
    throw new Error(
      `secrets line ${line}: selector ${selector} failed with JSONata error ${typeof code === "string" ? code : "(no code)"}; see https://docs.jsonata.org/errors.`,
      // the cause stays out of every message: it can quote the data
      { cause: err }
    );
  }
  const json = JSON.stringify(result);
  if (json === void 0)
    throw new Error(
      `secrets line ${line}: unable to retrieve result for ${selector}. No match data was found. Double check your Key or Selector.`
    );
  return typeof result === "string" ? result : json;
}
export {
  selectCompat
};
//# sourceMappingURL=shared-AFHOMHTG.js.map
