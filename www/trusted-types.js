// depeche's Trusted Types policy: the one place where a URL becomes a script URL.
// Why: a newsroom CMS may run under `require-trusted-types-for 'script'`, where the browser
// refuses a plain string as the URL of a Worker or a service worker ("This document requires
// 'TrustedScriptURL' assignment"): big texts would fall back to the main thread, offline use would
// be lost, with a console error each time. depeche creates one policy, named `depeche` (the name
// an integrator allows with `trusted-types depeche`), and it only vouches for depeche's own
// scripts: URLs of the same origin as this module, under the folder this module is in or its
// parent (www/worker.js, sw.js at the root). Everything else is refused.
// Trade-offs: where the page's CSP does not allow the name `depeche` (or the policy exists
// already, e.g. a second copy of this module), the plain URL is used: the browser then enforces
// its own rule and the callers' fallbacks apply. No HTML sink is covered: depeche writes no HTML.

const NAME = 'depeche';
const HOME = new URL('../', import.meta.url); // the folder of www/: the shell's root

/** @type {any} */ let policy;
let tried = false;

/** Is `url` one of depeche's own scripts? @param {URL} url */
function ours(url) {
  return url.origin === HOME.origin && url.pathname.startsWith(HOME.pathname) && /\.m?js$/.test(url.pathname);
}

/**
 * A URL the browser will take for a Worker or a service worker under Trusted Types: a
 * TrustedScriptURL from the `depeche` policy where Trusted Types exist, else the URL as a string.
 * @param {string|URL} url one of depeche's own scripts
 * @returns {any} a TrustedScriptURL or a string
 */
export function scriptURL(url) {
  const u = new URL(String(url), import.meta.url);
  if (!ours(u)) throw new Error(`depeche: ${u.href} is not one of depeche's scripts`);
  const tt = /** @type {any} */ (globalThis).trustedTypes;
  if (!tt?.createPolicy) return u.href;
  if (!tried) {
    tried = true;
    try {
      policy = tt.createPolicy(NAME, {
        createScriptURL: (/** @type {string} */ s) => {
          const v = new URL(s, import.meta.url);
          if (!ours(v)) throw new TypeError(`the depeche policy only vouches for depeche's scripts, not ${v.href}`);
          return v.href;
        },
      });
    } catch {
      policy = null; // the CSP does not allow the name, or it exists already
    }
  }
  return policy ? policy.createScriptURL(u.href) : u.href;
}
