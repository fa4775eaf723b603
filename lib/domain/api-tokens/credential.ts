/** How a request authenticated: the browser session, a password-issued JWT, or a personal API token. */
export type Credential = "session" | "jwt" | "api_token";
