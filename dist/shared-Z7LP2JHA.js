import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM,
  debug,
  getExecOutput,
  getIDToken,
  getInput,
  getState,
  group,
  info,
  notice,
  require_debug,
  saveState,
  setFailed,
  setOutput,
  summary,
  warning
} from "./shared-TTT2GRFM.js";

// node_modules/tv4/tv4.js
var require_tv4 = __commonJS({
  "node_modules/tv4/tv4.js"(exports, module) {
    (function(global, factory) {
      if (typeof define === "function" && define.amd) {
        define([], factory);
      } else if (typeof module !== "undefined" && module.exports) {
        module.exports = factory();
      } else {
        global.tv4 = factory();
      }
    })(exports, function() {
      if (!Object.keys) {
        Object.keys = (function() {
          var hasOwnProperty = Object.prototype.hasOwnProperty, hasDontEnumBug = !{ toString: null }.propertyIsEnumerable("toString"), dontEnums = [
            "toString",
            "toLocaleString",
            "valueOf",
            "hasOwnProperty",
            "isPrototypeOf",
            "propertyIsEnumerable",
            "constructor"
          ], dontEnumsLength = dontEnums.length;
          return function(obj) {
            if (typeof obj !== "object" && typeof obj !== "function" || obj === null) {
              throw new TypeError("Object.keys called on non-object");
            }
            var result = [];
            for (var prop in obj) {
              if (hasOwnProperty.call(obj, prop)) {
                result.push(prop);
              }
            }
            if (hasDontEnumBug) {
              for (var i = 0; i < dontEnumsLength; i++) {
                if (hasOwnProperty.call(obj, dontEnums[i])) {
                  result.push(dontEnums[i]);
                }
              }
            }
            return result;
          };
        })();
      }
      if (!Object.create) {
        Object.create = /* @__PURE__ */ (function() {
          function F() {
          }
          return function(o) {
            if (arguments.length !== 1) {
              throw new Error("Object.create implementation only accepts one parameter.");
            }
            F.prototype = o;
            return new F();
          };
        })();
      }
      if (!Array.isArray) {
        Array.isArray = function(vArg) {
          return Object.prototype.toString.call(vArg) === "[object Array]";
        };
      }
      if (!Array.prototype.indexOf) {
        Array.prototype.indexOf = function(searchElement) {
          if (this === null) {
            throw new TypeError();
          }
          var t = Object(this);
          var len = t.length >>> 0;
          if (len === 0) {
            return -1;
          }
          var n = 0;
          if (arguments.length > 1) {
            n = Number(arguments[1]);
            if (n !== n) {
              n = 0;
            } else if (n !== 0 && n !== Infinity && n !== -Infinity) {
              n = (n > 0 || -1) * Math.floor(Math.abs(n));
            }
          }
          if (n >= len) {
            return -1;
          }
          var k = n >= 0 ? n : Math.max(len - Math.abs(n), 0);
          for (; k < len; k++) {
            if (k in t && t[k] === searchElement) {
              return k;
            }
          }
          return -1;
        };
      }
      if (!Object.isFrozen) {
        Object.isFrozen = function(obj) {
          var key2 = "tv4_test_frozen_key";
          while (obj.hasOwnProperty(key2)) {
            key2 += Math.random();
          }
          try {
            obj[key2] = true;
            delete obj[key2];
            return false;
          } catch (e) {
            return true;
          }
        };
      }
      var uriTemplateGlobalModifiers = {
        "+": true,
        "#": true,
        ".": true,
        "/": true,
        ";": true,
        "?": true,
        "&": true
      };
      var uriTemplateSuffices = {
        "*": true
      };
      function notReallyPercentEncode(string) {
        return encodeURI(string).replace(/%25[0-9][0-9]/g, function(doubleEncoded) {
          return "%" + doubleEncoded.substring(3);
        });
      }
      function uriTemplateSubstitution(spec) {
        var modifier = "";
        if (uriTemplateGlobalModifiers[spec.charAt(0)]) {
          modifier = spec.charAt(0);
          spec = spec.substring(1);
        }
        var separator = "";
        var prefix = "";
        var shouldEscape = true;
        var showVariables = false;
        var trimEmptyString = false;
        if (modifier === "+") {
          shouldEscape = false;
        } else if (modifier === ".") {
          prefix = ".";
          separator = ".";
        } else if (modifier === "/") {
          prefix = "/";
          separator = "/";
        } else if (modifier === "#") {
          prefix = "#";
          shouldEscape = false;
        } else if (modifier === ";") {
          prefix = ";";
          separator = ";";
          showVariables = true;
          trimEmptyString = true;
        } else if (modifier === "?") {
          prefix = "?";
          separator = "&";
          showVariables = true;
        } else if (modifier === "&") {
          prefix = "&";
          separator = "&";
          showVariables = true;
        }
        var varNames = [];
        var varList = spec.split(",");
        var varSpecs = [];
        var varSpecMap = {};
        for (var i = 0; i < varList.length; i++) {
          var varName = varList[i];
          var truncate = null;
          if (varName.indexOf(":") !== -1) {
            var parts = varName.split(":");
            varName = parts[0];
            truncate = parseInt(parts[1], 10);
          }
          var suffices = {};
          while (uriTemplateSuffices[varName.charAt(varName.length - 1)]) {
            suffices[varName.charAt(varName.length - 1)] = true;
            varName = varName.substring(0, varName.length - 1);
          }
          var varSpec = {
            truncate,
            name: varName,
            suffices
          };
          varSpecs.push(varSpec);
          varSpecMap[varName] = varSpec;
          varNames.push(varName);
        }
        var subFunction = function(valueFunction) {
          var result = "";
          var startIndex = 0;
          for (var i2 = 0; i2 < varSpecs.length; i2++) {
            var varSpec2 = varSpecs[i2];
            var value = valueFunction(varSpec2.name);
            if (value === null || value === void 0 || Array.isArray(value) && value.length === 0 || typeof value === "object" && Object.keys(value).length === 0) {
              startIndex++;
              continue;
            }
            if (i2 === startIndex) {
              result += prefix;
            } else {
              result += separator || ",";
            }
            if (Array.isArray(value)) {
              if (showVariables) {
                result += varSpec2.name + "=";
              }
              for (var j = 0; j < value.length; j++) {
                if (j > 0) {
                  result += varSpec2.suffices["*"] ? separator || "," : ",";
                  if (varSpec2.suffices["*"] && showVariables) {
                    result += varSpec2.name + "=";
                  }
                }
                result += shouldEscape ? encodeURIComponent(value[j]).replace(/!/g, "%21") : notReallyPercentEncode(value[j]);
              }
            } else if (typeof value === "object") {
              if (showVariables && !varSpec2.suffices["*"]) {
                result += varSpec2.name + "=";
              }
              var first = true;
              for (var key2 in value) {
                if (!first) {
                  result += varSpec2.suffices["*"] ? separator || "," : ",";
                }
                first = false;
                result += shouldEscape ? encodeURIComponent(key2).replace(/!/g, "%21") : notReallyPercentEncode(key2);
                result += varSpec2.suffices["*"] ? "=" : ",";
                result += shouldEscape ? encodeURIComponent(value[key2]).replace(/!/g, "%21") : notReallyPercentEncode(value[key2]);
              }
            } else {
              if (showVariables) {
                result += varSpec2.name;
                if (!trimEmptyString || value !== "") {
                  result += "=";
                }
              }
              if (varSpec2.truncate != null) {
                value = value.substring(0, varSpec2.truncate);
              }
              result += shouldEscape ? encodeURIComponent(value).replace(/!/g, "%21") : notReallyPercentEncode(value);
            }
          }
          return result;
        };
        subFunction.varNames = varNames;
        return {
          prefix,
          substitution: subFunction
        };
      }
      function UriTemplate(template) {
        if (!(this instanceof UriTemplate)) {
          return new UriTemplate(template);
        }
        var parts = template.split("{");
        var textParts = [parts.shift()];
        var prefixes = [];
        var substitutions = [];
        var varNames = [];
        while (parts.length > 0) {
          var part = parts.shift();
          var spec = part.split("}")[0];
          var remainder = part.substring(spec.length + 1);
          var funcs = uriTemplateSubstitution(spec);
          substitutions.push(funcs.substitution);
          prefixes.push(funcs.prefix);
          textParts.push(remainder);
          varNames = varNames.concat(funcs.substitution.varNames);
        }
        this.fill = function(valueFunction) {
          var result = textParts[0];
          for (var i = 0; i < substitutions.length; i++) {
            var substitution = substitutions[i];
            result += substitution(valueFunction);
            result += textParts[i + 1];
          }
          return result;
        };
        this.varNames = varNames;
        this.template = template;
      }
      UriTemplate.prototype = {
        toString: function() {
          return this.template;
        },
        fillFromObject: function(obj) {
          return this.fill(function(varName) {
            return obj[varName];
          });
        }
      };
      var ValidatorContext = function ValidatorContext2(parent, collectMultiple, errorReporter, checkRecursive, trackUnknownProperties) {
        this.missing = [];
        this.missingMap = {};
        this.formatValidators = parent ? Object.create(parent.formatValidators) : {};
        this.schemas = parent ? Object.create(parent.schemas) : {};
        this.collectMultiple = collectMultiple;
        this.errors = [];
        this.handleError = collectMultiple ? this.collectError : this.returnError;
        if (checkRecursive) {
          this.checkRecursive = true;
          this.scanned = [];
          this.scannedFrozen = [];
          this.scannedFrozenSchemas = [];
          this.scannedFrozenValidationErrors = [];
          this.validatedSchemasKey = "tv4_validation_id";
          this.validationErrorsKey = "tv4_validation_errors_id";
        }
        if (trackUnknownProperties) {
          this.trackUnknownProperties = true;
          this.knownPropertyPaths = {};
          this.unknownPropertyPaths = {};
        }
        this.errorReporter = errorReporter || defaultErrorReporter("en");
        if (typeof this.errorReporter === "string") {
          throw new Error("debug");
        }
        this.definedKeywords = {};
        if (parent) {
          for (var key2 in parent.definedKeywords) {
            this.definedKeywords[key2] = parent.definedKeywords[key2].slice(0);
          }
        }
      };
      ValidatorContext.prototype.defineKeyword = function(keyword, keywordFunction) {
        this.definedKeywords[keyword] = this.definedKeywords[keyword] || [];
        this.definedKeywords[keyword].push(keywordFunction);
      };
      ValidatorContext.prototype.createError = function(code, messageParams, dataPath, schemaPath, subErrors, data, schema) {
        var error = new ValidationError(code, messageParams, dataPath, schemaPath, subErrors);
        error.message = this.errorReporter(error, data, schema);
        return error;
      };
      ValidatorContext.prototype.returnError = function(error) {
        return error;
      };
      ValidatorContext.prototype.collectError = function(error) {
        if (error) {
          this.errors.push(error);
        }
        return null;
      };
      ValidatorContext.prototype.prefixErrors = function(startIndex, dataPath, schemaPath) {
        for (var i = startIndex; i < this.errors.length; i++) {
          this.errors[i] = this.errors[i].prefixWith(dataPath, schemaPath);
        }
        return this;
      };
      ValidatorContext.prototype.banUnknownProperties = function(data, schema) {
        for (var unknownPath in this.unknownPropertyPaths) {
          var error = this.createError(ErrorCodes.UNKNOWN_PROPERTY, { path: unknownPath }, unknownPath, "", null, data, schema);
          var result = this.handleError(error);
          if (result) {
            return result;
          }
        }
        return null;
      };
      ValidatorContext.prototype.addFormat = function(format, validator) {
        if (typeof format === "object") {
          for (var key2 in format) {
            this.addFormat(key2, format[key2]);
          }
          return this;
        }
        this.formatValidators[format] = validator;
      };
      ValidatorContext.prototype.resolveRefs = function(schema, urlHistory) {
        if (schema["$ref"] !== void 0) {
          urlHistory = urlHistory || {};
          if (urlHistory[schema["$ref"]]) {
            return this.createError(ErrorCodes.CIRCULAR_REFERENCE, { urls: Object.keys(urlHistory).join(", ") }, "", "", null, void 0, schema);
          }
          urlHistory[schema["$ref"]] = true;
          schema = this.getSchema(schema["$ref"], urlHistory);
        }
        return schema;
      };
      ValidatorContext.prototype.getSchema = function(url, urlHistory) {
        var schema;
        if (this.schemas[url] !== void 0) {
          schema = this.schemas[url];
          return this.resolveRefs(schema, urlHistory);
        }
        var baseUrl = url;
        var fragment = "";
        if (url.indexOf("#") !== -1) {
          fragment = url.substring(url.indexOf("#") + 1);
          baseUrl = url.substring(0, url.indexOf("#"));
        }
        if (typeof this.schemas[baseUrl] === "object") {
          schema = this.schemas[baseUrl];
          var pointerPath = decodeURIComponent(fragment);
          if (pointerPath === "") {
            return this.resolveRefs(schema, urlHistory);
          } else if (pointerPath.charAt(0) !== "/") {
            return void 0;
          }
          var parts = pointerPath.split("/").slice(1);
          for (var i = 0; i < parts.length; i++) {
            var component = parts[i].replace(/~1/g, "/").replace(/~0/g, "~");
            if (schema[component] === void 0) {
              schema = void 0;
              break;
            }
            schema = schema[component];
          }
          if (schema !== void 0) {
            return this.resolveRefs(schema, urlHistory);
          }
        }
        if (this.missing[baseUrl] === void 0) {
          this.missing.push(baseUrl);
          this.missing[baseUrl] = baseUrl;
          this.missingMap[baseUrl] = baseUrl;
        }
      };
      ValidatorContext.prototype.searchSchemas = function(schema, url) {
        if (Array.isArray(schema)) {
          for (var i = 0; i < schema.length; i++) {
            this.searchSchemas(schema[i], url);
          }
        } else if (schema && typeof schema === "object") {
          if (typeof schema.id === "string") {
            if (isTrustedUrl(url, schema.id)) {
              if (this.schemas[schema.id] === void 0) {
                this.schemas[schema.id] = schema;
              }
            }
          }
          for (var key2 in schema) {
            if (key2 !== "enum") {
              if (typeof schema[key2] === "object") {
                this.searchSchemas(schema[key2], url);
              } else if (key2 === "$ref") {
                var uri = getDocumentUri(schema[key2]);
                if (uri && this.schemas[uri] === void 0 && this.missingMap[uri] === void 0) {
                  this.missingMap[uri] = uri;
                }
              }
            }
          }
        }
      };
      ValidatorContext.prototype.addSchema = function(url, schema) {
        if (typeof url !== "string" || typeof schema === "undefined") {
          if (typeof url === "object" && typeof url.id === "string") {
            schema = url;
            url = schema.id;
          } else {
            return;
          }
        }
        if (url === getDocumentUri(url) + "#") {
          url = getDocumentUri(url);
        }
        this.schemas[url] = schema;
        delete this.missingMap[url];
        normSchema(schema, url);
        this.searchSchemas(schema, url);
      };
      ValidatorContext.prototype.getSchemaMap = function() {
        var map = {};
        for (var key2 in this.schemas) {
          map[key2] = this.schemas[key2];
        }
        return map;
      };
      ValidatorContext.prototype.getSchemaUris = function(filterRegExp) {
        var list2 = [];
        for (var key2 in this.schemas) {
          if (!filterRegExp || filterRegExp.test(key2)) {
            list2.push(key2);
          }
        }
        return list2;
      };
      ValidatorContext.prototype.getMissingUris = function(filterRegExp) {
        var list2 = [];
        for (var key2 in this.missingMap) {
          if (!filterRegExp || filterRegExp.test(key2)) {
            list2.push(key2);
          }
        }
        return list2;
      };
      ValidatorContext.prototype.dropSchemas = function() {
        this.schemas = {};
        this.reset();
      };
      ValidatorContext.prototype.reset = function() {
        this.missing = [];
        this.missingMap = {};
        this.errors = [];
      };
      ValidatorContext.prototype.validateAll = function(data, schema, dataPathParts, schemaPathParts, dataPointerPath) {
        var topLevel;
        schema = this.resolveRefs(schema);
        if (!schema) {
          return null;
        } else if (schema instanceof ValidationError) {
          this.errors.push(schema);
          return schema;
        }
        var startErrorCount = this.errors.length;
        var frozenIndex, scannedFrozenSchemaIndex = null, scannedSchemasIndex = null;
        if (this.checkRecursive && data && typeof data === "object") {
          topLevel = !this.scanned.length;
          if (data[this.validatedSchemasKey]) {
            var schemaIndex = data[this.validatedSchemasKey].indexOf(schema);
            if (schemaIndex !== -1) {
              this.errors = this.errors.concat(data[this.validationErrorsKey][schemaIndex]);
              return null;
            }
          }
          if (Object.isFrozen(data)) {
            frozenIndex = this.scannedFrozen.indexOf(data);
            if (frozenIndex !== -1) {
              var frozenSchemaIndex = this.scannedFrozenSchemas[frozenIndex].indexOf(schema);
              if (frozenSchemaIndex !== -1) {
                this.errors = this.errors.concat(this.scannedFrozenValidationErrors[frozenIndex][frozenSchemaIndex]);
                return null;
              }
            }
          }
          this.scanned.push(data);
          if (Object.isFrozen(data)) {
            if (frozenIndex === -1) {
              frozenIndex = this.scannedFrozen.length;
              this.scannedFrozen.push(data);
              this.scannedFrozenSchemas.push([]);
            }
            scannedFrozenSchemaIndex = this.scannedFrozenSchemas[frozenIndex].length;
            this.scannedFrozenSchemas[frozenIndex][scannedFrozenSchemaIndex] = schema;
            this.scannedFrozenValidationErrors[frozenIndex][scannedFrozenSchemaIndex] = [];
          } else {
            if (!data[this.validatedSchemasKey]) {
              try {
                Object.defineProperty(data, this.validatedSchemasKey, {
                  value: [],
                  configurable: true
                });
                Object.defineProperty(data, this.validationErrorsKey, {
                  value: [],
                  configurable: true
                });
              } catch (e) {
                data[this.validatedSchemasKey] = [];
                data[this.validationErrorsKey] = [];
              }
            }
            scannedSchemasIndex = data[this.validatedSchemasKey].length;
            data[this.validatedSchemasKey][scannedSchemasIndex] = schema;
            data[this.validationErrorsKey][scannedSchemasIndex] = [];
          }
        }
        var errorCount = this.errors.length;
        var error = this.validateBasic(data, schema, dataPointerPath) || this.validateNumeric(data, schema, dataPointerPath) || this.validateString(data, schema, dataPointerPath) || this.validateArray(data, schema, dataPointerPath) || this.validateObject(data, schema, dataPointerPath) || this.validateCombinations(data, schema, dataPointerPath) || this.validateHypermedia(data, schema, dataPointerPath) || this.validateFormat(data, schema, dataPointerPath) || this.validateDefinedKeywords(data, schema, dataPointerPath) || null;
        if (topLevel) {
          while (this.scanned.length) {
            var item = this.scanned.pop();
            delete item[this.validatedSchemasKey];
          }
          this.scannedFrozen = [];
          this.scannedFrozenSchemas = [];
        }
        if (error || errorCount !== this.errors.length) {
          while (dataPathParts && dataPathParts.length || schemaPathParts && schemaPathParts.length) {
            var dataPart = dataPathParts && dataPathParts.length ? "" + dataPathParts.pop() : null;
            var schemaPart = schemaPathParts && schemaPathParts.length ? "" + schemaPathParts.pop() : null;
            if (error) {
              error = error.prefixWith(dataPart, schemaPart);
            }
            this.prefixErrors(errorCount, dataPart, schemaPart);
          }
        }
        if (scannedFrozenSchemaIndex !== null) {
          this.scannedFrozenValidationErrors[frozenIndex][scannedFrozenSchemaIndex] = this.errors.slice(startErrorCount);
        } else if (scannedSchemasIndex !== null) {
          data[this.validationErrorsKey][scannedSchemasIndex] = this.errors.slice(startErrorCount);
        }
        return this.handleError(error);
      };
      ValidatorContext.prototype.validateFormat = function(data, schema) {
        if (typeof schema.format !== "string" || !this.formatValidators[schema.format]) {
          return null;
        }
        var errorMessage2 = this.formatValidators[schema.format].call(null, data, schema);
        if (typeof errorMessage2 === "string" || typeof errorMessage2 === "number") {
          return this.createError(ErrorCodes.FORMAT_CUSTOM, { message: errorMessage2 }, "", "/format", null, data, schema);
        } else if (errorMessage2 && typeof errorMessage2 === "object") {
          return this.createError(ErrorCodes.FORMAT_CUSTOM, { message: errorMessage2.message || "?" }, errorMessage2.dataPath || "", errorMessage2.schemaPath || "/format", null, data, schema);
        }
        return null;
      };
      ValidatorContext.prototype.validateDefinedKeywords = function(data, schema, dataPointerPath) {
        for (var key2 in this.definedKeywords) {
          if (typeof schema[key2] === "undefined") {
            continue;
          }
          var validationFunctions = this.definedKeywords[key2];
          for (var i = 0; i < validationFunctions.length; i++) {
            var func = validationFunctions[i];
            var result = func(data, schema[key2], schema, dataPointerPath);
            if (typeof result === "string" || typeof result === "number") {
              return this.createError(ErrorCodes.KEYWORD_CUSTOM, { key: key2, message: result }, "", "", null, data, schema).prefixWith(null, key2);
            } else if (result && typeof result === "object") {
              var code = result.code;
              if (typeof code === "string") {
                if (!ErrorCodes[code]) {
                  throw new Error("Undefined error code (use defineError): " + code);
                }
                code = ErrorCodes[code];
              } else if (typeof code !== "number") {
                code = ErrorCodes.KEYWORD_CUSTOM;
              }
              var messageParams = typeof result.message === "object" ? result.message : { key: key2, message: result.message || "?" };
              var schemaPath = result.schemaPath || "/" + key2.replace(/~/g, "~0").replace(/\//g, "~1");
              return this.createError(code, messageParams, result.dataPath || null, schemaPath, null, data, schema);
            }
          }
        }
        return null;
      };
      function recursiveCompare(A, B) {
        if (A === B) {
          return true;
        }
        if (A && B && typeof A === "object" && typeof B === "object") {
          if (Array.isArray(A) !== Array.isArray(B)) {
            return false;
          } else if (Array.isArray(A)) {
            if (A.length !== B.length) {
              return false;
            }
            for (var i = 0; i < A.length; i++) {
              if (!recursiveCompare(A[i], B[i])) {
                return false;
              }
            }
          } else {
            var key2;
            for (key2 in A) {
              if (B[key2] === void 0 && A[key2] !== void 0) {
                return false;
              }
            }
            for (key2 in B) {
              if (A[key2] === void 0 && B[key2] !== void 0) {
                return false;
              }
            }
            for (key2 in A) {
              if (!recursiveCompare(A[key2], B[key2])) {
                return false;
              }
            }
          }
          return true;
        }
        return false;
      }
      ValidatorContext.prototype.validateBasic = function validateBasic(data, schema, dataPointerPath) {
        var error;
        if (error = this.validateType(data, schema, dataPointerPath)) {
          return error.prefixWith(null, "type");
        }
        if (error = this.validateEnum(data, schema, dataPointerPath)) {
          return error.prefixWith(null, "type");
        }
        return null;
      };
      ValidatorContext.prototype.validateType = function validateType(data, schema) {
        if (schema.type === void 0) {
          return null;
        }
        var dataType = typeof data;
        if (data === null) {
          dataType = "null";
        } else if (Array.isArray(data)) {
          dataType = "array";
        }
        var allowedTypes = schema.type;
        if (!Array.isArray(allowedTypes)) {
          allowedTypes = [allowedTypes];
        }
        for (var i = 0; i < allowedTypes.length; i++) {
          var type = allowedTypes[i];
          if (type === dataType || type === "integer" && dataType === "number" && data % 1 === 0) {
            return null;
          }
        }
        return this.createError(ErrorCodes.INVALID_TYPE, { type: dataType, expected: allowedTypes.join("/") }, "", "", null, data, schema);
      };
      ValidatorContext.prototype.validateEnum = function validateEnum(data, schema) {
        if (schema["enum"] === void 0) {
          return null;
        }
        for (var i = 0; i < schema["enum"].length; i++) {
          var enumVal = schema["enum"][i];
          if (recursiveCompare(data, enumVal)) {
            return null;
          }
        }
        return this.createError(ErrorCodes.ENUM_MISMATCH, { value: typeof JSON !== "undefined" ? JSON.stringify(data) : data }, "", "", null, data, schema);
      };
      ValidatorContext.prototype.validateNumeric = function validateNumeric(data, schema, dataPointerPath) {
        return this.validateMultipleOf(data, schema, dataPointerPath) || this.validateMinMax(data, schema, dataPointerPath) || this.validateNaN(data, schema, dataPointerPath) || null;
      };
      var CLOSE_ENOUGH_LOW = Math.pow(2, -51);
      var CLOSE_ENOUGH_HIGH = 1 - CLOSE_ENOUGH_LOW;
      ValidatorContext.prototype.validateMultipleOf = function validateMultipleOf(data, schema) {
        var multipleOf = schema.multipleOf || schema.divisibleBy;
        if (multipleOf === void 0) {
          return null;
        }
        if (typeof data === "number") {
          var remainder = data / multipleOf % 1;
          if (remainder >= CLOSE_ENOUGH_LOW && remainder < CLOSE_ENOUGH_HIGH) {
            return this.createError(ErrorCodes.NUMBER_MULTIPLE_OF, { value: data, multipleOf }, "", "", null, data, schema);
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateMinMax = function validateMinMax(data, schema) {
        if (typeof data !== "number") {
          return null;
        }
        if (schema.minimum !== void 0) {
          if (data < schema.minimum) {
            return this.createError(ErrorCodes.NUMBER_MINIMUM, { value: data, minimum: schema.minimum }, "", "/minimum", null, data, schema);
          }
          if (schema.exclusiveMinimum && data === schema.minimum) {
            return this.createError(ErrorCodes.NUMBER_MINIMUM_EXCLUSIVE, { value: data, minimum: schema.minimum }, "", "/exclusiveMinimum", null, data, schema);
          }
        }
        if (schema.maximum !== void 0) {
          if (data > schema.maximum) {
            return this.createError(ErrorCodes.NUMBER_MAXIMUM, { value: data, maximum: schema.maximum }, "", "/maximum", null, data, schema);
          }
          if (schema.exclusiveMaximum && data === schema.maximum) {
            return this.createError(ErrorCodes.NUMBER_MAXIMUM_EXCLUSIVE, { value: data, maximum: schema.maximum }, "", "/exclusiveMaximum", null, data, schema);
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateNaN = function validateNaN(data, schema) {
        if (typeof data !== "number") {
          return null;
        }
        if (isNaN(data) === true || data === Infinity || data === -Infinity) {
          return this.createError(ErrorCodes.NUMBER_NOT_A_NUMBER, { value: data }, "", "/type", null, data, schema);
        }
        return null;
      };
      ValidatorContext.prototype.validateString = function validateString(data, schema, dataPointerPath) {
        return this.validateStringLength(data, schema, dataPointerPath) || this.validateStringPattern(data, schema, dataPointerPath) || null;
      };
      ValidatorContext.prototype.validateStringLength = function validateStringLength(data, schema) {
        if (typeof data !== "string") {
          return null;
        }
        if (schema.minLength !== void 0) {
          if (data.length < schema.minLength) {
            return this.createError(ErrorCodes.STRING_LENGTH_SHORT, { length: data.length, minimum: schema.minLength }, "", "/minLength", null, data, schema);
          }
        }
        if (schema.maxLength !== void 0) {
          if (data.length > schema.maxLength) {
            return this.createError(ErrorCodes.STRING_LENGTH_LONG, { length: data.length, maximum: schema.maxLength }, "", "/maxLength", null, data, schema);
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateStringPattern = function validateStringPattern(data, schema) {
        if (typeof data !== "string" || typeof schema.pattern !== "string" && !(schema.pattern instanceof RegExp)) {
          return null;
        }
        var regexp;
        if (schema.pattern instanceof RegExp) {
          regexp = schema.pattern;
        } else {
          var body, flags = "";
          var literal = schema.pattern.match(/^\/(.+)\/([img]*)$/);
          if (literal) {
            body = literal[1];
            flags = literal[2];
          } else {
            body = schema.pattern;
          }
          regexp = new RegExp(body, flags);
        }
        if (!regexp.test(data)) {
          return this.createError(ErrorCodes.STRING_PATTERN, { pattern: schema.pattern }, "", "/pattern", null, data, schema);
        }
        return null;
      };
      ValidatorContext.prototype.validateArray = function validateArray(data, schema, dataPointerPath) {
        if (!Array.isArray(data)) {
          return null;
        }
        return this.validateArrayLength(data, schema, dataPointerPath) || this.validateArrayUniqueItems(data, schema, dataPointerPath) || this.validateArrayItems(data, schema, dataPointerPath) || null;
      };
      ValidatorContext.prototype.validateArrayLength = function validateArrayLength(data, schema) {
        var error;
        if (schema.minItems !== void 0) {
          if (data.length < schema.minItems) {
            error = this.createError(ErrorCodes.ARRAY_LENGTH_SHORT, { length: data.length, minimum: schema.minItems }, "", "/minItems", null, data, schema);
            if (this.handleError(error)) {
              return error;
            }
          }
        }
        if (schema.maxItems !== void 0) {
          if (data.length > schema.maxItems) {
            error = this.createError(ErrorCodes.ARRAY_LENGTH_LONG, { length: data.length, maximum: schema.maxItems }, "", "/maxItems", null, data, schema);
            if (this.handleError(error)) {
              return error;
            }
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateArrayUniqueItems = function validateArrayUniqueItems(data, schema) {
        if (schema.uniqueItems) {
          for (var i = 0; i < data.length; i++) {
            for (var j = i + 1; j < data.length; j++) {
              if (recursiveCompare(data[i], data[j])) {
                var error = this.createError(ErrorCodes.ARRAY_UNIQUE, { match1: i, match2: j }, "", "/uniqueItems", null, data, schema);
                if (this.handleError(error)) {
                  return error;
                }
              }
            }
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateArrayItems = function validateArrayItems(data, schema, dataPointerPath) {
        if (schema.items === void 0) {
          return null;
        }
        var error, i;
        if (Array.isArray(schema.items)) {
          for (i = 0; i < data.length; i++) {
            if (i < schema.items.length) {
              if (error = this.validateAll(data[i], schema.items[i], [i], ["items", i], dataPointerPath + "/" + i)) {
                return error;
              }
            } else if (schema.additionalItems !== void 0) {
              if (typeof schema.additionalItems === "boolean") {
                if (!schema.additionalItems) {
                  error = this.createError(ErrorCodes.ARRAY_ADDITIONAL_ITEMS, {}, "/" + i, "/additionalItems", null, data, schema);
                  if (this.handleError(error)) {
                    return error;
                  }
                }
              } else if (error = this.validateAll(data[i], schema.additionalItems, [i], ["additionalItems"], dataPointerPath + "/" + i)) {
                return error;
              }
            }
          }
        } else {
          for (i = 0; i < data.length; i++) {
            if (error = this.validateAll(data[i], schema.items, [i], ["items"], dataPointerPath + "/" + i)) {
              return error;
            }
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateObject = function validateObject(data, schema, dataPointerPath) {
        if (typeof data !== "object" || data === null || Array.isArray(data)) {
          return null;
        }
        return this.validateObjectMinMaxProperties(data, schema, dataPointerPath) || this.validateObjectRequiredProperties(data, schema, dataPointerPath) || this.validateObjectProperties(data, schema, dataPointerPath) || this.validateObjectDependencies(data, schema, dataPointerPath) || null;
      };
      ValidatorContext.prototype.validateObjectMinMaxProperties = function validateObjectMinMaxProperties(data, schema) {
        var keys = Object.keys(data);
        var error;
        if (schema.minProperties !== void 0) {
          if (keys.length < schema.minProperties) {
            error = this.createError(ErrorCodes.OBJECT_PROPERTIES_MINIMUM, { propertyCount: keys.length, minimum: schema.minProperties }, "", "/minProperties", null, data, schema);
            if (this.handleError(error)) {
              return error;
            }
          }
        }
        if (schema.maxProperties !== void 0) {
          if (keys.length > schema.maxProperties) {
            error = this.createError(ErrorCodes.OBJECT_PROPERTIES_MAXIMUM, { propertyCount: keys.length, maximum: schema.maxProperties }, "", "/maxProperties", null, data, schema);
            if (this.handleError(error)) {
              return error;
            }
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateObjectRequiredProperties = function validateObjectRequiredProperties(data, schema) {
        if (schema.required !== void 0) {
          for (var i = 0; i < schema.required.length; i++) {
            var key2 = schema.required[i];
            if (data[key2] === void 0) {
              var error = this.createError(ErrorCodes.OBJECT_REQUIRED, { key: key2 }, "", "/required/" + i, null, data, schema);
              if (this.handleError(error)) {
                return error;
              }
            }
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateObjectProperties = function validateObjectProperties(data, schema, dataPointerPath) {
        var error;
        for (var key2 in data) {
          var keyPointerPath = dataPointerPath + "/" + key2.replace(/~/g, "~0").replace(/\//g, "~1");
          var foundMatch = false;
          if (schema.properties !== void 0 && schema.properties[key2] !== void 0) {
            foundMatch = true;
            if (error = this.validateAll(data[key2], schema.properties[key2], [key2], ["properties", key2], keyPointerPath)) {
              return error;
            }
          }
          if (schema.patternProperties !== void 0) {
            for (var patternKey in schema.patternProperties) {
              var regexp = new RegExp(patternKey);
              if (regexp.test(key2)) {
                foundMatch = true;
                if (error = this.validateAll(data[key2], schema.patternProperties[patternKey], [key2], ["patternProperties", patternKey], keyPointerPath)) {
                  return error;
                }
              }
            }
          }
          if (!foundMatch) {
            if (schema.additionalProperties !== void 0) {
              if (this.trackUnknownProperties) {
                this.knownPropertyPaths[keyPointerPath] = true;
                delete this.unknownPropertyPaths[keyPointerPath];
              }
              if (typeof schema.additionalProperties === "boolean") {
                if (!schema.additionalProperties) {
                  error = this.createError(ErrorCodes.OBJECT_ADDITIONAL_PROPERTIES, { key: key2 }, "", "/additionalProperties", null, data, schema).prefixWith(key2, null);
                  if (this.handleError(error)) {
                    return error;
                  }
                }
              } else {
                if (error = this.validateAll(data[key2], schema.additionalProperties, [key2], ["additionalProperties"], keyPointerPath)) {
                  return error;
                }
              }
            } else if (this.trackUnknownProperties && !this.knownPropertyPaths[keyPointerPath]) {
              this.unknownPropertyPaths[keyPointerPath] = true;
            }
          } else if (this.trackUnknownProperties) {
            this.knownPropertyPaths[keyPointerPath] = true;
            delete this.unknownPropertyPaths[keyPointerPath];
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateObjectDependencies = function validateObjectDependencies(data, schema, dataPointerPath) {
        var error;
        if (schema.dependencies !== void 0) {
          for (var depKey in schema.dependencies) {
            if (data[depKey] !== void 0) {
              var dep = schema.dependencies[depKey];
              if (typeof dep === "string") {
                if (data[dep] === void 0) {
                  error = this.createError(ErrorCodes.OBJECT_DEPENDENCY_KEY, { key: depKey, missing: dep }, "", "", null, data, schema).prefixWith(null, depKey).prefixWith(null, "dependencies");
                  if (this.handleError(error)) {
                    return error;
                  }
                }
              } else if (Array.isArray(dep)) {
                for (var i = 0; i < dep.length; i++) {
                  var requiredKey = dep[i];
                  if (data[requiredKey] === void 0) {
                    error = this.createError(ErrorCodes.OBJECT_DEPENDENCY_KEY, { key: depKey, missing: requiredKey }, "", "/" + i, null, data, schema).prefixWith(null, depKey).prefixWith(null, "dependencies");
                    if (this.handleError(error)) {
                      return error;
                    }
                  }
                }
              } else {
                if (error = this.validateAll(data, dep, [], ["dependencies", depKey], dataPointerPath)) {
                  return error;
                }
              }
            }
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateCombinations = function validateCombinations(data, schema, dataPointerPath) {
        return this.validateAllOf(data, schema, dataPointerPath) || this.validateAnyOf(data, schema, dataPointerPath) || this.validateOneOf(data, schema, dataPointerPath) || this.validateNot(data, schema, dataPointerPath) || null;
      };
      ValidatorContext.prototype.validateAllOf = function validateAllOf(data, schema, dataPointerPath) {
        if (schema.allOf === void 0) {
          return null;
        }
        var error;
        for (var i = 0; i < schema.allOf.length; i++) {
          var subSchema = schema.allOf[i];
          if (error = this.validateAll(data, subSchema, [], ["allOf", i], dataPointerPath)) {
            return error;
          }
        }
        return null;
      };
      ValidatorContext.prototype.validateAnyOf = function validateAnyOf(data, schema, dataPointerPath) {
        if (schema.anyOf === void 0) {
          return null;
        }
        var errors = [];
        var startErrorCount = this.errors.length;
        var oldUnknownPropertyPaths, oldKnownPropertyPaths;
        if (this.trackUnknownProperties) {
          oldUnknownPropertyPaths = this.unknownPropertyPaths;
          oldKnownPropertyPaths = this.knownPropertyPaths;
        }
        var errorAtEnd = true;
        for (var i = 0; i < schema.anyOf.length; i++) {
          if (this.trackUnknownProperties) {
            this.unknownPropertyPaths = {};
            this.knownPropertyPaths = {};
          }
          var subSchema = schema.anyOf[i];
          var errorCount = this.errors.length;
          var error = this.validateAll(data, subSchema, [], ["anyOf", i], dataPointerPath);
          if (error === null && errorCount === this.errors.length) {
            this.errors = this.errors.slice(0, startErrorCount);
            if (this.trackUnknownProperties) {
              for (var knownKey in this.knownPropertyPaths) {
                oldKnownPropertyPaths[knownKey] = true;
                delete oldUnknownPropertyPaths[knownKey];
              }
              for (var unknownKey in this.unknownPropertyPaths) {
                if (!oldKnownPropertyPaths[unknownKey]) {
                  oldUnknownPropertyPaths[unknownKey] = true;
                }
              }
              errorAtEnd = false;
              continue;
            }
            return null;
          }
          if (error) {
            errors.push(error.prefixWith(null, "" + i).prefixWith(null, "anyOf"));
          }
        }
        if (this.trackUnknownProperties) {
          this.unknownPropertyPaths = oldUnknownPropertyPaths;
          this.knownPropertyPaths = oldKnownPropertyPaths;
        }
        if (errorAtEnd) {
          errors = errors.concat(this.errors.slice(startErrorCount));
          this.errors = this.errors.slice(0, startErrorCount);
          return this.createError(ErrorCodes.ANY_OF_MISSING, {}, "", "/anyOf", errors, data, schema);
        }
      };
      ValidatorContext.prototype.validateOneOf = function validateOneOf(data, schema, dataPointerPath) {
        if (schema.oneOf === void 0) {
          return null;
        }
        var validIndex = null;
        var errors = [];
        var startErrorCount = this.errors.length;
        var oldUnknownPropertyPaths, oldKnownPropertyPaths;
        if (this.trackUnknownProperties) {
          oldUnknownPropertyPaths = this.unknownPropertyPaths;
          oldKnownPropertyPaths = this.knownPropertyPaths;
        }
        for (var i = 0; i < schema.oneOf.length; i++) {
          if (this.trackUnknownProperties) {
            this.unknownPropertyPaths = {};
            this.knownPropertyPaths = {};
          }
          var subSchema = schema.oneOf[i];
          var errorCount = this.errors.length;
          var error = this.validateAll(data, subSchema, [], ["oneOf", i], dataPointerPath);
          if (error === null && errorCount === this.errors.length) {
            if (validIndex === null) {
              validIndex = i;
            } else {
              this.errors = this.errors.slice(0, startErrorCount);
              return this.createError(ErrorCodes.ONE_OF_MULTIPLE, { index1: validIndex, index2: i }, "", "/oneOf", null, data, schema);
            }
            if (this.trackUnknownProperties) {
              for (var knownKey in this.knownPropertyPaths) {
                oldKnownPropertyPaths[knownKey] = true;
                delete oldUnknownPropertyPaths[knownKey];
              }
              for (var unknownKey in this.unknownPropertyPaths) {
                if (!oldKnownPropertyPaths[unknownKey]) {
                  oldUnknownPropertyPaths[unknownKey] = true;
                }
              }
            }
          } else if (error) {
            errors.push(error);
          }
        }
        if (this.trackUnknownProperties) {
          this.unknownPropertyPaths = oldUnknownPropertyPaths;
          this.knownPropertyPaths = oldKnownPropertyPaths;
        }
        if (validIndex === null) {
          errors = errors.concat(this.errors.slice(startErrorCount));
          this.errors = this.errors.slice(0, startErrorCount);
          return this.createError(ErrorCodes.ONE_OF_MISSING, {}, "", "/oneOf", errors, data, schema);
        } else {
          this.errors = this.errors.slice(0, startErrorCount);
        }
        return null;
      };
      ValidatorContext.prototype.validateNot = function validateNot(data, schema, dataPointerPath) {
        if (schema.not === void 0) {
          return null;
        }
        var oldErrorCount = this.errors.length;
        var oldUnknownPropertyPaths, oldKnownPropertyPaths;
        if (this.trackUnknownProperties) {
          oldUnknownPropertyPaths = this.unknownPropertyPaths;
          oldKnownPropertyPaths = this.knownPropertyPaths;
          this.unknownPropertyPaths = {};
          this.knownPropertyPaths = {};
        }
        var error = this.validateAll(data, schema.not, null, null, dataPointerPath);
        var notErrors = this.errors.slice(oldErrorCount);
        this.errors = this.errors.slice(0, oldErrorCount);
        if (this.trackUnknownProperties) {
          this.unknownPropertyPaths = oldUnknownPropertyPaths;
          this.knownPropertyPaths = oldKnownPropertyPaths;
        }
        if (error === null && notErrors.length === 0) {
          return this.createError(ErrorCodes.NOT_PASSED, {}, "", "/not", null, data, schema);
        }
        return null;
      };
      ValidatorContext.prototype.validateHypermedia = function validateCombinations(data, schema, dataPointerPath) {
        if (!schema.links) {
          return null;
        }
        var error;
        for (var i = 0; i < schema.links.length; i++) {
          var ldo = schema.links[i];
          if (ldo.rel === "describedby") {
            var template = new UriTemplate(ldo.href);
            var allPresent = true;
            for (var j = 0; j < template.varNames.length; j++) {
              if (!(template.varNames[j] in data)) {
                allPresent = false;
                break;
              }
            }
            if (allPresent) {
              var schemaUrl = template.fillFromObject(data);
              var subSchema = { "$ref": schemaUrl };
              if (error = this.validateAll(data, subSchema, [], ["links", i], dataPointerPath)) {
                return error;
              }
            }
          }
        }
      };
      function parseURI(url) {
        var m = String(url).replace(/^\s+|\s+$/g, "").match(/^([^:\/?#]+:)?(\/\/(?:[^:@]*(?::[^:@]*)?@)?(([^:\/?#]*)(?::(\d*))?))?([^?#]*)(\?[^#]*)?(#[\s\S]*)?/);
        return m ? {
          href: m[0] || "",
          protocol: m[1] || "",
          authority: m[2] || "",
          host: m[3] || "",
          hostname: m[4] || "",
          port: m[5] || "",
          pathname: m[6] || "",
          search: m[7] || "",
          hash: m[8] || ""
        } : null;
      }
      function resolveUrl(base, href) {
        function removeDotSegments(input) {
          var output = [];
          input.replace(/^(\.\.?(\/|$))+/, "").replace(/\/(\.(\/|$))+/g, "/").replace(/\/\.\.$/, "/../").replace(/\/?[^\/]*/g, function(p) {
            if (p === "/..") {
              output.pop();
            } else {
              output.push(p);
            }
          });
          return output.join("").replace(/^\//, input.charAt(0) === "/" ? "/" : "");
        }
        href = parseURI(href || "");
        base = parseURI(base || "");
        return !href || !base ? null : (href.protocol || base.protocol) + (href.protocol || href.authority ? href.authority : base.authority) + removeDotSegments(href.protocol || href.authority || href.pathname.charAt(0) === "/" ? href.pathname : href.pathname ? (base.authority && !base.pathname ? "/" : "") + base.pathname.slice(0, base.pathname.lastIndexOf("/") + 1) + href.pathname : base.pathname) + (href.protocol || href.authority || href.pathname ? href.search : href.search || base.search) + href.hash;
      }
      function getDocumentUri(uri) {
        return uri.split("#")[0];
      }
      function normSchema(schema, baseUri) {
        if (schema && typeof schema === "object") {
          if (baseUri === void 0) {
            baseUri = schema.id;
          } else if (typeof schema.id === "string") {
            baseUri = resolveUrl(baseUri, schema.id);
            schema.id = baseUri;
          }
          if (Array.isArray(schema)) {
            for (var i = 0; i < schema.length; i++) {
              normSchema(schema[i], baseUri);
            }
          } else {
            if (typeof schema["$ref"] === "string") {
              schema["$ref"] = resolveUrl(baseUri, schema["$ref"]);
            }
            for (var key2 in schema) {
              if (key2 !== "enum") {
                normSchema(schema[key2], baseUri);
              }
            }
          }
        }
      }
      function defaultErrorReporter(language) {
        language = language || "en";
        var errorMessages = languages[language];
        return function(error) {
          var messageTemplate = errorMessages[error.code] || ErrorMessagesDefault[error.code];
          if (typeof messageTemplate !== "string") {
            return "Unknown error code " + error.code + ": " + JSON.stringify(error.messageParams);
          }
          var messageParams = error.params;
          return messageTemplate.replace(/\{([^{}]*)\}/g, function(whole, varName) {
            var subValue = messageParams[varName];
            return typeof subValue === "string" || typeof subValue === "number" ? subValue : whole;
          });
        };
      }
      var ErrorCodes = {
        INVALID_TYPE: 0,
        ENUM_MISMATCH: 1,
        ANY_OF_MISSING: 10,
        ONE_OF_MISSING: 11,
        ONE_OF_MULTIPLE: 12,
        NOT_PASSED: 13,
        // Numeric errors
        NUMBER_MULTIPLE_OF: 100,
        NUMBER_MINIMUM: 101,
        NUMBER_MINIMUM_EXCLUSIVE: 102,
        NUMBER_MAXIMUM: 103,
        NUMBER_MAXIMUM_EXCLUSIVE: 104,
        NUMBER_NOT_A_NUMBER: 105,
        // String errors
        STRING_LENGTH_SHORT: 200,
        STRING_LENGTH_LONG: 201,
        STRING_PATTERN: 202,
        // Object errors
        OBJECT_PROPERTIES_MINIMUM: 300,
        OBJECT_PROPERTIES_MAXIMUM: 301,
        OBJECT_REQUIRED: 302,
        OBJECT_ADDITIONAL_PROPERTIES: 303,
        OBJECT_DEPENDENCY_KEY: 304,
        // Array errors
        ARRAY_LENGTH_SHORT: 400,
        ARRAY_LENGTH_LONG: 401,
        ARRAY_UNIQUE: 402,
        ARRAY_ADDITIONAL_ITEMS: 403,
        // Custom/user-defined errors
        FORMAT_CUSTOM: 500,
        KEYWORD_CUSTOM: 501,
        // Schema structure
        CIRCULAR_REFERENCE: 600,
        // Non-standard validation options
        UNKNOWN_PROPERTY: 1e3
      };
      var ErrorCodeLookup = {};
      for (var key in ErrorCodes) {
        ErrorCodeLookup[ErrorCodes[key]] = key;
      }
      var ErrorMessagesDefault = {
        INVALID_TYPE: "Invalid type: {type} (expected {expected})",
        ENUM_MISMATCH: "No enum match for: {value}",
        ANY_OF_MISSING: 'Data does not match any schemas from "anyOf"',
        ONE_OF_MISSING: 'Data does not match any schemas from "oneOf"',
        ONE_OF_MULTIPLE: 'Data is valid against more than one schema from "oneOf": indices {index1} and {index2}',
        NOT_PASSED: 'Data matches schema from "not"',
        // Numeric errors
        NUMBER_MULTIPLE_OF: "Value {value} is not a multiple of {multipleOf}",
        NUMBER_MINIMUM: "Value {value} is less than minimum {minimum}",
        NUMBER_MINIMUM_EXCLUSIVE: "Value {value} is equal to exclusive minimum {minimum}",
        NUMBER_MAXIMUM: "Value {value} is greater than maximum {maximum}",
        NUMBER_MAXIMUM_EXCLUSIVE: "Value {value} is equal to exclusive maximum {maximum}",
        NUMBER_NOT_A_NUMBER: "Value {value} is not a valid number",
        // String errors
        STRING_LENGTH_SHORT: "String is too short ({length} chars), minimum {minimum}",
        STRING_LENGTH_LONG: "String is too long ({length} chars), maximum {maximum}",
        STRING_PATTERN: "String does not match pattern: {pattern}",
        // Object errors
        OBJECT_PROPERTIES_MINIMUM: "Too few properties defined ({propertyCount}), minimum {minimum}",
        OBJECT_PROPERTIES_MAXIMUM: "Too many properties defined ({propertyCount}), maximum {maximum}",
        OBJECT_REQUIRED: "Missing required property: {key}",
        OBJECT_ADDITIONAL_PROPERTIES: "Additional properties not allowed",
        OBJECT_DEPENDENCY_KEY: "Dependency failed - key must exist: {missing} (due to key: {key})",
        // Array errors
        ARRAY_LENGTH_SHORT: "Array is too short ({length}), minimum {minimum}",
        ARRAY_LENGTH_LONG: "Array is too long ({length}), maximum {maximum}",
        ARRAY_UNIQUE: "Array items are not unique (indices {match1} and {match2})",
        ARRAY_ADDITIONAL_ITEMS: "Additional items not allowed",
        // Format errors
        FORMAT_CUSTOM: "Format validation failed ({message})",
        KEYWORD_CUSTOM: "Keyword failed: {key} ({message})",
        // Schema structure
        CIRCULAR_REFERENCE: "Circular $refs: {urls}",
        // Non-standard validation options
        UNKNOWN_PROPERTY: "Unknown property (not in schema)"
      };
      function ValidationError(code, params, dataPath, schemaPath, subErrors) {
        Error.call(this);
        if (code === void 0) {
          throw new Error("No error code supplied: " + schemaPath);
        }
        this.message = "";
        this.params = params;
        this.code = code;
        this.dataPath = dataPath || "";
        this.schemaPath = schemaPath || "";
        this.subErrors = subErrors || null;
        var err = new Error(this.message);
        this.stack = err.stack || err.stacktrace;
        if (!this.stack) {
          try {
            throw err;
          } catch (err2) {
            this.stack = err2.stack || err2.stacktrace;
          }
        }
      }
      ValidationError.prototype = Object.create(Error.prototype);
      ValidationError.prototype.constructor = ValidationError;
      ValidationError.prototype.name = "ValidationError";
      ValidationError.prototype.prefixWith = function(dataPrefix, schemaPrefix) {
        if (dataPrefix !== null) {
          dataPrefix = dataPrefix.replace(/~/g, "~0").replace(/\//g, "~1");
          this.dataPath = "/" + dataPrefix + this.dataPath;
        }
        if (schemaPrefix !== null) {
          schemaPrefix = schemaPrefix.replace(/~/g, "~0").replace(/\//g, "~1");
          this.schemaPath = "/" + schemaPrefix + this.schemaPath;
        }
        if (this.subErrors !== null) {
          for (var i = 0; i < this.subErrors.length; i++) {
            this.subErrors[i].prefixWith(dataPrefix, schemaPrefix);
          }
        }
        return this;
      };
      function isTrustedUrl(baseUrl, testUrl) {
        if (testUrl.substring(0, baseUrl.length) === baseUrl) {
          var remainder = testUrl.substring(baseUrl.length);
          if (testUrl.length > 0 && testUrl.charAt(baseUrl.length - 1) === "/" || remainder.charAt(0) === "#" || remainder.charAt(0) === "?") {
            return true;
          }
        }
        return false;
      }
      var languages = {};
      function createApi(language) {
        var globalContext = new ValidatorContext();
        var currentLanguage;
        var customErrorReporter;
        var api = {
          setErrorReporter: function(reporter) {
            if (typeof reporter === "string") {
              return this.language(reporter);
            }
            customErrorReporter = reporter;
            return true;
          },
          addFormat: function() {
            globalContext.addFormat.apply(globalContext, arguments);
          },
          language: function(code) {
            if (!code) {
              return currentLanguage;
            }
            if (!languages[code]) {
              code = code.split("-")[0];
            }
            if (languages[code]) {
              currentLanguage = code;
              return code;
            }
            return false;
          },
          addLanguage: function(code, messageMap) {
            var key2;
            for (key2 in ErrorCodes) {
              if (messageMap[key2] && !messageMap[ErrorCodes[key2]]) {
                messageMap[ErrorCodes[key2]] = messageMap[key2];
              }
            }
            var rootCode = code.split("-")[0];
            if (!languages[rootCode]) {
              languages[code] = messageMap;
              languages[rootCode] = messageMap;
            } else {
              languages[code] = Object.create(languages[rootCode]);
              for (key2 in messageMap) {
                if (typeof languages[rootCode][key2] === "undefined") {
                  languages[rootCode][key2] = messageMap[key2];
                }
                languages[code][key2] = messageMap[key2];
              }
            }
            return this;
          },
          freshApi: function(language2) {
            var result = createApi();
            if (language2) {
              result.language(language2);
            }
            return result;
          },
          validate: function(data, schema, checkRecursive, banUnknownProperties) {
            var def = defaultErrorReporter(currentLanguage);
            var errorReporter = customErrorReporter ? function(error2, data2, schema2) {
              return customErrorReporter(error2, data2, schema2) || def(error2, data2, schema2);
            } : def;
            var context = new ValidatorContext(globalContext, false, errorReporter, checkRecursive, banUnknownProperties);
            if (typeof schema === "string") {
              schema = { "$ref": schema };
            }
            context.addSchema("", schema);
            var error = context.validateAll(data, schema, null, null, "");
            if (!error && banUnknownProperties) {
              error = context.banUnknownProperties(data, schema);
            }
            this.error = error;
            this.missing = context.missing;
            this.valid = error === null;
            return this.valid;
          },
          validateResult: function() {
            var result = { toString: function() {
              return this.valid ? "valid" : this.error.message;
            } };
            this.validate.apply(result, arguments);
            return result;
          },
          validateMultiple: function(data, schema, checkRecursive, banUnknownProperties) {
            var def = defaultErrorReporter(currentLanguage);
            var errorReporter = customErrorReporter ? function(error, data2, schema2) {
              return customErrorReporter(error, data2, schema2) || def(error, data2, schema2);
            } : def;
            var context = new ValidatorContext(globalContext, true, errorReporter, checkRecursive, banUnknownProperties);
            if (typeof schema === "string") {
              schema = { "$ref": schema };
            }
            context.addSchema("", schema);
            context.validateAll(data, schema, null, null, "");
            if (banUnknownProperties) {
              context.banUnknownProperties(data, schema);
            }
            var result = { toString: function() {
              return this.valid ? "valid" : this.error.message;
            } };
            result.errors = context.errors;
            result.missing = context.missing;
            result.valid = result.errors.length === 0;
            return result;
          },
          addSchema: function() {
            return globalContext.addSchema.apply(globalContext, arguments);
          },
          getSchema: function() {
            return globalContext.getSchema.apply(globalContext, arguments);
          },
          getSchemaMap: function() {
            return globalContext.getSchemaMap.apply(globalContext, arguments);
          },
          getSchemaUris: function() {
            return globalContext.getSchemaUris.apply(globalContext, arguments);
          },
          getMissingUris: function() {
            return globalContext.getMissingUris.apply(globalContext, arguments);
          },
          dropSchemas: function() {
            globalContext.dropSchemas.apply(globalContext, arguments);
          },
          defineKeyword: function() {
            globalContext.defineKeyword.apply(globalContext, arguments);
          },
          defineError: function(codeName, codeNumber, defaultMessage) {
            if (typeof codeName !== "string" || !/^[A-Z]+(_[A-Z]+)*$/.test(codeName)) {
              throw new Error("Code name must be a string in UPPER_CASE_WITH_UNDERSCORES");
            }
            if (typeof codeNumber !== "number" || codeNumber % 1 !== 0 || codeNumber < 1e4) {
              throw new Error("Code number must be an integer > 10000");
            }
            if (typeof ErrorCodes[codeName] !== "undefined") {
              throw new Error("Error already defined: " + codeName + " as " + ErrorCodes[codeName]);
            }
            if (typeof ErrorCodeLookup[codeNumber] !== "undefined") {
              throw new Error("Error code already used: " + ErrorCodeLookup[codeNumber] + " as " + codeNumber);
            }
            ErrorCodes[codeName] = codeNumber;
            ErrorCodeLookup[codeNumber] = codeName;
            ErrorMessagesDefault[codeName] = ErrorMessagesDefault[codeNumber] = defaultMessage;
            for (var langCode in languages) {
              var language2 = languages[langCode];
              if (language2[codeName]) {
                language2[codeNumber] = language2[codeNumber] || language2[codeName];
              }
            }
          },
          reset: function() {
            globalContext.reset();
            this.error = null;
            this.missing = [];
            this.valid = true;
          },
          missing: [],
          error: null,
          valid: true,
          normSchema,
          resolveUrl,
          getDocumentUri,
          errorCodes: ErrorCodes
        };
        api.language(language || "en");
        return api;
      }
      var tv4 = createApi();
      tv4.addLanguage("en-gb", ErrorMessagesDefault);
      tv4.tv4 = tv4;
      return tv4;
    });
  }
});

// node_modules/node-vault/src/commands.js
var require_commands = __commonJS({
  "node_modules/node-vault/src/commands.js"(exports, module) {
    var sealStatusResponse = {
      type: "object",
      properties: {
        sealed: {
          type: "boolean"
        },
        t: {
          type: "integer"
        },
        n: {
          type: "integer"
        },
        progress: {
          type: "integer"
        }
      },
      required: ["sealed", "t", "n", "progress"]
    };
    var auth = {
      type: "object",
      properties: {
        client_token: {
          type: "string"
        },
        policies: {
          type: "array",
          items: {
            type: "string"
          }
        },
        metadata: {
          type: "object"
        },
        lease_duration: {
          type: "integer"
        },
        renewable: {
          type: "boolean"
        }
      }
    };
    var tokenResponse = {
      type: "object",
      properties: {
        auth
      },
      required: ["auth"]
    };
    var kubernetesRoleResponse = {
      type: "object",
      properties: {
        auth,
        name: {
          type: "string"
        },
        bound_cidrs: {
          type: "array"
        },
        bound_service_account_names: {
          type: "array"
        },
        bound_service_account_namespaces: {
          type: "array"
        },
        ttl: {
          type: "integer"
        },
        max_ttl: {
          type: "integer"
        },
        policies: {
          type: "array"
        },
        num_uses: {
          type: "integer"
        },
        period: {
          type: "integer"
        }
      }
    };
    var approleResponse = {
      type: "object",
      properties: {
        auth,
        warnings: {
          type: "string"
        },
        wrap_info: {
          type: "string"
        },
        data: {
          type: "object"
        },
        lease_duration: {
          type: "integer"
        },
        renewable: {
          type: "boolean"
        },
        lease_id: {
          type: "string"
        }
      }
    };
    module.exports = {
      status: {
        method: "GET",
        path: "/sys/seal-status",
        schema: {
          res: sealStatusResponse
        }
      },
      initialized: {
        method: "GET",
        path: "/sys/init"
      },
      init: {
        method: "PUT",
        path: "/sys/init",
        schema: {
          req: {
            type: "object",
            properties: {
              secret_shares: {
                type: "integer",
                minimum: 1
              },
              secret_threshold: {
                type: "integer",
                minimum: 1
              },
              pgp_keys: {
                type: "array",
                items: {
                  type: "string"
                },
                uniqueItems: true
              }
            },
            required: ["secret_shares", "secret_threshold"]
          },
          res: {
            type: "object",
            properties: {
              keys: {
                type: "array",
                items: {
                  type: "string"
                },
                uniqueItems: true
              },
              root_token: {
                type: "string"
              }
            },
            required: ["keys", "root_token"]
          }
        }
      },
      unseal: {
        method: "PUT",
        path: "/sys/unseal",
        schema: {
          req: {
            type: "object",
            properties: {
              key: {
                type: "string"
              },
              reset: {
                type: "boolean"
              },
              migrate: {
                type: "boolean"
              }
            }
          },
          res: sealStatusResponse
        }
      },
      seal: {
        method: "PUT",
        path: "/sys/seal"
      },
      getTokenRole: {
        method: "GET",
        path: "/auth/token/roles/{{role_name}}"
      },
      removeTokenRole: {
        method: "DELETE",
        path: "/auth/token/roles/{{role_name}}"
      },
      approleRoles: {
        method: "LIST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role",
        schema: {
          res: approleResponse
        }
      },
      addKubernetesRole: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}{{kubernetesPath}}{{/mount_point}}/role/{{ role_name }}",
        schema: {
          req: {
            name: {
              type: "string"
            },
            bound_cidrs: {
              type: "array"
            },
            bound_service_account_names: {
              type: "array"
            },
            bound_service_account_namespaces: {
              type: "array"
            },
            ttl: {
              type: "integer"
            },
            max_ttl: {
              type: "integer"
            },
            policies: {
              type: "array"
            },
            num_uses: {
              type: "integer"
            },
            period: {
              type: "integer"
            }
          }
        }
      },
      getKubernetesRole: {
        method: "GET",
        path: "/auth/{{mount_point}}{{^mount_point}}{{kubernetesPath}}{{/mount_point}}/role/{{ role_name }}",
        schema: {
          res: kubernetesRoleResponse
        }
      },
      deleteKubernetesRole: {
        method: "DELETE",
        path: "/auth/{{mount_point}}{{^mount_point}}{{kubernetesPath}}{{/mount_point}}/role/{{ role_name }}"
      },
      addApproleRole: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}",
        schema: {
          req: {
            type: "object",
            properties: {
              bind_secret_id: {
                type: "boolean"
              },
              bound_cidr_list: {
                type: "string"
              },
              policies: {
                type: "string"
              },
              secret_id_num_uses: {
                type: "integer"
              },
              secret_id_ttl: {
                type: "integer"
              },
              token_num_uses: {
                type: "integer"
              },
              token_ttl: {
                type: "integer"
              },
              token_max_ttl: {
                type: "integer"
              },
              period: {
                type: "integer"
              }
            }
          }
        }
      },
      getApproleRole: {
        method: "GET",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}",
        schema: {
          res: approleResponse
        }
      },
      deleteApproleRole: {
        method: "DELETE",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}"
      },
      getApproleRoleId: {
        method: "GET",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/role-id",
        schema: {
          res: approleResponse
        }
      },
      updateApproleRoleId: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/role-id",
        schema: {
          req: {
            type: "object",
            properties: {
              role_id: {
                type: "string"
              }
            },
            required: ["role_id"]
          }
        }
      },
      getApproleRoleSecret: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/secret-id",
        schema: {
          req: {
            type: "object",
            properties: {
              metadata: {
                type: "string"
              },
              cidr_list: {
                type: "array",
                items: {
                  type: "string"
                }
              }
            }
          }
        }
      },
      generateRootInit: {
        method: "PUT",
        path: "/sys/generate-root/attempt",
        schema: {
          req: {
            type: "object",
            properties: {
              otp: {
                type: "string"
              },
              pgp_key: {
                type: "string"
              }
            }
          },
          res: {
            type: "object",
            properties: {
              started: {
                type: "boolean"
              },
              nonce: {
                type: "string"
              },
              progress: {
                type: "integer",
                minimum: 0
              },
              required: {
                type: "integer",
                minimum: 1
              },
              pgp_fingerprint: {
                type: "string"
              },
              complete: {
                type: "boolean"
              }
            },
            required: ["started", "nonce", "progress", "required", "pgp_fingerprint", "complete"]
          }
        }
      },
      generateRootCancel: {
        method: "DELETE",
        path: "/sys/generate-root/attempt"
      },
      generateRootUpdate: {
        method: "PUT",
        path: "/sys/generate-root/update",
        schema: {
          req: {
            type: "object",
            properties: {
              key: {
                type: "string"
              },
              nonce: {
                type: "string"
              }
            },
            required: ["key", "nonce"]
          },
          res: {
            type: "object",
            properties: {
              started: {
                type: "boolean"
              },
              nonce: {
                type: "string"
              },
              progress: {
                type: "integer",
                minimum: 0
              },
              required: {
                type: "integer",
                minimum: 1
              },
              pgp_fingerprint: {
                type: "string"
              },
              complete: {
                type: "boolean"
              },
              encoded_root_token: {
                type: "string"
              }
            },
            required: ["started", "nonce", "progress", "required", "pgp_fingerprint", "complete"]
          }
        }
      },
      mounts: {
        method: "GET",
        path: "/sys/mounts"
      },
      mount: {
        method: "POST",
        path: "/sys/mounts/{{mount_point}}"
      },
      encryptData: {
        method: "POST",
        path: "/transit/encrypt/{{name}}"
      },
      decryptData: {
        method: "POST",
        path: "/transit/decrypt/{{name}}"
      },
      rewrapData: {
        method: "POST",
        path: "/transit/rewrap/{{name}}"
      },
      transitCreateKey: {
        method: "POST",
        path: "/transit/keys/{{name}}"
      },
      transitReadKey: {
        method: "GET",
        path: "/transit/keys/{{name}}"
      },
      transitListKeys: {
        method: "LIST",
        path: "/transit/keys"
      },
      transitDeleteKey: {
        method: "DELETE",
        path: "/transit/keys/{{name}}"
      },
      generateDatabaseCredentials: {
        method: "GET",
        path: "/{{databasePath}}/creds/{{name}}"
      },
      unmount: {
        method: "DELETE",
        path: "/sys/mounts/{{mount_point}}"
      },
      remount: {
        method: "POST",
        path: "/sys/remount"
      },
      policies: {
        method: "GET",
        path: "/sys/policy"
      },
      addPolicy: {
        method: "PUT",
        path: "/sys/policy/{{name}}"
      },
      getPolicy: {
        method: "GET",
        path: "/sys/policy/{{name}}"
      },
      removePolicy: {
        method: "DELETE",
        path: "/sys/policy/{{name}}"
      },
      auths: {
        method: "GET",
        path: "/sys/auth"
      },
      enableAuth: {
        method: "POST",
        path: "/sys/auth/{{mount_point}}"
      },
      disableAuth: {
        method: "DELETE",
        path: "/sys/auth/{{mount_point}}"
      },
      audits: {
        method: "GET",
        path: "/sys/audit"
      },
      enableAudit: {
        method: "PUT",
        path: "/sys/audit/{{name}}"
      },
      disableAudit: {
        method: "DELETE",
        path: "/sys/audit/{{name}}"
      },
      renew: {
        method: "PUT",
        path: "/sys/leases/renew",
        schema: {
          req: {
            type: "object",
            properties: {
              lease_id: {
                type: "string"
              },
              increment: {
                type: "integer"
              }
            },
            required: ["lease_id"]
          },
          res: {
            type: "object",
            properties: {
              lease_id: {
                type: "string"
              },
              renewable: {
                type: "boolean"
              },
              lease_duration: {
                type: "integer"
              }
            }
          }
        }
      },
      revoke: {
        method: "PUT",
        path: "/sys/leases/revoke",
        schema: {
          req: {
            type: "object",
            properties: {
              lease_id: {
                type: "string"
              }
            },
            required: ["lease_id"]
          }
        }
      },
      revokePrefix: {
        method: "PUT",
        path: "/sys/revoke-prefix/{{path_prefix}}"
      },
      rotate: {
        method: "PUT",
        path: "/sys/rotate"
      },
      unwrap: {
        method: "POST",
        path: "/sys/wrapping/unwrap",
        schema: {
          req: {
            type: "object",
            properties: {
              token: {
                type: "string"
              }
            }
          }
        }
      },
      gcpLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}gcp{{/mount_point}}/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              role: {
                type: "string"
              },
              jwt: {
                type: "string"
              }
            },
            required: ["role", "jwt"]
          },
          res: tokenResponse
        }
      },
      githubLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}github{{/mount_point}}/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              token: {
                type: "string"
              }
            },
            required: ["token"]
          },
          res: tokenResponse
        }
      },
      kubernetesLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}{{kubernetesPath}}{{/mount_point}}/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              role: {
                type: "string"
              },
              jwt: {
                type: "string"
              }
            },
            required: ["role", "jwt"]
          },
          res: tokenResponse
        }
      },
      awsIamLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}aws{{/mount_point}}/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              role: {
                type: "string"
              },
              iam_http_request_method: {
                type: "string"
              },
              iam_request_url: {
                type: "string"
              },
              iam_request_body: {
                type: "string"
              },
              iam_request_headers: {
                type: "string"
              }
            },
            required: [
              "role",
              "iam_http_request_method",
              "iam_request_url",
              "iam_request_body",
              "iam_request_headers"
            ]
          },
          res: tokenResponse
        }
      },
      userpassLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}userpass{{/mount_point}}/login/{{username}}",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              password: {
                type: "string"
              }
            },
            required: ["password"]
          },
          res: tokenResponse
        }
      },
      ldapLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}ldap{{/mount_point}}/login/{{username}}",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              password: {
                type: "string"
              }
            },
            required: ["password"]
          },
          res: tokenResponse
        }
      },
      oktaLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}okta{{/mount_point}}/login/{{username}}",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              password: {
                type: "string"
              }
            },
            required: ["password"]
          },
          res: tokenResponse
        }
      },
      radiusLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}radius{{/mount_point}}/login/{{username}}",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              password: {
                type: "string"
              }
            },
            required: ["password"]
          },
          res: tokenResponse
        }
      },
      certLogin: {
        method: "POST",
        path: "/auth/cert/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object"
          },
          res: tokenResponse
        }
      },
      jwtLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}jwt{{/mount_point}}/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              role: {
                type: "string"
              },
              jwt: {
                type: "string"
              }
            },
            required: ["role", "jwt"]
          },
          res: tokenResponse
        }
      },
      tokenAccessors: {
        method: "LIST",
        path: "/auth/token/accessors",
        schema: {
          res: {
            type: "object",
            properties: {
              data: {
                type: "object",
                properties: {
                  keys: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  }
                }
              }
            },
            required: ["data"]
          }
        }
      },
      tokenCreate: {
        method: "POST",
        path: "/auth/token/create",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              id: {
                type: "string"
              },
              policies: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              meta: {
                type: "object"
              },
              no_parent: {
                type: "boolean"
              },
              no_default_policy: {
                type: "boolean"
              },
              renewable: {
                type: "boolean"
              },
              ttl: {
                type: "string"
              },
              explicit_max_ttl: {
                type: "string"
              },
              display_name: {
                type: "string"
              },
              num_uses: {
                type: "integer"
              }
            }
          },
          res: tokenResponse
        }
      },
      tokenCreateOrphan: {
        method: "POST",
        path: "/auth/token/create-orphan",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              id: {
                type: "string"
              },
              policies: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              meta: {
                type: "object"
              },
              no_parent: {
                type: "boolean"
              },
              no_default_policy: {
                type: "boolean"
              },
              renewable: {
                type: "boolean"
              },
              ttl: {
                type: "string"
              },
              explicit_max_ttl: {
                type: "string"
              },
              display_name: {
                type: "string"
              },
              num_uses: {
                type: "integer"
              }
            }
          },
          res: tokenResponse
        }
      },
      tokenCreateRole: {
        method: "POST",
        path: "/auth/token/create/{{role_name}}",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              id: {
                type: "string"
              },
              policies: {
                type: "array",
                items: {
                  type: "string"
                }
              },
              meta: {
                type: "object"
              },
              no_parent: {
                type: "boolean"
              },
              no_default_policy: {
                type: "boolean"
              },
              renewable: {
                type: "boolean"
              },
              ttl: {
                type: "string"
              },
              explicit_max_ttl: {
                type: "string"
              },
              display_name: {
                type: "string"
              },
              num_uses: {
                type: "integer"
              }
            }
          },
          res: tokenResponse
        }
      },
      tokenLookup: {
        method: "POST",
        path: "/auth/token/lookup",
        schema: {
          req: {
            type: "object",
            properties: {
              token: {
                type: "string"
              }
            },
            required: ["token"]
          },
          res: {
            type: "object",
            properties: {
              data: {
                type: "object",
                properties: {
                  id: {
                    type: "string"
                  },
                  policies: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  },
                  path: {
                    type: "string"
                  },
                  meta: {
                    type: "object"
                  },
                  display_name: {
                    type: "string"
                  },
                  num_uses: {
                    type: "integer"
                  }
                }
              }
            },
            required: ["data"]
          }
        }
      },
      tokenLookupAccessor: {
        method: "POST",
        path: "/auth/token/lookup-accessor",
        schema: {
          req: {
            type: "object",
            properties: {
              accessor: {
                type: "string"
              }
            },
            required: ["accessor"]
          },
          res: {
            type: "object",
            properties: {
              data: {
                type: "object",
                properties: {
                  id: {
                    type: "string"
                  },
                  policies: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  },
                  path: {
                    type: "string"
                  },
                  meta: {
                    type: "object"
                  },
                  display_name: {
                    type: "string"
                  },
                  num_uses: {
                    type: "integer"
                  }
                }
              }
            },
            required: ["data"]
          }
        }
      },
      tokenLookupSelf: {
        method: "GET",
        path: "/auth/token/lookup-self",
        schema: {
          res: {
            type: "object",
            properties: {
              data: {
                type: "object",
                properties: {
                  id: {
                    type: "string"
                  },
                  policies: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  },
                  path: {
                    type: "string"
                  },
                  meta: {
                    type: "object"
                  },
                  display_name: {
                    type: "string"
                  },
                  num_uses: {
                    type: "integer"
                  }
                }
              }
            },
            required: ["data"]
          }
        }
      },
      tokenRenew: {
        method: "POST",
        path: "/auth/token/renew",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              token: {
                type: "string"
              },
              increment: {
                type: ["integer", "string"]
              }
            },
            required: ["token"]
          },
          res: tokenResponse
        }
      },
      tokenRenewSelf: {
        method: "POST",
        path: "/auth/token/renew-self",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              increment: {
                type: ["integer", "string"]
              }
            }
          },
          res: tokenResponse
        }
      },
      tokenRevoke: {
        method: "POST",
        path: "/auth/token/revoke",
        schema: {
          req: {
            type: "object",
            properties: {
              token: {
                type: "string"
              }
            },
            required: ["token"]
          }
        }
      },
      tokenRevokeAccessor: {
        method: "POST",
        path: "/auth/token/revoke-accessor",
        schema: {
          req: {
            type: "object",
            properties: {
              accessor: {
                type: "string"
              }
            },
            required: ["accessor"]
          }
        }
      },
      tokenRevokeOrphan: {
        method: "POST",
        path: "/auth/token/revoke-orphan",
        schema: {
          req: {
            type: "object",
            properties: {
              token: {
                type: "string"
              }
            },
            required: ["token"]
          }
        }
      },
      tokenRevokeSelf: {
        method: "POST",
        path: "/auth/token/revoke-self"
      },
      tokenRoles: {
        method: "GET",
        path: "/auth/token/roles?list=true",
        schema: {
          res: {
            type: "object",
            properties: {
              data: {
                type: "object",
                properties: {
                  keys: {
                    type: "array",
                    items: {
                      type: "string"
                    }
                  }
                }
              }
            },
            required: ["data"]
          }
        }
      },
      addTokenRole: {
        method: "POST",
        path: "/auth/token/roles/{{role_name}}",
        schema: {
          req: {
            type: "object",
            properties: {
              allowed_policies: {
                type: "string"
              },
              disallowed_policies: {
                type: "string"
              },
              orphan: {
                type: "boolean"
              },
              period: {
                type: "integer"
              },
              renewable: {
                type: "boolean"
              },
              path_suffix: {
                type: "string"
              },
              explicit_max_ttl: {
                type: "integer"
              }
            }
          }
        }
      },
      approleSecretAccessors: {
        method: "LIST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/secret-id",
        schema: {
          res: approleResponse
        }
      },
      approleSecretLookup: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/secret-id/lookup",
        schema: {
          req: {
            type: "object",
            properties: {
              secret_id: {
                type: "string"
              }
            },
            required: ["secret_id"]
          },
          res: approleResponse
        }
      },
      approleSecretDestroy: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/secret-id/destroy",
        schema: {
          req: {
            type: "object",
            properties: {
              secret_id: {
                type: "string"
              }
            },
            required: ["secret_id"]
          }
        }
      },
      approleSecretAccessorLookup: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/secret-id-accessor/lookup",
        schema: {
          req: {
            type: "object",
            properties: {
              secret_id_accessor: {
                type: "string"
              }
            },
            required: ["secret_id_accessor"]
          }
        }
      },
      approleSecretAccessorDestroy: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/role/{{role_name}}/secret-id-accessor/destroy"
      },
      approleLogin: {
        method: "POST",
        path: "/auth/{{mount_point}}{{^mount_point}}approle{{/mount_point}}/login",
        tokenSource: true,
        schema: {
          req: {
            type: "object",
            properties: {
              role_id: {
                type: "string"
              },
              secret_id: {
                type: "string"
              }
            },
            required: ["role_id"]
          },
          res: approleResponse
        }
      },
      health: {
        method: "GET",
        path: "/sys/health",
        schema: {
          query: {
            type: "object",
            properties: {
              standbyok: {
                type: "boolean"
              },
              activecode: {
                type: "integer"
              },
              standbycode: {
                type: "integer"
              },
              sealedcode: {
                type: "integer"
              },
              uninitcode: {
                type: "integer"
              }
            }
          },
          res: {
            type: "object",
            properties: {
              cluster_id: {
                type: "string"
              },
              cluster_name: {
                type: "string"
              },
              version: {
                type: "string"
              },
              server_time_utc: {
                type: "integer"
              },
              standby: {
                type: "boolean"
              },
              sealed: {
                type: "boolean"
              },
              initialized: {
                type: "boolean"
              }
            }
          }
        }
      },
      leader: {
        method: "GET",
        path: "/sys/leader",
        schema: {
          res: {
            type: "object",
            properties: {
              ha_enabled: {
                type: "boolean"
              },
              is_self: {
                type: "boolean"
              },
              leader_address: {
                type: "string"
              }
            }
          }
        }
      },
      stepDown: {
        method: "PUT",
        path: "/sys/step-down"
      },
      destroySecretVersions: {
        method: "POST",
        path: "/{{mount_point}}{{^mount_point}}secret{{/mount_point}}/destroy/{{path}}",
        schema: {
          req: {
            type: "object",
            properties: {
              versions: {
                type: "array",
                items: {
                  type: "integer"
                },
                minItems: 1
              }
            },
            required: ["versions"]
          }
        }
      }
    };
  }
});

