// Stand-in for @actions/core's OidcClient inside the bundle. @actions/core imports its
// OIDC client when it loads, and with it @actions/http-client and undici (~800 KB, most
// of the bundle's start-up); only a jwt login without vault-jwt ever asks for a token.
// The build hands core.js this class instead (scripts/build.mjs), which loads the real
// client, in a chunk of its own, the first time core.getIDToken is called.
export class OidcClient {
  static async getIDToken(audience) {
    const { OidcClient: Real } = await import('../../../node_modules/@actions/core/lib/oidc-utils.js');
    return Real.getIDToken(audience);
  }
}
