/**
 * The slot for signing in without Gosuslugi (e-mail and password, registration, reset): the
 * local-signin work fills it. `next` is the path to return to after signing in.
 */
export function LocalSignIn(_props: { next: string }) {
  return null;
}