// node_modules/mustache/mustache.js
var require_mustache = __commonJS({
  "node_modules/mustache/mustache.js"(exports, module) {
    (function(global, factory) {
      typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : (global = global || self, global.Mustache = factory());
    })(exports, (function() {
      "use strict";
      var objectToString = Object.prototype.toString;
      var isArray = Array.isArray || function isArrayPolyfill(object) {
        return objectToString.call(object) === "[object Array]";
      };
      function isFunction(object) {
        return typeof object === "function";
      }
      function typeStr(obj) {
        return isArray(obj) ? "array" : typeof obj;
      }
      function escapeRegExp(string) {
        return string.replace(/[\-\[\]{}()*+?.,\\\^$|#\s]/g, "\\$&");
      }
      function hasProperty(obj, propName) {
        return obj != null && typeof obj === "object" && propName in obj;
      }
      function primitiveHasOwnProperty(primitive, propName) {
        return primitive != null && typeof primitive !== "object" && primitive.hasOwnProperty && primitive.hasOwnProperty(propName);
      }
      var regExpTest = RegExp.prototype.test;
      function testRegExp(re, string) {
        return regExpTest.call(re, string);
      }
      var nonSpaceRe = /\S/;
      function isWhitespace(string) {
        return !testRegExp(nonSpaceRe, string);
      }
      var entityMap = {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        "/": "&#x2F;",
        "`": "&#x60;",
        "=": "&#x3D;"
      };
      function escapeHtml(string) {
        return String(string).replace(/[&<>"'`=\/]/g, function fromEntityMap(s) {
          return entityMap[s];
        });
      }
      var whiteRe = /\s*/;
      var spaceRe = /\s+/;
      var equalsRe = /\s*=/;
      var curlyRe = /\s*\}/;
      var tagRe = /#|\^|\/|>|\{|&|=|!/;
      function parseTemplate(template, tags) {
        if (!template)
          return [];
        var lineHasNonSpace = false;
        var sections = [];
        var tokens = [];
        var spaces = [];
        var hasTag = false;
        var nonSpace = false;
        var indentation = "";
        var tagIndex = 0;
        function stripSpace() {
          if (hasTag && !nonSpace) {
            while (spaces.length)
              delete tokens[spaces.pop()];
          } else {
            spaces = [];
          }
          hasTag = false;
          nonSpace = false;
        }
        var openingTagRe, closingTagRe, closingCurlyRe;
        function compileTags(tagsToCompile) {
          if (typeof tagsToCompile === "string")
            tagsToCompile = tagsToCompile.split(spaceRe, 2);
          if (!isArray(tagsToCompile) || tagsToCompile.length !== 2)
            throw new Error("Invalid tags: " + tagsToCompile);
          openingTagRe = new RegExp(escapeRegExp(tagsToCompile[0]) + "\\s*");
          closingTagRe = new RegExp("\\s*" + escapeRegExp(tagsToCompile[1]));
          closingCurlyRe = new RegExp("\\s*" + escapeRegExp("}" + tagsToCompile[1]));
        }
        compileTags(tags || mustache.tags);
        var scanner = new Scanner2(template);
        var start, type, value, chr, token, openSection;
        while (!scanner.eos()) {
          start = scanner.pos;
          value = scanner.scanUntil(openingTagRe);
          if (value) {
            for (var i = 0, valueLength = value.length; i < valueLength; ++i) {
              chr = value.charAt(i);
              if (isWhitespace(chr)) {
                spaces.push(tokens.length);
                indentation += chr;
              } else {
                nonSpace = true;
                lineHasNonSpace = true;
                indentation += " ";
              }
              tokens.push(["text", chr, start, start + 1]);
              start += 1;
              if (chr === "\n") {
                stripSpace();
                indentation = "";
                tagIndex = 0;
                lineHasNonSpace = false;
              }
            }
          }
          if (!scanner.scan(openingTagRe))
            break;
          hasTag = true;
          type = scanner.scan(tagRe) || "name";
          scanner.scan(whiteRe);
          if (type === "=") {
            value = scanner.scanUntil(equalsRe);
            scanner.scan(equalsRe);
            scanner.scanUntil(closingTagRe);
          } else if (type === "{") {
            value = scanner.scanUntil(closingCurlyRe);
            scanner.scan(curlyRe);
            scanner.scanUntil(closingTagRe);
            type = "&";
          } else {
            value = scanner.scanUntil(closingTagRe);
          }
          if (!scanner.scan(closingTagRe))
            throw new Error("Unclosed tag at " + scanner.pos);
          if (type == ">") {
            token = [type, value, start, scanner.pos, indentation, tagIndex, lineHasNonSpace];
          } else {
            token = [type, value, start, scanner.pos];
          }
          tagIndex++;
          tokens.push(token);
          if (type === "#" || type === "^") {
            sections.push(token);
          } else if (type === "/") {
            openSection = sections.pop();
            if (!openSection)
              throw new Error('Unopened section "' + value + '" at ' + start);
            if (openSection[1] !== value)
              throw new Error('Unclosed section "' + openSection[1] + '" at ' + start);
          } else if (type === "name" || type === "{" || type === "&") {
            nonSpace = true;
          } else if (type === "=") {
            compileTags(value);
          }
        }
        stripSpace();
        openSection = sections.pop();
        if (openSection)
          throw new Error('Unclosed section "' + openSection[1] + '" at ' + scanner.pos);
        return nestTokens(squashTokens(tokens));
      }
      function squashTokens(tokens) {
        var squashedTokens = [];
        var token, lastToken;
        for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
          token = tokens[i];
          if (token) {
            if (token[0] === "text" && lastToken && lastToken[0] === "text") {
              lastToken[1] += token[1];
              lastToken[3] = token[3];
            } else {
              squashedTokens.push(token);
              lastToken = token;
            }
          }
        }
        return squashedTokens;
      }
      function nestTokens(tokens) {
        var nestedTokens = [];
        var collector = nestedTokens;
        var sections = [];
        var token, section;
        for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
          token = tokens[i];
          switch (token[0]) {
            case "#":
            case "^":
              collector.push(token);
              sections.push(token);
              collector = token[4] = [];
              break;
            case "/":
              section = sections.pop();
              section[5] = token[2];
              collector = sections.length > 0 ? sections[sections.length - 1][4] : nestedTokens;
              break;
            default:
              collector.push(token);
          }
        }
        return nestedTokens;
      }
      function Scanner2(string) {
        this.string = string;
        this.tail = string;
        this.pos = 0;
      }
      Scanner2.prototype.eos = function eos() {
        return this.tail === "";
      };
      Scanner2.prototype.scan = function scan(re) {
        var match = this.tail.match(re);
        if (!match || match.index !== 0)
          return "";
        var string = match[0];
        this.tail = this.tail.substring(string.length);
        this.pos += string.length;
        return string;
      };
      Scanner2.prototype.scanUntil = function scanUntil(re) {
        var index = this.tail.search(re), match;
        switch (index) {
          case -1:
            match = this.tail;
            this.tail = "";
            break;
          case 0:
            match = "";
            break;
          default:
            match = this.tail.substring(0, index);
            this.tail = this.tail.substring(index);
        }
        this.pos += match.length;
        return match;
      };
      function Context(view, parentContext) {
        this.view = view;
        this.cache = { ".": this.view };
        this.parent = parentContext;
      }
      Context.prototype.push = function push(view) {
        return new Context(view, this);
      };
      Context.prototype.lookup = function lookup(name) {
        var cache = this.cache;
        var value;
        if (cache.hasOwnProperty(name)) {
          value = cache[name];
        } else {
          var context = this, intermediateValue, names, index, lookupHit = false;
          while (context) {
            if (name.indexOf(".") > 0) {
              intermediateValue = context.view;
              names = name.split(".");
              index = 0;
              while (intermediateValue != null && index < names.length) {
                if (index === names.length - 1)
                  lookupHit = hasProperty(intermediateValue, names[index]) || primitiveHasOwnProperty(intermediateValue, names[index]);
                intermediateValue = intermediateValue[names[index++]];
              }
            } else {
              intermediateValue = context.view[name];
              lookupHit = hasProperty(context.view, name);
            }
            if (lookupHit) {
              value = intermediateValue;
              break;
            }
            context = context.parent;
          }
          cache[name] = value;
        }
        if (isFunction(value))
          value = value.call(this.view);
        return value;
      };
      function Writer() {
        this.templateCache = {
          _cache: {},
          set: function set(key, value) {
            this._cache[key] = value;
          },
          get: function get(key) {
            return this._cache[key];
          },
          clear: function clear() {
            this._cache = {};
          }
        };
      }
      Writer.prototype.clearCache = function clearCache() {
        if (typeof this.templateCache !== "undefined") {
          this.templateCache.clear();
        }
      };
      Writer.prototype.parse = function parse(template, tags) {
        var cache = this.templateCache;
        var cacheKey = template + ":" + (tags || mustache.tags).join(":");
        var isCacheEnabled = typeof cache !== "undefined";
        var tokens = isCacheEnabled ? cache.get(cacheKey) : void 0;
        if (tokens == void 0) {
          tokens = parseTemplate(template, tags);
          isCacheEnabled && cache.set(cacheKey, tokens);
        }
        return tokens;
      };
      Writer.prototype.render = function render(template, view, partials, config) {
        var tags = this.getConfigTags(config);
        var tokens = this.parse(template, tags);
        var context = view instanceof Context ? view : new Context(view, void 0);
        return this.renderTokens(tokens, context, partials, template, config);
      };
      Writer.prototype.renderTokens = function renderTokens(tokens, context, partials, originalTemplate, config) {
        var buffer = "";
        var token, symbol, value;
        for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
          value = void 0;
          token = tokens[i];
          symbol = token[0];
          if (symbol === "#") value = this.renderSection(token, context, partials, originalTemplate, config);
          else if (symbol === "^") value = this.renderInverted(token, context, partials, originalTemplate, config);
          else if (symbol === ">") value = this.renderPartial(token, context, partials, config);
          else if (symbol === "&") value = this.unescapedValue(token, context);
          else if (symbol === "name") value = this.escapedValue(token, context, config);
          else if (symbol === "text") value = this.rawValue(token);
          if (value !== void 0)
            buffer += value;
        }
        return buffer;
      };
      Writer.prototype.renderSection = function renderSection(token, context, partials, originalTemplate, config) {
        var self2 = this;
        var buffer = "";
        var value = context.lookup(token[1]);
        function subRender(template) {
          return self2.render(template, context, partials, config);
        }
        if (!value) return;
        if (isArray(value)) {
          for (var j = 0, valueLength = value.length; j < valueLength; ++j) {
            buffer += this.renderTokens(token[4], context.push(value[j]), partials, originalTemplate, config);
          }
        } else if (typeof value === "object" || typeof value === "string" || typeof value === "number") {
          buffer += this.renderTokens(token[4], context.push(value), partials, originalTemplate, config);
        } else if (isFunction(value)) {
          if (typeof originalTemplate !== "string")
            throw new Error("Cannot use higher-order sections without the original template");
          value = value.call(context.view, originalTemplate.slice(token[3], token[5]), subRender);
          if (value != null)
            buffer += value;
        } else {
          buffer += this.renderTokens(token[4], context, partials, originalTemplate, config);
        }
        return buffer;
      };
      Writer.prototype.renderInverted = function renderInverted(token, context, partials, originalTemplate, config) {
        var value = context.lookup(token[1]);
        if (!value || isArray(value) && value.length === 0)
          return this.renderTokens(token[4], context, partials, originalTemplate, config);
      };
      Writer.prototype.indentPartial = function indentPartial(partial, indentation, lineHasNonSpace) {
        var filteredIndentation = indentation.replace(/[^ \t]/g, "");
        var partialByNl = partial.split("\n");
        for (var i = 0; i < partialByNl.length; i++) {
          if (partialByNl[i].length && (i > 0 || !lineHasNonSpace)) {
            partialByNl[i] = filteredIndentation + partialByNl[i];
          }
        }
        return partialByNl.join("\n");
      };
      Writer.prototype.renderPartial = function renderPartial(token, context, partials, config) {
        if (!partials) return;
        var tags = this.getConfigTags(config);
        var value = isFunction(partials) ? partials(token[1]) : partials[token[1]];
        if (value != null) {
          var lineHasNonSpace = token[6];
          var tagIndex = token[5];
          var indentation = token[4];
          var indentedValue = value;
          if (tagIndex == 0 && indentation) {
            indentedValue = this.indentPartial(value, indentation, lineHasNonSpace);
          }
          var tokens = this.parse(indentedValue, tags);
          return this.renderTokens(tokens, context, partials, indentedValue, config);
        }
      };
      Writer.prototype.unescapedValue = function unescapedValue(token, context) {
        var value = context.lookup(token[1]);
        if (value != null)
          return value;
      };
      Writer.prototype.escapedValue = function escapedValue(token, context, config) {
        var escape2 = this.getConfigEscape(config) || mustache.escape;
        var value = context.lookup(token[1]);
        if (value != null)
          return typeof value === "number" && escape2 === mustache.escape ? String(value) : escape2(value);
      };
      Writer.prototype.rawValue = function rawValue(token) {
        return token[1];
      };
      Writer.prototype.getConfigTags = function getConfigTags(config) {
        if (isArray(config)) {
          return config;
        } else if (config && typeof config === "object") {
          return config.tags;
        } else {
          return void 0;
        }
      };
      Writer.prototype.getConfigEscape = function getConfigEscape(config) {
        if (config && typeof config === "object" && !isArray(config)) {
          return config.escape;
        } else {
          return void 0;
        }
      };
      var mustache = {
        name: "mustache.js",
        version: "4.2.0",
        tags: ["{{", "}}"],
        clearCache: void 0,
        escape: void 0,
        parse: void 0,
        render: void 0,
        Scanner: void 0,
        Context: void 0,
        Writer: void 0,
        /**
         * Allows a user to override the default caching strategy, by providing an
         * object with set, get and clear methods. This can also be used to disable
         * the cache by setting it to the literal `undefined`.
         */
        set templateCache(cache) {
          defaultWriter.templateCache = cache;
        },
        /**
         * Gets the default or overridden caching object from the default writer.
         */
        get templateCache() {
          return defaultWriter.templateCache;
        }
      };
      var defaultWriter = new Writer();
      mustache.clearCache = function clearCache() {
        return defaultWriter.clearCache();
      };
      mustache.parse = function parse(template, tags) {
        return defaultWriter.parse(template, tags);
      };
      mustache.render = function render(template, view, partials, config) {
        if (typeof template !== "string") {
          throw new TypeError('Invalid template! Template should be a "string" but "' + typeStr(template) + '" was given as the first argument for mustache#render(template, view, partials)');
        }
        return defaultWriter.render(template, view, partials, config);
      };
      mustache.escape = escapeHtml;
      mustache.Scanner = Scanner2;
      mustache.Context = Context;
      mustache.Writer = Writer;
      return mustache;
    }));
  }
});

