// Generated from openapi/openapi.json by `npm run openapi`. Do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database and the job queue are reachable */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            /** @enum {string} */
                            database: "ok";
                            /** @enum {string} */
                            queue: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Begin signing in through the identity provider (redirects there)
         * @description Answers 302 to the provider. `return_to` must be a path of this site. In sandbox mode `login_hint=<SNILS digits>` of a demo citizen signs them in without pages.
         */
        get: {
            parameters: {
                query?: {
                    login_hint?: string;
                    return_to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identity provider returns here; on success a session cookie is set and the browser sent on */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End my session; the answer names where to send the browser to end the provider session too */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            signedOut: true;
                            endSessionUrl: string | null;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logged-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider sends the browser after its logout */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            signedOut: true;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/local/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register with e-mail and password (optionally with an account: house, number, owner's surname); an activation link is mailed
         * @description Answers 202 alike whether or not the address is registered (an existing one is told so by letter). A weak password: 400 `password_too_weak` at `body.password`. The account, if given, is linked by the surname proof when the address is activated.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LocalRegistrationInput"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "activation_sent";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/local/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a registration with the token of its link: signs in (session cookie) and remembers this device
         * @description A registration by account then tries the surname proof (the linking service's rules and lockouts); its outcome is `accountLink`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/local/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password: 200 with a session on a remembered device, else 202 and a code mailed to the address
         * @description An unknown address and a wrong password get the same 401 `credentials_invalid`. After repeated failures the address is locked: 429 `sign_in_locked`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignInCodeRequired"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/local/sign-in/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a sign-in from a new device with the mailed code (once; five tries); remembers the device unless told not to */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        challengeId: string;
                        code: string;
                        /**
                         * @description remember this browser: no code at its next sign-in
                         * @default true
                         */
                        rememberDevice?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/local/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password reset link by e-mail (answered alike for unknown addresses) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "reset_sent";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/local/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the reset link's token: every session ends; this device is remembered */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        /** @description Checked for strength (zxcvbn-ts, score ≥ 3); weak: 400 `password_too_weak` at body.password */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "password_changed";
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Begin signing in with a passkey: options for navigator.credentials.get(), bound to this browser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebauthnOptions"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/passkey/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey's answer (session cookie); no mailed code is needed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        challengeId: string;
                        response: {
                            id: string;
                            rawId: string;
                            /** @enum {string} */
                            type: "public-key";
                            response: {
                                [key: string]: unknown;
                            };
                            /** @default {} */
                            clientExtensionResults?: {
                                [key: string]: unknown;
                            };
                            authenticatorAttachment?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange an OAuth client's credentials for a short-lived bearer token (client_credentials grant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        grant_type: string;
                        client_id?: string;
                        client_secret?: string;
                        scope?: string;
                    };
                    "application/json": {
                        grant_type: string;
                        client_id?: string;
                        client_secret?: string;
                        scope?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            expires_in: number;
                            scope: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile and roles (SNILS and phone masked) and the CSRF token of this session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            lastName: string | null;
                            firstName: string | null;
                            middleName: string | null;
                            birthDate: string | null;
                            /** @description Masked: ***-***-445 95 */
                            snils: string | null;
                            email: string | null;
                            emailVerified: boolean;
                            /** @description Masked: all but the last four digits hidden */
                            mobile: string | null;
                            mobileVerified: boolean;
                            isOperator: boolean;
                            staff: {
                                /** Format: uuid */
                                organisationId: string;
                                permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
                                /** @description The houses their roles are limited to; null: every house */
                                houseIds: string[] | null;
                            }[];
                            /** @description Gosuslugi vouched for the person, or their organisation confirmed them. False after registration by e-mail: voting as an owner and appeals carrying personal data answer 403 `identity_verification_required` */
                            identityVerified: boolean;
                            identityVerifiedBy: ("esia" | "organisation") | null;
                            /**
                             * @description How this session signed in
                             * @enum {string}
                             */
                            signInMethod: "esia" | "password" | "passkey";
                            csrfToken: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations I work for, with my roles there (the staff console picks one; empty for residents) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffOrganisation"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/staff-invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take up an invitation to an organisation’s staff (the token of the e-mailed link) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My live sessions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Session"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions (takes effect at once) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (e-mail sign-in): the current one is checked; my other sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description Checked for strength (zxcvbn-ts, score ≥ 3); weak: 400 `password_too_weak` at body.password */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My passkeys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Passkey"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a passkey: the authenticator's answer to the options' challenge (user verification required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        challengeId: string;
                        /** @default Ключ доступа */
                        name?: string;
                        response: {
                            id: string;
                            rawId: string;
                            /** @enum {string} */
                            type: "public-key";
                            response: {
                                [key: string]: unknown;
                            };
                            /** @default {} */
                            clientExtensionResults?: {
                                [key: string]: unknown;
                            };
                            authenticatorAttachment?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Passkey"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Begin adding a passkey: options for navigator.credentials.create() (5 minutes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebauthnOptions"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of my passkeys */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's API keys and OAuth clients (no secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiClient"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Issue an API key or an OAuth client-credentials client; the secret is shown in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default api_key
                         * @enum {string}
                         */
                        kind?: "api_key" | "oauth_client";
                        permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IssuedApiClient"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key or OAuth client (refused from the next request on, with its access tokens) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of the organisation's own data, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description exactly this action */
                    action?: string;
                    /** @description actions starting with this, e.g. `payment.` for every payment action */
                    actionPrefix?: string;
                    /** @description the person or API client who acted */
                    actorId?: string;
                    objectType?: string;
                    objectId?: string;
                    /** @description at or after */
                    from?: string;
                    /** @description before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/residents/unverified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People linked to the organisation's accounts whose identity is not verified (registered by e-mail) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["UnverifiedResident"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/residents/{personId}/identity-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the identity of a resident linked to one of the organisation's accounts (documents seen): voting and personal-data appeals open to them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what was checked, e.g. "паспорт предъявлен в офисе 01.12.2026" (kept in the audit log; no document numbers) */
                        checked: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            personId: string;
                            /** @enum {boolean} */
                            identityVerified: true;
                            /** @enum {string} */
                            identityVerifiedBy: "esia" | "organisation";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff-roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The roles staff can hold here: the built-in ones and the organisation’s own, with their permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffRole"][];
                            /** @description Every permission, labelled */
                            permissions: {
                                /** @enum {string} */
                                key: "console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view";
                                label: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Make a role of the organisation’s own from permissions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff-roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rename a role of the organisation’s own or change its permissions (effective at its holders’ next request) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a role of the organisation’s own that nobody holds */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation’s staff by name, with their roles and house limits */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffMember"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a staff member’s roles and house limit (effective at their next request; the last person who can manage staff keeps that) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roleIds: string[];
                        /**
                         * @description Limit the roles to these houses of the organisation; null: every house
                         * @default null
                         */
                        houseIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove someone from the organisation’s staff (effective at their next request) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations not yet accepted nor revoked, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StaffInvitation"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by e-mail: the link (valid 7 days) makes whoever signs in and opens it staff with these roles */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roleIds: string[];
                        /**
                         * @description Limit the roles to these houses of the organisation; null: every house
                         * @default null
                         */
                        houseIds?: string[] | null;
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StaffInvitation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/staff/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation: its link stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole audit log (operators), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description exactly this action */
                    action?: string;
                    /** @description actions starting with this, e.g. `payment.` for every payment action */
                    actionPrefix?: string;
                    /** @description the person or API client who acted */
                    actorId?: string;
                    objectType?: string;
                    objectId?: string;
                    /** @description at or after */
                    from?: string;
                    /** @description before */
                    to?: string;
                    organisationId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/houses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find houses by address: any word order, abbreviations (ул, пр-т, д, корп, стр, лит…), ё/е and typos */
        get: {
            parameters: {
                query: {
                    /** @description e.g. "профсоюзная 43 к1", "Москва, ул. Профсаюзная д.43" */
                    q: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["HouseHit"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/houses/{houseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A house of the registry with its premises */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            fiasHouseGuid: string | null;
                            fullAddress: string;
                            region: string;
                            settlement: string | null;
                            street: string | null;
                            houseNumber: string;
                            building: string | null;
                            structure: string | null;
                            letter: string | null;
                            /** @description the managing organisation; null when no organisation serves the house here */
                            organisationId: string | null;
                            organisationName: string | null;
                            municipality: string | null;
                            gisUniqueNumber: string | null;
                            postalCode: string | null;
                            totalArea: string | null;
                            timezone: string;
                            premises: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                isResidential: boolean;
                                area: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/houses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's houses by address (for the console's pickers and filters) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                fullAddress: string;
                                timezone: string;
                                /** @description m²; null where not set */
                                totalArea: string | null;
                                residentialArea: string | null;
                                nonResidentialArea: string | null;
                                commonArea: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Upsert houses and their premises in bulk (by FIAS HouseGUID); a result per row, bad rows explained, good rows kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description HouseInput rows; each row is validated on its own */
                        houses: {
                            /** Format: uuid */
                            fiasHouseGuid: string;
                            gisUniqueNumber?: string;
                            address: {
                                region: string;
                                municipality?: string;
                                settlement?: string;
                                street?: string;
                                houseNumber: string;
                                building?: string;
                                structure?: string;
                                letter?: string;
                                postalCode?: string;
                            };
                            totalArea?: string;
                            /** @default Europe/Moscow */
                            timezone?: string;
                            premises?: components["schemas"]["PremiseInputInput"][];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            summary: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                            };
                            results: {
                                index: number;
                                /** @description the row's fiasHouseGuid as sent */
                                key: string | null;
                                /** @enum {string} */
                                status: "created" | "updated" | "unchanged" | "rejected";
                                /** Format: uuid */
                                id?: string;
                                errors?: {
                                    path: string;
                                    message: string;
                                }[];
                                premises?: {
                                    created: number;
                                    updated: number;
                                    unchanged: number;
                                    rejected: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/houses/{houseId}/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the house's reference data printed on payment documents (areas of residential, non-residential and common premises) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HouseReferenceInput"];
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/registry/gar-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of ГАР files: records committed per file, running or done (operators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                file: string;
                                kind: string;
                                size: number;
                                recordsDone: number;
                                /** @enum {string} */
                                status: "running" | "done";
                                startedAt: string;
                                finishedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Start a ГАР (FIAS) XML import from a folder inside GAR_IMPORT_DIR (operators); it resumes if interrupted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description e.g. "2026.11.20/77" inside GAR_IMPORT_DIR */
                        directory: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string | null;
                            directory: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My linked accounts and the current one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currentAccountId: string | null;
                            items: components["schemas"]["MyAccount"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Link an account: house + number (or ЕЛС / ИЖКУ) + proof (owner's surname, one-time code, or the organisation's approval)
         * @description An unknown account and a wrong surname get the same 404 `account_not_found`. The surname proof gives a `limited` link (charges and readings; no access list, invitations, debt certificate or owner's rights) until the code to the contact on file (`proof.method: code`) or the organisation's approval confirms it. The account's other holders are e-mailed about every new link. Failed proofs lock the person, and the person on that account (429 `link_locked`); never the account for everyone.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description the house picked from GET /api/v1/registry/houses
                         */
                        houseId: string;
                        accountNumber?: string;
                        /** @description ЕЛС */
                        unifiedNumber?: string;
                        /** @description ИЖКУ */
                        serviceId?: string;
                        proof: {
                            /** @enum {string} */
                            method: "surname";
                            /** @description an owner's surname as recorded on the account */
                            surname: string;
                        } | {
                            /**
                             * @description a one-time code is mailed to the contact on file; confirm it at /api/v1/me/account-link-requests/{id}/confirm
                             * @enum {string}
                             */
                            method: "code";
                        } | {
                            /** @enum {string} */
                            method: "organisation";
                            comment?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "linked" | "code_sent" | "pending";
                            /** Format: uuid */
                            accountId?: string;
                            /** Format: uuid */
                            linkId?: string;
                            /**
                             * @description `limited` after a surname proof: charges and readings only, until a code or the organisation confirms it
                             * @enum {string}
                             */
                            role?: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
                            /** Format: uuid */
                            requestId?: string;
                            expiresAt?: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "linked" | "code_sent" | "pending";
                            /** Format: uuid */
                            accountId?: string;
                            /** Format: uuid */
                            linkId?: string;
                            /**
                             * @description `limited` after a surname proof: charges and readings only, until a code or the organisation confirms it
                             * @enum {string}
                             */
                            role?: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
                            /** Format: uuid */
                            requestId?: string;
                            expiresAt?: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/account-link-requests/{requestId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a link with the one-time code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "linked" | "code_sent" | "pending";
                            /** Format: uuid */
                            accountId?: string;
                            /** Format: uuid */
                            linkId?: string;
                            /**
                             * @description `limited` after a surname proof: charges and readings only, until a code or the organisation confirms it
                             * @enum {string}
                             */
                            role?: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
                            /** Format: uuid */
                            requestId?: string;
                            expiresAt?: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/account-link-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My requests to link accounts (codes sent, waiting for the organisation, decided) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                requestId: string;
                                /** @enum {string} */
                                method: "code" | "organisation";
                                status: string;
                                identifierKind: string;
                                identifier: string;
                                address: string;
                                createdAt: string;
                                expiresAt: string;
                                decisionReason: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch the current account */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        accountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            currentAccountId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my accounts: address, premise, my role, owners */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            number: string;
                            unifiedNumber: string | null;
                            serviceId: string | null;
                            /** @enum {string} */
                            status: "open" | "closed";
                            /** @enum {string} */
                            role: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
                            linkedAt: string;
                            house: {
                                /** Format: uuid */
                                id: string;
                                fullAddress: string;
                            };
                            premise: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            } | null;
                            organisation: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            owners: {
                                name: string;
                                share: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Unlink an account from me */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a co-owner, tenant or delegate by code or link (owners; co-owners invite tenants and delegates) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "co_owner" | "tenant" | "delegate";
                        /** Format: email */
                        email?: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            invitationId: string;
                            code: string;
                            link: string;
                            role: string;
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation not yet accepted */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation by its code (single use) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            /** Format: uuid */
                            linkId: string;
                            /** @enum {string} */
                            role: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has access to the account, and the invitations sent (owners and co-owners) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                /** Format: uuid */
                                linkId: string;
                                /** Format: uuid */
                                personId: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
                                grantedBy: string | null;
                                since: string;
                                isYou: boolean;
                            }[];
                            invitations: {
                                /** Format: uuid */
                                invitationId: string;
                                role: string;
                                email: string | null;
                                createdAt: string;
                                expiresAt: string;
                                /** @enum {string} */
                                status: "pending" | "accepted" | "expired" | "revoked";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/access/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke someone's access to the account, effective at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    linkId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered residents: the count of the current period and the history of changes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            current: number | null;
                            history: {
                                /** Format: uuid */
                                changeId: string;
                                count: number;
                                reason: string;
                                /** @enum {string} */
                                source: "resident" | "organisation";
                                /** @enum {string} */
                                status: "pending" | "confirmed" | "rejected";
                                effectivePeriod: string | null;
                                decisionReason: string | null;
                                createdAt: string;
                                decidedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Ask the organisation to change the number of registered residents (from the next billing period once confirmed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            changeId: string;
                            count: number;
                            reason: string;
                            /** @enum {string} */
                            source: "resident" | "organisation";
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "rejected";
                            effectivePeriod: string | null;
                            decisionReason: string | null;
                            createdAt: string;
                            decidedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upsert personal accounts in bulk (by number): ЕЛС, ИЖКУ, house, premise, owners and shares (a person's SNILS or identity document, an organisation's OGRN, INN and KPP: the state system's payer), status; a result per row */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description AccountInput rows; each is validated on its own */
                        accounts: components["schemas"]["AccountInputInput"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            summary: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                            };
                            results: {
                                index: number;
                                key: string | null;
                                /** @enum {string} */
                                status: "created" | "updated" | "unchanged" | "rejected";
                                /** Format: uuid */
                                id?: string;
                                errors?: {
                                    path: string;
                                    message: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/account-link-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests to link accounts that wait for the organisation's approval */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected";
                    limit?: number;
                    cursor?: string;
                    houseId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                requestId: string;
                                status: string;
                                /** Format: uuid */
                                houseId: string;
                                address: string;
                                identifierKind: string;
                                identifier: string;
                                matchedAccountId: string | null;
                                matchedAccountNumber: string | null;
                                /** @description The matched account's premise (flat) number */
                                premise: string | null;
                                person: {
                                    lastName: string | null;
                                    firstName: string | null;
                                    middleName: string | null;
                                    email: string | null;
                                };
                                /**
                                 * @description The role the person asked for
                                 * @enum {string}
                                 */
                                role: "owner" | "co_owner" | "tenant";
                                comment: string | null;
                                createdAt: string;
                                expiresAt: string;
                            }[];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/account-link-requests/{requestId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a link request (naming the account when the entered details matched none) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        accountId?: string;
                        /** @enum {string} */
                        role?: "owner" | "co_owner" | "tenant";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            requestId: string;
                            /** @enum {string} */
                            status: "approved" | "rejected";
                            accountId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/account-link-requests/{requestId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a link request with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    requestId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            requestId: string;
                            /** @enum {string} */
                            status: "approved" | "rejected";
                            accountId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/resident-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes of registered residents asked by residents */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "confirmed" | "rejected";
                    limit?: number;
                    cursor?: string;
                    houseId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                changeId: string;
                                count: number;
                                reason: string;
                                /** @enum {string} */
                                source: "resident" | "organisation";
                                /** @enum {string} */
                                status: "pending" | "confirmed" | "rejected";
                                effectivePeriod: string | null;
                                decisionReason: string | null;
                                createdAt: string;
                                decidedAt: string | null;
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                address: string;
                                /** @description The account's premise (flat) number */
                                premise: string | null;
                            }[];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/resident-changes/{changeId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a change of registered residents; it counts from the next billing period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    changeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            changeId: string;
                            count: number;
                            reason: string;
                            /** @enum {string} */
                            source: "resident" | "organisation";
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "rejected";
                            effectivePeriod: string | null;
                            decisionReason: string | null;
                            createdAt: string;
                            decidedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/resident-changes/{changeId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a change of registered residents with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    changeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            changeId: string;
                            count: number;
                            reason: string;
                            /** @enum {string} */
                            source: "resident" | "organisation";
                            /** @enum {string} */
                            status: "pending" | "confirmed" | "rejected";
                            effectivePeriod: string | null;
                            decisionReason: string | null;
                            createdAt: string;
                            decidedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/meters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's meters, their last readings and verification, and whether readings are open now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: components["schemas"]["ReadingWindow"];
                            meters: components["schemas"]["Meter"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reading history with consumption per month and tariff (default: the last six months) */
        get: {
            parameters: {
                query?: {
                    /** @description first period; default five months before `to` */
                    from?: string;
                    /** @description last period; default the current one */
                    to?: string;
                    meterId?: string;
                };
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description billing period YYYY-MM */
                            from: string;
                            /** @description billing period YYYY-MM */
                            to: string;
                            meters: {
                                /** Format: uuid */
                                meterId: string;
                                /** @enum {string} */
                                resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
                                unit: string;
                                serialNumber: string;
                                tariffs: number;
                                periods: {
                                    /** @description billing period YYYY-MM */
                                    period: string;
                                    /** Format: uuid */
                                    readingId: string;
                                    /** Format: date */
                                    takenOn: string;
                                    source: string;
                                    values: {
                                        /** @description numeric(15,3) as a decimal string */
                                        t1: string;
                                        /** @description numeric(15,3) as a decimal string */
                                        t2?: string;
                                        /** @description numeric(15,3) as a decimal string */
                                        t3?: string;
                                    };
                                    consumption: {
                                        /** @description numeric(15,3) as a decimal string */
                                        t1: string;
                                        /** @description numeric(15,3) as a decimal string */
                                        t2?: string;
                                        /** @description numeric(15,3) as a decimal string */
                                        t3?: string;
                                    } | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Submit readings for one or all meters of the account (needs Idempotency-Key)
         * @description All or nothing. Refusals (422) name the meter and tariff: reading_below_previous, reading_exceeds_capacity, tariff_values_mismatch, meter_verification_overdue, meter_archived, meter_not_found, reading_window_closed, consumption_confirmation_required (send a reading refused with consumption_confirmation_required again with confirm=true). A reading for a period that already has one corrects it.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        readings: {
                            /** Format: uuid */
                            meterId: string;
                            /** @description numeric(15,3) as a decimal string */
                            t1: string;
                            /** @description numeric(15,3) as a decimal string */
                            t2?: string;
                            /** @description numeric(15,3) as a decimal string */
                            t3?: string;
                        }[];
                        /**
                         * @description true confirms a consumption far above the average
                         * @default false
                         */
                        confirm?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description billing period YYYY-MM */
                            period: string;
                            windowOpen: boolean;
                            readings: components["schemas"]["AcceptedReading"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/meter-registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's meter registration requests and their status */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MeterRegistration"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask to register or re-register a meter, with its documents (multipart/form-data)
         * @description Text fields: kind (register|reregister), meterId (for reregister), resource, serialNumber, tariffs, digitCapacity, installedOn, sealedOn, verifiedOn, nextVerification, t1–t3 (initial reading), comment. Files, in fields named by their kind: sealing_act, dismantling_act, installation_act, passport, verification_certificate, photo (JPEG, PNG, HEIC, WebP or PDF, sniffed). A photo and a passport or verification certificate are required.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeterRegistration"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/meter-registrations/{registrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One meter registration request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    registrationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeterRegistration"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/readings/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk import (needs Idempotency-Key; JSON array or NDJSON) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description JSON array (application/json) or one object per line (application/x-ndjson) of ImportReadingRow; rows are checked one by one: good rows are kept, bad rows are listed in `errors` by index and field. The body is read and written 5000 rows at a time as it arrives; rows of one meter are put in period order within a batch */
            requestBody: {
                content: {
                    "application/json": unknown[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meters/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk import (needs Idempotency-Key; JSON array or NDJSON) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description JSON array (application/json) or one object per line (application/x-ndjson) of ImportMeterRow; rows are checked one by one: good rows are kept, bad rows are listed in `errors` by index and field. The body is read and written 5000 rows at a time as it arrives; rows of one meter are put in period order within a batch */
            requestBody: {
                content: {
                    "application/json": unknown[];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/readings/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The period's live readings: JSON pages, or every row as NDJSON (format=ndjson or Accept: application/x-ndjson) */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    cursor?: string;
                    /** @description billing period YYYY-MM */
                    period: string;
                    format?: "json" | "ndjson";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description billing period YYYY-MM */
                            period: string;
                            items: components["schemas"]["ExportedReading"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/reading-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reading window and reading policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReadingSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the reading window (days of the month in each house time zone) and reading policy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReadingSettingsInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReadingSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meter-registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meter registration requests of the organisation, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "submitted" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MeterRegistration"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meter-registrations/{registrationId}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document of a meter registration request: a download, or shown in the browser with inline=true */
        get: {
            parameters: {
                query?: {
                    /** @description true: shown in the browser when it is an image or a PDF */
                    inline?: string;
                };
                header?: never;
                path: {
                    registrationId: string;
                    documentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meter-registrations/{registrationId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: creates the meter, or updates or replaces the re-registered one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    registrationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeterRegistration"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meter-registrations/{registrationId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason the resident sees */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    registrationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MeterRegistration"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/houses/{houseId}/meters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The house's common-property meters (ОДПУ), with the state system's GUID once it accepted them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["HouseMeter"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a common-property meter (ОДПУ) to the house; it goes to the state system as a collective device (importMeteringDeviceData)
         * @description The last and the next verification dates are required: they give the verification interval (НСИ 16) the state system requires of a collective device. A second meter of the same resource with the same serial number in the house is refused (validation_failed on serialNumber, its message starting with house_meter_exists).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
                        /** @description the factory number (MeteringDeviceNumber, up to 50) */
                        serialNumber: string;
                        /** @default 1 */
                        tariffs?: number;
                        digitCapacity?: number;
                        /** Format: date */
                        installedOn?: string;
                        /** Format: date */
                        sealedOn?: string;
                        /**
                         * Format: date
                         * @description the last verification (поверка)
                         */
                        verifiedOn: string;
                        /**
                         * Format: date
                         * @description the next verification: with verifiedOn, the interval in whole years
                         */
                        nextVerification: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HouseMeter"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import charges per account and period (idempotent; a changed period becomes a new version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            accountNumber: string;
                            period: string;
                            /**
                             * @description debt (negative: advance) at the start of the period
                             * @default 0
                             */
                            openingDebt?: string;
                            /**
                             * @description paid during the period, as the billing system knows it
                             * @default 0
                             */
                            paid?: string;
                            /** @description if given, must equal openingDebt + Σ line totals − paid */
                            toPay?: string;
                            lines: {
                                service: string;
                                unit?: string;
                                /** @description individual consumption (or the whole volume where there is no common-property part) */
                                volume?: string;
                                /** @description volume used for the upkeep of common property (ОДН), printed apart on the payment document */
                                volumeCommon?: string;
                                /** @description kopecks per unit */
                                tariff?: string;
                                charged: string;
                                /** @default 0 */
                                recalculation?: string;
                                /** @default 0 */
                                benefit?: string;
                                /** @default 0 */
                                penalty?: string;
                                /** @description why the line was recalculated (printed on the document) */
                                recalculationReason?: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                index: number;
                                accountNumber: string;
                                period: string;
                                /** @enum {string} */
                                status: "created" | "replaced" | "unchanged" | "error";
                                version?: number;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                            }[];
                            created: number;
                            replaced: number;
                            unchanged: number;
                            failed: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/bank-details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payee name, INN and bank details printed on payment documents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            inn: string;
                            kpp: string | null;
                            bankName: string | null;
                            bik: string | null;
                            settlementAccount: string | null;
                            correspondentAccount: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the payee bank details printed on payment documents (checksums verified) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bankName: string;
                        bik: string;
                        settlementAccount: string;
                        correspondentAccount: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contacts printed on payment documents (null where not set) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PayeeContacts"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the contacts printed on payment documents: address, phone, e-mail, site, working hours, dispatcher */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PayeeContactsInput"];
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charges of my accounts for a range of periods (default: the last 12 months) */
        get: {
            parameters: {
                query?: {
                    accountId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            periods: {
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                period: string;
                                version: number;
                                openingDebt: string;
                                charged: string;
                                penalty: string;
                                /** @description paid as reported by the organisation */
                                paid: string;
                                toPay: string;
                                /** @description payments booked in the hub against this period */
                                allocated: string;
                                /** @enum {string} */
                                status: "paid" | "partial" | "unpaid";
                                /** @description YYYY-MM-DD */
                                dueDate: string;
                                lines: {
                                    service: string;
                                    unit: string | null;
                                    volume: string | null;
                                    volumeCommon: string | null;
                                    tariff: string | null;
                                    charged: string;
                                    recalculation: string;
                                    benefit: string;
                                    penalty: string;
                                    recalculationReason: string | null;
                                    total: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance and debt per account and across my accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                /** @description owed now (negative: advance) */
                                debt: string;
                                penalties: string;
                                unpaidPeriods: string[];
                            }[];
                            totalDebt: string;
                            totalPenalties: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/charges/{period}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue the payment document of a period (once per charge version; queued for the state system)
         * @description Idempotent: 201 when this call issued it, 200 when it was issued before (demo data issues the last two months). Download it with GET `…/document.pdf`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description our 18-character document number (QuittId in the QR) */
                            number: string;
                            period: string;
                            /** @description kopecks to pay, as issued */
                            amount: string;
                            issuedAt: string;
                            /** @description the state system's PaymentDocumentID once it has accepted the document */
                            gisDocumentId: string | null;
                            /** @description where to download the PDF */
                            href: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description our 18-character document number (QuittId in the QR) */
                            number: string;
                            period: string;
                            /** @description kopecks to pay, as issued */
                            amount: string;
                            issuedAt: string;
                            /** @description the state system's PaymentDocumentID once it has accepted the document */
                            gisDocumentId: string | null;
                            /** @description where to download the PDF */
                            href: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/charges/{period}/document.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The issued payment document (PDF with the ГОСТ Р 56042-2014 payment QR) of a period; reads only
         * @description 404 `payment_document_not_issued` until it is issued (POST `…/document`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/debt-certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Debt certificate as of a date (JSON) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            accountNumber: string;
                            address: string;
                            organisation: {
                                name: string;
                                inn: string;
                            };
                            asOf: string;
                            /** @description opening debt + charges of periods before the date */
                            charged: string;
                            /** @description payments booked up to the date */
                            paid: string;
                            debt: string;
                            periods: {
                                period: string;
                                charged: string;
                                paid: string;
                            }[];
                            issuedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/accounts/{accountId}/debt-certificate.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Debt certificate as of a date (PDF) */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/payments/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a payment would cost: amounts per account and the commission, shown before confirming */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            accountId: string;
                            /** @description kopecks; default: the chosen periods’ unpaid sum, or the account’s whole debt */
                            amount?: string;
                            /** @description pay these periods first, in this order */
                            periods?: string[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            organisationId: string;
                            items: {
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                amount: string;
                                periods: string[] | null;
                            }[];
                            /** @description to the accounts */
                            amount: string;
                            commission: string;
                            /** @description charged to the card: amount + commission */
                            total: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My payments, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                orderId: string;
                                /** @enum {string} */
                                status: "created" | "pending" | "succeeded" | "failed" | "canceled" | "refunded";
                                amount: string;
                                commission: string;
                                total: string;
                                paymentUrl: string | null;
                                bankStatus: string | null;
                                createdAt: string;
                                succeededAt: string | null;
                                items: {
                                    /** Format: uuid */
                                    accountId: string;
                                    accountNumber: string;
                                    amount: string;
                                    periods: string[] | null;
                                }[];
                                allocations: {
                                    /** Format: uuid */
                                    accountId: string;
                                    period: string | null;
                                    amount: string;
                                }[];
                                /** Format: uuid */
                                organisationId: string;
                                /** @description the acquiring bank that took it */
                                provider: string;
                            }[];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Pay one or several accounts; answers the bank’s PaymentURL to redirect the payer to
         * @description Send `Idempotency-Key` so that a retried request returns the same payment.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            accountId: string;
                            /** @description kopecks; default: the chosen periods’ unpaid sum, or the account’s whole debt */
                            amount?: string;
                            /** @description pay these periods first, in this order */
                            periods?: string[];
                        }[];
                        /**
                         * Format: email
                         * @description where the receipt goes; default: the email on file
                         */
                        email?: string;
                        /** @description the total the payer saw and confirmed; a different current total is refused */
                        confirmedTotal: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            orderId: string;
                            /** @enum {string} */
                            status: "created" | "pending" | "succeeded" | "failed" | "canceled" | "refunded";
                            amount: string;
                            commission: string;
                            total: string;
                            paymentUrl: string | null;
                            bankStatus: string | null;
                            createdAt: string;
                            succeededAt: string | null;
                            items: {
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                amount: string;
                                periods: string[] | null;
                            }[];
                            allocations: {
                                /** Format: uuid */
                                accountId: string;
                                period: string | null;
                                amount: string;
                            }[];
                            /** Format: uuid */
                            organisationId: string;
                            /** @description the acquiring bank that took it */
                            provider: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my payments with its status and allocations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            orderId: string;
                            /** @enum {string} */
                            status: "created" | "pending" | "succeeded" | "failed" | "canceled" | "refunded";
                            amount: string;
                            commission: string;
                            total: string;
                            paymentUrl: string | null;
                            bankStatus: string | null;
                            createdAt: string;
                            succeededAt: string | null;
                            items: {
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                amount: string;
                                periods: string[] | null;
                            }[];
                            allocations: {
                                /** Format: uuid */
                                accountId: string;
                                period: string | null;
                                amount: string;
                            }[];
                            /** Format: uuid */
                            organisationId: string;
                            /** @description the acquiring bank that took it */
                            provider: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the organisation’s payments (newest first) with their allocations */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "created" | "pending" | "succeeded" | "failed" | "canceled" | "refunded";
                    /** @description created at or after */
                    from?: string;
                    /** @description created before */
                    to?: string;
                    /** @description payments that paid this account of the organisation */
                    accountNumber?: string;
                    /** @description payments that paid an account of this house */
                    houseId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                orderId: string;
                                /** @enum {string} */
                                status: "created" | "pending" | "succeeded" | "failed" | "canceled" | "refunded";
                                amount: string;
                                commission: string;
                                total: string;
                                paymentUrl: string | null;
                                bankStatus: string | null;
                                createdAt: string;
                                succeededAt: string | null;
                                items: {
                                    /** Format: uuid */
                                    accountId: string;
                                    accountNumber: string;
                                    amount: string;
                                    periods: string[] | null;
                                }[];
                                allocations: {
                                    /** Format: uuid */
                                    accountId: string;
                                    period: string | null;
                                    amount: string;
                                }[];
                                /** Format: uuid */
                                organisationId: string;
                                /** @description the acquiring bank that took it */
                                provider: string;
                                /** @description succeeded, and the bank that took it accepts refunds through its API */
                                refundable: boolean;
                            }[];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/payments/{paymentId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund a succeeded payment through the bank (reverses its booking) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            orderId: string;
                            /** @enum {string} */
                            status: "created" | "pending" | "succeeded" | "failed" | "canceled" | "refunded";
                            amount: string;
                            commission: string;
                            total: string;
                            paymentUrl: string | null;
                            bankStatus: string | null;
                            createdAt: string;
                            succeededAt: string | null;
                            items: {
                                /** Format: uuid */
                                accountId: string;
                                accountNumber: string;
                                amount: string;
                                periods: string[] | null;
                            }[];
                            allocations: {
                                /** Format: uuid */
                                accountId: string;
                                period: string | null;
                                amount: string;
                            }[];
                            /** Format: uuid */
                            organisationId: string;
                            /** @description the acquiring bank that took it */
                            provider: string;
                            /** @description succeeded, and the bank that took it accepts refunds through its API */
                            refundable: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/notify/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bank notifications (T-Bank-style JSON, verified by Token); answered `OK` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync status per operation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            operations: {
                                operation: string;
                                counts: {
                                    [key: string]: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/sync/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync items with their state-system result or error */
        get: {
            parameters: {
                query?: {
                    operation?: "importAccountData" | "exportAccountData" | "importMeteringDeviceData" | "importMeteringDeviceValues" | "exportMeteringDeviceHistory" | "importPaymentDocumentData" | "importNotificationsOfOrderExecution" | "importNotificationsOfOrderExecutionCancellation" | "exportHouseData" | "exportNsiList" | "exportNsiItem" | "exportAppeal" | "importAnswer" | "exportDebtSubrequests" | "importResponses" | "importNotificationData" | "importVotingMessage" | "importOwnerDecision" | "exportOwnerDecision" | "exportVotingProtocol" | "importVotingProtocol" | "importExternalVotingProtocol" | "exportOrgRegistry";
                    status?: "pending" | "sending" | "sent" | "accepted" | "rejected" | "dead";
                    /** @description true: rejected and dead items only (what needs the organisation) */
                    problems?: string;
                    objectId?: string;
                    /** @description Cursor: the last item id of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                operation: string;
                                objectType: string;
                                /** Format: uuid */
                                objectId: string;
                                /** @description What the object is in the organisation’s words: an account’s number, a meter’s serial number… */
                                objectLabel: string | null;
                                /** @description The period of a reading or a payment document (YYYY-MM) */
                                objectPeriod: string | null;
                                revision: number;
                                /** Format: uuid */
                                transportGuid: string;
                                /** @enum {string} */
                                status: "pending" | "sending" | "sent" | "accepted" | "rejected" | "dead";
                                attempts: number;
                                resultGuid: string | null;
                                resultNumber: string | null;
                                /** @description State-system code such as INT002000, or exchange_failed for dead items */
                                errorCode: string | null;
                                errorText: string | null;
                                /** @description The state system's MessageGUID of the message that carried it */
                                messageGuid: string | null;
                                /** @description What to change before sending again, for a known error code (src/sync/gis/error-hints.ts) */
                                hint: {
                                    title: string;
                                    fix: string;
                                    /**
                                     * @description now: the data is fine; after_fix: change it first; never: retrying cannot help
                                     * @enum {string}
                                     */
                                    retry: "now" | "after_fix" | "never";
                                    /** @description The staff console's screen where the change is made */
                                    fixAt: string | null;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/sync/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send dead items (and, if asked, rejected ones) again, with their TransportGUIDs */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        itemIds?: string[];
                        /** @enum {string} */
                        operation?: "importAccountData" | "exportAccountData" | "importMeteringDeviceData" | "importMeteringDeviceValues" | "exportMeteringDeviceHistory" | "importPaymentDocumentData" | "importNotificationsOfOrderExecution" | "importNotificationsOfOrderExecutionCancellation" | "exportHouseData" | "exportNsiList" | "exportNsiItem" | "exportAppeal" | "importAnswer" | "exportDebtSubrequests" | "importResponses" | "importNotificationData" | "importVotingMessage" | "importOwnerDecision" | "exportOwnerDecision" | "exportVotingProtocol" | "importVotingProtocol" | "importExternalVotingProtocol" | "exportOrgRegistry";
                        /**
                         * @description Rejected items failed the state system's checks: fix the data first
                         * @default false
                         */
                        includeRejected?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requeued: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/sync/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this organisation exchanges with the state system */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Switch the exchange on or off (off keeps items pending) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload photos for a request (multipart); refer to them by id when creating it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                /** Format: uuid */
                                id: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My requests and the house-wide requests of my houses, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    scope?: "own" | "house" | "all";
                    status?: "new" | "in_progress" | "done" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Ticket"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a maintenance request (an optional Idempotency-Key makes a retry return the first answer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The account whose premise or house the request is about
                         */
                        accountId: string;
                        /**
                         * @description `house`: common property, seen by every resident of the house
                         * @default own
                         * @enum {string}
                         */
                        visibility?: "own" | "house";
                        /** @enum {string} */
                        category: "plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other";
                        /** @default false */
                        emergency?: boolean;
                        text: string;
                        contactPhone: string;
                        /**
                         * @description Ids from POST /api/v1/me/tickets/files
                         * @default []
                         */
                        photoIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request with its history and photos */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen my done or rejected request (within TICKET_REOPEN_DAYS) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate the work on my closed request 1–5 with a comment (once per closing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 (bad) … 5 (excellent) */
                        score: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on my request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tickets/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a photo of a request I can see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Request queue of the organisation, filtered by house, status, category, emergency, assignee, overdue */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    houseId?: string;
                    status?: "new" | "in_progress" | "done" | "rejected";
                    /** @description true: new and in progress only */
                    open?: string;
                    category?: "plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other";
                    emergency?: string;
                    assignee?: string;
                    /** @description true: past the deadline and not closed */
                    overdue?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Ticket"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many requests of the queue are in each status under the same filters (the board columns) */
        get: {
            parameters: {
                query?: {
                    houseId?: string;
                    category?: "plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other";
                    emergency?: string;
                    assignee?: string;
                    /** @description true: past the deadline and not closed */
                    overdue?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                status: "new" | "in_progress" | "done" | "rejected";
                                count: number;
                                /** @description The column holds at least `count` (10000) requests: counting stopped there */
                                capped: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who open requests are assigned to, with how many each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assignee: string;
                                /** @description Open requests assigned */
                                open: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Default deadlines per category (emergencies in hours, the rest in days); the hub's where none is set */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDeadlines"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set default deadlines of categories; new requests take them (existing ones keep theirs) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The categories to set; the others keep theirs */
                        items: {
                            /** @enum {string} */
                            category: "plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other";
                            /** @description An emergency request of the category: hours to do it */
                            emergencyHours: number;
                            /** @description Any other request of the category: calendar days */
                            regularDays: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDeadlines"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach photos of the work to a request (multipart); the resident sees them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Residents' average rating of closed requests per category (lowest first) */
        get: {
            parameters: {
                query?: {
                    houseId?: string;
                    /** @description rated at or after */
                    from?: string;
                    /** @description rated before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                category: string;
                                count: number;
                                /** @description e.g. "4.50" */
                                average: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request with the contact phone (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change status, assignee, deadline or resolution of a request */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "new" | "in_progress" | "done" | "rejected";
                        assignee?: string | null;
                        deadline?: string | null;
                        resolution?: string | null;
                        /** @description Added to the history with the change */
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/org/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on a request (the resident sees it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/tickets/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a photo of a request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appeal types with their titles and attachment kinds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
                            title: string;
                            requiredAttachments: string[];
                            optionalAttachments: string[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/appeals/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload files (PDF, JPEG, PNG, HEIC, WebP) for an appeal; refer to them by id in the form */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                /** Format: uuid */
                                id: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My appeals, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AppealSummary"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Submit an appeal (the form is chosen by `type`; an optional Idempotency-Key makes a retry return the first answer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppealFormInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my appeals with its form, answers and files (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Correct an appeal returned for rework and submit it again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppealFormInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/appeals/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file of my appeal (audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload answer files for appeals */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                /** Format: uuid */
                                id: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appeals addressed to the organisation, from the cabinet and from the state system (source); staff see the types their permissions cover */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    source?: "hub" | "state_system";
                    status?: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
                    type?: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
                    houseId?: string;
                    /** @description true: only appeals whose answer is overdue */
                    overdue?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AppealSummary"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Days the organisation has to answer each appeal type (its own or the default) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDeadlines"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the days to answer some appeal types (null: back to the default); shown as time left */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadlines: {
                            /** @enum {string} */
                            type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
                            /** @description Calendar days from submission; null: the default */
                            days: number | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDeadlines"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One appeal with its form (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an appeal: in_review, returned (for rework), accepted, rejected, done — with a message and answer files */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
                        /** @description Required when returning for rework or rejecting */
                        message?: string;
                        /**
                         * @description Answer files uploaded through POST /api/v1/org/appeals/files
                         * @default []
                         */
                        fileIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealSummary"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an appeal without changing its status */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                        /** @default [] */
                        fileIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealSummary"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file of an appeal (audited): a download, or shown in the browser with inline=true */
        get: {
            parameters: {
                query?: {
                    /** @description true: shown in the browser when it is an image or a PDF */
                    inline?: string;
                };
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/appeals/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's term to answer appeals from the state system */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Working days (production calendar) to answer an appeal from the state system; its own term wins if sooner */
                            answerWorkingDays: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the term (working days) to answer appeals from the state system; applies to appeals fetched after */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Working days (production calendar) to answer an appeal from the state system; its own term wins if sooner */
                        answerWorkingDays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Working days (production calendar) to answer an appeal from the state system; its own term wins if sooner */
                            answerWorkingDays: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operators: one appeal with its form (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/news": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices of my houses (emergencies first); `unread=true` at sign-in */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    unread?: string;
                    kind?: "common" | "emergency";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["News"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/news/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notice of my houses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["News"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/news/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notice read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/news": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices of the organisation, newest first, with read counts and states (paged by cursor) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    houseId?: string;
                    kind?: "common" | "emergency";
                    /** @description scheduled: not yet published; live; ended: expired; withdrawn */
                    state?: "scheduled" | "live" | "ended" | "withdrawn";
                    /** @description true: not yet ended or withdrawn (scheduled or live) */
                    active?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["News"][];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Publish a notice (common or emergency) to houses of the organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default common
                         * @enum {string}
                         */
                        kind?: "common" | "emergency";
                        title: string;
                        body: string;
                        houseIds: string[];
                        /**
                         * Format: date-time
                         * @description Default: now
                         */
                        publishAt?: string;
                        /** Format: date-time */
                        expiresAt?: string;
                        /** @description Email the residents; default true for emergency notices */
                        notify?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["News"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/news/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a notice now (e.g. the outage is over); one placed in the state system is recalled there */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["News"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/houses/{houseId}/owners-register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owners register of a house with each owner's votes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            houseId: string;
                            premises: number;
                            totalVotes: string;
                            owners: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                premiseId: string;
                                premiseNumber: string;
                                area: string;
                                lastName: string;
                                firstName: string | null;
                                middleName: string | null;
                                shareNumerator: number;
                                shareDenominator: number;
                                titleDocument: string | null;
                                personId: string | null;
                                /** @enum {string} */
                                source: "accounts" | "import";
                                /** @description m², 4 places */
                                votes: string;
                                /** @description exact fraction of m² */
                                votesExact: string;
                                percentOfAll: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Import owners: replaces the owners of every premise listed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        owners: {
                            premiseNumber: string;
                            lastName: string;
                            firstName?: string | null;
                            middleName?: string | null;
                            shareNumerator: number;
                            shareDenominator: number;
                            titleDocument?: string | null;
                            personId?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/houses/{houseId}/owners-register/from-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Build or refresh the register from the owners recorded on accounts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            touched: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/houses/{houseId}/owners-register/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mismatches between the register, the premises and the accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    houseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            houseId: string;
                            owners: number;
                            premises: number;
                            mismatches: ({
                                kind: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meeting-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the organisation’s meetings are voted: the state system or the region’s designated system (the hub) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Where meetings are voted (ЖК РФ ст. 47.1, 463-ФЗ): `state-system` — in the state system (ГИС ЖКХ), the hub places the notice, paper decisions and protocol there and reads decisions and results back; `regional-system` — in the hub as the region’s designated system, its protocol sent as another system’s. The notice always goes to the state system.
                             * @enum {string}
                             */
                            votingSystem: "state-system" | "regional-system";
                            /** @description the regional system’s name (regional-system) */
                            regionalSystemName: string | null;
                            /** @description its address on the Internet (regional-system) */
                            regionalSystemUrl: string | null;
                            /** @description the organisation’s orgRootEntityGUID in the state system’s register of organisations (initiator, administrator) */
                            orgRootGuid: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Choose where meetings are voted; a meeting keeps the choice in force when its notice was sent */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Where meetings are voted (ЖК РФ ст. 47.1, 463-ФЗ): `state-system` — in the state system (ГИС ЖКХ), the hub places the notice, paper decisions and protocol there and reads decisions and results back; `regional-system` — in the hub as the region’s designated system, its protocol sent as another system’s. The notice always goes to the state system.
                         * @enum {string}
                         */
                        votingSystem: "state-system" | "regional-system";
                        /** @description the regional system’s name (regional-system) */
                        regionalSystemName: string | null;
                        /** @description its address on the Internet (regional-system) */
                        regionalSystemUrl: string | null;
                        /** @description the organisation’s orgRootEntityGUID in the state system’s register of organisations (initiator, administrator) */
                        orgRootGuid: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description Where meetings are voted (ЖК РФ ст. 47.1, 463-ФЗ): `state-system` — in the state system (ГИС ЖКХ), the hub places the notice, paper decisions and protocol there and reads decisions and results back; `regional-system` — in the hub as the region’s designated system, its protocol sent as another system’s. The notice always goes to the state system.
                             * @enum {string}
                             */
                            votingSystem: "state-system" | "regional-system";
                            /** @description the regional system’s name (regional-system) */
                            regionalSystemName: string | null;
                            /** @description its address on the Internet (regional-system) */
                            regionalSystemUrl: string | null;
                            /** @description the organisation’s orgRootEntityGUID in the state system’s register of organisations (initiator, administrator) */
                            orgRootGuid: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/agenda-catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Common agenda questions with the decision rule each needs (ЖК РФ ст. 46 ч. 1) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                title: string;
                                proposal: string;
                                /**
                                 * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                 * @enum {string}
                                 */
                                rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                basis: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meetings of the organisation, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    houseId?: string;
                    status?: "draft" | "announced" | "closed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                houseId: string;
                                houseAddress: string;
                                timezone: string;
                                number: string;
                                title: string;
                                /** @enum {string} */
                                form: "in_person" | "ballots" | "mixed" | "electronic";
                                /** @enum {string} */
                                status: "draft" | "announced" | "closed" | "cancelled";
                                initiator: {
                                    /** @enum {string} */
                                    type: "organisation" | "owner";
                                    ownerId: string | null;
                                    name: string;
                                };
                                administratorName: string;
                                chairName: string | null;
                                secretaryName: string | null;
                                counterNames: string[];
                                place: string;
                                materialsInfo: string;
                                inPersonAt: string | null;
                                votingStartsAt: string;
                                votingEndsAt: string;
                                announcedAt: string | null;
                                closedAt: string | null;
                                protocolSha256: string | null;
                                stateSystem: {
                                    /** @description fixed at notice; null: announced before the choice, voted in the hub */
                                    votingSystem: ("state-system" | "regional-system") | null;
                                    /** @description where owners vote (state-system mode) */
                                    voteUrl: string | null;
                                    /** @description the notice in the state system (importVotingMessage) */
                                    noticeStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                    noticeGuid: string | null;
                                    /** @description the identifier the state system gave the notice: the protocol’s number */
                                    protocolNumber: string | null;
                                    decisionsReadAt: string | null;
                                    protocolGuid: string | null;
                                    /** @description the protocol placed (importVotingProtocol / importExternalVotingProtocol) */
                                    protocolStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                    /** @description the result as the state system’s protocol states it */
                                    result: {
                                        protocolNumber: string | null;
                                        quorum: boolean;
                                        status: string;
                                        questions: {
                                            number: number;
                                            agree: string | null;
                                            against: string | null;
                                            abstain: string | null;
                                            adopted: boolean | null;
                                        }[];
                                    } | null;
                                    comparison: {
                                        matches?: boolean;
                                        quorum?: {
                                            hub: boolean;
                                            stateSystem: boolean;
                                            matches: boolean;
                                        };
                                        questions?: {
                                            number: number;
                                            for: {
                                                /** @description the hub’s exact count, m² (4 places) */
                                                hub: string;
                                                hubExact: string;
                                                /** @description as the state system states it */
                                                stateSystem: string | null;
                                                /** @description hub − state system, m² */
                                                difference: string | null;
                                            };
                                            against: {
                                                /** @description the hub’s exact count, m² (4 places) */
                                                hub: string;
                                                hubExact: string;
                                                /** @description as the state system states it */
                                                stateSystem: string | null;
                                                /** @description hub − state system, m² */
                                                difference: string | null;
                                            };
                                            abstain: {
                                                /** @description the hub’s exact count, m² (4 places) */
                                                hub: string;
                                                hubExact: string;
                                                /** @description as the state system states it */
                                                stateSystem: string | null;
                                                /** @description hub − state system, m² */
                                                difference: string | null;
                                            };
                                            adopted: {
                                                hub: boolean;
                                                stateSystem: boolean | null;
                                                matches: boolean;
                                            };
                                            matches: boolean;
                                        }[];
                                        /** @description decisions read back whose owner is not in the register frozen at notice */
                                        unmatchedDecisions?: string[];
                                    } | null;
                                };
                                questions: {
                                    /** Format: uuid */
                                    id: string;
                                    position: number;
                                    title: string;
                                    proposal: string;
                                    /**
                                     * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                     * @enum {string}
                                     */
                                    rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                    catalogueKey: string | null;
                                    /** @description the legal basis of a catalogue question's rule */
                                    basis: string | null;
                                }[];
                                materials: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    /** Format: uuid */
                                    fileId: string;
                                    filename: string;
                                    contentType: string;
                                    size: number;
                                }[];
                            }[];
                            page: {
                                nextCursor: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a meeting (draft) with its agenda, form and dates */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        houseId: string;
                        title: string;
                        /** @enum {string} */
                        form: "in_person" | "ballots" | "mixed" | "electronic";
                        initiator: {
                            /** @enum {string} */
                            type: "organisation";
                        } | {
                            /** @enum {string} */
                            type: "owner";
                            /**
                             * Format: uuid
                             * @description owner register entry id
                             */
                            ownerId: string;
                        };
                        administratorName?: string;
                        chairName?: string | null;
                        secretaryName?: string | null;
                        counterNames?: string[];
                        place: string;
                        /** @description how owners can see the materials */
                        materialsInfo: string;
                        inPersonAt?: string | null;
                        votingStartsAt: string;
                        votingEndsAt: string;
                        questions: {
                            title: string;
                            proposal?: string;
                            /**
                             * @description default: the catalogue question's rule, else participants_majority; never weaker than the catalogue's
                             * @enum {string}
                             */
                            rule?: "participants_majority" | "all_majority" | "two_thirds_all";
                            /** @description the common question it was taken from (GET /api/v1/org/meetings/agenda-catalogue) */
                            catalogueKey?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            houseId: string;
                            houseAddress: string;
                            timezone: string;
                            number: string;
                            title: string;
                            /** @enum {string} */
                            form: "in_person" | "ballots" | "mixed" | "electronic";
                            /** @enum {string} */
                            status: "draft" | "announced" | "closed" | "cancelled";
                            initiator: {
                                /** @enum {string} */
                                type: "organisation" | "owner";
                                ownerId: string | null;
                                name: string;
                            };
                            administratorName: string;
                            chairName: string | null;
                            secretaryName: string | null;
                            counterNames: string[];
                            place: string;
                            materialsInfo: string;
                            inPersonAt: string | null;
                            votingStartsAt: string;
                            votingEndsAt: string;
                            announcedAt: string | null;
                            closedAt: string | null;
                            protocolSha256: string | null;
                            stateSystem: {
                                /** @description fixed at notice; null: announced before the choice, voted in the hub */
                                votingSystem: ("state-system" | "regional-system") | null;
                                /** @description where owners vote (state-system mode) */
                                voteUrl: string | null;
                                /** @description the notice in the state system (importVotingMessage) */
                                noticeStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                noticeGuid: string | null;
                                /** @description the identifier the state system gave the notice: the protocol’s number */
                                protocolNumber: string | null;
                                decisionsReadAt: string | null;
                                protocolGuid: string | null;
                                /** @description the protocol placed (importVotingProtocol / importExternalVotingProtocol) */
                                protocolStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                /** @description the result as the state system’s protocol states it */
                                result: {
                                    protocolNumber: string | null;
                                    quorum: boolean;
                                    status: string;
                                    questions: {
                                        number: number;
                                        agree: string | null;
                                        against: string | null;
                                        abstain: string | null;
                                        adopted: boolean | null;
                                    }[];
                                } | null;
                                comparison: {
                                    matches?: boolean;
                                    quorum?: {
                                        hub: boolean;
                                        stateSystem: boolean;
                                        matches: boolean;
                                    };
                                    questions?: {
                                        number: number;
                                        for: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        against: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        abstain: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        adopted: {
                                            hub: boolean;
                                            stateSystem: boolean | null;
                                            matches: boolean;
                                        };
                                        matches: boolean;
                                    }[];
                                    /** @description decisions read back whose owner is not in the register frozen at notice */
                                    unmatchedDecisions?: string[];
                                } | null;
                            };
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                /**
                                 * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                 * @enum {string}
                                 */
                                rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                catalogueKey: string | null;
                                /** @description the legal basis of a catalogue question's rule */
                                basis: string | null;
                            }[];
                            materials: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                fileId: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One meeting */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            houseId: string;
                            houseAddress: string;
                            timezone: string;
                            number: string;
                            title: string;
                            /** @enum {string} */
                            form: "in_person" | "ballots" | "mixed" | "electronic";
                            /** @enum {string} */
                            status: "draft" | "announced" | "closed" | "cancelled";
                            initiator: {
                                /** @enum {string} */
                                type: "organisation" | "owner";
                                ownerId: string | null;
                                name: string;
                            };
                            administratorName: string;
                            chairName: string | null;
                            secretaryName: string | null;
                            counterNames: string[];
                            place: string;
                            materialsInfo: string;
                            inPersonAt: string | null;
                            votingStartsAt: string;
                            votingEndsAt: string;
                            announcedAt: string | null;
                            closedAt: string | null;
                            protocolSha256: string | null;
                            stateSystem: {
                                /** @description fixed at notice; null: announced before the choice, voted in the hub */
                                votingSystem: ("state-system" | "regional-system") | null;
                                /** @description where owners vote (state-system mode) */
                                voteUrl: string | null;
                                /** @description the notice in the state system (importVotingMessage) */
                                noticeStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                noticeGuid: string | null;
                                /** @description the identifier the state system gave the notice: the protocol’s number */
                                protocolNumber: string | null;
                                decisionsReadAt: string | null;
                                protocolGuid: string | null;
                                /** @description the protocol placed (importVotingProtocol / importExternalVotingProtocol) */
                                protocolStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                /** @description the result as the state system’s protocol states it */
                                result: {
                                    protocolNumber: string | null;
                                    quorum: boolean;
                                    status: string;
                                    questions: {
                                        number: number;
                                        agree: string | null;
                                        against: string | null;
                                        abstain: string | null;
                                        adopted: boolean | null;
                                    }[];
                                } | null;
                                comparison: {
                                    matches?: boolean;
                                    quorum?: {
                                        hub: boolean;
                                        stateSystem: boolean;
                                        matches: boolean;
                                    };
                                    questions?: {
                                        number: number;
                                        for: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        against: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        abstain: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        adopted: {
                                            hub: boolean;
                                            stateSystem: boolean | null;
                                            matches: boolean;
                                        };
                                        matches: boolean;
                                    }[];
                                    /** @description decisions read back whose owner is not in the register frozen at notice */
                                    unmatchedDecisions?: string[];
                                } | null;
                            };
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                /**
                                 * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                 * @enum {string}
                                 */
                                rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                catalogueKey: string | null;
                                /** @description the legal basis of a catalogue question's rule */
                                basis: string | null;
                            }[];
                            materials: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                fileId: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a material (multipart: file, title) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            /** Format: uuid */
                            fileId: string;
                            filename: string;
                            contentType: string;
                            size: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/materials/{materialId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a material (only while the meeting is a draft) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    materialId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file of the meeting: a material, a power of attorney or the scan of a paper ballot */
        get: {
            parameters: {
                query?: {
                    /** @description open a PDF or an image in the browser instead of downloading it */
                    inline?: "1" | "true";
                };
                header?: never;
                path: {
                    id: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "application/octet-stream": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "application/octet-stream": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "application/octet-stream": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "application/octet-stream": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a draft (an announced meeting runs to its end) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "cancelled";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/announce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the notice: news item to the house, e-mail to every owner; freezes the register */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            newsId: string;
                            owners: number;
                            emailed: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register of the meeting as frozen at notice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            premiseNumber: string;
                            lastName: string;
                            firstName: string | null;
                            middleName: string | null;
                            shareNumerator: number;
                            shareDenominator: number;
                            titleDocument: string | null;
                            votes: string;
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/turnout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live turnout (results only after the close, unless MEETING_LIVE_RESULTS) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            meetingId: string;
                            status: string;
                            owners: number;
                            ballots: number;
                            totalVotes: string;
                            participatingVotes: string;
                            participatingPercent: string;
                            quorumReached: boolean;
                            votingEndsAt: string;
                            /** @description null until the meeting closes unless MEETING_LIVE_RESULTS is on */
                            results: {
                                /** Format: uuid */
                                questionId: string;
                                /**
                                 * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                 * @enum {string}
                                 */
                                rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                for: {
                                    votes: string;
                                    exact: string;
                                    percentOfParticipants: string;
                                    percentOfAll: string;
                                };
                                against: {
                                    votes: string;
                                    exact: string;
                                    percentOfParticipants: string;
                                    percentOfAll: string;
                                };
                                abstain: {
                                    votes: string;
                                    exact: string;
                                    percentOfParticipants: string;
                                    percentOfAll: string;
                                };
                                adopted: boolean;
                            }[] | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ballots received (SNILS never returned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            channel: string;
                            voterName: string;
                            titleDocument: string | null;
                            proxyId: string | null;
                            votes: string;
                            castAt: string;
                            scanFileId: string | null;
                            hasSnils: boolean;
                            answers: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/paper-ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter a paper ballot: multipart with `ballot` (JSON: ownerId, answers, snils?, proxyId?, receivedAt?) and `scan` (PDF or image) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            meetingId: string;
                            /** Format: uuid */
                            ownerId: string;
                            /** @description exact fraction of m² the ballot carries */
                            votes: string;
                            castAt: string;
                            /** @enum {string} */
                            channel: "electronic" | "paper" | "state_system";
                            /** Format: uuid */
                            scanFileId?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/powers-of-attorney": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Powers of attorney submitted by representatives */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            representativePersonId?: string | null;
                            representativeName?: string;
                            /** Format: uuid */
                            fileId: string;
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected";
                            note?: string | null;
                            reviewedAt?: string | null;
                            createdAt: string;
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/powers-of-attorney/{proxyId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept or reject a power of attorney */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    proxyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accepted: boolean;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close now (only after the deadline; the scheduled job does it on its own) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closed: boolean;
                            sha256: string | null;
                            /**
                             * @description the decisions and result are being read from the state system; the meeting closes once they are in
                             * @enum {string}
                             */
                            waitingFor?: "state_system";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/protocol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The protocol as JSON with its SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description SHA-256 of the canonical JSON (keys sorted, no whitespace) of `protocol` */
                            sha256: string;
                            /** Format: uuid */
                            pdfFileId: string;
                            protocol: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/meetings/{id}/protocol.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The protocol as PDF (`?inline=1` opens it in the browser) */
        get: {
            parameters: {
                query?: {
                    /** @description open a PDF or an image in the browser instead of downloading it */
                    inline?: "1" | "true";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meetings of my houses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            title: string;
                            /** Format: uuid */
                            houseId: string;
                            houseAddress: string;
                            /** @enum {string} */
                            form: "in_person" | "ballots" | "mixed" | "electronic";
                            status: string;
                            votingSystem: ("state-system" | "regional-system") | null;
                            /** @description false in a meeting held in the state system: owners vote there */
                            votingOpen: boolean;
                            votingStartsAt: string;
                            votingEndsAt: string;
                            myOwners: {
                                /** Format: uuid */
                                ownerId: string;
                                premiseNumber: string;
                                share: string;
                                votes: string;
                                asRepresentative: boolean;
                                voted: boolean;
                                castAt: string | null;
                            }[];
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A meeting: agenda, materials, my votes, results when closed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            houseId: string;
                            houseAddress: string;
                            timezone: string;
                            number: string;
                            title: string;
                            /** @enum {string} */
                            form: "in_person" | "ballots" | "mixed" | "electronic";
                            /** @enum {string} */
                            status: "draft" | "announced" | "closed" | "cancelled";
                            initiator: {
                                /** @enum {string} */
                                type: "organisation" | "owner";
                                ownerId: string | null;
                                name: string;
                            };
                            administratorName: string;
                            chairName: string | null;
                            secretaryName: string | null;
                            counterNames: string[];
                            place: string;
                            materialsInfo: string;
                            inPersonAt: string | null;
                            votingStartsAt: string;
                            votingEndsAt: string;
                            announcedAt: string | null;
                            closedAt: string | null;
                            protocolSha256: string | null;
                            stateSystem: {
                                /** @description fixed at notice; null: announced before the choice, voted in the hub */
                                votingSystem: ("state-system" | "regional-system") | null;
                                /** @description where owners vote (state-system mode) */
                                voteUrl: string | null;
                                /** @description the notice in the state system (importVotingMessage) */
                                noticeStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                noticeGuid: string | null;
                                /** @description the identifier the state system gave the notice: the protocol’s number */
                                protocolNumber: string | null;
                                decisionsReadAt: string | null;
                                protocolGuid: string | null;
                                /** @description the protocol placed (importVotingProtocol / importExternalVotingProtocol) */
                                protocolStatus: ("pending" | "sending" | "sent" | "accepted" | "rejected" | "dead") | null;
                                /** @description the result as the state system’s protocol states it */
                                result: {
                                    protocolNumber: string | null;
                                    quorum: boolean;
                                    status: string;
                                    questions: {
                                        number: number;
                                        agree: string | null;
                                        against: string | null;
                                        abstain: string | null;
                                        adopted: boolean | null;
                                    }[];
                                } | null;
                                comparison: {
                                    matches?: boolean;
                                    quorum?: {
                                        hub: boolean;
                                        stateSystem: boolean;
                                        matches: boolean;
                                    };
                                    questions?: {
                                        number: number;
                                        for: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        against: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        abstain: {
                                            /** @description the hub’s exact count, m² (4 places) */
                                            hub: string;
                                            hubExact: string;
                                            /** @description as the state system states it */
                                            stateSystem: string | null;
                                            /** @description hub − state system, m² */
                                            difference: string | null;
                                        };
                                        adopted: {
                                            hub: boolean;
                                            stateSystem: boolean | null;
                                            matches: boolean;
                                        };
                                        matches: boolean;
                                    }[];
                                    /** @description decisions read back whose owner is not in the register frozen at notice */
                                    unmatchedDecisions?: string[];
                                } | null;
                            };
                            questions: {
                                /** Format: uuid */
                                id: string;
                                position: number;
                                title: string;
                                proposal: string;
                                /**
                                 * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                 * @enum {string}
                                 */
                                rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                catalogueKey: string | null;
                                /** @description the legal basis of a catalogue question's rule */
                                basis: string | null;
                            }[];
                            materials: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** Format: uuid */
                                fileId: string;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                            votingOpen: boolean;
                            myOwners: {
                                /** Format: uuid */
                                ownerId: string;
                                premiseNumber: string;
                                share: string;
                                votes: string;
                                asRepresentative: boolean;
                                voted: boolean;
                                castAt: string | null;
                            }[];
                            results: unknown | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings/{id}/turnout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Turnout of a meeting of my house while it runs; results after the close */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            meetingId: string;
                            status: string;
                            owners: number;
                            ballots: number;
                            totalVotes: string;
                            participatingVotes: string;
                            participatingPercent: string;
                            quorumReached: boolean;
                            votingEndsAt: string;
                            /** @description null until the meeting closes unless MEETING_LIVE_RESULTS is on */
                            results: {
                                /** Format: uuid */
                                questionId: string;
                                /**
                                 * @description ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes
                                 * @enum {string}
                                 */
                                rule: "participants_majority" | "all_majority" | "two_thirds_all";
                                for: {
                                    votes: string;
                                    exact: string;
                                    percentOfParticipants: string;
                                    percentOfAll: string;
                                };
                                against: {
                                    votes: string;
                                    exact: string;
                                    percentOfParticipants: string;
                                    percentOfAll: string;
                                };
                                abstain: {
                                    votes: string;
                                    exact: string;
                                    percentOfParticipants: string;
                                    percentOfAll: string;
                                };
                                adopted: boolean;
                            }[] | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings/{id}/materials/{materialId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a material of a meeting of my house */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    materialId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings/{id}/ballot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote за / против / воздержался on every question, at once and once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description which of your register entries votes; needed only when you vote for several
                         */
                        ownerId?: string;
                        answers: {
                            /** Format: uuid */
                            questionId: string;
                            /**
                             * @description за / против / воздержался
                             * @enum {string}
                             */
                            answer: "for" | "against" | "abstain";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            meetingId: string;
                            /** Format: uuid */
                            ownerId: string;
                            /** @description exact fraction of m² the ballot carries */
                            votes: string;
                            castAt: string;
                            /** @enum {string} */
                            channel: "electronic" | "paper" | "state_system";
                            /** Format: uuid */
                            scanFileId?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings/{id}/powers-of-attorney": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a power of attorney to vote for an owner (fields premiseNumber, ownerLastName, ownerFirstName?; file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            representativePersonId?: string | null;
                            representativeName?: string;
                            /** Format: uuid */
                            fileId: string;
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected";
                            note?: string | null;
                            reviewedAt?: string | null;
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/meetings/{id}/protocol.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The protocol of a closed meeting of my house */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What can be imported from files: each kind with its fields */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kinds: {
                                /** @enum {string} */
                                kind: "accounts" | "meters" | "readings" | "charges";
                                label: string;
                                fields: {
                                    key: string;
                                    label: string;
                                    required: boolean;
                                    hint?: string;
                                }[];
                                /** @description how rows of this kind are read */
                                note: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/templates/{kind}/{format}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sample file of the kind (CSV or XLSX) with the columns the import recognises */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "accounts" | "meters" | "readings" | "charges";
                    format: "csv" | "xlsx";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv or XLSX */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a CSV or XLSX file to import (multipart: file); streamed into storage, never held whole. The same bytes again answer the earlier upload (200) */
        post: {
            parameters: {
                query: {
                    kind: "accounts" | "meters" | "readings" | "charges";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportUpload"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportUpload"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An upload: its columns and the mapping offered (remembered for the organisation and kind) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportUpload"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/uploads/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The file's first rows read through a mapping, each with what the import would do: the same checks, nothing written */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mapping: components["schemas"]["ImportMappingInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                row: number;
                                /** @description the mapped values as read from the file */
                                values: {
                                    [key: string]: string;
                                };
                                /**
                                 * @description what the import would do with the row
                                 * @enum {string}
                                 */
                                status: "imported" | "unchanged" | "rejected";
                                errors: components["schemas"]["ImportRowError"][];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's imports, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    kind?: "accounts" | "meters" | "readings" | "charges";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImportRun"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Start importing an upload with a mapping (remembered); runs in the background. The same upload and mapping again answer the same run (200) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        uploadId: string;
                        mapping: components["schemas"]["ImportMappingInput"];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportRun"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import: status, progress (rows and bytes read), counts and the first row errors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportRun"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/imports/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every data row's result as CSV (row number, result, field, column, error), for a finished import */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What needs the organisation's action, counted: new and overdue requests, appeals, link requests, meter registrations, resident changes, state-system refusals, pending payments (staff only; the counts of what their permissions let them act on) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description What is counted, e.g. `tickets.new`; the console names it */
                                key: string;
                                count: number;
                                /** @description The console's page listing these items, e.g. `/staff/requests?status=new` */
                                link: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/debt-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Debt requests of social-protection bodies: unanswered first, by deadline; with the overdue count */
        get: {
            parameters: {
                query?: {
                    status?: "new" | "queued" | "sent" | "rejected" | "auto_answered";
                    overdue?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DebtRequest"][];
                            /** @description Overdue requests of the organisation (any filter) */
                            overdue: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/debt-requests/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the state system now for new appeals and debt requests (otherwise every 5 minutes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queued: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/debt-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One debt request with the proposed answer and its basis */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DebtRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/debt-requests/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the proposed answer as it is */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DebtRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/debt-requests/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an answer staff changed (debt or none, the debtors, a comment) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DebtAnswerInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DebtRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/court-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's record of court decisions on debt (per account) */
        get: {
            parameters: {
                query?: {
                    accountId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CourtDecision"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Record a court decision (account, case number, date, amount, debtor); the same case again updates it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        accountId: string;
                        /** @description Номер дела */
                        caseNumber: string;
                        /**
                         * Format: date
                         * @description Date of the decision
                         */
                        decidedOn: string;
                        /** @description Debt confirmed by the court, kopecks (more than zero) */
                        amount: string;
                        debtor: {
                            lastName: string;
                            firstName: string;
                            middleName?: string;
                        };
                        /**
                         * Format: date
                         * @description The debt was repaid (the decision no longer counts)
                         */
                        repaidOn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CourtDecision"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/court-decisions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import court decisions by account number (up to 1,000); answered per row */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @description Номер дела */
                            caseNumber: string;
                            /**
                             * Format: date
                             * @description Date of the decision
                             */
                            decidedOn: string;
                            /** @description Debt confirmed by the court, kopecks (more than zero) */
                            amount: string;
                            debtor: {
                                lastName: string;
                                firstName: string;
                                middleName?: string;
                            };
                            /**
                             * Format: date
                             * @description The debt was repaid (the decision no longer counts)
                             */
                            repaidOn?: string;
                            accountNumber: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                index: number;
                                key: string | null;
                                /** @enum {string} */
                                status: "created" | "updated" | "unchanged" | "rejected";
                                /** Format: uuid */
                                id?: string;
                                errors?: {
                                    path: string;
                                    message: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/court-decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a court decision entered by mistake */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/sync/executor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The employee answers to the state system go in the name of */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The employee the state system knows as the organisation's executor: answers to appeals and debt requests go in their name */
                            executorGuid: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the executor (the state system's GUID of the employee who answers) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The employee the state system knows as the organisation's executor: answers to appeals and debt requests go in their name */
                        executorGuid: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The employee the state system knows as the organisation's executor: answers to appeals and debt requests go in their name */
                            executorGuid: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ProblemInput: {
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable error code (the codes by module: the description of the API) */
            code: string;
            detail?: string;
            instance?: string;
            requestId?: string;
            errors?: {
                /** @description e.g. body.readings.0.value */
                path: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        ImportMappingInput: {
            [key: string]: string | null;
        };
        ImportUploadInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "accounts" | "meters" | "readings" | "charges";
            filename: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            sizeBytes: number;
            /** @description the file's column headers (its first row of two or more filled cells) */
            headers: string[];
            /** @description the organisation's remembered mapping for the kind where the file has those columns, else a guess from the headers */
            mapping: components["schemas"]["ImportMappingInput"];
            createdAt: string;
        };
        ImportRowErrorInput: {
            /** @description the row's number in the file (the spreadsheet's row, the CSV's line) */
            row: number;
            /** @description the field at fault; empty for the whole row */
            field: string;
            /** @description the file's column mapped to the field */
            column: string | null;
            code: string;
            /** @description in Russian, for the staff */
            message: string;
            /** @description the importing service's own words, where they say more */
            detail?: string;
        };
        ImportRunInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            uploadId: string;
            /** @enum {string} */
            kind: "accounts" | "meters" | "readings" | "charges";
            filename: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** @description data rows read so far */
            rowsDone: number;
            rowsImported: number;
            rowsUnchanged: number;
            rowsRejected: number;
            bytesDone: number;
            bytesTotal: number;
            /** @description why a failed run stopped (the file, not a row) */
            error: string | null;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            /** @description the first 50 row errors of a finished run */
            firstErrors: components["schemas"]["ImportRowErrorInput"][];
        };
        ReadingWindowInput: {
            /** @description the window is open now in the house time zone */
            open: boolean;
            /** @description a reading sent now is taken (open, or attributed to the next period) */
            accepting: boolean;
            /** @description the period a reading sent now belongs to */
            period: string;
            /** Format: date */
            opensOn: string;
            /** Format: date */
            closesOn: string;
            timezone: string;
            /** @enum {string} */
            outsideWindow: "next_period" | "reject";
        };
        MeterInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            unit: string;
            serialNumber: string;
            tariffs: number;
            digitCapacity: number | null;
            installedOn: string | null;
            sealedOn: string | null;
            verifiedOn: string | null;
            nextVerification: string | null;
            /** @description negative when overdue */
            daysToVerification: number | null;
            verificationOverdue: boolean;
            previousReading: {
                /** Format: uuid */
                id: string;
                /** @description billing period YYYY-MM */
                period: string;
                /** Format: date */
                takenOn: string;
                values: {
                    /** @description numeric(15,3) as a decimal string */
                    t1: string;
                    /** @description numeric(15,3) as a decimal string */
                    t2?: string;
                    /** @description numeric(15,3) as a decimal string */
                    t3?: string;
                };
                source: string;
            } | null;
            /** @description average consumption per month over the last year */
            averageMonthly: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            } | null;
        };
        AcceptedReadingInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            meterId: string;
            /** @description billing period YYYY-MM */
            period: string;
            /** Format: date */
            takenOn: string;
            values: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            };
            consumption: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            } | null;
            /** @description the reading of the same period this one replaced */
            corrects: string | null;
            highConsumptionConfirmed: boolean;
        };
        ImportReadingRowInput: {
            /** Format: uuid */
            meterId?: string;
            accountNumber?: string;
            serialNumber?: string;
            /** @enum {string} */
            resource?: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            /** @description billing period YYYY-MM */
            period: string;
            /** Format: date */
            takenOn?: string;
            /** @description numeric(15,3) as a decimal string */
            t1: string;
            /** @description numeric(15,3) as a decimal string */
            t2?: string;
            /** @description numeric(15,3) as a decimal string */
            t3?: string;
        };
        ImportMeterRowInput: {
            accountNumber: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            serialNumber: string;
            /** @default 1 */
            tariffs: number;
            digitCapacity?: number | null;
            installedOn?: string | null;
            sealedOn?: string | null;
            verifiedOn?: string | null;
            nextVerification?: string | null;
            /** @default false */
            archived: boolean;
        };
        ImportResultInput: {
            received: number;
            accepted: number;
            rejected: number;
            /** @description one entry per refused row and field, the first 1,000; rows not listed were kept unless errorsOmitted says more */
            errors: {
                /** @description 0-based position of the row in the body (line number − 1 for NDJSON) */
                index: number;
                /** @description the row member at fault, e.g. t2; empty for the whole row */
                field: string;
                code: string;
                message: string;
            }[];
            /** @description error entries past the first 1,000, counted but not listed */
            errorsOmitted?: number;
        };
        ExportedReadingInput: {
            /** Format: uuid */
            readingId: string;
            /** Format: uuid */
            meterId: string;
            accountNumber: string;
            serialNumber: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            /** @description billing period YYYY-MM */
            period: string;
            /** Format: date */
            takenOn: string;
            /** @description numeric(15,3) as a decimal string */
            t1: string;
            t2: string | null;
            t3: string | null;
            source: string;
            createdAt: string;
        };
        ReadingSettingsInput: {
            windowStartDay: number;
            windowEndDay: number;
            /** @enum {string} */
            outsideWindow: "next_period" | "reject";
            acceptUnverifiedMeters: boolean;
            /** @description consumption above this many times the monthly average asks the resident to confirm */
            confirmFactor: string;
        };
        MeterRegistrationInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            accountId: string;
            accountNumber: string;
            /** @description The account's house */
            address: string;
            /** @description The account's premise (flat) number */
            premise: string | null;
            /** @enum {string} */
            kind: "register" | "reregister";
            /** @description the meter re-registered, or the one created on approval */
            meterId: string | null;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            serialNumber: string;
            tariffs: number;
            digitCapacity: number | null;
            installedOn: string | null;
            sealedOn: string | null;
            verifiedOn: string | null;
            nextVerification: string | null;
            initialValues: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            } | null;
            comment: string | null;
            /** @enum {string} */
            status: "submitted" | "approved" | "rejected";
            rejectReason: string | null;
            createdAt: string;
            decidedAt: string | null;
            documents: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "sealing_act" | "dismantling_act" | "installation_act" | "passport" | "verification_certificate" | "photo";
                filename: string;
                contentType: string;
                size: number;
            }[];
        };
        HouseMeterSyncInput: {
            /**
             * @description pending, sending or sent: waiting; accepted: gisGuid is set; rejected: refused; dead: the exchange gave up
             * @enum {string}
             */
            status: "pending" | "sending" | "sent" | "accepted" | "rejected" | "dead";
            /** @description the state system's code (INT002000…) or the hub's refusal */
            errorCode: string | null;
            errorText: string | null;
            /** @description what to change before sending again, for a known error code */
            hint: {
                title: string;
                fix: string;
                /**
                 * @description now: the data is fine; after_fix: change it first; never: retrying cannot help
                 * @enum {string}
                 */
                retry: "now" | "after_fix" | "never";
                /** @description The staff console's screen where the change is made */
                fixAt: string | null;
            } | null;
            updatedAt: string;
        };
        HouseMeterInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            houseId: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            serialNumber: string;
            tariffs: number;
            digitCapacity: number | null;
            installedOn: string | null;
            sealedOn: string | null;
            verifiedOn: string | null;
            nextVerification: string | null;
            archived: boolean;
            /** @description the state system's MeteringDeviceVersionGUID once it accepted the meter as a collective device */
            gisGuid: string | null;
            createdAt: string;
            /** @description days from today (the house's time zone) to the next verification; negative when overdue */
            daysToVerification: number | null;
            verificationOverdue: boolean;
            /** @description the latest sending of the meter to the state system (importMeteringDeviceData); null before it is queued */
            stateSystem: components["schemas"]["HouseMeterSyncInput"] | null;
        };
        PayeeContactsInput: {
            /** @description the payee's address */
            address: string | null;
            phone: string | null;
            email: string | null;
            website: string | null;
            /** @description e.g. "пн–чт 9:00–18:00, пт 9:00–16:45" */
            workingHours: string | null;
            /** @description the emergency dispatcher service */
            dispatcherPhone: string | null;
            /** @description e.g. "круглосуточно" */
            dispatcherHours: string | null;
        };
        /** @description the owner's identity document, sent to the state system when there is no SNILS */
        OwnerIdDocumentInput: {
            /** @description NSI 95 code of the document type: "1" is the passport of a citizen of Russia */
            type: string;
            series?: string;
            /** @description stored encrypted */
            number: string;
            /** Format: date */
            issuedOn: string;
        };
        /** @description an owner that is an organisation or an individual entrepreneur: its registration data */
        OwnerOrganisationInput: {
            name: string;
            ogrn: string;
            inn: string;
            kpp?: string;
            /**
             * Format: uuid
             * @description the organisation's version in the state system's register of organisations (orgVersionGUID): the payer sent as PayerInfo/Org
             */
            orgVersionGuid?: string;
        };
        /** @description An owner: a person (name; SNILS or an identity document identify the payer in the state system) or an organisation (registration data). The state system's payer is the owner with the largest share */
        AccountOwnerInputInput: {
            /** @description a person owner; absent for an organisation */
            lastName?: string;
            firstName?: string;
            middleName?: string;
            /** @default 1/1 */
            share: string;
            titleDocument?: string;
            /** @description SNILS of the owner (a person): the state system links the payer by it; stored encrypted */
            snils?: string;
            idDocument?: components["schemas"]["OwnerIdDocumentInput"];
            organisation?: components["schemas"]["OwnerOrganisationInput"];
        };
        AccountInputInput: {
            number: string;
            unifiedNumber?: string;
            serviceId?: string;
            /** Format: uuid */
            houseFiasGuid?: string;
            /** Format: uuid */
            houseId?: string;
            premiseNumber?: string;
            /**
             * @default open
             * @enum {string}
             */
            status: "open" | "closed";
            /**
             * Format: email
             * @description where one-time codes for linking the account are sent
             */
            contactEmail?: string;
            /** @default [] */
            owners: components["schemas"]["AccountOwnerInputInput"][];
        };
        ProfileInput: {
            /** Format: uuid */
            id: string;
            lastName: string | null;
            firstName: string | null;
            middleName: string | null;
            birthDate: string | null;
            /** @description Masked: ***-***-445 95 */
            snils: string | null;
            email: string | null;
            emailVerified: boolean;
            /** @description Masked: all but the last four digits hidden */
            mobile: string | null;
            mobileVerified: boolean;
            isOperator: boolean;
            staff: {
                /** Format: uuid */
                organisationId: string;
                permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
                /** @description The houses their roles are limited to; null: every house */
                houseIds: string[] | null;
            }[];
            /** @description Gosuslugi vouched for the person, or their organisation confirmed them. False after registration by e-mail: voting as an owner and appeals carrying personal data answer 403 `identity_verification_required` */
            identityVerified: boolean;
            identityVerifiedBy: ("esia" | "organisation") | null;
            /**
             * @description How this session signed in
             * @enum {string}
             */
            signInMethod: "esia" | "password" | "passkey";
        };
        SessionInput: {
            /** Format: uuid */
            id: string;
            createdAt: string;
            lastSeenAt: string;
            expiresAt: string;
            userAgent: string | null;
            ip: string | null;
            current: boolean;
        };
        ApiClientInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "api_key" | "oauth_client";
            name: string;
            /** @description The public part of the key, or the OAuth client_id */
            keyPrefix: string;
            permissions: string[];
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        IssuedApiClientInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "api_key" | "oauth_client";
            name: string;
            /** @description The public part of the key, or the OAuth client_id */
            keyPrefix: string;
            permissions: string[];
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description api_key: the key, shown only in this response */
            key?: string;
            /** @description oauth_client: client_id for POST /oauth/token */
            clientId?: string;
            /** @description oauth_client: client_secret, shown only in this response */
            clientSecret?: string;
        };
        AuditEntryInput: {
            id: string;
            at: string;
            /** @enum {string} */
            actorType: "person" | "api_client" | "system";
            actorId: string | null;
            action: string;
            objectType: string | null;
            objectId: string | null;
            organisationId: string | null;
            ip: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @description the person's full name or the API client's name, where known */
            actorName: string | null;
        };
        StaffOrganisationInput: {
            permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
            /** @description The houses their roles are limited to; null: every house */
            houseIds: string[] | null;
            /** Format: uuid */
            id: string;
            name: string;
            roles: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
        };
        LocalRegistrationInput: {
            /** Format: email */
            email: string;
            /** @description Checked for strength (zxcvbn-ts, score ≥ 3); weak: 400 `password_too_weak` at body.password */
            password: string;
            lastName?: string;
            firstName?: string;
            middleName?: string;
            /** @description Registration by account: the account is linked by the surname proof once the e-mail is activated */
            account?: {
                /**
                 * Format: uuid
                 * @description the house picked from GET /api/v1/registry/houses
                 */
                houseId: string;
                accountNumber?: string;
                /** @description ЕЛС */
                unifiedNumber?: string;
                /** @description ИЖКУ */
                serviceId?: string;
                /** @description an owner's surname as recorded on the account */
                surname: string;
            };
        };
        AccountLinkOutcomeInput: {
            /** @enum {string} */
            status: "linked" | "not_linked";
            /** Format: uuid */
            accountId?: string;
            role?: string;
            /** @description not_linked: the problem code of the linking service (account_not_found, link_locked…) */
            code?: string;
        };
        SignedInInput: {
            /** @constant */
            status: "signed_in";
            /** Format: uuid */
            personId: string;
            /** @description send as x-csrf-token with cookie-authenticated writes */
            csrfToken: string;
            accountLink?: components["schemas"]["AccountLinkOutcomeInput"];
        };
        SignInCodeRequiredInput: {
            /** @constant */
            status: "code_required";
            /** Format: uuid */
            challengeId: string;
            expiresAt: string;
            message: string;
        };
        UnverifiedResidentInput: {
            /** Format: uuid */
            personId: string;
            lastName: string | null;
            firstName: string | null;
            middleName: string | null;
            email: string | null;
            /** @description the organisation's accounts the person is linked to */
            accountNumbers: string[];
            registeredAt: string;
        };
        WebauthnOptionsInput: {
            /** Format: uuid */
            challengeId: string;
            /** @description PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON */
            options: {
                [key: string]: unknown;
            };
        };
        PasskeyInput: {
            /** Format: uuid */
            id: string;
            name: string;
            createdAt: string;
            lastUsedAt: string | null;
        };
        StaffRoleInput: {
            /** Format: uuid */
            id: string;
            /** @description admin, dispatcher, accountant, meeting_admin, read_only, or custom-… */
            code: string;
            name: string;
            permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
            /** @description Built-in roles serve every organisation and cannot be changed */
            builtIn: boolean;
            /** @description Staff of this organisation holding the role */
            members: number;
        };
        StaffMemberInput: {
            /** Format: uuid */
            personId: string;
            name: string;
            email: string | null;
            roles: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
            houseIds: string[] | null;
            since: string;
        };
        StaffInvitationInput: {
            /** Format: uuid */
            id: string;
            email: string;
            roles: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
            houseIds: string[] | null;
            createdAt: string;
            expiresAt: string;
            acceptedAt: string | null;
            revokedAt: string | null;
        };
        MyAccountInput: {
            /** Format: uuid */
            accountId: string;
            number: string;
            unifiedNumber: string | null;
            serviceId: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            /** @enum {string} */
            role: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
            linkedAt: string;
            house: {
                /** Format: uuid */
                id: string;
                fullAddress: string;
            };
            premise: {
                /** Format: uuid */
                id: string;
                number: string;
            } | null;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        HouseReferenceInput: {
            totalArea: string | null;
            residentialArea: string | null;
            nonResidentialArea: string | null;
            commonArea: string | null;
        };
        HouseHitInput: {
            /** Format: uuid */
            id: string;
            fiasHouseGuid: string | null;
            fullAddress: string;
            region: string;
            settlement: string | null;
            street: string | null;
            houseNumber: string;
            building: string | null;
            structure: string | null;
            letter: string | null;
            /** @description the managing organisation; null when no organisation serves the house here */
            organisationId: string | null;
            organisationName: string | null;
            /** @description similarity of the address to the query, 0–1 */
            score: number;
        };
        PremiseInputInput: {
            number: string;
            /** @default true */
            isResidential: boolean;
            area: string;
            cadastralNumber?: string;
            /** Format: uuid */
            fiasPremiseGuid?: string;
        };
        HouseInputInput: {
            /** Format: uuid */
            fiasHouseGuid: string;
            gisUniqueNumber?: string;
            address: {
                region: string;
                municipality?: string;
                settlement?: string;
                street?: string;
                houseNumber: string;
                building?: string;
                structure?: string;
                letter?: string;
                postalCode?: string;
            };
            totalArea?: string;
            /** @default Europe/Moscow */
            timezone: string;
            /** @default [] */
            premises: unknown[];
        };
        TicketInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            houseId: string;
            accountId: string | null;
            /** @enum {string} */
            visibility: "own" | "house";
            category: ("plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other") | string;
            emergency: boolean;
            text: string;
            /** @enum {string} */
            status: "new" | "in_progress" | "done" | "rejected";
            /** @description Whether the caller wrote it (residents only) */
            mine: boolean;
            /** @description Shown to the author and to the organisation only */
            contactPhone: string | null;
            assignee: string | null;
            deadline: string | null;
            resolution: string | null;
            closedAt: string | null;
            reopenedCount: number;
            /** @description The author's rating of the work after the last closing (reopening clears it) */
            rating: {
                score: number;
                comment: string | null;
                ratedAt: string;
            } | null;
            createdAt: string;
            updatedAt: string;
        };
        TicketDetailInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            houseId: string;
            accountId: string | null;
            /** @enum {string} */
            visibility: "own" | "house";
            category: ("plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other") | string;
            emergency: boolean;
            text: string;
            /** @enum {string} */
            status: "new" | "in_progress" | "done" | "rejected";
            /** @description Whether the caller wrote it (residents only) */
            mine: boolean;
            /** @description Shown to the author and to the organisation only */
            contactPhone: string | null;
            assignee: string | null;
            deadline: string | null;
            resolution: string | null;
            closedAt: string | null;
            reopenedCount: number;
            /** @description The author's rating of the work after the last closing (reopening clears it) */
            rating: {
                score: number;
                comment: string | null;
                ratedAt: string;
            } | null;
            createdAt: string;
            updatedAt: string;
            files: {
                /** Format: uuid */
                id: string;
                filename: string;
                contentType: string;
                size: number;
            }[];
            events: {
                /** @enum {string} */
                kind: "status" | "comment";
                fromStatus: ("new" | "in_progress" | "done" | "rejected") | null;
                toStatus: ("new" | "in_progress" | "done" | "rejected") | null;
                body: string | null;
                /** @enum {string} */
                authorSide: "resident" | "organisation";
                createdAt: string;
            }[];
        };
        TicketDeadlinesInput: {
            items: {
                /** @enum {string} */
                category: "plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other";
                /** @description An emergency request of the category: hours to do it */
                emergencyHours: number;
                /** @description Any other request of the category: calendar days */
                regularDays: number;
                /** @description false: the hub's default */
                custom: boolean;
            }[];
        };
        AppealSummaryInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @enum {string} */
            type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
            typeTitle: string;
            /** @enum {string} */
            status: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
            /**
             * Format: uuid
             * @description The addressee
             */
            organisationId: string;
            accountId: string | null;
            houseId: string | null;
            /** @description Grows each time the resident resubmits after rework */
            revision: number;
            submittedAt: string;
            updatedAt: string;
            closedAt: string | null;
            /**
             * @description hub: filed in the cabinet; state_system: filed in ГИС ЖКХ or Госуслуги.Дом, answered back there
             * @enum {string}
             */
            source: "hub" | "state_system";
            /** @description The appeal's number in the state system */
            stateSystemNumber: string | null;
            /** @description The answer is due by this date (the organisation's term in working days) */
            dueOn: string | null;
            /** @description When the organisation's answer is due (its days for the type, GET /api/v1/org/appeals/deadlines; a state-system appeal's dueOn); null once not owed */
            dueAt: string | null;
            /** @description The author's name (surname first) for the queue; null for an appeal from the state system */
            applicantName: string | null;
            /** @description The account's number (null for a complaint about a house) */
            accountNumber: string | null;
            /** @description The flat of the appeal's account */
            premiseNumber: string | null;
        };
        AppealDetailInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @enum {string} */
            type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
            typeTitle: string;
            /** @enum {string} */
            status: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
            /**
             * Format: uuid
             * @description The addressee
             */
            organisationId: string;
            accountId: string | null;
            houseId: string | null;
            /** @description Grows each time the resident resubmits after rework */
            revision: number;
            submittedAt: string;
            updatedAt: string;
            closedAt: string | null;
            /**
             * @description hub: filed in the cabinet; state_system: filed in ГИС ЖКХ or Госуслуги.Дом, answered back there
             * @enum {string}
             */
            source: "hub" | "state_system";
            /** @description The appeal's number in the state system */
            stateSystemNumber: string | null;
            /** @description The answer is due by this date (the organisation's term in working days) */
            dueOn: string | null;
            /** @description When the organisation's answer is due (its days for the type, GET /api/v1/org/appeals/deadlines; a state-system appeal's dueOn); null once not owed */
            dueAt: string | null;
            /** @description The author's name (surname first) for the queue; null for an appeal from the state system */
            applicantName: string | null;
            /** @description The account's number (null for a complaint about a house) */
            accountNumber: string | null;
            /** @description The flat of the appeal's account */
            premiseNumber: string | null;
            /** @description The submitted form (AppealForm); personal data, every read is audited */
            form: {
                [key: string]: unknown;
            };
            files: {
                /** Format: uuid */
                id: string;
                filename: string;
                contentType: string;
                size: number;
                kind: string;
                /** @enum {string} */
                authorSide: "resident" | "organisation" | "system";
            }[];
            events: {
                fromStatus: ("submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done") | null;
                toStatus: ("submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done") | null;
                message: string | null;
                /** @enum {string} */
                authorSide: "resident" | "organisation" | "system";
                createdAt: string;
            }[];
            /** @description Answers sent back to the state system (state-system appeals only) */
            stateSystemAnswers: {
                text: string;
                /**
                 * @description queued: on its way; accepted: the state system took it
                 * @enum {string}
                 */
                status: "queued" | "accepted" | "rejected";
                createdAt: string;
                acknowledgedAt: string | null;
            }[];
        };
        AppealDeadlinesInput: {
            deadlines: {
                /** @enum {string} */
                type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
                title: string;
                days: number;
                defaultDays: number;
                /** @description Set by the organisation (false: the default applies) */
                custom: boolean;
            }[];
        };
        AppealFormInput: {
            /** @constant */
            type: "owner_change";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /**
             * Format: date
             * @description Date of the act of transfer
             */
            transferDate: string;
            newOwner: {
                lastName: string;
                firstName: string;
                middleName?: string;
                passport: {
                    series: string;
                    number: string;
                    /** Format: date */
                    issuedOn: string;
                    issuedBy: string;
                    divisionCode: string;
                };
            };
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: act_of_transfer; optional: title_document
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "act_of_transfer" | "title_document";
            }[];
        } | {
            /** @constant */
            type: "debt_certificate";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /**
             * Format: date
             * @description The date the debt is stated on
             */
            asOf: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                kind: unknown;
            }[];
        } | {
            /** @constant */
            type: "overpayment_refund";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            amountKopecks: string;
            recipient: {
                fullName: string;
                inn?: string;
                bik: string;
                settlementAccount: string;
                bankName?: string;
            };
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: identity_document; optional: bank_details
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "identity_document" | "bank_details";
            }[];
        } | {
            /** @constant */
            type: "service_quality";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /** @enum {string} */
            service: "maintenance" | "security" | "concierge" | "waste_collection";
            /** Format: date */
            periodFrom: string;
            /** Format: date */
            periodTo: string;
            description: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: evidence
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "evidence";
            }[];
        } | {
            /** @constant */
            type: "meter_event";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /** @enum {string} */
            event: "verification" | "sealing" | "dismantling";
            /** Format: date */
            eventDate: string;
            meterSerialNumber: string;
            /** Format: uuid */
            meterId?: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: meter_act; optional: verification_certificate, meter_photo
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "meter_act" | "verification_certificate" | "meter_photo";
            }[];
        } | {
            /** @constant */
            type: "advance_discount";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            months: number;
            /** @description Fixed charges the advance payment covers */
            items: ("maintenance" | "security" | "concierge" | "intercom" | "waste_collection")[];
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                kind: unknown;
            }[];
        } | {
            /** @constant */
            type: "payment_transfer";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            toAccountNumber: string;
            /** Format: date */
            paymentDate: string;
            amountKopecks: string;
            reason: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: payment_receipt; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "payment_receipt";
            }[];
        } | {
            /** @constant */
            type: "benefits";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /** @enum {string} */
            category: "labour_veteran" | "war_veteran" | "disabled" | "large_family" | "chernobyl" | "pensioner" | "other";
            categoryOther?: string;
            snils: string;
            documentTitle: string;
            documentNumber: string;
            /** Format: date */
            validFrom: string;
            /** Format: date */
            validTo?: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: benefit_document; optional: identity_document
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "benefit_document" | "identity_document";
            }[];
        } | {
            /** @constant */
            type: "actual_readings";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            period: string;
            readings: {
                meterSerialNumber: string;
                value: string;
            }[];
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: meter_photo; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "meter_photo";
            }[];
        } | {
            /** @constant */
            type: "complaint";
            /** Format: uuid */
            houseId: string;
            /**
             * Format: uuid
             * @description Addressee; the house’s managing organisation when left out
             */
            organisationId?: string;
            /** @enum {string} */
            topic: "maintenance" | "cleaning" | "repairs" | "utilities_quality" | "billing" | "staff" | "noise" | "other";
            topicOther?: string;
            text: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: evidence
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "evidence";
            }[];
        };
        NewsInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /**
             * @description emergency: outages and accidents
             * @enum {string}
             */
            kind: "common" | "emergency";
            title: string;
            body: string;
            publishAt: string;
            expiresAt: string | null;
            /** @description Residents: whether I have read it */
            read?: boolean;
            /** @description Organisations: the houses it is for */
            houseIds?: string[];
            /** @description Organisations: how many residents have read it */
            readCount?: number;
            /**
             * @description Organisations: scheduled, live, ended or withdrawn
             * @enum {string}
             */
            state?: "scheduled" | "live" | "ended" | "withdrawn";
            /** @description Organisations: e-mailed to the houses' residents at the publish time */
            notify?: boolean;
            /** @description Organisations: when it was withdrawn */
            withdrawnAt?: string | null;
        };
        DebtAnswerInput: {
            /** @description Court-confirmed debt for housing and utilities in the period */
            hasDebt: boolean;
            /**
             * @description With hasDebt: the people the court decisions name
             * @default []
             */
            debtors: {
                lastName: string;
                firstName: string;
                middleName?: string;
            }[];
            description?: string;
        };
        DebtProposalInput: {
            /** @description Court-confirmed debt for housing and utilities in the period */
            hasDebt: boolean;
            /**
             * @description With hasDebt: the people the court decisions name
             * @default []
             */
            debtors: {
                lastName: string;
                firstName: string;
                middleName?: string;
            }[];
            description?: string;
            /** @description The court decisions and ledger balances the proposal rests on */
            basis: {
                /** Format: uuid */
                accountId: string;
                accountNumber: string;
                caseNumber: string;
                /** Format: date */
                decidedOn: string;
                /** @description Confirmed by the court, kopecks */
                amount: string;
                /** @description The account's debt in the ledger now, kopecks (negative: advance) */
                ledgerDebt: string;
            }[];
        };
        DebtRequestInput: {
            /** Format: uuid */
            id: string;
            requestNumber: string;
            /** @description The social-protection body asking */
            requester: string;
            address: string;
            houseId: string | null;
            premiseId: string | null;
            /** Format: date */
            periodFrom: string;
            /** Format: date */
            periodTo: string;
            /** Format: date */
            sentOn: string;
            /**
             * Format: date
             * @description 5 working days after sending, on the production calendar
             */
            dueOn: string;
            stateSystemDueOn: string | null;
            /**
             * @description new: awaiting staff; queued: confirmed, on its way; sent: the state system took it; rejected: refused, confirm again; auto_answered: the state system answered "no debt" after the deadline
             * @enum {string}
             */
            status: "new" | "queued" | "sent" | "rejected" | "auto_answered";
            /** @description Past its deadline without an answer, answered late, or answered by the state system */
            overdue: boolean;
            proposal: components["schemas"]["DebtProposalInput"];
            answer: components["schemas"]["DebtAnswerInput"] | null;
            answeredAt: string | null;
            error: string | null;
        };
        CourtDecisionInput: {
            /** Format: uuid */
            accountId: string;
            /** @description Номер дела */
            caseNumber: string;
            /**
             * Format: date
             * @description Date of the decision
             */
            decidedOn: string;
            /** @description Debt confirmed by the court, kopecks (more than zero) */
            amount: string;
            debtor: {
                lastName: string;
                firstName: string;
                middleName?: string;
            };
            repaidOn: string | null;
            /** Format: uuid */
            id: string;
            accountNumber: string;
            createdAt: string;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable error code (the codes by module: the description of the API) */
            code: string;
            detail?: string;
            instance?: string;
            requestId?: string;
            errors?: {
                /** @description e.g. body.readings.0.value */
                path: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        ImportMapping: {
            [key: string]: string | null;
        };
        ImportUpload: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "accounts" | "meters" | "readings" | "charges";
            filename: string;
            /** @enum {string} */
            format: "csv" | "xlsx";
            sizeBytes: number;
            /** @description the file's column headers (its first row of two or more filled cells) */
            headers: string[];
            /** @description the organisation's remembered mapping for the kind where the file has those columns, else a guess from the headers */
            mapping: components["schemas"]["ImportMapping"];
            createdAt: string;
        };
        ImportRowError: {
            /** @description the row's number in the file (the spreadsheet's row, the CSV's line) */
            row: number;
            /** @description the field at fault; empty for the whole row */
            field: string;
            /** @description the file's column mapped to the field */
            column: string | null;
            code: string;
            /** @description in Russian, for the staff */
            message: string;
            /** @description the importing service's own words, where they say more */
            detail?: string;
        };
        ImportRun: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            uploadId: string;
            /** @enum {string} */
            kind: "accounts" | "meters" | "readings" | "charges";
            filename: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** @description data rows read so far */
            rowsDone: number;
            rowsImported: number;
            rowsUnchanged: number;
            rowsRejected: number;
            bytesDone: number;
            bytesTotal: number;
            /** @description why a failed run stopped (the file, not a row) */
            error: string | null;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
            /** @description the first 50 row errors of a finished run */
            firstErrors: components["schemas"]["ImportRowError"][];
        };
        ReadingWindow: {
            /** @description the window is open now in the house time zone */
            open: boolean;
            /** @description a reading sent now is taken (open, or attributed to the next period) */
            accepting: boolean;
            /** @description the period a reading sent now belongs to */
            period: string;
            /** Format: date */
            opensOn: string;
            /** Format: date */
            closesOn: string;
            timezone: string;
            /** @enum {string} */
            outsideWindow: "next_period" | "reject";
        };
        Meter: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            unit: string;
            serialNumber: string;
            tariffs: number;
            digitCapacity: number | null;
            installedOn: string | null;
            sealedOn: string | null;
            verifiedOn: string | null;
            nextVerification: string | null;
            /** @description negative when overdue */
            daysToVerification: number | null;
            verificationOverdue: boolean;
            previousReading: {
                /** Format: uuid */
                id: string;
                /** @description billing period YYYY-MM */
                period: string;
                /** Format: date */
                takenOn: string;
                values: {
                    /** @description numeric(15,3) as a decimal string */
                    t1: string;
                    /** @description numeric(15,3) as a decimal string */
                    t2?: string;
                    /** @description numeric(15,3) as a decimal string */
                    t3?: string;
                };
                source: string;
            } | null;
            /** @description average consumption per month over the last year */
            averageMonthly: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            } | null;
        };
        AcceptedReading: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            meterId: string;
            /** @description billing period YYYY-MM */
            period: string;
            /** Format: date */
            takenOn: string;
            values: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            };
            consumption: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            } | null;
            /** @description the reading of the same period this one replaced */
            corrects: string | null;
            highConsumptionConfirmed: boolean;
        };
        ImportReadingRow: {
            /** Format: uuid */
            meterId?: string;
            accountNumber?: string;
            serialNumber?: string;
            /** @enum {string} */
            resource?: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            /** @description billing period YYYY-MM */
            period: string;
            /** Format: date */
            takenOn?: string;
            /** @description numeric(15,3) as a decimal string */
            t1: string;
            /** @description numeric(15,3) as a decimal string */
            t2?: string;
            /** @description numeric(15,3) as a decimal string */
            t3?: string;
        };
        ImportMeterRow: {
            accountNumber: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            serialNumber: string;
            /** @default 1 */
            tariffs: number;
            digitCapacity?: number | null;
            installedOn?: string | null;
            sealedOn?: string | null;
            verifiedOn?: string | null;
            nextVerification?: string | null;
            /** @default false */
            archived: boolean;
        };
        ImportResult: {
            received: number;
            accepted: number;
            rejected: number;
            /** @description one entry per refused row and field, the first 1,000; rows not listed were kept unless errorsOmitted says more */
            errors: {
                /** @description 0-based position of the row in the body (line number − 1 for NDJSON) */
                index: number;
                /** @description the row member at fault, e.g. t2; empty for the whole row */
                field: string;
                code: string;
                message: string;
            }[];
            /** @description error entries past the first 1,000, counted but not listed */
            errorsOmitted?: number;
        };
        ExportedReading: {
            /** Format: uuid */
            readingId: string;
            /** Format: uuid */
            meterId: string;
            accountNumber: string;
            serialNumber: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            /** @description billing period YYYY-MM */
            period: string;
            /** Format: date */
            takenOn: string;
            /** @description numeric(15,3) as a decimal string */
            t1: string;
            t2: string | null;
            t3: string | null;
            source: string;
            createdAt: string;
        };
        ReadingSettings: {
            windowStartDay: number;
            windowEndDay: number;
            /** @enum {string} */
            outsideWindow: "next_period" | "reject";
            acceptUnverifiedMeters: boolean;
            /** @description consumption above this many times the monthly average asks the resident to confirm */
            confirmFactor: string;
        };
        MeterRegistration: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            accountId: string;
            accountNumber: string;
            /** @description The account's house */
            address: string;
            /** @description The account's premise (flat) number */
            premise: string | null;
            /** @enum {string} */
            kind: "register" | "reregister";
            /** @description the meter re-registered, or the one created on approval */
            meterId: string | null;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            serialNumber: string;
            tariffs: number;
            digitCapacity: number | null;
            installedOn: string | null;
            sealedOn: string | null;
            verifiedOn: string | null;
            nextVerification: string | null;
            initialValues: {
                /** @description numeric(15,3) as a decimal string */
                t1: string;
                /** @description numeric(15,3) as a decimal string */
                t2?: string;
                /** @description numeric(15,3) as a decimal string */
                t3?: string;
            } | null;
            comment: string | null;
            /** @enum {string} */
            status: "submitted" | "approved" | "rejected";
            rejectReason: string | null;
            createdAt: string;
            decidedAt: string | null;
            documents: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "sealing_act" | "dismantling_act" | "installation_act" | "passport" | "verification_certificate" | "photo";
                filename: string;
                contentType: string;
                size: number;
            }[];
        };
        HouseMeterSync: {
            /**
             * @description pending, sending or sent: waiting; accepted: gisGuid is set; rejected: refused; dead: the exchange gave up
             * @enum {string}
             */
            status: "pending" | "sending" | "sent" | "accepted" | "rejected" | "dead";
            /** @description the state system's code (INT002000…) or the hub's refusal */
            errorCode: string | null;
            errorText: string | null;
            /** @description what to change before sending again, for a known error code */
            hint: {
                title: string;
                fix: string;
                /**
                 * @description now: the data is fine; after_fix: change it first; never: retrying cannot help
                 * @enum {string}
                 */
                retry: "now" | "after_fix" | "never";
                /** @description The staff console's screen where the change is made */
                fixAt: string | null;
            } | null;
            updatedAt: string;
        };
        HouseMeter: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            houseId: string;
            /** @enum {string} */
            resource: "cold_water" | "hot_water" | "electricity" | "heat" | "gas";
            serialNumber: string;
            tariffs: number;
            digitCapacity: number | null;
            installedOn: string | null;
            sealedOn: string | null;
            verifiedOn: string | null;
            nextVerification: string | null;
            archived: boolean;
            /** @description the state system's MeteringDeviceVersionGUID once it accepted the meter as a collective device */
            gisGuid: string | null;
            createdAt: string;
            /** @description days from today (the house's time zone) to the next verification; negative when overdue */
            daysToVerification: number | null;
            verificationOverdue: boolean;
            /** @description the latest sending of the meter to the state system (importMeteringDeviceData); null before it is queued */
            stateSystem: components["schemas"]["HouseMeterSync"] | null;
        };
        PayeeContacts: {
            /** @description the payee's address */
            address: string | null;
            phone: string | null;
            email: string | null;
            website: string | null;
            /** @description e.g. "пн–чт 9:00–18:00, пт 9:00–16:45" */
            workingHours: string | null;
            /** @description the emergency dispatcher service */
            dispatcherPhone: string | null;
            /** @description e.g. "круглосуточно" */
            dispatcherHours: string | null;
        };
        /** @description the owner's identity document, sent to the state system when there is no SNILS */
        OwnerIdDocument: {
            /** @description NSI 95 code of the document type: "1" is the passport of a citizen of Russia */
            type: string;
            series?: string;
            /** @description stored encrypted */
            number: string;
            /** Format: date */
            issuedOn: string;
        };
        /** @description an owner that is an organisation or an individual entrepreneur: its registration data */
        OwnerOrganisation: {
            name: string;
            ogrn: string;
            inn: string;
            kpp?: string;
            /**
             * Format: uuid
             * @description the organisation's version in the state system's register of organisations (orgVersionGUID): the payer sent as PayerInfo/Org
             */
            orgVersionGuid?: string;
        };
        /** @description An owner: a person (name; SNILS or an identity document identify the payer in the state system) or an organisation (registration data). The state system's payer is the owner with the largest share */
        AccountOwnerInput: {
            /** @description a person owner; absent for an organisation */
            lastName?: string;
            firstName?: string;
            middleName?: string;
            /** @default 1/1 */
            share: string;
            titleDocument?: string;
            /** @description SNILS of the owner (a person): the state system links the payer by it; stored encrypted */
            snils?: string;
            idDocument?: components["schemas"]["OwnerIdDocument"];
            organisation?: components["schemas"]["OwnerOrganisation"];
        };
        AccountInput: {
            number: string;
            unifiedNumber?: string;
            serviceId?: string;
            /** Format: uuid */
            houseFiasGuid?: string;
            /** Format: uuid */
            houseId?: string;
            premiseNumber?: string;
            /**
             * @default open
             * @enum {string}
             */
            status: "open" | "closed";
            /**
             * Format: email
             * @description where one-time codes for linking the account are sent
             */
            contactEmail?: string;
            /** @default [] */
            owners: components["schemas"]["AccountOwnerInput"][];
        };
        Profile: {
            /** Format: uuid */
            id: string;
            lastName: string | null;
            firstName: string | null;
            middleName: string | null;
            birthDate: string | null;
            /** @description Masked: ***-***-445 95 */
            snils: string | null;
            email: string | null;
            emailVerified: boolean;
            /** @description Masked: all but the last four digits hidden */
            mobile: string | null;
            mobileVerified: boolean;
            isOperator: boolean;
            staff: {
                /** Format: uuid */
                organisationId: string;
                permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
                /** @description The houses their roles are limited to; null: every house */
                houseIds: string[] | null;
            }[];
            /** @description Gosuslugi vouched for the person, or their organisation confirmed them. False after registration by e-mail: voting as an owner and appeals carrying personal data answer 403 `identity_verification_required` */
            identityVerified: boolean;
            identityVerifiedBy: ("esia" | "organisation") | null;
            /**
             * @description How this session signed in
             * @enum {string}
             */
            signInMethod: "esia" | "password" | "passkey";
        };
        Session: {
            /** Format: uuid */
            id: string;
            createdAt: string;
            lastSeenAt: string;
            expiresAt: string;
            userAgent: string | null;
            ip: string | null;
            current: boolean;
        };
        ApiClient: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "api_key" | "oauth_client";
            name: string;
            /** @description The public part of the key, or the OAuth client_id */
            keyPrefix: string;
            permissions: string[];
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        IssuedApiClient: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "api_key" | "oauth_client";
            name: string;
            /** @description The public part of the key, or the OAuth client_id */
            keyPrefix: string;
            permissions: string[];
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /** @description api_key: the key, shown only in this response */
            key?: string;
            /** @description oauth_client: client_id for POST /oauth/token */
            clientId?: string;
            /** @description oauth_client: client_secret, shown only in this response */
            clientSecret?: string;
        };
        AuditEntry: {
            id: string;
            at: string;
            /** @enum {string} */
            actorType: "person" | "api_client" | "system";
            actorId: string | null;
            action: string;
            objectType: string | null;
            objectId: string | null;
            organisationId: string | null;
            ip: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @description the person's full name or the API client's name, where known */
            actorName: string | null;
        };
        StaffOrganisation: {
            permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
            /** @description The houses their roles are limited to; null: every house */
            houseIds: string[] | null;
            /** Format: uuid */
            id: string;
            name: string;
            roles: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
        };
        LocalRegistration: {
            /** Format: email */
            email: string;
            /** @description Checked for strength (zxcvbn-ts, score ≥ 3); weak: 400 `password_too_weak` at body.password */
            password: string;
            lastName?: string;
            firstName?: string;
            middleName?: string;
            /** @description Registration by account: the account is linked by the surname proof once the e-mail is activated */
            account?: {
                /**
                 * Format: uuid
                 * @description the house picked from GET /api/v1/registry/houses
                 */
                houseId: string;
                accountNumber?: string;
                /** @description ЕЛС */
                unifiedNumber?: string;
                /** @description ИЖКУ */
                serviceId?: string;
                /** @description an owner's surname as recorded on the account */
                surname: string;
            };
        };
        AccountLinkOutcome: {
            /** @enum {string} */
            status: "linked" | "not_linked";
            /** Format: uuid */
            accountId?: string;
            role?: string;
            /** @description not_linked: the problem code of the linking service (account_not_found, link_locked…) */
            code?: string;
        };
        SignedIn: {
            /** @constant */
            status: "signed_in";
            /** Format: uuid */
            personId: string;
            /** @description send as x-csrf-token with cookie-authenticated writes */
            csrfToken: string;
            accountLink?: components["schemas"]["AccountLinkOutcome"];
        };
        SignInCodeRequired: {
            /** @constant */
            status: "code_required";
            /** Format: uuid */
            challengeId: string;
            expiresAt: string;
            message: string;
        };
        UnverifiedResident: {
            /** Format: uuid */
            personId: string;
            lastName: string | null;
            firstName: string | null;
            middleName: string | null;
            email: string | null;
            /** @description the organisation's accounts the person is linked to */
            accountNumbers: string[];
            registeredAt: string;
        };
        WebauthnOptions: {
            /** Format: uuid */
            challengeId: string;
            /** @description PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON */
            options: {
                [key: string]: unknown;
            };
        };
        Passkey: {
            /** Format: uuid */
            id: string;
            name: string;
            createdAt: string;
            lastUsedAt: string | null;
        };
        StaffRole: {
            /** Format: uuid */
            id: string;
            /** @description admin, dispatcher, accountant, meeting_admin, read_only, or custom-… */
            code: string;
            name: string;
            permissions: ("console.view" | "tickets.manage" | "appeals.answer" | "accounts.approve" | "accounts.import" | "charges.import" | "payments.refund" | "news.publish" | "meetings.run" | "sync.manage" | "debts.answer" | "houses.manage" | "settings.manage" | "staff.manage" | "api-keys.manage" | "audit.view")[];
            /** @description Built-in roles serve every organisation and cannot be changed */
            builtIn: boolean;
            /** @description Staff of this organisation holding the role */
            members: number;
        };
        StaffMember: {
            /** Format: uuid */
            personId: string;
            name: string;
            email: string | null;
            roles: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
            houseIds: string[] | null;
            since: string;
        };
        StaffInvitation: {
            /** Format: uuid */
            id: string;
            email: string;
            roles: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
            houseIds: string[] | null;
            createdAt: string;
            expiresAt: string;
            acceptedAt: string | null;
            revokedAt: string | null;
        };
        MyAccount: {
            /** Format: uuid */
            accountId: string;
            number: string;
            unifiedNumber: string | null;
            serviceId: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            /** @enum {string} */
            role: "owner" | "co_owner" | "tenant" | "delegate" | "limited";
            linkedAt: string;
            house: {
                /** Format: uuid */
                id: string;
                fullAddress: string;
            };
            premise: {
                /** Format: uuid */
                id: string;
                number: string;
            } | null;
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
            };
        };
        HouseReference: {
            totalArea: string | null;
            residentialArea: string | null;
            nonResidentialArea: string | null;
            commonArea: string | null;
        };
        HouseHit: {
            /** Format: uuid */
            id: string;
            fiasHouseGuid: string | null;
            fullAddress: string;
            region: string;
            settlement: string | null;
            street: string | null;
            houseNumber: string;
            building: string | null;
            structure: string | null;
            letter: string | null;
            /** @description the managing organisation; null when no organisation serves the house here */
            organisationId: string | null;
            organisationName: string | null;
            /** @description similarity of the address to the query, 0–1 */
            score: number;
        };
        PremiseInput: {
            number: string;
            /** @default true */
            isResidential: boolean;
            area: string;
            cadastralNumber?: string;
            /** Format: uuid */
            fiasPremiseGuid?: string;
        };
        HouseInput: {
            /** Format: uuid */
            fiasHouseGuid: string;
            gisUniqueNumber?: string;
            address: {
                region: string;
                municipality?: string;
                settlement?: string;
                street?: string;
                houseNumber: string;
                building?: string;
                structure?: string;
                letter?: string;
                postalCode?: string;
            };
            totalArea?: string;
            /** @default Europe/Moscow */
            timezone: string;
            /** @default [] */
            premises: unknown[];
        };
        Ticket: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            houseId: string;
            accountId: string | null;
            /** @enum {string} */
            visibility: "own" | "house";
            category: ("plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other") | string;
            emergency: boolean;
            text: string;
            /** @enum {string} */
            status: "new" | "in_progress" | "done" | "rejected";
            /** @description Whether the caller wrote it (residents only) */
            mine: boolean;
            /** @description Shown to the author and to the organisation only */
            contactPhone: string | null;
            assignee: string | null;
            deadline: string | null;
            resolution: string | null;
            closedAt: string | null;
            reopenedCount: number;
            /** @description The author's rating of the work after the last closing (reopening clears it) */
            rating: {
                score: number;
                comment: string | null;
                ratedAt: string;
            } | null;
            createdAt: string;
            updatedAt: string;
        };
        TicketDetail: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            houseId: string;
            accountId: string | null;
            /** @enum {string} */
            visibility: "own" | "house";
            category: ("plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other") | string;
            emergency: boolean;
            text: string;
            /** @enum {string} */
            status: "new" | "in_progress" | "done" | "rejected";
            /** @description Whether the caller wrote it (residents only) */
            mine: boolean;
            /** @description Shown to the author and to the organisation only */
            contactPhone: string | null;
            assignee: string | null;
            deadline: string | null;
            resolution: string | null;
            closedAt: string | null;
            reopenedCount: number;
            /** @description The author's rating of the work after the last closing (reopening clears it) */
            rating: {
                score: number;
                comment: string | null;
                ratedAt: string;
            } | null;
            createdAt: string;
            updatedAt: string;
            files: {
                /** Format: uuid */
                id: string;
                filename: string;
                contentType: string;
                size: number;
            }[];
            events: {
                /** @enum {string} */
                kind: "status" | "comment";
                fromStatus: ("new" | "in_progress" | "done" | "rejected") | null;
                toStatus: ("new" | "in_progress" | "done" | "rejected") | null;
                body: string | null;
                /** @enum {string} */
                authorSide: "resident" | "organisation";
                createdAt: string;
            }[];
        };
        TicketDeadlines: {
            items: {
                /** @enum {string} */
                category: "plumbing" | "sewerage" | "heating" | "electricity" | "gas" | "elevator" | "intercom" | "roof" | "facade" | "cleaning" | "waste" | "yard" | "pests" | "other";
                /** @description An emergency request of the category: hours to do it */
                emergencyHours: number;
                /** @description Any other request of the category: calendar days */
                regularDays: number;
                /** @description false: the hub's default */
                custom: boolean;
            }[];
        };
        AppealSummary: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @enum {string} */
            type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
            typeTitle: string;
            /** @enum {string} */
            status: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
            /**
             * Format: uuid
             * @description The addressee
             */
            organisationId: string;
            accountId: string | null;
            houseId: string | null;
            /** @description Grows each time the resident resubmits after rework */
            revision: number;
            submittedAt: string;
            updatedAt: string;
            closedAt: string | null;
            /**
             * @description hub: filed in the cabinet; state_system: filed in ГИС ЖКХ or Госуслуги.Дом, answered back there
             * @enum {string}
             */
            source: "hub" | "state_system";
            /** @description The appeal's number in the state system */
            stateSystemNumber: string | null;
            /** @description The answer is due by this date (the organisation's term in working days) */
            dueOn: string | null;
            /** @description When the organisation's answer is due (its days for the type, GET /api/v1/org/appeals/deadlines; a state-system appeal's dueOn); null once not owed */
            dueAt: string | null;
            /** @description The author's name (surname first) for the queue; null for an appeal from the state system */
            applicantName: string | null;
            /** @description The account's number (null for a complaint about a house) */
            accountNumber: string | null;
            /** @description The flat of the appeal's account */
            premiseNumber: string | null;
        };
        AppealDetail: {
            /** Format: uuid */
            id: string;
            number: string;
            /** @enum {string} */
            type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
            typeTitle: string;
            /** @enum {string} */
            status: "submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done";
            /**
             * Format: uuid
             * @description The addressee
             */
            organisationId: string;
            accountId: string | null;
            houseId: string | null;
            /** @description Grows each time the resident resubmits after rework */
            revision: number;
            submittedAt: string;
            updatedAt: string;
            closedAt: string | null;
            /**
             * @description hub: filed in the cabinet; state_system: filed in ГИС ЖКХ or Госуслуги.Дом, answered back there
             * @enum {string}
             */
            source: "hub" | "state_system";
            /** @description The appeal's number in the state system */
            stateSystemNumber: string | null;
            /** @description The answer is due by this date (the organisation's term in working days) */
            dueOn: string | null;
            /** @description When the organisation's answer is due (its days for the type, GET /api/v1/org/appeals/deadlines; a state-system appeal's dueOn); null once not owed */
            dueAt: string | null;
            /** @description The author's name (surname first) for the queue; null for an appeal from the state system */
            applicantName: string | null;
            /** @description The account's number (null for a complaint about a house) */
            accountNumber: string | null;
            /** @description The flat of the appeal's account */
            premiseNumber: string | null;
            /** @description The submitted form (AppealForm); personal data, every read is audited */
            form: {
                [key: string]: unknown;
            };
            files: {
                /** Format: uuid */
                id: string;
                filename: string;
                contentType: string;
                size: number;
                kind: string;
                /** @enum {string} */
                authorSide: "resident" | "organisation" | "system";
            }[];
            events: {
                fromStatus: ("submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done") | null;
                toStatus: ("submitted" | "in_review" | "returned" | "accepted" | "rejected" | "done") | null;
                message: string | null;
                /** @enum {string} */
                authorSide: "resident" | "organisation" | "system";
                createdAt: string;
            }[];
            /** @description Answers sent back to the state system (state-system appeals only) */
            stateSystemAnswers: {
                text: string;
                /**
                 * @description queued: on its way; accepted: the state system took it
                 * @enum {string}
                 */
                status: "queued" | "accepted" | "rejected";
                createdAt: string;
                acknowledgedAt: string | null;
            }[];
        };
        AppealDeadlines: {
            deadlines: {
                /** @enum {string} */
                type: "owner_change" | "debt_certificate" | "overpayment_refund" | "service_quality" | "meter_event" | "advance_discount" | "payment_transfer" | "benefits" | "actual_readings" | "complaint";
                title: string;
                days: number;
                defaultDays: number;
                /** @description Set by the organisation (false: the default applies) */
                custom: boolean;
            }[];
        };
        AppealForm: {
            /** @constant */
            type: "owner_change";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /**
             * Format: date
             * @description Date of the act of transfer
             */
            transferDate: string;
            newOwner: {
                lastName: string;
                firstName: string;
                middleName?: string;
                passport: {
                    series: string;
                    number: string;
                    /** Format: date */
                    issuedOn: string;
                    issuedBy: string;
                    divisionCode: string;
                };
            };
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: act_of_transfer; optional: title_document
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "act_of_transfer" | "title_document";
            }[];
        } | {
            /** @constant */
            type: "debt_certificate";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /**
             * Format: date
             * @description The date the debt is stated on
             */
            asOf: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                kind: unknown;
            }[];
        } | {
            /** @constant */
            type: "overpayment_refund";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            amountKopecks: string;
            recipient: {
                fullName: string;
                inn?: string;
                bik: string;
                settlementAccount: string;
                bankName?: string;
            };
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: identity_document; optional: bank_details
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "identity_document" | "bank_details";
            }[];
        } | {
            /** @constant */
            type: "service_quality";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /** @enum {string} */
            service: "maintenance" | "security" | "concierge" | "waste_collection";
            /** Format: date */
            periodFrom: string;
            /** Format: date */
            periodTo: string;
            description: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: evidence
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "evidence";
            }[];
        } | {
            /** @constant */
            type: "meter_event";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /** @enum {string} */
            event: "verification" | "sealing" | "dismantling";
            /** Format: date */
            eventDate: string;
            meterSerialNumber: string;
            /** Format: uuid */
            meterId?: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: meter_act; optional: verification_certificate, meter_photo
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "meter_act" | "verification_certificate" | "meter_photo";
            }[];
        } | {
            /** @constant */
            type: "advance_discount";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            months: number;
            /** @description Fixed charges the advance payment covers */
            items: ("maintenance" | "security" | "concierge" | "intercom" | "waste_collection")[];
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                kind: unknown;
            }[];
        } | {
            /** @constant */
            type: "payment_transfer";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            toAccountNumber: string;
            /** Format: date */
            paymentDate: string;
            amountKopecks: string;
            reason: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: payment_receipt; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "payment_receipt";
            }[];
        } | {
            /** @constant */
            type: "benefits";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /** @enum {string} */
            category: "labour_veteran" | "war_veteran" | "disabled" | "large_family" | "chernobyl" | "pensioner" | "other";
            categoryOther?: string;
            snils: string;
            documentTitle: string;
            documentNumber: string;
            /** Format: date */
            validFrom: string;
            /** Format: date */
            validTo?: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: benefit_document; optional: identity_document
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "benefit_document" | "identity_document";
            }[];
        } | {
            /** @constant */
            type: "actual_readings";
            /** Format: uuid */
            accountId: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            period: string;
            readings: {
                meterSerialNumber: string;
                value: string;
            }[];
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: meter_photo; optional: none
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "meter_photo";
            }[];
        } | {
            /** @constant */
            type: "complaint";
            /** Format: uuid */
            houseId: string;
            /**
             * Format: uuid
             * @description Addressee; the house’s managing organisation when left out
             */
            organisationId?: string;
            /** @enum {string} */
            topic: "maintenance" | "cleaning" | "repairs" | "utilities_quality" | "billing" | "staff" | "noise" | "other";
            topicOther?: string;
            text: string;
            /** @constant */
            personalDataConsent: true;
            comment?: string;
            /**
             * @description Files uploaded through POST /api/v1/me/appeals/files. Required kinds: none; optional: evidence
             * @default []
             */
            attachments: {
                /** Format: uuid */
                fileId: string;
                /** @enum {string} */
                kind: "evidence";
            }[];
        };
        News: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organisationId: string;
            /**
             * @description emergency: outages and accidents
             * @enum {string}
             */
            kind: "common" | "emergency";
            title: string;
            body: string;
            publishAt: string;
            expiresAt: string | null;
            /** @description Residents: whether I have read it */
            read?: boolean;
            /** @description Organisations: the houses it is for */
            houseIds?: string[];
            /** @description Organisations: how many residents have read it */
            readCount?: number;
            /**
             * @description Organisations: scheduled, live, ended or withdrawn
             * @enum {string}
             */
            state?: "scheduled" | "live" | "ended" | "withdrawn";
            /** @description Organisations: e-mailed to the houses' residents at the publish time */
            notify?: boolean;
            /** @description Organisations: when it was withdrawn */
            withdrawnAt?: string | null;
        };
        DebtAnswer: {
            /** @description Court-confirmed debt for housing and utilities in the period */
            hasDebt: boolean;
            /**
             * @description With hasDebt: the people the court decisions name
             * @default []
             */
            debtors: {
                lastName: string;
                firstName: string;
                middleName?: string;
            }[];
            description?: string;
        };
        DebtProposal: {
            /** @description Court-confirmed debt for housing and utilities in the period */
            hasDebt: boolean;
            /**
             * @description With hasDebt: the people the court decisions name
             * @default []
             */
            debtors: {
                lastName: string;
                firstName: string;
                middleName?: string;
            }[];
            description?: string;
            /** @description The court decisions and ledger balances the proposal rests on */
            basis: {
                /** Format: uuid */
                accountId: string;
                accountNumber: string;
                caseNumber: string;
                /** Format: date */
                decidedOn: string;
                /** @description Confirmed by the court, kopecks */
                amount: string;
                /** @description The account's debt in the ledger now, kopecks (negative: advance) */
                ledgerDebt: string;
            }[];
        };
        DebtRequest: {
            /** Format: uuid */
            id: string;
            requestNumber: string;
            /** @description The social-protection body asking */
            requester: string;
            address: string;
            houseId: string | null;
            premiseId: string | null;
            /** Format: date */
            periodFrom: string;
            /** Format: date */
            periodTo: string;
            /** Format: date */
            sentOn: string;
            /**
             * Format: date
             * @description 5 working days after sending, on the production calendar
             */
            dueOn: string;
            stateSystemDueOn: string | null;
            /**
             * @description new: awaiting staff; queued: confirmed, on its way; sent: the state system took it; rejected: refused, confirm again; auto_answered: the state system answered "no debt" after the deadline
             * @enum {string}
             */
            status: "new" | "queued" | "sent" | "rejected" | "auto_answered";
            /** @description Past its deadline without an answer, answered late, or answered by the state system */
            overdue: boolean;
            proposal: components["schemas"]["DebtProposal"];
            answer: components["schemas"]["DebtAnswer"] | null;
            answeredAt: string | null;
            error: string | null;
        };
        CourtDecision: {
            /** Format: uuid */
            accountId: string;
            /** @description Номер дела */
            caseNumber: string;
            /**
             * Format: date
             * @description Date of the decision
             */
            decidedOn: string;
            /** @description Debt confirmed by the court, kopecks (more than zero) */
            amount: string;
            debtor: {
                lastName: string;
                firstName: string;
                middleName?: string;
            };
            repaidOn: string | null;
            /** Format: uuid */
            id: string;
            accountNumber: string;
            createdAt: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
