import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { citizenByOid } from './citizens.js';
import { esc, page } from './pages.js';
import type { SandboxEsiaSecrets } from './secrets.js';
import { createPgProviderStore } from './store.js';

export const ESIA_ROUTES = {
  authorization: '/aas/oauth2/v2/ac',
  token: '/aas/oauth2/v3/te',
  end_session: '/idp/ext/Logout',
  jwks: '/jwks',
  userinfo: '/me',
} as const;

export const ESIA_SCOPES = ['openid', 'fullname', 'birthdate', 'gender', 'snils', 'inn', 'email', 'mobile', 'contacts'];

export interface SandboxProviderOptions {
  issuer: string;
  mountPath: string;
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  secrets: SandboxEsiaSecrets;
  db: SqlExecutor;
  trustProxy: boolean;
}

/**
 * A real OpenID provider (oidc-provider) shaped like ESIA: its paths, its scopes, a public client
 * that proves itself with a signed client_secret (checked in routes.ts before this sees a request)
 * and PKCE. Storage and keys are in PostgreSQL, so any process can continue a flow another began.
 */
export function createSandboxProvider(o: SandboxProviderOptions): Provider {
  const provider = new Provider(o.issuer, {
    adapter: createPgProviderStore(o.db),
    clients: [
      {
        client_id: o.clientId,
        client_name: 'domhub',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [o.redirectUri],
        post_logout_redirect_uris: [o.postLogoutRedirectUri],
        id_token_signed_response_alg: 'RS256',
      },
    ],
    clientAuthMethods: ['none'],
    jwks: { keys: [o.secrets.signingJwk] },
    cookies: { keys: o.secrets.cookieKeys },
    routes: ESIA_ROUTES,
    scopes: ESIA_SCOPES,
    claims: { openid: ['sub', 'urn:esia:sbj_id'] },
    extraParams: ['timestamp', 'access_type', 'client_certificate_hash', 'scope_org'],
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    async findAccount(_ctx: unknown, sub: string) {
      const citizen = citizenByOid(sub);
      if (!citizen) return undefined;
      return { accountId: sub, claims: async () => ({ sub, 'urn:esia:sbj_id': Number(sub) }) };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${o.mountPath}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.body = page(
            'Выход из ЕСИА (песочница)',
            `${form}<p>Завершить сеанс на портале госуслуг (песочница)?</p>
             <button type="submit" form="op.logoutForm" name="logout" value="yes">Выйти</button>
             <script>document.forms['op.logoutForm'].insertAdjacentHTML('beforeend','<input type="hidden" name="logout" value="yes">');document.forms['op.logoutForm'].submit()</script>`,
          );
        },
        async postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
          ctx.body = page('Выход выполнен', '<p>Сеанс в ЕСИА (песочница) завершён.</p>');
        },
      },
    },
    async renderError(ctx: KoaContextWithOIDC, out: Record<string, string>) {
      ctx.type = 'html';
      ctx.body = page('Ошибка ЕСИА (песочница)', `<p><b>${esc(out.error ?? 'error')}</b></p><p>${esc(out.error_description ?? '')}</p>`);
    },
  });
  provider.proxy = o.trustProxy;
  return provider;
}