// src/vault/stubs/axios.cjs
var require_axios = __commonJS({
  "src/vault/stubs/axios.cjs"(exports, module) {
    "use strict";
    function unavailable() {
      throw new Error("internal: node-vault tried to use axios; a transport must be passed");
    }
    module.exports = { create: unavailable };
  }
});

// node_modules/node-vault/src/index.js
var require_src = __commonJS({
  "node_modules/node-vault/src/index.js"(exports, module) {
    "use strict";
    var originalDebug = require_debug()("node-vault");
    var originalTv4 = require_tv4();
    var originalCommands = require_commands();
    var originalMustache = require_mustache();
    var axios = require_axios();
    var https2 = __require("https");
    var EventEmitter = __require("events");
    var VaultError = class extends Error {
    };
    var ApiResponseError = class extends VaultError {
      constructor(message, response) {
        super(message);
        this.response = {
          statusCode: response.statusCode,
          body: response.body
        };
      }
    };
    module.exports = (config = {}) => {
      const debug2 = config.debug || originalDebug;
      const tv4 = config.tv4 || originalTv4;
      const commands = config.commands || originalCommands;
      const mustache = config.mustache || originalMustache;
      const rpDefaults = {
        json: true,
        resolveWithFullResponse: true,
        simple: false,
        strictSSL: !process.env.VAULT_SKIP_VERIFY
      };
      if (config.rpDefaults) {
        Object.keys(config.rpDefaults).forEach((key) => {
          rpDefaults[key] = config.rpDefaults[key];
        });
      }
      const rp = (() => {
        if (config["request-promise"])
          return config["request-promise"].defaults(rpDefaults);
        const baseAgentOptions = {};
        if (rpDefaults.strictSSL === false) {
          baseAgentOptions.rejectUnauthorized = false;
        }
        const tlsOptionKeys = ["ca", "cert", "key", "passphrase", "pfx"];
        const configReqOpts = config.requestOptions || {};
        const defaultAgentOpts = { ...baseAgentOptions };
        let hasDefaultTls = Object.keys(baseAgentOptions).length > 0;
        tlsOptionKeys.forEach((prop) => {
          if (configReqOpts[prop] !== void 0) {
            defaultAgentOpts[prop] = configReqOpts[prop];
            hasDefaultTls = true;
          }
        });
        if (configReqOpts.agentOptions !== void 0) {
          Object.assign(defaultAgentOpts, configReqOpts.agentOptions);
          hasDefaultTls = true;
        }
        if (configReqOpts.strictSSL !== void 0) {
          defaultAgentOpts.rejectUnauthorized = configReqOpts.strictSSL !== false;
          hasDefaultTls = true;
        }
        const defaultHttpsAgent = hasDefaultTls ? new https2.Agent(defaultAgentOpts) : void 0;
        const instance = axios.create({
          // Accept all HTTP status codes (equivalent to request's simple: false)
          // so that vault response handling logic can process non-2xx responses.
          validateStatus: () => true,
          ...defaultHttpsAgent ? { httpsAgent: defaultHttpsAgent } : {},
          ...rpDefaults.timeout ? { timeout: rpDefaults.timeout } : {}
        });
        const configTlsSnapshot = {};
        tlsOptionKeys.forEach((prop) => {
          if (configReqOpts[prop] !== void 0) configTlsSnapshot[prop] = configReqOpts[prop];
        });
        if (configReqOpts.agentOptions !== void 0) {
          configTlsSnapshot.agentOptions = configReqOpts.agentOptions;
        }
        if (configReqOpts.strictSSL !== void 0) {
          configTlsSnapshot.strictSSL = configReqOpts.strictSSL;
        }
        return function requestWrapper(options) {
          const axiosOptions = {
            method: options.method,
            url: options.uri,
            headers: { ...options.headers }
          };
          if (options.json && typeof options.json === "object") {
            axiosOptions.data = options.json;
          }
          if (options.timeout !== void 0) {
            axiosOptions.timeout = options.timeout;
          }
          if (options.httpAgent !== void 0) {
            axiosOptions.httpAgent = options.httpAgent;
          }
          let hasOverride = false;
          const perRequestAgentOpts = {};
          tlsOptionKeys.forEach((prop) => {
            if (options[prop] !== void 0) {
              perRequestAgentOpts[prop] = options[prop];
              if (options[prop] !== configTlsSnapshot[prop]) hasOverride = true;
            }
          });
          if (options.agentOptions !== void 0) {
            Object.assign(perRequestAgentOpts, options.agentOptions);
            if (options.agentOptions !== configTlsSnapshot.agentOptions) hasOverride = true;
          }
          if (options.strictSSL !== void 0) {
            perRequestAgentOpts.rejectUnauthorized = options.strictSSL !== false;
            if (options.strictSSL !== configTlsSnapshot.strictSSL) hasOverride = true;
          }
          if (hasOverride) {
            axiosOptions.httpsAgent = new https2.Agent({
              ...defaultAgentOpts,
              ...perRequestAgentOpts
            });
          } else if (options.httpsAgent !== void 0) {
            axiosOptions.httpsAgent = options.httpsAgent;
          }
          return instance(axiosOptions).then((response) => {
            let requestPath;
            try {
              requestPath = new URL(options.uri).pathname;
            } catch (_e) {
              requestPath = options.uri;
            }
            return {
              statusCode: response.status,
              body: response.data,
              request: {
                path: requestPath
              }
            };
          });
        };
      })();
      const client = new EventEmitter();
      function handleVaultResponse(response) {
        if (!response) return Promise.reject(new VaultError("No response passed"));
        debug2(response.statusCode);
        if (response.statusCode !== 200 && response.statusCode !== 204) {
          if (response.request.path.match(/sys\/health/) !== null) {
            return Promise.resolve(response.body);
          }
          let message;
          if (response.body && response.body.errors && response.body.errors.length > 0) {
            message = response.body.errors[0];
          } else {
            message = `Status ${response.statusCode}`;
          }
          const error = new ApiResponseError(message, response);
          return Promise.reject(error);
        }
        return Promise.resolve(response.body);
      }
      client.handleVaultResponse = handleVaultResponse;
      client.apiVersion = config.apiVersion || "v1";
      client.endpoint = config.endpoint || process.env.VAULT_ADDR || "http://127.0.0.1:8200";
      client.pathPrefix = config.pathPrefix || process.env.VAULT_PREFIX || "";
      client.token = config.token || process.env.VAULT_TOKEN;
      client.noCustomHTTPVerbs = config.noCustomHTTPVerbs || false;
      client.namespace = config.namespace || process.env.VAULT_NAMESPACE;
      client.kubernetesPath = config.kubernetesPath || "kubernetes";
      client.endpoint = client.endpoint.replace(/\/$/, "");
      const requestSchema = {
        type: "object",
        properties: {
          path: {
            type: "string"
          },
          method: {
            type: "string"
          }
        },
        required: ["path", "method"]
      };
      client.request = (options = {}) => {
        const valid = tv4.validate(options, requestSchema);
        if (!valid) return Promise.reject(tv4.error);
        let uri = `${client.endpoint}/${client.apiVersion}${client.pathPrefix}${options.path}`;
        uri = uri.replace(/&#x2F;/g, "/");
        options.headers = options.headers || {};
        if (typeof client.token === "string" && client.token.length) {
          options.headers["X-Vault-Token"] = options.headers["X-Vault-Token"] || client.token;
        }
        if (typeof client.namespace === "string" && client.namespace.length) {
          options.headers["X-Vault-Namespace"] = client.namespace;
        }
        options.uri = uri;
        debug2(options.method, uri);
        if (options.json) debug2(options.json);
        return rp(options).then(client.handleVaultResponse);
      };
      client.help = (path, requestOptions) => {
        debug2(`help for ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}?help=1`;
        options.method = "GET";
        return client.request(options);
      };
      client.write = (path, data, requestOptions) => {
        debug2("write %o to %s", data, path);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.json = data;
        options.method = "POST";
        return client.request(options);
      };
      client.update = (path, data, requestOptions) => {
        debug2("update %o to %s", data, path);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.json = data;
        options.method = "PATCH";
        options.headers = { "Content-Type": "application/merge-patch+json" };
        return client.request(options);
      };
      client.read = (path, requestOptions) => {
        debug2(`read ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.method = "GET";
        return client.request(options);
      };
      client.list = (path, requestOptions) => {
        debug2(`list ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        if (client.noCustomHTTPVerbs) {
          options.path = `/${path}?list=1`;
          options.method = "GET";
        } else {
          options.path = `/${path}`;
          options.method = "LIST";
        }
        return client.request(options);
      };
      client.delete = (path, requestOptions) => {
        debug2(`delete ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.method = "DELETE";
        return client.request(options);
      };
      function validate(json, schema) {
        if (schema === void 0) return Promise.resolve();
        const valid = tv4.validate(json, schema);
        if (!valid) {
          debug2(tv4.error.dataPath);
          debug2(tv4.error.message);
          return Promise.reject(tv4.error);
        }
        return Promise.resolve();
      }
      function extendOptions(conf, options, args = {}) {
        const hasArgs = Object.keys(args).length > 0;
        if (!hasArgs) return Promise.resolve(options);
        const querySchema = conf.schema.query;
        if (querySchema) {
          const params = [];
          for (const key of Object.keys(querySchema.properties)) {
            if (key in args) {
              params.push(`${key}=${encodeURIComponent(args[key])}`);
            }
          }
          if (params.length > 0) {
            options.path += `?${params.join("&")}`;
          }
        }
        const reqSchema = conf.schema.req;
        if (reqSchema) {
          const json = {};
          for (const key of Object.keys(reqSchema.properties)) {
            if (key in args) {
              json[key] = args[key];
            }
          }
          if (Object.keys(json).length > 0) {
            options.json = json;
          }
        }
        return Promise.resolve(options);
      }
      function generateFunction(name, conf) {
        client[name] = (args = {}) => {
          const options = { ...config.requestOptions, ...args.requestOptions };
          options.method = conf.method;
          options.path = mustache.render(conf.path, args);
          if (!conf.schema) {
            if (options.method === "POST" || options.method === "PUT") {
              options.json = args;
            }
            return client.request(options);
          }
          let promise = validate(args, conf.schema.req).then(() => validate(args, conf.schema.query)).then(() => extendOptions(conf, options, args)).then((extendedOptions) => client.request(extendedOptions));
          if (conf.tokenSource) {
            promise = promise.then((response) => {
              const candidateToken = response.auth && response.auth.client_token;
              if (candidateToken) {
                client.token = candidateToken;
              }
              return response;
            });
          }
          return promise;
        };
      }
      client.generateFunction = generateFunction;
      client.commands = commands;
      const assignFunctions = (commandName) => generateFunction(commandName, commands[commandName]);
      Object.keys(commands).forEach(assignFunctions);
      let tokenRenewalTimer = null;
      client.startTokenRenewal = (opts = {}) => {
        const renewFraction = opts.renewFraction || 0.8;
        const increment = opts.increment;
        client.stopTokenRenewal();
        function scheduleRenewal(ttl2) {
          const delay = Math.max(1, Math.floor(ttl2 * renewFraction)) * 1e3;
          tokenRenewalTimer = setTimeout(() => {
            const renewArgs = increment != null ? { increment } : {};
            client.tokenRenewSelf(renewArgs).then((result) => {
              client.emit("token:renewed", result);
              const newTtl = result.auth && result.auth.lease_duration;
              const renewable = result.auth && result.auth.renewable;
              if (newTtl > 0 && renewable !== false) {
                scheduleRenewal(newTtl);
              } else {
                tokenRenewalTimer = null;
                client.emit("token:expired");
              }
            }).catch((err) => {
              tokenRenewalTimer = null;
              client.emit("token:error:renew", err);
            });
          }, delay);
          if (tokenRenewalTimer.unref) tokenRenewalTimer.unref();
        }
        const ttl = opts.ttl;
        if (ttl != null && ttl > 0) {
          scheduleRenewal(ttl);
          return Promise.resolve();
        }
        return client.tokenLookupSelf().then((result) => {
          const currentTtl = result.data && result.data.ttl;
          if (currentTtl > 0) {
            scheduleRenewal(currentTtl);
          }
          return result;
        });
      };
      client.stopTokenRenewal = () => {
        if (tokenRenewalTimer) {
          clearTimeout(tokenRenewalTimer);
          tokenRenewalTimer = null;
        }
      };
      const leaseTimers = {};
      client.startLeaseRenewal = (leaseId, leaseDuration, opts = {}) => {
        if (!leaseId) throw new VaultError("leaseId is required");
        if (!leaseDuration || leaseDuration <= 0) throw new VaultError("leaseDuration must be positive");
        const renewFraction = opts.renewFraction || 0.8;
        const increment = opts.increment;
        client.stopLeaseRenewal(leaseId);
        function scheduleRenewal(duration) {
          const delay = Math.max(1, Math.floor(duration * renewFraction)) * 1e3;
          const timer = setTimeout(() => {
            const renewArgs = { lease_id: leaseId };
            if (increment != null) renewArgs.increment = increment;
            client.renew(renewArgs).then((result) => {
              client.emit("lease:renewed", { leaseId, result });
              if (result.lease_duration > 0 && result.renewable !== false) {
                scheduleRenewal(result.lease_duration);
              } else {
                delete leaseTimers[leaseId];
                client.emit("lease:expired", { leaseId });
              }
            }).catch((err) => {
              delete leaseTimers[leaseId];
              client.emit("lease:error:renew", { leaseId, error: err });
            });
          }, delay);
          if (timer.unref) timer.unref();
          leaseTimers[leaseId] = timer;
        }
        scheduleRenewal(leaseDuration);
      };
      client.stopLeaseRenewal = (leaseId) => {
        if (leaseTimers[leaseId]) {
          clearTimeout(leaseTimers[leaseId]);
          delete leaseTimers[leaseId];
        }
      };
      client.stopAllRenewals = () => {
        client.stopTokenRenewal();
        Object.keys(leaseTimers).forEach((id) => {
          clearTimeout(leaseTimers[id]);
          delete leaseTimers[id];
        });
      };
      return client;
    };
  }
});

// src/inputs/read.ts
import { readFileSync } from "node:fs";
var InputError = class extends Error {
  name = "InputError";
};
function text(name) {
  return nonEmpty(getInput(name));
}
function nonEmpty(v) {
  const t = v?.trim();
  return t === void 0 || t === "" ? void 0 : t;
}
function list(name, commas = false) {
  const raw = getInput(name);
  return raw.split(commas ? /[\n,]/ : /\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
function need(v, name, forWhat) {
  if (v === void 0) throw new InputError(`${name} is required for ${forWhat}.`);
  return v;
}
function choice(name, allowed, fallback) {
  const v = text(name) ?? fallback;
  if (!allowed.includes(v))
    throw new InputError(`${name}: "${v}" is not one of ${allowed.join(", ")}.`);
  return v;
}
function bool(name, fallback) {
  const v = text(name)?.toLowerCase();
  if (v === void 0) return fallback;
  if (["true", "yes", "on", "1"].includes(v)) return true;
  if (["false", "no", "off", "0"].includes(v)) return false;
  throw new InputError(`${name}: "${v}" is not true or false.`);
}
function integer(name, fallback, min, max) {
  const v = text(name);
  if (v === void 0) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(`${name}: "${v}" must be a whole number from ${min} to ${max}.`);
  return n;
}
function seconds(name, fallback) {
  const v = text(name);
  if (v === void 0) return fallback * 1e3;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw new InputError(`${name}: "${v}" must be a number of seconds above 0 and at most 3600.`);
  return Math.round(n * 1e3);
}
function pem(name) {
  const value = text(name);
  if (value === void 0) return void 0;
  if (value.includes("-----BEGIN")) return value;
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) && value.length > 64 ? Buffer.from(value, "base64").toString("utf8") : "";
  if (decoded.includes("-----BEGIN")) return decoded;
  try {
    const file = readFileSync(value, "utf8");
    if (file.includes("-----BEGIN")) return file;
  } catch (err) {
    throw new InputError(
      `${name}: cannot read the file "${value}" (${err.code ?? "error"}): give PEM text, base64 of it, or a readable path.`
    );
  }
  throw new InputError(`${name}: "${value}" holds no PEM block: give PEM text, base64 of it, or a path to a PEM file.`);
}

// src/inputs/guard.ts
function readGuardConfig() {
  const paths = list("cache-paths");
  const key = text("cache-key");
  if (paths.length > 0 !== (key !== void 0))
    throw new InputError("cache-paths and cache-key go together: give both to restore and save a cache, or neither.");
  return {
    scanPaths: list("scan-paths"),
    onLeak: choice("on-leak", ["fail", "delete", "warn"], "fail"),
    scanImage: bool("scan-image", false),
    cache: key !== void 0 ? { paths, key, restoreKeys: list("cache-restore-keys") } : void 0
  };
}

// src/spec/group.ts
function groupByPath(requests) {
  const groups = /* @__PURE__ */ new Map();
  for (const request of requests) {
    const version = request.version === void 0 ? "" : `?version=${request.version}`;
    const key = `${request.path}${request.folder ? "/" : ""}${version}`;
    const group2 = groups.get(key);
    if (group2 === void 0) groups.set(key, [request]);
    else group2.push(request);
  }
  return groups;
}

// src/spec/types.ts
var SpecError = class extends Error {
  name = "SpecError";
  line;
  /** 1-based, in UTF-16 code units, when the problem has a position on the line. */
  column;
  constructor(line, message, column) {
    super(`secrets line ${line}: ${message}`);
    this.line = line;
    this.column = column;
  }
};

// src/spec/names.ts
var NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isValidName(s) {
  return NAME_PATTERN.test(s);
}
function deriveName(segments, prefix = "") {
  const core = segments.join("_").toUpperCase().replace(/[^A-Z0-9_]/gu, "_");
  if (!/[A-Z0-9]/.test(core)) return "";
  const name = prefix + core;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
function assertUniqueNames(items) {
  const seen = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = item.name.toUpperCase();
    const first = seen.get(key);
    if (first !== void 0) {
      throw new SpecError(
        item.line,
        `name ${item.name} from \`${item.what}\` clashes with ${first.name} from line ${first.line} (\`${first.what}\`); names must differ even ignoring case \u2014 give one of them another NAME with \`| NAME\` (or another prefix after \`*\`)`
      );
    }
    seen.set(key, item);
  }
}

// src/spec/cursor.ts
var SPACE = /^[^\S\n\v\f\r]$/;
var CONTROL = /^[\u0000-\u001f\u007f-\u009f]$/;
var Cursor = class {
  text;
  line;
  pos = 0;
  constructor(text2, line) {
    this.text = text2;
    this.line = line;
  }
  get char() {
    return this.text[this.pos];
  }
  get column() {
    return this.pos + 1;
  }
  /** The character at `pos` if it belongs to a word: not a space, `;`, `|` or the end. */
  wordChar(pos = this.pos) {
    const c = this.text[pos];
    return c === void 0 || SPACE.test(c) || c === ";" || c === "|" ? void 0 : c;
  }
  fail(message, column = this.column) {
    throw new SpecError(this.line, message, column);
  }
  /** Moves past spaces and returns the character it stopped at. */
  skipSpaces() {
    while (this.char !== void 0 && SPACE.test(this.char)) this.pos++;
    return this.char;
  }
  /** Every character that ends up in a request passes through here. */
  accept(c) {
    if (CONTROL.test(c)) {
      const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      this.fail(`control character U+${code} at column ${this.column}; remove it`);
    }
    this.pos++;
    return c;
  }
  /** PATH and NAME never need quoting, so they end at the first space, `;` or `|`. */
  readPlain() {
    const start = this.pos;
    for (let c = this.wordChar(); c !== void 0; c = this.wordChar()) this.accept(c);
    return this.text.slice(start, this.pos);
  }
};

// src/spec/path.ts
var EXAMPLE = "e.g. secret/data/ci/aws";
function parsePath(cur, raw, column) {
  const query = raw.indexOf("?");
  const version = query < 0 ? void 0 : parseVersion(cur, raw.slice(query + 1), column + query);
  let path = query < 0 ? raw : raw.slice(0, query);
  if (path.startsWith("/")) path = path.slice(1);
  const folder = path.endsWith("/");
  if (folder) path = path.slice(0, -1);
  if (path === "") cur.fail(`PATH \`${raw}\` names no secret; write the path after the mount, ${EXAMPLE}`, column);
  for (const segment of path.split("/")) {
    if (segment === "") {
      cur.fail(`PATH \`${raw}\` has an empty segment ('//'); remove the extra '/'`, column);
    }
    if (segment === "." || segment === "..") {
      cur.fail(`PATH \`${raw}\` has a '${segment}' segment; write the path without '.' or '..', ${EXAMPLE}`, column);
    }
  }
  if (folder && version !== void 0) {
    cur.fail(`PATH \`${raw}\` is a folder (ends with '/'), which has no version; remove ?version=${version}`, column);
  }
  return { path, folder, version };
}
function parseVersion(cur, query, column) {
  const match = /^version=([1-9][0-9]*)$/.exec(query);
  const version = Number(match?.[1]);
  if (Number.isSafeInteger(version)) return version;
  cur.fail(
    query.startsWith("version=") ? `bad version \`${query.slice("version=".length)}\`; write ?version=N, N a positive whole number, e.g. ?version=3` : `unsupported query \`?${query}\` after the PATH; only ?version=N (a KV v2 version) is allowed`,
    column
  );
}

// src/spec/selector.ts
function readSelector(cur) {
  if (cur.char === "*" && cur.wordChar(cur.pos + 1) === void 0) {
    cur.pos++;
    return { kind: "all" };
  }
  if (cur.char === "#") {
    cur.fail(
      "a selector cannot start with '#', which looks like a comment; comments start their line or follow `;`, and a key starting with # must be quoted, e.g. \"#key\""
    );
  }
  const segments = [];
  for (; ; ) {
    segments.push(cur.char === '"' ? readQuoted(cur) : readBare(cur));
    if (cur.char !== ".") return { kind: "key", segments };
    cur.pos++;
  }
}
function readBare(cur) {
  const start = cur.pos;
  for (let c = cur.wordChar(); c !== void 0 && c !== "."; c = cur.wordChar()) {
    if (c === '"') {
      cur.fail(
        'a quote must wrap a whole selector segment; write e.g. config."a.b".c, with \\" for a quote inside the key'
      );
    }
    if (c === "*") {
      cur.fail(`'*' (every key) must be the whole selector; to select a key containing '*', quote it, e.g. "a*b"`);
    }
    cur.accept(c);
  }
  if (cur.pos === start) {
    cur.fail(`empty selector segment; remove the extra '.', or quote a key that contains dots, e.g. "tls.crt"`);
  }
  return cur.text.slice(start, cur.pos);
}
function readQuoted(cur) {
  const open = cur.column;
  const unterminated = () => cur.fail('unterminated quote in the selector; end the key with " (write \\" for a quote inside it)', open);
  cur.pos++;
  let key = "";
  for (let c = cur.char; c !== '"'; c = cur.char) {
    if (c === void 0) unterminated();
    if (c === "\\") {
      const escaped = cur.text[cur.pos + 1];
      if (escaped === void 0) unterminated();
      if (escaped !== '"' && escaped !== "\\") {
        cur.fail('in a quoted key a backslash must be followed by " or \\; write \\\\ for a backslash itself');
      }
      cur.pos += 2;
      key += escaped;
    } else {
      key += cur.accept(c);
    }
  }
  cur.pos++;
  if (cur.wordChar() !== void 0 && cur.char !== ".") {
    cur.fail(`text right after a closing quote; put the whole key inside the quotes, or separate segments with '.'`);
  }
  if (key === "") cur.fail('empty quoted key ""; write the key between the quotes', open);
  return key;
}

// src/spec/entry.ts
function parseEntry(cur) {
  const start = cur.pos;
  if (cur.char === "|") cur.fail("missing PATH before `|`; write PATH [SELECTOR] [| NAME]");
  const pathColumn = cur.column;
  const rawPath = cur.readPlain();
  const { path, folder, version } = parsePath(cur, rawPath, pathColumn);
  cur.skipSpaces();
  const selectorColumn = cur.column;
  const selector = cur.wordChar() === void 0 ? void 0 : readSelector(cur);
  if (folder && selector?.kind === "key") {
    cur.fail(
      `\`${rawPath}\` is a folder (it ends with '/'), which takes '*' or no selector, not a key; remove the trailing '/' to read one secret`,
      selectorColumn
    );
  }
  rejectExtraWord(cur, "the selector", 'quote a key that contains spaces (e.g. "my key"), or ');
  const name = readName(cur, folder || selector?.kind === "all" ? "prefix" : "NAME");
  return {
    line: cur.line,
    text: cur.text.slice(start, cur.pos).trimEnd(),
    path,
    folder,
    version,
    ...resolve(cur, rawPath, folder, selector, name, selectorColumn)
  };
}
var MORE_THAN_ONE_PIPE = "more than one `|`; write PATH [SELECTOR] [| NAME], quoting a key that contains `|`";
function readName(cur, noun) {
  if (cur.char !== "|") return void 0;
  const pipeColumn = cur.column;
  cur.pos++;
  if (cur.skipSpaces() === "|") cur.fail(MORE_THAN_ONE_PIPE);
  const nameColumn = cur.column;
  const name = cur.readPlain();
  if (name === "") cur.fail(`\`|\` has nothing after it; write a ${noun} after it or remove it`, pipeColumn);
  if (!isValidName(name)) {
    cur.fail(
      `invalid ${noun} \`${name}\`; use letters, digits and _, not starting with a digit, e.g. ${suggestName(name)}`,
      nameColumn
    );
  }
  if (cur.skipSpaces() === "|") cur.fail(MORE_THAN_ONE_PIPE);
  rejectExtraWord(cur, `the ${noun}`, "");
  return name;
}
function rejectExtraWord(cur, after, hint) {
  cur.skipSpaces();
  const column = cur.column;
  const word = cur.readPlain();
  if (word === "") return;
  const fix = word.startsWith("#") ? "a comment must start its line or follow `;`" : `${hint}end the entry with \`;\` or a new line`;
  cur.fail(`unexpected \`${word}\` after ${after}; ${fix}`, column);
}
function resolve(cur, rawPath, folder, selector, name, selectorColumn) {
  if (folder || selector?.kind === "all") return { selector: { kind: "all" }, name: name ?? "" };
  if (selector === void 0) {
    if (name === void 0) {
      cur.fail(
        `\`${rawPath}\` has neither a selector nor a NAME; add a key (\`${rawPath} password\`), \`*\` for every key, or \`| NAME\` for the whole secret as one JSON document`,
        selectorColumn
      );
    }
    return { selector: { kind: "whole" }, name };
  }
  const derived = name ?? deriveName(selector.segments);
  if (derived === "") {
    cur.fail(
      "cannot make a NAME from this selector (it has no letter or digit A-Z, 0-9); add `| NAME`",
      selectorColumn
    );
  }
  return { selector, name: derived };
}
function suggestName(name) {
  const cleaned = name.replace(/[^A-Za-z0-9_]/gu, "_");
  if (!/[A-Za-z0-9]/.test(cleaned)) return "MY_SECRET";
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

// src/spec/parse.ts
var MAX_BYTES = 1024 * 1024;
var MAX_ENTRIES = 1e4;
function parseSpec(text2) {
  const bytes = Buffer.byteLength(text2, "utf8");
  if (bytes > MAX_BYTES) {
    throw new SpecError(1, `the spec is ${bytes} bytes, over the 1 MiB limit; split the secrets across several steps`);
  }
  const requests = [];
  for (const [index, raw] of text2.split("\n").entries()) {
    const cur = new Cursor(raw.endsWith("\r") ? raw.slice(0, -1) : raw, index + 1);
    for (let c = cur.skipSpaces(); c !== void 0 && c !== "#"; c = cur.skipSpaces()) {
      if (c === ";") {
        cur.pos++;
      } else if (requests.length === MAX_ENTRIES) {
        cur.fail(`more than ${MAX_ENTRIES} entries; split the secrets across several steps`);
      } else {
        requests.push(parseEntry(cur));
      }
    }
  }
  assertUniqueNames(
    requests.filter((request) => request.selector.kind !== "all").map((request) => ({ name: request.name, line: request.line, what: request.text }))
  );
  return requests;
}

// src/inputs/vault.ts
var METHODS = ["token", "approle", "jwt", "kubernetes", "userpass", "ldap"];
function readVaultConfig(masks) {
  const connection = readConnectionConfig(masks);
  const auth = readAuth(masks);
  const revoke = choice("vault-revoke-token", ["auto", "true", "false"], "auto");
  return { connection, auth, revokeToken: revoke === "auto" ? auth.method !== "token" : revoke === "true" };
}
function readConnectionConfig(masks) {
  const addr = text("vault-addr") ?? process.env["VAULT_ADDR"] ?? "";
  if (addr === "")
    throw new InputError(
      "vault-addr is empty and VAULT_ADDR is not set: give the Vault address, e.g. https://vault.example.com:8200."
    );
  let url;
  try {
    url = new URL(addr);
  } catch {
    throw new InputError(`vault-addr "${addr}" is not a URL: write it as https://host:8200.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InputError(`vault-addr must start with https:// or http://, not ${url.protocol}`);
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    warning(
      `vault-addr uses plain http to ${url.hostname}: tokens and secrets cross the network unencrypted. Use https.`
    );
  }
  const skipVerify = bool("vault-tls-skip-verify", false);
  if (skipVerify)
    warning(
      "vault-tls-skip-verify is on: the Vault server certificate is not checked, so anyone in the path can read the secrets. Give vault-ca-cert instead."
    );
  const key = pem("vault-client-key");
  if (key !== void 0) masks.addSecret("vault-client-key", key);
  const cert = pem("vault-client-cert");
  if (key === void 0 !== (cert === void 0))
    throw new InputError("vault-client-cert and vault-client-key go together: give both or neither.");
  const ca = pem("vault-ca-cert");
  const namespace = text("vault-namespace") ?? nonEmpty(process.env["VAULT_NAMESPACE"]);
  return {
    addr: addr.replace(/\/+$/, ""),
    namespace,
    authNamespace: text("vault-auth-namespace") ?? namespace,
    tls: {
      ...ca !== void 0 ? { ca } : {},
      ...cert !== void 0 ? { cert } : {},
      ...key !== void 0 ? { key } : {},
      rejectUnauthorized: !skipVerify
    },
    requestTimeoutMs: seconds("vault-request-timeout", 10),
    timeoutMs: seconds("vault-timeout", 120),
    retries: integer("vault-retries", 4, 0, 20),
    concurrency: integer("vault-concurrency", 16, 1, 256)
  };
}
function readAuth(masks) {
  const method = choice("vault-method", METHODS, "token");
  const mount = (text("vault-auth-path") ?? method).replace(/^\/+|\/+$/g, "");
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(mount))
    throw new InputError(
      `vault-auth-path "${mount}" is not a mount path: letters, digits, "_", "-", "." and "/" only.`
    );
  const secret = (name, fallback) => {
    const value = text(name) ?? nonEmpty(fallback);
    if (value !== void 0) masks.addHandle(name, value);
    return value;
  };
  switch (method) {
    case "token":
      return {
        method,
        token: need(
          secret("vault-token", process.env["VAULT_TOKEN"]),
          "vault-token",
          "the token method (or set VAULT_TOKEN)"
        )
      };
    case "approle":
      return {
        method,
        mount,
        roleId: need(text("vault-role-id"), "vault-role-id", "approle"),
        secretId: need(secret("vault-secret-id"), "vault-secret-id", "approle")
      };
    case "jwt":
      return {
        method,
        mount,
        role: need(text("vault-role"), "vault-role", "jwt"),
        audience: text("vault-jwt-audience"),
        jwt: secret("vault-jwt")
      };
    case "kubernetes":
      return {
        method,
        mount,
        role: need(text("vault-role"), "vault-role", "kubernetes"),
        tokenPath: text("vault-kubernetes-token-path") ?? "/var/run/secrets/kubernetes.io/serviceaccount/token"
      };
    case "userpass":
    case "ldap":
      return {
        method,
        mount,
        username: need(text("vault-username"), "vault-username", method),
        password: need(secret("vault-password"), "vault-password", method)
      };
  }
}
function isLoopback(host) {
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

// src/inputs/docker.ts
function readDockerConfig(masks) {
  return {
    logins: [...readSingleLogin(masks), ...list("registry-logins").map((line, i) => parseLoginLine(line, i + 1))],
    configMode: choice("docker-config", ["job", "default"], "job"),
    build: readBuild()
  };
}
function readSingleLogin(masks) {
  const registry = text("registry");
  const username = text("registry-username");
  const password = text("registry-password");
  if (password !== void 0) masks.addSecret("registry-password", password);
  if (registry === void 0) {
    if (username !== void 0 || password !== void 0)
      throw new InputError("registry-username and registry-password need registry (the host to log in to).");
    return [];
  }
  if (username === void 0 || password === void 0)
    throw new InputError(
      `registry ${registry}: give registry-username and registry-password, or use registry-logins with a fetched secret.`
    );
  return [{ registry, username: { literal: username }, password: { literal: password } }];
}
function parseLoginLine(line, n) {
  const words = line.split(/\s+/);
  const [registry, user, password] = words;
  if (words.length !== 3 || registry === void 0 || user === void 0 || password === void 0) {
    throw new InputError(
      `registry-logins line ${n}: write \`HOST USER PASSWORD_SECRET\` (three words), e.g. \`ghcr.io octo-bot $GHCR_TOKEN\`.`
    );
  }
  const name = password.replace(/^\$/, "");
  if (!isValidName(name))
    throw new InputError(
      `registry-logins line ${n}: the password must be the NAME of a fetched secret, and "${name}" is not a valid NAME.`
    );
  const username = user.startsWith("$") ? { secret: user.slice(1) } : { literal: user };
  return { registry, username, password: { secret: name } };
}
function readBuild() {
  const context = text("build-context");
  const buildInputs = ["build-tags", "build-args", "build-secrets", "build-target", "build-platforms", "build-file"];
  if (context === void 0) {
    const stray = buildInputs.find((n) => text(n) !== void 0);
    if (stray)
      throw new InputError(
        `${stray} is set but build-context is empty: give build-context (the folder to build) to build an image.`
      );
    return void 0;
  }
  const push = bool("build-push", false);
  const tags = list("build-tags", true);
  if (push && tags.length === 0)
    throw new InputError("build-push is true but build-tags is empty: give the tag(s) to push.");
  return {
    context,
    file: text("build-file"),
    tags,
    args: list("build-args").map((line, i) => {
      const eq = line.indexOf("=");
      if (eq <= 0) throw new InputError(`build-args line ${i + 1}: write NAME=VALUE.`);
      return { name: line.slice(0, eq).trim(), value: line.slice(eq + 1) };
    }),
    target: text("build-target"),
    platforms: list("build-platforms", true),
    push,
    secrets: list("build-secrets", true).map(parseBuildSecret),
    provenance: text("build-provenance"),
    check: choice("dockerfile-check", ["default", "error", "warn", "off"], "default")
  };
}
function parseBuildSecret(entry, i) {
  const [left, right] = entry.includes("=") ? entry.split("=", 2) : [entry, entry];
  const id = (left ?? "").trim();
  let name = (right ?? "").trim();
  let via = "file";
  if (name.startsWith("env:")) {
    via = "env";
    name = name.slice(4);
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    throw new InputError(
      `build-secrets entry ${i + 1}: the id "${id}" may hold letters, digits, "_", "-" and "." only.`
    );
  if (!isValidName(name))
    throw new InputError(
      `build-secrets entry ${i + 1}: "${name}" is not the NAME of a fetched secret; write NAME, ID=NAME or ID=env:NAME.`
    );
  return { id, name, via };
}

// src/inputs/index.ts
var DELIVERIES = ["files", "env-file", "env", "outputs"];
function readMainConfig(masks) {
  const requests = parseSpec(text("secrets") ?? "");
  const vault = requests.length > 0 ? readVaultConfig(masks) : void 0;
  return {
    requests,
    vault,
    deliveries: readDeliveries(),
    filesBaseDir: text("files-base-dir"),
    docker: readDockerConfig(masks),
    guard: readGuardConfig(),
    summary: bool("summary", true)
  };
}
function readDeliveries() {
  const words = (text("deliver") ?? "files").split(/[\s,]+/).filter(Boolean);
  const out = /* @__PURE__ */ new Set();
  for (const w of words) {
    if (!DELIVERIES.includes(w))
      throw new InputError(`deliver: "${w}" is not one of ${DELIVERIES.join(", ")}.`);
    out.add(w);
  }
  if (out.size === 0) throw new InputError(`deliver is empty: give one or more of ${DELIVERIES.join(", ")}.`);
  return out;
}

// src/mask/forms.ts
var MIN_DERIVED_LENGTH = 8;
var MIN_SECRET_LENGTH = 6;
function plainParts(value) {
  return dedupe([
    { kind: "value", text: value },
    ...innerParts(value).filter((p) => p.text.length >= MIN_SECRET_LENGTH)
  ]);
}
function shortParts(value) {
  return dedupe(innerParts(value).filter((p) => p.text.length < MIN_SECRET_LENGTH && p.text !== value));
}
function innerParts(value) {
  const parts = [];
  const addLines = (text2) => {
    for (const line of text2.split(/\r\n|\r|\n/)) {
      const trimmed = line.trim();
      if (trimmed !== text2) parts.push({ kind: "line", text: trimmed });
    }
  };
  addLines(value);
  for (const leaf of jsonLeaves(value)) {
    parts.push({ kind: "json-leaf", text: leaf });
    addLines(leaf);
  }
  return parts;
}
function formsOf(value) {
  const forms = [];
  for (const part of plainParts(value)) {
    forms.push(part);
    forms.push(...encodingsOf(part.text));
  }
  return dedupe(forms);
}
function basicAuthForms(user, password) {
  const bytes = Buffer.from(`${user}:${password}`, "utf8");
  const padded = bytes.toString("base64");
  return dedupe([
    { kind: "basic-auth", text: padded },
    ...base64Alignments(bytes, "base64").map((text2) => ({ kind: "basic-auth", text: text2 }))
  ]).filter((f) => f.text.length >= MIN_DERIVED_LENGTH);
}
function encodingsOf(text2) {
  if (text2.trim() === "") return [];
  const bytes = Buffer.from(text2, "utf8");
  const out = [];
  for (const b of base64Alignments(bytes, "base64")) out.push({ kind: "base64", text: b });
  for (const b of base64Alignments(bytes, "base64url")) out.push({ kind: "base64url", text: b });
  const hex = bytes.toString("hex");
  out.push({ kind: "hex", text: hex }, { kind: "hex", text: hex.toUpperCase() });
  const uri = encodeURIComponent(text2);
  out.push(
    { kind: "url", text: uri },
    { kind: "url", text: uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) },
    { kind: "url", text: uri.replace(/%20/g, "+") }
  );
  const json = JSON.stringify(text2).slice(1, -1);
  out.push(
    { kind: "json-escape", text: json },
    {
      kind: "json-escape",
      text: json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    }
  );
  if (text2.includes("'")) out.push({ kind: "shell-escape", text: text2.replace(/'/g, `'\\''`) });
  return dedupe(out).filter((f) => f.text !== text2 && f.text.length >= MIN_DERIVED_LENGTH);
}
function base64Alignments(bytes, alphabet) {
  const out = [];
  for (let offset = 0; offset < 3; offset++) {
    const bitStart = offset * 8;
    const bitEnd = bitStart + bytes.length * 8;
    const first = Math.ceil(bitStart / 6);
    const last = Math.floor(bitEnd / 6);
    if (last <= first) continue;
    const framed = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]);
    out.push(framed.toString(alphabet).slice(first, last));
  }
  return [...new Set(out)];
}
function jsonLeaves(value) {
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return [];
  let doc;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const leaves = [];
  const walk = (node) => {
    if (typeof node === "string") {
      if (node.trim() !== "") leaves.push(node);
    } else if (typeof node === "number") {
      leaves.push(String(node));
    } else if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === "object") {
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return leaves;
}
function dedupe(forms) {
  const seen = /* @__PURE__ */ new Set();
  return forms.filter((f) => {
    if (f.text.trim() === "" || seen.has(f.text)) return false;
    seen.add(f.text);
    return true;
  });
}

// src/mask/registry.ts
var MaskRegistry = class {
  #register;
  #forms = /* @__PURE__ */ new Map();
  #persist;
  /** forms() sorted, kept until the next registration: find() runs once per Dockerfile instruction. */
  #sorted;
  constructor(register) {
    this.#register = register;
  }
  /**
   * Registers a secret value and all its forms. Says whether the value is shorter than
   * MIN_SECRET_LENGTH and how many of its lines or JSON leaves were too short to mask
   * on their own, for a warning.
   */
  addSecret(name, value) {
    this.#addAll(name, formsOf(value));
    return { short: value.trim().length < MIN_SECRET_LENGTH, shortParts: shortParts(value).length };
  }
  /** A credential the action handles itself (token, secret id, lease id): value and encodings. */
  addHandle(name, value) {
    if (value.trim() === "") return;
    this.#addAll(name, [{ kind: "value", text: value }, ...encodingsOf(value)]);
  }
  /** base64("user:password"), as docker and HTTP basic auth write it. */
  addBasicAuth(name, user, password) {
    this.#addAll(name, basicAuthForms(user, password));
  }
  /**
   * Hands every form registered so far, and each one from now on, to `persist`: the
   * post step's leak guard needs them, and post is another process.
   */
  persistTo(persist) {
    this.#persist = persist;
    for (const form of this.#forms.values()) persist(form);
  }
  /** Every form registered so far, longest first (so redaction prefers whole matches). */
  forms() {
    this.#sorted ??= [...this.#forms.values()].sort((a, b) => b.text.length - a.text.length);
    return this.#sorted;
  }
  /**
   * The first registered form found in `text`, longest first. Forms shorter than
   * MIN_SECRET_LENGTH are not looked for: they match ordinary text by chance.
   */
  find(text2) {
    return this.forms().find((f) => f.text.length >= MIN_SECRET_LENGTH && text2.includes(f.text));
  }
  /** Replaces every registered form in `text` with `***`. */
  redact(text2) {
    let out = text2;
    for (const form of this.forms()) if (out.includes(form.text)) out = out.split(form.text).join("***");
    return out;
  }
  #addAll(name, forms) {
    for (const form of forms) {
      if (this.#forms.has(form.text)) continue;
      const registered = { ...form, name };
      this.#forms.set(form.text, registered);
      this.#sorted = void 0;
      this.#register(form.text);
      this.#persist?.(registered);
    }
  }
};

// src/state.ts
import { appendFileSync, readFileSync as readFileSync2 } from "node:fs";
import { join } from "node:path";

// src/deliver/private-file.ts
import { closeSync, constants, fchmodSync, fsyncSync, openSync, writeSync } from "node:fs";
function writePrivateFile(path, data) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 384);
  try {
    fchmodSync(fd, 384);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// src/state.ts
var ROOT_KEY = "session-root";
var REVOKE_KEY = "revoke-token";
var DOCKER_CONFIG_KEY = "docker-config";
var REGISTRIES_KEY = "registries";
function sessionPaths(root) {
  const priv = join(root, "private");
  return {
    root,
    files: join(root, "files"),
    private: priv,
    docker: join(root, "docker"),
    envFile: join(root, "secrets.env"),
    tokenFile: join(priv, "vault-token"),
    leasesFile: join(priv, "leases"),
    formsFile: join(priv, "forms")
  };
}
function saveSessionRoot(root) {
  saveState(ROOT_KEY, root);
}
function loadSessionRoot() {
  const root = getState(ROOT_KEY);
  return root === "" ? void 0 : root;
}
function recordToken(paths, token, revoke) {
  writePrivateFile(paths.tokenFile, token);
  saveState(REVOKE_KEY, String(revoke));
}
function loadRevokeFlag() {
  return getState(REVOKE_KEY) === "true";
}
function recordLease(paths, leaseId) {
  appendFileSync(paths.leasesFile, `${leaseId}
`, { mode: 384 });
}
function recordForm(paths, form) {
  appendFileSync(paths.formsFile, `${JSON.stringify({ text: form.text, name: form.name, kind: form.kind })}
`, {
    mode: 384
  });
}
function readForms(paths) {
  return (readOptional(paths.formsFile) ?? "").split("\n").filter(Boolean).flatMap((line) => {
    try {
      const f = JSON.parse(line);
      return typeof f.text === "string" && typeof f.name === "string" && typeof f.kind === "string" ? [{ text: f.text, name: f.name, kind: f.kind }] : [];
    } catch {
      return [];
    }
  });
}
var CACHE_KEY = "cache-matched-key";
var COMPLETED_KEY = "main-completed";
function saveMainCompleted() {
  saveState(COMPLETED_KEY, "true");
}
function loadMainCompleted() {
  return getState(COMPLETED_KEY) === "true";
}
function saveCacheMatch(key) {
  saveState(CACHE_KEY, key);
}
function loadCacheMatch() {
  return getState(CACHE_KEY);
}
function readRecords(paths) {
  return {
    token: readOptional(paths.tokenFile)?.trim() || void 0,
    leases: (readOptional(paths.leasesFile) ?? "").split("\n").filter(Boolean)
  };
}
function readOptional(path) {
  try {
    return readFileSync2(path, "utf8");
  } catch {
    return void 0;
  }
}
function saveDockerConfig(dir) {
  saveState(DOCKER_CONFIG_KEY, dir);
}
function saveRegistries(hosts) {
  saveState(REGISTRIES_KEY, JSON.stringify(hosts));
}
function loadDockerRecords() {
  const dir = getState(DOCKER_CONFIG_KEY);
  let registries;
  try {
    registries = JSON.parse(getState(REGISTRIES_KEY) || "[]");
  } catch {
    registries = [];
  }
  return {
    configDir: dir === "" ? void 0 : dir,
    registries: Array.isArray(registries) ? registries.filter((r) => typeof r === "string") : []
  };
}

// src/errors.ts
var ACTION_NAME = "vault-secrets-action";
function errorMessage(err, fallback = "unknown error") {
  return err instanceof Error ? err.message : fallback;
}
function failStep(err, redact) {
  if (err instanceof Error && err.stack !== void 0) debug(redact(err.stack));
  setFailed(`${ACTION_NAME}: ${redact(errorMessage(err))}`);
}

// src/docker/cli.ts
async function docker(args, opts = {}) {
  try {
    const env = { ...process.env, ...opts.env };
    return await getExecOutput("docker", [...args], {
      ...opts.input !== void 0 ? { input: opts.input } : {},
      env,
      ignoreReturnCode: true,
      silent: opts.silent ?? true
    });
  } catch (err) {
    if (err instanceof Error && err.message.includes("Unable to locate executable file")) {
      throw new Error(
        "docker is not installed or not on PATH: install the Docker CLI and engine on the runner, or remove the registry and build inputs.",
        { cause: err }
      );
    }
    throw err;
  }
}
function reason(run) {
  const text2 = (run.stderr.trim() || run.stdout.trim()).split("\n").filter((l) => !/^WARNING!|credential helper|credentials-store|^\s*$/i.test(l));
  return text2.slice(0, 3).join(" ").trim() || `exit code ${run.exitCode}`;
}

// src/docker/builder.ts
function builderName(builder) {
  return builder === "buildx" ? "docker buildx build" : "docker build (BuildKit)";
}
async function detectBuilder() {
  const version = await docker(["version", "--format", "{{.Client.Version}}|{{.Server.Version}}"]);
  const [client = "", server = ""] = version.stdout.trim().split("|");
  if (version.exitCode !== 0 || server === "") {
    throw new Error(
      `cannot reach the Docker engine: ${reason(version)}. Start dockerd (or check DOCKER_HOST) before building.`
    );
  }
  if ((await docker(["buildx", "version"])).exitCode === 0) return "buildx";
  const major = Number(client.split(".")[0]);
  if (Number.isFinite(major) && major < 23) return "buildkit";
  throw new Error(
    `docker ${client} has no buildx plugin, and Docker 23 and later build with BuildKit only through buildx: install the docker-buildx-plugin, or put a docker that has it first on PATH.`
  );
}

// src/report/summary.ts
function secretRows(secrets, deliveries) {
  const how = [...deliveries].join(", ");
  return secrets.map((s) => [s.name, s.source, how, String(s.bytes)]);
}
async function writeMainSummary(report2) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  const summary2 = summary.addHeading("Vault secrets", 3);
  const { vault, docker: docker2 } = report2;
  if (vault) {
    const storage = report2.filesDir === void 0 ? "" : ` Files are in \`${report2.filesDir}\` (${report2.memoryBacked ? "memory-backed" : "on disk; removed by the post step"}).`;
    summary2.addRaw(
      `${report2.secrets.length} secret(s) from ${vault.paths} path(s) at ${escape(vault.addr)} (auth: ${vault.method}) in ${vault.millis} ms${vault.retries > 0 ? `, ${vault.retries} retried request(s)` : ""}${vault.leases > 0 ? `, ${vault.leases} lease(s) to revoke` : ""}.${storage} ${report2.masks} mask(s) registered (values, lines, JSON leaves, encodings, credentials), each before any line that could hold it.`,
      true
    );
    summary2.addTable([
      ["Name", "Source", "Delivered as", "Bytes"].map((data) => ({ data, header: true })),
      ...secretRows(report2.secrets, report2.deliveries).map((row) => row.map(escape))
    ]);
  }
  if (docker2) {
    const lines = docker2.registries.map((r) => `logged in to ${escape(r)} (DOCKER_CONFIG ${escape(docker2.configDir)})`);
    if (docker2.build) {
      lines.push(
        `built ${escape(docker2.build.imageId)} with ${builderName(docker2.build.builder)}${docker2.build.digest ? `, pushed as ${escape(docker2.build.digest)}` : ""}`
      );
    }
    summary2.addHeading("Docker", 4).addList(lines);
  }
  await summary2.write();
}
async function writePostSummary(cleanup, guard) {
  if (!process.env["GITHUB_STEP_SUMMARY"]) return;
  const summary2 = summary.addHeading("Vault secrets: cleanup", 3).addList(cleanup.map(escape));
  if (guard.length > 0) summary2.addHeading("Leak guard", 4).addList(guard.map(escape));
  await summary2.write();
}
function escape(text2) {
  return text2.replace(/[&<>"'|`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/cache/stage.ts
var loadCache = () => import("./shared-A7JND2PA.js");
async function restoreStage(config) {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) {
    notice(
      "cache: no cache service on this runner (act, or no ACTIONS_RESULTS_URL): restore and save are skipped."
    );
    setOutput("cache-hit", "false");
    return;
  }
  const matched = await group(
    `Restore cache ${config.key}`,
    () => cache.restoreCache([...config.paths], config.key, [...config.restoreKeys])
  );
  saveCacheMatch(matched ?? "");
  setOutput("cache-hit", String(matched === config.key));
  info(matched ? `cache restored from ${matched}` : "cache: no entry matched");
}
async function saveStage(config, dirty) {
  const cache = await loadCache();
  if (!cache.isFeatureAvailable()) return "cache: not saved (no cache service on this runner)";
  if (dirty > 0) {
    warning(
      `cache ${config.key} NOT saved: the leak guard found ${dirty} secret hit(s) in its paths (see the annotations). Remove the secret from the cached files.`
    );
    return `cache ${config.key}: not saved, ${dirty} secret hit(s) in its paths`;
  }
  if (loadCacheMatch() === config.key) return `cache ${config.key}: restored on this exact key, not saved again`;
  try {
    const id = await group(`Save cache ${config.key}`, () => cache.saveCache([...config.paths], config.key));
    return id === -1 ? `cache ${config.key}: not saved (see the log)` : `cache ${config.key}: scanned clean and saved`;
  } catch (err) {
    warning(`cache ${config.key} could not be saved: ${errorMessage(err)}`);
    return `cache ${config.key}: save failed (see warnings)`;
  }
}

// src/vault/connect.ts
import { readFile } from "node:fs/promises";

// src/vault/auth.ts
async function login(auth, api, deps) {
  if (auth.method === "token") return { token: auth.token, obtained: false, policies: [], ttlSeconds: void 0 };
  const { path, body } = await loginRequest(auth, deps);
  const reply = await api.write(path, body, `login (${auth.method})`);
  const authBlock = reply?.auth;
  const token = authBlock?.client_token;
  if (typeof token !== "string" || token === "") {
    throw new Error(
      `Vault login (${auth.method}) at auth/${auth.mount} returned no client token: check that the mount is a ${auth.method} auth method.`
    );
  }
  deps.mask("VAULT_TOKEN", token);
  if (typeof authBlock?.accessor === "string") deps.mask("VAULT_TOKEN_ACCESSOR", authBlock.accessor);
  return {
    token,
    obtained: true,
    policies: Array.isArray(authBlock?.policies) ? authBlock.policies.filter((p) => typeof p === "string") : [],
    ttlSeconds: typeof authBlock?.lease_duration === "number" ? authBlock.lease_duration : void 0
  };
}
async function loginRequest(auth, deps) {
  const base = `auth/${auth.mount}/login`;
  switch (auth.method) {
    case "approle":
      return { path: base, body: { role_id: auth.roleId, secret_id: auth.secretId } };
    case "jwt": {
      const jwt = auth.jwt ?? await deps.idToken(auth.audience);
      deps.mask("OIDC_TOKEN", jwt);
      return { path: base, body: { role: auth.role, jwt } };
    }
    case "kubernetes": {
      const jwt = await readServiceAccountToken(auth.tokenPath, deps);
      deps.mask("KUBERNETES_TOKEN", jwt);
      return { path: base, body: { role: auth.role, jwt } };
    }
    case "userpass":
    case "ldap":
      return { path: `${base}/${encodeURIComponent(auth.username)}`, body: { password: auth.password } };
  }
}
async function readServiceAccountToken(path, deps) {
  let text2;
  try {
    text2 = await deps.readFile(path);
  } catch (err) {
    const code = err.code ?? "error";
    throw new Error(
      `cannot read the Kubernetes service account token at ${path} (${code}): run the job in a pod with a mounted service account token, or set vault-kubernetes-token-path.`,
      { cause: err }
    );
  }
  const token = text2.trim();
  if (token === "") throw new Error(`the Kubernetes service account token file ${path} is empty.`);
  return token;
}

// src/vault/client.ts
var import_node_vault = __toESM(require_src(), 1);

// src/vault/transport.ts
import http from "node:http";
import https from "node:https";

// src/vault/retry.ts
var DEFAULT_RETRY = { retries: 4, baseMs: 200, capMs: 1e4 };
function isRetryableStatus(status) {
  return status === 412 || status === 429 || status >= 500 && status !== 501;
}
function parseRetryAfter(header, nowMs) {
  if (header === void 0 || header.trim() === "") return void 0;
  const text2 = header.trim();
  if (/^\d+$/.test(text2)) return Number(text2) * 1e3;
  const at = Date.parse(text2);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
function backoffMs(attempt, policy, retryAfterMs, random = Math.random) {
  if (retryAfterMs !== void 0) return Math.min(retryAfterMs, policy.capMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

// src/vault/transport.ts
var TransportError = class extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
    this.name = "TransportError";
  }
  code;
  /** Network trouble may pass; a bad certificate or an exhausted deadline will not. */
  get retryable() {
    return RETRYABLE_CODES.has(this.code);
  }
};
function createTransport(opts) {
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent({
    ...agentOptions,
    rejectUnauthorized: opts.tls.rejectUnauthorized,
    ...opts.tls.ca !== void 0 ? { ca: opts.tls.ca } : {},
    ...opts.tls.cert !== void 0 ? { cert: opts.tls.cert } : {},
    ...opts.tls.key !== void 0 ? { key: opts.tls.key } : {}
  });
  const stats = { requests: 0, retries: 0 };
  async function send(req) {
    const url = new URL(req.uri);
    const path = url.pathname;
    for (let attempt = 0; ; attempt++) {
      const left = opts.deadline - Date.now();
      if (left <= 0)
        throw new TransportError(
          `out of time before ${req.method} ${path} could finish (raise vault-timeout)`,
          "DEADLINE"
        );
      stats.requests++;
      let reason2;
      let retryAfterMs;
      try {
        const res = await once2(url, req, Math.min(opts.requestTimeoutMs, left));
        if (!isRetryableStatus(res.statusCode) || attempt >= opts.retry.retries) return res;
        reason2 = `HTTP ${res.statusCode}`;
        retryAfterMs = parseRetryAfter(res.retryAfter, Date.now());
      } catch (err) {
        if (!(err instanceof TransportError) || !err.retryable || attempt >= opts.retry.retries) throw err;
        reason2 = err.code;
      }
      const delayMs = Math.min(backoffMs(attempt, opts.retry, retryAfterMs), Math.max(0, opts.deadline - Date.now()));
      stats.retries++;
      opts.onRetry?.({ method: req.method, path, attempt: attempt + 1, reason: reason2, delayMs });
      await new Promise((resolve3) => setTimeout(resolve3, delayMs));
    }
  }
  function once2(url, req, timeoutMs) {
    const body = req.json !== void 0 && typeof req.json === "object" ? JSON.stringify(req.json) : void 0;
    const headers = { ...req.headers, Accept: "application/json" };
    if (body !== void 0) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = Buffer.byteLength(body);
    }
    const isHttps = url.protocol === "https:";
    const lib = isHttps ? https : http;
    return new Promise((resolve3, reject) => {
      const request = lib.request(url, { method: req.method, agent: isHttps ? httpsAgent : httpAgent }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("error", (e) => reject(networkError(e, url)));
        res.on("end", () => {
          const text2 = Buffer.concat(chunks).toString("utf8");
          const retryAfter = res.headers["retry-after"];
          resolve3({
            statusCode: res.statusCode ?? 0,
            body: parseBody(text2),
            request: { path: url.pathname },
            retryAfter
          });
        });
      });
      request.setTimeout(timeoutMs, () => {
        request.destroy(
          new TransportError(
            `no answer from ${url.origin} within ${timeoutMs} ms for ${req.method} ${url.pathname}`,
            "TIMEOUT"
          )
        );
      });
      request.on("error", (e) => reject(e instanceof TransportError ? e : networkError(e, url)));
      for (const [name, value] of Object.entries(headers)) request.setHeader(name, value);
      request.end(body);
    });
  }
  return {
    defaults: () => send,
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
    stats
  };
}
var RETRYABLE_CODES = /* @__PURE__ */ new Set([
  "TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETWORK"
]);
function parseBody(text2) {
  if (text2 === "") return void 0;
  try {
    return JSON.parse(text2);
  } catch {
    return { errors: ["(response was not JSON)"] };
  }
}
function networkError(err, url) {
  const code = err.code ?? "ENETWORK";
  const hint = /CERT|TLS|SSL|SIGNATURE/.test(code) ? " (TLS: give vault-ca-cert with the CA that signed the server certificate, or fix the certificate)" : "";
  return new TransportError(`could not reach Vault at ${url.origin}: ${code}${hint}`, code);
}

// src/vault/errors.ts
var VaultRequestError = class extends Error {
  constructor(operation, path, status, vaultErrors, namespace) {
    const where2 = namespace ? `${path} (namespace ${namespace})` : path;
    const said = vaultErrors.length > 0 ? `: ${vaultErrors.join("; ").replace(/\s+/g, " ").trim()}` : "";
    super(`Vault ${operation} ${where2} failed with HTTP ${status}${said}. ${hintFor(operation, status, path)}`);
    this.operation = operation;
    this.path = path;
    this.status = status;
    this.vaultErrors = vaultErrors;
    this.name = "VaultRequestError";
  }
  operation;
  path;
  status;
  vaultErrors;
};
function hintFor(operation, status, path) {
  if (operation.startsWith("login")) {
    if (status === 400)
      return "Check the role and credentials, and that the auth method is mounted at that path (vault-auth-path).";
    if (status === 403) return "Check the auth mount path and vault-auth-namespace.";
  }
  switch (status) {
    case 400:
      return "Check the path and the request.";
    case 403:
      return `Check that the token's policies grant this on "${path}", and that the namespace is right.`;
    case 404:
      return "Check that the secret exists at that path and mount, in that namespace (Vault also answers 404 when a policy hides a path).";
    case 412:
    case 429:
    case 503:
      return "Vault was rate limiting, sealed or catching up, and stayed so through every retry: raise vault-retries or try later.";
    default:
      return status >= 500 ? "Vault failed on its side: check its health and logs." : "Check the request.";
  }
}
function vaultErrorsOf(body) {
  if (body !== null && typeof body === "object" && "errors" in body && Array.isArray(body.errors)) {
    return body.errors.filter((e) => typeof e === "string");
  }
  return [];
}

// src/vault/client.ts
function createVaultApi(opts) {
  const client = (0, import_node_vault.default)({
    endpoint: opts.addr,
    apiVersion: "v1",
    "request-promise": opts.transport,
    debug: () => void 0
  });
  client.token = opts.token ?? "";
  client.namespace = opts.namespace ?? "";
  const call = async (operation, path, fn) => {
    try {
      return await fn();
    } catch (err) {
      throw toSafeError(err, operation, path, opts.namespace);
    }
  };
  return {
    namespace: opts.namespace,
    read: (path, operation = "read") => call(operation, path, () => client.read(path)),
    list: async (path) => {
      const body = await call("list", path, () => client.list(path));
      const keys = body?.data?.keys;
      return Array.isArray(keys) ? keys.filter((k) => typeof k === "string") : [];
    },
    write: (path, data, operation) => call(operation, path, () => client.write(path, data)),
    with: (o) => createVaultApi({
      ...opts,
      namespace: "namespace" in o ? o.namespace : opts.namespace,
      token: "token" in o ? o.token : opts.token
    })
  };
}
function toSafeError(err, operation, path, namespace) {
  if (err instanceof TransportError) return new Error(`Vault ${operation} ${path}: ${err.message}`);
  const response = err?.response;
  if (response && typeof response.statusCode === "number") {
    return new VaultRequestError(operation, path, response.statusCode, vaultErrorsOf(response.body), namespace);
  }
  return new Error(`Vault ${operation} ${path} failed: ${err instanceof Error ? err.name : "unknown error"}`);
}

// src/vault/connect.ts
function openTransport(conn) {
  return createTransport({
    tls: conn.tls,
    requestTimeoutMs: conn.requestTimeoutMs,
    deadline: Date.now() + conn.timeoutMs,
    retry: { ...DEFAULT_RETRY, retries: conn.retries },
    maxSockets: conn.concurrency,
    onRetry: (e) => info(
      `Vault ${e.method} ${e.path}: ${e.reason}, try ${e.attempt + 1} of ${conn.retries + 1} in ${e.delayMs} ms`
    )
  });
}
async function connect(conn, auth, mask) {
  const transport = openTransport(conn);
  const authApi = createVaultApi({ addr: conn.addr, namespace: conn.authNamespace, token: void 0, transport });
  const result = await login(auth, authApi, {
    idToken: (audience) => idTokenWithRetry(audience, conn.retries),
    readFile: (path) => readFile(path, "utf8"),
    mask
  });
  return { api: authApi.with({ namespace: conn.namespace, token: result.token }), login: result, transport };
}
async function idTokenWithRetry(audience, retries) {
  if (!process.env["ACTIONS_ID_TOKEN_REQUEST_URL"]) {
    throw new Error(
      "vault-method jwt needs GitHub's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` to the job (under act, pass a JWT in vault-jwt)."
    );
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await getIDToken(audience);
    } catch (err) {
      if (attempt >= retries) {
        throw new Error(
          `could not get GitHub's OIDC token after ${attempt + 1} tries: ${errorMessage(err).replace(/\s+/g, " ").trim()}`,
          { cause: err }
        );
      }
      const delay = backoffMs(attempt, { ...DEFAULT_RETRY, baseMs: 500 });
      info(`GitHub OIDC token request failed, try ${attempt + 2} of ${retries + 1} in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

// src/docker/login.ts
async function loginAll(logins, secrets, masks, env) {
  const done = [];
  for (const login2 of logins) {
    const username = resolve2(login2.username, secrets, `registry ${login2.registry} username`);
    const password = resolve2(login2.password, secrets, `registry ${login2.registry} password`);
    masks.addBasicAuth(`docker auth for ${login2.registry}`, username, password);
    await group(`docker login ${login2.registry}`, async () => {
      const run = await docker(["login", login2.registry, "--username", username, "--password-stdin"], {
        input: Buffer.from(password, "utf8"),
        env
      });
      if (run.exitCode !== 0) {
        throw new Error(
          `docker login to ${login2.registry} failed: ${masks.redact(reason(run))}. Check the username and password for that registry.`
        );
      }
      info(`Logged in to ${login2.registry}.`);
    });
    done.push(login2.registry);
    saveRegistries(done);
  }
  return done;
}
function resolve2(credential, secrets, what) {
  if ("literal" in credential) return credential.literal;
  const secret = secrets.get(credential.secret);
  if (!secret) {
    const known = [...secrets.keys()];
    throw new Error(
      `${what} names the secret ${credential.secret}, which was not fetched${known.length ? ` (fetched: ${known.join(", ")})` : ""}: add it to secrets.`
    );
  }
  return secret.reveal();
}
async function logoutAll(registries, env) {
  const lines = [];
  for (const registry of registries) {
    try {
      const run = await docker(["logout", registry], { env });
      if (run.exitCode === 0) lines.push(`logged out of ${registry}`);
      else warning(`docker logout ${registry} failed: ${reason(run)}`);
    } catch (err) {
      warning(`docker logout ${registry}: ${errorMessage(err)}`);
    }
  }
  return lines;
}

// src/guard/scanner.ts
import { closeSync as closeSync2, fstatSync, lstatSync, openSync as openSync2, readdirSync, readSync, createReadStream } from "node:fs";
import { join as join2 } from "node:path";
import { Readable as Readable2 } from "node:stream";

// src/guard/matcher-tables.ts
var BLOCK = 4;
var SHORT_BELOW = BLOCK + 1;
var GOOD_WINDOW = 8;
var FEW_SHORT = 4;
var MAX_STRIDE = 8;
var MULTIPLIERS = [
  2654435761,
  2246822507,
  3266489909,
  668265263,
  374761393,
  3605593783,
  2496678331,
  3210233709 | 1
];
var RUNS = [0, 255, 32, 10, 9, 48, 65, 45, 61, 46, 102];
function blockHash(a, b, c, e, multiplier, shift) {
  return Math.imul(a | b << 8 | c << 16 | e << 24, multiplier) >>> shift;
}
function windowHash(d, p, window, shift) {
  const e = p + window - 4;
  const x = d[p] | d[p + 1] << 8 | d[p + 2] << 16 | d[p + 3] << 24;
  const y = d[e] | d[e + 1] << 8 | d[e + 2] << 16 | d[e + 3] << 24;
  return Math.imul(x ^ Math.imul(y, 2246822507), 2654435761) >>> shift;
}
function log2ceil(n) {
  let k = 0;
  while (1 << k < n) k++;
  return k;
}
function compareBytes(a, b) {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (d !== 0) return d;
  }
  return 0;
}
function buildTables(patterns) {
  const order = [];
  for (let i = 0; i < patterns.length; i++) if (patterns[i].length > 0) order.push(i);
  order.sort((a, b) => compareBytes(patterns[a], patterns[b]) || a - b);
  const groups = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last && compareBytes(patterns[last[0]], patterns[i]) === 0) last.push(i);
    else groups.push([i]);
  }
  const u = groups.length;
  const start = new Int32Array(u);
  const length = new Int32Array(u);
  const dupStart = new Int32Array(u + 1);
  const dupList = new Int32Array(order.length);
  let poolSize = 0;
  for (const g of groups) poolSize += patterns[g[0]].length;
  const pool = new Uint8Array(poolSize);
  let at = 0;
  let d = 0;
  for (let k = 0; k < u; k++) {
    const g = groups[k];
    const p = patterns[g[0]];
    pool.set(p, at);
    start[k] = at;
    length[k] = p.length;
    at += p.length;
    dupStart[k] = d;
    for (const i of g) dupList[d++] = i;
  }
  dupStart[u] = d;
  let shortBelow = SHORT_BELOW;
  let under = 0;
  for (let k = 0; k < u; k++) if (length[k] < GOOD_WINDOW) under++;
  if (under <= FEW_SHORT) shortBelow = GOOD_WINDOW;
  const long = [];
  const short = [];
  for (let k = 0; k < u; k++) (length[k] >= shortBelow ? long : short).push(k);
  let window = 0;
  if (long.length > 0) {
    window = BLOCK + MAX_STRIDE - 1;
    for (const k of long) window = Math.min(window, length[k]);
  }
  const stride = window > 0 ? window - BLOCK + 1 : 1;
  const filterBits = long.length > 0 ? Math.min(18, Math.max(10, log2ceil(long.length * stride * 32))) : 1;
  const filterShift = 32 - filterBits;
  const filter = new Uint8Array(long.length > 0 ? 1 << filterBits : 1);
  let multiplier = MULTIPLIERS[0] | 0;
  const bucketBits = long.length > 0 ? Math.min(17, Math.max(8, log2ceil(long.length * 4))) : 1;
  const bucketShift = 32 - bucketBits;
  const bucketStart = new Int32Array((1 << bucketBits) + 1);
  const bucketList = new Int32Array(long.length);
  if (long.length > 0) {
    const realRuns = /* @__PURE__ */ new Set();
    for (const k of long) {
      const s = start[k];
      for (let j = 0; j + BLOCK <= window; j++) {
        const c = pool[s + j];
        if (pool[s + j + 1] === c && pool[s + j + 2] === c && pool[s + j + 3] === c) realRuns.add(c);
      }
    }
    for (const m of MULTIPLIERS) {
      const mul = m | 0;
      multiplier = mul;
      filter.fill(0);
      for (const k of long) {
        const s = start[k];
        for (let j = 0; j + BLOCK <= window; j++) {
          const h = blockHash(
            pool[s + j],
            pool[s + j + 1],
            pool[s + j + 2],
            pool[s + j + 3],
            mul,
            filterShift
          );
          filter[h] = filter[h] | 1 << j;
        }
      }
      if (RUNS.every((c) => realRuns.has(c) || filter[blockHash(c, c, c, c, mul, filterShift)] === 0)) break;
    }
    const hashes = new Int32Array(long.length);
    for (let n = 0; n < long.length; n++) {
      const w = windowHash(pool, start[long[n]], window, bucketShift);
      hashes[n] = w;
      bucketStart[w + 1] = bucketStart[w + 1] + 1;
    }
    for (let h = 0; h < 1 << bucketBits; h++)
      bucketStart[h + 1] = bucketStart[h + 1] + bucketStart[h];
    const fillAt = bucketStart.slice(0, 1 << bucketBits);
    for (let n = 0; n < long.length; n++) {
      const w = hashes[n];
      bucketList[fillAt[w]] = long[n];
      fillAt[w] = fillAt[w] + 1;
    }
  }
  const shortStart = new Int32Array(257);
  const shortList = new Int32Array(short.length);
  for (const k of short) {
    const b = pool[start[k]];
    shortStart[b + 1] = shortStart[b + 1] + 1;
  }
  for (let b = 0; b < 256; b++) shortStart[b + 1] = shortStart[b + 1] + shortStart[b];
  const shortAt = shortStart.slice(0, 256);
  for (const k of short) {
    const b = pool[start[k]];
    shortList[shortAt[b]] = k;
    shortAt[b] = shortAt[b] + 1;
  }
  return {
    pool,
    start,
    length,
    dupStart,
    dupList,
    window,
    stride,
    multiplier,
    filterShift,
    filter,
    bucketShift,
    bucketStart,
    bucketList,
    shortStart,
    shortList,
    hasShort: short.length > 0,
    fewShort: short.length > 0 && short.length <= FEW_SHORT ? short : void 0
  };
}

// src/guard/matcher-scan.ts
function scanRange(t, d, from, to, limit, base, sink) {
  if (t.window > 0) scanLong(t, d, from, to, limit, base, sink);
  if (t.hasShort) scanShort(t, d, from, to, limit, base, sink);
}
var SEGMENT = 8192;
var HITS = new Int32Array(SEGMENT);
var depth = 0;
function scanLong(t, d, from, to, limit, base, sink) {
  const window = t.window;
  const stride = t.stride;
  const last = Math.min(to - 1, limit - window);
  if (last < from) return;
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const nested = depth > 0;
  const hits = nested ? new Int32Array(SEGMENT) : HITS;
  depth++;
  try {
    const qEnd = last + stride - 1;
    let q = from + stride - 1;
    while (q <= qEnd) {
      const segEnd = Math.min(qEnd, q + (SEGMENT - 1) * stride);
      const n = nested ? sampleInto(hits, t.filter, t.multiplier, t.filterShift, dv, q, segEnd, stride) : sample(t.filter, t.multiplier, t.filterShift, dv, q, segEnd, stride);
      if (n > 0) candidates(t, dv, d, hits, n, from, last, limit, base, sink);
      q = segEnd + stride;
    }
  } finally {
    depth--;
  }
}
function sample(filter, mul_, fs_, dv, q_, qEnd_, stride_) {
  const mul = mul_ | 0;
  const fs = fs_ | 0;
  const qEnd = qEnd_ | 0;
  const stride = stride_ | 0;
  let n = 0;
  for (let q = q_ | 0; q <= qEnd; q = q + stride | 0) {
    if (filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] !== 0) HITS[n++] = q;
  }
  return n;
}
function sampleInto(hits, filter, mul_, fs_, dv, q_, qEnd_, stride_) {
  const mul = mul_ | 0;
  const fs = fs_ | 0;
  const qEnd = qEnd_ | 0;
  const stride = stride_ | 0;
  let n = 0;
  for (let q = q_ | 0; q <= qEnd; q = q + stride | 0) {
    if (filter[Math.imul(dv.getInt32(q, true), mul) >>> fs] !== 0) hits[n++] = q;
  }
  return n;
}
function candidates(t, dv, d, hits, n, from, last, limit, base, sink) {
  const window = t.window | 0;
  const filter = t.filter;
  const mul = t.multiplier | 0;
  const fs = t.filterShift | 0;
  const bs = t.bucketShift | 0;
  const bucketStart = t.bucketStart;
  const bucketList = t.bucketList;
  const start = t.start;
  const length = t.length;
  const pool = t.pool;
  for (let h = 0; h < n; h++) {
    const q = hits[h];
    let v = filter[Math.imul(dv.getInt32(q, true), mul) >>> fs];
    while (v !== 0) {
      const j = 31 - Math.clz32(v & -v);
      v &= v - 1;
      const p = q - j;
      if (p < from || p > last) continue;
      const w = Math.imul(dv.getInt32(p, true) ^ Math.imul(dv.getInt32(p + window - 4, true), 2246822507), 2654435761) >>> bs;
      const be = bucketStart[w + 1];
      for (let b = bucketStart[w]; b < be; b++) {
        const k = bucketList[b];
        const len = length[k];
        if (p + len > limit) continue;
        const s = start[k];
        if (pool[s + len - 1] !== d[p + len - 1]) continue;
        let i = 0;
        while (i < len && pool[s + i] === d[p + i]) i++;
        if (i === len) report(t, k, base + p, sink);
      }
    }
  }
}
function scanShort(t, d, from, to, limit, base, sink) {
  const start = t.start;
  const length = t.length;
  const pool = t.pool;
  const few = t.fewShort;
  if (few !== void 0) {
    for (const k of few) {
      const len = length[k];
      const s = start[k];
      const end2 = Math.min(limit, to - 1 + len);
      if (end2 - from < len) continue;
      const hay = Buffer.from(d.buffer, d.byteOffset + from, end2 - from);
      const needle = pool.subarray(s, s + len);
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) report(t, k, base + from + i, sink);
    }
    return;
  }
  const shortStart = t.shortStart;
  const shortList = t.shortList;
  const end = Math.min(to, limit);
  for (let p = from; p < end; p++) {
    const c = d[p];
    const xe = shortStart[c + 1];
    for (let x = shortStart[c]; x < xe; x++) {
      const k = shortList[x];
      const len = length[k];
      if (p + len > limit) continue;
      const s = start[k];
      let i = 1;
      while (i < len && pool[s + i] === d[p + i]) i++;
      if (i === len) report(t, k, base + p, sink);
    }
  }
}
function report(t, k, offset, sink) {
  const end = t.dupStart[k + 1];
  for (let i = t.dupStart[k]; i < end; i++) sink(t.dupList[i], offset);
}

// src/guard/matcher.ts
var IN_PLACE = 1 << 16;
var Matcher = class {
  patternCount;
  maxLength;
  #tables;
  /** A carry buffer handed back by an ended stream, for the next one. */
  #spare;
  constructor(patterns) {
    this.patternCount = patterns.length;
    let max = 0;
    for (const p of patterns) max = Math.max(max, p.length);
    this.maxLength = max;
    this.#tables = buildTables(patterns);
  }
  /**
   * A streaming scan: chunks of any size, in order. A match across chunk boundaries is
   * reported once, when its last byte arrives (or at end()). Chunks are not kept: the
   * caller may reuse a chunk's memory once write() returns.
   */
  stream(onMatch) {
    const spare = this.#spare;
    this.#spare = void 0;
    return new Stream(this.#tables, this.maxLength, onMatch, spare, (buf) => this.#spare = buf);
  }
  /** One whole buffer; offsets are from its start. Order of reports: not specified. */
  scan(data, onMatch) {
    if (this.maxLength === 0 || data.length === 0) return;
    scanRange(this.#tables, data, 0, data.length, data.length, 0, onMatch);
  }
};
var Stream = class {
  #t;
  #sink;
  #keep;
  #inPlace;
  #capacity;
  #release;
  #empty;
  #buf;
  /** Bytes held in #buf; they end where the stream so far ends. */
  #len = 0;
  /** #buf[#start] is the first start not yet decided. */
  #start = 0;
  #bytes = 0;
  #ended = false;
  constructor(t, maxLength, sink, spare, release) {
    this.#t = t;
    this.#sink = sink;
    this.#keep = Math.max(0, maxLength - 1);
    this.#inPlace = Math.max(IN_PLACE, maxLength);
    this.#capacity = this.#inPlace + maxLength;
    this.#release = release;
    this.#empty = maxLength === 0;
    this.#buf = spare?.length === this.#capacity ? spare : void 0;
  }
  get bytes() {
    return this.#bytes;
  }
  write(chunk) {
    if (this.#ended) throw new Error("write after end");
    const n = chunk.length;
    if (n === 0) return;
    this.#bytes += n;
    if (this.#empty) return;
    const keep = this.#keep;
    const buf = this.#buf ??= new Uint8Array(this.#capacity);
    if (n >= this.#inPlace) {
      if (this.#len > this.#start) {
        if (this.#len + keep > this.#capacity) this.#compact(buf);
        buf.set(chunk.subarray(0, keep), this.#len);
        scanRange(this.#t, buf, this.#start, this.#len, this.#len + keep, this.#bytes - n - this.#len, this.#sink);
      }
      scanRange(this.#t, chunk, 0, n - keep, n, this.#bytes - n, this.#sink);
      buf.set(chunk.subarray(n - keep), 0);
      this.#len = keep;
      this.#start = 0;
      return;
    }
    if (this.#len + n > this.#capacity) this.#compact(buf);
    buf.set(chunk, this.#len);
    this.#len += n;
    const to = this.#len - keep;
    if (to > this.#start) {
      scanRange(this.#t, buf, this.#start, to, this.#len, this.#bytes - this.#len, this.#sink);
      this.#start = to;
    }
  }
  end() {
    if (this.#ended) return;
    this.#ended = true;
    const buf = this.#buf;
    if (buf === void 0) return;
    if (this.#len > this.#start)
      scanRange(this.#t, buf, this.#start, this.#len, this.#len, this.#bytes - this.#len, this.#sink);
    this.#buf = void 0;
    this.#len = this.#start = 0;
    this.#release(buf);
  }
  /** Moves the undecided tail (at most keep bytes) to the front. */
  #compact(buf) {
    buf.copyWithin(0, this.#start, this.#len);
    this.#len -= this.#start;
    this.#start = 0;
  }
};

// src/guard/bytes.ts
async function drain(source) {
  const it = source[Symbol.asyncIterator]();
  while ((await it.next()).done !== true) {
  }
}
var Reader = class {
  #it;
  #pending = [];
  #done = false;
  constructor(source) {
    this.#it = source[Symbol.asyncIterator]();
  }
  /** The next chunk (possibly a put-back one), or undefined at the end. */
  async next() {
    const back = this.#pending.shift();
    if (back) return back;
    if (this.#done) return void 0;
    const r = await this.#it.next();
    if (r.done) {
      this.#done = true;
      return void 0;
    }
    return r.value;
  }
  unshift(chunk) {
    if (chunk.length > 0) this.#pending.unshift(chunk);
  }
  /** Up to `n` bytes from the front, put back so they are read again. */
  async peek(n) {
    const parts = [];
    let have = 0;
    while (have < n) {
      const c = await this.next();
      if (!c) break;
      parts.push(c);
      have += c.length;
    }
    const joined = Buffer.concat(parts);
    this.unshift(joined);
    return joined.subarray(0, Math.min(n, joined.length));
  }
  /** Exactly `n` bytes (fewer only at the end of the stream). */
  async read(n) {
    const parts = [];
    let have = 0;
    while (have < n) {
      const c = await this.next();
      if (!c) break;
      const take = Math.min(c.length, n - have);
      parts.push(c.subarray(0, take));
      if (take < c.length) this.unshift(c.subarray(take));
      have += take;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
  /** The next `n` bytes as chunks, without joining them. */
  async *take(n) {
    let left = n;
    while (left > 0) {
      const c = await this.next();
      if (!c) return;
      if (c.length > left) {
        this.unshift(c.subarray(left));
        yield c.subarray(0, left);
        return;
      }
      left -= c.length;
      yield c;
    }
  }
  async *rest() {
    for (let c = await this.next(); c; c = await this.next()) yield c;
  }
};
function sniff(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString("latin1") === "ustar") return "tar";
  return "plain";
}

// src/guard/tar.ts
async function readTar(reader, onMember, onBytes) {
  let offset = 0;
  let longName;
  const consume = (chunk) => {
    onBytes(chunk, offset);
    offset += chunk.length;
  };
  for (; ; ) {
    const header = await reader.read(512);
    if (header.length < 512) {
      consume(header);
      return;
    }
    consume(header);
    if (header.every((b) => b === 0)) {
      for await (const c of reader.rest()) consume(c);
      return;
    }
    const type = String.fromCharCode(header[156] ?? 48);
    const size = parseSize(header.subarray(124, 136));
    const padded = Math.ceil(size / 512) * 512;
    const dataOffset = offset;
    if (type === "L" || type === "x" || type === "g") {
      const meta = Buffer.from(await reader.read(padded));
      consume(meta);
      const text2 = meta.subarray(0, size).toString("utf8");
      if (type === "L") longName = text2.replace(/\0.*$/s, "");
      if (type === "x") longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text2)?.[1] ?? longName;
      continue;
    }
    const name = longName ?? tarName(header);
    longName = void 0;
    const member = { name, size, regular: type === "0" || type === "\0" || type === "7", offset: dataOffset };
    const data = tap(reader.take(size), consume);
    if (member.regular) await onMember(member, data);
    await drain(data);
    for await (const c of reader.take(padded - size)) consume(c);
  }
}
async function* tap(source, consume) {
  for await (const c of source) {
    consume(c);
    yield c;
  }
}
function tarName(header) {
  const field = (from, to) => Buffer.from(header.subarray(from, to)).toString("utf8").replace(/\0.*$/s, "");
  const name = field(0, 100);
  const prefix = field(345, 500);
  return prefix ? `${prefix}/${name}` : name;
}
function parseSize(field) {
  if ((field[0] ?? 0) & 128) {
    let n = 0;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return n;
  }
  const text2 = Buffer.from(field).toString("latin1").replace(/\0.*$/s, "").trim();
  return text2 === "" ? 0 : parseInt(text2, 8);
}

// src/guard/decompress.ts
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
async function* gunzip(source) {
  const out = Readable.from(source).pipe(createGunzip());
  for await (const chunk of out) yield chunk;
}
async function* unzstd(source) {
  const child = spawn("zstd", ["-dcq"], { stdio: ["pipe", "pipe", "ignore"] });
  const spawned = new Promise((resolve3, reject) => {
    child.once("spawn", resolve3);
    child.once(
      "error",
      (err) => reject(err.code === "ENOENT" ? new Error("zstd is not installed") : err)
    );
  });
  await spawned;
  const feeding = pipeline(Readable.from(source), child.stdin).catch(() => void 0);
  for await (const chunk of child.stdout) yield chunk;
  await feeding;
  const code = await new Promise(
    (resolve3) => child.exitCode !== null ? resolve3(child.exitCode) : child.once("close", resolve3)
  );
  if (code !== 0) throw new Error(`zstd could not decompress it (exit ${code})`);
}

// src/guard/scanner.ts
var MAX_DEPTH = 4;
var MAX_HITS = 1e4;
var SMALL = 1 << 20;
var Scanner = class {
  hits = [];
  stats = { files: 0, bytes: 0, archives: 0, skipped: 0, notes: [], dropped: 0 };
  #matcher;
  #forms;
  #buffer = Buffer.allocUnsafe(SMALL);
  constructor(forms) {
    this.#forms = forms;
    this.#matcher = new Matcher(forms.map((f) => Buffer.from(f.text, "utf8")));
  }
  get empty() {
    return this.#forms.length === 0;
  }
  /** A file or a folder (recursively; links not followed, special files skipped). */
  async scanPath(path) {
    let st;
    try {
      st = lstatSync(path);
    } catch (err) {
      this.#unreadable(path, err);
      return;
    }
    if (st.isDirectory()) {
      let entries;
      try {
        entries = readdirSync(path);
      } catch (err) {
        this.#unreadable(path, err);
        return;
      }
      for (const entry of entries) await this.scanPath(join2(path, entry));
    } else if (st.isFile()) {
      await this.#scanFile(path, st.size);
    } else {
      this.stats.skipped++;
    }
  }
  /** Any byte stream: a `docker save`, a download. */
  async scanStream(label, source) {
    this.stats.files++;
    await this.#scanSource(new Reader(source), label, [], 0);
  }
  async #scanFile(path, size) {
    this.stats.files++;
    if (size <= SMALL) {
      let fd;
      try {
        fd = openSync2(path, "r");
      } catch (err) {
        this.#unreadable(path, err);
        return;
      }
      let n = 0;
      try {
        const len = Math.min(fstatSync(fd).size, SMALL);
        while (n < len) {
          const r = readSync(fd, this.#buffer, n, len - n, null);
          if (r === 0) break;
          n += r;
        }
      } finally {
        closeSync2(fd);
      }
      const data = this.#buffer.subarray(0, n);
      if (sniff(data) === "plain") {
        this.stats.bytes += n;
        this.#matcher.scan(data, (i, offset) => this.#hit(path, [], i, offset));
        return;
      }
      await this.#scanSource(new Reader(once(Buffer.from(data))), path, [], 0);
      return;
    }
    await this.#scanSource(new Reader(createReadStream(path, { highWaterMark: SMALL })), path, [], 0);
  }
  async #scanSource(reader, path, inner, depth2) {
    const format = depth2 < MAX_DEPTH ? sniff(await reader.peek(512)) : "plain";
    try {
      if (format === "gzip" || format === "zstd") {
        this.stats.archives++;
        const decompressed = format === "gzip" ? gunzip(reader.rest()) : unzstd(reader.rest());
        await this.#scanSource(new Reader(decompressed), path, [...inner, `(${format})`], depth2 + 1);
      } else if (format === "tar") {
        this.stats.archives++;
        await this.#scanTar(reader, path, inner, depth2);
      } else {
        await this.#scanRaw(reader.rest(), path, inner);
      }
    } catch (err) {
      this.stats.notes.push(`${[path, ...inner].join("!")}: ${errorMessage(err, "unreadable")}`);
      await drain(reader.rest());
    }
  }
  async #scanRaw(source, path, inner) {
    const stream = this.#matcher.stream((i, offset) => this.#hit(path, inner, i, offset));
    for await (const chunk of source) stream.write(chunk);
    stream.end();
    this.stats.bytes += stream.bytes;
  }
  /**
   * Every byte of the archive is matched (names in headers too). Members that are
   * archives themselves (a docker save's layer.tar, a .tar.gz) are opened and scanned
   * on their own, so a hit names the file inside them; their bytes are then not
   * reported again at the outer level.
   */
  async #scanTar(reader, path, inner, depth2) {
    const members = [];
    const memberAt = (offset) => {
      for (let i = members.length - 1; i >= 0; i--) {
        const m = members[i];
        if (m && offset >= m.start && offset < m.end) return m;
      }
      return void 0;
    };
    const outer = [];
    const stream = this.#matcher.stream((i, offset) => outer.push([i, offset]));
    await readTar(
      reader,
      async (member, data) => {
        const entry = { start: member.offset, end: member.offset + member.size, name: member.name, opened: false };
        members.push(entry);
        const nested = new Reader(data);
        entry.opened = depth2 + 1 < MAX_DEPTH && sniff(await nested.peek(512)) !== "plain";
        if (entry.opened) await this.#scanSource(nested, path, [...inner, member.name], depth2 + 1);
        else await drain(nested.rest());
      },
      (chunk) => stream.write(chunk)
    );
    stream.end();
    this.stats.bytes += stream.bytes;
    for (const [i, offset] of outer) {
      const member = memberAt(offset);
      if (!member?.opened) this.#hit(path, [...inner, member?.name ?? "(tar header)"], i, offset);
    }
  }
  #unreadable(path, err) {
    this.stats.notes.push(`${path}: ${err.code ?? "unreadable"}`);
  }
  #hit(path, inner, index, offset) {
    const form = this.#forms[index];
    if (!form) return;
    if (this.hits.length >= MAX_HITS) {
      this.stats.dropped++;
      return;
    }
    this.hits.push({ path, inner: inner.join("!"), offset, name: form.name, form: form.kind });
  }
};
function once(data) {
  return Readable2.from([data], { objectMode: false });
}

// src/guard/report.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync2 } from "node:fs";
function addLineNumbers(hits) {
  const byFile = /* @__PURE__ */ new Map();
  for (const h of hits) if (h.inner === "") byFile.set(h.path, [...byFile.get(h.path) ?? [], h]);
  const buf = Buffer.allocUnsafe(1 << 16);
  for (const [path, fileHits] of byFile) {
    let fd;
    try {
      fd = openSync3(path, "r");
    } catch {
      continue;
    }
    try {
      const sorted = [...fileHits].sort((a, b) => a.offset - b.offset);
      let pos = 0;
      let line = 1;
      let binary = false;
      for (const hit of sorted) {
        while (pos < hit.offset && !binary) {
          const n = readSync2(fd, buf, 0, Math.min(buf.length, hit.offset - pos), pos);
          if (n === 0) break;
          for (let i = 0; i < n; i++) {
            if (buf[i] === 10) line++;
            else if (buf[i] === 0) binary = true;
          }
          pos += n;
        }
        if (!binary) hit.line = line;
      }
    } finally {
      closeSync3(fd);
    }
  }
}
function tally(hits) {
  const counts = /* @__PURE__ */ new Map();
  for (const h of hits) {
    const key = `${h.name} as ${h.form}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort().map(([k, n]) => `${k}: ${n}`);
}
function where(hit) {
  return `${hit.path}${hit.inner ? `!${hit.inner}` : ""} at byte ${hit.offset}${hit.line !== void 0 ? ` (line ${hit.line})` : ""}`;
}

export {
  groupByPath,
  isValidName,
  deriveName,
  assertUniqueNames,
  readConnectionConfig,
  readGuardConfig,
  readMainConfig,
  MIN_SECRET_LENGTH,
  MaskRegistry,
  writePrivateFile,
  sessionPaths,
  saveSessionRoot,
  loadSessionRoot,
  recordToken,
  loadRevokeFlag,
  recordLease,
  recordForm,
  readForms,
  saveMainCompleted,
  loadMainCompleted,
  readRecords,
  saveDockerConfig,
  loadDockerRecords,
  VaultRequestError,
  createVaultApi,
  ACTION_NAME,
  errorMessage,
  failStep,
  openTransport,
  connect,
  docker,
  reason,
  builderName,
  detectBuilder,
  loginAll,
  logoutAll,
  writeMainSummary,
  writePostSummary,
  restoreStage,
  saveStage,
  Scanner,
  addLineNumbers,
  tally,
  where
};
/*! Bundled license information:

mustache/mustache.js:
  (*!
   * mustache.js - Logic-less {{mustache}} templates with JavaScript
   * http://github.com/janl/mustache.js
   *)
*/
//# sourceMappingURL=shared-Z7LP2JHA.js.map
