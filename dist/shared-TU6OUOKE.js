import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ProxyError,
  proxyRefusal
} from "./shared-PFSXQCEX.js";
import {
  require_debug
} from "./shared-K2QAIXDX.js";
import {
  requestIdRecord
} from "./shared-NV2LB3MZ.js";
import {
  say
} from "./shared-73F27MEW.js";
import {
  info
} from "./shared-QCDMWCIP.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./shared-BDLR4YRK.js";

// src/vault/stubs/tv4.cjs
var require_tv4 = __commonJS({
  "src/vault/stubs/tv4.cjs"(exports, module) {
    "use strict";
    function unavailable() {
      throw new Error("internal: node-vault tried to use tv4; only read, list and write are supported");
    }
    module.exports = { validate: unavailable };
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

// src/vault/stubs/mustache.cjs
var require_mustache = __commonJS({
  "src/vault/stubs/mustache.cjs"(exports, module) {
    "use strict";
    function unavailable() {
      throw new Error("internal: node-vault tried to use mustache; only read, list and write are supported");
    }
    module.exports = { render: unavailable };
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
    var https = __require("https");
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
      const debug = config.debug || originalDebug;
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
        const defaultHttpsAgent = hasDefaultTls ? new https.Agent(defaultAgentOpts) : void 0;
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
            axiosOptions.httpsAgent = new https.Agent({
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
        debug(response.statusCode);
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
        debug(options.method, uri);
        if (options.json) debug(options.json);
        return rp(options).then(client.handleVaultResponse);
      };
      client.help = (path, requestOptions) => {
        debug(`help for ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}?help=1`;
        options.method = "GET";
        return client.request(options);
      };
      client.write = (path, data, requestOptions) => {
        debug("write %o to %s", data, path);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.json = data;
        options.method = "POST";
        return client.request(options);
      };
      client.update = (path, data, requestOptions) => {
        debug("update %o to %s", data, path);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.json = data;
        options.method = "PATCH";
        options.headers = { "Content-Type": "application/merge-patch+json" };
        return client.request(options);
      };
      client.read = (path, requestOptions) => {
        debug(`read ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.method = "GET";
        return client.request(options);
      };
      client.list = (path, requestOptions) => {
        debug(`list ${path}`);
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
        debug(`delete ${path}`);
        const options = { ...config.requestOptions, ...requestOptions };
        options.path = `/${path}`;
        options.method = "DELETE";
        return client.request(options);
      };
      function validate(json, schema) {
        if (schema === void 0) return Promise.resolve();
        const valid = tv4.validate(json, schema);
        if (!valid) {
          debug(tv4.error.dataPath);
          debug(tv4.error.message);
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

// src/vault/errors.ts
var VaultRequestError = class extends Error {
  constructor(operation, path, status, vaultErrors, namespace, kvGone) {
    const where = namespace ? `${path} (namespace ${namespace})` : path;
    const said = vaultErrors.length > 0 ? `: ${vaultErrors.join("; ").replace(/\s+/g, " ").trim()}` : "";
    super(
      `Vault ${operation} ${where} failed with HTTP ${status}${said}. ${hintFor(operation, status, path, vaultErrors)}`
    );
    this.operation = operation;
    this.path = path;
    this.status = status;
    this.vaultErrors = vaultErrors;
    this.kvGone = kvGone;
    this.name = "VaultRequestError";
  }
  operation;
  path;
  status;
  vaultErrors;
  kvGone;
};
function kvGoneOf(body) {
  const data = body?.data;
  const meta = data?.metadata;
  if (!meta || typeof meta.version !== "number" || !Number.isSafeInteger(meta.version)) return void 0;
  const destroyed = meta.destroyed === true;
  const deleted = typeof meta.deletion_time === "string" && meta.deletion_time !== "";
  return destroyed || deleted ? { version: meta.version, destroyed } : void 0;
}
function hintFor(operation, status, path, vaultErrors) {
  const noNamespace = status === 404 && vaultErrors.includes("namespace not found");
  if (operation.startsWith("login")) {
    if (status === 404)
      return "Check vault-auth-namespace (and vault-namespace) and the auth mount path (vault-auth-path).";
    if (status === 400)
      return "Check the role and credentials, and that the auth method is mounted at that path (vault-auth-path).";
    if (status === 403) return "Check the auth mount path and vault-auth-namespace.";
  }
  if (noNamespace) return "Check vault-namespace: no such namespace (names are relative to the token\u2019s namespace).";
  if (operation === "revoke token" && status === 400)
    return "A batch token cannot be revoked: it stays valid until its TTL (give the role token_type=service).";
  if (operation === "revoke lease" && status === 403)
    return 'Grant "update" on "sys/leases/revoke" to revoke leases of a token passed in, or set vault-revoke-token: true (revoking the token revokes its leases).';
  switch (status) {
    case 400:
      return "Check the path and the request.";
    case 403:
      return `Check that the token's policies grant this on "${path}", and that the namespace is right.`;
    case 405:
      return "Vault does not read this path (it takes another operation): a secrets line only reads; certificates are issued with vault-pki.";
    case 404:
      return "Check that the secret exists at that path and mount, in that namespace (Vault also answers 404 when a policy hides a path).";
    case 429:
      return "Vault was rate limiting until vault-timeout ran out (a 429 spends no retry): raise vault-timeout, or ask for a larger rate-limit quota.";
    case 412:
    case 503:
      return "Vault was sealed or catching up, and stayed so through every retry: raise vault-retries or try later.";
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
var import_node_vault = __toESM(require_src(), 1);

// src/vault/transport.ts
import http from "node:http";

// src/vault/reply-cap.ts
function readCapped(body, opts) {
  return new Promise((resolve, reject) => {
    if (opts.declared !== void 0 && opts.declared > opts.maxBytes) {
      body.destroy();
      reject(opts.tooLarge());
      return;
    }
    let chunks = [];
    let size = 0;
    body.on("data", (chunk) => {
      size += chunk.length;
      if (size > opts.maxBytes) {
        chunks = [];
        reject(opts.tooLarge());
        body.destroy();
        return;
      }
      chunks.push(chunk);
    });
    body.once("error", (err) => reject(opts.failed(err)));
    body.once("end", () => resolve(Buffer.concat(chunks, size)));
  });
}
function formatBytes(n) {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

// src/vault/time-limit.ts
async function withinTime(ms, expired, exchange2) {
  const controller = new AbortController();
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(
      () => {
        const err = expired();
        reject(err);
        controller.abort(err);
      },
      Math.max(0, ms)
    );
  });
  try {
    return await Promise.race([exchange2(controller.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}

// src/vault/retry.ts
var DEFAULT_RETRY = { retries: 4, baseMs: 200, capMs: 1e4 };
function isRetryableStatus(status) {
  return status === 412 || status === 429 || status >= 500 && status !== 501;
}
function spendsRetry(status) {
  return status !== 429;
}
function retryReason(status, bodyParses) {
  if (isRetryableStatus(status)) return `HTTP ${status}`;
  if (status >= 200 && status < 300 && !bodyParses) return `malformed reply (HTTP ${status}, body not JSON)`;
  return void 0;
}
function parseRetryAfter(header, nowMs) {
  if (header === void 0 || header.trim() === "") return void 0;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  const at = Date.parse(text);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
function backoffMs(attempt, policy, retryAfterMs, random = Math.random) {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.min(policy.capMs, (retryAfterMs ?? 0) + Math.round(random() * ceiling));
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
  let pools;
  const agents = () => pools ??= import("./shared-MWHKOSU4.js").then(({ createAgents, https }) => ({
    router: createAgents({ maxSockets: opts.maxSockets, proxy: opts.proxy, tls: opts.tls }),
    https
  }));
  const stats = { requests: 0, retries: 0 };
  const requestIds = [];
  const service = opts.service ?? "Vault";
  let down = false;
  async function send(req) {
    const url = new URL(req.uri);
    const path = url.pathname;
    let spent = 0;
    let lastReason;
    for (let attempt = 0; ; attempt++) {
      if (opts.cancel?.signal.aborted)
        throw new TransportError(`cancelled before ${req.method} ${path} was sent`, "CANCELLED");
      const left = opts.deadline - Date.now();
      if (left <= 0)
        throw giveUp(
          new TransportError(
            `out of time before ${req.method} ${path} could finish (${lastReason ? `${attempt} tries, the last: ${lastReason}; ` : ""}raise ${opts.deadlineInput})`,
            "DEADLINE"
          )
        );
      stats.requests++;
      let reason;
      let retryAfterMs;
      let patient = false;
      try {
        const res = await once(url, req, Math.min(opts.requestTimeoutMs, left));
        reason = retryReason(res.statusCode, res.parses);
        if (reason === void 0) return res;
        patient = !spendsRetry(res.statusCode);
        if (exhausted(spent, patient)) {
          if (res.parses) return res;
          throw new TransportError(
            `${service} returned a malformed reply (HTTP ${res.statusCode} with a body that is not JSON) ${attempt + 1} time(s) in a row: a proxy or load balancer in between, or the server itself, cut it short. Check the health of ${service} and of what sits in front of it, then re-run the job.`,
            "MALFORMED"
          );
        }
        retryAfterMs = parseRetryAfter(res.retryAfter, Date.now());
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        if (!err.retryable || exhausted(spent, false)) throw giveUp(err);
        reason = err.code;
      }
      const delayMs = Math.min(backoffMs(attempt, opts.retry, retryAfterMs), Math.max(0, opts.deadline - Date.now()));
      stats.retries++;
      lastReason = reason;
      if (!patient) spent++;
      opts.onRetry?.({ method: req.method, path, attempt: attempt + 1, reason, delayMs, patient });
      await pause(delayMs, opts.cancel?.signal);
    }
  }
  function exhausted(spent, patient) {
    return !patient && spent >= opts.retry.retries || opts.deadline <= Date.now();
  }
  function giveUp(err) {
    if (err.retryable || err.code === "DEADLINE") down = true;
    return err;
  }
  async function once(url, req, limitMs) {
    const body = req.json !== void 0 && typeof req.json === "object" ? JSON.stringify(req.json) : void 0;
    const { router, https } = await agents();
    const route = router.route(url);
    const headers = {
      ...opts.headers,
      ...req.headers,
      ...route.headers,
      Accept: "application/json"
    };
    if (body !== void 0) {
      headers["Content-Type"] = "application/json";
      headers["Content-Length"] = Buffer.byteLength(body);
    }
    const what = `${req.method} ${url.pathname}`;
    const reply = await withinTime(
      limitMs,
      () => new TransportError(timeoutMessage(url.origin, what, limitMs), "TIMEOUT"),
      (signal) => exchange(opts, service, {
        lib: route.url.protocol === "https:" ? https : http,
        route,
        method: req.method,
        headers,
        body,
        signal,
        url,
        what
      })
    );
    if (reply.statusCode === 407 && route.proxy !== void 0)
      throw networkError(proxyRefusal(route.proxy, `${what} to ${url.origin}`, 407, "HTTP_PROXY"), url, service);
    const parsed = parseBody(reply.text);
    const id = reply.statusCode < 300 ? requestIdRecord(req.method, url.pathname, parsed.body) : void 0;
    if (id !== void 0) requestIds.push(id);
    return {
      statusCode: reply.statusCode,
      body: parsed.body,
      parses: parsed.parses,
      request: { path: url.pathname },
      retryAfter: reply.retryAfter
    };
  }
  function timeoutMessage(origin, what, limitMs) {
    const input = limitMs < opts.requestTimeoutMs ? opts.deadlineInput : "vault-request-timeout";
    const fix = `(headers and body must arrive within it: check the health of ${service}, or raise ${input})`;
    return limitMs < opts.requestTimeoutMs ? `out of time: no answer from ${origin} for ${what} before the ${input} deadline ${fix}` : `no answer from ${origin} within ${limitMs} ms for ${what} ${fix}`;
  }
  return {
    defaults: () => send,
    close: () => void pools?.then(({ router }) => router.destroy()),
    stats,
    requestIds,
    get down() {
      return down;
    }
  };
}
function exchange(opts, service, x) {
  const { url, what } = x;
  const target = {
    method: x.method,
    agent: x.route.agent,
    signal: x.signal,
    ...x.route.path === void 0 ? {} : { path: x.route.path }
  };
  return new Promise((resolve, reject) => {
    const request = x.lib.request(x.route.url, target, (res) => {
      readCapped(res, {
        maxBytes: opts.maxReplyBytes,
        declared: declaredLength(res.headers["content-length"]),
        tooLarge: () => new TransportError(
          `${service}'s reply to ${what} is larger than ${opts.maxReplyInput} (${formatBytes(opts.maxReplyBytes)}): the action stopped reading it. If the secret or list is really that large, raise ${opts.maxReplyInput}; otherwise check ${service} and what sits in front of it.`,
          "TOO_LARGE"
        ),
        failed: (e) => networkError(e, url, service, opts.tlsHint)
      }).then(
        (buf) => resolve({
          statusCode: res.statusCode ?? 0,
          text: buf.toString("utf8"),
          retryAfter: res.headers["retry-after"]
        }),
        reject
      );
    });
    const signal = opts.cancel?.signal;
    let graceTimer;
    const onCancel = () => {
      graceTimer = setTimeout(
        () => request.destroy(new TransportError(`cancelled: ${what} did not land in time`, "CANCELLED")),
        opts.cancel?.graceMs ?? 0
      );
    };
    signal?.addEventListener("abort", onCancel, { once: true });
    request.on("close", () => {
      clearTimeout(graceTimer);
      signal?.removeEventListener("abort", onCancel);
    });
    request.on("error", (e) => reject(e instanceof TransportError ? e : networkError(e, url, service, opts.tlsHint)));
    for (const [name, value] of Object.entries(x.headers)) request.setHeader(name, value);
    request.end(x.body);
  });
}
function pause(ms, signal) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
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
function parseBody(text) {
  if (text === "") return { body: void 0, parses: true };
  try {
    return { body: JSON.parse(text), parses: true };
  } catch {
    return { body: { errors: ["(response was not JSON)"] }, parses: false };
  }
}
var VAULT_TLS_HINT = "give vault-ca-cert with the CA that signed the server certificate, or fix the certificate";
function declaredLength(header) {
  const n = header === void 0 ? NaN : Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : void 0;
}
function networkError(err, url, service, tlsHint = VAULT_TLS_HINT) {
  const code = err.code ?? "ENETWORK";
  const hint = /CERT|TLS|SSL|SIGNATURE/.test(code) ? ` (TLS: ${tlsHint})` : err instanceof ProxyError ? ` (${err.message}: check ${err.variable}, its credentials, or list ${url.hostname} in NO_PROXY)` : "";
  return new TransportError(`could not reach ${service} at ${url.origin}: ${code}${hint}`, code);
}

// src/vault/client.ts
function createVaultApi(opts) {
  const client = (0, import_node_vault.default)({
    endpoint: opts.addr,
    apiVersion: "v1",
    "request-promise": opts.transport,
    debug: () => void 0,
    // node-vault checks each request's options against a two-field schema with tv4; this
    // is that check, so tv4 stays out of the bundle (a stub: scripts/build.mjs). node-vault's
    // types declare `tv4` as a function; it uses the tv4 module's { validate, error }.
    tv4: requestCheck
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
var requestCheck = {
  error: new Error("node-vault request without a path or method"),
  validate(options) {
    const o = options;
    return typeof o?.path === "string" && typeof o.method === "string";
  }
};
function toSafeError(err, operation, path, namespace) {
  if (err instanceof TransportError) return new Error(`Vault ${operation} ${path}: ${err.message}`);
  const response = err?.response;
  if (response && typeof response.statusCode === "number") {
    const { statusCode, body } = response;
    const kvGone = statusCode === 404 ? kvGoneOf(body) : void 0;
    return new VaultRequestError(operation, path, statusCode, vaultErrorsOf(body), namespace, kvGone);
  }
  return new Error(`Vault ${operation} ${path} failed: ${err instanceof Error ? err.name : "unknown error"}`);
}

// src/vault/connect.ts
import { readFile } from "node:fs/promises";

// src/vault/jwt-sign.ts
import { sign } from "node:crypto";
var IAT_SKEW_SECONDS = 60;
function signRunnerJwt(signing, env, nowMs = Date.now()) {
  const now = Math.floor(nowMs / 1e3);
  const claims = {
    iss: "vault-action",
    iat: now - IAT_SKEW_SECONDS,
    nbf: now,
    exp: now + signing.ttlSeconds,
    event: env["GITHUB_EVENT_NAME"],
    workflow: env["GITHUB_WORKFLOW"],
    sha: env["GITHUB_SHA"],
    actor: env["GITHUB_ACTOR"],
    repository: env["GITHUB_REPOSITORY"],
    ref: env["GITHUB_REF"]
  };
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), signing.key).toString("base64url")}`;
}

// src/vault/auth.ts
async function login(auth, api, deps) {
  if (auth.method === "token")
    return { token: auth.token, obtained: false, policies: [], ttlSeconds: void 0, batch: false };
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
  if (/[^\x21-\x7e]/.test(token))
    throw new Error(
      `Vault login (${auth.method}) at auth/${auth.mount} returned a client token with a line break or other character an HTTP header cannot carry: check the Vault server or the proxy in front of it.`
    );
  if (typeof authBlock?.accessor === "string") deps.mask("VAULT_TOKEN_ACCESSOR", authBlock.accessor);
  return {
    token,
    obtained: true,
    policies: Array.isArray(authBlock?.policies) ? authBlock.policies.filter((p) => typeof p === "string") : [],
    ttlSeconds: typeof authBlock?.lease_duration === "number" ? authBlock.lease_duration : void 0,
    batch: authBlock?.token_type === "batch"
  };
}
async function loginRequest(auth, deps) {
  const base = `auth/${auth.mount}/login`;
  switch (auth.method) {
    case "approle":
      return {
        path: base,
        body: { role_id: auth.roleId, ...auth.secretId === void 0 ? {} : { secret_id: auth.secretId } }
      };
    case "jwt": {
      const jwt = auth.jwt ?? (auth.signing ? signRunnerJwt(auth.signing, deps.env) : await deps.idToken(auth.audience));
      deps.mask("OIDC_TOKEN", jwt);
      return { path: base, body: { ...auth.role === void 0 ? {} : { role: auth.role }, jwt } };
    }
    case "github":
      return { path: base, body: { token: auth.token } };
    case "custom":
      return { path: base, body: { ...auth.payload } };
    case "cert":
      return { path: base, body: auth.name === void 0 ? {} : { name: auth.name } };
    case "aws": {
      const { awsLoginBody } = await import("./shared-H4JIX2E3.js");
      const body = await awsLoginBody(auth);
      deps.mask("AWS_IAM_REQUEST_HEADERS", String(body["iam_request_headers"]));
      return { path: base, body };
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
  let text;
  try {
    text = await deps.readFile(path);
  } catch (err) {
    const code = err.code ?? "error";
    throw new Error(
      `cannot read the Kubernetes service account token at ${path} (${code}): run the job in a pod with a mounted service account token, or set vault-kubernetes-token-path.`,
      { cause: err }
    );
  }
  const token = text.trim();
  if (token === "") throw new Error(`the Kubernetes service account token file ${path} is empty.`);
  return token;
}

// src/vault/oidc.ts
var SERVICE = "GitHub's OIDC token endpoint";
async function githubIdToken(audience, conn, cancel) {
  const requestUrl = process.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
  const bearer = process.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
  if (!requestUrl || !bearer) {
    throw new Error(
      "vault-method jwt needs GitHub's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` to the job (under act, pass a JWT in vault-jwt)."
    );
  }
  const url = new URL(requestUrl);
  if (audience !== void 0) url.searchParams.set("audience", audience);
  const transport = createTransport({
    tls: { rejectUnauthorized: true },
    requestTimeoutMs: Math.min(conn.requestTimeoutMs, conn.timeoutMs),
    deadline: Date.now() + conn.timeoutMs,
    deadlineInput: "vault-timeout",
    retry: { ...DEFAULT_RETRY, retries: conn.retries, baseMs: 500 },
    maxSockets: 1,
    maxReplyBytes: conn.maxReplyBytes,
    maxReplyInput: "vault-max-reply-size",
    // A self-hosted runner behind a proxy reaches GitHub through it, as Vault (NO_PROXY applies).
    proxy: conn.proxy,
    service: SERVICE,
    // Vault's TLS inputs are not GitHub's: vault-tls-skip-verify must not switch off checking GitHub.
    tlsHint: "the system does not trust the endpoint's certificate (vault-ca-cert and vault-tls-skip-verify apply to Vault only): on a runner with a private CA, give it in NODE_EXTRA_CA_CERTS",
    ...cancel ? { cancel } : {},
    onRetry: (e) => info(
      e.patient ? say`${SERVICE}: ${e.reason}, try ${e.attempt + 1} in ${e.delayMs} ms (a rate limit: tried until vault-timeout)` : say`${SERVICE}: ${e.reason}, try ${e.attempt + 1} of ${conn.retries + 1} in ${e.delayMs} ms`
    )
  });
  try {
    const res = await transport.defaults()({
      method: "GET",
      uri: url.toString(),
      headers: { Authorization: `Bearer ${bearer}` }
    });
    const value = res.body?.value;
    if (res.statusCode !== 200 || typeof value !== "string" || value === "") {
      throw new Error(
        `could not get GitHub's OIDC token: ${SERVICE} answered HTTP ${res.statusCode}${res.statusCode === 200 ? " without a token" : ""}. Check that the job has \`permissions: id-token: write\`.`
      );
    }
    return value;
  } catch (err) {
    if (err instanceof TransportError)
      throw new Error(`could not get GitHub's OIDC token: ${err.message}`, { cause: err });
    throw err;
  } finally {
    transport.close();
  }
}

// src/vault/connect.ts
function openTransport(conn, budget) {
  return createTransport({
    tls: conn.tls,
    requestTimeoutMs: Math.min(conn.requestTimeoutMs, budget.timeoutMs),
    deadline: Date.now() + budget.timeoutMs,
    deadlineInput: budget.input,
    retry: { ...DEFAULT_RETRY, retries: conn.retries },
    maxSockets: conn.concurrency,
    maxReplyBytes: conn.maxReplyBytes,
    maxReplyInput: "vault-max-reply-size",
    ...budget.cancel ? { cancel: budget.cancel } : {},
    headers: { ...conn.headers, ...conn.runHeader },
    proxy: conn.proxy,
    onRetry: (e) => info(
      e.patient ? say`Vault ${e.method} ${e.path}: ${e.reason}, try ${e.attempt + 1} in ${e.delayMs} ms (a rate limit: tried until vault-timeout)` : say`Vault ${e.method} ${e.path}: ${e.reason}, try ${e.attempt + 1} of ${conn.retries + 1} in ${e.delayMs} ms`
    )
  });
}
async function connect(conn, auth, mask, cancel) {
  const transport = openTransport(conn, {
    timeoutMs: conn.timeoutMs,
    input: "vault-timeout",
    ...cancel ? { cancel } : {}
  });
  const authApi = createVaultApi({ addr: conn.addr, namespace: conn.authNamespace, token: void 0, transport });
  const result = await login(auth, authApi, {
    idToken: (audience) => githubIdToken(audience, conn, cancel),
    readFile: (path) => readFile(path, "utf8"),
    env: process.env,
    mask
  });
  return { api: authApi.with({ namespace: conn.namespace, token: result.token }), login: result, transport };
}

export {
  VaultRequestError,
  createVaultApi,
  openTransport,
  connect
};
//# sourceMappingURL=shared-TU6OUOKE.js.map
